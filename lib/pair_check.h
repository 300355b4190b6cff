/* pair_check.h -- the harness checks of an inequality between positive
 * vectors, by brute force over a sweep of pairs.
 *
 * An inequality LHS(a, b) >= RHS(a, b) between vectors (the log-sum
 * inequality, say) is checked at every pair of a sweep of positive_pair.h
 * (every length with every kind: independent, near-proportional,
 * proportional); where the claim states them, also its equality case at
 * the proportional pairs, LHS = RHS, and a lower bound on its gap at every
 * pair, LHS - RHS >= GAP (Pinsker's, say), the gap's rounding the sides'
 * bounds added.  The sides are the claim's (with its mutants); the loop,
 * the draws and the comparisons are here.  The caller closes the checks
 * (check_close), with notes of its own. */
#ifndef HARNESS_PAIR_CHECK_H
#define HARNESS_PAIR_CHECK_H

#include "harness.h"
#include "positive_pair.h"

#define PAIR_CHECK_MAX_N 1000   /* the longest vector of a sweep */

/* A side at the pair (A, B) of length N: its value and rounding bound, an
   estimate of a deterministic kind (est_exact). */
typedef estimate (*pair_check_side) (const double *a, const double *b, size_t n);

typedef struct
{
  const char *holds;          /* check id of LHS >= RHS, at every pair */
  const char *equality;       /* of LHS = RHS at the proportional pairs (NULL: none) */
  const char *gap;            /* of LHS - RHS >= GAP, at every pair (NULL: none) */
  pair_check_side lhs, rhs, gap_bound;
  const size_t *lengths;      /* the sweep's lengths, 1 .. PAIR_CHECK_MAX_N */
  size_t n_lengths;
  double spread, near;        /* positive_pair_draw's */
} pair_check_spec;

/* N_PAIRS pairs of the sweep over S's lengths (positive_pair_sweep),
   drawn by positive_pair_draw from H's generator in order, each a point
   of S's checks (check_point): LHS against RHS for HOLDS, and for
   EQUALITY at a proportional pair; LHS - RHS within the sum of their
   bounds against GAP_BOUND for GAP.  Dies (die_internal) on a length
   beyond PAIR_CHECK_MAX_N. */
void pair_check_run (harness * h, const pair_check_spec * s, long n_pairs);

/* A ready GAP_BOUND for the log-sum inequality: Pinsker's lower bound on
   its gap, (A/2) ||a/A - b/B||_1^2 (discrete_pinsker_gap), within
   discrete_pinsker_gap_rounding_bound. */
estimate pair_check_pinsker (const double *a, const double *b, size_t n);

#endif
