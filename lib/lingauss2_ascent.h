/* lingauss2_ascent.h -- mean-field coordinate ascent on the two-latent
 * linear-Gaussian model, run to its fixed point, and the checks of what
 * the fixed point is.
 *
 * Coordinate ascent (Bishop, PRML 10.1.1) on q = N(m1, s1²) N(m2, s2²) for
 * lib/lingauss2's model with b = 0, ψ = 1: a sweep sets m1, s1, m2, s2 in
 * turn, each to the maximiser of the ELBO with the rest of q fixed.  What
 * it reaches (PRML 10.1.2): every update raises the ELBO; the fixed point's
 * mean is the exact posterior mean; its variances 1/Λ_ii are at most the
 * posterior marginals Σ_ii.  lingauss2_ascent_check checks those on random
 * models, against lib/lingauss2's closed forms and against a maximiser of
 * the ELBO over all of q that knows nothing of the updates (Nelder-Mead).
 * The updates are the caller's, so that what is checked is theirs (a claim
 * passes a seed's, with its negative controls); lingauss2_ascent_exact is
 * lib/lingauss2's own. */
#ifndef HARNESS_LINGAUSS2_ASCENT_H
#define HARNESS_LINGAUSS2_ASCENT_H

#include "harness.h"
#include "lingauss2.h"

/* One update: STEP 0, 1, 2, 3 of a sweep sets m1, s1, m2, s2 of V. */
typedef void (*lingauss2_ascent_update) (lingauss2 * v, int step);
/* The exact updates: m_i = lingauss2_cavi_mean, s_i = √lingauss2_cavi_var. */
void lingauss2_ascent_exact (lingauss2 * v, int step);

/* The first LINGAUSS2_ASCENT_TRACE_SWEEPS sweeps of a run, for a figure:
   ELBO[k] after update UPDATE[k] (update 0: the start), N of them, and
   the means M[k] = (m1, m2) at the start and after each mean update. */
#define LINGAUSS2_ASCENT_TRACE_SWEEPS 13
typedef struct
{
  double update[4 * LINGAUSS2_ASCENT_TRACE_SWEEPS + 1];
  double elbo[4 * LINGAUSS2_ASCENT_TRACE_SWEEPS + 1];
  size_t n;
  double m[2 * LINGAUSS2_ASCENT_TRACE_SWEEPS + 1][2];
  size_t n_m;
} lingauss2_ascent_trace;

/* Sweep V with UPDATE until a sweep leaves m2 unchanged (at most 20000
   sweeps); returns the last sweep's change |Δm2|.  With H (else NULL),
   the ELBO's change at each update is a point of check MONOTONE, against
   0; with TRACE (else NULL), the start and the first sweeps are recorded
   there. */
double lingauss2_ascent_run (lingauss2 * v, lingauss2_ascent_update update,
                             harness * h, const char *monotone,
                             lingauss2_ascent_trace * trace);

/* The four checks IDS[0..3] of UPDATE on N_MODELS random models, θ ~
   N(0, 1.5² I), x ~ N(0, 2²), from random starts m_i ~ N(0, 2²), s_i =
   exp(N(0, 0.7²)), drawn from the harness's generator: IDS[0] every
   update's ELBO change >= 0 (lingauss2_ascent_run); IDS[1] the fixed
   point's m_i = the posterior mean, within lingauss2_cavi_bound of the
   last change; IDS[2], on the first N_OPTIMISED models, (m_i, s_i²) =
   lingauss2_elbo_maximize's maximiser from a start N(0, I) in (m, log s);
   IDS[3] s_i² <= the posterior variance Σ_ii.  Closes the four checks,
   their notes saying what was drawn. */
void lingauss2_ascent_check (harness * h, lingauss2_ascent_update update,
                             const char *const ids[4], int n_models,
                             int n_optimised);

/* The four checks' table entries, ids LINGAUSS2_ASCENT_IDS, for updates
   of the means and the variances that a claim names MEAN and VAR (its
   equations: "2.13", "2.15") */
#define LINGAUSS2_ASCENT_CHECKS(mean, var) \
  {"update_monotone", "harness", "each coordinate update (" mean " or " var \
   ", in the order m1, s1, m2, s2) changes the ELBO by >= 0", REL_GE, EXPECT_HOLDS, NULL}, \
  {"fixed_point_mean", "harness", "the fixed point of the updates (" mean ") is the exact" \
   " posterior mean θx/v", REL_EQ, EXPECT_HOLDS, NULL}, \
  {"fixed_point_vs_optimizer", "harness", "the fixed point (m*, s*²) = the maximiser of the" \
   " ELBO over (m1, m2, log s1, log s2) by GSL's Nelder-Mead", REL_EQ, EXPECT_HOLDS, NULL}, \
  {"mf_var_underestimates", "harness", "mean-field variances under-estimate the marginals:" \
   " s_i²* <= Σ_ii = Var[z_i | x]", REL_LE, EXPECT_HOLDS, NULL}
#define LINGAUSS2_ASCENT_IDS \
  ((const char *const[4]) {"update_monotone", "fixed_point_mean", \
                           "fixed_point_vs_optimizer", "mf_var_underestimates"})

#endif
