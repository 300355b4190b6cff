/* vector_check.h -- the harness checks of a closed-form vector against
 * another route to it, one point of a check per coordinate.
 *
 * A claim that derives a vector in closed form (a gradient, a minimiser, a
 * regression's coefficients) checks it against a route that does not use
 * the derivation: finite differences of the function (lib/gradcheck), a
 * minimiser run on the function (lib/optimum's BFGS with its a-posteriori
 * error radius), or a least-squares fit on samples with its exact sampling
 * error.  Each coordinate is a point of the claim's check (check_point),
 * so a counterexample names the coordinate that fails; the caller closes
 * the check (check_close) with notes of its own.
 *
 * A closed form comes with its rounding bound, one per coordinate, which
 * the caller derives (lib/rounding's arithmetic, as lib/recog's _bounded
 * closed forms do): a bound of a fixed size, such as a multiple of ε, can
 * be smaller than the error of a closed form whose terms cancel.  Functions
 * and gradients are lib/minimize's (minnd_fn, minnd_grad), which are
 * lib/gradcheck's types as well. */
#ifndef HARNESS_VECTOR_CHECK_H
#define HARNESS_VECTOR_CHECK_H

#include "harness.h"
#include "minimize.h"

#include <gsl/gsl_vector.h>
#include <stddef.h>

/* Two closed forms OBS and REF of N coordinates, with their rounding bounds
   OBS_BOUND and REF_BOUND, each pair a point of check ID, in order. */
void vector_check_equal (harness * h, const char *id, const double *obs, const double *obs_bound,
                         const double *ref, const double *ref_bound, size_t n);

/* An analytic gradient with its rounding: G at X, and in BOUND a bound on
   each partial's rounding (X's length). */
typedef void (*vector_check_grad) (const gsl_vector * x, void *params, gsl_vector * g,
                                   double *bound);

/* The analytic gradient G of F at X (PARAMS for both), with its bound, against finite
   differences: each partial by gradcheck_partial_derivative (x_scale 1,
   F's absolute rounding GRADCHECK_F_REL_ERR * F_SIZE, F_SIZE the magnitude
   of the terms F sums), one point of check ID per coordinate in order,
   the analytic value (est_exact within its bound) observed, the difference
   (est_exact of its value and error bound) the reference.  A partial that
   fails (F not finite near X) is a runtime failure: one line,
   EXIT_RUNTIME. */
void vector_check_gradient (harness * h, const char *id, minnd_fn f, vector_check_grad g,
                            void *params, const gsl_vector * x, double f_size);

/* Which side of the check the minimiser is on. */
typedef enum { VECTOR_CHECK_OBSERVED, VECTOR_CHECK_REFERENCE } vector_check_side;

/* What the minimiser did, for the caller's note. */
typedef struct
{
  int converged;
  size_t iterations;
  double f;             /* F at the returned point */
  double radius;        /* its error radius (optimum_error_radius) */
} vector_check_bfgs;

/* F minimised by BFGS with its gradient G from X0 (optimum_bfgs), and each
   coordinate of the minimiser, est_opt within the error radius, a point
   of check ID against the closed form CLOSED (X0's length) within its
   rounding bound CLOSED_BOUND, the minimiser on SIDE.  Returns what BFGS did
   (nothing to free). */
vector_check_bfgs vector_check_minimiser (harness * h, const char *id, minnd_fn f,
                                          minnd_grad g, void *params, const gsl_vector * x0,
                                          const double *closed, const double *closed_bound,
                                          vector_check_side side);

/* A Gaussian least-squares fit against its truth, within its exact
   sampling error: for y = X β + ε, ε ~ N(0, S2 I), M rows and P columns,
   given X the fit β̂ is N(β, S2 (XᵀX)⁻¹) and RSS/S2 is χ² with ν = M - P
   degrees of freedom.  Points of check ID: each COEF[j] (est_mc with
   standard error sqrt(S2) sqrt(INV_DIAG[j]), INV_DIAG (XᵀX)⁻¹'s diagonal)
   against TRUTH[j] within its rounding bound TRUTH_BOUND[j], j in order; then the residual
   variance S2_HAT = RSS/M as the Wilson-Hilferty score
   (RSS/(S2 ν))^{1/3}, close to N(1 - 2/(9ν), 2/(9ν)) far into the tails
   (Wilson and Hilferty 1931; Johnson, Kotz and Balakrishnan, Continuous
   Univariate Distributions 1, 18.8), against 1 - 2/(9ν) (its rounding
   carried by lib/rounding). */
void vector_check_lsq (harness * h, const char *id, const double *coef, const double *truth,
                       const double *truth_bound, const double *inv_diag, size_t p,
                       double s2_hat, double s2, long m);

#endif
