/* discrete.h -- discrete distributions (probability vectors) and their
 * divergences.
 *
 * A discrete distribution on n outcomes is a vector p of length n with
 * p_i >= 0, every p_i finite, and sum p_i = 1; discrete_validate() tests
 * that, the sum within a stated tolerance (floating-point vectors rarely sum
 * to 1 exactly).  The divergences themselves do not insist on the sum: they
 * are the same sums for unnormalised vectors, which is what the log-sum
 * inequality needs (discrete_gen_kl).
 *
 * Conventions (Cover & Thomas, Elements of Information Theory, 2.1-2.3):
 *   0 log 0 = 0, 0 log(0/q) = 0, and p log(p/0) = +inf for p > 0.  So
 *   KL(p||q) = +inf exactly when some p_i > 0 = q_i, and outcomes outside
 *   the support of p never count.
 * Invalid entries -- NaN, +-inf, or negative -- make every divergence NaN
 * (a domain error, as GSL's special functions return NaN), never a number.
 *
 * Accuracy: each log-ratio log(a/b) is computed as log1p((a-b)/b) when
 * a >= b/2 and as log a - log b otherwise, so ratios never overflow (a = 1,
 * b = 4.9e-324 gives 744.44, not inf) and each term a log(a/b) of nearly
 * equal a, b keeps its relative accuracy.  The sum does not: KL of nearly
 * equal vectors (q = p (1 + e)) is ~ sum p e^2 / 2 while its terms are
 * ~ p e of both signs, so discrete_gen_kl_rounding_bound() bounds the
 * absolute error by the size of the terms, sum |a log(a/b)|, not by the
 * value.  discrete_normalize_log() works in log space through
 * log_sum_exp() (logsumexp.h), so weights like exp(-1000) normalise.
 *
 * The Jensen-Shannon divergence uses the mixture r = (p + q)/2 (Lin 1991):
 *   JSD(p, q) = 1/2 KL(p||r) + 1/2 KL(q||r),   0 <= JSD <= log 2,
 * and an outcome where only one of p_i, q_i is positive contributes exactly
 * (its mass) * log 2 / 2; those masses are summed apart and multiplied by
 * log 2 once, so two probability vectors with disjoint supports whose
 * entries sum to exactly 1 give exactly log 2.  Every other outcome's
 * contribution is computed in a form that is >= 0 term by term
 * ((p+q)/4 phi((p-q)/(p+q)) with phi a series of positive terms, see
 * discrete.c), so nothing cancels and the JSD keeps its relative accuracy
 * also for nearly equal vectors:
 *   |computed - exact| <= (50 u + 4 n u^2) JSD   (u = DBL_EPSILON / 2),
 * plus 2^-1073 per outcome and per unit of mass where products fall into
 * the subnormal range (discrete_jsd_rounding_bound). */
#ifndef HARNESS_DISCRETE_H
#define HARNESS_DISCRETE_H

#include <stddef.h>

/* Status codes of discrete_validate() and the normalisers. */
enum
{
  DISCRETE_OK = 0,
  DISCRETE_EMPTY,        /* n = 0 */
  DISCRETE_NAN,          /* an entry is NaN */
  DISCRETE_INF,          /* an entry is infinite (for log weights: +inf) */
  DISCRETE_NEGATIVE,     /* an entry is < 0 */
  DISCRETE_ZERO_SUM,     /* nothing to normalise: every weight is 0 */
  DISCRETE_SUM           /* |sum - 1| exceeds the tolerance */
};

/* A one-line description of a status code ("an entry is negative"). */
const char *discrete_strerror (int status);

/* The default tolerance on |sum p_i - 1| for a vector of length N that was
   normalised in floating point: 2 (N + 1) DBL_EPSILON, twice the rounding
   of the normalising sum, of the N divisions and of the test's own sum. */
double discrete_sum_tolerance (size_t n);

/* Is P (length N) a probability vector: every entry finite and >= 0, and
   |sum - 1| <= TOL?  Returns DISCRETE_OK or the first failure in the order
   of the enum (so a NaN is reported before a bad sum).  The sum is
   compensated (Neumaier), so TOL need not cover the test's own rounding. */
int discrete_validate (const double *p, size_t n, double tol);

/* P = W / sum W for non-negative finite weights W (length N; P may be W).
   Scaled by max W first, so weights near DBL_MAX do not overflow.  Returns
   DISCRETE_OK, or EMPTY / NAN / INF / NEGATIVE / ZERO_SUM with P untouched. */
int discrete_normalize (const double *w, size_t n, double *p);

/* P = exp(LOGW - log_sum_exp(LOGW)) for log weights (length N; P may be
   LOGW).  -inf entries are zero weights.  If LOGP is not NULL it receives
   log P_i = LOGW_i - log_sum_exp(LOGW), exact in log space even where P_i
   underflows.  Returns DISCRETE_OK, or EMPTY / NAN / INF (+inf) / ZERO_SUM
   (all -inf) with the outputs untouched. */
int discrete_normalize_log (const double *logw, size_t n, double *p,
                            double *logp);

/* H(p) = -sum p_i log p_i, in nats. */
double discrete_entropy (const double *p, size_t n);

/* H(p, q) = -sum p_i log q_i; +inf if some p_i > 0 = q_i. */
double discrete_cross_entropy (const double *p, const double *q, size_t n);

/* KL(p || q) = sum p_i log(p_i / q_i); +inf if some p_i > 0 = q_i. */
double discrete_kl (const double *p, const double *q, size_t n);

/* JSD(p, q) = 1/2 KL(p||r) + 1/2 KL(q||r), r = (p + q)/2; always finite for
   valid entries. */
double discrete_jsd (const double *p, const double *q, size_t n);

/* A bound on |discrete_jsd (P, Q, N) - JSD(P, Q)|: (50 u + 4 n u^2) times
   the value, plus the subnormal range's absolute rounding (see above);
   0 for invalid entries (the JSD is then NaN). */
double discrete_jsd_rounding_bound (const double *p, const double *q,
                                    size_t n);

/* sum a_i log(a_i / b_i) for non-negative, not necessarily normalised A and
   B (the left side of the log-sum inequality; not the I-divergence, which
   adds sum (b_i - a_i)).  Same conventions as discrete_kl. */
double discrete_gen_kl (const double *a, const double *b, size_t n);

/* A bound on the rounding error of discrete_gen_kl (A, B) and so of
   discrete_kl: each term a log(a/b) within a (8u |log(a/b)| + 4u (|log a|
   + |log b|)), the compensated summation within (2u + 4 n u^2) sum |terms|
   (Higham, Accuracy and Stability, 4.3), and 2^-1073 per term in the
   subnormal range; u = DBL_EPSILON / 2, derivation in discrete.c.  An
   absolute bound, by the size of the terms: see "Accuracy" above.  0 when
   the value is infinite or NaN. */
double discrete_gen_kl_rounding_bound (const double *a, const double *b,
                                       size_t n);

/* x log(x / y), the one-term discrete_gen_kl (0 log(0/y) = 0, x log(x/0)
   = +inf), and the bound on its rounding, discrete_gen_kl_rounding_bound
   of the one term: for the single products of the log-sum inequality. */
double discrete_xlogxy (double x, double y);
double discrete_xlogxy_rounding_bound (double x, double y);

/* The log-sum inequality (Cover & Thomas, 2.7.1): for a_i >= 0, b_i > 0,
 *   sum a_i log(a_i / b_i) >= A log(A / B),   A = sum a_i, B = sum b_i,
 * with equality exactly when a = c b; the gap is A KL(a/A || b/B), so
 * Pinsker's inequality (Cover & Thomas, 11.6.1) bounds it from below by
 * (A/2) ||a/A - b/B||_1^2.  A and B are summed plainly (vsum_plain), as
 * the inequality's right side is written. */

/* A bound on the rounding of the right side, discrete_xlogxy (A, B) of
   the plain sums of A and B (length N, positive): the one term's own
   bound, plus the sums' relative gamma_{n-1} each passed through
   A log(A/B), A (|log(A/B)| + 2) n u, taken four times over:
   2 n DBL_EPSILON A (|log(A/B)| + 2). */
double discrete_log_sum_rhs_rounding_bound (const double *a, const double *b,
                                            size_t n);

/* The log-sum gap sum a_i log(a_i/b_i) - A log(A/B) (>= 0): discrete_gen_kl
   less discrete_xlogxy of the plain sums.  Within the sum of the two
   sides' bounds (discrete_gen_kl_rounding_bound and the one above) plus
   the subtraction's u |gap|. */
double discrete_log_sum_gap (const double *a, const double *b, size_t n);

/* Pinsker's lower bound on the log-sum gap, (A/2) ||a/A - b/B||_1^2, for
   positive A, B of length N; and a bound on its rounding, 4 n DBL_EPSILON
   (value + A) (the L1 sum's gamma_{n-1} doubled by the square, the
   divisions by the plain sums, with room). */
double discrete_pinsker_gap (const double *a, const double *b, size_t n);
double discrete_pinsker_gap_rounding_bound (const double *a, const double *b,
                                            size_t n);

/* The right side of KL's joint convexity (Cover & Thomas, 2.7.2),
   L KL(P1 || Q1) + (1 - L) KL(P2 || Q2), for probability vectors of length
   N and L in [0, 1]; in *BOUND a bound on its rounding, the two KLs'
   discrete_gen_kl_rounding_bound plus 4 DBL_EPSILON (KL1 + KL2) for the
   weights, their products and the sum. */
double discrete_kl_convex (double l, const double *p1, const double *q1, const double *p2,
                           const double *q2, size_t n, double *bound);

/* The mixture OUT = L P + (1 - L) Q of two vectors of length N, entry by
   entry as written (OUT may be P or Q); for L in [0, 1] and probability
   vectors P, Q a probability vector. */
void discrete_mix (double l, const double *p, const double *q, size_t n,
                   double *out);

#endif
