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

#endif
