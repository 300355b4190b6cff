/* mvn.h -- multivariate Gaussians N(mu, Sigma) through a Cholesky factor.
 *
 * Sigma = L L^T is factorised once by GSL (gsl_linalg_cholesky_decomp1);
 * densities, sampling, entropy and the closed-form KL divergence all work
 * with L, so no inverse is ever formed.  References: Bishop, PRML 2.3;
 * Rasmussen & Williams, GPML A.2 and A.5. */
#ifndef HARNESS_MVN_H
#define HARNESS_MVN_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "mc.h"

typedef struct
{
  size_t d;
  gsl_vector *mu;      /* mean, length d */
  gsl_matrix *sigma;   /* covariance, d x d */
  gsl_matrix *chol;    /* lower Cholesky factor L, d x d */
  double logdet;       /* log det Sigma = 2 sum log L_ii */
} mvn;

mvn *mvn_alloc (size_t d);
void mvn_free (mvn * g);

/* Set mean and covariance.  Returns GSL_SUCCESS, or GSL_EDOM when SIGMA is
   not symmetric positive definite (nothing is reported: the caller decides
   whether that is an error, e.g. for a user-supplied covariance). */
int mvn_set (mvn * g, const gsl_vector * mu, const gsl_matrix * sigma);

/* A usable Gaussian from a mean MU (d values) and a row-major d x d
   covariance SIGMA, or the end of the run with one line (exit 3) when
   SIGMA is not symmetric positive definite in floating point. */
mvn *mvn_from_arrays (size_t d, const double *mu, const double *sigma);

/* log N(x; mu, Sigma).  WORK has length d. */
double mvn_log_pdf (const mvn * g, const gsl_vector * x, gsl_vector * work);

/* Draw x = mu + L z with z ~ N(0, I) (ziggurat normals). */
void mvn_sample (const gsl_rng * r, const mvn * g, gsl_vector * x);

/* H[N(mu, Sigma)] = d/2 (1 + log 2 pi) + 1/2 log det Sigma. */
double mvn_entropy (const mvn * g);

/* The terms of the closed form
     KL(p || q) = 1/2 [ tr(Sq^-1 Sp) + (mq-mp)^T Sq^-1 (mq-mp) - d
                        + log det Sq - log det Sp ]
   kept apart so that callers can bound rounding error by their sizes. */
typedef struct
{
  double trace;        /* tr(Sq^-1 Sp) = ||Lq^-1 Lp||_F^2 */
  double mahalanobis;  /* ||Lq^-1 (mq - mp)||^2 */
  double logdet_p, logdet_q;
  double d;
} mvn_kl_terms;

void mvn_kl_parts (const mvn * p, const mvn * q, mvn_kl_terms * t);
double mvn_kl (const mvn * p, const mvn * q);
/* A bound on |mvn_kl (P, Q) - KL(P || Q)| for the given doubles, derived in
   mvn.c (Higham, Accuracy and Stability, Thms 8.5, 10.3): dominated by
     1/2 gamma_{d+1} d [cond(Sigma_q) (T + V + d) + cond(Sigma_p) (T + d)],
   T = tr(Sq^-1 Sp), V the Mahalanobis term -- the error grows like cond u,
   not sqrt(cond) u.  NaN (a refusal) where gamma_{d+1} d cond exceeds 0.1:
   there the closed form is not trustworthy. */
double mvn_kl_rounding_bound (const mvn * p, const mvn * q);

/* 2-norm condition number of Sigma (by GSL's symmetric eigensolver). */
double mvn_condition (const mvn * g);

/* A random SPD matrix Q diag(l) Q^T with Q Haar-distributed orthogonal
   (QR of a Gaussian matrix, signs fixed) and eigenvalues l spaced
   geometrically from SCALE to SCALE * COND, in random order. */
void spd_random (const gsl_rng * r, double scale, double cond, gsl_matrix * out);

/* Monte Carlo of KL(p || q) = E_p[log p(x) - log q(x)] from PAIRS
   antithetic pairs x = mu_p +- L_p z, z ~ N(0, I) (2 PAIRS draws).  The
   accumulator receives one value per pair, the pair mean, so mc_se() is the
   estimator's standard error.  Antithetic pairs cancel the part of
   log p/q that is odd in z (the mean shift) exactly.  log p(x) is
   -|z|^2/2 + const since x = mu_p + L_p z; log q(x) is evaluated by a
   forward solve with L_q on the drawn x -- the closed form's route
   (tr(Lq^-1 Lp), Lq^-1 (mq - mp)) is not used. */
void mvn_kl_mc (const gsl_rng * r, const mvn * p, const mvn * q,
                size_t pairs, mc_acc * acc);

#endif
