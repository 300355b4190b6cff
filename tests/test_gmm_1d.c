/* test_gmm_1d.c -- gmm_alloc_1d against the mixture density summed by hand
   from GSL's normal density. */
#include "gmm.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>

int
main (void)
{
  const double w[3] = { 2, 1, 1 }, mu[3] = { -1, 0.5, 4 }, sd[3] = { 0.3, 1, 2.5 };
  gmm *g = gmm_alloc_1d (3, w, mu, sd);
  tap_ok (g->k == 3 && g->d == 1, "three components in 1-D");
  tap_close (g->weights[0], 0.5, DBL_EPSILON, "weights renormalised: 0.5");
  tap_close (g->weights[2], 0.25, DBL_EPSILON, "weights renormalised: 0.25");
  double worst = 0;
  for (double x = -5; x <= 10; x += 0.37)
    {
      double want = 0;
      for (int j = 0; j < 3; j++)
        want += w[j] / 4 * gsl_ran_gaussian_pdf (x - mu[j], sd[j]);
      worst = fmax (worst, fabs (gmm_pdf_1d (g, x) - want) / want);
    }
  tap_ok (worst < 1e-13, "density matches the sum by hand (worst relative %.3g)", worst);
  gmm_free (g);
  return tap_done ();
}
