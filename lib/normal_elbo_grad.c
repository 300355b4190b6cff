/* normal_elbo_grad.c -- score-function and reparameterization estimators
   of an ELBO's gradient in (μ, v) (see normal_elbo_grad.h). */
#include "normal_elbo_grad.h"
#include "normal.h"

#include <math.h>

double
normal_elbo_grad_score (const normal_elbo_grad * g, double eps, int wrt_var)
{
  double v = g->var, z = g->mean + sqrt (v) * eps, d = z - g->mean;
  /* compute: ∂ log q(z) / ∂μ or ∂v, times log(p / q) - b */
  double score = wrt_var ? -1 / (2 * v) + d * d / (2 * v * v) : d / v;
  double log_ratio = g->log_joint (z, g->params) - normal_log_pdf (z, g->mean, sqrt (v));
  return score * (log_ratio - g->baseline);
}

double
normal_elbo_grad_reparam (const normal_elbo_grad * g, double eps, int wrt_var)
{
  double v = g->var, z = g->mean + sqrt (v) * eps;
  double dz = g->dlog_joint_dz (z, g->params);
  return wrt_var ? dz * eps / (2 * sqrt (v)) + 1 / (2 * v) : dz;
}

/* one of the estimators as a function of ε alone, for lib/batch_mean */
typedef struct { const normal_elbo_grad *g; int i; } estimator;

static double
estimator_at (double eps, void *params)
{
  const estimator *e = params;
  if (e->i < NORMAL_ELBO_GRAD_REPARAM_MEAN)
    return normal_elbo_grad_score (e->g, eps, e->i % 2);
  return normal_elbo_grad_reparam (e->g, eps, e->i % 2);
}

void
normal_elbo_grad_moments (const normal_elbo_grad * g, batch_mean_moments * m)
{
  for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
    m[i] = batch_mean_moments_of (estimator_at, &(estimator) { g, i });
}

void
normal_elbo_grad_curves (const gsl_rng * r, const normal_elbo_grad * g,
                         const batch_mean_moments * m, const double *k, size_t n_k,
                         int repeat, long reps, batch_mean_curve * out)
{
  estimator e[NORMAL_ELBO_GRAD_N];
  gsl_function f[NORMAL_ELBO_GRAD_N];
  for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
    {
      e[i] = (estimator) { g, i };
      f[i] = (gsl_function) { estimator_at, &e[i] };
    }
  batch_mean_curves (r, f, m, NORMAL_ELBO_GRAD_N, k, n_k, repeat, reps, out);
}
