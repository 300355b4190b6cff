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

/* A bound on its rounding error, for an f whose imaginary part at x + ih
   is evaluated within K u of TERMS h, TERMS the sum of the magnitudes of
   the terms of f'(x) (K counts f's roundings, 2 for a libm call, plus
   one for the division by h): K u TERMS, plus K times the subnormal
   spacing over h for an Im f that underflows (|f'| h below DBL_MIN: an
   absolute DBL_TRUE_MIN / h per rounding; h = 1e-20 |x| is subnormal for
   |x| < 2e-288).  The caller adds the truncation term h^2 |f'''(x)| / 6
   (times 2 for the higher orders) where it is not negligible. */
double complex_step_error_bound (double x, double terms, double k);

/* f''(x) by the central difference of two complex-step derivatives,
   (f'(x + H) - f'(x - H)) / (2H): truncation H^2 |f''''| / 6, rounding
   the derivatives' few ulps of their terms over H.  One difference is
   taken, so it is no derivative to check a line against: it is a
   curvature where a few digits do (the width over which rounding noise
   hides a minimum, sqrt(2 noise / f'')). */
double complex_step_second_difference (complex_step_fn f, void *params, double x,
                                       double h);

#endif
