/* figure_ellipse.h -- the contour ellipses of a bivariate Gaussian, as
 * gnuplot data.
 *
 * {μ + r L (cos t, sin t)}, L the Cholesky factor of Σ: the points at
 * Mahalanobis radius r.  Written by reparameterization (sampler against
 * its claimed law) and mean_field (its posterior and its mean-field fit). */
#ifndef HARNESS_FIGURE_ELLIPSE_H
#define HARNESS_FIGURE_ELLIPSE_H

#include "sbuf.h"

/* For r = 1, ..., MAX_RADIUS: 201 points "x y" (%.6f) around the ellipse
   of N(MU, COV) (COV 2 x 2 row major, positive definite), each ellipse
   followed by a blank line. */
void figure_ellipse_write (sbuf * fig, const double *mu, const double *cov,
                           int max_radius);

/* A bivariate sampler against its claimed law N(MU, COV), as data blocks
   BLOCK and BLOCK + 1 of FIG: the first FIGURE_ELLIPSE_DRAWS of the N x 2
   row-major draws XS ("%.5f %.5f"), headed "# block BLOCK: first draws of
   WHAT" and the column names COLS, then the ellipses at radius 1, 2, 3,
   headed "# block BLOCK + 1: ellipses of N(μ, LAW), radius 1, 2, 3" and
   COLS.  Both blocks end with two blank lines. */
#define FIGURE_ELLIPSE_DRAWS 2000
void figure_ellipse_sample (sbuf * fig, int block, const char *what,
                            const char *law, const char *cols,
                            const double *xs, long n, const double *mu,
                            const double *cov);

/* The gnuplot panel of figure_ellipse_sample's blocks BLOCK and BLOCK + 1,
   titled TITLE: the draws as points of colour RGB ('#AARRGGBB'), the
   ellipses as lines of style 2. */
void figure_ellipse_sample_plot (sbuf * script, const char *title, int block,
                                 const char *rgb);

#endif
