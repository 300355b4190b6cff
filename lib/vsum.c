/* vsum.c -- plain sums with their rounding bounds (see vsum.h). */
#include "vsum.h"

#include <float.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>

double
vsum_plain (const double *x, size_t n)
{
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += x[i];
  return s;
}

double
vsum_mean_bounded (const double *x, size_t n, double *bound)
{
  double s = 0, a = 0;
  for (size_t i = 0; i < n; i++)
    s += x[i], a += fabs (x[i]);
  *bound = 2 * (double) n * DBL_EPSILON * a / (double) n;
  return s / (double) n;
}

double
vsum_log_mean_exp_bounded (const double *x, size_t n, double *bound)
{
  double mx = gsl_stats_max (x, 1, n), s = 0;
  /* compute: s = sum exp(x_i - max), in [1, n] */
  for (size_t i = 0; i < n; i++)
    s += exp (x[i] - mx);
  double v = mx + log (s / (double) n);
  *bound = 4 * DBL_EPSILON * ((double) n + fabs (v) + fabs (mx) + 2);
  return v;
}
