/* test_gradcheck_pair.c -- gradcheck_central_pair against exact derivatives.
 *
 * f(x) = sin(x0) e^{x1}: ∂f/∂x0 = cos(x0) e^{x1}, ∂f/∂x1 = sin(x0) e^{x1}.
 * Central differences err by f''' h²/6 + ..., so at h and h/2 the finer
 * is about 4 times closer, and |fine - coarse| bounds its error. */
#include "gradcheck.h"
#include "tap.h"

#include <gsl/gsl_vector.h>

static double
f (const gsl_vector * x, void *params)
{
  (void) params;
  return sin (gsl_vector_get (x, 0)) * exp (gsl_vector_get (x, 1));
}

int
main (void)
{
  double v[2] = { 0.7, -0.3 };
  gsl_vector_view x = gsl_vector_view_array (v, 2);
  double exact[2] = { cos (0.7) * exp (-0.3), sin (0.7) * exp (-0.3) };
  for (size_t i = 0; i < 2; i++)
    {
      double coarse, fine;
      gradcheck_central_pair (f, NULL, &x.vector, i, 1e-3, &coarse, &fine);
      double ec = fabs (coarse - exact[i]), ef = fabs (fine - exact[i]);
      tap_ok (ef <= fabs (fine - coarse), "∂f/∂x%zu: error %.3g of the finer within |fine - coarse| %.3g",
              i, ef, fabs (fine - coarse));
      tap_ok (ec > 3 * ef && ec < 5 * ef, "∂f/∂x%zu: the coarser is about 4 times further (%.3g)", i, ec / ef);
      tap_close (fine, exact[i], 1e-6, "∂f/∂x%zu close", i);
    }
  tap_ok (v[0] == 0.7 && v[1] == -0.3, "x restored");
  return tap_done ();
}
