/* affine_line.h -- the lines of a change of variables for an affine map of
 * standard normals, evaluated as a seed writes them.
 *
 * A derivation of the law of g(z0) = μ + σ⊙z0 or μ + S z0 (affine_gauss.h)
 * writes the same few kinds of line: the map's matrix (its Jacobian), z0
 * recovered from g(z0) - μ, q(z0) = (2π)^{-K/2} exp(-½ z0ᵀz0), the
 * density (2π)^{-K/2} |Σ|^{-1/2} exp(-½ Q) with the exponent Q in one of
 * its forms (qform.h), eq. (1)'s q(z0) |det ∂g/∂z0|⁻¹ (Bishop, PRML 1.27
 * and 2.3), and "g(z0) ~ N(μ, Σ)" through the characteristic function at
 * one draw.  Each is one function whose arguments are the constants a
 * seed can get wrong (a power of σ, a transpose, the normaliser's
 * exponent, the square root of a determinant, the map), so that a line and
 * its mutants are one call with different arguments (LINE_FN, line_fn.h).
 * Every function is evaluated on the literal route (LU inverses and
 * determinants of affine_gauss_prepare()); the truths go through Cholesky
 * factors and share no code with these.
 *
 * The draw is affine_gauss's x = (z0, u, v), 3d standard normals at a
 * point of dimension d (the law's is z0 alone): a matrix line A is checked
 * as uᵀAv, a vector line a as uᵀa.  Each function returns the line's
 * value and writes a bound on its rounding error to *BOUND (the rules at
 * the top of affine_gauss.h). */
#ifndef HARNESS_AFFINE_LINE_H
#define HARNESS_AFFINE_LINE_H

#include "affine_gauss.h"
#include "qform.h"

/* uᵀ A v for the map's matrix A as written (affine_gauss_matrix): diag(σ^POWER)
   (FULL = 0) or S (FULL = 1), transposed if TRANSPOSED.  The displayed Jacobian
   is POWER 1, resp. S itself. */
double affine_line_matrix (const point * p, const double *x, double *bound, int full,
                           double power, int transposed);

/* (2π)^{NP d} exp(-HALF |z0|²): q(z0) at NP = -1/2, HALF = 1/2 (a lost square root
   of the normaliser, a lost ½ at the others). */
double affine_line_q0 (const point * p, const double *x, double *bound, double np,
                       double half);

/* uᵀ A (g(z0) - μ), z0 recovered from the map's value: A = diag(σ^POWER) (FULL = 0;
   POWER -1 recovers z0) or S⁻¹ by LU (FULL = 1), transposed if TRANSPOSED.  The
   bound adds |u|₁ times z0's own error (affine_gauss_exponent_rounding).  PREP is
   P's affine_gauss. */
double affine_line_recover (const point * p, const void *prep, const double *x,
                            double *bound, int full, double power, int transposed);

/* The density (2π)^{-d/2} / N exp(-½ Q) at g(z0) of the map FULL, Q of form HOW
   (qform_affine, at g(z0) - μ as the map computes it) and N by NORM_KIND: 0 for 1,
   1 sqrt(|diag σ²|), 2 sqrt(|S Sᵀ|) (the law's normalisers), 3 |diag σ²| and
   4 |S Sᵀ| (the square root lost); determinants by LU.  Its bound is
   affine_gauss_density's. */
double affine_line_density (const point * p, const void *prep, const double *x,
                            double *bound, int full, qform_kind how, int norm_kind);

/* Eq. (1) for g = μ + S z0: q(z0) |det ∂g/∂z0|^POWER, q(z0) by GSL's normal density
   (affine_gauss_q0) and |det| by LU of the map's central-difference Jacobian
   (affine_gauss_jacobian_det); POWER -1 is the change of variables, 1 its
   determinant not inverted.  The bound adds 2(2 d e / s_min + REL) of the value,
   affine_gauss_det_rel's relative error twice, for the entrywise error e of the
   Jacobian at z0. */
double affine_line_change_of_vars (const point * p, const void *prep, const double *x,
                                   double *bound, double power);

/* "g(z0) ~ N(μ, Σ)" at one draw: cos(tᵀ(g - μ)) (affine_gauss_char, the law's t) for the
   map FULL as written or, with WRONG, its slip μ + σ²⊙z0 (formed as g + (σ - 1)σ⊙z0)
   or μ + Sᵀz0.  Its mean is e^{-1/2} under the right map (the characteristic function
   of N(μ, Σ) at t, tᵀΣt = 1).  X is z0 alone (AFFINE_GAUSS_Z0_HOOKS). */
double affine_line_law (const point * p, const void *prep, const double *x, double *bound,
                        int full, int wrong);

#endif
