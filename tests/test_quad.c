/* test_quad.c -- quadrature against integrals known in closed form, with
   the returned error estimate honest (|value - truth| <= abserr + ulps). */
#include "quad.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_math.h>

static double gauss (double x, void *p) { (void) p; return exp (-x * x / 2); }
static double x2gauss (double x, void *p) { (void) p; return x * x * exp (-x * x / 2); }
static double inv_sqrt (double x, void *p) { (void) p; return 1 / sqrt (x); }
static double cosine (double x, void *p) { (void) p; return cos (x); }
static double lorentz (double x, void *p) { (void) p; return 1 / (1 + x * x); }

static void
expect (quad_result q, double truth, const char *what)
{
  tap_close (q.value, truth, q.abserr + 8 * DBL_EPSILON * fabs (truth),
             "%s (within GSL's error estimate %.2g)", what, q.abserr);
}

int
main (void)
{
  expect (quad_real_line_at (gauss, NULL, 0, 1), sqrt (2 * M_PI), "∫ exp(-x²/2) = √(2π)");
  expect (quad_real_line_at (x2gauss, NULL, 0, 1), sqrt (2 * M_PI), "∫ x² exp(-x²/2) = √(2π)");
  expect (quad_real_line_at (lorentz, NULL, 0, 1), M_PI, "∫ 1/(1+x²) = π");
  expect (quad_interval (inv_sqrt, NULL, 0, 1), 2.0, "∫₀¹ x^-½ = 2 (endpoint singularity)");
  expect (quad_interval (cosine, NULL, 0, M_PI / 2), 1.0, "∫₀^{π/2} cos = 1");
  expect (quad_interval_cquad (inv_sqrt, NULL, 0, 1, 1e-12), 2.0,
          "CQUAD: ∫₀¹ x^-½ = 2");
  expect (quad_interval_cquad (cosine, NULL, 0, M_PI / 2, 1e-12), 1.0,
          "CQUAD: ∫₀^{π/2} cos = 1");
  return tap_done ();
}
