/* test_conjugate.c -- numerical conjugates against the closed forms of
   three textbook pairs: u log u and e^{t-1} on (0, ∞), x²/2 and t²/2,
   e^x and t log t - t on ℝ.  Each supremum must lie within its own bound
   of the truth (plus the truth's rounding), the maximiser within x_err.
   Then the u log u pair as the library packages it: f*, the conjugate of
   e^{t-1}, the nested biconjugate and the complex-step slope against
   e^{t-1}, u log u, log u + 1 and t - log u - 1. */
#include "conjugate.h"
#include "tap.h"

#include <math.h>

/* x t - f(x), PARAMS t */
static double
u_log_u (double u, void *a, double *rd)
{
  return conjugate_diff (u * *(double *) a, u * log (u), rd);
}

static double
half_square (double x, void *a, double *rd)
{
  return conjugate_diff (x * *(double *) a, 0.5 * x * x, rd);
}

static double
exponential (double x, void *a, double *rd)
{
  return conjugate_diff (x * *(double *) a, exp (x), rd);
}

static void
expect (concave_max m, double value, double x, const char *what, const char *arg, double t)
{
  double slack = 8 * EST_U * (fabs (value) + 1);
  tap_ok (fabs (m.value - value) <= m.err + slack,
          "%s at %s = %g: %.17g within %.3g of %.17g", what, arg, t, m.value, m.err, value);
  tap_ok (fabs (m.x - x) <= m.x_err + 8 * EST_U * fabs (x),
          "%s at %s = %g: maximiser %.17g within %.3g of %.17g", what, arg, t, m.x, m.x_err, x);
  tap_ok (m.err < 1e-9 * (1 + fabs (value)) && m.x_err < 1e-5 * (1 + fabs (x)),
          "%s at %s = %g: bounds small (%.3g, %.3g)", what, arg, t, m.err, m.x_err);
}

int
main (void)
{
  const double ts[] = { -4, -0.5, 0, 1, 3.5 };
  for (size_t i = 0; i < 5; i++)
    {
      double t = ts[i];
      expect (conjugate_sup_positive (u_log_u, &t), exp (t - 1), exp (t - 1), "(u log u)*", "t", t);
      expect (conjugate_sup_real (half_square, &t), 0.5 * t * t, t, "(x²/2)*", "t", t);
      if (t > 0)
        expect (conjugate_sup_real (exponential, &t), t * log (t) - t, log (t), "(e^x)*", "t", t);
    }
  const double us[] = { 0.02, 0.5, 1, 2.7, 55 };
  for (size_t i = 0; i < 5; i++)
    {
      double u = us[i], t = ts[i];
      expect (conjugate_ulogu_star (t), exp (t - 1), exp (t - 1), "conjugate_ulogu_star", "t", t);
      expect (conjugate_exp_star (u), u * log (u), log (u) + 1, "conjugate_exp_star", "u", u);
      expect (conjugate_ulogu_biconjugate (u), u * log (u), log (u) + 1,
              "conjugate_ulogu_biconjugate", "u", u);
      estimate s = conjugate_ulogu_slope (t, u);
      double want = t - log (u) - 1;
      tap_ok (fabs (s.value - want) <= s.err + 4 * EST_U * (fabs (t) + fabs (log (u)) + 1)
              && s.err < 1e-13, "slope at t = %g, u = %g: %.17g within %.3g of %.17g",
              t, u, s.value, s.err, want);
    }
  for (size_t i = 0; i < 5; i++)
    {
      double t = ts[i];
      estimate s = conjugate_ulogu_slope_at_max (t, conjugate_ulogu_star (t));
      tap_ok (fabs (s.value) <= s.err && s.err < 1e-5,
              "slope at the computed maximiser, t = %g: %.3g within %.3g of 0", t, s.value, s.err);
    }
  double rd, v = conjugate_diff (3.0, -2.0, &rd);
  tap_ok (v == 5.0 && rd == 4 * EST_U * 5.0, "conjugate_diff: 3 - (-2) = 5, rounding 20u");
  return tap_done ();
}
