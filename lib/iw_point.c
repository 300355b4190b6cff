/* iw_point.c -- a derivation point for the importance-weighted bounds
   (see iw_point.h). */
#include "iw_point.h"
#include "check.h"

#include <math.h>

static void
prepare (const point * p, iw_point * d, int posterior)
{
  iw_model_init (&d->md, p->v[IW_POINT_A], p->v[IW_POINT_S],
                 p->v[IW_POINT_X], posterior ? 0 : p->v[IW_POINT_SHIFT],
                 posterior ? 1 : p->v[IW_POINT_C]);
  d->k = (int) p->v[IW_POINT_K];
}

void
iw_point_prepare (const point * p, void *prep)
{
  prepare (p, prep, 0);
}

void
iw_point_prepare_posterior (const point * p, void *prep)
{
  prepare (p, prep, 1);
}

size_t
iw_point_draw_len (const point * p)
{
  return (size_t) p->v[IW_POINT_K] + 1;
}

void
iw_point_map (const point * p, const void *prep, const double *e, double *z)
{
  const iw_point *d = prep;
  for (size_t i = 0; i < iw_point_draw_len (p); i++)
    z[i] = d->md.m + sqrt (d->md.vq) * e[i];
}

estimate
iw_point_log_px (const point * p, const void *prep)
{
  const iw_point *d = prep;
  (void) p;
  return est_exact (d->md.log_px, 8 * EST_U * (1 + fabs (d->md.log_px)));
}

quad_result
iw_point_gap (const iw_point * d, double k)
{
  double floor = iw_point_log_px (NULL, d).err;
  return iw_gauss_gap_cached (&d->md.g, k, IW_GAP_FOR_MC, floor);
}

static estimate
lk_at (const iw_point * d, double k)
{
  quad_result g = iw_point_gap (d, k);
  return est_quad ((quad_result) { d->md.log_px - g.value, g.abserr });
}

estimate
iw_point_lk (const point * p, const void *prep)
{
  const iw_point *d = prep;
  (void) p;
  return lk_at (d, (double) d->k);
}

estimate
iw_point_lk1 (const point * p, const void *prep)
{
  const iw_point *d = prep;
  (void) p;
  return lk_at (d, (double) d->k + 1);
}

estimate
iw_point_elbo (const point * p, const void *prep)
{
  const iw_point *d = prep;
  (void) p;
  return iw_model_elbo (&d->md);
}

estimate
iw_point_mean_of_k (const iw_point * d, estimate x, double denom)
{
  double k = (double) d->k;
  estimate s = x;
  s.value = 0;
  for (int j = 0; j < d->k; j++)
    s.value += x.value;
  s.value /= denom;
  s.err = s.err * k / denom + (k + 1) * EST_U * fabs (s.value);
  return s;
}

estimate
iw_point_log_mean_of_k_exp (const iw_point * d, double l, double rel, double denom)
{
  double v = exp (l);
  return est_log (iw_point_mean_of_k (d, est_exact (v, rel * EST_U * v), denom));
}
