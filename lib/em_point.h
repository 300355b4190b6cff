/* em_point.h -- EM at one observation x of a 1-D Gaussian mixture, as a
 * derivation's point and what its lines read (Neal & Hinton 1998: F(θ, q)
 * = log p(x|θ) - KL(q || p_θ(z|x)), the E-step q <- p_θ(z|x)).
 *
 * The point is a POINT_PROB_BOX of K-outcome vectors (K = its d): the
 * scalars x, θ's means μ_1..μ_K and standard deviations σ_1..σ_K, those of
 * the previous iterate θ^t, then the vectors w (θ's weights), q (an
 * arbitrary distribution over z) and w^t; 1 + 4K scalars in all.  Its prep
 * holds both routes of lib/mixture_1d, so that a line and its truth are
 * independent computations: log p(x, z) by lib/normal for θ and θ^t (the
 * student's side), the posterior and log p(x) by GSL's densities (the
 * truths' side), with q and the E-step q^t = p_θ^t(z|x). */
#ifndef HARNESS_EM_POINT_H
#define HARNESS_EM_POINT_H

#include "estimate.h"
#include "point.h"

#define EM_POINT_K_MAX 8        /* POINT_PROB_BOX's largest vectors */

typedef struct
{
  size_t k;
  double lj[EM_POINT_K_MAX], ljt[EM_POINT_K_MAX];   /* log p_θ(x, z), log p_θ^t(x, z) */
  double lpx, lpxt;             /* log p_θ(x), log p_θ^t(x) by log-sum-exp */
  double q[EM_POINT_K_MAX], qt[EM_POINT_K_MAX];     /* arbitrary q; q^t = p_θ^t(z|x) */
  double post[EM_POINT_K_MAX], gpx;     /* p_θ(z|x), log p_θ(x), from GSL */
  double postt[EM_POINT_K_MAX], gpxt;   /* the same under θ^t */
  double ht[EM_POINT_K_MAX], wt[EM_POINT_K_MAX];    /* H(N(μ_z^t, σ_z^t²)) and w^t */
} em_point;

/* DERIVATION_PREPARE (em_point, em_point_prepare): the prep of point P;
   q^t = exp (log p_θ^t(x, z) - log p_θ^t(x)), the E-step on the student's
   side.  Dies (die_internal) when P is not 1 + 7K values with K <= 8. */
void em_point_prepare (const point * p, void *prep);

/* A bound on the rounding of a line Σ_z Q_z (...) of the K terms LJ (log
   p(x, z)), log Q and LPX (log p(x)).  Each of those is within 8 u (1 +
   |.|) (a log-density is five roundings of terms at most as large as it
   plus 1; log within an ulp), a product or quotient inside a log adds u
   each, and two recursive sums of 2K terms add gamma_{2K+2} of their
   magnitudes (Higham 4.2): so 2 (16 u + gamma_{2K+2}) Σ_z Q_z (2 + |lj_z|
   + |log Q_z| + |log p(x)|) bounds every such line's rounding, and, with
   the -log of GSL's densities, every truth's. */
double em_point_bound (size_t k, const double *q, const double *lj, double lpx);

/* F(θ^t, q^t) - Q(θ^t|θ^t) at θ = θ^t from GSL's densities, log p_θ^t(x)
   - Σ_z q^t(z) log p_θ^t(x, z) with p_θ^t(x, z) = p_θ^t(z|x) p_θ^t(x):
   a truth (line_value_fn), within em_point_bound under θ^t.  It is the
   entropy H(q^t) = -Σ q^t log q^t (Neal & Hinton 1998). */
estimate em_point_gap_at_t (const point * p, const void *prep);

#endif
