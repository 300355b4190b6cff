/* amortized_fa.h -- the amortization gap of a linear encoder in a factor
 * model with two latents, in closed form.
 *
 *     z ~ N(0, I_2),   x | z ~ N(W z + b, diag ψ),   x in R^dx,
 *
 * (Bishop, PRML 12.2.4, factor analysis).  By conjugacy the posterior is
 *     p(z|x) = N(μ(x), Λ⁻¹),  Λ = I + Wᵀ Ψ⁻¹ W,  μ(x) = Λ⁻¹ Wᵀ Ψ⁻¹ (x - b),
 * the same Λ at every datapoint.  For a mean-field q = N(m, diag(s²)),
 *     KL(q || p(z|x)) = ½ (Σ_j Λ_jj s_j² - 2 - log det Λ) - Σ log s_j
 *                       + ½ dᵀΛd,   d = m - μ(x),
 * so the best q of the family at x (q* = N(μ(x), diag(1/Λ_jj))) has the
 * same KL at every datapoint, ½ (log Λ11 + log Λ22 - log det Λ), the
 * approximation gap.  An encoder m_φ(x) = C u, u = (x_1..x_k, 1), that sees
 * only k inputs pays ½ d_iᵀΛd_i more at datapoint i, the amortization gap
 * (Cremer, Li and Duvenaud, Inference Suboptimality in VAEs, 2018; the
 * data-set check of elbo_gap).
 * Σ_i ½ d_iᵀΛd_i is minimised by least squares of μ_j(x_i) on u_i,
 * coordinate by coordinate: both coordinates share the regressors, so the
 * cross term's normal equations hold at the same solution.
 *
 * The data are drawn from the model itself; Λ, det Λ and μ(x_i) are
 * computed once in floating point and then taken as exact inputs of the
 * gap, whose rounding is carried (lib/rounding.h).  The maximisers along
 * one coordinate (lib/minimize.h) are the other route to the optima.
 * tests/test_amortized_fa.c checks Λ and μ against GSL's Cholesky, the
 * gap and the approximation gap against lib/mvn's KL, the fit's normal
 * equations and the sample's moments. */
#ifndef HARNESS_AMORTIZED_FA_H
#define HARNESS_AMORTIZED_FA_H

#include "minimize.h"
#include "rounding.h"
#include "sbuf.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

typedef struct
{
  size_t dx, n;                 /* observation dimension, datapoints */
  double lam[2][2], det;        /* Λ and det Λ */
  double *xs, *mu;              /* the data (dx per datapoint), μ(x_i) (2 each) */
  size_t n_in;                  /* inputs the encoder sees (0 before a fit) */
  double *coef;                 /* m_j = Σ_k coef[j (n_in + 1) + k] u_k */
} amortized_fa;

/* N datapoints of the model with loadings W (dx x 2, row-major), noise
   variances PSI and offsets B (dx each), drawn from R as z1, z2, then
   x_d = W_d z + b_d + N(0, ψ_d) for d = 1..dx; their posterior means. */
void amortized_fa_sample (amortized_fa * a, size_t dx, const double *w,
                          const double *psi, const double *b, size_t n,
                          const gsl_rng * r);
/* The least-squares encoder on the first N_IN inputs (1 <= N_IN <= dx,
   N_IN < n), by gsl_multifit_linear, into a->coef. */
void amortized_fa_fit (amortized_fa * a, size_t n_in);
void amortized_fa_free (amortized_fa * a);

/* coef (j, k) of a->coef */
double amortized_fa_coef (const amortized_fa * a, int j, size_t k);
/* ½ d_iᵀΛd_i at datapoint I for an encoder COEF (laid out as a->coef). */
rnd amortized_fa_gap (const amortized_fa * a, const double *coef, size_t i);
/* KL(q* || p(z|x)) = ½ (log Λ11 + log Λ22 - log det Λ), every datapoint's */
double amortized_fa_kl_optimum (const amortized_fa * a);

/* The figure's data block BLOCK, appended to FIG after two blank lines:
   a header "# block BLOCK: rank, KL(q_i*), KL(q_φ*) per datapoint
   (sorted)", then per datapoint "rank KL(q*) KL(q*) + gap" (%.10g), the
   encoder a->coef's gaps sorted, ranks from 1.  Returns the mean gap. */
double amortized_fa_write_kl (const amortized_fa * a, sbuf * fig, int block);

/* The maximiser of the ELBO at any datapoint along s_j, the rest of q
   fixed: -Λ_jj s²/2 + log s up to terms without s_j, on 81 grid points of
   [0.05, 4.05] (s_j* = Λ_jj^-½ <= 1).  Tolerances 1e-8 + 1e-7 |s|. */
concave_max amortized_fa_argmax_s (const amortized_fa * a, int j);
/* The maximiser of Σ_i ELBO(x_i) along the encoder's coefficient (j, k),
   the others fixed: -Σ_i ½ d_iᵀΛd_i, on 81 grid points within 2 of its
   present value (dies if the maximum lies outside). */
concave_max amortized_fa_argmax_coef (const amortized_fa * a, int j,
                                      size_t k);

#endif
