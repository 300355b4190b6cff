/* figure_ellipse.c -- contour ellipses of a bivariate Gaussian. */
#include "figure_ellipse.h"

#include <gsl/gsl_math.h>
#include <math.h>

void
figure_ellipse_write (sbuf * fig, const double *mu, const double *cov,
                      int max_radius)
{
  double l11 = sqrt (cov[0]), l21 = cov[2] / l11, l22 = sqrt (cov[3] - l21 * l21);
  for (int r = 1; r <= max_radius; r++, sbuf_append (fig, "\n"))
    for (int t = 0; t <= 200; t++)
      {
        double a = 2 * M_PI * t / 200.0, c = r * cos (a), s = r * sin (a);
        sbuf_printf (fig, "%.6f %.6f\n", mu[0] + l11 * c, mu[1] + l21 * c + l22 * s);
      }
}
