/* rqmc.h -- randomized quasi-Monte Carlo for smooth expectations under
 * uniforms and standard normals.
 *
 * A low-discrepancy sequence (GSL's gsl_qrng: Sobol for d <= 40,
 * Niederreiter base 2 for d <= 12, Halton for d <= 1229) gives n points per
 * replicate; each of R replicates adds its own independent uniform shift
 * modulo 1 (Cranley & Patterson 1976), so every point is marginally U(0,1)^d
 * and the replicate means are independent and unbiased.  Normals are the
 * inverse CDF of the shifted uniforms (gsl_cdf_ugaussian_Pinv).  The
 * standard error is the spread of the R replicate means, sqrt(s^2 / R), and
 * (mean - truth) / se is Student-t with R - 1 degrees of freedom when the
 * replicate means are close to normal (Owen, "Monte Carlo theory, methods
 * and examples", ch. 17; L'Ecuyer & Lemieux 2002).
 *
 *   rqmc *q = rqmc_alloc (RQMC_SOBOL, d, n, R);
 *   rqmc_acc a; rqmc_acc_init (&a);
 *   for (size_t k = 0; k < R; k++) {
 *     rqmc_replicate (q, rng);              new shift, sequence restarted
 *     double s = 0;
 *     for (size_t i = 0; i < n; i++) { rqmc_next_normal (q, z); s += f (z); }
 *     rqmc_acc_add (&a, s / n);
 *   }
 *   mean = rqmc_acc_mean (&a); se = rqmc_acc_se (&a); dof = R - 1;
 *   |mean - truth| <= rqmc_t_critical (alpha, dof) * se   (two-sided)
 *
 * rqmc_integrate does that loop for an integrand of uniforms or normals.
 *
 * Measured by tests/test_rqmc.c (2 loaded cores; cost ratios are medians
 * of 7 interleaved pairs in one run, so the load cancels): the inverse
 * CDF costs 1.0-1.4 times a ziggurat normal per coordinate (10-15 ns).
 * Sobol, n = 1024 points per replicate, R = 32, against plain Monte Carlo
 * with ziggurat normals; variance reduction of the mean at an equal number
 * of evaluations, and in parentheses at equal time (RQMC, with its point
 * generation and inverse CDF, costs 1.5-1.8 times plain MC per evaluation):
 *     E |z|^2                   d = 1: 1130 (~740)  d = 5: 771 (~450)
 *                               d = 10: 1030 (~580)
 *     log p - log q, diagonal   d = 1:  315 (~190)  d = 5: 349 (~225)
 *                               d = 10:  289 (~180)
 * (the test prints them on every run).  n = 2^m Sobol points form a net
 * only with the origin, which GSL skips (see rqmc_next_uniform): without
 * it the gains in d = 5, 10 were about 2.5 times smaller.  Where RQMC does not win at
 * equal time (rough or discontinuous integrands, d well above 10 with
 * few points), keep plain Monte Carlo.
 *
 * The engine (lib/derivation.c) uses Owen-scrambled nets
 * (rqmc_alloc_scrambled) and normals whose boundary cells are weighted
 * (rqmc_next_weighted), because with shifts and Φ⁻¹ an integrand growing
 * in z makes every replicate mean skewed (skewness 1.7-2.8 in d = 1, 2),
 * and the t-statistic's one tail at c = 5 100-300 times Student's (see
 * rqmc.c, tools/rqmc_tail.c).  With both: replicate means with |skewness|
 * <= 0.06, excess kurtosis <= 0.26, t mean 0.00 and sd 1.02-1.04 (Student
 * 1.034) for ½|z|² (d = 1, 2) and the kl integrand (d = 1, 2), -0.13 and
 * 0.23 for the kl integrand in d = 8; the variance of a replicate mean is
 * 1.3-1.4 times that of the shifted Φ⁻¹ one there.  On the weights alone, ½|z|²
 * in d = 10 has skewness -0.5 to -0.6 (shifted Φ⁻¹: +0.73 to +0.78),
 * because a boundary point's weight also scales the other nine
 * coordinates' share; the engine removes that with a control variate on
 * the weights, w h - beta (w - 1), E w = 1 (skewness -0.03: see
 * lib/derivation.c's rqmc_pilot).  The variance there stays 1.7-1.9 times
 * the shifted one's (whose one-dimensional projections are lattices, ideal
 * for an additive integrand).
 * In tests/test_rqmc.c's comparison (n = 1024, R = 32) the engine's
 * variance reduction at equal evaluations is 443 / 453 / 272 for E|z|^2
 * (d = 1 / 5 / 10; shifted 1130 / 771 / 1030) and 1070 / 3420 / 1330 for
 * log p - log q (shifted 315 / 349 / 289), at about 4 times plain MC's
 * cost per evaluation (the scramble's table lookups and its uniform for
 * the low digits): 70-320 times plain MC's at equal time. */
#ifndef HARNESS_RQMC_H
#define HARNESS_RQMC_H

#include "mc.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

typedef enum
{
  RQMC_SOBOL,          /* d <= 40 */
  RQMC_NIEDERREITER,   /* Niederreiter base 2, d <= 12 */
  RQMC_HALTON          /* d <= 1229 */
} rqmc_kind;

typedef struct rqmc rqmc;

/* The largest dimension KIND supports. */
size_t rqmc_max_dimension (rqmc_kind kind);

/* NULL, with one line on stderr, when d is 0 or above the kind's limit,
   n is 0, or R < 2 (no spread, no standard error). */
rqmc *rqmc_alloc (rqmc_kind kind, size_t d, size_t n, size_t replicates);
void rqmc_free (rqmc * q);
size_t rqmc_dimension (const rqmc * q);
size_t rqmc_points (const rqmc * q);       /* n, per replicate */
size_t rqmc_replicates (const rqmc * q);   /* R */

/* Start the next replicate: draw a fresh shift in [0,1)^d from R and
   restart the sequence at its first point.  Returns 0, or -1 (with a
   message) when all R replicates were already started. */
int rqmc_replicate (rqmc * q, const gsl_rng * r);

/* The next point of the current replicate, shifted modulo 1, in (0,1)^d;
   the first is the sequence's index-0 point, the origin (GSL starts at 1)
   (a coordinate that lands on 0 becomes 2^-54, see rqmc.c).  Returns 0, or
   -1 (with a message) after n points or before rqmc_replicate. */
int rqmc_next_uniform (rqmc * q, double *u);
/* The same point mapped to N(0, I_d) by the inverse normal CDF. */
int rqmc_next_normal (rqmc * q, double *z);

/* Replicate means -> mean, standard error and R - 1 degrees of freedom. */
typedef struct
{
  mc_acc means;
} rqmc_acc;

void rqmc_acc_init (rqmc_acc * a);
void rqmc_acc_add (rqmc_acc * a, double replicate_mean);
double rqmc_acc_mean (const rqmc_acc * a);
double rqmc_acc_se (const rqmc_acc * a);      /* sd of the means / sqrt R */
double rqmc_acc_dof (const rqmc_acc * a);     /* R - 1 */

/* Two-sided critical value: P(|T| > c) = ALPHA for T ~ Student-t(DOF). */
double rqmc_t_critical (double alpha, double dof);

typedef enum
{
  RQMC_UNIFORM,
  RQMC_NORMAL,
  RQMC_NORMAL_WEIGHTED          /* rqmc_next_weighted: w f(z) summed */
} rqmc_law;

typedef double (*rqmc_integrand) (const double *x, size_t d, void *ctx);

/* Runs all R replicates of Q (which must be fresh) on F under LAW and
   returns the accumulator of the replicate means. */
rqmc_acc rqmc_integrate (rqmc * q, const gsl_rng * r, rqmc_law law,
                         rqmc_integrand f, void *ctx);

/* The next point of the current replicate mapped to N(0, I_d) as
   rqmc_next_normal does, except in each coordinate's two boundary cells
   (u within 1/n of 0 or 1, n the net's size), which are sampled from an
   exponential tail beyond the normal's 1/n quantile and weighted by the
   density ratio: *W is the point's weight (1 for most points), and the
   mean of w h(z) estimates E[h(z)], z ~ N(0, I_d), without the exponential
   terms that the boundary cells otherwise bring into every replicate mean
   of an integrand growing in z (why, the law and the measurements: rqmc.c).
   *BOUND, if not NULL: a bound on the relative rounding error of *W.
   Returns 0, or -1 as rqmc_next_uniform. */
int rqmc_next_weighted (rqmc * q, double *z, double *w, double *bound);

/* As rqmc_alloc, but each replicate is an Owen (nested uniform) scrambled
   net instead of a shifted one: the first 2^m >= n points of a base-2
   sequence (with the origin), each coordinate's first m digits permuted by
   a random binary tree of flips drawn in rqmc_replicate, the digits below
   filled uniformly from the same generator (which must outlive the
   replicate's points).  Every point is U(0,1)^d, every replicate mean
   unbiased, and -- unlike a shift of the whole net, whose error is one
   fixed periodic function of the shift -- a replicate mean is a sum of many
   independently randomised parts, close to normal (Owen 1997; Loh 2003);
   why that matters here: rqmc.c.  NULL for Halton or n > 2^24. */
rqmc *rqmc_alloc_scrambled (rqmc_kind kind, size_t d, size_t n,
                            size_t replicates);

#endif
