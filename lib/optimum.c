/* optimum.c -- a-posteriori error radii of numerical minimisers (see optimum.h). */
#include "optimum.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <math.h>

double
optimum_min_curvature (minnd_grad grad, void *params, const gsl_vector * x,
                       double h_abs, double h_rel)
{
  size_t n = x->size;
  gsl_matrix *hs = gsl_matrix_alloc (n, n);
  gsl_vector *ev = gsl_vector_alloc (n);
  minimize_gradient_hessian (grad, params, x, h_abs, h_rel, hs);
  gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc (n);
  gsl_eigen_symm (hs, ev, w);
  double lmin = gsl_vector_min (ev);
  gsl_eigen_symm_free (w);
  gsl_vector_free (ev);
  gsl_matrix_free (hs);
  return lmin;
}

double
optimum_radius (double grad_norm, double lambda_min, double slack)
{
  return lambda_min > 0 ? slack * grad_norm / lambda_min : NAN;
}

double
optimum_error_radius (minnd_grad grad, void *params, const gsl_vector * x)
{
  double lmin = optimum_min_curvature (grad, params, x, 1e-5, 1e-5);
  gsl_vector *g = gsl_vector_alloc (x->size);
  grad (x, params, g);
  double radius = optimum_radius (gsl_blas_dnrm2 (g), lmin, 1.1);
  gsl_vector_free (g);
  return radius;
}

/* F along coordinate K of X, the others held */
typedef struct
{
  minnd_fn f;
  void *params;
  gsl_vector *x;
  size_t k;
} coordinate_slice;

static double
coordinate_slice_eval (double a, void *params)
{
  coordinate_slice *s = params;
  double keep = gsl_vector_get (s->x, s->k);
  gsl_vector_set (s->x, s->k, a);
  double f = s->f (s->x, s->params);
  gsl_vector_set (s->x, s->k, keep);
  return f;
}

double
optimum_distance_bound (minnd_fn f, void *params, const gsl_vector * x, double mu)
{
  coordinate_slice s = { f, params, gsl_vector_alloc (x->size), 0 };
  gsl_vector_memcpy (s.x, x);
  gsl_function fn = { coordinate_slice_eval, &s };
  double g2 = 0, err = 0;
  for (s.k = 0; s.k < x->size; s.k++)
    {
      double d, e;
      gsl_deriv_central (&fn, gsl_vector_get (x, s.k), 1e-3, &d, &e);
      g2 += d * d;
      err += e;
    }
  gsl_vector_free (s.x);
  return (sqrt (g2) + err) / mu;
}

minnd_result
optimum_bfgs (minnd_fn f, minnd_grad g, void *params, const gsl_vector * x0, double *radius)
{
  minnd_result r = minimize_nd_grad (f, g, params, x0, 0.1, 1e-11, 2000);
  *radius = optimum_error_radius (g, params, r.x);
  return r;
}
