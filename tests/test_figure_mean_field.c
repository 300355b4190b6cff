/* test_figure_mean_field.c -- lib/figure_mean_field.c: the contours are
   those of the exact posterior and of the mean-field fit, by hand
   (Λ = I + θθᵀ, μ = θx/v, q* = N(μ, diag 1/Λ_ii)), the path starts at
   the shifted start and ends at μ, the blocks advance by four and the
   script names the caller's labels; the page wraps the lines panel and
   both panels in one multiplot, and the model is the claim's parameters,
   by hand, with --set theta1 moving it (a figure of the defaults caught).
   A claim of one check, run inside the test (its TAP goes to /dev/null). */
#include "figure_mean_field.h"
#include "fixture_harness.h"
#include "fixture_page.h"
#include "line_fn.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"c", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_figure_mean_field", .title = "figure test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, .samples_default = 10, .samples_quick = 10,
  .figure_caption = "",
};

/* the page's claim: the figure's parameters, and one line for its left panel */
static const param_spec PARAMS[] = { FIGURE_MEAN_FIELD_PARAMS (2, 1.5, 3) };
static const claim PAGE = {
  .slug = "test_figure_mean_field_page", .title = "page test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, CLAIM_PARAMS (PARAMS), CLAIM_DERIVATIONS (&fixture_page_one),
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

static const double T1 = 2, T2 = 1.5, XOBS = 3;

static rnd
seed_minus_one (const lingauss2 * q)
{
  return rnd_sub (lingauss2_elbo (q), rnd_exact (1));
}

/* The rows of the block headed HEAD in DATA up to its first blank line:
   N points (x, y) into XY; returns N. */
static int
read_points (const char *data, const char *head, double xy[][2], int max)
{
  const char *p = strstr (data, head);
  int n = 0;
  if (!p)
    return 0;
  p = strchr (p, '\n') + 1;
  while (n < max && *p && *p != '\n')
    {
      char *end;
      xy[n][0] = strtod (p, &end);
      xy[n][1] = strtod (end, &end);
      n++;
      p = strchr (end, '\n') + 1;
    }
  return n;
}

/* max over the points of |(z - μ)ᵀ A (z - μ) - 1|, A symmetric 2 x 2 */
static double
radius_error (double xy[][2], int n, const double mu[2], const double a[3])
{
  double worst = 0;
  for (int k = 0; k < n; k++)
    {
      double d0 = xy[k][0] - mu[0], d1 = xy[k][1] - mu[1];
      double r = a[0] * d0 * d0 + 2 * a[1] * d0 * d1 + a[2] * d1 * d1;
      worst = fmax (worst, fabs (r - 1));
    }
  return worst;
}

/* STR's text from A on (A, then B, then C in that order: 1) */
static int
in_order (const char *str, const char *a, const char *b, const char *c)
{
  const char *p = strstr (str, a), *q = p ? strstr (p, b) : NULL;
  return q && strstr (q, c);
}

static void
test_page (void)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &PAGE);
  check_compare (h, "c", est_exact (1, 0), est_exact (1, 0), "one point");
  harness_run_derivations (h);
  lingauss2 m = figure_mean_field_model (h);
  h->opt.param_values[0] = -1;  /* as --set theta1=-1 leaves it */
  lingauss2 w = figure_mean_field_model (h);
  figure_mean_field_page (h, "the lines", &(figure_mean_field_spec) {
    .model = w, .start_shift = {-2, 2.5}, .update = lingauss2_ascent_exact,
    .path_label = "the path", .seed_value = seed_minus_one, .seed_name = "(1.1)" });
  fixture_harness_loud (&f);
  const char *gp = sbuf_str (harness_figure_script (h));
  tap_ok (m.theta[0] == 2 && m.theta[1] == 1.5 && m.x == 3 && m.m[0] == 0 && m.m[1] == 0
          && m.s[0] == 1 && m.s[1] == 1 && m.b == 0 && m.psi == 1,
          "the model of the defaults: θ = (2, 1.5), x = 3, m = 0, s = 1, b = 0, ψ = 1");
  tap_ok (w.theta[0] == -1 && w.theta[1] == 1.5 && w.x == 3,
          "--set theta1=-1 moves θ1 only (a model of the defaults would be caught)");
  tap_ok (in_order (gp, "set multiplot layout 1,3\n", "set title 'the lines'",
                    "θ = (-1, 1.5), x = 3") && strstr (gp, "θ = (2, 1.5)") == NULL,
          "the page opens a multiplot of three, the lines panel first, then the set model's");
  tap_ok (in_order (gp, "title 'seed (1.1) at q*'", "unset multiplot\n", ""),
          "... and closes it after the ELBO panel");
  tap_ok (strstr (sbuf_str (harness_figure_data (h)), "# block 1: exact posterior") != NULL,
          "after the one line's block 0, the posterior is block 1");
  fixture_harness_end (&f);
}

int
main (void)
{
  test_page ();
  static double xy[400][2];
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  check_compare (h, "c", est_exact (1, 0), est_exact (1, 0), "one point");
  /* block 0, as figure_lines_against_truth writes before the panels */
  sbuf_append (harness_figure_data (h), "# block 0: two points\n0 0\n1 1\n");
  sbuf_append (harness_figure_script (h), "set multiplot layout 1,2\nplot datafile index 0\n");
  int block = 1;
  figure_mean_field (h, &block, &(figure_mean_field_spec) {
    .model = { {T1, T2}, XOBS, {0, 0}, {1, 1}, 0, 1 }, .start_shift = {-2, 2.5},
    .update = lingauss2_ascent_exact, .path_label = "the path", .seed_value = seed_minus_one,
    .seed_name = "(1.1)", .seed_line = NULL });
  fixture_harness_loud (&f);
  const char *data = sbuf_str (harness_figure_data (h));
  const char *gp = sbuf_str (harness_figure_script (h));
  double v = 1 + T1 * T1 + T2 * T2, mu[2] = { T1 * XOBS / v, T2 * XOBS / v };
  const double lambda[3] = { 1 + T1 * T1, T1 * T2, 1 + T2 * T2 };
  const double q_prec[3] = { 1 + T1 * T1, 0, 1 + T2 * T2 };
  int n = read_points (data, "# block 1: exact posterior", xy, 400);
  tap_ok (n == 201, "the posterior's first contour has 201 points (%d)", n);
  tap_ok (radius_error (xy, n, mu, lambda) < 1e-4,
          "they lie at (z - μ)ᵀ(I + θθᵀ)(z - μ) = 1 (to print precision)");
  n = read_points (data, "# block 3: mean-field fit", xy, 400);
  tap_ok (n == 201 && radius_error (xy, n, mu, q_prec) < 1e-4,
          "q*'s first contour lies at Σ (1 + θ_i²)(z_i - μ_i)² = 1");
  n = read_points (data, "# block 2: m after each mean update", xy, 400);
  tap_ok (n == 2 * LINGAUSS2_ASCENT_TRACE_SWEEPS + 1, "the path has the start and %d means (%d)",
          2 * LINGAUSS2_ASCENT_TRACE_SWEEPS, n);
  tap_close (xy[0][0], mu[0] - 2, 1e-9, "the path starts at μ1 - 2");
  tap_close (xy[0][1], mu[1] + 2.5, 1e-9, "... and μ2 + 2.5");
  /* 13 sweeps contract the error by ρ¹³ = ((θ1θ2)²/((1 + θ1²)(1 + θ2²)))¹³ ≈ 4e-4 */
  tap_close (xy[n - 1][0], mu[0], 3e-3, "it ends near the posterior mean, m1");
  tap_close (xy[n - 1][1], mu[1], 3e-3, "... and m2");
  tap_ok (block == 5, "four blocks written (next %d)", block);
  tap_ok (strstr (gp, "title 'the path'") && strstr (gp, "title 'seed (1.1) at q*'")
          && strstr (gp, "set title 'p(z|x) and q*(z), θ = (2, 1.5), x = 3'"),
          "the script names the path, the seed and the model");
  sbuf_append (harness_figure_script (h), "unset multiplot\n");
  fixture_harness_end (&f);
  return tap_done ();
}
