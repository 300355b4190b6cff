/* iw_line.c -- the quantities of the importance-weighted seed lines at an
   iw_point (see iw_line.h). */
#include "iw_line.h"
#include "check.h"
#include "logsumexp.h"
#include "normal.h"
#include "scratch.h"

#include <math.h>

/* ---- a draw's statistics ---- */

double
iw_line_mean_scaled (const iw_point * d, const double *z, double *bound)
{
  double buf[SCRATCH_STACK_MAX], sum = 0, size, kk = (double) d->k;
  double *a = scratch_doubles (buf, SCRATCH_STACK_MAX, (size_t) d->k + 1);
  iw_scaled_weights (&d->md.f, z, (size_t) d->k + 1, a, &size);
  for (int i = 0; i <= d->k; i++)
    sum += a[i];
  scratch_free (a, buf);
  *bound = (kk + 3) * EST_U * sum / (kk + 1);
  return sum / (kk + 1);
}

double
iw_line_subset_mean (const iw_point * d, const double *z, double denom, double *bound)
{
  double buf[SCRATCH_STACK_MAX], size;
  double *a = scratch_doubles (buf, SCRATCH_STACK_MAX, (size_t) d->k + 1);
  iw_scaled_weights (&d->md.f, z, (size_t) d->k + 1, a, &size);
  double v = iw_subset_mean (a, d->k, denom);
  scratch_free (a, buf);
  if (bound)
    *bound = ((double) d->k + 3) * EST_U * v;
  return v;
}

double
iw_line_log_subset_mean (const iw_point * d, const double *z, double denom,
                         double *bound)
{
  double buf[SCRATCH_STACK_MAX], size;
  double *a = scratch_doubles (buf, SCRATCH_STACK_MAX, (size_t) d->k + 1);
  double top = iw_scaled_weights (&d->md.f, z, (size_t) d->k + 1, a, &size);
  if (bound)
    *bound = (2 * (double) d->k + 12) * EST_U * (1 + size);
  double l = log (iw_subset_mean (a, d->k, denom)) + top;
  scratch_free (a, buf);
  return l;
}

double
iw_line_loo (const iw_point * d, const double *z,
             double (*loo) (const double *lw, size_t n, double *work))
{
  size_t n = (size_t) d->k + 1;
  double buf[SCRATCH_STACK_MAX], size;
  double *lw = scratch_doubles (buf, SCRATCH_STACK_MAX, 3 * n + 1);
  iw_log_weights (&d->md.f, z, n, lw, &size);
  double l = (loo ? loo : iw_loo_mean_log) (lw, n, lw + n);
  scratch_free (lw, buf);
  return l;
}

double
iw_line_mean_log_w (const iw_point * d, const double *z, double denom)
{
  double buf[SCRATCH_STACK_MAX], size, s = 0;
  double *lw = scratch_doubles (buf, SCRATCH_STACK_MAX, (size_t) d->k);
  iw_log_weights (&d->md.f, z, (size_t) d->k, lw, &size);
  for (int j = 0; j < d->k; j++)
    s += lw[j];
  scratch_free (lw, buf);
  return s / denom;
}

double
iw_line_max_log_w (const iw_point * d, const double *z)
{
  double buf[SCRATCH_STACK_MAX], size;
  double *lw = scratch_doubles (buf, SCRATCH_STACK_MAX, (size_t) d->k);
  double m = iw_log_weights (&d->md.f, z, (size_t) d->k, lw, &size);
  scratch_free (lw, buf);
  return m;
}

double
iw_line_log_mean_written (const iw_point * d, const double *z, double sd,
                          const double *log_lik)
{
  const iw_model *md = &d->md;
  size_t n = (size_t) d->k;
  if (n == 0)
    die_internal ("iw_line_log_mean_written: K = 0");
  double buf[SCRATCH_STACK_MAX];
  double *lw = scratch_doubles (buf, SCRATCH_STACK_MAX, n);
  for (size_t j = 0; j < n; j++)
    {
      double lik = log_lik ? *log_lik : normal_log_pdf (md->x, md->a * z[j], md->s);
      lw[j] = lik + normal_log_pdf (z[j], 0, 1) - normal_log_pdf (z[j], md->mu, sd);
    }
  double l = log_sum_exp (lw, n) - log ((double) d->k);
  scratch_free (lw, buf);
  return l;
}

/* ---- integrands ---- */

double
iw_line_q (const iw_point * d, double h)
{
  return exp (normal_log_pdf (h, d->md.m, sqrt (d->md.vq)));
}

double
iw_line_joint (double h, void *params)
{
  const iw_model *md = &((const iw_point *) params)->md;
  return exp (normal_log_pdf (md->x, md->a * h, md->s) + normal_log_pdf (h, 0, 1));
}

double
iw_line_q_times_ratio (double h, void *params)
{
  double qh = iw_line_q (params, h), r = iw_line_joint (h, params) / qh;
  return qh == 0 || !isfinite (r) ? iw_line_joint (h, params) : qh * r;
}

double
iw_line_q_times_w (double h, void *params)
{
  const iw_model *md = &((const iw_point *) params)->md;
  return exp (normal_log_pdf (h, md->m, sqrt (md->vq)) + iw_log_weight_at (&md->f, h, NULL));
}

double
iw_line_q_log_w (double h, void *params)
{
  const iw_point *d = params;
  return iw_line_q (d, h) * iw_log_weight_at (&d->md.f, h, NULL);
}

estimate
iw_line_integral (const iw_point * d, quad_fn f)
{
  return est_quad (iw_model_integral (&d->md, f, (void *) d));
}
