/* test_gof.c -- goodness-of-fit tests against independent values.
 *
 * p-values: the Kolmogorov limit at its tabulated quantiles, the exact D_n
 * distribution against closed forms in its two tails, Marsaglia-Tsang-Wang's
 * worked example, and brute-force simulation; chi-square against the dof-2
 * closed form Q = exp(-x/2) and gsl_cdf_chisq_Q.  Calibration: under the
 * null the rejection rate at alpha = 0.05 is within a binomial 4-sigma bound
 * of 0.05, and the KS p-values are themselves uniform.  Power: a shifted
 * sample is rejected. */
#include "gof.h"
#include "rng.h"
#include "reftsv.h"
#include "tap.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <stdlib.h>

static double
uniform_cdf (double x, void *params)
{
  (void) params;
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

static double
normal_cdf (double x, void *params)
{
  (void) params;
  return gsl_cdf_ugaussian_P (x);
}

/* The limit: tabulated quantiles (Smirnov 1948; e.g. Stephens 1970,
   table 1A: 1.2238, 1.3581, 1.6276 at 0.90, 0.95, 0.99), and the two series
   against each other across their switch point. */
static void
test_kolmogorov_limit (void)
{
  tap_close (gof_kolmogorov_cdf (1.2238478702170823), 0.90, 1e-7,
             "K(1.22385) = 0.90");
  tap_close (gof_kolmogorov_cdf (1.3580986393225507), 0.95, 1e-7,
             "K(1.35810) = 0.95");
  tap_close (gof_kolmogorov_cdf (1.6276236115189502), 0.99, 1e-7,
             "K(1.62762) = 0.99");
  double worst = 0;
  for (double x = 0.9; x < 1.5; x += 0.01)
    {
      double alt = 0, theta = 0;
      for (int k = 1; k < 50; k++)
        {
          alt += (k % 2 ? 2 : -2) * exp (-2.0 * k * k * x * x);
          theta += exp (-(2.0 * k - 1) * (2.0 * k - 1) * M_PI * M_PI
                        / (8 * x * x));
        }
      worst = fmax (worst, fabs ((1 - alt) - sqrt (2 * M_PI) / x * theta));
      worst = fmax (worst, fabs (gof_kolmogorov_cdf (x) - (1 - alt)));
    }
  tap_close (worst, 0, 1e-14, "both series agree on [0.9, 1.5]");
  tap_ok (isnan (gof_kolmogorov_cdf (NAN)), "K(NaN) = NaN");
  tap_ok (gof_kolmogorov_cdf (-1) == 0 && gof_kolmogorov_cdf (0) == 0,
          "K(x <= 0) = 0");
  tap_ok (gof_kolmogorov_cdf (INFINITY) == 1, "K(inf) = 1");
}

/* Exact D_n: closed forms in the tails (Durbin 1973, 2.4):
   P(D_n < d) = n! (2d - 1/n)^n for 1/(2n) <= d <= 1/n, and
   P(D_n >= d) = 2 (1 - d)^n for d >= 1 - 1/n; n = 1: P(D_1 < d) = 2d - 1. */
static void
test_ks_exact_closed_forms (void)
{
  double worst = 0;
  for (size_t n = 2; n <= 60; n += 7)
    for (double t = 0.05; t < 1; t += 0.1)
      {
        double d = (0.5 + 0.5 * t) / n;
        double want = gsl_sf_fact ((unsigned) n) * pow (2 * d - 1.0 / n, n);
        worst = fmax (worst, fabs (gof_ks_cdf (n, d) - want) / want);
      }
  tap_close (worst, 0, 1e-10, "lower tail n! (2d - 1/n)^n (max rel diff)");
  worst = 0;
  for (size_t n = 2; n <= 8; n++)
    for (double t = 0.05; t < 1; t += 0.1)
      {
        double d = 1 - t / n, upper = 1 - gof_ks_cdf (n, d);
        worst = fmax (worst, fabs (upper - 2 * pow (1 - d, n)));
      }
  tap_close (worst, 0, 1e-12, "upper tail 2 (1 - d)^n, n <= 8 (max abs diff)");
  worst = 0;
  for (double d = 0.55; d < 1; d += 0.05)
    worst = fmax (worst, fabs (gof_ks_cdf (1, d) - (2 * d - 1)));
  tap_close (worst, 0, 1e-14, "n = 1: 2d - 1");
  tap_close (gof_ks_cdf (10, 0.274), 0.6284796154565043, 1e-13,
             "Marsaglia-Tsang-Wang example: P(D_10 < 0.274)");
  tap_ok (gof_ks_cdf (10, 0.01) == 0 && gof_ks_cdf (10, 1.5) == 1,
          "P(D_n < d) = 0 below 1/(2n), 1 above 1");
  tap_ok (isnan (gof_ks_cdf (10, NAN)) && isnan (gof_ks_cdf (0, 0.5)),
          "NaN for d = NaN or n = 0");
  /* the exact branch and the Stephens-corrected limit at the switch:
     the accuracy gof.h states */
  double rn = sqrt (GOF_KS_EXACT_MAX), tail = 0, bulk = 0;
  for (double z = 0.4; z < 2.5; z += 0.05)
    {
      double diff = fabs (gof_ks_cdf (GOF_KS_EXACT_MAX, z / rn)
                          - gof_kolmogorov_cdf ((rn + 0.12 + 0.11 / rn)
                                                * z / rn));
      if (z > 1.23)             /* p < 0.1 */
        tail = fmax (tail, diff);
      bulk = fmax (bulk, diff);
    }
  tap_close (tail, 0, 3e-4, "exact vs Stephens' limit at the switch, p < 0.1");
  tap_close (bulk, 0, 5e-3, "exact vs Stephens' limit at the switch, all p");
  /* the exact matrix method against Smirnov's sum just below d = 1/2,
     where the two-sided correction is P(D+ >= d, D- >= d), tiny */
  tap_close (1 - gof_ks_cdf (5, 0.4999999),
             1 - gof_ks_cdf (5, 0.5), 1e-5, "continuity at d = 1/2, n = 5");
}

/* tests/reference/gof.tsv: P(D_n >= d) by Durbin's matrix carried out in
   full at 60 digits (mpmath), n = 1..1000, p from 0.9 to 1e-40.  The
   bound, 1e-9 relative, is gof.h's stated accuracy: both sides of the
   n d^2 = 4 switch lose at most ~1e-11 (cancellation in 1 - P(D < d)
   below, the left-out P(D+ >= d, D- >= d) above), and the printed worst
   shows the margin. */
static void
test_ks_reference (void)
{
  size_t rows;
  double *v = reftsv_table ("gof", 4, &rows);
  double worst = 0, worst_cdf = 0;
  size_t bad = 0;
  for (size_t i = 0; i < rows; i++)
    {
      size_t n = (size_t) v[4 * i];
      double d = v[4 * i + 1], want = v[4 * i + 2];
      double got = gof_ks_p_value (n, d), rel = fabs (got - want) / want;
      if (!(rel <= 1e-9))
        {
          bad++;
          printf ("#   n = %zu, d = %.17g: p %.17g, exact %.17g (rel %.3g)\n",
                  n, d, got, want, rel);
        }
      worst = fmax (worst, rel);
      worst_cdf = fmax (worst_cdf, fabs ((1 - gof_ks_cdf (n, d)) - want));
    }
  printf ("# KS p-values against the 60-digit matrix: worst relative error "
          "%.3g over %zu cases\n", worst, rows);
  tap_ok (rows >= 40 && bad == 0, "KS p-values within 1e-9 relative of the "
          "exact distribution, %zu cases (worst %.3g)", rows, worst);
  printf ("# 1 - P(D_n < d): worst absolute error %.3g\n", worst_cdf);
  /* regression (issue 10): n = 50, d just below 1/2 gave 1.09e-11 (MTW's
     closed approximation) against the exact 4.3929e-12 (gof.tsv) */
  double below = gof_ks_p_value (50, 0.4999999);
  tap_close (below / 4.3929036863431279e-12, 1, 1e-9,
             "n = 50, d = 0.4999999: p = %.6g, exact 4.3929e-12", below);
  free (v);
}

/* Brute force: simulate D_n of n uniforms and compare the empirical CDF at
   a few points with the exact one, within 4 binomial standard errors. */
static void
test_ks_exact_simulated (gsl_rng * r)
{
  const size_t n = 12, reps = 100000;
  const double ds[] = { 0.15, 0.25, 0.35, 0.45 };
  size_t below[4] = { 0 };
  double *u = malloc (n * sizeof *u);
  for (size_t rep = 0; rep < reps; rep++)
    {
      for (size_t i = 0; i < n; i++)
        u[i] = gsl_rng_uniform (r);
      gof_result g = gof_ks (u, n, uniform_cdf, NULL);
      for (int j = 0; j < 4; j++)
        below[j] += g.statistic < ds[j];
    }
  for (int j = 0; j < 4; j++)
    {
      double p = gof_ks_cdf (n, ds[j]), hat = (double) below[j] / reps;
      tap_close (hat, p, 4 * sqrt (p * (1 - p) / reps),
                 "simulated P(D_12 < %.2f) = exact", ds[j]);
    }
  free (u);
}

static void
test_statistics_by_hand (void)
{
  double x[] = { 0.9, 0.1, 0.5 };
  gof_result g = gof_ks (x, 3, uniform_cdf, NULL);
  tap_close (g.statistic, 0.9 - 2.0 / 3, 1e-15, "D_3 of {0.1, 0.5, 0.9}");
  tap_close (g.p_value, 1 - gof_ks_cdf (3, g.statistic), 1e-15,
             "its p-value is 1 - P(D_3 < d)");
  tap_ok (x[0] == 0.1 && x[2] == 0.9, "gof_ks sorts in place");
  /* 3 bins of U(0,1): counts 5, 2, 2 of n = 9, expected 3 each:
     X^2 = (4 + 1 + 1) / 3 = 2, dof 2, p = exp(-1). */
  double y[] = { 0.1, 0.2, 0.3, 0.31, 0.32, 0.5, 0.6, 0.7, 0.8 };
  gof_result c = gof_chisq_equal_mass (y, 9, uniform_cdf, NULL, 3, -1, 2);
  tap_close (c.statistic, 2.0, 1e-13, "X^2 by hand");
  tap_ok (c.dof == 2 && c.n == 9, "dof = bins - 1");
  tap_close (c.p_value, exp (-1.0), 1e-14, "p = exp(-X^2/2) for dof 2");
  double z[] = { -2, -1, -0.5, 0, 0.2, 0.4, 1, 1.5, 3, 0.1, -0.3 };
  gof_result c5 = gof_chisq_equal_mass (z, 11, normal_cdf, NULL, 5, -10, 10);
  /* edges of N(0,1) at 0.2, 0.4, 0.6, 0.8: -0.8416, -0.2533, 0.2533, 0.8416 */
  double want = 0;
  int counts[5] = { 2, 2, 3, 1, 3 };
  for (int j = 0; j < 5; j++)
    want += (counts[j] - 2.2) * (counts[j] - 2.2) / 2.2;
  tap_close (c5.statistic, want, 1e-12, "X^2 against N(0,1), 5 bins");
  tap_close (c5.p_value, gsl_cdf_chisq_Q (want, 4), 1e-15,
             "p = gsl_cdf_chisq_Q (X^2, 4)");
}

static void
test_special_values (void)
{
  double x[] = { 0.1, NAN, 0.3 };
  gof_result g = gof_ks (x, 3, uniform_cdf, NULL);
  tap_ok (isnan (g.statistic) && isnan (g.p_value), "KS with a NaN: NaN");
  g = gof_ks (x, 0, uniform_cdf, NULL);
  tap_ok (isnan (g.p_value) && g.n == 0, "KS of n = 0: NaN");
  g = gof_chisq_equal_mass (x, 3, uniform_cdf, NULL, 2, -1, 2);
  tap_ok (isnan (g.p_value), "chi-square with a NaN: NaN");
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  g = gof_chisq_equal_mass (x, 1, uniform_cdf, NULL, 1, -1, 2);
  tap_ok (isnan (g.p_value), "chi-square with 1 bin: error, NaN");
  g = gof_chisq_equal_mass (x, 1, uniform_cdf, NULL, 4, 0.5, 2);
  tap_ok (isnan (g.p_value), "chi-square, bracket misses the edges: NaN");
  gsl_set_error_handler (old);
  double far[] = { 5, 6, 7, 8, 9 };
  g = gof_ks (far, 5, uniform_cdf, NULL);
  tap_ok (g.statistic == 1 && g.p_value == 0, "all mass outside: D = 1, p = 0");
}

/* Under the null: how often p < 0.05 over REPS replicates, against the
   binomial 4-sigma bound; KS p-values also tested for uniformity by KS. */
static void
test_calibration (gsl_rng * r, size_t n, int chisq)
{
  const size_t reps = n > 500 ? 1000 : 2000;
  double *x = malloc (n * sizeof *x), *p = malloc (reps * sizeof *p);
  size_t rejected = 0;
  for (size_t rep = 0; rep < reps; rep++)
    {
      for (size_t i = 0; i < n; i++)
        x[i] = gsl_ran_gaussian_ziggurat (r, 1.0);
      gof_result g = chisq
        ? gof_chisq_equal_mass (x, n, normal_cdf, NULL, 10, -40, 40)
        : gof_ks (x, n, normal_cdf, NULL);
      p[rep] = g.p_value;
      rejected += g.p_value < 0.05;
    }
  double rate = (double) rejected / reps;
  tap_close (rate, 0.05, 4 * sqrt (0.05 * 0.95 / reps),
             "%s, n = %zu: null rejection rate at 0.05 (%zu replicates)",
             chisq ? "chi-square" : "KS", n, reps);
  if (!chisq)
    {
      gof_result u = gof_ks (p, reps, uniform_cdf, NULL);
      tap_ok (u.p_value > 1e-4, "KS, n = %zu: p-values uniform (KS p = %.3g)",
              n, u.p_value);
    }
  free (x);
  free (p);
}

static void
test_power (gsl_rng * r)
{
  const size_t n = 400;
  double *x = malloc (n * sizeof *x);
  for (size_t i = 0; i < n; i++)
    x[i] = 0.5 + gsl_ran_gaussian_ziggurat (r, 1.0);
  gof_result c = gof_chisq_equal_mass (x, n, normal_cdf, NULL, 10, -40, 40);
  gof_result k = gof_ks (x, n, normal_cdf, NULL);
  tap_ok (k.p_value < 1e-6, "KS rejects N(0.5, 1) against N(0, 1), n = 400 "
          "(p = %.3g)", k.p_value);
  tap_ok (c.p_value < 1e-6, "chi-square rejects the shift (p = %.3g)",
          c.p_value);
  free (x);
}

/* Critical values: n = 1, where P(D_1 >= d) = 2(1 - d) on [1/2, 1]; and
   the p-value at the critical value is ALPHA. */
static void
test_critical_value (void)
{
  tap_close (gof_ks_critical_value (1, 0.1), 0.95, 1e-12, "KS critical value, n = 1, alpha = 0.1: 0.95");
  tap_close (gof_ks_critical_value (1, 0.5), 0.75, 1e-12, "KS critical value, n = 1, alpha = 0.5: 0.75");
  size_t ns[] = { 20, 400, 400000 };
  for (int i = 0; i < 3; i++)
    {
      double d = gof_ks_critical_value (ns[i], 0.01);
      tap_close (gof_ks_p_value (ns[i], d), 0.01, 1e-9, "KS critical value, n = %zu: p-value 0.01 there", ns[i]);
    }
  /* Kolmogorov's limit: sqrt(n) d -> 1.62762 at alpha = 0.01 (Smirnov's table) */
  tap_close (sqrt (400000.0) * gof_ks_critical_value (400000, 0.01), 1.62762, 2e-3,
             "KS critical value, n = 4e5: sqrt(n) d near Kolmogorov's 1.6276");
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = rng_new (env ? strtoul (env, NULL, 10) : RNG_DEFAULT_SEED);
  test_kolmogorov_limit ();
  test_ks_exact_closed_forms ();
  test_ks_reference ();
  test_ks_exact_simulated (r);
  test_statistics_by_hand ();
  test_special_values ();
  test_calibration (r, 50, 0);
  test_calibration (r, 300, 0);
  test_calibration (r, 2000, 0);
  test_calibration (r, 200, 1);
  test_power (r);
  test_critical_value ();
  gsl_rng_free (r);
  return tap_done ();
}
