/* kl_mix.h -- both sides of KL's joint convexity at a point of four
 * probability vectors.
 *
 * Joint convexity (Cover & Thomas, 2.7.2): for probability vectors P1, P2,
 * Q1, Q2 and λ in [0, 1],
 *   KL(λP1 + (1-λ)P2 || λQ1 + (1-λ)Q2) <= λ KL(P1||Q1) + (1-λ) KL(P2||Q2),
 * the log-sum inequality applied at every outcome and summed.  The vectors
 * come packed as V = (P1, P2, Q1, Q2), each of length N, the way a point
 * of probability vectors (lib/point's POINT_PROB_BOX, after its scalars)
 * holds them.  The mixtures' weights are the caller's, one for P and one
 * for Q, so that a claim can also evaluate the mixtures a seed's line
 * writes with other weights.  The left side comes two ways: written out
 * with plain logs, as a derivation states it, and by lib/discrete's stable
 * KL, its truth; both within the one rounding bound below. */
#ifndef HARNESS_KL_MIX_H
#define HARNESS_KL_MIX_H

#include "estimate.h"

#include <stddef.h>

#define KL_MIX_MAX_N 64          /* the longest vectors of a point */

/* KL(LP P1 + (1-LP) P2 || LQ Q1 + (1-LQ) Q2) for V packed as above (N <=
   KL_MIX_MAX_N, else die_internal): the mixtures m_P, m_Q by discrete_mix,
   then, STABLE, discrete_kl (m_P, m_Q), else sum m_P log(m_P/m_Q) with
   plain logs, as written.  Its bound, for either: 2
   discrete_gen_kl_rounding_bound (m_P, m_Q) + 4 N DBL_EPSILON. */
estimate kl_mix_lhs (const double *v, size_t n, double lp, double lq, int stable);

/* L KL(P1||Q1) + (1-L) KL(P2||Q2) for V packed as above, by
   discrete_kl_convex within its bound. */
estimate kl_mix_rhs (const double *v, size_t n, double l);

#endif
