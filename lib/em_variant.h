/* em_variant.h -- the M-step of EM on a Gaussian mixture, and three known
 * departures from it, applied to each component j after the closed form
 * (w_j, μ_j, Σ_j of Bishop PRML 9.24-9.26, lib/gmm; μ_j^t the mean before):
 *
 *   weights shrunk to uniform   w_j <- (1 - λ) w_j + λ / K     (λ = weight_shrink)
 *   over-relaxed means          μ_j <- μ_j^t + ω (μ_j - μ_j^t) (ω = mean_step)
 *   diagonal covariances        Σ_j <- diag (Σ_j)               (diagonal)
 *
 * The second is over-relaxed EM (Salakhutdinov & Roweis, ICML 2003) on the
 * means alone: ω = 1 is EM, and well past 1 the log-likelihood can fall.
 * The third is the M-step of a mixture with diagonal covariances, not of
 * this one.  Each but ω = 1, λ = 0 moves θ off argmax_θ F(θ, q), so a claim
 * uses them as mutants of its M-step (em_coordinate_ascent).
 *
 * The weights are renormalised after the step, with or without a variant,
 * so that every variant ends on weights summing to 1 in floating point; a
 * component is set again only when a variant is on (the closed form's
 * components are left bit for bit). */
#ifndef HARNESS_EM_VARIANT_H
#define HARNESS_EM_VARIANT_H

#include "estimate.h"
#include "gmm.h"

typedef struct
{
  double weight_shrink;         /* λ in [0, 1]; 0: the closed form's weights */
  double mean_step;             /* ω, finite; 1: the closed form's means */
  int diagonal;                 /* nonzero: the covariances' off-diagonal dropped */
} em_variant;

/* The closed-form M-step itself. */
#define EM_VARIANT_NONE ((em_variant) { 0.0, 1.0, 0 })

/* The closed-form M-step (gmm_m_step, no ridge) of G on data X (n x d, a
   point a row) with responsibilities Q (n x k), then V's changes to every
   component, then the weights renormalised (gmm_normalise_weights).
   Returns GSL_SUCCESS, or GSL_EDOM where the M-step breaks down (a
   component without responsibility or a covariance not SPD); G may then be
   partly updated.  A λ outside [0, 1] or an ω not finite dies. */
int em_variant_m_step (gmm * g, const gsl_matrix * x, const gsl_matrix * q,
                       const em_variant * v);

/* An M-step's θ against F's maximiser, coordinate by coordinate in the
   layout of gmm_theta_pack (gmm_theta_size (k, d) of each): CLOSED[i] is
   AFTER's θ (an M-step of G on data X with responsibilities Q) within the
   M-step's rounding (gmm_m_step_rounding), OPT[i] argmax_θ F(θ, Q) by BFGS
   from G's θ within BFGS's tolerance (gmm_free_energy_argmax: NaN when it
   did not converge).  The closed form passes (Bishop 9.24-9.26 maximise F
   over θ); each variant but the closed form fails. */
void em_variant_argmax (const gmm * g, const gmm * after, const gsl_matrix * x,
                        const gsl_matrix * q, estimate * closed, estimate * opt);

/* em_variant_argmax where a claim's M-step is checked on a data set: N
   points drawn from TRUTH (gmm_sample_n, the generator rng_new (SEED)),
   ITERS iterations of EM (gmm_em) from START give θ^t and q^t, the
   closed-form M-step (gmm_m_step, no ridge) from them is AFTER; CLOSED and
   OPT as em_variant_argmax, and AFTER's weights in W_AFTER (START's k of
   them).  Dies (exit 3) when EM or the M-step breaks down, naming the data
   set by SEED. */
void em_variant_argmax_drawn (const gmm * truth, const gmm * start, size_t n,
                              unsigned long seed, int iters, estimate * closed,
                              estimate * opt, double *w_after);

#endif
