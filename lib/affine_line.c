/* affine_line.c -- a change of variables' lines for an affine map, as
   written (see affine_line.h). */
#include "affine_line.h"
#include "estimate.h"
#include "point_affine.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <math.h>

#define DMAX AFFINE_GAUSS_DMAX
#define DD ((double) p->d)

double
affine_line_matrix (const point * p, const double *x, double *bound, int full, double power,
                    int transposed)
{
  double a[DMAX * DMAX];
  affine_gauss_matrix (p, full, point_affine_s (p), power, transposed, a);
  return affine_gauss_bilinear (x + p->d, a, x + 2 * p->d, p->d, bound);
}

double
affine_line_q0 (const point * p, const double *x, double *bound, double np, double half)
{
  double zz = affine_gauss_norm2 (x, p->d);
  double v = pow (2 * M_PI, np * DD) * exp (-half * zz * zz);
  *bound = v * expm1 (est_gamma (DD + 4) * (zz * zz + DD * 2 + 1));
  return v;
}

double
affine_line_recover (const point * p, const void *prep, const double *x, double *bound,
                     int full, double power, int transposed)
{
  const affine_gauss *pp = prep;
  double r[DMAX], a[DMAX * DMAX], delta;
  affine_gauss_residual (p, full, x, r);
  affine_gauss_matrix (p, full, pp->s_inv, power, transposed, a);       /* step: A */
  double b, v = affine_gauss_bilinear (x + p->d, a, r, p->d, &b);      /* step: uᵀ A r */
  (void) affine_gauss_exponent_rounding (p, pp, x, &delta);
  *bound = b + affine_gauss_norm1 (x + p->d, p->d) * delta;
  return v;
}

double
affine_line_density (const point * p, const void *prep, const double *x, double *bound,
                     int full, qform_kind how, int norm_kind)
{
  const affine_gauss *pp = prep;
  if (norm_kind < 0 || norm_kind > 4)
    GSL_ERROR_VAL ("affine_line_density: norm_kind is not 0, ..., 4", GSL_EINVAL, GSL_NAN);
  double r[DMAX], det[5] = { 1, sqrt (pp->det_var), sqrt (pp->det_gram), pp->det_var,
    pp->det_gram };
  affine_gauss_residual (p, full, x, r);
  return affine_gauss_density (p, pp, x, pow (2 * M_PI, -0.5 * DD) / det[norm_kind],
                               qform_affine (p, pp, r, how), bound);
}

double
affine_line_change_of_vars (const point * p, const void *prep, const double *x, double *bound,
                            double power)
{
  const affine_gauss *pp = prep;
  double det, bq;
  double e = affine_gauss_jacobian_det (p, 1, x, &det);
  double v = affine_gauss_q0 (p, prep, x, &bq) * pow (det, power);
  *bound = bq * pow (det, power) + v * 2 * (2 * DD * e / pp->s_min + pp->rel);
  return v;
}

double
affine_line_law (const point * p, const void *prep, const double *x, double *bound, int full,
                 int wrong)
{
  double g[DMAX], st[DMAX * DMAX];
  affine_gauss_map (p, full, x, g);
  const double *sig = point_affine_sigma (p);
  for (size_t i = 0; wrong && !full && i < p->d; i++)
    g[i] += (sig[i] - 1) * sig[i] * x[i];                   /* μ + σ²⊙z0 */
  if (wrong && full)                                       /* μ + Sᵀz0 */
    {
      affine_gauss_transpose (point_affine_s (p), p->d, st);
      affine_gauss_apply (point_affine_mu (p), st, x, p->d, g);
    }
  return affine_gauss_char (p, prep, full, g, bound);
}
