/* affine_sampler.h -- a reparameterization's sampler under test: the map of
 * a point_affine point applied to noise, checked against the law it claims
 * and drawn against that law's ellipses.
 *
 * The sampler draws x = μ + A z0, A = diag σ (μ + σ⊙z0) or S (μ + S z0),
 * z0 of d noise draws; the claimed law is N(μ, diag σ²) or N(μ, S Sᵀ)
 * (affine_gauss_cov).  Its faults are the negative controls a claim's
 * mutants switch on, each one slip of an implementation that the checks
 * must see: σ² for σ and Sᵀ for S (the covariance check), A(μ + z0) for
 * μ + A z0 (the mean check), and noise of the right two moments but the
 * wrong law (only the KS check; gauss_sample.h).  The draws are
 * gauss_sample_affine's, the checks gauss_sample_check's, the figure's data
 * figure_ellipse_sample's: this module only ties them to the point. */
#ifndef HARNESS_AFFINE_SAMPLER_H
#define HARNESS_AFFINE_SAMPLER_H

#include "gauss_sample.h"
#include "point.h"

typedef struct
{
  int full;                     /* μ + S z0 (1) or μ + σ⊙z0 (0) */
  gauss_noise noise;            /* what z0 is drawn from */
  int sigma_squared;            /* fault of the diagonal map: σ² for σ */
  int transposed;               /* fault of the full map: Sᵀ for S */
  int mean_mapped;              /* fault: A (μ + z0) for μ + A z0 */
} affine_sampler;

/* The sampler's matrix A into the d x d row-major OUT (d = P's dimension):
   diag σ, or diag σ² with sigma_squared; S, or Sᵀ with transposed (each fault
   read only by its own map). */
void affine_sampler_matrix (const point * p, const affine_sampler * s, double *out);

/* N draws of sampler S at P (d = 2, the figure's plane) from the harness's
   generator, checked as IDS (mean, covariance, KS: gauss_sample_check with
   N_PROJ directions) against the law of the right map, N(μ, diag σ²) or
   N(μ, S Sᵀ), and written to the harness's figure data as blocks BLOCK and
   BLOCK + 1 (figure_ellipse_sample, columns "g1 g2").  WHAT names the
   sampler ("μ + S z0") in the checks' notes and the data, LAW its
   covariance ("S Sᵀ") in the ellipses' header.  Returns the smallest KS
   p-value. */
double affine_sampler_check (harness * h, const point * p, const affine_sampler * s,
                             const char *const ids[3], const char *what, const char *law,
                             int n_proj, long n, int block);

/* A claim's whole figure as a multiplot of three panels: each line against
   its truth (figure_lines_against_truth, lib/figure_panel, titled
   LINES_TITLE), then the draws of S[0] and S[1] at P against their laws'
   ellipses (figure_ellipse_sample_plot), each sampler checked on the way
   by affine_sampler_check (IDS[k], N_PROJ directions, N draws), S[0]
   first: the blocks follow the lines panel's.  Each panel and the checks'
   notes are named by the map, "μ + σ⊙z0" or "μ + S z0" (S[k].full).
   P_MIN[k] is sampler k's smallest KS p-value. */
void affine_sampler_page (harness * h, const char *lines_title, const point * p,
                          const affine_sampler s[2], const char *const ids[2][3],
                          int n_proj, long n, double p_min[2]);

#endif
