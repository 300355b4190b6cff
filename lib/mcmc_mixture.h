/* mcmc_mixture.h -- samplers on a Gaussian mixture, against its exact moments.
 *
 * The MCMC claims (mcmc_gmm, effective_sample_size) run samplers on the 2-D
 * mixture of gmm_alloc_mcmc_example and average the five moments x1, x2,
 * x1², x1x2, x2² along the chains; the mixture's own moments are exact
 * (gmm_mean, gmm_second_moment).
 *
 * Chains from every component.  N chains, N/k of them started from an exact
 * draw of each component j and pooled with weights w_j / (N/k): since
 * Σ_j w_j N_j = π and the kernel preserves π, the weighted pool has law π
 * at every step (stationary from the first), and the chains start in every
 * mode, which lets split R-hat see chains that never cross.  Per moment the
 * pooled mean is Σ_c w_c mean_c, its standard error √(Σ_c w_c² se_c²) from
 * each chain's own ESS (lib/ess.h), its ESS Σ_c ess_c. */
#ifndef HARNESS_MCMC_MIXTURE_H
#define HARNESS_MCMC_MIXTURE_H

#include "ess.h"
#include "gmm.h"
#include "harness.h"
#include "mcmc.h"

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#define MCMC_MIXTURE_N_MOMENTS 5

/* "x1", "x2", "x1²", "x1x2", "x2²" */
extern const char *const mcmc_mixture_moment_names[MCMC_MIXTURE_N_MOMENTS];

/* The sampler's target log p(x) / T and its gradient, from TP (which must
   outlive it). */
mcmc_target mcmc_mixture_target (gmm_target * tp);

/* A known departure of that target, for the gradient checks: its log
   density as mcmc_mixture_target's, its gradient times GRAD_SCALE (1: the
   target's own, bit for bit; 1.01, a force 1% off, is what a claim's
   gradient check and HMC's moments must catch). */
typedef struct
{
  gmm_target *tp;
  double grad_scale;
} mcmc_mixture_scaled;
/* The target of S (which must outlive it), in mcmc.h's shape. */
mcmc_target mcmc_mixture_target_scaled (mcmc_mixture_scaled * s);

/* The five moment functions at a 2-D point X, into F. */
void mcmc_mixture_moments (const double *x, double *f);
/* Their values at every row of DRAWS (n x 2), into F (n x 5, row-major). */
void mcmc_mixture_moment_table (const gsl_matrix * draws, double *f);
/* Their exact expectations under G (d = 2): the mean and E[x xᵀ]. */
void mcmc_mixture_exact_moments (const gmm * g, double *m);

/* One chain: N = ROWS->size1 transitions from X0, written to ROWS; returns
   its acceptance rate.  C is the chain's index. */
typedef double (*mcmc_mixture_chain_fn) (const gsl_rng * r, size_t c,
                                         const gsl_vector * x0,
                                         gsl_matrix * rows, void *params);

typedef struct
{
  gsl_matrix *draws;      /* n_chains * n rows, one chain after another */
  size_t n, n_chains;     /* draws per chain, chains */
  ess_result moment[MCMC_MIXTURE_N_MOMENTS];   /* pooled: mean, se, ess */
  double batch_se[MCMC_MIXTURE_N_MOMENTS];     /* 50 batch means, pooled draws */
  double rhat;            /* split R-hat, the largest over the moments */
  double acceptance;      /* mean over the chains */
} mcmc_mixture_run;

/* N_CHAINS chains of N draws (N_CHAINS a multiple of G's k): for each, its
   start drawn from its component (mvn_sample with R), then CHAIN (R,
   ...).  Fills RUN, which owns its draws (mcmc_mixture_run_free). */
void mcmc_mixture_run_chains (const gsl_rng * r, const gmm * g,
                              size_t n_chains, size_t n,
                              mcmc_mixture_chain_fn chain, void *params,
                              mcmc_mixture_run * run);
void mcmc_mixture_run_free (mcmc_mixture_run * run);

/* HMC as a chain of mcmc_mixture_run_chains (PARAMS an mcmc_mixture_hmc):
   mcmc_hmc from X0, the energy errors H(end) - H(start) of chain C into
   ENERGY + C n (ENERGY holds n_chains n doubles, or is NULL).  A refused
   start or option is a runtime error. */
typedef struct
{
  const mcmc_target *t;
  mcmc_hmc_options o;
  double *energy;
} mcmc_mixture_hmc;
double mcmc_mixture_hmc_chain (const gsl_rng * r, size_t c, const gsl_vector * x0,
                               gsl_matrix * rows, void *params);
/* HMC on T with options O as N_CHAINS chains of N trajectories
   (mcmc_mixture_run_chains of mcmc_mixture_hmc_chain) into RUN.  Returns
   their energy errors H(end) - H(start), chain after chain (n_chains n
   doubles, which the caller frees). */
double *mcmc_mixture_run_hmc (const gsl_rng * r, const gmm * g, size_t n_chains, size_t n,
                              const mcmc_target * t, const mcmc_hmc_options * o,
                              mcmc_mixture_run * run);

/* Did the chains mix?  A comparison of their averages with the exact
   moments means something only then (Vehtari et al. 2021: split R-hat <=
   1.01 and at least 400 effective draws of every moment).  Returns 1, or
   0 with the diagnostic's value in WHY. */
int mcmc_mixture_mixed (const mcmc_mixture_run * run, char *why, size_t len);

/* Harness check ID: the pooled averages of RUN against the exact moments
   EXACT, one point per moment (MCMC standard errors; the exact values to
   16 u of their size), closed with the run's chains, R-hat and the ESS of
   x1 and x1²; inconclusive, with the diagnostic's value, when the chains
   did not mix (mcmc_mixture_mixed). */
void mcmc_mixture_check_moments (harness * h, const char *id,
                                 const mcmc_mixture_run * run,
                                 const double *exact);
/* Harness check ID: T's gradient (the HMC force) against central
   differences of its log density (gradcheck_central_pair at 1e-4 and
   5e-5, the error bound 1e-9 + their difference) in both coordinates at N
   points x ~ G drawn with R; the analytic value to 64 u (1 + |fine|). */
void mcmc_mixture_check_gradient (harness * h, const char *id, const gsl_rng * r,
                                  const gmm * g, const mcmc_target * t, size_t n);

/* A phase point Z = (q1, q2, p1, p2): q ~ G and p ~ N(0, I), with R. */
void mcmc_mixture_phase_point (const gsl_rng * r, const gmm * g, double *z);
/* H(q, p) = mcmc_hamiltonian of the mcmc_target T at Z = (q1, q2, p1, p2)
   (a flow_energy_fn of lib/flow_check). */
double mcmc_mixture_hamiltonian (const double *z, void *t);

#endif
