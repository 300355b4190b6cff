/* test_vsum.c -- lib/vsum.c: plain sums and their rounding bounds.
 *
 * References independent of the code under test: sums and means of small
 * integers and logs of rationals worked by hand; long-double brute force
 * of the definitions (expl, logl, no scaling by the maximum) on random
 * vectors with terms of both signs, against which each bound must hold;
 * lib/logsumexp's compensated log_mean_exp, a different algorithm.
 * Negative controls: the sum is plain, not compensated (1 + 1e100 - 1e100
 * is 0 here), and a mean over n - 1 terms or a log-mean with 1/(n + 1) is
 * farther from the reference than the bound, so the bounds are not
 * vacuous.  The seed is fixed and can be overridden with HARNESS_SEED. */
#include "logsumexp.h"
#include "tap.h"
#include "vsum.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

static const double EPS = DBL_EPSILON;

static void
test_plain_sum (void)
{
  double x[100];
  for (int i = 0; i < 100; i++)
    x[i] = i + 1;
  tap_ok (vsum_plain (x, 100) == 5050.0, "1 + 2 + ... + 100 = 5050 exactly");
  tap_ok (vsum_plain (x, 0) == 0.0, "the empty sum is 0");
  const double big[] = { 1.0, 1e100, -1e100 };
  tap_ok (vsum_plain (big, 3) == 0.0, "negative control: plain, left to right"
          " (1 + 1e100 - 1e100 = 0; compensated it would be 1)");
}

static void
test_mean_by_hand (void)
{
  const double x[] = { 1, 2, 3, 4 };
  double b;
  double m = vsum_mean_bounded (x, 4, &b);
  tap_ok (m == 2.5, "mean of 1, 2, 3, 4 = 2.5 (got %.17g)", m);
  tap_close (b, 2 * 4 * EPS * 10 / 4, 0, "its bound 2 n eps mean|x| = 20 eps");
  const double y[] = { -3, 3 };
  m = vsum_mean_bounded (y, 2, &b);
  tap_ok (m == 0 && b == 2 * 2 * EPS * 6 / 2,
          "mean of -3, 3 = 0, bound from the terms' sizes (12 eps)");
}

static void
test_log_mean_exp_by_hand (void)
{
  const double x[] = { 0, log (3.0) };
  double b;
  double v = vsum_log_mean_exp_bounded (x, 2, &b);
  tap_close (v, log (2.0), b, "log((1 + 3)/2) = log 2 within its bound %.3g", b);
  const double big[] = { 1000, 1000, 1000 };
  v = vsum_log_mean_exp_bounded (big, 3, &b);
  tap_ok (v == 1000.0, "log mean exp of (1000, 1000, 1000) = 1000, no overflow (got %.17g)", v);
  const double tiny[] = { -1000, -1000 - log (3.0) };
  v = vsum_log_mean_exp_bounded (tiny, 2, &b);
  tap_close (v, -1000 + log (2.0 / 3.0), b,
             "log((e^-1000 + e^-1000/3)/2) = -1000 + log(2/3), no underflow");
}

/* N random terms of both signs spread over e^±SPREAD, in X. */
static void
random_terms (gsl_rng * r, size_t n, double spread, double *x)
{
  for (size_t i = 0; i < n; i++)
    x[i] = (gsl_rng_uniform (r) < 0.5 ? -1 : 1) * exp (spread * (2 * gsl_rng_uniform (r) - 1));
}

static void
test_mean_brute_force (gsl_rng * r)
{
  static const size_t ns[] = { 1, 2, 7, 100, 1000 };
  double x[1000];
  int ok = 1, control = 1;
  for (size_t t = 0; t < 200; t++)
    {
      size_t n = ns[t % 5];
      random_terms (r, n, 5.0, x);
      long double s = 0;
      for (size_t i = 0; i < n; i++)
        s += x[i];
      long double ref = s / n;
      double b, m = vsum_mean_bounded (x, n, &b);
      ok &= fabsl (m - ref) <= b;
      if (n >= 7)                 /* the last term dropped: off by x_n / n */
        {
          double bd, dropped = vsum_mean_bounded (x, n - 1, &bd) * (n - 1) / n;
          control &= fabsl (dropped - ref) > b;
        }
    }
  tap_ok (ok, "mean within its bound of the long-double mean, 200 vectors, n = 1 to 1000");
  tap_ok (control, "negative control: the mean without its last term lies outside the bound");
}

static void
test_log_mean_exp_brute_force (gsl_rng * r)
{
  static const size_t ns[] = { 1, 2, 10, 100, 1000 };
  double x[1000];
  int ok = 1, agree = 1, control = 1;
  for (size_t t = 0; t < 200; t++)
    {
      size_t n = ns[t % 5];
      double mu = 20 * (2 * gsl_rng_uniform (r) - 1), sd = exp (-6 + 8 * gsl_rng_uniform (r));
      for (size_t i = 0; i < n; i++)
        x[i] = mu + sd * gsl_ran_gaussian (r, 1.0);
      long double s = 0;
      for (size_t i = 0; i < n; i++)
        s += expl ((long double) x[i]);
      long double ref = logl (s / n);
      double b, v = vsum_log_mean_exp_bounded (x, n, &b);
      ok &= fabsl (v - ref) <= b;
      agree &= fabs (v - log_mean_exp (x, n)) <= b + log_mean_exp_error_bound (x, n);
      if (n >= 10)                /* 1/(n + 1) for 1/n: off by log(1 + 1/n) */
        control &= fabsl (v + log ((double) n) - log (n + 1.0) - ref) > b;
    }
  tap_ok (ok, "log mean exp within its bound of the long-double sum of exp, 200 vectors");
  tap_ok (agree, "and of the compensated log_mean_exp, within the two bounds");
  tap_ok (control, "negative control: 1/(n + 1) in place of 1/n lies outside the bound");
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, env && *env ? strtoul (env, NULL, 10) : 20261122UL);
  test_plain_sum ();
  test_mean_by_hand ();
  test_log_mean_exp_by_hand ();
  test_mean_brute_force (r);
  test_log_mean_exp_brute_force (r);
  gsl_rng_free (r);
  return tap_done ();
}
