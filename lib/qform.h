/* qform.h -- the exponent of an affine map's Gaussian law, written each way a
 * derivation writes it.
 *
 * For g = μ + σ⊙z0 or g = μ + S z0 (affine_gauss.h) and the residual
 * r = g - μ, the law's density is (2π)^{-K/2} |Σ|^{-1/2} exp(-½ Q) with
 *   Q = (diag(σ⁻¹) r)ᵀ(diag(σ⁻¹) r) = rᵀ diag(σ²)⁻¹ r            (diag)
 *   Q = (S⁻¹ r)ᵀ(S⁻¹ r) = rᵀ(S⁻¹)ᵀ S⁻¹ r = rᵀ (S Sᵀ)⁻¹ r           (full)
 * (Bishop, PRML 2.3; the change of variables z0 = S⁻¹ r).  A derivation
 * passes through these forms one line at a time, and a slip in one of them
 * (a factor not inverted, a transpose lost or moved, Sᵀ S for S Sᵀ) is a
 * mutant of that line; each form is one qform_kind, the slips beside the
 * forms they break, so a claim names a line's exponent and evaluates it in
 * one call.  Every inverse and determinant is the literal (LU) route that
 * affine_gauss_prepare() computed: the truths go through Cholesky (lib/mvn)
 * and share no code with these. */
#ifndef HARNESS_QFORM_H
#define HARNESS_QFORM_H

#include "affine_gauss.h"

typedef enum
{
  QFORM_DIAG_T,           /* (diag(σ⁻¹) r)ᵀ(diag(σ⁻¹) r) */
  QFORM_DIAG_NOT_INV,     /* slip: (diag(σ) r)ᵀ(diag(σ) r) */
  QFORM_DIAG_NO_T,        /* slip: rᵀ(diag(σ⁻¹) r), one factor dropped */
  QFORM_VAR,              /* rᵀ diag(σ²)⁻¹ r */
  QFORM_VAR_SIGMA,        /* slip: rᵀ diag(σ)⁻¹ r */
  QFORM_S_T,              /* (S⁻¹ r)ᵀ(S⁻¹ r) */
  QFORM_S_INV_T,          /* slip: (S^-T r)ᵀ(S⁻¹ r) */
  QFORM_S_NO_T,           /* slip: (S⁻¹ r)ᵀ(S^-T r), i.e. rᵀ S⁻¹ S⁻¹ r */
  QFORM_GRAM,             /* rᵀ (S Sᵀ)⁻¹ r */
  QFORM_GRAM_SWAPPED      /* slip: rᵀ (Sᵀ S)⁻¹ r */
} qform_kind;

/* Q of kind HOW at the residual R (d = P's dimension entries) for the point
   P of point_affine_template and its prepared G (affine_gauss_prepare):
   diag(σ⁻¹) as pow (σ_i, -1), diag(σ²)⁻¹, S⁻¹ and (S Sᵀ)⁻¹ from G, (Sᵀ S)⁻¹
   by LU of Sᵀ S formed here.  Returns Q as written, without a rounding
   bound (affine_gauss_density bounds the density it enters). */
double qform_affine (const point * p, const affine_gauss * g, const double *r,
                     qform_kind how);

#endif
