/* discrete_pair.c -- random pairs of discrete distributions and their JSD
 * with r formed (see discrete_pair.h). */
#include "discrete_pair.h"
#include "discrete.h"
#include "errors.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>

void
discrete_pair_masses (const gsl_rng * r, const int *use, size_t n, double shape, double *p)
{
  for (size_t i = 0; i < n; i++)
    p[i] = use[i] ? gsl_ran_gamma (r, shape, 1.0) + 1e-300 : 0.0;
  if (discrete_normalize (p, n, p) != DISCRETE_OK)
    die_internal ("discrete_pair_masses: nothing to normalise");
}

void
discrete_pair_draw (const gsl_rng * r, size_t n, int disjoint, double shape, double *p,
                    double *q)
{
  int *in_p = xcalloc (n, sizeof (int)), *in_q = xcalloc (n, sizeof (int));
  for (size_t i = 0; i < n; i++)
    {
      double u = gsl_rng_uniform (r);
      in_p[i] = disjoint ? u < 0.4 : u < 0.7;
      in_q[i] = disjoint ? u >= 0.4 && u < 0.8 : u > 0.3;
    }
  in_p[0] = 1, in_q[0] = !disjoint;     /* both sides non-empty */
  in_q[n - 1] = 1, in_p[n - 1] = !disjoint;
  discrete_pair_masses (r, in_p, n, shape, p);
  discrete_pair_masses (r, in_q, n, shape, q);
  free (in_p), free (in_q);
}

double
discrete_pair_jsd_formed (const double *p, const double *q, size_t n, double *bound)
{
  double *m = xmalloc (n * sizeof (double));
  for (size_t i = 0; i < n; i++)
    m[i] = 0.5 * (p[i] + q[i]);
  double jsd = 0.5 * (discrete_kl (p, m, n) + discrete_kl (q, m, n));
  *bound = discrete_gen_kl_rounding_bound (p, m, n)
    + discrete_gen_kl_rounding_bound (q, m, n) + M_LN2 * discrete_sum_tolerance (n);
  free (m);
  return jsd;
}
