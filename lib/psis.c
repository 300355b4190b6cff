/* psis.c -- Pareto k-hat by Zhang & Stephens' estimate (see psis.h). */
#include "psis.h"
#include "errors.h"

#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PSIS_MIN_TAIL 5
#define PSIS_GRID_MIN 30
#define PSIS_PRIOR 3.0
#define PSIS_WIP_A 10.0

size_t
psis_tail_length (size_t n)
{
  double m = fmin (0.2 * (double) n, 3.0 * sqrt ((double) n));
  return (size_t) ceil (m);
}

/* Zhang & Stephens' profile log-likelihood per observation at theta:
   with a = -theta and k = mean log1p(a x), log(a / k) - k - 1. */
static double
profile_loglik (double theta, const double *x, size_t m)
{
  double a = -theta, k = 0.0;
  for (size_t i = 0; i < m; i++)
    k += log1p (a * x[i]);
  k /= (double) m;
  return log (a / k) - k - 1.0;
}

double
psis_gpd_shape (const double *x, size_t m)
{
  if (m < 1)
    return NAN;
  size_t grid = PSIS_GRID_MIN + (size_t) floor (sqrt ((double) m));
  double xstar = x[(size_t) floor ((double) m / 4.0 + 0.5) - 1 + (m < 2)];
  double *theta = xmalloc (grid * sizeof *theta);
  double *ll = xmalloc (grid * sizeof *ll), lmax = -INFINITY;
  for (size_t j = 0; j < grid; j++)
    {
      theta[j] = 1.0 / x[m - 1] + (1.0 - sqrt ((double) grid
                                               / ((double) j + 0.5)))
        / PSIS_PRIOR / xstar;
      ll[j] = (double) m * profile_loglik (theta[j], x, m);
      lmax = fmax (lmax, ll[j]);
    }
  /* posterior mean of theta under the profile likelihood, by weights
     exp(l - logsumexp(l)) */
  double wsum = 0.0, tsum = 0.0;
  for (size_t j = 0; j < grid; j++)
    {
      double w = exp (ll[j] - lmax);
      wsum += w;
      tsum += theta[j] * w;
    }
  double theta_hat = tsum / wsum, k = 0.0;
  for (size_t i = 0; i < m; i++)
    k += log1p (-theta_hat * x[i]);
  k /= (double) m;
  free (theta);
  free (ll);
  /* the weakly informative prior: shrink towards 0.5 with weight 10 */
  double nm = (double) m;
  return k * nm / (nm + PSIS_WIP_A) + PSIS_WIP_A * 0.5 / (nm + PSIS_WIP_A);
}

/* Sorted copy of V[0..n-1], or NULL if any value is NaN or +inf. */
static double *
sorted_copy (const double *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (isnan (v[i]) || v[i] == INFINITY)
      return NULL;
  double *s = xmalloc (n * sizeof *s);
  memcpy (s, v, n * sizeof *s);
  gsl_sort (s, 1, n);
  return s;
}

/* k-hat from sorted S: exceedances of the M largest over S[n - M - 1],
   after TRANSFORM (exp of the shifted log-weights, or the identity). */
static double
tail_khat (const double *s, size_t n, int exponentiate)
{
  size_t m = psis_tail_length (n);
  if (m < PSIS_MIN_TAIL || m >= n)
    return NAN;
  const double *tail = s + (n - m);
  if (!(tail[m - 1] > tail[0]) || !isfinite (tail[0]))
    return NAN;                 /* all equal, or -inf in the tail */
  double top = s[n - 1], cut = s[n - m - 1];
  double *ex = xmalloc (m * sizeof *ex);
  double c = exponentiate ? exp (cut - top) : cut;
  for (size_t i = 0; i < m; i++)
    ex[i] = (exponentiate ? exp (tail[i] - top) : tail[i]) - c;
  double k = psis_gpd_shape (ex, m);
  free (ex);
  return isnan (k) ? NAN : k;
}

double
psis_khat (const double *log_w, size_t n)
{
  double *s = sorted_copy (log_w, n);
  if (!s)
    return NAN;
  double k = tail_khat (s, n, 1);
  free (s);
  return k;
}

double
psis_khat_tail (const double *x, size_t n)
{
  double *s = sorted_copy (x, n);
  if (!s)
    return NAN;
  double k = tail_khat (s, n, 0);
  free (s);
  return k;
}
