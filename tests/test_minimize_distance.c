/* test_minimize_distance.c -- minimize_distance_bound on quadratics whose
   minimiser is known: the bound covers the distance and is not vacuous. */
#include "minimize.h"
#include "tap.h"

#include <math.h>

/* F(x) = ½ (x - a)ᵀ H (x - a), H = [[2, 0.5], [0.5, 1]] (eigenvalues
   1.5 ± √0.5 > 0.79), a = (1, -2) */
static double
quadratic (const gsl_vector * x, void *params)
{
  (void) params;
  double d0 = gsl_vector_get (x, 0) - 1, d1 = gsl_vector_get (x, 1) + 2;
  return 0.5 * (2 * d0 * d0 + 2 * 0.5 * d0 * d1 + d1 * d1);
}

int
main (void)
{
  const double mu = 1.5 - sqrt (0.5);
  const double pts[][2] = { {1, -2}, {1.1, -2}, {0.5, -1.7}, {3, 2}, {1 + 1e-6, -2 - 1e-6} };
  gsl_vector *x = gsl_vector_alloc (2);
  for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++)
    {
      gsl_vector_set (x, 0, pts[i][0]);
      gsl_vector_set (x, 1, pts[i][1]);
      double dist = hypot (pts[i][0] - 1, pts[i][1] + 2);
      double b = minimize_distance_bound (quadratic, NULL, x, mu);
      tap_ok (dist <= b && b <= 3 * dist + 1e-8, "at (%g, %g): distance %.3g <= bound %.3g"
              " <= 3 distance + 1e-8", pts[i][0], pts[i][1], dist, b);
    }
  tap_ok (gsl_vector_get (x, 0) == 1 + 1e-6, "x is left as it was");
  gsl_vector_free (x);
  return tap_done ();
}
