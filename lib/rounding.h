/* rounding.h -- a rounding bound that travels with a computed value.
 *
 * An expression of +, -, x built from leaves that are exact (or carry a
 * known relative error) is evaluated twice at once: its value in floating
 * point, and its absolute companion -- the same expression with every leaf
 * replaced by its magnitude and every - by + -- together with the number
 * of roundings it went through.  Then (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., Lemma 3.1 and 3.3, applied to the
 * expanded sum of monomials)
 *     |fl(y) - y| <= gamma_n * abs(y),    n = roundings, gamma_n = n u/(1 - n u):
 * every monomial of y picks up a product of at most n factors (1 + d),
 * |d| <= u.  A product's monomials carry both factors' roundings and its
 * own (n_a + n_b + 1); a sum's carry their own operand's and the sum's
 * (max(n_a, n_b) + 1), so that a pairwise sum of N terms counts
 * ceil(log2 N), as Higham's section 4.2 bounds it.  The companion is the actual size of the terms that cancel, so
 * the bound is tight where cancellation happens and small where it does
 * not; a bound relative to |y| (or to a guess of the terms' size) is not.
 * The companion is itself computed in floating point, with relative error
 * at most gamma_n; rnd_bound returns gamma_n (1 + gamma_n) abs, which is
 * at most gamma_2n abs.
 *
 *   rnd a = rnd_exact (x), b = rnd_leaf (log (s), 2);
 *   rnd y = rnd_sub (rnd_mul (a, a), b);
 *   estimate e = est_exact (y.value, rnd_bound (y));                       */
#ifndef HARNESS_ROUNDING_H
#define HARNESS_ROUNDING_H

#include <stddef.h>

typedef struct
{
  double value;      /* fl(y) */
  double abs;        /* the absolute companion of y */
  double n;          /* roundings that y's monomials may carry */
} rnd;

/* An exact leaf: an input, or a power of two times one. */
rnd rnd_exact (double x);
/* A leaf with relative error at most K u: a rounded constant (K = 1), a
   libm call within one ulp (K = 2). */
rnd rnd_leaf (double x, double k);
rnd rnd_add (rnd a, rnd b);
rnd rnd_sub (rnd a, rnd b);
rnd rnd_mul (rnd a, rnd b);
/* C a for an exact C (a power of two: no rounding; else one). */
rnd rnd_scale (double c, rnd a);
/* A / B and log A, for a B and an A whose companion is their magnitude
   (a sum of positive terms, no cancellation: dies otherwise), so that
   their relative error is at most gamma_n: the quotient's relative errors
   add (n_a + n_b + 2); log's absolute error is that relative error plus
   its own ulp, which the companion |log a| + 1 carries with n + 2. */
rnd rnd_div (rnd a, rnd b);
rnd rnd_log (rnd a);
/* A bound on |fl(y) - y|. */
double rnd_bound (rnd a);
/* A as a leaf: its value, with its bound taken as a relative error
   (K = rnd_bound (A) / (u |A|)), so that rnd_div and rnd_log accept an A
   whose terms cancel; the leaf's bound is at least A's.  Dies for A = 0. */
rnd rnd_as_leaf (rnd a);

/* exp A: the absolute error δ of A (rnd_bound) becomes the relative error
   |e^δ - 1| <= 1.01 |δ| of exp (for |δ| < 0.01; dies otherwise), beside
   exp's own ulp: a leaf with K = 2 + 1.01 δ / u. */
rnd rnd_exp (rnd a);
/* Σ_i A_i log(B_i / C_i) over i < N, summed in order from an exact 0,
   each term as rnd_mul, rnd_log and rnd_div form it: the sums of
   KL(p||q) = Σ p log p/q and its relatives (Σ q log p/q, Σ p log q/p),
   with their rounding carried.  Every B_i / C_i must not cancel (rnd_div). */
rnd rnd_sum_a_log_ratio (const rnd * a, const rnd * b, const rnd * c, size_t n);

/* A as a closed-form estimate: its value with its rounding bound. */
#include "estimate.h"
estimate rnd_estimate (rnd a);

#endif
