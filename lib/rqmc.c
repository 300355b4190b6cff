/* rqmc.c -- randomly shifted low-discrepancy points (see rqmc.h). */
#include "rqmc.h"
#include "errors.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_qrng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct rqmc
{
  rqmc_kind kind;
  size_t d, n, replicates;
  size_t replicate;    /* replicates started */
  size_t point;        /* points given in the current replicate */
  gsl_qrng *seq;
  double *shift;       /* d */
  double *raw;         /* d: the unshifted point */
};

static const gsl_qrng_type *
kind_type (rqmc_kind kind)
{
  switch (kind)
    {
    case RQMC_SOBOL:
      return gsl_qrng_sobol;
    case RQMC_NIEDERREITER:
      return gsl_qrng_niederreiter_2;
    case RQMC_HALTON:
      return gsl_qrng_halton;
    }
  return NULL;
}

size_t
rqmc_max_dimension (rqmc_kind kind)
{
  switch (kind)
    {
    case RQMC_SOBOL:
      return 40;
    case RQMC_NIEDERREITER:
      return 12;
    case RQMC_HALTON:
      return 1229;
    }
  return 0;
}

rqmc *
rqmc_alloc (rqmc_kind kind, size_t d, size_t n, size_t replicates)
{
  const gsl_qrng_type *t = kind_type (kind);
  if (!t || d == 0 || d > rqmc_max_dimension (kind))
    {
      fprintf (stderr, "rqmc: dimension %zu is outside 1..%zu for this sequence\n",
               d, rqmc_max_dimension (kind));
      return NULL;
    }
  if (n == 0 || replicates < 2)
    {
      fprintf (stderr, "rqmc: need n >= 1 points and R >= 2 replicates (got %zu, %zu)\n",
               n, replicates);
      return NULL;
    }
  rqmc *q = xcalloc (1, sizeof *q);
  q->kind = kind;
  q->d = d;
  q->n = n;
  q->replicates = replicates;
  q->seq = gsl_qrng_alloc (t, (unsigned int) d);
  q->shift = xmalloc (d * sizeof *q->shift);
  q->raw = xmalloc (d * sizeof *q->raw);
  return q;
}

void
rqmc_free (rqmc * q)
{
  if (!q)
    return;
  gsl_qrng_free (q->seq);
  free (q->shift);
  free (q->raw);
  free (q);
}

size_t rqmc_dimension (const rqmc * q) { return q->d; }
size_t rqmc_points (const rqmc * q) { return q->n; }
size_t rqmc_replicates (const rqmc * q) { return q->replicates; }

int
rqmc_replicate (rqmc * q, const gsl_rng * r)
{
  if (q->replicate >= q->replicates)
    {
      fprintf (stderr, "rqmc: all %zu replicates were already used\n", q->replicates);
      return -1;
    }
  for (size_t j = 0; j < q->d; j++)
    q->shift[j] = gsl_rng_uniform (r);
  gsl_qrng_init (q->seq);
  q->replicate++;
  q->point = 0;
  return 0;
}

/* GSL's sequences start at index 1 (Sobol's first point is (1/2, ...)):
   the origin, index 0, is given here first, so that n = 2^m points of a
   base-2 sequence form a whole digital net -- each coordinate then has one
   point in each cell of width 1/n, which the gsl points 1..n alone miss
   (tests/test_rqmc.c checks both).

   u = frac (x + s) with x, s in [0, 1).  The sum is below 2, so one
   subtraction reduces it; the rounded sum can be exactly 1 (x + s within
   2^-53 of 1), giving u = 0, where the inverse normal CDF is -inf.  Such a
   u is replaced by 2^-54, a quarter of the spacing of doubles just below
   1: the change of measure is at most 2^-54 per coordinate, far below any
   Monte Carlo error this module is used to measure. */
int
rqmc_next_uniform (rqmc * q, double *u)
{
  if (q->replicate == 0 || q->point >= q->n)
    {
      fprintf (stderr, "rqmc: no point left (%s)\n",
               q->replicate == 0 ? "call rqmc_replicate first" : "n points given");
      return -1;
    }
  if (q->point == 0)
    for (size_t j = 0; j < q->d; j++)
      q->raw[j] = 0.0;
  else
    gsl_qrng_get (q->seq, q->raw);
  for (size_t j = 0; j < q->d; j++)
    {
      double v = q->raw[j] + q->shift[j];
      if (v >= 1.0)
        v -= 1.0;
      u[j] = v > 0.0 ? v : 0x1p-54;
    }
  q->point++;
  return 0;
}

int
rqmc_next_normal (rqmc * q, double *z)
{
  if (rqmc_next_uniform (q, z) != 0)
    return -1;
  for (size_t j = 0; j < q->d; j++)
    z[j] = gsl_cdf_ugaussian_Pinv (z[j]);
  return 0;
}

void rqmc_acc_init (rqmc_acc * a) { mc_init (&a->means); }
void rqmc_acc_add (rqmc_acc * a, double m) { mc_add (&a->means, m); }
double rqmc_acc_mean (const rqmc_acc * a) { return mc_mean (&a->means); }
double rqmc_acc_se (const rqmc_acc * a) { return mc_se (&a->means); }

double
rqmc_acc_dof (const rqmc_acc * a)
{
  return a->means.n >= 1 ? (double) a->means.n - 1.0 : 0.0;
}

double
rqmc_t_critical (double alpha, double dof)
{
  if (!(alpha > 0.0 && alpha < 1.0) || !(dof > 0.0))
    die_internal ("rqmc_t_critical: alpha %g, dof %g", alpha, dof);
  return gsl_cdf_tdist_Qinv (0.5 * alpha, dof);
}

rqmc_acc
rqmc_integrate (rqmc * q, const gsl_rng * r, rqmc_law law,
                rqmc_integrand f, void *ctx)
{
  rqmc_acc a;
  double *x = xmalloc (q->d * sizeof *x);
  rqmc_acc_init (&a);
  if (q->replicate != 0)
    die_internal ("rqmc_integrate: the rqmc object was already used");
  for (size_t k = 0; k < q->replicates; k++)
    {
      rqmc_replicate (q, r);
      double s = 0.0;
      for (size_t i = 0; i < q->n; i++)
        {
          if (law == RQMC_NORMAL)
            rqmc_next_normal (q, x);
          else
            rqmc_next_uniform (q, x);
          s += f (x, q->d, ctx);
        }
      rqmc_acc_add (&a, s / (double) q->n);
    }
  free (x);
  return a;
}
