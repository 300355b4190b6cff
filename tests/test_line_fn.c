/* test_line_fn.c -- the line functions lib/line_fn.h defines: a closed
   form returns its estimate, an rnd integrand its value with its
   rounding bound (one product of exact leaves: γ₁|1.5 · 0.1| ≈ 0.15 u,
   u = 2⁻⁵³, by hand), a plain integrand its value with the engine's
   bound left alone; the constants 0 and 1 exact. */
#include "line_fn.h"
#include "tap.h"

#include <float.h>
#include <math.h>

LINE_FN_CLOSED (closed_sum, est_exact (p->v[0] + p->v[1], 0.5))
LINE_FN_RND (rnd_product, rnd_mul (rnd_exact (p->v[0]), rnd_exact (z[0])))
LINE_FN_PLAIN (plain_sum, p->v[1] + z[0] + (u == NULL))

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
  estimate zero = line_fn_zero (&p, NULL), one = line_fn_one (&p, &bound);
  tap_ok (zero.value == 0 && est_bound (zero) == 0 && est_se (zero) == 0
          && one.value == 1 && est_bound (one) == 0 && est_se (one) == 0,
          "line_fn_zero, line_fn_one: 0 and 1, exact, whatever the point");
  return tap_done ();
}
