/* line_fn.h -- a derivation line's function defined from one expression.
 *
 * Most lines of a seed, their mutants and many truths are one formula in
 * the point; as C functions of derivation.h's shapes (line_value_fn,
 * line_integrand_fn) each would take four lines of signature and casts
 * around it.  These macros define the function from its expression, so
 * that a claim's line reads as the formula:
 *
 *   LINE_FN_CLOSED (eq1_12, rnd_estimate (gmm_mean_rnd (g, 0)))
 *   LINE_FN_RND (eq2_1, rnd_sub (log_joint (p, z), log_evidence (p)))
 *
 * EXPR sees the point P, the prep U and, at a draw, the draw Z.  A closed
 * form is an estimate; an integrand is either an rnd (lib/rounding.h),
 * whose rounding bound it states, or a plain double, for which the engine
 * takes its default bound (a line evaluated as written in floating point,
 * or a Monte Carlo truth's draw).  (kl_gaussians' CLOSED and INTEGRAND
 * differ: they add the literal route's own rounding bound.) */
#ifndef HARNESS_LINE_FN_H
#define HARNESS_LINE_FN_H

#include "derivation.h"
#include "rounding.h"

/* The value of A, its rounding bound in *BOUND */
static inline double
line_fn_bounded (rnd a, double *bound)
{
  *bound = rnd_bound (a);
  return a.value;
}

/* The constant truths 0 and 1, exact (a stationarity condition, a
   normalised density's integral): LINE_CLOSED (line_fn_zero). */
static inline estimate
line_fn_zero (const point * p, const void *u)
{
  (void) p, (void) u;
  return est_exact (0, 0);
}

static inline estimate
line_fn_one (const point * p, const void *u)
{
  (void) p, (void) u;
  return est_exact (1, 0);
}

#define LINE_FN_CLOSED(name, expr) static estimate \
  name (const point * p, const void *u) { (void) p, (void) u; return (expr); }
#define LINE_FN_RND(name, expr) static double \
  name (const point * p, const void *u, const double *z, double *bound) \
  { (void) p, (void) u, (void) z; return line_fn_bounded ((expr), bound); }
#define LINE_FN_PLAIN(name, expr) static double \
  name (const point * p, const void *u, const double *z, double *bound) \
  { (void) p, (void) u, (void) z, (void) bound; return (expr); }
/* An integrand whose EXPR states its own bound: a call that returns the
   value and writes its rounding bound through BOUND (a sum of lib/vsum.h,
   another such line), possibly with a mutant's change added to the value:
     LINE_FN_BOUNDED (mean_log_w, vsum_mean_bounded (z, k, bound)) */
#define LINE_FN_BOUNDED(name, expr) static double \
  name (const point * p, const void *u, const double *z, double *bound) \
  { (void) p, (void) u, (void) z; return (expr); }

/* A line whose function is one body F shared by the literal line and its
   mutants, called with the arguments that make it one of them:
     LINE_FN (l_eq5, recover_with, 0, -1, 0)    is F (p, u, z, bound, 0, -1, 0)
     LINE_FN_NOPREP (l_eq3, q0_with, -0.5, 0.5) is F (p, z, bound, -0.5, 0.5),
   the second for bodies that need no preparation.  The arguments may read
   the point P (a mutant's σ for 1: p->v[1]). */
#define LINE_FN(name, f, ...) static double \
  name (const point * p, const void *u, const double *z, double *bound) \
  { return f (p, u, z, bound, __VA_ARGS__); }
#define LINE_FN_NOPREP(name, f, ...) static double \
  name (const point * p, const void *u, const double *z, double *bound) \
  { (void) u; return f (p, z, bound, __VA_ARGS__); }

#endif
