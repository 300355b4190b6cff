/* ess.c -- effective sample size by FFT autocovariances and Geyer's
   initial monotone sequence (see ess.h). */
#include "ess.h"
#include "errors.h"
#include "mc.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fft_halfcomplex.h>
#include <gsl/gsl_fft_real.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ESS_FIRST_BLOCK 16

static double
chain_mean (const double *x, size_t stride, size_t n)
{
  /* pairwise-free but compensated (Kahan): n may be 1e6 and more */
  double s = 0.0, c = 0.0;
  for (size_t t = 0; t < n; t++)
    {
      double y = x[t * stride] - c, u = s + y;
      c = (u - s) - y;
      s = u;
    }
  return s / (double) n;
}

static int
chain_finite (const double *x, size_t stride, size_t n)
{
  for (size_t t = 0; t < n; t++)
    if (!isfinite (x[t * stride]))
      return 0;
  return 1;
}

static size_t
next_power_of_two (size_t m)
{
  size_t p = 1;
  while (p < m)
    p <<= 1;
  return p;
}

/* ---------------------------------------------------------------- FFT */

/* BUF[0..2B) = the centred block b of the chain (zero beyond the chain's
   end and in the padding half), transformed to halfcomplex form.  Radix-2
   layout (GSL manual, "Radix-2 FFT routines for real data"): BUF[j] =
   Re F_j for 0 <= j <= B, BUF[2B - j] = Im F_j for 0 < j < B. */
static void
block_spectrum (const double *x, size_t stride, size_t n, double mean,
                size_t b, size_t block, double *buf)
{
  size_t start = b * block, len = 0;
  if (start < n)
    len = (n - start < block) ? n - start : block;
  for (size_t s = 0; s < len; s++)
    buf[s] = x[(start + s) * stride] - mean;
  memset (buf + len, 0, (2 * block - len) * sizeof *buf);
  gsl_fft_real_radix2_transform (buf, 1, 2 * block);
}

/* ACC += conj(F) (F + (-1)^j G): the spectrum of the lagged products of
   block b with itself and with block b + 1 (shifted by B, whose transform
   is (-1)^j G_j in length 2B). */
static void
accumulate_cross_spectrum (const double *f, const double *g, double *acc,
                           size_t block)
{
  size_t len = 2 * block;
  acc[0] += f[0] * (f[0] + g[0]);
  acc[block] += f[block] * (f[block] + ((block % 2) ? -g[block] : g[block]));
  for (size_t j = 1; j < block; j++)
    {
      double fr = f[j], fi = f[len - j], gr = g[j], gi = g[len - j];
      double sign = (j % 2) ? -1.0 : 1.0;
      acc[j] += fr * fr + fi * fi + sign * (fr * gr + fi * gi);
      acc[len - j] += sign * (fr * gi - fi * gr);
    }
}

/* ACOV[0..BLOCK) about MEAN, by blocks of BLOCK padded to 2 BLOCK. */
static void
autocovariance_blocks (const double *x, size_t stride, size_t n, double mean,
                       size_t block, double *acov)
{
  size_t len = 2 * block, n_blocks = (n + block - 1) / block;
  double *f = xmalloc (len * sizeof *f), *g = xmalloc (len * sizeof *g);
  double *acc = xcalloc (len, sizeof *acc);
  block_spectrum (x, stride, n, mean, 0, block, f);
  for (size_t b = 0; b < n_blocks; b++)
    {
      block_spectrum (x, stride, n, mean, b + 1, block, g);
      accumulate_cross_spectrum (f, g, acc, block);
      double *t = f;
      f = g;
      g = t;
    }
  /* the inverse includes the 1/(2B) of the inverse DFT */
  gsl_fft_halfcomplex_radix2_inverse (acc, 1, len);
  for (size_t k = 0; k < block; k++)
    acov[k] = acc[k] / (double) n;
  free (f);
  free (g);
  free (acc);
}

double
ess_autocovariance (const double *x, size_t stride, size_t n, double *acov,
                    size_t max_lag)
{
  if (n == 0)
    {
      for (size_t k = 0; k <= max_lag; k++)
        acov[k] = NAN;
      return NAN;
    }
  double mean = chain_mean (x, stride, n);
  size_t need = (max_lag + 1 < n) ? max_lag + 1 : n;
  size_t block = next_power_of_two (need < 2 ? 2 : need);
  double *all = xmalloc (block * sizeof *all);
  autocovariance_blocks (x, stride, n, mean, block, all);
  for (size_t k = 0; k <= max_lag; k++)
    acov[k] = (k < n) ? all[k] : 0.0;
  free (all);
  return mean;
}

double
ess_autocovariance_direct (const double *x, size_t stride, size_t n,
                           double *acov, size_t max_lag)
{
  double mean = n ? chain_mean (x, stride, n) : NAN;
  for (size_t k = 0; k <= max_lag; k++)
    {
      double s = 0.0;
      for (size_t t = 0; t + k < n; t++)
        s += (x[t * stride] - mean) * (x[(t + k) * stride] - mean);
      acov[k] = n ? s / (double) n : NAN;
    }
  return mean;
}

/* ---------------------------------------------------------------- Geyer */

/* Geyer's initial monotone sequence over ACOV[0..n_lags).  Returns
   sigma^2_asy, or NAN when the pairs have not ended within the lags given:
   either more lags exist (the caller then tries a longer block) or the
   chain has none left.  In that last case there is no estimate:
   with divisor n about the sample mean, gamma_0 + 2 sum_{k=1}^{n-1}
   gamma_k = (1/n) (sum_t (x_t - xbar))^2 = 0 identically, and the
   monotone minima only lower the sum, so whatever comes out is rounding
   noise (a 4-draw chain gave ESS = 3e17). */
static double
geyer_sum (const double *acov, size_t n_lags, size_t *last)
{
  double sum = -acov[0], smallest = INFINITY;
  for (size_t m = 0; 2 * m + 1 < n_lags; m++)
    {
      double pair = acov[2 * m] + acov[2 * m + 1];
      if (pair <= 0.0)
        {
          *last = 2 * m + 1;
          return sum;
        }
      smallest = fmin (smallest, pair);
      sum += 2.0 * smallest;
    }
  *last = n_lags - 1;
  return NAN;
}

ess_result
ess_geyer (const double *x, size_t stride, size_t n)
{
  ess_result r = { n, NAN, NAN, NAN, NAN, NAN, 0 };
  if (n < 4 || !chain_finite (x, stride, n))
    return r;
  r.mean = chain_mean (x, stride, n);
  double sigma2 = NAN;
  for (size_t block = ESS_FIRST_BLOCK;; block *= 4)
    {
      double *acov = xmalloc (block * sizeof *acov);
      autocovariance_blocks (x, stride, n, r.mean, block, acov);
      size_t n_lags = block < n ? block : n;
      r.variance = acov[0];
      if (acov[0] <= 0.0)
        {
          free (acov);
          r.variance = 0.0;
          r.se = 0.0;
          return r;
        }
      sigma2 = geyer_sum (acov, n_lags, &r.max_lag);
      free (acov);
      if (!isnan (sigma2) || block >= n)
        break;
    }
  r.tau = sigma2 / r.variance;
  if (!(sigma2 > 0.0))
    return r;                   /* the antithetic sum cancelled: undefined */
  r.ess = (double) n / r.tau;
  r.se = sqrt (sigma2 / (double) n);
  return r;
}

/* ---------------------------------------------------------------- batches */

double
ess_batch_means_se (const double *x, size_t stride, size_t n,
                    size_t n_batches)
{
  if (n_batches < 2 || n < n_batches)
    return NAN;
  size_t len = n / n_batches;
  mc_acc means;
  mc_init (&means);
  for (size_t b = 0; b < n_batches; b++)
    mc_add (&means, chain_mean (x + b * len * stride, stride, len));
  return sqrt (mc_variance (&means) / (double) n_batches);
}

size_t
ess_batch_count (size_t n, double tau)
{
  double fit = floor ((double) n / (20 * fmax (tau, 1.0)));
  return (size_t) GSL_MAX (10.0, GSL_MIN (50.0, fit));
}

double
ess_log_se_sd (const ess_result * e)
{
  return 0.5 * sqrt (2.0 * (2.0 * (double) e->max_lag + 1) / (double) e->n);
}

double
ess_batch_log_se_sd (size_t n_batches)
{
  return 1 / sqrt (2.0 * ((double) n_batches - 1));
}

/* ---------------------------------------------------------------- R-hat */

/* The split halves of X: 2 m columns of n / 2 draws, one after another. */
static double *
split_halves (const double *x, size_t n, size_t m, size_t *half)
{
  size_t h = n / 2;
  double *y = xmalloc (2 * m * h * sizeof *y);
  for (size_t c = 0; c < m; c++)
    {
      memcpy (y + 2 * c * h, x + c * n, h * sizeof *y);
      memcpy (y + (2 * c + 1) * h, x + c * n + (n - h), h * sizeof *y);
    }
  *half = h;
  return y;
}

/* Y[0..s) replaced by the normal scores of its average ranks (ties share
   the mean of their ranks, as R's rank (ties.method = "average")). */
/* The sort is by value with the index alongside, by the C library's
   qsort (a merge sort in glibc): gsl_sort_index's heapsort through an index
   was a fifth of an mcmc_gmm run.  The order of equal values, which the two
   sorts may leave differently, does not matter: ties share one score. */
typedef struct
{
  double v;
  size_t i;
} ranked;

static int
ranked_compare (const void *pa, const void *pb)
{
  double a = ((const ranked *) pa)->v, b = ((const ranked *) pb)->v;
  return (a > b) - (a < b);
}

static void
normal_scores (double *y, size_t s)
{
  ranked *r = xmalloc (s * sizeof *r);
  for (size_t i = 0; i < s; i++)
    r[i] = (ranked) { y[i], i };
  qsort (r, s, sizeof *r, ranked_compare);
  for (size_t a = 0; a < s;)
    {
      size_t b = a + 1;
      while (b < s && r[b].v == r[a].v)
        b++;
      double rank = 0.5 * ((double) a + 1 + (double) b);  /* mean of a+1..b */
      double zr = gsl_cdf_ugaussian_Pinv ((rank - 0.375) / ((double) s + 0.25));
      for (size_t i = a; i < b; i++)
        y[r[i].i] = zr;
      a = b;
    }
  free (r);
}

/* Gelman-Rubin's R-hat over K columns of N draws, posterior's .rhat. */
static double
rhat_columns (const double *y, size_t n, size_t k)
{
  double *means = xmalloc (k * sizeof *means), w = 0.0;
  for (size_t c = 0; c < k; c++)
    {
      means[c] = gsl_stats_mean (y + c * n, 1, n);
      w += gsl_stats_variance_m (y + c * n, 1, n, means[c]);
    }
  w /= (double) k;
  double b = (double) n * gsl_stats_variance (means, 1, k);
  free (means);
  return sqrt ((b / w + (double) n - 1.0) / (double) n);
}

static double
rhat_rank_normalised (const double *x, size_t n, size_t m)
{
  size_t h;
  double *y = split_halves (x, n, m, &h);
  normal_scores (y, 2 * m * h);
  double r = rhat_columns (y, h, 2 * m);
  free (y);
  return r;
}

double
ess_split_rhat (const double *x, size_t n_per_chain, size_t n_chains)
{
  size_t s = n_per_chain * n_chains;
  if (n_per_chain < 4 || n_chains < 1 || !chain_finite (x, 1, s))
    return NAN;
  double lo = x[0], hi = x[0];
  for (size_t i = 1; i < s; i++)
    {
      lo = fmin (lo, x[i]);
      hi = fmax (hi, x[i]);
    }
  if (!(hi - lo >= DBL_EPSILON))
    return NAN;                 /* posterior's is_constant, tolerance eps */
  double bulk = rhat_rank_normalised (x, n_per_chain, n_chains);
  /* folded: |x - median| over all draws */
  double *f = xmalloc (s * sizeof *f);
  memcpy (f, x, s * sizeof *f);
  gsl_sort (f, 1, s);
  double med = gsl_stats_median_from_sorted_data (f, 1, s);
  for (size_t i = 0; i < s; i++)
    f[i] = fabs (x[i] - med);
  double tail = rhat_rank_normalised (f, n_per_chain, n_chains);
  free (f);
  return fmax (bulk, tail);
}
