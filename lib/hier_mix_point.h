/* hier_mix_point.h -- lib/hier_mix's model, one datum x and the
 * variational family q(w, z|x) = q_ψ(w|x) q_φ(z|w,x) as a point's
 * coordinates, prepared once per point for a derivation's lines.
 *
 * A claim that evaluates the ELBO of z -> w -> x as written (seed 000 P7,
 * hierarchical_elbo) checks it at points of a box of its own, with
 *     q_ψ(w|x) = N(m, v),
 *     q_φ(k|w,x) ∝ exp(τ [log π_k + log N(w; μ_k, σ_k²)] + ζ_k)
 * (hier_mix_log_tempered_posterior: the exact p(z|w) at τ = 1, ζ = 0).
 * The layout for K components (a POINT_PROB_BOX whose one vector is π,
 * so that p->d = K), in this order:
 *     μ_1..μ_K, σ_1..σ_K, α, β, σθ, δ, x, m, v, τ, ζ_1..ζ_K, π_1..π_K.
 * The prepared point holds the model with log π and q's parameters, and
 * the functions below read it as the formulas a line's integrand is
 * written in; each is a density or a sum over z at one w, for an
 * expectation over w ~ q_ψ by quadrature (lib/normal_expect).
 *
 * Two of them are the truths of such a claim, by routes a seed need not
 * take: KL(q_φ(·|w,x) || π) by lib/discrete, and the ELBO's integrand as
 * log p(x)'s integrand less the KL to the exact posterior.
 * tests/test_hier_mix_point.c checks the unpacking by hand and the
 * functions against GSL's densities and the ELBO's literal sum. */
#ifndef HARNESS_HIER_MIX_POINT_H
#define HARNESS_HIER_MIX_POINT_H

#include "hier_mix.h"
#include "point.h"

typedef struct
{
  hier_mix hm;                  /* the model; then x and q's parameters */
  double x, m, sq, tau, zeta[HIER_MIX_MAX_K];   /* sq: q_ψ's sd, √v */
} hier_mix_point;

/* Fill the hier_mix_point PREP from the point P in the layout above, K =
   p->d <= HIER_MIX_MAX_K (a derivation's .prepare; DERIVATION_PREPARE
   (hier_mix_point, this)). */
void hier_mix_point_prepare (const point * p, void *prep);

/* log p(x) at Q's x, by quadrature (hier_mix_log_evidence, an EST_QUAD) */
estimate hier_mix_point_log_evidence (const hier_mix_point * q);
/* log p(x|w) = log N(x; αW + β, σ_θ(W)²) (hier_mix_log_lik) at Q's x */
double hier_mix_point_log_lik (const hier_mix_point * q, double w);
/* The decoder's residual x - μ_θ(W) = x - (αW + β) */
double hier_mix_point_resid (const hier_mix_point * q, double w);
/* log q_ψ(W|x) = log N(W; m, v) (normal_log_pdf) */
double hier_mix_point_log_qw (const hier_mix_point * q, double w);
/* LQ[k] = log q_φ(k|W,x), k < K: the softmax of τ log p(W, k) + ζ_k */
void hier_mix_point_log_qz (const hier_mix_point * q, double w, double *lq);

/* KL(q_φ(·|W,x) || π) = Σ_k q_k log(q_k/π_k), by discrete_kl of the
   probabilities exp(LQ) and π = exp(log π). */
double hier_mix_point_kl_z_prior (const hier_mix_point * q, double w);

/* log p(W) + log p(x|W) - log q_ψ(W|x) - KL(q_φ(·|W,x) || p(·|W)), with
   p(k|W) = exp(log p(W, k) - log p(W)): its expectation over q_ψ is
   log p(x) - KL(q(w,z|x) || p(w,z|x)), the ELBO, since p(z|w,x) = p(z|w)
   (z -> w -> x). */
double hier_mix_point_elbo_by_gap (const hier_mix_point * q, double w);

#endif
