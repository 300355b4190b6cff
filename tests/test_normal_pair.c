/* test_normal_pair.c -- two univariate normals against GSL, quadrature and
   the draws' own recipe; the midpoint mixture's KL and JSD against the
   entropy form by QAGI, closed-form cases and the Lin-Topsoe bracket. */
#include "normal.h"
#include "normal_pair.h"
#include "tap.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

/* log a(x) - log b(x) written out, against which the closed form KL and
   normal_pair_log_ratio are compared */
static double
log_ratio_by_hand (const normal_pair * g, double x)
{
  double za = (x - g->ma) / g->sa, zb = (x - g->mb) / g->sb;
  return 0.5 * (zb * zb - za * za) + log (g->sb / g->sa);
}

static double
kl_integrand (double x, void *params)
{
  const normal_pair *g = params;
  if (normal_pair_far_tail (x))
    return 0.0;
  double pa = gsl_ran_gaussian_pdf (x - g->ma, g->sa);
  return pa > 0 ? pa * log_ratio_by_hand (g, x) : 0.0;
}

static double
density_b (double x, void *params)
{
  const normal_pair *g = params;
  return normal_pair_far_tail (x) ? 0.0 : gsl_ran_gaussian_pdf (x - g->mb, g->sb);
}

/* A critic's objective with closed forms: T(x) = x with identity links is
   ma + mb; LB(t) = t^2 alone is mb^2 + sb^2; the NWJ bound at its optimal
   critic T = 1 + log(b/a), E_b[T] - E_a[e^{T-1}], is KL(b||a).  Monte Carlo
   against the same within 5 standard errors (false alarm ~6e-7 each). */
static double identity (double t) { return t; }
static double square (double t) { return t * t; }
static double neg_exp_m1 (double t) { return -exp (t - 1); }
static double critic_x (double x, void *p) { (void) p; return x; }
static double critic_nwj_opt (double x, void *p) { return 1 - normal_pair_log_ratio (p, x); }

static void
test_objective (gsl_rng * r)
{
  const normal_pair cases[] = { {0, 1, 1, 0.6}, {-1.2, 0.7, 0.4, 1.5}, {2, 1.3, 2, 1.3} };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      const normal_pair *c = &cases[i];
      quad_result q = normal_pair_objective_quad (c, critic_x, NULL, identity, identity);
      tap_close (q.value, c->ma + c->mb, 1e-10 + q.abserr, "objective %zu: E_a[x] + E_b[x]", i);
      q = normal_pair_objective_quad (c, critic_x, NULL, NULL, square);
      tap_close (q.value, c->mb * c->mb + c->sb * c->sb, 1e-10 + q.abserr,
                 "objective %zu: E_b[x^2] alone (LA NULL)", i);
      q = normal_pair_objective_quad (c, critic_nwj_opt, (void *) c, neg_exp_m1, identity);
      double kl = normal_kl (c->mb, c->sb, c->ma, c->sa);
      tap_close (q.value, kl, 1e-10 + q.abserr, "objective %zu: NWJ at its optimal critic ="
                 " KL(b||a) = %.6g", i, kl);
      estimate e = normal_pair_objective_mc (r, c, critic_x, NULL, identity, identity, 20000);
      tap_ok (fabs (e.value - (c->ma + c->mb)) <= 5 * e.err && e.err > 0,
              "objective %zu: Monte Carlo E_a[x] + E_b[x] within 5 se (z %.2f)", i,
              (e.value - (c->ma + c->mb)) / e.err);
      e = normal_pair_objective_mc (r, c, critic_nwj_opt, (void *) c, neg_exp_m1, identity, 20000);
      tap_ok (fabs (e.value - kl) <= 5 * e.err + 1e-12, "objective %zu: Monte Carlo NWJ"
              " within 5 se of KL (z %.2f)", i, e.err > 0 ? (e.value - kl) / e.err : 0.0);
    }
}

/* ---- the midpoint mixture m = (a + b)/2 ----
   The reference is another algorithm on another form of the integrand:
   KL(a||m) = -H(a) - ∫ a log m and JSD = H(m) - ½H(a) - ½H(b), with the
   normal entropy H = ½ log(2πe σ²) in closed form and the remaining
   integral by GSL's QAGI over the whole line, m from gsl_ran_gaussian_pdf
   in linear space.  Closed-form cases: a = b gives 0; means 20 sd apart,
   an overlap 2Q(10) ~ 1e-23 below rounding, give log 2 (disjoint
   supports); unit normals d apart satisfy the bracket of the gap,
   2Q(d/2) log 2 <= log 2 - JSD <= e^{-d²/8} log 2 (Lin 1991, Topsoe 2000).
   Negative control: the integrand with m = a + b (the ½ lost), integrated
   over the same interval, fails the comparison with the reference. */
#define MID_EPSABS 1e-12
#define MID_EPSREL 1e-10

static double
mid_pdf (const normal_pair * g, double x)
{
  return 0.5 * (gsl_ran_gaussian_pdf (x - g->ma, g->sa) + gsl_ran_gaussian_pdf (x - g->mb, g->sb));
}

static double
entropy_mid_integrand (double x, void *params)
{
  double m = mid_pdf (params, x);
  return m > 0 ? -m * log (m) : 0.0;
}

static double
cross_mid_integrand (double x, void *params)
{
  const normal_pair *g = params;
  double a = gsl_ran_gaussian_pdf (x - g->ma, g->sa), m = mid_pdf (g, x);
  return a > 0 && m > 0 ? a * log (m) : 0.0;
}

/* the ½ of m = (a + b)/2 lost: m = a + b, in log space as the library's */
static double
jsd_unhalved_integrand (double x, void *params)
{
  const normal_pair *g = params;
  double la = normal_log_pdf (x, g->ma, g->sa), lb = normal_log_pdf (x, g->mb, g->sb);
  double lm = log (exp (la) + exp (lb));
  return exp (la) + exp (lb) > 0 ? 0.5 * (exp (la) * (la - lm) + exp (lb) * (lb - lm)) : 0.0;
}

/* ∫ F over the line by QAGI; NaN (a failed test, not an abort) when it
   does not reach its tolerance */
static double
qagi (quad_fn f, normal_pair * g)
{
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (1000);
  gsl_function F = { f, g };
  double v = 0, err = 0;
  int status = gsl_integration_qagi (&F, 1e-12, 1e-10, 1000, w, &v, &err);
  gsl_integration_workspace_free (w);
  gsl_set_error_handler (old);
  return status ? NAN : v;
}

static double
entropy_closed (double sd)
{
  return 0.5 * log (2 * M_PI * M_E * sd * sd);
}

/* |Q - REF| within Q's own bound and 1e-9 (QAGI's tolerance, with room) */
static int
mid_matches (quad_result q, double ref)
{
  return fabs (q.value - ref) <= q.abserr + 1e-9;
}

static void
test_midpoint (void)
{
  normal_pair cases[] = { {0, 1, 1, 1}, {-0.4, 0.6, 1.1, 1.8}, {0.5, 2, 0.7, 0.5} };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      normal_pair *g = &cases[i], swap = { g->mb, g->sb, g->ma, g->sa };
      quad_result kl = normal_pair_kl_mid_quad (g, MID_EPSABS, MID_EPSREL);
      double kl_ref = -entropy_closed (g->sa) - qagi (cross_mid_integrand, g);
      tap_ok (mid_matches (kl, kl_ref), "mid %zu: KL(a||m) %.15g = -H(a) - ∫ a log m by QAGI"
              " %.15g", i, kl.value, kl_ref);
      quad_result jsd = normal_pair_jsd_quad (g, MID_EPSABS, MID_EPSREL);
      double jsd_ref = qagi (entropy_mid_integrand, g)
        - 0.5 * (entropy_closed (g->sa) + entropy_closed (g->sb));
      tap_ok (mid_matches (jsd, jsd_ref), "mid %zu: JSD %.15g = H(m) - ½H(a) - ½H(b) by QAGI"
              " %.15g", i, jsd.value, jsd_ref);
      quad_result kl_b = normal_pair_kl_mid_quad (&swap, MID_EPSABS, MID_EPSREL);
      tap_close (jsd.value, 0.5 * (kl.value + kl_b.value), jsd.abserr + kl.abserr + kl_b.abserr,
                 "mid %zu: JSD = ½KL(a||m) + ½KL(b||m)", i);
      quad_result wrong = normal_pair_quad_interval (jsd_unhalved_integrand, g, g, MID_EPSABS,
                                                     MID_EPSREL);
      tap_ok (!mid_matches (wrong, jsd_ref), "mid %zu: negative control, m = a + b gives %.6g,"
              " caught against %.6g", i, wrong.value, jsd_ref);
      quad_result kl_ab = normal_pair_quad_interval (kl_integrand, g, g, MID_EPSABS, MID_EPSREL);
      tap_close (kl_ab.value, normal_pair_kl (g), kl_ab.abserr + 1e-12,
                 "mid %zu: the interval holds KL(a||b) = its closed form", i);
    }
  normal_pair same = { 0.3, 1.7, 0.3, 1.7 }, apart = { 0, 1, 20, 1 };
  quad_result q = normal_pair_jsd_quad (&same, MID_EPSABS, MID_EPSREL);
  tap_close (q.value, 0.0, q.abserr + 1e-12, "JSD(a, a) = 0");
  q = normal_pair_kl_mid_quad (&same, MID_EPSABS, MID_EPSREL);
  tap_close (q.value, 0.0, q.abserr + 1e-12, "KL(a||m) = 0 for a = b");
  q = normal_pair_jsd_quad (&apart, MID_EPSABS, MID_EPSREL);
  tap_close (q.value, M_LN2, q.abserr + 1e-12, "JSD = log 2, means 20 sd apart");
  q = normal_pair_kl_mid_quad (&apart, MID_EPSABS, MID_EPSREL);
  tap_close (q.value, M_LN2, q.abserr + 1e-12, "KL(a||m) = log 2, means 20 sd apart");
  for (double d = 0.5; d <= 8; d *= 2)
    {
      normal_pair unit = { 0, 1, d, 1 };
      q = normal_pair_jsd_quad (&unit, MID_EPSABS, MID_EPSREL);
      double gap = M_LN2 - q.value;
      double lo = M_LN2 * 2 * gsl_cdf_ugaussian_Q (d / 2), hi = M_LN2 * exp (-d * d / 8);
      tap_ok (gap + q.abserr >= lo && gap - q.abserr <= hi, "d = %g: %.6g <= log 2 - JSD = %.6g"
              " <= %.6g", d, lo, gap, hi);
    }
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937), *r2 = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 7), gsl_rng_set (r2, 7);
  for (int k = 0; k < 20; k++)
    {
      normal_pair g = normal_pair_draw (r, -0.5, 0.6);
      double ma = gsl_ran_gaussian (r2, 1.0), sa = exp (gsl_ran_flat (r2, -0.5, 0.6));
      double mb = gsl_ran_gaussian (r2, 1.0), sb = exp (gsl_ran_flat (r2, -0.5, 0.6));
      tap_ok (g.ma == ma && g.sa == sa && g.mb == mb && g.sb == sb,
              "draw %d: ma, sa, mb, sb in that order from the stream", k);
      tap_ok (g.sa >= exp (-0.5) && g.sa <= exp (0.6) && g.sb >= exp (-0.5)
              && g.sb <= exp (0.6), "draw %d: sd within e^[-0.5, 0.6]", k);
      if (k % 5)
        continue;
      quad_result q = normal_pair_quad (kl_integrand, &g, &g, g.ma, g.sa);
      tap_close (normal_pair_kl (&g), q.value, 1e-11 + q.abserr,
                 "draw %d: KL(a||b) = quadrature of a log(a/b)", k);
      quad_result lq = normal_pair_kl_quad (&g);
      tap_close (lq.value, normal_pair_kl (&g), 1e-11 + lq.abserr,
                 "draw %d: normal_pair_kl_quad = the closed form", k);
      quad_result one = normal_pair_quad (density_b, &g, &g, g.mb + 3, 0.1);
      tap_close (one.value, 1.0, 1e-12 + one.abserr,
                 "draw %d: b integrates to 1 over the hull with a narrow third bump", k);
      for (double x = -3; x <= 3; x += 1.5)
        tap_close (normal_pair_log_ratio (&g, x),
                   log (gsl_ran_gaussian_pdf (x - g.ma, g.sa) / gsl_ran_gaussian_pdf (x - g.mb, g.sb)),
                   1e-13 * (1 + x * x), "draw %d: log a(x)/b(x) at x = %g against GSL", k, x);
    }
  /* the prepare step reads a point as (ma, sa, mb, sb): KL(N(0, 1) || N(3, 2²))
     = log 2 + (1 + 3²)/(2 · 2²) - 1/2 = log 2 + 3/4 by hand; the negative
     control reads it as (ma, mb, sa, sb), N(0, 3²) against N(1, 2²), whose
     KL log(2/3) + 3/4 is log 3 off */
  point pt = { .n = 4, .v = { 0, 1, 3, 2 } };
  normal_pair prep;
  normal_pair_prepare (&pt, &prep);
  tap_close (normal_pair_kl (&prep), M_LN2 + 0.75, 1e-15, "prepare: KL of (0, 1, 3, 2) by hand");
  normal_pair swapped = { pt.v[0], pt.v[2], pt.v[1], pt.v[3] };
  tap_ok (fabs (normal_pair_kl (&swapped) - (M_LN2 + 0.75)) > 1,
          "control: the order (ma, mb, sa, sb) gives KL %g, detected", normal_pair_kl (&swapped));
  normal_pair same = { 0.3, 1.7, 0.3, 1.7 };
  tap_close (normal_pair_kl (&same), 0.0, 0.0, "KL of a normal to itself is 0");
  tap_ok (normal_pair_far_tail (1e101) && normal_pair_far_tail (-INFINITY)
          && !normal_pair_far_tail (1e99), "far tail beyond 1e100 only");
  test_objective (r);
  test_midpoint ();
  gsl_rng_free (r), gsl_rng_free (r2);
  return tap_done ();
}
