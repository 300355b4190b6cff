/* mcmc_mixture.c -- samplers on a Gaussian mixture (see mcmc_mixture.h). */
#include "mcmc_mixture.h"
#include "errors.h"
#include "gradcheck.h"
#include "harness.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define M MCMC_MIXTURE_N_MOMENTS

const char *const mcmc_mixture_moment_names[M] = { "x1", "x2", "x1²", "x1x2", "x2²" };

mcmc_target
mcmc_mixture_target (gmm_target * tp)
{
  mcmc_target t = { tp->g->d, gmm_target_log_pdf, gmm_target_grad_log_pdf, tp };
  return t;
}

static double
scaled_log_pdf (const gsl_vector * x, void *params)
{
  const mcmc_mixture_scaled *s = params;
  return gmm_target_log_pdf (x, s->tp);
}

static void
scaled_grad (const gsl_vector * x, gsl_vector * grad, void *params)
{
  const mcmc_mixture_scaled *s = params;
  gmm_target_grad_log_pdf (x, grad, s->tp);
  if (s->grad_scale != 1)
    gsl_vector_scale (grad, s->grad_scale);
}

mcmc_target
mcmc_mixture_target_scaled (mcmc_mixture_scaled * s)
{
  mcmc_target t = { s->tp->g->d, scaled_log_pdf, scaled_grad, s };
  return t;
}

void
mcmc_mixture_moments (const double *x, double *f)
{
  f[0] = x[0], f[1] = x[1], f[2] = x[0] * x[0], f[3] = x[0] * x[1], f[4] = x[1] * x[1];
}

void
mcmc_mixture_moment_table (const gsl_matrix * draws, double *f)
{
  if (draws->size2 != 2)
    die_internal ("mcmc_mixture_moment_table: draws are not 2-D");
  for (size_t i = 0; i < draws->size1; i++)
    mcmc_mixture_moments (gsl_matrix_const_ptr (draws, i, 0), f + i * M);
}

void
mcmc_mixture_exact_moments (const gmm * g, double *m)
{
  if (g->d != 2)
    die_internal ("mcmc_mixture_exact_moments: the mixture is not 2-D");
  gsl_matrix *m2 = gsl_matrix_alloc (2, 2);
  gsl_vector *mean = gsl_vector_alloc (2);
  gmm_second_moment (g, m2);
  gmm_mean (g, mean);
  m[0] = gsl_vector_get (mean, 0), m[1] = gsl_vector_get (mean, 1);
  m[2] = gsl_matrix_get (m2, 0, 0), m[3] = gsl_matrix_get (m2, 0, 1);
  m[4] = gsl_matrix_get (m2, 1, 1);
  gsl_matrix_free (m2);
  gsl_vector_free (mean);
}

static size_t
component_of (const gmm * g, size_t n_chains, size_t c)
{
  return c / (n_chains / g->k);
}

static void
summarise (const gmm * g, mcmc_mixture_run * s)
{
  size_t n = s->n, total = s->n_chains * n;
  double *f = xmalloc (total * M * sizeof *f), *col = xmalloc (total * sizeof *col);
  mcmc_mixture_moment_table (s->draws, f);
  s->rhat = 0;
  for (size_t m = 0; m < M; m++)
    {
      double mean = 0, var = 0, ess = 0;
      for (size_t c = 0; c < s->n_chains; c++)
        {
          ess_result e = ess_geyer (f + c * n * M + m, M, n);
          double w = g->weights[component_of (g, s->n_chains, c)]
            / (double) (s->n_chains / g->k);
          mean += w * e.mean, var += w * w * e.se * e.se, ess += e.ess;
        }
      s->moment[m] = (ess_result) { .n = total, .mean = mean, .se = sqrt (var), .ess = ess };
      for (size_t i = 0; i < total; i++)
        col[i] = f[i * M + m];
      s->rhat = fmax (s->rhat, ess_split_rhat (col, n, s->n_chains));
      s->batch_se[m] = ess_batch_means_se (f + m, M, total, 50);
    }
  free (f);
  free (col);
}

void
mcmc_mixture_run_chains (const gsl_rng * r, const gmm * g, size_t n_chains,
                         size_t n, mcmc_mixture_chain_fn chain, void *params,
                         mcmc_mixture_run * run)
{
  if (n_chains == 0 || n_chains % g->k != 0 || n == 0)
    die_internal ("mcmc_mixture_run_chains: %zu chains of %zu for %zu components",
                  n_chains, n, g->k);
  run->n = n, run->n_chains = n_chains, run->acceptance = 0;
  run->draws = gsl_matrix_alloc (n_chains * n, g->d);
  gsl_vector *x0 = gsl_vector_alloc (g->d);
  for (size_t c = 0; c < n_chains; c++)
    {
      mvn_sample (r, g->comp[component_of (g, n_chains, c)], x0);
      gsl_matrix_view rows = gsl_matrix_submatrix (run->draws, c * n, 0, n, g->d);
      run->acceptance += chain (r, c, x0, &rows.matrix, params) / (double) n_chains;
    }
  gsl_vector_free (x0);
  summarise (g, run);
}

void
mcmc_mixture_run_free (mcmc_mixture_run * run)
{
  gsl_matrix_free (run->draws);
  run->draws = NULL;
}

int
mcmc_mixture_mixed (const mcmc_mixture_run * run, char *why, size_t len)
{
  double ess_min = run->moment[0].ess;
  for (size_t m = 1; m < M; m++)
    ess_min = fmin (ess_min, run->moment[m].ess);
  if (!(run->rhat <= 1.01))
    snprintf (why, len, "the %zu chains did not mix: split R-hat %.3f > 1.01", run->n_chains, run->rhat);
  else if (!(ess_min >= 400))
    snprintf (why, len, "too few effective draws: ESS %.0f < 400", ess_min);
  else
    return 1;
  return 0;
}

double
mcmc_mixture_hmc_chain (const gsl_rng * r, size_t c, const gsl_vector * x0, gsl_matrix * rows, void *params)
{
  mcmc_mixture_hmc *p = params;
  mcmc_stats st;
  if (mcmc_hmc (r, p->t, &p->o, x0, rows, p->energy ? p->energy + c * rows->size1 : NULL, &st) != GSL_SUCCESS)
    die_runtime ("HMC refused its start or options");
  return st.acceptance_rate;
}

double *
mcmc_mixture_run_hmc (const gsl_rng * r, const gmm * g, size_t n_chains, size_t n,
                      const mcmc_target * t, const mcmc_hmc_options * o, mcmc_mixture_run * run)
{
  mcmc_mixture_hmc hp = { t, *o, xmalloc (n_chains * n * sizeof (double)) };
  mcmc_mixture_run_chains (r, g, n_chains, n, mcmc_mixture_hmc_chain, &hp, run);
  return hp.energy;
}

void
mcmc_mixture_check_moments (harness * h, const char *id, const mcmc_mixture_run * run,
                            const double *exact)
{
  char why[160];
  if (!mcmc_mixture_mixed (run, why, sizeof why))
    {
      check_inconclusive (h, id, "%s", why);
      return;
    }
  for (size_t m = 0; m < M; m++)
    check_point (h, id, est_mc (run->moment[m].mean, run->moment[m].se),
                 est_exact (exact[m], 16 * DBL_EPSILON * (1 + fabs (exact[m]))));
  check_close (h, id, "%zu chains of %zu; split R-hat %.4f; ESS of x1 %.0f, of x1² %.0f",
               run->n_chains, run->n, run->rhat, run->moment[0].ess, run->moment[2].ess);
}

void
mcmc_mixture_check_gradient (harness * h, const char *id, const gsl_rng * r, const gmm * g,
                             const mcmc_target * t, size_t n)
{
  gsl_vector *x = gsl_vector_alloc (2), *grad = gsl_vector_alloc (2);
  for (size_t i = 0; i < n; i++)
    {
      gmm_sample (r, g, x);
      t->grad_log_density (x, grad, t->params);
      for (size_t a = 0; a < 2; a++)
        {
          double coarse, fine;
          gradcheck_central_pair (t->log_density, t->params, x, a, 1e-4, &coarse, &fine);
          double v = gsl_vector_get (grad, a);
          check_point (h, id, est_exact (v, 64 * DBL_EPSILON * (1 + fabs (fine))),
                       est_numeric (fine, fabs (fine - coarse) + 1e-9));
        }
    }
  check_close (h, id, "%zu points x ~ π, both coordinates, steps 1e-4 and 5e-5 (error bound 1e-9"
               " + |difference|)", n);
  gsl_vector_free (x);
  gsl_vector_free (grad);
}

void
mcmc_mixture_phase_point (const gsl_rng * r, const gmm * g, double *z)
{
  gsl_vector_view q = gsl_vector_view_array (z, 2);
  gmm_sample (r, g, &q.vector);
  for (size_t i = 0; i < 2; i++)
    z[2 + i] = gsl_ran_gaussian (r, 1.0);
}

double
mcmc_mixture_hamiltonian (const double *z, void *t)
{
  gsl_vector_const_view q = gsl_vector_const_view_array (z, 2);
  gsl_vector_const_view p = gsl_vector_const_view_array (z + 2, 2);
  return mcmc_hamiltonian (t, &q.vector, &p.vector);
}
