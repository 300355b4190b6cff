/* minimize.h -- thin wrappers over GSL's minimisers that report convergence.
 *
 * Checks that compare a derivation's optimum with a numerical one need to
 * know the numerical one converged and how precisely: every result carries
 * a converged flag, the iteration count and a tolerance usable as the
 * optimiser's error bound (est_opt in check.h).  To maximise, minimise the
 * negative. */
#ifndef HARNESS_MINIMIZE_H
#define HARNESS_MINIMIZE_H

#include "estimate.h"

#include <float.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <stddef.h>

typedef double (*min1d_fn) (double x, void *params);

typedef struct
{
  double x, f;          /* the minimiser and the minimum */
  double x_err;         /* final bracket width: |x - x*| <= x_err */
  size_t iterations;
  int converged;
} min1d_result;

/* Brent's method (gsl_min_fminimizer_brent) on [lo, hi] from GUESS, which
   must satisfy f(guess) < f(lo) and f(guess) < f(hi).  Stops when the
   bracket is below xtol_abs + xtol_rel |x|, or after max_iter steps.
   Brent cannot locate x* closer than f's rounding allows, about
   sqrt(4 eps |f*| / (f''(x*)/2)); with a smaller xtol it may still report
   convergence on a bracket that missed x*, so on convergence x_err is the
   distance at which f rises above its rounding on both sides (walking out
   from Brent's bracket): a bound for f unimodal on [lo, hi] and evaluated
   within MINIMIZE_F_REL_ERR of |f|. */
#define MINIMIZE_F_REL_ERR (16 * DBL_EPSILON)
min1d_result minimize_1d (min1d_fn f, void *params, double lo, double guess,
                          double hi, double xtol_abs, double xtol_rel,
                          size_t max_iter);

/* The same, finding a GUESS itself by a grid of N points over [lo, hi]
   (for functions whose minimum is not bracketed in advance). */
min1d_result minimize_1d_grid (min1d_fn f, void *params, double lo,
                               double hi, size_t n, double xtol_abs,
                               double xtol_rel, size_t max_iter);

/* The smallest |x - x*| floating point resolves at a minimum whose terms
   have magnitude SIZE and whose curvature f''(x*) is F2 (> 0): the rise
   f(x) - f(x*) = ½ F2 (x - x*)² is lost below f's rounding 4 DBL_EPSILON
   SIZE, so sqrt(4 DBL_EPSILON max(SIZE, DBL_MIN) / (F2/2)) (the limit on
   Brent above).  For a truth's error bar: Brent's bracket plus this. */
double minimize_1d_resolution (double size, double f2);

typedef double (*minnd_fn) (const gsl_vector * x, void *params);
typedef void (*minnd_grad) (const gsl_vector * x, void *params,
                            gsl_vector * g);

typedef struct
{
  gsl_vector *x;        /* owned by the caller of minimize_result_free */
  double f;
  double size;          /* simplex size (Nelder-Mead) or gradient norm */
  size_t iterations;
  int converged;
} minnd_result;

/* Nelder-Mead (gsl_multimin_fminimizer_nmsimplex2), derivative-free:
   converged when the simplex size falls below SIZE_TOL. */
minnd_result minimize_nd (minnd_fn f, void *params, const gsl_vector * x0,
                          double step, double size_tol, size_t max_iter);

/* BFGS (gsl_multimin_fdfminimizer_vector_bfgs2) with an analytic gradient:
   converged when |grad| < GRAD_TOL. */
minnd_result minimize_nd_grad (minnd_fn f, minnd_grad g, void *params,
                               const gsl_vector * x0, double step,
                               double grad_tol, size_t max_iter);

void minimize_result_free (minnd_result * r);

/* The supremum of a concave function, with bounds that hold despite
   rounding.  G returns g(x) and in *ROUNDING a bound on the rounding error
   of that value.  Brent starts from the best interior point of GRID[0..n-1]
   (its tolerance XTOL_ABS + XTOL_REL |x|); then, because Brent's last
   comparisons fall below rounding and its final bracket may shrink past x*,
   the bracket is rebuilt by walking outwards until g drops by more than
   the rounding (by concavity x* lies inside), and the value gap is bounded
   by the secants through the bracket's ends.  Dies (exit 3) if Brent does
   not converge, e.g. when the maximum is at the edge of the grid. */
typedef double (*concave_fn) (double x, void *params, double *rounding);

typedef struct
{
  double x, x_err;     /* the maximiser found; |x - x*| <= x_err */
  double value, err;   /* g(x), and a bound on |sup g - g(x)| */
} concave_max;

concave_max maximize_concave_1d (concave_fn g, void *params,
                                 const double *grid, size_t n,
                                 double xtol_abs, double xtol_rel);

/* The same on the grid of N >= 3 evenly spaced points lo + (hi - lo) i/(n - 1),
   i = 0..n-1 (the ends included), for a G whose maximiser is known to lie
   inside (lo, hi): the grid a caller would otherwise fill by hand. */
concave_max maximize_concave_1d_range (concave_fn g, void *params, double lo,
                                       double hi, size_t n, double xtol_abs,
                                       double xtol_rel);

/* M's supremum and maximiser as estimates within their bounds (est_opt),
   as a derivation line or a check compares them. */
estimate concave_max_value (concave_max m);
estimate concave_max_x (concave_max m);

/* Newton's method on the gradient alone, from X (updated in place): x <-
   x - H^-1 ∇f(x), H by central differences of GRAD (step 1e-5 max(1, |x_j|),
   as optimum_min_curvature differences them), until |∇f| < GRAD_TOL or MAX_ITER steps.  For a
   minimum that a line search no longer resolves: near x* the decrease a
   step must show in f is |∇f|²/(2 λ), below f's rounding long before ∇f
   itself is lost in its own.  A step is taken only while H is positive
   definite (a Cholesky factorisation exists) and |∇f| falls, so X stays
   at the best point seen.  Returns the final |∇f(x)|. */
double minimize_newton_gradient (minnd_grad grad, void *params, gsl_vector * x,
                                 double grad_tol, size_t max_iter);

/* HESS (n x n, allocated by the caller) = the Hessian at X by central
   differences of GRAD, step max(H_ABS, H_REL |x_j|) in coordinate j,
   symmetrised. */
void minimize_gradient_hessian (minnd_grad grad, void *params,
                                const gsl_vector * x, double h_abs,
                                double h_rel, gsl_matrix * hess);

#endif
