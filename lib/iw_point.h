/* iw_point.h -- a derivation point for the importance-weighted bounds:
 * the 1-D model z ~ N(0, 1), x | z ~ N(a z, s^2) at one observation x, a
 * proposal q = N(mu + shift sqrt(v), c v) in units of the posterior
 * N(mu, v) (lib/iw_gauss's iw_model), and a number of weights K.
 *
 * The point is a box (point_box) of six coordinates in the order of
 * iw_point_coord; prepare() turns it into the model and K once a point.
 * A draw is z_1 .. z_{K+1} ~ q as a map of K + 1 standard normals, which
 * the engine draws itself (the ziggurat, in order); it integrates by
 * randomized quasi-Monte Carlo where K + 1 is within its dimension limit
 * (the log weights are quadratics in them).  The truths a derivation on
 * the point is checked against: log p(x) and the ELBO in closed form,
 * L_K and L_{K+1} by the Frullani quadrature (iw_gauss_gap). */
#ifndef HARNESS_IW_POINT_H
#define HARNESS_IW_POINT_H

#include "iw_gauss.h"
#include "point.h"

/* The coordinates' order in the claim's point_coord table. */
enum { IW_POINT_A, IW_POINT_S, IW_POINT_X, IW_POINT_SHIFT, IW_POINT_C,
       IW_POINT_K };

typedef struct
{
  iw_model md;
  int k;
} iw_point;

/* .prepare: q as the point places it, or (the second) the posterior
   itself, shift 0 and c 1, whatever the point's shift and c. */
void iw_point_prepare (const point * p, void *prep);
void iw_point_prepare_posterior (const point * p, void *prep);

/* .x_len and .base_dim: K + 1; .transform: z_i = m + sqrt(vq) e_i. */
size_t iw_point_draw_len (const point * p);
void iw_point_map (const point * p, const void *prep, const double *e,
                   double *z);

/* log p(x) with its rounding bound 8 u (1 + |log p(x)|). */
estimate iw_point_log_px (const point * p, const void *prep);

/* log p(x) - L_k at the prepared point, remembered (iw_gauss_gap_cached:
   the engine asks for the same L_k once for every line whose chain needs
   it).  q near the posterior makes the gap vanish (w~ = 1: the integrand
   is rounding noise, which no relative tolerance meets); an absolute
   tolerance at the rounding of log p(x) itself costs nothing, since
   L_k = log p(x) - gap carries that error anyway, and the returned
   abserr is GSL's own. */
quad_result iw_point_gap (const iw_point * d, double k);

/* L_K and L_{K+1}: log p(x) - the gap, with the gap's error. */
estimate iw_point_lk (const point * p, const void *prep);
estimate iw_point_lk1 (const point * p, const void *prep);

/* The ELBO E_q[log p(x, z) - log q(z)] in closed form (iw_model_elbo). */
estimate iw_point_elbo (const point * p, const void *prep);

/* (1/DENOM) sum_{j=1}^{K} X at D's K: the K equal terms summed in
   floating point, as a seed's line writes them when linearity or the
   h_j's being identically distributed has made them equal, so that the
   line is evaluated as written; X's error scaled by K / DENOM, and the
   relative error (K + 1) u of the sum and the division added. */
estimate iw_point_mean_of_k (const iw_point * d, estimate x, double denom);

/* log (1/DENOM) sum_{j=1}^{K} e^L, e^L a closed form rounded to REL u. */
estimate iw_point_log_mean_of_k_exp (const iw_point * d, double l, double rel,
                                     double denom);

#endif
