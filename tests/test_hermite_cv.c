/* test_hermite_cv.c -- the Hermite control variates of lib/hermite_cv.
 *
 *   - orthonormal with mean 0 under N(0, I_2): every mean and every inner
 *     product by tensor Gauss-Hermite quadrature (GSL's fixed rule, exact
 *     for these polynomials), against 0 and the identity;
 *   - each control's rounding bound holds: the double value against a
 *     long double evaluation of the same polynomial, at z in [-9, 9];
 *   - a quadratic with a cross term, fitted on 4000 pilot draws, keeps
 *     its five controls and leaves a residual whose variance is below
 *     1e-12 of the integrand's (least squares fits it exactly), and its
 *     mean is the integrand's (the controls have mean 0) by quadrature;
 *   - an even integrand (|z|) keeps its even controls, its odd
 *     coefficients (0) come out near 0, and the residual keeps under 10%
 *     of its variance on fresh draws;
 *   - degrees and dimensions outside the limits give no controls. */
#include "hermite_cv.h"
#include "tap.h"

#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

#define NODES 12                /* exact to degree 23 per coordinate */

static gsl_integration_fixed_workspace *
normal_rule (void)
{
  /* weight exp(-(x - a)^2 b) with b = 1/2: the standard normal's, up to
     sqrt(2 pi) */
  return gsl_integration_fixed_alloc (gsl_integration_fixed_hermite, NODES, 0, 0.5, 0, 0);
}

static void
test_orthonormal (void)
{
  gsl_integration_fixed_workspace *w = normal_rule ();
  const double *x = gsl_integration_fixed_nodes (w), *wt = gsl_integration_fixed_weights (w);
  double mean[HCV_MAX] = { 0 }, gram[HCV_MAX][HCV_MAX] = { { 0 } }, norm = 0;
  size_t n = 0;
  for (size_t i = 0; i < NODES; i++)
    for (size_t k = 0; k < NODES; k++)
      {
        double z[2] = { x[i], x[k] }, wk = wt[i] * wt[k];
        hcv_set cv;
        hcv_eval (&cv, z, 2, 4);
        n = cv.n;
        norm += wk;
        for (size_t a = 0; a < cv.n; a++)
          {
            mean[a] += wk * cv.c[a];
            for (size_t b = 0; b < cv.n; b++)
              gram[a][b] += wk * cv.c[a] * cv.c[b];
          }
      }
  double worst_mean = 0, worst_gram = 0;
  for (size_t a = 0; a < n; a++)
    {
      worst_mean = fmax (worst_mean, fabs (mean[a] / norm));
      for (size_t b = 0; b < n; b++)
        worst_gram = fmax (worst_gram, fabs (gram[a][b] / norm - (a == b)));
    }
  tap_ok (n == 2 * 4 + 1, "d = 2, degree 4: 8 Hermite terms and 1 product (%zu)", n);
  tap_ok (worst_mean < 1e-12, "every control has mean 0 (largest |mean| %.2g)", worst_mean);
  tap_ok (worst_gram < 1e-12, "the controls are orthonormal (largest |E c c' - I| %.2g)", worst_gram);
  gsl_integration_fixed_free (w);
}

/* He_j(z) / sqrt(j!) in long double */
static long double
hermite_ld (long double z, int j)
{
  long double hm = 1, h = z, f = 1;
  if (j == 0)
    return 1;
  for (int k = 1; k < j; k++)
    {
      long double hn = z * h - k * hm;
      hm = h, h = hn;
    }
  for (int k = 2; k <= j; k++)
    f *= k;
  return h / sqrtl (f);
}

static void
test_rounding_bound (void)
{
  double worst = 0;
  for (int t = 0; t <= 3600; t++)
    {
      double z[1] = { -9 + 18.0 * t / 3600 + 1e-7 * t };
      hcv_set cv;
      hcv_eval (&cv, z, 1, 4);
      for (int j = 1; j <= 4; j++)
        {
          long double e = fabsl ((long double) cv.c[j - 1] - hermite_ld (z[0], j));
          if (cv.err[j - 1] > 0)
            worst = fmax (worst, (double) (e / cv.err[j - 1]));
          else if (e > 0)
            worst = INFINITY;
        }
    }
  tap_ok (worst <= 1, "each Hermite term's rounding error is within its bound (largest ratio %.3g)", worst);
}

static double
quadratic (const double *z)
{
  return 3 + 2 * z[0] - z[1] + 0.5 * z[0] * z[0] + 1.5 * z[0] * z[1] - 0.25 * z[1] * z[1];
}

static void
test_fit_quadratic (gsl_rng * r)
{
  hcv_pilot *s = hcv_pilot_alloc (1);
  hcv_set cv;
  for (int t = 0; t < 4000; t++)
    {
      double z[2] = { gsl_ran_gaussian (r, 1), gsl_ran_gaussian (r, 1) };
      hcv_eval (&cv, z, 2, 2);
      hcv_pilot_add_controls (s, &cv);
      hcv_pilot_add (s, 0, &cv, quadratic (z));
    }
  hcv_fit f;
  hcv_pilot_fit (s, 0, &f);
  hcv_pilot_free (s);
  /* the residual's mean and variance by quadrature, against the
     integrand's: E h = 3 + 0.5 - 0.25, Var h = 4 + 1 + 2 (0.5² + 0.25²) + 1.5² */
  gsl_integration_fixed_workspace *w = normal_rule ();
  const double *x = gsl_integration_fixed_nodes (w), *wt = gsl_integration_fixed_weights (w);
  double m = 0, m2 = 0, norm = 0;
  for (size_t i = 0; i < NODES; i++)
    for (size_t k = 0; k < NODES; k++)
      {
        double z[2] = { x[i], x[k] }, wk = wt[i] * wt[k], b;
        hcv_eval (&cv, z, 2, 2);
        double res = quadratic (z) - hcv_apply (&f, &cv, &b);
        m += wk * res;
        m2 += wk * res * res;
        norm += wk;
      }
  gsl_integration_fixed_free (w);
  m /= norm;
  double var = m2 / norm - m * m, var_h = 4 + 1 + 2 * (0.25 + 0.0625) + 2.25;
  tap_ok (f.n == 5, "a quadratic keeps its 5 controls (z1, z2, their squares, z1 z2): %zu", f.n);
  tap_ok (fabs (m - 3.25) < 1e-12, "the residual's mean is the integrand's, 3.25 (%.15g)", m);
  tap_ok (var < 1e-12 * var_h, "the residual's variance is %.2g of the integrand's", var / var_h);
}

/* |z| is even: its odd coefficients are 0, and least squares gives them
   as noise of the size of the residual's spread over sqrt(n) (its t test
   assumes a residual variance that does not vary with z, which |z|'s kink
   breaks, so one may pass the threshold); the even ones take most of its
   variance (1 - 2/pi), measured on fresh draws. */
static void
test_even (gsl_rng * r)
{
  hcv_pilot *s = hcv_pilot_alloc (1);
  hcv_set cv;
  for (int t = 0; t < 20000; t++)
    {
      double z[1] = { gsl_ran_gaussian (r, 1) };
      hcv_eval (&cv, z, 1, 4);
      hcv_pilot_add_controls (s, &cv);
      hcv_pilot_add (s, 0, &cv, fabs (z[0]));
    }
  hcv_fit f;
  hcv_pilot_fit (s, 0, &f);
  hcv_pilot_free (s);
  double odd = 0;
  int even = 0;
  for (size_t t = 0; t < f.n; t++)
    if (f.idx[t] % 2 == 0)      /* idx 0: He_1, 1: He_2, ... */
      odd = fmax (odd, fabs (f.gamma[t]));
    else
      even++;
  double m = 0, m2 = 0;
  for (int t = 0; t < 20000; t++)
    {
      double z[1] = { gsl_ran_gaussian (r, 1) }, b;
      hcv_eval (&cv, z, 1, 4);
      double res = fabs (z[0]) - hcv_apply (&f, &cv, &b);
      m += res;
      m2 += res * res;
    }
  double var = m2 / 20000 - (m / 20000) * (m / 20000);
  tap_ok (even == 2 && odd < 0.05, "|z| keeps its two even controls, odd ones at most %.2g", odd);
  tap_ok (var < 0.1 * (1 - 2 / M_PI), "|z|'s residual keeps %.3g of its variance", var / (1 - 2 / M_PI));
}

static void
test_limits (void)
{
  double z[11] = { 0 };
  hcv_set cv;
  hcv_eval (&cv, z, 11, 2);
  size_t a = cv.n;
  hcv_eval (&cv, z, 1, 5);
  size_t b = cv.n;
  hcv_eval (&cv, z, 1, 0);
  size_t c = cv.n;
  hcv_eval (&cv, z, 10, 4);
  tap_ok (a == 0 && b == 0 && c == 0 && cv.n == HCV_MAX,
          "no controls beyond d = 10 or degree 4, or at degree 0; d = 10, degree 4 gives all %d",
          HCV_MAX);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261202);
  test_orthonormal ();
  test_rounding_bound ();
  test_fit_quadratic (r);
  test_even (r);
  test_limits ();
  gsl_rng_free (r);
  return tap_done ();
}
