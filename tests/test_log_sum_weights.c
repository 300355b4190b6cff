/* test_log_sum_weights.c -- lib/log_sum_weights: both gaps of weights
 * worked by hand (w = (1, 4): 2 log(5/4); equal weights: 0; one weight:
 * 0); at random log-normal weights of K = 2 to 1000, the AM-GM gap against
 * a long-double brute force of K [log mean w - mean log w] within the
 * bound, and the log-sum gap equal to it within twice the bound; negative
 * control: the swapped reading a = w, b = 1, worked by hand at w = (1, 4)
 * (4 log 4 - 5 log(5/2)) and told from the AM-GM gap by far more than the
 * bound. */
#include "log_sum_weights.h"
#include "positive_pair.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_rng.h>
#include <math.h>

static void
test_by_hand (void)
{
  double logw[] = { 0, log (4) }, w[] = { 1, 4 };
  log_sum_weights g = log_sum_weights_gaps (logw, w, 2, 0);
  /* 2 [log(5/2) - log 2] = 2 log(5/4); sum log(1/w) - 2 log(2/5) the same */
  tap_close (g.am_gm.value, 2 * log (1.25), 4 * DBL_EPSILON, "w = (1, 4): AM-GM gap 2 log(5/4)");
  tap_close (g.log_sum.value, 2 * log (1.25), 4 * DBL_EPSILON, "w = (1, 4): log-sum gap the same");
  tap_ok (g.am_gm.err > 0 && g.am_gm.err < 1e-13 && g.am_gm.err == g.log_sum.err,
          "one small bound for both gaps");
  double lw3[] = { log (3), log (3), log (3) }, w3[] = { 3, 3, 3 };
  g = log_sum_weights_gaps (lw3, w3, 3, 0);
  tap_ok (fabs (g.am_gm.value) <= g.am_gm.err && fabs (g.log_sum.value) <= g.log_sum.err,
          "equal weights: both gaps 0 within the bound (a ∝ b)");
  g = log_sum_weights_gaps (logw + 1, w + 1, 1, 0);
  tap_ok (fabs (g.am_gm.value) <= g.am_gm.err && fabs (g.log_sum.value) <= g.log_sum.err,
          "one weight: both gaps 0");
  /* negative control: a = w, b = 1: 1 log 1 + 4 log 4 - 5 log(5/2) */
  g = log_sum_weights_gaps (logw, w, 2, 1);
  tap_close (g.log_sum.value, 4 * log (4) - 5 * log (2.5), 8 * DBL_EPSILON,
             "swapped: the log-sum gap at a = w, b = 1 by hand");
  tap_ok (fabs (g.log_sum.value - g.am_gm.value) > 1e6 * g.am_gm.err,
          "negative control: the swapped reading is told from the AM-GM gap");
}

static void
test_random (gsl_rng * r)
{
  static const size_t ks[] = { 2, 5, 10, 100, 1000 };
  static double logw[1000], w[1000];
  int within = 1, equal = 1;
  for (int t = 0; t < 200; t++)
    {
      size_t k = ks[t % 5];
      double sigma = exp (log (1e-3) + gsl_rng_uniform (r) * log (3e3));
      positive_pair_log_normal (r, 3 * (gsl_rng_uniform (r) - 0.5), sigma, k, logw, w);
      long double sum = 0, mean_log = 0;
      for (size_t j = 0; j < k; j++)
        sum += expl ((long double) logw[j]), mean_log += logw[j];
      long double want = k * logl (sum / k) - mean_log;
      log_sum_weights g = log_sum_weights_gaps (logw, w, k, 0);
      within &= fabsl (g.am_gm.value - want) <= g.am_gm.err;
      equal &= fabs (g.am_gm.value - g.log_sum.value) <= 2 * g.am_gm.err;
    }
  tap_ok (within, "200 draws, K = 2 to 1000, σ from 1e-3 to 3: the AM-GM gap within its"
          " bound of the long-double brute force");
  tap_ok (equal, "... and the log-sum gap at a = 1, b = w equal to it within twice the bound");
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 2029);
  test_by_hand ();
  test_random (r);
  gsl_rng_free (r);
  return tap_done ();
}
