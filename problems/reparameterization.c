/* reparameterization.c -- the reparameterization trick for Gaussians.
 *
 * Claim (003 Q1.1-1.2, 000 P2): for z0 ~ N(0, I_K), g(z0) = mu + sigma ⊙ z0
 * is distributed as N(mu, diag(sigma^2)), and g(z0) = mu + S z0 with S
 * non-singular as N(mu, S S^T); the density follows from the change of
 * variables (003 eq. (1)) q(g(z0)) = q(z0) |det dg/dz0|^-1.  In one
 * dimension z = mu + sigma eps moves the randomness into eps (000 P2), so
 * the sample is a differentiable function of (mu, sigma).
 *
 * Ground truth: the Gaussian log-density through a Cholesky factor
 * (lib/mvn.c), GSL's standard normal density and CDF, the Jacobian by
 * central differences of the map itself and its determinant by LU
 * (lib/matrix.c), sample moments with their standard errors, and
 * Kolmogorov-Smirnov tests (lib/gof.c) of random one-dimensional
 * projections against the exact normal CDF, decided at the stated
 * false-alarm rate.  The seed's lines (1)-(19) and the two final densities
 * are coded as written -- densities, not log-densities; inverses and
 * determinants the literal way -- and compared at random points. */
#include "gof.h"
#include "harness.h"
#include "matrix.h"
#include "mvn.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static const check_spec CHECKS[] = {
  /* 003 Q1.1: g(z0) = mu + sigma ⊙ z0 */
  {"s003_eq1_diag", "003 Q1 eq. (1)",
   "q(g(z0)) = q(z0)·|det ∂g/∂z0|^-1 for g = μ + σ⊙z0 (Jacobian by central differences, determinant by LU) = N(g(z0); μ, diag σ²)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_q1_1_jacobian", "003 Q1.1 Jacobian",
   "∂g/∂z0 = diag((σ)_1, ..., (σ)_K), entrywise against central differences",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_q1_1_det", "003 Q1.1 determinant",
   "|det ∂g/∂z0| = ∏ (σ)_i = sqrt(|diag(σ²)|)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq2", "003 Q1.1 eq. (2)",
   "∂g(z0)/∂z0 = 1/∏ (σ)_i = 1/sqrt(|diag(σ²)|) as written: the left side is the Jacobian, whose diagonal entries are compared with the right side",
   REL_EQ, EXPECT_SEED_ERROR,
   "|det(∂g(z0)/∂z0)|^-1 = 1/∏ (σ)_i = 1/sqrt(|diag(σ²)|): the left side lost its |det(·)|^-1 (the Jacobian itself is diag(σ))"},
  {"s003_eq2_inverse_det", "003 Q1.1 eq. (2)",
   "read as intended: |det ∂g/∂z0|^-1 = 1/∏ (σ)_i = 1/sqrt(|diag(σ²)|)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq3", "003 Q1.1 eq. (3)",
   "q(z0) = (2π)^{-K/2} exp(-½ z0ᵀz0), against the product of GSL's standard normal densities",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq5_6", "003 Q1.1 eqs. (5)-(6)",
   "z0 = σ^-1 ⊙ (g(z0) - μ) = diag(σ^-1)(g(z0) - μ) recovers z0",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq7_9", "003 Q1.1 eqs. (7)-(9)",
   "(2π)^{-K/2} exp(-½ (diag(σ^-1)(g-μ))ᵀ(diag(σ^-1)(g-μ))) (7) and (2π)^{-K/2} exp(-½ (g-μ)ᵀ diag(σ²)^-1 (g-μ)) (9) equal q(z0) at g = g(z0)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_q1_1_final", "003 Q1.1 final density",
   "1/((2π)^{K/2} sqrt(|diag(σ²)|)) exp(-½ (g-μ)ᵀ diag(σ²)^-1 (g-μ)) = N(g; μ, diag σ²)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"diag_mean", "003 Q1.1",
   "samples of μ + σ⊙z0 have mean μ (each coordinate, within its standard error)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"diag_cov", "003 Q1.1",
   "samples of μ + σ⊙z0 have covariance diag(σ²) (each entry, within its standard error)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"diag_ks", "003 Q1.1",
   "uᵀ(μ + σ⊙z0) ~ N(uᵀμ, Σ u_i²σ_i²) for random unit u: KS statistic <= its critical value at the per-check false-alarm rate",
   REL_LE, EXPECT_HOLDS, NULL},
  /* 003 Q1.2: g(z0) = mu + S z0 */
  {"s003_eq1_full", "003 Q1 eq. (1)",
   "q(g(z0)) = q(z0)·|det ∂g/∂z0|^-1 for g = μ + S z0 (Jacobian by central differences, determinant by LU) = N(g(z0); μ, S Sᵀ)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq12", "003 Q1.2 eq. (12)",
   "∂g(z0)/∂z0 = S, entrywise against central differences",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq13", "003 Q1.2 eq. (13)",
   "|det(∂g/∂z0)|^-1 = |det(S)|^-1 = 1/sqrt(|det(S Sᵀ)|)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq15", "003 Q1.2 eq. (15)",
   "z0 = S^-1 (g(z0) - μ) recovers z0",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_eq17_19", "003 Q1.2 eqs. (16)-(19)",
   "(2π)^{-K/2} exp(-½ (S^-1(g-μ))ᵀ(S^-1(g-μ))) (17) and (2π)^{-K/2} exp(-½ (g-μ)ᵀ (S Sᵀ)^-1 (g-μ)) (19) equal q(z0) at g = g(z0)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s003_q1_2_final", "003 Q1.2 final density",
   "1/((2π)^{K/2} sqrt(|det(S Sᵀ)|)) exp(-½ (g-μ)ᵀ (S Sᵀ)^-1 (g-μ)) = N(g; μ, S Sᵀ)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"full_mean", "003 Q1.2",
   "samples of μ + S z0 have mean μ (each coordinate, within its standard error)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"full_cov", "003 Q1.2",
   "samples of μ + S z0 have covariance S Sᵀ (each entry, within its standard error)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"full_ks", "003 Q1.2",
   "uᵀ(μ + S z0) ~ N(uᵀμ, |Sᵀu|²) for random unit u: KS statistic <= its critical value at the per-check false-alarm rate",
   REL_LE, EXPECT_HOLDS, NULL},
  /* 000 P2: z = mu + sigma eps in one dimension */
  {"s000_p2_distribution", "000 P2",
   "z = μ + σ·ε, ε ~ N(0, 1) is N(μ, σ²): KS statistic <= its critical value",
   REL_LE, EXPECT_HOLDS, NULL},
  {"s000_p2_pathwise_mu", "000 P2",
   "the sample is differentiable in μ: E[f'(z)·∂z/∂μ] = ∂E[f(z)]/∂μ for f = sin (Monte Carlo against the central difference of E[sin z] = sin μ·e^{-σ²/2})",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_p2_pathwise_sigma", "000 P2",
   "the sample is differentiable in σ: E[f'(z)·∂z/∂σ] = E[cos(z)·ε] = ∂E[sin z]/∂σ",
   REL_EQ, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"jacobian_not_inverted", "eq. (1) with |det ∂g/∂z0| for its inverse", "s003_eq1_diag"},
  {"q1_1_jacobian_squared", "the displayed Jacobian as diag(σ²)", "s003_q1_1_jacobian"},
  {"q1_1_det_off_by_one", "∏ (σ)_i over i = 1..K-1", "s003_q1_1_det"},
  {"eq2_no_sqrt", "(2) as 1/|diag(σ²)|", "s003_eq2_inverse_det"},
  {"eq3_normaliser", "(3) with (2π)^{-K}", "s003_eq3"},
  {"eq5_times_sigma", "(5)-(6) with σ ⊙ (g - μ)", "s003_eq5_6"},
  {"eq9_sigma_not_squared", "(7)-(9) with diag(σ)^-1 for diag(σ²)^-1", "s003_eq7_9"},
  {"q1_1_final_no_sqrt", "Q1.1 final density with |diag(σ²)| unsquare-rooted", "s003_q1_1_final"},
  {"diag_mean_mapped", "sampler μ + σ⊙z0 computed as σ⊙(μ + z0)", "diag_mean"},
  {"diag_sigma_squared", "sampler with σ² for σ", "diag_cov"},
  {"diag_uniform_noise", "sampler fed uniform noise of unit variance", "diag_ks"},
  {"full_transposed", "the map μ + Sᵀz0 in eq. (1)", "s003_eq1_full"},
  {"eq12_transposed", "(12) as Sᵀ", "s003_eq12"},
  {"eq13_no_sqrt", "(13) with 1/|det(S Sᵀ)|", "s003_eq13"},
  {"eq15_transposed", "(15) with S^-T", "s003_eq15"},
  {"eq19_wrong_order", "(17)-(19) with (Sᵀ S)^-1", "s003_eq17_19"},
  {"q1_2_final_no_sqrt", "Q1.2 final density with |det(S Sᵀ)| unsquare-rooted", "s003_q1_2_final"},
  {"full_mean_mapped", "sampler μ + S z0 computed as S(μ + z0)", "full_mean"},
  {"full_sampler_transposed", "sampler μ + Sᵀz0", "full_cov"},
  {"full_laplace_noise", "sampler fed Laplace noise of unit variance", "full_ks"},
  {"p2_sigma_squared", "z = μ + σ²ε", "s000_p2_distribution"},
  {"p2_dz_dmu_sigma", "∂z/∂μ taken as σ", "s000_p2_pathwise_mu"},
  {"p2_dz_dsigma_one", "∂z/∂σ taken as 1", "s000_p2_pathwise_sigma"},
};

static const param_spec PARAMS[] = {
  {"points", 200, 10, 100000, "random parameter points per density line", PARAM_INTEGER},
  {"projections", 8, 1, 1000, "random directions for the KS tests", PARAM_INTEGER},
  {"mu", 0.7, -10, 10, "μ of the one-dimensional example (000 P2)", PARAM_REAL},
  {"sigma", 1.7, 0.05, 20, "σ of the one-dimensional example (000 P2)", PARAM_REAL},
};

static const claim CLAIM = {
  .slug = "reparameterization",
  .title = "The reparameterization trick for Gaussians",
  .claim = "For z0 ~ N(0, I_K), μ + σ⊙z0 ~ N(μ, diag σ²) and μ + S z0 ~ N(μ, S Sᵀ) "
    "for non-singular S, by the change of variables q(g(z0)) = q(z0)|det ∂g/∂z0|⁻¹; "
    "in one dimension z = μ + σε moves the randomness into ε, so z is a "
    "differentiable function of (μ, σ).",
  .sources = "003 Q1.1-1.2 (eqs. (1)-(19) and both final densities); 000 P2",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 400000, .samples_quick = 20000,
  .figure_caption = "Samples of the two reparameterized samplers (K = 2, the first "
    "2000 draws of the checked sample) against the ellipses of the claimed Gaussian "
    "at Mahalanobis radius 1, 2 and 3 (holding 39%, 86% and 99% of the mass). "
    "Left: μ + σ⊙z0, axis-aligned; right: μ + S z0, with covariance S Sᵀ.",
  .figure_width = 1280, .figure_height = 620,
};

/* ----------------------------------------------------------------------
 * The maps under test and their base noise
 * ---------------------------------------------------------------------- */

/* An affine map g(z0) = mu + (sigma ⊙ z0 or S z0). */
typedef struct
{
  size_t k;
  gsl_vector *mu;
  gsl_vector *sigma;     /* the diagonal map's scales */
  gsl_matrix *s;         /* the full map's matrix */
  double s_min, s_max;   /* singular values of diag(sigma) or S */
} affine;

static affine *
affine_alloc (size_t k)
{
  affine *a = xcalloc (1, sizeof *a);
  a->k = k;
  a->mu = gsl_vector_alloc (k);
  a->sigma = gsl_vector_alloc (k);
  a->s = gsl_matrix_alloc (k, k);
  return a;
}

static void
affine_free (affine * a)
{
  gsl_vector_free (a->mu);
  gsl_vector_free (a->sigma);
  gsl_matrix_free (a->s);
  free (a);
}

/* g(z0) = mu + sigma ⊙ z0, elementwise as the seed writes it. */
static void
map_diag (const harness * h, const affine * a, const gsl_vector * z0,
          gsl_vector * g)
{
  for (size_t i = 0; i < a->k; i++)
    {
      double s = gsl_vector_get (a->sigma, i), m = gsl_vector_get (a->mu, i);
      double z = gsl_vector_get (z0, i);
      if (mutant (h, "diag_sigma_squared"))
        s *= s;
      gsl_vector_set (g, i, mutant (h, "diag_mean_mapped") ? s * (m + z)
                      : m + s * z);
    }
}

/* g(z0) = mu + S z0.  SAMPLER tells the sampler's mutants from eq. (1)'s. */
static void
map_full (const harness * h, const affine * a, const gsl_vector * z0,
          gsl_vector * g, int sampler)
{
  int transposed = mutant (h, sampler ? "full_sampler_transposed"
                           : "full_transposed");
  gsl_vector_memcpy (g, a->mu);
  if (sampler && mutant (h, "full_mean_mapped"))
    {
      gsl_vector *t = gsl_vector_alloc (a->k);
      gsl_vector_memcpy (t, a->mu);
      gsl_vector_add (t, z0);
      gsl_blas_dgemv (CblasNoTrans, 1.0, a->s, t, 0.0, g);
      gsl_vector_free (t);
      return;
    }
  gsl_blas_dgemv (transposed ? CblasTrans : CblasNoTrans, 1.0, a->s, z0,
                  1.0, g);
}

/* z0 ~ N(0, I); the mutants feed other noise of the same mean and variance,
   which moments cannot tell apart but a goodness-of-fit test can. */
static void
base_noise (const harness * h, const gsl_rng * r, const char *uniform_id,
            const char *laplace_id, gsl_vector * z0)
{
  for (size_t i = 0; i < z0->size; i++)
    {
      double e;
      if (uniform_id && mutant (h, uniform_id))
        e = sqrt (3.0) * (2 * gsl_rng_uniform (r) - 1);
      else if (laplace_id && mutant (h, laplace_id))
        e = gsl_ran_laplace (r, M_SQRT1_2);
      else
        e = gsl_ran_gaussian_ziggurat (r, 1.0);
      gsl_vector_set (z0, i, e);
    }
}

/* ----------------------------------------------------------------------
 * Random parameter points
 * ---------------------------------------------------------------------- */

static void
singular_values (const gsl_matrix * m, double *s_min, double *s_max)
{
  size_t k = m->size1;
  gsl_matrix *u = gsl_matrix_alloc (k, k), *v = gsl_matrix_alloc (k, k);
  gsl_vector *s = gsl_vector_alloc (k), *work = gsl_vector_alloc (k);
  gsl_matrix_memcpy (u, m);
  gsl_linalg_SV_decomp (u, v, s, work);
  *s_max = gsl_vector_get (s, 0);
  *s_min = gsl_vector_get (s, k - 1);
  gsl_matrix_free (u);
  gsl_matrix_free (v);
  gsl_vector_free (s);
  gsl_vector_free (work);
}

/* mu ~ N(0, I), log sigma ~ N(0, 0.6²), S with N(0, 1) entries and
   condition number at most MAX_COND (redrawn otherwise). */
static affine *
random_affine (const gsl_rng * r, size_t k, double max_cond)
{
  affine *a = affine_alloc (k);
  for (size_t i = 0; i < k; i++)
    {
      gsl_vector_set (a->mu, i, gsl_ran_gaussian (r, 1.0));
      gsl_vector_set (a->sigma, i, exp (gsl_ran_gaussian (r, 0.6)));
    }
  do
    {
      for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
          gsl_matrix_set (a->s, i, j, gsl_ran_gaussian (r, 1.0));
      singular_values (a->s, &a->s_min, &a->s_max);
    }
  while (a->s_max > max_cond * a->s_min);
  return a;
}

static void
diag_singular_values (const affine * a, double *s_min, double *s_max)
{
  *s_min = gsl_vector_min (a->sigma);
  *s_max = gsl_vector_max (a->sigma);
}

/* ----------------------------------------------------------------------
 * Rounding bounds
 * ---------------------------------------------------------------------- */

/* A relative rounding bound for a literal evaluation (LU determinants and
   inverses, products) with a matrix of condition number COND in K
   dimensions: LU loses about cond digits (Higham, Accuracy and Stability,
   9.3 and 14.1), quadratic forms with an inverse Gram matrix cond². */
static double
literal_rel (size_t k, double cond)
{
  double kk = (double) k;
  return 64.0 * DBL_EPSILON * kk * kk * cond * cond;
}

/* Any density of g = g(z0) evaluated through g - mu first recovers z0, up
   to the rounding of g and mu (a few ulps of |mu| + s_max |z0|) amplified
   by 1/s_min; the exponent -½|z0|² then moves by about |z0| times that. */
static double
exponent_rounding (const affine * a, const gsl_vector * z0, double s_min,
                   double s_max)
{
  double z = gsl_blas_dnrm2 (z0);
  double delta = 8 * DBL_EPSILON * (gsl_blas_dnrm2 (a->mu) + s_max * z)
    * (double) a->k / s_min;
  return 2 * z * delta + delta * delta;
}

/* ----------------------------------------------------------------------
 * The Jacobian by central differences
 * ---------------------------------------------------------------------- */

typedef void (*map_fn) (const harness * h, const affine * a,
                        const gsl_vector * z0, gsl_vector * g);

static void
map_full_eq1 (const harness * h, const affine * a, const gsl_vector * z0,
              gsl_vector * g)
{
  map_full (h, a, z0, g, 0);
}

/* J[:, j] = (g(z0 + e_j) - g(z0 - e_j)) / 2: exact for an affine map up to
   rounding, which is at most a few ulps of the largest |g| (returned). */
static double
jacobian_central (const harness * h, map_fn g, const affine * a,
                  const gsl_vector * z0, gsl_matrix * jac)
{
  size_t k = a->k;
  gsl_vector *zp = gsl_vector_alloc (k), *gp = gsl_vector_alloc (k);
  gsl_vector *gm = gsl_vector_alloc (k);
  double g_max = 0;
  for (size_t j = 0; j < k; j++)
    {
      gsl_vector_memcpy (zp, z0);
      gsl_vector_set (zp, j, gsl_vector_get (z0, j) + 1.0);
      g (h, a, zp, gp);
      gsl_vector_set (zp, j, gsl_vector_get (z0, j) - 1.0);
      g (h, a, zp, gm);
      for (size_t i = 0; i < k; i++)
        {
          double p = gsl_vector_get (gp, i), m = gsl_vector_get (gm, i);
          gsl_matrix_set (jac, i, j, 0.5 * (p - m));
          g_max = fmax (g_max, fmax (fabs (p), fabs (m)));
        }
    }
  gsl_vector_free (zp);
  gsl_vector_free (gp);
  gsl_vector_free (gm);
  return 8 * DBL_EPSILON * (g_max + 1.0);
}

/* |det J| by LU and its relative error: an entrywise error E moves det by
   a relative K |E|_2 / s_min to first order, LU adds its own. */
static void
abs_det_with_error (const gsl_matrix * jac, double entry_err, double s_min,
                    double cond, double *det, double *rel)
{
  size_t k = jac->size1;
  *det = fabs (matrix_det (jac));
  *rel = (double) k * (double) k * entry_err / s_min + literal_rel (k, cond);
}

/* ----------------------------------------------------------------------
 * The seed's lines, as written
 * ---------------------------------------------------------------------- */

static double
pow_2pi (size_t k, double power)
{
  return pow (2 * M_PI, power * (double) k);
}

/* (3) */
static double
seed_eq3 (const harness * h, const gsl_vector * z0)
{
  double zz;
  gsl_blas_ddot (z0, z0, &zz);
  double norm = mutant (h, "eq3_normaliser") ? pow_2pi (z0->size, -1.0)
    : pow_2pi (z0->size, -0.5);
  return norm * exp (-0.5 * zz);
}

static gsl_matrix *
diag_matrix (const gsl_vector * v, double power)
{
  gsl_matrix *m = gsl_matrix_calloc (v->size, v->size);
  for (size_t i = 0; i < v->size; i++)
    gsl_matrix_set (m, i, i, pow (gsl_vector_get (v, i), power));
  return m;
}

/* The Jacobian displayed in Q1.1: diag((σ)_1, ..., (σ)_K). */
static gsl_matrix *
seed_q1_1_jacobian (const harness * h, const affine * a)
{
  return diag_matrix (a->sigma, mutant (h, "q1_1_jacobian_squared") ? 2 : 1);
}

/* ∏ (σ)_i */
static double
seed_prod_sigma (const harness * h, const affine * a)
{
  size_t last = mutant (h, "q1_1_det_off_by_one") ? a->k - 1 : a->k;
  double p = 1;
  for (size_t i = 0; i < last; i++)
    p *= gsl_vector_get (a->sigma, i);
  return p;
}

/* sqrt(|diag(σ²)|), the determinant by LU */
static double
seed_sqrt_det_diag_var (const affine * a, int no_sqrt)
{
  gsl_matrix *var = diag_matrix (a->sigma, 2);
  double d = fabs (matrix_det (var));
  gsl_matrix_free (var);
  return no_sqrt ? d : sqrt (d);
}

/* (5) and (6): z0 = σ^-1 ⊙ (g - μ) and diag(σ^-1)(g - μ) */
static void
seed_eq5_6 (const harness * h, const affine * a, const gsl_vector * g,
            gsl_vector * eq5, gsl_vector * eq6)
{
  double power = mutant (h, "eq5_times_sigma") ? 1 : -1;
  gsl_vector *d = gsl_vector_alloc (a->k);
  gsl_vector_memcpy (d, g);
  gsl_vector_sub (d, a->mu);
  for (size_t i = 0; i < a->k; i++)
    gsl_vector_set (eq5, i, pow (gsl_vector_get (a->sigma, i), power)
                    * gsl_vector_get (d, i));
  gsl_matrix *dinv = diag_matrix (a->sigma, power);
  gsl_blas_dgemv (CblasNoTrans, 1.0, dinv, d, 0.0, eq6);
  gsl_matrix_free (dinv);
  gsl_vector_free (d);
}

/* (2π)^{-K/2} exp(-½ (A(g - μ))ᵀ(A(g - μ))) -- (7) and (17) */
static double
gauss_of_transformed (const gsl_matrix * a_mat, const gsl_vector * g,
                      const gsl_vector * mu)
{
  size_t k = g->size;
  gsl_vector *d = gsl_vector_alloc (k), *t = gsl_vector_alloc (k);
  gsl_vector_memcpy (d, g);
  gsl_vector_sub (d, mu);
  gsl_blas_dgemv (CblasNoTrans, 1.0, a_mat, d, 0.0, t);
  double tt;
  gsl_blas_ddot (t, t, &tt);
  gsl_vector_free (d);
  gsl_vector_free (t);
  return pow_2pi (k, -0.5) * exp (-0.5 * tt);
}

/* NORM · exp(-½ (g - μ)ᵀ P (g - μ)) -- (9), (19) and the final densities */
static double
gauss_of_precision (double norm, const gsl_matrix * prec,
                    const gsl_vector * g, const gsl_vector * mu)
{
  gsl_vector *d = gsl_vector_alloc (g->size);
  gsl_vector_memcpy (d, g);
  gsl_vector_sub (d, mu);
  double q = matrix_quadratic (d, prec);
  gsl_vector_free (d);
  return norm * exp (-0.5 * q);
}

/* S Sᵀ (or, for a mutant, Sᵀ S) */
static gsl_matrix *
gram (const gsl_matrix * s, int transposed_first)
{
  gsl_matrix *c = gsl_matrix_alloc (s->size1, s->size1);
  gsl_blas_dgemm (transposed_first ? CblasTrans : CblasNoTrans,
                  transposed_first ? CblasNoTrans : CblasTrans, 1.0, s, s,
                  0.0, c);
  return c;
}

/* ----------------------------------------------------------------------
 * Ground truth: log N(g; mu, C) through Cholesky, log q(z0) from GSL
 * ---------------------------------------------------------------------- */

static double
truth_log_density (const gsl_vector * mu, const gsl_matrix * cov,
                   const gsl_vector * g)
{
  mvn *n = mvn_alloc (mu->size);
  if (mvn_set (n, mu, cov) != GSL_SUCCESS)
    die_runtime ("a covariance is not positive definite");
  gsl_vector *work = gsl_vector_alloc (mu->size);
  double l = mvn_log_pdf (n, g, work);
  gsl_vector_free (work);
  mvn_free (n);
  return l;
}

static double
log_q0 (const gsl_vector * z0)
{
  double l = 0;
  for (size_t i = 0; i < z0->size; i++)
    l += log (gsl_ran_ugaussian_pdf (gsl_vector_get (z0, i)));
  return l;
}

/* ----------------------------------------------------------------------
 * Pointwise checks: Q1.1
 * ---------------------------------------------------------------------- */

static void
check_diag_point (harness * h, const affine * a, const gsl_vector * z0)
{
  size_t k = a->k;
  double s_min, s_max;
  diag_singular_values (a, &s_min, &s_max);
  double cond = s_max / s_min, rel = literal_rel (k, cond);
  gsl_vector *g = gsl_vector_alloc (k);
  gsl_matrix *jac = gsl_matrix_alloc (k, k);
  map_diag (h, a, z0, g);
  double entry_err = jacobian_central (h, map_diag, a, z0, jac);
  double det, det_rel;
  abs_det_with_error (jac, entry_err, s_min, cond, &det, &det_rel);

  gsl_matrix *cov = diag_matrix (a->sigma, 2);
  double truth = truth_log_density (a->mu, cov, g), lq0 = log_q0 (z0);
  double size = fabs (truth) + fabs (lq0) + (double) k;
  double e_bound = rel * size + exponent_rounding (a, z0, s_min, s_max);
  double log_bound = e_bound + det_rel;
  double log_det = mutant (h, "jacobian_not_inverted") ? -log (det) : log (det);
  check_point (h, "s003_eq1_diag", est_exact (lq0 - log_det, log_bound),
               est_exact (truth, e_bound));

  gsl_matrix *shown = seed_q1_1_jacobian (h, a);
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < k; j++)
      check_point (h, "s003_q1_1_jacobian",
                   est_exact (gsl_matrix_get (shown, i, j), 0),
                   est_exact (gsl_matrix_get (jac, i, j), entry_err));
  gsl_matrix_free (shown);

  double prod = seed_prod_sigma (h, a);
  double sq = seed_sqrt_det_diag_var (a, 0);
  check_point (h, "s003_q1_1_det", est_exact (prod, rel * prod),
               est_exact (det, det_rel * det));
  check_point (h, "s003_q1_1_det", est_exact (sq, rel * sq),
               est_exact (det, det_rel * det));

  /* (2) as written: the Jacobian's diagonal against 1/∏σ */
  for (size_t i = 0; i < k; i++)
    check_point (h, "s003_eq2", est_exact (gsl_matrix_get (jac, i, i), entry_err),
                 est_exact (1 / prod, rel / prod));
  double inv_sq = 1 / seed_sqrt_det_diag_var (a, mutant (h, "eq2_no_sqrt"));
  check_point (h, "s003_eq2_inverse_det", est_exact (1 / prod, rel / prod),
               est_exact (1 / det, det_rel / det));
  check_point (h, "s003_eq2_inverse_det", est_exact (inv_sq, rel * inv_sq),
               est_exact (1 / det, det_rel / det));

  check_point (h, "s003_eq3", est_exact (log (seed_eq3 (h, z0)), rel * size),
               est_exact (lq0, rel * size));

  gsl_vector *eq5 = gsl_vector_alloc (k), *eq6 = gsl_vector_alloc (k);
  seed_eq5_6 (h, a, g, eq5, eq6);
  for (size_t i = 0; i < k; i++)
    {
      double z = gsl_vector_get (z0, i);
      double b = rel * (fabs (z) + fabs (gsl_vector_get (a->mu, i))
                        / gsl_vector_get (a->sigma, i) + 1);
      check_point (h, "s003_eq5_6", est_exact (gsl_vector_get (eq5, i), b),
                   est_exact (z, 0));
      check_point (h, "s003_eq5_6", est_exact (gsl_vector_get (eq6, i), b),
                   est_exact (z, 0));
    }
  gsl_vector_free (eq5);
  gsl_vector_free (eq6);

  gsl_matrix *sig_inv = diag_matrix (a->sigma, -1);
  gsl_matrix *prec = gsl_matrix_alloc (k, k);
  gsl_matrix *var_used = diag_matrix (a->sigma,
                                      mutant (h, "eq9_sigma_not_squared") ? 1 : 2);
  matrix_inverse (var_used, prec);
  double eq7 = gauss_of_transformed (sig_inv, g, a->mu);
  double eq9 = gauss_of_precision (pow_2pi (k, -0.5), prec, g, a->mu);
  check_point (h, "s003_eq7_9", est_exact (log (eq7), e_bound),
               est_exact (lq0, rel * size));
  check_point (h, "s003_eq7_9", est_exact (log (eq9), e_bound),
               est_exact (lq0, rel * size));

  gsl_matrix_free (prec);
  prec = gsl_matrix_alloc (k, k);
  matrix_inverse (cov, prec);
  double norm = 1 / (pow_2pi (k, 0.5)
                     * seed_sqrt_det_diag_var (a, mutant (h, "q1_1_final_no_sqrt")));
  double final = gauss_of_precision (norm, prec, g, a->mu);
  check_point (h, "s003_q1_1_final", est_exact (log (final), e_bound),
               est_exact (truth, e_bound));

  gsl_matrix_free (sig_inv);
  gsl_matrix_free (prec);
  gsl_matrix_free (var_used);
  gsl_matrix_free (cov);
  gsl_matrix_free (jac);
  gsl_vector_free (g);
}

/* ----------------------------------------------------------------------
 * Pointwise checks: Q1.2
 * ---------------------------------------------------------------------- */

static void
check_full_point (harness * h, const affine * a, const gsl_vector * z0)
{
  size_t k = a->k;
  double cond = a->s_max / a->s_min, rel = literal_rel (k, cond);
  gsl_vector *g = gsl_vector_alloc (k);
  gsl_matrix *jac = gsl_matrix_alloc (k, k);
  map_full (h, a, z0, g, 0);
  double entry_err = jacobian_central (h, map_full_eq1, a, z0, jac);
  double det, det_rel;
  abs_det_with_error (jac, entry_err, a->s_min, cond, &det, &det_rel);

  gsl_matrix *cov = gram (a->s, 0);
  double truth = truth_log_density (a->mu, cov, g), lq0 = log_q0 (z0);
  double size = fabs (truth) + fabs (lq0) + (double) k;
  double e_bound = rel * size + exponent_rounding (a, z0, a->s_min, a->s_max);
  check_point (h, "s003_eq1_full", est_exact (lq0 - log (det),
                                              e_bound + det_rel),
               est_exact (truth, e_bound));

  int transposed = mutant (h, "eq12_transposed");
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < k; j++)
      check_point (h, "s003_eq12",
                   est_exact (transposed ? gsl_matrix_get (a->s, j, i)
                              : gsl_matrix_get (a->s, i, j), 0),
                   est_exact (gsl_matrix_get (jac, i, j), entry_err));

  double inv_det_s = 1 / fabs (matrix_det (a->s));
  double gram_det = fabs (matrix_det (cov));
  double inv_sqrt_gram = 1 / (mutant (h, "eq13_no_sqrt") ? gram_det
                              : sqrt (gram_det));
  check_point (h, "s003_eq13", est_exact (inv_det_s, rel * inv_det_s),
               est_exact (1 / det, det_rel / det));
  check_point (h, "s003_eq13", est_exact (inv_sqrt_gram, rel * inv_sqrt_gram),
               est_exact (1 / det, det_rel / det));

  gsl_matrix *s_inv = gsl_matrix_alloc (k, k);
  matrix_inverse (a->s, s_inv);
  gsl_vector *d = gsl_vector_alloc (k), *eq15 = gsl_vector_alloc (k);
  gsl_vector_memcpy (d, g);
  gsl_vector_sub (d, a->mu);
  gsl_blas_dgemv (mutant (h, "eq15_transposed") ? CblasTrans : CblasNoTrans,
                  1.0, s_inv, d, 0.0, eq15);
  for (size_t i = 0; i < k; i++)
    {
      double z = gsl_vector_get (z0, i);
      double b = rel * (gsl_blas_dnrm2 (z0) + gsl_blas_dnrm2 (a->mu) / a->s_min + 1);
      check_point (h, "s003_eq15", est_exact (gsl_vector_get (eq15, i), b),
                   est_exact (z, 0));
    }

  gsl_matrix *gram_used = gram (a->s, mutant (h, "eq19_wrong_order"));
  gsl_matrix *prec = gsl_matrix_alloc (k, k);
  matrix_inverse (gram_used, prec);
  double eq17 = gauss_of_transformed (s_inv, g, a->mu);
  double eq19 = gauss_of_precision (pow_2pi (k, -0.5), prec, g, a->mu);
  check_point (h, "s003_eq17_19", est_exact (log (eq17), e_bound),
               est_exact (lq0, rel * size));
  check_point (h, "s003_eq17_19", est_exact (log (eq19), e_bound),
               est_exact (lq0, rel * size));

  matrix_inverse (cov, prec);
  double norm = 1 / (pow_2pi (k, 0.5) * (mutant (h, "q1_2_final_no_sqrt")
                                         ? gram_det : sqrt (gram_det)));
  double final = gauss_of_precision (norm, prec, g, a->mu);
  check_point (h, "s003_q1_2_final", est_exact (log (final), e_bound),
               est_exact (truth, e_bound));

  gsl_matrix_free (gram_used);
  gsl_matrix_free (prec);
  gsl_matrix_free (s_inv);
  gsl_vector_free (d);
  gsl_vector_free (eq15);
  gsl_matrix_free (cov);
  gsl_matrix_free (jac);
  gsl_vector_free (g);
}

static void
check_density_points (harness * h)
{
  gsl_rng *r = harness_rng (h);
  int n = (int) harness_param (h, "points");
  for (int p = 0; p < n; p++)
    {
      size_t k = 1 + gsl_rng_uniform_int (r, 6);
      affine *a = random_affine (r, k, 100.0);
      gsl_vector *z0 = gsl_vector_alloc (k);
      for (size_t i = 0; i < k; i++)
        gsl_vector_set (z0, i, gsl_ran_gaussian (r, 1.0));
      check_diag_point (h, a, z0);
      check_full_point (h, a, z0);
      gsl_vector_free (z0);
      affine_free (a);
    }
  const char *where = "random points: K from 1 to 6, μ ~ N(0, I), log σ ~ N(0, 0.6²),"
    " S with N(0, 1) entries and condition number <= 100, z0 ~ N(0, I)";
  static const char *ids[] = {
    "s003_eq1_diag", "s003_q1_1_jacobian", "s003_q1_1_det", "s003_eq2",
    "s003_eq2_inverse_det", "s003_eq3", "s003_eq5_6", "s003_eq7_9",
    "s003_q1_1_final", "s003_eq1_full", "s003_eq12", "s003_eq13", "s003_eq15",
    "s003_eq17_19", "s003_q1_2_final"
  };
  for (size_t i = 0; i < COUNT_OF (ids); i++)
    check_close (h, ids[i], "%d %s", n, where);
}

/* ----------------------------------------------------------------------
 * Sampling checks: moments and KS on projections
 * ---------------------------------------------------------------------- */

typedef struct
{
  double mean, sd;
} normal_params;

static double
normal_cdf (double x, void *params)
{
  const normal_params *p = params;
  return gsl_cdf_ugaussian_P ((x - p->mean) / p->sd);
}

/* The KS critical value: the d with P(D_n >= d) = ALPHA under the null
   (lib/gof.c's distribution of D_n), by bisection. */
static double
ks_critical_value (size_t n, double alpha)
{
  double lo = 0, hi = 1;
  for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
    {
      double mid = 0.5 * (lo + hi);
      if (gof_ks_p_value (n, mid) > alpha)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

/* One KS comparison: D_n of X (sorted in place) against N(mean, sd²), to be
   decided as D_n <= critical value at the check's per-point ALPHA, which is
   the same as p-value >= ALPHA.  Returns the p-value. */
static double
ks_point (harness * h, const char *id, double *x, size_t n, double mean,
          double sd, double alpha)
{
  normal_params np = { mean, sd };
  gof_result res = gof_ks (x, n, normal_cdf, &np);
  check_point (h, id, est_exact (res.statistic, 4 * DBL_EPSILON),
               est_exact (ks_critical_value (n, alpha), 0));
  return res.p_value;
}

typedef struct
{
  const char *mean_id, *cov_id, *ks_id;
  int full;
} sampler_checks;

static void
draw_sample (const harness * h, const gsl_rng * r, const affine * a,
             int full, long n, double *xs)
{
  gsl_vector *z0 = gsl_vector_alloc (a->k), *g = gsl_vector_alloc (a->k);
  for (long t = 0; t < n; t++)
    {
      base_noise (h, r, full ? NULL : "diag_uniform_noise",
                  full ? "full_laplace_noise" : NULL, z0);
      if (full)
        map_full (h, a, z0, g, 1);
      else
        map_diag (h, a, z0, g);
      for (size_t i = 0; i < a->k; i++)
        xs[t * a->k + i] = gsl_vector_get (g, i);
    }
  gsl_vector_free (z0);
  gsl_vector_free (g);
}

static void
check_moments (harness * h, const sampler_checks * c, const affine * a,
               const gsl_matrix * cov, const double *xs, long n)
{
  size_t k = a->k;
  for (size_t i = 0; i < k; i++)
    {
      mc_acc m;
      mc_init (&m);
      for (long t = 0; t < n; t++)
        mc_add (&m, xs[t * k + i]);
      check_point (h, c->mean_id, est_mc_acc (&m),
                   est_exact (gsl_vector_get (a->mu, i), 0));
      for (size_t j = 0; j <= i; j++)
        {
          mc_acc v;
          mc_init (&v);
          double mi = gsl_vector_get (a->mu, i), mj = gsl_vector_get (a->mu, j);
          for (long t = 0; t < n; t++)
            mc_add (&v, (xs[t * k + i] - mi) * (xs[t * k + j] - mj));
          check_point (h, c->cov_id, est_mc_acc (&v),
                       est_exact (gsl_matrix_get (cov, i, j),
                                  literal_rel (k, 1) * gsl_matrix_get (cov, i, i)));
        }
    }
}

/* KS tests of uᵀx for random unit u; returns the smallest p-value. */
static double
check_projections (harness * h, const sampler_checks * c, const affine * a,
                   const gsl_matrix * cov, const double *xs, long n)
{
  gsl_rng *r = harness_rng (h);
  size_t k = a->k, n_proj = (size_t) harness_param (h, "projections");
  double *y = xmalloc ((size_t) n * sizeof *y);
  gsl_vector *u = gsl_vector_alloc (k);
  double p_min = 1;
  for (size_t p = 0; p < n_proj; p++)
    {
      gsl_ran_dir_nd (r, k, u->data);
      for (long t = 0; t < n; t++)
        {
          double s = 0;
          for (size_t i = 0; i < k; i++)
            s += gsl_vector_get (u, i) * xs[t * k + i];
          y[t] = s;
        }
      double mean;
      gsl_blas_ddot (u, a->mu, &mean);
      double sd = sqrt (matrix_quadratic (u, cov));
      p_min = fmin (p_min, ks_point (h, c->ks_id, y, (size_t) n, mean, sd,
                                     CHECK_ALPHA / (double) n_proj));
    }
  gsl_vector_free (u);
  free (y);
  return p_min;
}

/* Ellipses {mu + r L (cos t, sin t)} at Mahalanobis radius 1, 2, 3. */
static void
write_ellipses (sbuf * fig, const gsl_vector * mu, const gsl_matrix * cov)
{
  mvn *n = mvn_alloc (2);
  if (mvn_set (n, mu, cov) != GSL_SUCCESS)
    die_runtime ("a covariance is not positive definite");
  double l11 = gsl_matrix_get (n->chol, 0, 0), l21 = gsl_matrix_get (n->chol, 1, 0);
  double l22 = gsl_matrix_get (n->chol, 1, 1);
  for (int radius = 1; radius <= 3; radius++)
    {
      for (int t = 0; t <= 200; t++)
        {
          double a = 2 * M_PI * t / 200.0;
          double u = radius * cos (a), v = radius * sin (a);
          sbuf_printf (fig, "%.6f %.6f %d\n", gsl_vector_get (mu, 0) + l11 * u,
                       gsl_vector_get (mu, 1) + l21 * u + l22 * v, radius);
        }
      sbuf_append (fig, "\n");
    }
  mvn_free (n);
}

static void
check_sampler (harness * h, const sampler_checks * c, long n, double *p_min)
{
  gsl_rng *r = harness_rng (h);
  affine *a = random_affine (r, 2, 10.0);
  gsl_matrix *cov = c->full ? gram (a->s, 0) : diag_matrix (a->sigma, 2);
  double *xs = xmalloc ((size_t) n * a->k * sizeof *xs);
  draw_sample (h, r, a, c->full, n, xs);
  check_moments (h, c, a, cov, xs, n);
  *p_min = check_projections (h, c, a, cov, xs, n);
  const char *what = c->full ? "μ + S z0" : "μ + σ⊙z0";
  check_close (h, c->mean_id, "K = 2, %ld draws of %s", n, what);
  check_close (h, c->cov_id, "K = 2, %ld draws of %s, products about the known μ",
               n, what);
  check_close (h, c->ks_id, "K = 2, %ld draws of %s, %d random directions;"
               " smallest p-value %.3g", n, what,
               (int) harness_param (h, "projections"), *p_min);

  sbuf *fig = harness_figure_data (h);
  sbuf_printf (fig, "# block %d: first draws of %s\n# g1 g2\n", c->full ? 2 : 0,
               what);
  for (long t = 0; t < n && t < 2000; t++)
    sbuf_printf (fig, "%.5f %.5f\n", xs[2 * t], xs[2 * t + 1]);
  sbuf_printf (fig, "\n\n# block %d: ellipses of N(μ, %s), radius 1, 2, 3\n"
               "# z1 z2 radius\n", c->full ? 3 : 1, c->full ? "S Sᵀ" : "diag σ²");
  write_ellipses (fig, a->mu, cov);
  sbuf_append (fig, "\n");
  free (xs);
  gsl_matrix_free (cov);
  affine_free (a);
}

/* ----------------------------------------------------------------------
 * 000 P2: z = mu + sigma eps, its law and its pathwise derivatives
 * ---------------------------------------------------------------------- */

typedef struct
{
  double mu, sigma;
  int wrt_sigma;
} sin_expectation;

/* E[sin(mu + sigma eps)] = sin(mu) e^{-sigma²/2}, as a function of mu or
   sigma, for GSL's numerical derivative. */
static double
expected_sin (double v, void *params)
{
  const sin_expectation *e = params;
  double mu = e->wrt_sigma ? e->mu : v, sigma = e->wrt_sigma ? v : e->sigma;
  return sin (mu) * exp (-0.5 * sigma * sigma);
}

static estimate
derivative_of_expected_sin (double mu, double sigma, int wrt_sigma)
{
  sin_expectation e = { mu, sigma, wrt_sigma };
  gsl_function f = { expected_sin, &e };
  double d, err;
  gsl_deriv_central (&f, wrt_sigma ? sigma : mu, 1e-3, &d, &err);
  return est_numeric (d, err);
}

static void
check_one_dimensional (harness * h, long n, double *p_value)
{
  gsl_rng *r = harness_rng (h);
  double mu = harness_param (h, "mu"), sigma = harness_param (h, "sigma");
  double *z = xmalloc ((size_t) n * sizeof *z);
  mc_acc d_mu, d_sigma;
  mc_init (&d_mu);
  mc_init (&d_sigma);
  double scale = mutant (h, "p2_sigma_squared") ? sigma * sigma : sigma;
  double dz_dmu = mutant (h, "p2_dz_dmu_sigma") ? sigma : 1.0;
  for (long t = 0; t < n; t++)
    {
      double eps = gsl_ran_gaussian_ziggurat (r, 1.0);
      z[t] = mu + scale * eps;
      double dz_dsigma = mutant (h, "p2_dz_dsigma_one") ? 1.0 : eps;
      mc_add (&d_mu, cos (z[t]) * dz_dmu);
      mc_add (&d_sigma, cos (z[t]) * dz_dsigma);
    }
  check_compare (h, "s000_p2_pathwise_mu", est_mc_acc (&d_mu),
                 derivative_of_expected_sin (mu, sigma, 0),
                 "μ = %g, σ = %g, %ld draws", mu, sigma, n);
  check_compare (h, "s000_p2_pathwise_sigma", est_mc_acc (&d_sigma),
                 derivative_of_expected_sin (mu, sigma, 1),
                 "μ = %g, σ = %g, %ld draws", mu, sigma, n);
  *p_value = ks_point (h, "s000_p2_distribution", z, (size_t) n, mu, sigma,
                       CHECK_ALPHA);
  check_close (h, "s000_p2_distribution", "μ = %g, σ = %g, %ld draws;"
               " p-value %.3g", mu, sigma, n, *p_value);
  free (z);
}

/* ----------------------------------------------------------------------
 * Figure and notes
 * ---------------------------------------------------------------------- */

static void
draw_figure (harness * h)
{
  sbuf_append (harness_figure_script (h),
    "set multiplot layout 1,2 title 'Reparameterized samples against the claimed Gaussian (K = 2)'\n"
    "set xlabel 'g_1'\nset ylabel 'g_2'\nset key below horizontal\n"
    "set title 'μ + σ⊙z_0 ∼ N(μ, diag σ^2)'\n"
    "plot datafile index 0 using 1:2 with points pt 7 ps 0.25 lc rgb '#800072B2' title 'samples', \\\n"
    "     '' index 1 using 1:2 with lines ls 2 title 'radius 1, 2, 3'\n"
    "set title 'μ + S z_0 ∼ N(μ, S S^T)'\n"
    "plot datafile index 2 using 1:2 with points pt 7 ps 0.25 lc rgb '#80009E73' title 'samples', \\\n"
    "     '' index 3 using 1:2 with lines ls 2 title 'radius 1, 2, 3'\n"
    "unset multiplot\n");
}

static void
write_notes (harness * h, const double p_min[2], double p_1d)
{
  sbuf_printf (harness_notes (h),
    "**Method.** Each density line is evaluated as written, as a density (not a"
    " log-density), with inverses and determinants by LU, and its logarithm compared"
    " with log N(g; μ, Σ) computed through a Cholesky factor. The Jacobian is never"
    " taken from the seed: it is the central difference of the map itself (exact for"
    " an affine map up to rounding), its determinant by LU. Rounding bounds grow with"
    " K² and the squared condition number of S (at most 100 here).\n\n"
    "**Sampling.** μ, σ and S are drawn at random (K = 2, condition number <= 10)."
    " Means and covariance entries are compared within their standard errors (the"
    " covariance from products about the known μ, which are unbiased). The KS checks"
    " project the sample on random unit directions u and compare uᵀg with"
    " N(uᵀμ, uᵀΣu) through GSL's normal CDF; each projection is one point of the"
    " check, decided as D_n <= the critical value at false-alarm rate α = 1e-7 split"
    " over the projections (the same as p-value >= α/#projections; D_n's distribution"
    " from lib/gof.c). Smallest p-values: %.3g (diagonal), %.3g (full S); 000 P2's"
    " one-dimensional sample: %.3g. Moments cannot tell Gaussian base noise from"
    " other noise of unit variance; the KS checks can (mutants `diag_uniform_noise`,"
    " `full_laplace_noise`).\n\n"
    "**Findings.** Eq. (2) writes ∂g(z0)/∂z0 = 1/∏(σ)_i: the left side is the"
    " Jacobian diag(σ), a matrix, so as written the line is false (its diagonal"
    " entries are σ_i, not 1/∏σ); the sentence before it and the use made of it"
    " show that |det ∂g/∂z0|^-1 was meant, and that reading holds"
    " (`s003_eq2_inverse_det`). Line 60 says \"combine 2 and 19\" where (2) and (9)"
    " are meant (19 belongs to Q1.2); the combination checked is (2) with (9), which"
    " is the Q1.1 final density. The final lines write the density of g as"
    " \"g(z0) = ...\", i.e. the left side names the variable rather than its density;"
    " the right side is checked. Everything else in Q1.1 and Q1.2 holds, including"
    " (13)'s |det S|^-1 = 1/sqrt(|det(S Sᵀ)|).\n\n"
    "**000 P2.** The statement (sampling randomness moved into ε) is checked two ways:"
    " z = μ + σε has the law N(μ, σ²) (KS), and z is differentiable in (μ, σ) with"
    " ∂z/∂μ = 1, ∂z/∂σ = ε, so E[f'(z)] and E[f'(z)ε] are unbiased for the"
    " derivatives of E[f(z)]; with f = sin, E[sin z] = sin μ·e^{-σ²/2}, whose"
    " derivatives GSL differentiates numerically.\n",
    p_min[0], p_min[1], p_1d);
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  long n = harness_samples (h);
  static const sampler_checks diag = { "diag_mean", "diag_cov", "diag_ks", 0 };
  static const sampler_checks full = { "full_mean", "full_cov", "full_ks", 1 };
  double p_min[2], p_1d;

  check_density_points (h);
  check_sampler (h, &diag, n, &p_min[0]);
  check_sampler (h, &full, n, &p_min[1]);
  check_one_dimensional (h, n, &p_1d);
  draw_figure (h);
  write_notes (h, p_min, p_1d);
  return harness_end (h);
}
