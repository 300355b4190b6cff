/* lingauss2.h -- the linear-Gaussian model with two latents and one
 * observation, every closed form with its rounding carried.
 *
 *     z ~ N(0, I_2),   x | z ~ N(θᵀz + b, ψ),   q = N(m, diag(s1², s2²)),
 *
 * the one model of mean_field (004 Problems 3-4: b = 0, ψ = 1) and of
 * elbo_gap's factor model (w = θ; was lingauss_fa2 in lib/lingauss).  By
 * conjugacy (Bishop, PRML 2.3.3), with v = ψ + θᵀθ:
 *   posterior  p(z|x) = N(θ(x - b)/v, Λ⁻¹), Λ = I + θθᵀ/ψ,
 *              Λ⁻¹ = I - θθᵀ/v (Sherman-Morrison), det Λ = v/ψ;
 *   evidence   p(x) = N(x; b, v);
 *   ELBO       of a mean-field q:
 *              E_q[log p(z)] + E_q[log p(x|z)] + H[q1] + H[q2]
 *              = -log 2π - ½ Σ(m_i² + s_i²) - ½(log 2πψ + ((x - b - θᵀm)²
 *                + Σ θ_i² s_i²)/ψ) + Σ (½(1 + log 2π) + log s_i),
 *              and by the other route E_q[log p(x|z)] - KL(q || p(z)).
 * Each value is an rnd (lib/rounding.h), so its bound follows the sizes of
 * the terms that cancel in it; x - b, a/ψ and log ψ are taken exactly
 * when b = 0, ψ = 1.  tests/test_lingauss2.c checks the closed forms
 * against each other (Bayes' rule at several z, ELBO = log p(x) -
 * KL(q || p(z|x)), both ELBO routes), against GSL's linear algebra
 * (lib/mvn) and the bounds against long double. */
#ifndef HARNESS_LINGAUSS2_H
#define HARNESS_LINGAUSS2_H

#include "estimate.h"
#include "minimize.h"
#include "rounding.h"

typedef struct
{
  double theta[2], x;           /* the weights (elbo_gap's w) and the observation */
  double m[2], s[2];            /* q's means and standard deviations */
  double b, psi;                /* offset and noise variance (> 0): mean_field 0, 1 */
} lingauss2;

/* θᵀz */
rnd lingauss2_dot (const double theta[2], double z1, double z2);
/* v = ψ + θᵀθ, the evidence's variance (dies unless ψ > 0) */
rnd lingauss2_v (const lingauss2 * g);
/* log p(x, z) = log N(z1; 0, 1) + log N(z2; 0, 1) + log N(x; θᵀz + b, ψ)
   (for ψ whose square root is exact: dies otherwise) */
rnd lingauss2_log_joint (const lingauss2 * g, double z1, double z2);
/* log p(x) = -½ (x - b)²/v - ½ log v - log √(2π) */
rnd lingauss2_log_evidence (const lingauss2 * g);
/* log p(z|x) = -½ (|z - μ|² + (θᵀ(z - μ))²/ψ) + ½ log (v/ψ) - log 2π */
rnd lingauss2_log_posterior (const lingauss2 * g, double z1, double z2);
/* The posterior's mean θ_i (x - b)/v and variance Σ_ii = 1 - θ_i²/v; its
   covariance Σ_12 = -θ1θ2/v. */
rnd lingauss2_post_mean (const lingauss2 * g, int i);
rnd lingauss2_post_var (const lingauss2 * g, int i);
rnd lingauss2_post_cov (const lingauss2 * g);
/* The ELBO of g's q in closed form (above). */
rnd lingauss2_elbo (const lingauss2 * g);
/* The ELBO's decomposition (elbo_gap):
   E_q[log p(x|z)] = -((x - b - θ·m)² + Σ θ_j² s_j²)/(2ψ) - log(2πψ)/2;
   KL(q || N(0, I)) = Σ_j (s_j² + m_j² - 1)/2 - log s_j;
   KL(q || p(z|x)) = (tr ΛS + dᵀΛd - 2 - log det Λ)/2 - Σ log s_j, d = m - μ
   (Λ written out, no matrix inverted). */
rnd lingauss2_expected_log_lik (const lingauss2 * g);
rnd lingauss2_kl_prior (const lingauss2 * g);
rnd lingauss2_kl_post (const lingauss2 * g);

/* The mean-field family's best q at G's model (elbo_gap's q_i*, 003
   Q2.2), written into G's m and s: m = μ, the posterior mean (its
   rounding dropped), and s_j² = 1/Λ_jj = ψ/(ψ + θ_j²), where ∂L/∂s_j =
   1/s_j - s_j (1 + θ_j²/ψ) vanishes.  KL(q || p(z|x)) is then the
   approximation gap ½ (log Λ11 + log Λ22 - log det Λ). */
void lingauss2_set_q_optimum (lingauss2 * g);

/* The maximiser over t of E_q[log p(x|z)] with θ scaled to t θ (elbo_gap,
   003 Q2.1 line 118): E_q[log p] = -((x - b - t θᵀm)² + t² Σ θ_j² s_j²)/(2ψ)
   + const is a concave parabola in t, whose vertex is
     t* = (x - b) θᵀm / ((θᵀm)² + Σ θ_j² s_j²),
   the denominator taken as a leaf (rnd_as_leaf) so that it may cancel. */
rnd lingauss2_scale_argmax (const lingauss2 * g);

/* ---- ground truths by other routes (lib/quad.h, lib/minimize.h) ---- */

/* p(x) = ∫∫ p(x|z) p(z) dz by nested quadrature (QAGI around each
   Gaussian factor's centre), without conjugacy.  Its error: the outer
   routine's estimate plus PX_EPSABS + QUAD_EPSREL p(x) from the inner
   integrals (lingauss2.c derives it; valid for p(x) > 1e-4). */
estimate lingauss2_evidence_quad (const lingauss2 * g);
/* The ELBO's terms by quadrature (QAGS over mean ± 40 sd), each without
   the closed form: E_q[log p(z)], E_q[log p(x|z)] (over θᵀz ~ N(θᵀm,
   Σ θ_i² s_i²)), E_q[log q_i] = -H[q_i], and their sum L(q). */
estimate lingauss2_e_log_prior_quad (const lingauss2 * g);
estimate lingauss2_e_log_lik_quad (const lingauss2 * g);
estimate lingauss2_e_log_q_quad (const lingauss2 * g, int i);
estimate lingauss2_elbo_quad (const lingauss2 * g);

/* Along one parameter of q, COORD = 2i for m_i and 2i + 1 for s_i: ∂L by
   GSL's central difference of the closed form (step 1e-2, relative for
   s_i), and the maximiser by maximize_concave_1d on a grid of 81 points
   (m_i within 4 + 2(|x| + |m_j|), which holds |m_i*| <= (|x| + |θ_j m_j|)/2
   for |θ_j| <= 8; s_i in [0.05, 3], holding s_i* <= 1). */
estimate lingauss2_elbo_partial (const lingauss2 * g, int coord);
concave_max lingauss2_elbo_argmax_along (const lingauss2 * g, int coord);
/* The maximiser of L over all of q, by Nelder-Mead in (m1, m2, log s1,
   log s2) from START (step 0.5, simplex size 1e-6), into BEST in the same
   coordinates; returns the error radius of BEST: -L's Hessian in (m, log s)
   is block-diagonal, I + θθᵀ >= 1 for m and 2 s_i²(1 + θ_i²) for log s_i,
   which is 2 at the maximum and >= 1 within 0.3 of it, so
   optimum_distance_bound with modulus ½ bounds the distance.  Dies if
   Nelder-Mead does not converge or stops farther than 0.3.  These two
   maximisers are derived for b = 0, ψ = 1 (mean_field) and die otherwise. */
double lingauss2_elbo_maximize (const lingauss2 * g, const double start[4],
                                double best[4]);

/* ---- mean-field coordinate ascent (b = 0, ψ = 1: mean_field) ---- */

/* The maximisers of the ELBO along m_i and s_i with the rest of q fixed
   (Bishop, PRML 10.1.2): m_i* = θ_i (x - θ_j m_j) / (1 + θ_i²), the
   posterior's conditional mean E[z_i | z_j = m_j, x], and
   s_i²* = 1 / (1 + θ_i²) = 1/Λ_ii, its conditional variance. */
rnd lingauss2_cavi_mean (const lingauss2 * g, int i);
rnd lingauss2_cavi_var (const lingauss2 * g, int i);
/* A bound on |m_i - μ_i| for both i after a sweep of the mean updates
   (m1 then m2) at G's θ, x stopped with a last change DELTA of m2
   (derivation in lingauss2.c). */
double lingauss2_cavi_bound (const lingauss2 * g, double delta);

#endif
