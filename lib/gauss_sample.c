/* gauss_sample.c -- a sample against a claimed Gaussian law. */
#include "gauss_sample.h"

#include "errors.h"
#include "gof.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

typedef struct { double mean, sd; } normal_params;

static double
normal_cdf (double x, void *params)
{
  const normal_params *p = params;
  return gsl_cdf_ugaussian_P ((x - p->mean) / p->sd);
}

double
gauss_sample_ks (harness * h, const char *id, double *x, size_t n,
                 double mean, double sd, double alpha)
{
  normal_params np = { mean, sd };
  gof_result res = gof_ks (x, n, normal_cdf, &np);
  check_point (h, id, est_exact (res.statistic, 4 * DBL_EPSILON),
               est_exact (gof_ks_critical_value (n, alpha), 0));
  return res.p_value;
}

static void
moments (harness * h, const char *const ids[3], const double *xs, long n,
         size_t d, const double *mu, const double *cov)
{
  double tr = 0;
  for (size_t i = 0; i < d; i++)
    tr += cov[i * d + i];
  for (size_t i = 0; i < d; i++)
    {
      mc_acc m;
      mc_init (&m);
      for (long t = 0; t < n; t++)
        mc_add (&m, xs[d * t + i]);
      check_point (h, ids[0], est_mc_acc (&m), est_exact (mu[i], 0));
      for (size_t j = 0; j <= i; j++)
        {
          mc_acc v;
          mc_init (&v);
          for (long t = 0; t < n; t++)
            mc_add (&v, (xs[d * t + i] - mu[i]) * (xs[d * t + j] - mu[j]));
          check_point (h, ids[1], est_mc_acc (&v),
                       est_exact (cov[i * d + j], est_gamma (4) * tr));
        }
    }
}

double
gauss_sample_check (harness * h, const char *const ids[3], const double *xs,
                    long n, size_t d, const double *mu, const double *cov,
                    int n_proj, const char *what)
{
  double *y = xmalloc ((size_t) n * sizeof *y), *u = xmalloc (d * sizeof *u);
  double p_min = 1;
  moments (h, ids, xs, n, d, mu, cov);
  for (int k = 0; k < n_proj; k++)
    {
      if (d == 2)
        gsl_ran_dir_2d (harness_rng (h), &u[0], &u[1]);
      else
        gsl_ran_dir_nd (harness_rng (h), d, u);
      for (long t = 0; t < n; t++)
        {
          y[t] = 0;
          for (size_t i = 0; i < d; i++)
            y[t] += u[i] * xs[d * t + i];
        }
      double q = 0, m = 0;      /* uᵀΣu and uᵀμ */
      for (size_t i = 0; i < d; i++)
        {
          q += u[i] * u[i] * cov[i * d + i];
          for (size_t j = i + 1; j < d; j++)
            q += 2 * u[i] * u[j] * cov[i * d + j];
          m += u[i] * mu[i];
        }
      p_min = fmin (p_min, gauss_sample_ks (h, ids[2], y, (size_t) n, m, sqrt (q),
                                            CHECK_ALPHA / n_proj));
    }
  check_close (h, ids[0], "K = %zu, %ld draws of %s", d, n, what);
  check_close (h, ids[1], "K = %zu, %ld draws of %s, products about the known μ", d, n, what);
  check_close (h, ids[2], "K = %zu, %ld draws of %s, %d random directions; smallest p-value %.3g",
               d, n, what, n_proj, p_min);
  free (y), free (u);
  return p_min;
}

double
gauss_sample_check_scalar (harness * h, const char *id, double mu, double a, double sd,
                           long n)
{
  double *z = xmalloc ((size_t) n * sizeof *z);
  gauss_sample_affine (harness_rng (h), GAUSS_NOISE_NORMAL, &mu, &a, 1, 0, n, z);
  double pv = gauss_sample_ks (h, id, z, (size_t) n, mu, sd, CHECK_ALPHA);
  check_close (h, id, "μ = %g, σ = %g, %ld draws; p-value %.3g", mu, sd, n, pv);
  free (z);
  return pv;
}

double
gauss_sample_noise (const gsl_rng * r, gauss_noise kind)
{
  return kind == GAUSS_NOISE_UNIFORM ? sqrt (3.0) * (2 * gsl_rng_uniform (r) - 1)
    : kind == GAUSS_NOISE_LAPLACE ? gsl_ran_laplace (r, M_SQRT1_2)
    : gsl_ran_gaussian_ziggurat (r, 1.0);
}

void
gauss_sample_affine (const gsl_rng * r, gauss_noise noise, const double *mu, const double *a,
                     size_t d, int mapped, long n, double *xs)
{
  double z[16];
  if (d > 16)
    die_internal ("gauss_sample_affine: dimension %zu above 16", d);
  for (long t = 0; t < n; t++)
    {
      for (size_t j = 0; j < d; j++)
        z[j] = gauss_sample_noise (r, noise);
      for (size_t i = 0; i < d; i++)
        {
          double x = mapped ? 0 : mu[i];
          for (size_t j = 0; j < d; j++)
            x += a[i * d + j] * (z[j] + (mapped ? mu[j] : 0));
          xs[d * (size_t) t + i] = x;
        }
    }
}
