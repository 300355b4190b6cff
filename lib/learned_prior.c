/* learned_prior.c -- the one-latent model under a learned prior r_λ at a
   point (learned_prior.h). */
#include "learned_prior.h"
#include "check.h"
#include "errors.h"
#include "lingauss.h"
#include "normal.h"
#include "quad.h"

#include <math.h>

double
learned_prior_log_lik (const learned_prior * a, double z)
{
  return normal_log_pdf (a->x, a->w * z + a->b, sqrt (a->psi));
}

double
learned_prior_log_r (const learned_prior * a, double z)
{
  return normal_log_pdf (z, a->l1, sqrt (a->l2));
}

double
learned_prior_log_q (const learned_prior * a, double z)
{
  return normal_log_pdf (z, a->m, a->s);
}

/* lib/lingauss's model with d = 1 and the prior r_λ */
static lingauss
model_of (const learned_prior * a)
{
  return (lingauss) { 1, &a->w, &a->b, a->psi, a->l1, a->l2 };
}

void
learned_prior_posterior (const learned_prior * a, double *mean, double *sd)
{
  lingauss m = model_of (a);
  double var;
  lingauss_posterior (&m, &a->x, mean, &var);
  *sd = sqrt (var);
}

estimate
learned_prior_log_evidence (const learned_prior * a)
{
  lingauss m = model_of (a);
  return rnd_estimate (lingauss_log_evidence_1d_rnd (&m, a->x));
}

static double
mean_r (double z, void *a)
{
  return exp (learned_prior_log_r (a, z) + learned_prior_log_lik (a, z));
}

static double
mean_q (double z, void *a)
{                               /* q · (p r / q), the ratio as written */
  return exp (learned_prior_log_q (a, z) + (learned_prior_log_lik (a, z)
                                            + learned_prior_log_r (a, z)
                                            - learned_prior_log_q (a, z)));
}

/* log ∫ F around the posterior, where the integrands' mass is */
static estimate
log_of_integral (quad_fn f, const learned_prior * a)
{
  double mean, sd;
  learned_prior_posterior (a, &mean, &sd);
  quad_result q = quad_real_line_at (f, (void *) a, mean, sd);
  if (!(q.value > 2 * q.abserr))
    die_runtime ("002 2.(a): the integral %g is not resolved (error %g)", q.value, q.abserr);
  /* |log I' - log I| <= δ/(I - δ) for |I' - I| <= δ; log's own ulp */
  return est_log (est_quad (q));
}

estimate
learned_prior_log_mean_r (const learned_prior * a)
{
  return log_of_integral (mean_r, a);
}

estimate
learned_prior_log_mean_q (const learned_prior * a)
{
  return log_of_integral (mean_q, a);
}

double
learned_prior_log_ratio (const learned_prior * a, double z)
{
  return learned_prior_log_lik (a, z) + learned_prior_log_r (a, z) - learned_prior_log_q (a, z);
}

double
learned_prior_kl_post (const learned_prior * a)
{
  double mean, sd;
  learned_prior_posterior (a, &mean, &sd);
  return normal_kl (a->m, a->s, mean, sd);
}

void
learned_prior_map_q (const point * p, const void *prep, const double *e, double *z)
{
  (void) prep;
  const learned_prior *a = LEARNED_PRIOR_OF (p);
  z[0] = a->m + a->s * e[0];
}
