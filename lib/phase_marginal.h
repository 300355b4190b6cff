/* phase_marginal.h -- the q-marginal of a density on phase space, by quadrature.
 *
 * HMC samples a joint density P(q, p) on phase space, and what makes it a
 * sampler of π is that P's q-marginal is π (Neal, "MCMC using Hamiltonian
 * dynamics", 2011, 5.2: P(q, p) = (1/Z) e^{-U(q)/T} e^{-K(p)/T} with
 * U = -log π, and at T = 1 the Gaussian factor of K(p) = |p|²/2
 * integrates to Z).  A claim that writes such a density checks that
 * marginal at points q ~ π of a 2-D Gaussian mixture: ∫∫ P(q, p) dp1 dp2
 * by nested quadrature (lib/quad_nested.h: the inner integral over p2, the
 * outer over p1, both on the real line around 0 at scale 1, the scale of
 * p ~ N(0, I)) against π(q) = exp (gmm_log_pdf).
 *
 * The density is written through the potential: a canonical density
 * depends on q only through U(q), which is computed once per point and
 * handed to it, not once per quadrature node. */
#ifndef HARNESS_PHASE_MARGINAL_H
#define HARNESS_PHASE_MARGINAL_H

#include "gmm.h"
#include "harness.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* P(q, p) at the potential U = U(q) = -log π(q) and the momentum P[0..1]. */
typedef double (*phase_marginal_fn) (double u, const double *p, void *params);

/* ∫∫ JOINT (U, (p1, p2), PARAMS) dp1 dp2 over the plane (quad_try_plane:
   outer span ±QUAD_SPLIT, epsabs QUAD_EPSABS, error pass to 1e-3, epsrel
   QUAD_EPSREL), into *OUT.  Returns 0, or the quadrature's status
   (quad_last_failure says why). */
int phase_marginal_at (phase_marginal_fn joint, void *params, double u,
                       quad_result * out);

/* Harness check ID: at N points q ~ G drawn with R, phase_marginal_at of
   JOINT at U = -gmm_log_pdf (G, q) against π(q) = e^{-U} (to 16 u of its
   size); a refused quadrature is a runtime error that names the density
   as WHAT ("the 2.2.1 density"). */
void phase_marginal_check (harness * h, const char *id, const gsl_rng * r,
                           const gmm * g, phase_marginal_fn joint,
                           void *params, const char *what, size_t n);

#endif
