/* lingauss2.c -- the two-latent linear-Gaussian model (see lingauss2.h). */
#include "lingauss2.h"
#include "normal.h"

static rnd X (double v) { return rnd_exact (v); }
static rnd sq (rnd a) { return rnd_mul (a, a); }

rnd
lingauss2_dot (const double theta[2], double z1, double z2)
{
  return rnd_add (rnd_mul (X (theta[0]), X (z1)), rnd_mul (X (theta[1]), X (z2)));
}

rnd
lingauss2_v (const double theta[2])
{
  return rnd_add (X (1), rnd_add (sq (X (theta[0])), sq (X (theta[1]))));
}

rnd
lingauss2_log_joint (const lingauss2 * g, double z1, double z2)
{
  rnd prior = rnd_add (normal_log_pdf_rnd (X (z1), X (0), 1),
                       normal_log_pdf_rnd (X (z2), X (0), 1));
  return rnd_add (prior, normal_log_pdf_rnd (X (g->x), lingauss2_dot (g->theta, z1, z2), 1));
}

rnd
lingauss2_log_evidence (const lingauss2 * g)
{
  rnd v = lingauss2_v (g->theta);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_div (sq (X (g->x)), v)),
                           rnd_scale (0.5, rnd_log (v))),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}

rnd
lingauss2_post_mean (const lingauss2 * g, int i)
{
  return rnd_div (rnd_mul (X (g->theta[i]), X (g->x)), lingauss2_v (g->theta));
}

rnd
lingauss2_post_var (const lingauss2 * g, int i)
{
  return rnd_sub (X (1), rnd_div (sq (X (g->theta[i])), lingauss2_v (g->theta)));
}

rnd
lingauss2_post_cov (const lingauss2 * g)
{
  rnd t12 = rnd_mul (X (g->theta[0]), X (g->theta[1]));
  return rnd_scale (-1, rnd_div (t12, lingauss2_v (g->theta)));
}

rnd
lingauss2_log_posterior (const lingauss2 * g, double z1, double z2)
{
  rnd v = lingauss2_v (g->theta);
  rnd t1 = X (g->theta[0]), t2 = X (g->theta[1]), x = X (g->x);
  rnd d1 = rnd_sub (X (z1), rnd_div (rnd_mul (t1, x), v));
  rnd d2 = rnd_sub (X (z2), rnd_div (rnd_mul (t2, x), v));
  rnd quad = rnd_add (rnd_add (sq (d1), sq (d2)),
                      sq (rnd_add (rnd_mul (t1, d1), rnd_mul (t2, d2))));
  return rnd_sub (rnd_add (rnd_scale (-0.5, quad), rnd_scale (0.5, rnd_log (v))),
                  rnd_leaf (2 * NORMAL_LOG_SQRT_2PI, 1));
}

rnd
lingauss2_elbo (const lingauss2 * g)
{
  rnd log2pi = rnd_leaf (2 * NORMAL_LOG_SQRT_2PI, 1), prior = rnd_scale (-1, log2pi);
  rnd resid = X (g->x), lik_var = X (0), entropy = X (0);
  for (int i = 0; i < 2; i++)
    {
      rnd m = X (g->m[i]), s2 = sq (X (g->s[i])), t = X (g->theta[i]);
      prior = rnd_sub (prior, rnd_scale (0.5, rnd_add (sq (m), s2)));
      resid = rnd_sub (resid, rnd_mul (t, m));
      lik_var = rnd_add (lik_var, rnd_mul (sq (t), s2));
      entropy = rnd_add (entropy, rnd_add (rnd_scale (0.5, rnd_add (log2pi, X (1))),
                                           rnd_log (X (g->s[i]))));
    }
  rnd lik = rnd_scale (-0.5, rnd_add (rnd_add (log2pi, sq (resid)), lik_var));
  return rnd_add (rnd_add (prior, lik), entropy);
}
