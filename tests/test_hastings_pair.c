/* test_hastings_pair.c -- lib/hastings_pair: the pair of a point by hand,
   N(v; 0, σ²I) written out against GSL's bivariate normal, and the
   acceptances against min(1, π(x')/π(x)) in long double for targets whose
   logs are large (the densities far below 1, where exp's relative error
   grows with |log π|): each within its stated bound, the bound not vacuous.
   Negative controls: the ratio tempered by the power 0.8 and the proposal
   taken backwards (x - σz) miss the truth by far more than the bound. */
#include "hastings_pair.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

/* log π of N(c, I) in d = 2 less a constant K: the density exp(-K) times
   a Gaussian, so that the logs are large without the ratio changing */
typedef struct { double c[2], k; } target;

static double
log_target (const double *x, void *params)
{
  const target *t = params;
  double a = x[0] - t->c[0], b = x[1] - t->c[1];
  return -0.5 * (a * a + b * b) - log (2 * M_PI) - t->k;
}

/* min(1, π(x')/π(x)) in long double from the coordinates */
static long double
truth (const target * t, const double *x, const double *xp)
{
  long double a = (long double) x[0] - t->c[0], b = (long double) x[1] - t->c[1];
  long double ap = (long double) xp[0] - t->c[0], bp = (long double) xp[1] - t->c[1];
  long double r = expl (-0.5L * (ap * ap + bp * bp) + 0.5L * (a * a + b * b));
  return r < 1 ? r : 1;
}

static point
point_of (double x1, double x2, double z1, double z2, double s)
{
  point p = {.n = 5 };
  memcpy (p.v, (double[5]) { x1, x2, z1, z2, s }, sizeof (double[5]));
  return p;
}

int
main (void)
{
  target t0 = { {0, 0}, 0 };
  point p = point_of (1, -2, 0.5, 1.5, 2);
  hastings_pair q = hastings_pair_at (&p, log_target, &t0);
  tap_ok (q.x[0] == 1 && q.x[1] == -2 && q.xp[0] == 2 && q.xp[1] == 1 && q.s == 2,
          "the pair: x = (1, -2), x' = x + 2 (0.5, 1.5) = (2, 1)");
  tap_close (q.lp, -2.5 - log (2 * M_PI), 1e-15, "log π(x) of N(0, I) by hand");
  tap_close (q.lpp, -2.5 - log (2 * M_PI), 1e-15, "log π(x') of N(0, I) by hand");
  tap_ok (hastings_pair_accept_in_logs (q).value == 1, "|x'| = |x|: accepted with probability 1");

  static const double vs[][3] = { {0, 0, 1}, {0.3, -1.2, 0.7}, {2.5, 1.1, 2.9}, {-4, 3, 0.4} };
  double worst = 0;
  for (int i = 0; i < 4; i++)
    {
      double a = hastings_pair_iso_normal (vs[i][0], vs[i][1], vs[i][2]);
      double g = gsl_ran_bivariate_gaussian_pdf (vs[i][0], vs[i][1], vs[i][2], vs[i][2], 0);
      worst = fmax (worst, fabs (a - g) / g);
    }
  tap_ok (worst < 1e-13, "N(v; 0, σ²I) written out = GSL's bivariate normal (worst rel %.3g)", worst);

  /* large logs: K = 0, 150, 700 below the Gaussian */
  static const double ks[] = { 0, 150, 700 };
  static const double pts[][5] = {
    {0.2, -0.4, 1.1, 0.9, 1.3}, {-1.5, 2.0, 0.4, -2.2, 0.8}, {3.1, 1.7, -1.9, -0.6, 2.4},
  };
  int covered = 1, tight = 1, caught_power = 1, caught_back = 1, below_one = 0;
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < 3; i++)
      {
        target t = { {0.5, -0.3}, ks[k] };
        point pi = point_of (pts[i][0], pts[i][1], pts[i][2], pts[i][3], pts[i][4]);
        hastings_pair h = hastings_pair_at (&pi, log_target, &t);
        long double want = truth (&t, h.x, h.xp);
        estimate in_logs = hastings_pair_accept_in_logs (h);
        double ratio = exp (h.lpp) / exp (h.lp);
        estimate as_ratio = hastings_pair_acceptance (&h, k < 2 ? ratio : exp (h.lpp - h.lp), 0);
        covered &= fabsl (in_logs.value - want) <= in_logs.err
          && fabsl (as_ratio.value - want) <= as_ratio.err;
        tight &= in_logs.err < 1e-11 * fmax (in_logs.value, 1e-300);
        /* the controls: (π(x')/π(x))^0.8, and x' = x - σz */
        estimate tempered = hastings_pair_acceptance (&h, pow (exp (h.lpp - h.lp), 0.8), 0);
        below_one += want < 1;
        caught_power &= want == 1 || fabsl (tempered.value - want) > 100 * tempered.err;
        point back = point_of (pts[i][0], pts[i][1], -pts[i][2], -pts[i][3], pts[i][4]);
        estimate b = hastings_pair_accept_in_logs (hastings_pair_at (&back, log_target, &t));
        caught_back &= fabsl (b.value - want) > 100 * b.err;
      }
  tap_ok (covered, "both acceptances within their bounds of the long-double truth (K up to 700)");
  tap_ok (tight, "... and the bounds are not vacuous (below 1e-11 relative)");
  tap_ok (caught_power && below_one >= 3, "negative control: the ratio to the power 0.8 is caught"
          " (%d of 9 pairs below 1)", below_one);
  tap_ok (caught_back, "negative control: the proposal taken backwards is caught");
  return tap_done ();
}
