/* ar1.c -- the stationary Gaussian AR(1) chain (see ar1.h). */
#include "ar1.h"

#include <gsl/gsl_randist.h>
#include <math.h>

void
ar1_chain (const gsl_rng * r, double rho, double *x, size_t n)
{
  double s = sqrt (1 - rho * rho);
  x[0] = gsl_ran_gaussian_ziggurat (r, 1.0);
  for (size_t t = 1; t < n; t++)
    x[t] = rho * x[t - 1] + s * gsl_ran_gaussian_ziggurat (r, 1.0);
}

double
ar1_tau_exact (double rho, size_t n)
{
  double tau = 1.0, rk = 1.0;
  for (size_t k = 1; k < n && fabs (rk) > 1e-300; k++)
    {
      rk *= rho;
      tau += 2.0 * (1.0 - (double) k / (double) n) * rk;
    }
  return tau;
}
