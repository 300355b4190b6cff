/* mixture_1d.h -- a 1-D Gaussian mixture at one observation x, from plain
 * arrays (weights w, means μ, standard deviations σ, K components):
 *
 *   log p(x, z) = log w_z + log N(x; μ_z, σ_z²)
 *   p(z|x) = w_z N(x; μ_z, σ_z²) / p(x),  p(x) = Σ_z w_z N(x; μ_z, σ_z²)
 *
 * (Bishop PRML 9.12-9.13, Bayes' rule).  Two routes on purpose: the joint by
 * lib/normal, as a claim's line computes it, and the posterior and log p(x)
 * by GSL's own density (gsl_ran_gaussian_pdf), as its truth does, so that a
 * derivation compares two independent computations.  A point of a
 * derivation is a vector, not a gmm: these take the arrays it holds
 * (lib/gmm does the same on a gmm).  The weights are used as given, not
 * renormalised. */
#ifndef HARNESS_MIXTURE_1D_H
#define HARNESS_MIXTURE_1D_H

#include <stddef.h>

/* LJ[z] = log W[z] + normal_log_pdf (X, MU[z], SD[z]), z < K. */
void mixture_1d_log_joint (double x, size_t k, const double *w, const double *mu,
                           const double *sd, double *lj);

/* POST[z] = p(z|X) by Bayes' rule from W[z] gsl_ran_gaussian_pdf (X - MU[z],
   SD[z]), summed over z in order; returns log p(X), the log of that sum. */
double mixture_1d_posterior (double x, size_t k, const double *w, const double *mu,
                             const double *sd, double *post);

#endif
