/* test_normal_pair.c -- two univariate normals against GSL, quadrature and
   the draws' own recipe. */
#include "normal.h"
#include "normal_pair.h"
#include "tap.h"

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
  normal_pair same = { 0.3, 1.7, 0.3, 1.7 };
  tap_close (normal_pair_kl (&same), 0.0, 0.0, "KL of a normal to itself is 0");
  tap_ok (normal_pair_far_tail (1e101) && normal_pair_far_tail (-INFINITY)
          && !normal_pair_far_tail (1e99), "far tail beyond 1e100 only");
  test_objective (r);
  gsl_rng_free (r), gsl_rng_free (r2);
  return tap_done ();
}
