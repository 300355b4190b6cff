/* lingauss.h -- the conjugate linear-Gaussian model with one latent.
 *
 *     z ~ N(m0, v0),   x | z ~ N(w z + b, s^2 I_d),   x in R^d,
 *
 * the model of iwae_bound (d = 1, b = 0, z ~ N(0, 1)), wake_sleep
 * (d = 2, z ~ N(0, 1)) and gradient_estimators (d = 3, b = 0, a learned
 * prior N(λ1, λ2)).  Everything is Gaussian and in closed form:
 *
 *   posterior  p(z | x) = N(mu, v),  1/v = 1/v0 + |w|^2/s^2,
 *              mu = v (m0/v0 + w.(x - b)/s^2);
 *   evidence   p(x) = N(x; w m0 + b, s^2 I + v0 w w^T), through the matrix
 *              determinant lemma and Sherman-Morrison (no d x d matrix);
 *   ELBO       of q = N(m, vq): E_q[log p(x | z)] + E_q[log p(z)] + H[q],
 *              with its rounding bound (Higham's gamma over its terms).
 *
 * The closed forms are independent of each other: log p(x) by the lemma,
 * the posterior by completing the square; tests/test_lingauss.c checks
 * log p(x) = log p(x, z) - log p(z | x) at several z, ELBO = log p(x) - KL
 * (q || p(z|x)) and both against quadrature. */
#ifndef HARNESS_LINGAUSS_H
#define HARNESS_LINGAUSS_H

#include "estimate.h"
#include "rounding.h"

#include <stddef.h>

typedef struct
{
  size_t d;                     /* observation dimension */
  const double *w;              /* loadings, length d */
  const double *b;              /* offsets, length d; NULL: 0 */
  double noise_var;             /* s^2 */
  double prior_mean, prior_var; /* m0, v0 */
} lingauss;

/* |x - b - w z|², the squared residual of x at z in the order x_i - w_i z
   - b_i, summed from i = 0 (the reconstruction error in log p(x | z)). */
double lingauss_residual_sq (const lingauss * m, const double *x, double z);

/* w.(x - b - w z) = -½ d|x - b - w z|²/dz, summed from i = 0 in the
   order w_i (x_i - w_i z - b_i) (s^2 times the likelihood's part of
   lingauss_dlog_joint_dz). */
double lingauss_w_dot_residual (const lingauss * m, const double *x, double z);

/* log p(x | z) + log p(z). */
double lingauss_log_joint (const lingauss * m, const double *x, double z);

/* The exact posterior p(z | x) = N(*mean, *var). */
void lingauss_posterior (const lingauss * m, const double *x, double *mean,
                         double *var);

/* A q placed near the exact posterior N(mu, v): N(*QM, *QV) = N(mu +
   SHIFT √v, C v), SHIFT in posterior standard deviations and C a factor on
   its variance (gradient_estimators' variance point; lib/iw_gauss's
   iw_model_init places its q the same way in one dimension). */
void lingauss_posterior_scaled (const lingauss * m, const double *x, double shift,
                                double c, double *qm, double *qv);

/* log p(x), with the rounding bound of its terms. */
estimate lingauss_log_evidence (const lingauss * m, const double *x);

/* log p(x) for d = 1 (dies otherwise) as an rnd (lib/rounding.h), so that
   its bound follows the terms that cancel, in the order of operations
     r = (x - b) - w m0,  v = w^2 v0 + s^2,
     log p(x) = -(r^2/v)/2 - (log v)/2 - log sqrt(2 pi)
   (elbo_gap's learned prior r = N(m0, v0), 002 2.(a)).  A second route to
   lingauss_log_evidence's value, without the error-free residual. */
rnd lingauss_log_evidence_1d_rnd (const lingauss * m, double x);

/* The ELBO of q = N(qm, qv) in closed form, with its rounding bound. */
estimate lingauss_elbo (const lingauss * m, const double *x, double qm,
                        double qv);

/* E_q[log p(x | z)] of q = N(qm, qv) in closed form, the ELBO's first part
   (wake_sleep's M-step objective; gradient_estimators' term ①), with the
   rounding bound of its three terms:
     -d/2 log(2 pi s^2) - |x - b - w qm|^2 / (2 s^2) - |w|^2 qv / (2 s^2). */
estimate lingauss_expected_log_lik (const lingauss * m, const double *x,
                                    double qm, double qv);

/* Bounds on the rounding errors of lingauss_posterior's mean and variance
   (derivation in lingauss.c). */
void lingauss_posterior_error_bound (const lingauss * m, const double *x,
                                     double *mean_err, double *var_err);

/* d log p(x, z)/dz = w.(x - b - w z)/s^2 - (z - m0)/v0 (the score in z that
   a reparameterization gradient chains through). */
double lingauss_dlog_joint_dz (const lingauss * m, const double *x, double z);

/* The ELBO of q = N(qm, qv) by the posterior route, log p(x) - KL(q ||
   p(z|x)), independent of lingauss_elbo's term-by-term closed form, with
   the rounding bound derived in lingauss.c. */
estimate lingauss_elbo_via_posterior (const lingauss * m, const double *x,
                                      double qm, double qv);

#endif
