/* rqmc_tail.c -- how far the Student-t verdict of randomized quasi-Monte
 * Carlo is from its nominal law, on the engine's own estimator.
 *
 *   rqmc_tail INTEGRAND D N R K MAP [SEED]
 *
 * INTEGRAND  ent: -log p up to its constant, ½|z|² (gaussian_entropy);
 *            kl: log N0(x) - log N1(x) = -½|z|² + ½|Mz + c|² + const at
 *            x = μ0 + L0 z, M = L1⁻¹L0 and c = L1⁻¹(μ0 - μ1) drawn once
 *            from SEED (kl_gaussians' s000_kl_def, s004_eq1_1).
 * D, N, R    dimension, points per replicate, replicates (the engine: N =
 *            8192 for gaussian_entropy, 2048 for kl_gaussians, R = 32).
 * K          independent RQMC estimates (each of R replicates).
 * MAP        normal: z = Φ⁻¹(u) (rqmc_next_normal); weighted: the
 *            engine's map, boundary cells weighted (rqmc_next_weighted);
 *            weightedcv: the engine's, with its control variate on the
 *            weights, w h - beta (w - 1), beta the mean of h over 20000
 *            independent draws (lib/derivation.c's rqmc_pilot);
 *            tail:K the same with K cells (K = 1 is weighted); logistic[:S]
 *            z = S logit(u) (S = 0.582) weighted by φ/f in every
 *            coordinate (rejected, see rqmc.c).  Prefixed by s (snormal,
 *            sweighted, ...): on Owen-scrambled nets (rqmc_alloc_scrambled)
 *            instead of shifted ones.
 *
 * Prints one row: the bias of the pooled mean in its standard errors,
 * the variance of a replicate mean (times N, so that it
 * reads as a per-point variance), the skewness and excess kurtosis of the
 * replicate means (standardised by the exact mean and their pooled spread),
 * the mean and sd of t = (mean - truth) / se, and the tail frequencies
 * P(t > c), P(t < -c) at c = 3, 4, 5 with Student-t(R - 1)'s for
 * comparison.  Used for the numbers quoted in lib/rqmc.h. */
#include "rqmc.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DMAX 40
#define CV_PILOT 20000

static int kl;
static size_t dim;
static double M[DMAX][DMAX], cvec[DMAX];

static double
integrand (const double *z)
{
  double s0 = 0;
  for (size_t i = 0; i < dim; i++)
    s0 += z[i] * z[i];
  if (!kl)
    return 0.5 * s0;
  double s1 = 0;
  for (size_t i = 0; i < dim; i++)
    {
      double y = cvec[i];
      for (size_t j = 0; j <= i; j++)
        y += M[i][j] * z[j];
      s1 += y * y;
    }
  return -0.5 * s0 + 0.5 * s1;
}

static double
truth (void)
{
  if (!kl)
    return 0.5 * (double) dim;
  double f = 0, c2 = 0;
  for (size_t i = 0; i < dim; i++)
    {
      c2 += cvec[i] * cvec[i];
      for (size_t j = 0; j <= i; j++)
        f += M[i][j] * M[i][j];
    }
  return 0.5 * (f + c2 - (double) dim);
}

int
main (int argc, char **argv)
{
  if (argc < 7)
    {
      fprintf (stderr, "usage: rqmc_tail ent|kl D N R K [s]normal|weighted[cv]|tail:K|logistic[:S] [SEED]\n");
      return 2;
    }
  kl = strcmp (argv[1], "kl") == 0;
  dim = strtoul (argv[2], NULL, 10);
  size_t n = strtoul (argv[3], NULL, 10), R = strtoul (argv[4], NULL, 10);
  long K = strtol (argv[5], NULL, 10);
  unsigned long seed = argc > 7 ? strtoul (argv[7], NULL, 10) : 1;
  /* MAP, prefixed by "s" for a scrambled net (rqmc_alloc_scrambled):
     normal, weighted, logistic[:S] or tail:K (see the top) */
  const char *map = argv[6];
  int scrambled = map[0] == 's';
  map += scrambled;
  /* weightedcv: the weighted map with the control variate E w = 1,
     w h - beta (w - 1), beta a pilot mean of h from independent draws */
  int cv = strcmp (map, "weightedcv") == 0;
  int weighted = cv || strcmp (map, "weighted") == 0;
  int logistic = strncmp (map, "logistic", 8) == 0;
  double scale = logistic && map[8] == ':' ? strtod (map + 9, NULL) : 0.582;
  int tail = strncmp (map, "tail:", 5) == 0;
  double p0 = tail ? strtod (map + 5, NULL) / (double) n : 0;
  double ta = tail ? gsl_cdf_ugaussian_Qinv (p0) : 0;
  double lam = tail ? gsl_ran_ugaussian_pdf (ta) / p0 : 0;
  if (!weighted && !logistic && !tail && strcmp (map, "normal") != 0)
    {
      fprintf (stderr, "rqmc_tail: unknown map '%s'\n", argv[6]);
      return 2;
    }
  if (dim == 0 || dim > DMAX || n == 0 || R < 2 || K < 1)
    {
      fprintf (stderr, "rqmc_tail: bad arguments\n");
      return 2;
    }
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, seed);
  for (size_t i = 0; i < dim; i++)
    {
      cvec[i] = gsl_ran_gaussian (r, 1.0);
      M[i][i] = exp (gsl_ran_flat (r, log (0.3), log (3.0)));
      for (size_t j = 0; j < i; j++)
        M[i][j] = gsl_ran_gaussian (r, 0.5 / sqrt ((double) dim));
    }
  double mu = truth ();
  double *means = malloc ((size_t) K * R * sizeof *means);
  double *ts = malloc ((size_t) K * sizeof *ts);
  double z[DMAX];
  clock_t t0 = clock ();
  for (long k = 0; k < K; k++)
    {
      rqmc *q = scrambled ? rqmc_alloc_scrambled (RQMC_SOBOL, dim, n, R)
        : rqmc_alloc (RQMC_SOBOL, dim, n, R);
      double sm = 0, ss = 0, beta = 0;
      for (long i = 0; cv && i < CV_PILOT; i++)
        {
          for (size_t c = 0; c < dim; c++)
            z[c] = gsl_ran_gaussian_ziggurat (r, 1.0);
          beta += integrand (z) / CV_PILOT;
        }
      for (size_t j = 0; j < R; j++)
        {
          rqmc_replicate (q, r);
          double s = 0;
          for (size_t i = 0; i < n; i++)
            {
              double w = 1;
              if (weighted)
                rqmc_next_weighted (q, z, &w, NULL);
              else if (logistic || tail)
                rqmc_next_uniform (q, z);
              else
                rqmc_next_normal (q, z);
              for (size_t c = 0; (logistic || tail) && c < dim; c++)
                {
                  double a = log (z[c]), b = log1p (-z[c]);
                  double u = z[c], v = u < 0.5 ? u : 1 - u;
                  if (logistic)
                    {
                      z[c] = scale * (a - b);
                      w *= scale * gsl_ran_ugaussian_pdf (z[c]) / (u * (1 - u));
                    }
                  else if (v < p0)
                    {
                      double tt = -log (v / p0) / lam;
                      w *= exp ((lam - ta) * tt - 0.5 * tt * tt);
                      z[c] = u < 0.5 ? -ta - tt : ta + tt;
                    }
                  else
                    z[c] = gsl_cdf_ugaussian_Pinv (u);
                }
              s += w * integrand (z) - (cv ? beta * (w - 1) : 0);
            }
          double m = s / (double) n;
          means[k * (long) R + (long) j] = m;
          sm += m;
        }
      sm /= (double) R;
      for (size_t j = 0; j < R; j++)
        ss += pow (means[k * (long) R + (long) j] - sm, 2);
      ts[k] = (sm - mu) / sqrt (ss / (double) (R - 1) / (double) R);
      rqmc_free (q);
    }
  double secs = (double) (clock () - t0) / CLOCKS_PER_SEC;
  long nm = K * (long) R;
  double v = 0, m3 = 0, m4 = 0, gm = 0;
  for (long i = 0; i < nm; i++)
    {
      v += pow (means[i] - mu, 2);
      gm += means[i];
    }
  v /= (double) nm;
  gm /= (double) nm;
  for (long i = 0; i < nm; i++)
    {
      double e = (means[i] - mu) / sqrt (v);
      m3 += e * e * e;
      m4 += e * e * e * e;
    }
  m3 /= (double) nm;
  m4 = m4 / (double) nm - 3;
  double tm = 0, tv = 0;
  for (long k = 0; k < K; k++)
    tm += ts[k];
  tm /= (double) K;
  for (long k = 0; k < K; k++)
    tv += pow (ts[k] - tm, 2);
  tv /= (double) (K - 1);
  printf ("%s d=%zu n=%zu R=%zu K=%ld %s: bias/se %.2f  var*n %.4g  skew %.3f  exkurt %.3f"
          "  t mean %.3f sd %.3f (t_%zu sd %.3f)  %.2f ms/estimate\n",
          argv[1], dim, n, R, K, argv[6], (gm - mu) / sqrt (v / (double) nm),
          v * (double) n, m3, m4, tm,
          sqrt (tv), R - 1, sqrt ((R - 1.0) / (R - 3.0)),
          1e3 * secs / (double) K);
  for (int c = 3; c <= 5; c++)
    {
      long up = 0, lo = 0;
      for (long k = 0; k < K; k++)
        {
          up += ts[k] > c;
          lo += ts[k] < -c;
        }
      double qt = gsl_cdf_tdist_Q (c, (double) (R - 1));
      printf ("  c=%d: P(t>c) %.2e  P(t<-c) %.2e  t_%zu %.2e  (ratios %.1f, %.1f)\n",
              c, (double) up / K, (double) lo / K, R - 1, qt,
              (double) up / K / qt, (double) lo / K / qt);
    }
  free (means);
  free (ts);
  gsl_rng_free (r);
  return 0;
}
