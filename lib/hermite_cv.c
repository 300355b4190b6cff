/* hermite_cv.c -- control variates from Hermite polynomials (hermite_cv.h). */
#include "hermite_cv.h"
#include "errors.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

#define U (DBL_EPSILON / 2)     /* the unit roundoff */

struct hcv_pilot
{
  size_t sides, m, n;           /* sides, controls, draws */
  double c[HCV_MAX], cc[HCV_MAX * HCV_MAX];     /* sum c, sum c c' (upper) */
  double h[HCV_SIDES_MAX], hh[HCV_SIDES_MAX], ch[HCV_SIDES_MAX][HCV_MAX];
  int factored;                 /* 1: L and the inverse's diagonal, -1: singular */
  gsl_matrix *l;                /* Cholesky factor of the covariance */
  double inv_diag[HCV_MAX];
};

/* c_{k,j} = He_j(z_k) / sqrt(j!), He_{j+1} = z He_j - j He_{j-1}.
   Rounding: each step's two operations err by at most 2u of the terms'
   absolute values, whose own recurrence is A_{j+1} = |z| A_j + j A_{j-1}
   (A_0 = 1, A_1 = |z|); the errors carried from earlier steps are bounded
   by the same A's, so |fl(He_j) - He_j| <= (4 j + 1) u A_j (twice the
   first-order 2 j u A_j for the higher-order terms, and one more rounding
   for the scaling).  A product z_i z_k errs by at most u |z_i z_k|. */
static void
hermite_terms (hcv_set * cv, double z, int degree)
{
  static const double inv_sqrt_fact[HCV_DEGREE_MAX + 1] = {
    1, 1, 0.70710678118654752, 0.40824829046386302, 0.20412414523193151
  };
  double hm = 1, h = z, am = 1, ah = fabs (z);
  for (int j = 1; j <= degree; j++)
    {
      cv->c[cv->n] = h * inv_sqrt_fact[j];
      cv->err[cv->n] = (4.0 * j + 1) * U * ah * inv_sqrt_fact[j];
      cv->n++;
      double hn = z * h - j * hm, an = fabs (z) * ah + j * am;
      hm = h, h = hn, am = ah, ah = an;
    }
}

void
hcv_eval (hcv_set * cv, const double *z, size_t d, int degree)
{
  cv->n = 0;
  if (d == 0 || d > HCV_DIM_MAX || degree < 1 || degree > HCV_DEGREE_MAX)
    return;
  for (size_t k = 0; k < d; k++)
    hermite_terms (cv, z[k], degree);
  if (degree < 2)
    return;
  for (size_t i = 0; i < d; i++)
    for (size_t k = i + 1; k < d; k++)
      {
        cv->c[cv->n] = z[i] * z[k];
        cv->err[cv->n] = U * fabs (cv->c[cv->n]);
        cv->n++;
      }
}

hcv_pilot *
hcv_pilot_alloc (size_t sides)
{
  if (sides > HCV_SIDES_MAX)
    die_internal ("hcv_pilot_alloc: %zu sides, at most %d", sides, HCV_SIDES_MAX);
  hcv_pilot *p = xcalloc (1, sizeof *p);
  p->sides = sides;
  return p;
}

void
hcv_pilot_free (hcv_pilot * p)
{
  if (!p)
    return;
  if (p->l)
    gsl_matrix_free (p->l);
  free (p);
}

void
hcv_pilot_add_controls (hcv_pilot * p, const hcv_set * cv)
{
  p->m = cv->n;
  p->n++;
  for (size_t a = 0; a < cv->n; a++)
    {
      p->c[a] += cv->c[a];
      double *row = p->cc + a * HCV_MAX, ca = cv->c[a];
      for (size_t b = a; b < cv->n; b++)
        row[b] += ca * cv->c[b];
    }
}

void
hcv_pilot_add (hcv_pilot * p, size_t side, const hcv_set * cv, double h)
{
  p->h[side] += h;
  p->hh[side] += h * h;
  for (size_t a = 0; a < cv->n; a++)
    p->ch[side][a] += h * cv->c[a];
}

/* The controls' sample covariance, its Cholesky factor and the diagonal
   of its inverse (the coefficients' variances up to the residual's),
   once for every side. */
static void
pilot_factor (hcv_pilot * p)
{
  if (p->factored)
    return;
  size_t m = p->m;
  double dn = (double) p->n;
  p->factored = -1;
  if (m == 0 || p->n <= m + 1)
    return;
  p->l = gsl_matrix_alloc (m, m);
  for (size_t a = 0; a < m; a++)
    for (size_t b = a; b < m; b++)
      {
        double v = p->cc[a * HCV_MAX + b] / dn - (p->c[a] / dn) * (p->c[b] / dn);
        gsl_matrix_set (p->l, a, b, v);
        gsl_matrix_set (p->l, b, a, v);
      }
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int st = gsl_linalg_cholesky_decomp1 (p->l);
  gsl_matrix *inv = st ? NULL : gsl_matrix_alloc (m, m);
  if (inv)
    {
      gsl_matrix_memcpy (inv, p->l);
      st = gsl_linalg_cholesky_invert (inv);
      for (size_t a = 0; !st && a < m; a++)
        p->inv_diag[a] = gsl_matrix_get (inv, a, a);
      gsl_matrix_free (inv);
    }
  gsl_set_error_handler (old);
  if (!st)
    p->factored = 1;
}

/* gamma = Cov(c)^-1 Cov(c, h); the residual variance s² = Var h -
   gamma . Cov(c, h) over n - m - 1 degrees of freedom, and the t statistic
   of gamma_j is gamma_j / sqrt(s² [Cov(c)^-1]_jj / n). */
void
hcv_pilot_fit (hcv_pilot * p, size_t side, hcv_fit * f)
{
  f->n = 0;
  pilot_factor (p);
  if (p->factored != 1)
    return;
  size_t m = p->m;
  double dn = (double) p->n, mh = p->h[side] / dn;
  gsl_vector *b = gsl_vector_alloc (m), *g = gsl_vector_alloc (m);
  for (size_t a = 0; a < m; a++)
    gsl_vector_set (b, a, p->ch[side][a] / dn - (p->c[a] / dn) * mh);
  gsl_linalg_cholesky_solve (p->l, b, g);
  double explained = 0;
  gsl_blas_ddot (g, b, &explained);
  double var_h = p->hh[side] / dn - mh * mh;
  double s2 = fmax (var_h - explained, 0) * dn / (dn - (double) m - 1);
  for (size_t a = 0; a < m; a++)
    {
      double ga = gsl_vector_get (g, a), se = sqrt (s2 * p->inv_diag[a] / dn);
      if (isfinite (ga) && isfinite (se) && fabs (ga) > HCV_KEEP_Z * se)
        {
          f->idx[f->n] = (unsigned short) a;
          f->gamma[f->n] = ga;
          f->n++;
        }
    }
  gsl_vector_free (b);
  gsl_vector_free (g);
}

/* The dot product errs by at most n u sum |gamma c| (the sum's roundings)
   plus u |gamma c| per product, and each term carries |gamma| err(c). */
double
hcv_apply (const hcv_fit * f, const hcv_set * cv, double *bound)
{
  double s = 0, sa = 0, e = 0;
  for (size_t t = 0; t < f->n; t++)
    {
      size_t j = f->idx[t];
      double gc = f->gamma[t] * cv->c[j];
      s += gc;
      sa += fabs (gc);
      e += fabs (f->gamma[t]) * cv->err[j];
    }
  *bound = e + (double) (f->n + 1) * U * sa;
  return s;
}
