/* normal_elbo_grad.h -- per-draw estimators of the gradient of an ELBO in
 * the mean and variance of a Gaussian q, score function against
 * reparameterization, and the variances of their K-sample averages.
 *
 * For q = N(μ, v) and a log joint log p(x, z) of one latent z,
 *     L(μ, v) = E_q[log p(x, z) - log q(z)],   z = μ + √v ε,  ε ~ N(0, 1),
 * has two unbiased estimators of (∂μ L, ∂v L) at one draw ε:
 *   score function (the log-derivative trick; Williams 1992), with a
 *   constant baseline b (unbiased for every b, as E_q[∇ log q] = 0):
 *     ĝ_μ = (z - μ)/v · (log p(x, z) - log q(z) - b),
 *     ĝ_v = (-1/(2v) + (z - μ)²/(2v²)) · (log p(x, z) - log q(z) - b);
 *   reparameterization (Kingma and Welling 2014, sec. 2.4), through
 *   ∂z/∂μ = 1, ∂z/∂v = ε/(2√v), and -log q(μ + √v ε) = ½ log(2πv) + ε²/2:
 *     ĝ_μ = ∂z log p(x, z),   ĝ_v = ∂z log p(x, z) ε/(2√v) + 1/(2v).
 * The four estimators (score ∂μ, score ∂v, reparameterization ∂μ, ∂v, in
 * that order) are functions of one standard normal, so lib/batch_mean
 * gives their per-sample moments by quadrature and the variances of their
 * K-sample averages on shared draws. */
#ifndef HARNESS_NORMAL_ELBO_GRAD_H
#define HARNESS_NORMAL_ELBO_GRAD_H

#include "batch_mean.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* log p(x, z) or its derivative in z, at Z, with PARAMS */
typedef double (*normal_elbo_grad_fn) (double z, void *params);

typedef struct
{
  double mean, var;                     /* q = N(mean, var), var > 0 */
  normal_elbo_grad_fn log_joint;        /* log p(x, z) */
  normal_elbo_grad_fn dlog_joint_dz;    /* d log p(x, z) / dz */
  void *params;                         /* passed to both */
  double baseline;                      /* b of the score function (0: none) */
} normal_elbo_grad;

/* the estimators, in the order of the moments and curves below */
enum { NORMAL_ELBO_GRAD_SCORE_MEAN, NORMAL_ELBO_GRAD_SCORE_VAR,
       NORMAL_ELBO_GRAD_REPARAM_MEAN, NORMAL_ELBO_GRAD_REPARAM_VAR, NORMAL_ELBO_GRAD_N };

/* The score-function estimator of ∂μ L (WRT_VAR = 0) or ∂v L (WRT_VAR = 1)
   of G at the standard normal draw EPS, with G's baseline. */
double normal_elbo_grad_score (const normal_elbo_grad * g, double eps, int wrt_var);

/* The reparameterization estimator of ∂μ L (WRT_VAR = 0) or ∂v L
   (WRT_VAR = 1) of G at the standard normal draw EPS. */
double normal_elbo_grad_reparam (const normal_elbo_grad * g, double eps, int wrt_var);

/* The per-sample moments (batch_mean_moments_of, by quadrature over ε) of
   the NORMAL_ELBO_GRAD_N estimators of G, into M[0 .. NORMAL_ELBO_GRAD_N). */
void normal_elbo_grad_moments (const normal_elbo_grad * g, batch_mean_moments * m);

/* batch_mean_curves of the NORMAL_ELBO_GRAD_N estimators of G on shared
   draws from R, G_i = M[i].mean (M need not be G's own moments: a claim
   may compare G's replicates with another estimator's variance), over the
   N_K sizes K, each draw REPEAT times, REPS replicates, into
   OUT[0 .. NORMAL_ELBO_GRAD_N). */
void normal_elbo_grad_curves (const gsl_rng * r, const normal_elbo_grad * g,
                              const batch_mean_moments * m, const double *k, size_t n_k,
                              int repeat, long reps, batch_mean_curve * out);

#endif
