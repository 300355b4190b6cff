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

#endif
