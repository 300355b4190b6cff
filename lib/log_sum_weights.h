/* log_sum_weights.h -- the importance-weighted bound's Jensen step as the
 * log-sum inequality: log mean w >= mean log w is the inequality with
 * a_j = 1, b_j = w_j.
 *
 * For K weights w_j > 0 (Cover & Thomas, 2.7.1, with a = 1, b = w):
 *   sum_j 1 log(1/w_j) - K log(K / sum_j w_j)
 *     = K log((1/K) sum_j w_j) - sum_j log w_j
 *     = K [log mean w - mean log w]  >= 0,
 * the AM-GM gap that a seed's step from L_K to the mean log weight takes.
 * Both sides are computed here by different routes, the AM-GM gap from
 * the log weights (log_mean_exp, the mean as a running sum of log w_j / K)
 * and the log-sum gap from the weights themselves
 * (discrete_log_sum_gap), with one rounding bound for either, so that a
 * claim checks the identity draw by draw. */
#ifndef HARNESS_LOG_SUM_WEIGHTS_H
#define HARNESS_LOG_SUM_WEIGHTS_H

#include "estimate.h"

#include <stddef.h>

typedef struct
{
  estimate am_gm;       /* K [log mean w - mean log w] */
  estimate log_sum;     /* the log-sum gap at a = 1, b = w */
} log_sum_weights;

/* Both gaps of K >= 1 weights W with logs LOGW (W_j = e^LOGW_j; lengths
   K); SWAPPED: the log-sum gap at a = w, b = 1 instead, the reading with
   a and b exchanged (a negative control).  The bound of either: each side
   is K terms of size up to |log w| + log K, a few ulps each, so 4 (K + 4)
   DBL_EPSILON (sum_j |log w_j| + K (|log(sum w / K)| + log K + max_j
   |log w_j|)). */
log_sum_weights log_sum_weights_gaps (const double *logw, const double *w, size_t k,
                                      int swapped);

#endif
