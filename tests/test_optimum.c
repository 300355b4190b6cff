/* test_optimum.c -- lib/optimum: the Hessian's smallest eigenvalue and the
 * error radius of a minimiser.
 *
 * Independent references: for f = 1/2 x^T A x - b^T x with A = [[a, c],
 * [c, d]], lambda_min = (a + d)/2 - sqrt(((a - d)/2)^2 + c^2) in closed
 * form, and central differences of the exact gradient A x - b are exact
 * up to rounding; for f = sum_j cosh(x_j) + x_j^2 the Hessian is
 * diag(cosh(x_j) + 2), differences within O(h^2).  The radius:
 * at x = x* + delta, |x - x*| = |A^-1 grad| <= |grad| / lambda_min, with
 * equality along the eigenvector of lambda_min. */
#include "optimum.h"
#include "fixture_quad2.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <math.h>

static const double A[2][2] = { {3.0, 1.2}, {1.2, 0.8} }, B[2] = { 0.5, -1 };

static void
quad_grad (const gsl_vector * x, void *p, gsl_vector * g)
{
  const double (*a)[2] = p;
  for (int i = 0; i < 2; i++)
    gsl_vector_set (g, i, a[i][0] * gsl_vector_get (x, 0)
                    + a[i][1] * gsl_vector_get (x, 1) - B[i]);
}

static void
cosh_grad (const gsl_vector * x, void *p, gsl_vector * g)
{
  (void) p;
  for (size_t j = 0; j < x->size; j++)
    gsl_vector_set (g, j, sinh (gsl_vector_get (x, j)) + 2 * gsl_vector_get (x, j));
}

static void
saddle_grad (const gsl_vector * x, void *p, gsl_vector * g)
{
  (void) p;
  gsl_vector_set (g, 0, 2 * gsl_vector_get (x, 0));
  gsl_vector_set (g, 1, -2 * gsl_vector_get (x, 1));
}

/* optimum_error_radius on f = ½ (x - c)ᵀ A (x - c) with A = [[a, b], [b, d]]:
   the gradient A (x - c) is linear, so the differenced Hessian is A up to
   rounding, and the radius is 1.1 ‖A (x - c)‖ / λ_min with λ_min =
   (a + d)/2 - sqrt(((a - d)/2)² + b²) in closed form; it must cover the
   true distance ‖x - c‖ (‖A⁻¹ g‖ <= ‖g‖ / λ_min).  An indefinite A has no
   radius.  The fixture is tests/fixture_quad2.h. */

static void
test_error_radius (void)
{
  quad2 q = { 3.0, 1.2, 0.5, {2.0, -1.0} };
  double x[2] = { 2.3, -0.6 };
  gsl_vector_view xv = gsl_vector_view_array (x, 2);
  double u = x[0] - q.c[0], v = x[1] - q.c[1];
  double lmin = (q.a + q.d) / 2 - sqrt ((q.a - q.d) * (q.a - q.d) / 4 + q.b * q.b);
  double want = 1.1 * hypot (q.a * u + q.b * v, q.b * u + q.d * v) / lmin;
  double r = optimum_error_radius (quad2_grad, &q, &xv.vector);
  tap_close (r, want, 1e-6 * want, "error radius = 1.1 |g| / lambda_min (closed form %.6g)", want);
  tap_ok (r >= hypot (u, v), "error radius %.3g covers the distance %.3g", r, hypot (u, v));
  q.d = -0.5;
  tap_ok (isnan (optimum_error_radius (quad2_grad, &q, &xv.vector)),
          "error radius: an indefinite Hessian has none (NaN)");
}

/* optimum_distance_bound (was test_minimize_distance.c) on a quadratic whose
   minimiser is known: the bound covers the distance and is not vacuous. */
/* F(x) = ½ (x - a)ᵀ H (x - a), H = [[2, 0.5], [0.5, 1]] (eigenvalues
   1.5 ± √0.5 > 0.79), a = (1, -2) */
static double
quadratic (const gsl_vector * x, void *params)
{
  (void) params;
  double d0 = gsl_vector_get (x, 0) - 1, d1 = gsl_vector_get (x, 1) + 2;
  return 0.5 * (2 * d0 * d0 + 2 * 0.5 * d0 * d1 + d1 * d1);
}

static void
test_distance_bound (void)
{
  const double mu = 1.5 - sqrt (0.5);
  const double pts[][2] = { {1, -2}, {1.1, -2}, {0.5, -1.7}, {3, 2}, {1 + 1e-6, -2 - 1e-6} };
  gsl_vector *x = gsl_vector_alloc (2);
  for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++)
    {
      gsl_vector_set (x, 0, pts[i][0]);
      gsl_vector_set (x, 1, pts[i][1]);
      double dist = hypot (pts[i][0] - 1, pts[i][1] + 2);
      double b = optimum_distance_bound (quadratic, NULL, x, mu);
      tap_ok (dist <= b && b <= 3 * dist + 1e-8, "at (%g, %g): distance %.3g <= bound %.3g"
              " <= 3 distance + 1e-8", pts[i][0], pts[i][1], dist, b);
    }
  tap_ok (gsl_vector_get (x, 0) == 1 + 1e-6, "x is left as it was");
  gsl_vector_free (x);
}

/* optimum_bfgs on the fixture from (0, 0): at the known minimum c, within its radius */
static double
quad2_f (const gsl_vector * x, void *p)
{
  const quad2 *q = p;
  double u = gsl_vector_get (x, 0) - q->c[0], v = gsl_vector_get (x, 1) - q->c[1];
  return 0.5 * (q->a * u * u + 2 * q->b * u * v + q->d * v * v);
}

static void
test_bfgs (void)
{
  quad2 q = { 3.0, 1.2, 0.8, {2.0, -1.0} };
  gsl_vector *x0 = gsl_vector_calloc (2);
  double radius;
  minnd_result r = optimum_bfgs (quad2_f, quad2_grad, &q, x0, &radius);
  double dist = hypot (gsl_vector_get (r.x, 0) - 2, gsl_vector_get (r.x, 1) + 1);
  tap_ok (dist <= radius && radius < 1e-9, "bfgs: at the minimum within its radius (%.3g <= %.3g)",
          dist, radius);
  minimize_result_free (&r);
  gsl_vector_free (x0);
}

int
main (void)
{
  double a = A[0][0], c = A[0][1], d = A[1][1];
  double lmin = (a + d) / 2 - sqrt ((a - d) * (a - d) / 4 + c * c);
  double det = a * d - c * c, xs[2] = { (d * B[0] - c * B[1]) / det, (a * B[1] - c * B[0]) / det };
  /* differences of a gradient of size |g| lose 2 u |g| / (2h) */
  const double at[][2] = { {0, 0}, {40, -3}, {1e3, 1e3} };
  for (int i = 0; i < 3; i++)
    {
      gsl_vector_const_view x = gsl_vector_const_view_array (at[i], 2);
      double g = 4.2 * fmax (1, fmax (fabs (at[i][0]), fabs (at[i][1])));
      double h_rel = 1e-5 * fmax (1, fmax (fabs (at[i][0]), fabs (at[i][1])));
      tap_close (optimum_min_curvature (quad_grad, (void *) A, &x.vector, 1e-5, 0), lmin,
                 1e-12 + 8 * DBL_EPSILON * g / 1e-5, "quadratic: lambda_min at (%g, %g),"
                 " fixed step", at[i][0], at[i][1]);
      tap_close (optimum_min_curvature (quad_grad, (void *) A, &x.vector, 1e-5, 1e-5), lmin,
                 1e-12 + 8 * DBL_EPSILON * g / h_rel, "quadratic: lambda_min at (%g, %g),"
                 " relative step", at[i][0], at[i][1]);
    }
  /* the radius covers |x - x*| for displacements in many directions, and
     is attained along the eigenvector of lambda_min, (c, lambda_min - a) */
  int covered = 1;
  gsl_vector *g = gsl_vector_alloc (2);
  for (int k = 0; k < 36; k++)
    {
      double t = 2 * M_PI * k / 36, x[2] = { xs[0] + 1e-3 * cos (t), xs[1] + 1e-3 * sin (t) };
      gsl_vector_view xv = gsl_vector_view_array (x, 2);
      quad_grad (&xv.vector, (void *) A, g);
      covered &= optimum_radius (gsl_blas_dnrm2 (g), lmin, 1.0) >= 1e-3 * (1 - 1e-9);
    }
  tap_ok (covered, "quadratic: |grad|/lambda_min >= |x - x*| in 36 directions");
  double e[2] = { c, lmin - a }, en = hypot (e[0], e[1]);
  double x[2] = { xs[0] + 1e-3 * e[0] / en, xs[1] + 1e-3 * e[1] / en };
  gsl_vector_view xv = gsl_vector_view_array (x, 2);
  quad_grad (&xv.vector, (void *) A, g);
  tap_close (optimum_radius (gsl_blas_dnrm2 (g), lmin, 1.0), 1e-3, 1e-12,
             "quadratic: attained along the eigenvector of lambda_min");
  gsl_vector_free (g);

  const double pt[3] = { -0.7, 0.2, 1.9 };
  gsl_vector_const_view x3 = gsl_vector_const_view_array (pt, 3);
  double want = cosh (0.2) + 2;
  tap_close (optimum_min_curvature (cosh_grad, NULL, &x3.vector, 1e-5, 0), want, 1e-8,
             "cosh: lambda_min = cosh(0.2) + 2 (differences within O(h^2))");

  gsl_vector *z = gsl_vector_calloc (2);
  double ls = optimum_min_curvature (saddle_grad, NULL, z, 1e-5, 0);
  tap_close (ls, -2, 1e-9, "saddle: lambda_min = -2");
  tap_ok (isnan (optimum_radius (1e-3, ls, 2)), "saddle: no radius (NaN)");
  tap_ok (isnan (optimum_radius (1e-3, 0, 2)), "flat: no radius (NaN)");
  tap_close (optimum_radius (1e-3, 4, 2), 5e-4, 1e-18, "radius = slack |grad| / lambda_min");
  gsl_vector_free (z);
  test_error_radius ();
  test_distance_bound ();
  test_bfgs ();
  return tap_done ();
}
