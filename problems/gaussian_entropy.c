/* gaussian_entropy.c -- the entropy of a Gaussian, H = ½ log det(2πe Σ).
 *
 * The closed form against Monte Carlo of -log p(x) by its own Cholesky
 * solve, in any dimension.  The seed's one-dimensional case, 004 eqs.
 * (2.8)-(2.9), is checked in mean_field, where the ELBO (2.10)-(2.11)
 * adds those lines up.  Written from `make new-claim`. */
#include "harness.h"
#include "mvn.h"
#include "figure_panel.h"

#include <gsl/gsl_math.h>
#include <math.h>

/* ---- the harness's own closed form, d = 1..10, against Monte Carlo ---- */

static point_kind gaussian_points;

static void prep_mvn (const point * p, void *prep) { *(mvn **) prep = mvn_from_arrays (p->d, point_mean (p, 0), point_cov (p, 0)); }
static void free_mvn (void *prep) { mvn_free (*(mvn **) prep); }

/* The sampler as a map of normals, x = μ + L z (quasi-Monte Carlo). */
static size_t dim_of (const point * p) { return p->d; }
static void
map_normals (const point * p, const void *prep, const double *z, double *x)
{
  const mvn *g = *(mvn * const *) prep;
  for (size_t i = 0; i < p->d; i++)
    for (size_t j = 0; j <= i; j++)
      x[i] = (j ? x[i] : gsl_vector_get (g->mu, i)) + gsl_matrix_get (g->chol, i, j) * z[j];
}

static double
neg_log_density (const point * p, const void *prep, const double *x,
                 double *err)
{
  (void) err;
  double work[32];
  gsl_vector_const_view xv = gsl_vector_const_view_array (x, p->d);
  gsl_vector_view wv = gsl_vector_view_array (work, p->d);
  return -mvn_log_pdf (*(mvn * const *) prep, &xv.vector, &wv.vector);
}

static estimate
entropy_closed (const point * p, const void *prep)
{
  double d = (double) p->d, ld = (*(mvn * const *) prep)->logdet;
  return EST_SUM (d / 2, d / 2 * log (2 * M_PI), 0.5 * ld);
}
static estimate entropy_no_e (const point * p, const void *prep)   /* mutant */
{ return est_sub (entropy_closed (p, prep), est_exact ((double) p->d / 2, 0)); }
static estimate entropy_scaled (const point * p, const void *prep) /* mutant */
{ return est_scale (1.01, entropy_closed (p, prep)); }

static const derivation_truth ENTROPY_TRUTHS[] = {
  {"mc", "-E[log p(x)] by Monte Carlo, log p by its own Cholesky solve",
   LINE_EXPECT (neg_log_density)},
};

static const derivation_line ENTROPY_LINES[] = {
  {.id = "entropy_closed_form", .source = "harness",
   .text = "H[N(μ, Σ)] = d/2 (1 + log 2π) + ½ log det Σ",
   .eval = LINE_CLOSED (entropy_closed), .truth = "mc",
   .mutants = {{"no_e", "the +d/2 dropped", LINE_CLOSED (entropy_no_e)},
               {"rel_1e-2", "entropy scaled by 1 + 1e-2", LINE_CLOSED (entropy_scaled)}}},
};

/* -log N(x) is a quadratic form in the normals: Hermite controls of
   degree 2 (lib/hermite_cv.h) */
DERIVATION_DEFINE (entropy, "entropy", "The closed form against Monte Carlo", gaussian_points, 6,
                   ENTROPY_TRUTHS, ENTROPY_LINES, DERIVATION_PREPARE (mvn *, prep_mvn),
                   .n_mc_points = 6, .release = free_mvn, .x_dim = 10, .base_dim = dim_of,
                   .transform = map_normals, .hermite_degree = 2);

static const claim CLAIM = {
  .slug = "gaussian_entropy", .title = "The entropy of a Gaussian",
  .claim = "For x ~ N(μ, Σ) in d dimensions, H[x] = -E[log p(x)] = "
    "½ log det(2πe Σ).",
  .sources = "harness (004 eqs. (2.8)-(2.9), its one-dimensional case, are checked in mean_field)",
  CLAIM_DERIVATIONS (&entropy),
  .samples_default = 2000000, .samples_quick = 40000, .samples_min = 1000,
  .figure_caption = "The closed form on a row, and how far it misses Monte Carlo at"
    " every point, in units of the decision's margin z·SE + bound (log scale):"
    " at most 1 holds.",
};

int
main (int argc, char **argv)
{
  gaussian_points = point_gaussian_template;
  gaussian_points.dmax = 10, gaussian_points.cond_max = 1e4;
  gaussian_points.description = "d from 1 to 10; mean from N(0, I); covariance"
    " Q diag(λ) Qᵀ, λ geometric over a log-uniform condition number up to 1e4";
  harness *h = harness_begin (&CLAIM, argc, argv);
  derivation_run (h, &entropy);
  figure_lines_against_truth (h, "Entropy of a Gaussian: each line against its truth");
  return harness_end (h);
}
