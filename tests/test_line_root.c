/* test_line_root.c -- lib/line_root: a line evaluated as the root of its equation.
 *
 * At the point v = (2, 3) the equations 0 = v0/D - v1/(1 - D) and v1 D = v0 (1 - D) both
 * have the root v0/(v0 + v1) = 0.4, solved by hand; each line's estimate lies within its
 * bracket of 0.4, the bracket narrow.  The equation's value and rounding bound at D = 1/4 are
 * exact by hand: 2/0.25 - 3/0.75 = 8 - 4 = 4 with bound K ε (8 + 4).  Negative controls: the
 * swapped v0 D = v1 (1 - D) has the root 0.6, which the comparison within the bracket tells
 * from 0.4; 0 = v0/D + v1/(1 - D) has no change of sign and a zero denominator no finite g:
 * both NaN.  Over a common denominator, 0 = (v0 (1 - D) - v1 D) / (D (1 - D)) has the same
 * root 0.4, and at D = 1/4 the value (1.5 - 0.75) / (3/16) = 4 with bound K ε (1.5 + 0.75 +
 * 0.75) / (3/16) = 16 K ε, by hand; negative control: the denominator printed D·1 - D is 0 at
 * every D, NaN. */
#include "line_root.h"
#include "tap.h"

#include <math.h>

LINE_ROOT_SIDES (quotients, v[0] / d, -, v[1] / (1 - d), 4)
LINE_ROOT_SIDES (products, v[1] * d, -, v[0] * (1 - d), 4)
LINE_ROOT_SIDES (swapped, v[0] * d, -, v[1] * (1 - d), 4)
LINE_ROOT_SIDES (plus, v[0] / d, +, v[1] / (1 - d), 4)

/* (v1 D - v0 (1 - D)) / (D - D): a zero denominator at every D */
static double
zero_denominator (double d, void *params, double *rounding)
{
  const double *v = params;
  *rounding = 0;
  return (v[1] * d - v[0] * (1 - d)) / (d * 1 - d);
}
LINE_ROOT (no_root, zero_denominator)
LINE_ROOT_QUOTIENT (over_common, v[0] * (1 - d), v[1] * d, d * (1 - d), 4)
LINE_ROOT_QUOTIENT (over_printed, v[0] * (1 - d), v[1] * d, d * 1 - d, 4)

/* Does E hold the value X within its bracket (est_opt's tolerance)? */
static int
within (estimate e, double x)
{
  return fabs (e.value - x) <= e.err + 1e-15;
}

int
main (void)
{
  point p = { 0, 2, {2, 3} };
  estimate q = quotients (&p, NULL), r = products (&p, NULL);
  tap_ok (within (q, 0.4) && q.err < 1e-10, "0 = v0/D - v1/(1 - D): D = 0.4 ± %.2g", q.err);
  tap_ok (within (r, 0.4) && r.err < 1e-10, "v1 D = v0 (1 - D): D = 0.4 ± %.2g", r.err);
  double rounding = -1, g = quotients_eq (0.25, p.v, &rounding);
  tap_ok (g == 4 && rounding == 4 * DBL_EPSILON * 12, "g(1/4) = 8 - 4 = 4, bound 4 ε (8 + 4)");
  estimate s = swapped (&p, NULL);
  tap_ok (within (s, 0.6) && !within (s, 0.4),
          "negative control: v0 D = v1 (1 - D) gives 0.6, told from 0.4");
  tap_ok (isnan (plus (&p, NULL).value), "0 = v0/D + v1/(1 - D): no change of sign, NaN");
  tap_ok (isnan (no_root (&p, NULL).value), "a zero denominator: g never finite, NaN");
  estimate c = over_common (&p, NULL);
  tap_ok (within (c, 0.4) && c.err < 1e-10, "0 = (v0 (1 - D) - v1 D) / (D (1 - D)): D = 0.4"
          " ± %.2g", c.err);
  rounding = -1, g = over_common_eq (0.25, p.v, &rounding);
  tap_ok (g == 4 && rounding == 4 * DBL_EPSILON * 16, "over a common denominator, g(1/4) ="
          " 0.75 / (3/16) = 4, bound 4 ε (1.5 + 0.75 + 0.75) / (3/16) = 64 ε (%.3g ε)",
          rounding / DBL_EPSILON);
  tap_ok (isnan (over_printed (&p, NULL).value),
          "negative control: the denominator printed D·1 - D is 0, NaN");
  return tap_done ();
}
