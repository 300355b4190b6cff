/* minimize.c -- GSL minimiser wrappers (see minimize.h). */
#include "minimize.h"
#include "errors.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_multimin.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

typedef struct
{
  min1d_fn f;
  void *params;
} fn1d;

static double
call1d (double x, void *p)
{
  const fn1d *w = p;
  return w->f (x, w->params);
}

/* Walk from X in direction DIR with doubling steps from E0 until f rises
   above f(x) by more than the rounding of both values (MINIMIZE_F_REL_ERR
   of each), or the walk reaches LIMIT.  There the true f exceeds the true
   f(x), so for f unimodal x* cannot lie beyond. */
static double
rise_distance (min1d_fn f, void *params, double x, double fx, double e0,
               double dir, double limit)
{
  for (double e = e0;; e *= 2)
    {
      double y = x + dir * e;
      if (dir * (y - limit) >= 0)
        return fabs (limit - x);
      double fy = f (y, params);
      if (fy - fx > MINIMIZE_F_REL_ERR * (fabs (fx) + fabs (fy)) + 2 * DBL_MIN)
        return e;
    }
}

min1d_result
minimize_1d (min1d_fn f, void *params, double lo, double guess, double hi,
             double xtol_abs, double xtol_rel, size_t max_iter)
{
  fn1d w = { f, params };
  gsl_function fn = { call1d, &w };
  min1d_result r = { guess, NAN, INFINITY, 0, 0 };
  gsl_min_fminimizer *s = gsl_min_fminimizer_alloc (gsl_min_fminimizer_brent);
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_min_fminimizer_set (s, &fn, guess, lo, hi);
  if (status != GSL_SUCCESS)
    {
      gsl_set_error_handler (old);
      gsl_min_fminimizer_free (s);
      return r;                 /* not bracketed: converged stays 0 */
    }
  while (r.iterations < max_iter)
    {
      r.iterations++;
      if (gsl_min_fminimizer_iterate (s) != GSL_SUCCESS)
        break;
      double a = gsl_min_fminimizer_x_lower (s);
      double b = gsl_min_fminimizer_x_upper (s);
      if (gsl_min_test_interval (a, b, xtol_abs, xtol_rel) == GSL_SUCCESS)
        {
          r.converged = 1;
          break;
        }
    }
  gsl_set_error_handler (old);
  r.x = gsl_min_fminimizer_x_minimum (s);
  r.f = gsl_min_fminimizer_f_minimum (s);
  /* x and x* both lie in the final bracket in exact arithmetic; but Brent's
     last comparisons fall below f's rounding, where its bracket can shrink
     past x* (tests/reference/minimize.tsv: 1 + 1e-10 (x - a)^2 converged
     with a bracket of 6e-7 at 2e-6 from x*).  So the bracket is rebuilt by
     walking outwards until f rises above its rounding (rise_distance). */
  r.x_err = gsl_min_fminimizer_x_upper (s) - gsl_min_fminimizer_x_lower (s);
  gsl_min_fminimizer_free (s);
  if (r.converged)
    {
      double e0 = fmax (r.x_err, fmax (4 * DBL_EPSILON * fabs (r.x), DBL_MIN));
      r.x_err = fmax (rise_distance (f, params, r.x, r.f, e0, -1, lo),
                      rise_distance (f, params, r.x, r.f, e0, +1, hi));
    }
  return r;
}

min1d_result
minimize_1d_grid (min1d_fn f, void *params, double lo, double hi, size_t n,
                  double xtol_abs, double xtol_rel, size_t max_iter)
{
  if (n < 3)
    die_internal ("minimize_1d_grid: need at least 3 grid points");
  double h = (hi - lo) / (double) (n - 1);
  size_t best = 1;
  double fbest = f (lo + h, params);
  for (size_t i = 2; i + 1 < n; i++)
    {
      double fi = f (lo + h * (double) i, params);
      if (fi < fbest)
        {
          fbest = fi;
          best = i;
        }
    }
  double g = lo + h * (double) best;
  return minimize_1d (f, params, g - h, g, g + h, xtol_abs, xtol_rel,
                      max_iter);
}

double
minimize_1d_resolution (double size, double f2)
{
  return sqrt (4 * DBL_EPSILON * fmax (size, DBL_MIN) / (0.5 * f2));
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  minnd_fn f;
  minnd_grad g;
  void *params;
} fnnd;

static double
callnd (const gsl_vector * x, void *p)
{
  const fnnd *w = p;
  return w->f (x, w->params);
}

static void
callnd_df (const gsl_vector * x, void *p, gsl_vector * g)
{
  const fnnd *w = p;
  w->g (x, w->params, g);
}

static void
callnd_fdf (const gsl_vector * x, void *p, double *f, gsl_vector * g)
{
  *f = callnd (x, p);
  callnd_df (x, p, g);
}

minnd_result
minimize_nd (minnd_fn f, void *params, const gsl_vector * x0, double step,
             double size_tol, size_t max_iter)
{
  size_t n = x0->size;
  fnnd w = { f, NULL, params };
  gsl_multimin_function fn = { callnd, n, &w };
  gsl_vector *steps = gsl_vector_alloc (n);
  gsl_vector_set_all (steps, step);
  gsl_multimin_fminimizer *s =
    gsl_multimin_fminimizer_alloc (gsl_multimin_fminimizer_nmsimplex2, n);
  gsl_multimin_fminimizer_set (s, &fn, x0, steps);
  minnd_result r = { gsl_vector_alloc (n), NAN, NAN, 0, 0 };
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  while (r.iterations < max_iter)
    {
      r.iterations++;
      if (gsl_multimin_fminimizer_iterate (s) != GSL_SUCCESS)
        break;
      r.size = gsl_multimin_fminimizer_size (s);
      if (gsl_multimin_test_size (r.size, size_tol) == GSL_SUCCESS)
        {
          r.converged = 1;
          break;
        }
    }
  gsl_set_error_handler (old);
  gsl_vector_memcpy (r.x, gsl_multimin_fminimizer_x (s));
  r.f = gsl_multimin_fminimizer_minimum (s);
  gsl_multimin_fminimizer_free (s);
  gsl_vector_free (steps);
  return r;
}

minnd_result
minimize_nd_grad (minnd_fn f, minnd_grad g, void *params,
                  const gsl_vector * x0, double step, double grad_tol,
                  size_t max_iter)
{
  size_t n = x0->size;
  fnnd w = { f, g, params };
  gsl_multimin_function_fdf fn = { callnd, callnd_df, callnd_fdf, n, &w };
  gsl_multimin_fdfminimizer *s =
    gsl_multimin_fdfminimizer_alloc (gsl_multimin_fdfminimizer_vector_bfgs2,
                                     n);
  gsl_multimin_fdfminimizer_set (s, &fn, x0, step, 0.1);
  minnd_result r = { gsl_vector_alloc (n), NAN, NAN, 0, 0 };
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  while (r.iterations < max_iter)
    {
      r.iterations++;
      int status = gsl_multimin_fdfminimizer_iterate (s);
      const gsl_vector *grad = gsl_multimin_fdfminimizer_gradient (s);
      r.size = gsl_blas_dnrm2 (grad);
      if (gsl_multimin_test_gradient (grad, grad_tol) == GSL_SUCCESS)
        {
          r.converged = 1;
          break;
        }
      if (status != GSL_SUCCESS)
        break;                  /* no progress possible */
    }
  gsl_set_error_handler (old);
  gsl_vector_memcpy (r.x, gsl_multimin_fdfminimizer_x (s));
  r.f = gsl_multimin_fdfminimizer_minimum (s);
  gsl_multimin_fdfminimizer_free (s);
  return r;
}

void
minimize_result_free (minnd_result * r)
{
  gsl_vector_free (r->x);
  r->x = NULL;
}

/* ----------------------------------------------------------------------
 * Suprema of concave functions with honest error bounds
 * ---------------------------------------------------------------------- */

typedef struct
{
  concave_fn g;
  void *params;
} negated;

static double
negated_objective (double x, void *p)
{
  const negated *n = p;
  double rounding;
  return -n->g (x, n->params, &rounding);
}

/* Walk from X in direction DIR with doubling steps from E0 until g falls
   below g(x) by more than the rounding of both values, or the walk reaches
   LIMIT.  Beyond that point the true g is below g(x) <= g(x*), so by
   concavity x* cannot lie there.  (Brent's own last bracket may have
   shrunk past x*: its final comparisons are below rounding.) */
static double
descent_distance (concave_fn g, void *params, double x, double gx,
                  double rx, double e0, double dir, double limit)
{
  for (double e = e0;; e *= 2)
    {
      double y = x + dir * e, ry;
      if (dir * (y - limit) >= 0)
        return fabs (limit - x);
      double gy = g (y, params, &ry);
      if (gy + ry < gx - rx)
        return e;
    }
}

/* The supremum of a concave G over the range of GRID: Brent from the best
   interior grid point, then honest bounds.  x* lies in [x - dl, x + dh]
   (descent_distance); g lies below the secants through the ends of that
   bracket and x, which bounds sup g - g(x); rounding d of the three values
   moves that bound by at most d (1 + 2 max(dh/dl, dl/dh)). */
concave_max
maximize_concave_1d (concave_fn g, void *params, const double *grid, size_t n,
             double xtol_abs, double xtol_rel)
{
  size_t best = 1;
  double fbest = -INFINITY, rx;
  for (size_t i = 1; i + 1 < n; i++)
    {
      double v = g (grid[i], params, &rx);
      if (v > fbest)
        {
          fbest = v;
          best = i;
        }
    }
  negated w = { g, params };
  min1d_result m = minimize_1d (negated_objective, &w, grid[best - 1],
                                grid[best], grid[best + 1], xtol_abs,
                                xtol_rel, 500);
  if (!m.converged)
    die_runtime ("Brent did not converge on [%g, %g]", grid[best - 1],
                 grid[best + 1]);
  double gx = g (m.x, params, &rx);
  double e0 = fmax (m.x_err, fmax (4 * DBL_EPSILON * fabs (m.x), DBL_MIN));
  double dl = descent_distance (g, params, m.x, gx, rx, e0, -1, grid[best - 1]);
  double dh = descent_distance (g, params, m.x, gx, rx, e0, +1, grid[best + 1]);
  double rl, rh;
  double gl = g (m.x - dl, params, &rl), gh = g (m.x + dh, params, &rh);
  double gap = fmax (fmax ((gx - gl) / dl, 0.0) * dh,
                     fmax (-(gh - gx) / dh, 0.0) * dl);
  double d = fmax (rx, fmax (rl, rh));
  concave_max s = { m.x, fmax (dl, dh), gx,
    gap + d * (1 + 2 * fmax (dh / dl, dl / dh))
  };
  return s;
}

concave_max
maximize_concave_1d_range (concave_fn g, void *params, double lo, double hi, size_t n,
                           double xtol_abs, double xtol_rel)
{
  if (n < 3 || !(lo < hi))
    die_internal ("maximize_concave_1d_range: %zu points on [%g, %g]", n, lo, hi);
  double *grid = xmalloc (n * sizeof *grid);
  for (size_t i = 0; i < n; i++)
    grid[i] = lo + (hi - lo) * (double) i / (double) (n - 1);
  concave_max m = maximize_concave_1d (g, params, grid, n, xtol_abs, xtol_rel);
  free (grid);
  return m;
}

void
minimize_gradient_hessian (minnd_grad grad, void *params, const gsl_vector * x,
                           double h_abs, double h_rel, gsl_matrix * hess)
{
  size_t n = x->size;
  gsl_vector *xp = gsl_vector_alloc (n), *gp = gsl_vector_alloc (n);
  gsl_vector *gm = gsl_vector_alloc (n);
  for (size_t j = 0; j < n; j++)
    {
      double xj = gsl_vector_get (x, j), hstep = fmax (h_abs, h_rel * fabs (xj));
      gsl_vector_memcpy (xp, x);
      gsl_vector_set (xp, j, xj + hstep);
      grad (xp, params, gp);
      gsl_vector_set (xp, j, xj - hstep);
      grad (xp, params, gm);
      for (size_t i = 0; i < n; i++)
        gsl_matrix_set (hess, i, j, (gsl_vector_get (gp, i)
                                     - gsl_vector_get (gm, i)) / (2 * hstep));
    }
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < i; j++)
      {
        double m = 0.5 * (gsl_matrix_get (hess, i, j)
                          + gsl_matrix_get (hess, j, i));
        gsl_matrix_set (hess, i, j, m);
        gsl_matrix_set (hess, j, i, m);
      }
  gsl_vector_free (xp);
  gsl_vector_free (gp);
  gsl_vector_free (gm);
}

double
minimize_newton_gradient (minnd_grad grad, void *params, gsl_vector * x,
                          double grad_tol, size_t max_iter)
{
  size_t n = x->size;
  gsl_matrix *hess = gsl_matrix_alloc (n, n);
  gsl_vector *g = gsl_vector_alloc (n), *step = gsl_vector_alloc (n);
  gsl_vector *y = gsl_vector_alloc (n), *gy = gsl_vector_alloc (n);
  grad (x, params, g);
  double norm = gsl_blas_dnrm2 (g);
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  for (size_t it = 0; it < max_iter && norm >= grad_tol; it++)
    {
      minimize_gradient_hessian (grad, params, x, 1e-5, 1e-5, hess);
      if (gsl_linalg_cholesky_decomp1 (hess) != GSL_SUCCESS)
        break;                  /* not positive definite: no Newton step */
      gsl_linalg_cholesky_solve (hess, g, step);
      gsl_vector_memcpy (y, x);
      gsl_vector_sub (y, step);
      grad (y, params, gy);
      double ny = gsl_blas_dnrm2 (gy);
      if (!(ny < norm))
        break;                  /* the gradient's own rounding reached */
      gsl_vector_memcpy (x, y);
      gsl_vector_memcpy (g, gy);
      norm = ny;
    }
  gsl_set_error_handler (old);
  gsl_matrix_free (hess);
  gsl_vector_free (g);
  gsl_vector_free (step);
  gsl_vector_free (y);
  gsl_vector_free (gy);
  return norm;
}

estimate
concave_max_value (concave_max m)
{
  return est_opt (m.value, m.err);
}

estimate
concave_max_x (concave_max m)
{
  return est_opt (m.x, m.x_err);
}
