/* test_positive_pair.c -- lib/positive_pair.c: each kind of pair has the
 * structure it promises, drawn in the documented order.
 *
 * References independent of the code under test: the draws rebuilt by
 * hand from a second generator seeded alike (the documented order of
 * uniforms and Gaussians); the laws' moments (log of a log-uniform entry
 * uniform on [-s, s]: mean 0, variance s^2/3; a NEAR pair's a/(e b) - 1
 * of mean 0 and standard deviation `near`), each within 5 standard
 * errors; exact proportionality to one rounding.  Negative controls: the
 * proportionality test rejects a NEAR pair, the NEAR test rejects an
 * INDEPENDENT pair, a sweep that advanced the kind with every pair
 * would miss combinations, and log-normal weights rebuilt from GSL's
 * other Gaussian sampler (the ziggurat) do not match draw for draw.  The
 * seed is fixed and can be overridden with HARNESS_SEED. */
#include "positive_pair.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N 2000

static unsigned long seed;

static gsl_rng *
seeded (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, seed);
  return r;
}

/* Is a_i = c b_i to one rounding of the product, for one c? */
static int
proportional (const double *a, const double *b, size_t n)
{
  double c = a[0] / b[0];
  for (size_t i = 0; i < n; i++)
    if (fabs (a[i] - c * b[i]) > 2 * DBL_EPSILON * a[i])
      return 0;
  return 1;
}

/* Is a_i / (e b_i) - 1 of mean 0 and standard deviation NEAR (5 SE)? */
static int
near_law (const double *a, const double *b, size_t n, double near)
{
  double *z = malloc (n * sizeof *z);
  for (size_t i = 0; i < n; i++)
    z[i] = (a[i] / (M_E * b[i]) - 1) / near;
  double m = gsl_stats_mean (z, 1, n), sd = gsl_stats_sd (z, 1, n);
  free (z);
  return fabs (m) < 5 / sqrt ((double) n) && fabs (sd - 1) < 5 * sqrt (0.5 / (double) n);
}

static void
test_log_uniform (void)
{
  gsl_rng *r = seeded (), *ref = seeded ();
  double lx[N];
  int by_hand = 1, in_range = 1;
  for (int i = 0; i < N; i++)
    {
      double x = positive_pair_log_uniform (r, 8.0);
      by_hand &= x == exp (8.0 * (2 * gsl_rng_uniform (ref) - 1));
      in_range &= x >= exp (-8.0) && x <= exp (8.0);
      lx[i] = log (x);
    }
  tap_ok (by_hand, "log_uniform is e^(s (2u - 1)) of one uniform, draw for draw");
  double filled[5], one_by_one[5];
  gsl_rng_set (r, seed), gsl_rng_set (ref, seed);
  positive_pair_log_uniform_fill (r, 3.0, 5, filled);
  for (int i = 0; i < 5; i++)
    one_by_one[i] = positive_pair_log_uniform (ref, 3.0);
  tap_ok (memcmp (filled, one_by_one, sizeof filled) == 0,
          "log_uniform_fill: the same draws in order");
  tap_ok (in_range, "and lies in [e^-8, e^8]");
  double m = gsl_stats_mean (lx, 1, N), v = gsl_stats_variance (lx, 1, N);
  tap_close (m, 0, 5 * sqrt (64.0 / 3 / N), "its log has mean 0 (5 SE)");
  tap_close (v, 64.0 / 3, 5 * 64.0 / 3 * sqrt (0.8 / N),
             "and variance s^2/3 = 64/3 (5 SE of a uniform's)");
  gsl_rng_free (r);
  gsl_rng_free (ref);
}

static void
test_kinds (void)
{
  gsl_rng *r = seeded (), *ref = seeded ();
  static double a[N], b[N];
  positive_pair_draw (r, POSITIVE_PAIR_PROPORTIONAL, 8.0, 1e-4, N, a, b);
  double c = exp (3.0 * (2 * gsl_rng_uniform (ref) - 1));
  int order = 1;
  for (int i = 0; i < N; i++)
    order &= b[i] == exp (8.0 * (2 * gsl_rng_uniform (ref) - 1)) && a[i] == c * b[i];
  tap_ok (order, "PROPORTIONAL: c, then b_i, drawn in that order; a_i = c b_i");
  tap_ok (proportional (a, b, N) && c >= exp (-3.0) && c <= exp (3.0),
          "PROPORTIONAL pairs are proportional, c in e^±3");
  positive_pair_draw (r, POSITIVE_PAIR_NEAR, 8.0, 1e-4, N, a, b);
  tap_ok (near_law (a, b, N, 1e-4), "NEAR: a/(e b) - 1 has mean 0 and sd 1e-4");
  tap_ok (!proportional (a, b, N),
          "negative control: the proportionality test rejects a NEAR pair");
  positive_pair_draw (r, POSITIVE_PAIR_INDEPENDENT, 8.0, 1e-4, N, a, b);
  double la[N], lb[N];
  for (int i = 0; i < N; i++)
    la[i] = log (a[i]), lb[i] = log (b[i]);
  double rho = gsl_stats_correlation (la, 1, lb, 1, N);
  tap_close (rho, 0, 5 / sqrt ((double) N), "INDEPENDENT: log a and log b uncorrelated (5 SE)");
  tap_ok (!near_law (a, b, N, 1e-4), "negative control: the NEAR test rejects an INDEPENDENT pair");
  gsl_rng_free (r);
  gsl_rng_free (ref);
}

static void
test_sweep (void)
{
  static const size_t lengths[] = { 1, 2, 3, 5, 10, 30 };
  int seen[6][POSITIVE_PAIR_N_KINDS] = { { 0 } }, wrong[6][POSITIVE_PAIR_N_KINDS] = { { 0 } };
  for (long k = 40; k < 58; k++)     /* any 18 consecutive pairs */
    {
      size_t n;
      positive_pair_kind kind = positive_pair_sweep (k, lengths, 6, &n);
      for (size_t j = 0; j < 6; j++)
        if (lengths[j] == n)
          seen[j][kind]++, wrong[j][k % POSITIVE_PAIR_N_KINDS]++;
    }
  int once = 1, misses = 0;
  for (int j = 0; j < 6; j++)
    for (int t = 0; t < POSITIVE_PAIR_N_KINDS; t++)
      once &= seen[j][t] == 1, misses |= wrong[j][t] != 1;
  tap_ok (once, "18 consecutive pairs of a sweep over 6 lengths: every length with every kind"
          " once");
  tap_ok (misses, "negative control: the kind advanced with every pair (k mod 3) misses"
          " combinations");
}

static void
test_log_normal (void)
{
  gsl_rng *r = seeded (), *ref = seeded (), *zig = seeded ();
  static double logw[N], w[N];
  positive_pair_log_normal (r, -2.0, 0.5, N, logw, w);
  int by_hand = 1, exp_of = 1, other = 1;
  for (int i = 0; i < N; i++)
    {
      by_hand &= logw[i] == -2.0 + 0.5 * gsl_ran_gaussian (ref, 1.0);
      exp_of &= w[i] == exp (logw[i]);
      other &= logw[i] == -2.0 + 0.5 * gsl_ran_gaussian_ziggurat (zig, 1.0);
    }
  tap_ok (by_hand && exp_of, "log-normal weights: log w = mu + sigma z by gsl_ran_gaussian, draw"
          " for draw; w = e^log w");
  tap_close (gsl_stats_mean (logw, 1, N), -2.0, 5 * 0.5 / sqrt (N), "log w has mean mu (5 SE)");
  tap_close (gsl_stats_sd (logw, 1, N), 0.5, 5 * 0.5 * sqrt (0.5 / N), "and sd sigma (5 SE)");
  tap_ok (!other, "negative control: the ziggurat's Gaussians do not reproduce the draws");
  gsl_rng_free (r);
  gsl_rng_free (ref);
  gsl_rng_free (zig);
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  seed = env && *env ? strtoul (env, NULL, 10) : 20261122UL;
  test_log_uniform ();
  test_kinds ();
  test_sweep ();
  test_log_normal ();
  return tap_done ();
}
