/* positive_pair.h -- pairs of positive vectors for brute-force tests of an
 * inequality between them (the log-sum inequality, Pinsker's).
 *
 * An inequality sum f(a_i, b_i) >= g(sum a_i, sum b_i) is tested where it
 * is easy (independent entries: a wide gap) and where it is tight: a nearly
 * proportional to b (the gap of second order in the perturbation, so that
 * a wrong constant shows) and exactly proportional (equality, where only
 * rounding is left).  Entries are log-uniform, e^(spread (2u - 1)), so
 * that a pair spans many orders of magnitude.  The generator is passed in
 * (no hidden state) and the draws' order is part of the contract: a
 * claim's report depends on it. */
#ifndef HARNESS_POSITIVE_PAIR_H
#define HARNESS_POSITIVE_PAIR_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

typedef enum
{
  POSITIVE_PAIR_INDEPENDENT,    /* a_i, b_i independent, log-uniform */
  POSITIVE_PAIR_NEAR,           /* a_i = e b_i (1 + near z_i), z_i ~ N(0, 1) */
  POSITIVE_PAIR_PROPORTIONAL    /* a_i = c b_i, c = e^(3 (2u - 1)) */
} positive_pair_kind;
#define POSITIVE_PAIR_N_KINDS 3

/* e^(SPREAD (2u - 1)), u uniform on [0, 1): log-uniform on
   [e^-SPREAD, e^SPREAD]; one uniform of R. */
double positive_pair_log_uniform (const gsl_rng * r, double spread);
/* X[0], ..., X[N-1] log-uniform over SPREAD, drawn in that order. */
void positive_pair_log_uniform_fill (const gsl_rng * r, double spread, size_t n, double *x);

/* A pair of KIND into A and B (length N, SPREAD > 0, NEAR the relative
   perturbation of a NEAR pair).  Draws, in this order: c (for every kind,
   so that the kinds consume alike up to their entries), then per i b_i
   (log-uniform over SPREAD) and a_i (INDEPENDENT: log-uniform over
   SPREAD; NEAR: one Gaussian, gsl_ran_gaussian; PROPORTIONAL: none).  A
   NEAR pair's factor e makes A log(A/B) ~ A, so its gap ~ A near^2 / 2
   is measured against a right side of its own size; a PROPORTIONAL pair
   is proportional up to the rounding of the products c b_i. */
void positive_pair_draw (const gsl_rng * r, positive_pair_kind kind, double spread,
                         double near, size_t n, double *a, double *b);

/* The K-th pair of a sweep over the N_LENGTHS lengths LENGTHS and the
   kinds: its length (LENGTHS[k mod N_LENGTHS]) in *N, and its kind, which
   advances once per pass over the lengths, so that any N_LENGTHS *
   POSITIVE_PAIR_N_KINDS consecutive pairs cover every length with every
   kind once. */
positive_pair_kind positive_pair_sweep (long k, const size_t *lengths, size_t n_lengths,
                                        size_t *n);

/* N log-normal weights, the b of the pair a = 1, b = w that importance
   weights make (log mean w >= mean log w is the log-sum inequality
   there): LOGW_i = MU + SIGMA z_i, z_i ~ N(0, 1) by gsl_ran_gaussian in
   order, and W_i = e^(LOGW_i). */
void positive_pair_log_normal (const gsl_rng * r, double mu, double sigma, size_t n,
                               double *logw, double *w);

#endif
