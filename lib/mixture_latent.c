/* mixture_latent.c -- a two-component mixture's latent at one x, in rnd
   arithmetic (mixture_latent.h).  The order of operations is
   exclusive_inclusive_kl's, whose reports depend on it. */
#include "mixture_latent.h"
#include "minimize.h"
#include "normal.h"

#include <math.h>

/* log p(z, x) = log w + log N(x; μ, σ) */
static rnd
log_joint_at (double x, double w, double mu, double sigma)
{
  return rnd_add (rnd_log (rnd_exact (w)),
                  normal_log_pdf_rnd (rnd_exact (x), rnd_exact (mu), sigma));
}

/* p(z|x) = 1 / (1 + exp(log p(z', x) - log p(z, x))), no p(x) */
static rnd
posterior_logistic (const mixture_latent * l, int z)
{
  rnd e = rnd_exp (rnd_sub (l->lj[1 - z], l->lj[z]));
  return rnd_div (rnd_exact (1), rnd_add (rnd_exact (1), e));
}

mixture_latent
mixture_latent_at (double x, double w1, double q1, const double *mu, const double *sd)
{
  mixture_latent l;
  l.w[0] = w1, l.w[1] = 1 - w1;
  l.q[0] = rnd_exact (q1), l.q[1] = rnd_exact (1 - q1);
  for (int z = 0; z < 2; z++)
    {
      l.lj[z] = log_joint_at (x, l.w[z], mu[z], sd[z]);
      l.pj[z] = rnd_exp (l.lj[z]);
    }
  l.px = rnd_add (l.pj[0], l.pj[1]);
  for (int z = 0; z < 2; z++)
    l.post[z] = rnd_div (l.pj[z], l.px), l.qpx[z] = rnd_mul (l.q[z], l.px);
  for (int z = 0; z < 2; z++)
    l.r[z] = posterior_logistic (&l, z);
  return l;
}

/* KL(r || q) at q = (σ(η), σ(-η)), PARAMS the posterior r (2 doubles) */
static double
kl_at_logit (double eta, void *params)
{
  const double *r = params;
  double q[2] = { 1 / (1 + exp (-eta)), 1 / (1 + exp (eta)) };
  return r[0] * log (r[0] / q[0]) + r[1] * log (r[1] / q[1]);
}

estimate
mixture_latent_kl_argmin (const mixture_latent * l, int *converged)
{
  double r[2] = { l->r[0].value, l->r[1].value };
  min1d_result m = minimize_1d_grid (kl_at_logit, r, -40.0, 40.0, 161, 1e-5, 0.0, 200);
  double size = 2.0 * (fabs (log (r[0])) + fabs (log (r[1])));
  *converged = m.converged;
  return est_opt (m.x, 2 * m.x_err + minimize_1d_resolution (size, r[0] * r[1]));
}
