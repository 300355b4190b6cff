/* logsumexp.h -- log(sum exp(x_i)) without overflow, underflow or loss of
 * accuracy near 0.
 *
 * With m = max x_i (one index k where it is attained):
 *   log_sum_exp(x) = m + log1p(s),   s = sum_{i != k} exp(x_i - m),
 * s summed with Neumaier's compensated summation.  log1p keeps the
 * relative accuracy of log(1 + s) when s is tiny ([0, -40] gives 4.25e-18,
 * not 0), and the compensated sum keeps s accurate when it is made of many
 * terms each below the rounding of 1 + s ([0] + [-36.7] x 10^7).
 *
 * Special values: all inputs -inf (every term is zero) gives -inf; any +inf
 * gives +inf; any NaN gives NaN; n = 0 gives -inf (the empty sum is 0).
 *
 * Error bound (derived in logsumexp.c; u = DBL_EPSILON / 2, elementary
 * functions exp, log1p, log assumed within 2 ulps = 4u relative):
 *   |computed - exact| <= u |result| + 4u log1p(s) + E_s / (1 + s - E_s)
 *                         + 2^-1073,
 *   E_s = (7.02 u + 4 n u^2) s + n 2^-1073,
 * s the computed sum.  Relative to the exact log-sum-exp of the given
 * doubles; log_sum_exp_error_bound() evaluates it (rounded upwards by a
 * safety factor that covers its own arithmetic). */
#ifndef HARNESS_LOGSUMEXP_H
#define HARNESS_LOGSUMEXP_H

#include <stddef.h>

double log_sum_exp (const double *x, size_t n);
double log_mean_exp (const double *x, size_t n);   /* log((1/n) sum exp x_i) */
double log_add_exp (double a, double b);            /* log(e^a + e^b) */

/* Bounds on |computed - exact| of log_sum_exp (X, N) and log_mean_exp
   (X, N); 0 when the value is not finite (-inf, +inf and NaN are exact
   conventions, not rounded numbers). */
double log_sum_exp_error_bound (const double *x, size_t n);
double log_mean_exp_error_bound (const double *x, size_t n);

/* log_sum_exp (X, N), and its error bound in *BOUND, in one pass over the
   exponentials (for long vectors). */
double log_sum_exp_bounded (const double *x, size_t n, double *bound);

#endif
