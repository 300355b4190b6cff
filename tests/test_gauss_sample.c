/* test_gauss_sample.c -- the Gaussian-sample checks hold on samples of the
   claimed law (d = 2 and 3) and fail on a wrong mean, a wrong covariance
   and non-Gaussian noise of the right moments.  A claim of its own, run
   inside the test; its TAP goes to /dev/null. */
#include "gauss_sample.h"
#include "fixture_harness.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHECK3(p) GAUSS_SAMPLE_CHECKS (p, "μ + L e", "L Lᵀ", "|Lᵀu|²")
static const check_spec CHECKS[] = { CHECK3 ("good2"), CHECK3 ("good3"), CHECK3 ("mean"), CHECK3 ("cov"),
  CHECK3 ("unif"), {"ks1", "harness", "", REL_LE, EXPECT_HOLDS, NULL},
  {"ks1_bad", "harness", "", REL_LE, EXPECT_HOLDS, NULL},
  {"scalar", "harness", "", REL_LE, EXPECT_HOLDS, NULL},
  {"scalar_bad", "harness", "", REL_LE, EXPECT_HOLDS, NULL} };
static const claim CLAIM = {
  .slug = "test_gauss_sample", .title = "gauss_sample test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 20000, .samples_quick = 20000,
  .figure_caption = "",
};

/* N x D draws of MU + L e, L lower triangular (row major), e standard
   normal (UNIFORM: uniform of unit variance); MEAN_SHIFT added to x_0. */
static void
draw (gsl_rng * r, double *xs, long n, size_t d, const double *mu, const double *l, int uniform)
{
  double e[3];
  for (long t = 0; t < n; t++)
    {
      for (size_t i = 0; i < d; i++)
        e[i] = uniform ? sqrt (3.0) * (2 * gsl_rng_uniform (r) - 1) : gsl_ran_gaussian (r, 1.0);
      for (size_t i = 0; i < d; i++)
        {
          xs[d * t + i] = mu[i];
          for (size_t j = 0; j <= i; j++)
            xs[d * t + i] += l[i * d + j] * e[j];
        }
    }
}

/* Each noise has mean 0 and variance 1 (within 5 standard errors of 2e5 draws) and its own
   kurtosis: 3 (normal), 9/5 (uniform), 6 (Laplace: E x⁴ = 4! b⁴, b² = 1/2; E x⁸ = 8! b⁸ = 2520
   gives the kurtosis a standard error of 0.11). */
static void
test_noise (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  const double kurt[3] = { 3, 1.8, 6 }, tol[3] = { 0.1, 0.05, 0.6 };
  const char *name[3] = { "normal", "uniform", "Laplace" };
  for (int k = 0; k < 3; k++)
    {
      double s1 = 0, s2 = 0, s4 = 0, top = 0, n = 200000;
      for (int i = 0; i < n; i++)
        {
          double x = gauss_sample_noise (r, (gauss_noise) k);
          s1 += x, s2 += x * x, s4 += x * x * x * x, top = fmax (top, fabs (x));
        }
      tap_ok (fabs (s1 / n) < 5 / sqrt (n) && fabs (s2 / n - 1) < 5 * sqrt (kurt[k] - 1) / sqrt (n),
              "%s noise: mean %.4f, variance %.4f", name[k], s1 / n, s2 / n);
      tap_ok (fabs (s4 / n - kurt[k]) < tol[k], "%s noise: kurtosis %.3f (%g)", name[k], s4 / n,
              kurt[k]);
      if (k == 1)
        tap_ok (top <= sqrt (3.0), "uniform noise stays within ±√3");
    }
  gsl_rng_free (r);
}

/* gauss_sample_affine: each row is μ + A z of the next D noise draws, by hand (a second
   generator of the same seed), and A (μ + z) when mapped. */
static void
test_affine (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937), *r2 = gsl_rng_alloc (gsl_rng_mt19937);
  const double mu[3] = { 1, -2, 0.5 }, a[9] = { 2, 0, 0, 0.5, 1, 0, -1, 0.3, 0.7 };
  double xs[3 * 50], z[3];
  int exact = 1, mapped = 1;
  gauss_sample_affine (r, GAUSS_NOISE_LAPLACE, mu, a, 3, 0, 50, xs);
  for (int t = 0; t < 50; t++)
    {
      for (int j = 0; j < 3; j++)
        z[j] = gauss_sample_noise (r2, GAUSS_NOISE_LAPLACE);
      for (int i = 0; i < 3; i++)
        exact &= xs[3 * t + i]
          == mu[i] + a[3 * i] * z[0] + a[3 * i + 1] * z[1] + a[3 * i + 2] * z[2];
    }
  tap_ok (exact, "affine: rows are μ + A z of successive noise draws");
  gauss_sample_affine (r, GAUSS_NOISE_NORMAL, mu, a, 3, 1, 50, xs);
  for (int t = 0; t < 50; t++)
    {
      for (int j = 0; j < 3; j++)
        z[j] = gauss_sample_noise (r2, GAUSS_NOISE_NORMAL) + mu[j];
      for (int i = 0; i < 3; i++)
        {
          double want = a[3 * i] * z[0] + a[3 * i + 1] * z[1] + a[3 * i + 2] * z[2];
          mapped &= fabs (xs[3 * t + i] - want) <= 1e-14 * (1 + fabs (want));
        }
    }
  tap_ok (mapped, "affine, mapped: rows are A (μ + z)");
  gsl_rng_free (r);
  gsl_rng_free (r2);
}

int
main (void)
{
  test_noise ();
  test_affine ();
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  gsl_rng *r = harness_rng (h);
  long n = 20000;
  double *xs = malloc ((size_t) n * 3 * sizeof *xs);
  const double mu2[2] = { 0.5, -1 }, l2[4] = { 1.5, 0, -0.6, 0.8 };
  const double cov2[4] = { 2.25, -0.9, -0.9, 1.0 };
  const double mu3[3] = { 1, 0, -2 }, l3[9] = { 1, 0, 0, 0.5, 2, 0, -1, 0.3, 0.7 };
  double cov3[9];
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      {
        cov3[i * 3 + j] = 0;
        for (int k = 0; k < 3; k++)
          cov3[i * 3 + j] += l3[i * 3 + k] * l3[j * 3 + k];
      }
  const char *const good2[3] = GAUSS_SAMPLE_IDS ("good2");
  const char *const good3[3] = { "good3_mean", "good3_cov", "good3_ks" };
  const char *const mean[3] = { "mean_mean", "mean_cov", "mean_ks" };
  const char *const cov[3] = { "cov_mean", "cov_cov", "cov_ks" };
  const char *const unif[3] = { "unif_mean", "unif_cov", "unif_ks" };
  draw (r, xs, n, 2, mu2, l2, 0);
  gauss_sample_check (h, good2, xs, n, 2, mu2, cov2, 8, "good");
  draw (r, xs, n, 3, mu3, l3, 0);
  gauss_sample_check (h, good3, xs, n, 3, mu3, cov3, 8, "good");
  const double mu_off[2] = { 0.65, -1 };
  draw (r, xs, n, 2, mu_off, l2, 0);
  gauss_sample_check (h, mean, xs, n, 2, mu2, cov2, 8, "shifted");
  const double l_big[4] = { 1.5, 0, -0.6, 0.9 };
  draw (r, xs, n, 2, mu2, l_big, 0);
  gauss_sample_check (h, cov, xs, n, 2, mu2, cov2, 8, "wider");
  draw (r, xs, n, 2, mu2, l2, 1);
  double p_unif = gauss_sample_check (h, unif, xs, n, 2, mu2, cov2, 8, "uniform noise");
  for (long t = 0; t < n; t++)
    xs[t] = 0.7 + 1.7 * gsl_ran_gaussian (r, 1.0);
  double p1 = gauss_sample_ks (h, "ks1", xs, (size_t) n, 0.7, 1.7, CHECK_ALPHA);
  check_close (h, "ks1", "%s", "d = 1");
  for (long t = 0; t < n; t++)
    xs[t] = 0.7 + 1.7 * 1.7 * gsl_ran_gaussian (r, 1.0);
  gauss_sample_ks (h, "ks1_bad", xs, (size_t) n, 0.7, 1.7, CHECK_ALPHA);
  check_close (h, "ks1_bad", "%s", "d = 1, σ² for σ");
  double ps = gauss_sample_check_scalar (h, "scalar", 0.7, 1.7, 1.7, n);
  gauss_sample_check_scalar (h, "scalar_bad", 0.7, 1.7 * 1.7, 1.7, n);
  fixture_harness_loud (&f);
  tap_ok (fixture_held (h, "good2_mean") == 1 && fixture_held (h, "good2_cov") == 1 && fixture_held (h, "good2_ks") == 1,
          "d = 2: a sample of the law passes mean, covariance and KS");
  tap_ok (fixture_held (h, "good3_mean") == 1 && fixture_held (h, "good3_cov") == 1 && fixture_held (h, "good3_ks") == 1,
          "d = 3: a sample of the law passes mean, covariance and KS");
  tap_ok (fixture_held (h, "mean_mean") == 0, "a mean off by 0.15 (14 standard errors) fails the mean check");
  tap_ok (fixture_held (h, "cov_cov") == 0, "Σ22 = 1.17 for 1 fails the covariance check");
  tap_ok (fixture_held (h, "unif_mean") == 1 && fixture_held (h, "unif_cov") == 1 && fixture_held (h, "unif_ks") == 0,
          "uniform noise of the right moments passes the moments and fails KS (p = %.2g)", p_unif);
  tap_ok (fixture_held (h, "ks1") == 1 && p1 > 0 && p1 <= 1, "d = 1: KS of a N(0.7, 1.7²) sample holds");
  tap_ok (fixture_held (h, "ks1_bad") == 0, "d = 1: σ² for σ fails KS");
  tap_ok (fixture_held (h, "scalar") == 1 && ps > 0 && ps <= 1,
          "the scalar sampler 0.7 + 1.7 ε passes KS against N(0.7, 1.7²) (p = %.2g)", ps);
  tap_ok (fixture_held (h, "scalar_bad") == 0, "0.7 + 1.7² ε fails it");
  const char *cov_text = "samples of μ + L e have covariance L Lᵀ (each entry)";
  const char *ks_text = "uᵀ(μ + L e) ~ N(uᵀμ, |Lᵀu|²) for random unit u: KS statistic"
    " <= its critical value";
  tap_ok (strcmp (CHECKS[2].id, "good2_ks") == 0 && CHECKS[2].rel == REL_LE
          && strcmp (CHECKS[1].statement, cov_text) == 0
          && strcmp (CHECKS[2].statement, ks_text) == 0,
          "the three checks' table entries, with the ids gauss_sample_check closes");
  fixture_harness_end (&f);
  free (xs);
  return tap_done ();
}
