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
 * The closed form's rounding is charged as 64 ε (|v| + 1) per coordinate
 * (vector_check_closed): the few dozen operations of a closed form, each
 * within half an ulp, with a floor for coordinates near 0.  Functions and
 * gradients are lib/minimize's (minnd_fn, minnd_grad), which are
 * lib/gradcheck's types as well. */
#ifndef HARNESS_VECTOR_CHECK_H
#define HARNESS_VECTOR_CHECK_H

#include "harness.h"
#include "minimize.h"

#include <gsl/gsl_vector.h>
#include <stddef.h>

/* V as a closed form: est_exact (V, 64 DBL_EPSILON (|V| + 1)). */
estimate vector_check_closed (double v);

/* Two closed forms OBS and REF of N coordinates, each pair a point of
   check ID (both sides vector_check_closed), in order. */
void vector_check_equal (harness * h, const char *id, const double *obs, const double *ref,
                         size_t n);

/* The analytic gradient G of F at X (PARAMS for both) against finite
   differences: each partial by gradcheck_partial_derivative (x_scale 1,
   F's absolute rounding GRADCHECK_F_REL_ERR * F_SIZE, F_SIZE the magnitude
   of the terms F sums), one point of check ID per coordinate in order,
   the analytic value (vector_check_closed) observed, the difference
   (est_exact of its value and error bound) the reference.  A partial that
   fails (F not finite near X) is a runtime failure: one line,
   EXIT_RUNTIME. */
void vector_check_gradient (harness * h, const char *id, minnd_fn f, minnd_grad g,
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
   of check ID against the closed form CLOSED (X0's length, each
   vector_check_closed), the minimiser on SIDE.  Returns what BFGS did
   (nothing to free). */
vector_check_bfgs vector_check_minimiser (harness * h, const char *id, minnd_fn f,
                                          minnd_grad g, void *params, const gsl_vector * x0,
                                          const double *closed, vector_check_side side);

/* A Gaussian least-squares fit against its truth, within its exact
   sampling error: for y = X β + ε, ε ~ N(0, S2 I), M rows and P columns,
   given X the fit β̂ is N(β, S2 (XᵀX)⁻¹) and RSS/S2 is χ² with ν = M - P
   degrees of freedom.  Points of check ID: each COEF[j] (est_mc with
   standard error sqrt(S2) sqrt(INV_DIAG[j]), INV_DIAG (XᵀX)⁻¹'s diagonal)
   against TRUTH[j] (vector_check_closed), j in order; then the residual
   variance S2_HAT = RSS/M as the Wilson-Hilferty score
   (RSS/(S2 ν))^{1/3}, close to N(1 - 2/(9ν), 2/(9ν)) far into the tails
   (Wilson and Hilferty 1931; Johnson, Kotz and Balakrishnan, Continuous
   Univariate Distributions 1, 18.8), against 1 - 2/(9ν). */
void vector_check_lsq (harness * h, const char *id, const double *coef, const double *truth,
                       const double *inv_diag, size_t p, double s2_hat, double s2, long m);

#endif
