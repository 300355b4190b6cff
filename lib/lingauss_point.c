/* lingauss_point.c -- lib/lingauss at a point's coordinates (see
   lingauss_point.h). */
#include "lingauss_point.h"
#include "normal.h"

#include <math.h>

lingauss_point
lingauss_point_of (const double *v, size_t d)
{
  lingauss_point p = { { d, v + 1, NULL, v[0] * v[0], v[d + 1], v[d + 2] }, v + d + 3,
                       v[2 * d + 3], v[2 * d + 4] };
  return p;
}

/* log p(x, z) and its derivative in z of the point PARAMS, as
   normal_elbo_grad_fn's */
static double
log_joint_at (double z, void *params)
{
  const lingauss_point *p = params;
  return lingauss_log_joint (&p->m, p->x, z);
}

static double
dlog_joint_dz_at (double z, void *params)
{
  const lingauss_point *p = params;
  return lingauss_dlog_joint_dz (&p->m, p->x, z);
}

normal_elbo_grad
lingauss_point_elbo_grad (const lingauss_point * p)
{
  normal_elbo_grad g = { p->qm, p->qv, log_joint_at, dlog_joint_dz_at, (void *) p, 0 };
  return g;
}

/* the point of gradcheck's argument T */
static lingauss_point
of_vector (const gsl_vector * t, void *params)
{
  return lingauss_point_of (t->data, *(const size_t *) params);
}

double
lingauss_point_elbo (const gsl_vector * t, void *params)
{
  lingauss_point p = of_vector (t, params);
  return lingauss_elbo_via_posterior (&p.m, p.x, p.qm, p.qv).value;
}

double
lingauss_point_termwise (const gsl_vector * t, void *params)
{
  lingauss_point p = of_vector (t, params);
  return lingauss_elbo (&p.m, p.x, p.qm, p.qv).value;
}

double
lingauss_point_evidence (const gsl_vector * t, void *params)
{
  lingauss_point p = of_vector (t, params);
  return lingauss_log_evidence (&p.m, p.x).value;
}

double
lingauss_point_expected_log_lik (const gsl_vector * t, void *params)
{
  lingauss_point p = of_vector (t, params);
  return lingauss_expected_log_lik (&p.m, p.x, p.qm, p.qv).value;
}

double
lingauss_point_expected_log_joint (const gsl_vector * t, void *params)
{
  lingauss_point p = of_vector (t, params);
  return lingauss_elbo (&p.m, p.x, p.qm, p.qv).value - normal_entropy (sqrt (p.qv));
}

double
lingauss_point_kl_prior (const gsl_vector * t, void *params)
{
  lingauss_point p = of_vector (t, params);
  return normal_kl (p.qm, sqrt (p.qv), p.m.prior_mean, sqrt (p.m.prior_var));
}
