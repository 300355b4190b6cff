/* log_sum_inequality.c -- the log-sum inequality and the joint convexity
 * of KL.
 *
 * The log-sum inequality: for a_i >= 0, b_i > 0 with A = sum a_i,
 * B = sum b_i,
 *     sum a_i log(a_i / b_i) >= A log(A / B),
 * with equality exactly when a is proportional to b; the gap is
 * A KL(a/A || b/B).  Applied to a = (l p1, (1-l) p2), b = (l q1, (1-l) q2)
 * at every x and integrated, it gives the joint convexity of KL.
 *
 * Seed lines, coded as written:
 *   000 P6.2  the two-term inequality (l p1 + (1-l) p2) log(...) <= ...;
 *             "taking the integral over all x" (joint convexity of KL);
 *             dF/dq1 = -l p1/q1 + (l p1 + (1-l) p2)/(l q1 + (1-l) q2);
 *             the stationarity p1/q1 = p2/q2 := k; LHS = m_p log k = RHS.
 *   003 Q3.2  the step log((1/K) sum w_j) >= (1/K) sum log w_j, which the
 *             seed labels "log sum inequality".
 * Ground truth: brute force on random positive vectors of many lengths
 * (both sides computed, in lib/discrete.c's stable form); Pinsker's
 * inequality for the size of the gap; the complex-step derivative of F
 * (exact to rounding, independent of any symbolic derivative); GSL's
 * Brent minimiser for the minimum of F over q1; quadrature for the KL of
 * Gaussian mixtures against the closed-form KL of Gaussians. */
#include "discrete.h"
#include "harness.h"
#include "logsumexp.h"
#include "minimize.h"

#include <complex.h>
#include <float.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

static const check_spec CHECKS[] = {
  {"log_sum_random", "harness",
   "sum a log(a/b) >= A log(A/B) for random positive vectors, n = 1 to 1000, entries spread over e^±8, and near-proportional pairs",
   REL_GE, EXPECT_HOLDS, NULL},
  {"log_sum_equality", "harness",
   "sum a log(a/b) = A log(A/B) when a = c b (equality for proportional vectors)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"log_sum_pinsker", "harness",
   "the gap is strictly positive unless a ∝ b: sum a log(a/b) - A log(A/B) >= (A/2) ||a/A - b/B||_1^2 (Pinsker)",
   REL_GE, EXPECT_HOLDS, NULL},
  {"s000_two_term", "000 P6.2",
   "(λp1 + (1-λ)p2) log[(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2)] <= λ p1 log(p1/q1) + (1-λ) p2 log(p2/q2) for all p1, p2 >= 0, q1, q2 > 0, λ in [0, 1]",
   REL_LE, EXPECT_HOLDS, NULL},
  {"s000_integrate", "000 P6.2",
   "\"taking the integral over all x\": KL(λP1 + (1-λ)P2 || λQ1 + (1-λ)Q2) <= λ KL(P1||Q1) + (1-λ) KL(P2||Q2), discrete distributions and 1-D Gaussians",
   REL_LE, EXPECT_HOLDS, NULL},
  {"dF_closed_vs_complex_step", "harness",
   "∂F/∂q1 = -λp1/q1 + λ(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2) (chain rule) = the complex-step derivative of F",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_dF_dq1", "000 P6.2",
   "∂F/∂q1 = -λp1/q1 + (λp1 + (1-λ)p2) · 1/(λq1 + (1-λ)q2), against the complex-step derivative of F",
   REL_EQ, EXPECT_SEED_ERROR,
   "∂F/∂q1 = -λp1/q1 + λ(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2): differentiating log(λq1 + (1-λ)q2) in q1 gives a factor λ; as written the line is off by (1-λ)(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2)"},
  {"s000_stationarity_from_seed_derivative", "000 P6.2",
   "the seed's ∂F/∂q1, as written, vanishes where p1/q1 = p2/q2 (q1 = p1 q2 / p2)",
   REL_EQ, EXPECT_SEED_ERROR,
   "as written it vanishes at q1 = λp1q2/(λp1 + p2) and equals (1-λ)k at q1 = p1q2/p2; with the factor λ restored it vanishes exactly where p1/q1 = p2/q2"},
  {"s000_stationary_point", "000 P6.2",
   "p1/q1 = p2/q2 := k is a stationary point of F in q1: the complex-step ∂F/∂q1 at q1 = p1 q2/p2 is 0",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_stationary_is_min", "000 P6.2",
   "the minimiser of F over q1 (GSL Brent in log q1) is q1 = p1 q2 / p2, i.e. p1/q1 = p2/q2",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_lhs_at_k", "000 P6.2",
   "at q1 = p1/k, q2 = p2/k: LHS = (λp1 + (1-λ)p2) log k",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_rhs_at_k", "000 P6.2",
   "at q1 = p1/k, q2 = p2/k: (λp1 + (1-λ)p2) log k = RHS",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_log_sum_step", "003 Q3.2",
   "log((1/K) sum_j w_j) >= (1/K) sum_j log w_j for every draw of positive weights w_1..w_K (the step labelled \"log sum inequality\")",
   REL_GE, EXPECT_HOLDS, NULL},
  {"s003_as_log_sum", "003 Q3.2",
   "that step is the log-sum inequality with a_j = 1, b_j = w_j: K[log mean w - mean log w] = sum 1·log(1/w_j) - K log(K / sum w_j)",
   REL_EQ, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"log_sum_lhs_rel", "left side sum a log(a/b) multiplied by 1 - 1e-3", "log_sum_random"},
  {"log_sum_lhs_drop_last", "left side summed over n - 1 terms (off by one)", "log_sum_equality"},
  {"log_sum_rhs_drop_last_b", "B = sum b over n - 1 terms on the right side", "log_sum_pinsker"},
  {"s000_lhs_rel", "000's left side multiplied by 1 + 1e-3", "s000_two_term"},
  {"s000_mix_q_crossed", "mixture of Q with crossed weights (1-λ)Q1 + λQ2", "s000_integrate"},
  {"dF_closed_no_lambda", "closed-form derivative without the chain-rule λ", "dF_closed_vs_complex_step"},
  {"stationary_k_rel", "stationary q1 = p1 q2/p2 multiplied by 1 + 1e-3", "s000_stationary_point"},
  {"stationary_swapped", "stationary relation solved as q1 = p2 q2/p1", "s000_stationary_is_min"},
  {"at_k_mix_dropped", "(λp1 + p2) log k in place of (λp1 + (1-λ)p2) log k", "s000_lhs_at_k"},
  {"at_k_log_inverse", "m_p log(1/k) in place of m_p log k", "s000_rhs_at_k"},
  {"s003_step_k_plus_1", "1/(K+1) in place of 1/K inside the log", "s003_log_sum_step"},
  {"s003_as_log_sum_a_is_w", "log-sum reading with a_j = w_j, b_j = 1", "s003_as_log_sum"},
};

static const param_spec PARAMS[] = {
  {"spread", 8.0, 0.5, 30.0, "random vector entries are e^(spread·(2u-1)), u uniform"},
  {"near", 1e-4, 1e-8, 1e-2, "relative perturbation of the near-proportional pairs"},
};

static const claim CLAIM = {
  .slug = "log_sum_inequality",
  .title = "The log-sum inequality and the joint convexity of KL",
  .claim = "For a_i >= 0, b_i > 0: sum a_i log(a_i/b_i) >= A log(A/B) (A = sum a_i, "
    "B = sum b_i), with equality exactly when a ∝ b. Applied pointwise to "
    "(λp1, (1-λ)p2) and (λq1, (1-λ)q2) and integrated, it gives the joint "
    "convexity of KL: KL(λP1 + (1-λ)P2 || λQ1 + (1-λ)Q2) <= λKL(P1||Q1) + (1-λ)KL(P2||Q2).",
  .sources = "000 P6.2 (the two-term inequality, ∂F/∂q1, the stationarity p1/q1 = p2/q2, "
    "LHS = m_p log k = RHS, joint convexity); 003 Q3.2 (the step it is invoked for)",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 4000, .samples_quick = 400,
  .figure_caption = "Left: the joint-convexity gap λKL(P1||Q1) + (1-λ)KL(P2||Q2) - "
    "KL(mixtures) over λ for random pairs of discrete distributions; it is never "
    "negative and vanishes at λ = 0 and 1. Middle: F (right side minus left side of "
    "000's two-term inequality) as a function of q1 for four settings; each minimum, "
    "F = 0, sits where p1/q1 = p2/q2 (circles). Right: ∂F/∂q1 for one setting, the "
    "complex-step derivative against 000's line as written; the seed's line misses "
    "the factor λ and crosses zero at the wrong q1.",
  .figure_width = 1800, .figure_height = 600,
};

/* ----------------------------------------------------------------------
 * Small helpers
 * ---------------------------------------------------------------------- */

static double
log_uniform (const gsl_rng * r, double spread)
{
  return exp (spread * (2 * gsl_rng_uniform (r) - 1));
}

/* x log(x / y) with 0 log(0 / y) = 0, through lib/discrete.c's stable
   log-ratio; and its rounding bound. */
static double
xlogxy (double x, double y)
{
  return discrete_gen_kl (&x, &y, 1);
}

static double
xlogxy_bound (double x, double y)
{
  return discrete_gen_kl_rounding_bound (&x, &y, 1);
}

static double
vector_sum (const double *v, size_t n)
{
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += v[i];
  return s;
}

/* ----------------------------------------------------------------------
 * The log-sum inequality on random vectors
 * ---------------------------------------------------------------------- */

/* The two sides under test, with their mutants. */
static double
log_sum_lhs (const harness * h, const double *a, const double *b, size_t n)
{
  size_t m = n > 1 && mutant (h, "log_sum_lhs_drop_last") ? n - 1 : n;
  double v = discrete_gen_kl (a, b, m);
  if (mutant (h, "log_sum_lhs_rel"))
    v *= 1 - 1e-3;
  return v;
}

static double
log_sum_rhs (const harness * h, const double *a, const double *b, size_t n)
{
  size_t nb = n > 1 && mutant (h, "log_sum_rhs_drop_last_b") ? n - 1 : n;
  double sa = vector_sum (a, n), sb = vector_sum (b, nb);
  return xlogxy (sa, sb);
}

/* Rounding of A log(A/B) with A, B summed naively over N terms. */
static double
log_sum_rhs_bound (const double *a, const double *b, size_t n)
{
  double sa = vector_sum (a, n), sb = vector_sum (b, n);
  return xlogxy_bound (sa, sb)
    + 2.0 * (double) n * DBL_EPSILON * sa * (fabs (log (sa / sb)) + 2.0);
}

/* (A/2) ||a/A - b/B||_1^2, and its rounding. */
static double
pinsker_bound_value (const double *a, const double *b, size_t n)
{
  double sa = vector_sum (a, n), sb = vector_sum (b, n), l1 = 0;
  for (size_t i = 0; i < n; i++)
    l1 += fabs (a[i] / sa - b[i] / sb);
  return 0.5 * sa * l1 * l1;
}

typedef enum { VEC_RANDOM, VEC_NEAR, VEC_PROPORTIONAL } vector_kind;

/* Fill a, b (length n).  RANDOM: independent log-uniform entries.  NEAR:
   a = e b (1 + near z), so A log(A/B) ~ A and the gap ~ A near^2 / 2.
   PROPORTIONAL: a = c b exactly up to the rounding of the product. */
static void
random_pair (const gsl_rng * r, vector_kind kind, double spread, double near,
             size_t n, double *a, double *b)
{
  double c = log_uniform (r, 3.0);
  for (size_t i = 0; i < n; i++)
    {
      b[i] = log_uniform (r, spread);
      switch (kind)
        {
        case VEC_RANDOM:
          a[i] = log_uniform (r, spread);
          break;
        case VEC_NEAR:
          a[i] = M_E * b[i] * (1 + near * gsl_ran_gaussian (r, 1.0));
          break;
        case VEC_PROPORTIONAL:
          a[i] = c * b[i];
          break;
        }
    }
}

static void
check_log_sum_vectors (harness * h)
{
  static const size_t lengths[] = { 1, 2, 3, 5, 10, 30, 100, 1000 };
  gsl_rng *r = harness_rng (h);
  double spread = harness_param (h, "spread"), near = harness_param (h, "near");
  long n_pairs = GSL_MAX (harness_samples (h), 24);     /* 24: every kind, every length */
  double *a = xmalloc (1000 * sizeof *a), *b = xmalloc (1000 * sizeof *b);
  for (long k = 0; k < n_pairs; k++)
    {
      size_t n = lengths[k % COUNT_OF (lengths)];
      vector_kind kind = (vector_kind) ((k / COUNT_OF (lengths)) % 3);
      random_pair (r, kind, spread, near, n, a, b);
      double lb = discrete_gen_kl_rounding_bound (a, b, n);
      double rb = log_sum_rhs_bound (a, b, n);
      estimate lhs = est_exact (log_sum_lhs (h, a, b, n), lb);
      estimate rhs = est_exact (log_sum_rhs (h, a, b, n), rb);
      check_point (h, "log_sum_random", lhs, rhs);
      if (kind == VEC_PROPORTIONAL)
        check_point (h, "log_sum_equality", lhs, rhs);
      double pin = pinsker_bound_value (a, b, n);
      check_point (h, "log_sum_pinsker",
                   est_exact (lhs.value - rhs.value, lb + rb),
                   est_exact (pin, 4.0 * (double) n * DBL_EPSILON
                              * (pin + vector_sum (a, n))));
    }
  const char *where = "vectors of lengths 1 to 1000 (random, near-proportional, proportional)";
  check_close (h, "log_sum_random", "%ld %s", n_pairs, where);
  check_close (h, "log_sum_equality", "%ld proportional pairs a = c b, c = e^(±3)", n_pairs / 3);
  check_close (h, "log_sum_pinsker", "%ld %s", n_pairs, where);
  free (a);
  free (b);
}

/* ----------------------------------------------------------------------
 * 000 P6.2: the two-term inequality and F
 * ---------------------------------------------------------------------- */

typedef struct
{
  double lambda, p1, p2, q1, q2;
} two_term;

/* The seed's left side: (λp1 + (1-λ)p2) log[(λp1 + (1-λ)p2)/(λq1 + (1-λ)q2)]. */
static double
seed_lhs (const two_term * t)
{
  double mp = t->lambda * t->p1 + (1 - t->lambda) * t->p2;
  double mq = t->lambda * t->q1 + (1 - t->lambda) * t->q2;
  return xlogxy (mp, mq);
}

/* The seed's right side: λ p1 log(p1/q1) + (1-λ) p2 log(p2/q2). */
static double
seed_rhs (const two_term * t)
{
  return t->lambda * xlogxy (t->p1, t->q1)
    + (1 - t->lambda) * xlogxy (t->p2, t->q2);
}

/* F = RHS - LHS as the seed defines it. */
static double
seed_F (const two_term * t)
{
  return seed_rhs (t) - seed_lhs (t);
}

/* Rounding of either side (both sides together, generously). */
static double
two_term_bound (const two_term * t)
{
  double mp = t->lambda * t->p1 + (1 - t->lambda) * t->p2;
  double mq = t->lambda * t->q1 + (1 - t->lambda) * t->q2;
  return 2.0 * (xlogxy_bound (mp, mq) + xlogxy_bound (t->p1, t->q1)
                + xlogxy_bound (t->p2, t->q2))
    + 8.0 * DBL_EPSILON * (fabs (seed_lhs (t)) + fabs (seed_rhs (t)) + mp);
}

/* F(q1) in complex arithmetic, for the complex-step derivative
   dF/dq1 = Im F(q1 + i h) / h (Squire & Trapp 1998): no difference is
   taken, so the result is exact to rounding for any tiny h. */
static double complex
seed_F_complex (const two_term * t, double complex q1)
{
  double l = t->lambda;
  double mp = l * t->p1 + (1 - l) * t->p2;
  double complex mq = l * q1 + (1 - l) * t->q2;
  double complex rhs = l * t->p1 * (log (t->p1) - clog (q1))
    + (1 - l) * xlogxy (t->p2, t->q2);
  double complex lhs = mp * (log (mp) - clog (mq));
  return rhs - lhs;
}

static double
dF_complex_step (const two_term * t)
{
  double h = 1e-20 * t->q1;
  return cimag (seed_F_complex (t, t->q1 + I * h)) / h;
}

/* Rounding of a derivative whose two terms have these sizes. */
static double
dF_bound (const two_term * t)
{
  double l = t->lambda;
  double mp = l * t->p1 + (1 - l) * t->p2;
  double mq = l * t->q1 + (1 - l) * t->q2;
  return 16.0 * DBL_EPSILON * (t->p1 / t->q1 + mp / mq);
}

/* 000's line as written: -λp1/q1 + (λp1 + (1-λ)p2) · 1/(λq1 + (1-λ)q2). */
static double
seed_dF_dq1 (const two_term * t)
{
  double l = t->lambda;
  return -l * t->p1 / t->q1
    + (l * t->p1 + (1 - l) * t->p2) / (l * t->q1 + (1 - l) * t->q2);
}

/* The derivative by the chain rule (ours), with its mutant. */
static double
closed_dF_dq1 (const harness * h, const two_term * t)
{
  double l = t->lambda;
  double chain = mutant (h, "dF_closed_no_lambda") ? 1.0 : l;
  return -l * t->p1 / t->q1
    + chain * (l * t->p1 + (1 - l) * t->p2) / (l * t->q1 + (1 - l) * t->q2);
}

/* The seed's stationary point solved for q1: p1/q1 = p2/q2. */
static double
seed_stationary_q1 (const harness * h, const two_term * t)
{
  double q1 = t->p1 * t->q2 / t->p2;
  if (mutant (h, "stationary_swapped"))
    q1 = t->p2 * t->q2 / t->p1;
  return q1;
}

/* A random setting: p, q log-uniform over e^±3, λ uniform on [0.1, 0.9]
   (away from 1, where the seed's lost factor λ would not show). */
static two_term
random_two_term (const gsl_rng * r)
{
  two_term t = { 0.1 + 0.8 * gsl_rng_uniform (r), log_uniform (r, 3.0),
    log_uniform (r, 3.0), log_uniform (r, 3.0), log_uniform (r, 3.0)
  };
  return t;
}

static void
check_two_term_inequality (harness * h)
{
  gsl_rng *r = harness_rng (h);
  long n = GSL_MAX (harness_samples (h), 5);
  double near = harness_param (h, "near");
  for (long i = 0; i < n; i++)
    {
      two_term t = { gsl_rng_uniform (r), log_uniform (r, 5.0),
        log_uniform (r, 5.0), log_uniform (r, 5.0), log_uniform (r, 5.0)
      };
      switch (i % 5)
        {
        case 1:                /* near equality, k in [2, 10], LHS > 0 */
          {
            double k = 2 + 8 * gsl_rng_uniform (r);
            t.q1 = t.p1 / k;
            t.q2 = t.p2 / k * (1 + near * gsl_ran_gaussian (r, 1.0));
            break;
          }
        case 2:                /* a zero p: 0 log 0 = 0 */
          if (i % 2)
            t.p1 = 0;
          else
            t.p2 = 0;
          break;
        case 3:                /* the end points of λ */
          t.lambda = (double) (i % 2);
          break;
        default:
          break;
        }
      double lhs = seed_lhs (&t);
      if (mutant (h, "s000_lhs_rel"))
        lhs *= 1 + 1e-3;
      double bound = two_term_bound (&t);
      check_point (h, "s000_two_term", est_exact (lhs, bound),
                   est_exact (seed_rhs (&t), bound));
    }
  check_close (h, "s000_two_term", "%ld random points: p, q over e^±5,"
               " λ uniform, 1/5 near equality (p/q = k (1 + %g z)),"
               " 1/5 with a zero p, 1/5 with λ in {0, 1}", n, near);
}

/* F over t = log q1, for the minimiser. */
static double
F_of_log_q1 (double logq1, void *params)
{
  two_term t = *(const two_term *) params;
  t.q1 = exp (logq1);
  return seed_F (&t);
}

/* The minimiser of F in log q1, and its error: Brent's final bracket plus
   the width over which rounding noise in F hides the minimum,
   sqrt(2 noise / F_tt), F_tt = F''(q1) q1^2 from the complex step. */
static estimate
argmin_log_q1 (const two_term * t0, double *f_min)
{
  min1d_result m = minimize_1d_grid (F_of_log_q1, (void *) t0, -15.0, 15.0,
                                     61, 1e-6, 0.0, 200);
  if (!m.converged)
    die_runtime ("Brent did not converge on F(q1) (λ = %g)", t0->lambda);
  two_term t = *t0;
  t.q1 = exp (m.x);
  double hh = 1e-6 * t.q1;
  two_term tp = t, tm = t;
  tp.q1 += hh;
  tm.q1 -= hh;
  double f2 = (dF_complex_step (&tp) - dF_complex_step (&tm)) / (2 * hh);
  double ftt = fmax (f2 * t.q1 * t.q1, 1e-300);
  double noise = 8.0 * DBL_EPSILON * (fabs (seed_lhs (&t)) + fabs (seed_rhs (&t)) + 1.0);
  *f_min = m.f;
  return est_opt (m.x, m.x_err + 2.0 * sqrt (2.0 * noise / ftt));
}

static void
check_derivative_and_stationarity (harness * h)
{
  gsl_rng *r = harness_rng (h);
  long n = GSL_MAX (harness_samples (h) / 10, 10);
  for (long i = 0; i < n; i++)
    {
      two_term t = random_two_term (r);
      estimate truth = est_exact (dF_complex_step (&t), dF_bound (&t));
      check_point (h, "dF_closed_vs_complex_step",
                   est_exact (closed_dF_dq1 (h, &t), dF_bound (&t)), truth);
      check_point (h, "s000_dF_dq1",
                   est_exact (seed_dF_dq1 (&t), dF_bound (&t)), truth);

      /* at the seed's stationary point */
      two_term s = t;
      s.q1 = t.p1 * t.q2 / t.p2;
      check_point (h, "s000_stationarity_from_seed_derivative",
                   est_exact (seed_dF_dq1 (&s), dF_bound (&s)),
                   est_exact (0, 0));
      if (mutant (h, "stationary_k_rel"))
        s.q1 *= 1 + 1e-3;
      check_point (h, "s000_stationary_point",
                   est_exact (dF_complex_step (&s), dF_bound (&s)),
                   est_exact (0, 0));

      double f_min;
      estimate opt = argmin_log_q1 (&t, &f_min);
      double q1_seed = seed_stationary_q1 (h, &t);
      check_point (h, "s000_stationary_is_min",
                   est_exact (log (q1_seed), 4 * DBL_EPSILON * (fabs (log (q1_seed)) + 1)),
                   opt);
    }
  const char *where = "random points: p, q over e^±3, λ in [0.1, 0.9]";
  check_close (h, "dF_closed_vs_complex_step", "%ld %s", n, where);
  check_close (h, "s000_dF_dq1", "%ld %s", n, where);
  check_close (h, "s000_stationarity_from_seed_derivative", "%ld %s", n, where);
  check_close (h, "s000_stationary_point", "%ld %s", n, where);
  check_close (h, "s000_stationary_is_min", "%ld %s; GSL Brent over log q1 in"
               " [-15, 15] from a 61-point grid, bracket 1e-6", n, where);
}

/* The seed's common value at q = p / k, with its mutants. */
static double
seed_value_at_k (const harness * h, const two_term * t, double k)
{
  double l = t->lambda;
  double mp = mutant (h, "at_k_mix_dropped") ? l * t->p1 + t->p2
    : l * t->p1 + (1 - l) * t->p2;
  double lk = mutant (h, "at_k_log_inverse") ? log (1 / k) : log (k);
  return mp * lk;
}

static void
check_equality_at_k (harness * h)
{
  gsl_rng *r = harness_rng (h);
  long n = GSL_MAX (harness_samples (h) / 10, 10);
  for (long i = 0; i < n; i++)
    {
      two_term t = random_two_term (r);
      double k = log_uniform (r, 3.0);
      t.q1 = t.p1 / k;
      t.q2 = t.p2 / k;
      double bound = two_term_bound (&t);
      double mp = t.lambda * t.p1 + (1 - t.lambda) * t.p2;
      estimate seed = est_exact (seed_value_at_k (h, &t, k),
                                 4 * DBL_EPSILON * mp * (fabs (log (k)) + 1));
      check_point (h, "s000_lhs_at_k", seed, est_exact (seed_lhs (&t), bound));
      check_point (h, "s000_rhs_at_k", seed, est_exact (seed_rhs (&t), bound));
    }
  check_close (h, "s000_lhs_at_k", "%ld random points, k over e^±3", n);
  check_close (h, "s000_rhs_at_k", "%ld random points, k over e^±3", n);
}

/* ----------------------------------------------------------------------
 * 000 P6.2, integrated: joint convexity of KL
 * ---------------------------------------------------------------------- */

static void
random_distribution (const gsl_rng * r, size_t n, double *p)
{
  for (size_t i = 0; i < n; i++)
    p[i] = gsl_ran_gamma (r, 0.7, 1.0);
  if (discrete_normalize (p, n, p) != DISCRETE_OK)
    {
      for (size_t i = 0; i < n; i++)
        p[i] = 1.0 / (double) n;
    }
}

/* m = l x + (1 - l) y; the Q mixture is the one with the mutant. */
static void
mix (double l, const double *x, const double *y, size_t n, double *m)
{
  for (size_t i = 0; i < n; i++)
    m[i] = l * x[i] + (1 - l) * y[i];
}

static double
mixture_weight_q (const harness * h, double l)
{
  return mutant (h, "s000_mix_q_crossed") ? 1 - l : l;
}

/* One discrete case; SAME makes P1 = Q1, P2 = Q2 (both sides 0). */
static void
joint_convexity_discrete (harness * h, size_t n, int same, double l,
                          sbuf * fig, int fig_curve)
{
  gsl_rng *r = harness_rng (h);
  double *p1 = xmalloc (n * sizeof (double)), *p2 = xmalloc (n * sizeof (double));
  double *q1 = xmalloc (n * sizeof (double)), *q2 = xmalloc (n * sizeof (double));
  double *mp = xmalloc (n * sizeof (double)), *mq = xmalloc (n * sizeof (double));
  random_distribution (r, n, p1);
  random_distribution (r, n, p2);
  random_distribution (r, n, q1);
  random_distribution (r, n, q2);
  if (same)
    {
      for (size_t i = 0; i < n; i++)
        {
          q1[i] = p1[i];
          q2[i] = p2[i];
        }
    }
  double k1 = discrete_kl (p1, q1, n), k2 = discrete_kl (p2, q2, n);
  double b12 = discrete_gen_kl_rounding_bound (p1, q1, n)
    + discrete_gen_kl_rounding_bound (p2, q2, n);
  mix (l, p1, p2, n, mp);
  mix (mixture_weight_q (h, l), q1, q2, n, mq);
  double lhs = discrete_kl (mp, mq, n), rhs = l * k1 + (1 - l) * k2;
  check_point (h, "s000_integrate",
               est_exact (lhs, 2 * discrete_gen_kl_rounding_bound (mp, mq, n)),
               est_exact (rhs, b12 + 4 * DBL_EPSILON * fabs (rhs)));
  if (fig_curve)
    {
      for (int j = 0; j <= 100; j++)
        {
          double lj = j / 100.0;
          mix (lj, p1, p2, n, mp);
          mix (lj, q1, q2, n, mq);
          sbuf_printf (fig, "%.4f %.10g\n", lj,
                       lj * k1 + (1 - lj) * k2 - discrete_kl (mp, mq, n));
        }
      sbuf_append (fig, "\n");
    }
  free (p1);
  free (p2);
  free (q1);
  free (q2);
  free (mp);
  free (mq);
}

typedef struct
{
  double l, lq;                       /* weights of the P and Q mixtures */
  double m[4], s[4];                  /* P1, P2, Q1, Q2 */
} gauss_mix4;

static double
log_normal_pdf (double x, double m, double s)
{
  double z = (x - m) / s;
  return -0.5 * z * z - log (s) - 0.5 * log (2 * M_PI);
}

/* m_P log(m_P / m_Q), in log space so the tails neither underflow nor
   divide 0 by 0. */
static double
mixture_kl_integrand (double x, void *params)
{
  const gauss_mix4 *g = params;
  double lp = log_add_exp (log (g->l) + log_normal_pdf (x, g->m[0], g->s[0]),
                           log (1 - g->l) + log_normal_pdf (x, g->m[1], g->s[1]));
  double lq = log_add_exp (log (g->lq) + log_normal_pdf (x, g->m[2], g->s[2]),
                           log (1 - g->lq) + log_normal_pdf (x, g->m[3], g->s[3]));
  double p = exp (lp);
  return p > 0 ? p * (lp - lq) : 0.0;
}

/* KL(N(m0, s0^2) || N(m1, s1^2)) in closed form. */
static double
kl_normal_1d (double m0, double s0, double m1, double s1)
{
  double d = m0 - m1;
  return log (s1 / s0) + (s0 * s0 + d * d) / (2 * s1 * s1) - 0.5;
}

static void
joint_convexity_gaussian (harness * h)
{
  gsl_rng *r = harness_rng (h);
  gauss_mix4 g;
  g.l = 0.1 + 0.8 * gsl_rng_uniform (r);
  g.lq = mixture_weight_q (h, g.l);
  for (int i = 0; i < 4; i++)
    {
      g.m[i] = 2 * gsl_ran_gaussian (r, 1.0);
      g.s[i] = exp (gsl_ran_gaussian (r, 0.4));
    }
  /* weighted by m_P: the hull of its components P1 and P2 */
  quad_result lhs = quad_real_line_hull (mixture_kl_integrand, &g, 2, g.m,
                                         g.s);
  double k1 = kl_normal_1d (g.m[0], g.s[0], g.m[2], g.s[2]);
  double k2 = kl_normal_1d (g.m[1], g.s[1], g.m[3], g.s[3]);
  double rhs = g.l * k1 + (1 - g.l) * k2;
  check_point (h, "s000_integrate", est_quad (lhs),
               est_exact (rhs, 16 * DBL_EPSILON * (fabs (k1) + fabs (k2) + 1)));
}

static void
check_joint_convexity (harness * h, sbuf * fig)
{
  gsl_rng *r = harness_rng (h);
  long n = GSL_MAX (harness_samples (h) / 10, 4);
  sbuf_append (fig, "# block 0: joint-convexity gap over lambda, one curve per random pair (n = 6)\n"
               "# lambda  gap\n");
  for (long i = 0; i < n; i++)
    {
      size_t len = 2 + gsl_rng_uniform_int (r, 200);
      int same = i % 4 == 0;
      double l = 0.05 + 0.9 * gsl_rng_uniform (r);
      joint_convexity_discrete (h, len, same, l, NULL, 0);
    }
  for (int i = 0; i < 30; i++)
    joint_convexity_discrete (h, 6, 0, 0.5, fig, 1);
  int n_gauss = n >= 100 ? 20 : 5;
  for (int i = 0; i < n_gauss; i++)
    joint_convexity_gaussian (h);
  check_close (h, "s000_integrate", "%ld random discrete cases (n = 2 to 201,"
               " a quarter with P1 = Q1, P2 = Q2), 30 more with n = 6, and %d"
               " 1-D Gaussian cases with the mixture KL by QAGS and CQUAD", n, n_gauss);
  sbuf_append (fig, "\n");
}

/* ----------------------------------------------------------------------
 * 003 Q3.2: the step labelled "log sum inequality"
 * ---------------------------------------------------------------------- */

static void
check_iwae_step (harness * h)
{
  static const size_t ks[] = { 2, 5, 10, 100, 1000 };
  gsl_rng *r = harness_rng (h);
  long n = GSL_MAX (harness_samples (h), 5);
  double *logw = xmalloc (1000 * sizeof (double)), *w = xmalloc (1000 * sizeof (double));
  double *ones = xmalloc (1000 * sizeof (double));
  for (size_t j = 0; j < 1000; j++)
    ones[j] = 1.0;
  for (long i = 0; i < n; i++)
    {
      size_t k = ks[i % COUNT_OF (ks)];
      double mu = 3 * gsl_ran_gaussian (r, 1.0);
      double sigma = exp (log (1e-3) + gsl_rng_uniform (r) * log (3e3));
      double mean_log = 0, max_abs = 0, sum_abs = 0;
      for (size_t j = 0; j < k; j++)
        {
          logw[j] = mu + sigma * gsl_ran_gaussian (r, 1.0);
          w[j] = exp (logw[j]);
          mean_log += logw[j];
          max_abs = fmax (max_abs, fabs (logw[j]));
          sum_abs += fabs (logw[j]);
        }
      mean_log /= (double) k;
      double kk = (double) k;
      double log_mean = log_sum_exp (logw, k)
        - log (mutant (h, "s003_step_k_plus_1") ? kk + 1 : kk);
      double round_step = 4 * DBL_EPSILON * (max_abs + kk + 2);
      check_point (h, "s003_log_sum_step", est_exact (log_mean, round_step),
                   est_exact (mean_log, round_step));

      /* the same gap as the log-sum inequality with a = 1, b = w */
      double left = kk * (log_mean - mean_log);
      double sw = vector_sum (w, k);
      double right = mutant (h, "s003_as_log_sum_a_is_w")
        ? discrete_gen_kl (w, ones, k) - xlogxy (sw, kk)
        : discrete_gen_kl (ones, w, k) - xlogxy (kk, sw);
      double scale = sum_abs + kk * (fabs (log (sw / kk)) + log (kk) + max_abs);
      double round_gap = 4 * (kk + 4) * DBL_EPSILON * scale;
      check_point (h, "s003_as_log_sum", est_exact (left, round_gap),
                   est_exact (right, round_gap));
    }
  const char *where = "draws of K log-normal weights, K in {2, 5, 10, 100, 1000},"
    " log w ~ N(μ, σ²), σ log-uniform from 1e-3 to 3";
  check_close (h, "s003_log_sum_step", "%ld %s", n, where);
  check_close (h, "s003_as_log_sum", "%ld %s", n, where);
  free (logw);
  free (w);
  free (ones);
}

/* ----------------------------------------------------------------------
 * The figure
 * ---------------------------------------------------------------------- */

static void
figure_F_curves (harness * h, sbuf * fig)
{
  static const two_term settings[] = {
    {0.3, 1.0, 2.0, 0, 1.0},
    {0.5, 3.0, 1.0, 0, 0.5},
    {0.7, 0.5, 1.5, 0, 3.0},
    {0.2, 2.0, 0.4, 0, 0.8},
  };
  sbuf_append (fig, "\n# block 1: F(q1) = RHS - LHS of 000's two-term inequality, one curve per setting\n"
               "# q1  F  setting\n");
  for (size_t s = 0; s < COUNT_OF (settings); s++)
    {
      two_term t = settings[s];
      for (int j = 0; j <= 200; j++)
        {
          t.q1 = exp (log (1e-2) + j * log (1e4) / 200);
          sbuf_printf (fig, "%.6g %.10g %zu\n", t.q1, seed_F (&t), s);
        }
      sbuf_append (fig, "\n");
    }
  sbuf_append (fig, "\n# block 2: the stationary points q1 = p1 q2 / p2 and Brent's minimum\n"
               "# q1_seed  F(q1_seed)  q1_brent  F_brent\n");
  for (size_t s = 0; s < COUNT_OF (settings); s++)
    {
      two_term t = settings[s];
      double f_min;
      estimate opt = argmin_log_q1 (&t, &f_min);
      t.q1 = t.p1 * t.q2 / t.p2;
      sbuf_printf (fig, "%.10g %.10g %.10g %.10g\n", t.q1, seed_F (&t),
                   exp (opt.value), f_min);
    }
  two_term t = settings[0];
  sbuf_printf (fig, "\n\n# block 3: dF/dq1 for setting 0 (λ = %.1f, p1 = %.1f, p2 = %.1f, q2 = %.1f)\n"
               "# q1  complex_step  seed_line\n", t.lambda, t.p1, t.p2, t.q2);
  for (int j = 0; j <= 200; j++)
    {
      t.q1 = exp (log (0.1) + j * log (100.0) / 200);
      sbuf_printf (fig, "%.6g %.10g %.10g\n", t.q1, dF_complex_step (&t),
                   seed_dF_dq1 (&t));
    }
  t = settings[0];
  sbuf_printf (harness_figure_script (h), "q1_true = %.10g\nq1_seed = %.10g\n",
               t.p1 * t.q2 / t.p2,
               t.lambda * t.p1 * t.q2 / (t.lambda * t.p1 + t.p2));
}

static void
draw_figure (harness * h)
{
  sbuf_append (harness_figure_script (h),
    "set multiplot layout 1,3 title 'The log-sum inequality (000 P6.2): joint convexity of KL and the stationary point of F'\n"
    "set title 'Joint-convexity gap, 30 random pairs (n = 6)'\n"
    "set xlabel 'mixing weight λ'\nset ylabel 'λKL(P1||Q1) + (1-λ)KL(P2||Q2) - KL(mix||mix)'\n"
    "set xrange [0:1]\nset key top right\n"
    "plot datafile index 0 using 1:2 with lines ls 1 lw 1.2 title 'gap (each pair)', \\\n"
    "     0 with lines ls 7 title 'zero'\n"
    "set title 'F(q1) = RHS - LHS: minimum 0 where p1/q1 = p2/q2'\n"
    "set xlabel 'q1'\nset ylabel 'F'\nset logscale x\nset format x '10^{%L}'\n"
    "set xrange [0.01:100]\nset yrange [-0.1:3]\nset key at graph 0.02, graph 0.98 left top\n"
    "plot for [s=0:3] datafile index 1 using 1:($3 == s ? $2 : 1/0) with lines ls (s+1) title sprintf('setting %d', s+1), \\\n"
    "     '' index 2 using 1:2 with points pt 6 ps 2 lc rgb 'black' title 'q1 = p1 q2 / p2', \\\n"
    "     '' index 2 using 3:4 with points pt 2 ps 1.5 lc rgb '#D55E00' title 'Brent minimum', \\\n"
    "     0 with lines ls 8 notitle\n"
    "set title \"∂F/∂q1 (setting 1): the seed's line misses a factor λ\"\n"
    "set xlabel 'q1'\nset ylabel '∂F/∂q1'\nset xrange [0.1:10]\nset yrange [-3:2.5]\n"
    "set key at graph 0.98, graph 0.98 right top\n"
    "set arrow 1 from q1_true, graph 0 to q1_true, graph 1 nohead ls 8\n"
    "set arrow 2 from q1_seed, graph 0 to q1_seed, graph 1 nohead ls 8\n"
    "set label 1 'p1/q1 = p2/q2' at q1_true, graph 0.06 offset 0.5,0\n"
    "set label 2 'seed line = 0' at q1_seed, graph 0.06 offset 0.5,0\n"
    "plot datafile index 3 using 1:2 with lines ls 1 title 'complex-step derivative (truth)', \\\n"
    "     '' index 3 using 1:3 with lines ls 2 dt 2 title '000 line as written', \\\n"
    "     0 with lines ls 7 notitle\n"
    "unset multiplot\n");
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  sbuf *fig = harness_figure_data (h);

  check_log_sum_vectors (h);
  check_two_term_inequality (h);
  check_joint_convexity (h, fig);
  check_derivative_and_stationarity (h);
  check_equality_at_k (h);
  check_iwae_step (h);
  figure_F_curves (h, fig);
  draw_figure (h);

  sbuf_printf (harness_notes (h),
    "**Model.** The log-sum inequality is tested by brute force on random"
    " positive vectors of lengths 1 to 1000 whose entries spread over"
    " e^±%g: independent pairs, near-proportional pairs a = e·b·(1 + %g z)"
    " (where the gap is only ~A·%g²/2, so a check that were loose would"
    " show it; a left side off by 10⁻³ is caught there) and proportional"
    " pairs (equality). Strictness is quantified by Pinsker's inequality:"
    " the gap A·KL(a/A || b/B) is at least (A/2)‖a/A − b/B‖₁², so it is"
    " positive whenever a is not proportional to b. Both sides are"
    " computed with lib/discrete.c (log-ratios by log1p near 1, compensated"
    " sums) and compared under rounding bounds from the terms' sizes.\n\n"
    "**000 P6.2.** The two-term inequality holds at every point tested,"
    " including zeros in p (0 log 0 = 0, a convention the seed uses without"
    " stating) and λ ∈ {0, 1}; integrated, it is the joint convexity of"
    " KL, checked on discrete distributions and on 1-D Gaussians (the"
    " mixture KL by quadrature, the right side in closed form). The seed's"
    " F is RHS − LHS. Its derivative ∂F/∂q1 as written drops the"
    " chain-rule factor λ of ∂ log(λq1 + (1−λ)q2)/∂q1: against the"
    " complex-step derivative (Im F(q1 + ih)/h, exact to rounding) it is"
    " off by (1−λ)(λp1 + (1−λ)p2)/(λq1 + (1−λ)q2), and set to zero it"
    " would give q1 = λp1q2/(λp1 + p2), not p1/q1 = p2/q2. The seed's"
    " conclusion p1/q1 = p2/q2 is nonetheless right: the true derivative"
    " vanishes there, and GSL's Brent minimiser finds the minimum of F"
    " there. The seed calls this a Lagrange multiplier, but nothing is"
    " constrained; it is plain stationarity. The seed also does not argue"
    " that the stationary point is a minimum, nor that it is the only one;"
    " both are true (F → +∞ as q1 → 0 and as q1 → ∞, and the true"
    " derivative has the single zero q1 = p1q2/p2), so F ≥ F(p1q2/p2) = 0,"
    " which is the inequality. \"Taking the interval over all x\" is read"
    " as the integral over x.\n\n"
    "**003 Q3.2.** The step log((1/K)Σw_j) ≥ (1/K)Σ log w_j is Jensen's"
    " inequality for the concave log (AM ≥ GM); it is also the log-sum"
    " inequality with a_j = 1 and b_j = w_j, so the seed's label is"
    " legitimate (check `s003_as_log_sum`: the two gaps agree to"
    " rounding). The step holds for every draw, hence also in"
    " expectation; the remaining lines of that display (expectations of"
    " identically distributed terms, written with ≥ where they are"
    " equalities) belong to the claim iwae_bound.\n",
    harness_param (h, "spread"), harness_param (h, "near"),
    harness_param (h, "near"));
  return harness_end (h);
}
