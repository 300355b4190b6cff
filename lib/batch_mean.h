/* batch_mean.h -- the K-sample average of an estimator of one standard
 * normal draw, and how its variance falls with K.
 *
 * An estimator ĝ = f(e), e ~ N(0, 1) (a per-draw gradient estimator, a
 * reparameterized integrand), averaged over K draws, ĝ_K = (1/K) Σ f(e_j),
 * has Var ĝ_K = σ²/K.  To check that law by replicates one needs the
 * per-sample moments, here by quadrature (lib/quad's quad_normal_moment):
 *     G = E f(e),   σ² = E (f(e) - G)²,   μ4 = E (f(e) - G)⁴,
 * and the standard error of the mean over R replicates of (ĝ_K - G)²,
 * which is exact from them: with y_j = f(e_j) - G independent,
 *     E (ĝ_K - G)⁴ = (K μ4 + 3 K(K-1) σ⁴) / K⁴ = (μ4 + 3(K-1) σ⁴) / K³,
 *     Var (ĝ_K - G)² = E (ĝ_K - G)⁴ - σ⁴/K².
 * The sample standard error of such skewed squares understates the error
 * at small R; the exact one does not.
 *
 * Several estimators can share the draws (common random numbers), so that
 * their curves differ by the estimators alone.  Each draw may enter REPEAT
 * consecutive terms of the average (REPEAT = 1: K independent draws), a
 * deliberately correlated average whose variance is REPEAT σ²/K (a
 * negative control for a 1/K check). */
#ifndef HARNESS_BATCH_MEAN_H
#define HARNESS_BATCH_MEAN_H

#include "quad.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <stddef.h>

#define BATCH_MEAN_MAX_K 16     /* sizes K on one curve */
#define BATCH_MEAN_MAX_FN 8     /* estimators sharing the draws */

typedef struct
{
  double mean;                  /* G */
  quad_result var;              /* σ², with the quadrature's error */
  double mu4;                   /* μ4 */
} batch_mean_moments;

/* G, σ² and μ4 of F (PARAMS) for e ~ N(0, 1), by quadrature. */
batch_mean_moments batch_mean_moments_of (quad_fn f, void *params);

/* The exact standard error of the mean over REPS replicates of
   (ĝ_K - G)², from M's σ² and μ4 (K >= 1, REPS >= 1). */
double batch_mean_sq_se (const batch_mean_moments * m, double k, long reps);

/* One estimator's curve over the sizes K[n]. */
typedef struct
{
  double mse[BATCH_MEAN_MAX_K];         /* mean over replicates of (ĝ_K - G)² */
  double se[BATCH_MEAN_MAX_K];          /* its exact standard error */
  double var_over_k[BATCH_MEAN_MAX_K];  /* σ²/K, what it should equal */
} batch_mean_curve;

/* For each of the N_K sizes K[n] (whole numbers >= 1) in turn, REPS
   replicates of the K-sample averages of the N estimators F[i], on
   standard normals drawn from R (gsl_ran_gaussian_ziggurat, one for every
   REPEAT terms, shared by all F[i]); G = M[i].mean.  Into OUT[i].
   Arguments out of range (N or N_K beyond the maxima, a K or REPEAT below
   1, REPS below 1) are a defect of the caller: one line, EXIT_RUNTIME. */
void batch_mean_curves (const gsl_rng * r, const gsl_function * f,
                        const batch_mean_moments * m, size_t n,
                        const double *k, size_t n_k, int repeat, long reps,
                        batch_mean_curve * out);

#endif
