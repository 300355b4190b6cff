/* affine_gauss.c -- an affine map of standard normals and its Gaussian law
   (see affine_gauss.h). */
#include "affine_gauss.h"
#include "estimate.h"
#include "matrix.h"
#include "point_affine.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#define MU(p) point_affine_mu (p)
#define SIG(p) point_affine_sigma (p)
#define SM(p) point_affine_s (p)
#define DD ((double) p->d)

double
affine_gauss_sigma_prod (const point * p, size_t n)
{
  double s = 1;
  for (size_t i = 0; i < n; i++)
    s *= SIG (p)[i];
  return s;
}

estimate
affine_gauss_sigma_prod_estimate (const point * p, size_t n)
{
  double s = affine_gauss_sigma_prod (p, n);
  return est_exact (s, est_gamma (DD) * s);
}

double
affine_gauss_norm1 (const double *x, size_t d)
{
  double s = 0;
  for (size_t i = 0; i < d; i++)
    s += fabs (x[i]);
  return s;
}

double
affine_gauss_norm2 (const double *x, size_t d)
{
  double s = 0;
  for (size_t i = 0; i < d; i++)
    s += x[i] * x[i];
  return sqrt (s);
}

double
affine_gauss_dot (const double *x, const double *y, size_t d)
{
  double s = 0;
  for (size_t i = 0; i < d; i++)
    s += x[i] * y[i];
  return s;
}

void
affine_gauss_gram (const double *a, size_t d, double *out)
{
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      {
        double s = 0;
        for (size_t l = 0; l < d; l++)
          s += a[i * d + l] * a[j * d + l];
        out[i * d + j] = s;
      }
}

void
affine_gauss_matrix (const point * p, int full, const double *m, double power,
                     int transposed, double *out)
{
  size_t d = p->d;
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      out[i * d + j] = full ? m[transposed ? j * d + i : i * d + j]
        : (i == j) * pow (SIG (p)[i], power);
}

void
affine_gauss_cov (const point * p, int full, double *out)
{
  size_t d = p->d;
  if (full)
    affine_gauss_gram (SM (p), d, out);
  else
    for (size_t i = 0; i < d; i++)
      for (size_t j = 0; j < d; j++)
        out[i * d + j] = (i == j) * SIG (p)[i] * SIG (p)[i];
}

void
affine_gauss_lu (const double *a, size_t d, double *inv, double *det)
{
  gsl_matrix_const_view av = gsl_matrix_const_view_array (a, d, d);
  gsl_matrix_view iv = gsl_matrix_view_array (inv, d, d);
  *det = fabs (matrix_det (&av.matrix));
  matrix_inverse (&av.matrix, &iv.matrix);
}

void
affine_gauss_apply (const double *mu, const double *a, const double *z, size_t d, double *g)
{
  for (size_t i = 0; i < d; i++)
    {
      g[i] = mu[i];
      for (size_t j = 0; j < d; j++)
        g[i] += a[i * d + j] * z[j];
    }
}

void
affine_gauss_transpose (const double *a, size_t d, double *out)
{
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      out[i * d + j] = a[j * d + i];
}

void
affine_gauss_map (const point * p, int full, const double *z0, double *g)
{
  if (full)
    affine_gauss_apply (MU (p), SM (p), z0, p->d, g);
  else
    for (size_t i = 0; i < p->d; i++)
      g[i] = MU (p)[i] + SIG (p)[i] * z0[i];
}

void
affine_gauss_residual (const point * p, int full, const double *z0, double *r)
{
  affine_gauss_map (p, full, z0, r);
  for (size_t i = 0; i < p->d; i++)
    r[i] -= MU (p)[i];
}

/* Each g_i carries at most d + 1 roundings of terms of size at most
   |μ_i| + Σ_j |S_ij| (|z_j| + 1) =: m (σ_i for S_ii in the diagonal map),
   so an entry is off by at most gamma_{d+2} m (for the largest m). */
double
affine_gauss_jacobian (const point * p, int full, const double *z0,
                       double *jac)
{
  size_t d = p->d;
  double zp[AFFINE_GAUSS_DMAX], gp[AFFINE_GAUSS_DMAX], gm[AFFINE_GAUSS_DMAX];
  double m = 0;
  for (size_t j = 0; j < d; j++)
    {
      memcpy (zp, z0, d * sizeof *zp);
      zp[j] = z0[j] + 1;
      affine_gauss_map (p, full, zp, gp);
      zp[j] = z0[j] - 1;
      affine_gauss_map (p, full, zp, gm);
      for (size_t i = 0; i < d; i++)
        jac[i * d + j] = 0.5 * (gp[i] - gm[i]);
    }
  for (size_t i = 0; i < d; i++)
    {
      double mi = fabs (MU (p)[i]);
      for (size_t j = 0; j < d; j++)
        mi += fmax (fabs (SM (p)[i * d + j]), i == j ? SIG (p)[i] : 0)
          * (fabs (z0[j]) + 1);
      m = fmax (m, mi);
    }
  return est_gamma (DD + 2) * m;
}

double
affine_gauss_jacobian_det (const point * p, int full, const double *z0,
                           double *det)
{
  double jac[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];
  double scratch[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];
  double e = affine_gauss_jacobian (p, full, z0, jac);
  affine_gauss_lu (jac, p->d, scratch, det);
  return e;
}

void
affine_gauss_prepare (const point * p, void *prep)
{
  affine_gauss *g = prep;
  size_t d = p->d;
  double var[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];
  double gram[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];
  double z[AFFINE_GAUSS_DMAX] = { 0 };
  g->d = d;
  affine_gauss_cov (p, 0, var);
  affine_gauss_cov (p, 1, gram);
  affine_gauss_lu (SM (p), d, g->s_inv, &g->det_s);
  affine_gauss_lu (gram, d, g->gram_inv, &g->det_gram);
  affine_gauss_lu (var, d, g->var_inv, &g->det_var);
  g->jerr = affine_gauss_jacobian_det (p, 0, z, &g->det_jd);
  g->jerr = fmax (g->jerr, affine_gauss_jacobian_det (p, 1, z, &g->det_jf));
  g->nd = mvn_from_arrays (d, MU (p), var);
  g->nf = mvn_from_arrays (d, MU (p), gram);
  point_affine_singular_range (SM (p), d, &g->s_min, &g->s_max);
  for (size_t i = 0; i < d; i++)
    {
      g->s_min = fmin (g->s_min, SIG (p)[i]);
      g->s_max = fmax (g->s_max, SIG (p)[i]);
    }
  double k = gsl_pow_2 (g->s_max / g->s_min);
  g->rel = 16 * DD * DD * k * k * EST_U;
  for (size_t i = 0; i < d; i++)        /* tᵀ Σ t = 1 for both Gaussians */
    {
      g->t_d[i] = 1 / (SIG (p)[i] * sqrt (DD));
      g->t_f[i] = 0;
      for (size_t j = 0; j < d; j++)
        g->t_f[i] += g->s_inv[j * d + i] / sqrt (DD);
    }
}

void
affine_gauss_release (void *prep)
{
  affine_gauss *g = prep;
  mvn_free (g->nd);
  mvn_free (g->nf);
}

void
affine_gauss_sample (const gsl_rng * r, const point * p, const void *prep,
                     double *x)
{
  (void) prep;
  for (size_t i = 0; i < 3 * p->d; i++)
    x[i] = gsl_ran_gaussian_ziggurat (r, 1.0);
}

size_t
affine_gauss_x_len (const point * p)
{
  return 3 * p->d;
}

size_t
affine_gauss_z0_len (const point * p)
{
  return p->d;
}

void
affine_gauss_z0_map (const point * p, const void *prep, const double *e, double *x)
{
  (void) prep;
  memcpy (x, e, p->d * sizeof *x);
}

double
affine_gauss_bilinear (const double *u, const double *a, const double *v,
                       size_t d, double *bound)
{
  double s = 0, abs = 0;
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      {
        s += u[i] * a[i * d + j] * v[j];
        abs += fabs (u[i] * a[i * d + j] * v[j]);
      }
  *bound = est_gamma (2.0 * (double) d) * abs;
  return s;
}

double
affine_gauss_exponent_rounding (const point * p, const affine_gauss * g,
                                const double *z0, double *delta)
{
  double z = affine_gauss_norm2 (z0, p->d);
  double dl = 8 * EST_U * (affine_gauss_norm2 (MU (p), p->d) + g->s_max * z) * sqrt (DD)
    / g->s_min + g->rel * z;
  if (delta)
    *delta = dl;
  return 2 * z * dl + dl * dl;
}

double
affine_gauss_density (const point * p, const affine_gauss * g,
                      const double *z0, double norm, double q, double *bound)
{
  double v = norm * exp (-0.5 * q);
  double b = g->rel * (fabs (log (norm)) + q + DD + 1)
    + affine_gauss_exponent_rounding (p, g, z0, NULL);
  *bound = v * expm1 (b);
  return v;
}

double
affine_gauss_pdf (const point * p, const affine_gauss * g, int full,
                  const double *z0, double *bound)
{
  double x[AFFINE_GAUSS_DMAX], w[AFFINE_GAUSS_DMAX];
  affine_gauss_map (p, full, z0, x);
  gsl_vector_view xv = gsl_vector_view_array (x, p->d);
  gsl_vector_view wv = gsl_vector_view_array (w, p->d);
  double l = mvn_log_pdf (full ? g->nf : g->nd, &xv.vector, &wv.vector);
  double v = exp (l);
  *bound = v * expm1 (g->rel * (fabs (l) + DD + 1)
                      + affine_gauss_exponent_rounding (p, g, z0, NULL));
  return v;
}

double
affine_gauss_det_rel (const point * p, const affine_gauss * g)
{
  return 2 * DD * g->jerr / g->s_min + g->rel;
}

double
affine_gauss_pdf_diag (const point * p, const void *prep, const double *x,
                       double *bound)
{
  return affine_gauss_pdf (p, prep, 0, x, bound);
}

double
affine_gauss_pdf_full (const point * p, const void *prep, const double *x,
                       double *bound)
{
  return affine_gauss_pdf (p, prep, 1, x, bound);
}

/* d products of values within a few ulps */
double
affine_gauss_q0 (const point * p, const void *prep, const double *x,
                 double *bound)
{
  (void) prep;
  double v = 1;
  for (size_t i = 0; i < p->d; i++)
    v *= gsl_ran_ugaussian_pdf (x[i]);
  double z = affine_gauss_norm2 (x, p->d);
  *bound = est_gamma (4 * DD + 4 * (1 + z * z)) * v;
  return v;
}

static double
jacobian_form (const point * p, int full, const double *x, double *bound)
{
  double jac[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];
  const double *u = x + p->d, *v = x + 2 * p->d;
  double e = affine_gauss_jacobian (p, full, x, jac);
  double s = affine_gauss_bilinear (u, jac, v, p->d, bound);
  *bound += e * affine_gauss_norm1 (u, p->d) * affine_gauss_norm1 (v, p->d);
  return s;
}

double
affine_gauss_jacobian_diag (const point * p, const void *prep,
                            const double *x, double *bound)
{
  (void) prep;
  return jacobian_form (p, 0, x, bound);
}

double
affine_gauss_jacobian_full (const point * p, const void *prep,
                            const double *x, double *bound)
{
  (void) prep;
  return jacobian_form (p, 1, x, bound);
}

double
affine_gauss_u_z0 (const point * p, const void *prep, const double *x,
                   double *bound)
{
  (void) prep;
  double s = 0, abs = 0;
  for (size_t i = 0; i < p->d; i++)
    {
      s += x[p->d + i] * x[i];
      abs += fabs (x[p->d + i] * x[i]);
    }
  *bound = est_gamma (DD) * abs;
  return s;
}

estimate
affine_gauss_det_jd (const point * p, const void *prep)
{
  const affine_gauss *g = prep;
  return est_exact (g->det_jd, affine_gauss_det_rel (p, g) * g->det_jd);
}

estimate
affine_gauss_inv_det_jd (const point * p, const void *prep)
{
  const affine_gauss *g = prep;
  return est_exact (1 / g->det_jd, 2 * affine_gauss_det_rel (p, g) / g->det_jd);
}

estimate
affine_gauss_inv_det_jf (const point * p, const void *prep)
{
  const affine_gauss *g = prep;
  return est_exact (1 / g->det_jf, 2 * affine_gauss_det_rel (p, g) / g->det_jf);
}

double
affine_gauss_char (const point * p, const affine_gauss * g, int full, const double *gv,
                   double *bound)
{
  double s = 0;
  for (size_t i = 0; i < p->d; i++)
    s += (full ? g->t_f : g->t_d)[i] * (gv[i] - MU (p)[i]);
  *bound = 8 * EST_U * DD * (1 + fabs (s));
  return cos (s);
}

estimate
affine_gauss_char_mean (const point * p, const void *prep)
{
  (void) p, (void) prep;
  return est_exact (exp (-0.5), EST_U);
}
