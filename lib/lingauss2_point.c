/* lingauss2_point.c -- lib/lingauss2's model at a derivation's point and
 * its truths there (lingauss2_point.h). */
#include "lingauss2_point.h"
#include "normal.h"

#include <gsl/gsl_randist.h>

#define G LINGAUSS2_POINT_MODEL (p)
#define V LINGAUSS2_POINT_Q (p)
#define I LINGAUSS2_POINT_INDEX (p)

static double
bounded (rnd a, double *bound)
{
  *bound = rnd_bound (a);
  return a.value;
}

void
lingauss2_point_prepare_evidence (const point * p, void *prep)
{
  *(estimate *) prep = lingauss2_evidence_quad (G);
}

void
lingauss2_point_sample_latents (const gsl_rng * r, const point * p, const void *prep,
                                double *z)
{
  (void) p, (void) prep;
  for (int i = 0; i < 4; i++)
    z[i] = gsl_ran_gaussian_ziggurat (r, 2.0);
}

double
lingauss2_point_log_post (const point * p, const void *prep, const double *z,
                          double *bound)
{
  (void) prep;
  return bounded (lingauss2_log_posterior (G, z[0], z[1]), bound);
}

double
lingauss2_point_log_ratio (const point * p, const void *prep, const double *z,
                           double *bound)
{
  (void) prep;
  return bounded (rnd_sub (lingauss2_log_joint (G, z[0], z[1]),
                           lingauss2_log_joint (G, z[2], z[3])), bound);
}

double
lingauss2_point_log_post_quad (const point * p, const void *prep, const double *z,
                               double *bound)
{
  estimate log_ev = est_log (*(const estimate *) prep);  /* e/(v - e) and log's ulp */
  rnd l = rnd_sub (lingauss2_log_joint (G, z[0], z[1]), rnd_leaf (log_ev.value, 2));
  *bound = rnd_bound (l) + log_ev.err;
  return l.value;
}

rnd
lingauss2_mixed_difference (lingauss2_latent_fn f, const lingauss2 * g, double a)
{
  rnd d = rnd_sub (rnd_sub (f (g, 1, 1, a), f (g, 1, 0, a)), f (g, 0, 1, a));
  return rnd_add (d, f (g, 0, 0, a));
}

static rnd
log_joint (const lingauss2 * g, double z1, double z2, double a)
{
  (void) a;
  return lingauss2_log_joint (g, z1, z2);
}

estimate
lingauss2_point_interaction (const point * p, const void *prep)
{
  (void) prep;
  return rnd_estimate (lingauss2_mixed_difference (log_joint, G, 0));
}

rnd
lingauss2_e_log_lik_prior (const lingauss2 * g)
{
  rnd t1 = rnd_exact (g->theta[0]), t2 = rnd_exact (g->theta[1]), x = rnd_exact (g->x);
  rnd log_2pi = rnd_leaf (2 * NORMAL_LOG_SQRT_2PI, 1);
  return rnd_scale (-0.5, rnd_add (rnd_add (log_2pi, rnd_mul (x, x)),
                                   rnd_add (rnd_mul (t1, t1), rnd_mul (t2, t2))));
}

void
lingauss2_point_map_q (const point * p, const void *prep, const double *e, double *z)
{
  (void) prep;
  for (int i = 0; i < 2; i++)
    z[i] = p->v[3 + 2 * i] + p->v[4 + 2 * i] * e[i];
}

estimate
lingauss2_point_e_log_prior (const point * p, const void *prep)
{
  (void) prep;
  return lingauss2_e_log_prior_quad (V);
}

estimate
lingauss2_point_e_log_lik (const point * p, const void *prep)
{
  (void) prep;
  return lingauss2_e_log_lik_quad (V);
}

estimate
lingauss2_point_e_log_q1 (const point * p, const void *prep)
{
  (void) prep;
  return lingauss2_e_log_q_quad (V, 0);
}

estimate
lingauss2_point_e_log_q2 (const point * p, const void *prep)
{
  (void) prep;
  return lingauss2_e_log_q_quad (V, 1);
}

estimate
lingauss2_point_elbo (const point * p, const void *prep)
{
  (void) prep;
  return lingauss2_elbo_quad (V);
}

estimate
lingauss2_point_dl_dm (const point * p, const void *prep)
{
  (void) prep;
  return lingauss2_elbo_partial (V, 2 * I);
}

estimate
lingauss2_point_dl_ds (const point * p, const void *prep)
{
  (void) prep;
  return lingauss2_elbo_partial (V, 2 * I + 1);
}

estimate
lingauss2_point_m_star (const point * p, const void *prep)
{
  (void) prep;
  concave_max c = lingauss2_elbo_argmax_along (V, 2 * I);
  return est_opt (c.x, c.x_err);
}

/* |x² - x*²| <= e (2x + e) for |x - x*| <= e, x > 0 */
estimate
lingauss2_point_s2_star (const point * p, const void *prep)
{
  (void) prep;
  concave_max c = lingauss2_elbo_argmax_along (V, 2 * I + 1);
  return est_opt (c.x * c.x, c.x_err * (2 * c.x + c.x_err));
}

lingauss2_log_terms
lingauss2_log_terms_at (const lingauss2 * v, const double *z)
{
  rnd z1 = rnd_exact (z[0]), z2 = rnd_exact (z[1]);
  return (lingauss2_log_terms) {
    normal_log_pdf_rnd (z1, rnd_exact (0), 1), normal_log_pdf_rnd (z2, rnd_exact (0), 1),
    normal_log_pdf_rnd (rnd_exact (v->x), lingauss2_dot (v->theta, z[0], z[1]), 1),
    normal_log_pdf_rnd (z1, rnd_exact (v->m[0]), v->s[0]),
    normal_log_pdf_rnd (z2, rnd_exact (v->m[1]), v->s[1]),
  };
}
