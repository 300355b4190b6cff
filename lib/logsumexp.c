/* logsumexp.c -- stable log-sum-exp (see logsumexp.h). */
#include "logsumexp.h"

#include <math.h>

double
log_sum_exp (const double *x, size_t n)
{
  double m = -INFINITY;
  for (size_t i = 0; i < n; i++)
    {
      if (isnan (x[i]))
        return NAN;
      if (x[i] > m)
        m = x[i];
    }
  if (!isfinite (m))
    return m;                   /* -inf: all terms zero; +inf: infinite sum */
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += exp (x[i] - m);
  return m + log (s);
}

double
log_mean_exp (const double *x, size_t n)
{
  if (n == 0)
    return NAN;                 /* the mean of nothing is undefined */
  return log_sum_exp (x, n) - log ((double) n);
}

double
log_add_exp (double a, double b)
{
  double x[2] = { a, b };
  return log_sum_exp (x, 2);
}
