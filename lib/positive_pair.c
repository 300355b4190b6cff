/* positive_pair.c -- pairs of positive vectors (see positive_pair.h). */
#include "positive_pair.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

double
positive_pair_log_uniform (const gsl_rng * r, double spread)
{
  return exp (spread * (2 * gsl_rng_uniform (r) - 1));
}

void
positive_pair_log_uniform_fill (const gsl_rng * r, double spread, size_t n, double *x)
{
  for (size_t i = 0; i < n; i++)
    x[i] = positive_pair_log_uniform (r, spread);
}

void
positive_pair_draw (const gsl_rng * r, positive_pair_kind kind, double spread,
                    double near, size_t n, double *a, double *b)
{
  double c = positive_pair_log_uniform (r, 3.0);
  for (size_t i = 0; i < n; i++)
    {
      b[i] = positive_pair_log_uniform (r, spread);
      a[i] = kind == POSITIVE_PAIR_INDEPENDENT ? positive_pair_log_uniform (r, spread)
        : kind == POSITIVE_PAIR_NEAR ? M_E * b[i] * (1 + near * gsl_ran_gaussian (r, 1.0))
        : c * b[i];
    }
}

void
positive_pair_log_normal (const gsl_rng * r, double mu, double sigma, size_t n,
                          double *logw, double *w)
{
  for (size_t i = 0; i < n; i++)
    {
      logw[i] = mu + sigma * gsl_ran_gaussian (r, 1.0);
      w[i] = exp (logw[i]);
    }
}

positive_pair_kind
positive_pair_sweep (long k, const size_t *lengths, size_t n_lengths, size_t *n)
{
  *n = lengths[(size_t) k % n_lengths];
  return (positive_pair_kind) (((size_t) k / n_lengths) % POSITIVE_PAIR_N_KINDS);
}
