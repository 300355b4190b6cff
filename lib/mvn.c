/* mvn.c -- multivariate Gaussians through a Cholesky factor (see mvn.h). */
#include "mvn.h"
#include "errors.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_randist.h>
#include <math.h>

mvn *
mvn_alloc (size_t d)
{
  if (d == 0)
    die_internal ("mvn_alloc: dimension 0");
  mvn *g = xmalloc (sizeof *g);
  g->d = d;
  g->mu = gsl_vector_calloc (d);
  g->sigma = gsl_matrix_calloc (d, d);
  g->chol = gsl_matrix_calloc (d, d);
  g->logdet = 0.0;
  return g;
}

void
mvn_free (mvn * g)
{
  if (!g)
    return;
  gsl_vector_free (g->mu);
  gsl_matrix_free (g->sigma);
  gsl_matrix_free (g->chol);
  free (g);
}

static int
is_symmetric (const gsl_matrix * m)
{
  for (size_t i = 0; i < m->size1; i++)
    for (size_t j = 0; j < i; j++)
      {
        double a = gsl_matrix_get (m, i, j), b = gsl_matrix_get (m, j, i);
        if (fabs (a - b) > 8 * DBL_EPSILON * (fabs (a) + fabs (b)))
          return 0;
      }
  return 1;
}

int
mvn_set (mvn * g, const gsl_vector * mu, const gsl_matrix * sigma)
{
  if (mu->size != g->d || sigma->size1 != g->d || sigma->size2 != g->d)
    die_internal ("mvn_set: dimension mismatch");
  if (!is_symmetric (sigma))
    return GSL_EDOM;
  gsl_vector_memcpy (g->mu, mu);
  gsl_matrix_memcpy (g->sigma, sigma);
  gsl_matrix_memcpy (g->chol, sigma);
  /* A covariance that is not positive definite is a caller's data problem,
     not a crash: silence GSL's handler for this one call. */
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_linalg_cholesky_decomp1 (g->chol);
  gsl_set_error_handler (old);
  if (status != GSL_SUCCESS)
    return GSL_EDOM;
  /* decomp1 leaves L^T in the upper triangle; keep L alone, so that the
     factor can be used as a full matrix (e.g. in dtrsm on another L). */
  for (size_t i = 0; i < g->d; i++)
    for (size_t j = i + 1; j < g->d; j++)
      gsl_matrix_set (g->chol, i, j, 0.0);
  double logdet = 0.0;
  for (size_t i = 0; i < g->d; i++)
    {
      double lii = gsl_matrix_get (g->chol, i, i);
      if (!(lii > 0.0) || !isfinite (lii))
        return GSL_EDOM;
      logdet += log (lii);
    }
  g->logdet = 2.0 * logdet;
  return GSL_SUCCESS;
}

mvn *
mvn_from_arrays (size_t d, const double *mu, const double *sigma)
{
  gsl_vector_const_view m = gsl_vector_const_view_array (mu, d);
  gsl_matrix_const_view s = gsl_matrix_const_view_array (sigma, d, d);
  mvn *g = mvn_alloc (d);
  if (mvn_set (g, &m.vector, &s.matrix) != GSL_SUCCESS)
    die_runtime ("a covariance (d = %zu) is not positive definite in"
                 " floating point", d);
  return g;
}

double
mvn_log_pdf (const mvn * g, const gsl_vector * x, gsl_vector * work)
{
  /* compute: work = L^{-1} (x - mu) */
  gsl_vector_memcpy (work, x);
  gsl_vector_sub (work, g->mu);
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, g->chol, work);
  double q;
  gsl_blas_ddot (work, work, &q);
  return -0.5 * q - 0.5 * g->logdet - 0.5 * (double) g->d * log (2 * M_PI);
}

void
mvn_sample (const gsl_rng * r, const mvn * g, gsl_vector * x)
{
  for (size_t i = 0; i < g->d; i++)
    gsl_vector_set (x, i, gsl_ran_gaussian_ziggurat (r, 1.0));
  /* compute: x = mu + L z */
  gsl_blas_dtrmv (CblasLower, CblasNoTrans, CblasNonUnit, g->chol, x);
  gsl_vector_add (x, g->mu);
}

double
mvn_entropy (const mvn * g)
{
  return 0.5 * (double) g->d * (1.0 + log (2 * M_PI)) + 0.5 * g->logdet;
}

void
mvn_kl_parts (const mvn * p, const mvn * q, mvn_kl_terms * t)
{
  size_t d = p->d;
  if (q->d != d)
    die_internal ("mvn_kl: dimension mismatch");
  /* compute: M = Lq^{-1} Lp, so tr(Sq^-1 Sp) = ||M||_F^2 */
  gsl_matrix *m = gsl_matrix_alloc (d, d);
  gsl_matrix_memcpy (m, p->chol);
  gsl_blas_dtrsm (CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, 1.0,
                  q->chol, m);
  double tr = 0.0;
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j <= i; j++)     /* M is lower triangular */
      tr += gsl_matrix_get (m, i, j) * gsl_matrix_get (m, i, j);
  gsl_matrix_free (m);
  /* compute: v = Lq^{-1} (mq - mp) */
  gsl_vector *v = gsl_vector_alloc (d);
  gsl_vector_memcpy (v, q->mu);
  gsl_vector_sub (v, p->mu);
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, q->chol, v);
  double maha;
  gsl_blas_ddot (v, v, &maha);
  gsl_vector_free (v);
  t->trace = tr;
  t->mahalanobis = maha;
  t->logdet_p = p->logdet;
  t->logdet_q = q->logdet;
  t->d = (double) d;
}

double
mvn_kl (const mvn * p, const mvn * q)
{
  mvn_kl_terms t;
  mvn_kl_parts (p, q, &t);
  return 0.5 * (t.trace + t.mahalanobis - t.d + t.logdet_q - t.logdet_p);
}

double
mvn_kl_rounding_bound (const mvn * p, const mvn * q)
{
  mvn_kl_terms t;
  mvn_kl_parts (p, q, &t);
  double size = fabs (t.trace) + fabs (t.mahalanobis) + t.d
    + fabs (t.logdet_q) + fabs (t.logdet_p);
  /* Triangular solves lose about cond(L) = sqrt(cond(Sigma)) relative digits
     per entry; the sum is over d^2 entries. */
  double cond = fmax (mvn_condition (q), mvn_condition (p));
  return 16.0 * DBL_EPSILON * t.d * t.d * sqrt (cond) * size;
}

double
mvn_condition (const mvn * g)
{
  size_t d = g->d;
  gsl_matrix *a = gsl_matrix_alloc (d, d);
  gsl_vector *eval = gsl_vector_alloc (d);
  gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc (d);
  gsl_matrix_memcpy (a, g->sigma);
  gsl_eigen_symm (a, eval, w);
  double lo = gsl_vector_min (eval), hi = gsl_vector_max (eval);
  gsl_eigen_symm_free (w);
  gsl_vector_free (eval);
  gsl_matrix_free (a);
  return hi / lo;
}

/* A Haar-distributed orthogonal matrix: QR of a standard Gaussian matrix,
   with the signs of R's diagonal moved into Q (Mezzadri 2007). */
static void
random_orthogonal (const gsl_rng * r, gsl_matrix * q)
{
  size_t d = q->size1;
  gsl_matrix *a = gsl_matrix_alloc (d, d);
  gsl_matrix *rr = gsl_matrix_alloc (d, d);
  gsl_vector *tau = gsl_vector_alloc (d);
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      gsl_matrix_set (a, i, j, gsl_ran_gaussian (r, 1.0));
  gsl_linalg_QR_decomp (a, tau);
  gsl_linalg_QR_unpack (a, tau, q, rr);
  for (size_t j = 0; j < d; j++)
    if (gsl_matrix_get (rr, j, j) < 0)
      {
        gsl_vector_view col = gsl_matrix_column (q, j);
        gsl_vector_scale (&col.vector, -1.0);
      }
  gsl_vector_free (tau);
  gsl_matrix_free (rr);
  gsl_matrix_free (a);
}

void
spd_random (const gsl_rng * r, double scale, double cond, gsl_matrix * out)
{
  size_t d = out->size1;
  gsl_matrix *q = gsl_matrix_alloc (d, d);
  gsl_vector *lambda = gsl_vector_alloc (d);
  random_orthogonal (r, q);
  for (size_t i = 0; i < d; i++)
    {
      double frac = d > 1 ? (double) i / (double) (d - 1) : 0.0;
      gsl_vector_set (lambda, i, scale * pow (cond, frac));
    }
  gsl_ran_shuffle (r, lambda->data, d, sizeof (double));
  /* compute: out = Q diag(lambda) Q^T, then symmetrise exactly */
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j <= i; j++)
      {
        double s = 0.0;
        for (size_t k = 0; k < d; k++)
          s += gsl_matrix_get (q, i, k) * gsl_vector_get (lambda, k)
            * gsl_matrix_get (q, j, k);
        gsl_matrix_set (out, i, j, s);
        gsl_matrix_set (out, j, i, s);
      }
  gsl_vector_free (lambda);
  gsl_matrix_free (q);
}

/* The kernel is written with plain loops over the factors' storage: for
   d <= 20 the per-call overhead of CBLAS (dtrmv, dtrsv on vector views)
   dominated the arithmetic -- 2.9 million draws per second in d = 10
   against 5.2 million with these loops (make bench). */
#define KL_MC_MAX_D 256

void
mvn_kl_mc (const gsl_rng * r, const mvn * p, const mvn * q, size_t pairs,
           mc_acc * acc)
{
  size_t d = p->d;
  if (q->d != d || d > KL_MC_MAX_D)
    die_internal ("mvn_kl_mc: dimension %zu", d);
  double z[KL_MC_MAX_D], y[KL_MC_MAX_D], u[KL_MC_MAX_D], v[KL_MC_MAX_D];
  double c[KL_MC_MAX_D];
  const double *lp = p->chol->data, *lq = q->chol->data;
  size_t tp = p->chol->tda, tq = q->chol->tda;
  for (size_t i = 0; i < d; i++)
    c[i] = gsl_vector_get (p->mu, i) - gsl_vector_get (q->mu, i);
  double half_logdet = 0.5 * (q->logdet - p->logdet);
  for (size_t k = 0; k < pairs; k++)
    {
      double zz = 0.0, uu = 0.0, vv = 0.0;
      for (size_t i = 0; i < d; i++)
        {
          z[i] = gsl_ran_gaussian_ziggurat (r, 1.0);
          zz += z[i] * z[i];
        }
      /* compute: y = L_p z */
      for (size_t i = 0; i < d; i++)
        {
          double s = 0.0;
          for (size_t j = 0; j <= i; j++)
            s += lp[i * tp + j] * z[j];
          y[i] = s;
        }
      /* compute: u = L_q^{-1} (x+ - mu_q), v = L_q^{-1} (x- - mu_q) */
      for (size_t i = 0; i < d; i++)
        {
          const double *row = lq + i * tq;
          double su = c[i] + y[i], sv = c[i] - y[i];
          for (size_t j = 0; j < i; j++)
            {
              su -= row[j] * u[j];
              sv -= row[j] * v[j];
            }
          u[i] = su / row[i];
          v[i] = sv / row[i];
          uu += u[i] * u[i];
          vv += v[i] * v[i];
        }
      /* log p - log q at x+ and x-, averaged */
      mc_add (acc, 0.25 * (uu + vv) - 0.5 * zz + half_logdet);
    }
}
