/* mcmc_cost.c -- samplers compared in ESS per unit of work. */
#include "mcmc_cost.h"
#include "errors.h"

#include <gsl/gsl_errno.h>

#include <math.h>
#include <stdlib.h>
#include <time.h>

#define M MCMC_COST_N_MOMENTS

double
mcmc_cost_cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

void
mcmc_cost_summarise (mcmc_cost * s, const char *name, const gsl_matrix * chain,
                     const mcmc_stats * st, double t0, mcmc_cost_variant variant)
{
  s->seconds = mcmc_cost_cpu_seconds () - t0;
  s->name = name;
  s->n = chain->size1;
  s->evaluations = st->n_density_evals + st->n_gradient_evals;
  s->acceptance = st->acceptance_rate;
  size_t n = s->n;
  double *f = xmalloc (n * M * sizeof *f);
  mcmc_mixture_moment_table (chain, f);
  for (size_t m = 0; m < M; m++)
    {
      ess_result e = ess_geyer (f + m, M, n);
      /* 10 to 50 batches, >= 20 tau long where possible (lib/ess.h) */
      s->n_batches[m] = ess_batch_count (n, (double) n / e.ess);
      if (variant)
        variant (&e);
      s->moment[m] = e;
      s->batch_se[m] = ess_batch_means_se (f + m, M, n, s->n_batches[m]);
    }
  free (f);
}

void
mcmc_cost_run_mh_hmc (const gsl_rng * r, const gmm * g, size_t n_mh, double mh_sigma,
                      size_t n_hmc, const mcmc_hmc_options * o, mcmc_cost_variant variant,
                      mcmc_cost * mh, mcmc_cost * hmc)
{
  gmm_target mt = { g, 1.0, gsl_vector_alloc (g->d) };
  mcmc_target t = mcmc_mixture_target (&mt);
  gsl_vector *x0 = gsl_vector_alloc (g->d);
  mcmc_stats st;

  /* MH from an exact draw */
  gmm_sample (r, g, x0);
  gsl_matrix *chain = gsl_matrix_alloc (n_mh, g->d);
  double t0 = mcmc_cost_cpu_seconds ();
  if (mcmc_mh (r, &t, mh_sigma, x0, chain, &st) != GSL_SUCCESS)
    die_runtime ("MH refused its start");
  mcmc_cost_summarise (mh, "MH", chain, &st, t0, variant);
  gsl_matrix_free (chain);

  /* HMC from another */
  gmm_sample (r, g, x0);
  chain = gsl_matrix_alloc (n_hmc, g->d);
  t0 = mcmc_cost_cpu_seconds ();
  if (mcmc_hmc (r, &t, o, x0, chain, NULL, &st) != GSL_SUCCESS)
    die_runtime ("HMC refused its start or options");
  mcmc_cost_summarise (hmc, "HMC", chain, &st, t0, variant);
  gsl_matrix_free (chain);
  gsl_vector_free (x0);
  gsl_vector_free (mt.work);
}

double
mcmc_cost_per_kilo_eval (const mcmc_cost * s, size_t m)
{
  return s->moment[m].ess / ((double) s->evaluations / 1000.0);
}

void
mcmc_cost_ess_per_draw_range (const mcmc_cost * s, double *lo, double *hi)
{
  *lo = INFINITY, *hi = 0;
  for (size_t m = 0; m < M; m++)
    {
      *lo = fmin (*lo, s->moment[m].ess / (double) s->n);
      *hi = fmax (*hi, s->moment[m].ess / (double) s->n);
    }
}

size_t
mcmc_cost_count_ahead (const mcmc_cost * a, const mcmc_cost * b)
{
  size_t ahead = 0;
  for (size_t m = 0; m < M; m++)
    ahead += mcmc_cost_per_kilo_eval (a, m) > mcmc_cost_per_kilo_eval (b, m);
  return ahead;
}

void
mcmc_cost_write_table (sbuf * out, const mcmc_cost * a, const mcmc_cost * b)
{
  sbuf_printf (out, "| average | %s ESS | %s ESS/1000 evals | %s ESS | "
               "%s ESS/1000 evals | %s se (ESS / batch) | %s se (ESS / batch) |\n"
               "|---|---|---|---|---|---|---|\n",
               a->name, a->name, b->name, b->name, a->name, b->name);
  for (size_t m = 0; m < M; m++)
    sbuf_printf (out, "| E %s | %.0f | %.3g | %.0f | %.3g | %.4f / %.4f | %.4f / %.4f |\n",
                 mcmc_mixture_moment_names[m], a->moment[m].ess,
                 mcmc_cost_per_kilo_eval (a, m), b->moment[m].ess,
                 mcmc_cost_per_kilo_eval (b, m), a->moment[m].se, a->batch_se[m],
                 b->moment[m].se, b->batch_se[m]);
}

void
mcmc_cost_print_timing (FILE * out, const mcmc_cost * s, size_t n_s)
{
  for (size_t i = 0; i < n_s; i++)
    for (size_t m = 0; m < M; m++)
      fprintf (out, "# %s: ESS of E %s per CPU second = %.4g (%.3f s)\n", s[i].name,
               mcmc_mixture_moment_names[m], s[i].moment[m].ess / s[i].seconds,
               s[i].seconds);
}
