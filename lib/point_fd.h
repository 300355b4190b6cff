/* point_fd.h -- the derivative of a closed form of a point's coordinates
 * along a direction, by finite differences, as an estimate.
 *
 * A gradient line is a vector; a claim checks it along a direction c,
 * c·∇F, F a closed form of the point's coordinates, so that a counterexample
 * names the component that fails (the direction may itself be part of the
 * point).  The truth is lib/gradcheck's directional derivative over the
 * coordinates AT[0..N) of the point, Σ_k C[k] ∂F/∂v_{AT[k]}, with its error
 * bound (truncation and F's rounding) plus the rounding of that sum,
 * charged as SUM_TERMS terms of EST_U |value| each. */
#ifndef HARNESS_POINT_FD_H
#define HARNESS_POINT_FD_H

#include "estimate.h"
#include "gradcheck.h"
#include "point.h"

/* c·∇F at P over the coordinates AT[0..N) (C[k] the weight of AT[k]), F
   evaluated on the whole of P's coordinates (a vector of length P->n) with
   PARAMS, O its accuracy as gradcheck_options (NULL: the defaults).  A
   failed partial derivative (F not finite near P) is a runtime failure:
   one line, EXIT_RUNTIME. */
estimate point_fd_along (gradcheck_fn f, void *params, const point * p,
                         const double *c, const int *at, size_t n,
                         const gradcheck_options * o, size_t sum_terms);

#endif
