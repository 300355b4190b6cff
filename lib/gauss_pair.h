/* gauss_pair.h -- two Gaussians prepared for derivation lines.
 *
 * A point of point_gaussian_pair_template (point.h) holds two Gaussians.
 * Seeds write det, inverse and trace literally; the harness's truths work
 * through Cholesky factors.  gauss_pair_prepare() makes both: the factors
 * (lib/mvn, the truth's route) and LU inverses and determinants (lib/matrix,
 * the literal route), so a seed line and its truth share no code.  The
 * sampler draws from the first Gaussian, the one expectations are under.
 *
 * Rounding of the literal route (lu_rel).  An LU inverse X of an SPD matrix
 * A of condition k has |X - A^-1| <= c_d u k |A^-1| (Higham, Accuracy and
 * Stability of Numerical Algorithms, 14.3; c_d <= 8 d^2 for partial
 * pivoting), and |A^-1| |y|^2 <= k y^T A^-1 y, so a quadratic form is off by
 * at most 8 d^2 k^2 u of itself; a log-determinant by LU by at most d^2 k u.
 * lu_rel = 16 d^2 k^2 u bounds either, relative to the terms' magnitudes. */
#ifndef HARNESS_GAUSS_PAIR_H
#define HARNESS_GAUSS_PAIR_H

#include "estimate.h"
#include "mvn.h"
#include "point.h"

typedef struct
{
  mvn *a, *b;                   /* Cholesky factors */
  gsl_matrix *inv_a, *inv_b;    /* LU inverses */
  double det_a, det_b;          /* LU determinants */
  double lu_rel;                /* relative rounding of a literal term */
} gauss_pair;

/* The derivation hooks: .prep_size = sizeof (gauss_pair), .prepare,
   .release, .sample (x ~ the first Gaussian), .x_len (d). */
void gauss_pair_prepare (const point * p, void *prep);
void gauss_pair_release (void *prep);
void gauss_pair_sample (const gsl_rng * r, const point * p, const void *prep,
                        double *x);
size_t gauss_pair_x_len (const point * p);
/* The prep hooks above and the RQMC map below as designated initialisers of
   a derivation (derivation.h); the caller adds .x_dim, its largest d. */
#define GAUSS_PAIR_HOOKS .prep_size = sizeof (gauss_pair), \
  .prepare = gauss_pair_prepare, .release = gauss_pair_release, \
  .x_len = gauss_pair_x_len, .sample = gauss_pair_sample, \
  .base_dim = gauss_pair_x_len, .transform = gauss_pair_transform
/* The sampler as a map of standard normals, x = mu_a + L_a z (for
   randomized quasi-Monte Carlo: .base_dim = gauss_pair_x_len,
   .transform = gauss_pair_transform). */
void gauss_pair_transform (const point * p, const void *prep, const double *z,
                           double *x);

/* (x - m)^T INV (x - m) and x^T INV y the literal way (M may be NULL). */
double gauss_pair_form (const gsl_matrix * inv, const double *x,
                        const double *m, size_t d);
double gauss_pair_bilinear (const gsl_matrix * inv, const double *x,
                            const double *y, size_t d);

/* log N(x) of Gaussian I (0: a, 1: b) by its Cholesky solve. */
double gauss_pair_log_pdf (const gauss_pair * g, int i, const double *x);

/* Truths, by the Cholesky route: KL(a || b) with its rounding bound;
   log a(x) - log b(x) and (x - mu_b)^T Sigma_b^-1 (x - mu_b) at a draw. */
estimate gauss_pair_kl (const point * p, const void *prep);
double gauss_pair_log_ratio (const point * p, const void *prep,
                             const double *x, double *err);
double gauss_pair_maha_b (const point * p, const void *prep, const double *x,
                          double *err);

/* The two expectations a KL is the difference of (004 eq. (1.1):
   KL(a || b) = E_a[log a] - E_a[log b]), by the Cholesky route:
   E_a[log a] = -H[a] = -d/2 (1 + log 2π) - ½ log det Σa (mvn_entropy),
   bounded by 8u (d + |log det Σa|), a few roundings of each of the two
   terms; E_a[log b] = E_a[log a] - KL(a || b), the bounds added. */
estimate gauss_pair_e_log_a (const point * p, const void *prep);
estimate gauss_pair_e_log_b (const point * p, const void *prep);

#endif
