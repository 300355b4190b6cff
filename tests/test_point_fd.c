/* test_point_fd.c -- lib/point_fd: c·∇F of a closed form of a point's
 * coordinates against the derivative by hand.
 *
 * F(v) = v0² v1 + 3 v2 - exp(v3) at a point of four coordinates: along
 * c = (0.5, -2) over coordinates (1, 3), c·∇F = 0.5 v0² + 2 exp(v3); over
 * (0, 2) with c = (1, 1), 2 v0 v1 + 3.  The estimate is deterministic
 * (no SE), its bound covers the actual error and is small (below 1e-8 of
 * the value), a zero weight skips its coordinate, and SUM_TERMS adds
 * SUM_TERMS · u |value| to the bound. */
#include "point_fd.h"
#include "tap.h"

#include <math.h>

static double
f_test (const gsl_vector * v, void *params)
{
  (void) params;
  double a = gsl_vector_get (v, 0), b = gsl_vector_get (v, 1);
  return a * a * b + 3 * gsl_vector_get (v, 2) - exp (gsl_vector_get (v, 3));
}

int
main (void)
{
  point p = { .n = 4, .v = { 1.3, -0.7, 2.0, 0.4 } };
  static const double c1[2] = { 0.5, -2 }, c2[2] = { 1, 1 }, c0[2] = { 0, 1 };
  static const int at1[2] = { 1, 3 }, at2[2] = { 0, 2 };
  double want1 = 0.5 * 1.3 * 1.3 + 2 * exp (0.4), want2 = 2 * 1.3 * -0.7 + 3;
  estimate e = point_fd_along (f_test, NULL, &p, c1, at1, 2, NULL, 2);
  tap_ok (est_se (e) == 0, "deterministic: no standard error");
  tap_ok (fabs (e.value - want1) <= est_bound (e), "c·∇F over (v1, v3) within its bound"
          " (|error| %.3g, bound %.3g)", fabs (e.value - want1), est_bound (e));
  tap_ok (est_bound (e) < 1e-8 * fabs (want1), "and the bound is small (%.3g)", est_bound (e));
  e = point_fd_along (f_test, NULL, &p, c2, at2, 2, NULL, 2);
  tap_ok (fabs (e.value - want2) <= est_bound (e) && est_bound (e) < 1e-8,
          "c·∇F over (v0, v2) = 2 v0 v1 + 3 within its bound (%.3g)", est_bound (e));
  e = point_fd_along (f_test, NULL, &p, c0, at2, 2, NULL, 2);
  tap_close (e.value, 3, est_bound (e), "a zero weight skips its coordinate: ∂F/∂v2 = 3");
  estimate e1 = point_fd_along (f_test, NULL, &p, c1, at1, 2, NULL, 1);
  estimate e9 = point_fd_along (f_test, NULL, &p, c1, at1, 2, NULL, 9);
  double u_value = EST_U * fabs (e1.value);
  tap_close (est_bound (e9) - est_bound (e1), 8 * u_value, 1e-3 * u_value,
             "each term of the sum charged u |value|");
  return tap_done ();
}
