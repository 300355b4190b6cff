/* em_variant.c -- the M-step of a Gaussian mixture and its variants (see
   em_variant.h). */
#include "em_variant.h"
#include "errors.h"
#include "rng.h"

#include <gsl/gsl_errno.h>
#include <math.h>

/* Component J of G after the closed form, changed by V (OLD: G before the
   M-step); MU and SG are workspaces of G's dimension. */
static int
vary_component (gmm * g, const gmm * old, size_t j, const em_variant * v,
                gsl_vector * mu, gsl_matrix * sg)
{
  gsl_vector_memcpy (mu, g->comp[j]->mu);
  gsl_matrix_memcpy (sg, g->comp[j]->sigma);
  for (size_t a = 0; v->diagonal && a < g->d; a++)
    for (size_t b = 0; b < g->d; b++)
      gsl_matrix_set (sg, a, b, a == b ? gsl_matrix_get (sg, a, b) : 0.0);
  if (v->mean_step != 1.0)      /* μ^t + ω (μ - μ^t) */
    {
      gsl_vector_sub (mu, old->comp[j]->mu);
      gsl_vector_scale (mu, v->mean_step);
      gsl_vector_add (mu, old->comp[j]->mu);
    }
  double w = g->weights[j];
  if (v->weight_shrink != 0.0)
    w = (1.0 - v->weight_shrink) * w + v->weight_shrink / (double) g->k;
  return gmm_set_component (g, j, w, mu, sg);
}

int
em_variant_m_step (gmm * g, const gsl_matrix * x, const gsl_matrix * q,
                   const em_variant * v)
{
  if (!(v->weight_shrink >= 0.0 && v->weight_shrink <= 1.0) || !isfinite (v->mean_step))
    die_internal ("em_variant_m_step: weight_shrink %g, mean_step %g",
                  v->weight_shrink, v->mean_step);
  int varied = v->weight_shrink != 0.0 || v->mean_step != 1.0 || v->diagonal;
  gmm *old = gmm_alloc (g->k, g->d);
  gmm_memcpy (old, g);
  int status = gmm_m_step (g, x, q, 0.0);
  gsl_vector *mu = gsl_vector_alloc (g->d);
  gsl_matrix *sg = gsl_matrix_alloc (g->d, g->d);
  for (size_t j = 0; varied && status == GSL_SUCCESS && j < g->k; j++)
    status = vary_component (g, old, j, v, mu, sg);
  if (status == GSL_SUCCESS)
    gmm_normalise_weights (g);
  gsl_matrix_free (sg);
  gsl_vector_free (mu);
  gmm_free (old);
  return status;
}

void
em_variant_argmax (const gmm * g, const gmm * after, const gsl_matrix * x,
                   const gsl_matrix * q, estimate * closed, estimate * opt)
{
  size_t np = gmm_theta_size (g->k, g->d);
  gsl_vector *pc = gsl_vector_alloc (np), *po = gsl_vector_alloc (np);
  gmm_theta_pack (after, pc);
  double tol = gmm_free_energy_argmax (g, x, q, po), bound = gmm_m_step_rounding (x);
  for (size_t i = 0; i < np; i++)
    {
      closed[i] = est_exact (gsl_vector_get (pc, i), bound);
      opt[i] = est_opt (gsl_vector_get (po, i), tol);
    }
  gsl_vector_free (po);
  gsl_vector_free (pc);
}

void
em_variant_argmax_drawn (const gmm * truth, const gmm * start, size_t n, unsigned long seed,
                         int iters, estimate * closed, estimate * opt, double *w_after)
{
  gsl_rng *r = rng_new (seed);
  gsl_matrix *x = gmm_sample_n (r, truth, n), *q = gsl_matrix_alloc (n, start->k);
  gmm *g = gmm_alloc (start->k, start->d), *c = gmm_alloc (start->k, start->d);
  gmm_memcpy (g, start);
  if (gmm_em (g, x, q, iters) != GSL_SUCCESS)   /* θ^t and q^t */
    die_runtime ("EM broke down on data set %lu", seed);
  gmm_memcpy (c, g);
  if (gmm_m_step (c, x, q, 0.0) != GSL_SUCCESS) /* argmax Q, closed form */
    die_runtime ("the M-step broke down on data set %lu", seed);
  em_variant_argmax (g, c, x, q, closed, opt);
  for (size_t j = 0; j < start->k; j++)
    w_after[j] = c->weights[j];
  gmm_free (c), gmm_free (g);
  gsl_matrix_free (q), gsl_matrix_free (x);
  gsl_rng_free (r);
}
