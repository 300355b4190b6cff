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

void
figure_ellipse_sample (sbuf * fig, int block, const char *what, const char *law,
                       const char *cols, const double *xs, long n,
                       const double *mu, const double *cov)
{
  sbuf_printf (fig, "# block %d: first draws of %s\n# %s\n", block, what, cols);
  for (long t = 0; t < n && t < FIGURE_ELLIPSE_DRAWS; t++)
    sbuf_printf (fig, "%.5f %.5f\n", xs[2 * t], xs[2 * t + 1]);
  sbuf_printf (fig, "\n\n# block %d: ellipses of N(μ, %s), radius 1, 2, 3\n# %s\n",
               block + 1, law, cols);
  figure_ellipse_write (fig, mu, cov, 3);
  sbuf_append (fig, "\n");
}

void
figure_ellipse_sample_plot (sbuf * script, const char *title, int block,
                            const char *rgb)
{
  sbuf_printf (script, "set title '%s'\n"
               "plot datafile index %d using 1:2 with points pt 7 ps 0.25 lc rgb '%s'"
               " title 'samples', \\\n"
               "     '' index %d using 1:2 with lines ls 2 title 'radius 1, 2, 3'\n",
               title, block, rgb, block + 1);
}
