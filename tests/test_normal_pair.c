/* test_normal_pair.c -- two univariate normals against GSL, quadrature and
   the draws' own recipe. */
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
  gsl_rng_free (r), gsl_rng_free (r2);
  return tap_done ();
}
