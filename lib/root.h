/* root.h -- a root whose bracket rounding cannot break.
 *
 * GSL's bisection (gsl_root_fsolver_bisection) trusts the sign of every
 * value it computes.  Near a root, and for an equation whose two sides
 * cancel, that sign is rounding noise, and the bracket may lose the root.
 * Here G returns g(x) and in *ROUNDING a bound on the rounding of that
 * value: the bracket's ends only ever move to points where |g| exceeds
 * its bound, so their signs are certain and (g continuous) a root lies
 * between them. */
#ifndef HARNESS_ROOT_H
#define HARNESS_ROOT_H

#include "estimate.h"

typedef double (*root_fn) (double x, void *params, double *rounding);

typedef struct
{
  double x, x_err;      /* a root lies in [x - x_err, x + x_err] */
} root_result;

/* The root of G in [LO, HI] by bisection, stopped when the bracket cannot
   shrink or the midpoint's sign is uncertain (the bracket, wider then,
   still holds a root).  x is NaN when there is no
   certain root: g not finite at an end or a midpoint (a zero denominator),
   an end whose sign is uncertain, or no change of sign. */
root_result root_bisect_certain (root_fn g, void *params, double lo,
                                 double hi);

/* root_bisect_certain as an estimate: the midpoint x with the bracket's
   half-width as an optimiser's tolerance (est_opt), so that a check
   compares roots within their brackets; value NaN (and error 0) when
   there is no certain root.  For a derivation line that determines a
   value as the root of its equation. */
estimate root_bisect_estimate (root_fn g, void *params, double lo, double hi);

#endif
