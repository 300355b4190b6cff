/* vsum.h -- plain sums over a vector, with a priori rounding bounds.
 *
 * lib/csum.h compensates its sums; the sums here are not compensated on
 * purpose: they are the sums a seed writes, or an independent route to a
 * compensated result (a truth must not share the algorithm it judges).
 * Their bounds are Higham's for recursive summation (Accuracy and
 * Stability of Numerical Algorithms, 2nd ed., 4.2):
 *   |fl(sum x_i) - sum x_i| <= gamma_{n-1} sum |x_i|,  gamma_n ~ n u,
 * stated generously (a multiple of DBL_EPSILON = 2u), so that they also
 * cover the few operations around the sum. */
#ifndef HARNESS_VSUM_H
#define HARNESS_VSUM_H

#include <stddef.h>

/* x_0 + x_1 + ... + x_{n-1}, added left to right; 0 for N = 0. */
double vsum_plain (const double *x, size_t n);

/* The mean (1/n) sum x_i of X (length N >= 1), the plain sum divided by
   n; in *BOUND a bound on its rounding, 2 n DBL_EPSILON (1/n) sum |x_i|
   (gamma_{n-1} sum |x_i| / n, and the division's u |mean|). */
double vsum_mean_bounded (const double *x, size_t n, double *bound);

/* log((1/n) sum exp x_i) for X of length N >= 1, by the plain sum of
   exp(x_i - max x) (each term in (0, 1], the largest exactly 1, so nothing
   overflows); in *BOUND a bound on its rounding, 4 DBL_EPSILON (n + |v| +
   |max x| + 2), v the result: the sum's relative gamma_{n-1} plus exp's
   2u per term, passed through log as an absolute error, and the roundings
   of log, of the division by n and of max + log.  An independent route to
   log_mean_exp (lib/logsumexp.h), which compensates and uses log1p. */
double vsum_log_mean_exp_bounded (const double *x, size_t n, double *bound);

#endif
