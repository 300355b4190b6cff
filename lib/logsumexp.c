/* logsumexp.c -- stable log-sum-exp with a rounding-error bound (see
 * logsumexp.h).
 *
 * Error analysis (Higham, Accuracy and Stability of Numerical Algorithms,
 * 2nd ed.: 2.2 for the model fl(a op b) = (a op b)(1 + d), |d| <= u;
 * 4.3, eq. (4.9) for compensated summation).  u = 2^-53.  exp, log and
 * log1p of glibc are within 1 ulp; we assume 2 ulps, i.e. relative 4u for a
 * normal result and absolute 2 * 2^-1074 for a subnormal one.  The inputs
 * x_i are exact (we bound the error against the exact log-sum-exp of the
 * given doubles); m = max x_i is exact; a_i = m - x_i >= 0.
 *
 * 1. Terms.  d = fl(x_i - m) differs from x_i - m by e, which Knuth's
 *    TwoSum gives exactly (Higham 4.3); the term is taken as
 *    fl(exp(d) + exp(d) e), which is exp(x_i - m) = exp(d)(1 + e + e^2/2
 *    + ...) but for e^2 <= (746 u)^2, 1e-26 relative.  Without the
 *    correction the rounding of x_i - m would cost u (m - x_i) relative
 *    (4e-14 at m - x_i = 400).  Rounding of exp (4u), of the product and
 *    of the sum (u each): the computed t^_i satisfies
 *      |t^_i - t_i| <= 5.01 u t^_i + 2^-1073,
 *    the last part for results in the subnormal range or flushed to 0.
 * 2. Sum.  All terms are >= 0, so Neumaier's compensated sum s^ of the
 *    t^_i is within (2u + 4 n u^2) s^ of sum t^_i (Higham (4.9); the
 *    O(n u^2) term written out with a factor 2 to spare).  Together:
 *      |s^ - s| <= E_s = (7.02 u + 4 n u^2) s^ + n 2^-1073.
 *    Note what is absent: no factor n multiplies u.  A plain recursive
 *    sum would add gamma_{n-1} s (Higham (4.4)) -- 2.2e-10 relative at
 *    n = 10^6 -- and for terms below u (exp(-36.7) ~ 1.2e-16) added to 1
 *    it loses them all.  That is why the maximum is kept out of the sum.
 * 3. log1p.  log1p is 1-Lipschitz on [0, inf) with slope 1/(1 + s), so
 *      |log1p(s^) - log1p(s)| <= E_s / (1 + s^ - E_s),
 *    and its own rounding adds 4u log1p(s^) (+ 2^-1073 if subnormal).
 *    The relative condition of log1p(s) in s is s / ((1 + s) log1p(s))
 *    <= 1: the result is as accurate relatively as s is.
 * 4. Final m + log1p(s^): one rounding, u |result|.
 * The bound is evaluated in floating point: its own sums of n
 * non-negative terms are within gamma_{n+16} of exact, and the O(u^2)
 * terms dropped above are smaller still; the factor 1 + 4 (n + 16) u
 * covers both. */
#include "logsumexp.h"

#include "csum.h"

#include <float.h>
#include <math.h>

#define U (DBL_EPSILON / 2)
#define ELEM_REL (4 * U)              /* exp, log, log1p: 2 ulps */
#define SUBNORMAL_ABS 0x1p-1073       /* 2 ulps of the smallest subnormal */

/* The maximum and an index where it is attained; NaN if any x_i is NaN. */
static double
lse_max (const double *x, size_t n, size_t *where)
{
  double m = -INFINITY;
  *where = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (isnan (x[i]))
        return NAN;
      if (x[i] > m)
        {
          m = x[i];
          *where = i;
        }
    }
  return m;
}

double
log_sum_exp_bounded (const double *x, size_t n, double *bound)
{
  size_t k;
  double m = lse_max (x, n, &k);
  if (bound)
    *bound = 0.0;
  if (!isfinite (m))
    return m;                   /* -inf: all terms zero; +inf: infinite sum */
  /* compute: s = sum_{i != k} exp(x_i - m), and the term part of E_s */
  csum s = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    {
      if (i == k)
        continue;
      double d = x[i] - m, t = exp (d);
      if (t > 0)                /* else d = -inf or exp underflowed */
        {
          double mm = d - x[i], e = (x[i] - (d - mm)) + (-m - mm);
          t += t * e;           /* exp(x_i - m) = exp(d) exp(e) */
        }
      csum_add (&s, t);
    }
  double sum = csum_value (&s);
  double l = log1p (sum), r = m + l;
  if (bound)
    {
      double dn = (double) n;
      double e_s = (7.02 * U + 4 * dn * U * U) * sum + dn * SUBNORMAL_ABS;
      double denom = 1.0 + sum - e_s;
      double b = U * fabs (r) + ELEM_REL * l + SUBNORMAL_ABS
        + (denom > 0.5 ? e_s / denom : INFINITY);
      *bound = b * (1.0 + 4.0 * (dn + 16.0) * U);
    }
  return r;
}

double
log_sum_exp (const double *x, size_t n)
{
  return log_sum_exp_bounded (x, n, NULL);
}

double
log_sum_exp_error_bound (const double *x, size_t n)
{
  double b;
  log_sum_exp_bounded (x, n, &b);
  return b;
}

double
log_mean_exp (const double *x, size_t n)
{
  if (n == 0)
    return NAN;                 /* the mean of nothing is undefined */
  return log_sum_exp (x, n) - log ((double) n);
}

/* log_mean_exp = fl(lse - fl(log n)): the bound of lse, the rounding of
   log n (4u log n) and of the subtraction (u |result|). */
double
log_mean_exp_error_bound (const double *x, size_t n)
{
  if (n == 0)
    return 0.0;
  double b, lse = log_sum_exp_bounded (x, n, &b);
  if (!isfinite (lse))
    return 0.0;
  double ln = log ((double) n);
  return (b + ELEM_REL * ln + U * fabs (lse - ln)) * (1.0 + 8 * U);
}

double
log_add_exp (double a, double b)
{
  double x[2] = { a, b };
  return log_sum_exp (x, 2);
}
