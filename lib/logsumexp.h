/* logsumexp.h -- log(sum exp(x_i)) without overflow or underflow.
 *
 * Shift by the maximum (the standard trick), with the special values made
 * explicit: all inputs -inf (every term is zero) gives -inf; any +inf gives
 * +inf; any NaN gives NaN; n = 0 gives -inf (the empty sum is 0). */
#ifndef HARNESS_LOGSUMEXP_H
#define HARNESS_LOGSUMEXP_H

#include <stddef.h>

double log_sum_exp (const double *x, size_t n);
double log_mean_exp (const double *x, size_t n);   /* log((1/n) sum exp x_i) */
double log_add_exp (double a, double b);            /* log(e^a + e^b) */

#endif
