/* test_logistic.c -- lib/logistic against closed forms.
 *
 * The logistic function against its definition where that is safe, and
 * at extremes where the naive formula overflows.  The fit against
 * saturated models, whose maximum-likelihood estimate and asymptotic
 * covariance are closed forms: with k distinct values of x and k
 * features, the fitted log-odds at each x is the logit of that group's
 * share of labels, and the inverse Hessian is V^-1 diag(1/(n_g p_g (1 -
 * p_g))) V^-T for the Vandermonde matrix V.  Intercept only:
 * theta = log(n1/n0), var = 1/n1 + 1/n0.  Two groups x in {0, 1}:
 * theta = (L0, L1 - L0) with L_g the group logits, var(theta_0) = 1/a0 +
 * 1/b0, var(theta_1) = 1/a0 + 1/b0 + 1/a1 + 1/b1, cov = -(1/a0 + 1/b0).
 * Three groups x in {-1, 0, 1}: theta = (L0, (L1 - L-1)/2, (L1 + L-1)/2 -
 * L0). */
#include "logistic.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

/* N pairs: for each group g, at x = XS[g], ONES[g] labels 1 and ZEROS[g]
   labels 0. */
static size_t
make_groups (const double *xs, const int *ones, const int *zeros, int k,
             double *x, double *y)
{
  size_t n = 0;
  for (int g = 0; g < k; g++)
    for (int i = 0; i < ones[g] + zeros[g]; i++, n++)
      {
        x[n] = xs[g];
        y[n] = i < ones[g];
      }
  return n;
}

static double
logit (int a, int b)
{
  return log ((double) a / b);
}

int
main (void)
{
  /* the logistic function */
  const double etas[] = { -30, -2.5, -1e-3, 0, 0.7, 12, 35 };
  for (size_t i = 0; i < sizeof etas / sizeof etas[0]; i++)
    {
      double e = etas[i], naive = 1 / (1 + exp (-e));
      tap_close (logistic_sigmoid (e), naive, 4 * DBL_EPSILON * naive,
                 "sigmoid(%g) = 1/(1 + e^-eta)", e);
      tap_close (logistic_log_sigmoid (e), log (naive),
                 8 * DBL_EPSILON * fmax (1, fabs (log (naive))),
                 "log sigmoid(%g) = log of it", e);
    }
  tap_close (logistic_log_sigmoid (-800), -800, 0, "log sigmoid(-800) = -800, no overflow");
  tap_close (logistic_log_sigmoid (800), 0, 0, "log sigmoid(800) = 0");
  tap_close (logistic_log_sigmoid (40), -exp (-40), 1e-30, "log sigmoid(40) = -e^-40");
  tap_ok (logistic_sigmoid (-800) == 0 && logistic_sigmoid (800) == 1,
          "sigmoid saturates at +-800 without NaN");
  tap_close (logistic_sigmoid (-3) + logistic_sigmoid (3), 1, 2 * DBL_EPSILON,
             "sigma(-eta) = 1 - sigma(eta)");

  double phi[4];
  logistic_features (-1.5, 4, phi);
  tap_ok (phi[0] == 1 && phi[1] == -1.5 && phi[2] == 2.25 && phi[3] == -3.375,
          "features of -1.5: 1, x, x^2, x^3");

  double *x = malloc (2000 * sizeof *x), *y = malloc (2000 * sizeof *y);
  logistic_fit f;

  /* intercept only */
  {
    const double xs[] = { 0.3 };
    const int ones[] = { 130 }, zeros[] = { 370 };
    size_t n = make_groups (xs, ones, zeros, 1, x, y);
    tap_ok (logistic_fit_poly (x, y, n, 1, &f) == GSL_SUCCESS, "intercept: fit converged");
    tap_close (gsl_vector_get (f.theta, 0), logit (130, 370), 1e-9,
               "intercept: theta = log(n1/n0)");
    tap_close (gsl_matrix_get (f.cov, 0, 0), 1.0 / 130 + 1.0 / 370, 1e-9,
               "intercept: var = 1/n1 + 1/n0");
    tap_ok (f.newton_step < 1e-9, "intercept: last Newton step %.3g < 1e-9", f.newton_step);
    tap_close (logistic_score_se (&f, 5.0), sqrt (1.0 / 130 + 1.0 / 370), 1e-9,
               "intercept: se of the score is sqrt(var) at any x");
    logistic_fit_free (&f);
  }
  /* two groups */
  {
    const double xs[] = { 0, 1 };
    const int ones[] = { 40, 300 }, zeros[] = { 160, 100 };
    size_t n = make_groups (xs, ones, zeros, 2, x, y);
    tap_ok (logistic_fit_poly (x, y, n, 2, &f) == GSL_SUCCESS, "two groups: fit converged");
    double l0 = logit (40, 160), l1 = logit (300, 100);
    double v0 = 1.0 / 40 + 1.0 / 160, v1 = 1.0 / 300 + 1.0 / 100;
    tap_close (gsl_vector_get (f.theta, 0), l0, 1e-9, "two groups: theta_0 = L0");
    tap_close (gsl_vector_get (f.theta, 1), l1 - l0, 1e-9, "two groups: theta_1 = L1 - L0");
    tap_close (gsl_matrix_get (f.cov, 0, 0), v0, 1e-9, "two groups: var theta_0");
    tap_close (gsl_matrix_get (f.cov, 1, 1), v0 + v1, 1e-9, "two groups: var theta_1");
    tap_close (gsl_matrix_get (f.cov, 0, 1), -v0, 1e-9, "two groups: cov");
    tap_close (logistic_score (f.theta, 1.0), l1, 1e-9, "two groups: score at x = 1 is L1");
    tap_close (logistic_score_se (&f, 1.0), sqrt (v1), 1e-9,
               "two groups: se of the score at x = 1 is sqrt(1/a1 + 1/b1)");
    logistic_fit_free (&f);
  }
  /* three groups, quadratic features */
  {
    const double xs[] = { -1, 0, 1 };
    const int ones[] = { 50, 200, 90 }, zeros[] = { 250, 100, 110 };
    size_t n = make_groups (xs, ones, zeros, 3, x, y);
    tap_ok (logistic_fit_poly (x, y, n, 3, &f) == GSL_SUCCESS, "quadratic: fit converged");
    double lm = logit (50, 250), l0 = logit (200, 100), lp = logit (90, 110);
    tap_close (gsl_vector_get (f.theta, 0), l0, 1e-9, "quadratic: theta_0 = L0");
    tap_close (gsl_vector_get (f.theta, 1), (lp - lm) / 2, 1e-9,
               "quadratic: theta_1 = (L1 - L-1)/2");
    tap_close (gsl_vector_get (f.theta, 2), (lp + lm) / 2 - l0, 1e-9,
               "quadratic: theta_2 = (L1 + L-1)/2 - L0");
    tap_close (logistic_score_se (&f, -1.0), sqrt (1.0 / 50 + 1.0 / 250), 1e-9,
               "quadratic: se of the score at x = -1 is that group's");
    logistic_fit_free (&f);
  }
  /* separable data have no maximum: the fit walks off until the
     gradient vanishes, and the covariance says the estimate is worthless */
  {
    const double xs[] = { -1, 1 };
    const int ones[] = { 0, 50 }, zeros[] = { 50, 0 };
    size_t n = make_groups (xs, ones, zeros, 2, x, y);
    int st = logistic_fit_poly (x, y, n, 2, &f);
    double v = st == GSL_SUCCESS ? gsl_matrix_get (f.cov, 1, 1) : NAN;
    tap_ok (st != GSL_SUCCESS || !(v < 1e3),
            "separable data: not converged, or var theta_1 = %.3g >= 1e3", v);
    if (st == GSL_SUCCESS)
      logistic_fit_free (&f);
  }
  /* log(1 - sigma(t)) against log1p(-sigma(t)) where that is exact enough, and -t far out */
  tap_close (logistic_log_sigmoid_neg (0.5), log1p (-1 / (1 + exp (-0.5))), 1e-15,
             "log(1 - sigma(0.5))");
  tap_close (logistic_log_sigmoid_neg (-3), log1p (-1 / (1 + exp (3))), 1e-15, "log(1 - sigma(-3))");
  tap_close (logistic_log_sigmoid_neg (800), -800, 1e-12, "log(1 - sigma(800)) = -800, no overflow");
  free (x);
  free (y);
  return tap_done ();
}
