/* test_line_fn.c -- the line functions lib/line_fn.h defines: a closed
   form returns its estimate, an rnd integrand its value with its
   rounding bound (one product of exact leaves: γ₁|1.5 · 0.1| ≈ 0.15 u,
   u = 2⁻⁵³, by hand), a plain integrand its value with the engine's
   bound left alone, a bounded integrand the value and bound its callee
   wrote (the mean of 1 and 2 by lib/vsum, 1.5 within 2 n eps mean = 6 eps by
   hand); the constants 0 and 1 exact; a body called with a line's or a
   mutant's arguments (LINE_FN, LINE_FN_NOPREP), values by hand. */
#include "line_fn.h"
#include "tap.h"
#include "vsum.h"

#include <float.h>
#include <math.h>

LINE_FN_CLOSED (closed_sum, est_exact (p->v[0] + p->v[1], 0.5))
LINE_FN_RND (rnd_product, rnd_mul (rnd_exact (p->v[0]), rnd_exact (z[0])))
LINE_FN_PLAIN (plain_sum, p->v[1] + z[0] + (u == NULL))
LINE_FN_BOUNDED (bounded_mean, vsum_mean_bounded (z, (size_t) p->v[0], bound))
LINE_FN_BOUNDED (bounded_shifted, bounded_mean (p, u, z, bound) + p->v[1])

/* a body shared by a line and its mutant: K v0 + z0 (+ 1 with a prep), bound K */
static double
scaled_with (const point * p, const void *u, const double *z, double *bound, double k)
{
  *bound = k;
  return k * p->v[0] + z[0] + (u != NULL);
}
static double
scaled_noprep (const point * p, const double *z, double *bound, double k)
{
  return scaled_with (p, NULL, z, bound, k);
}
LINE_FN (scaled_literal, scaled_with, 2)
LINE_FN (scaled_mutant, scaled_with, p->v[1])
LINE_FN_NOPREP (scaled_plain, scaled_noprep, 3)

int
main (void)
{
  point p = { 0, 2, {1.5, -4} };
  double z[1] = { 0.1 }, bound = -1;
  estimate e = closed_sum (&p, NULL);
  tap_ok (e.value == -2.5 && e.err == 0.5, "LINE_FN_CLOSED returns its estimate");
  double v = rnd_product (&p, NULL, z, &bound);
  tap_ok (v == 1.5 * 0.1 && fabs (bound / (0.15 * DBL_EPSILON / 2) - 1) < 1e-9,
          "LINE_FN_RND returns the value and states rnd_bound (%g)", bound);
  bound = -1;
  tap_ok (plain_sum (&p, NULL, z, &bound) == -4 + 0.1 + 1 && bound == -1,
          "LINE_FN_PLAIN returns the value, the bound left to the engine");
  double z2[2] = { 1, 2 };
  point p2 = { 0, 2, {2, 0.25} };
  bound = -1;
  double mean = bounded_mean (&p2, NULL, z2, &bound);
  tap_ok (mean == 1.5 && bound == 6 * DBL_EPSILON,
          "LINE_FN_BOUNDED returns the callee's value and the bound it wrote (%g)", bound);
  bound = -1;
  tap_ok (bounded_shifted (&p2, NULL, z2, &bound) == 1.75 && bound == 6 * DBL_EPSILON,
          "a bounded line plus a mutant's change keeps the line's bound");
  bound = -1;
  tap_ok (scaled_literal (&p, &p, z, &bound) == 2 * 1.5 + 0.1 + 1 && bound == 2,
          "LINE_FN calls its body with the prep and its arguments: 2 · 1.5 + 0.1 + 1");
  tap_ok (scaled_mutant (&p, NULL, z, &bound) == -4 * 1.5 + 0.1 && bound == -4,
          "a mutant's arguments may read the point: -4 · 1.5 + 0.1, not the literal's 3.1");
  tap_ok (scaled_plain (&p, &p, z, &bound) == 3 * 1.5 + 0.1 && bound == 3,
          "LINE_FN_NOPREP drops the prep: 3 · 1.5 + 0.1");
  estimate zero = line_fn_zero (&p, NULL), one = line_fn_one (&p, &bound);
  tap_ok (zero.value == 0 && est_bound (zero) == 0 && est_se (zero) == 0
          && one.value == 1 && est_bound (one) == 0 && est_se (one) == 0,
          "line_fn_zero, line_fn_one: 0 and 1, exact, whatever the point");
  return tap_done ();
}
