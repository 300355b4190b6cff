/* test_normal_elbo_grad_check.c -- lib/normal_elbo_grad_check on a claim of
 * its own (fixture_harness.h), on moments and curves written out here, not
 * computed by lib/normal_elbo_grad or lib/batch_mean:
 *   - variances: score-function variances 5 and 3 against reparameterization
 *     variances 1 and 0.5 hold as "score >= reparameterization", one point
 *     per component;
 *   - 1/K: curves whose K-sample mean squared errors are σ²/K (to 1e-6) hold
 *     at the sizes from FROM on, a point per size and estimator; the sizes
 *     before FROM hold NaN, which is not read.
 * Negative controls, each its own claim run: a reparameterization variance
 * (4) above the score function's (3) fails the first; one estimator's
 * errors at 2σ²/K (a batch of K/2 distinct draws) fail the second. */
#include "normal_elbo_grad_check.h"
#include "fixture_harness.h"
#include "tap.h"

#include <math.h>

static const check_spec CHECKS[] = {
  {"ge", "harness", "", REL_GE, EXPECT_HOLDS, NULL},
  {"eq", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_normal_elbo_grad_check", .title = "normal_elbo_grad_check test", .claim = "",
  .sources = "", .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 10,
  .samples_quick = 10, .figure_caption = "",
};

static const double K[4] = { 1, 4, 16, 64 };
static const double VAR[NORMAL_ELBO_GRAD_N] = { 5, 3, 1, 0.5 };

/* The moments of VAR, the ∂v reparameterization variance set to REPARAM_V */
static void
moments (batch_mean_moments * m, double reparam_v)
{
  for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
    m[i] = (batch_mean_moments) { 0, { VAR[i], 1e-12 }, 0 };
  m[NORMAL_ELBO_GRAD_REPARAM_VAR].var.value = reparam_v;
}

/* Curves at σ²/K (1 + 1e-6) with standard errors σ²/K / 100, NaN before
   size 2; curve WRONG (-1: none) at 2σ²/K */
static void
curves (batch_mean_curve * c, int wrong)
{
  for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
    for (int n = 0; n < 4; n++)
      {
        double v = VAR[i] / K[n] * (i == wrong ? 2 : 1);
        c[i].mse[n] = n < 2 ? NAN : v * (1 + 1e-6);
        c[i].se[n] = v / 100;
        c[i].var_over_k[n] = VAR[i] / K[n];
      }
}

/* Runs both checks on moments with REPARAM_V and curves with WRONG; the
   outcome of check ID, its points in *N_POINTS. */
static int
run (double reparam_v, int wrong, const char *id, size_t *n_points)
{
  batch_mean_moments m[NORMAL_ELBO_GRAD_N];
  batch_mean_curve c[NORMAL_ELBO_GRAD_N];
  moments (m, reparam_v);
  curves (c, wrong);
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  normal_elbo_grad_check_variances (h, "ge", m);
  check_close (h, "ge", "test");
  moments (m, VAR[NORMAL_ELBO_GRAD_REPARAM_VAR]);
  normal_elbo_grad_check_one_over_k (h, "eq", K, 2, 4, c, m);
  check_close (h, "eq", "test");
  fixture_harness_loud (&f);
  const check_result *r = fixture_result (h, id);
  int held = r->held;
  *n_points = r->n_points;
  fixture_harness_end (&f);
  return held;
}

int
main (void)
{
  size_t n;
  int held = run (0.5, -1, "ge", &n);
  tap_ok (held == 1 && n == 2,
          "score-function variances 5, 3 >= reparameterization 1, 0.5 hold (%zu points)", n);
  held = run (0.5, -1, "eq", &n);
  tap_ok (held == 1 && n == 8,
          "K · mse = σ² at K = 16, 64 for the four estimators holds; NaN before not read (%zu)", n);
  tap_ok (run (4, -1, "ge", &n) == 0,
          "negative control: a reparameterization variance 4 above the score's 3 fails");
  tap_ok (run (0.5, NORMAL_ELBO_GRAD_SCORE_VAR, "eq", &n) == 0,
          "negative control: one estimator at 2σ²/K (K/2 distinct draws) fails the 1/K law");
  return tap_done ();
}
