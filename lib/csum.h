/* csum.h -- compensated summation (Neumaier 1974; Higham, Accuracy and
 * Stability of Numerical Algorithms, 4.3).
 *
 * A sum of n terms accumulated this way is within (2u + 4 n u^2) sum |x_i|
 * of the exact sum -- no factor n on u -- which is what the divergences of
 * nearly equal vectors and the log-sum-exp of many small terms need: small
 * totals of many terms.  One home for the two copies lib/discrete.c and
 * lib/logsumexp.c used to carry. */
#ifndef HARNESS_CSUM_H
#define HARNESS_CSUM_H

#include <math.h>

typedef struct
{
  double sum, comp;   /* the running sum and its accumulated correction */
} csum;

static inline void
csum_add (csum * s, double x)
{
  double t = s->sum + x;
  if (fabs (s->sum) >= fabs (x))
    s->comp += (s->sum - t) + x;
  else
    s->comp += (x - t) + s->sum;
  s->sum = t;
}

static inline double
csum_value (const csum * s)
{
  return s->sum + s->comp;
}

#endif
