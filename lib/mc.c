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

/* Two passes over a block are as accurate as Welford's update: the
   deviations are taken from the block's own mean, computed first (Chan,
   Golub & LeVeque 1983's two-pass algorithm, relative error O(n eps)
   plus eps times the squared mean error, which the second pass's
   correction term removes to first order). */
void
mc_add_block (mc_acc * a, const double *x, size_t n)
{
  if (n == 0)
    return;
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += x[i];
  double m = s / (double) n, ss = 0.0, sd = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      double d = x[i] - m;
      sd += d;
      ss += d * d;
    }
  mc_acc b = { n, m + sd / (double) n, ss - sd * sd / (double) n };
  mc_merge (a, &b);
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
