/* gmm.h -- Gaussian mixtures: density, sampling, moments, EM steps.
 *
 * p(x) = sum_k w_k N(x; mu_k, Sigma_k), components as mvn (mvn.h), any
 * dimension (1-D is d = 1).  Log-densities through log_sum_exp, so far
 * tails do not underflow.  References: Bishop PRML 9.2 (EM for mixtures),
 * 2.3.9.
 *
 * Dimension mismatches between arguments are programming errors and die
 * (die_internal); bad numbers from a caller (a covariance that is not SPD,
 * a component that lost all its responsibility) are reported by status. */
#ifndef HARNESS_GMM_H
#define HARNESS_GMM_H

#include "estimate.h"
#include "mvn.h"

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

typedef struct
{
  size_t k, d;
  double *weights;     /* length k, positive, sum 1 */
  mvn **comp;          /* k components of dimension d */
} gmm;

/* K components of dimension D, each N(0, I) with weight 1/K. */
gmm *gmm_alloc (size_t k, size_t d);
void gmm_free (gmm * g);
/* Set component J; returns GSL_EDOM if SIGMA is not SPD (or if WEIGHT is
   not positive and finite), leaving the component unchanged.  Weights are
   stored as given: call gmm_normalise_weights after setting them all. */
int gmm_set_component (gmm * g, size_t j, double weight,
                       const gsl_vector * mu, const gsl_matrix * sigma);
/* Renormalise the weights to sum to 1 (dies if any is <= 0 or not finite). */
void gmm_normalise_weights (gmm * g);

double gmm_log_pdf (const gmm * g, const gsl_vector * x, gsl_vector * work);
/* 1-D convenience (d must be 1). */
double gmm_log_pdf_1d (const gmm * g, double x);
/* Convenience for a point X given as a plain array of length d (the
   workspace on the stack for d <= 64): gmm_log_pdf at it, bit for bit. */
double gmm_log_pdf_array (const gmm * g, const double *x);
/* Gradient of log p at x (d-vector), for HMC; the length-d workspace is
   allocated internally (on the stack for d <= 64). */
void gmm_grad_log_pdf (const gmm * g, const gsl_vector * x, gsl_vector * grad);
/* Posterior responsibilities r_j = p(z=j | x), length k; they sum to 1
   within a few ulps wherever x is finite, and are NaN if x has a NaN or an
   infinite coordinate (where p(z | x) is undefined). */
void gmm_responsibilities (const gmm * g, const gsl_vector * x, double *r);
void gmm_sample (const gsl_rng * r, const gmm * g, gsl_vector * x);
/* Exact mixture mean and covariance (law of total variance). */
void gmm_mean (const gmm * g, gsl_vector * mean);
void gmm_covariance (const gmm * g, gsl_matrix * cov);

/* EM on data X (n x d rows).  E-step: R (n x k) responsibilities.
   M-step: closed-form weights, means, covariances from R (Bishop 9.24-9.26)
   with a ridge RIDGE added to each covariance diagonal (0 for none).
   gmm_m_step returns GSL_EDOM if a component has zero total
   responsibility or a covariance that is not SPD; G may then be partly
   updated.  Log-likelihood of X under G. */
void gmm_e_step (const gmm * g, const gsl_matrix * x, gsl_matrix * resp);
int gmm_m_step (gmm * g, const gsl_matrix * x, const gsl_matrix * resp,
                double ridge);
double gmm_log_likelihood (const gmm * g, const gsl_matrix * x);
/* ITERS iterations of EM on G in place (gmm_e_step, then gmm_m_step
   without ridge), then one more E-step, so that RESP holds the
   responsibilities of the G returned: q^t = p_θ^t(z|x) at θ^t, t = ITERS.
   Returns GSL_SUCCESS, or GSL_EDOM at the first M-step that breaks down
   (RESP then holds the E-step before it). */
int gmm_em (gmm * g, const gsl_matrix * x, gsl_matrix * resp, int iters);

/* Additions beyond the EM interface. */

/* The joint log-densities LOGJ[j] = log w_j + log N(x; mu_j, Sigma_j) =
   log p(x, z = j), length k; WORK has length d.  Returns log p(x), their
   log-sum-exp. */
double gmm_log_joint (const gmm * g, const gsl_vector * x, gsl_vector * work,
                      double *logj);
/* The density p(x) in 1-D (d must be 1): exp of gmm_log_pdf_1d. */
double gmm_pdf_1d (const gmm * g, double x);
/* In 1-D (d must be 1): the exact mean *MEAN and variance *VAR (gmm_mean,
   gmm_covariance: the law of total variance); and the mass P(LO <= x <=
   HI) = sum_k w_k (Phi((HI - mu_k)/sigma_k) - Phi((LO - mu_k)/sigma_k)),
   sigma_k = L_k (the Cholesky factor), summed in component order. */
void gmm_moments_1d (const gmm * g, double *mean, double *var);
double gmm_mass_1d (const gmm * g, double lo, double hi);
/* In 1-D (d must be 1): gmm_moments_1d's mean as an exact value with its
   rounding bound gamma_{k+1} Σ_k w_k |μ_k| (k products summed in turn,
   Higham, Accuracy and Stability 3.1, and one rounding more for each
   stored weight), for a truth that is p's mean; and its variance alone. */
estimate gmm_mean_1d_estimate (const gmm * g);
double gmm_var_1d (const gmm * g);
/* Copy SRC's weights and components into DST (same k and d). */
void gmm_memcpy (gmm * dst, const gmm * src);

/* E[x xᵀ] = Σ_j w_j (Σ_j + μ_j μ_jᵀ), from the components directly (an
   independent route to gmm_covariance + mean meanᵀ). */
void gmm_second_moment (const gmm * g, gsl_matrix * m2);

/* The 2-D target of the MCMC claims (mcmc_gmm, effective_sample_size):
   three components, weights 0.45, 0.35, 0.20, means (-1.6, -0.4),
   (1.6, 0.6), (0.1, 2.0) times SEPARATION (> 0), covariances
   [[0.55, 0.25], [0.25, 0.45]], [[0.45, -0.20], [-0.20, 0.60]],
   [[0.70, 0], [0, 0.25]].  At separation 1 a random walk with σ ≈ 1 crosses
   the valleys many times per 10⁵ steps; at 3 it practically never does. */
gmm *gmm_alloc_mcmc_example (double separation);

/* A mixture as a sampler's target, log p(x) / T and its gradient, in the
   shape of mcmc.h's callbacks (PARAMS a gmm_target).  WORK has length d. */
typedef struct
{
  const gmm *g;
  double inv_temperature;      /* 1/T: 1 samples p itself */
  gsl_vector *work;
} gmm_target;
double gmm_target_log_pdf (const gsl_vector * x, void *params);
void gmm_target_grad_log_pdf (const gsl_vector * x, gsl_vector * grad,
                              void *params);

/* ---- F(θ, q) and θ as an unconstrained vector (em_coordinate_ascent) ----
   θ = (η_1..η_{K-1}, then per component its mean and the lower triangle of
   the Cholesky factor L of Σ, row by row, with log L_aa on the diagonal);
   η_j = log w_j - log w_K.  Any vector of that size is a valid mixture,
   so a generic optimiser can maximise over θ (Bishop PRML 9.3). */
size_t gmm_theta_size (size_t k, size_t d);
void gmm_theta_pack (const gmm * g, gsl_vector * theta);
/* Returns GSL_EDOM if a covariance L Lᵀ is not SPD in floating point. */
int gmm_theta_unpack (const gsl_vector * theta, gmm * g);
/* F(θ, q) = Σ_i Σ_z q_iz (log p_θ(x_i, z) - log q_iz), 0 log 0 = 0, for
   data X (n x d) and Q (n x k); *BOUND (if not NULL) a bound on its
   rounding: each log term is within 16 u (1 + |term|) (a log-density is a
   few roundings of terms at most |term| + 1 in size), and the recursive
   sum of 2nk terms adds gamma_{2nk} Σ|terms| (Higham 4.2). */
double gmm_free_energy (const gmm * g, const gsl_matrix * x,
                        const gsl_matrix * q, double *bound);
/* The gradient of F(θ, q) in θ (the layout above) at G's θ. */
void gmm_free_energy_grad (const gmm * g, const gsl_matrix * x,
                           const gsl_matrix * q, gsl_vector * grad);

/* ---- rounding bounds (derivations in gmm.c) ----
   A bound on |gmm_log_pdf (G, X) - log p(x)| for the stored doubles, or
   NaN (a refusal) where a component's covariance is too ill-conditioned
   for its Cholesky factor to carry a bound (gamma_{d+1} d cond > 0.1, as
   mvn_kl_rounding_bound).  It grows with cond(Sigma_j) and with the size
   of the terms |x - mu_j|^2 / sigma^2: at |x| ~ 1e150 the log-density is
   ~ -1e300 and known only to ~ 1e285. */
double gmm_log_pdf_error_bound (const gmm * g, const gsl_vector * x);
/* Bounds ERR[j] on |r_j - p(z = j | x)| for gmm_responsibilities (at most
   1: where the log-densities are known only to more than ~1, so are the
   responsibilities); NaN where the log-density bound is. */
void gmm_responsibilities_error_bound (const gmm * g, const gsl_vector * x,
                                       double *err);
/* Bounds ERR[i] on |grad_i - d log p / dx_i| for gmm_grad_log_pdf (a
   d-vector), or NaN where the log-density bound is. */
void gmm_grad_log_pdf_error_bound (const gmm * g, const gsl_vector * x,
                                   gsl_vector * err);

/* ---- data sets, and F's maximiser over θ (em_coordinate_ascent) ---- */
/* N draws of G, one per row (gmm_sample in turn). */
gsl_matrix *gmm_sample_n (const gsl_rng * r, const gmm * g, size_t n);
/* log p(X|θ) = Σ_i log p(x_i|θ), and in *BOUND its rounding: each term
   within 16 u (1 + |term|) (a log-sum-exp of log-densities), the
   recursive sum within gamma_n Σ|term| (Higham 4.2). */
double gmm_log_likelihood_err (const gmm * g, const gsl_matrix * x,
                               double *bound);
/* argmax_θ F(θ, Q) by BFGS on -F/n from G's θ (the layout above) into
   OPT, and its tolerance 2 |∇| / λ_min (lib/optimum; the Hessian by
   differences of the analytic gradient, step 1e-5, whose O(h²) error is
   far below the factor 2 for the higher-order terms); NaN when BFGS did
   not converge or the curvature is not positive. */
double gmm_free_energy_argmax (const gmm * g, const gsl_matrix * x,
                               const gsl_matrix * q, gsl_vector * opt);

/* THE constructor of a mixture from a claim's constants (every other one
   -- gmm_alloc_1d, gmm_alloc_mcmc_example -- goes through it): K
   components of dimension D, weights W[k] (renormalised here to sum to 1;
   weights that already do are left bit for bit when their floating sum is
   1), means MU (k x d, row-major) times MU_SCALE (1.0 for as given), and
   covariances SIGMA (k blocks of d x d, row-major), as mvn_from_arrays
   takes them.  Dies (die_internal) if a weight is not positive or a
   covariance not SPD: the arrays are a claim's constants. */
gmm *gmm_alloc_from (size_t k, size_t d, const double *w, const double *mu,
                     const double *sigma, double mu_scale);
/* A bound on the rounding of every coordinate of θ (logits, means, log
   σ) after the closed-form M-step on data X in 1-D: three recursive sums
   of n terms (N_j, Σ q x, Σ q (x - μ)²) of size at most (1 + M)² N_j,
   M = max |x|, each within gamma_{n+4}, and a log's ulp: gamma_{3n+12}
   (1 + M)².  (M over every entry of X: em_coordinate_ascent applies it to
   its 2-D run too.) */
double gmm_m_step_rounding (const gsl_matrix * x);

/* ---- closed forms with their rounding carried (lib/rounding.h) ----
   The weights are rounded constants (one rounding each), means and
   covariances exact. */
#include "rounding.h"
/* E_p[x_c] = Σ_k w_k μ_kc */
rnd gmm_mean_rnd (const gmm * g, size_t c);
/* E_p[log N(x; MU, I)] = -(d/2) log 2π - ½ Σ_k w_k (tr Σ_k + |μ_k - MU|²),
   the cross-entropy term of fitting an isotropic Gaussian to p */
rnd gmm_e_log_normal_iso_rnd (const gmm * g, const double *mu);

/* A 1-D mixture of K components: weights W (renormalised), means MU,
   standard deviations SD (> 0; dies otherwise) -- gmm_alloc_from with
   variances SD². */
gmm *gmm_alloc_1d (size_t k, const double *w, const double *mu, const double *sd);

/* Ground truths for fitting N(μ, I) to p, by routes other than the closed
   form's algebra (mean_field's Problem 2): along coordinate I of MU,
   ∂E_p[log N(x; μ, I)]/∂μ_i by GSL's central difference of
   gmm_e_log_normal_iso_rnd (step 1e-2) with its error estimate; and
   coordinate I of argmax_μ E_p[log N(x; μ, I)] by GSL's Nelder-Mead from
   MU (step 1, simplex size 1e-7, at most 10000 iterations), with the a
   posteriori distance bound of lib/optimum (derivation in gmm.c). */
estimate gmm_e_log_normal_iso_partial (const gmm * g, const double *mu, size_t i);
estimate gmm_e_log_normal_iso_argmax (const gmm * g, const double *mu, size_t i);

#endif
