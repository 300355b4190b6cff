/* gmm_fit_point.c -- N(μ, I) fitted to a Gaussian mixture, at a
 * derivation's point (gmm_fit_point.h). */
#include "gmm_fit_point.h"
#include "errors.h"
#include "gmm_quantile.h"
#include "normal.h"

#define MIXTURE (*(const gmm * const *) prep)

void
gmm_fit_point_sample (const gsl_rng * r, const point * p, const void *prep, double *x)
{
  (void) p;
  gsl_vector_view xv = gsl_vector_view_array (x, MIXTURE->d);
  gmm_sample (r, MIXTURE, &xv.vector);
}

void
gmm_fit_point_rosenblatt (const point * p, const void *prep, const double *e, double *x)
{
  (void) p;
  gmm_rosenblatt_2d (MIXTURE, e, x);
}

/* log N(x; μ, I), coordinate by coordinate (MU NULL: μ = 0) */
static double
log_q_iso (size_t d, const double *x, const double *mu)
{
  double s = 0;
  for (size_t i = 0; i < d; i++)
    s += normal_log_pdf (x[i], mu ? mu[i] : 0, 1);
  return s;
}

double
gmm_fit_point_log_q (const point * p, const void *prep, const double *x, double *bound)
{
  (void) bound;
  return log_q_iso (MIXTURE->d, x, p->v);
}

double
gmm_fit_point_log_q_diff (const point * p, const void *prep, const double *x,
                          double *bound)
{
  (void) bound;
  return log_q_iso (MIXTURE->d, x, p->v) - log_q_iso (MIXTURE->d, x, NULL);
}

estimate
gmm_fit_point_partial (const point * p, const void *prep)
{
  return gmm_e_log_normal_iso_partial (MIXTURE, p->v, (size_t) p->v[MIXTURE->d] - 1);
}

estimate
gmm_fit_point_argmax (const point * p, const void *prep)
{
  return gmm_e_log_normal_iso_argmax (MIXTURE, p->v, (size_t) p->v[MIXTURE->d] - 1);
}

estimate
gmm_fit_point_e_log_q (const point * p, const void *prep)
{
  return rnd_estimate (gmm_e_log_normal_iso_rnd (MIXTURE, p->v));
}

estimate
gmm_fit_point_e_log_q_as_points (const point * p, const void *prep)
{
  return rnd_estimate (rnd_add (gmm_e_log_normal_iso_rnd (MIXTURE, p->v),
                                gmm_fit_point_half_trace (MIXTURE)));
}

rnd
gmm_fit_point_half_trace (const gmm * g)
{
  rnd acc = rnd_exact (0);
  for (size_t k = 0; k < g->k; k++)
    {
      const gsl_matrix *sigma = g->comp[k]->sigma;
      rnd tr = rnd_exact (gsl_matrix_get (sigma, 0, 0));
      for (size_t a = 1; a < g->d; a++)
        tr = rnd_add (tr, rnd_exact (gsl_matrix_get (sigma, a, a)));
      acc = rnd_add (acc, rnd_mul (rnd_exact (g->weights[k]), tr));
    }
  return rnd_scale (0.5, acc);
}

rnd
gmm_fit_point_mean_equal_weights (const gmm * g, size_t c)
{
  if (c >= g->d)
    die_internal ("gmm_fit_point_mean_equal_weights: coordinate %zu of %zu", c, g->d);
  rnd s = rnd_exact (0);
  for (size_t k = 0; k < g->k; k++)
    s = rnd_add (s, rnd_mul (rnd_leaf (1.0 / (double) g->k, 1),
                             rnd_exact (gsl_vector_get (g->comp[k]->mu, c))));
  return s;
}
