/* test_figure_normal_elbo_grad.c -- lib/figure_normal_elbo_grad: the two
 * panels hold the curves of their component.
 *
 * Four hand-made curves over K = 1, 10, 100 in normal_elbo_grad's order
 * (score ∂μ, score ∂v, reparameterization ∂μ, ∂v), each with its own mean
 * squared errors, drawn inside a claim run in the test: the script names
 * both panels after the bound ("∂VLB/∂μ", "∂VLB/∂v") and both estimators;
 * the ∂μ block holds the score ∂μ and reparameterization ∂μ values, the ∂v
 * block the two ∂v ones; the block counter advances by two; the bands are
 * mse ± z·SE with z the check's critical value.  Negative control: the ∂μ
 * block does not hold the score ∂v curve (a mix-up of the order, component
 * for estimator, would put it there). */
#include "figure_normal_elbo_grad.h"
#include "figure_converge.h"
#include "fixture_harness.h"
#include "fixture_rows.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"one_over_k", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_figure_normal_elbo_grad", .title = "figure test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 10, .samples_quick = 10,
  .figure_caption = "",
};

int
main (void)
{
  static const double K[3] = { 1, 10, 100 };
  batch_mean_curve c[NORMAL_ELBO_GRAD_N];
  for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
    for (int n = 0; n < 3; n++)
      {
        c[i].mse[n] = (i + 1) * 1.5 / K[n];     /* 1.5, 3, 4.5, 6 at K = 1 */
        c[i].se[n] = 0.1 / K[n];
        c[i].var_over_k[n] = (i + 1) * 1.5 / K[n];
      }
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  check_point (h, "one_over_k", est_exact (1, 0), est_exact (1, 0));
  check_close (h, "one_over_k", "closed before its bars are drawn");
  int block = 0;
  figure_normal_elbo_grad_row (h, &block, 0.46, 0.54, "VLB", K, 3, c, "one_over_k");
  double z = figure_converge_z (h, "one_over_k");
  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  fixture_harness_loud (&f);
  tap_ok (block == 2, "two data blocks written (next %d)", block);
  tap_ok (strstr (gp, "Variance of ∂VLB/∂μ estimators against K") != NULL
          && strstr (gp, "Variance of ∂VLB/∂v estimators against K") != NULL,
          "both panels titled after the bound");
  tap_ok (strstr (gp, "title 'score function, quadrature / K'") != NULL
          && strstr (gp, "title 'reparameterization, quadrature / K'") != NULL,
          "both estimators named");
  const char *b0 = strstr (data, "# block 0:"), *b1 = strstr (data, "# block 1:");
  double v[32];
  int n = fixture_row_at (b0 ? b0 : "", 1, v, 32);
  tap_ok (n == 15 && v[1] == 1.5 && v[7] == 4.5, "∂μ panel: score ∂μ and reparameterization ∂μ");
  tap_close (v[2], 1.5 - z * 0.1, 1e-8, "∂μ panel: band mse - z·SE, z of the check (%g)", z);
  n = fixture_row_at (b1 ? b1 : "", 1, v, 32);
  tap_ok (b1 && n == 15 && v[1] == 3 && v[7] == 6, "∂v panel: score ∂v and reparameterization ∂v");
  n = fixture_row_at (b0 ? b0 : "", 1, v, 32);
  tap_ok (v[1] != 3 && v[7] != 3, "negative control: the score ∂v curve is not in the ∂μ panel");
  fixture_harness_end (&f);
  return tap_done ();
}
