/* optimum.c -- error radii of numerical minimisers (see optimum.h). */
#include "optimum.h"

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <math.h>

double
optimum_min_curvature (minnd_grad grad, void *params, const gsl_vector * x,
                       double h_abs, double h_rel)
{
  size_t n = x->size;
  gsl_matrix *hs = gsl_matrix_alloc (n, n);
  gsl_vector *y = gsl_vector_alloc (n), *gp = gsl_vector_alloc (n);
  gsl_vector *gn = gsl_vector_alloc (n), *ev = gsl_vector_alloc (n);
  for (size_t j = 0; j < n; j++)
    {
      double xj = gsl_vector_get (x, j), h = fmax (h_abs, h_rel * fabs (xj));
      gsl_vector_memcpy (y, x);
      gsl_vector_set (y, j, xj + h);
      grad (y, params, gp);
      gsl_vector_set (y, j, xj - h);
      grad (y, params, gn);
      for (size_t i = 0; i < n; i++)
        gsl_matrix_set (hs, i, j, (gsl_vector_get (gp, i)
                                   - gsl_vector_get (gn, i)) / (2 * h));
    }
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < i; j++)
      {
        double v = 0.5 * (gsl_matrix_get (hs, i, j) + gsl_matrix_get (hs, j, i));
        gsl_matrix_set (hs, i, j, v);
        gsl_matrix_set (hs, j, i, v);
      }
  gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc (n);
  gsl_eigen_symm (hs, ev, w);
  double lmin = gsl_vector_min (ev);
  gsl_eigen_symm_free (w);
  gsl_vector_free (ev);
  gsl_vector_free (gn);
  gsl_vector_free (gp);
  gsl_vector_free (y);
  gsl_matrix_free (hs);
  return lmin;
}

double
optimum_radius (double grad_norm, double lambda_min, double slack)
{
  return lambda_min > 0 ? slack * grad_norm / lambda_min : NAN;
}
