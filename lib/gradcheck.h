/* gradcheck.h -- finite-difference derivatives with an error bound, for
 * checking analytic gradients.
 *
 * Design.  Each partial derivative is taken by central differences at the
 * steps h and h/2,
 *     D(h) = (f(x + h e_i) - f(x - h e_i)) / 2h,
 * and combined by Richardson extrapolation into the fourth-order rule
 *     R = (4 D(h/2) - D(h)) / 3,
 * the scheme of GSL's gsl_deriv_central (deriv/deriv.c), here for functions
 * of a vector and with the step set from the scale of the argument:
 *     h = cbrt(eta) * max(|x_i|, x_scale),
 * eta being the relative accuracy of one evaluation of f: the step that
 * balances the truncation error (order h^2) against the rounding error
 * (order eta/h) of a central difference (Numerical Recipes, 3rd ed., 5.7).
 * The error returned with R is the sum of
 *     trunc = |D(h) - R|, the error of the second-order rule D(h), which in
 *             the asymptotic regime exceeds the error of R by a factor of
 *             order 1/h^2 (GSL's estimate; for f''' = 0 at x it is still
 *             five times the O(h^4) error of R);
 *     round = the worst-case effect on R of an error eta |f| + f_abs_err in
 *             each of the four evaluations, plus the rounding of x +- h.
 * As in GSL, the step is then rescaled once towards the h that balances the
 * two parts, and the new estimate is kept when its error is smaller.
 *
 * A check uses the pair as a deterministic estimate, est_exact (R, err), and
 * compares it with the analytic derivative.  The bound is honest for f
 * smooth (five times differentiable) on [x_i - h, x_i + h] and evaluated to
 * the stated accuracy.  A caller whose f cancels large terms (a sum of
 * log-densities that is small) must say so through f_abs_err, of the order
 * of DBL_EPSILON times the sum of the magnitudes of the terms. */
#ifndef HARNESS_GRADCHECK_H
#define HARNESS_GRADCHECK_H

#include <float.h>
#include <gsl/gsl_vector.h>
#include <stddef.h>

/* Default relative accuracy of one evaluation of f: a few dozen floating
   point operations, each within half an ulp, and libm's exp/log within an
   ulp. */
#define GRADCHECK_F_REL_ERR (16 * DBL_EPSILON)

typedef double (*gradcheck_fn) (const gsl_vector * x, void *params);
/* The analytic gradient under test: writes df/dx_i into G (length of X). */
typedef void (*gradcheck_grad) (const gsl_vector * x, void *params,
                                gsl_vector * g);

typedef struct
{
  double x_scale;     /* typical magnitude of the x_i: the step floor for
                         x_i near 0.  0 means 1. */
  double f_rel_err;   /* relative error of one evaluation of f.
                         0 means GRADCHECK_F_REL_ERR. */
  double f_abs_err;   /* absolute error of one evaluation of f, added to
                         f_rel_err |f| (for f that cancels).  0 is allowed. */
  double g_rel_err;   /* relative rounding error of the analytic gradient,
                         used by gradcheck_verify.  0 means f_rel_err. */
} gradcheck_options;

typedef struct
{
  double value;       /* R, the extrapolated derivative */
  double err;         /* trunc + round: a bound on |value - df/dx_i| */
  double trunc, round;
  double step;        /* the step h finally used */
} gradcheck_partial;

/* df/dx_i at X.  OPT may be NULL for the defaults.  Returns GSL_SUCCESS;
   GSL_EBADLEN when I is not an index of X; GSL_EINVAL for a negative
   option; GSL_EDOM when x_i or a value of f is not finite (then value is
   NaN and err is +inf).  Nothing is reported: the caller decides whether it
   is an error.  X is not modified. */
int gradcheck_partial_derivative (gradcheck_fn f, void *params,
                                  const gsl_vector * x, size_t i,
                                  const gradcheck_options * opt,
                                  gradcheck_partial * out);

/* The whole gradient: GRAD and ERR (both the length of X) receive value and
   err of each partial.  Returns the first non-success status of a partial
   (the others are still computed), or GSL_EBADLEN for a length mismatch. */
int gradcheck_gradient (gradcheck_fn f, void *params, const gsl_vector * x,
                        const gradcheck_options * opt, gsl_vector * grad,
                        gsl_vector * err);

/* The outcome of comparing an analytic gradient with finite differences. */
typedef struct
{
  size_t n_bad;       /* components with |g_i - R_i| > err_i + g_rel |g_i| */
  size_t worst;       /* index of the largest ratio */
  double worst_ratio; /* max over i of |g_i - R_i| / (err_i + g_rel |g_i|) */
} gradcheck_report;

/* Compare the analytic gradient G at X with finite differences of F.
   Returns GSL_SUCCESS when every component agrees within its bound,
   GSL_EFAILED when some component does not (REP says which), or the error
   status of gradcheck_gradient (REP->n_bad then counts every component). */
int gradcheck_verify (gradcheck_fn f, gradcheck_grad g, void *params,
                      const gsl_vector * x, const gradcheck_options * opt,
                      gradcheck_report * rep);

/* The plain central differences of F in coordinate I at X at the steps H
   and H/2, into *COARSE and *FINE.  While the steps are in the asymptotic
   regime the error of the finer is about a quarter of that of the
   coarser, so |fine - coarse| bounds it (rounding included).  X is
   restored. */
void gradcheck_central_pair (gradcheck_fn f, void *params, gsl_vector * x,
                             size_t i, double h, double *coarse,
                             double *fine);

/* The derivative along C, c.grad f at X, over the N coordinates IDX[k] of X
   (C[k] the weight of coordinate IDX[k]; a zero weight skips it): the sum
   of C[k] times each partial derivative (gradcheck_partial_derivative) into
   *VALUE and of |C[k]| times their errors into *ERR, in the order of IDX.
   Returns GSL_SUCCESS, or the first failing partial's status (*VALUE and
   *ERR then hold the sums before it). */
int gradcheck_directional (gradcheck_fn f, void *params, const gsl_vector * x,
                           const double *c, const int *idx, size_t n,
                           const gradcheck_options * opt, double *value,
                           double *err);

#endif
