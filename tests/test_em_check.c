/* test_em_check.c -- lib/em_check: EM's promises as a claim's checks.
 *
 * On 200 draws from a two-component 1-D mixture, 10 iterations of EM
 * from a wide start with probes at t = 0 and 3.  The counts of points are
 * worked by hand: F is compared at 9 E half-steps (t = 1..9) and 10 M
 * half-steps, the likelihood and F <= log p(x|θ) at 10 iterations, the
 * M-step against BFGS on 2 probes x 5 coordinates of θ = (logit, μ1,
 * log σ1, μ2, log σ2); every check holds.  Against a different
 * implementation: the last log-likelihood the run checks is that of
 * lib/gmm's own EM loop (gmm_em) after 10 iterations.  Without probes the
 * M-step is not compared.
 * Negative controls: F against the likelihood before the M-step (the
 * M-step raises F above it), and the M-step with its weights shrunk 0.1
 * toward uniform (off argmax_θ F), each fail their check. */
#include "em_check.h"
#include "fixture_harness.h"
#include "rng.h"
#include "tap.h"

#include <math.h>

static const check_spec CHECKS[] = {
  {"le", "test", "F <= log p(x|θ)", REL_LE, EXPECT_HOLDS, NULL},
  {"F", "test", "F never decreases", REL_GE, EXPECT_HOLDS, NULL},
  {"ll", "test", "log p(x|θ) never decreases", REL_GE, EXPECT_HOLDS, NULL},
  {"argmax", "test", "M-step = argmax F", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_em_check", .title = "em_check test", .claim = "", .sources = "",
  CLAIM_CHECKS (CHECKS), .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};
enum { ITERS = 10 };
static const char *IDS[] = { "le", "F", "ll", "argmax" };

/* One run under C: each check's verdict and count of points, and the last
   log-likelihood checked. */
typedef struct { int held[4]; size_t n[4]; double ll_last; } outcome;

static outcome
run (const em_check * c, const gmm * start, const gsl_matrix * x)
{
  outcome o;
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  em_check_run (h, c, "1-D", start, x, ITERS);
  const check_result *ll = fixture_result (h, "ll");
  o.ll_last = ll->n_points == ITERS ? ll->pts_obs[ITERS - 1].value : NAN;
  for (int i = 0; i < 4; i++)
    {
      o.n[i] = fixture_result (h, IDS[i])->n_points;
      o.held[i] = -1;           /* not closed: no evidence to close on */
      if (o.n[i] == 0)
        continue;
      check_close (h, IDS[i], "test");
      o.held[i] = fixture_held (h, IDS[i]);
    }
  fixture_harness_end (&f);
  return o;
}

int
main (void)
{
  static const double w[] = { 0.6, 0.4 }, mu[] = { -2, 2 }, var[] = { 1, 0.5 };
  static const double w0[] = { 1, 1 }, mu0[] = { -0.5, 0.5 }, var0[] = { 4, 4 };
  gmm *truth = gmm_alloc_from (2, 1, w, mu, var, 1.0);
  gmm *start = gmm_alloc_from (2, 1, w0, mu0, var0, 1.0);
  gsl_rng *r = rng_new (1);
  gsl_matrix *x = gmm_sample_n (r, truth, 200), *q = gsl_matrix_alloc (200, 2);
  const em_check good = { "le", "F", "ll", "argmax", {0, 3}, 2, 0, EM_VARIANT_NONE };

  outcome o = run (&good, start, x);
  tap_ok (o.held[0] == 1 && o.held[1] == 1 && o.held[2] == 1 && o.held[3] == 1,
          "closed-form EM: all four checks hold");
  tap_ok (o.n[0] == 10 && o.n[1] == 19 && o.n[2] == 10 && o.n[3] == 10,
          "points by hand: 10 F <= ll, 9 + 10 F rises, 10 ll rises, 2 x 5 coordinates"
          " (%zu %zu %zu %zu)",
          o.n[0], o.n[1], o.n[2], o.n[3]);
  gmm *g = gmm_alloc (2, 1);
  gmm_memcpy (g, start);
  gmm_em (g, x, q, ITERS);
  double ll_ref = gmm_log_likelihood (g, x);
  tap_close (o.ll_last, ll_ref, 1e-9 * fabs (ll_ref),
             "the last log-likelihood = gmm_em's after 10 iterations");

  em_check none = good;
  none.n_probes = 0;
  o = run (&none, start, x);
  tap_ok (o.n[3] == 0 && o.n[1] == 19, "no probes: the M-step is not compared, F still is");

  em_check before = good;
  before.ll_before = 1;
  o = run (&before, start, x);
  tap_ok (o.held[0] == 0 && o.held[1] == 1,
          "negative control: F against log p(x|θ^t) before the M-step fails");
  em_check shrunk = good;
  shrunk.variant.weight_shrink = 0.1;
  o = run (&shrunk, start, x);
  tap_ok (o.held[3] == 0, "negative control: weights shrunk toward uniform are not argmax F");

  gmm_free (g), gmm_free (start), gmm_free (truth);
  gsl_matrix_free (q), gsl_matrix_free (x);
  gsl_rng_free (r);
  return tap_done ();
}
