/* affine_sampler.c -- a sampler of a point_affine point under test (see
   affine_sampler.h). */
#include "affine_sampler.h"

#include "affine_gauss.h"
#include "errors.h"
#include "figure_ellipse.h"
#include "figure_panel.h"
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

void
affine_sampler_page (harness * h, const char *lines_title, const point * p,
                     const affine_sampler s[2], const char *const ids[2][3],
                     int n_proj, long n, double p_min[2])
{
  /* per map: the checks' and data's name, its law's covariance, the panel's title (gnuplot's
     enhanced text) and the draws' colour */
  static const char *const name[2][4] = {
    {"μ + σ⊙z0", "diag σ²", "μ + σ⊙z_0 ∼ N(μ, diag σ^2)", "#800072B2"},
    {"μ + S z0", "S Sᵀ", "μ + S z_0 ∼ N(μ, S S^T)", "#80009E73"},
  };
  sbuf *script = harness_figure_script (h);
  sbuf_append (script, "set multiplot layout 1,3\n");
  int b = figure_lines_against_truth (h, lines_title);
  sbuf_append (harness_figure_data (h), "\n\n");   /* close the panel's open last block */
  for (int k = 0; k < 2; k++)
    p_min[k] = affine_sampler_check (h, p, &s[k], ids[k], name[s[k].full][0], name[s[k].full][1],
                                     n_proj, n, b + 2 * k);
  sbuf_append (script, "set xlabel 'g_1'\nset ylabel 'g_2'\nset key below horizontal\n");
  for (int k = 0; k < 2; k++)
    figure_ellipse_sample_plot (script, name[s[k].full][2], b + 2 * k, name[s[k].full][3]);
  sbuf_append (script, "unset multiplot\n");
}
