/* test_rqmc.c -- randomly shifted and scrambled Sobol points against known
 * integrals.
 *
 * 1. Input: dimensions outside a sequence's range, n = 0, R < 2, and
 *    points asked for out of turn are refused with -1 / NULL.
 * 2. Structure: with n = 2^10 Sobol points each coordinate's projection
 *    has exactly one point in each cell [k/n, (k+1)/n) -- before and after
 *    a shift modulo 1 (a shift rotates the cells).
 * 3. Critical values of Student-t against tabulated ones.
 * 4. Unbiasedness: over M = 200 seeds, the mean of the RQMC estimates of
 *    E|z|^2 = d (normals) and E sum u_j^2 = d/3 (uniforms) is within a
 *    z-test at false-alarm 1e-4 of the truth.
 * 5. Variance reduction at an equal number of evaluations (n = 1024, R =
 *    32) of the mean of E|z|^2 and of E_p[log p - log q] in d = 1, 5, 10
 *    against plain Monte Carlo with ziggurat normals; and at equal time
 *    (counting point generation and the inverse CDF), printed.  A test
 *    asserts the reduction exceeds 1 at false-alarm 1e-6: under equal
 *    variances s_rep^2 / (sigma^2 / n) ~ chi^2_{R-1} / (R-1).
 * 6. Calibration: over M = 400 seeds (R = 8, n = 256, log p - log q in
 *    d = 5) the two-sided false-alarm rate of |t| > t_{R-1}(alpha) with
 *    t = (mean - truth) / se is within 4 binomial sd of alpha, for alpha in
 *    {0.01, 0.05, 0.1, 0.2}.
 * 7. Scrambled nets: unbiased (as 4), one point per cell (as 2), Halton
 *    refused; the weighted map is Φ⁻¹ with weight 1 outside the boundary
 *    cells and weights in (0, 1.1) inside.
 * 8. The boundary-cell regression (issues 10 and 12): the engine's
 *    estimator of E|z|^2 in d = 1 has near-normal replicate means and an
 *    unshifted t-statistic; the old one (shift, Φ⁻¹) fails the same test. */
#include "rqmc.h"
#include "mc.h"
#include "rng.h"
#include "reftsv.h"
#include "tap.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static volatile double sink;

/* ------------------------------------------------------------ integrands */

static double
sq_norm (const double *x, size_t d, void *ctx)
{
  (void) ctx;
  double s = 0;
  for (size_t j = 0; j < d; j++)
    s += x[j] * x[j];
  return s;
}

/* log p - log q, p = N(0, I), q = N(m, diag s^2), m_j = 0.3 + 0.1 j,
   s_j = 0.8 + 0.05 j; under p its mean is KL(p || q) =
   sum_j log s_j + (1 + m_j^2) / (2 s_j^2) - 1/2. */
static double
lp_m (size_t j) { return 0.3 + 0.1 * (double) j; }
static double
lp_s (size_t j) { return 0.8 + 0.05 * (double) j; }

static double
log_ratio (const double *z, size_t d, void *ctx)
{
  (void) ctx;
  double s = 0;
  for (size_t j = 0; j < d; j++)
    {
      double r = (z[j] - lp_m (j)) / lp_s (j);
      s += 0.5 * (r * r - z[j] * z[j]) + log (lp_s (j));
    }
  return s;
}

static double
log_ratio_truth (size_t d)
{
  double k = 0;
  for (size_t j = 0; j < d; j++)
    k += log (lp_s (j)) + (1 + lp_m (j) * lp_m (j)) / (2 * lp_s (j) * lp_s (j)) - 0.5;
  return k;
}

/* ---------------------------------------------------------------- tests */

static void
test_bad_input (gsl_rng * r)
{
  tap_ok (!rqmc_alloc (RQMC_SOBOL, 0, 8, 4), "d = 0 refused");
  tap_ok (!rqmc_alloc (RQMC_SOBOL, 41, 8, 4), "Sobol d = 41 refused");
  tap_ok (!rqmc_alloc (RQMC_NIEDERREITER, 13, 8, 4), "Niederreiter d = 13 refused");
  tap_ok (!rqmc_alloc (RQMC_HALTON, 1230, 8, 4), "Halton d = 1230 refused");
  tap_ok (!rqmc_alloc (RQMC_SOBOL, 2, 0, 4), "n = 0 refused");
  tap_ok (!rqmc_alloc (RQMC_SOBOL, 2, 8, 1), "R = 1 refused");
  rqmc *q = rqmc_alloc (RQMC_HALTON, 50, 2, 2);
  double u[50];
  tap_ok (q && rqmc_next_uniform (q, u) == -1, "a point before the first replicate refused");
  rqmc_replicate (q, r);
  int ok = rqmc_next_uniform (q, u) == 0 && rqmc_next_normal (q, u) == 0;
  tap_ok (ok && rqmc_next_uniform (q, u) == -1, "point n + 1 refused");
  rqmc_replicate (q, r);
  tap_ok (rqmc_replicate (q, r) == -1, "replicate R + 1 refused");
  rqmc_free (q);
}

static int
one_per_cell (rqmc * q, const gsl_rng * r, size_t n, size_t d)
{
  int *count = calloc (n * d, sizeof *count), ok = 1;
  double *u = malloc (d * sizeof *u);
  rqmc_replicate (q, r);
  for (size_t i = 0; i < n; i++)
    {
      rqmc_next_uniform (q, u);
      for (size_t j = 0; j < d; j++)
        {
          ok &= u[j] > 0 && u[j] < 1;
          count[j * n + (size_t) (u[j] * (double) n)]++;
        }
    }
  for (size_t k = 0; k < n * d; k++)
    ok &= count[k] == 1;
  free (count);
  free (u);
  return ok;
}

static void
test_stratification (gsl_rng * r)
{
  size_t n = 1024, d = 10;
  rqmc *q = rqmc_alloc (RQMC_SOBOL, d, n, 3);
  for (int k = 0; k < 3; k++)
    tap_ok (one_per_cell (q, r, n, d),
            "Sobol n = 2^10, d = 10, replicate %d: one shifted point per cell in every coordinate", k);
  rqmc_free (q);
  /* the regression: GSL's points 1..n alone (what rqmc gave before the
     origin was prepended) are not one per cell */
  gsl_qrng *g = gsl_qrng_alloc (gsl_qrng_sobol, 1);
  int *count = calloc (n, sizeof *count), all_one = 1;
  double x;
  for (size_t i = 0; i < n; i++)
    {
      gsl_qrng_get (g, &x);
      count[(size_t) (x * (double) n)]++;
    }
  for (size_t k = 0; k < n; k++)
    all_one &= count[k] == 1;
  tap_ok (!all_one && count[0] == 0, "GSL's Sobol points 1..n leave the cell at 0 empty"
          " (why rqmc gives the origin first)");
  free (count);
  gsl_qrng_free (g);
}

static void
test_critical_values (void)
{
  /* References: the root of I_{dof/(dof+x^2)}(dof/2, 1/2) / 2 = alpha/2
     by mpmath at 40 digits (betainc, findroot).  scipy 1.10's t.isf is
     off by 6e-10 at (0.05, 7) and 2e-9 at (0.2, 31), so it is not used.
     The tolerance, 1e-12 relative, is not derived: it is the accuracy
     this test demands of GSL's inverse (observed agreement ~1e-15). */
  const double ref[3][3] = { { 0.05, 7, 2.3646242515927853039 },
                             { 0.01, 1, 63.65674116287157967 },
                             { 0.2, 31, 1.3094635494946454728 } };
  for (int k = 0; k < 3; k++)
    tap_close (rqmc_t_critical (ref[k][0], ref[k][1]), ref[k][2], 1e-12 * ref[k][2],
               "t critical value, alpha %.2f, %g dof", ref[k][0], ref[k][1]);
}

static double
rqmc_run_net (int scrambled, rqmc_kind kind, size_t d, size_t n, size_t R,
              unsigned long seed, rqmc_law law, rqmc_integrand f, double *se)
{
  gsl_rng *r = rng_new (seed);
  rqmc *q = scrambled ? rqmc_alloc_scrambled (kind, d, n, R)
    : rqmc_alloc (kind, d, n, R);
  rqmc_acc a = rqmc_integrate (q, r, law, f, NULL);
  rqmc_free (q);
  gsl_rng_free (r);
  if (se)
    *se = rqmc_acc_se (&a);
  return rqmc_acc_mean (&a);
}

static double
rqmc_run (rqmc_kind kind, size_t d, size_t n, size_t R, unsigned long seed,
          rqmc_law law, rqmc_integrand f, double *se)
{
  return rqmc_run_net (0, kind, d, n, R, seed, law, f, se);
}

static void
test_unbiased_net (int scrambled, rqmc_kind kind, const char *name, size_t d,
                   rqmc_law law, rqmc_integrand f, double truth)
{
  enum { M = 200 };
  mc_acc e;
  mc_init (&e);
  for (unsigned long s = 1; s <= M; s++)
    mc_add (&e, rqmc_run_net (scrambled, kind, d, 64, 4, 1000 + s, law, f, NULL));
  double z = (mc_mean (&e) - truth) / mc_se (&e);
  double zc = gsl_cdf_ugaussian_Qinv (0.5e-4);
  tap_ok (fabs (z) <= zc, "%s d = %zu: mean of %d RQMC estimates unbiased (z = %.2f, |z| <= %.2f)",
          name, d, M, z, zc);
}

static void
test_unbiased (rqmc_kind kind, const char *name, size_t d, rqmc_law law,
               rqmc_integrand f, double truth)
{
  test_unbiased_net (0, kind, name, d, law, f, truth);
}

/* 7. Scrambled nets keep the net's stratification; the weighted map is
   Φ⁻¹ inside the boundary cells (weight exactly 1) and its weight stays
   below exp((λ - a)²/2) < 1.1 in them. */
static void
test_scrambled (gsl_rng * r)
{
  size_t n = 1024, d = 10;
  tap_ok (!rqmc_alloc_scrambled (RQMC_HALTON, 2, 8, 4), "a scrambled Halton sequence refused");
  rqmc *q = rqmc_alloc_scrambled (RQMC_SOBOL, d, n, 3);
  for (int k = 0; k < 3; k++)
    tap_ok (one_per_cell (q, r, n, d),
            "Sobol n = 2^10, d = 10, scrambled replicate %d: one point per cell in every coordinate", k);
  rqmc_free (q);
  q = rqmc_alloc_scrambled (RQMC_SOBOL, 1, n, 2);
  rqmc *q2 = rqmc_alloc_scrambled (RQMC_SOBOL, 1, n, 2);
  gsl_rng *r2 = rng_new (77);
  gsl_rng *r3 = rng_new (77);
  rqmc_replicate (q, r2);
  rqmc_replicate (q2, r3);
  int inside_ok = 1, tails = 0;
  double wmax = 0, wmin = 2;
  for (size_t i = 0; i < n; i++)
    {
      double u, z, w;
      rqmc_next_uniform (q, &u);
      rqmc_next_weighted (q2, &z, &w, NULL);
      int boundary = u < 1.0 / (double) n || u > 1 - 1.0 / (double) n;
      if (!boundary)
        inside_ok &= w == 1 && z == gsl_cdf_ugaussian_Pinv (u);
      else
        {
          tails++;
          wmax = fmax (wmax, w);
          wmin = fmin (wmin, w);
        }
    }
  tap_ok (inside_ok, "weighted map: Φ⁻¹ and weight 1 outside the boundary cells");
  tap_ok (tails == 2 && wmax < 1.1 && wmin > 0, "weighted map: the 2 boundary points"
          " weighted in (0, 1.1) (%.4f, %.4f)", wmin, wmax);
  rqmc_free (q);
  rqmc_free (q2);
  gsl_rng_free (r2);
  gsl_rng_free (r3);
}

/* 8. The regression of issues 10 and 12.  With z = Φ⁻¹(u), an integrand
   growing in z is dominated by each coordinate's boundary cell, and the
   replicate means are a sum of exponential terms: skewness 2.4 and excess
   kurtosis 7.7 at n = 256 (2.5-2.8, 9-21 at n = 1024-8192; the cell scales
   with 1/n, so n does not cure it), the t-statistic's mean shifted by
   -0.18 and its lower tail at c = 4 27 times Student's -- a two-sided check
   at alpha = 1e-7 then fails far more often than alpha.  The engine's
   estimator (scrambled net, weighted boundary cells) must show replicate
   means with |skewness| <= 0.5 and |excess kurtosis| <= 1.5 (measured
   0.06-0.12 and -0.10 to -0.24 at this size over two seeds, |skewness| <=
   0.06 and excess kurtosis <= 0.26 at the engine's sizes in d = 1, 2;
   standard errors of these estimates from 19200 means: 0.02 and 0.04) and
   t-statistics with mean within 4 standard errors of 0.  The old
   estimator is run as the negative control: it must fail the same
   criterion.  d = 1, |z|²: all of the growth in one coordinate, the worst
   case (in d dimensions an additive integrand's skewness falls like
   1/sqrt(d)). */
static void
boundary_moments (int engine, double *skew, double *exkurt, double *tmean, double *tse)
{
  enum { K = 600, R = 32 };
  size_t n = 256;
  static double means[K * R];
  mc_acc ts;
  mc_init (&ts);
  gsl_rng *r = rng_new (4242);
  for (int k = 0; k < K; k++)
    {
      rqmc *q = engine ? rqmc_alloc_scrambled (RQMC_SOBOL, 1, n, R)
        : rqmc_alloc (RQMC_SOBOL, 1, n, R);
      double sm = 0, ss = 0;
      for (int j = 0; j < R; j++)
        {
          rqmc_replicate (q, r);
          double s = 0;
          for (size_t i = 0; i < n; i++)
            {
              double z, w = 1;
              if (engine)
                rqmc_next_weighted (q, &z, &w, NULL);
              else
                rqmc_next_normal (q, &z);
              s += w * z * z;
            }
          means[k * R + j] = s / (double) n;
          sm += s / (double) n;
        }
      sm /= R;
      for (int j = 0; j < R; j++)
        ss += (means[k * R + j] - sm) * (means[k * R + j] - sm);
      mc_add (&ts, (sm - 1.0) / sqrt (ss / (R - 1) / R));
      rqmc_free (q);
    }
  gsl_rng_free (r);
  double v = 0, m3 = 0, m4 = 0;
  for (int i = 0; i < K * R; i++)
    v += (means[i] - 1.0) * (means[i] - 1.0);
  v /= K * R;
  for (int i = 0; i < K * R; i++)
    {
      double e = (means[i] - 1.0) / sqrt (v);
      m3 += e * e * e;
      m4 += e * e * e * e;
    }
  *skew = m3 / (K * R);
  *exkurt = m4 / (K * R) - 3;
  *tmean = mc_mean (&ts);
  *tse = mc_se (&ts);
}

static void
test_boundary_skew (void)
{
  double g, k, tm, tse;
  boundary_moments (1, &g, &k, &tm, &tse);
  tap_ok (fabs (g) <= 0.5 && fabs (k) <= 1.5 && fabs (tm) <= 4 * tse,
          "E|z|^2, d = 1, n = 256, R = 32: the engine's replicate means near normal"
          " (skewness %.3f, excess kurtosis %.3f; t mean %.3f +- %.3f)", g, k, tm, tse);
  boundary_moments (0, &g, &k, &tm, &tse);
  tap_ok (!(fabs (g) <= 0.5 && fabs (k) <= 1.5 && fabs (tm) <= 4 * tse),
          "negative control: shifted net with Φ⁻¹ fails the same criterion"
          " (skewness %.3f, excess kurtosis %.3f; t mean %.3f +- %.3f)", g, k, tm, tse);
}

/* Plain Monte Carlo of F under N(0, I_d) with ziggurat normals: the
   variance of one evaluation, and the seconds of N evaluations. */
static double
plain_mc (size_t d, size_t N, rqmc_integrand f, double *seconds)
{
  gsl_rng *r = rng_new (77);
  double z[16];
  mc_acc a;
  mc_init (&a);
  double t = now ();
  for (size_t i = 0; i < N; i++)
    {
      for (size_t j = 0; j < d; j++)
        z[j] = gsl_ran_gaussian_ziggurat (r, 1.0);
      mc_add (&a, f (z, d, NULL));
    }
  *seconds = now () - t;
  gsl_rng_free (r);
  return mc_variance (&a);
}

static double
median (double *x, size_t n)
{
  gsl_sort (x, 1, n);
  return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

static void
test_variance_reduction_net (int engine, const char *name, size_t d, rqmc_integrand f)
{
  enum { REPEATS = 7 };
  size_t n = 1024, R = 32, N = n * R;
  double cost[REPEATS], var1 = 0, se = 0;
  /* the cost ratio within each of REPEATS interleaved pairs of runs, and
     its median: the machine's load changes between pairs, not within */
  for (int k = 0; k < REPEATS; k++)
    {
      double t_mc;
      var1 = plain_mc (d, N, f, &t_mc);
      double t = now ();
      rqmc_run_net (engine, RQMC_SOBOL, d, n, R, 5,
                    engine ? RQMC_NORMAL_WEIGHTED : RQMC_NORMAL, f, &se);
      cost[k] = (now () - t) / t_mc;
    }
  double var_rep = se * se * (double) R;        /* variance of one replicate mean */
  double vr = var1 / (double) n / var_rep;
  double c = median (cost, REPEATS);
  double crit = (double) (R - 1) / gsl_cdf_chisq_Pinv (1e-6, (double) (R - 1));
  const char *how = engine ? "scrambled, weighted" : "shifted";
  printf ("# rqmc %s d = %zu (%s): variance reduction %.3g at equal evaluations,"
          " %.3g at equal time (RQMC costs %.2f x plain MC per evaluation)\n",
          name, d, how, vr, vr / c, c);
  tap_ok (vr > crit, "%s d = %zu (%s): Sobol RQMC variance below plain MC's at equal"
          " evaluations (reduction %.3g > %.3g)", name, d, how, vr, crit);
}

static void
test_variance_reduction (const char *name, size_t d, rqmc_integrand f)
{
  test_variance_reduction_net (0, name, d, f);
  test_variance_reduction_net (1, name, d, f);
}

static void
test_inverse_cdf_cost (void)
{
  enum { N = 2000000 };
  gsl_rng *r = rng_new (9);
  double s = 0, t = now ();
  for (int i = 0; i < N; i++)
    s += gsl_ran_gaussian_ziggurat (r, 1.0);
  double t_zig = now () - t;
  t = now ();
  for (int i = 0; i < N; i++)
    s += gsl_cdf_ugaussian_Pinv ((i + 0.5) / N);
  double t_inv = now () - t;
  sink = s;
  gsl_rng_free (r);
  printf ("# rqmc inverse CDF: %.1f ns per gsl_cdf_ugaussian_Pinv, %.1f ns per ziggurat"
          " normal (ratio %.2f)\n", 1e9 * t_inv / N, 1e9 * t_zig / N, t_inv / t_zig);
  tap_ok (t_inv > 0 && t_zig > 0, "inverse CDF cost measured");
}

static void
test_calibration (void)
{
  enum { M = 400 };
  size_t d = 5, R = 8;
  double truth = log_ratio_truth (d), t[M];
  for (int s = 0; s < M; s++)
    {
      double se, m = rqmc_run (RQMC_SOBOL, d, 256, R, 50000 + (unsigned long) s,
                               RQMC_NORMAL, log_ratio, &se);
      t[s] = (m - truth) / se;
    }
  const double alphas[] = { 0.01, 0.05, 0.1, 0.2 };
  for (int k = 0; k < 4; k++)
    {
      double a = alphas[k], c = rqmc_t_critical (a, (double) (R - 1));
      int hits = 0;
      for (int s = 0; s < M; s++)
        hits += fabs (t[s]) > c;
      double rate = (double) hits / M, sd = sqrt (a * (1 - a) / M);
      tap_ok (fabs (rate - a) <= 4 * sd, "calibration over %d seeds: false-alarm rate %.4f"
              " at alpha %.2f (within %.4f)", M, rate, a, 4 * sd);
    }
}

static void test_t_critical_reference (void);

int
main (void)
{
  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  test_bad_input (r);
  test_stratification (r);
  test_critical_values ();
  test_unbiased (RQMC_SOBOL, "Sobol E|z|^2", 5, RQMC_NORMAL, sq_norm, 5.0);
  test_unbiased (RQMC_HALTON, "Halton E|z|^2", 50, RQMC_NORMAL, sq_norm, 50.0);
  test_unbiased (RQMC_NIEDERREITER, "Niederreiter E sum u^2", 3, RQMC_UNIFORM, sq_norm, 1.0);
  test_unbiased (RQMC_SOBOL, "Sobol log p - log q", 10, RQMC_NORMAL, log_ratio,
                 log_ratio_truth (10));
  test_unbiased_net (1, RQMC_SOBOL, "scrambled weighted Sobol E|z|^2", 5,
                     RQMC_NORMAL_WEIGHTED, sq_norm, 5.0);
  test_unbiased_net (1, RQMC_SOBOL, "scrambled weighted Sobol log p - log q", 10,
                     RQMC_NORMAL_WEIGHTED, log_ratio, log_ratio_truth (10));
  test_unbiased_net (1, RQMC_NIEDERREITER, "scrambled Niederreiter E sum u^2", 3,
                     RQMC_UNIFORM, sq_norm, 1.0);
  test_scrambled (r);
  test_boundary_skew ();
  test_inverse_cdf_cost ();
  const size_t dims[] = { 1, 5, 10 };
  for (int k = 0; k < 3; k++)
    {
      test_variance_reduction ("E|z|^2", dims[k], sq_norm);
      test_variance_reduction ("log p - log q", dims[k], log_ratio);
    }
  test_calibration ();
  test_t_critical_reference ();
  gsl_rng_free (r);
  return tap_done ();
}

/* ---------------------------------------------------------------------
 * rqmc_t_critical against tests/reference/rqmc.tsv (gen_rqmc.py: mpmath
 * at 40 digits, cross-checked with scipy.stats.t.isf).  lib/rqmc states no
 * bound of its own; what a check needs of c is its false-alarm rate.  A
 * relative error d in c moves alpha by a relative d * sensitivity (the
 * .tsv's 2 c f(c) / alpha), and RQMC_T_ALPHA_REL = 1e-3 is the test's
 * requirement: the decision's false-alarm rate (CHECK_ALPHA shared out,
 * alpha down to 1e-12 at dof = R - 1 = 31) within 0.1% of the stated one.
 * The worst relative error of c itself is printed beside it.
 * --------------------------------------------------------------------- */
#define RQMC_T_ALPHA_REL 1e-3

static void
test_t_critical_reference (void)
{
  FILE *f = reftsv_open ("rqmc");
  char **fl;
  size_t nf, rows = 0;
  int ok = f != NULL;
  double worst = 0, worst_c = 0, w_alpha = 0, w_dof = 0;
  while (f && (nf = reftsv_next (f, &fl)))
    {
      if (nf != 6)
        {
          ok = 0;
          continue;
        }
      double alpha = strtod (fl[1], NULL), dof = strtod (fl[2], NULL);
      long double want = strtold (fl[3], NULL);
      double got = rqmc_t_critical (alpha, dof);
      double rel = (double) (fabsl ((long double) got - want) / want);
      double alpha_rel = rel * strtod (fl[5], NULL);
      if (!(alpha_rel <= RQMC_T_ALPHA_REL))
        {
          printf ("# %s: %.17g, want %s (relative error %.2g, of alpha %.2g)\n", fl[0], got,
                  fl[3], rel, alpha_rel);
          ok = 0;
        }
      worst_c = fmax (worst_c, rel);
      if (alpha_rel > worst)
        worst = alpha_rel, w_alpha = alpha, w_dof = dof;
      rows++;
    }
  reftsv_close (f);
  tap_ok (ok && rows > 0, "rqmc.tsv: rqmc_t_critical's false-alarm rate within %g relative on "
          "all %zu cases (worst %.2g at alpha %g, dof %g; worst relative error of c %.2g)",
          RQMC_T_ALPHA_REL, rows, worst, w_alpha, w_dof, worst_c);
}
