/* test_root.c -- lib/root: bisection whose bracket rounding cannot break.
 *
 * Roots known in closed form: x - 1/3, x^3 - 2 (root 2^(1/3)), and a
 * difference of two nearly equal terms, a/x - b/(1 - x) (root a/(a + b)),
 * whose sign near the root is rounding noise.  The root must lie in the
 * returned bracket, the bracket must be small (bisection stops at the
 * first midpoint within the root's rounding uncertainty, which may come
 * while the bracket is still ~1e-12 wide: widths are asserted loosely),
 * and the failure paths --
 * no change of sign, an end whose sign is uncertain, a value that is not
 * finite -- must return NaN. */
#include "root.h"
#include "tap.h"

#include <float.h>
#include <math.h>

static double
linear (double x, void *p, double *rounding)
{
  (void) p;
  *rounding = DBL_EPSILON;
  return x - 1.0 / 3;
}

static double
cubic (double x, void *p, double *rounding)
{
  (void) p;
  *rounding = 4 * DBL_EPSILON * (x * x * x + 2);
  return x * x * x - 2;
}

/* a/x - b/(1 - x): each quotient and the difference within half an ulp of
   the terms, 1 - x half an ulp of itself */
static double
two_terms (double x, void *p, double *rounding)
{
  const double *ab = p, a = ab[0] / x, b = ab[1] / (1 - x);
  *rounding = 4 * DBL_EPSILON * (a + b);
  return a - b;
}

static double
pole (double x, void *p, double *rounding)
{
  (void) p;
  *rounding = 0;
  return 1 / (x - x);
}

static double
zero_everywhere (double x, void *p, double *rounding)
{
  (void) p;
  (void) x;
  *rounding = 1e-300;
  return 0;
}

static int
brackets (root_result r, double root, double width, const char *name)
{
  int ok = tap_ok (fabs (r.x - root) <= r.x_err, "%s: the root %.17g lies in"
                   " %.17g +- %.3g", name, root, r.x, r.x_err);
  return ok & tap_ok (r.x_err <= width, "%s: bracket half-width %.3g <= %.3g",
                      name, r.x_err, width);
}

int
main (void)
{
  brackets (root_bisect_certain (linear, NULL, 0, 1), 1.0 / 3, 4 * DBL_EPSILON, "x - 1/3");
  brackets (root_bisect_certain (cubic, NULL, 0, 3), cbrt (2.0), 1e-14, "x^3 - 2");
  const double cases[][2] = { {1, 2}, {0.01, 100}, {37, 0.2} };
  for (int i = 0; i < 3; i++)
    {
      double a = cases[i][0], b = cases[i][1], root = a / (a + b);
      char name[64];
      snprintf (name, sizeof name, "%g/x - %g/(1 - x)", a, b);
      brackets (root_bisect_certain (two_terms, (void *) cases[i], 0x1p-40,
                                     1 - 0x1p-40), root, 1e-9, name);
    }
  /* the first midpoint is the root itself, where the sign is uncertain:
     the search stops there, and the (wide) bracket still holds it */
  const double even[2] = { 1, 1 };
  root_result r = root_bisect_certain (two_terms, (void *) even, 0x1p-40, 1 - 0x1p-40);
  tap_ok (r.x == 0.5 && fabs (r.x - 0.5) <= r.x_err,
          "1/x - 1/(1 - x): stops at the midpoint 0.5, whose sign is uncertain");
  tap_ok (isnan (root_bisect_certain (linear, NULL, 0.5, 1).x),
          "no change of sign on [0.5, 1]: NaN");
  tap_ok (isnan (root_bisect_certain (pole, NULL, 0, 1).x), "g not finite: NaN");
  tap_ok (isnan (root_bisect_certain (zero_everywhere, NULL, 0, 1).x),
          "ends whose sign is uncertain: NaN");
  /* the same as an estimate: the root within its error, the bracket's; a root off by 1e-6
     (the negative control) outside it; no certain root NaN */
  estimate e = root_bisect_estimate (two_terms, (void *) cases[1], 0x1p-40, 1 - 0x1p-40);
  double root = 0.01 / 100.01;
  tap_ok (e.kind == EST_OPT && fabs (e.value - root) <= e.err && e.err <= 1e-9,
          "estimate: 0.01/x - 100/(1 - x) has its root %.17g within %.17g +- %.3g", root,
          e.value, e.err);
  tap_ok (fabs (e.value - (root + 1e-6)) > e.err,
          "estimate, negative control: a root off by 1e-6 lies outside the error");
  e = root_bisect_estimate (linear, NULL, 0.5, 1);
  tap_ok (isnan (e.value) && e.err == 0, "estimate: no change of sign on [0.5, 1]: NaN");
  return tap_done ();
}
