/* hastings_pair.h -- a Metropolis-Hastings proposal pair at a derivation's
 * point, and an acceptance probability with its rounding bound.
 *
 * A seed that derives the Hastings ratio of a 2-D random-walk proposal
 * writes it as a ratio of densities at x and x' = x + σz; its lines are
 * checked at points (x1, x2, z1, z2, σ), v[0..4].  The pair keeps both
 * states and their log target densities, so that each of a claim's lines
 * (the general ratio, the Gaussians written out, the reduced P(x')/P(x))
 * forms its own ratio of exp(log π) from them, as the seed writes it; the
 * acceptance min(1, ratio) then carries a bound that follows the sizes of
 * the logs exponentiated (derivation in hastings_pair.c).  The truth
 * exp(min(0, log π(x') - log π(x))) takes the logs' difference instead.
 * (mcmc_gmm, 001 2.1; Hastings 1970.)  tests/test_hastings_pair.c checks
 * the pair and the acceptances against hand-worked ratios and long
 * double. */
#ifndef HARNESS_HASTINGS_PAIR_H
#define HARNESS_HASTINGS_PAIR_H

#include "estimate.h"
#include "point.h"

typedef struct
{
  double x[2], xp[2];           /* the state and the proposal x + σz */
  double s;                     /* σ */
  double lp, lpp;               /* log π(x), log π(x') */
} hastings_pair;

/* The pair of the point P = (x1, x2, z1, z2, σ): x, x' = x + σz, and
   LOG_PI (called with PARAMS) at x and at x'. */
hastings_pair hastings_pair_at (const point * p,
                                double (*log_pi) (const double *x, void *params),
                                void *params);

/* A bound on the rounding error of RATIO, a ratio of the densities
   exp(lp), exp(lpp) and of proposal densities whose logs sum to LOG_Q in
   absolute value: 4 u (|lp| + |lpp| + 2 |LOG_Q| + 16) RATIO (each exp(y)
   is correct to about u (|y| + 1) relatively, and the products and
   quotients add a few u more). */
double hastings_pair_ratio_bound (const hastings_pair * q, double log_q, double ratio);

/* min(1, RATIO), exact up to hastings_pair_ratio_bound (Q, LOG_Q, .) of
   the minimum */
estimate hastings_pair_acceptance (const hastings_pair * q, double ratio, double log_q);

/* exp(min(0, log π(x') - log π(x))), the acceptance by the logs (no
   density exponentiated on its own), with the bound of LOG_Q = 0; Q by
   value, so that a line may pass hastings_pair_at's result */
estimate hastings_pair_accept_in_logs (hastings_pair q);

/* N(v; 0, σ²I) in d = 2, written out: exp(-|v|²/(2σ²)) / (2π σ²) */
double hastings_pair_iso_normal (double v1, double v2, double s);

#endif
