/* test_amortized_fa.c -- the amortization gap of a linear encoder: Λ and
   μ(x) against the posterior by the other route (conditioning on x through
   the marginal covariance Ψ + W Wᵀ, inverted by GSL's Cholesky), the gap
   and KL(q*) against lib/mvn's KL, the fit's normal equations, an encoder
   that sees every input (no gap), the coordinate maximisers against the
   closed forms, the figure block's rows, and the sample's moments by
   z-scores. */
#include "amortized_fa.h"
#include "mvn.h"
#include "tap.h"

#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DX 4
static const double W[DX * 2] = { 1.0, 0.8, 0.9, -0.4, 0.3, 0.5, -0.6, 0.7 };
static const double PSI[DX] = { 0.5, 0.8, 0.3, 0.6 };
static const double B[DX] = { 0.5, -0.3, 1.2, 0.0 };

/* m_φ(x_i)_j = Σ_k coef_jk x_ik + offset_j */
static double
encoder_mean (const amortized_fa * a, size_t i, int j)
{
  double m = amortized_fa_coef (a, j, a->n_in);
  for (size_t k = 0; k < a->n_in; k++)
    m += amortized_fa_coef (a, j, k) * a->xs[i * DX + k];
  return m;
}

/* compute: C⁻¹, C = Ψ + W Wᵀ (the marginal covariance of x), by Cholesky;
   returns det C */
static double
marginal_precision (double cinv[DX * DX])
{
  double det = 1;
  for (int d = 0; d < DX; d++)
    for (int e = 0; e < DX; e++)
      cinv[DX * d + e] = (d == e) * PSI[d] + W[2 * d] * W[2 * e] + W[2 * d + 1] * W[2 * e + 1];
  gsl_matrix_view c = gsl_matrix_view_array (cinv, DX, DX);
  gsl_linalg_cholesky_decomp1 (&c.matrix);
  for (int d = 0; d < DX; d++)
    det *= cinv[DX * d + d] * cinv[DX * d + d];
  gsl_linalg_cholesky_invert (&c.matrix);
  return det;
}

/* The posterior by conditioning: Σ = I - Wᵀ C⁻¹ W, μ(x) = Wᵀ C⁻¹ (x - b). */
static void
test_posterior (const amortized_fa * a)
{
  double cinv[DX * DX], sig[4], worst_mu = 0, det_psi = 1;
  double det_c = marginal_precision (cinv);
  for (int j = 0; j < 2; j++)
    for (int l = 0; l < 2; l++)
      {
        sig[2 * j + l] = j == l;
        for (int d = 0; d < DX; d++)
          for (int e = 0; e < DX; e++)
            sig[2 * j + l] -= W[2 * d + j] * cinv[DX * d + e] * W[2 * e + l];
      }
  for (int d = 0; d < DX; d++)
    det_psi *= PSI[d];
  tap_close (a->det, det_c / det_psi, 1e-13 * a->det,
             "det Λ = det (Ψ + W Wᵀ) / det Ψ (determinant lemma)");
  tap_close (a->lam[1][1] / a->det, sig[0], 1e-13, "Λ⁻¹_11 = (I - Wᵀ C⁻¹ W)_11");
  tap_close (-a->lam[0][1] / a->det, sig[1], 1e-13, "Λ⁻¹_12 = (I - Wᵀ C⁻¹ W)_12");
  tap_close (a->lam[0][0] / a->det, sig[3], 1e-13, "Λ⁻¹_22 = (I - Wᵀ C⁻¹ W)_22");
  for (size_t i = 0; i < a->n; i++)
    for (int j = 0; j < 2; j++)
      {
        double mu = 0;
        for (int d = 0; d < DX; d++)
          for (int e = 0; e < DX; e++)
            mu += W[2 * d + j] * cinv[DX * d + e] * (a->xs[i * DX + e] - B[e]);
        worst_mu = fmax (worst_mu, fabs (a->mu[2 * i + j] - mu));
      }
  tap_ok (worst_mu < 1e-13, "μ(x_i) = Wᵀ C⁻¹ (x_i - b) at %zu datapoints (worst %.3g)",
          a->n, worst_mu);
}

/* gap_i = KL(q_φ(x_i) || p(z|x_i)) - KL(q_i* || p(z|x_i)), q's variances
   1/Λ_jj, and KL(q_i*) itself, by lib/mvn (Cholesky, no closed form). */
static void
test_gap_against_mvn (const amortized_fa * a)
{
  double sig[4] = { a->lam[1][1] / a->det, -a->lam[0][1] / a->det,
                    -a->lam[1][0] / a->det, a->lam[0][0] / a->det };
  double qs[4] = { 1 / a->lam[0][0], 0, 0, 1 / a->lam[1][1] }, worst = 0, worst_opt = 0;
  for (size_t i = 0; i < a->n; i++)
    {
      double m[2] = { encoder_mean (a, i, 0), encoder_mean (a, i, 1) };
      mvn *post = mvn_from_arrays (2, a->mu + 2 * i, sig);
      mvn *q = mvn_from_arrays (2, m, qs), *qstar = mvn_from_arrays (2, a->mu + 2 * i, qs);
      double kl_opt = mvn_kl (qstar, post), want = mvn_kl (q, post) - kl_opt;
      rnd gap = amortized_fa_gap (a, a->coef, i);
      worst = fmax (worst, fabs (gap.value - want) / (1e-13 + rnd_bound (gap)));
      worst_opt = fmax (worst_opt, fabs (amortized_fa_kl_optimum (a) - kl_opt));
      mvn_free (post), mvn_free (q), mvn_free (qstar);
    }
  tap_ok (worst <= 1, "½ dᵀΛd = KL(q_φ || p) - KL(q* || p) by lib/mvn (worst ratio %.3g)", worst);
  tap_ok (worst_opt < 1e-13, "KL(q* || p(z|x)) = ½ log(Λ11 Λ22 / det Λ) (worst %.3g)", worst_opt);
}

/* The least-squares residuals are orthogonal to every regressor. */
static void
test_normal_equations (const amortized_fa * a)
{
  double worst = 0;
  for (int j = 0; j < 2; j++)
    for (size_t k = 0; k <= a->n_in; k++)
      {
        double s = 0, size = 0;
        for (size_t i = 0; i < a->n; i++)
          {
            double u = k < a->n_in ? a->xs[i * DX + k] : 1;
            double t = (encoder_mean (a, i, j) - a->mu[2 * i + j]) * u;
            s += t, size += fabs (t) + fabs (a->mu[2 * i + j] * u);
          }
        worst = fmax (worst, fabs (s) / size);
      }
  tap_ok (worst < 1e-12, "Σ_i (m_φ(x_i) - μ_i) u_ik = 0 for every k (worst relative %.3g)", worst);
}

/* The coordinate maximisers: s_j* = Λ_jj^-½, and the fit's coefficients. */
static void
test_maximisers (const amortized_fa * a)
{
  for (int j = 0; j < 2; j++)
    {
      concave_max s = amortized_fa_argmax_s (a, j);
      double want = 1 / sqrt (a->lam[j][j]);
      tap_ok (fabs (s.x - want) <= s.x_err && s.x_err < 1e-6,
              "argmax over s%d %.10g = Λ_jj^-½ %.10g (±%.2g)", j + 1, s.x, want, s.x_err);
      for (size_t k = 0; k <= a->n_in; k++)
        {
          concave_max m = amortized_fa_argmax_coef (a, j, k);
          double c = amortized_fa_coef (a, j, k);
          tap_ok (fabs (m.x - c) <= m.x_err && m.x_err < 1e-5,
                  "argmax over coefficient (%d, %zu) %.10g = least squares %.10g (±%.2g)",
                  j + 1, k, m.x, c, m.x_err);
        }
    }
}

/* The figure block: n rows "rank KL(q*) KL(q_φ)", the gaps sorted, their
   mean the returned one. */
static void
test_write_kl (const amortized_fa * a)
{
  sbuf fig;
  sbuf_init (&fig);
  double mean = amortized_fa_write_kl (a, &fig, 3), sum = 0, last = -1, kl;
  const char *t = sbuf_str (&fig);
  const char *hdr = "\n\n# block 3: rank, KL(q_i*), KL(q_φ*) per datapoint (sorted)\n";
  int ok = strncmp (t, hdr, strlen (hdr)) == 0, used;
  t += strlen (hdr);
  for (size_t i = 0; ok && i < a->n; i++, t += used)
    {
      size_t rank;
      double kl_q;
      ok = sscanf (t, "%zu %lg %lg\n%n", &rank, &kl, &kl_q, &used) == 3 && rank == i + 1
        && fabs (kl - amortized_fa_kl_optimum (a)) < 1e-9 && kl_q - kl >= last - 1e-9;
      last = kl_q - kl;
      sum += last;
    }
  tap_ok (ok && *t == '\0', "the figure block: header, %zu rows, the gaps sorted", a->n);
  tap_close (mean, sum / a->n, 1e-8 * (1 + mean), "the figure block's mean gap");
  sbuf_free (&fig);
}

/* A hand case: W = I, Ψ = I, b = 0 give Λ = 2I, μ(x) = x/2, and q* = p(z|x). */
static void
test_by_hand (gsl_rng * r)
{
  amortized_fa a;
  const double id[4] = { 1, 0, 0, 1 }, ones[2] = { 1, 1 }, zeros[2] = { 0, 0 };
  amortized_fa_sample (&a, 2, id, ones, zeros, 3, r);
  tap_ok (a.lam[0][0] == 2 && a.lam[1][1] == 2 && a.lam[0][1] == 0 && a.det == 4,
          "W = Ψ = I: Λ = 2I");
  tap_ok (a.mu[0] == a.xs[0] / 2 && a.mu[5] == a.xs[5] / 2, "W = Ψ = I: μ(x) = x/2");
  tap_ok (amortized_fa_kl_optimum (&a) == 0,
          "W = Ψ = I: KL(q* || p(z|x)) = 0, the posterior factorises");
  amortized_fa_free (&a);
}

/* x ~ N(b, Ψ + W Wᵀ): each coordinate's sample mean and variance by z-score. */
static void
test_moments (gsl_rng * r)
{
  const size_t n = 20000;
  amortized_fa a;
  amortized_fa_sample (&a, DX, W, PSI, B, n, r);
  double worst = 0;
  for (int d = 0; d < DX; d++)
    {
      double v = PSI[d] + W[2 * d] * W[2 * d] + W[2 * d + 1] * W[2 * d + 1], mean = 0, ss = 0;
      for (size_t i = 0; i < n; i++)
        mean += a.xs[i * DX + d] / n;
      for (size_t i = 0; i < n; i++)
        ss += (a.xs[i * DX + d] - mean) * (a.xs[i * DX + d] - mean) / (n - 1);
      worst = fmax (worst, fabs (mean - B[d]) / sqrt (v / n));
      worst = fmax (worst, fabs (ss - v) / (v * sqrt (2.0 / (n - 1))));
    }
  tap_ok (worst < 5, "x ~ N(b, Ψ + W Wᵀ): means and variances within 5 sigma (worst z %.3g)",
          worst);
  amortized_fa_free (&a);
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, env && *env ? strtoul (env, NULL, 10) : 20261202UL);
  amortized_fa a;
  amortized_fa_sample (&a, DX, W, PSI, B, 25, r);
  amortized_fa_fit (&a, 2);
  test_posterior (&a);
  test_gap_against_mvn (&a);
  test_normal_equations (&a);
  test_maximisers (&a);
  test_write_kl (&a);
  /* every input seen: μ(x) = Λ⁻¹WᵀΨ⁻¹(x - b) is linear in x, the fit exact */
  amortized_fa_fit (&a, DX);
  double worst = 0;
  for (size_t i = 0; i < a.n; i++)
    worst = fmax (worst, amortized_fa_gap (&a, a.coef, i).value);
  tap_ok (worst < 1e-24, "an encoder of all %d inputs has no gap (worst %.3g)", DX, worst);
  test_normal_equations (&a);
  amortized_fa_free (&a);
  test_by_hand (r);
  test_moments (r);
  gsl_rng_free (r);
  return tap_done ();
}
