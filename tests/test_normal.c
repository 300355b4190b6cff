/* test_normal.c -- the univariate normal against GSL and quadrature. */
#include "normal.h"
#include "quad.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <math.h>

typedef struct { double m1, s1, m2, s2; } pair;

static double
kl_integrand (double x, void *params)
{
  const pair *p = params;
  double lp = normal_log_pdf (x, p->m1, p->s1);
  return exp (lp) * (lp - normal_log_pdf (x, p->m2, p->s2));
}

static double
entropy_integrand (double x, void *params)
{
  const pair *p = params;
  double lp = normal_log_pdf (x, p->m1, p->s1);
  return -exp (lp) * lp;
}

int
main (void)
{
  /* against GSL's own density */
  const double xs[] = { -3.5, -0.2, 0, 1.7, 40 };
  for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++)
    tap_close (normal_pdf (xs[i], 0.3, 1.9), gsl_ran_gaussian_pdf (xs[i] - 0.3, 1.9),
                1e-14, "normal_pdf = gsl_ran_gaussian_pdf at x = %g", xs[i]);
  /* entropy and KL against quadrature (QAGS on mean +- 40 sd) */
  const pair cases[] = { {0, 1, 0, 1}, {0.5, 0.3, -1, 2}, {3, 4, 0, 0.5} };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      pair p = cases[i];
      quad_result q = quad_interval (entropy_integrand, &p, p.m1 - 40 * p.s1,
                                     p.m1 + 40 * p.s1);
      tap_close (normal_entropy (p.s1), q.value, 1e-12 + q.abserr,
                  "normal_entropy(%g) = quadrature", p.s1);
      q = quad_interval (kl_integrand, &p, p.m1 - 40 * p.s1, p.m1 + 40 * p.s1);
      tap_close (normal_kl (p.m1, p.s1, p.m2, p.s2), q.value, 1e-12 + q.abserr,
                  "normal_kl case %zu = quadrature", i);
    }
  tap_close (normal_kl (1, 2, 1, 2), 0.0, 0.0, "KL of a normal to itself is 0");
  return tap_done ();
}
