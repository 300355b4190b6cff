/* flow_mixture.h -- an HMC integrator checked where HMC uses it on a 2-D mixture.
 *
 * lib/flow_check measures, at given phase points, what HMC's Metropolis
 * correction needs of an integrator: reversible, volume-preserving, and an
 * energy error of its order.  A claim that samples the 2-D mixture of
 * lib/mcmc_mixture checks its integrator at the phase points HMC visits:
 * z = (q, p) with q ~ π and p ~ N(0, I) (mcmc_mixture_phase_point), the
 * energy the Hamiltonian H = U + K of the integrator's own mcmc_target
 * (mcmc_mixture_hamiltonian).  One spec holds the three checks' ids and
 * sizes, so that the figure of the energy errors takes its step sizes from
 * the same place as the check.
 *
 * The integrator checked is lib/mcmc's leapfrog taken one step at a time,
 * with the known departures from it that each check must catch (a claim's
 * mutants, the test's negative controls), each off at 0, in the manner of
 * lib/em_variant's departures from the M-step:
 *   extra_kick   a kick of extra_kick · ε before the first step (0.5: a
 *                full first kick, not a half): the energy error is O(ε);
 *   step_growth  the l-th step (from 0) of size ε (1 + step_growth · l):
 *                not reversible (the way back takes other steps);
 *   damping      p scaled by 1 - damping after each step (friction): the
 *                volume shrinks. */
#ifndef HARNESS_FLOW_MIXTURE_H
#define HARNESS_FLOW_MIXTURE_H

#include "figure_mcmc.h"
#include "flow_check.h"
#include "gmm.h"
#include "harness.h"
#include "mcmc.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

typedef struct
{
  const char *reversible_id, *volume_id, *order_id;
  size_t n_probes;       /* phase points of the reversibility and volume checks */
  double eps;            /* their step size */
  size_t n_steps;        /* and steps */
  size_t n_order;        /* other phase points, of the order check */
  double tlen;           /* its trajectory length */
  size_t steps0, levels; /* its steps: steps0 · 2^l, l < levels (>= 4) */
} flow_mixture_spec;

/* The three checks of S on the flow F (dimension 4) of the target T:
   S->n_probes phase points drawn with R from G, flow_check_probes at
   S->eps, S->n_steps; then S->n_order other phase points,
   flow_check_order at S->tlen against T's H = -log π + |p|²/2 (ERR
   receives its S->levels rms energy errors). */
void flow_mixture_check (harness * h, const gsl_rng * r, const gmm * g, const flow * f,
                         const mcmc_target * t, const flow_mixture_spec * s, double *err);

/* The leapfrog integrator of T with its departures (all 0: lib/mcmc's
   leapfrog), the params of flow_mixture_leapfrog. */
typedef struct
{
  const mcmc_target *t;
  double extra_kick, step_growth, damping;
} flow_mixture_leapfrog_params;

/* A flow_map_fn (PARAMS a flow_mixture_leapfrog_params): N_STEPS steps of
   mcmc_leapfrog of size EPS, one at a time, from z = (q, p) (2 t->d long)
   to OUT, with the departures of PARAMS. */
void flow_mixture_leapfrog (double eps, size_t n_steps, const double *z, double *out,
                            void *params);

/* The step sizes of S's order levels: STEP[l] = tlen / (steps0 · 2^l), l < levels. */
void flow_mixture_step_sizes (const flow_mixture_spec * s, double *step);
/* The figure panel of the order check: its rms energy errors ERR (from
   flow_mixture_check) against the step sizes of S, by figure_mcmc_order
   with O (*BLOCK as there). */
void flow_mixture_figure_order (harness * h, int *block, const figure_mcmc_order_spec * o,
                                const flow_mixture_spec * s, const double *err);

#endif
