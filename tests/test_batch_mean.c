/* test_batch_mean.c -- lib/batch_mean against closed forms and hand
 * computations.
 *
 *   - the moments of f(e) = a + b e (G = a, σ² = b², μ4 = 3 b⁴) and of
 *     f(e) = e² (G = 1, σ² = 2, μ4 = E(e² - 1)⁴ = 105 - 60 + 18 - 4 + 1
 *     = 60, from E e^{2n} = (2n - 1)!!);
 *   - the standard error of the mean of (ĝ_K - G)²: for a Gaussian f,
 *     ĝ_K - G ~ N(0, σ²/K), so Var (ĝ_K - G)² = 2 σ⁴/K²; for f = e² at
 *     K = 2, by expanding ((y1 + y2)/2)⁴: E = (2 μ4 + 6 σ⁴)/16 = 9, so
 *     Var = 9 - 1 = 8;
 *   - the curves: K·mse of f = e within 5 standard errors of σ² = 1 at
 *     every K, two estimators on shared draws (e and 2e: mse in the ratio
 *     4 to rounding), σ²/K exact, and REPEAT = 2 doubles the variance
 *     (K·mse within 5 of its own standard errors of 2, where the average is
 *     one of K/2 independent draws). */
#include "batch_mean.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>

typedef struct { double a, b; } affine;

static double f_affine (double e, void *params)
{
  const affine *p = params;
  return p->a + p->b * e;
}
static double f_square (double e, void *params) { (void) params; return e * e; }

static void
test_moments (void)
{
  affine p = { 0.7, -1.3 };
  batch_mean_moments m = batch_mean_moments_of (f_affine, &p);
  tap_close (m.mean, 0.7, 1e-12, "E(a + b e) = a");
  tap_close (m.var.value, 1.69, 1e-12, "Var(a + b e) = b²");
  tap_close (m.mu4, 3 * 1.69 * 1.69, 1e-11, "μ4(a + b e) = 3 b⁴");
  tap_ok (m.var.abserr >= 0 && m.var.abserr < 1e-9, "σ²'s quadrature error is small (%.3g)",
          m.var.abserr);
  m = batch_mean_moments_of (f_square, NULL);
  tap_close (m.mean, 1, 1e-12, "E e² = 1");
  tap_close (m.var.value, 2, 1e-11, "Var e² = 2");
  tap_close (m.mu4, 60, 1e-9, "E(e² - 1)⁴ = 60");
}

static void
test_sq_se (void)
{
  batch_mean_moments g = { 0, { 1.69, 0 }, 3 * 1.69 * 1.69 };
  for (double k = 1; k <= 1024; k *= 4)
    tap_close (batch_mean_sq_se (&g, k, 400), sqrt (2 * 1.69 * 1.69 / (k * k) / 400), 1e-14,
               "Gaussian f, K = %g: se = √(2 σ⁴/K² / R)", k);
  batch_mean_moments sq = { 1, { 2, 0 }, 60 };
  tap_close (batch_mean_sq_se (&sq, 2, 50), sqrt (8.0 / 50), 1e-14,
             "f = e², K = 2: Var (ĝ_2 - G)² = 8 by hand");
}

static void
test_curves (gsl_rng * r)
{
  static const double ks[] = { 1, 4, 16, 64 };
  affine one = { 0, 1 }, two = { 0, 2 };
  gsl_function f[2] = { { f_affine, &one }, { f_affine, &two } };
  batch_mean_moments m[2] = { { 0, { 1, 0 }, 3 }, { 0, { 4, 0 }, 48 } };
  batch_mean_curve c[2];
  batch_mean_curves (r, f, m, 2, ks, 4, 1, 20000, c);
  for (int n = 0; n < 4; n++)
    {
      tap_close (ks[n] * c[0].mse[n], 1, 5 * ks[n] * c[0].se[n], "K = %g: K·mse = σ² = 1", ks[n]);
      tap_close (c[1].mse[n], 4 * c[0].mse[n], 1e-12 * c[1].mse[n],
                 "K = %g: shared draws, mse of 2e = 4 mse of e", ks[n]);
      tap_close (c[1].var_over_k[n], 4 / ks[n], 0, "K = %g: σ²/K", ks[n]);
    }
  /* REPEAT = 2: the average of K/2 independent draws, (ĝ_K - G)² =
     2 σ²/K · χ²_1, of standard error √(2 (2/K)² / R) */
  batch_mean_curves (r, f, m, 1, ks + 1, 3, 2, 20000, c);
  for (int n = 0; n < 3; n++)
    tap_close (ks[n + 1] * c[0].mse[n], 2, 5 * sqrt (2.0 / 20000) * 2,
               "K = %g, each draw twice: K·mse = 2 σ²", ks[n + 1]);
}

int
main (void)
{
  gsl_rng_env_setup ();
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  test_moments ();
  test_sq_se ();
  test_curves (r);
  gsl_rng_free (r);
  return tap_done ();
}
