/* hier_mix.h -- the chain z -> w -> x with a Gaussian mixture prior on w
 * and a heteroscedastic linear-Gaussian decoder, everything one-dimensional:
 *
 *     z ~ Cat(π) over K,  w | z = k ~ N(μ_k, σ_k²),
 *     x | w ~ N(αw + β, σ_θ(w)²),  σ_θ(w) = σθ e^{δw},
 *
 * the model of hierarchical_elbo (000 P7).  The densities are lib/normal's;
 * the evidence log p(x) = log ∫ Σ_k π_k N(w; μ_k, σ_k²) p(x|w) dw has no
 * closed form for δ ≠ 0 and is taken by quadrature in log space
 * (lib/quad_log), with a closed-form bound on the mass left outside the
 * finite range joining the error.  At δ = 0 it is the closed form
 * Σ_k π_k N(x; αμ_k + β, α²σ_k² + σθ²), which tests/test_hier_mix.c
 * compares it with. */
#ifndef HARNESS_HIER_MIX_H
#define HARNESS_HIER_MIX_H

#include "estimate.h"

#include <stddef.h>

#define HIER_MIX_MAX_K 8

typedef struct
{
  size_t k;                                 /* components, <= HIER_MIX_MAX_K */
  double lpi[HIER_MIX_MAX_K];               /* log π_k */
  double mu[HIER_MIX_MAX_K], sd[HIER_MIX_MAX_K];   /* μ_k, σ_k */
  double alpha, beta, s_dec, delta;         /* α, β, σθ, δ */
} hier_mix;

/* σ_θ(w) = σθ e^{δw}, the decoder's standard deviation at W */
double hier_mix_dec_sd (const hier_mix * m, double w);

/* log p(x|w) = log N(X; αW + β, σ_θ(W)²) */
double hier_mix_log_lik (const hier_mix * m, double x, double w);

/* LJ[k] = log π_k + log N(W; μ_k, σ_k²) = log p(w, z = k), k < m->k */
void hier_mix_log_joint_wz (const hier_mix * m, double w, double *lj);

/* log p(w) = log Σ_k π_k N(W; μ_k, σ_k²) (lib/logsumexp) */
double hier_mix_log_prior (const hier_mix * m, double w);

/* LQ[k] = log q(k|w), k < m->k, for the tempered posterior
     q(k|w) ∝ exp(TAU log p(w, z = k) + ZETA[k]),
   the softmax (lib/logsumexp) of the tempered joint: the variational
   family q_φ(z|w,x) of hierarchical_elbo, the exact p(z|w) at TAU = 1 and
   ZETA = 0, the softmax of ZETA at TAU = 0. */
void hier_mix_log_tempered_posterior (const hier_mix * m, double w, double tau,
                                      const double *zeta, double *lq);

/* log of an upper bound on ∫ p(w) p(x|w) dw over w outside [LO, HI], for
   every x: p(x|w) <= 1/(√(2π) σ_θ(w)) and the components' normal tails
   after a shift of each mean by -δσ_k² (derivation in hier_mix.c). */
double hier_mix_outside_log_mass (const hier_mix * m, double lo, double hi);

/* log p(X) by quadrature, an EST_QUAD whose bound holds the rules' error,
   the left-out mass and est_log's; dies (die_runtime) where the rules
   disagree (lib/quad_log). */
estimate hier_mix_log_evidence (const hier_mix * m, double x);

#endif
