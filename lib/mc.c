/* mc.c -- streaming mean and standard error (see mc.h). */
#include "mc.h"

#include <math.h>

void
mc_init (mc_acc * a)
{
  a->n = 0;
  a->mean = 0.0;
  a->m2 = 0.0;
}

void
mc_merge (mc_acc * into, const mc_acc * from)
{
  if (from->n == 0)
    return;
  double n_a = (double) into->n, n_b = (double) from->n, n = n_a + n_b;
  double delta = from->mean - into->mean;
  into->mean += delta * n_b / n;
  into->m2 += from->m2 + delta * delta * n_a * n_b / n;
  into->n += from->n;
}

double
mc_mean (const mc_acc * a)
{
  return a->n ? a->mean : NAN;
}

double
mc_variance (const mc_acc * a)
{
  return a->n > 1 ? a->m2 / (double) (a->n - 1) : NAN;
}

double
mc_se (const mc_acc * a)
{
  return a->n > 1 ? sqrt (mc_variance (a) / (double) a->n) : NAN;
}
