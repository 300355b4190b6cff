/* lingauss2.h -- the linear-Gaussian model with two latents and one
 * observation, every closed form with its rounding carried.
 *
 *     z ~ N(0, I_2),   x | z ~ N(θᵀz, 1),
 *
 * the model of mean_field (004 Problems 3-4); elbo_gap's factor model is
 * this one with an offset b and a noise variance ψ.  By conjugacy (Bishop,
 * PRML 2.3.3), with v = 1 + θᵀθ = det Λ:
 *   posterior  p(z|x) = N(θx/v, Λ⁻¹), Λ = I + θθᵀ, Λ⁻¹ = I - θθᵀ/v
 *              (Sherman-Morrison);
 *   evidence   p(x) = N(x; 0, v);
 *   ELBO       of a mean-field q = N(m1, s1²) N(m2, s2²):
 *              E_q[log p(z)] + E_q[log p(x|z)] + H[q1] + H[q2]
 *              = -log 2π - ½ Σ(m_i² + s_i²) - ½(log 2π + (x - θᵀm)²
 *                + Σ θ_i² s_i²) + Σ (½(1 + log 2π) + log s_i).
 * Each value is an rnd (lib/rounding.h), so its bound follows the sizes of
 * the terms that cancel in it.  tests/test_lingauss2.c checks the closed
 * forms against each other (Bayes' rule at several z, ELBO = log p(x) -
 * KL(q || p(z|x)) by lib/mvn) and the bounds against long double. */
#ifndef HARNESS_LINGAUSS2_H
#define HARNESS_LINGAUSS2_H

#include "rounding.h"

typedef struct
{
  double theta[2], x;           /* the model and its observation */
  double m[2], s[2];            /* q's means and standard deviations */
} lingauss2;

/* θᵀz */
rnd lingauss2_dot (const double theta[2], double z1, double z2);
/* v = 1 + θᵀθ */
rnd lingauss2_v (const double theta[2]);
/* log p(x, z) = log N(z1; 0, 1) + log N(z2; 0, 1) + log N(x; θᵀz, 1) */
rnd lingauss2_log_joint (const lingauss2 * g, double z1, double z2);
/* log p(x) = -½ x²/v - ½ log v - log √(2π) */
rnd lingauss2_log_evidence (const lingauss2 * g);
/* log p(z|x) = -½ (|z - μ|² + (θᵀ(z - μ))²) + ½ log v - log 2π */
rnd lingauss2_log_posterior (const lingauss2 * g, double z1, double z2);
/* The posterior's mean θ_i x/v and variance Σ_ii = 1 - θ_i²/v; its
   covariance Σ_12 = -θ1θ2/v. */
rnd lingauss2_post_mean (const lingauss2 * g, int i);
rnd lingauss2_post_var (const lingauss2 * g, int i);
rnd lingauss2_post_cov (const lingauss2 * g);
/* The ELBO of g's q in closed form (above). */
rnd lingauss2_elbo (const lingauss2 * g);

#endif
