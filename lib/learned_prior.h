/* learned_prior.h -- the one-latent linear-Gaussian model of lib/lingauss
 * (d = 1) under a learned prior r_λ, with a Gaussian q, at a derivation's
 * point.
 *
 *     z ~ r_λ = N(λ1, λ2),   X | z ~ N(w z + b, ψ),   q = N(m, s²),
 *
 * the model of a VLB with a learned prior (elbo_gap, 002 2.(a)).  The
 * point's coordinates are (w, b, ψ, X, λ1, λ2, m, s), in that order, so a
 * point's v reads as the struct (LEARNED_PRIOR_OF).  The design: the
 * densities at a draw are the seed's factors as written (lib/normal), and
 * the seed's two expectations are integrals taken by quadrature around the
 * posterior under r_λ, N(mean, sd²) (lib/lingauss, by conjugacy), where
 * their mass is; the closed-form marginal log N(X; w λ1 + b, w² λ2 + ψ) is
 * the independent truth they are checked against.
 * tests/test_learned_prior.c checks Bayes' rule at several z, both
 * integrals and Jensen's gap against hand-worked and closed forms. */
#ifndef HARNESS_LEARNED_PRIOR_H
#define HARNESS_LEARNED_PRIOR_H

#include "estimate.h"
#include "point.h"

typedef struct
{
  double w, b, psi, x;          /* loading, offset, noise variance, datum X */
  double l1, l2;                /* r_λ's mean and variance */
  double m, s;                  /* q's mean and standard deviation */
} learned_prior;

/* The model of a point P whose coordinates are the struct's, in order */
#define LEARNED_PRIOR_OF(p) ((const learned_prior *) (p)->v)

/* The log densities at a latent Z: log p(X|z) = log N(X; w z + b, ψ),
   log r_λ(z) and log q(z) (normal_log_pdf, standard deviations √ψ, √λ2
   and s). */
double learned_prior_log_lik (const learned_prior * a, double z);
double learned_prior_log_r (const learned_prior * a, double z);
double learned_prior_log_q (const learned_prior * a, double z);

/* The posterior under r_λ, N(*MEAN, *SD²), by lingauss_posterior (d = 1,
   prior N(λ1, λ2)). */
void learned_prior_posterior (const learned_prior * a, double *mean, double *sd);

/* log p(X) = log N(X; w λ1 + b, w² λ2 + ψ) in closed form, with the
   rounding bound of lingauss_log_evidence_1d_rnd. */
estimate learned_prior_log_evidence (const learned_prior * a);

/* log E_{z~r_λ}[p(X|z)] = log ∫ r_λ p(X|z) dz, and log E_{z~q}[p(X|z)
   r_λ(z)/q(z)] = log ∫ q · (p r_λ / q) dz with the ratio as written, each
   by quad_real_line_at centred at the posterior's mean on its sd; the
   bound is est_log's of the quadrature's (|log I' - log I| <= δ/(I - δ)).
   Dies (die_runtime) when the integral is not resolved, value <= 2 abserr. */
estimate learned_prior_log_mean_r (const learned_prior * a);
estimate learned_prior_log_mean_q (const learned_prior * a);

/* log (p(X|z) r_λ(z) / q(z)) at Z, the VLB's integrand, summed in that
   order; its mean over q is log p(X) - learned_prior_kl_post (Jensen's
   gap). */
double learned_prior_log_ratio (const learned_prior * a, double z);

/* KL(q || p(z|X)) = normal_kl (m, s, mean, sd) of the posterior above */
double learned_prior_kl_post (const learned_prior * a);

/* z ~ q as a map of one standard normal, z = m + s e (derivation.h's
   .transform, with .base_dim = derivation_one_normal); the point P is
   read as LEARNED_PRIOR_OF, PREP unused. */
void learned_prior_map_q (const point * p, const void *prep, const double *e,
                          double *z);

#endif
