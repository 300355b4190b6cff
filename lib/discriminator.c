/* discriminator.c -- discriminators between two normals and the GAN objective (see
 * discriminator.h). */
#include "discriminator.h"
#include "check.h"
#include "logistic.h"

#include <gsl/gsl_randist.h>
#include <math.h>

discriminator
discriminator_logistic (const normal_pair * g, double a, double b, double c)
{
  return (discriminator) { DISCRIMINATOR_LOGISTIC, a, b, c, g, NULL };
}

discriminator
discriminator_optimal (const normal_pair * g, double shift,
                       double (*optimal_logit) (double log_ratio))
{
  return (discriminator) { DISCRIMINATOR_OPTIMAL, shift, 0, 0, g, optimal_logit };
}

discriminator
discriminator_swapped (const normal_pair * g)
{
  return (discriminator) { DISCRIMINATOR_SWAPPED, 0, 0, 0, g, NULL };
}

discriminator
discriminator_random (const gsl_rng * r, const normal_pair * g)
{
  discriminator d = discriminator_logistic (g, 0, 0, 0);
  d.a = gsl_ran_flat (r, -1, 1);        /* one draw a statement: an */
  d.b = gsl_ran_flat (r, -2, 2);        /* initialiser's order is open */
  d.c = gsl_ran_flat (r, -0.4, 0.4);
  return d;
}

double
discriminator_logit (double x, void *params)
{
  const discriminator *d = params;
  switch (d->kind)
    {
    case DISCRIMINATOR_LOGISTIC:
      return d->a + d->b * x + d->c * x * x;
    case DISCRIMINATOR_OPTIMAL:
      {
        double lr = -normal_pair_log_ratio (d->g, x);   /* log f1/f0 */
        return (d->optimal_logit ? d->optimal_logit (lr) : lr) + d->a;
      }
    case DISCRIMINATOR_SWAPPED:
      return normal_pair_log_ratio (d->g, x);
    }
  return NAN;
}

estimate
discriminator_objective_quad (const discriminator * d, int swap)
{
  normal_pair_link log_d = logistic_log_sigmoid, log_1md = logistic_log_sigmoid_neg;
  /* f0 (the pair's a) weighs log(1 - D), f1 (its b) log D; SWAP exchanges the weights */
  return est_quad (normal_pair_objective_quad (d->g, discriminator_logit, (void *) d,
                                               swap ? log_d : log_1md, swap ? log_1md : log_d));
}

estimate
discriminator_objective_mc (const gsl_rng * r, const discriminator * d, long n)
{
  return normal_pair_objective_mc (r, d->g, discriminator_logit, (void *) d,
                                   logistic_log_sigmoid_neg, logistic_log_sigmoid, n);
}
