/* test_minimize.c -- unit tests for lib/minimize.c.
 *
 * Every optimum is known independently: in closed form (quadratics,
 * x - log x, e^x - 2x, Rosenbrock), or from GSL's cubic solver
 * (gsl_poly_solve_cubic) for a double well, or from a linear solve (an
 * n-D quadratic).  Tolerances come from what the wrapper reports: for
 * Brent, the final bracket (which holds both the returned x and the true
 * minimiser, so |x - x*| <= 2 x_err) plus the resolution sqrt(eps |f| /
 * (f''/2)) below which no method can place a minimum in floating point; for
 * BFGS, |x - x*| <= |grad| / lambda_min(Hessian) near the minimum.  Failure
 * paths: a guess that does not bracket, an iteration budget too small, a
 * NaN objective -- each must report converged = 0. */
#include "errors.h"
#include "minimize.h"
#include "optimum.h"
#include "fixture_quad2.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_poly.h>
#include <gsl/gsl_vector.h>

/* ---------------------------------------------------------------- 1-D */

/* Absolute bracket tolerance: above the floating-point resolution of every
   minimum below (about 2e-8 where f* = 1), which a bracket cannot beat. */
#define XTOL 1e-6

/* The smallest |x - x*| that floating point can resolve near a minimum
   with value F and curvature F2: f(x*) + F2/2 d^2 must differ from f(x*) by
   more than a few ulps of f. */
static double
resolution (double f, double f2)
{
  return sqrt (4 * DBL_EPSILON * fmax (fabs (f), DBL_MIN) / (0.5 * f2));
}

static int
close_to_minimum (const min1d_result * r, double xstar, double fstar,
                  double f2, const char *name)
{
  double tol = 2 * r->x_err + resolution (fstar, f2);
  int ok = tap_ok (r->converged, "%s: converged (%zu iterations)", name,
                   r->iterations);
  ok &= tap_close (r->x, xstar, tol, "%s: x within 2 x_err + resolution", name);
  /* f(x) - f* = F2/2 (x - x*)^2 to leading order */
  ok &= tap_close (r->f, fstar, 2 * f2 * tol * tol + 4 * DBL_EPSILON * fabs (fstar),
                   "%s: f at the minimum", name);
  return ok;
}

static double
shifted_quadratic (double x, void *p)
{
  (void) p;
  return 3.0 * (x - 2.0) * (x - 2.0) + 1.0;       /* min 1 at 2, f'' = 6 */
}

static double
x_minus_log_x (double x, void *p)
{
  (void) p;
  return x - log (x);                 /* min 1 at 1, f'' = 1 */
}

static double
exp_minus_2x (double x, void *p)
{
  (void) p;
  return exp (x) - 2.0 * x;           /* min 2 - 2 log 2 at log 2, f'' = 2 */
}

static double
flat_quartic (double x, void *p)
{
  (void) p;
  return gsl_pow_4 (x + 0.5) + 0.01 * gsl_pow_2 (x + 0.5);   /* min 0 at -1/2 */
}

/* A double well tilted so that the left minimum is the global one. */
static double
double_well (double x, void *p)
{
  (void) p;
  return gsl_pow_2 (x * x - 1.0) + 0.3 * x;
}

static double
always_nan (double x, void *p)
{
  (void) x;
  (void) p;
  return NAN;
}

static double
neg_x_exp_minus_x (double x, void *p)
{
  (void) p;
  return -x * exp (-x);               /* max of x e^-x at 1: min -1/e */
}

static void
test_brent_closed_forms (void)
{
  min1d_result r;
  r = minimize_1d (shifted_quadratic, NULL, -5.0, 0.0, 10.0, XTOL, 0.0, 200);
  close_to_minimum (&r, 2.0, 1.0, 6.0, "quadratic 3(x-2)^2+1");
  r = minimize_1d (x_minus_log_x, NULL, 0.05, 3.0, 10.0, XTOL, 0.0, 200);
  close_to_minimum (&r, 1.0, 1.0, 1.0, "x - log x");
  r = minimize_1d (exp_minus_2x, NULL, -3.0, 0.0, 3.0, XTOL, 0.0, 200);
  close_to_minimum (&r, M_LN2, 2.0 - 2.0 * M_LN2, 2.0, "e^x - 2x");
  r = minimize_1d (flat_quartic, NULL, -3.0, 0.5, 2.0, XTOL, 0.0, 500);
  close_to_minimum (&r, -0.5, 0.0, 0.02, "flat quartic");
  r = minimize_1d (neg_x_exp_minus_x, NULL, 0.0, 2.0, 6.0, XTOL, 0.0, 200);
  close_to_minimum (&r, 1.0, -exp (-1.0), exp (-1.0), "maximise x e^-x by -f");
  /* a relative tolerance alone */
  r = minimize_1d (shifted_quadratic, NULL, -5.0, 0.0, 10.0, 0.0, 1e-7, 200);
  close_to_minimum (&r, 2.0, 1.0, 6.0, "quadratic, relative tolerance");
}

/* f(x) = SIZE + ½ F2 (x - 1)², rounded as it would be computed */
static double
bowl (double x, double size, double f2)
{
  return size + 0.5 * f2 * (x - 1) * (x - 1);
}

/* minimize_1d_resolution by hand (size 1, f2 2: sqrt(4 eps) = 2^-25), and
   against the rounding it describes: a bowl of that size and curvature
   rises above its minimum in floating point at the resolution, and is
   flat at a hundredth of it (the negative control: a radius 100 times
   smaller claims more than floating point can see). */
static void
test_resolution (void)
{
  tap_close (minimize_1d_resolution (1, 2), ldexp (1, -25), 0, "resolution at size 1, f2 2: 2^-25");
  const double cases[3][2] = { {1, 2}, {7.3, 0.05}, {1e4, 3} };
  for (int i = 0; i < 3; i++)
    {
      double s = cases[i][0], f2 = cases[i][1], r = minimize_1d_resolution (s, f2);
      double f0 = bowl (1, s, f2);
      tap_ok (bowl (1 + r, s, f2) > f0 && bowl (1 - r, s, f2) > f0,
              "size %g, f2 %g: the bowl rises at the resolution %.3g", s, f2, r);
      tap_ok (bowl (1 + r / 100, s, f2) == f0 && bowl (1 - r / 100, s, f2) == f0,
              "negative control: and is flat at a hundredth of it");
    }
  double floor = minimize_1d_resolution (0, 1);
  tap_ok (floor > 0 && isfinite (floor), "size 0: floored at DBL_MIN, %.3g", floor);
}

static void
test_brent_grid (void)
{
  /* stationary points of the double well: 4x^3 - 4x + 0.3 = 0 */
  double x0, x1, x2;
  int n = gsl_poly_solve_cubic (0.0, -1.0, 0.075, &x0, &x1, &x2);
  tap_ok (n == 3, "double well has three stationary points");
  double xstar = x0;                  /* the smallest root is the left minimum */
  double f2 = 12 * xstar * xstar - 4;
  min1d_result r = minimize_1d_grid (double_well, NULL, -2.0, 2.0, 41, XTOL,
                                     0.0, 200);
  close_to_minimum (&r, xstar, double_well (xstar, NULL), f2,
                    "double well, grid start (global minimum)");
  /* from a bracket around the right well Brent finds the local minimum */
  r = minimize_1d (double_well, NULL, 0.3, 1.0, 2.0, XTOL, 0.0, 200);
  close_to_minimum (&r, x2, double_well (x2, NULL), 12 * x2 * x2 - 4,
                    "double well, right bracket (local minimum)");
}

static void
test_brent_failures (void)
{
  /* guess above an endpoint: not bracketed */
  min1d_result r = minimize_1d (shifted_quadratic, NULL, 1.0, 5.0, 10.0,
                                1e-10, 0.0, 200);
  tap_ok (!r.converged, "not bracketed (f(guess) > f(lo)): converged = 0");
  tap_ok (r.iterations == 0, "not bracketed: no iterations");
  /* minimum outside the interval: monotone f on [3, 10] */
  r = minimize_1d (shifted_quadratic, NULL, 3.0, 4.0, 10.0, XTOL, 0.0, 200);
  tap_ok (!r.converged, "minimum outside [lo, hi]: converged = 0");
  r = minimize_1d (shifted_quadratic, NULL, -5.0, 0.0, 10.0, XTOL, 0.0, 3);
  tap_ok (!r.converged && r.iterations == 3,
          "budget of 3 iterations: converged = 0");
  r = minimize_1d (shifted_quadratic, NULL, -5.0, 0.0, 10.0, 1e-12, 0.0, 200);
  tap_ok (!r.converged && r.iterations == 200,
          "tolerance 1e-12 below the resolution 2e-8 at f* = 1: converged = 0");
  r = minimize_1d (always_nan, NULL, -1.0, 0.0, 1.0, XTOL, 0.0, 200);
  tap_ok (!r.converged, "NaN objective: converged = 0");
}

/* ---------------------------------------------------------------- n-D */

static double
rosenbrock (const gsl_vector * v, void *p)
{
  (void) p;
  double x = gsl_vector_get (v, 0), y = gsl_vector_get (v, 1);
  return gsl_pow_2 (1.0 - x) + 100.0 * gsl_pow_2 (y - x * x);
}

static void
rosenbrock_grad (const gsl_vector * v, void *p, gsl_vector * g)
{
  (void) p;
  double x = gsl_vector_get (v, 0), y = gsl_vector_get (v, 1);
  gsl_vector_set (g, 0, -2.0 * (1.0 - x) - 400.0 * x * (y - x * x));
  gsl_vector_set (g, 1, 200.0 * (y - x * x));
}

/* The Hessian at (1, 1) is [802 -400; -400 200]; its smaller eigenvalue
   bounds |x - x*| <= |grad| / lambda_min near the minimum. */
static double
rosenbrock_lambda_min (void)
{
  double a = 802.0, b = -400.0, c = 200.0;
  return 0.5 * (a + c) - sqrt (0.25 * (a - c) * (a - c) + b * b);
}

static double
dist_to (const gsl_vector * x, const double *xstar)
{
  double s = 0.0;
  for (size_t i = 0; i < x->size; i++)
    s += gsl_pow_2 (gsl_vector_get (x, i) - xstar[i]);
  return sqrt (s);
}

static void
test_rosenbrock (void)
{
  const double one[2] = { 1.0, 1.0 };
  double start[2] = { -1.2, 1.0 };
  gsl_vector_view x0 = gsl_vector_view_array (start, 2);

  minnd_result r = minimize_nd_grad (rosenbrock, rosenbrock_grad, NULL,
                                     &x0.vector, 0.01, 1e-6, 1000);
  double bound = 2.0 * r.size / rosenbrock_lambda_min ();
  tap_ok (r.converged, "Rosenbrock BFGS converged (%zu iterations, |g| %.2g)",
          r.iterations, r.size);
  tap_ok (dist_to (r.x, one) <= bound,
          "Rosenbrock BFGS: |x - (1,1)| = %.3g <= 2 |g| / lambda_min = %.3g",
          dist_to (r.x, one), bound);
  tap_ok (r.f >= 0.0 && r.f <= 1e-12, "Rosenbrock BFGS: f = %.3g ~ 0", r.f);
  minimize_result_free (&r);
  tap_ok (r.x == NULL, "minimize_result_free clears x");

  /* a gradient tolerance BFGS cannot reach: it must stop and say so */
  r = minimize_nd_grad (rosenbrock, rosenbrock_grad, NULL, &x0.vector, 0.01,
                        1e-14, 1000);
  tap_ok (!r.converged && r.iterations < 1000,
          "Rosenbrock BFGS asked for |g| < 1e-14 stalls (|g| %.2g): converged = 0",
          r.size);
  minimize_result_free (&r);

  /* Nelder-Mead: the simplex size is no bound on |x - x*| along the
     curved valley; near the minimum f = 1/2 d^T H d >= lambda_min/2 |d|^2
     to leading order, so |d| <= 2 sqrt(2 f / lambda_min) (a factor 2 for the
     cubic terms) */
  r = minimize_nd (rosenbrock, NULL, &x0.vector, 0.5, 1e-8, 20000);
  tap_ok (r.converged, "Rosenbrock Nelder-Mead converged (%zu iterations)",
          r.iterations);
  bound = 2.0 * sqrt (2.0 * fmax (r.f, DBL_MIN) / rosenbrock_lambda_min ());
  tap_ok (dist_to (r.x, one) <= bound,
          "Rosenbrock Nelder-Mead: |x - (1,1)| = %.3g <= 2 sqrt(2 f / lambda_min) = %.3g",
          dist_to (r.x, one), bound);
  tap_ok (r.f >= 0.0 && r.f < 1e-12, "Rosenbrock Nelder-Mead: f = %.3g ~ 0", r.f);
  minimize_result_free (&r);

  r = minimize_nd (rosenbrock, NULL, &x0.vector, 0.5, 1e-12, 10);
  tap_ok (!r.converged && r.iterations == 10,
          "Nelder-Mead with a budget of 10 iterations: converged = 0");
  minimize_result_free (&r);
}

/* f = 1/2 x^T A x - b^T x; minimiser A^-1 b by a linear solve. */
static const double QA[9] = { 4, 1, 0.5, 1, 3, -0.5, 0.5, -0.5, 2 };
static const double QB[3] = { 1, -2, 0.5 };

static double
quad3 (const gsl_vector * x, void *p)
{
  (void) p;
  double s = 0.0;
  for (size_t i = 0; i < 3; i++)
    {
      s -= QB[i] * gsl_vector_get (x, i);
      for (size_t j = 0; j < 3; j++)
        s += 0.5 * gsl_vector_get (x, i) * QA[3 * i + j] * gsl_vector_get (x, j);
    }
  return s;
}

static void
quad3_grad (const gsl_vector * x, void *p, gsl_vector * g)
{
  (void) p;
  for (size_t i = 0; i < 3; i++)
    {
      double s = -QB[i];
      for (size_t j = 0; j < 3; j++)
        s += QA[3 * i + j] * gsl_vector_get (x, j);
      gsl_vector_set (g, i, s);
    }
}

static void
test_quadratic_3d (void)
{
  double a[9], xs[3], lam[3];
  for (int i = 0; i < 9; i++)
    a[i] = QA[i];
  gsl_matrix_view am = gsl_matrix_view_array (a, 3, 3);
  gsl_vector_const_view bv = gsl_vector_const_view_array (QB, 3);
  gsl_vector_view xv = gsl_vector_view_array (xs, 3);
  gsl_linalg_cholesky_decomp1 (&am.matrix);
  gsl_linalg_cholesky_solve (&am.matrix, &bv.vector, &xv.vector);
  /* lambda_min of A from GSL's symmetric eigensolver */
  for (int i = 0; i < 9; i++)
    a[i] = QA[i];
  gsl_vector_view lv = gsl_vector_view_array (lam, 3);
  gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc (3);
  gsl_eigen_symm (&am.matrix, &lv.vector, w);
  gsl_eigen_symm_free (w);
  double lmin = gsl_vector_min (&lv.vector);

  double start[3] = { 3, 3, -3 };
  gsl_vector_view x0 = gsl_vector_view_array (start, 3);
  minnd_result r = minimize_nd_grad (quad3, quad3_grad, NULL, &x0.vector, 0.1,
                                     1e-10, 200);
  tap_ok (r.converged, "3-D quadratic BFGS converged (%zu iterations)", r.iterations);
  tap_ok (dist_to (r.x, xs) <= r.size / lmin + 1e-15,
          "3-D quadratic BFGS: |x - A^-1 b| = %.3g <= |g| / lambda_min = %.3g",
          dist_to (r.x, xs), r.size / lmin);
  minimize_result_free (&r);

  r = minimize_nd (quad3, NULL, &x0.vector, 1.0, 1e-6, 5000);
  tap_ok (r.converged, "3-D quadratic Nelder-Mead converged (%zu iterations)",
          r.iterations);
  /* on a quadratic, f - f* = 1/2 (x-x*)^T A (x-x*) >= lambda_min/2 |x-x*|^2 */
  double fstar = quad3 (&xv.vector, NULL);
  double bound = sqrt (2.0 * (fmax (r.f - fstar, 0.0) + 8 * DBL_EPSILON * fabs (fstar))
                       / lmin);
  tap_ok (dist_to (r.x, xs) <= bound,
          "3-D quadratic Nelder-Mead: |x - A^-1 b| = %.3g <= sqrt(2 (f - f*) / lambda_min) = %.3g",
          dist_to (r.x, xs), bound);
  tap_ok (bound < 1e-5, "3-D quadratic Nelder-Mead: that bound is small (%.3g)", bound);
  tap_ok (r.f >= fstar - 8 * DBL_EPSILON * fabs (fstar),
          "Nelder-Mead does not go below the true minimum");
  minimize_result_free (&r);
}


/* maximize_concave_1d: the maximiser and the supremum within the stated
   bounds, for a parabola and for 3x - e^x (maximum at log 3). */
static double
concave_parabola (double x, void *p, double *rounding)
{
  (void) p;
  double v = 2.0 - (x - 1.3) * (x - 1.3);
  *rounding = 8 * DBL_EPSILON * (2.0 + (x - 1.3) * (x - 1.3));
  return v;
}

static double
concave_exp (double x, void *p, double *rounding)
{
  (void) p;
  double v = 3 * x - exp (x);
  *rounding = 8 * DBL_EPSILON * (fabs (3 * x) + exp (x));
  return v;
}

static void
test_maximize_concave (void)
{
  double grid[41];
  for (int i = 0; i < 41; i++)
    grid[i] = -10 + 0.5 * i;
  concave_max m = maximize_concave_1d (concave_parabola, NULL, grid, 41, 1e-10, 3e-7);
  tap_ok (fabs (m.x - 1.3) <= m.x_err, "concave max: |x - 1.3| = %.2g within x_err %.2g",
          fabs (m.x - 1.3), m.x_err);
  tap_ok (fabs (m.value - 2.0) <= m.err, "concave max: sup 2 within err %.2g", m.err);
  m = maximize_concave_1d (concave_exp, NULL, grid, 41, 1e-10, 3e-7);
  double sup = 3 * log (3.0) - 3;
  tap_ok (fabs (m.x - log (3.0)) <= m.x_err, "concave max of 3x - e^x at log 3 within x_err");
  tap_ok (fabs (m.value - sup) <= m.err, "concave max of 3x - e^x = 3 log 3 - 3 within err");
  estimate v = concave_max_value (m), x = concave_max_x (m);
  tap_ok (v.value == m.value && est_bound (v) == m.err && est_se (v) == 0
          && x.value == m.x && est_bound (x) == m.x_err && est_se (x) == 0,
          "concave_max_value/_x: the supremum and maximiser, their bounds deterministic");
}

/* maximize_concave_1d_range: a parabola whose maximum 1.3 lies off the
   grid of 161 points on [-40, 40], and 3x - e^x on [-5, 5], each within
   x_err of the closed form; its grid is the hand-filled one (ends
   included), so both calls agree exactly.  Negative control: the parabola
   centred at 1.3 + 1e-4 is found farther than its x_err from 1.3. */
static double
concave_parabola_shifted (double x, void *p, double *rounding)
{
  (void) p;
  double v = 2.0 - (x - 1.3001) * (x - 1.3001);
  *rounding = 8 * DBL_EPSILON * (2.0 + (x - 1.3001) * (x - 1.3001));
  return v;
}

static void
test_maximize_concave_range (void)
{
  double grid[161];
  for (int i = 0; i < 161; i++)
    grid[i] = -40 + 0.5 * i;
  concave_max m = maximize_concave_1d_range (concave_parabola, NULL, -40, 40, 161, 1e-10, 3e-7);
  concave_max h = maximize_concave_1d (concave_parabola, NULL, grid, 161, 1e-10, 3e-7);
  tap_ok (fabs (m.x - 1.3) <= m.x_err && m.x_err < 1e-6,
          "concave max on a range: |x - 1.3| = %.2g within x_err %.2g", fabs (m.x - 1.3), m.x_err);
  tap_ok (m.x == h.x && m.x_err == h.x_err && m.value == h.value && m.err == h.err,
          "concave max on [-40, 40], 161 points = on the grid -40 + i/2 filled by hand");
  m = maximize_concave_1d_range (concave_exp, NULL, -5, 5, 21, 1e-10, 3e-7);
  tap_ok (fabs (m.x - log (3.0)) <= m.x_err && fabs (m.value - (3 * log (3.0) - 3)) <= m.err,
          "concave max of 3x - e^x on [-5, 5]: log 3 and 3 log 3 - 3 within their bounds");
  m = maximize_concave_1d_range (concave_parabola_shifted, NULL, -40, 40, 161, 1e-10, 3e-7);
  tap_ok (fabs (m.x - 1.3) > m.x_err,
          "negative control: a maximum at 1.3 + 1e-4 is told from 1.3 (|x - 1.3| = %.2g > %.2g)",
          fabs (m.x - 1.3), m.x_err);
}

/* minimize_newton_gradient on f = cosh(x - 1) + (y + 2)⁴/4 + (y + 2)²,
   strictly convex with its minimum at (1, -2): from (1.3, -1.6) Newton
   converges quadratically.  With GRAD_TOL 0 it must stop by itself where
   |∇f| no longer falls, at the minimum; on an indefinite quadratic it
   takes no step.  optimum_min_curvature (lib/optimum, the same
   differences) against the closed form at the same point. */
static void
convex_grad (const gsl_vector * x, void *p, gsl_vector * g)
{
  (void) p;
  double u = gsl_vector_get (x, 0) - 1, v = gsl_vector_get (x, 1) + 2;
  gsl_vector_set (g, 0, sinh (u));
  gsl_vector_set (g, 1, v * v * v + 2 * v);
}

static void
test_newton_gradient (void)
{
  double x[2] = { 1.3, -1.6 };
  gsl_vector_view xv = gsl_vector_view_array (x, 2);
  double gn = minimize_newton_gradient (convex_grad, NULL, &xv.vector, 1e-12, 10);
  tap_ok (gn < 1e-12 && fabs (x[0] - 1) < 1e-12 && fabs (x[1] + 2) < 1e-12,
          "Newton on the gradient: |g| %.2g at (%.15g, %.15g), minimum (1, -2)", gn, x[0], x[1]);
  x[0] = 1.3, x[1] = -1.6;
  gn = minimize_newton_gradient (convex_grad, NULL, &xv.vector, 0.0, 1000);
  tap_ok (gn < 1e-15 && fabs (x[0] - 1) < 1e-15 && fabs (x[1] + 2) < 1e-15,
          "Newton on the gradient with tolerance 0 stops at the minimum: |g| %.2g", gn);
  quad2 q = { 3.0, 1.2, -0.5, {2.0, -1.0} };
  double y[2] = { 2.3, -0.6 };
  gsl_vector_view yv = gsl_vector_view_array (y, 2);
  gn = minimize_newton_gradient (quad2_grad, &q, &yv.vector, 1e-12, 10);
  tap_ok (y[0] == 2.3 && y[1] == -0.6 && gn > 0.1, "Newton on the gradient: no step where H is indefinite");
  q.d = 0.5;
  double lmin = (q.a + q.d) / 2 - sqrt ((q.a - q.d) * (q.a - q.d) / 4 + q.b * q.b);
  tap_close (optimum_min_curvature (quad2_grad, &q, &yv.vector, 1e-5, 1e-5), lmin, 1e-8,
             "smallest Hessian eigenvalue %.6g (closed form)", lmin);
}

/* ---------------------------------------------------------------------
 * Exact optima (tests/reference/minimize.tsv, gen_minimize.py: closed
 * forms at 50 digits).  minimize_1d: where it reports convergence, the
 * minimiser lies within x_err of x*.  maximize_concave_1d: the maximiser
 * within x_err of x*, the value within err of sup g.  Each g states its
 * rounding as 8u of the sum of the magnitudes of its terms (+ 8u: the
 * absolute error of a log), more than its few operations can make.
 * --------------------------------------------------------------------- */

typedef struct
{
  const char *fn;
  double a;
} ref_fn;

static double
ref_min_fn (double x, void *params)
{
  const ref_fn *p = params;
  double a = p->a, t = x - a;
  if (!strcmp (p->fn, "quad"))
    return t * t;
  if (!strcmp (p->fn, "cosh"))
    return cosh (t) + 1;
  if (!strcmp (p->fn, "exp_lin"))
    return exp (x) - a * x;
  if (!strcmp (p->fn, "x_log_x"))
    return x * log (x) - a * x;
  if (!strcmp (p->fn, "flat"))
    return 1 + 1e-10 * t * t;
  if (!strcmp (p->fn, "quartic"))
    return t * t * t * t;
  t = (x - a) / a;              /* "big" */
  return 1 + t * t;
}

static double
ref_concave_fn (double x, void *params, double *rounding)
{
  const ref_fn *p = params;
  double a = p->a, t = x - a, v, mag;
  if (!strcmp (p->fn, "neg_quad"))
    v = -t * t, mag = t * t;
  else if (!strcmp (p->fn, "log_lin"))
    v = log (x) - a * x, mag = fabs (log (x)) + fabs (a * x) + 1;
  else if (!strcmp (p->fn, "neg_cosh"))
    v = -cosh (t), mag = cosh (t);
  else if (!strcmp (p->fn, "neg_flat"))
    v = 1 - 1e-10 * t * t, mag = 1 + 1e-10 * t * t;
  else
    {
      double l1 = x * log (x), l2 = (1 - x) * log1p (-x);
      v = -l1 - l2 + a * x, mag = fabs (l1) + fabs (l2) + fabs (a * x) + 1;
    }
  *rounding = 8 * DBL_EPSILON / 2 * mag;
  return v;
}

static void
test_reference (void)
{
  FILE *f = reftsv_open ("minimize");
  char **fl;
  size_t nf;
  int n_min = 0, refused = 0, ok_min = f != NULL, n_max = 0, ok_max = f != NULL;
  double worst_x = 0, worst_v = 0;
  while (f && (nf = reftsv_next (f, &fl)))
    {
      ref_fn p = { fl[2], nf > 3 ? strtod (fl[3], NULL) : 0 };
      if (!strcmp (fl[1], "min1d") && nf == 11)
        {
          double v[6];
          for (int i = 0; i < 6; i++)
            v[i] = strtod (fl[3 + i], NULL);
          min1d_result r = minimize_1d (ref_min_fn, &p, v[1], v[2], v[3], v[4], v[5], 500);
          if (!r.converged)
            {
              refused++;
              continue;
            }
          long double err = fabsl ((long double) r.x - strtold (fl[9], NULL));
          int c_ok = err <= r.x_err;
          if (!c_ok)
            printf ("# %s: x %.17g, want %s, error %.3Lg, x_err %.3g\n", fl[0], r.x, fl[9], err, r.x_err);
          ok_min &= c_ok;
          n_min++;
          if (r.x_err > 0)
            worst_x = fmax (worst_x, (double) (err / r.x_err));
        }
      else if (!strcmp (fl[1], "concave") && nf == 11)
        {
          double lo = strtod (fl[4], NULL), hi = strtod (fl[5], NULL);
          size_t n = strtoul (fl[6], NULL, 10);
          double grid[64];
          for (size_t i = 0; i < n && n <= 64; i++)
            grid[i] = i + 1 == n ? hi : lo + (hi - lo) * (double) i / (double) (n - 1);
          concave_max m = maximize_concave_1d (ref_concave_fn, &p, grid, n,
                                               strtod (fl[7], NULL), strtod (fl[8], NULL));
          long double ex = fabsl ((long double) m.x - strtold (fl[9], NULL));
          long double ev = fabsl ((long double) m.value - strtold (fl[10], NULL));
          int c_ok = ex <= m.x_err && ev <= m.err;
          if (!c_ok)
            printf ("# %s: x %.17g (error %.3Lg, x_err %.3g), value %.17g (error %.3Lg, err %.3g)\n",
                    fl[0], m.x, ex, m.x_err, m.value, ev, m.err);
          ok_max &= c_ok;
          n_max++;
          if (m.x_err > 0)
            worst_x = fmax (worst_x, (double) (ex / m.x_err));
          if (m.err > 0)
            worst_v = fmax (worst_v, (double) (ev / m.err));
        }
      else
        {
          printf ("# malformed case %s\n", fl[0]);
          ok_min = ok_max = 0;
        }
    }
  reftsv_close (f);
  tap_ok (ok_min && n_min > 0, "minimize.tsv: minimize_1d's x_err bounds |x - x*| on all %d "
          "converged cases (%d not converged)", n_min, refused);
  tap_ok (ok_max && n_max > 0, "minimize.tsv: maximize_concave_1d's x_err and err hold on all %d "
          "cases (worst %.2g of x_err, %.2g of err)", n_max, worst_x, worst_v);
}

/* minimize_gradient_hessian: for f(x) = x^T A x / 2 + x_0^4 / 12 the
   gradient is A x + (x_0^3 / 3) e_0, so the Hessian is A + x_0^2 e_0 e_0^T.
   Central differences of a gradient are exact for its linear part up to
   rounding, and for x_0^3/3 they add h^2/3 (h the step): the result must
   be within that plus rounding of the closed form, and symmetric, and a
   step of 1e-2 must show the h^2/3 it predicts. */
static void
hess_grad (const gsl_vector * x, void *params, gsl_vector * g)
{
  const double *a = params;
  for (size_t i = 0; i < 3; i++)
    {
      double s = 0;
      for (size_t j = 0; j < 3; j++)
        s += a[3 * i + j] * gsl_vector_get (x, j);
      gsl_vector_set (g, i, s + (i == 0 ? pow (gsl_vector_get (x, 0), 3) / 3 : 0));
    }
}

static void
test_gradient_hessian (void)
{
  double a[9] = { 4, 1, -2, 1, 3, 0.5, -2, 0.5, 5 };
  double x0[3] = { 1.5, -0.7, 2.0 };
  gsl_vector_view x = gsl_vector_view_array (x0, 3);
  gsl_matrix *h = gsl_matrix_alloc (3, 3);
  for (int k = 0; k < 2; k++)
    {
      double step = k ? 1e-2 : 1e-5;
      minimize_gradient_hessian (hess_grad, a, &x.vector, step, step, h);
      double hs = fmax (step, step * fabs (x0[0])), worst = 0, asym = 0;
      for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++)
          {
            double exact = a[3 * i + j] + (i == 0 && j == 0 ? x0[0] * x0[0] : 0)
              + (i == 0 && j == 0 ? hs * hs / 3 : 0);
            worst = fmax (worst, fabs (gsl_matrix_get (h, i, j) - exact));
            asym = fmax (asym, fabs (gsl_matrix_get (h, i, j) - gsl_matrix_get (h, j, i)));
          }
      /* rounding: each difference of gradients ~ 10 eps |g| over 2h */
      double tol = 1e-6 + 100 * DBL_EPSILON * 20 / (2 * step);
      tap_ok (worst <= tol, "minimize_gradient_hessian at step %g: within %.2g of"
              " A + x0^2 e0 e0^T + h0^2/3 (worst %.2g)", step, tol, worst);
      tap_ok (asym == 0, "minimize_gradient_hessian at step %g: symmetric", step);
    }
  gsl_matrix_free (h);
}

int
main (void)
{
  errors_set_program ("test_minimize");
  errors_install_gsl_handler ();
  test_brent_closed_forms ();
  test_brent_grid ();
  test_resolution ();
  test_brent_failures ();
  test_rosenbrock ();
  test_quadratic_3d ();
  test_maximize_concave ();
  test_maximize_concave_range ();
  test_newton_gradient ();
  test_reference ();
  test_gradient_hessian ();
  return tap_done ();
}
