/* hier_mix_point.c -- lib/hier_mix's model, x and q(w, z|x) at a point's
   coordinates (hier_mix_point.h).  The order of operations is
   hierarchical_elbo's, whose reports depend on it. */
#include "hier_mix_point.h"

#include "discrete.h"
#include "errors.h"
#include "logsumexp.h"
#include "normal.h"

#include <math.h>

void
hier_mix_point_prepare (const point * p, void *prep)
{
  hier_mix_point *q = prep;
  hier_mix *hm = &q->hm;
  size_t n = p->d;
  if (n > HIER_MIX_MAX_K)
    die_runtime ("hier_mix_point: %zu components, more than %d", n, HIER_MIX_MAX_K);
  const double *v = p->v, *s = p->v + 2 * n, *pi = p->v + 3 * n + 8;   /* the scalars, π */
  for (size_t k = 0; k < n; k++)
    {
      hm->mu[k] = v[k], hm->sd[k] = v[n + k], q->zeta[k] = s[8 + k];
      hm->lpi[k] = log (pi[k]);
    }
  hm->k = n, hm->alpha = s[0], hm->beta = s[1], hm->s_dec = s[2], hm->delta = s[3];
  q->x = s[4], q->m = s[5], q->sq = sqrt (s[6]), q->tau = s[7];
}

estimate
hier_mix_point_log_evidence (const hier_mix_point * q)
{
  return hier_mix_log_evidence (&q->hm, q->x);
}

double
hier_mix_point_log_lik (const hier_mix_point * q, double w)
{
  return hier_mix_log_lik (&q->hm, q->x, w);
}

double
hier_mix_point_resid (const hier_mix_point * q, double w)
{
  return q->x - (q->hm.alpha * w + q->hm.beta);
}

double
hier_mix_point_log_qw (const hier_mix_point * q, double w)
{
  return normal_log_pdf (w, q->m, q->sq);
}

void
hier_mix_point_log_qz (const hier_mix_point * q, double w, double *lq)
{
  hier_mix_log_tempered_posterior (&q->hm, w, q->tau, q->zeta, lq);
}

double
hier_mix_point_kl_z_prior (const hier_mix_point * q, double w)
{
  double lq[HIER_MIX_MAX_K], pr[HIER_MIX_MAX_K], pi[HIER_MIX_MAX_K];
  hier_mix_point_log_qz (q, w, lq);
  for (size_t k = 0; k < q->hm.k; k++)
    pr[k] = exp (lq[k]), pi[k] = exp (q->hm.lpi[k]);
  return discrete_kl (pr, pi, q->hm.k);
}

double
hier_mix_point_elbo_by_gap (const hier_mix_point * q, double w)
{
  double lj[HIER_MIX_MAX_K], lq[HIER_MIX_MAX_K], kl = 0;
  hier_mix_log_joint_wz (&q->hm, w, lj);
  hier_mix_point_log_qz (q, w, lq);
  double lse = log_sum_exp (lj, q->hm.k);
  for (size_t k = 0; k < q->hm.k; k++)
    kl += exp (lq[k]) * (lq[k] - (lj[k] - lse));
  return lse + hier_mix_point_log_lik (q, w) - hier_mix_point_log_qw (q, w) - kl;
}
