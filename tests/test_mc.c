/* test_mc.c -- the streaming accumulator against a two-pass computation on
   hard data (a large offset with a small spread, where the naive
   sum-of-squares formula loses every digit). */
#include "mc.h"
#include "rng.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <float.h>
#include <stdlib.h>

/* Reference: two passes in long double. */
static void
two_pass (const double *x, size_t n, double *mean, double *var)
{
  long double s = 0, ss = 0;
  for (size_t i = 0; i < n; i++)
    s += x[i];
  long double m = s / n;
  for (size_t i = 0; i < n; i++)
    ss += (x[i] - m) * (x[i] - m);
  *mean = (double) m;
  *var = (double) (ss / (n - 1));
}

/* Tolerances: rounding in a running mean grows like sqrt(n) ulps of the
   mean; Welford's variance keeps a relative error of about eps |mean| / sd
   (here 1e-4 at most), where the textbook sum-of-squares formula loses
   eps mean^2 / var (here 1e8): 1e-3 separates the two. */
static void
compare_two_pass (const double *x, size_t n, const char *what)
{
  mc_acc a;
  mc_init (&a);
  long double naive_s = 0, naive_ss = 0;
  for (size_t i = 0; i < n; i++)
    {
      mc_add (&a, x[i]);
      naive_s += (double) x[i];
      naive_ss += (double) (x[i] * x[i]);
    }
  double mean, var;
  two_pass (x, n, &mean, &var);
  double mean_tol = 4 * sqrt ((double) n) * DBL_EPSILON * fabs (mean) + 1e-300;
  tap_close (mc_mean (&a), mean, mean_tol, "%s: mean", what);
  tap_close (mc_variance (&a), var, 1e-3 * var, "%s: variance", what);
  tap_close (mc_se (&a), sqrt (var / (double) n), 1e-3 * sqrt (var / (double) n),
             "%s: standard error", what);
  double s = (double) naive_s, ss = (double) naive_ss;
  double naive_var = (ss - s * s / (double) n) / (double) (n - 1);
  if (fabs (mean) > 1e6)
    tap_ok (!(fabs (naive_var - var) <= 1e-3 * var),
            "%s: negative control: the sum-of-squares formula fails the same"
            " tolerance (got %.3g)", what, naive_var);
}

int
main (void)
{
  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  size_t n = 100000;
  double *x = malloc (n * sizeof *x);
  for (size_t i = 0; i < n; i++)
    x[i] = 1e9 + gsl_ran_gaussian (r, 1e-3);
  compare_two_pass (x, n, "offset 1e9, spread 1e-3");
  for (size_t i = 0; i < n; i++)
    x[i] = gsl_ran_cauchy (r, 1.0) * 1e-6;
  compare_two_pass (x, n, "heavy-tailed (Cauchy)");

  /* merging two halves equals one pass */
  mc_acc a, b, all;
  mc_init (&a);
  mc_init (&b);
  mc_init (&all);
  for (size_t i = 0; i < n; i++)
    {
      mc_add (i < n / 3 ? &a : &b, x[i]);
      mc_add (&all, x[i]);
    }
  mc_merge (&a, &b);
  tap_ok (a.n == all.n, "merge: counts add");
  tap_close (mc_mean (&a), mc_mean (&all), 1e-12 * fabs (mc_mean (&all)), "merge: mean");
  tap_close (mc_variance (&a), mc_variance (&all), 1e-10 * mc_variance (&all), "merge: variance");

  /* a block at a time equals one pass, on the hard data too; the block
     of one value and the empty block are the edge cases */
  for (size_t i = 0; i < n; i++)
    x[i] = 1e9 + gsl_ran_gaussian (r, 1e-3);
  mc_acc blk;
  mc_init (&blk);
  mc_add_block (&blk, x, 0);
  mc_add_block (&blk, x, 1);
  for (size_t i = 1; i < n; i += 1000)
    mc_add_block (&blk, x + i, i + 1000 <= n ? 1000 : n - i);
  double bmean, bvar;
  two_pass (x, n, &bmean, &bvar);
  tap_ok (blk.n == n, "blocks: counts add");
  tap_close (mc_mean (&blk), bmean, 4 * sqrt ((double) n) * DBL_EPSILON * fabs (bmean),
             "blocks: mean (offset 1e9, spread 1e-3)");
  tap_close (mc_variance (&blk), bvar, 1e-3 * bvar, "blocks: variance (offset 1e9, spread 1e-3)");

  /* edge cases: no data, one datum, constant data */
  mc_acc e;
  mc_init (&e);
  tap_ok (isnan (mc_mean (&e)), "empty: mean is NaN");
  mc_add (&e, 3.0);
  tap_ok (mc_mean (&e) == 3.0 && isnan (mc_se (&e)), "one datum: mean 3, SE NaN");
  mc_add (&e, 3.0);
  tap_ok (mc_se (&e) == 0.0, "constant data: SE exactly 0");
  free (x);
  gsl_rng_free (r);
  return tap_done ();
}
