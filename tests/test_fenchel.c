/* test_fenchel.c -- lib/fenchel against closed forms it does not use:
   d/du (ut - u log u) = t - log u - 1, f*(t) = e^{t-1} and its maximiser
   e^{t-1}, f**(u) = u log u (both the conjugate of e^{t-1} and the nested
   supremum) and its maximiser log u + 1, and the pointwise form of KL,
   sup_t p t - q e^{t-1} = p log(p/q), by long double at Gaussian densities
   and at a case worked by hand (p = 2, q = 1: 2 log 2), and read from a
   point (mp, sp, mq, sq, z) at x = mp + sp z.  The residuals at the
   computed maximisers (the slope truths among them) must hold 0 within
   their bounds.  Negative controls: the derivative and the stationarity
   condition without their 1 (t - log u), the slope with the wrong sign
   (u + e^{t-1}), the densities swapped (q log(q/p)), a wrong closed form
   (p log(q/p)) and, at a point, the reference at x = z must each lie
   outside the bound. */
#include "fenchel.h"
#include "tap.h"

#include <math.h>

static point pt;        /* static: a point holds POINT_MAX doubles */

/* |E - want| within E's bound plus WANT's own rounding */
static int
within (estimate e, double want)
{
  return fabs (e.value - want) <= e.err + 8 * EST_U * (fabs (want) + 1);
}

/* d/du (ut - u log u) = t - log u - 1 at (t, u); t - log u must miss */
static void
test_slope (double t, double u)
{
  pt.v[0] = t, pt.v[1] = u;
  estimate s = fenchel_ulogu_slope (&pt, NULL);
  tap_ok (within (s, t - log (u) - 1) && !within (s, t - log (u)),
          "d/du (ut - u log u) at (%g, %g) = %.17g: t - log u - 1, not t - log u", t, u, s.value);
}

static void
test_star (double t)
{
  concave_max m;
  pt.v[0] = t;
  fenchel_star_prepare (&pt, &m);
  estimate sup = fenchel_star_sup (&pt, &m), x = fenchel_star_argmax (&pt, &m);
  tap_ok (within (sup, exp (t - 1)), "f*(%g) = %.17g within %.3g of e^{t-1}", t, sup.value,
          sup.err);
  tap_ok (within (x, exp (t - 1)), "argmax at t = %g: %.17g within %.3g of e^{t-1}", t, x.value,
          x.err);
  estimate s = fenchel_star_slope (&pt, &m), r = fenchel_star_stationary (t, m, 1.0);
  tap_ok (fabs (s.value) <= s.err && s.err < 1e-5, "slope at t = %g: %.3g within %.3g of 0", t,
          s.value, s.err);
  tap_ok (fabs (r.value) <= r.err && r.err < 1e-5, "t - [log u* + 1] at t = %g: %.3g within %.3g",
          t, r.value, r.err);
  estimate row = fenchel_star_stationary_at_max (&pt, &m);
  tap_ok (fabs (row.value) <= row.err && row.err < 1e-5,
          "the row t - [log u* + 1] at the prep's maximiser, t = %g: %.3g within %.3g", t,
          row.value, row.err);
  estimate wrong = fenchel_star_stationary (t, m, 0.0);
  tap_ok (fabs (wrong.value) > wrong.err, "negative control: t - log u* = %.3g beyond %.3g",
          wrong.value, wrong.err);
}

static void
test_bi (double u)
{
  fenchel_bi b;
  pt.v[0] = u;
  fenchel_bi_prepare (&pt, &b);
  estimate sup = fenchel_bi_sup (&pt, &b), nested = fenchel_bi_nested (&pt, &b);
  estimate x = fenchel_bi_argmax (&pt, &b);
  tap_ok (within (sup, u * log (u)), "sup_t tu - e^{t-1} at u = %g: %.17g within %.3g of u log u",
          u, sup.value, sup.err);
  tap_ok (within (nested, u * log (u)), "nested f**(%g) = %.17g within %.3g of u log u", u,
          nested.value, nested.err);
  tap_ok (within (x, log (u) + 1), "argmax at u = %g: %.17g within %.3g of log u + 1", u, x.value,
          x.err);
  estimate s = fenchel_bi_slope (u, b.bi, -1.0), wrong = fenchel_bi_slope (u, b.bi, 1.0);
  tap_ok (fabs (s.value) <= s.err && s.err < 1e-5 * u, "u - e^{t-1} at u = %g: %.3g within %.3g",
          u, s.value, s.err);
  tap_ok (fabs (wrong.value) > wrong.err, "negative control: u + e^{t-1} = %.3g beyond %.3g",
          wrong.value, wrong.err);
  estimate truth = fenchel_bi_slope_at_max (&pt, &b);
  tap_ok (fabs (truth.value) <= truth.err && truth.err < 1e-5 * u,
          "the truth d/dt (tu - e^{t-1}) at u = %g: %.3g within %.3g of 0", u, truth.value,
          truth.err);
}

/* log N(x; m, s²) in long double, for the reference */
static long double
log_normal_l (long double x, long double m, long double s)
{
  long double z = (x - m) / s;
  return -0.5L * z * z - logl (s) - 0.5L * logl (2 * 3.141592653589793238462643383279503L);
}

static void
test_kl (long double lp, long double lq, const char *where)
{
  fenchel_kl_point w = fenchel_kl_at ((double) lp, (double) lq);
  double want = (double) (expl (lp) * (lp - lq));
  estimate qf = fenchel_kl_q_sup (&w);
  tap_ok (within (concave_max_value (w.whole), want) && within (concave_max_value (w.inside), want)
          && within (qf, want), "%s: sup_t pt - q e^{t-1} three ways within their bounds of"
          " p log(p/q) = %.17g", where, want);
  estimate closed = fenchel_kl_integrand (&w);
  tap_ok (within (closed, want), "%s: the closed form %.17g within %.3g", where, closed.value,
          closed.err);
  fenchel_kl_point swapped = fenchel_kl_at ((double) lq, (double) lp);
  double inverted = (double) (expl (lp) * (lq - lp));
  tap_ok (!within (concave_max_value (swapped.whole), want)
          && !within (concave_max_value (w.whole), inverted),
          "%s: negative controls q log(q/p) and p log(q/p) detected", where);
  /* the rows' forms, against p log(p/q) and f*(p/q) = e^{p/q - 1} in long double */
  long double r = expl (lp - lq), ulogu = r * (lp - lq);
  tap_ok (within (fenchel_kl_ratio_log (&w, w.q, 0), want)
          && within (fenchel_kl_weighted_log (&w, w.p), want)
          && within (fenchel_kl_ratio_log (&w, 1.0, 0), (double) ulogu)
          && within (fenchel_kl_star_ratio (&w), (double) expl (r - 1)),
          "%s: q (p/q) log(p/q), p log(p/q), u log u and e^{u-1} at u = p/q", where);
  tap_ok (!within (fenchel_kl_ratio_log (&w, w.q, 1), want)
          && !within (fenchel_kl_weighted_log (&w, w.q), want),
          "%s: negative controls q (p/q) log(q/p) and q log(p/q) detected", where);
}

/* p log(p/q) in long double at x, p = N(MP, SP²), q = N(MQ, SQ²) */
static double
kl_integrand_l (long double x, const double v[4])
{
  long double lp = log_normal_l (x, v[0], v[1]), lq = log_normal_l (x, v[2], v[3]);
  return (double) (expl (lp) * (lp - lq));
}

/* The point (mp, sp, mq, sq, z): the prep at x = mp + sp z, and the truths
   and rows read from it, against p log(p/q) (and (p/q) log(p/q) for F) in
   long double.  Negative controls: the reference at x = z (the map to x
   forgotten) and with p and q swapped must lie outside the bound. */
static void
test_kl_point (const double v[5])
{
  for (int i = 0; i < 5; i++)
    pt.v[i] = v[i];
  fenchel_kl_point w;
  fenchel_kl_prepare (&pt, &w);
  long double x = v[0] + (long double) v[1] * v[4];
  long double lp = log_normal_l (x, v[0], v[1]), lq = log_normal_l (x, v[2], v[3]);
  double want = kl_integrand_l (x, v), ratio_log = (double) (expl (lp - lq) * (lp - lq));
  tap_close (w.lp, (double) lp, 1e-14 * (1 + fabsl (lp)), "point z = %g: log p(x) at x = mp + sp z",
             v[4]);
  estimate closed = fenchel_kl_closed (&pt, &w);
  tap_ok (within (closed, want) && within (fenchel_kl_whole_sup (&pt, &w), want)
          && within (fenchel_kl_inside_sup (&pt, &w), want)
          && within (fenchel_kl_q_f_sup (&pt, &w), want)
          && within (fenchel_kl_f_sup (&pt, &w), ratio_log),
          "point z = %g: p log(p/q) = %.17g, closed and by Brent three ways; F = (p/q) log(p/q)",
          v[4], want);
  /* the rows' forms at u = p/q */
  long double r = expl (lp - lq);
  tap_ok (within (fenchel_kl_q_u_log_u (&pt, &w), want) && within (fenchel_kl_p_log (&pt, &w), want)
          && within (fenchel_kl_u_log_u (&pt, &w), ratio_log)
          && within (fenchel_kl_star_at_ratio (&pt, &w), (double) expl (r - 1)),
          "point z = %g: q (p/q) log(p/q), p log(p/q), u log u and e^{u-1} at u = p/q", v[4]);
  tap_ok (!within (fenchel_kl_q_u_log_inverse (&pt, &w), want)
          && !within (fenchel_kl_q_log (&pt, &w), want),
          "point z = %g: negative controls q (p/q) log(q/p) and q log(p/q) detected", v[4]);
  const double swapped[4] = { v[2], v[3], v[0], v[1] };
  tap_ok (!within (closed, kl_integrand_l (v[4], v))
          && !within (closed, kl_integrand_l (x, swapped)),
          "point z = %g: negative controls x = z and p, q swapped detected", v[4]);
}

int
main (void)
{
  const double ts[] = { -4, -1, 0, 1.5, 4 }, us[] = { 0.02, 0.5, 2.7, 55 };
  for (size_t i = 0; i < 5; i++)
    test_star (ts[i]), test_slope (ts[i], 0.05 + i * 1.8);
  for (size_t i = 0; i < 4; i++)
    test_bi (us[i]);
  test_kl (logl (2), 0, "p = 2, q = 1 (2 log 2, by hand)");
  tap_close (concave_max_value (fenchel_kl_at (log (2), 0).whole).value, 2 * log (2), 1e-12,
             "p = 2, q = 1: sup_t 2t - e^{t-1} = 2 log 2");
  const long double xs[] = { -2.5L, -0.3L, 0.7L, 3.1L };
  for (size_t i = 0; i < 4; i++)
    {
      char where[64];
      snprintf (where, sizeof where, "p = N(0, 1), q = N(1, 1.5²) at x = %g", (double) xs[i]);
      test_kl (log_normal_l (xs[i], 0, 1), log_normal_l (xs[i], 1, 1.5L), where);
    }
  const double points[3][5] = { {0.4, 1.3, -0.8, 0.7, -1.2}, {-1, 0.6, 1.2, 1.8, 2.5},
                                 {1.5, 1.8, 0, 1, 0.3} };
  for (size_t i = 0; i < 3; i++)
    test_kl_point (points[i]);
  return tap_done ();
}
