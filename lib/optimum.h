/* optimum.h -- how far a numerical minimiser may be from the minimum.
 *
 * Near a minimum x* of a smooth f whose Hessian has smallest eigenvalue
 * lambda_min > 0, grad f(x) = H (x - x*) + O(|x - x*|^2), so
 *     |x - x*| <= |grad f(x)| / lambda_min
 * to first order; a caller's SLACK > 1 covers the higher-order terms and
 * the error of a finite-difference Hessian.  The Hessian comes from
 * central differences of the analytic gradient, symmetrised, and its
 * spectrum from gsl_eigen_symm. */
#ifndef HARNESS_OPTIMUM_H
#define HARNESS_OPTIMUM_H

#include "minimize.h"

/* lambda_min of the Hessian of f at X, by central differences of GRAD
   with step max(H_ABS, H_REL |x_j|) in coordinate j. */
double optimum_min_curvature (minnd_grad grad, void *params,
                              const gsl_vector * x, double h_abs,
                              double h_rel);

/* SLACK |grad| / lambda_min; NaN when lambda_min is not positive (no
   bound: not a strict local minimum). */
double optimum_radius (double grad_norm, double lambda_min, double slack);

#endif
