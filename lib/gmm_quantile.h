/* gmm_quantile.h -- quantiles of a mixture of normals at a normal score,
 * and a 2-D mixture's Rosenblatt transform.
 *
 * The Rosenblatt transform (Rosenblatt 1952; Devroye, Non-Uniform Random
 * Variate Generation, II.2.1) of a 2-D density is x1 = F1⁻¹(Φ(e0)), x2 =
 * F2⁻¹(Φ(e1) | x1): for e ~ N(0, I) it has exactly the density's law, and
 * it is smooth in e, so randomized quasi-Monte Carlo (lib/rqmc.h) can
 * integrate through it.  For a Gaussian mixture both steps are 1-D mixture
 * quantiles: the marginal of coordinate 1, and the conditional given x1,
 * itself a mixture (Bishop PRML 2.3.1: each component's conditional, the
 * weights its posterior probabilities at x1).
 *
 * A quantile is solved on the log of the tail on e's side (1 - F for
 * e > 0, F otherwise) against log Φ(-|e|), so that far tails (|e| = 9 is a
 * tail of 1e-19, |e| = 38 one of 1e-316) keep their relative precision,
 * and to rounding level: x is within a few ulps of max(|x|, scale) of the
 * exact quantile (the derivation is in gmm_quantile.c). */
#ifndef HARNESS_GMM_QUANTILE_H
#define HARNESS_GMM_QUANTILE_H

#include "gmm.h"

#include <stddef.h>

/* The quantile x of the 1-D mixture Σ_k W[k] N(MU[k], SD[k]²) with
   F(x) = Φ(E): K >= 1 components, weights W >= 0 (at least one positive;
   renormalised here), standard deviations SD > 0, all finite (dies,
   die_internal, otherwise: they are a caller's constants or computed
   from a validated gmm).  E = ±inf gives ±inf, NaN gives NaN.  One
   component gives MU + SD E within rounding. */
double gmm_quantile_1d_normal_score (size_t k, const double *w,
                                     const double *mu, const double *sd,
                                     double e);

/* The Rosenblatt transform of a 2-D mixture G (dies if G->d != 2) at the
   normal scores E[0], E[1]: X[0] = F1⁻¹(Φ(E[0])) of the marginal of
   coordinate 0, X[1] = F⁻¹(Φ(E[1]) | X[0]) of the conditional mixture
   given X[0], with weights ∝ w_k N(x1; m_k1, Σ_k11), means m_k2 +
   Σ_k12/Σ_k11 (x1 - m_k1) and variances Σ_k22 - Σ_k12²/Σ_k11.  For
   E ~ N(0, I) the map has exactly G's law.  A non-finite E[0] gives
   X[0] = E[0] and X[1] = NaN; E[1] = ±inf gives X[1] = ±inf. */
void gmm_rosenblatt_2d (const gmm * g, const double e[2], double x[2]);

#endif
