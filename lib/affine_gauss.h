/* affine_gauss.h -- an affine map of standard normals and the Gaussian it
 * induces, prepared for derivation lines.
 *
 * A point of point_affine_template (point_affine.h) holds the maps
 * g(z0) = μ + σ⊙z0 ("diag", FULL = 0) and g(z0) = μ + S z0 ("full",
 * FULL = 1), z0 ~ N(0, I_d), whose laws are N(μ, diag σ²) and N(μ, S Sᵀ).
 * Seeds write inverses and determinants literally; the truths go through
 * Cholesky factors.  affine_gauss_prepare() makes both, as gauss_pair.h
 * does for two Gaussians: LU inverses and determinants of S, S Sᵀ and
 * diag σ² (the literal route) and the two Gaussians by lib/mvn (the
 * truth's route), so a seed line and its truth share no code; beside them
 * the Jacobians by central differences of the maps themselves (the change
 * of variables' truth).  A draw is x = (z0, u, v), 3d standard normals: a
 * matrix or vector equation A = B is checked as uᵀAv = uᵀBv (uᵀa = uᵀb).
 *
 * Rounding.  A quadratic form with an LU inverse of a matrix of condition
 * k is off by at most 8 d² k² u of itself, a log-determinant by d² k u
 * (gauss_pair.h); REL = 16 d² k² u with k the largest condition number in
 * play (that of S Sᵀ or diag σ², cond(S)² and (σmax/σmin)²) bounds either,
 * relative to the magnitudes of the log-domain terms.  Forming g - μ from
 * g = μ + S z0 loses 8u(|μ| + s_max|z0|)√d, which S⁻¹ amplifies by 1/s_min
 * into z0 and 2|z0|δ + δ² into |z0|² (affine_gauss_exponent_rounding).  A
 * density V whose logarithm is off by at most b is off by at most
 * V expm1(b). */
#ifndef HARNESS_AFFINE_GAUSS_H
#define HARNESS_AFFINE_GAUSS_H

#include "estimate.h"
#include "mvn.h"
#include "point.h"

#include <gsl/gsl_rng.h>

#define AFFINE_GAUSS_DMAX 6     /* point_affine_template's dmax */

typedef struct
{
  size_t d;
  double s_inv[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];     /* by LU */
  double gram_inv[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];  /* (S Sᵀ)⁻¹ */
  double var_inv[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];   /* diag(σ²)⁻¹ */
  double det_s, det_gram, det_var;      /* |det| by LU */
  mvn *nd, *nf;                         /* N(μ, diag σ²), N(μ, S Sᵀ) */
  double rel;                           /* REL above */
  double s_min, s_max;                  /* over S's singular values and σ */
  double det_jd, det_jf;                /* |det| of the central-difference
                                           Jacobians at z0 = 0 (diag, full) */
  double jerr;                          /* their entrywise error */
  double t_d[AFFINE_GAUSS_DMAX], t_f[AFFINE_GAUSS_DMAX];  /* tᵀΣt = 1 */
} affine_gauss;

/* The derivation hooks: .prep_size = sizeof (affine_gauss), .prepare
   (P's d at most AFFINE_GAUSS_DMAX), .release (frees the two Gaussians),
   .sample (x = (z0, u, v)) and .x_len (3d). */
void affine_gauss_prepare (const point * p, void *prep);
void affine_gauss_release (void *prep);
void affine_gauss_sample (const gsl_rng * r, const point * p, const void *prep,
                          double *x);
size_t affine_gauss_x_len (const point * p);
/* ... as one initialiser of a derivation (with .x_dim = 3 AFFINE_GAUSS_DMAX) */
#define AFFINE_GAUSS_HOOKS \
  .prep_size = sizeof (affine_gauss), .prepare = affine_gauss_prepare, \
  .release = affine_gauss_release, .x_dim = 3 * AFFINE_GAUSS_DMAX, .x_len = affine_gauss_x_len, \
  .sample = affine_gauss_sample

/* The hooks of a derivation whose draw is z0 alone, x = z0 (a law's lines): d standard
   normals mapped by the identity, so the engine draws them itself and integrates by
   randomized quasi-Monte Carlo up to its dimension 10, which the 3d normals of
   (z0, u, v) pass at d > 3.  x_len and base_dim are both d. */
size_t affine_gauss_z0_len (const point * p);
void affine_gauss_z0_map (const point * p, const void *prep, const double *e, double *x);
#define AFFINE_GAUSS_Z0_HOOKS \
  .prep_size = sizeof (affine_gauss), .prepare = affine_gauss_prepare, \
  .release = affine_gauss_release, .x_dim = AFFINE_GAUSS_DMAX, .x_len = affine_gauss_z0_len, \
  .base_dim = affine_gauss_z0_len, .transform = affine_gauss_z0_map

/* g(z0) into G (d entries), and g(z0) - μ into R as g(z0) computes it. */
void affine_gauss_map (const point * p, int full, const double *z0,
                       double *g);
void affine_gauss_residual (const point * p, int full, const double *z0,
                            double *r);
/* g = μ + A z for the d x d row-major A, summed as affine_gauss_map sums μ + S z0 (a seed's
   other maps: μ + Sᵀz0, say); and the transpose of A into OUT. */
void affine_gauss_apply (const double *mu, const double *a, const double *z, size_t d,
                         double *g);
void affine_gauss_transpose (const double *a, size_t d, double *out);
/* The d x d row-major matrix of a map or of its inverse as a seed writes it, into OUT:
   diag(σ^POWER) (FULL = 0; POWER 1 the map's, -1 its inverse's), or M (FULL = 1: S, or
   affine_gauss's s_inv), transposed if TRANSPOSED.  M is not read when FULL is 0. */
void affine_gauss_matrix (const point * p, int full, const double *m, double power,
                          int transposed, double *out);
/* A Aᵀ into OUT, each entry summed over l = 0, ..., d - 1 (S Sᵀ, or Sᵀ S from Sᵀ). */
void affine_gauss_gram (const double *a, size_t d, double *out);
/* The law's covariance, diag σ² or S Sᵀ, d x d row major. */
void affine_gauss_cov (const point * p, int full, double *out);

/* J[:, j] = (g(z0 + e_j) - g(z0 - e_j)) / 2, d x d row major into JAC:
   exact for an affine map up to rounding.  Returns a bound on an entry's
   error (one bound for both maps). */
double affine_gauss_jacobian (const point * p, int full, const double *z0,
                              double *jac);
/* |det J| of that Jacobian at Z0 by LU (affine_gauss_lu) into *DET, the
   change of variables' determinant computed from the map alone; returns
   affine_gauss_jacobian's bound on an entry's error. */
double affine_gauss_jacobian_det (const point * p, int full, const double *z0,
                                  double *det);

/* Π_{i<N} σ_i of P, multiplied in order: |det ∂g/∂z0| of μ + σ⊙z0 at N = d (a seed's
   product over fewer factors at N < d); 1 at N = 0. */
double affine_gauss_sigma_prod (const point * p, size_t n);
/* ... as an exact value with its rounding bound gamma_d of itself, d = P's dimension (N <= d
   factors multiplied in order round at most d - 1 times), for a line that states it. */
estimate affine_gauss_sigma_prod_estimate (const point * p, size_t n);

/* |x|₁ and |x|₂ of the d-vector X, summed in order (the bounds' sizes), and xᵀy. */
double affine_gauss_norm1 (const double *x, size_t d);
double affine_gauss_norm2 (const double *x, size_t d);
double affine_gauss_dot (const double *x, const double *y, size_t d);
/* |det A| and A⁻¹ by LU of the d x d row-major A (lib/matrix). */
void affine_gauss_lu (const double *a, size_t d, double *inv, double *det);
/* uᵀ A v, d x d row-major A, with its rounding bound gamma_{2d} Σ |u_i A_ij
   v_j| in *BOUND. */
double affine_gauss_bilinear (const double *u, const double *a,
                              const double *v, size_t d, double *bound);

/* The rounding of |z0|² recovered from g(z0) - μ (the comment at the top);
   *DELTA (if not NULL) the bound on z0's own error. */
double affine_gauss_exponent_rounding (const point * p, const affine_gauss * g,
                                       const double *z0, double *delta);
/* NORM exp(-½ Q) at the draw Z0: its value and the bound V expm1(b), b from
   Q, NORM's log and the exponent's rounding. */
double affine_gauss_density (const point * p, const affine_gauss * g,
                             const double *z0, double norm, double q,
                             double *bound);
/* The truth N(g(z0); μ, Σ) by the law's Cholesky factor, with its bound. */
double affine_gauss_pdf (const point * p, const affine_gauss * g, int full,
                         const double *z0, double *bound);
/* The relative error of det_jd and det_jf: an entrywise error e moves
   |det J| by a relative d e / s_min to first order (Weyl), LU adds REL. */
double affine_gauss_det_rel (const point * p, const affine_gauss * g);

/* "g ~ N(μ, Σ)" through its characteristic function: cos(tᵀ(GV - μ)) for the t of the law
   (t_d, FULL = 0, or t_f) at the value GV of a map, whose mean under N(μ, Σ) is
   exp(-½ tᵀΣt) = e^{-1/2}; with its rounding bound 8 u d (1 + |tᵀ(GV - μ)|). */
double affine_gauss_char (const point * p, const affine_gauss * g, int full, const double *gv,
                          double *bound);

/* ---- truths, as derivation hooks (PREP an affine_gauss, X = (z0, u, v)) ---- */

/* N(g(z0); μ, diag σ²) and N(g(z0); μ, S Sᵀ) by affine_gauss_pdf. */
double affine_gauss_pdf_diag (const point * p, const void *prep,
                              const double *x, double *bound);
double affine_gauss_pdf_full (const point * p, const void *prep,
                              const double *x, double *bound);
/* q(z0) = Π N(z_i; 0, 1) by GSL. */
double affine_gauss_q0 (const point * p, const void *prep, const double *x,
                        double *bound);
/* uᵀ(∂g/∂z0)v, the Jacobian by central differences (affine_gauss_jacobian),
   of the diagonal and the full map. */
double affine_gauss_jacobian_diag (const point * p, const void *prep,
                                   const double *x, double *bound);
double affine_gauss_jacobian_full (const point * p, const void *prep,
                                   const double *x, double *bound);
/* uᵀz0, the draw itself. */
double affine_gauss_u_z0 (const point * p, const void *prep, const double *x,
                          double *bound);
/* |det ∂g/∂z0| of the diagonal map, and |det ∂g/∂z0|⁻¹ of either, from
   det_jd and det_jf with affine_gauss_det_rel (twice for the inverse). */
estimate affine_gauss_det_jd (const point * p, const void *prep);
estimate affine_gauss_inv_det_jd (const point * p, const void *prep);
estimate affine_gauss_inv_det_jf (const point * p, const void *prep);
/* E[cos(tᵀ(g - μ))] = e^{-1/2}, exact but for its one rounding. */
estimate affine_gauss_char_mean (const point * p, const void *prep);

/* The truths above as derivation_truth entries, each with its id (the name lines use in
   .truth) and its description (lib/derivation.h): all but the characteristic function's
   mean, and that one (a table lists them in the order it wants them reported). */
#define AFFINE_GAUSS_TRUTHS \
  {"q_gd", "N(g(z0); μ, diag σ²) through a Cholesky factor (lib/mvn)", \
   LINE_POINTWISE (affine_gauss_pdf_diag)}, \
  {"q_gf", "N(g(z0); μ, S Sᵀ) through a Cholesky factor (lib/mvn)", \
   LINE_POINTWISE (affine_gauss_pdf_full)}, \
  {"q_z0", "q(z0) = Π N(z_i; 0, 1) by GSL", LINE_POINTWISE (affine_gauss_q0)}, \
  {"jac_d", "uᵀ(∂g/∂z0)v, the Jacobian of μ + σ⊙z0 by central differences", \
   LINE_POINTWISE (affine_gauss_jacobian_diag)}, \
  {"jac_f", "uᵀ(∂g/∂z0)v, the Jacobian of μ + S z0 by central differences", \
   LINE_POINTWISE (affine_gauss_jacobian_full)}, \
  {"z0", "uᵀz0, the draw itself", LINE_POINTWISE (affine_gauss_u_z0)}, \
  {"det_d", "|det ∂g/∂z0| of μ + σ⊙z0: central differences, LU", \
   LINE_CLOSED (affine_gauss_det_jd)}, \
  {"inv_det_f", "|det ∂g/∂z0|⁻¹ of μ + S z0: central differences, LU", \
   LINE_CLOSED (affine_gauss_inv_det_jf)}
#define AFFINE_GAUSS_TRUTH_CHAR \
  {"char", "E[cos(tᵀ(g - μ))] = exp(-½ tᵀΣt) = e^{-1/2} for N(μ, Σ), tᵀΣt = 1", \
   LINE_CLOSED (affine_gauss_char_mean)}

#endif
