/* fenchel.h -- the Fenchel conjugates of f(u) = u log u as a derivation's
 * ground truth at each of its points (lib/derivation).
 *
 * lib/conjugate computes each supremum (a grid, then Brent, with bounds
 * that survive rounding).  A derivation of f*(t) = sup_u ut - f(u), of
 * f**(u) = sup_t tu - f*(t), or of the pointwise variational form of
 * KL(p||q), sup_t p t - q e^{t-1} = p log(p/q), checks its rows against
 * them: the supremum, the maximiser, the slope of the objective at the
 * maximiser (0 at the true one) and, for f**, the nested supremum that
 * assumes no closed form of f*.  Here each is computed once per point
 * (a prep, DERIVATION_PREPARE) and read by truths (LINE_CLOSED).  A
 * residual at the computed maximiser carries the maximiser's distance
 * x_err to x* through the residual's derivative, so that 0 lies within
 * its bound. */
#ifndef HARNESS_FENCHEL_H
#define HARNESS_FENCHEL_H

#include "conjugate.h"
#include "derivation.h"

/* ---- d/du (ut - u log u) at the point (t, u) ----
   By the complex step (conjugate_ulogu_slope), exact to rounding: the
   truth of the derivative t - log u - 1 that the supremum sets to 0. */
estimate fenchel_ulogu_slope (const point * p, const void *prep);

/* ---- f*(t) at t = the point's first coordinate ----
   The prep is a concave_max, conjugate_ulogu_star (t); the truths its
   supremum and maximiser (concave_max_value, concave_max_x) and the
   complex-step slope d/du (ut - u log u) at the maximiser
   (conjugate_ulogu_slope_at_max). */
void fenchel_star_prepare (const point * p, void *prep);
estimate fenchel_star_sup (const point * p, const void *prep);
estimate fenchel_star_argmax (const point * p, const void *prep);
estimate fenchel_star_slope (const point * p, const void *prep);

/* t - (log x + C) at M's maximiser x: the stationarity condition of ut -
   u log u (C = 1), 0 at u* = e^{t-1}.  Since |d/du log u| = 1/u <= 1/(x -
   x_err), x_err moves it by at most x_err / (x - x_err); the rounding 4u
   (|t| + |log x| + 1). */
estimate fenchel_star_stationary (double t, concave_max m, double c);
/* ... at the prep's maximiser, as a row: t - [log u* + 1], C = 1. */
estimate fenchel_star_stationary_at_max (const point * p, const void *prep);

/* ---- f**(u) at u = the point's first coordinate ----
   The prep: BI = sup_t tu - e^{t-1} (conjugate_exp_star, f* in closed
   form) and NESTED = sup_t tu - f*(t) with f* itself numerical
   (conjugate_ulogu_biconjugate); the truths their suprema and BI's
   maximiser. */
typedef struct
{
  concave_max bi;       /* sup_t tu - e^{t-1} */
  concave_max nested;   /* sup_t tu - f*_num(t) */
} fenchel_bi;

void fenchel_bi_prepare (const point * p, void *prep);
estimate fenchel_bi_sup (const point * p, const void *prep);
estimate fenchel_bi_argmax (const point * p, const void *prep);
estimate fenchel_bi_nested (const point * p, const void *prep);

/* u + SIGN e^{t-1} at M's maximiser t: d/dt (tu - e^{t-1}) for SIGN = -1,
   0 at t* = log u + 1.  |d2/dt2| = e^{t-1} <= u e^{x_err} near the
   maximiser, so x_err moves it by at most u x_err e^{x_err}; the rounding
   4u (u + e^{t-1}). */
estimate fenchel_bi_slope (double u, concave_max m, double sign);
/* ... at BI's maximiser, as a truth: d/dt (tu - e^{t-1}), SIGN = -1. */
estimate fenchel_bi_slope_at_max (const point * p, const void *prep);

/* ---- the integrand of KL(p||q) in its variational form ----
   At densities p = e^LP, q = e^LQ: the supremum over t as written, WHOLE
   = sup_t p t - q e^{t-1}, with q factored inside, INSIDE = sup_t q (t p/q
   - e^{t-1}), and F = sup_t t p/q - e^{t-1} (q pulled out), each by
   conjugate_sup_real; its closed form p log(p/q) at t = 1 + log(p/q)
   (Nguyen, Wainwright & Jordan 2010). */
typedef struct
{
  double p, q, lp, lq;
  concave_max whole;    /* sup_t p t - q e^{t-1} */
  concave_max inside;   /* sup_t q (t p/q - e^{t-1}) */
  concave_max f;        /* sup_t t p/q - e^{t-1} */
} fenchel_kl_point;

fenchel_kl_point fenchel_kl_at (double lp, double lq);

/* p log(p/q) with log(p/q) = lp - lq, lp and lq within 4u of their sizes:
   the supremum in closed form, a truth for WHOLE, INSIDE and q F. */
estimate fenchel_kl_integrand (const fenchel_kl_point * w);

/* The rows' other forms of the integrand, each within its rounding bound:
   fenchel_kl_q_sup    q F, F pulled out of the supremum (q >= 0), F's
                       error scaled and the product's 2u added;
   fenchel_kl_ratio_log  W (p/q) log(p/q) as the seed writes it (W = q:
                       q (p/q) log(p/q); W = 1: u log u at u = p/q), with
                       log(q/p) when INVERTED;
   fenchel_kl_weighted_log  W log(p/q) (W = p: the integrand);
   fenchel_kl_star_ratio  f*(p/q) = e^{p/q - 1}, within 4u.
   p/q is within 2u, so its log within u + (2u/|log r|)|log r| = 3u
   absolute. */
estimate fenchel_kl_q_sup (const fenchel_kl_point * w);
estimate fenchel_kl_ratio_log (const fenchel_kl_point * w, double weight, int inverted);
estimate fenchel_kl_weighted_log (const fenchel_kl_point * w, double weight);
estimate fenchel_kl_star_ratio (const fenchel_kl_point * w);

/* ---- the integrand of KL(p||q) at the point (mp, sp, mq, sq, z) ----
   p = N(mp, sp²), q = N(mq, sq²) at x = mp + sp z: the prep is
   fenchel_kl_at (log p(x), log q(x)), both by normal_log_pdf (x in
   standard units of p, so that the points cover p's bulk).  Read from it,
   as a derivation's truths and rows:
     fenchel_kl_closed       p log(p/q), the harness's own closed form of
                             the supremum, at t = 1 + log(p/q)
                             (fenchel_kl_integrand)
     fenchel_kl_whole_sup    sup_t p t - q e^{t-1} by Brent (WHOLE)
     fenchel_kl_inside_sup   sup_t q (t p/q - e^{t-1}) by Brent (INSIDE)
     fenchel_kl_f_sup        sup_t t p/q - e^{t-1} by Brent (F)
     fenchel_kl_q_f_sup      q F, F pulled out (fenchel_kl_q_sup)
   and the integrand's other forms above, at u = p/q:
     fenchel_kl_u_log_u          u log u (fenchel_kl_ratio_log, W = 1)
     fenchel_kl_star_at_ratio    f*(u) = e^{u-1} (fenchel_kl_star_ratio)
     fenchel_kl_q_u_log_u        q (p/q) log(p/q) (W = q)
     fenchel_kl_q_u_log_inverse  q (p/q) log(q/p) (W = q, INVERTED)
     fenchel_kl_p_log            p log(p/q) as written (fenchel_kl_weighted_log)
     fenchel_kl_q_log            q log(p/q) */
void fenchel_kl_prepare (const point * p, void *prep);
estimate fenchel_kl_closed (const point * p, const void *prep);
estimate fenchel_kl_whole_sup (const point * p, const void *prep);
estimate fenchel_kl_inside_sup (const point * p, const void *prep);
estimate fenchel_kl_f_sup (const point * p, const void *prep);
estimate fenchel_kl_q_f_sup (const point * p, const void *prep);
estimate fenchel_kl_u_log_u (const point * p, const void *prep);
estimate fenchel_kl_star_at_ratio (const point * p, const void *prep);
estimate fenchel_kl_q_u_log_u (const point * p, const void *prep);
estimate fenchel_kl_q_u_log_inverse (const point * p, const void *prep);
estimate fenchel_kl_p_log (const point * p, const void *prep);
estimate fenchel_kl_q_log (const point * p, const void *prep);

#endif
