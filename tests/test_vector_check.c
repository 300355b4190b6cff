/* test_vector_check.c -- lib/vector_check.c on a claim of its own.
 *
 * Each function runs as the one check of a claim (fixture_harness.h), on
 * references worked out here, independently of the library:
 *   - equal: a vector against itself holds, with a point per coordinate;
 *   - gradient: f(x) = Σ_i (i + 1) exp(x_i) + x_0 x_1 with its gradient by
 *     hand (its rounding by lib/rounding) holds at three coordinates;
 *   - minimiser: a quadratic ½ (x - m)ᵀ A (x - m) has its minimum at m,
 *     found on the side asked for (est_opt observed or reference);
 *   - lsq: a regression y = Xβ + ε fitted here by GSL's gsl_multifit_linear,
 *     (XᵀX)⁻¹ by GSL's Cholesky inverse, holds against its true β and σ²;
 *     the Wilson-Hilferty score of a residual sum of squares set at the
 *     exact χ² quantile of Φ(±3) (gsl_cdf_chisq_Pinv) is ±3 within 0.02.
 * Negative controls, each its own claim run: one coordinate 1e-9 off
 * (equal), a gradient with one partial 1e-6 off and one with the sign of
 * its cross term flipped (gradient), a minimum 1e-6 off (minimiser), and a
 * fit checked against twice its noise variance or against coefficients
 * moved by ten standard errors (lsq): each must fail. */
#include "vector_check.h"
#include "fixture_harness.h"
#include "rounding.h"
#include "tap.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static const check_spec CHECKS[] = {
  {"c", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_vector_check", .title = "vector_check test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 10, .samples_quick = 10,
  .figure_caption = "",
};

/* What one claim run found. */
typedef struct { int held; size_t points; double statistic; est_kind obs_kind, ref_kind; } outcome;

/* Runs SCENARIO (its variant V) as the claim's one check and closes it. */
static outcome
run (void (*scenario) (harness * h, int v), int v)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  scenario (h, v);
  check_close (h, "c", "test");
  fixture_harness_loud (&f);
  const check_result *r = fixture_result (h, "c");
  outcome o = { r->held, r->n_points, r->statistic, r->obs.kind, r->ref.kind };
  fixture_harness_end (&f);
  return o;
}

/* ---- equal ---- */

static void
equal (harness * h, int v)
{
  double a[] = { 1.5, -2.25, 1e6 }, b[] = { 1.5, -2.25, 1e6 }, exact[3] = { 0, 0, 0 };
  if (v)
    b[1] *= 1 + 1e-9;
  vector_check_equal (h, "c", a, exact, b, exact, 3);
}

/* ---- gradient ---- */

static double
f3 (const gsl_vector * x, void *params)
{
  (void) params;
  double s = gsl_vector_get (x, 0) * gsl_vector_get (x, 1);
  for (size_t i = 0; i < 3; i++)
    s += (double) (i + 1) * exp (gsl_vector_get (x, i));
  return s;
}

/* ∂f/∂x_i = (i + 1) exp(x_i) + the cross term's x_1, x_0 (0 for i = 2), in
   rnd arithmetic (exp within an ulp) for the bound;
   *PARAMS: 0 right, 1 the first partial 1e-6 high, 2 the cross term's sign flipped */
static void
f3_grad (const gsl_vector * x, void *params, gsl_vector * g, double *bound)
{
  int v = *(const int *) params;
  double sign = v == 2 ? -1 : 1;
  for (size_t i = 0; i < 3; i++)
    {
      rnd e = rnd_scale ((double) (i + 1), rnd_leaf (exp (gsl_vector_get (x, i)), 2));
      if (i < 2)
        e = rnd_add (e, rnd_exact (sign * gsl_vector_get (x, 1 - i)));
      gsl_vector_set (g, i, e.value);
      bound[i] = rnd_bound (e);
    }
  if (v == 1)
    gsl_vector_set (g, 0, gsl_vector_get (g, 0) * (1 + 1e-6));
}

static void
gradient (harness * h, int v)
{
  double xv[] = { 0.3, -1.2, 0.8 };
  gsl_vector_view x = gsl_vector_view_array (xv, 3);
  vector_check_gradient (h, "c", f3, f3_grad, &v, &x.vector, 20 * f3 (&x.vector, NULL));
}

/* ---- minimiser ---- */

static const double A[2][2] = { {2, 0.5}, {0.5, 1} }, M[2] = { 1, -2 };

static double
quadratic (const gsl_vector * x, void *params)
{
  (void) params;
  double d[2] = { gsl_vector_get (x, 0) - M[0], gsl_vector_get (x, 1) - M[1] };
  return 0.5 * (A[0][0] * d[0] * d[0] + 2 * A[0][1] * d[0] * d[1] + A[1][1] * d[1] * d[1]);
}

static void
quadratic_grad (const gsl_vector * x, void *params, gsl_vector * g)
{
  (void) params;
  double d[2] = { gsl_vector_get (x, 0) - M[0], gsl_vector_get (x, 1) - M[1] };
  for (int i = 0; i < 2; i++)
    gsl_vector_set (g, i, A[i][0] * d[0] + A[i][1] * d[1]);
}

static vector_check_bfgs last_bfgs;

/* V: 0 the minimiser observed, 1 the minimiser the reference, 2 a minimum 1e-6 off */
static void
minimiser (harness * h, int v)
{
  double x0v[2] = { 0, 0 }, m[2] = { M[0] + (v == 2 ? 1e-6 : 0), M[1] }, exact[2] = { 0, 0 };
  gsl_vector_view x0 = gsl_vector_view_array (x0v, 2);
  last_bfgs = vector_check_minimiser (h, "c", quadratic, quadratic_grad, NULL, &x0.vector, m,
                                      exact,
                                      v == 1 ? VECTOR_CHECK_REFERENCE : VECTOR_CHECK_OBSERVED);
}

/* ---- lsq ---- */

#define ROWS 500
static const double BETA[3] = { 0.7, -0.3, 0.2 }, SIGMA2 = 0.5;

/* y = Xβ + ε on ROWS rows of X = (u, w, 1), u, w ~ N(0, 1), fitted by GSL;
   V: 0 against the truth, 1 against 2σ², 2 against β_0 moved by ten
   standard errors, 3 and 4 the fit replaced by β itself and an RSS at the
   χ²_ν quantile of Φ(3) and Φ(-3) */
static void
lsq (harness * h, int v)
{
  gsl_matrix *x = gsl_matrix_alloc (ROWS, 3), *cov = gsl_matrix_alloc (3, 3);
  gsl_vector *y = gsl_vector_alloc (ROWS), *c = gsl_vector_alloc (3);
  gsl_rng *r = harness_rng (h);
  for (size_t i = 0; i < ROWS; i++)
    {
      double u = gsl_ran_gaussian (r, 1), w = gsl_ran_gaussian (r, 1);
      gsl_matrix_set (x, i, 0, u), gsl_matrix_set (x, i, 1, w), gsl_matrix_set (x, i, 2, 1);
      gsl_vector_set (y, i, BETA[0] * u + BETA[1] * w + BETA[2]
                      + gsl_ran_gaussian (r, sqrt (SIGMA2)));
    }
  double rss;
  gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc (ROWS, 3);
  gsl_multifit_linear (x, y, c, cov, &rss, ws);
  gsl_multifit_linear_free (ws);
  gsl_matrix *xtx = gsl_matrix_alloc (3, 3);     /* compute: (XᵀX)⁻¹ by Cholesky */
  gsl_blas_dgemm (CblasTrans, CblasNoTrans, 1, x, x, 0, xtx);
  gsl_linalg_cholesky_decomp1 (xtx);
  gsl_linalg_cholesky_invert (xtx);
  double coef[3], truth[3], inv_diag[3], exact[3] = { 0, 0, 0 }, s2 = SIGMA2 * (v == 1 ? 2 : 1);
  for (int j = 0; j < 3; j++)
    {
      inv_diag[j] = gsl_matrix_get (xtx, j, j);
      coef[j] = v >= 3 ? BETA[j] : gsl_vector_get (c, j);
      truth[j] = BETA[j];
    }
  if (v == 2)
    truth[0] += 10 * sqrt (SIGMA2 * inv_diag[0]);
  if (v >= 3)
    rss = SIGMA2 * gsl_cdf_chisq_Pinv (gsl_cdf_ugaussian_P (v == 3 ? 3 : -3), ROWS - 3);
  vector_check_lsq (h, "c", coef, truth, exact, inv_diag, 3, rss / ROWS, s2, ROWS);
  gsl_matrix_free (x), gsl_matrix_free (cov), gsl_matrix_free (xtx);
  gsl_vector_free (y), gsl_vector_free (c);
}

int
main (void)
{
  outcome o = run (equal, 0);
  tap_ok (o.held == 1 && o.points == 3, "equal: a vector against itself holds, 3 points");
  tap_ok (run (equal, 1).held == 0, "negative control: one coordinate 1e-9 off fails");

  o = run (gradient, 0);
  tap_ok (o.held == 1 && o.points == 3, "gradient: the hand gradient holds, 3 points");
  tap_ok (o.obs_kind == EST_EXACT && o.ref_kind == EST_EXACT,
          "gradient: the analytic value observed, the difference the reference");
  tap_ok (run (gradient, 1).held == 0, "negative control: one partial 1e-6 high fails");
  tap_ok (run (gradient, 2).held == 0, "negative control: the cross term's sign flipped fails");

  o = run (minimiser, 0);
  tap_ok (o.held == 1 && o.points == 2, "minimiser: the quadratic's minimum m holds, 2 points");
  tap_ok (o.obs_kind == EST_OPT && o.ref_kind == EST_EXACT, "minimiser observed on its side");
  tap_ok (last_bfgs.converged && last_bfgs.f < 1e-20 && last_bfgs.radius < 1e-9,
          "minimiser: BFGS converged (f %.3g, radius %.3g, %zu iterations)", last_bfgs.f,
          last_bfgs.radius, last_bfgs.iterations);
  o = run (minimiser, 1);
  tap_ok (o.held == 1 && o.obs_kind == EST_EXACT && o.ref_kind == EST_OPT,
          "minimiser as the reference: holds, on the reference side");
  tap_ok (run (minimiser, 2).held == 0, "negative control: a minimum 1e-6 off fails");

  o = run (lsq, 0);
  tap_ok (o.held == 1 && o.points == 4,
          "lsq: GSL's fit against its true β, σ² holds, 3 + 1 points");
  tap_ok (run (lsq, 1).held == 0, "negative control: against twice the noise variance fails");
  tap_ok (run (lsq, 2).held == 0, "negative control: β_0 moved by ten standard errors fails");
  tap_close (run (lsq, 3).statistic, 3, 0.02,
             "Wilson-Hilferty: the χ² quantile of Φ(3) scores 3 (gsl_cdf_chisq_Pinv)");
  tap_close (run (lsq, 4).statistic, 3, 0.02, "and the quantile of Φ(-3) scores -3 (|z| = 3)");
  return tap_done ();
}
