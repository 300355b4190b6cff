/* kl_gaussians.c -- KL divergence between multivariate Gaussians.
 *
 * Ground truth: the closed form through Cholesky factors (lib/mvn.c), itself
 * checked here against Monte Carlo of log p - log q (Cholesky solves on the
 * drawn points) and against quadrature in one dimension.  The seeds' lines
 * are coded as written -- determinants and inverses the literal way, by LU --
 * so the two routes share no code.
 *
 * Notation: 000 writes KL(N0 || N1); 004 writes KL(p || q), p = N(μ1, Σ1),
 * q = N(μ2, Σ2); 002 writes KL(q_φ || r_λ), r = N(λ1, diag λ2).  In every
 * derivation the first Gaussian of the point is the one expectations are
 * taken under, and the sampler draws from it. */
#include "harness.h"
#include "figure_panel.h"
#include "gauss_pair.h"
#include "matrix.h"
#include "normal.h"

#include <gsl/gsl_math.h>
#include <math.h>

#define form gauss_pair_form
#define bilinear gauss_pair_bilinear
#define PP const gauss_pair *pp = prep
#define MU(i) point_mean (p, i)
#define DD ((double) p->d)

/* The terms every closed-form line is built from, the literal way. */
typedef struct
{
  double log2pi_d, tr, maha, m1, a, b, c, size;
} seed_terms;

static seed_terms
terms (const point * p, const gauss_pair * pp)
{
  seed_terms t;
  size_t d = p->d;
  double delta[32];
  for (size_t i = 0; i < d; i++)
    delta[i] = MU (1)[i] - MU (0)[i];
  t.log2pi_d = log (pow (2 * M_PI, DD / 2));
  t.tr = matrix_trace_product (pp->inv_b, pp->a->sigma);   /* tr(Σb⁻¹ Σa) */
  t.maha = form (pp->inv_b, delta, NULL, d);
  t.m1 = form (pp->inv_a, MU (0), NULL, d);                /* μaᵀΣa⁻¹μa */
  t.a = form (pp->inv_b, MU (0), NULL, d);                 /* μaᵀΣb⁻¹μa */
  t.b = form (pp->inv_b, MU (1), NULL, d);                 /* μbᵀΣb⁻¹μb */
  t.c = bilinear (pp->inv_b, MU (1), MU (0), d);           /* μbᵀΣb⁻¹μa */
  t.size = t.log2pi_d + fabs (log (pp->det_a)) + fabs (log (pp->det_b)) + DD
    + t.tr + t.maha + t.m1 + t.a + t.b + fabs (t.c);
  return t;
}

static estimate
literal (double v, const point * p, const gauss_pair * pp)
{
  return est_exact (v, pp->lu_rel * terms (p, pp).size);
}

/* ---- ground truths (the Cholesky route, lib/gauss_pair) ---- */

#define kl_closed gauss_pair_kl
#define log_ratio_chol gauss_pair_log_ratio
static estimate e_log_p (const point * p, const void *prep) { PP; return est_exact (-mvn_entropy (pp->a), 8 * EST_U * (DD + fabs (pp->a->logdet))); }
static estimate e_log_q (const point * p, const void *prep) { return est_sub (e_log_p (p, prep), kl_closed (p, prep)); }
static estimate dim (const point * p, const void *prep) { (void) prep; return est_exact (DD, 0); }

/* ----------------------------------------------------------------------
 * 000 P6.1: KL(N0 || N1), N0 = N(μ0, Σ0) the first Gaussian, N1 the second
 * ---------------------------------------------------------------------- */

static double
s000_def (const point * p, const void *prep, const double *x, double *err)
{
  PP;
  double q0 = form (pp->inv_a, x, MU (0), p->d), q1 = form (pp->inv_b, x, MU (1), p->d);
  double n0 = -log (pow (2 * M_PI, DD / 2) * sqrt (pp->det_a)) - 0.5 * q0;
  double n1 = -log (pow (2 * M_PI, DD / 2) * sqrt (pp->det_b)) - 0.5 * q1;
  *err = pp->lu_rel * (fabs (n0) + fabs (n1) + q0 + q1);
  return n0 - n1;
}

static double
log_ratio_as_written (const point * p, const void *prep, const double *x,
                      double *err, double sign0)
{
  PP;
  double q0 = form (pp->inv_a, x, MU (0), p->d), q1 = form (pp->inv_b, x, MU (1), p->d);
  double ld = log (sqrt (pp->det_b) / sqrt (pp->det_a));
  *err = pp->lu_rel * (fabs (ld) + q0 + q1);
  return ld + sign0 * 0.5 * q0 + 0.5 * q1;
}
static double s000_ratio (const point * p, const void *u, const double *x, double *e) { return log_ratio_as_written (p, u, x, e, -1); }
static double s000_ratio_sign (const point * p, const void *u, const double *x, double *e) { return log_ratio_as_written (p, u, x, e, +1); }

static double
s000_q0 (const point * p, const void *prep, const double *x, double *err)
{
  PP;
  double q = form (pp->inv_a, x, MU (0), p->d);
  *err = pp->lu_rel * q;
  return q;
}

static estimate
s000_trace_self (const point * p, const void *prep)
{
  PP;
  return literal (matrix_trace_product (pp->inv_a, pp->a->sigma), p, pp);
}
static estimate s000_d (const point * p, const void *prep) { (void) prep; return est_exact (DD, 0); }
static estimate s000_d_plus_1 (const point * p, const void *prep) { (void) prep; return est_exact (DD + 1, 0); }

static double
s000_q1 (const point * p, const void *prep, const double *x, double *err)
{
  PP;
  double q = form (pp->inv_b, x, MU (1), p->d);
  *err = pp->lu_rel * q;
  return q;
}

/* (x-μ0+μ0-μ1)^T Σ1⁻¹ (x-μ0+μ0-μ1) */
static double
s000_q1_expanded (const point * p, const void *prep, const double *x, double *err)
{
  PP;
  double y[32];
  for (size_t i = 0; i < p->d; i++)
    y[i] = (x[i] - MU (0)[i]) + (MU (0)[i] - MU (1)[i]);
  double q = form (pp->inv_b, y, NULL, p->d);
  *err = pp->lu_rel * q;
  return q;
}

/* E_N0[(x-μ0)^T Σ1⁻¹ (x-μ0)] + δ^T Σ1⁻¹ δ, under the sampler */
static double
s000_step3_split (const point * p, const void *prep, const double *x, double *err)
{
  PP;
  double delta[32];
  for (size_t i = 0; i < p->d; i++)
    delta[i] = MU (0)[i] - MU (1)[i];
  double a = form (pp->inv_b, x, MU (0), p->d), b = form (pp->inv_b, delta, NULL, p->d);
  *err = pp->lu_rel * (a + b);
  return a + b;
}

static estimate
s000_step3_rhs (const point * p, const void *prep)
{
  seed_terms t = terms (p, prep);
  return literal (t.tr + t.maha, p, prep);
}
static estimate s000_step3_no_delta (const point * p, const void *prep) { seed_terms t = terms (p, prep); return literal (t.tr, p, prep); }

static double
s000_step1 (const point * p, const void *prep, const double *x, double *err)
{
  return log_ratio_as_written (p, prep, x, err, -1);
}
static double s000_step1_sign (const point * p, const void *u, const double *x, double *e) { return log_ratio_as_written (p, u, x, e, +1); }

static estimate
s000_final_with (const point * p, const void *prep, double half)
{
  PP;
  seed_terms t = terms (p, pp);
  return literal (half * (log (pp->det_b / pp->det_a) - DD + t.tr + t.maha), p, pp);
}
static estimate s000_final (const point * p, const void *u) { return s000_final_with (p, u, 0.5); }
static estimate s000_final_no_half (const point * p, const void *u) { return s000_final_with (p, u, 1.0); }

static const derivation_truth TRUTHS[] = {
  {"kl", "KL by Cholesky factors (lib/mvn: tr(Σq⁻¹Σp) = ‖Lq⁻¹Lp‖²_F, no inverse formed)",
   LINE_CLOSED (kl_closed)},
  {"log_ratio", "log p(x) - log q(x) by Cholesky solves", LINE_POINTWISE (log_ratio_chol)},
  {"dim", "E[(x-μ)ᵀΣ⁻¹(x-μ)] = d, the mean of a χ²_d", LINE_CLOSED (dim)},
  {"maha_b", "(x-μ)ᵀΣ⁻¹(x-μ) of the second Gaussian by a Cholesky solve",
   LINE_POINTWISE (gauss_pair_maha_b)},
  {"e_log_p", "E_p[log p] = -H[p] = -d/2 (1 + log 2π) - ½ log det Σ", LINE_CLOSED (e_log_p)},
  {"e_log_q", "E_p[log q] = -H[p] - KL(p||q)", LINE_CLOSED (e_log_q)},
};

static const derivation_line S000[] = {
  {.id = "s000_kl_def", .at = 53, .source = "000 P6.1", .text = "KL(N0||N1) = E_N0[log N0(x)/N1(x)], both densities as written",
   .eval = LINE_EXPECT (s000_def), .truth = "kl"},
  {.id = "s000_log_ratio", .at = 63, .source = "000 P6.1", .text = "log N0(x)/N1(x) = log(|Σ1|^½/|Σ0|^½) - ½(x-μ0)ᵀΣ0⁻¹(x-μ0) + ½(x-μ1)ᵀΣ1⁻¹(x-μ1)",
   .eval = LINE_POINTWISE (s000_ratio), .truth = "log_ratio",
   .mutants = {{"s000_ratio_sign", "the log ratio with +½(x-μ0)ᵀΣ0⁻¹(x-μ0)", LINE_POINTWISE (s000_ratio_sign)}}},
  {.id = "s000_step1", .at = 65, .source = "000 P6.1 (1)", .text = "KL = log(|Σ1|^½/|Σ0|^½) - ½E_N0[(x-μ0)ᵀΣ0⁻¹(x-μ0)] + ½E_N0[(x-μ1)ᵀΣ1⁻¹(x-μ1)]",
   .eval = LINE_EXPECT (s000_step1), .from = {"s000_kl_def"},
   .mutants = {{"s000_step1_sign", "(1) with +½E_N0[...Σ0⁻¹...]", LINE_EXPECT (s000_step1_sign)}}},
  {.id = "s000_step2", .at = 69, .source = "000 P6.1 (2)", .text = "E_N0[(x-μ0)ᵀΣ0⁻¹(x-μ0)]",
   .eval = LINE_EXPECT (s000_q0), .truth = "dim"},
  {.id = "s000_step2_trace", .at = 69, .source = "000 P6.1 (2)", .text = "= tr(Σ0⁻¹Σ0)",
   .eval = LINE_CLOSED (s000_trace_self)},
  {.id = "s000_step2_d", .at = 69, .source = "000 P6.1 (2)", .text = "= d", .eval = LINE_CLOSED (s000_d),
   .mutants = {{"s000_step2_d_plus_1", "(2) evaluated as d + 1", LINE_CLOSED (s000_d_plus_1)}}},
  {.id = "s000_step3_lhs", .at = 73, .source = "000 P6.1 (3)", .text = "(x-μ1)ᵀΣ1⁻¹(x-μ1)",
   .eval = LINE_POINTWISE (s000_q1), .truth = "maha_b"},
  {.id = "s000_step3_expand", .at = 73, .source = "000 P6.1 (3)", .text = "= (x-μ0+μ0-μ1)ᵀΣ1⁻¹(x-μ0+μ0-μ1)",
   .eval = LINE_POINTWISE (s000_q1_expanded)},
  {.id = "s000_step3_split", .at = 75, .source = "000 P6.1 (3)", .text = "= E_N0[(x-μ0)ᵀΣ1⁻¹(x-μ0)] + δᵀΣ1⁻¹δ",
   .eval = LINE_EXPECT (s000_step3_split), .expect = V_SLIP,
   .readings = {{"E_N0 on the left-hand side", "(1) takes E_N0 of this quadratic form and (3) is"
                 " fed back into (1); the right-hand side already carries E_N0", 0, {0}, 1}},
   .correction = "E_N0[(x-μ1)ᵀΣ1⁻¹(x-μ1)] = E_N0[(x-μ0)ᵀΣ1⁻¹(x-μ0)] + δᵀΣ1⁻¹δ: the cross term"
   " 2δᵀΣ1⁻¹(x-μ0) vanishes only in expectation"},
  {.id = "s000_step3_trace", .at = 75, .source = "000 P6.1 (3)", .text = "= tr(Σ1⁻¹Σ0) + δᵀΣ1⁻¹δ",
   .eval = LINE_CLOSED (s000_step3_rhs),
   .mutants = {{"s000_step3_no_delta", "(3) without δᵀΣ1⁻¹δ", LINE_CLOSED (s000_step3_no_delta)}}},
  {.id = "s000_final", .at = 79, .source = "000 P6.1 final formula",
   .text = "KL(N0||N1) = ½[log |Σ1|/|Σ0| - d + tr(Σ1⁻¹Σ0) + (μ1-μ0)ᵀΣ1⁻¹(μ1-μ0)]",
   .eval = LINE_CLOSED (s000_final), .from = {"s000_step1"},
   .mutants = {{"s000_final_no_half", "the final formula without its ½", LINE_CLOSED (s000_final_no_half)}}},
};

/* ----------------------------------------------------------------------
 * 004 Problem 1: KL(p || q), p = N(μ1, Σ1) the first Gaussian, q the second
 * ---------------------------------------------------------------------- */

static double
s004_eq1_1_sign (const point * p, const void *prep, const double *x, double *err)
{
  double r = log_ratio_chol (p, prep, x, err);
  PP;
  double w[32];
  gsl_vector_const_view xv = gsl_vector_const_view_array (x, p->d);
  gsl_vector_view wv = gsl_vector_view_array (w, p->d);
  return r + 2 * mvn_log_pdf (pp->b, &xv.vector, &wv.vector);  /* log p + log q */
}

/* -log((2π)^{d/2} det Σi) - ½(E[zᵀΣi⁻¹z] + E[μiᵀΣi⁻¹μi]) + E[μiᵀΣi⁻¹z] */
static double
expand_log_density (const point * p, const gauss_pair * pp, int i, const double *z,
                    double *err)
{
  const gsl_matrix *inv = i ? pp->inv_b : pp->inv_a;
  double det = i ? pp->det_b : pp->det_a;
  double norm = log (pow (2 * M_PI, DD / 2) * det);
  double zz = form (inv, z, NULL, p->d), mm = form (inv, MU (i), NULL, p->d);
  double mz = bilinear (inv, MU (i), z, p->d);
  *err = pp->lu_rel * (fabs (norm) + zz + mm + fabs (mz));
  return -norm - 0.5 * (zz + mm) + mz;
}
static double s004_eq1_2 (const point * p, const void *prep, const double *x, double *e) { return expand_log_density (p, prep, 0, x, e); }
static double s004_eq1_5 (const point * p, const void *prep, const double *x, double *e) { return expand_log_density (p, prep, 1, x, e); }

static double norm_a (const point * p, const gauss_pair * pp) { return log (pow (2 * M_PI, DD / 2) * pp->det_a); }
static double norm_b (const point * p, const gauss_pair * pp) { return log (pow (2 * M_PI, DD / 2) * pp->det_b); }

static estimate
s004_eq1_3_with (const point * p, const void *prep, double half)
{
  seed_terms t = terms (p, prep);
  return literal (-norm_a (p, prep) - half * (DD + t.m1 + t.m1) + t.m1, p, prep);
}
static estimate s004_eq1_3 (const point * p, const void *u) { return s004_eq1_3_with (p, u, 0.5); }
static estimate s004_eq1_3_no_half (const point * p, const void *u) { return s004_eq1_3_with (p, u, 1.0); }
static estimate s004_eq1_4 (const point * p, const void *u) { return literal (-norm_a (p, u) - DD / 2, p, u); }
static estimate s004_eq1_4_no_d (const point * p, const void *u) { return literal (-norm_a (p, u), p, u); }

static estimate
s004_eq1_6_with (const point * p, const void *prep, double cross)
{
  seed_terms t = terms (p, prep);
  return literal (-norm_b (p, prep) - 0.5 * (t.tr + t.a + t.b) + cross * t.c, p, prep);
}
static estimate s004_eq1_6 (const point * p, const void *u) { return s004_eq1_6_with (p, u, 1); }
static estimate s004_eq1_6_cross_sign (const point * p, const void *u) { return s004_eq1_6_with (p, u, -1); }

static estimate
s004_eq1_7_with (const point * p, const void *prep, double half)
{
  seed_terms t = terms (p, prep);
  return literal (-norm_b (p, prep) - half * t.tr - 0.5 * t.maha, p, prep);
}
static estimate s004_eq1_7 (const point * p, const void *u) { return s004_eq1_7_with (p, u, 0.5); }
static estimate s004_eq1_7_no_half (const point * p, const void *u) { return s004_eq1_7_with (p, u, 1.0); }

static estimate
s004_eq1_8_with (const point * p, const void *prep, double dsign)
{
  PP;
  seed_terms t = terms (p, pp);
  return literal (log (pp->det_b / pp->det_a) - 0.5 * (dsign * DD - t.tr - t.maha), p, pp);
}
static estimate s004_eq1_8 (const point * p, const void *u) { return s004_eq1_8_with (p, u, 1); }
static estimate s004_eq1_8_d_sign (const point * p, const void *u) { return s004_eq1_8_with (p, u, -1); }

static const derivation_line S004[] = {
  {.id = "s004_eq1_1", .at = 10, .source = "004 eq. (1.1)", .text = "KL(p||q) = E_p[log(p(z))] - E_p[log(q(z))]",
   .eval = LINE_EXPECT (log_ratio_chol), .truth = "kl",
   .mutants = {{"s004_eq1_1_sign", "(1.1) as E_p[log p] + E_p[log q]", LINE_EXPECT (s004_eq1_1_sign)}}},
  {.id = "s004_eq1_2", .at = 16, .source = "004 eq. (1.2)",
   .text = "E_p[log(p(z))] = -log((2π)^{d/2} det(Σ1)) - ½(E_p[zᵀΣ1⁻¹z] + E_p[μ1ᵀΣ1⁻¹μ1]) + E_p[μ1ᵀΣ1⁻¹z]",
   .eval = LINE_EXPECT (s004_eq1_2), .truth = "e_log_p", .expect = V_ERROR,
   .correction = "-log((2π)^{d/2} det(Σ1)^{1/2}) - ...: the normaliser of a Gaussian has det(Σ1)^{1/2};"
   " as written the line is off by -½ log det Σ1"},
  {.id = "s004_eq1_3", .at = 19, .source = "004 eq. (1.3)",
   .text = "= -log((2π)^{d/2} det(Σ1)) - ½(d + μ1ᵀΣ1⁻¹μ1 + μ1ᵀΣ1⁻¹μ1) + μ1ᵀΣ1⁻¹μ1",
   .eval = LINE_CLOSED (s004_eq1_3), .expect = V_CARRIES,
   .mutants = {{"s004_eq1_3_no_half", "(1.3) without the ½ before the parentheses", LINE_CLOSED (s004_eq1_3_no_half)}}},
  {.id = "s004_eq1_4", .at = 21, .source = "004 eq. (1.4)", .text = "= -log((2π)^{d/2} det(Σ1)) - d/2",
   .eval = LINE_CLOSED (s004_eq1_4), .expect = V_CARRIES,
   .mutants = {{"s004_eq1_4_no_d", "(1.4) without its -d/2", LINE_CLOSED (s004_eq1_4_no_d)}}},
  {.id = "s004_eq1_5", .at = 25, .source = "004 eq. (1.5)",
   .text = "E_p[log(q(z))] = -log((2π)^{d/2} det(Σ2)) - ½(E_p[zᵀΣ2⁻¹z] + E_p[μ2ᵀΣ2⁻¹μ2]) + E_p[μ2ᵀΣ2⁻¹z]",
   .eval = LINE_EXPECT (s004_eq1_5), .truth = "e_log_q", .expect = V_ERROR,
   .correction = "the normaliser needs det(Σ2)^{1/2}: as written the line is off by -½ log det Σ2"},
  {.id = "s004_eq1_6", .at = 28, .source = "004 eq. (1.6)",
   .text = "= -log((2π)^{d/2} det(Σ2)) - ½(tr(Σ1Σ2⁻¹) + μ1ᵀΣ2⁻¹μ1 + μ2ᵀΣ2⁻¹μ2) + μ2ᵀΣ2⁻¹μ1",
   .eval = LINE_CLOSED (s004_eq1_6), .expect = V_CARRIES,
   .mutants = {{"s004_eq1_6_cross_sign", "(1.6) with - μ2ᵀΣ2⁻¹μ1", LINE_CLOSED (s004_eq1_6_cross_sign)}}},
  {.id = "s004_eq1_7", .at = 31, .source = "004 eq. (1.7)",
   .text = "= -log((2π)^{d/2} det(Σ2)) - ½ tr(Σ1Σ2⁻¹) - ½(μ1-μ2)ᵀΣ2⁻¹(μ1-μ2)",
   .eval = LINE_CLOSED (s004_eq1_7), .expect = V_CARRIES,
   .mutants = {{"s004_eq1_7_no_half", "(1.7) with tr(Σ1Σ2⁻¹) not halved", LINE_CLOSED (s004_eq1_7_no_half)}}},
  {.id = "s004_eq1_8", .at = 35, .source = "004 eq. (1.8)",
   .text = "KL(p||q) = log(det(Σ2)/det(Σ1)) - ½(d - tr(Σ1Σ2⁻¹) - (μ1-μ2)ᵀΣ2⁻¹(μ1-μ2))",
   .eval = LINE_CLOSED (s004_eq1_8), .from = {"s004_eq1_4", "s004_eq1_7"}, .coef = {1, -1},
   .expect = V_CARRIES,
   .correction = "KL(p||q) = ½ log(det Σ2 / det Σ1) - ½(d - tr(Σ1Σ2⁻¹) - (μ1-μ2)ᵀΣ2⁻¹(μ1-μ2)):"
   " the ½ lost in (1.2) and (1.5) belongs on the log-determinant ratio",
   .mutants = {{"s004_eq1_8_d_sign", "(1.8) with + d inside the parentheses", LINE_CLOSED (s004_eq1_8_d_sign)}}},
};

/* ----------------------------------------------------------------------
 * 002 2.(c) item ②: D_KL(q_φ || r_λ), r = N(λ1, diag λ2) the second
 * ---------------------------------------------------------------------- */

static estimate
s002_item2_with (const point * p, const void *prep, double sign)
{
  PP;
  seed_terms t = terms (p, pp);
  return literal (sign * 0.5 * (t.tr + t.maha - DD + log (pp->det_b / pp->det_a)), p, pp);
}
static estimate s002_item2 (const point * p, const void *u) { return s002_item2_with (p, u, -1); }
static estimate s002_item2_plus (const point * p, const void *u) { return s002_item2_with (p, u, +1); }

static const derivation_line S002[] = {
  {.id = "s002_item2", .at = 50, .source = "002 2.(c) item ②",
   .text = "② = -½(tr(diag(λ2)⁻¹Σφ) + (λ1-μφ)ᵀdiag(λ2)⁻¹(λ1-μφ) - k + log(det diag(λ2) / det Σφ))",
   .eval = LINE_CLOSED (s002_item2), .truth = "kl", .expect = V_ERROR,
   .correction = "D_KL(q_φ || r_λ) = +½(...): the leading sign is wrong (as written the line is -KL ≤ 0)",
   .mutants = {{"s002_item2_sign_fixed", "item ② with its leading sign corrected (a positive control:"
                " the line must then hold)", LINE_CLOSED (s002_item2_plus)}}},
};

/* ----------------------------------------------------------------------
 * The harness's own closed form, against Monte Carlo and quadrature
 * ---------------------------------------------------------------------- */

static estimate
kl_variant (const point * p, const void *prep, int which)
{
  PP;
  (void) p;
  mvn_kl_terms t, u;
  mvn_kl_parts (pp->a, pp->b, &t);
  mvn_kl_parts (pp->b, pp->a, &u);
  double ld = t.logdet_q - t.logdet_p, kl;
  switch (which)
    {
    case 1: kl = 0.5 * (u.trace + u.mahalanobis - u.d - ld); break;   /* swapped */
    case 2: kl = 0.5 * (t.trace + t.mahalanobis - t.d - ld); break;   /* logdet sign */
    case 3: kl = 0.5 * (u.trace + t.mahalanobis - t.d + ld); break;   /* trace inverted */
    case 4: kl = 0.5 * (t.trace + u.mahalanobis - t.d + ld); break;   /* maha under Σp */
    case 5: kl = 0.5 * (0.5 * t.trace + t.mahalanobis - t.d + ld); break;
    case 6: kl = 0.5 * (t.trace - t.mahalanobis - t.d + ld); break;
    case 7: kl = (1 + 1e-3) * mvn_kl (pp->a, pp->b); break;
    case 8: kl = -mvn_kl (pp->a, pp->b); break;
    default: kl = mvn_kl (pp->a, pp->b);
    }
  return est_exact (kl, mvn_kl_rounding_bound (pp->a, pp->b));
}
#define KL_VARIANT(n) static estimate kl_v##n (const point * p, const void *u) { return kl_variant (p, u, n); }
KL_VARIANT (0) KL_VARIANT (1) KL_VARIANT (2) KL_VARIANT (3) KL_VARIANT (4)
KL_VARIANT (5) KL_VARIANT (6) KL_VARIANT (7) KL_VARIANT (8)

static estimate
kl_self (const point * p, const void *prep)
{
  PP;
  (void) p;
  return est_exact (mvn_kl (pp->a, pp->a), mvn_kl_rounding_bound (pp->a, pp->a));
}
static estimate zero (const point * p, const void *u) { (void) p, (void) u; return est_exact (0, 0); }

static double
kl_integrand_1d (double x, void *params)
{
  const double *g = params;
  double lp = normal_log_pdf (x, g[0], g[1]), lq = normal_log_pdf (x, g[2], g[3]);
  return exp (lp) * (lp - lq);
}

static estimate
kl_quadrature (const point * p, const void *prep)
{
  (void) prep;
  double g[4] = { MU (0)[0], sqrt (point_cov (p, 0)[0]), MU (1)[0], sqrt (point_cov (p, 1)[0]) };
  return est_quad (quad_interval (kl_integrand_1d, g, g[0] - 40 * g[1], g[0] + 40 * g[1]));
}

static const derivation_truth HARNESS_TRUTHS[] = {
  {"mc", "E_p[log p - log q] by Monte Carlo, both by Cholesky solves on the draws",
   LINE_EXPECT (log_ratio_chol)},
  {"zero", "0", LINE_CLOSED (zero)},
  {"quad", "∫ p log(p/q) by quadrature (GSL QAGS over μp ± 40 σp)", LINE_CLOSED (kl_quadrature)},
};

static const derivation_line HARNESS_MC[] = {
  {.id = "kl_closed_vs_mc", .source = "harness", .text = "closed-form KL(p||q) = E_p[log p - log q]",
   .eval = LINE_CLOSED (kl_v0), .truth = "mc",
   .mutants = {{"kl_swapped", "KL(q||p) in place of KL(p||q)", LINE_CLOSED (kl_v1)},
               {"kl_logdet_sign", "log-determinant ratio with the wrong sign", LINE_CLOSED (kl_v2)},
               {"kl_trace_inverted", "tr(Σp⁻¹Σq) in place of tr(Σq⁻¹Σp)", LINE_CLOSED (kl_v3)},
               {"kl_maha_sigma_p", "Mahalanobis term under Σp⁻¹", LINE_CLOSED (kl_v4)}}},
  {.id = "kl_self_zero", .source = "harness", .text = "KL(p||p) = 0",
   .eval = LINE_CLOSED (kl_self), .truth = "zero"},
  {.id = "kl_nonnegative", .source = "harness", .text = "KL(p||q) ≥ 0",
   .eval = LINE_CLOSED (kl_v0), .truth = "zero", .rel = REL_LE,
   .mutants = {{"kl_sign", "the closed form with the wrong sign", LINE_CLOSED (kl_v8)}}},
};

static const derivation_line HARNESS_QUAD[] = {
  {.id = "kl_closed_vs_quad", .source = "harness", .text = "closed-form KL(p||q) = ∫ p log(p/q), d = 1",
   .eval = LINE_CLOSED (kl_v0), .truth = "quad",
   .mutants = {{"kl_trace_halved", "trace term halved", LINE_CLOSED (kl_v5)},
               {"kl_maha_sign", "Mahalanobis term subtracted", LINE_CLOSED (kl_v6)},
               {"kl_rel_1e-3", "closed form times 1 + 1e-3", LINE_CLOSED (kl_v7)}}},
};

/* ---------------------------------------------------------------------- */

static point_kind pair_000, pair_004, pair_002, pair_1d;

#define DERIVATION(name, title_, kind, truths_, lines_, np, nmc) \
  static derivation name = { .id = #name, .title = title_, .points = &kind, \
    .n_points = np, .n_mc_points = nmc, .draws_share = 0.05, .min_draws = 20000, \
    .prep_size = sizeof (gauss_pair), .prepare = gauss_pair_prepare, \
    .release = gauss_pair_release, .x_dim = 8, .x_len = gauss_pair_x_len, \
    .sample = gauss_pair_sample, .base_dim = gauss_pair_x_len, .transform = gauss_pair_transform, .truths = truths_, .n_truths = COUNT_OF (truths_), \
    .lines = lines_, .n_lines = COUNT_OF (lines_) }

DERIVATION (d000, "000 P6.1: KL(N0 || N1) through the log ratio, (1)-(3)", pair_000, TRUTHS, S000, 100, 4);
DERIVATION (d004, "004 Problem 1: KL(p || q) as E_p[log p] - E_p[log q]", pair_004, TRUTHS, S004, 100, 4);
DERIVATION (d002, "002 2.(c) item ②: KL against a diagonal prior", pair_002, TRUTHS, S002, 100, 1);
DERIVATION (dmc, "The closed form against Monte Carlo", pair_004, HARNESS_TRUTHS, HARNESS_MC, 100, 6);
DERIVATION (dquad, "The closed form against quadrature (d = 1)", pair_1d, HARNESS_TRUTHS, HARNESS_QUAD, 40, 1);

static const claim CLAIM = {
  .slug = "kl_gaussians",
  .title = "KL divergence between multivariate Gaussians",
  .claim = "For p = N(μ0, Σ0) and q = N(μ1, Σ1) in d dimensions, "
    "KL(p||q) = ½[tr(Σ1⁻¹Σ0) + (μ1-μ0)ᵀΣ1⁻¹(μ1-μ0) - d + log(det Σ1 / det Σ0)]; "
    "KL >= 0 and KL(p||p) = 0.",
  .sources = "000 P6.1 (final formula, steps (1)-(3)); 004 Problem 1 (eqs. 1.1-1.8); "
    "002 2.(c) item ②",
  .derivations = (const derivation *const[]) {&d000, &d004, &d002, &dmc, &dquad},
  .n_derivations = 5,
  .samples_default = 2000000, .samples_quick = 40000, .samples_min = 1000,
  .figure_caption = "Each seed line on a row of its own, and how far it misses its"
    " ground truth at every point it was checked at, in units of the decision's margin"
    " z·SE + bound (log scale): a line that holds stays left of 1; 004's lines carry the"
    " ½ log det lost in (1.2) and (1.5), and 002's item ② is the negated KL.",
  .figure_width = 1100, .figure_height = 640,
};

static void
name_pair (point_kind * k, const char *a, const char *b, const char *c,
           const char *d)
{
  *k = point_gaussian_pair_template;
  k->names[0] = a, k->names[1] = b, k->names[2] = c, k->names[3] = d;
}

int
main (int argc, char **argv)
{
  name_pair (&pair_000, "μ0", "Σ0", "μ1", "Σ1");
  name_pair (&pair_004, "μ1", "Σ1", "μ2", "Σ2");
  name_pair (&pair_002, "μφ", "Σφ", "λ1", "diag(λ2)");
  pair_002.second_diagonal = 1;
  pair_002.description = "d from 1 to 8; means from N(0, I); Σφ as for two Gaussians,"
    " λ2 log-normal";
  name_pair (&pair_1d, "μ1", "Σ1", "μ2", "Σ2");
  pair_1d.dmax = 1;
  pair_1d.description = "d = 1; means from N(0, 1), variances log-normal";
  harness *h = harness_begin (&CLAIM, argc, argv);
  derivation_run (h, &d000);
  derivation_run (h, &d004);
  derivation_run (h, &d002);
  derivation_run (h, &dmc);
  derivation_run (h, &dquad);
  figure_lines_against_truth (h, "KL between Gaussians: each seed line against the truth");
  return harness_end (h);
}
