/* hier_mix.c -- the chain z -> w -> x with a mixture prior (hier_mix.h). */
#include "hier_mix.h"

#include "check.h"
#include "logsumexp.h"
#include "normal.h"
#include "quad_log.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <math.h>

double
hier_mix_dec_sd (const hier_mix * m, double w)
{
  return m->s_dec * exp (m->delta * w);
}

double
hier_mix_log_lik (const hier_mix * m, double x, double w)
{
  return normal_log_pdf (x, m->alpha * w + m->beta, hier_mix_dec_sd (m, w));
}

void
hier_mix_log_joint_wz (const hier_mix * m, double w, double *lj)
{
  for (size_t k = 0; k < m->k; k++)
    lj[k] = m->lpi[k] + normal_log_pdf (w, m->mu[k], m->sd[k]);
}

double
hier_mix_log_prior (const hier_mix * m, double w)
{
  double lj[HIER_MIX_MAX_K];
  hier_mix_log_joint_wz (m, w, lj);
  return log_sum_exp (lj, m->k);
}

void
hier_mix_log_tempered_posterior (const hier_mix * m, double w, double tau, const double *zeta,
                                 double *lq)
{
  double t[HIER_MIX_MAX_K];
  hier_mix_log_joint_wz (m, w, t);
  for (size_t k = 0; k < m->k; k++)
    t[k] = tau * t[k] + zeta[k];
  double lse = log_sum_exp (t, m->k);
  for (size_t k = 0; k < m->k; k++)
    lq[k] = t[k] - lse;
}

/* p(x|w) <= 1/(√(2π) σ_θ(w)), and π_k N(w; μ_k, σ_k²) e^{-δw} = π_k
   e^{-δμ_k + δ²σ_k²/2} N(w; μ_k - δσ_k², σ_k²), so each component leaves
   out two normal tails of a shifted mean. */
double
hier_mix_outside_log_mass (const hier_mix * m, double lo, double hi)
{
  double t[HIER_MIX_MAX_K];
  for (size_t k = 0; k < m->k; k++)
    {
      double d = m->delta, s = m->sd[k], c = m->mu[k] - d * s * s;
      t[k] = m->lpi[k] - d * m->mu[k] + d * d * s * s / 2
        + log (gsl_cdf_ugaussian_Q ((hi - c) / s) + gsl_cdf_ugaussian_P ((lo - c) / s));
    }
  return log_sum_exp (t, m->k) - log (sqrt (2 * M_PI) * m->s_dec);
}

typedef struct { const hier_mix *m; double x; } joint_at_x;

/* log p(w) + log p(x|w), PARAMS a joint_at_x */
static double
log_joint_x (double w, void *params)
{
  const joint_at_x *j = params;
  return hier_mix_log_prior (j->m, w) + hier_mix_log_lik (j->m, j->x, w);
}

/* The smallest half-integer Z from 8 (below 40) whose range, the
   components' shifted means ± Z σ_k, leaves out a mass (bounded above) below
   1e-16 of the scaled peak times the likelihood's width S: the range in
   *LO, *HI, the log of the bound returned. */
static double
evidence_range (const hier_mix * m, double shift, double s, double *lo, double *hi)
{
  double lout = INFINITY;
  for (double z = 8; lout - shift > log (1e-16 * s) && z < 40; z += 0.5)
    {
      *lo = INFINITY, *hi = -INFINITY;
      for (size_t k = 0; k < m->k; k++)
        {
          double c = m->mu[k] - m->delta * m->sd[k] * m->sd[k];
          *lo = fmin (*lo, c - z * m->sd[k]), *hi = fmax (*hi, c + z * m->sd[k]);
        }
      lout = hier_mix_outside_log_mass (m, *lo, *hi);
    }
  return lout;
}

/* The integrand is scaled by its largest value on a grid (so that it cannot
   underflow).  Its features: the K components and the likelihood's bump at
   w = (x - β)/α.  Far out the scaled integrand is e^{-600} and below, where
   exp's argument carries an absolute rounding of ~600u and so the value a
   relative noise above both rules' estimates (at x = -3.2, α = 2.4, δ =
   0.107 the rules differed by 1e-13 of 1e-270 on [18.9, 20.4], and QAGIU
   missed a bump of 1e-236 at w = 17 that CQUAD saw): so the integral (in
   finite pieces, each scaled by its own peak: lib/quad_log) stops at
   evidence_range's range, and the bound on what it leaves out joins the
   error. */
estimate
hier_mix_log_evidence (const hier_mix * m, double x)
{
  joint_at_x j = { m, x };
  double shift = -INFINITY, lo = 0, hi = 0;
  for (int i = 0; i <= 400; i++)
    shift = fmax (shift, log_joint_x (-12 + 0.06 * i, &j));
  double c = (x - m->beta) / m->alpha, s = fmin (hier_mix_dec_sd (m, c), 1) / m->alpha;
  double lout = evidence_range (m, shift, s, &lo, &hi);
  for (size_t k = 0; k < m->k; k++)
    s = fmin (s, m->sd[k]);
  quad_result r = quad_log_pieces (log_joint_x, &j, shift, lo, hi, s, "log p(x)");
  double err = r.abserr + exp (lout - shift);
  /* log of the shifted integral, within e/(v - e) (lib/estimate's est_log) */
  estimate l = est_log (est_quad ((quad_result) { r.value, err }));
  return est_quad ((quad_result) { shift + l.value, l.err });
}
