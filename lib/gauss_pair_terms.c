/* gauss_pair_terms.c -- the literal terms of a Gaussian-pair KL derivation
   (see gauss_pair_terms.h). */
#include "gauss_pair_terms.h"
#include "matrix.h"

#include <gsl/gsl_math.h>
#include <math.h>

gauss_pair_terms
gauss_pair_terms_literal (const point * p, const gauss_pair * pp)
{
  gauss_pair_terms t;
  size_t d = p->d;
  const double *mu0 = point_mean (p, 0), *mu1 = point_mean (p, 1);
  double delta[32];
  for (size_t i = 0; i < d; i++)
    delta[i] = mu1[i] - mu0[i];
  t.tr = matrix_trace_product (pp->inv_b, pp->a->sigma);
  t.maha = gauss_pair_form (pp->inv_b, delta, NULL, d);
  t.m1 = gauss_pair_form (pp->inv_a, mu0, NULL, d);
  t.a = gauss_pair_form (pp->inv_b, mu0, NULL, d);
  t.b = gauss_pair_form (pp->inv_b, mu1, NULL, d);
  t.c = gauss_pair_bilinear (pp->inv_b, mu1, mu0, d);
  double dd = (double) d;
  t.size = dd * log (2 * M_PI) / 2 + fabs (log (pp->det_a)) + fabs (log (pp->det_b)) + dd
    + t.tr + t.maha + t.m1 + t.a + t.b + fabs (t.c);
  return t;
}

estimate
gauss_pair_terms_exact (double v, const point * p, const gauss_pair * pp)
{
  return est_exact (v, pp->lu_rel * gauss_pair_terms_literal (p, pp).size);
}

double
gauss_pair_terms_form_split (const gauss_pair * pp, const double *x,
                             const double *m0, const double *m1, size_t d,
                             double *err)
{
  double y[32], a[32], aa = 0;
  for (size_t i = 0; i < d; i++)
    {
      y[i] = (x[i] - m0[i]) + (m0[i] - m1[i]);
      a[i] = fabs (x[i] - m0[i]) + fabs (m0[i] - m1[i]);
    }
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      aa += a[i] * fabs (gsl_matrix_get (pp->inv_b, i, j)) * a[j];
  double q = gauss_pair_form (pp->inv_b, y, NULL, d);
  *err = pp->lu_rel * q + 6 * EST_U * aa;
  return q;
}

double
gauss_pair_terms_log_pdf_expanded (const gauss_pair * pp, int i,
                                   const double *x, double power, double *err)
{
  const mvn *g = i ? pp->b : pp->a;
  const gsl_matrix *inv = i ? pp->inv_b : pp->inv_a;
  size_t d = g->d;
  double det = i ? pp->det_b : pp->det_a;
  double norm = log (pow (2 * M_PI, (double) d / 2) * pow (det, power));
  double xx = gauss_pair_form (inv, x, NULL, d);
  double mm = gauss_pair_form (inv, g->mu->data, NULL, d);
  double mx = gauss_pair_bilinear (inv, g->mu->data, x, d);
  *err = pp->lu_rel * (fabs (norm) + xx + mm + fabs (mx));
  return -norm - 0.5 * (xx + mm) + mx;
}
