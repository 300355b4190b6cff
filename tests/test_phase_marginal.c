/* test_phase_marginal.c -- lib/phase_marginal against closed forms.
 *
 * phase_marginal_at of a Gaussian in p, c e^{-u} N(p; m, s²I), is c e^{-u}
 * whatever m and s (s not far from the scale 1 the quadrature is placed
 * at); of e^{-u} e^{-|p|²} / (2π), K without its 1/2, it is e^{-u}/2; of
 * e^{-u/T} e^{-|p|²/(2T)} / (2π) it is T e^{-u/T}, all by hand.  The
 * harness check, run as a claim inside the test (TAP to /dev/null), holds
 * for the canonical density at T = 1 and fails, as negative controls, for
 * K without its 1/2 and for T = 1.25. */
#include "phase_marginal.h"
#include "fixture_harness.h"
#include "rng.h"
#include "tap.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

/* (c, m1, m2, s): c e^{-u} N(p; (m1, m2), s² I), by GSL's normal (its
   bivariate one is NaN at the infinite ends of the tails: 0 · ∞ in ρ u v) */
static double
shifted_gaussian (double u, const double *p, void *params)
{
  const double *a = params;
  return a[0] * exp (-u) * gsl_ran_gaussian_pdf (p[0] - a[1], a[3])
    * gsl_ran_gaussian_pdf (p[1] - a[2], a[3]);
}

/* e^{-u/T} e^{-K(p)/T} / (2π), K = |p|²/2, or |p|² when HALF is 0 */
typedef struct { double t; int half; } canonical;

static double
canonical_density (double u, const double *p, void *params)
{
  const canonical *c = params;
  double k = (p[0] * p[0] + p[1] * p[1]) / (c->half ? 2 : 1);
  return exp (-u / c->t) * exp (-k / c->t) / (2 * M_PI);
}

#define C(id) {id, "harness", "", REL_EQ, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = { C ("canonical"), C ("no_half"), C ("tempered") };
static const claim CLAIM = {
  .slug = "test_phase_marginal", .title = "", .claim = "", .sources = "", .checks = CHECKS,
  .n_checks = COUNT_OF (CHECKS), .samples_default = 100, .samples_quick = 100,
  .figure_caption = "",
};

static void
test_closed_forms (void)
{
  quad_result q;
  double a[4] = { 1, 0, 0, 1 };
  tap_ok (phase_marginal_at (shifted_gaussian, a, 0.7, &q) == 0, "N(0, I) at u = 0.7: integrated");
  tap_close (q.value, exp (-0.7), 1e-11 * exp (-0.7), "∫∫ e^{-u} N(p; 0, I) dp = e^{-u}");
  tap_ok (q.abserr < 1e-9 && q.abserr >= fabs (q.value - exp (-0.7)),
          "its error bound %.3g covers the error", q.abserr);
  double b[4] = { 2.5, 0.8, -1.3, 0.6 };
  tap_ok (phase_marginal_at (shifted_gaussian, b, -1.2, &q) == 0,
          "shifted N at u = -1.2: integrated");
  tap_close (q.value, 2.5 * exp (1.2), 1e-10 * 2.5 * exp (1.2),
             "∫∫ 2.5 e^{-u} N(p; (0.8, -1.3), 0.36 I) dp = 2.5 e^{-u}");
  canonical no_half = { 1, 0 }, tempered = { 1.25, 1 };
  phase_marginal_at (canonical_density, &no_half, 3, &q);
  tap_close (q.value, exp (-3) / 2, 1e-11 * exp (-3), "K = |p|²: the marginal is e^{-u}/2");
  phase_marginal_at (canonical_density, &tempered, 3, &q);
  tap_close (q.value, 1.25 * exp (-3 / 1.25), 1e-11 * exp (-3), "T = 1.25: T e^{-u/T}");
}

static void
test_check (const gsl_rng * r, const gmm * g)
{
  canonical right = { 1, 1 }, no_half = { 1, 0 }, tempered = { 1.25, 1 };
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  phase_marginal_check (h, "canonical", r, g, canonical_density, &right, "the canonical density",
                        6);
  phase_marginal_check (h, "no_half", r, g, canonical_density, &no_half, "K = |p|²", 6);
  phase_marginal_check (h, "tempered", r, g, canonical_density, &tempered, "T = 1.25", 6);
  fixture_harness_loud (&f);
  tap_ok (fixture_held (h, "canonical") == 1 && fixture_result (h, "canonical")->n_points == 6,
          "check: the canonical density at T = 1 holds at 6 points q ~ π");
  tap_ok (fixture_held (h, "no_half") == 0, "check: K without its 1/2 fails (negative control)");
  tap_ok (fixture_held (h, "tempered") == 0, "check: T = 1.25 fails (negative control)");
  fixture_harness_end (&f);
}

int
main (void)
{
  test_closed_forms ();
  gmm *g = gmm_alloc_mcmc_example (1.0);
  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  test_check (r, g);
  gsl_rng_free (r);
  gmm_free (g);
  return tap_done ();
}
