/* mc.h -- Monte Carlo mean with its standard error.
 *
 * A streaming accumulator using Welford's update (Knuth TAOCP vol. 2,
 * 4.2.2), numerically stable even when the mean is large compared with the
 * spread.  gsl_rstat does the same but also tracks a running median with the
 * P^2 algorithm on every add, which costs more than most of our integrands;
 * this accumulator does only what an MC check needs.  Two accumulators merge
 * exactly (Chan, Golub & LeVeque 1979), which batch means use. */
#ifndef HARNESS_MC_H
#define HARNESS_MC_H

#include <stddef.h>

typedef struct
{
  size_t n;
  double mean;
  double m2;     /* sum of squared deviations from the running mean */
} mc_acc;

void mc_init (mc_acc * a);
static inline void
mc_add (mc_acc * a, double x)
{
  a->n++;
  double delta = x - a->mean;
  a->mean += delta / (double) a->n;
  a->m2 += delta * (x - a->mean);
}
void mc_merge (mc_acc * into, const mc_acc * from);
/* Adds X[0..N-1] at once: the block's mean and squared deviations in two
   passes (a sum, then deviations from it: no division per value, so a
   kernel's values are not held up behind Welford's), merged exactly. */
void mc_add_block (mc_acc * a, const double *x, size_t n);
double mc_mean (const mc_acc * a);
double mc_variance (const mc_acc * a);   /* unbiased, n-1 in the denominator */
double mc_se (const mc_acc * a);         /* sqrt(variance / n) */

#endif
