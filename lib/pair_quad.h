/* pair_quad.h -- integrals of a pointwise function of two 1-D densities,
 *
 *   ∫ F(p(x), q(x)) dx,
 *
 * the form of every f-divergence and of the expansions a derivation makes
 * of one (p log(2p/(p + q)), p log(1 + q/p), ...).  F is evaluated on the
 * two density values, so a line's integrand is written as the seed writes
 * it, in p and q alone.  Densities with bounded supports have kinks or
 * jumps at their ends, where a rule's error estimate is unreliable: the
 * integral is the sum of CQUAD over the pieces between the sorted
 * breakpoints (gsl_sort), each piece smooth.  The errors add.
 *
 * A density on an interval, the Beta law stretched onto [lo, hi], is the
 * pair's usual member: disjoint supports, touching supports and overlaps
 * are all a choice of intervals. */
#ifndef HARNESS_PAIR_QUAD_H
#define HARNESS_PAIR_QUAD_H

#include "estimate.h"
#include "quad.h"

#include <stddef.h>

/* Beta(alpha, beta) stretched onto [lo, hi]: density
   Beta((x - lo)/(hi - lo)) / (hi - lo) inside, 0 outside. */
typedef struct
{
  double lo, hi, alpha, beta;
} pair_quad_beta;

double pair_quad_beta_pdf (const pair_quad_beta * d, double x);

/* Two stretched Betas, and F(p, q) of their values at a point. */
typedef struct
{
  pair_quad_beta p, q;
} pair_quad_betas;

typedef double (*pair_quad_fn) (double p, double q);

/* F(p(X), q(X)) at one point X: the integrand that
   pair_quad_betas_integrate integrates, for a value taken where no rule
   would accept the integrand (one that is NaN on part of a support). */
double pair_quad_betas_at (const pair_quad_betas * b, pair_quad_fn f, double x);

/* ∫_0^∞ F(p(x), q(x)) dx for two stretched Betas with lo >= 0: CQUAD to
   EPSABS, EPSREL on each piece between 0 and the four support ends.  Dies
   (exit 3) where CQUAD fails (lib/quad.h). */
quad_result pair_quad_betas_integrate (const pair_quad_betas * b, pair_quad_fn f,
                                       double epsabs, double epsrel);

#endif
