/* estimate.h -- a number with its error: the currency of every check.
 *
 * An estimate is a value with an error of a stated kind.  Monte Carlo
 * errors are standard errors (random); closed forms, quadrature, optimisers
 * and numerical approximations carry deterministic bounds.  Arithmetic on
 * estimates keeps both: random errors add in quadrature (the inputs are
 * assumed independent unless the caller pairs them itself), deterministic
 * bounds add, and each operation adds its own rounding (Higham, Accuracy
 * and Stability of Numerical Algorithms, 2nd ed., 2.2: fl(a op b) =
 * (a op b)(1 + d), |d| <= u).  A result with any random part is EST_MC, and
 * its deterministic part travels in `bound`. */
#ifndef HARNESS_ESTIMATE_H
#define HARNESS_ESTIMATE_H

#include "mc.h"

#include <float.h>
#include <stddef.h>

typedef enum { EST_EXACT, EST_MC, EST_QUAD, EST_OPT, EST_NUMERIC } est_kind;

typedef struct
{
  double value;
  double err;        /* standard error (EST_MC) or absolute bound (others) */
  est_kind kind;
  double bound;      /* EST_MC only: a deterministic part beside the SE */
} estimate;

/* Unit roundoff u = DBL_EPSILON / 2 and Higham's gamma_n = n u / (1 - n u). */
#define EST_U (DBL_EPSILON / 2)
double est_gamma (double n);

estimate est_exact (double value, double rounding_bound);
estimate est_mc (double mean, double se);
estimate est_mc_acc (const mc_acc * a);
estimate est_opt (double value, double tolerance);
/* A numerical approximation with a deterministic error estimate: finite
   differences (gsl_deriv_central's abserr), Richardson extrapolation. */
estimate est_numeric (double value, double error_bound);

/* The random and the deterministic part of an estimate's error. */
double est_se (estimate e);
double est_bound (estimate e);

/* a + b, a - b, c a: errors carried, plus the operation's rounding. */
estimate est_add (estimate a, estimate b);
estimate est_sub (estimate a, estimate b);
estimate est_scale (double c, estimate a);

/* A closed form written as a sum of N terms, each exact to within its own
   relative rounding REL (e.g. a few u for an elementary function): the sum
   and Higham's bound gamma_{n-1} sum |t_i| + rel sum |t_i| (eq. 4.4). */
estimate est_sum_terms (const double *t, size_t n, double rel);
#define EST_SUM(...) \
  est_sum_terms ((const double[]) { __VA_ARGS__ }, \
                 sizeof ((const double[]) { __VA_ARGS__ }) / sizeof (double), \
                 4 * EST_U)

/* The log of a positive estimate V ± E with a deterministic error (every
   kind but EST_MC), the one "log of an estimate" of the harness.  log is
   concave with slope 1/(v - e) at v - e, so for any true value in
   [v - e, v + e], |log(true) - log v| <= e / (v - e) (the larger of the
   two one-sided slopes times e; not first order).  log's own rounding adds
   one ulp, at most 2 u |log v| (glibc's log is within 1 ulp).  The result
   keeps V's kind.  Dies (die_runtime, exit 3) when v <= e, where no bound
   exists, and (die_internal) on an EST_MC, whose standard error has no
   such image. */
estimate est_log (estimate v);

#endif
