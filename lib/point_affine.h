/* point_affine.h -- a point kind: an affine map of standard normals.
 *
 * The maps g(z0) = μ + σ⊙z0 and g(z0) = μ + S z0 of a reparameterization,
 * z0 ~ N(0, I_d): v = μ (d), σ (d, positive), S (d x d, row major,
 * non-singular with condition number at most the kind's cond_max).
 * Drawn μ ~ N(0, I), log σ ~ N(0, 0.6²), S with N(0, 1) entries redrawn
 * until well conditioned; printed "d = 2, μ = (..), σ = (..), S = ((..), (..))";
 * shrunk to a smaller d (the leading block), S = I, S diagonal, μ = 0,
 * σ = 1, then rounder numbers one entry at a time. */
#ifndef HARNESS_POINT_AFFINE_H
#define HARNESS_POINT_AFFINE_H

#include "point.h"

/* dmin = 1, dmax = 6, cond_max = 100: copy it to change them. */
extern const point_kind point_affine_template;

/* One point of dimension D whose S has condition number at most COND_MAX, drawn into P by
   the template's generator (a harness check at one fixed d, the K = 2 of a figure say). */
void point_affine_draw_fixed (const gsl_rng * r, size_t d, double cond_max, point * p);

const double *point_affine_mu (const point * p);
const double *point_affine_sigma (const point * p);
const double *point_affine_s (const point * p);

/* The largest and smallest singular value of the d x d row-major matrix A
   (gsl_linalg_SV_decomp); both 0 if the decomposition fails. */
void point_affine_singular_range (const double *a, size_t d, double *lo,
                                  double *hi);

#endif
