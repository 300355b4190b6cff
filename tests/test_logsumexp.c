/* test_logsumexp.c -- unit tests for lib/logsumexp.c.
 *
 * References: the direct log(sum exp x_i) in long double where it neither
 * overflows nor underflows; closed forms for shifted and repeated values
 * (log_sum_exp(x + c) = log_sum_exp(x) + c, n copies of a give a + log n);
 * GSL's gsl_sf_log_1plusx for two terms, log(e^a + e^b) = a + log1p(e^(b-a));
 * and the special values the header promises: all -inf gives -inf, any +inf
 * gives +inf, any NaN gives NaN, n = 0 gives -inf (log_mean_exp: NaN).
 * The seed is fixed and can be overridden with HARNESS_SEED. */
#include "logsumexp.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_log.h>
#include <math.h>
#include <stdlib.h>

static const double EPS = DBL_EPSILON;

static long double
direct_lse (const double *x, size_t n)
{
  long double s = 0;
  for (size_t i = 0; i < n; i++)
    s += expl ((long double) x[i]);
  return logl (s);
}

/* The rounding a stable log-sum-exp may make: a few ulps of the largest
   |x_i| (the shift m and m + log s) plus n ulps inside log s. */
static double
lse_tolerance (const double *x, size_t n)
{
  double m = 0;
  for (size_t i = 0; i < n; i++)
    m = fmax (m, fabs (x[i]));
  return 4 * EPS * m + 2 * EPS * (double) (n + 2);
}

static void
test_against_direct (const gsl_rng * r)
{
  int ok = 1, ok_mean = 1;
  double worst = 0;
  for (int k = 0; k < 1000; k++)
    {
      size_t n = 1 + gsl_rng_uniform_int (r, 500);
      double *x = malloc (n * sizeof *x);
      double scale = 10 * gsl_rng_uniform (r);
      for (size_t i = 0; i < n; i++)
        x[i] = scale * gsl_ran_gaussian (r, 1.0);
      long double ref = direct_lse (x, n);
      double got = log_sum_exp (x, n), tol = lse_tolerance (x, n);
      double err = fabs (got - (double) ref);
      worst = fmax (worst, err / tol);
      ok &= err <= tol;
      ok_mean &= fabs (log_mean_exp (x, n) - (double) (ref - logl ((long double) n)))
        <= tol + 2 * EPS * log ((double) n);
      free (x);
    }
  tap_ok (ok, "log_sum_exp = long-double log(sum exp) on 1000 random vectors (n up to 500, |x| up to ~40; worst %.3g of the tolerance)", worst);
  tap_ok (ok_mean, "log_mean_exp = direct log((1/n) sum exp) on the same vectors");
}

static void
test_shift_and_repeats (const gsl_rng * r)
{
  int shift_ok = 1;
  for (int k = 0; k < 200; k++)
    {
      double x[8], y[8];
      double c = ldexp (gsl_rng_uniform (r) - 0.5, 11);     /* |c| < 1024 */
      c = round (c);                       /* integer: x + c is exact */
      for (int i = 0; i < 8; i++)
        {
          x[i] = ldexp (round (ldexp (gsl_ran_gaussian (r, 3.0), 20)), -20);
          y[i] = x[i] + c;
        }
      double a = log_sum_exp (x, 8), b = log_sum_exp (y, 8);
      shift_ok &= fabs ((b - c) - a) <= 4 * EPS * (fabs (c) + fabs (a) + 8);
    }
  tap_ok (shift_ok, "log_sum_exp(x + c) = log_sum_exp(x) + c for 200 shifts |c| < 1024");
  double big[3] = { 1000, 1000, 1000 }, small[3] = { -1000, -1000, -1000 };
  tap_close (log_sum_exp (big, 3), 1000 + log (3.0), 4 * EPS * 1000, "log_sum_exp(1000 x3) = 1000 + log 3 (direct exp overflows)");
  tap_close (log_sum_exp (small, 3), -1000 + log (3.0), 4 * EPS * 1000, "log_sum_exp(-1000 x3) = -1000 + log 3 (direct exp underflows)");
  double huge[2] = { 1e308, 1e308 };
  tap_ok (log_sum_exp (huge, 2) == 1e308, "log_sum_exp(1e308, 1e308) = 1e308 (log 2 is below its ulp)");
  double mix[2] = { 710, 0 };
  tap_close (log_sum_exp (mix, 2), 710.0, 4 * EPS * 710, "log_sum_exp(710, 0) = 710 (e^710 overflows a double)");
  double tiny[2] = { 0, -40 };
  tap_close (log_sum_exp (tiny, 2), gsl_sf_log_1plusx (exp (-40.0)), 2 * EPS,
             "log_sum_exp(0, -40) = log1p(e^-40) to absolute accuracy");
  double one[1] = { -123.456 };
  tap_ok (log_sum_exp (one, 1) == -123.456, "n = 1: log_sum_exp(x) = x exactly");
  double rep[1000];
  for (int i = 0; i < 1000; i++)
    rep[i] = 2.5;
  tap_close (log_sum_exp (rep, 1000), 2.5 + log (1000.0), 8 * EPS * 10, "1000 copies of 2.5: 2.5 + log 1000");
  tap_close (log_mean_exp (rep, 1000), 2.5, 8 * EPS * 10, "log_mean_exp of 1000 copies of 2.5 = 2.5");
}

static void
test_add_exp (const gsl_rng * r)
{
  int ok = 1, sym = 1;
  for (int k = 0; k < 1000; k++)
    {
      double a = 50 * gsl_ran_gaussian (r, 1.0), b = 50 * gsl_ran_gaussian (r, 1.0);
      double hi = fmax (a, b), lo = fmin (a, b);
      double ref = hi + gsl_sf_log_1plusx (exp (lo - hi));
      ok &= fabs (log_add_exp (a, b) - ref) <= 4 * EPS * (fabs (hi) + 1);
      sym &= log_add_exp (a, b) == log_add_exp (b, a);
    }
  tap_ok (ok, "log_add_exp(a, b) = max + gsl_sf_log_1plusx(e^(min - max)) at 1000 random pairs");
  tap_ok (sym, "log_add_exp symmetric");
  tap_close (log_add_exp (0, 0), M_LN2, EPS, "log_add_exp(0, 0) = log 2");
  tap_ok (log_add_exp (-INFINITY, 3.25) == 3.25, "log_add_exp(-inf, a) = a exactly");
  tap_ok (log_add_exp (-INFINITY, -INFINITY) == -INFINITY, "log_add_exp(-inf, -inf) = -inf");
  tap_ok (log_add_exp (INFINITY, -INFINITY) == INFINITY, "log_add_exp(+inf, -inf) = +inf");
  tap_ok (isnan (log_add_exp (NAN, 1.0)) && isnan (log_add_exp (1.0, NAN)), "log_add_exp with NaN = NaN");
}

static void
test_special_values (void)
{
  double all_minf[3] = { -INFINITY, -INFINITY, -INFINITY };
  double some_minf[3] = { -INFINITY, 0.0, -INFINITY };
  double pinf[3] = { 1.0, INFINITY, -INFINITY };
  double nan_first[3] = { NAN, INFINITY, 1.0 };
  double nan_last[3] = { INFINITY, 1.0, NAN };
  double two_pinf[2] = { INFINITY, INFINITY };
  tap_ok (log_sum_exp (all_minf, 3) == -INFINITY, "all -inf -> -inf (every term is zero)");
  tap_ok (log_sum_exp (some_minf, 3) == 0.0, "-inf terms are zeros: log(0 + 1 + 0) = 0 exactly");
  tap_ok (log_sum_exp (pinf, 3) == INFINITY, "any +inf -> +inf (also beside -inf)");
  tap_ok (log_sum_exp (two_pinf, 2) == INFINITY, "+inf twice -> +inf, not inf - inf = NaN");
  tap_ok (isnan (log_sum_exp (nan_first, 3)), "NaN first -> NaN, even beside +inf");
  tap_ok (isnan (log_sum_exp (nan_last, 3)), "NaN last -> NaN, even after +inf");
  tap_ok (log_sum_exp (NULL, 0) == -INFINITY, "n = 0 -> -inf (the empty sum is 0)");
  tap_ok (isnan (log_mean_exp (NULL, 0)), "log_mean_exp, n = 0 -> NaN (the mean of nothing)");
  tap_ok (log_mean_exp (all_minf, 3) == -INFINITY, "log_mean_exp of all -inf -> -inf");
  tap_ok (log_mean_exp (pinf, 3) == INFINITY, "log_mean_exp with +inf -> +inf");
  tap_ok (isnan (log_mean_exp (nan_last, 3)), "log_mean_exp with NaN -> NaN");
  double subn[2] = { -745.0, -745.0 };       /* e^-745 is subnormal */
  tap_close (log_sum_exp (subn, 2), -745.0 + M_LN2, 4 * EPS * 745, "log_sum_exp(-745, -745) = -745 + log 2 (direct exp is subnormal)");
}


/* ----------------------------------------------------------------------
 * Reference values (tests/reference/gen_logsumexp.py, mpmath at 60 digits):
 * every actual error within the stated bound.
 * ---------------------------------------------------------------------- */

/* Expand "v*c v v*c ..." into a fresh array; its length in *N. */
static double *
expand_runs (const char *runs, size_t *n)
{
  size_t cap = 16, len = 0;
  double *x = malloc (cap * sizeof *x);
  const char *s = runs;
  char *end;
  for (;;)
    {
      double v = strtod (s, &end);
      if (end == s)
        break;
      size_t c = 1;
      s = end;
      if (*s == '*')
        {
          c = strtoul (s + 1, &end, 10);
          s = end;
        }
      if (len + c > cap)
        {
          while (len + c > cap)
            cap *= 2;
          x = realloc (x, cap * sizeof *x);
        }
      for (size_t i = 0; i < c; i++)
        x[len++] = v;
      while (*s == ' ')
        s++;
    }
  *n = len;
  return x;
}

/* One case: its name, the runs, log_sum_exp, log_mean_exp; into the two
   tallies T. */
static int
reference_case (char **fl, size_t nf, void *tallies)
{
  reftsv_tally *t = tallies;
  if (nf < 4)
    return 0;
  size_t n;
  double *x = expand_runs (fl[1], &n), b;
  double got = log_sum_exp_bounded (x, n, &b);
  reftsv_tally_add_text (&t[0], fl[0], got, fl[2], b);
  reftsv_tally_require (&t[0], fl[0], got == log_sum_exp (x, n)
                        && b == log_sum_exp_error_bound (x, n),
                        "the same as log_sum_exp and log_sum_exp_error_bound");
  reftsv_tally_add_text (&t[1], fl[0], log_mean_exp (x, n), fl[3], log_mean_exp_error_bound (x, n));
  free (x);
  return 1;
}

static void
test_reference (void)
{
  /* the special values must agree exactly (NaN with NaN) */
  const unsigned rule = REFTSV_SPECIAL | REFTSV_NAN;
  reftsv_tally t[2] = { REFTSV_TALLY ("log_sum_exp", rule), REFTSV_TALLY ("log_mean_exp", rule) };
  int read = reftsv_each ("logsumexp", reference_case, t);
  reftsv_tally_report (&t[0], read, "log_sum_exp within log_sum_exp_error_bound of mpmath on %d reference cases (n up to 10^7, values to +-1e300; worst error/bound %.3g, %s)", t[0].cases, t[0].worst, t[0].worst_name);
  reftsv_tally_report (&t[1], read, "log_mean_exp within log_mean_exp_error_bound on the same cases (worst %.3g)", t[1].worst);
}

/* The reproducers: naive summation of exp(x_i - max) loses the
   terms below the rounding of the running sum, and log(s) the relative
   accuracy of a result near 0.  Each must now be correct to a few ulps
   relative (the references from gen_logsumexp.py, mpmath). */
static void
test_regressions (void)
{
  size_t n;
  double *x = expand_runs ("0 -20*1000000", &n);
  double want = 2.059032359643131857770221e-3;
  tap_close (log_sum_exp (x, n), want, 8 * EPS * want, "regression: [0] + [-20] x 10^6 to 8 eps relative (naive sum: 3.4e-8)");
  free (x);
  x = expand_runs ("0 -36.700000000000003*10000000", &n);
  want = 1.15184094864424084645593e-9;
  tap_close (log_sum_exp (x, n), want, 8 * EPS * want, "regression: [0] + [-36.7] x 10^7 to 8 eps relative (naive sum: 93%% off)");
  free (x);
  double two[2] = { 0, -40 };
  want = 4.248354255291588986304978e-18;
  tap_close (log_sum_exp (two, 2), want, 4 * EPS * want, "regression: [0, -40] = 4.25e-18 to 4 eps relative (log(1 + s): 0)");
  tap_ok (log_sum_exp_error_bound (two, 2) <= 8 * EPS * want, "regression: its stated bound is relative too (%.3g)", log_sum_exp_error_bound (two, 2));
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, env && *env ? strtoul (env, NULL, 10) : 20261122UL);
  test_against_direct (r);
  test_shift_and_repeats (r);
  test_add_exp (r);
  test_special_values ();
  test_regressions ();
  test_reference ();
  gsl_rng_free (r);
  return tap_done ();
}
