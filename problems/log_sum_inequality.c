/* log_sum_inequality.c -- the log-sum inequality and the joint convexity
 * of KL: sum a_i log(a_i/b_i) >= A log(A/B) (A = sum a_i, B = sum b_i),
 * equality exactly when a ∝ b, the gap A KL(a/A || b/B); applied at every
 * x to (λp1, (1-λ)p2), (λq1, (1-λ)q2) and integrated, joint convexity.
 *
 * 000 P6.2 line by line (the two-term inequality, F := RHS - LHS, ∂F/∂q1,
 * p1/q1 = p2/q2 := k, LHS = m_p log k = RHS, the integral over x); 003
 * Q3.2's step labelled "log sum inequality".  Ground truth (lib/log_sum_two
 * for the two terms): the sides in lib/discrete.c's stable form; the
 * complex-step derivative of F; GSL's Brent minimiser of F over log q1;
 * brute force on random positive vectors of many lengths, with Pinsker's
 * bound for the size of the gap. */
#include "discrete.h"
#include "figure_curves.h"
#include "figure_panel.h"
#include "harness.h"
#include "kl_mix.h"
#include "line_fn.h"
#include "log_sum_two.h"
#include "log_sum_weights.h"
#include "logsumexp.h"
#include "pair_check.h"
#include "positive_pair.h"
#include "vsum.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static const check_spec CHECKS[] = {
  CHECK_HARNESS ("log_sum_random", REL_GE,
   "sum a log(a/b) >= A log(A/B) for random positive vectors, n = 1 to 1000, entries spread over e^±8, and near-proportional pairs"),
  CHECK_HARNESS ("log_sum_equality", REL_EQ,
   "sum a log(a/b) = A log(A/B) when a = c b (equality for proportional vectors)"),
  CHECK_HARNESS ("log_sum_pinsker", REL_GE,
   "the gap is strictly positive unless a ∝ b: sum a log(a/b) - A log(A/B) >= (A/2) ||a/A - b/B||_1^2 (Pinsker)"),
  {"dF_closed_vs_complex_step", "harness",
   "the truth of ∂F/∂q1: -λp1/q1 + λ(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2) (chain rule) = the complex-step derivative of F", REL_EQ, EXPECT_HOLDS, NULL},
  CHECK_HARNESS ("log_sum_label", REL_EQ,
   "003 Q3.2's label: its step is the log-sum inequality with a_j = 1, b_j = w_j: K[log mean w - mean log w] = sum 1·log(1/w_j) - K log(K / sum w_j)"),
};

static const mutant_spec MUTANTS[] = {
  {"log_sum_lhs_rel", "left side sum a log(a/b) multiplied by 1 - 1e-3", "log_sum_random"},
  {"log_sum_lhs_drop_last", "left side summed over n - 1 terms (off by one)", "log_sum_equality"},
  {"log_sum_rhs_drop_last_b", "B = sum b over n - 1 terms on the right side", "log_sum_pinsker"},
  {"dF_closed_no_lambda", "closed-form derivative without the chain-rule λ", "dF_closed_vs_complex_step"},
  {"log_sum_label_a_is_w", "log-sum reading with a_j = w_j, b_j = 1", "log_sum_label"},
};
enum { M_LHS_REL, M_LHS_DROP, M_RHS_DROP, M_NO_LAMBDA, M_A_IS_W };   /* MUTANTS' rows */
static int on[COUNT_OF (MUTANTS)];     /* their flags, set once in main */

static const param_spec PARAMS[] = {
  {"spread", 8.0, 0.5, 30.0, "random vector entries are e^(spread·(2u-1)), u uniform", PARAM_REAL},
  {"near", 1e-4, 1e-8, 1e-2, "relative perturbation of the near-proportional pairs", PARAM_REAL},
};

/* ---- the log-sum inequality on random vectors (harness) ---- */

static estimate
log_sum_lhs (const double *a, const double *b, size_t n)
{
  double v = discrete_gen_kl (a, b, n > 1 && on[M_LHS_DROP] ? n - 1 : n);
  return est_exact (on[M_LHS_REL] ? v * (1 - 1e-3) : v, discrete_gen_kl_rounding_bound (a, b, n));
}
static estimate
log_sum_rhs (const double *a, const double *b, size_t n)
{
  double sa = vsum_plain (a, n), sb = vsum_plain (b, n > 1 && on[M_RHS_DROP] ? n - 1 : n);
  return est_exact (discrete_xlogxy (sa, sb), discrete_log_sum_rhs_rounding_bound (a, b, n));
}

static void
check_log_sum_vectors (harness * h)
{
  static const size_t lengths[] = { 1, 2, 3, 5, 10, 30, 100, 1000 };
  long n_pairs = GSL_MAX (harness_samples (h), 24);     /* 24: every kind, every length */
  /* the gap bounded below by Pinsker's (A/2) ||a/A - b/B||_1^2 */
  pair_check_spec s = { "log_sum_random", "log_sum_equality", "log_sum_pinsker", log_sum_lhs,
    log_sum_rhs, pair_check_pinsker, lengths, COUNT_OF (lengths), harness_param (h, "spread"),
    harness_param (h, "near") };
  pair_check_run (h, &s, n_pairs);
  const char *where = "vectors of lengths 1 to 1000 (random, near-proportional, proportional)";
  check_close (h, "log_sum_random", "%ld %s", n_pairs, where);
  check_close (h, "log_sum_equality", "%ld proportional pairs a = c b, c = e^(±3)", n_pairs / 3);
  check_close (h, "log_sum_pinsker", "%ld %s", n_pairs, where);
}

/* ---- 000 P6.2: the two-term inequality, ∂F/∂q1, the stationary point ---- */

static const point_kind two_term_points = POINT_BOX_OF (NULL,
  {"λ", 0, 1, 0, 0}, {"p1", 0.05, 20, 1, 0}, {"p2", 0.05, 20, 1, 0},
  {"q1", 0.05, 20, 1, 0}, {"q2", 0.05, 20, 1, 0});

/* The point as lib/log_sum_two's: its truths are both sides in lib/discrete's
   stable form, ∂F/∂q1 by the complex step and F's minimiser by Brent. */
static log_sum_two two_term_of (const point * pt) { return log_sum_two_at (pt->v); }
/* ∂F/∂q1 as the seed writes it, without the chain rule's λ on its second term */
static double
dF_seed (const log_sum_two * t)
{
  return -t->lambda * t->p1 / t->q1 + log_sum_two_mix_p (t) / log_sum_two_mix_q (t);
}

/* The sides as the seed writes them (INVERTED, a mutant: the left side's
   log's ratio upside down), at a point of either kind (OF: its log_sum_two);
   the truth is the stable left side, log_sum_two_lhs_exact. */
static estimate
lhs_literal (log_sum_two t, int inverted)
{
  double mp = log_sum_two_mix_p (&t), mq = log_sum_two_mix_q (&t);
  return est_exact (mp * log (inverted ? mq / mp : mp / mq), log_sum_two_bound (&t));
}
static estimate
rhs_literal (log_sum_two t, double w1, double w2)
{
  return est_exact (w1 * t.p1 * log (t.p1 / t.q1) + w2 * t.p2 * log (t.p2 / t.q2),
                    log_sum_two_bound (&t));
}

#define TWO_TERM_LINE(name, of, expr) \
  static estimate name (const point * pt, const void *u) { (void) u; log_sum_two t = of (pt); return (expr); }
/* a line of ∂F/∂q1, within the rounding of its two terms */
#define DF_LINE(name, df) \
  TWO_TERM_LINE (name, two_term_of, est_exact (df, log_sum_two_dgap_bound (&t)))
TWO_TERM_LINE (v_lhs, two_term_of, lhs_literal (t, 0))
TWO_TERM_LINE (v_rhs, two_term_of, rhs_literal (t, t.lambda, 1 - t.lambda))
TWO_TERM_LINE (m_rhs_first_only, two_term_of, rhs_literal (t, t.lambda, 0))
TWO_TERM_LINE (m_lhs_inverted, two_term_of, lhs_literal (t, 1))
TWO_TERM_LINE (tr_lhs, two_term_of, log_sum_two_lhs_exact (&t))
DF_LINE (v_dF_seed, dF_seed (&t))
DF_LINE (v_dF_chain, log_sum_two_dgap (&t))
DF_LINE (tr_dF, log_sum_two_dgap_complex_step (&t))

/* The seed's stationary point p1/q1 = p2/q2 solved for q1, as log q1 (or,
   the mutant, q1 = p2 q2/p1). */
static estimate stationary (double s) { return est_exact (s, 4 * DBL_EPSILON * (fabs (s) + 1)); }
TWO_TERM_LINE (v_stationary, two_term_of, stationary (log (t.p1 * t.q2 / t.p2)))
TWO_TERM_LINE (m_stationary_swapped, two_term_of, stationary (log (t.p2 * t.q2 / t.p1)))
TWO_TERM_LINE (tr_argmin, two_term_of, log_sum_two_argmin_log_q1 (&t))

static const derivation_truth TWO_TERM_TRUTHS[] = {
  {"lhs", "the left side by lib/discrete.c (log-ratio by log1p near 1)", LINE_CLOSED (tr_lhs)},
  {"dF", "∂F/∂q1 by the complex step Im F(q1 + ih)/h", LINE_CLOSED (tr_dF)},
  {"argmin", "argmin of F over log q1: GSL Brent from a 61-point grid on [-15, 15]", LINE_CLOSED (tr_argmin)},
};
static const derivation_line TWO_TERM_LINES[] = {
  {.id = "s000_two_term_lhs", .source = "000 P6.2", .at = 87, .truth = "lhs",
   .text = "(λp1 + (1-λ)p2) log[(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2)]", .eval = LINE_CLOSED (v_lhs),
   .mutants = {{"s000_lhs_ratio_inverted", "the log's ratio inverted: log[(λq1 + (1-λ)q2)/(λp1 + (1-λ)p2)]", LINE_CLOSED (m_lhs_inverted)}}},
  {.id = "s000_two_term", .source = "000 P6.2", .at = 87, .rel = REL_LE,
   .text = "≤ λp1 log(p1/q1) + (1-λ)p2 log(p2/q2), ∀ p1, p2, q1, q2", .eval = LINE_CLOSED (v_rhs),
   .mutants = {{"s000_rhs_first_only", "the right side without its (1-λ) term", LINE_CLOSED (m_rhs_first_only)}}},
  {.id = "s000_F", .source = "000 P6.2", .at = 91, .text = "F(p1, p2, q1, q2) := RHS - LHS",
   LINE_NOT_CHECKABLE ("a definition")},
  {.id = "s000_dF_dq1", .source = "000 P6.2", .at = 95, .truth = "dF",
   .text = "∂F/∂q1 = -λp1/q1 + (λp1 + (1-λ)p2) · 1/(λq1 + (1-λ)q2)",
   .eval = LINE_CLOSED (v_dF_seed), .expect = V_ERROR,
   .correction = "∂F/∂q1 = -λp1/q1 + λ(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2): log(λq1 + (1-λ)q2) has"
     " derivative λ/(λq1 + (1-λ)q2). As written the line is off by (1-λ)(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2);"
     " it vanishes at q1 = λp1q2/(λp1 + p2), and at p1/q1 = p2/q2 it equals (1-λ)k, not 0",
   .mutants = {{"s000_dF_with_lambda", "the chain-rule λ restored: then the line holds", LINE_CLOSED (v_dF_chain)}}},
  {.id = "s000_stationary", .source = "000 P6.2", .at = 99, .truth = "argmin",
   .text = "From Lagrange multiplier (or the minimum over q1): p1/q1 = p2/q2 := k",
   .eval = LINE_CLOSED (v_stationary),
   .mutants = {{"s000_stationary_swapped", "solved as q1 = p2 q2/p1", LINE_CLOSED (m_stationary_swapped)}}},
};
DERIVATION_DEFINE (two_term_dv, "s000_two_term", "000 P6.2: the two-term inequality and the stationary point of F",
                   two_term_points, 100, TWO_TERM_TRUTHS, TWO_TERM_LINES);

/* ---- 000 P6.2 at q = p/k: LHS = (λp1 + (1-λ)p2) log k = RHS ---- */

static const point_kind at_k_points = POINT_BOX_OF (NULL,
  {"λ", 0, 1, 0, 0}, {"p1", 0.05, 20, 1, 0}, {"p2", 0.05, 20, 1, 0}, {"k", 0.05, 20, 1, 0});

static log_sum_two at_k_of (const point * pt) { double k = pt->v[3]; log_sum_two t = { pt->v[0], pt->v[1], pt->v[2], pt->v[1] / k, pt->v[2] / k }; return t; }
/* a mutant's point: p/q = k read as q = k p */
static log_sum_two at_k_inverted_of (const point * pt) { double k = pt->v[3]; log_sum_two t = { pt->v[0], pt->v[1], pt->v[2], pt->v[1] * k, pt->v[2] * k }; return t; }
TWO_TERM_LINE (v_at_k_lhs, at_k_of, lhs_literal (t, 0))
TWO_TERM_LINE (m_at_k_lhs_inverted, at_k_inverted_of, lhs_literal (t, 0))
TWO_TERM_LINE (v_at_k_rhs, at_k_of, rhs_literal (t, t.lambda, 1 - t.lambda))
TWO_TERM_LINE (tr_at_k_lhs, at_k_of, log_sum_two_lhs_exact (&t))
TWO_TERM_LINE (m_rhs_lambda_twice, at_k_of, est_exact (t.lambda * (t.p1 * log (t.p1 / t.q1) + t.p2 * log (t.p2 / t.q2)), log_sum_two_bound (&t)))
/* (λp1 + W2 p2) log k */
static estimate
mk_with (const point * pt, double w2)
{
  double mp = pt->v[0] * pt->v[1] + w2 * pt->v[2], k = pt->v[3];
  return est_exact (mp * log (k), 4 * DBL_EPSILON * mp * (fabs (log (k)) + 1));
}
LINE_FN_CLOSED (v_mk, mk_with (p, 1 - p->v[0]))
LINE_FN_CLOSED (m_mk_mix_dropped, mk_with (p, 1))

static const derivation_truth AT_K_TRUTHS[] = {
  {"lhs", "the left side at q = p/k by lib/discrete.c", LINE_CLOSED (tr_at_k_lhs)},
};
static const derivation_line AT_K_LINES[] = {
  {.id = "s000_lhs_at_k", .source = "000 P6.2", .at = 105, .truth = "lhs",
   .text = "at p1/q1 = p2/q2 = k: LHS", .eval = LINE_CLOSED (v_at_k_lhs),
   .mutants = {{"s000_at_k_q_times_k", "p/q = k read as q = k p: the LHS at q1 = k p1, q2 = k p2", LINE_CLOSED (m_at_k_lhs_inverted)}}},
  {.id = "s000_mk_log_k", .source = "000 P6.2", .at = 105, .text = "= (λp1 + (1-λ)p2) log k",
   .eval = LINE_CLOSED (v_mk),
   .mutants = {{"s000_at_k_mix_dropped", "(λp1 + p2) log k", LINE_CLOSED (m_mk_mix_dropped)}}},
  {.id = "s000_rhs_at_k", .source = "000 P6.2", .at = 105, .text = "= RHS", .eval = LINE_CLOSED (v_at_k_rhs),
   .mutants = {{"s000_rhs_lambda_twice", "RHS with λ on both terms", LINE_CLOSED (m_rhs_lambda_twice)}}},
  {.id = "s000_proved", .source = "000 P6.2", .at = 107, .text = "Thus we have proved the inequality.",
   LINE_NOT_CHECKABLE ("the conclusion needs F's stationary point to be its minimum (unargued;"
                       " true: F → ∞ at both ends and has one stationary point); the"
                       " inequality itself is line s000_two_term")},
};
DERIVATION_DEFINE (at_k_dv, "s000_at_k", "000 P6.2: both sides at p1/q1 = p2/q2 = k",
                   at_k_points, 100, AT_K_TRUTHS, AT_K_LINES);

/* ---- 000 P6.2 integrated over x: joint convexity of KL ---- */

static const point_coord MIX_WEIGHT[] = { {"λ", 0, 1, 0, 0} };
static const point_kind mixture_points = POINT_PROB_BOX (MIX_WEIGHT, 2, 8, NULL,
                                                        "P1", "P2", "Q1", "Q2");

/* The mixtures' KL as written (lib/kl_mix; its truth: stable), and a
   mutant's with Q's weights crossed; λ KL(P1||Q1) + (1-λ) KL(P2||Q2), and
   a mutant's with the weights exchanged: (1-λ) KL(P1||Q1) + λ KL(P2||Q2) */
LINE_FN_CLOSED (v_mix_lhs, kl_mix_lhs (p->v + 1, p->d, p->v[0], p->v[0], 0))
LINE_FN_CLOSED (m_mix_crossed, kl_mix_lhs (p->v + 1, p->d, p->v[0], 1 - p->v[0], 0))
LINE_FN_CLOSED (tr_mix_lhs, kl_mix_lhs (p->v + 1, p->d, p->v[0], p->v[0], 1))
LINE_FN_CLOSED (v_mix_rhs, kl_mix_rhs (p->v + 1, p->d, p->v[0]))
LINE_FN_CLOSED (m_mix_rhs_crossed, kl_mix_rhs (p->v + 1, p->d, 1 - p->v[0]))

static const derivation_truth MIX_TRUTHS[] = {
  {"kl_mix", "KL of the mixtures by lib/discrete.c", LINE_CLOSED (tr_mix_lhs)},
};
static const derivation_line MIX_LINES[] = {
  {.id = "s000_integrate_lhs", .source = "000 P6.2", .at = 89, .truth = "kl_mix",
   .text = "\"taking the integral over all x\": KL(λP1 + (1-λ)P2 || λQ1 + (1-λ)Q2)",
   .eval = LINE_CLOSED (v_mix_lhs),
   .mutants = {{"s000_mix_q_crossed", "the Q mixture with crossed weights (1-λ)Q1 + λQ2", LINE_CLOSED (m_mix_crossed)}}},
  {.id = "s000_integrate", .source = "000 P6.2", .at = 89, .rel = REL_LE,
   .text = "≤ λ KL(P1||Q1) + (1-λ) KL(P2||Q2)", .eval = LINE_CLOSED (v_mix_rhs),
   .mutants = {{"s000_rhs_weights_crossed", "the weights crossed: (1-λ) KL(P1||Q1) + λ KL(P2||Q2)", LINE_CLOSED (m_mix_rhs_crossed)}}},
};
DERIVATION_DEFINE (mixture_dv, "s000_joint_convexity", "000 P6.2 integrated: the joint convexity of KL",
                   mixture_points, 200, MIX_TRUTHS, MIX_LINES);

/* ---- 003 Q3.2: log((1/K) sum w_j) >= (1/K) sum log w_j, every draw ---- */

static const point_kind weight_points = POINT_BOX_OF (
  "K log-uniform on 2..1000, μ uniform on [-3, 3], σ log-uniform on [1e-3, 3]; a draw is K"
  " log-weights log w_j ~ N(μ, σ²)",
  {"K", 2, 1000, 1, 1}, {"μ", -3, 3, 0, 0}, {"σ", 0.001, 3, 1, 0});

static void
sample_log_weights (const gsl_rng * r, const point * pt, const void *u, double *x)
{
  (void) u;
  for (size_t j = 0; j < (size_t) pt->v[0]; j++)
    x[j] = pt->v[1] + pt->v[2] * gsl_ran_gaussian_ziggurat (r, 1.0);
}

static double
log_mean_w (const point * pt, const void *u, const double *x, double *bound)
{
  (void) u;
  double k = pt->v[0], v = log_mean_exp (x, (size_t) k);
  *bound = 4 * DBL_EPSILON * (fabs (v) + log (k) + 2);
  return v;
}
LINE_FN_BOUNDED (m_log_mean_k1, log_mean_w (p, u, z, bound) + log (p->v[0]) - log (p->v[0] + 1))
/* the truth: the plain sum of the weights, scaled by their largest */
LINE_FN_BOUNDED (log_mean_w_plain, vsum_log_mean_exp_bounded (z, (size_t) p->v[0], bound))
LINE_FN_BOUNDED (mean_log_w, vsum_mean_bounded (z, (size_t) p->v[0], bound))
LINE_FN_BOUNDED (m_mean_log_plus_sigma, mean_log_w (p, u, z, bound) + p->v[2])

static const derivation_truth WEIGHT_TRUTHS[] = {
  {"log_mean", "log((1/K) sum w_j) by a plain scaled sum", LINE_POINTWISE (log_mean_w_plain)},
};
static const derivation_line WEIGHT_LINES[] = {
  /* The seed's verdict on this display is iwae_bound's s003_q32_m2; here the
     step is stress-tested (K to 1000, log-weight sd 1e-3 to 3). */
  {.id = "s003_log_mean_w", .source = "harness", .truth = "log_mean",
   .text = "log (1/K) Σ_j p(x, h_j)/q(h_j), for every draw (the left side of 003 Q3.2's step)", .eval = LINE_POINTWISE (log_mean_w),
   .mutants = {{"s003_step_k_plus_1", "1/(K+1) in place of 1/K inside the log", LINE_POINTWISE (m_log_mean_k1)}}},
  {.id = "s003_log_sum_step", .source = "harness", .rel = REL_GE,
   .text = "≥ (1/K) Σ_j log p(x, h_j)/q(h_j)  (\"log sum inequality\")",
   .eval = LINE_POINTWISE (mean_log_w),
   .mutants = {{"s003_step_plus_sigma", "(1/K) Σ log w_j + σ", LINE_POINTWISE (m_mean_log_plus_sigma)}}},
};
DERIVATION_DEFINE (weights_dv, "s003_q3_2", "003 Q3.2: the step labelled \"log sum inequality\"",
                   weight_points, 60, WEIGHT_TRUTHS, WEIGHT_LINES,
                   .n_mc_points = 60, .x_dim = 1000, .sample = sample_log_weights);

/* ---- harness checks beside the derivations ---- */

static void
check_complex_step (harness * h)
{
  gsl_rng *r = harness_rng (h);
  long n = GSL_MAX (harness_samples (h) / 10, 10);
  line_value_fn closed = on[M_NO_LAMBDA] ? v_dF_seed : v_dF_chain;     /* the mutant: no λ */
  for (long i = 0; i < n; i++)
    {
      /* λ, then p1, p2, q1, q2: not in an initialiser, whose order C leaves open */
      point pt = { 5, 5, { 0.1 + 0.8 * gsl_rng_uniform (r) } };
      positive_pair_log_uniform_fill (r, 3.0, 4, pt.v + 1);
      check_point (h, "dF_closed_vs_complex_step", closed (&pt, NULL), tr_dF (&pt, NULL));
    }
  check_close (h, "dF_closed_vs_complex_step", "%ld random points: p, q over e^±3, λ in [0.1, 0.9]", n);
}

/* 003 Q3.2's gap K[log mean w - mean log w] is the log-sum gap with a = 1,
   b = w: sum log(1/w_j) - K log(K / sum w_j) (both by lib/log_sum_weights). */
static void
check_log_sum_label (harness * h)
{
  static const size_t ks[] = { 2, 5, 10, 100, 1000 };
  gsl_rng *r = harness_rng (h);
  long n = GSL_MAX (harness_samples (h) / 4, 5);
  static double logw[1000], w[1000];
  for (long i = 0; i < n; i++)
    {
      size_t k = ks[i % COUNT_OF (ks)];
      double mu = 3 * gsl_ran_gaussian (r, 1.0), sigma = exp (log (1e-3) + gsl_rng_uniform (r) * log (3e3));
      positive_pair_log_normal (r, mu, sigma, k, logw, w);
      log_sum_weights g = log_sum_weights_gaps (logw, w, k, on[M_A_IS_W]);
      check_point (h, "log_sum_label", g.am_gm, g.log_sum);
    }
  check_close (h, "log_sum_label", "%ld draws of K log-normal weights, K in {2, 5, 10,"
               " 100, 1000}, σ log-uniform from 1e-3 to 3", n);
}

/* ---- the figure: every line against its truth, and ∂F/∂q1 ---- */

static void
draw_figure (harness * h)
{
  sbuf *gp = harness_figure_script (h);
  sbuf_append (gp, "set multiplot layout 1,2\n");
  int block = figure_lines_against_truth (h, "000 P6.2 and 003 Q3.2: each line against its truth");
  log_sum_two t = { 0.3, 1.0, 2.0, 0, 1.0 };
  point at = { 5, 5, { t.lambda, t.p1, t.p2, t.q1, t.q2 } };     /* q1 drawn along */
  figure_curves_spec c = { .what = "dF/dq1 at λ = 0.3, p1 = 1.0, p2 = 2.0, q2 = 1.0",
    .title = "∂F/∂q1 (λ = 0.3, p1 = 1, p2 = 2, q2 = 1): the seed's line misses a factor λ",
    .x_column = "q1", .xlabel = "q1", .ylabel = "∂F/∂q1", .xlo = 0.1, .xhi = 10, .n = 200,
    .log_x = 1, .ylo = -3, .yhi = 2.5, .at = &at, .coord = 3, .zero_line = 1,
    .curves = {{"complex_step", "complex-step derivative (truth)", "ls 1", tr_dF},
               {"seed_line", "000 line as written", "ls 2 dt 2", v_dF_seed}},
    .marks = {{"q1_true", t.p1 * t.q2 / t.p2, "p1/q1 = p2/q2"},
              {"q1_seed", t.lambda * t.p1 * t.q2 / (t.lambda * t.p1 + t.p2), "seed line = 0"}} };
  figure_curves (harness_figure_data (h), gp, block, &c);
  sbuf_append (gp, "unset multiplot\n");
}

static const claim CLAIM = {
  .slug = "log_sum_inequality",
  .title = "The log-sum inequality and the joint convexity of KL",
  .claim = "For a_i >= 0, b_i > 0: sum a_i log(a_i/b_i) >= A log(A/B) (A = sum a_i, "
    "B = sum b_i), with equality exactly when a ∝ b. Applied pointwise to "
    "(λp1, (1-λ)p2) and (λq1, (1-λ)q2) and integrated, it gives the joint "
    "convexity of KL: KL(λP1 + (1-λ)P2 || λQ1 + (1-λ)Q2) <= λKL(P1||Q1) + (1-λ)KL(P2||Q2).",
  .sources = "000 P6.2 (the two-term inequality, ∂F/∂q1, the stationarity p1/q1 = p2/q2, "
    "LHS = m_p log k = RHS, joint convexity); 003 Q3.2 (the step it is invoked for)",
  CLAIM_CHECKS (CHECKS), CLAIM_MUTANTS (MUTANTS), CLAIM_PARAMS (PARAMS),
  CLAIM_DERIVATIONS (&two_term_dv, &at_k_dv, &mixture_dv, &weights_dv),
  .samples_default = 4000, .samples_quick = 400,
  .figure_caption = "Left: every line of 000 P6.2 and 003 Q3.2 on a row, and how far it"
    " misses its ground truth at each point in units of the decision's margin z·SE + bound"
    " (log scale): a line that holds stays left of 1, ∂F/∂q1 as written does not."
    " Right: ∂F/∂q1 for one setting, the complex-step derivative against 000's line as"
    " written; the seed's line misses the factor λ and crosses zero at the wrong q1.",
  .figure_width = 1500, .figure_height = 620,
};

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  harness_mutant_flags (h, on, COUNT_OF (on));
  harness_run_derivations (h);
  check_log_sum_vectors (h);
  check_complex_step (h);
  check_log_sum_label (h);
  draw_figure (h);
  sbuf_printf (harness_notes (h),
    "**000 P6.2.** The two-term inequality holds at every point tested; integrated"
    " over x it is the joint convexity of KL (discrete distributions, mixing weight"
    " λ). F is RHS − LHS. ∂F/∂q1 as written drops the chain-rule factor λ of"
    " ∂ log(λq1 + (1−λ)q2)/∂q1: against the complex-step derivative it is off by"
    " (1−λ)(λp1 + (1−λ)p2)/(λq1 + (1−λ)q2), and set to zero it gives q1 ="
    " λp1q2/(λp1 + p2), not p1/q1 = p2/q2. It is an error, not a slip: the text is"
    " unambiguous and no line of the seed uses a derivative with the factor λ (the"
    " next line is attributed to a Lagrange multiplier). That next line, p1/q1 ="
    " p2/q2, is right: GSL's Brent minimiser finds the minimum of F there (with the"
    " factor λ the derivative vanishes there). Nothing is constrained, so the"
    " \"Lagrange multiplier\" is plain stationarity. The seed does not argue that the"
    " stationary point is a minimum or the only one; both are true (F → +∞ as q1 → 0"
    " and as q1 → ∞, one zero of the derivative), so F ≥ F(p1q2/p2) = 0.\n\n"
    "**003 Q3.2.** log((1/K)Σw_j) ≥ (1/K)Σ log w_j holds for every draw (AM ≥ GM);"
    " it is the log-sum inequality with a_j = 1, b_j = w_j, so the seed's label is"
    " right (check `log_sum_label`). The rest of that display belongs to the claim"
    " iwae_bound.\n\n"
    "**Vectors.** The log-sum inequality itself is tested by brute force on random"
    " positive vectors of lengths 1 to 1000 spread over e^±%g: independent,"
    " near-proportional (a = e·b·(1 + %g z)) and proportional pairs; Pinsker's"
    " inequality bounds the gap from below.\n",
    harness_param (h, "spread"), harness_param (h, "near"));
  return harness_end (h);
}
