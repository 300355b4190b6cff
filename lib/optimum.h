/* optimum.h -- the a-posteriori error radius of a numerical minimiser:
 * how far its X may be from the minimum x*.
 *
 * Why a gradient bounds the distance.  If f is strongly convex with modulus
 * mu on a convex set holding x and x* (f(y) >= f(x) + ∇f(x)ᵀ(y - x)
 * + mu |y - x|²/2 there), adding that inequality to the one with x and y
 * swapped gives (∇f(x) - ∇f(x*))ᵀ(x - x*) >= mu |x - x*|²; with ∇f(x*) = 0
 * and Cauchy-Schwarz,
 *     |x - x*| <= |∇f(x)| / mu.
 * The simplex size or step length at which a minimiser stops is no such
 * bound; this is.  Two forms:
 *   - optimum_distance_bound: mu KNOWN from the problem's algebra (a lower
 *     bound on the Hessian's spectrum, derived by the caller), the
 *     gradient by differences of f with their error estimates added.
 *   - optimum_error_radius / optimum_radius: mu estimated as lambda_min of
 *     the Hessian AT x (central differences of the analytic gradient,
 *     symmetrised, spectrum by gsl_eigen_symm).  Near x*, ∇f(x) = H (x - x*)
 *     + O(|x - x*|²), so the bound holds to first order; the caller's SLACK
 *     > 1 covers the change of the Hessian between x and x* (a relative
 *     O(|x - x*|) change of lambda_min, tiny at a converged x) and the
 *     differencing error of lambda_min (O(h²) of a relative 1e-5 step).
 * No strict local minimum (lambda_min <= 0): no radius, NaN. */
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

/* The radius of X with everything computed: 1.1 |GRAD(x)| / lambda_min,
   lambda_min by optimum_min_curvature with step 1e-5 max(1, |x_j|); the
   10% slack is the one above.  NaN when lambda_min <= 0. */
double optimum_error_radius (minnd_grad grad, void *params,
                             const gsl_vector * x);

/* The known-modulus form for F strongly convex near X with modulus MU:
   |∇F(x)| / MU, the gradient by GSL's central differences
   (gsl_deriv_central, step 1e-3 per coordinate) with their error
   estimates added to its norm.  Pass a MU below the true modulus (half of
   it, say) so that the differences' heuristic error estimates cannot
   decide a tie. */
double optimum_distance_bound (minnd_fn f, void *params, const gsl_vector * x,
                               double mu);

/* Minimise F by BFGS from X0 (minimize_nd_grad: step 0.1, to |grad| < 1e-11, at most 2000
   iterations), and the result's error radius optimum_error_radius into *RADIUS. */
minnd_result optimum_bfgs (minnd_fn f, minnd_grad g, void *params, const gsl_vector * x0,
                           double *radius);

#endif
