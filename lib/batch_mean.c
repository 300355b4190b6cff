/* batch_mean.c -- the K-sample average's variance against K (see
   batch_mean.h). */
#include "batch_mean.h"
#include "errors.h"
#include "mc.h"

#include <gsl/gsl_randist.h>
#include <math.h>

batch_mean_moments
batch_mean_moments_of (quad_fn f, void *params)
{
  batch_mean_moments m;
  m.mean = quad_normal_moment (f, params, 0, 1).value;
  m.var = quad_normal_moment (f, params, m.mean, 2);
  m.mu4 = quad_normal_moment (f, params, m.mean, 4).value;
  return m;
}

double
batch_mean_sq_se (const batch_mean_moments * m, double k, long reps)
{
  double s2 = m->var.value;
  double m4 = (m->mu4 + 3 * (k - 1) * s2 * s2) / (k * k * k);   /* E (ĝ_K - G)⁴ */
  return sqrt ((m4 - s2 * s2 / (k * k)) / (double) reps);
}

static void
check_arguments (size_t n, const double *k, size_t n_k, int repeat, long reps)
{
  if (n > BATCH_MEAN_MAX_FN || n_k > BATCH_MEAN_MAX_K)
    die_runtime ("batch_mean_curves: %zu estimators and %zu sizes, at most %d and %d",
                 n, n_k, BATCH_MEAN_MAX_FN, BATCH_MEAN_MAX_K);
  if (repeat < 1 || reps < 1)
    die_runtime ("batch_mean_curves: repeat %d and %ld replicates, both must be >= 1",
                 repeat, reps);
  for (size_t i = 0; i < n_k; i++)
    if (!(k[i] >= 1) || k[i] != floor (k[i]))
      die_runtime ("batch_mean_curves: K = %g is not a whole number >= 1", k[i]);
}

/* The mean over REPS replicates of (ĝ_K - G_i)² of each estimator, into
   MSE[i]: the K terms of a replicate are evaluated draw by draw for all
   estimators at once, so that they share the draws. */
static void
replicate (const gsl_rng * r, const gsl_function * f, const batch_mean_moments * m,
           size_t n, int k, int repeat, long reps, double *mse)
{
  mc_acc sq[BATCH_MEAN_MAX_FN];
  for (size_t i = 0; i < n; i++)
    mc_init (&sq[i]);
  for (long rep = 0; rep < reps; rep++)
    {
      double sum[BATCH_MEAN_MAX_FN] = { 0 }, eps = 0;
      for (int j = 0; j < k; j++)
        {
          if (j % repeat == 0)
            eps = gsl_ran_gaussian_ziggurat (r, 1.0);
          for (size_t i = 0; i < n; i++)
            sum[i] += GSL_FN_EVAL (&f[i], eps);
        }
      for (size_t i = 0; i < n; i++)
        mc_add (&sq[i], gsl_pow_2 (sum[i] / k - m[i].mean));
    }
  for (size_t i = 0; i < n; i++)
    mse[i] = mc_mean (&sq[i]);
}

void
batch_mean_curves (const gsl_rng * r, const gsl_function * f,
                   const batch_mean_moments * m, size_t n, const double *k,
                   size_t n_k, int repeat, long reps, batch_mean_curve * out)
{
  check_arguments (n, k, n_k, repeat, reps);
  for (size_t c = 0; c < n_k; c++)
    {
      double mse[BATCH_MEAN_MAX_FN];
      replicate (r, f, m, n, (int) k[c], repeat, reps, mse);
      for (size_t i = 0; i < n; i++)
        {
          out[i].mse[c] = mse[i];
          out[i].se[c] = batch_mean_sq_se (&m[i], k[c], reps);
          out[i].var_over_k[c] = m[i].var.value / k[c];
        }
    }
}
