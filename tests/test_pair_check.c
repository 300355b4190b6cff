/* test_pair_check.c -- lib/pair_check.c on a claim of its own.
 *
 * The inequality is Cauchy-Schwarz, independent of the library's log-sum
 * code: sqrt(sum a^2 sum b^2) >= sum a_i b_i, with equality exactly when
 * a ∝ b, and the gap >= 0.  The sides are computed here in long double
 * (rounding bounds of 1e-15 relative, far above it).  Checked: all three
 * checks hold; each has the number of points the sweep promises (every
 * pair; the proportional third for the equality); the sides saw exactly
 * the pairs positive_pair_draw makes from a generator seeded alike (a
 * checksum of every entry).  Negative controls, each its own claim run:
 * the sides exchanged (sum a b >= sqrt(...) is false off the proportional
 * pairs) and a left side 1e-6 too large, which the equality check, at the
 * proportional pairs, must reject while the inequality and the gap still
 * hold.  pair_check_pinsker by hand: (4/2)(1/2)^2 = 1/2 for a = (1, 3),
 * b = (1, 1), and 0 for a = 2b. */
#include "pair_check.h"
#include "fixture_harness.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>

static const check_spec CHECKS[] = {
  {"holds", "harness", "", REL_GE, EXPECT_HOLDS, NULL},
  {"equality", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
  {"gap", "harness", "", REL_GE, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_pair_check", .title = "pair_check test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 10, .samples_quick = 10,
  .figure_caption = "",
};

static double lhs_scale = 1, checksum;

static estimate
cauchy_schwarz (const double *a, const double *b, size_t n)
{
  long double aa = 0, bb = 0;
  for (size_t i = 0; i < n; i++)
    aa += (long double) a[i] * a[i], bb += (long double) b[i] * b[i], checksum += a[i] + 2 * b[i];
  double v = (double) sqrtl (aa * bb) * lhs_scale;
  return est_exact (v, 1e-15 * v);
}

static estimate
inner (const double *a, const double *b, size_t n)
{
  long double s = 0;
  for (size_t i = 0; i < n; i++)
    s += (long double) a[i] * b[i];
  return est_exact ((double) s, 1e-15 * (double) s);
}

static estimate
zero (const double *a, const double *b, size_t n)
{
  (void) a, (void) b, (void) n;
  return est_exact (0, 0);
}

static const size_t LENGTHS[] = { 1, 2, 7, 50, 1000 };
#define N_PAIRS 60   /* four passes over the 5 lengths x 3 kinds */

/* Runs the checks with the sides LHS, RHS; *HELD[3] their verdicts,
   *POINTS[3] their numbers of points. */
static void
run (pair_check_side lhs, pair_check_side rhs, int held[3], size_t points[3])
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  pair_check_spec s = { "holds", "equality", "gap", lhs, rhs, zero, LENGTHS, COUNT_OF (LENGTHS),
    6.0, 1e-3 };
  pair_check_run (h, &s, N_PAIRS);
  for (int c = 0; c < 3; c++)
    check_close (h, CHECKS[c].id, "test");
  fixture_harness_loud (&f);
  for (int c = 0; c < 3; c++)
    {
      held[c] = fixture_held (h, CHECKS[c].id);
      points[c] = fixture_result (h, CHECKS[c].id)->n_points;
    }
  fixture_harness_end (&f);
}

/* The checksum of the pairs a generator seeded as the harness's draws */
static double
twin_checksum (void)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  gsl_rng *r = harness_rng (h);
  static double a[1000], b[1000];
  double sum = 0;
  for (long k = 0; k < N_PAIRS; k++)
    {
      size_t n;
      positive_pair_kind kind = positive_pair_sweep (k, LENGTHS, COUNT_OF (LENGTHS), &n);
      positive_pair_draw (r, kind, 6.0, 1e-3, n, a, b);
      for (size_t i = 0; i < n; i++)
        sum += a[i] + 2 * b[i];
    }
  for (int c = 0; c < 3; c++)
    check_inconclusive (h, CHECKS[c].id, "not run");
  fixture_harness_loud (&f);
  fixture_harness_end (&f);
  return sum;
}

int
main (void)
{
  int held[3];
  size_t points[3];
  checksum = 0;
  run (cauchy_schwarz, inner, held, points);
  tap_ok (held[0] == 1 && held[1] == 1 && held[2] == 1,
          "Cauchy-Schwarz: the inequality, its equality at a ∝ b and its gap >= 0 hold");
  tap_ok (points[0] == N_PAIRS && points[1] == N_PAIRS / 3 && points[2] == N_PAIRS,
          "points: every pair (%zu), the proportional third (%zu), every pair (%zu)",
          points[0], points[1], points[2]);
  double seen = checksum;
  tap_ok (seen == twin_checksum (), "the sides saw the pairs positive_pair_draw makes, in order");
  run (inner, cauchy_schwarz, held, points);
  tap_ok (held[0] == 0 && held[2] == 0,
          "negative control: the sides exchanged fail the inequality and the gap");
  const double a2[] = { 1, 3 }, b2[] = { 1, 1 }, c2[] = { 2, 6 };
  estimate pin = pair_check_pinsker (a2, b2, 2), none = pair_check_pinsker (c2, a2, 2);
  tap_ok (fabs (pin.value - 0.5) <= est_bound (pin) && est_bound (pin) < 1e-14,
          "pair_check_pinsker: 1/2 for a = (1, 3), b = (1, 1), within its bound");
  tap_ok (fabs (none.value) <= est_bound (none), "and 0 for a = 2b");
  lhs_scale = 1 + 1e-6;
  run (cauchy_schwarz, inner, held, points);
  tap_ok (held[0] == 1 && held[1] == 0 && held[2] == 1,
          "negative control: a left side 1e-6 high still holds, its equality case does not");
  return tap_done ();
}
