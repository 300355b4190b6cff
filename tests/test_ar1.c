/* test_ar1.c -- the AR(1) chain against its stationary moments, and the
 * exact tau_n against its closed form. */
#include "ar1.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

/* tau_n in closed form: (1 + rho)/(1 - rho) - 2 rho (1 - rho^n) / (n (1 - rho)^2) */
static double
tau_closed (double rho, size_t n)
{
  double dn = (double) n;
  return (1 + rho) / (1 - rho)
    - 2 * rho * (1 - pow (rho, dn)) / (dn * (1 - rho) * (1 - rho));
}

/* R chains of length 3: x_0, x_2 ~ N(0, 1) and corr(x_0, x_2) = rho^2,
   each a mean over R independent replicates.  The sample second moments
   of N(0, 1) products have sd <= sqrt(2 / R) (E[x^2 y^2] <= 3): 6 sd. */
static void
test_chain (gsl_rng * r, double rho)
{
  const size_t reps = 200000;
  double x[3], m0 = 0, v0 = 0, v2 = 0, c02 = 0;
  for (size_t i = 0; i < reps; i++)
    {
      ar1_chain (r, rho, x, 3);
      m0 += x[0], v0 += x[0] * x[0], v2 += x[2] * x[2], c02 += x[0] * x[2];
    }
  double R = (double) reps, tol = 6 * sqrt (3.0 / R);
  tap_close (m0 / R, 0, tol, "rho = %g: E x_0 = 0", rho);
  tap_close (v0 / R, 1, tol, "rho = %g: E x_0^2 = 1", rho);
  tap_close (v2 / R, 1, tol, "rho = %g: E x_2^2 = 1 (stationary)", rho);
  tap_close (c02 / R, rho * rho, tol, "rho = %g: E x_0 x_2 = rho^2", rho);
}

int
main (void)
{
  static const double rhos[] = { -0.9, -0.5, 0.0, 0.5, 0.9, 0.99 };
  static const size_t ns[] = { 2, 10, 1000, 50000 };
  for (size_t i = 0; i < sizeof rhos / sizeof rhos[0]; i++)
    for (size_t j = 0; j < sizeof ns / sizeof ns[0]; j++)
      {
        double rho = rhos[i];
        size_t n = ns[j];
        tap_close (ar1_tau_exact (rho, n), tau_closed (rho, n),
                   8 * (double) (n + 2) * DBL_EPSILON / (1 - fabs (rho)),
                   "tau_n(rho = %g, n = %zu) = its closed form", rho, n);
      }
  /* n = 1: a single value, tau = 1 */
  tap_close (ar1_tau_exact (0.7, 1), 1, 0, "tau_1 = 1");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261122);
  test_chain (r, 0.8);
  test_chain (r, -0.6);
  gsl_rng_free (r);
  return tap_done ();
}
