/* test_ratio_fit_check.c -- lib/ratio_fit_check against hand-worked truths.
 *
 * θ: a fit to 4000 + 4000 draws of f0 = N(0, 1), f1 = N(1, 0.6²) holds its check against
 * log(f1/f0)'s coefficients, and the truth written out is theirs by hand (precisions and
 * means, not normal_log_ratio_coefficients); negative control: the fit with the labels
 * swapped (-θ) fails the same check; ratio_fit_check_theta_close the same, its notes the
 * fit against the truth by hand and the class counts.  Grid: a grid written by hand
 * (x = -3 + 0.15 i, a made-up log f̂1 = log f1 + 0.01 x with standard error
 * 0.02 + 0.01 |x|), every second point
 * within 1.5 of 1 checked: 10 points, the worst relative error expm1(0.024) at x = 2.4 with its
 * standard error 0.044, and the check holds; negative control: one point off by 0.5 (25
 * standard errors) fails it and is the worst.  Mass: for a θ set by hand the integral of
 * N(x; 0, 1) e^{θ·φ} is e^a (1 - 2c)^{-1/2} exp(b²/(2(1 - 2c))), the delta-method standard
 * error sqrt(gᵀ Σ g) from the closed-form moments; without the odds the integral of
 * N(x; 0, 1) σ(θ·φ) by GSL's QAGI, which the closed form (the negative control) misses; an
 * x² coefficient of 1/2 is not integrable.  Normalised: with θ = log(f1/f0)'s coefficients
 * by hand for f0 = N(0, 1), f1 = N(1, 0.6²), f̂1 is f1, whose integral is 1, and the check
 * holds; negative controls: without the odds (∫ f0 f1/(f0 + f1) < 1) and with the x²
 * coefficient 1/2 (+inf) it fails. */
#include "fixture_harness.h"
#include "ratio_fit_check.h"
#include "tap.h"

#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"theta", "harness", "θ", REL_EQ, EXPECT_HOLDS, NULL},
  {"theta_swapped", "harness", "θ, labels swapped", REL_EQ, EXPECT_HOLDS, NULL},
  {"grid", "harness", "grid", REL_EQ, EXPECT_HOLDS, NULL},
  {"grid_off", "harness", "grid, one point off", REL_EQ, EXPECT_HOLDS, NULL},
  {"theta_close", "harness", "θ, closed", REL_EQ, EXPECT_HOLDS, NULL},
  {"theta_close_swapped", "harness", "θ, closed, swapped", REL_EQ, EXPECT_HOLDS, NULL},
  {"mass", "harness", "∫ f̂1 = 1", REL_EQ, EXPECT_HOLDS, NULL},
  {"mass_no_odds", "harness", "∫ f0 D = 1", REL_EQ, EXPECT_HOLDS, NULL},
  {"mass_divergent", "harness", "∫ f̂1 = 1, x² coefficient 1/2", REL_EQ, EXPECT_HOLDS, NULL},
};

static const claim CLAIM = {
  .slug = "test_ratio_fit_check", .title = "ratio fit check test", .claim = "", .sources = "",
  CLAIM_CHECKS (CHECKS), .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

static void
test_theta (harness * h, fixture_harness * f)
{
  const normal_pair g = { 0, 1, 1, 0.6 };
  ratio_fit fit, swapped;
  ratio_fit_normals (harness_rng (h), &g, 4000, 4000, 0, &fit);
  ratio_fit_normals (harness_rng (h), &g, 4000, 4000, 1, &swapped);
  double truth[3], truth_swapped[3];
  ratio_fit_check_theta (h, "theta", &fit, &g, truth);
  check_close (h, "theta", "fit");
  ratio_fit_check_theta (h, "theta_swapped", &swapped, &g, truth_swapped);
  check_close (h, "theta_swapped", "swapped");
  fixture_harness_loud (f);
  double p0 = 1, p1 = 1 / 0.36;   /* the precisions */
  double by_hand[3] = { log (1 / 0.6) - 0.5 * p1, p1, 0.5 * (p0 - p1) };
  int same = 1;
  for (int j = 0; j < 3; j++)
    same &= fabs (truth[j] - by_hand[j]) <= 1e-14 * (1 + fabs (by_hand[j]));
  tap_ok (same, "θ's truth is log(f1/f0)'s by hand: (%.6f, %.6f, %.6f)", truth[0], truth[1],
          truth[2]);
  tap_ok (fixture_result (h, "theta")->n_points == 3 && fixture_held (h, "theta") == 1,
          "θ: three points, the check holds for the fit");
  tap_ok (fixture_held (h, "theta_swapped") == 0,
          "negative control: the fit with the labels swapped fails it");
  fixture_harness_quiet (f);
  ratio_fit_check_theta_close (h, "theta_close", &fit, &g);
  ratio_fit_check_theta_close (h, "theta_close_swapped", &swapped, &g);
  fixture_harness_loud (f);
  const check_result *c = fixture_result (h, "theta_close");
  char want[200];
  snprintf (want, sizeof want, "θ = (%.4f, %.4f, %.4f) against (%.4f, %.4f, %.4f); 4000 draws"
            " of P1, 4000 of P0", gsl_vector_get (fit.lf.theta, 0),
            gsl_vector_get (fit.lf.theta, 1), gsl_vector_get (fit.lf.theta, 2), by_hand[0],
            by_hand[1], by_hand[2]);
  tap_ok (c->n_points == 3 && c->held == 1 && strncmp (c->note, want, strlen (want)) == 0,
          "θ closed: three points, holds, notes the fit against the truth by hand: %s", c->note);
  tap_ok (fixture_held (h, "theta_close_swapped") == 0,
          "negative control: closed, the swapped fit fails it too");
  fixture_harness_quiet (f);
  ratio_fit_free (&fit);
  ratio_fit_free (&swapped);
}

static void
test_grid (harness * h, fixture_harness * f)
{
  ratio_fit_point at[41];
  for (int i = 0; i < 41; i++)
    {
      double x = -3 + 0.15 * i;
      double l0 = log (gsl_ran_gaussian_pdf (x, 1)), l1 = log (gsl_ran_gaussian_pdf (x - 1, 0.6));
      at[i] = (ratio_fit_point) { x, l0, l1, l1 + 0.01 * x, 0.02 + 0.01 * fabs (x) };
    }
  ratio_fit_grid_check c = ratio_fit_check_grid (h, "grid", at, 41, 2, 1, 1.5);
  check_close (h, "grid", "grid");
  at[20].log_f1_hat = at[20].log_f1 + 0.5;      /* x = 0, se 0.02 */
  ratio_fit_grid_check off = ratio_fit_check_grid (h, "grid_off", at, 41, 2, 1, 1.5);
  check_close (h, "grid_off", "one point off");
  fixture_harness_loud (f);
  /* even i with |-3 + 0.15 i - 1| <= 1.5: i = 18, 20, ..., 36 */
  tap_ok (c.n == 10 && fixture_result (h, "grid")->n_points == 10, "grid: 10 points (%d)", c.n);
  tap_close (c.worst_rel, expm1 (0.024), 1e-12, "grid: the worst relative error at x = 2.4");
  tap_close (c.worst_se, 0.044, 1e-12, "grid: its standard error 0.02 + 0.01 · 2.4");
  tap_ok (fixture_held (h, "grid") == 1, "grid: errors within a standard error hold");
  tap_ok (fixture_held (h, "grid_off") == 0 && off.n == 10
          && fabs (off.worst_rel - expm1 (0.5)) < 1e-12 && off.worst_se == 0.02,
          "negative control: a point 25 se off fails the check and is the worst");
  fixture_harness_quiet (f);
}

static double
f0_sigmoid (double x, void *params)
{
  const double *q = params;
  return gsl_ran_gaussian_pdf (x, 1) / (1 + exp (-(q[0] + q[1] * x + q[2] * x * x)));
}

static void
test_mass (void)
{
  const double a = 0.2, b = 0.3, c = -0.1, q[3] = { a, b, c };
  ratio_fit rf = { .n1 = 1, .n0 = 1 };
  rf.lf.theta = gsl_vector_alloc (3);
  rf.lf.cov = gsl_matrix_alloc (3, 3);
  gsl_matrix_set_identity (rf.lf.cov);
  gsl_matrix_scale (rf.lf.cov, 0.01);
  for (int j = 0; j < 3; j++)
    gsl_vector_set (rf.lf.theta, j, q[j]);
  double v = 1 / (1 - 2 * c), mu = b * v, z = exp (a) * sqrt (v) * exp (b * b * v / 2);
  double abserr, se, total = ratio_fit_check_mass (&rf, 0, 1, 0, &abserr, &se);
  tap_close (total, z, 1e-9 * z, "mass: ∫ N(x; 0, 1) e^{θ·φ} dx in closed form (%.9f)", z);
  double g2 = z * z + z * mu * z * mu + z * (v + mu * mu) * z * (v + mu * mu);
  tap_close (se, 0.1 * sqrt (g2), 1e-8, "mass: the delta-method standard error, Σ = 0.01 I");
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (1000);
  gsl_function fn = { f0_sigmoid, (void *) q };
  double ref, ref_err;
  gsl_integration_qagi (&fn, 1e-13, 1e-12, 1000, w, &ref, &ref_err);
  gsl_integration_workspace_free (w);
  double no_odds = ratio_fit_check_mass (&rf, 0, 1, 1, &abserr, &se);
  tap_close (no_odds, ref, 1e-9, "mass without the odds: ∫ N(x; 0, 1) σ(θ·φ) dx by QAGI (%.9f)",
             ref);
  tap_ok (fabs (no_odds - z) > 0.1, "negative control: without the odds it misses the closed"
          " form by %.3f", fabs (no_odds - z));
  gsl_vector_set (rf.lf.theta, 2, 0.5);
  tap_ok (isinf (ratio_fit_check_mass (&rf, 0, 1, 0, &abserr, &se)),
          "an x² coefficient of 1/(2 s0²) is not integrable: +inf");
  ratio_fit_free (&rf);
}

static void
test_normalised (harness * h, fixture_harness * f)
{
  const normal_pair g = { 0, 1, 1, 0.6 };
  double p1 = 1 / 0.36, q[3] = { log (1 / 0.6) - 0.5 * p1, p1, 0.5 * (1 - p1) };
  ratio_fit rf = { .n1 = 1, .n0 = 1 };
  rf.lf.theta = gsl_vector_alloc (3);
  rf.lf.cov = gsl_matrix_alloc (3, 3);
  gsl_matrix_set_identity (rf.lf.cov);
  gsl_matrix_scale (rf.lf.cov, 1e-6);
  for (int j = 0; j < 3; j++)
    gsl_vector_set (rf.lf.theta, j, q[j]);
  ratio_fit_check_normalised (h, "mass", &rf, &g, 0);
  ratio_fit_check_normalised (h, "mass_no_odds", &rf, &g, 1);
  gsl_vector_set (rf.lf.theta, 2, 0.5);
  ratio_fit_check_normalised (h, "mass_divergent", &rf, &g, 0);
  fixture_harness_loud (f);
  tap_ok (fixture_held (h, "mass") == 1 && fixture_result (h, "mass")->n_points == 1,
          "normalised: f̂1 = f1 = N(1, 0.6²) integrates to 1, one point, the check holds");
  tap_ok (fixture_held (h, "mass_no_odds") == 0,
          "negative control: without the odds, ∫ f0 f1/(f0 + f1) < 1 fails it");
  tap_ok (fixture_held (h, "mass_divergent") == 0,
          "negative control: an x² coefficient of 1/2 (not integrable) fails it");
  fixture_harness_quiet (f);
  ratio_fit_free (&rf);
}

int
main (void)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  test_theta (h, &f);
  test_grid (h, &f);
  test_normalised (h, &f);
  fixture_harness_loud (&f);
  test_mass ();
  fixture_harness_end (&f);
  return tap_done ();
}
