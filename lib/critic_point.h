/* critic_point.h -- a pair of normals and a quadratic critic read from a
 * derivation's point, and lib/critic's expectations at it.
 *
 * A derivation checked at quadratic critics draws points v = (mp, sp, mq,
 * sq, a, b, c): p = N(mp, sp²), q = N(mq, sq²) and T(x) = a + bx + cx²
 * (integrable against q while c sq² < 1/2).  Each function reads the point
 * afresh (seven doubles: nothing worth a prep), so that a row of the
 * derivation is one call in the point: the expectations its rows write,
 * by quadrature (critic_quadratic_rq over the hull of q and the tilted
 * Gaussian e^T q, critic_quadratic_p_t over p's span), and the truths in
 * closed form (critic_log_mgf, critic_mean).  A point of only the pair
 * (mp, sp, mq, sq) has its KL(p||q) both ways. */
#ifndef HARNESS_CRITIC_POINT_H
#define HARNESS_CRITIC_POINT_H

#include "critic.h"
#include "point.h"

/* The point's critic T(x) = v[4] + v[5] x + v[6] x² (critic_quadratic). */
critic critic_point_critic (const point * p);

/* E_q[e^{T + SHIFT}] = ∫ e^{T(x) + SHIFT} q(x) dx by quadrature
   (critic_quadratic_rq at log_z = -SHIFT), and its log by est_log (the
   quadrature error carried, log's rounding added); SHIFT = 0: E_q[e^T],
   whose normalised r q = e^{T - log E_q[e^T]} q integrates to 1.  And
   E_p[T] = ∫ p(x) T(x) dx by quadrature (critic_quadratic_p_t).  Each an
   estimate (est_quad), as a derivation's line returns it. */
estimate critic_point_eq (const point * p, double shift);
estimate critic_point_log_eq (const point * p, double shift);
estimate critic_point_ep_t (const point * p);

/* The truths in closed form, shaped as derivation.h's line_value_fn (the
   prep unused) so that a derivation names them as its truths and rows:
     critic_point_log_mgf   log E_q[e^T] (critic_log_mgf)
     critic_point_mean      E_p[T] = a + b mp + c (mp² + sp²) (critic_mean)
     critic_point_dv        R2 = E_p[T] - log E_q[e^T], the two above
     critic_point_nwj       R1 = E_p[T] - E_q[e^{T-1}], E_q[e^{T-1}] =
                            e^{L - 1} for L = log E_q[e^T] ± e, within
                            e^{L - 1} (4u + 2e): exp's and the sum's
                            rounding, and e^{±e} - 1 <= 2e for e <= 1
   and KL(p||q) of the point's pair (its first four coordinates, all that a
   point of the pair alone has):
     critic_point_kl        in closed form with its rounding bound
                            (critic_kl_closed)
     critic_point_kl_quad   ∫ p log(p/q) dx by quadrature
                            (normal_pair_kl_quad, est_quad) */
estimate critic_point_log_mgf (const point * p, const void *prep);
estimate critic_point_mean (const point * p, const void *prep);
estimate critic_point_dv (const point * p, const void *prep);
estimate critic_point_nwj (const point * p, const void *prep);
estimate critic_point_kl (const point * p, const void *prep);
estimate critic_point_kl_quad (const point * p, const void *prep);

#endif
