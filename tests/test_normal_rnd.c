/* test_normal_rnd.c -- normal_log_pdf_rnd: the value of normal_log_pdf,
   and a rounding bound that covers the error against long double. */
#include "normal.h"
#include "rounding.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>

static long double
log_pdf_ld (long double x, long double mu, long double sigma)
{
  long double z = (x - mu) / sigma;
  return -0.5L * z * z - logl (sigma) - 0.5L * logl (2 * 3.14159265358979323846264338327950288L);
}

int
main (void)
{
  const double cases[][3] = { {0.3, -1.2, 0.8}, {4, 0, 1}, {-7.5, 2, 3.3}, {1e-3, 1e-3, 1.1} };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      double x = cases[i][0], mu = cases[i][1], s = cases[i][2];
      rnd l = normal_log_pdf_rnd (rnd_exact (x), rnd_exact (mu), s);
      tap_ok (l.value == normal_log_pdf (x, mu, s),
              "value = normal_log_pdf (%g; %g, %g) exactly", x, mu, s);
    }
  rnd one = normal_log_pdf_rnd (rnd_exact (0.5), rnd_exact (0), 1);
  rnd near = normal_log_pdf_rnd (rnd_exact (0.5), rnd_exact (0), 1 + 0x1p-52);
  tap_ok (rnd_bound (one) < rnd_bound (near), "σ = 1 carries no rounding for log σ"
          " (bound %.3g < %.3g at σ = 1 + 2^-52)", rnd_bound (one), rnd_bound (near));
  tap_close (one.value, -0.125 - 0.91893853320467274178, 1e-16, "log N(0.5; 0, 1)");

  /* 10^5 random cases, with a mean that carries its own rounding (a
     difference that cancels): error over bound stays below 1 */
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 7);
  double worst = 0;
  for (int k = 0; k < 100000; k++)
    {
      double x = 20 * (gsl_rng_uniform (r) - 0.5), a = 50 * gsl_rng_uniform (r);
      double b = a - 10 * (gsl_rng_uniform (r) - 0.5), s = 0.1 + 3 * gsl_rng_uniform (r);
      rnd mu = rnd_sub (rnd_exact (a), rnd_exact (b));
      rnd l = normal_log_pdf_rnd (rnd_exact (x), mu, s);
      long double err = fabsl ((long double) l.value
                               - log_pdf_ld (x, (long double) a - (long double) b, s));
      double ratio = (double) (err / rnd_bound (l));
      if (ratio > worst)
        worst = ratio;
    }
  tap_ok (worst < 1, "10^5 random cases: largest error / bound %.3g < 1", worst);
  tap_ok (worst > 1e-3, "... and the bound is not vacuous (%.3g > 1e-3)", worst);
  gsl_rng_free (r);
  return tap_done ();
}
