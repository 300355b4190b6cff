/* test_affine_line.c -- each line kind against a case worked by hand and,
   at random points of d = 1..6, the lines that hold against independent
   references within their stated rounding bounds: z0 recovered against
   the draw itself, q(z0) against GSL's univariate normal density, the
   densities and the change of variables against GSL's multivariate normal
   density through its own Cholesky factor of S Sᵀ, the law's mean by
   Monte Carlo against the characteristic function.  Negative controls:
   every mutant's arguments (σ² for σ, Sᵀ for S, a normaliser not square-
   rooted or not inverted, Sᵀ S for S Sᵀ, the maps μ + σ²⊙z0 and μ + Sᵀz0)
   miss the truth at the hand case, the full map's at every random point
   too; a normaliser kind out of range is refused. */
#include "affine_line.h"
#include "estimate.h"
#include "point_affine.h"
#include "tap.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

#define DMAX AFFINE_GAUSS_DMAX

/* The hand point: μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2)); at x = (z0, u, v) with
   z0 = (1, 1), u = (1, 1), v = (1, -1): uᵀ S v = 0.5 - 2, uᵀ Sᵀ v = 1 - 1.5,
   uᵀ diag σ v = 1 - 2, uᵀ diag σ² v = 1 - 4; S z0 = (1.5, 2), S⁻¹ S z0 = z0,
   S^-T S z0 = (1.5, 0.625); σ⊙z0 = (1, 2), σ⁻²⊙(1, 2) = (1, 0.5);
   |z0|² = 2, |det S| = 2, S Sᵀ = ((1.25, 1), (1, 4)). */
static void
hand_point (point * p)
{
  char err[200];
  if (point_affine_template.parse (&point_affine_template,
                                   "d = 2, μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2))",
                                   p, err, sizeof err))
    tap_ok (0, "parse: %s", err);
}

static void
test_hand (void)
{
  point p;
  affine_gauss g;
  const double x[6] = { 1, 1, 1, 1, 1, -1 };
  hand_point (&p);
  affine_gauss_prepare (&p, &g);
  double b;
  tap_close (affine_line_matrix (&p, x, &b, 1, 0, 0), -1.5, 1e-15, "uᵀ S v = -1.5");
  tap_close (affine_line_matrix (&p, x, &b, 1, 0, 1), -0.5, 1e-15, "uᵀ Sᵀ v = -0.5 (a slip)");
  tap_close (affine_line_matrix (&p, x, &b, 0, 1, 0), -1, 1e-15, "uᵀ diag σ v = -1");
  tap_close (affine_line_matrix (&p, x, &b, 0, 2, 0), -3, 1e-15, "uᵀ diag σ² v = -3 (a slip)");

  tap_close (affine_line_recover (&p, &g, x, &b, 1, 0, 0), 2, 1e-14, "uᵀ S⁻¹(g - μ) = uᵀz0 = 2");
  tap_close (affine_line_recover (&p, &g, x, &b, 1, 0, 1), 2.125, 1e-14, "uᵀ S^-T(g - μ) = 2.125");
  tap_close (affine_line_recover (&p, &g, x, &b, 0, -1, 0), 2, 1e-14, "uᵀ σ⁻¹⊙(g - μ) = 2");
  tap_close (affine_line_recover (&p, &g, x, &b, 0, 1, 0), 5, 1e-14, "uᵀ σ⊙(g - μ) = 5 (a slip)");
  tap_close (affine_line_recover (&p, &g, x, &b, 0, -2, 0), 1.5, 1e-14, "uᵀ σ⁻²⊙(g - μ) = 1.5");

  double q0 = gsl_pow_2 (gsl_ran_ugaussian_pdf (1));   /* (2π)^{-1} e^{-1} */
  tap_close (affine_line_q0 (&p, x, &b, -0.5, 0.5), q0, 1e-16, "q(z0) = φ(1)² by GSL");
  tap_ok (fabs (affine_line_q0 (&p, x, &b, -1, 0.5) - q0) > 0.5 * q0,
          "(2π)^{-K} for (2π)^{-K/2} misses q(z0)");
  tap_ok (fabs (affine_line_q0 (&p, x, &b, -0.5, 1) - q0) > 0.5 * q0, "a lost ½ misses q(z0)");

  /* N(μ + S z0; μ, S Sᵀ) = q(z0) / |det S| = q0 / 2, by GSL's bivariate density */
  double nf = gsl_ran_bivariate_gaussian_pdf (1.5, 2, sqrt (1.25), 2, 1 / (2 * sqrt (1.25)));
  double nd = gsl_ran_gaussian_pdf (1, 1) * gsl_ran_gaussian_pdf (2, 2);
  tap_close (nf, q0 / 2, 1e-16, "GSL's bivariate density is q(z0) / |det S|");
  tap_close (affine_line_density (&p, &g, x, &b, 1, QFORM_GRAM, 2), nf, 1e-16,
             "(2π)^{-1} |S Sᵀ|^{-1/2} exp(-½ rᵀ(S Sᵀ)⁻¹r) is N(g; μ, S Sᵀ)");
  tap_close (affine_line_density (&p, &g, x, &b, 1, QFORM_S_T, 2), nf, 1e-16,
             "... with (S⁻¹r)ᵀ(S⁻¹r) for the exponent");
  tap_close (affine_line_density (&p, &g, x, &b, 0, QFORM_VAR, 1), nd, 1e-16,
             "(2π)^{-1} |diag σ²|^{-1/2} exp(-½ rᵀdiag(σ²)⁻¹r) is N(g; μ, diag σ²)");
  tap_close (affine_line_density (&p, &g, x, &b, 1, QFORM_GRAM, 4), nf / 2, 1e-16,
             "|S Sᵀ| not square-rooted halves it (a slip)");
  tap_close (affine_line_density (&p, &g, x, &b, 1, QFORM_GRAM, 0), 2 * nf, 1e-16,
             "no normaliser doubles it (a slip)");
  tap_close (affine_line_density (&p, &g, x, &b, 0, QFORM_VAR, 3), nd / 2, 1e-16,
             "|diag σ²| not square-rooted halves it (a slip)");
  tap_ok (fabs (affine_line_density (&p, &g, x, &b, 1, QFORM_GRAM_SWAPPED, 2) - nf) > 1e-3 * nf,
          "(Sᵀ S)⁻¹ for (S Sᵀ)⁻¹ misses it");
  tap_close (affine_line_change_of_vars (&p, &g, x, &b, -1), nf, 1e-15,
             "q(z0) |det ∂g/∂z0|⁻¹ is N(g; μ, S Sᵀ)");
  tap_close (affine_line_change_of_vars (&p, &g, x, &b, 1), 4 * nf, 1e-15,
             "q(z0) |det ∂g/∂z0| is 4 times it (a slip)");

  /* the law's t: t_i = 1/(σ_i √2), t = S^-T 1/√2 = (1, 0.25)/√2, so tᵀ(g - μ) = 1ᵀz0/√2 for
     the right maps; tᵀ(σ²⊙z0) = (1 + 2)/√2, tᵀSᵀz0 = tᵀ(1, 2.5) = 1.625/√2 */
  tap_close (affine_line_law (&p, &g, x, &b, 0, 0), cos (M_SQRT2), 1e-15, "cos(tᵀσ⊙z0) = cos √2");
  tap_close (affine_line_law (&p, &g, x, &b, 1, 0), cos (M_SQRT2), 1e-15, "cos(tᵀS z0) = cos √2");
  tap_close (affine_line_law (&p, &g, x, &b, 0, 1), cos (3 / M_SQRT2), 1e-15,
             "cos(tᵀσ²⊙z0) = cos(3/√2) (a slip)");
  tap_close (affine_line_law (&p, &g, x, &b, 1, 1), cos (1.625 / M_SQRT2), 1e-15,
             "cos(tᵀSᵀz0) = cos(1.625/√2) (a slip)");

  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  tap_ok (isnan (affine_line_density (&p, &g, x, &b, 1, QFORM_GRAM, 5)),
          "a normaliser kind out of 0..4 is refused");
  gsl_set_error_handler (old);
  affine_gauss_release (&g);
}

/* log N(g; μ, S Sᵀ) by GSL's own Cholesky factor of S Sᵀ */
static double
log_pdf_full (const point * p, const double *g)
{
  size_t d = p->d;
  double cov[DMAX * DMAX], lp;
  affine_gauss_cov (p, 1, cov);
  gsl_matrix_view c = gsl_matrix_view_array (cov, d, d);
  gsl_vector_const_view gv = gsl_vector_const_view_array (g, d);
  gsl_vector_const_view mv = gsl_vector_const_view_array (point_affine_mu (p), d);
  gsl_vector *work = gsl_vector_alloc (d);
  gsl_linalg_cholesky_decomp1 (&c.matrix);
  gsl_ran_multivariate_gaussian_log_pdf (&gv.vector, &mv.vector, &c.matrix, &lp, work);
  gsl_vector_free (work);
  return lp;
}

/* Whether V matches the reference REF within its bound B, allowing the
   reference its own rounding of SLACK relative */
static int
within (double v, double b, double ref, double slack)
{
  return fabs (v - ref) <= b + slack * fabs (ref);
}

static void
test_random (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  for (size_t d = 1; d <= DMAX; d++)
    {
      int ok_rec = 1, ok_q0 = 1, ok_dens = 1, ok_cov = 1, missed = 1;
      for (int t = 0; t < 50; t++)
        {
          point p;
          affine_gauss g;
          double x[3 * DMAX], gv[DMAX], b, bb;
          point_affine_draw_fixed (rng, d, 100, &p);
          affine_gauss_prepare (&p, &g);
          for (size_t i = 0; i < 3 * d; i++)
            x[i] = gsl_ran_gaussian (rng, 1.0);
          double uz = 0, q0 = 1, nd = 1;
          for (size_t i = 0; i < d; i++)
            {
              uz += x[d + i] * x[i];
              q0 *= gsl_ran_ugaussian_pdf (x[i]);
              nd *= gsl_ran_gaussian_pdf (point_affine_sigma (&p)[i] * x[i],
                                          point_affine_sigma (&p)[i]);
            }
          affine_gauss_map (&p, 1, x, gv);
          double nf = exp (log_pdf_full (&p, gv));
          double v = affine_line_recover (&p, &g, x, &b, 1, 0, 0);
          ok_rec &= within (v, b, uz, est_gamma (2 * (double) d));
          v = affine_line_recover (&p, &g, x, &bb, 0, -1, 0);
          ok_rec &= within (v, bb, uz, est_gamma (2 * (double) d));
          v = affine_line_q0 (&p, x, &b, -0.5, 0.5);
          ok_q0 &= within (v, b, q0, est_gamma (4 * (double) d));
          v = affine_line_density (&p, &g, x, &b, 1, QFORM_GRAM, 2);
          ok_dens &= within (v, b, nf, 1e-10);
          v = affine_line_density (&p, &g, x, &b, 0, QFORM_VAR, 1);
          ok_dens &= within (v, b, nd, est_gamma (8 * (double) d));
          v = affine_line_change_of_vars (&p, &g, x, &b, -1);
          ok_cov &= within (v, b, nf, 1e-10);
          /* the full map's mutants: each misses by more than its bound */
          v = affine_line_recover (&p, &g, x, &b, 1, 0, 1);
          missed &= d == 1 || !within (v, b, uz, 0);
          v = affine_line_density (&p, &g, x, &b, 1, QFORM_GRAM, 4);
          missed &= !within (v, b, nf, 1e-10);
          v = affine_line_change_of_vars (&p, &g, x, &b, 1);
          missed &= !within (v, b, nf, 1e-10);
          affine_gauss_release (&g);
        }
      tap_ok (ok_rec, "d = %zu: S⁻¹(g - μ) and σ⁻¹⊙(g - μ) recover the draw within their bounds",
              d);
      tap_ok (ok_q0, "d = %zu: (2π)^{-K/2} exp(-½|z0|²) is Π φ(z_i) within its bound", d);
      tap_ok (ok_dens, "d = %zu: both densities match GSL's within their bounds", d);
      tap_ok (ok_cov, "d = %zu: q(z0)|det ∂g/∂z0|⁻¹ matches GSL's density within its bound", d);
      tap_ok (missed, "d = %zu: S^-T, |S Sᵀ| and |det| not inverted miss by more than their bounds",
              d);
    }
  gsl_rng_free (rng);
}

/* The law's mean by Monte Carlo: the z-score against e^{-1/2} of the mean of
   cos(tᵀ(g - μ)) over 20000 draws z0 ~ N(0, I) */
static double
law_z (const point * p, const affine_gauss * g, gsl_rng * rng, int full, int wrong)
{
  double x[DMAX], b, s = 0, s2 = 0;
  const int n = 20000;
  for (int k = 0; k < n; k++)
    {
      for (size_t i = 0; i < p->d; i++)
        x[i] = gsl_ran_gaussian (rng, 1.0);
      double c = affine_line_law (p, g, x, &b, full, wrong);
      s += c, s2 += c * c;
    }
  double m = s / n, se = sqrt ((s2 / n - m * m) / (n - 1));
  return (m - exp (-0.5)) / se;
}

/* At random points of d = 1..6 the right maps' means lie within 5 standard errors of the
   characteristic function's e^{-1/2}; at the hand point the slips' do not: tᵀΣt is
   Σ_i σ_i² / 2 = 2.5 for μ + σ²⊙z0 (Σ = diag σ⁴, t_i = 1/(σ_i √2)) and, for μ + Sᵀz0,
   |S t|² = (1.125² + 0.5²)/2 = 0.758, so their means are e^{-1.25} and e^{-0.379}. */
static void
test_law (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  point p;
  affine_gauss g;
  for (size_t d = 1; d <= DMAX; d++)
    {
      point_affine_draw_fixed (rng, d, 10, &p);
      affine_gauss_prepare (&p, &g);
      double zd = law_z (&p, &g, rng, 0, 0), zf = law_z (&p, &g, rng, 1, 0);
      tap_ok (fabs (zd) < 5 && fabs (zf) < 5, "d = %zu: E[cos(tᵀ(g - μ))] = e^{-1/2} (z %.2f, %.2f)",
              d, zd, zf);
      affine_gauss_release (&g);
    }
  hand_point (&p);
  affine_gauss_prepare (&p, &g);
  double zd = law_z (&p, &g, rng, 0, 1), zf = law_z (&p, &g, rng, 1, 1);
  tap_ok (zd < -5, "hand point: μ + σ²⊙z0 misses e^{-1/2} (z %.1f)", zd);
  tap_ok (zf > 5, "hand point: μ + Sᵀz0 misses e^{-1/2} (z %.1f)", zf);
  affine_gauss_release (&g);
  gsl_rng_free (rng);
}

int
main (void)
{
  test_hand ();
  test_random ();
  test_law ();
  return tap_done ();
}
