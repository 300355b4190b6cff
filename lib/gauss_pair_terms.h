/* gauss_pair_terms.h -- the literal terms of a Gaussian-pair KL derivation.
 *
 * Seeds that derive KL(a || b) between two Gaussians (lib/gauss_pair) write
 * the same handful of terms again and again: tr(Σb⁻¹ Σa), the Mahalanobis
 * term δᵀΣb⁻¹δ (δ = μb - μa) and the mean forms μᵀΣ⁻¹μ.  Here they are
 * evaluated once, the literal way (the pair's LU inverses, lib/matrix), so a
 * seed line built from them still shares no code with the Cholesky truths
 * (lib/mvn).  Their rounding is bounded by lu_rel times the sum of their
 * magnitudes (gauss_pair.h), the "size" kept with them. */
#ifndef HARNESS_GAUSS_PAIR_TERMS_H
#define HARNESS_GAUSS_PAIR_TERMS_H

#include "gauss_pair.h"

/* The terms every closed-form line is built from, the literal way. */
typedef struct
{
  double tr;    /* tr(Σb⁻¹ Σa) */
  double maha;  /* (μb - μa)ᵀ Σb⁻¹ (μb - μa) */
  double m1;    /* μaᵀ Σa⁻¹ μa */
  double a;     /* μaᵀ Σb⁻¹ μa */
  double b;     /* μbᵀ Σb⁻¹ μb */
  double c;     /* μbᵀ Σb⁻¹ μa */
  double size;  /* d/2 log 2π + |log det Σa| + |log det Σb| + d + the terms */
} gauss_pair_terms;

/* The terms of point P (d <= 32) by the LU inverses of PP, prepared from P
   by gauss_pair_prepare.  PRML 2.3 and the Matrix Cookbook (trace, forms). */
gauss_pair_terms gauss_pair_terms_literal (const point * p,
                                           const gauss_pair * pp);

/* V as an exact estimate with the literal route's rounding bound,
   lu_rel times the size of P's terms. */
estimate gauss_pair_terms_exact (double v, const point * p,
                                 const gauss_pair * pp);

/* y = (x - m0) + (m0 - m1) and yᵀ Σb⁻¹ y by PP's LU inverse of Σb (d <= 32):
   (x - m1)ᵀ Σb⁻¹ (x - m1) expanded about m0, as seeds write it.  *ERR gets
   lu_rel q + 6u aᵀ|Σb⁻¹|a, a_i = |x_i - m0_i| + |m0_i - m1_i| >= |y_i|:
   forming y_i costs <= 2u a_i (two subtractions and an addition), which
   moves the form by <= 6u aᵀ|Σb⁻¹|a -- far above lu_rel q when the two
   parts cancel (Higham, Accuracy and Stability, 2.2 and 3.1). */
double gauss_pair_terms_form_split (const gauss_pair * pp, const double *x,
                                    const double *m0, const double *m1,
                                    size_t d, double *err);

/* log N(x; μi, Σi) of Gaussian I (0: a, 1: b) expanded about 0, as seeds
   write it (004 eqs. (1.2), (1.5)), by PP's LU inverse and determinant:
     -log((2π)^{d/2} (det Σi)^POWER) - ½(xᵀΣi⁻¹x + μiᵀΣi⁻¹μi) + μiᵀΣi⁻¹x,
   the square (x - μi)ᵀΣi⁻¹(x - μi) multiplied out (PRML 2.3).  POWER = ½
   is the density's normaliser; a seed that writes det Σi passes 1.  *ERR
   gets lu_rel times the magnitudes of the four terms (gauss_pair.h). */
double gauss_pair_terms_log_pdf_expanded (const gauss_pair * pp, int i,
                                          const double *x, double power,
                                          double *err);

#endif
