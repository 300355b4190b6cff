/* mcmc.h -- Metropolis-Hastings and Hamiltonian Monte Carlo.
 *
 * The target is a log-density log pi(x) known up to a constant (and its
 * gradient, for HMC), given by callbacks on gsl_vectors of dimension d.
 *
 * Metropolis-Hastings with the symmetric random-walk proposal
 * x' = x + sigma z, z ~ N(0, I): the proposal densities cancel in the
 * Hastings ratio, so x' is accepted with probability
 * min(1, pi(x') / pi(x)), evaluated in log space (Metropolis et al. 1953;
 * Hastings 1970; MacKay, ITILA 29.4).
 *
 * HMC with identity mass matrix: momentum p ~ N(0, I), Hamiltonian
 * H(q, p) = U(q) + K(p) with U = -log pi and K = |p|^2 / 2, L leapfrog
 * steps of size eps, accepted with probability min(1, exp(-(H' - H)))
 * (Duane et al. 1987; Neal, "MCMC using Hamiltonian dynamics", Handbook of
 * MCMC 2011, section 5.3.3).  The leapfrog map is reversible (flip p, run
 * again, flip p: back to the start) and preserves volume, so the
 * Metropolis test makes the chain exact; its energy error is O(eps^2) over
 * a fixed trajectory length L eps.  An optional jitter draws each
 * trajectory's step size uniformly from eps (1 +- jitter), independently of
 * the state, which keeps every transition exact and breaks the periodic
 * orbits a fixed eps L can fall into.
 *
 * Chains are written as rows of an n x d matrix; the first row is the
 * state after the first transition (X0 itself is not stored).  Counts of
 * density and gradient evaluations let callers compare samplers by work
 * done instead of by wall time. */
#ifndef HARNESS_MCMC_H
#define HARNESS_MCMC_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>
#include <stddef.h>

typedef double (*mcmc_log_density_fn) (const gsl_vector * x, void *params);
typedef void (*mcmc_grad_log_density_fn) (const gsl_vector * x,
                                          gsl_vector * grad, void *params);

typedef struct
{
  size_t d;                                   /* dimension */
  mcmc_log_density_fn log_density;            /* log pi(x) + const */
  mcmc_grad_log_density_fn grad_log_density;  /* grad log pi; HMC only */
  void *params;
} mcmc_target;

typedef struct
{
  size_t n_proposed, n_accepted;
  double acceptance_rate;      /* n_accepted / n_proposed */
  size_t n_density_evals;      /* calls of log_density */
  size_t n_gradient_evals;     /* calls of grad_log_density */
} mcmc_stats;

/* Random-walk MH: CHAIN->size1 transitions from X0 with proposal standard
   deviation SIGMA > 0.  STATS may be NULL.  Returns GSL_SUCCESS, or
   GSL_EINVAL (sigma not positive and finite, dimensions that do not
   match, log pi(x0) not finite or NaN). */
int mcmc_mh (const gsl_rng * r, const mcmc_target * t, double sigma,
             const gsl_vector * x0, gsl_matrix * chain, mcmc_stats * stats);

typedef struct
{
  double step_size;      /* eps > 0 */
  size_t n_leapfrog;     /* L >= 1 steps per trajectory */
  double step_jitter;    /* in [0, 1): eps drawn from eps (1 +- jitter) */
} mcmc_hmc_options;

/* HMC: CHAIN->size1 trajectories from X0.  ENERGY_ERROR, if not NULL,
   receives H(end) - H(start) of each trajectory (length chain->size1;
   +inf where the trajectory diverged).  Returns as mcmc_mh, also
   GSL_EINVAL for bad options or a NULL gradient. */
int mcmc_hmc (const gsl_rng * r, const mcmc_target * t,
              const mcmc_hmc_options * opt, const gsl_vector * x0,
              gsl_matrix * chain, double *energy_error, mcmc_stats * stats);

/* N_STEPS leapfrog steps of size EPS from (Q, P), in place:
     p <- p + eps/2 grad log pi(q);  q <- q + eps p;  p <- p + eps/2 grad.
   GRAD holds grad log pi(q) on entry and grad log pi(q_end) on exit, so a
   caller chaining trajectories computes each gradient once: N_STEPS
   gradient evaluations per call. */
void mcmc_leapfrog (const mcmc_target * t, double eps, size_t n_steps,
                    gsl_vector * q, gsl_vector * p, gsl_vector * grad);

/* H(q, p) = -log pi(q) + |p|^2 / 2. */
double mcmc_hamiltonian (const mcmc_target * t, const gsl_vector * q,
                         const gsl_vector * p);

#endif
