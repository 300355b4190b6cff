/* affine_sampler.c -- a sampler of a point_affine point under test (see
   affine_sampler.h). */
#include "affine_sampler.h"

#include "affine_gauss.h"
#include "errors.h"
#include "figure_ellipse.h"
#include "point_affine.h"

#include <stdlib.h>

void
affine_sampler_matrix (const point * p, const affine_sampler * s, double *out)
{
  size_t d = p->d;
  const double *sig = point_affine_sigma (p), *sm = point_affine_s (p);
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      out[i * d + j] = s->full ? sm[s->transposed ? j * d + i : i * d + j]
        : (i == j) * sig[i] * (s->sigma_squared ? sig[i] : 1);
}

double
affine_sampler_check (harness * h, const point * p, const affine_sampler * s,
                      const char *const ids[3], const char *what, const char *law,
                      int n_proj, long n, int block)
{
  double a[4], cov[4];
  if (p->d != 2)
    die_internal ("affine_sampler_check: d = %zu, the figure's plane needs 2", p->d);
  double *xs = xmalloc ((size_t) n * 2 * sizeof *xs);
  affine_sampler_matrix (p, s, a);
  gauss_sample_affine (harness_rng (h), s->noise, point_affine_mu (p), a, 2, s->mean_mapped,
                       n, xs);
  affine_gauss_cov (p, s->full, cov);
  double p_min = gauss_sample_check (h, ids, xs, n, 2, point_affine_mu (p), cov, n_proj, what);
  figure_ellipse_sample (harness_figure_data (h), block, what, law, "g1 g2", xs, n,
                         point_affine_mu (p), cov);
  free (xs);
  return p_min;
}
