/* gauss_pair.c -- two Gaussians prepared for derivation lines (see
   gauss_pair.h). */
#include "gauss_pair.h"
#include "errors.h"
#include "matrix.h"

#include <math.h>

void
gauss_pair_prepare (const point * p, void *prep)
{
  gauss_pair *g = prep;
  size_t d = p->d;
  g->a = mvn_from_arrays (d, point_mean (p, 0), point_cov (p, 0));
  g->b = mvn_from_arrays (d, point_mean (p, 1), point_cov (p, 1));
  g->inv_a = gsl_matrix_alloc (d, d);
  g->inv_b = gsl_matrix_alloc (d, d);
  matrix_inverse (g->a->sigma, g->inv_a);
  matrix_inverse (g->b->sigma, g->inv_b);
  g->det_a = matrix_det (g->a->sigma);
  g->det_b = matrix_det (g->b->sigma);
  double k = fmax (mvn_condition (g->a), mvn_condition (g->b));
  g->lu_rel = 16.0 * (double) (d * d) * k * k * EST_U;
}

void
gauss_pair_release (void *prep)
{
  gauss_pair *g = prep;
  mvn_free (g->a);
  mvn_free (g->b);
  gsl_matrix_free (g->inv_a);
  gsl_matrix_free (g->inv_b);
}

void
gauss_pair_sample (const gsl_rng * r, const point * p, const void *prep,
                   double *x)
{
  gsl_vector_view xv = gsl_vector_view_array (x, p->d);
  mvn_sample (r, ((const gauss_pair *) prep)->a, &xv.vector);
}

void
gauss_pair_transform (const point * p, const void *prep, const double *z,
                      double *x)
{
  const mvn *a = ((const gauss_pair *) prep)->a;
  size_t d = p->d;
  for (size_t i = 0; i < d; i++)
    {
      double s = gsl_vector_get (a->mu, i);
      for (size_t j = 0; j <= i; j++)
        s += gsl_matrix_get (a->chol, i, j) * z[j];
      x[i] = s;
    }
}

size_t
gauss_pair_x_len (const point * p)
{
  return p->d;
}

/* The forms are the inner loop of every Monte Carlo KL draw (most of a
   kl_gaussians run).  Both sum (u_i a_ij) v_j over i, then j, in that
   order and with that rounding, as the seed's Σ_ij writes it; the
   rows are read in place (no bounds check per element). */
double
gauss_pair_bilinear (const gsl_matrix * inv, const double *x,
                     const double *y, size_t d)
{
  double s = 0;
  for (size_t i = 0; i < d; i++)
    {
      const double *row = inv->data + i * inv->tda;
      for (size_t j = 0; j < d; j++)
        s += x[i] * row[j] * y[j];
    }
  return s;
}

double
gauss_pair_form (const gsl_matrix * inv, const double *x, const double *m,
                 size_t d)
{
  if (!m)
    return gauss_pair_bilinear (inv, x, x, d);
  double s = 0;
  for (size_t i = 0; i < d; i++)
    {
      const double *row = inv->data + i * inv->tda;
      double ui = x[i] - m[i];
      for (size_t j = 0; j < d; j++)
        s += ui * row[j] * (x[j] - m[j]);
    }
  return s;
}

estimate
gauss_pair_kl (const point * p, const void *prep)
{
  const gauss_pair *g = prep;
  (void) p;
  double bound = mvn_kl_rounding_bound (g->a, g->b);
  if (isnan (bound))              /* mvn refuses: too ill-conditioned */
    die_runtime ("KL of two Gaussians (d = %zu): the covariances are too"
                 " ill-conditioned for a rounding bound", g->a->d);
  return est_exact (mvn_kl (g->a, g->b), bound);
}

estimate
gauss_pair_e_log_a (const point * p, const void *prep)
{
  const gauss_pair *g = prep;
  return est_exact (-mvn_entropy (g->a),
                    8 * EST_U * ((double) p->d + fabs (g->a->logdet)));
}

estimate
gauss_pair_e_log_b (const point * p, const void *prep)
{
  return est_sub (gauss_pair_e_log_a (p, prep), gauss_pair_kl (p, prep));
}

/* log N(x) of one Gaussian by its Cholesky solve. */
static double
log_pdf_at (const mvn * g, const double *x)
{
  double w[64];
  gsl_vector_const_view xv = gsl_vector_const_view_array (x, g->d);
  gsl_vector_view wv = gsl_vector_view_array (w, g->d);
  return mvn_log_pdf (g, &xv.vector, &wv.vector);
}

double
gauss_pair_log_pdf (const gauss_pair * g, int i, const double *x)
{
  return log_pdf_at (i ? g->b : g->a, x);
}

/* Rounding: a forward solve and a sum of d squares, each term exact to
   gamma_{2d}; 64 u (1 + d) of the terms' sizes bounds it generously. */
double
gauss_pair_log_ratio (const point * p, const void *prep, const double *x,
                      double *err)
{
  const gauss_pair *g = prep;
  double la = log_pdf_at (g->a, x), lb = log_pdf_at (g->b, x);
  *err = 64 * EST_U * (fabs (la) + fabs (lb)) * (1.0 + (double) p->d);
  return la - lb;
}

double
gauss_pair_maha_b (const point * p, const void *prep, const double *x,
                   double *err)
{
  const gauss_pair *g = prep;
  double d = (double) p->d;
  /* log N_b(x) = -q/2 - log det/2 - d/2 log 2 pi */
  double q = -2 * log_pdf_at (g->b, x) - g->b->logdet - d * log (2 * M_PI);
  *err = 64 * EST_U * (fabs (q) + fabs (g->b->logdet) + 2 * d) * (1 + d);
  return q;
}
