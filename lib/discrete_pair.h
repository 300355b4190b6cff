/* discrete_pair.h -- random pairs of discrete distributions, disjoint or
 * overlapping, and their Jensen-Shannon divergence with r formed.
 *
 * A claim about JSD(p, q) = ½KL(p||r) + ½KL(q||r), r = (p + q)/2, tests it
 * on many random pairs: here they are drawn.  The masses on a chosen
 * support are independent Gamma(a, 1) draws normalised, i.e. a
 * Dirichlet(a, ..., a) vector on that support (Devroye, Non-Uniform Random
 * Variate Generation, XI.4); a < 1 gives the uneven masses, some tiny, that
 * a divergence's rounding meets.  The supports are drawn from one uniform
 * per outcome, so the pair's shape (disjoint or not, which outcomes) and
 * its masses use the generator in a fixed, documented order: a claim's
 * outputs depend on it.
 *
 * The JSD with r formed entry by entry and each KL by discrete_kl is the
 * definition as a derivation writes it, a second route beside
 * discrete_jsd's term-by-term form (lib/discrete.h): the two agree within
 * their bounds, and for disjoint supports both are log 2. */
#ifndef HARNESS_DISCRETE_PAIR_H
#define HARNESS_DISCRETE_PAIR_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* P (length N) = Gamma(SHAPE, 1) + 1e-300 on the outcomes where USE[i] is
   non-zero, 0 elsewhere, normalised by discrete_normalize: a
   Dirichlet(SHAPE, ...) vector on the support USE (the 1e-300 keeps a draw
   that underflows, possible for SHAPE < 1, inside the support).  One
   gsl_ran_gamma from R per used outcome, in index order.  Dies
   (die_internal) if no outcome is used. */
void discrete_pair_masses (const gsl_rng * r, const int *use, size_t n, double shape,
                           double *p);

/* A random pair P, Q of probability vectors on N >= 2 outcomes.  First one
   uniform u_i from R per outcome, i = 0 .. N-1: with DISJOINT, outcome i
   goes to p when u_i < 0.4, to q when 0.4 <= u_i < 0.8, to neither
   otherwise; without, to p when u_i < 0.7 and to q when u_i > 0.3 (both on
   (0.3, 0.7)).  Then outcome 0 is p's and outcome N-1 q's (with DISJOINT
   only theirs, without it both sides'), so neither support is empty.  Then
   P's masses and Q's, each by discrete_pair_masses with SHAPE. */
void discrete_pair_draw (const gsl_rng * r, size_t n, int disjoint, double shape, double *p,
                         double *q);

/* ½KL(P||R) + ½KL(Q||R) with R = (P + Q)/2 formed entry by entry (as
   0.5 * (p_i + q_i)) and each KL by discrete_kl, for probability vectors of
   length N.  *BOUND receives a bound on its rounding: the two KLs'
   discrete_gen_kl_rounding_bound, plus log 2 · discrete_sum_tolerance (N)
   = 2 (N + 1) DBL_EPSILON log 2 for the rounding of R's entries (each
   moves its log by at most u = DBL_EPSILON / 2, in all u (ΣP + ΣQ)/2) and
   the halving and sum, with room. */
double discrete_pair_jsd_formed (const double *p, const double *q, size_t n, double *bound);

#endif
