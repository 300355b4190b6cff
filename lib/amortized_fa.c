/* amortized_fa.c -- the amortization gap of a linear encoder (see
   amortized_fa.h). */
#include "amortized_fa.h"
#include "errors.h"
#include "rounding_short.h"

#include <gsl/gsl_multifit.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


/* compute: Λ = I + Wᵀ Ψ⁻¹ W and det Λ */
static void
precision (amortized_fa * a, const double *w, const double *psi)
{
  for (int j = 0; j < 2; j++)
    for (int l = 0; l < 2; l++)
      {
        a->lam[j][l] = j == l;
        for (size_t d = 0; d < a->dx; d++)
          a->lam[j][l] += w[2 * d + j] * w[2 * d + l] / psi[d];
      }
  a->det = a->lam[0][0] * a->lam[1][1] - a->lam[0][1] * a->lam[1][0];
}

void
amortized_fa_sample (amortized_fa * a, size_t dx, const double *w,
                     const double *psi, const double *b, size_t n, const gsl_rng * r)
{
  *a = (amortized_fa) { .dx = dx, .n = n };
  precision (a, w, psi);
  double det = a->det, *g = xmalloc (2 * dx * sizeof *g);
  double sig[2][2] = { {a->lam[1][1] / det, -a->lam[0][1] / det},
                       {-a->lam[1][0] / det, a->lam[0][0] / det} };
  /* compute: g = Λ⁻¹ Wᵀ Ψ⁻¹, so that μ(x) = g (x - b) */
  for (int j = 0; j < 2; j++)
    for (size_t d = 0; d < dx; d++)
      g[j * dx + d] = (sig[j][0] * w[2 * d] + sig[j][1] * w[2 * d + 1]) / psi[d];
  a->xs = xmalloc (n * dx * sizeof *a->xs);
  a->mu = xmalloc (n * 2 * sizeof *a->mu);
  for (size_t i = 0; i < n; i++)
    {
      double z0 = gsl_ran_gaussian (r, 1), z1 = gsl_ran_gaussian (r, 1), *x = a->xs + i * dx;
      for (size_t d = 0; d < dx; d++)
        x[d] = w[2 * d] * z0 + w[2 * d + 1] * z1 + b[d] + gsl_ran_gaussian (r, sqrt (psi[d]));
      for (int j = 0; j < 2; j++)
        {
          a->mu[2 * i + j] = 0;
          for (size_t d = 0; d < dx; d++)
            a->mu[2 * i + j] += g[j * dx + d] * (x[d] - b[d]);
        }
    }
  free (g);
}

void
amortized_fa_fit (amortized_fa * a, size_t n_in)
{
  if (n_in < 1 || n_in > a->dx || n_in >= a->n)
    die_internal ("amortized_fa: %zu encoder inputs of %zu, %zu datapoints", n_in, a->dx, a->n);
  size_t p = n_in + 1, n = a->n;
  gsl_matrix *u = gsl_matrix_alloc (n, p), *cov = gsl_matrix_alloc (p, p);
  gsl_vector *y = gsl_vector_alloc (n), *c = gsl_vector_alloc (p);
  for (size_t i = 0; i < n; i++)
    {
      for (size_t k = 0; k < n_in; k++)
        gsl_matrix_set (u, i, k, a->xs[i * a->dx + k]);
      gsl_matrix_set (u, i, n_in, 1);
    }
  free (a->coef);
  a->n_in = n_in;
  a->coef = xmalloc (2 * p * sizeof *a->coef);
  gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc (n, p);
  for (int j = 0; j < 2; j++)
    {
      double chisq;
      for (size_t i = 0; i < n; i++)
        gsl_vector_set (y, i, a->mu[2 * i + j]);
      gsl_multifit_linear (u, y, c, cov, &chisq, ws);
      for (size_t k = 0; k < p; k++)
        a->coef[j * p + k] = gsl_vector_get (c, k);
    }
  gsl_multifit_linear_free (ws);
  gsl_matrix_free (u), gsl_matrix_free (cov), gsl_vector_free (y), gsl_vector_free (c);
}

void
amortized_fa_free (amortized_fa * a)
{
  free (a->xs), free (a->mu), free (a->coef);
  a->xs = a->mu = a->coef = NULL;
}

double
amortized_fa_coef (const amortized_fa * a, int j, size_t k)
{
  return a->coef[j * (a->n_in + 1) + k];
}

/* d = m_φ(x_i) - μ_i, then ½ dᵀΛd; the data, μ_i and Λ are exact leaves. */
rnd
amortized_fa_gap (const amortized_fa * a, const double *coef, size_t i)
{
  size_t p = a->n_in + 1;
  rnd d[2];
  for (int j = 0; j < 2; j++)
    {
      d[j] = rnd_sub (X (coef[j * p + a->n_in]), X (a->mu[2 * i + j]));
      for (size_t k = 0; k < a->n_in; k++)
        d[j] = rnd_add (d[j], rnd_mul (X (coef[j * p + k]), X (a->xs[i * a->dx + k])));
    }
  rnd q = rnd_add (rnd_add (rnd_mul (X (a->lam[0][0]), sq (d[0])),
                            rnd_mul (X (a->lam[1][1]), sq (d[1]))),
                   rnd_scale (2, rnd_mul (X (a->lam[0][1]), rnd_mul (d[0], d[1]))));
  return rnd_scale (0.5, q);
}

double
amortized_fa_kl_optimum (const amortized_fa * a)
{
  return 0.5 * (log (a->lam[0][0]) + log (a->lam[1][1]) - log (a->det));
}

double
amortized_fa_write_kl (const amortized_fa * a, sbuf * fig, int block)
{
  double kl_star = amortized_fa_kl_optimum (a), mean = 0;
  double *gap = xmalloc (a->n * sizeof *gap);
  for (size_t i = 0; i < a->n; i++)
    mean += (gap[i] = amortized_fa_gap (a, a->coef, i).value) / a->n;
  gsl_sort (gap, 1, a->n);
  sbuf_printf (fig, "\n\n# block %d: rank, KL(q_i*), KL(q_φ*) per datapoint (sorted)\n", block);
  for (size_t i = 0; i < a->n; i++)
    sbuf_printf (fig, "%zu %.10g %.10g\n", i + 1, kl_star, kl_star + gap[i]);
  free (gap);
  return mean;
}

typedef struct
{
  const amortized_fa *a;
  double *coef;                 /* a copy of a->coef, one entry varied */
  int j;
  size_t k;
} along;

static double
elbo_along_s (double s, void *params, double *rounding)
{
  const along *c = params;
  rnd lam = X (c->a->lam[c->j][c->j]);
  rnd v = rnd_sub (rnd_log (X (s)), rnd_scale (0.5, rnd_mul (lam, sq (X (s)))));
  *rounding = rnd_bound (v);
  return v.value;
}

concave_max
amortized_fa_argmax_s (const amortized_fa * a, int j)
{
  double grid[81];
  along c = { a, NULL, j, 0 };
  for (int g = 0; g < 81; g++)
    grid[g] = 0.05 + 0.05 * g;
  return maximize_concave_1d (elbo_along_s, &c, grid, 81, 1e-8, 1e-7);
}

static double
minus_gap_along (double v, void *params, double *rounding)
{
  const along *c = params;
  c->coef[c->j * (c->a->n_in + 1) + c->k] = v;
  rnd t = X (0);
  for (size_t i = 0; i < c->a->n; i++)
    t = rnd_add (t, amortized_fa_gap (c->a, c->coef, i));
  *rounding = rnd_bound (t);
  return -t.value;
}

concave_max
amortized_fa_argmax_coef (const amortized_fa * a, int j, size_t k)
{
  size_t size = 2 * (a->n_in + 1) * sizeof *a->coef;
  double grid[81], c0 = amortized_fa_coef (a, j, k);
  along c = { a, memcpy (xmalloc (size), a->coef, size), j, k };
  for (int g = 0; g < 81; g++)
    grid[g] = c0 - 2 + 0.05 * g;
  concave_max m = maximize_concave_1d (minus_gap_along, &c, grid, 81, 1e-8, 1e-7);
  free (c.coef);
  return m;
}
