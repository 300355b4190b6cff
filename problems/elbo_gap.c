/* elbo_gap.c -- log p(x) = ELBO + KL(q || p(z|x)); amortization widens the gap.
 *
 * Sources: 001 1.1.1 (the chain log P(x) = ... >= L); 003 Q2.1 (the chain
 * for E_q[log p_θ(x|z)], B(θ) = -KL(q || p_θ(z|x))), Q2.2 (the two KL
 * expansions and the inequality), Q2.3 (a)-(c); 002 2.(a) (a VLB with a
 * learned prior r_λ is a lower bound, by Jensen).
 * Ground truth: closed forms of a linear-Gaussian (factor-analysis) model
 * (log p(x), E_q[log p(x|z)], both KLs: lib/lingauss2, the two-latent model),
 * each with its rounding bound (lib/rounding.h); the integrals of 002 by quadrature
 * (lib/learned_prior); the maximiser of 003 Q2.1 by a bracketing 1-D search; the
 * amortized optimum of Q2.2 by least squares, checked coordinate by
 * coordinate against a concave 1-D maximiser (lib/amortized_fa, _report).
 *
 * The chains are checked at random points of a small model: z ~ N(0, I₂),
 * x | z ~ N(w1 z1 + w2 z2 + b, ψ) with one observed x, and a diagonal
 * q = N((m1, m2), diag(s1², s2²)); the posterior has precision
 * Λ = I + w wᵀ/ψ and is correlated, so no q of the family is exact.  The
 * amortization gap (a property of an optimum over a data set, not a chain)
 * is a harness check on a five-dimensional factor model with 40 datapoints
 * and an encoder whose mean sees x1, x2 only. */
#include "harness.h"
#include "amortized_fa_report.h"
#include "learned_prior.h"
#include "lingauss2_draw.h"
#include "line_fn.h"
#include "figure_panel.h"
#include "minimize.h"
#include "normal.h"
#include "rounding.h"
#include "rounding_short.h"

#include <math.h>


/* ---- The small model at a point, its densities and closed forms ---- */

static const point_kind model_points = POINT_BOX_OF (NULL,
  {"w1", 0.5, 2, 0, 0}, {"w2", 0.5, 2, 0, 0}, {"b", -1, 1, 0, 0},
  {"ψ", 0.2, 2, 1, 0}, {"x", -3, 3, 0, 0},
  {"m1", -2, 2, 0, 0}, {"m2", -2, 2, 0, 0}, {"s1", 0.2, 1.5, 1, 0},
  {"s2", 0.2, 1.5, 1, 0});

typedef struct { double m[2], s[2]; } dq;
/* the model, datum and q (lib/lingauss2, whose θ is w here), its fields
   by this file's names */
typedef union { lingauss2 g; struct { double w[2], x; dq q; double b, psi; }; } fa1;

/* The q a derivation uses: the point's own, or (Q2.2's second chain) the
   per-datapoint optimum q_i*: m = μ, s_j² = 1/Λ_jj = ψ/(ψ + w_j²)
   (lingauss2_set_q_optimum). */
static void
prepare_own (const point * p, void *prep)
{
  const double *v = p->v;
  *(fa1 *) prep = (fa1) { .g = { {v[0], v[1]}, v[4], {v[5], v[6]}, {v[7], v[8]}, v[2], v[3] } };
}
static void
prepare_optimum (const point * p, void *prep)
{
  prepare_own (p, prep);
  lingauss2_set_q_optimum (prep);
}

/* Densities at one draw z, as the seed's lines combine them (lib/lingauss2_draw). */
static double log_lik (const fa1 * f, const double *z) { return lingauss2_draw_log_lik (&f->g, z); }
static double log_prior (const double *z) { return normal_log_pdf (z[0], 0, 1) + normal_log_pdf (z[1], 0, 1); }
static double log_joint (const fa1 * f, const double *z) { return log_lik (f, z) + log_prior (z); }
static double log_q (const fa1 * f, const double *z) { return lingauss2_draw_log_q (&f->g, z); }
static double log_post (const fa1 * f, const double *z) { return lingauss2_log_posterior (&f->g, z[0], z[1]).value; }
static rnd log_marginal (const fa1 * f) { return lingauss2_log_evidence (&f->g); }
static rnd expected_log_lik (const fa1 * f) { return lingauss2_expected_log_lik (&f->g); }
static rnd kl_prior (const dq * q) { return lingauss2_kl_prior (&(lingauss2) { .m = {q->m[0], q->m[1]}, .s = {q->s[0], q->s[1]}, .psi = 1 }); }
static rnd kl_post (const fa1 * f) { return lingauss2_kl_post (&f->g); }

#define F ((const fa1 *) u)
static rnd elbo (const fa1 * f) { return rnd_sub (expected_log_lik (f), kl_prior (&f->q)); }

/* ---- truths ---- */
LINE_FN_CLOSED (log_px, rnd_estimate (log_marginal (F)))
LINE_FN_CLOSED (t_ell, rnd_estimate (expected_log_lik (F)))
LINE_FN_CLOSED (kl_q_post, rnd_estimate (kl_post (F)))
LINE_FN_CLOSED (minus_kl, rnd_estimate (rnd_scale (-1, kl_post (F))))
LINE_FN_CLOSED (px_minus_l, rnd_estimate (sub (log_marginal (F), elbo (F))))   /* log p(x) - L */
/* log w = log p(x, z) - log q(z), the ELBO's integrand */
LINE_FN_PLAIN (log_w, log_joint (F, z) - log_q (F, z))
/* The left side of 003 line 116 by Monte Carlo: log p(x|z) - KL(q || p(z)). */
LINE_FN_PLAIN (t_lhs_116, log_lik (F, z) - kl_prior (&F->q).value)
/* The family's best at the point: q_i* (prepare_optimum), whose optimality
   the harness check per_instance_opt_vs_concave establishes. */
static fa1 at_optimum (const point * p) { fa1 f; prepare_optimum (p, &f); return f; }
static estimate t_kl_opt (const point * p, const void *u) { (void) u; fa1 f = at_optimum (p); return rnd_estimate (kl_post (&f)); }
static estimate t_elbo_opt (const point * p, const void *u) { (void) u; fa1 f = at_optimum (p); return rnd_estimate (elbo (&f)); }

/* ---- 001 1.1.1, seed line 13 ---- */
LINE_FN_PLAIN (a1_log_px, log_marginal (F).value)
LINE_FN_PLAIN (a1_log_px_no_psi, normal_log_pdf (F->x, F->b, hypot (F->w[0], F->w[1])))
LINE_FN_PLAIN (a2, log_joint (F, z) - log_post (F, z))
LINE_FN_PLAIN (a3_literal, log_lik (F, z) - log_post (F, z) + log_joint (F, z) - log_q (F, z))
LINE_FN_PLAIN (a3_meant, log_q (F, z) - log_post (F, z) + log_joint (F, z) - log_q (F, z))
LINE_FN_PLAIN (a4, (log_q (F, z) - log_post (F, z)) + (log_joint (F, z) - log_q (F, z)))
LINE_FN_PLAIN (a4_flipped, (log_post (F, z) - log_q (F, z)) + (log_joint (F, z) - log_q (F, z)))
LINE_FN_PLAIN (a5, kl_post (F).value + log_joint (F, z) - log_q (F, z))
LINE_FN_PLAIN (a5_no_logdet, kl_post (F).value
           + 0.5 * log1p ((F->w[0] * F->w[0] + F->w[1] * F->w[1]) / F->psi)
           + log_joint (F, z) - log_q (F, z))
LINE_FN_PLAIN (a6_gap_added, log_joint (F, z) - log_q (F, z) + 2 * kl_post (F).value)

static const derivation_truth TRUTH_001[] = {
  {"log_px", "log p(x) = log N(x; b, |w|² + ψ), closed form", LINE_CLOSED (log_px)},
};

#define S001(id_, text_) .id = id_, .source = "001 1.1.1", .at = 13, .text = text_
static const derivation_line LINES_001[] = {
  {S001 ("s001_l1", "log P(x) = ∫_z q_φ(z|x) log p_θ(x) dz"), .truth = "log_px", .eval = LINE_EXPECT (a1_log_px),
   .mutants = {{"s001_l1_no_psi", "log p(x) with the noise ψ left out of its variance", LINE_EXPECT (a1_log_px_no_psi)}}},
  {S001 ("s001_l2", "= ∫_z q_φ(z|x) log p_θ(x,z)/p_θ(z|x)"), .eval = LINE_EXPECT (a2),
   .mutants = {{"s001_l2_q", "q_φ(z|x) in place of p_θ(z|x) (the line becomes the ELBO)", LINE_EXPECT (log_w)}}},
  {S001 ("s001_l3", "= ∫_z q_φ(z|x) log [p_θ(x|z)/p_θ(z|x)] [p_θ(x,z)/q_φ(z|x)]"),
   .eval = LINE_EXPECT (a3_literal), .expect = V_SLIP,
   .readings = {{"q_φ(z|x) in the first numerator: log [q_φ(z|x)/p_θ(z|x)] [p_θ(x,z)/q_φ(z|x)]",
                 "the next line splits the integrand as log q_φ(z|x)/p_θ(z|x) + log p_θ(x,z)/q_φ(z|x)",
                 0, LINE_EXPECT (a3_meant), 0}},
   .correction = "= ∫ q_φ(z|x) log [q_φ(z|x)/p_θ(z|x)] [p_θ(x,z)/q_φ(z|x)]: as written the line "
     "is log p(x) + E_q[log p_θ(x|z) - log q_φ(z|x)]"},
  {S001 ("s001_l4", "= ∫_z q_φ(z|x) log q_φ(z|x)/p_θ(z|x) + ∫_z q_φ(z|x) log p_θ(x,z)/q_φ(z|x)"),
   .eval = LINE_EXPECT (a4),
   .mutants = {{"s001_l4_flipped", "the first ratio upside down, p_θ(z|x)/q_φ(z|x)", LINE_EXPECT (a4_flipped)}}},
  {S001 ("s001_l5", "= KL(q_φ(z|x)||p_θ(z|x)) + ∫_z q_φ(z|x) log p_θ(x,z)/q_φ(z|x)"), .eval = LINE_EXPECT (a5),
   .mutants = {{"s001_l5_no_logdet", "the KL without its log det Λ / 2", LINE_EXPECT (a5_no_logdet)}}},
  {S001 ("s001_l6", "≥ ∫_z q_φ(z|x) log p_θ(x,z)/q_φ(z|x)"), .rel = REL_GE, .eval = LINE_EXPECT (log_w),
   .mutants = {{"s001_l6_gap_added", "the KL added twice instead of dropped", LINE_EXPECT (a6_gap_added)}}},
  {S001 ("s001_l7", ":= L(θ,φ;x)"), LINE_NOT_CHECKABLE ("a definition: names the line above")},
};

/* ---- 003 Q2.1, seed lines 112-120 ---- */
LINE_FN_PLAIN (b1, log_lik (F, z))
LINE_FN_PLAIN (b1_var, normal_log_pdf (F->x, F->w[0] * z[0] + F->w[1] * z[1] + F->b, F->psi))
LINE_FN_PLAIN (b2, log_joint (F, z) - log_prior (z))
LINE_FN_PLAIN (b3, log_post (F, z) + log_marginal (F).value - log_prior (z))
LINE_FN_PLAIN (b3_div, log_post (F, z) - log_marginal (F).value - log_prior (z))
LINE_FN_PLAIN (b4, log_marginal (F).value + (log_post (F, z) - log_prior (z)))
LINE_FN_PLAIN (b4_flipped, log_marginal (F).value + (log_prior (z) - log_post (F, z)))
LINE_FN_PLAIN (b5, log_marginal (F).value + ((log_post (F, z) - log_q (F, z)) + (log_q (F, z) - log_prior (z))))
LINE_FN_PLAIN (b5_flipped, log_marginal (F).value + ((log_post (F, z) - log_q (F, z)) + (log_prior (z) - log_q (F, z))))
LINE_FN_PLAIN (b6, log_marginal (F).value - (log_q (F, z) - log_post (F, z)) + (log_q (F, z) - log_prior (z)))
LINE_FN_PLAIN (b6_sign, log_marginal (F).value - (log_q (F, z) - log_post (F, z)) - (log_q (F, z) - log_prior (z)))
LINE_FN_CLOSED (b7, rnd_estimate (add (sub (log_marginal (F), kl_post (F)), kl_prior (&F->q))))
LINE_FN_CLOSED (b7_sign, rnd_estimate (sub (sub (log_marginal (F), kl_post (F)), kl_prior (&F->q))))

/* "KL(q || p_θ(z)), independent of θ": the same KL under θ' = (2w, b + 1,
   3ψ); the model's prior is the question's p(z) = N(0, I_K) at every θ.
   The mutant gives the prior the scale √ψ, a prior that does depend on θ. */
static rnd
kl_prior_under (const fa1 * f, int depends)
{
  double c = depends ? sqrt (f->psi) : 1;
  dq scaled = { {f->q.m[0] / c, f->q.m[1] / c}, {f->q.s[0] / c, f->q.s[1] / c} };
  return add (kl_prior (&scaled), X (2 * log (c)));     /* exact for c = 1 */
}
static estimate
indep_at (const void *u, int depends)
{
  fa1 other = *F;
  other.w[0] *= 2, other.w[1] *= 2, other.b += 1, other.psi *= 3;
  return est_sub (rnd_estimate (kl_prior_under (&other, depends)), rnd_estimate (kl_prior_under (F, depends)));
}
LINE_FN_CLOSED (b_indep, indep_at (u, 0))
LINE_FN_CLOSED (b_indep_dep, indep_at (u, 1))

LINE_FN_CLOSED (b116, rnd_estimate (sub (log_marginal (F), kl_post (F))))
LINE_FN_CLOSED (b116_sign, rnd_estimate (add (log_marginal (F), kl_post (F))))

/* Line 118: argmax over θ = t (w → t w) of log p_t(x) - KL(q || p_t(z|x)),
   as written, by a concave maximiser; the truth is the closed-form argmax
   of E_q[log p_t(x|z)], t* = (x - b) wᵀm / ((wᵀm)² + Σ w_j² s_j²).  The
   seed's objective equals E_q[log p_t(x|z)] - KL(q || p(z)), concave in t;
   |t*| <= |x - b| / (2 (Σ w_j² s_j²)^½) <= 4 / (2·0.2·0.5·√2) < 15, so the
   grid [-40, 40] brackets it. */
static double
objective_at (double t, void *f, double *rounding)
{
  fa1 g = *(const fa1 *) f;
  g.w[0] *= t, g.w[1] *= t;
  rnd v = sub (log_marginal (&g), kl_post (&g));
  *rounding = rnd_bound (v) + 4 * EST_U * fabs (v.value);      /* t w rounded */
  return v.value;
}
LINE_FN_CLOSED (b118, concave_max_x (maximize_concave_1d_range (objective_at, (void *) u,
                                                                -40, 40, 161, 1e-7, 1e-7)))
/* the argmax with q's spread Σ w_j² s_j² left out, (x - b)/wᵀm (wᵀm by lib/lingauss2) */
#define PLUG_IN ((F->x - F->b) / lingauss2_dot (F->w, F->q.m[0], F->q.m[1]).value)
LINE_FN_CLOSED (b118_plug_in, est_exact (PLUG_IN, 8 * EST_U * fabs (PLUG_IN)))
LINE_FN_CLOSED (t_argmax, rnd_estimate (lingauss2_scale_argmax (&F->g)))

static const derivation_truth TRUTH_Q21[] = {
  {"ell", "E_q[log p(x|z)], closed form", LINE_CLOSED (t_ell)},
  {"zero", "0", LINE_CLOSED (line_fn_zero)},
  {"lhs_116", "E_q[log p(x|z)] by Monte Carlo, minus KL(q || p(z)) in closed form", LINE_EXPECT (t_lhs_116)},
  {"argmax", "argmax_t E_q[log p_t(x|z)] = (x - b) wᵀm / ((wᵀm)² + Σ w_j² s_j²), closed form", LINE_CLOSED (t_argmax)},
};

#define Q21(id_, text_) .id = id_, .source = "003 Q2.1", .at = 112, .text = text_
static const derivation_line LINES_Q21[] = {
  {Q21 ("q21_l1", "E_q[log p_θ(x|z)] = ∫ q(z|x) · log p_θ(x|z) · dz"), .truth = "ell",
   .eval = LINE_EXPECT (b1), .mutants = {{"q21_l1_var", "ψ used as the standard deviation", LINE_EXPECT (b1_var)}}},
  {Q21 ("q21_l2", "= ∫ q(z|x) [log p_θ(x,z)/p_θ(z)] dz"), .eval = LINE_EXPECT (b2),
   .mutants = {{"q21_l2_q", "q(z|x) in place of p_θ(z)", LINE_EXPECT (log_w)}}},
  {Q21 ("q21_l3", "= ∫ q(z|x) [log p_θ(z|x) · p_θ(x)/p_θ(z)] dz"), .eval = LINE_EXPECT (b3),
   .mutants = {{"q21_l3_div", "p_θ(x) in the denominator", LINE_EXPECT (b3_div)}}},
  {Q21 ("q21_l4", "= ∫ q(z|x) · log p_θ(x) · dz + ∫ q(z|x) · log [p_θ(z|x)/p_θ(z)] · dz"),
   .eval = LINE_EXPECT (b4), .mutants = {{"q21_l4_flipped", "the ratio upside down", LINE_EXPECT (b4_flipped)}}},
  {Q21 ("q21_l5", "= log p_θ(x) + ∫ q(z|x) · log [p_θ(z|x)/q(z|x) · q(z|x)/p_θ(z)] · dz"),
   .eval = LINE_EXPECT (b5), .mutants = {{"q21_l5_flipped", "the second factor upside down", LINE_EXPECT (b5_flipped)}}},
  {Q21 ("q21_l6", "= log p_θ(x) - ∫ q(z|x) · log [q(z|x)/p_θ(z|x)] + ∫ q(z|x) · log [q(z|x)/p_θ(z)]"),
   .eval = LINE_EXPECT (b6), .mutants = {{"q21_l6_sign", "- before the second integral", LINE_EXPECT (b6_sign)}}},
  {Q21 ("q21_l7", "= log p_θ(x) - KL(q(z|x)||p_θ(z|x)) + KL(q(z|x)||p_θ(z))"),
   .eval = LINE_CLOSED (b7), .mutants = {{"q21_l7_sign", "- KL(q || p_θ(z))", LINE_CLOSED (b7_sign)}}},
  {Q21 ("q21_indep", "p_θ(z) (under the brace): independent of θ [KL(q||p_θ(z)) at θ' = (2w, b+1, 3ψ) minus at θ]"),
   .truth = "zero", .eval = LINE_CLOSED (b_indep),
   .mutants = {{"q21_indep_dep", "a prior N(0, ψ I) that depends on θ", LINE_CLOSED (b_indep_dep)}}},
  {.id = "q21_116", .source = "003 Q2.1", .at = 116, .truth = "lhs_116",
   .text = "E_q[log p_θ(x|z)] - KL(q(z|x)||p(z)) = log p_θ(x) - KL(q(z|x)||p_θ(z|x))",
   .eval = LINE_CLOSED (b116), .mutants = {{"q21_116_sign", "+ KL(q || p_θ(z|x))", LINE_CLOSED (b116_sign)}}},
  {.id = "q21_118", .source = "003 Q2.1", .at = 118, .truth = "argmax",
   .text = "maximize E_q[log p_θ(x|z)] = argmax_θ {log p_θ(x) - KL(q(z|x)||p_θ(z|x))} (θ scales w)",
   .eval = LINE_CLOSED (b118),
   .mutants = {{"q21_118_plug_in", "the argmax with q's spread left out: (x - b)/wᵀm", LINE_CLOSED (b118_plug_in)}}},
  {.id = "q21_120", .source = "003 Q2.1", .at = 120, .truth = "zero", .rel = REL_GE,
   .text = "B(θ) = -KL(q(z|x)||p_θ(z|x)) (non-positive, lines 108, 118)", .eval = LINE_CLOSED (minus_kl),
   .mutants = {{"q21_120_sign", "B(θ) = +KL", LINE_CLOSED (kl_q_post)}}},
};

/* ---- 003 Q2.2, seed lines 129-133 (q_φ*: any q of the family at one
   datapoint) and 139-143 (q_i*), the same functions ---- */
LINE_FN_PLAIN (c1, log_q (F, z) - log_post (F, z))
LINE_FN_PLAIN (c1_flipped, log_post (F, z) - log_q (F, z))
LINE_FN_PLAIN (c2, log_q (F, z) - log_prior (z) - log_lik (F, z) + log_marginal (F).value)
LINE_FN_PLAIN (c2_times, log_q (F, z) - log_prior (z) + log_lik (F, z) + log_marginal (F).value)
LINE_FN_PLAIN (c3, log_marginal (F).value - log_lik (F, z) + (log_q (F, z) - log_prior (z)))
LINE_FN_PLAIN (c3_sign, log_marginal (F).value - log_lik (F, z) - (log_q (F, z) - log_prior (z)))
LINE_FN_CLOSED (c4_sign, rnd_estimate (sub (log_marginal (F), add (expected_log_lik (F), kl_prior (&F->q)))))
LINE_FN_CLOSED (c5_plus, rnd_estimate (add (log_marginal (F), elbo (F))))

static const derivation_truth TRUTH_Q22[] = {
  {"kl_post", "KL(q || p(z|x)), closed form (Λ = I + w wᵀ/ψ written out)", LINE_CLOSED (kl_q_post)},
};

#define Q22_CHAIN(tag, at0, qname) \
  {.id = "q22" tag "_1", .source = "003 Q2.2", .at = at0, .truth = "kl_post", \
   .text = "KL(" qname "||p_θ(z|x_i)) = ∫ " qname " · log " qname "/p_θ(z|x_i) · dz", .eval = LINE_EXPECT (c1), \
   .mutants = {{"q22" tag "_1_flipped", "the ratio upside down", LINE_EXPECT (c1_flipped)}}}, \
  {.id = "q22" tag "_2", .source = "003 Q2.2", .at = at0 + 1, \
   .text = "= ∫ " qname " · log [" qname "/p_θ(z) · 1/p_θ(x_i|z) · p_θ(x_i)]", .eval = LINE_EXPECT (c2), \
   .mutants = {{"q22" tag "_2_times", "· p_θ(x_i|z) in place of 1/p_θ(x_i|z)", LINE_EXPECT (c2_times)}}}, \
  {.id = "q22" tag "_3", .source = "003 Q2.2", .at = at0 + 2, \
   .text = "= ∫ q log p_θ(x_i) dz - ∫ q log p_θ(x_i|z) dz + ∫ q log q/p_θ(z) dz", .eval = LINE_EXPECT (c3), \
   .mutants = {{"q22" tag "_3_sign", "- before the last integral", LINE_EXPECT (c3_sign)}}}, \
  {.id = "q22" tag "_4", .source = "003 Q2.2", .at = at0 + 3, \
   .text = "= log p_θ(x_i) - (E_q[log p_θ(x_i|z)] - D_KL(q||p_θ(z)))", .eval = LINE_CLOSED (px_minus_l), \
   .mutants = {{"q22" tag "_4_sign", "+ D_KL inside the bracket", LINE_CLOSED (c4_sign)}}}, \
  {.id = "q22" tag "_5", .source = "003 Q2.2", .at = at0 + 4, \
   .text = "= log p_θ(x_i) - L(θ, " qname ", x_i)", .eval = LINE_CLOSED (px_minus_l), \
   .mutants = {{"q22" tag "_5_plus", "+ L", LINE_CLOSED (c5_plus)}}}

static const derivation_line LINES_Q22A[] = { Q22_CHAIN ("a", 129, "q_φ*") };
static const derivation_line LINES_Q22B[] = { Q22_CHAIN ("b", 139, "q_i*") };

/* ---- 003 Q2.2 lines 149-150 and Q2.3 (a)-(c), lines 157-167 ---- */
LINE_FN_CLOSED (d_elbo, rnd_estimate (elbo (F)))
LINE_FN_PLAIN (t_bias, log_joint (F, z) - log_q (F, z) - log_marginal (F).value)

static const derivation_truth TRUTH_ORDER[] = {
  {"elbo_opt", "ELBO(q_i*), q_i* = N(μ, diag(1/Λ_jj)): the family's maximum", LINE_CLOSED (t_elbo_opt)},
  {"kl_opt", "KL(q_i* || p(z|x)), q_i* = N(μ, diag(1/Λ_jj)): the family's minimum", LINE_CLOSED (t_kl_opt)},
  {"bias", "E_q[log p(x,z) - log q(z)] - log p(x), by Monte Carlo", LINE_EXPECT (t_bias)},
};

#define KL_ORDER(id_, source_, at_) \
  {.id = id_, .source = source_, .at = at_, .truth = "kl_opt", .rel = REL_LE, \
   .text = "D_KL(q_φ*(z|x_i)||p_θ(z|x_i)) ≥ D_KL(q_i*(z)||p_θ(z|x_i))", .eval = LINE_CLOSED (kl_q_post), \
   .mutants = {{id_ "_zero", "the amortized KL taken as 0 (q_φ* exact)", LINE_CLOSED (line_fn_zero)}}}
static const derivation_line LINES_ORDER[] = {
  {.id = "q22_149", .source = "003 Q2.2", .at = 149, .truth = "elbo_opt", .rel = REL_GE,
   .text = "L(θ, φ*, x_i) ≤ L(θ, φ_i*, x_i) (the ELBO for x_i is maximised by q*)", .eval = LINE_CLOSED (d_elbo),
   .mutants = {{"q22_149_no_gap", "L(θ, φ*, x_i) taken as log p(x_i)", LINE_CLOSED (log_px)}}},
  KL_ORDER ("q22_150", "003 Q2.2", 150),
  {.id = "q23a_157", .source = "003 Q2.3(a)", .at = 157, .truth = "bias", .expect = V_SLIP,
   .text = "The non-positive bias is equal to the KL divergence between the q and p: "
     "D_KL(q_φ*||p_θ(z|x_i)) amortized, D_KL(q_i*||p_θ(z|x_i)) per datapoint",
   .eval = LINE_CLOSED (kl_q_post),
   .readings = {{"the bias is minus the KL (the KL is its size)",
                 "the sentence calls the bias non-positive, and line 120 writes B(θ) = -KL(q||p_θ(z|x))",
                 0, LINE_CLOSED (minus_kl), 0}},
   .correction = "the bias E_q[ELBO] - log p(x) is -D_KL(q||p_θ(z|x_i)) <= 0; the KL is its magnitude"},
  KL_ORDER ("q23a_159", "003 Q2.3(a)", 159),
  {.id = "q23b_163", .source = "003 Q2.3(b)", .at = 163, .text = "the amortized approach is computationally cheaper",
   LINE_NOT_CHECKABLE ("prose: an argument about computation, no quantity to evaluate")},
  {.id = "q23c_167", .source = "003 Q2.3(c)", .at = 167, .text = "the amortized approach stores fewer parameters",
   LINE_NOT_CHECKABLE ("prose: a count of parameters (one encoder against n sets), no numeric claim")},
};

/* The draw from q as a map of standard normals, z = m + s·ε
   (lingauss2_draw_map_q, of the prepared q): the engine draws ε itself and
   integrates by randomized quasi-Monte Carlo (the integrands are quadratics
   in ε, and 001 1.1.1's first lines the constant log p(x), which the
   engine's control variate on the weights makes exact). */
#define MODEL_DV(name, id_, title_, prep, tr, ln, n) \
  DERIVATION_DEFINE (name, id_, title_, model_points, n, tr, ln, DERIVATION_PREPARE (fa1, prep), \
    .n_mc_points = 4, .x_dim = 2, .base_dim = derivation_two_normals, .transform = lingauss2_draw_map_q, \
    /* every integrand is a log-density of Gaussians: quadratic in the two \
       normals, which Hermite controls of degree 2 take out (lib/hermite_cv.h) */ \
    .hermite_degree = 2)
MODEL_DV (d001, "s001_111", "001 1.1.1: log p(x) = KL(q || p(z|x)) + L", prepare_own, TRUTH_001, LINES_001, 40);
MODEL_DV (dq21, "s003_q21", "003 Q2.1: E_q[log p_θ(x|z)] and B(θ)", prepare_own, TRUTH_Q21, LINES_Q21, 40);
MODEL_DV (dq22a, "s003_q22_amortized", "003 Q2.2: KL(q_φ* || p(z|x_i)) expanded", prepare_own, TRUTH_Q22, LINES_Q22A, 40);
MODEL_DV (dq22b, "s003_q22_instance", "003 Q2.2: KL(q_i* || p(z|x_i)) expanded", prepare_optimum, TRUTH_Q22, LINES_Q22B, 40);
MODEL_DV (dorder, "s003_q22_order", "003 Q2.2-Q2.3: amortized against per-datapoint q", prepare_own, TRUTH_ORDER, LINES_ORDER, 100);

/* ---- 002 2.(a): a VLB with a learned prior r_λ = N(λ1, λ2), one latent ---- */

static const point_kind prior_points = POINT_BOX_OF (NULL,
  {"w", 0.5, 2, 0, 0}, {"b", -1, 1, 0, 0}, {"ψ", 0.2, 2, 1, 0}, {"X", -3, 3, 0, 0},
  {"λ1", -1, 1, 0, 0}, {"λ2", 0.2, 3, 1, 0}, {"m", -2, 2, 0, 0}, {"s", 0.2, 2, 1, 0});
#define LP LEARNED_PRIOR_OF (p)

/* log N(X; w λ1 + b, w² λ2 + ψ); the two expectations by quadrature around
   the posterior under r_λ, the second's ratio as written (lib/learned_prior) */
LINE_FN_CLOSED (e_log_px_r, learned_prior_log_evidence (LP))
LINE_FN_CLOSED (e1, learned_prior_log_mean_r (LP))
LINE_FN_CLOSED (e1_plug_in, est_exact (learned_prior_log_lik (LP, LP->l1), 0))
LINE_FN_CLOSED (e2, learned_prior_log_mean_q (LP))
LINE_FN_CLOSED (e2_no_r,
                est_exact (normal_log_pdf (LP->x, LP->b, sqrt (LP->w * LP->w + LP->psi)), 0))
LINE_FN_PLAIN (e3, learned_prior_log_ratio (LP, z[0]))
LINE_FN_PLAIN (e3_gap_added, e3 (p, u, z, bound) + 2 * learned_prior_kl_post (LP))

static const derivation_truth TRUTH_002[] = {
  {"log_px_r", "log p_θ(X) = log N(X; w λ1 + b, w² λ2 + ψ), the marginal under r_λ", LINE_CLOSED (e_log_px_r)},
};
#define S002(id_, text_) .id = id_, .source = "002 2.(a)", .at = 10, .text = text_
static const derivation_line LINES_002[] = {
  {S002 ("s002_l1", "log p_θ(X_i) = log (E_{z~r_λ(z)}[p_θ(X_i|z)]) (quadrature)"), .truth = "log_px_r",
   .eval = LINE_CLOSED (e1),
   .mutants = {{"s002_l1_plug_in", "log p_θ(X|λ1): the expectation moved inside", LINE_CLOSED (e1_plug_in)}}},
  {S002 ("s002_l2", "= log (E_{z~q_φ(z|X_i)}[p_θ(X_i|z) r_λ(z)/q_φ(z|X_i)]) (quadrature)"), .eval = LINE_CLOSED (e2),
   .mutants = {{"s002_l2_no_r", "the prior N(0, 1) in place of r_λ", LINE_CLOSED (e2_no_r)}}},
  {S002 ("s002_l3", "≥ E_{z~q_φ(z|X_i)}[log (p_θ(X_i|z) r_λ(z)/q_φ(z|X_i))] by Jensen's inequality"),
   .rel = REL_GE, .eval = LINE_EXPECT (e3),
   .mutants = {{"s002_l3_gap_added", "the KL to the posterior added twice", LINE_EXPECT (e3_gap_added)}}},
  {S002 ("s002_l4", "= VLB_{θ,φ,λ}(X_i)"), LINE_NOT_CHECKABLE ("a definition: names the line above")},
};
DERIVATION_DEFINE (d002, "s002_2a", "002 2.(a): a VLB with a learned prior", prior_points, 40,
                   TRUTH_002, LINES_002, .n_mc_points = 4, .x_dim = 1,
                   .base_dim = derivation_one_normal, .transform = learned_prior_map_q);

/* ---------------------------------------------------------------------
 * The amortization gap on a data set (harness checks, not a chain), in
 * closed form by lib/amortized_fa: x | z ~ N(W z + b, Ψ) in five
 * dimensions, loadings whose columns point alike (posterior correlation
 * about -0.84).  The encoder's mean is linear in (x1, x2, 1) with a shared
 * diagonal variance: least squares is its optimum, and each datapoint then
 * pays ½ d_iᵀΛd_i on top of KL(q_i*) (the amortization gap).
 * --------------------------------------------------------------------- */

#define DX 5
static const double W0[DX][2] = { {1.0, 0.8}, {0.9, 1.0}, {0.6, 0.5}, {0.4, 0.7}, {0.8, 0.6} };
static const double PSI0[DX] = { 0.5, 0.4, 0.3, 0.6, 0.5 };
static const double B0[DX] = { 0.5, -0.3, 0.2, 0.0, 0.1 };

static const check_spec CHECKS[] = {
  CHECK_HARNESS ("per_instance_opt_vs_concave", REL_EQ,
   "q_i* = N(μ(x_i), diag(1/Λ_jj)) maximises ELBO(x_i) along each of m1, m2, s1, s2 (concave 1-D maximiser); the ELBO is concave, so q_i* is its maximum"),
  CHECK_HARNESS ("amortized_opt_vs_concave", REL_EQ,
   "the least-squares encoder maximises Σ_i ELBO(x_i) along each of its six mean parameters (concave 1-D maximiser)"),
  CHECK_HARNESS ("amortization_gap_real", REL_NE,
   "mean over the data of KL(q_φ*(z|x_i) || p(z|x_i)) - KL(q_i* || p(z|x_i)) != 0: the encoder's limited input makes the gap real"),
};
static const mutant_spec MUTANTS[] = {
  {"opt_s_scaled", "q_i*'s s_j scaled by 1 + 1e-3", "per_instance_opt_vs_concave"},
  {"encoder_shifted", "the encoder's offset c shifted by 1e-3", "amortized_opt_vs_concave"},
  {"encoder_full_input", "the encoder sees all five inputs (the gap vanishes)", "amortization_gap_real"},
};
static const param_spec PARAMS[] = {
  {"n", 40, 8, 2000, "number of datapoints", PARAM_INTEGER},
  {"noise", 1.0, 0.05, 20.0, "multiplies the noise variances Psi", PARAM_REAL},
};
static const amortized_fa_report_checks GAP_CHECKS = {
  "per_instance_opt_vs_concave", "amortized_opt_vs_concave", "amortization_gap_real"};
static int m_s_scaled, m_shifted, m_full_input;

static void
dataset_make (harness * h, amortized_fa * a)
{
  double psi[DX], noise = harness_param (h, "noise");
  for (int d = 0; d < DX; d++)
    psi[d] = noise * PSI0[d];
  amortized_fa_sample (a, DX, &W0[0][0], psi, B0, (size_t) harness_param (h, "n"), harness_rng (h));
  amortized_fa_fit (a, m_full_input ? DX : 2);
  if (m_shifted)                /* the encoder's offset c, both coordinates */
    for (int j = 0; j < 2; j++)
      a->coef[j * (a->n_in + 1) + a->n_in] += 1e-3;
}

static const claim CLAIM = {
  .slug = "elbo_gap",
  .title = "The ELBO gap is KL(q || p(z|x)); amortization widens it",
  .claim = "log p(x) = L(q; x) + KL(q || p(z|x)) >= L for every q; maximising E_q[log p_θ(x|z)] "
    "over θ maximises log p_θ(x) + B(θ) with B(θ) = -KL(q || p_θ(z|x)) <= 0; an amortized "
    "encoder's optimum has, at every datapoint, a KL to the posterior at least that of the "
    "per-datapoint optimum in the same family; a VLB with a learned prior r_λ is a lower bound.",
  .sources = "001 1.1.1; 003 Q2.1-Q2.3; 002 2.(a)",
  CLAIM_CHECKS (CHECKS), CLAIM_MUTANTS (MUTANTS), CLAIM_PARAMS (PARAMS),
  CLAIM_DERIVATIONS (&d001, &dq21, &dq22a, &dq22b, &dorder, &d002),
  .samples_default = 400000, .samples_quick = 40000, .samples_min = 8,
  .samples_min_why = "each chain needs 2 draws at each of its 4 points",
  .figure_caption = "Left: each seed line's value against its truth at every point it was checked "
    "at. Right: on the five-dimensional data set, KL(q || p(z|x_i)) of the per-datapoint optimum "
    "q_i* (the approximation gap, the same at every datapoint) and of the amortized optimum, whose "
    "mean sees x_1 and x_2 only (sorted); the band between them is the amortization gap.",
  .figure_width = 1500, .figure_height = 650,
};

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  m_s_scaled = mutant (h, "opt_s_scaled");
  m_shifted = mutant (h, "encoder_shifted");
  m_full_input = mutant (h, "encoder_full_input");
  harness_run_derivations (h);
  amortized_fa e;
  dataset_make (h, &e);
  amortized_fa_report_optima (h, &e, &GAP_CHECKS, m_s_scaled ? 1 + 1e-3 : 1);
  sbuf_append (harness_figure_script (h), "set multiplot layout 1,2\n");
  int b = figure_lines_against_truth (h, "Each seed line against its truth");
  amortized_fa_report_panel (h, &e, b, "amortized q_{φ*} (sees x_1, x_2)");
  sbuf_append (harness_figure_script (h), "unset multiplot\n");
  amortized_fa_free (&e);
  return harness_end (h);
}
