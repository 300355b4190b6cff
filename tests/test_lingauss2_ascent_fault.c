/* test_lingauss2_ascent_fault.c -- lib/lingauss2_ascent_fault: with every
   fault off the update is a sweep worked by hand on θ = (1, 2), x = 3
   (and lingauss2_ascent_exact bit for bit); each fault changes that sweep
   by what its description says, again by hand; and, run as a claim inside
   the test (its TAP to /dev/null), the fault-free update holds the four
   checks of lingauss2_ascent while each fault fails the check its mutant
   names -- the negative controls caught.  lingauss2_ascent_fault_for: in a
   run with a fault's mutant on, its update is that fault's sweep by hand
   (and the flags' update bit for bit); with none, or with a mutant of the
   claim's own, the fault-free sweep -- and a fault's update is told apart
   from it. */
#include "lingauss2_ascent_fault.h"
#include "fixture_harness.h"
#include "tap.h"

#include <math.h>
#include <string.h>

static int on[LINGAUSS2_ASCENT_N_FAULTS];

static void
update (lingauss2 * v, int step)
{
  lingauss2_ascent_fault_update (v, step, on);
}

/* one sweep of U on θ = (1, 2), x = 3 from m = (0, 0), s = (1, 1): M1,
   S1², M2, S2² after its four steps */
static void
sweep_by (lingauss2_ascent_update u, double out[4])
{
  lingauss2 v = { {1, 2}, 3, {0, 0}, {1, 1}, 0, 1 };
  for (int step = 0; step < 4; step++)
    u (&v, step);
  out[0] = v.m[0], out[1] = v.s[0] * v.s[0], out[2] = v.m[1], out[3] = v.s[1] * v.s[1];
}

/* the same with fault F on (-1: none) */
static void
sweep (int f, double out[4])
{
  memset (on, 0, sizeof on);
  if (f >= 0)
    on[f] = 1;
  sweep_by (update, out);
}

/* m1 = θ1(x - θ2m2)/(1 + θ1²) = 3/2, s1² = 1/2, m2 = 2(3 - 3/2)/5 = 3/5,
   s2² = 1/5 */
static void
test_by_hand (void)
{
  double s[4];
  sweep (-1, s);
  tap_close (s[0], 1.5, 1e-15, "m1 = θ1 x / (1 + θ1²) from m2 = 0");
  tap_close (s[1], 0.5, 1e-15, "s1² = 1/(1 + θ1²)");
  tap_close (s[2], 0.6, 1e-15, "m2 = θ2 (x - θ1 m1) / (1 + θ2²)");
  tap_close (s[3], 0.2, 1e-15, "s2² = 1/(1 + θ2²)");
  sweep (LINGAUSS2_ASCENT_FAULT_OTHER_NEGATED, s);
  tap_close (s[2], 2 * (3 + 1.5) / 5, 1e-15, "other negated: m2 = θ2 (x + θ1 m1) / (1 + θ2²)");
  sweep (LINGAUSS2_ASCENT_FAULT_X_SCALED, s);
  tap_close (s[0], 1.001 * 3 / 2, 1e-15, "x scaled: m1 = θ1 · 1.001 x / (1 + θ1²)");
  sweep (LINGAUSS2_ASCENT_FAULT_S2_REL, s);
  tap_close (s[1], 1.0001 / 2, 1e-15, "variance scaled: s1² = 1.0001/(1 + θ1²)");
  sweep (LINGAUSS2_ASCENT_FAULT_S2_NO_PRIOR, s);
  tap_close (s[3], 0.25, 1e-15, "no prior: s2² = 1/θ2²");
  tap_close (s[1], 1, 1e-15, "no prior: s1² = 1/θ1² = 1, not 1/2");
}

/* all off, lingauss2_ascent_exact to the last bit, from random models */
static void
test_exact (void)
{
  memset (on, 0, sizeof on);
  int same = 1;
  for (int k = 0; k < 50; k++)
    {
      lingauss2 a = { {0.3 * k - 7, 1.7 - 0.11 * k}, 0.05 * k * k - 2, {k - 20.0, 0.5 * k},
                      {0.1 + 0.07 * k, 2.5 - 0.04 * k}, 0, 1 }, b = a;
      for (int step = 0; step < 8; step++)
        {
          update (&a, step % 4);
          lingauss2_ascent_exact (&b, step % 4);
        }
      same &= memcmp (&a, &b, sizeof a) == 0;
    }
  tap_ok (same, "with every fault off, the update is lingauss2_ascent_exact bit for bit");
}

#define CHECK4(p) {p "_monotone", "harness", "", REL_GE, EXPECT_HOLDS, NULL}, \
  {p "_mean", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_opt", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_var", "harness", "", REL_LE, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = {
  CHECK4 ("none"), CHECK4 ("f0"), CHECK4 ("f1"), CHECK4 ("f2"), CHECK4 ("f3")
};
static const claim CLAIM = {
  .slug = "test_lingauss2_ascent_fault", .title = "lingauss2_ascent_fault test",
  .claim = "", .sources = "", .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .samples_default = 1000, .samples_quick = 1000, .figure_caption = "",
};

/* ids of run R (0: no fault, 1 + f: fault f) */
static void
run_ids (int r, const char *ids[4])
{
  for (int k = 0; k < 4; k++)
    ids[k] = CHECKS[4 * r + k].id;
}

/* the index in LINGAUSS2_ASCENT_IDS of the check that mutant M names */
static int
caught_by (const mutant_spec * m)
{
  for (int k = 0; k < 4; k++)
    if (strcmp (m->caught_by, LINGAUSS2_ASCENT_IDS[k]) == 0)
      return k;
  return -1;
}

static void
test_checks (void)
{
  static const mutant_spec table[] = { LINGAUSS2_ASCENT_FAULT_MUTANTS };
  tap_ok (COUNT_OF (table) == LINGAUSS2_ASCENT_N_FAULTS, "one mutant per fault");
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  const char *ids[4];
  for (int r = 0; r <= LINGAUSS2_ASCENT_N_FAULTS; r++)
    {
      memset (on, 0, sizeof on);
      if (r > 0)
        on[r - 1] = 1;
      run_ids (r, ids);
      lingauss2_ascent_check (h, update, ids, 50, 10);
    }
  fixture_harness_loud (&f);
  int all = 1;
  for (int k = 0; k < 4; k++)
    all &= fixture_held (h, CHECKS[k].id) == 1;
  tap_ok (all, "with no fault, the four checks hold");
  for (int fault = 0; fault < LINGAUSS2_ASCENT_N_FAULTS; fault++)
    {
      int k = caught_by (&table[fault]);
      run_ids (1 + fault, ids);
      tap_ok (k >= 0 && fixture_held (h, ids[k]) == 0, "%s is caught by %s",
              table[fault].id, table[fault].caught_by);
    }
  fixture_harness_end (&f);
}

/* a claim with the faults' mutants and one of its own */
static const check_spec FOR_CHECKS[] = {
  LINGAUSS2_ASCENT_CHECKS ("(m)", "(s)"), {"own", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}
};
static const mutant_spec FOR_MUTANTS[] = {
  LINGAUSS2_ASCENT_FAULT_MUTANTS, {"claims_own", "a mutant of the claim's own", "own"}
};
static const claim FOR_CLAIM = {
  .slug = "test_lingauss2_ascent_fault_for", .title = "lingauss2_ascent_fault_for test",
  .claim = "", .sources = "", CLAIM_CHECKS (FOR_CHECKS), CLAIM_MUTANTS (FOR_MUTANTS),
  .samples_default = 1000, .samples_quick = 1000, .figure_caption = "",
};

/* the sweep by hand with fault F (-1: none), as test_by_hand works it */
static void
hand_sweep (int f, double out[4])
{
  double exact[4] = { 1.5, 0.5, 0.6, 0.2 };
  memcpy (out, exact, sizeof exact);
  if (f == LINGAUSS2_ASCENT_FAULT_OTHER_NEGATED)
    out[2] = 2 * (3 + 1.5) / 5;
  else if (f == LINGAUSS2_ASCENT_FAULT_X_SCALED)
    out[0] = 1.001 * 3 / 2, out[2] = 2 * (3.003 - 1.5015) / 5;
  else if (f == LINGAUSS2_ASCENT_FAULT_S2_REL)
    out[1] = 1.0001 / 2, out[3] = 1.0001 / 5;
  else if (f == LINGAUSS2_ASCENT_FAULT_S2_NO_PRIOR)
    out[1] = 1, out[3] = 0.25;
}

static int
near4 (const double a[4], const double b[4])
{
  int ok = 1;
  for (int k = 0; k < 4; k++)
    ok &= fabs (a[k] - b[k]) <= 1e-15 * (1 + fabs (b[k]));
  return ok;
}

/* the run's mutant M (NULL: none): lingauss2_ascent_fault_for's sweep
   against the hand sweep with fault F, and against the flags' sweep */
static void
check_for (harness * h, const char *m, int f)
{
  double got[4], hand[4], flags[4];
  h->opt.mutant = m;
  sweep_by (lingauss2_ascent_fault_for (h), got);
  hand_sweep (f, hand);
  sweep (f, flags);
  tap_ok (near4 (got, hand) && memcmp (got, flags, sizeof got) == 0,
          "fault_for with mutant %s: the sweep by hand with %s, the flags' bit for bit"
          " (m1 %.17g, s1² %.17g, m2 %.17g, s2² %.17g)", m ? m : "none",
          f < 0 ? "no fault" : "that fault", got[0], got[1], got[2], got[3]);
}

static void
test_for (void)
{
  fixture_harness fx;
  harness *h = fixture_harness_begin (&fx, &FOR_CLAIM);
  fixture_harness_loud (&fx);
  check_for (h, NULL, -1);
  check_for (h, "claims_own", -1);
  for (int f = 0; f < LINGAUSS2_ASCENT_N_FAULTS; f++)
    check_for (h, FOR_MUTANTS[f].id, f);
  /* negative control: each fault's update against the fault-free hand sweep */
  double none[4], got[4];
  hand_sweep (-1, none);
  int apart = 1;
  for (int f = 0; f < LINGAUSS2_ASCENT_N_FAULTS; f++)
    {
      h->opt.mutant = FOR_MUTANTS[f].id;
      sweep_by (lingauss2_ascent_fault_for (h), got);
      apart &= !near4 (got, none);
    }
  tap_ok (apart, "negative control: every fault's update misses the fault-free sweep");
  h->opt.mutant = NULL;
  fixture_harness_end (&fx);
}

int
main (void)
{
  test_by_hand ();
  test_exact ();
  test_checks ();
  test_for ();
  return tap_done ();
}
