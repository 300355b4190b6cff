/* gauss_sample.h -- harness checks that a sample has a claimed Gaussian law.
 *
 * For samplers (a reparameterization, a transformation): the sample of
 * N(μ, Σ) in R^d is checked three ways, each a harness check of its own:
 *   mean         each coordinate's sample mean against μ_i (Monte Carlo
 *                standard error);
 *   covariance   each entry (i >= j) of the mean of (x_i - μ_i)(x_j - μ_j),
 *                the products about the known mean, against Σ_ij (its
 *                rounding gamma_4 tr Σ);
 *   KS           Kolmogorov-Smirnov of the projections uᵀx on random unit
 *                u against N(uᵀμ, uᵀΣu), decided as D_n <= the critical
 *                value at CHECK_ALPHA split over the projections (lib/gof).
 * The draws are independent (gof.h's assumption). */
#ifndef HARNESS_GAUSS_SAMPLE_H
#define HARNESS_GAUSS_SAMPLE_H

#include "harness.h"

/* KS of X[0..n-1] (sorted in place) against N(MEAN, SD²) at false-alarm
   rate ALPHA, as one point of check ID.  Returns the p-value. */
double gauss_sample_ks (harness * h, const char *id, double *x, size_t n,
                        double mean, double sd, double alpha);

/* The three checks IDS (mean, covariance, KS) of the N x D row-major
   sample XS against N(MU, COV), N_PROJ random directions drawn from the
   harness's generator (gsl_ran_dir_2d for d = 2, gsl_ran_dir_nd above);
   WHAT names the sampler in the checks' notes.  Closes the three checks
   and returns the smallest KS p-value. */
double gauss_sample_check (harness * h, const char *const ids[3],
                           const double *xs, long n, size_t d,
                           const double *mu, const double *cov, int n_proj,
                           const char *what);

/* The one-dimensional sampler MU + A ε (ε standard normal, so A = SD when it is right):
   N draws by gauss_sample_affine, KS against N(MU, SD²) at CHECK_ALPHA as check ID, which
   it closes with a note of MU, SD, N and the p-value.  Returns the p-value. */
double gauss_sample_check_scalar (harness * h, const char *id, double mu, double a,
                                  double sd, long n);

/* The table entries (check.h) of the three checks gauss_sample_check closes, with ids
   PREFIX_mean, PREFIX_cov and PREFIX_ks, for a sampler WHAT ("μ + S z0") of claimed
   covariance COV ("S Sᵀ") and projected variance PROJ_VAR ("|Sᵀu|²"); and those ids in
   the order gauss_sample_check takes them, so the two cannot drift apart. */
#define GAUSS_SAMPLE_CHECKS(prefix, what, cov, proj_var) \
  {prefix "_mean", "harness", "samples of " what " have mean μ (each coordinate)", REL_EQ, \
   EXPECT_HOLDS, NULL}, \
  {prefix "_cov", "harness", "samples of " what " have covariance " cov " (each entry)", \
   REL_EQ, EXPECT_HOLDS, NULL}, \
  {prefix "_ks", "harness", "uᵀ(" what ") ~ N(uᵀμ, " proj_var ") for random unit u: KS" \
   " statistic <= its critical value", REL_LE, EXPECT_HOLDS, NULL}
#define GAUSS_SAMPLE_IDS(prefix) { prefix "_mean", prefix "_cov", prefix "_ks" }

/* Noise of mean 0 and variance 1 for a sampler under test: standard normal (ziggurat), or,
   as negative controls that match the first two moments and so must fail only the KS check,
   uniform on [-√3, √3] or Laplace of scale 1/√2. */
typedef enum { GAUSS_NOISE_NORMAL, GAUSS_NOISE_UNIFORM, GAUSS_NOISE_LAPLACE } gauss_noise;
double gauss_sample_noise (const gsl_rng * r, gauss_noise kind);

/* N draws x = μ + A z in R^D (D <= 16; A row-major D x D; z of D draws of NOISE, in order) as
   the rows of XS, each x_i = μ_i + Σ_j A_ij z_j summed in j order; MAPPED (a negative
   control) draws A (μ + z) instead. */
void gauss_sample_affine (const gsl_rng * r, gauss_noise noise, const double *mu,
                          const double *a, size_t d, int mapped, long n, double *xs);

#endif
