/* test_normal_rnd.c -- normal_log_pdf_rnd, rnd_exp and rnd_estimate against
   long double references (u = 2^-64) and normal_log_pdf itself. */
#include "normal.h"
#include "normal_rnd.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_rng.h>

static long double
log_pdf_ld (long double x, long double mu, long double sigma)
{
  long double z = (x - mu) / sigma;
  return -0.5L * z * z - logl (sigma) - 0.5L * logl (2 * 3.14159265358979323846264338327950288L);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  int same = 1, within = 1, tight = 1;
  double worst = 0;
  for (int i = 0; i < 10000; i++)
    {
      double x = 40 * gsl_rng_uniform (r) - 20, mu = 10 * gsl_rng_uniform (r) - 5;
      double sigma = exp (6 * gsl_rng_uniform (r) - 3);
      rnd l = normal_log_pdf_rnd (rnd_exact (x), rnd_exact (mu), sigma);
      same &= l.value == normal_log_pdf (x, mu, sigma);
      double err = fabs ((double) ((long double) l.value - log_pdf_ld (x, mu, sigma)));
      within &= err <= rnd_bound (l);
      /* the terms' size: x - mu counts as |x| + |mu| (its companion) */
      double z = (fabs (x) + fabs (mu)) / sigma;
      tight &= rnd_bound (l) <= 64 * DBL_EPSILON * (0.5 * z * z + fabs (log (sigma)) + 2);
      worst = fmax (worst, err / rnd_bound (l));
    }
  tap_ok (same, "the value is normal_log_pdf's, bit for bit");
  tap_ok (within, "the error is within the bound (worst %.3g of it)", worst);
  tap_ok (tight, "the bound is a few dozen ulps of the terms");
  rnd one = normal_log_pdf_rnd (rnd_exact (0), rnd_exact (0), 1);
  rnd two = normal_log_pdf_rnd (rnd_exact (0), rnd_exact (0), 2);
  tap_ok (one.value == -NORMAL_LOG_SQRT_2PI && one.n < two.n, "sigma = 1: log σ is exact (%g < %g roundings)",
          one.n, two.n);
  tap_close (NORMAL_LOG_SQRT_2PI, 0.5 * log (2 * M_PI), DBL_EPSILON, "log √(2π)");

  /* rnd_exp: exp(-3 + a few ulps) against long double */
  rnd a = rnd_sub (rnd_exact (-2.9), rnd_leaf (0.1, 1));
  rnd e = rnd_exp (a);
  double err = fabs ((double) ((long double) e.value - expl (-2.9L - 0.1L)));
  tap_ok (err <= rnd_bound (e), "exp: error %.3g within %.3g", err, rnd_bound (e));
  tap_ok (rnd_bound (e) >= 1.01 * rnd_bound (a) * e.value, "exp carries its argument's error relatively");
  estimate es = rnd_estimate (e);
  tap_ok (es.value == e.value && es.err == rnd_bound (e) && es.kind == EST_EXACT, "rnd_estimate");
  gsl_rng_free (r);
  return tap_done ();
}
