/* test_qform.c -- each written form of the exponent against a case worked by
   hand and, at random points of d = 1..6, the correct forms against the
   Mahalanobis distance by GSL's Cholesky factor of S Sᵀ (a different
   algorithm from the LU inverses qform uses).  Negative controls: every
   slip differs from the truth at the hand case, and the full map's slips
   differ from it at random points of d >= 2. */
#include "qform.h"
#include "point_affine.h"
#include "tap.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

/* μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2)) at r = (1, 1):
   diag(σ⁻¹) r = (1, 0.5), S⁻¹ = ((1, -0.25), (0, 0.5)), S⁻¹ r = (0.75, 0.5),
   (S Sᵀ)⁻¹ = ((4, -1), (-1, 1.25)) / 4, (Sᵀ S)⁻¹ = ((4.25, -0.5), (-0.5, 1)) / 4,
   S⁻¹ S⁻¹ = ((1, -0.375), (0, 0.25)). */
static void
test_hand (void)
{
  static const double want[] = {
    1.25,       /* DIAG_T: 1² + 0.5² */
    5,          /* DIAG_NOT_INV: 1² + 2² */
    1.5,        /* DIAG_NO_T: 1·1 + 1·0.5 */
    1.25,       /* VAR: 1/1 + 1/4 */
    1.5,        /* VAR_SIGMA: 1/1 + 1/2 */
    0.8125,     /* S_T: 0.75² + 0.5² */
    0.875,      /* S_INV_T: 1ᵀ S⁻¹ S⁻¹ 1 */
    0.875,      /* S_NO_T: the same scalar */
    0.8125,     /* GRAM: (4 - 1 - 1 + 1.25) / 4 */
    1.0625      /* GRAM_SWAPPED: (4.25 - 0.5 - 0.5 + 1) / 4 */
  };
  static const char *const name[] = { "DIAG_T", "DIAG_NOT_INV", "DIAG_NO_T", "VAR", "VAR_SIGMA",
    "S_T", "S_INV_T", "S_NO_T", "GRAM", "GRAM_SWAPPED" };
  static const int truth_of[] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 };   /* diag 1.25, full 0.8125 */
  const double truth[2] = { 1.25, 0.8125 }, r[2] = { 1, 1 };
  point p;
  char err[200];
  affine_gauss g;
  if (point_affine_template.parse (&point_affine_template,
                                   "d = 2, μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2))",
                                   &p, err, sizeof err))
    tap_ok (0, "parse: %s", err);
  affine_gauss_prepare (&p, &g);
  for (int k = QFORM_DIAG_T; k <= QFORM_GRAM_SWAPPED; k++)
    {
      double q = qform_affine (&p, &g, r, (qform_kind) k);
      tap_close (q, want[k], 1e-14, "hand case: %s = %g", name[k], want[k]);
      int slip = want[k] != truth[truth_of[k]];
      tap_ok (slip == (fabs (q - truth[truth_of[k]]) > 1e-6),
              "hand case: %s %s the law's exponent %g", name[k], slip ? "misses" : "equals",
              truth[truth_of[k]]);
    }
  affine_gauss_release (&g);
}

/* rᵀ (S Sᵀ)⁻¹ r = |L⁻¹ r|² for the Cholesky factor L of S Sᵀ, and
   rᵀ diag(σ²)⁻¹ r summed directly */
static double
mahalanobis_full (const point * p, const double *r)
{
  size_t d = p->d;
  gsl_matrix *c = gsl_matrix_alloc (d, d);
  gsl_vector *y = gsl_vector_alloc (d);
  const double *s = point_affine_s (p);
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      {
        double v = 0;
        for (size_t l = 0; l < d; l++)
          v += s[i * d + l] * s[j * d + l];
        gsl_matrix_set (c, i, j, v);
      }
  gsl_linalg_cholesky_decomp1 (c);
  for (size_t i = 0; i < d; i++)
    gsl_vector_set (y, i, r[i]);
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, c, y);
  double q = gsl_blas_dnrm2 (y);
  gsl_matrix_free (c), gsl_vector_free (y);
  return q * q;
}

static double
mahalanobis_diag (const point * p, const double *r)
{
  double q = 0;
  for (size_t i = 0; i < p->d; i++)
    q += gsl_pow_2 (r[i] / point_affine_sigma (p)[i]);
  return q;
}

static void
test_random (void)
{
  const qform_kind good_d[2] = { QFORM_DIAG_T, QFORM_VAR }, good_f[2] = { QFORM_S_T, QFORM_GRAM };
  const qform_kind slip_f[3] = { QFORM_S_INV_T, QFORM_S_NO_T, QFORM_GRAM_SWAPPED };
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  for (size_t d = 1; d <= AFFINE_GAUSS_DMAX; d++)
    {
      double worst_d = 0, worst_f = 0, least_slip = HUGE_VAL;
      for (int t = 0; t < 50; t++)
        {
          point p;
          affine_gauss g;
          double r[AFFINE_GAUSS_DMAX];
          point_affine_draw_fixed (rng, d, 100, &p);
          affine_gauss_prepare (&p, &g);
          for (size_t i = 0; i < d; i++)
            r[i] = 3 * gsl_ran_gaussian (rng, 1.0);
          double qd = mahalanobis_diag (&p, r), qf = mahalanobis_full (&p, r);
          for (int k = 0; k < 2; k++)
            {
              worst_d = fmax (worst_d, fabs (qform_affine (&p, &g, r, good_d[k]) - qd) / qd);
              worst_f = fmax (worst_f, fabs (qform_affine (&p, &g, r, good_f[k]) - qf) / qf);
            }
          for (int k = 0; d > 1 && k < 3; k++)
            least_slip = fmin (least_slip, fabs (qform_affine (&p, &g, r, slip_f[k]) - qf) / qf);
          affine_gauss_release (&g);
        }
      tap_ok (worst_d < 1e-13, "d = %zu: diag forms match Σ (r_i/σ_i)² (worst relative %.2g)",
              d, worst_d);
      tap_ok (worst_f < 1e-9, "d = %zu: (S⁻¹r)ᵀ(S⁻¹r) and rᵀ(S Sᵀ)⁻¹r match Cholesky (worst %.2g)",
              d, worst_f);
      if (d > 1)
        tap_ok (least_slip > 1e-6, "d = %zu: the full map's slips miss it (least relative %.2g)",
                d, least_slip);
    }
  gsl_rng_free (rng);
}

int
main (void)
{
  test_hand ();
  test_random ();
  return tap_done ();
}
