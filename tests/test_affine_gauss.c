/* test_affine_gauss.c -- the affine map's image, covariance, Jacobian, LU
   route and densities against hand-computed values, and the Jacobian's
   and the density's rounding bounds against the exact values at random
   points. */
#include "affine_gauss.h"
#include "derivation.h"
#include "point_affine.h"
#include "tap.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static point *
parse (const char *text)
{
  point *p = malloc (sizeof *p);
  char err[200];
  if (point_affine_template.parse (&point_affine_template, text, p, err, sizeof err))
    tap_ok (0, "parse %s: %s", text, err);
  return p;
}

/* μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2)): S Sᵀ = ((1.25, 1), (1, 4)),
   det S = 2, det S Sᵀ = det diag σ² = 4, S⁻¹ = ((1, -0.25), (0, 0.5)). */
static void
test_hand (void)
{
  point *p = parse ("d = 2, μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2))");
  const double z[2] = { 1, 1 };
  double g[2], c[4], jac[4], inv[4], det, b;
  affine_gauss_map (p, 1, z, g);
  tap_ok (g[0] == 2 && g[1] == 1, "μ + S z0 at z0 = (1, 1) is (2, 1)");
  affine_gauss_map (p, 0, z, g);
  tap_ok (g[0] == 1.5 && g[1] == 1, "μ + σ⊙z0 is (1.5, 1)");
  double st[4], h[2];
  affine_gauss_transpose (point_affine_s (p), 2, st);
  tap_ok (st[0] == 1 && st[1] == 0 && st[2] == 0.5 && st[3] == 2, "Sᵀ = ((1, 0), (0.5, 2))");
  affine_gauss_apply (point_affine_mu (p), st, z, 2, h);
  tap_ok (h[0] == 1.5 && h[1] == 1.5, "μ + Sᵀ z0 = (1.5, 1.5)");
  double m[4];
  affine_gauss_matrix (p, 0, NULL, -2, 0, m);
  tap_ok (m[0] == 1 && m[1] == 0 && m[2] == 0 && m[3] == 0.25, "diag(σ⁻²) = diag(1, 1/4)");
  affine_gauss_matrix (p, 1, point_affine_s (p), 0, 1, m);
  tap_ok (m[0] == 1 && m[1] == 0 && m[2] == 0.5 && m[3] == 2, "the full map's matrix transposed");
  double sts[4];
  affine_gauss_gram (st, 2, sts);
  tap_ok (sts[0] == 1 && sts[1] == 0.5 && sts[2] == 0.5 && sts[3] == 4.25,
          "Sᵀ S = ((1, 0.5), (0.5, 4.25))");
  affine_gauss_residual (p, 1, z, g);
  tap_ok (g[0] == 1.5 && g[1] == 2, "S z0 = (1.5, 2)");
  affine_gauss_cov (p, 1, c);
  tap_ok (c[0] == 1.25 && c[1] == 1 && c[2] == 1 && c[3] == 4, "S Sᵀ = ((1.25, 1), (1, 4))");
  affine_gauss_cov (p, 0, c);
  tap_ok (c[0] == 1 && c[1] == 0 && c[2] == 0 && c[3] == 4, "diag σ² = diag(1, 4)");
  double e = affine_gauss_jacobian (p, 1, z, jac);
  tap_ok (jac[0] == 1 && jac[1] == 0.5 && jac[2] == 0 && jac[3] == 2 && e > 0 && e < 1e-14,
          "the Jacobian of μ + S z0 is S (bound %.3g)", e);
  affine_gauss_jacobian (p, 0, z, jac);
  tap_ok (jac[0] == 1 && jac[1] == 0 && jac[2] == 0 && jac[3] == 2, "that of μ + σ⊙z0 is diag σ");
  double jd;
  tap_ok (affine_gauss_jacobian_det (p, 1, z, &jd) == e && fabs (jd - 2) < 1e-15,
          "|det| of the Jacobian of μ + S z0 is |det S| = 2, with the Jacobian's bound");
  affine_gauss_jacobian_det (p, 0, z, &jd);
  tap_close (jd, 2, 1e-15, "that of μ + σ⊙z0 is Π σ = 2");
  affine_gauss_lu (point_affine_s (p), 2, inv, &det);
  tap_close (det, 2, 1e-15, "|det S| = 2 by LU");
  tap_ok (fabs (inv[0] - 1) + fabs (inv[1] + 0.25) + fabs (inv[2]) + fabs (inv[3] - 0.5) < 1e-15,
          "S⁻¹ = ((1, -0.25), (0, 0.5)) by LU");
  const double u[2] = { 1, 2 }, a[4] = { 1, 2, 3, 4 }, v[2] = { 1, -1 };
  tap_ok (affine_gauss_dot (u, v, 2) == -1 && affine_gauss_norm1 (v, 2) == 2, "uᵀv = -1, |v|₁ = 2");
  tap_ok (affine_gauss_bilinear (u, a, v, 2, &b) == -3, "uᵀAv = -3");
  tap_close (b, 17 * 4 * DBL_EPSILON / 2 / (1 - 4 * DBL_EPSILON / 2), 1e-30,
             "its bound is gamma_4 Σ|u_i A_ij v_j| = 17 gamma_4");

  affine_gauss ag;
  affine_gauss_prepare (p, &ag);
  tap_close (ag.det_s, 2, 1e-15, "prepare: |det S| = 2");
  tap_close (ag.det_gram, 4, 1e-14, "|det S Sᵀ| = 4");
  tap_close (ag.det_var, 4, 1e-15, "|det diag σ²| = 4");
  /* singular values of S: sqrt of the eigenvalues (5.25 ± sqrt(11.5625))/2 of S Sᵀ */
  double smin = sqrt ((5.25 - sqrt (11.5625)) / 2), smax = sqrt ((5.25 + sqrt (11.5625)) / 2);
  tap_close (ag.s_min, smin, 1e-14, "s_min is S's smallest singular value (below min σ = 1)");
  tap_close (ag.s_max, smax, 1e-14, "s_max is S's largest (above max σ = 2)");
  double k = gsl_pow_2 (smax / smin);
  tap_close (ag.rel, 16 * 4 * k * k * DBL_EPSILON / 2, 1e-25, "REL = 16 d² k² u");
  /* N(g(z0); μ, Σ) = (2π)^{-1} |det Σ|^{-1/2} e^{-|z0|²/2}, the same for both maps here */
  double want = exp (-1) / (4 * M_PI);
  tap_close (affine_gauss_pdf (p, &ag, 1, z, &b), want, 1e-16, "the density of μ + S z0 at (2, 1)");
  tap_ok (b > 0 && b < 1e-11 * want, "with a small positive bound (%.3g)", b);
  tap_close (affine_gauss_pdf (p, &ag, 0, z, &b), want, 1e-16,
             "the density of μ + σ⊙z0 at (1.5, 1)");
  tap_close (affine_gauss_density (p, &ag, z, 1 / (4 * M_PI), 2, &b), want, 1e-16,
             "NORM exp(-Q/2) with Q = 2");
  double delta;
  double er = affine_gauss_exponent_rounding (p, &ag, z, &delta);
  tap_ok (delta > 0 && er == 2 * sqrt (2) * delta + delta * delta,
          "the exponent's rounding is 2|z0|δ + δ² (δ = %.3g)", delta);
  tap_close (ag.det_jd, 2, 1e-15, "|det| of the diagonal map's Jacobian = Π σ = 2");
  tap_close (ag.det_jf, 2, 1e-15, "|det| of the full map's Jacobian = |det S| = 2");
  tap_ok (ag.jerr > 0 && affine_gauss_det_rel (p, &ag) == 2 * 2 * ag.jerr / ag.s_min + ag.rel,
          "det_rel = 2 d jerr / s_min + REL");
  double td = ag.t_d[0] * ag.t_d[0] + 4 * ag.t_d[1] * ag.t_d[1];
  double tf = 1.25 * ag.t_f[0] * ag.t_f[0] + 2 * ag.t_f[0] * ag.t_f[1] + 4 * ag.t_f[1] * ag.t_f[1];
  tap_close (td, 1, 1e-15, "tᵀ diag(σ²) t = 1");
  tap_close (tf, 1, 1e-15, "tᵀ S Sᵀ t = 1");
  tap_close (affine_gauss_q0 (p, NULL, z, &b), exp (-1) / (2 * M_PI), 1e-16,
             "q(z0) = e^{-1}/(2π) at (1, 1)");
  const double x[6] = { 1, 1, 1, 2, 1, -1 };
  tap_close (affine_gauss_jacobian_full (p, NULL, x, &b), -3.5, 1e-14,
             "uᵀ S v = -3.5 at u = (1, 2), v = (1, -1)");
  tap_close (affine_gauss_jacobian_diag (p, NULL, x, &b), -3, 1e-14, "uᵀ diag(σ) v = -3");
  tap_close (affine_gauss_u_z0 (p, NULL, x, &b), 3, 1e-15, "uᵀz0 = 3");
  tap_close (affine_gauss_det_jd (p, &ag).value, 2, 1e-15, "the diagonal map's |det J| = 2");
  tap_close (affine_gauss_inv_det_jf (p, &ag).value, 0.5, 1e-15, "the full map's |det J|⁻¹ = 1/2");
  tap_ok (affine_gauss_inv_det_jd (p, &ag).err == 2 * affine_gauss_det_rel (p, &ag) / 2,
          "an inverse determinant's bound is twice det_rel, relative");
  tap_ok (affine_gauss_x_len (p) == 6, "a draw has 3d = 6 numbers");
  const double e0[2] = { 0.5, -3 };
  double z0[2];
  affine_gauss_z0_map (p, NULL, e0, z0);
  tap_ok (affine_gauss_z0_len (p) == 2 && z0[0] == 0.5 && z0[1] == -3,
          "a draw of z0 alone: d = 2 normals, mapped as they are");
  affine_gauss_map (p, 0, z, g);
  tap_close (affine_gauss_char (p, &ag, 0, g, &b), cos (sqrt (2)), 1e-15,
             "cos(t_dᵀ(g - μ)) = cos √2 at z0 = (1, 1)");
  tap_close (affine_gauss_char_mean (p, &ag).value, exp (-0.5), 1e-16, "its mean is e^{-1/2}");
  affine_gauss_release (&ag);
  free (p);
}

/* At random points: |J - S| within the Jacobian's bound, and the literal
   density (2π)^{-d/2} |det S Sᵀ|^{-1/2} exp(-½ rᵀ(S Sᵀ)⁻¹r) by LU within
   the two bounds of the Cholesky one. */
static void
test_bounds (const gsl_rng * r)
{
  point *p = malloc (sizeof *p);
  int jac_ok = 1, dens_ok = 1;
  for (int t = 0; t < 200; t++)
    {
      point_affine_template.draw (&point_affine_template, r, p);
      size_t d = p->d;
      double z[AFFINE_GAUSS_DMAX], res[AFFINE_GAUSS_DMAX];
      double jac[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];
      for (size_t i = 0; i < d; i++)
        z[i] = gsl_ran_gaussian (r, 1.0);
      double e = affine_gauss_jacobian (p, 1, z, jac);
      for (size_t i = 0; i < d * d; i++)
        jac_ok &= fabs (jac[i] - point_affine_s (p)[i]) <= e;
      affine_gauss ag;
      affine_gauss_prepare (p, &ag);
      affine_gauss_residual (p, 1, z, res);
      double bq, bt, q = affine_gauss_bilinear (res, ag.gram_inv, res, d, &bq);
      double lit = affine_gauss_density (p, &ag, z, pow (2 * M_PI, -0.5 * (double) d)
                                         / sqrt (ag.det_gram), q, &bq);
      double tru = affine_gauss_pdf (p, &ag, 1, z, &bt);
      dens_ok &= fabs (lit - tru) <= bq + bt;
      affine_gauss_release (&ag);
    }
  /* the characteristic function's mean under the full map, by Monte Carlo at the last point */
  {
    affine_gauss ag;
    affine_gauss_prepare (p, &ag);
    double s = 0, s2 = 0, z[AFFINE_GAUSS_DMAX], g[AFFINE_GAUSS_DMAX], b;
    int n = 100000;
    for (int t = 0; t < n; t++)
      {
        for (size_t i = 0; i < p->d; i++)
          z[i] = gsl_ran_gaussian (r, 1.0);
        affine_gauss_map (p, 1, z, g);
        double c = affine_gauss_char (p, &ag, 1, g, &b);
        s += c, s2 += c * c;
      }
    double m = s / n, se = sqrt ((s2 / n - m * m) / n);
    tap_ok (fabs (m - exp (-0.5)) < 5 * se, "E cos(t_fᵀ(g - μ)) = e^{-1/2} for μ + S z0 (d = %zu):"
            " %.4f ± %.4f", p->d, m, se);
    affine_gauss_release (&ag);
  }
  tap_ok (jac_ok, "200 random points: the central-difference Jacobian is within its bound of S");
  tap_ok (dens_ok, "the LU density agrees with the Cholesky one within their bounds");
  free (p);
}

/* the truth table: nine entries, distinct ids, each with exactly one of value and integrand */
static void
test_truths (void)
{
  static const derivation_truth t[] = { AFFINE_GAUSS_TRUTHS, AFFINE_GAUSS_TRUTH_CHAR };
  size_t n = sizeof t / sizeof t[0];
  int ok = n == 9 && strcmp (t[0].id, "q_gd") == 0 && strcmp (t[8].id, "char") == 0;
  for (size_t i = 0; i < n; i++)
    {
      ok &= (t[i].eval.value != NULL) != (t[i].eval.integrand != NULL) && t[i].text[0];
      for (size_t j = 0; j < i; j++)
        ok &= strcmp (t[i].id, t[j].id) != 0;
    }
  tap_ok (ok, "the truth table: %zu entries, distinct ids, one evaluation each", n);
}

/* Π σ_i: 1, 2 and 1 by hand at σ = (1, 2); at random points of d = 1..6 the
   |det| by LU of the diagonal map's central-difference Jacobian (another
   route), which the product over the first d - 1 factors misses (the
   negative control: σ_d is 1 with probability 0); its estimate's bound
   gamma_d covers the product in long double, and the d - 1 product is
   outside it. */
static void
test_sigma_prod (gsl_rng * r)
{
  point *p = parse ("d = 2, μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2))");
  tap_ok (affine_gauss_sigma_prod (p, 2) == 2 && affine_gauss_sigma_prod (p, 1) == 1
          && affine_gauss_sigma_prod (p, 0) == 1, "Π σ_i at σ = (1, 2): 2, over one factor 1");
  double worst = 0, least_miss = HUGE_VAL, det;
  const double z[AFFINE_GAUSS_DMAX] = { 0 };
  for (size_t d = 1; d <= AFFINE_GAUSS_DMAX; d++)
    for (int t = 0; t < 20; t++)
      {
        point_affine_draw_fixed (r, d, 100, p);
        (void) affine_gauss_jacobian_det (p, 0, z, &det);
        worst = fmax (worst, fabs (affine_gauss_sigma_prod (p, d) / det - 1));
        least_miss = fmin (least_miss, fabs (affine_gauss_sigma_prod (p, d - 1) / det - 1));
      }
  tap_ok (worst < 1e-12, "Π σ_i = |det| of the Jacobian by LU (worst relative %.2g)", worst);
  tap_ok (least_miss > 1e-6, "Π over d - 1 factors misses it (least relative %.2g)", least_miss);
  /* the estimate: the product in long double within gamma_d of it, which a d - 1 product misses */
  point_affine_draw_fixed (r, AFFINE_GAUSS_DMAX, 100, p);
  long double exact = 1;
  for (size_t i = 0; i < AFFINE_GAUSS_DMAX; i++)
    exact *= point_affine_sigma (p)[i];
  estimate e = affine_gauss_sigma_prod_estimate (p, AFFINE_GAUSS_DMAX);
  estimate short_e = affine_gauss_sigma_prod_estimate (p, AFFINE_GAUSS_DMAX - 1);
  tap_ok (e.value == affine_gauss_sigma_prod (p, AFFINE_GAUSS_DMAX)
          && e.err == est_gamma (AFFINE_GAUSS_DMAX) * e.value && fabsl (e.value - exact) <= e.err,
          "the estimate: Π σ_i within gamma_d of the long-double product");
  tap_ok (fabsl (short_e.value - exact) > short_e.err + e.err,
          "negative control: the product over d - 1 factors is outside that bound");
  free (p);
}

int
main (void)
{
  test_truths ();
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261122);
  test_hand ();
  test_bounds (r);
  test_sigma_prod (r);
  gsl_rng_free (r);
  return tap_done ();
}
