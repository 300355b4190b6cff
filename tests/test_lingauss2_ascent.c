/* test_lingauss2_ascent.c -- mean-field coordinate ascent on the
   two-latent linear-Gaussian model: the exact updates reach the fixed
   point Bishop PRML 10.1.2 gives by hand (the posterior mean θx/v, the
   variances 1/(1 + θ_i²)), the ELBO there is log p(x) - KL(q*||p) written
   out by hand, the trace records what lingauss2_ascent.h says; and the
   four checks hold for the exact updates and fail for wrong ones (a claim
   of its own, run inside the test; its TAP goes to /dev/null). */
#include "lingauss2_ascent.h"
#include "fixture_harness.h"
#include "tap.h"

#include <math.h>
#include <string.h>

#define CHECK4(p) {p "_monotone", "harness", "", REL_GE, EXPECT_HOLDS, NULL}, \
  {p "_mean", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_opt", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_var", "harness", "", REL_LE, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = { CHECK4 ("exact"), CHECK4 ("shift"), CHECK4 ("wide") };
static const claim CLAIM = {
  .slug = "test_lingauss2_ascent", .title = "lingauss2_ascent test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 1000,
  .samples_quick = 1000, .figure_caption = "",
};

/* The fixed point by hand, θ = (2, 1.5), x = 3, from a poor start */
static void
test_fixed_point (void)
{
  lingauss2 v = { {2, 1.5}, 3, {-4, 5}, {1, 1}, 0, 1 };
  lingauss2_ascent_trace t;
  double last = lingauss2_ascent_run (&v, lingauss2_ascent_exact, NULL, NULL, &t);
  double vv = 1 + 4 + 2.25;
  tap_ok (last == 0, "the run stops when a sweep leaves m2 unchanged (%g)", last);
  tap_close (v.m[0], 2 * 3 / vv, 1e-12, "m1* = θ1 x / v");
  tap_close (v.m[1], 1.5 * 3 / vv, 1e-12, "m2* = θ2 x / v");
  tap_close (v.s[0] * v.s[0], 1 / 5.0, 1e-15, "s1*² = 1/(1 + θ1²)");
  tap_close (v.s[1] * v.s[1], 1 / 3.25, 1e-15, "s2*² = 1/(1 + θ2²)");
  /* KL(q*||p) = ½(tr ΛS - 2 + log det S⁻¹ - log det Λ) = ½ log(Λ11 Λ22 / v) at d = 0 */
  double log_px = -0.5 * 9 / vv - 0.5 * log (vv) - 0.5 * log (2 * M_PI);
  double kl = 0.5 * log (5 * 3.25 / vv);
  tap_close (lingauss2_elbo (&v).value, log_px - kl, 1e-12, "L(q*) = log p(x) - KL(q*||p)");
  size_t sweeps = LINGAUSS2_ASCENT_TRACE_SWEEPS;
  tap_ok (t.n == 4 * sweeps + 1 && t.n_m == 2 * sweeps + 1,
          "the trace holds the start and %zu sweeps (%zu ELBOs, %zu means)", sweeps, t.n, t.n_m);
  tap_ok (t.m[0][0] == -4 && t.m[0][1] == 5 && t.update[0] == 0, "the trace starts at the start");
  int rising = 1, numbered = 1;
  for (size_t k = 1; k < t.n; k++)
    {
      rising &= t.elbo[k] >= t.elbo[k - 1] - 1e-13;
      numbered &= t.update[k] == (double) k;
    }
  tap_ok (rising && numbered, "the traced ELBO rises at every update, numbered 1, 2, ...");
  tap_close (t.m[1][0], 2 * (3 - 1.5 * 5) / 5, 1e-15,
             "the first traced mean is m1 = θ1(x - θ2m2)/(1 + θ1²)");
}

/* wrong updates for the checks to catch */
static void
shifted (lingauss2 * v, int step)
{
  lingauss2_ascent_exact (v, step);
  if (step % 2 == 0)
    v->m[step / 2] += 1e-3 * (1 - v->m[step / 2]);
}
static void
wide (lingauss2 * v, int step)
{
  lingauss2_ascent_exact (v, step);
  if (step % 2 == 1)
    v->s[step / 2] = 1.5;
}

/* the table entries name the ids lingauss2_ascent_check is given, and
   the updates the claim names */
static void
test_table (void)
{
  static const check_spec table[] = { LINGAUSS2_ASCENT_CHECKS ("1.1", "1.2") };
  int same = 1;
  for (int k = 0; k < 4; k++)
    same &= strcmp (table[k].id, LINGAUSS2_ASCENT_IDS[k]) == 0;
  tap_ok (same, "LINGAUSS2_ASCENT_CHECKS has the ids LINGAUSS2_ASCENT_IDS, in order");
  tap_ok (strstr (table[0].statement, "(1.1 or 1.2, in the order") != NULL
          && strstr (table[1].statement, "updates (1.1) is") != NULL
          && table[0].rel == REL_GE && table[3].rel == REL_LE,
          "... naming the claim's updates, monotone >= and variances <=");
}

int
main (void)
{
  test_table ();
  test_fixed_point ();
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  const char *const exact[4] = { "exact_monotone", "exact_mean", "exact_opt", "exact_var" };
  const char *const shift[4] = { "shift_monotone", "shift_mean", "shift_opt", "shift_var" };
  const char *const wid[4] = { "wide_monotone", "wide_mean", "wide_opt", "wide_var" };
  lingauss2_ascent_check (h, lingauss2_ascent_exact, exact, 20, 4);
  lingauss2_ascent_check (h, shifted, shift, 20, 4);
  lingauss2_ascent_check (h, wide, wid, 20, 4);
  fixture_harness_loud (&f);
  tap_ok (fixture_held (h, "exact_monotone") == 1 && fixture_held (h, "exact_mean") == 1
          && fixture_held (h, "exact_opt") == 1 && fixture_held (h, "exact_var") == 1,
          "the exact updates hold all four checks");
  tap_ok (fixture_held (h, "shift_mean") == 0 && fixture_held (h, "shift_opt") == 0,
          "means pulled 1e-3 towards 1 miss the posterior mean and the optimiser");
  tap_ok (fixture_held (h, "wide_var") == 0 && fixture_held (h, "wide_monotone") == 0,
          "s_i = 1.5 lowers the ELBO and over-states the variances");
  fixture_harness_end (&f);
  return tap_done ();
}
