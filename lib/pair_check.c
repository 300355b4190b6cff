/* pair_check.c -- an inequality between positive vectors, checked over a
 * sweep of pairs (see pair_check.h). */
#include "pair_check.h"
#include "discrete.h"
#include "errors.h"

estimate
pair_check_pinsker (const double *a, const double *b, size_t n)
{
  return est_exact (discrete_pinsker_gap (a, b, n), discrete_pinsker_gap_rounding_bound (a, b, n));
}

void
pair_check_run (harness * h, const pair_check_spec * s, long n_pairs)
{
  static double a[PAIR_CHECK_MAX_N], b[PAIR_CHECK_MAX_N];
  for (size_t i = 0; i < s->n_lengths; i++)
    if (s->lengths[i] < 1 || s->lengths[i] > PAIR_CHECK_MAX_N)
      die_internal ("pair_check_run: length %zu outside 1 .. %d", s->lengths[i], PAIR_CHECK_MAX_N);
  gsl_rng *r = harness_rng (h);
  for (long k = 0; k < n_pairs; k++)
    {
      size_t n;
      positive_pair_kind kind = positive_pair_sweep (k, s->lengths, s->n_lengths, &n);
      positive_pair_draw (r, kind, s->spread, s->near, n, a, b);
      estimate lhs = s->lhs (a, b, n), rhs = s->rhs (a, b, n);
      check_point (h, s->holds, lhs, rhs);
      if (s->equality && kind == POSITIVE_PAIR_PROPORTIONAL)
        check_point (h, s->equality, lhs, rhs);
      estimate gap = est_exact (lhs.value - rhs.value, est_bound (lhs) + est_bound (rhs));
      if (s->gap)
        check_point (h, s->gap, gap, s->gap_bound (a, b, n));
    }
}
