/* test_amortized_fa_report.c -- lib/amortized_fa_report.c on a claim of
 * its own (its TAP goes to /dev/null).
 *
 * A four-dimensional factor model, 60 datapoints, an encoder that sees
 * x1, x2.  Independent references, by GSL's linear algebra rather than
 * amortized_fa's 2 x 2 formulas: Λ = I + Wᵀ Ψ⁻¹ W by gsl_blas_dgemm,
 * μ(x_i) by a Cholesky solve of Λ μ = Wᵀ Ψ⁻¹ (x_i - b), the gap ½ dᵀΛd by
 * gsl_blas_dsymv and gsl_blas_ddot, and det Λ from the Cholesky factor.
 * The three checks hold, with the closed-form s_j* = Λ_jj^-½ and the mean
 * gap those of GSL's; the panel's block has KL(q_i*) in every row, the
 * gaps sorted, their mean the one returned and titled.  Negative controls:
 * s_j* scaled by 1 + 1e-3, an encoder offset shifted by 1e-3 and an encoder
 * of all four inputs (no gap) are each caught by their check, and by it
 * alone. */
#include "amortized_fa_report.h"
#include "fixture_harness.h"
#include "tap.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"inst", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
  {"amort", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
  {"gap", "harness", "", REL_NE, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_amortized_fa_report", .title = "report test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 3, .samples_default = 10, .samples_quick = 10,
  .figure_caption = "",
};
static const amortized_fa_report_checks IDS = { "inst", "amort", "gap" };

#define DX 4
#define N 60
static const double W[DX * 2] = { 1.0, 0.8, 0.9, -0.4, 0.3, 0.5, -0.6, 0.7 };
static const double PSI[DX] = { 0.5, 0.8, 0.3, 0.6 };
static const double B[DX] = { 0.5, -0.3, 1.2, 0.0 };

typedef struct
{
  double s_star[2], kl_star, mean_gap;
} reference;

/* compute: Λ = I + Wᵀ Ψ⁻¹ W, then per datapoint μ_i and ½ dᵀΛd, by GSL */
static reference
gsl_reference (const amortized_fa * a)
{
  reference ref = { .mean_gap = 0 };
  double wp[DX * 2], lam[4] = { 1, 0, 0, 1 }, chol[4], rhs[2], mu[2], d[2], ld[2];
  for (int e = 0; e < DX; e++)
    for (int j = 0; j < 2; j++)
      wp[2 * e + j] = W[2 * e + j] / PSI[e];
  gsl_matrix_const_view wv = gsl_matrix_const_view_array (W, DX, 2);
  gsl_matrix_view wpv = gsl_matrix_view_array (wp, DX, 2), lv = gsl_matrix_view_array (lam, 2, 2);
  gsl_blas_dgemm (CblasTrans, CblasNoTrans, 1, &wv.matrix, &wpv.matrix, 1, &lv.matrix);
  memcpy (chol, lam, sizeof chol);
  gsl_matrix_view cv = gsl_matrix_view_array (chol, 2, 2);
  gsl_linalg_cholesky_decomp1 (&cv.matrix);
  double det = chol[0] * chol[0] * chol[3] * chol[3];
  ref.kl_star = 0.5 * (log (lam[0]) + log (lam[3]) - log (det));
  for (int j = 0; j < 2; j++)
    ref.s_star[j] = 1 / sqrt (lam[3 * j]);
  gsl_vector_view rv = gsl_vector_view_array (rhs, 2), mv = gsl_vector_view_array (mu, 2);
  gsl_vector_view dv = gsl_vector_view_array (d, 2), ldv = gsl_vector_view_array (ld, 2);
  for (size_t i = 0; i < a->n; i++)
    {
      double xb[DX], gap;
      for (int e = 0; e < DX; e++)
        xb[e] = a->xs[i * DX + e] - B[e];
      gsl_vector_const_view xv = gsl_vector_const_view_array (xb, DX);
      gsl_blas_dgemv (CblasTrans, 1, &wpv.matrix, &xv.vector, 0, &rv.vector);
      gsl_linalg_cholesky_solve (&cv.matrix, &rv.vector, &mv.vector);
      for (int j = 0; j < 2; j++)
        {
          d[j] = amortized_fa_coef (a, j, a->n_in) - mu[j];
          for (size_t k = 0; k < a->n_in; k++)
            d[j] += amortized_fa_coef (a, j, k) * a->xs[i * DX + k];
        }
      gsl_blas_dsymv (CblasUpper, 1, &lv.matrix, &dv.vector, 0, &ldv.vector);
      gsl_blas_ddot (&dv.vector, &ldv.vector, &gap);
      ref.mean_gap += 0.5 * gap / a->n;
    }
  return ref;
}

typedef struct
{
  int held[3];
  size_t n_points[3];
  double obs[3];
} outcome;

/* The three checks of A with S_SCALE, on a fresh harness. */
static outcome
run_checks (const amortized_fa * a, double s_scale)
{
  outcome o;
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  amortized_fa_report_optima (h, a, &IDS, s_scale);
  fixture_harness_loud (&f);
  for (int c = 0; c < 3; c++)
    {
      const check_result *r = fixture_result (h, CHECKS[c].id);
      o.held[c] = r->held, o.n_points[c] = r->n_points, o.obs[c] = r->obs.value;
    }
  fixture_harness_end (&f);
  return o;
}

static void
test_checks (const amortized_fa * a, const reference * ref)
{
  outcome o = run_checks (a, 1);
  tap_ok (o.held[0] && o.held[1] && o.held[2], "the three checks hold (%d %d %d)",
          o.held[0], o.held[1], o.held[2]);
  tap_ok (o.n_points[0] == 2 && o.n_points[1] == 2 * (a->n_in + 1) && o.n_points[2] == 1,
          "points: 2 s_j, %zu coefficients, one mean gap", 2 * (a->n_in + 1));
  double s = o.obs[0], want = fabs (s - ref->s_star[0]) < fabs (s - ref->s_star[1])
    ? ref->s_star[0] : ref->s_star[1];
  tap_close (s, want, 1e-13 * want, "the deciding s_j* = Λ_jj^-½ by GSL's Λ");
  tap_close (o.obs[2], ref->mean_gap, 1e-11 * ref->mean_gap,
             "the mean gap = GSL's mean ½ dᵀΛd (%.6g)", ref->mean_gap);
  o = run_checks (a, 1 + 1e-3);
  tap_ok (!o.held[0] && o.held[1] && o.held[2],
          "negative control: s_j* scaled by 1 + 1e-3 is caught by the per-instance check");
}

/* An encoder offset shifted, then an encoder of every input: each caught. */
static void
test_wrong_encoders (amortized_fa * a)
{
  size_t p = a->n_in + 1;
  a->coef[p - 1] += 1e-3;
  outcome o = run_checks (a, 1);
  a->coef[p - 1] -= 1e-3;
  tap_ok (o.held[0] && !o.held[1] && o.held[2],
          "negative control: an offset shifted by 1e-3 is caught by the encoder check");
  amortized_fa_fit (a, DX);
  o = run_checks (a, 1);
  tap_ok (o.held[0] && o.held[1] && !o.held[2] && o.obs[2] < 1e-20,
          "negative control: an encoder of all %d inputs has no gap (%.3g), caught", DX, o.obs[2]);
  amortized_fa_fit (a, 2);
}

/* The panel: block 0's rows "rank KL(q*) KL(q_φ)", the title and the key. */
static void
test_panel (const amortized_fa * a, const reference * ref)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  double mean = amortized_fa_report_panel (h, a, 0, "my key"), sum = 0, last = -1;
  const char *t = strstr (sbuf_str (harness_figure_data (h)), "# block 0: rank");
  char title[96];
  snprintf (title, sizeof title, "(mean gap %.4g nats)", ref->mean_gap);
  const char *gp = sbuf_str (harness_figure_script (h));
  int script_ok = strstr (gp, title) && strstr (gp, "title 'my key'")
    && strstr (gp, "plot datafile index 0 using 1:2:3") && !strstr (gp, "index 1");
  int ok = t != NULL, used;
  t = ok ? strchr (t, '\n') + 1 : t;
  for (size_t i = 0; ok && i < a->n; i++, t += used)
    {
      size_t rank;
      double kl, kl_q;
      ok = sscanf (t, "%zu %lg %lg\n%n", &rank, &kl, &kl_q, &used) == 3 && rank == i + 1
        && fabs (kl - ref->kl_star) < 1e-9 && kl_q - kl >= last - 1e-9;
      last = kl_q - kl;
      sum += last;
    }
  fixture_harness_loud (&f);
  tap_ok (ok, "the block: %zu rows, KL(q_i*) = GSL's %.6g in each, the gaps sorted", a->n,
          ref->kl_star);
  tap_close (mean, ref->mean_gap, 1e-11 * ref->mean_gap, "the panel's mean gap = GSL's");
  tap_close (sum / a->n, mean, 1e-8 * mean, "the block's mean gap = the returned one");
  tap_ok (script_ok, "the script: the mean gap in the title, the key, block 0 only");
  fixture_harness_end (&f);
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, env && *env ? strtoul (env, NULL, 10) : 20261203UL);
  amortized_fa a;
  amortized_fa_sample (&a, DX, W, PSI, B, N, r);
  amortized_fa_fit (&a, 2);
  reference ref = gsl_reference (&a);
  test_checks (&a, &ref);
  test_wrong_encoders (&a);
  test_panel (&a, &ref);
  amortized_fa_free (&a);
  gsl_rng_free (r);
  return tap_done ();
}
