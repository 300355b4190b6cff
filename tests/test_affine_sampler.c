/* test_affine_sampler.c -- the sampler's matrix against a case worked by
   hand, and its checks inside a claim of its own (TAP to /dev/null): the
   right maps pass mean, covariance and KS, and the figure's draws have the
   covariance S Sᵀ = ((1.25, 1), (1, 4)) computed by hand.  Negative
   controls: each fault fails the check it is meant for (σ² for σ and Sᵀ for
   S the covariance, A (μ + z0) the mean, uniform noise only KS), and the
   figure's draws of μ + Sᵀz0 miss S Sᵀ.  The page, in a claim of one line
   and both samplers' checks, opens a multiplot of three, the lines panel
   first, then the diagonal and the full map's panels from block 1 in that
   order, named by their maps, the full draws (block 3) of covariance
   S Sᵀ by hand; negative control: with the full sampler transposed its
   covariance check fails and the same block misses S Sᵀ. */
#include "affine_sampler.h"
#include "figure_ellipse.h"
#include "fixture_harness.h"
#include "fixture_page.h"
#include "line_fn.h"
#include "point_affine.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CHECK3(p) GAUSS_SAMPLE_CHECKS (p, "μ + A z0", "A Aᵀ", "|Aᵀu|²")
static const check_spec CHECKS[] = { CHECK3 ("diag"), CHECK3 ("full"), CHECK3 ("sq"),
  CHECK3 ("tr"), CHECK3 ("mapped"), CHECK3 ("unif") };
static const claim CLAIM = {
  .slug = "test_affine_sampler", .title = "affine_sampler test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 20000,
  .samples_quick = 20000, .figure_caption = "",
};

/* μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2)) */
static point P;

static int
equal4 (const double *a, double a0, double a1, double a2, double a3)
{
  return a[0] == a0 && a[1] == a1 && a[2] == a2 && a[3] == a3;
}

static void
test_matrix (void)
{
  double a[4];
  affine_sampler s = { .full = 0 };
  affine_sampler_matrix (&P, &s, a);
  tap_ok (equal4 (a, 1, 0, 0, 2), "diag σ = diag(1, 2)");
  s.sigma_squared = 1, s.transposed = 1;
  affine_sampler_matrix (&P, &s, a);
  tap_ok (equal4 (a, 1, 0, 0, 4), "σ² for σ: diag(1, 4) (transposed not read)");
  s.full = 1, s.sigma_squared = 0, s.transposed = 0;
  affine_sampler_matrix (&P, &s, a);
  tap_ok (equal4 (a, 1, 0.5, 0, 2), "S = ((1, 0.5), (0, 2))");
  s.sigma_squared = 1, s.transposed = 1;
  affine_sampler_matrix (&P, &s, a);
  tap_ok (equal4 (a, 1, 0, 0.5, 2), "Sᵀ = ((1, 0), (0.5, 2)) (σ² not read)");
}

/* The sample covariance about μ of the draws in block BLOCK of the figure
   data, the draws of WHAT, against S Sᵀ by hand (2000 draws: standard errors below 0.15) */
static int
figure_cov_ok (const char *data, int block, const char *what)
{
  char head[96];
  snprintf (head, sizeof head, "# block %d: first draws of %s\n# g1 g2\n", block, what);
  const char *s = strstr (data, head);
  double x, y, c[3] = { 0 };
  int len, n = 0;
  for (s = s ? s + strlen (head) : ""; sscanf (s, "%lf %lf\n%n", &x, &y, &len) == 2; s += len)
    n++, c[0] += (x - 0.5) * (x - 0.5), c[1] += (x - 0.5) * (y + 1), c[2] += (y + 1) * (y + 1);
  return n == FIGURE_ELLIPSE_DRAWS && fabs (c[0] / n - 1.25) < 0.3 && fabs (c[1] / n - 1) < 0.4
    && fabs (c[2] / n - 4) < 0.8;
}

static void
test_checks (void)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  const char *const ids[6][3] = { GAUSS_SAMPLE_IDS ("diag"), GAUSS_SAMPLE_IDS ("full"),
    GAUSS_SAMPLE_IDS ("sq"), GAUSS_SAMPLE_IDS ("tr"), GAUSS_SAMPLE_IDS ("mapped"),
    GAUSS_SAMPLE_IDS ("unif") };
  const affine_sampler s[6] = { {.full = 0}, {.full = 1}, {.full = 0, .sigma_squared = 1},
    {.full = 1, .transposed = 1}, {.full = 1, .mean_mapped = 1},
    {.full = 0, .noise = GAUSS_NOISE_UNIFORM} };
  for (int k = 0; k < 6; k++)
    affine_sampler_check (h, &P, &s[k], ids[k], k == 1 || k == 3 ? "full" : "other", "A Aᵀ", 8, 20000,
                          2 * k);
  int fig_ok = figure_cov_ok (sbuf_str (harness_figure_data (h)), 2, "full");
  int fig_tr = figure_cov_ok (sbuf_str (harness_figure_data (h)), 6, "full");
  fixture_harness_loud (&f);
  for (int k = 0; k < 2; k++)
    tap_ok (fixture_held (h, ids[k][0]) == 1 && fixture_held (h, ids[k][1]) == 1
            && fixture_held (h, ids[k][2]) == 1, "%s map: mean, covariance and KS hold",
            k ? "full" : "diagonal");
  tap_ok (fig_ok, "the figure's 2000 draws of μ + S z0 have covariance ((1.25, 1), (1, 4))");
  tap_ok (!fig_tr, "those of μ + Sᵀz0 (Sᵀ S = ((1, 0.5), (0.5, 4.25))) do not");
  tap_ok (fixture_held (h, "sq_cov") == 0, "σ² for σ fails the covariance check");
  tap_ok (fixture_held (h, "tr_cov") == 0, "Sᵀ for S fails the covariance check");
  tap_ok (fixture_held (h, "mapped_mean") == 0, "S (μ + z0) fails the mean check");
  tap_ok (fixture_held (h, "unif_mean") == 1 && fixture_held (h, "unif_cov") == 1
          && fixture_held (h, "unif_ks") == 0, "uniform noise fails only KS");
  fixture_harness_end (&f);
}

/* the page's claim: the two samplers' checks and one line for the lines panel */
static const check_spec PAGE_CHECKS[] = { CHECK3 ("diag"), CHECK3 ("full") };
static const claim PAGE = {
  .slug = "test_affine_sampler_page", .title = "page test", .claim = "", .sources = "",
  .checks = PAGE_CHECKS, .n_checks = COUNT_OF (PAGE_CHECKS), CLAIM_DERIVATIONS (&fixture_page_one),
  .samples_default = 20000, .samples_quick = 20000, .figure_caption = "",
};

/* STR has A, then B from there on, then C from there on */
static int
in_order (const char *str, const char *a, const char *b, const char *c)
{
  const char *p = strstr (str, a), *q = p ? strstr (p, b) : NULL;
  return q && strstr (q, c);
}

/* The page with the full sampler as written or TRANSPOSED */
static void
test_page (int transposed)
{
  static const char *const ids[2][3] = { GAUSS_SAMPLE_IDS ("diag"), GAUSS_SAMPLE_IDS ("full") };
  const affine_sampler s[2] = { {.full = 0}, {.full = 1, .transposed = transposed} };
  double p_min[2];
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &PAGE);
  harness_run_derivations (h);
  affine_sampler_page (h, "the lines", &P, s, ids, 8, 20000, p_min);
  fixture_harness_loud (&f);
  const char *gp = sbuf_str (harness_figure_script (h)), *data = sbuf_str (harness_figure_data (h));
  int cov_ok = figure_cov_ok (data, 3, "μ + S z0");
  if (transposed)
    {
      tap_ok (fixture_held (h, "full_cov") == 0 && !cov_ok,
              "negative control: the page's full sampler transposed fails its covariance check,"
              " and its draws miss S Sᵀ");
      fixture_harness_end (&f);
      return;
    }
  tap_ok (in_order (gp, "set multiplot layout 1,3\n", "set title 'the lines'",
                    "set title 'μ + σ⊙z_0 ∼ N(μ, diag σ^2)'\nplot datafile index 1 ")
          && in_order (gp, "index 1 ",
                       "set title 'μ + S z_0 ∼ N(μ, S S^T)'\nplot datafile index 3 ",
                       "unset multiplot\n"),
          "the page: a multiplot of three, the lines panel, then the diagonal and the full map's");
  tap_ok (strstr (data, "# block 1: first draws of μ + σ⊙z0\n") && cov_ok,
          "the diagonal draws are block 1; the full ones, block 3, have covariance S Sᵀ by hand");
  tap_ok (fixture_held (h, "diag_cov") == 1 && fixture_held (h, "full_ks") == 1 && p_min[0] > 0
          && p_min[1] > 0 && p_min[0] <= 1 && p_min[1] <= 1,
          "both samplers' checks hold, p-values in (0, 1]");
  fixture_harness_end (&f);
}

int
main (void)
{
  char err[200];
  if (point_affine_template.parse (&point_affine_template,
                                   "d = 2, μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2))",
                                   &P, err, sizeof err))
    tap_ok (0, "parse: %s", err);
  test_matrix ();
  test_checks ();
  test_page (0);
  test_page (1);
  return tap_done ();
}
