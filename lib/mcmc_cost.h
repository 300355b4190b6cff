/* mcmc_cost.h -- samplers compared in effective sample size per unit of
 * work, on the five moment averages of lib/mcmc_mixture.
 *
 * A sampler that mixes faster per iteration can still lose once the cost
 * of its iterations is counted: an HMC trajectory costs L gradient
 * evaluations.  The unit of work is one evaluation of the density or of
 * its gradient (on the mixture a gradient costs about one density
 * evaluation: both need the k component log-densities).  Per moment
 * average a summary holds Geyer's ESS and standard error (lib/ess) and,
 * as an independent estimate of the same standard error, the batch-means
 * one (10 to 50 batches, >= 20 τ long where possible: ess_batch_count).
 * CPU seconds are kept for stdout only: they depend on the machine, so
 * they never go into a report or a figure. */
#ifndef HARNESS_MCMC_COST_H
#define HARNESS_MCMC_COST_H

#include "ess.h"
#include "mcmc.h"
#include "mcmc_mixture.h"
#include "sbuf.h"

#include <gsl/gsl_matrix.h>
#include <stdio.h>

#define MCMC_COST_N_MOMENTS MCMC_MIXTURE_N_MOMENTS

/* A change of an average's ESS result (a claim's negative control), or
   NULL for none. */
typedef void (*mcmc_cost_variant) (ess_result * e);

typedef struct
{
  const char *name;
  size_t n, evaluations;         /* draws; density + gradient evaluations */
  double acceptance, seconds;    /* seconds: CPU, for stdout only */
  ess_result moment[MCMC_COST_N_MOMENTS];
  double batch_se[MCMC_COST_N_MOMENTS];
  size_t n_batches[MCMC_COST_N_MOMENTS];   /* 10 to 50, >= 20 τ long */
} mcmc_cost;

/* The CPU seconds used so far (clock ()): a run's start for
   mcmc_cost_summarise. */
double mcmc_cost_cpu_seconds (void);

/* The summary *S of the run NAME that drew CHAIN (n x 2, the mixture's
   coordinates) with the counts ST, started at T0 (mcmc_cost_cpu_seconds):
   per average its ess_geyer result, changed by VARIANT after the batch
   count is chosen from the true τ (so a wrong ESS does not move the
   batch-means side), and its batch-means standard error.  NAME must
   outlive S. */
void mcmc_cost_summarise (mcmc_cost * s, const char *name, const gsl_matrix * chain,
                          const mcmc_stats * st, double t0, mcmc_cost_variant variant);

/* The comparison's two runs on the mixture G (d = 2) at temperature 1 (mcmc_mixture_target):
   MH with random-walk proposal sd MH_SIGMA for N_MH steps, then HMC with the options O for
   N_HMC trajectories, each from its own exact draw of G (gmm_sample), all from R in that
   order; summarised by mcmc_cost_summarise with VARIANT into *MH and *HMC, named "MH"
   and "HMC".  Dies (die_runtime) when a sampler refuses its start or its options. */
void mcmc_cost_run_mh_hmc (const gsl_rng * r, const gmm * g, size_t n_mh, double mh_sigma,
                           size_t n_hmc, const mcmc_hmc_options * o,
                           mcmc_cost_variant variant, mcmc_cost * mh, mcmc_cost * hmc);

/* The ESS of average M per 1000 evaluations. */
double mcmc_cost_per_kilo_eval (const mcmc_cost * s, size_t m);
/* The smallest and the largest ESS/n (ESS per iteration) over the
   averages, into *LO and *HI. */
void mcmc_cost_ess_per_draw_range (const mcmc_cost * s, double *lo, double *hi);
/* The number of averages on which A has more ESS per 1000 evaluations
   than B (a tie counts for neither). */
size_t mcmc_cost_count_ahead (const mcmc_cost * a, const mcmc_cost * b);

/* A against B as a Markdown table appended to OUT, one row per average
   (named by mcmc_mixture_moment_names): each one's ESS, ESS per 1000
   evaluations, then each one's ESS-based / batch-means standard error.
   The columns are headed by the samplers' names. */
void mcmc_cost_write_table (sbuf * out, const mcmc_cost * a, const mcmc_cost * b);

/* ESS per CPU second of every average of S[0..N_S-1], as '#' lines on OUT
   (machine-dependent: stdout, never the report). */
void mcmc_cost_print_timing (FILE * out, const mcmc_cost * s, size_t n_s);

#endif
