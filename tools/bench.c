/* bench.c -- speed and memory of the harness (make bench).
 *
 *   bench kernels            draws per second of each Monte Carlo kernel,
 *                            and the ratio to the raw limit measured in the
 *                            same run on the same generator
 *   bench run REPS PROG ARGS wall time (median of REPS) and peak memory of
 *                            one program run
 *   bench one KERNEL         one timing (after a warm-up) of KERNEL = raw,
 *                            raw_le, kl1, kl10, iwae (draws per second),
 *                            raw_fastest (the fastest of GSL's generators:
 *                            normals per second and its name) or
 *                            ess (seconds, then the ESS), for
 *                            tools/bench_peers.sh, which interleaves these
 *                            runs with the peers' (numpy, torch, posterior)
 *   bench params D           the Gaussians p, q of the d = D KL kernel
 *                            (D = 1 or 10): d, then mu_p, L_p, mu_q, L_q
 *                            row-major, one number per line, %.17g
 *   bench chain FILE         the 10^6-long AR(1) chain of the ESS kernel,
 *                            as raw native doubles
 *
 * Each kernel is timed REPEATS times and the median reported.  The raw
 * limits: standard normals per second from gsl_ran_gaussian_ziggurat on
 * mt19937 (the harness's generator), and, for kernels that also need a log
 * and an exp per draw, normals plus one log and one exp. */
#include "ess.h"
#include "gmm.h"
#include "logsumexp.h"
#include "mcmc.h"
#include "mc.h"
#include "mvn.h"
#include "rng.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define REPEATS 5

/* Sizes shared with tools/bench_peers.py: the same number of draws. */
#define KL1_DRAWS 20000000L
#define KL10_DRAWS 4000000L
#define IWAE_DRAWS 10000000L


static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static double
median (double *x, size_t n)
{
  gsl_sort (x, 1, n);
  return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

static volatile double sink;   /* keeps results alive */

typedef double (*kernel) (gsl_rng * r, long n, void *ctx);   /* returns draws */

static double
rate (kernel k, void *ctx, long n)
{
  double v[REPEATS];
  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  for (int i = 0; i < REPEATS; i++)
    {
      double t = now ();
      double draws = k (r, n, ctx);
      v[i] = draws / (now () - t);
    }
  gsl_rng_free (r);
  return median (v, REPEATS);
}

/* ---------------------------------------------------------------- kernels */

static double
raw_normals (gsl_rng * r, long n, void *ctx)
{
  (void) ctx;
  double s = 0;
  for (long i = 0; i < n; i++)
    s += gsl_ran_gaussian_ziggurat (r, 1.0);
  sink = s;
  return (double) n;
}

/* The fastest of GSL's simulation-quality generators (the GSL manual's
   list; r250 and rand48 are not on it) under the same ziggurat: with the
   KL kernel drawing one normal per antithetic pair, twice its rate bounds
   any d = 1 kernel on GSL's generators, whatever its arithmetic.  Prints
   the rate, then the generator's name. */
static void
raw_normals_fastest (long n)
{
  const gsl_rng_type *const types[] = { gsl_rng_mt19937, gsl_rng_taus2, gsl_rng_gfsr4,
    gsl_rng_mrg, gsl_rng_cmrg, gsl_rng_ranlxs0 };
  double best = 0;
  const char *name = "";
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    {
      gsl_rng *r = gsl_rng_alloc (types[i]);
      raw_normals (r, n / 100, NULL);   /* warm-up */
      double t = now (), v = raw_normals (r, n, NULL) / (now () - t);
      if (v > best)
        {
          best = v;
          name = gsl_rng_name (r);
        }
      gsl_rng_free (r);
    }
  printf ("%.6g %s\n", best, name);
}

static double
raw_normal_log_exp (gsl_rng * r, long n, void *ctx)
{
  (void) ctx;
  double s = 0;
  for (long i = 0; i < n; i++)
    {
      double z = gsl_ran_gaussian_ziggurat (r, 1.0);
      s += log (1.5 + z * z) + exp (-0.5 * z * z);
    }
  sink = s;
  return (double) n;
}

static double
kl_mc (gsl_rng * r, long n, void *ctx)
{
  mvn **pq = ctx;
  mc_acc a;
  mc_init (&a);
  mvn_kl_mc (r, pq[0], pq[1], (size_t) n / 2, &a);
  sink = mc_mean (&a);
  return (double) (n / 2 * 2);
}

/* IWAE log-weights for the conjugate model z ~ N(0,1), x|z ~ N(a z, s^2)
   with proposal q = N(m, v): log w = log p(x, z) - log q(z), z ~ q, and
   the k-sample bound term log_mean_exp over blocks of k = 64. */
typedef struct
{
  double x, a, s, m, sd;
} iwae_model;

static double
iwae_weights (gsl_rng * r, long n, void *ctx)
{
  const iwae_model *md = ctx;
  enum { K = 64 };
  double lw[K], total = 0, c = -0.5 * log (2 * M_PI);
  /* the normalisers once, as lib/iw_gauss's iw_log_weight does (math
     errno keeps the compiler from hoisting the logs itself) */
  double norm = c + (c - log (md->s)) - (c - log (md->sd));
  long blocks = n / K;
  for (long b = 0; b < blocks; b++)
    {
      for (int j = 0; j < K; j++)
        {
          double e = gsl_ran_gaussian_ziggurat (r, 1.0);
          double z = md->m + md->sd * e;
          double rx = (md->x - md->a * z) / md->s;
          lw[j] = norm - 0.5 * z * z - 0.5 * rx * rx + 0.5 * e * e;
        }
      total += log_mean_exp (lw, K);
    }
  sink = total;
  return (double) (blocks * K);
}

/* MH and HMC on a 2-D two-component Gaussian mixture (lib/gmm, lib/mcmc). */
typedef struct
{
  gmm *g;
  gsl_vector *work;
} mixture_target;

static double
mixture_log_density (const gsl_vector * x, void *p)
{
  mixture_target *m = p;
  return gmm_log_pdf (m->g, x, m->work);
}

static void
mixture_grad (const gsl_vector * x, gsl_vector * grad, void *p)
{
  mixture_target *m = p;
  gmm_grad_log_pdf (m->g, x, grad);
}

static mixture_target *
bench_mixture (void)
{
  mixture_target *m = malloc (sizeof *m);
  m->g = gmm_alloc (2, 2);
  m->work = gsl_vector_alloc (2);
  gsl_vector *mu = gsl_vector_alloc (2);
  gsl_matrix *s = gsl_matrix_alloc (2, 2);
  gsl_matrix_set_identity (s);
  gsl_vector_set_all (mu, -1.0);
  gmm_set_component (m->g, 0, 0.4, mu, s);
  gsl_vector_set_all (mu, 1.5);
  gmm_set_component (m->g, 1, 0.6, mu, s);
  gsl_vector_free (mu);
  gsl_matrix_free (s);
  return m;
}

static double
mh_steps (gsl_rng * r, long n, void *ctx)
{
  mcmc_target t = { 2, mixture_log_density, mixture_grad, ctx };
  gsl_matrix *chain = gsl_matrix_alloc ((size_t) n, 2);
  gsl_vector *x0 = gsl_vector_calloc (2);
  mcmc_mh (r, &t, 1.0, x0, chain, NULL);
  sink = gsl_matrix_get (chain, (size_t) n - 1, 0);
  gsl_matrix_free (chain);
  gsl_vector_free (x0);
  return (double) n;
}

static double
hmc_steps (gsl_rng * r, long n, void *ctx)
{
  mcmc_target t = { 2, mixture_log_density, mixture_grad, ctx };
  mcmc_hmc_options o = { 0.3, 10, 0.1 };
  gsl_matrix *chain = gsl_matrix_alloc ((size_t) n, 2);
  gsl_vector *x0 = gsl_vector_calloc (2);
  mcmc_hmc (r, &t, &o, x0, chain, NULL, NULL);
  sink = gsl_matrix_get (chain, (size_t) n - 1, 0);
  gsl_matrix_free (chain);
  gsl_vector_free (x0);
  return (double) n * 10;      /* leapfrog steps */
}

/* ESS of a 10^6-long AR(1) chain: seconds per estimate (median). */
#define ESS_CHAIN_N 1000000

static double *
ess_chain (void)
{
  size_t n = ESS_CHAIN_N;
  double *x = malloc (n * sizeof *x);
  gsl_rng *r = rng_new (3);
  x[0] = 0;
  for (size_t i = 1; i < n; i++)
    x[i] = 0.9 * x[i - 1] + gsl_ran_gaussian_ziggurat (r, 1.0);
  gsl_rng_free (r);
  return x;
}

static double
ess_seconds (void)
{
  size_t n = ESS_CHAIN_N;
  double *x = ess_chain (), v[REPEATS];
  for (int i = 0; i < REPEATS; i++)
    {
      double t = now ();
      ess_result e = ess_geyer (x, 1, n);
      v[i] = now () - t;
      sink = e.ess;
    }
  free (x);
  return median (v, REPEATS);
}

static mvn *
bench_gaussian (gsl_rng * r, size_t d, double scale, double shift)
{
  mvn *g = mvn_alloc (d);
  gsl_vector *mu = gsl_vector_alloc (d);
  gsl_matrix *s = gsl_matrix_alloc (d, d);
  gsl_vector_set_all (mu, shift);
  spd_random (r, scale, 10.0, s);
  mvn_set (g, mu, s);
  gsl_vector_free (mu);
  gsl_matrix_free (s);
  return g;
}

/* The KL kernels' Gaussians: d = 1 then d = 10 from one generator, so
   `bench params` gives the peers exactly the pairs `bench kernels` times. */
static void
bench_kl_pairs (mvn * d1[2], mvn * d10[2])
{
  gsl_rng *r = rng_new (1);
  d1[0] = bench_gaussian (r, 1, 1.0, 0.0);
  d1[1] = bench_gaussian (r, 1, 1.5, 0.5);
  d10[0] = bench_gaussian (r, 10, 1.0, 0.0);
  d10[1] = bench_gaussian (r, 10, 1.5, 0.3);
  gsl_rng_free (r);
}

static void
free_kl_pairs (mvn * d1[2], mvn * d10[2])
{
  for (int i = 0; i < 2; i++)
    {
      mvn_free (d1[i]);
      mvn_free (d10[i]);
    }
}

static void
print_row (const char *name, double r, const char *limit, double lim)
{
  printf ("| %s | %.3g | %s | %.2f |\n", name, r / 1e6, limit, r / lim);
}

static int
bench_kernels (void)
{
  double raw = rate (raw_normals, NULL, 20000000);
  double raw_le = rate (raw_normal_log_exp, NULL, 10000000);
  printf ("| kernel | million draws/s | raw limit | ratio to the limit |\n"
          "|---|---|---|---|\n");
  printf ("| raw: standard normals (ziggurat, mt19937) | %.3g | itself | 1.00 |\n",
          raw / 1e6);
  printf ("| raw: normal + log + exp | %.3g | itself | 1.00 |\n", raw_le / 1e6);
  mvn *d1[2], *d10[2];
  bench_kl_pairs (d1, d10);
  print_row ("Gaussian KL, d = 1 (mvn_kl_mc, antithetic pairs)",
             rate (kl_mc, d1, KL1_DRAWS), "normals", raw);
  print_row ("Gaussian KL, d = 10 (mvn_kl_mc, antithetic pairs)",
             rate (kl_mc, d10, KL10_DRAWS), "normals", raw);
  iwae_model md = { 1.3, 2.0, 0.5, 0.4, 0.3 };
  print_row ("IWAE log-weights + log-mean-exp (k = 64)",
             rate (iwae_weights, &md, IWAE_DRAWS), "normal+log+exp", raw_le);
  mixture_target *mix = bench_mixture ();
  print_row ("Metropolis-Hastings steps, 2-D mixture (2 normals + 1 uniform + density)",
             rate (mh_steps, mix, 1000000), "normal+log+exp", raw_le);
  print_row ("HMC leapfrog steps, 2-D mixture (gradient per step)",
             rate (hmc_steps, mix, 100000), "normal+log+exp", raw_le);
  double es = ess_seconds ();
  printf ("\nEffective sample size of a 10^6-long chain (FFT autocovariance, Geyer's"
          " initial monotone sequence): %.4f s per estimate (target < 0.1 s: %s).\n",
          es, es < 0.1 ? "met" : "**missed**");
  free_kl_pairs (d1, d10);
  return 0;
}

/* ------------------------------------------------- single runs for peers */

static double
one_timing (kernel k, void *ctx, long n)
{
  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  k (r, n / 100 > 64 ? n / 100 : 64, ctx);      /* warm-up */
  double t = now ();
  double draws = k (r, n, ctx);
  double rate_ = draws / (now () - t);
  gsl_rng_free (r);
  return rate_;
}

static int
bench_one (const char *name)
{
  mvn *d1[2], *d10[2];
  iwae_model md = { 1.3, 2.0, 0.5, 0.4, 0.3 };
  int rc = 0;
  bench_kl_pairs (d1, d10);
  if (!strcmp (name, "raw"))
    printf ("%.6g\n", one_timing (raw_normals, NULL, KL1_DRAWS));
  else if (!strcmp (name, "raw_fastest"))
    raw_normals_fastest (KL1_DRAWS);
  else if (!strcmp (name, "raw_le"))
    printf ("%.6g\n", one_timing (raw_normal_log_exp, NULL, IWAE_DRAWS));
  else if (!strcmp (name, "kl1"))
    printf ("%.6g\n", one_timing (kl_mc, d1, KL1_DRAWS));
  else if (!strcmp (name, "kl10"))
    printf ("%.6g\n", one_timing (kl_mc, d10, KL10_DRAWS));
  else if (!strcmp (name, "iwae"))
    printf ("%.6g\n", one_timing (iwae_weights, &md, IWAE_DRAWS));
  else if (!strcmp (name, "ess"))
    {
      double *x = ess_chain ();
      sink = ess_geyer (x, 1, ESS_CHAIN_N / 100).ess;     /* warm-up */
      double t = now ();
      ess_result e = ess_geyer (x, 1, ESS_CHAIN_N);
      printf ("%.6g %.6g\n", now () - t, e.ess);
      free (x);
    }
  else
    {
      fprintf (stderr, "bench: unknown kernel '%s'\n", name);
      rc = 2;
    }
  free_kl_pairs (d1, d10);
  return rc;
}

static int
bench_params (const char *dim)
{
  mvn *d1[2], *d10[2];
  bench_kl_pairs (d1, d10);
  mvn **pq = !strcmp (dim, "1") ? d1 : !strcmp (dim, "10") ? d10 : NULL;
  if (!pq)
    {
      fprintf (stderr, "bench: params: dimension must be 1 or 10, not '%s'\n", dim);
      free_kl_pairs (d1, d10);
      return 2;
    }
  size_t d = pq[0]->d;
  printf ("%zu\n", d);
  for (int g = 0; g < 2; g++)
    {
      for (size_t i = 0; i < d; i++)
        printf ("%.17g\n", gsl_vector_get (pq[g]->mu, i));
      for (size_t i = 0; i < d; i++)
        for (size_t j = 0; j < d; j++)
          printf ("%.17g\n", j <= i ? gsl_matrix_get (pq[g]->chol, i, j) : 0.0);
    }
  free_kl_pairs (d1, d10);
  return 0;
}

static int
bench_write_chain (const char *path)
{
  double *x = ess_chain ();
  FILE *f = fopen (path, "wb");
  int ok = f && fwrite (x, sizeof *x, ESS_CHAIN_N, f) == ESS_CHAIN_N;
  if (f && fclose (f) != 0)
    ok = 0;
  free (x);
  if (!ok)
    {
      fprintf (stderr, "bench: cannot write the chain to '%s'\n", path);
      return 1;
    }
  return 0;
}

/* ---------------------------------------------------------------- programs */

static int
bench_run (int reps, char **argv)
{
  double wall[64];
  long maxrss = 0;
  if (reps < 1 || reps > 64)
    reps = 3;
  for (int i = 0; i < reps; i++)
    {
      double t = now ();
      pid_t pid = fork ();
      if (pid == 0)
        {
          if (!freopen ("/dev/null", "w", stdout))
            _exit (126);
          execv (argv[0], argv);
          _exit (127);
        }
      int status;
      struct rusage ru;
      if (wait4 (pid, &status, 0, &ru) < 0 || !WIFEXITED (status)
          || WEXITSTATUS (status) != 0)
        {
          fprintf (stderr, "bench: %s failed\n", argv[0]);
          return 1;
        }
      wall[i] = now () - t;
      if (ru.ru_maxrss > maxrss)
        maxrss = ru.ru_maxrss;
    }
  printf ("%.3f %.1f\n", median (wall, (size_t) reps), (double) maxrss / 1024.0);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 2 && !strcmp (argv[1], "kernels"))
    return bench_kernels ();
  if (argc >= 4 && !strcmp (argv[1], "run"))
    return bench_run (atoi (argv[2]), argv + 3);
  if (argc == 3 && !strcmp (argv[1], "one"))
    return bench_one (argv[2]);
  if (argc == 3 && !strcmp (argv[1], "params"))
    return bench_params (argv[2]);
  if (argc == 3 && !strcmp (argv[1], "chain"))
    return bench_write_chain (argv[2]);
  fprintf (stderr, "usage: bench kernels | bench run REPS PROGRAM [ARGS...] | bench one KERNEL"
           " | bench params 1|10 | bench chain FILE\n");
  return 2;
}
