/* complex_step.h -- the derivative of a real-analytic function by the
 * complex step (Squire & Trapp, SIAM Review 40, 1998).
 *
 * For f analytic and real on the real axis, f(x + ih) = f(x) + ih f'(x)
 * - h² f''(x)/2 - ih³ f'''(x)/6 + ..., so
 *     f'(x) = Im f(x + ih) / h + O(h² f''' / 6).
 * No difference is taken: nothing cancels, and with h = 1e-20 |x| the
 * truncation term is ~1e-40 of f'''x², far below rounding.  The result is
 * then as accurate as the evaluation of the imaginary part, a few ulps of
 * the sizes of the terms of f' (the caller's bound: it knows f).  An
 * independent route to a derivative: it shares no algebra with a symbolic
 * one. */
#ifndef HARNESS_COMPLEX_STEP_H
#define HARNESS_COMPLEX_STEP_H

#include <complex.h>

typedef double complex (*complex_step_fn) (double complex x, void *params);

/* f'(x) = Im f(x + ih)/h, h = 1e-20 |x| (1e-20 at x = 0). */
double complex_step_derivative (complex_step_fn f, void *params, double x);

#endif
