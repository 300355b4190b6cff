/* test_flow_check.c -- lib/flow_check.c on the harmonic oscillator.
 *
 * H = (q² + p²)/2 in d = 1.  Leapfrog is the linear map
 *   q' = (1 - ε²/2) q + ε p,  p' = -ε (1 - ε²/4) q + (1 - ε²/2) p
 * per step, with determinant 1; it is reversible, and its energy error
 * is O(ε²) at fixed trajectory length (ratio 16 per halving of ε).
 * Explicit Euler, q' = q + ε p, p' = p - ε q, has determinant 1 + ε² per
 * step, is not reversible, and its energy error is O(ε) (ratio 4). */
#include "flow_check.h"
#include "tap.h"

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>

static void
leapfrog (double eps, size_t n, const double *z, double *out, void *params)
{
  (void) params;
  double q = z[0], p = z[1];
  for (size_t i = 0; i < n; i++)
    {
      p -= 0.5 * eps * q;
      q += eps * p;
      p -= 0.5 * eps * q;
    }
  out[0] = q, out[1] = p;
}

static void
euler (double eps, size_t n, const double *z, double *out, void *params)
{
  (void) params;
  double q = z[0], p = z[1];
  for (size_t i = 0; i < n; i++)
    {
      double qn = q + eps * p;
      p -= eps * q;
      q = qn;
    }
  out[0] = q, out[1] = p;
}

static double
energy (const double *z, void *params)
{
  (void) params;
  return 0.5 * (z[0] * z[0] + z[1] * z[1]);
}

static double
det2 (const gsl_matrix * j)
{
  return gsl_matrix_get (j, 0, 0) * gsl_matrix_get (j, 1, 1)
    - gsl_matrix_get (j, 0, 1) * gsl_matrix_get (j, 1, 0);
}

int
main (void)
{
  flow lf = { leapfrog, NULL, 2 }, eu = { euler, NULL, 2 };
  double z[2] = { 0.7, -1.3 }, scale;
  double rev = flow_reversal_error (&lf, 0.1, 30, z, &scale);
  tap_ok (rev < 1e-13, "leapfrog is reversible: error %.3g", rev);
  tap_ok (scale >= 1.3 && scale < 2, "scale %.4g is the largest coordinate", scale);
  double rev_e = flow_reversal_error (&eu, 0.1, 30, z, &scale);
  tap_ok (rev_e > 0.1, "Euler is not: error %.3g", rev_e);

  gsl_matrix *j = gsl_matrix_alloc (2, 2);
  flow_jacobian (&lf, 0.1, 1, z, 1e-4, j);
  /* one step, the exact linear map */
  tap_close (gsl_matrix_get (j, 0, 0), 1 - 0.005, 1e-10, "∂q'/∂q = 1 - ε²/2");
  tap_close (gsl_matrix_get (j, 0, 1), 0.1, 1e-10, "∂q'/∂p = ε");
  tap_close (gsl_matrix_get (j, 1, 0), -0.1 * (1 - 0.0025), 1e-10, "∂p'/∂q = -ε(1 - ε²/4)");
  flow_jacobian (&lf, 0.1, 30, z, 1e-4, j);
  tap_close (det2 (j), 1, 1e-9, "leapfrog preserves volume over 30 steps");
  tap_ok (flow_growth (j) >= 1 && flow_growth (j) < 2.5, "growth %.4g of a rotation-like map",
          flow_growth (j));
  flow_jacobian (&eu, 0.1, 30, z, 1e-4, j);
  tap_close (det2 (j), pow (1.01, 30), 1e-8, "Euler's determinant (1 + ε²)^30");
  gsl_matrix_set_zero (j);
  tap_ok (flow_growth (j) == 1, "growth of the zero map is 1 (the floor)");
  gsl_matrix_free (j);

  double starts[3][2] = { {1, 0}, {0.3, -0.8}, {-1.2, 0.4} }, err[6], ratio[5];
  flow_energy_errors (&lf, energy, NULL, starts[0], 3, 2.0, 16, 6, err, ratio);
  tap_close (ratio[4], 16, 0.01, "leapfrog: error ratio per halving tends to 16 (%.5f)", ratio[4]);
  tap_ok (err[0] > err[5] && err[5] > 0, "errors fall with ε (%.3g to %.3g)", err[0], err[5]);
  flow_energy_errors (&eu, energy, NULL, starts[0], 3, 2.0, 16, 6, err, ratio);
  tap_close (ratio[4], 4, 0.05, "Euler: ratio tends to 4, first order (%.5f)", ratio[4]);
  return tap_done ();
}
