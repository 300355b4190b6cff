/* flow_mixture.c -- an HMC integrator's checks on the mixture (see flow_mixture.h). */
#include "flow_mixture.h"
#include "errors.h"
#include "mcmc_mixture.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_math.h>
#include <stdlib.h>
#include <string.h>

/* N phase points of G into Z (N rows of 4), drawn with R */
static void
phase_points (const gsl_rng * r, const gmm * g, size_t n, double *z)
{
  for (size_t s = 0; s < n; s++)
    mcmc_mixture_phase_point (r, g, z + 4 * s);
}

void
flow_mixture_check (harness * h, const gsl_rng * r, const gmm * g, const flow * f,
                    const mcmc_target * t, const flow_mixture_spec * s, double *err)
{
  if (f->dim != 4 || g->d != 2)
    die_internal ("flow_mixture_check: a flow of dimension %zu on a mixture in d = %zu",
                  f->dim, g->d);
  double *starts = xmalloc (4 * GSL_MAX (s->n_probes, s->n_order) * sizeof *starts);
  phase_points (r, g, s->n_probes, starts);
  flow_check_probes (h, s->reversible_id, s->volume_id, f, starts, s->n_probes,
                     "q ~ π, p ~ N(0, I)", s->eps, s->n_steps);
  phase_points (r, g, s->n_order, starts);
  flow_check_order (h, s->order_id, f, mcmc_mixture_hamiltonian, (void *) t, starts,
                    s->n_order, s->tlen, s->steps0, s->levels, err);
  free (starts);
}

void
flow_mixture_step_sizes (const flow_mixture_spec * s, double *step)
{
  for (size_t l = 0; l < s->levels; l++)
    step[l] = s->tlen / (double) (s->steps0 << l);
}

void
flow_mixture_figure_order (harness * h, int *block, const figure_mcmc_order_spec * o,
                           const flow_mixture_spec * s, const double *err)
{
  double *step = xmalloc (s->levels * sizeof *step);
  flow_mixture_step_sizes (s, step);
  figure_mcmc_order (h, block, o, step, err, s->levels);
  free (step);
}

void
flow_mixture_leapfrog (double eps, size_t n_steps, const double *z, double *out, void *params)
{
  const flow_mixture_leapfrog_params *lp = params;
  const mcmc_target *t = lp->t;
  size_t d = t->d;
  memcpy (out, z, 2 * d * sizeof *out);
  gsl_vector_view q = gsl_vector_view_array (out, d), p = gsl_vector_view_array (out + d, d);
  gsl_vector *g = gsl_vector_alloc (d);
  t->grad_log_density (&q.vector, g, t->params);
  if (lp->extra_kick != 0)
    gsl_blas_daxpy (lp->extra_kick * eps, g, &p.vector);
  for (size_t l = 0; l < n_steps; l++)
    {
      double step = lp->step_growth != 0 ? eps * (1 + lp->step_growth * (double) l) : eps;
      mcmc_leapfrog (t, step, 1, &q.vector, &p.vector, g);
      if (lp->damping != 0)
        gsl_vector_scale (&p.vector, 1 - lp->damping);
    }
  gsl_vector_free (g);
}
