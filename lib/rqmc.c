/* rqmc.c -- randomly shifted low-discrepancy points (see rqmc.h). */
#include "rqmc.h"
#include "errors.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_qrng.h>
#include <math.h>
#include <stdint.h>
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
  /* Owen scrambling (rqmc_alloc_scrambled): M digits, each coordinate's
     tree of 2^M - 1 random flips as bits, and the generator of the digits
     below M (set by rqmc_replicate). */
  int scrambled;
  unsigned m;
  double two_m, two_minus_m;   /* 2^M and 2^-M: scaling by them is exact */
  uint64_t *flip;      /* d rows of ceil(2^M / 64) words */
  size_t flip_words;
  const gsl_rng *rng;
  double tail_p, tail_a, tail_lam;   /* rqmc_next_weighted's boundary law */
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
  free (q->flip);
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
  if (q->scrambled)
    {
      /* 64 random bits from the 32 of each gsl_rng_get (mt19937's range) */
      for (size_t k = 0; k < q->d * q->flip_words; k++)
        q->flip[k] = (uint64_t) (gsl_rng_get (r) & 0xffffffffUL) << 32
          | (uint64_t) (gsl_rng_get (r) & 0xffffffffUL);
      q->rng = r;
    }
  else
    for (size_t j = 0; j < q->d; j++)
      q->shift[j] = gsl_rng_uniform (r);
  gsl_qrng_init (q->seq);
  q->replicate++;
  q->point = 0;
  return 0;
}

/* Owen's nested uniform scrambling of coordinate J of the point X.  Digit
   k (k = 0..M-1) of x is flipped by the random bit at node 2^k + (the k
   digits above it) of the coordinate's binary tree: the permutation of a
   digit depends on all the digits before it, as Owen (1995) defines it.
   The first 2^M points of a base-2 net (with the origin) have distinct
   first M digits in every coordinate, so the scrambled digits below M are
   independent uniform for each point: one uniform draw in (0, 1) fills
   them (Owen 1995; Matousek 1998).  u is in (0, 1): never 0 or 1. */
static double
scramble (const rqmc * q, size_t j, double x)
{
  const uint64_t *row = q->flip + j * q->flip_words;
  /* H is 1 followed by the M digits: the node of digit k is H's first
     k + 1 bits (2^k + the k digits above it), and the digit itself is
     the last of those bits of the next node */
  uint32_t top = (uint32_t) (x * q->two_m), out = 0;
  uint32_t h = top | (1u << q->m);
  for (unsigned k = 0; k < q->m; k++)
    {
      uint32_t node = h >> (q->m - k);
      uint32_t bit = (h >> (q->m - 1 - k)) & 1u;
      uint32_t f = (uint32_t) (row[node >> 6] >> (node & 63)) & 1u;
      out |= (bit ^ f) << (q->m - 1 - k);
    }
  return ((double) out + gsl_rng_uniform_pos (q->rng)) * q->two_minus_m;
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
  if (q->scrambled)
    {
      for (size_t j = 0; j < q->d; j++)
        u[j] = scramble (q, j, q->raw[j]);
      q->point++;
      return 0;
    }
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
          double w = 1;
          if (law == RQMC_NORMAL_WEIGHTED)
            rqmc_next_weighted (q, x, &w, NULL);
          else if (law == RQMC_NORMAL)
            rqmc_next_normal (q, x);
          else
            rqmc_next_uniform (q, x);
          s += w != 1 ? (w > 0 ? w * f (x, q->d, ctx) : 0) : f (x, q->d, ctx);
        }
      rqmc_acc_add (&a, s / (double) q->n);
    }
  free (x);
  return a;
}

/* Normals with the net's boundary cells weighted (rqmc_next_weighted).

   Why not z = Φ⁻¹(u) alone.  An integrand that grows in z (½|z|² for -log
   p, a log-density ratio) is, as a function of u, unbounded at the faces
   of the cube: near u = 0, Φ⁻¹(u)² ≈ 2 log(1/u).  A net of n points has
   one point per coordinate in the cell [0, 1/n), uniform in it under a
   scramble (at V/n under a shift), and that point contributes about
   (2/n)(log n + E), E = log(1/V) ~ Exp(1): the replicate mean carries a
   few exponential terms that dominate its error.  Measured
   (tools/rqmc_tail.c, the engine's Sobol net, R = 32, ½|z|² and the kl
   integrand in d = 1, 2): replicate means with skewness 1.7-2.8 (1.3
   scrambled) and excess kurtosis 4-21, t-statistics with mean -0.16 to
   -0.26 (or +0.25) and sd 1.12-1.21 instead of Student-t(31)'s 0 and 1.03,
   and one tail P(t < -5) 100-320 times Student's.  The structure at the
   face is the same at every n (the cell scales with 1/n), so larger n does
   not cure it; more replicates shrink the t-statistic's skewness only
   like 1/sqrt(R), far too slowly for a tail at alpha = 1e-7.

   The fix at the root: sample each coordinate's boundary cells from a law
   whose weighted integrand is bounded.  For u in [p, 1 - p], p = 1/n (the
   cell), z = Φ⁻¹(u) with weight 1, as before.  For u < p (and mirrored for
   u > 1 - p), z = -a - t with Q(a) = p and t = log(p/u) / λ exponential of
   rate λ = φ(a) / p (the proposal's density then joins φ continuously at
   -a and keeps its tail mass p); its weight, true density over proposal,
   is w = φ(a + t) / (p λ e^{-λt}) = exp((λ - a) t - t²/2), at most
   exp((λ - a)²/2) < 1.1 and vanishing like e^{-t²/2}.  So w h is bounded
   for any h with |h(z)| <= C exp(b z²), b < ½, the point in the boundary
   cell no longer brings an exponential tail, and E[w h(z)] = E[h(z)],
   z ~ N(0, I), exactly.  Only the points with a coordinate in a boundary
   cell are weighted (at most 2d of n), so an additive integrand stays
   additive and the net keeps its gain.  Measured with Owen-scrambled nets
   (which the engine uses; a shifted net's error is a fixed periodic
   function of the shift, skewed again by this map: skewness -5.6 in
   d = 1): see rqmc.h.  The limit of the idea: a weight below 1 also
   scales the other coordinates' share of the integrand, so where most of
   an integrand lies in other coordinates (½|z|², d = 10) the boundary
   point brings a negative skew instead (-0.5 to -0.6); a weighted quarter
   cell (p = 1/(4n)) gave +0.23 there but would be tuned to one integrand.
   More replicates (the t-statistic's skewness falls like 1/sqrt(R)) are
   the next step for that case.

   Rejected after measuring: the logistic law for every coordinate, weight
   prod_j φ(z_j)/f(z_j) -- bounded, and 800 times better in d = 1, but the
   product weight couples all coordinates and in d = 10 made the variance of
   ½|z|² 50 times worse than Φ⁻¹'s.

   Rounding: z and w carry relative errors of a few units in the last
   place, as Φ⁻¹'s own approximation does; a and λ's errors move the
   proposal by ~1e-16 of a tail mass p.  *BOUND (may be NULL) receives a
   bound on w's relative error, 8u (1 + (λ - a) t + t²) (0 inside). */
static void
tail_params (rqmc * q)
{
  size_t net = q->scrambled ? (size_t) 1 << q->m : q->n;
  q->tail_p = 1.0 / (double) (net > 2 ? net : 2);
  q->tail_a = gsl_cdf_ugaussian_Qinv (q->tail_p);
  q->tail_lam = exp (-0.5 * q->tail_a * q->tail_a) / sqrt (2 * M_PI) / q->tail_p;
}

int
rqmc_next_weighted (rqmc * q, double *z, double *w, double *bound)
{
  if (rqmc_next_uniform (q, z) != 0)
    return -1;
  if (!(q->tail_p > 0))
    tail_params (q);
  double lw = 0, b = 0;
  for (size_t j = 0; j < q->d; j++)
    {
      double u = z[j], v = u < 0.5 ? u : 1.0 - u;
      if (v < q->tail_p)
        {
          double t = log (q->tail_p / v) / q->tail_lam;
          lw += (q->tail_lam - q->tail_a) * t - 0.5 * t * t;
          b += 1 + (q->tail_lam - q->tail_a) * t + t * t;
          z[j] = u < 0.5 ? -q->tail_a - t : q->tail_a + t;
        }
      else
        z[j] = gsl_cdf_ugaussian_Pinv (u);
    }
  *w = lw != 0 ? exp (lw) : 1.0;
  if (bound)
    *bound = 8 * 0x1p-53 * b;
  return 0;
}

/* An RQMC object whose replicates are Owen-scrambled nets rather than
   shifted ones (see rqmc.h for why).  Base-2 sequences only. */
rqmc *
rqmc_alloc_scrambled (rqmc_kind kind, size_t d, size_t n, size_t replicates)
{
  if (kind == RQMC_HALTON)
    {
      fprintf (stderr, "rqmc: only base-2 sequences (Sobol, Niederreiter) can be scrambled\n");
      return NULL;
    }
  if (n > ((size_t) 1 << 24))
    {
      fprintf (stderr, "rqmc: a scrambled net of %zu points is above 2^24\n", n);
      return NULL;
    }
  rqmc *q = rqmc_alloc (kind, d, n, replicates);
  if (!q)
    return NULL;
  unsigned m = 0;
  while (((size_t) 1 << m) < n)
    m++;
  q->scrambled = 1;
  q->m = m;
  q->two_m = ldexp (1.0, (int) m);
  q->two_minus_m = ldexp (1.0, -(int) m);
  q->flip_words = (((size_t) 1 << m) + 63) / 64;
  q->flip = xcalloc (d * q->flip_words, sizeof *q->flip);
  return q;
}
