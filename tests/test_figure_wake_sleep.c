/* test_figure_wake_sleep.c -- lib/figure_wake_sleep.c on a claim of its
 * own (its TAP goes to /dev/null).
 *
 * Wake-sleep with the seed's sleep step (recog_sleep_fit) on N = 400 data
 * from θ0.  Independent references: the log-likelihood at the start and
 * the maximum, each the average of GSL's multivariate Gaussian log-density
 * (gsl_ran_multivariate_gaussian_log_pdf) at C = W Wᵀ + s² I, and at the
 * sample mean and 1/N covariance; properties that hold whatever the steps
 * do: the ELBO never above the log-likelihood (Jensen), the log-likelihood
 * never above its maximum, the inclusive KLs never negative.  The run
 * writes one row per iteration and its iteration 0 has no KL after a wake
 * step (NaN); the script draws block *BLOCK, which advances by one, and
 * the spec is left at the last iteration.  The seed's steps end within
 * 0.01 nats of the maximum with an inclusive KL below 0.01; the negative
 * control, a sleep step that ignores x (q_φ = the prior N(0, 1)), is
 * shown to miss the maximum by more than 0.05.  The page, after a derivation
 * of one line: a multiplot of three under its title, the lines' panel
 * before the keys' font and the two panels, which plot the block after the
 * lines' blocks -- the one headed "wake-sleep", which the page's first
 * block (the negative control: the panels drawn at block 0) is not; its
 * maximum is GSL's. */
#include "figure_wake_sleep.h"
#include "fixture_harness.h"
#include "fixture_page.h"
#include "line_fn.h"
#include "tap.h"

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"c", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_figure_wake_sleep", .title = "figure test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, .samples_default = 10, .samples_quick = 10,
  .figure_caption = "",
};

/* the page's claim: fixture_page.h's one line, 1 = 1 */
static const claim PAGE = {
  .slug = "test_figure_wake_sleep_page", .title = "page test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, CLAIM_DERIVATIONS (&fixture_page_one),
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

#define N 400
#define ITERS 30
static const recog_theta THETA0 = { {1.2, -0.7}, {0.5, -1.0}, 0.5 };

static recog_phi
seed_sleep (void *ctx, const recog_theta * t, long m, double *inv_diag)
{
  double z_var;
  return recog_sleep_fit (harness_rng (ctx), t, m, inv_diag, &z_var);
}

/* negative control: q_φ(z|x) = p(z), whatever θ */
static recog_phi
prior_sleep (void *ctx, const recog_theta * t, long m, double *inv_diag)
{
  (void) ctx, (void) t, (void) m, (void) inv_diag;
  return (recog_phi) { {0, 0}, 0, 1 };
}

/* (1/N) Σ log N(x^i; MU, C) by GSL */
static double
gsl_average_log_pdf (const recog_data * d, const double mu[2], const double c[3])
{
  double cv[4] = { c[0], c[1], c[1], c[2] }, s = 0;
  gsl_matrix_view cm = gsl_matrix_view_array (cv, 2, 2);
  gsl_vector_const_view m = gsl_vector_const_view_array (mu, 2);
  gsl_vector *work = gsl_vector_alloc (2);
  gsl_linalg_cholesky_decomp1 (&cm.matrix);
  for (size_t i = 0; i < d->n; i++)
    {
      double lp;
      gsl_vector_const_view x = gsl_vector_const_view_array (d->x[i], 2);
      gsl_ran_multivariate_gaussian_log_pdf (&x.vector, &m.vector, &cm.matrix, &lp, work);
      s += lp;
    }
  gsl_vector_free (work);
  return s / (double) d->n;
}

typedef struct
{
  double row[ITERS + 1][5];
  int rows, block_after, script_ok;
  double mle, last_ll;
} run_result;

/* Runs wake-sleep with SLEEP from the start of the claim, at block 0 (the figure's first). */
static run_result
run (const recog_data * d, figure_wake_sleep_fit sleep)
{
  run_result o = { .rows = 0 };
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  int block = 0;
  figure_wake_sleep_spec s = { d, { {0.3, 0.3}, {0.0, 0.0}, 2.0 }, { {0.0, 0.0}, 0.0, 1.0 },
    2000, ITERS, sleep, h };
  o.mle = figure_wake_sleep (h, &block, &s);
  o.block_after = block;
  o.last_ll = recog_average_log_lik (&s.theta, d);
  const char *p = strstr (sbuf_str (harness_figure_data (h)), "# block 0: wake-sleep, N = 400");
  const char *gp = sbuf_str (harness_figure_script (h));
  char mle_line[64];
  snprintf (mle_line, sizeof mle_line, "mle = %.8g\n", o.mle);
  o.script_ok = strstr (gp, mle_line) && strstr (gp, "datafile index 0 using 1:3")
    && strstr (gp, "datafile index 0 using 1:4") && !strstr (gp, "index 1");
  for (int k = 0; k < 2 && p; k++)        /* past the two header lines */
    p = strchr (p, '\n') + 1;
  while (p && *p && *p != '\n' && o.rows <= ITERS)
    {
      char *end = (char *) p;
      for (int c = 0; c < 5; c++)
        o.row[o.rows][c] = strtod (end, &end);
      o.rows++;
      p = strchr (end, '\n') + 1;
    }
  check_inconclusive (h, "c", "not run");
  fixture_harness_loud (&f);
  fixture_harness_end (&f);
  return o;
}

/* Does data block K (blocks "\n\n\n" apart, the first at the start) open with
   wake-sleep's header? */
static int
block_is_wake_sleep (const char *data, int k)
{
  const char *p = data;
  char head[64];
  for (int b = 0; b < k && p; b++)
    {
      p = strstr (p, "\n\n\n");
      p = p ? p + 3 : NULL;
    }
  snprintf (head, sizeof head, "# block %d: wake-sleep", k);
  return p && strncmp (p, head, strlen (head)) == 0;
}

static void
test_page (const recog_data * d, double mle)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &PAGE);
  check_compare (h, "c", est_exact (1, 0), est_exact (1, 0), "one point");
  harness_run_derivations (h);
  figure_wake_sleep_spec s = { d, { {0.3, 0.3}, {0.0, 0.0}, 2.0 }, { {0.0, 0.0}, 0.0, 1.0 },
    500, 3, seed_sleep, h };
  double got = figure_wake_sleep_page (h, "the page", "the lines", &s);
  const char *data = sbuf_str (harness_figure_data (h));
  const char *gp = sbuf_str (harness_figure_script (h));
  fixture_harness_loud (&f);
  const char *head = "set multiplot layout 1,3 title 'the page'\n";
  const char *lines = strstr (gp, "set title 'the lines'");
  const char *key = lines ? strstr (lines, "set key font ',8' spacing 0.75\n") : NULL;
  const char *at = key ? strstr (key, "datafile index ") : NULL;
  int k = at ? atoi (at + strlen ("datafile index ")) : -1;
  tap_ok (strncmp (gp, head, strlen (head)) == 0 && key && at && strstr (key, "mle = ")
          && strcmp (gp + strlen (gp) - 16, "unset multiplot\n") == 0,
          "page: one multiplot under its title, the lines' panel, the keys' font, the panels");
  tap_ok (k > 0 && block_is_wake_sleep (data, k), "page: the panels plot block %d,"
          " wake-sleep's", k);
  tap_ok (!block_is_wake_sleep (data, 0), "negative control: block 0 is the lines' panel's");
  tap_close (got, mle, 1e-10 * fabs (mle), "page: its maximum is GSL's");
  fixture_harness_end (&f);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  recog_data d = recog_data_sample (r, &THETA0, N);
  gsl_rng_free (r);

  run_result o = run (&d, seed_sleep);
  tap_ok (o.rows == ITERS + 1 && o.row[0][0] == 0 && o.row[ITERS][0] == ITERS,
          "one row per iteration 0 .. %d (%d rows)", ITERS, o.rows);
  tap_ok (isnan (o.row[0][3]) && !isnan (o.row[1][3]), "iteration 0 has no KL after a wake step");
  const double c0[3] = { 0.3 * 0.3 + 2.0, 0.3 * 0.3, 0.3 * 0.3 + 2.0 }, b0[2] = { 0, 0 };
  double ll0 = gsl_average_log_pdf (&d, b0, c0);
  tap_close (o.row[0][2], ll0, 1e-7 * fabs (ll0), "the start's log-likelihood = GSL's (%.8g)", ll0);
  double xs[2][N], mu[2], s[3];
  for (int i = 0; i < N; i++)
    xs[0][i] = d.x[i][0], xs[1][i] = d.x[i][1];
  for (int j = 0; j < 2; j++)
    mu[j] = gsl_stats_mean (xs[j], 1, N);
  s[0] = gsl_stats_variance_m (xs[0], 1, N, mu[0]) * (N - 1) / N;
  s[1] = gsl_stats_covariance_m (xs[0], 1, xs[1], 1, N, mu[0], mu[1]) * (N - 1) / N;
  s[2] = gsl_stats_variance_m (xs[1], 1, N, mu[1]) * (N - 1) / N;
  double mle = gsl_average_log_pdf (&d, mu, s);
  tap_close (o.mle, mle, 1e-10 * fabs (mle), "the maximum = GSL's at the sample moments (%.10g)",
             mle);
  int bounded = 1;
  for (int k = 0; k <= ITERS; k++)
    bounded &= o.row[k][1] <= o.row[k][2] + 1e-7 && o.row[k][2] <= o.mle + 1e-7
      && o.row[k][4] >= 0 && (k == 0 || o.row[k][3] >= 0);
  tap_ok (bounded, "ELBO <= log-lik <= maximum, inclusive KLs >= 0, at every iteration");
  tap_ok (o.block_after == 1 && o.script_ok,
          "the script draws block 0 and mle; *BLOCK advances to 1");
  tap_close (o.last_ll, o.row[ITERS][2], 1e-7 * fabs (o.last_ll),
             "the spec is left at the last θ");
  tap_ok (o.mle - o.row[ITERS][2] < 0.01 && o.row[ITERS][4] < 0.01,
          "the seed's steps end near the maximum (%.3g below) with KL %.3g",
          o.mle - o.row[ITERS][2], o.row[ITERS][4]);
  run_result bad = run (&d, prior_sleep);
  tap_ok (bad.rows == ITERS + 1 && bad.mle - bad.row[ITERS][2] > 0.05,
          "negative control: a sleep step that ignores x misses the maximum (%.3g below)",
          bad.mle - bad.row[ITERS][2]);
  test_page (&d, mle);
  free (d.x);
  return tap_done ();
}
