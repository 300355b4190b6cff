/* quad_nested.h -- an outer quadrature whose integrand is a quadrature.
 *
 * An integrand that is itself an inner quadrature is evaluated with an
 * error, the inner bound, which the outer rules cannot see.  Two passes
 * carry it: first the error pass, the outer integral of the inner bounds
 * (to a loose tolerance: it needs only an upper bound), which bounds the
 * noise of the outer integrand; then the integral itself, whose rules may
 * differ by that noise (quad_try_real_line_span_noisy) and whose bound
 * includes it.  The error pass integrates GSL's inner estimates, which
 * jump with the outer variable, so its two rules may disagree by more than
 * their own estimates; a disagreement there is absorbed by allowing it the
 * whole of its value as noise. */
#ifndef HARNESS_QUAD_NESTED_H
#define HARNESS_QUAD_NESTED_H

#include "quad.h"

/* The integral of F over the real line split at LO and HI (as
   quad_try_real_line_span), F being an inner quadrature: F returns the
   inner value when *ERROR_PASS is 0 and the inner abserr when it is 1
   (this function sets it; it is 0 on return).  EPSREL_ERRORS is the
   tolerance of the error pass, EPSREL that of the integral.  Returns 0 and
   *OUT, or the status of the pass that refused (quad_last_failure says
   why). */
int quad_try_nested_span (quad_fn f, void *params, int *error_pass,
                          double lo, double hi, double scale, double epsabs,
                          double epsrel_errors, double epsrel,
                          quad_result * out);

/* ∫∫ F(x, y) dy dx over the plane: the inner integral over y by
   quad_real_line_at (Y_CENTER, Y_SCALE) (dying if refused), the outer by
   quad_try_nested_span over x (LO, HI, SCALE), the inner bounds carried. */
typedef double (*quad_fn2) (double x, double y, void *params);
int quad_try_plane (quad_fn2 f, void *params, double y_center, double y_scale,
                    double lo, double hi, double scale, double epsabs,
                    double epsrel_errors, double epsrel, quad_result * out);

#endif
