/* log_sum_two.h -- the two-term log-sum inequality behind the joint
 * convexity of KL, and the function of q1 whose minimum proves it.
 *
 * The log-sum inequality (Cover & Thomas, 2.7.1) for the two terms
 * a = (λp1, (1-λ)p2), b = (λq1, (1-λ)q2) reads
 *   LHS = m_p log(m_p / m_q) <= λ p1 log(p1/q1) + (1-λ) p2 log(p2/q2) = RHS,
 *   m_p = λp1 + (1-λ)p2,  m_q = λq1 + (1-λ)q2;
 * applied at every outcome and summed, it is KL's joint convexity (2.7.2).
 * A proof by calculus holds all but q1 fixed and minimises F = RHS - LHS
 * over it: ∂F/∂q1 = -λp1/q1 + λ m_p/m_q vanishes only at p1/q1 = p2/q2,
 * where F = 0, and F -> +inf at both ends of q1.
 *
 * Here are the ground truths such a proof is checked against, each with a
 * rounding bound: both sides in lib/discrete's stable form (each log-ratio
 * by log1p near 1), F of a complex q1 for its complex-step derivative
 * (lib/complex_step: no difference taken), and F's minimiser over log q1
 * by GSL's Brent (lib/minimize).  The seed's own readings of the lines,
 * and their mutants, stay with the claim. */
#ifndef HARNESS_LOG_SUM_TWO_H
#define HARNESS_LOG_SUM_TWO_H

#include "estimate.h"

#include <complex.h>

/* The point: the weight λ in [0, 1] and the positive p1, p2, q1, q2. */
typedef struct
{
  double lambda, p1, p2, q1, q2;
} log_sum_two;

/* The point of V = (λ, p1, p2, q1, q2), in that order (a box point's). */
log_sum_two log_sum_two_at (const double *v);

/* The mixtures m_p = λp1 + (1-λ)p2 and m_q = λq1 + (1-λ)q2, as written. */
double log_sum_two_mix_p (const log_sum_two * t);
double log_sum_two_mix_q (const log_sum_two * t);

/* The left side m_p log(m_p/m_q) and the right side λ p1 log(p1/q1) +
   (1-λ) p2 log(p2/q2), each x log(x/y) by discrete_xlogxy; and F = RHS -
   LHS, >= 0 by the inequality. */
double log_sum_two_lhs (const log_sum_two * t);
double log_sum_two_rhs (const log_sum_two * t);
double log_sum_two_gap (const log_sum_two * t);

/* A bound on the rounding of either side (also as a seed writes it, with
   plain logs): the three log-ratios' own bounds
   (discrete_xlogxy_rounding_bound), doubled for the weights and the sum,
   plus 8 DBL_EPSILON (|LHS| + |RHS| + m_p) for the sizes of the terms. */
double log_sum_two_bound (const log_sum_two * t);

/* The left side as a truth: est_exact (log_sum_two_lhs, log_sum_two_bound). */
estimate log_sum_two_lhs_exact (const log_sum_two * t);

/* F as a function of a complex Q1, the other values those of the
   log_sum_two that PARAMS points to: a complex_step_fn. */
double complex log_sum_two_gap_of_q1 (double complex q1, void *params);

/* ∂F/∂q1 = -λp1/q1 + λ m_p/m_q (the chain rule's λ from ∂m_q/∂q1), in
   closed form; and by the complex step on log_sum_two_gap_of_q1, an
   independent route.  Both within log_sum_two_dgap_bound: 16
   DBL_EPSILON (p1/q1 + m_p/m_q), a few ulps of the sizes of the two
   terms. */
double log_sum_two_dgap (const log_sum_two * t);
double log_sum_two_dgap_complex_step (const log_sum_two * t);
double log_sum_two_dgap_bound (const log_sum_two * t);

/* The minimiser of F over s = log q1 (an est_opt): GSL's Brent from the
   best of a 61-point grid on [-15, 15] (minimize_1d_grid, xtol 1e-6, 200
   steps), its error Brent's x_err plus the width over which F's rounding
   noise, 8 DBL_EPSILON (|LHS| + |RHS| + 1), hides the minimum:
   2 sqrt(2 noise / F_ss), F_ss = F''(q1) q1^2 by
   complex_step_second_difference (step 1e-6 q1).  At λ = 0 or 1 F does
   not depend on q1, every q1 is a minimiser, and the result is the
   stationary point log(p1 q2 / p2), exact within 4 DBL_EPSILON (|s| + 1).
   Dies (die_runtime) if Brent does not converge. */
estimate log_sum_two_argmin_log_q1 (const log_sum_two * t);

#endif
