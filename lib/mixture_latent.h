/* mixture_latent.h -- the latent component z in {1, 2} of a two-component
 * 1-D Gaussian mixture w_1 N(μ_1, σ_1²) + w_2 N(μ_2, σ_2²) at one observed
 * x, and a distribution q = (q_1, q_2) on z, every quantity an rnd that
 * carries its rounding (lib/rounding.h).
 *
 * A seed that writes the inclusive KL(p(z|x) || q) with a discrete latent
 * (000 P6.4, exclusive_inclusive_kl) goes through the joint p(z, x), the
 * evidence p(x) and the posterior; with z discrete every sum over z is
 * exact, so a line differs from its truth by rounding alone, which the
 * rnd bounds.  The posterior comes by two routes on purpose: Bayes' rule
 * p(z, x)/p(x), which the seed's lines use, and the logistic route
 *     p(z|x) = 1 / (1 + exp(log p(z', x) - log p(z, x))),
 * which never forms p(x) (Bishop, PRML 4.57: a two-class posterior is a
 * logistic sigmoid), for the truths.
 *
 * The weights and q are given by their first coordinates: w_2 = fl(1 - w_1)
 * and q_2 = fl(1 - q_1) are the caller's own numbers, so that every line
 * and truth uses the same doubles.  tests/test_mixture_latent.c checks the
 * values and their bounds against long-double arithmetic and GSL's
 * density, and the fit against its closed form. */
#ifndef HARNESS_MIXTURE_LATENT_H
#define HARNESS_MIXTURE_LATENT_H

#include "estimate.h"
#include "rounding.h"

typedef struct
{
  rnd lj[2];                    /* log p(z, x) */
  rnd pj[2];                    /* p(z, x) */
  rnd px;                       /* p(x) = Σ_z p(z, x) */
  rnd post[2];                  /* p(z|x) = p(z, x) / p(x) */
  rnd q[2], qpx[2];             /* q(z), q(z) p(x) */
  rnd r[2];                     /* p(z|x) by the logistic route */
  double w[2];
} mixture_latent;

/* The latent at observation X of the mixture with weights (W1, 1 - W1),
   means MU[0..1] and standard deviations SD[0..1], and q = (Q1, 1 - Q1):
   log p(z, x) = log w_z + log N(x; μ_z, σ_z) (normal_log_pdf_rnd), the
   rest from it as the fields say, summed over z in order. */
mixture_latent mixture_latent_at (double x, double w1, double q1, const double *mu,
                                  const double *sd);

/* The inclusive fit over q: Brent's minimiser (minimize_1d_grid on
   [-40, 40], 161 points) over q's logit η, q = (σ(η), σ(-η)), of
   KL(r || q) = Σ_z r_z log r_z/q_z, r L's logistic posterior.  Its error
   is twice Brent's bracket plus the resolution at curvature r_1 r_2 (the
   objective's second derivative in η at its minimum,
   minimize_1d_resolution); the exact minimiser is log r_1/r_2.  *CONVERGED
   is whether Brent converged. */
estimate mixture_latent_kl_argmin (const mixture_latent * l, int *converged);

#endif
