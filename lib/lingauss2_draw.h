/* lingauss2_draw.h -- lib/lingauss2's densities at one draw z, in plain
 * floating point, and the draw z ~ q as a map of standard normals.
 *
 *     z ~ N(0, I_2),   x | z ~ N(θᵀz + b, ψ),   q = N(m, diag(s1², s2²)).
 *
 * A seed's chain combines log p(x|z), log p(z) and log q(z) at a draw of
 * q (elbo_gap's 001 1.1.1, 003 Q2.1-Q2.2); the engine takes each line's
 * default rounding bound for such an integrand, so these are doubles by
 * lib/normal's normal_log_pdf, for any ψ > 0 (lingauss2_log_joint, the
 * rnd route, needs an exact √ψ).  The map is a derivation's .transform
 * whose preparation is the lingauss2 itself, so that a claim may swap q
 * (its own, or lingauss2_set_q_optimum's) in the prepare step.
 * tests/test_lingauss2_draw.c checks them against lingauss2's rnd closed
 * forms (the joint, Bayes' rule with the posterior and the evidence) and
 * q's density written by hand. */
#ifndef HARNESS_LINGAUSS2_DRAW_H
#define HARNESS_LINGAUSS2_DRAW_H

#include "lingauss2.h"
#include "point.h"

/* log p(x|z) = log N(x; θ1 z1 + θ2 z2 + b, ψ) at z = Z[0..1] */
double lingauss2_draw_log_lik (const lingauss2 * g, const double *z);

/* log q(z) = log N(z1; m1, s1²) + log N(z2; m2, s2²) */
double lingauss2_draw_log_q (const lingauss2 * g, const double *z);

/* .transform with .base_dim = derivation_two_normals: z_j = m_j + s_j e_j
   for the q of PREP, a const lingauss2 * (P unused) */
void lingauss2_draw_map_q (const point * p, const void *prep, const double *e,
                           double *z);

#endif
