/* test_figure_batch_mean.c -- lib/figure_batch_mean: the panel shows each
 * curve as it was computed.
 *
 * Two hand-made curves over K = 1, 10, 100 on a panel, inside a claim run in
 * the test (its TAP to /dev/null): the data block holds K, each curve's mean
 * squared error, its band mse ± z·SE recomputed here, and σ²/K (no spread,
 * no bounds: NaN); the script
 * draws log axes, the bands as error bars and each closed form named
 * "<label>, quadrature / K"; the block counter advances. */
#include "figure_batch_mean.h"
#include "fixture_harness.h"
#include "fixture_rows.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static const claim CLAIM = {
  .slug = "test_figure_batch_mean", .title = "figure test", .claim = "", .sources = "",
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

int
main (void)
{
  static const double K[3] = { 1, 10, 100 };
  batch_mean_curve a = { { 2, 0.21, 0.019 }, { 0.1, 0.01, 0.002 }, { 2, 0.2, 0.02 } };
  batch_mean_curve b = { { 0.5, 0.049, 0.0051 }, { 0.05, 0.004, 0.0003 }, { 0.5, 0.05, 0.005 } };
  const batch_mean_curve *const curves[2] = { &a, &b };
  static const char *const labels[2] = { "estimator a", "estimator b" };
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  int block = 0;
  figure_batch_mean (h, &block, "variance against K", K, 3, curves, labels, 2, 3);
  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  fixture_harness_loud (&f);
  tap_ok (block == 1, "one data block written (next %d)", block);
  double v[32];
  int n = fixture_row_at (data, 10, v, 32);
  tap_ok (n == 15 && isnan (v[5]) && isnan (v[13]) && isnan (v[14]),
          "a row: K, per curve mse, band lo, hi, σ²/K, spread lo, hi (none); bounds (none) (%d)",
          n);
  tap_ok (v[1] == 0.21 && v[4] == 0.2, "K = 10: a's mse and σ²/K");
  tap_close (v[2], 0.21 - 3 * 0.01, 1e-12, "a's band: mse - z·SE (z = 3)");
  tap_close (v[3], 0.21 + 3 * 0.01, 1e-12, "a's band: mse + z·SE");
  tap_ok (v[7] == 0.049 && v[10] == 0.05, "K = 10: b's mse and σ²/K");
  tap_close (v[8], 0.049 - 3 * 0.004, 1e-12, "b's band: mse - z·SE");
  n = fixture_row_at (data, 100, v, 32);
  tap_ok (n == 15 && v[1] == 0.019 && v[10] == 0.005, "K = 100: the last row, both curves");
  tap_ok (strstr (data, "# block 0: variance against K\n") != NULL, "the block is titled");
  tap_ok (strstr (gp, "set logscale x") != NULL && strstr (gp, "set logscale y") != NULL,
          "log axes");
  tap_ok (strstr (gp, "title 'estimator a, quadrature / K'") != NULL
          && strstr (gp, "title 'estimator b, quadrature / K'") != NULL,
          "each closed form named after its curve");
  tap_ok (strstr (gp, "yerrorbars") != NULL && strstr (gp, "filledcurves") == NULL,
          "the bands as error bars, not tubes");
  tap_ok (strstr (gp, "'samples per estimate K'") != NULL
          && strstr (gp, "'Var of the K-sample estimate'") != NULL, "the axes named");
  fixture_harness_end (&f);

  /* a row of two panels (components 0 and 1) of the two estimators: curves
     in estimator-major order, each panel placed and sized in turn */
  batch_mean_curve row[4] = { a, b, b, a };
  static const char *const titles[2] = { "component 0", "component 1" };
  harness *hr = fixture_harness_begin (&f, &CLAIM);
  block = 0;
  figure_batch_mean_row (hr, &block, 0.4, 0.6, titles, 2, K, 3, row, labels, 2, 3);
  data = sbuf_str (harness_figure_data (hr)), gp = sbuf_str (harness_figure_script (hr));
  fixture_harness_loud (&f);
  tap_ok (block == 2, "row: a data block per panel (next %d)", block);
  const char *o0 = strstr (gp, "set origin 0.4,0\nset size 0.3,1\n");
  const char *o1 = strstr (gp, "set origin 0.7,0\nset size 0.3,1\n");
  tap_ok (o0 && o1 && o0 < o1, "row: panels at 0.4 and 0.7, each 0.3 wide");
  const char *b1 = strstr (data, "# block 1: component 1\n");
  tap_ok (strstr (data, "# block 0: component 0\n") && b1, "row: each panel titled");
  n = fixture_row_at (b1 ? b1 : "", 10, v, 32);
  tap_ok (n == 15 && v[1] == 0.049 && v[7] == 0.21,
          "row: component 1 holds curve 1 of the first estimator, curve 3 of the second");
  fixture_harness_end (&f);
  return tap_done ();
}
