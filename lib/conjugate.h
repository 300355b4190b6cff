/* conjugate.h -- convex conjugates computed, never substituted.
 *
 * f*(t) = sup_x [x t - f(x)] is the supremum of a concave function of x.
 * These take it by maximize_concave_1d (lib/minimize: a grid, then Brent,
 * with a bracket and a value bound that survive rounding) over one of two
 * standard grids: dom f = (0, ∞), geometric on [1e-8, 1e8] (161 points),
 * or dom f = ℝ, linear on [-300, 300] (2401 points: enough room for a
 * maximiser at a log-ratio of two densities, |log(p/q)| up to ~150).
 *
 * Brent stops when its bracket is below xtol_abs + 3e-7 |x|: much tighter
 * and the flat top drowns in rounding (g(x* + e) - g(x*) ~ g'' e^2 / 2 must
 * stay above the rounding of g: e >> sqrt(u |g| / |g''|), ~1e-8 |u| for
 * ut - u log u, ~1.5e-8 sqrt(1 + |t|) for objectives like tu - e^{t-1});
 * xtol_abs is 1e-12 on (0, ∞) and 3e-7 on ℝ. */
#ifndef HARNESS_CONJUGATE_H
#define HARNESS_CONJUGATE_H

#include "estimate.h"
#include "minimize.h"

#define CONJUGATE_XTOL_REL 3e-7

/* sup of the concave G (with its rounding, as concave_fn) over (0, ∞) and
   over ℝ.  Dies (exit 3) as maximize_concave_1d when Brent fails, e.g.
   when the maximiser lies beyond the grid. */
concave_max conjugate_sup_positive (concave_fn g, void *params);
concave_max conjugate_sup_real (concave_fn g, void *params);

/* A - B for an objective x t - f(x), and in *ROUNDING the bound 4u (|A| +
   |B|): each of A and B a product or an elementary function within 2u,
   the difference within u. */
double conjugate_diff (double a, double b, double *rounding);

/* ---- f(u) = u log u, the generator of KL(p||q) = E_q[f(p/q)] ----
   Its conjugate is f*(t) = e^{t-1} and its biconjugate f** = f
   (Fenchel-Moreau); here each is a numerical supremum, so that a claim
   can check a derivation of them against something it did not assume. */

/* u t - u log u at T = *(double *) PARAMS, concave in u > 0; and
   t u - e^{t-1} at U = *(double *) PARAMS, concave in t: concave_fn's,
   their rounding by conjugate_diff. */
double conjugate_ulogu_objective (double u, void *params, double *rounding);
double conjugate_exp_objective (double t, void *params, double *rounding);

/* f*(t) = sup_{u > 0} ut - u log u (conjugate_sup_positive), and the
   conjugate of e^{t-1} at u, sup_t tu - e^{t-1} (conjugate_sup_real). */
concave_max conjugate_ulogu_star (double t);
concave_max conjugate_exp_star (double u);

/* f**(u) = sup_t [tu - f*(t)] with f*(t) itself conjugate_ulogu_star: no
   closed form used, the inner bound carried into the outer.  Each outer
   evaluation is an inner Brent, so the outer grid is 18 points on
   [-10, 12], which holds the maximiser log u + 1 for u in [e^{-11}, e^{11}]. */
concave_max conjugate_ulogu_biconjugate (double u);

/* d/du (ut - u log u) = t - log u - 1 by the complex step (complex_step.h),
   which shares no algebra with the derivative: within 8u (|t| + |log u| + 1). */
estimate conjugate_ulogu_slope (double t, double u);
/* ... at a computed maximiser M of ut - u log u (conjugate_ulogu_star (t)):
   0 at the true maximiser u*; since |d²/du²| = 1/u, the distance x_err
   from M.x to u* adds at most x_err / (M.x - x_err) to the bound. */
estimate conjugate_ulogu_slope_at_max (double t, concave_max m);

#endif
