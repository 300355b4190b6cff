/* iw_gauss.h -- importance weights of a Gaussian proposal for a Gaussian
 * target, and the importance-weighted gap log p(x) - L_k by quadrature.
 *
 * With target p(z | x) = N(mu, v) and proposal q = N(m, vq), the weights
 * w = p(x, z)/q(z) = p(x) w~ with w~ = N(z; mu, v)/N(z; m, vq), E_q[w~] = 1,
 * and L_k = E_{z_1..z_k ~ q}[log (1/k) sum_i w_i].
 *
 * The gap for every k at a cost independent of k: Frullani's integral
 * -log y = int_0^inf (e^{-ty} - e^{-t}) dt / t applied to y = the mean of k
 * weights w~ gives
 *
 *     log p(x) - L_k = int_0^inf ( phi(t/k)^k - e^{-t} ) dt / t,
 *     phi(r) = E_q[exp(-r w~)],
 *
 * a 1-D integral over t of a power of a 1-D integral over z (the integrand
 * is >= 0 by Jensen: phi(r) >= e^{-r}).  For small r, phi = 1 - r + chi(r)
 * with chi(r) = E_q[e^{-r w~} - 1 + r w~] >= 0, computed without
 * cancellation.  The outer integral runs over u = log t (GSL's two rules of
 * lib/quad.h, which must agree), the inner ones by QAGI; a first pass
 * integrates the inner integrals' errors as they reach the outer integrand,
 * and that bound is the outer integral's noise allowance. */
#ifndef HARNESS_IW_GAUSS_H
#define HARNESS_IW_GAUSS_H

#include "quad.h"

typedef struct
{
  double mu, v;                 /* the target N(mu, v) */
  double m, vq;                 /* the proposal N(m, vq) */
} iw_gauss;

/* E_q[w~^n]: the Gaussian integral of N(mu, v)^n N(m, vq)^(1-n); +inf when
   the quadratic form is not positive (n/v + (1-n)/vq <= 0). */
double iw_gauss_moment (const iw_gauss * g, double n);

/* min_z w~(z) for a proposal narrower than the target (vq < v):
   log w~ = 1/2 log(vq/v) - (m - mu)^2 / (2 (v - vq)). */
double iw_gauss_min (const iw_gauss * g);

/* Two precisions: references for Monte Carlo need a few digits (inner and
   outer relative tolerances 1e-10, 1e-8); extrapolations in k need ten
   (1e-12, 1e-10). */
typedef enum { IW_GAP_FOR_MC, IW_GAP_PRECISE } iw_gap_precision;

/* log p(x) - L_k, with its bound: the outer error estimate plus the inner
   errors carried through the error pass.  EPSABS: an absolute tolerance
   (0: none) for gaps that vanish, q near the target.  Dies (die_runtime)
   if a quadrature does not converge. */
quad_result iw_gauss_gap (const iw_gauss * g, double k,
                          iw_gap_precision precision, double epsabs);

#endif
