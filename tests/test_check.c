/* test_check.c -- the decision rule: it accepts what is within the stated
   error and rejects what is not, for every relation and kind of error. */
#include "check.h"
#include "decision.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <string.h>

/* Two rows with the same fields (strings by content, NULLs equal). */
static int
check_spec_same (const check_spec * a, const check_spec * b)
{
#define SAME_STR(x, y) ((x) == (y) || ((x) && (y) && strcmp ((x), (y)) == 0))
  return SAME_STR (a->id, b->id) && SAME_STR (a->source, b->source)
    && SAME_STR (a->statement, b->statement) && a->rel == b->rel && a->expect == b->expect
    && SAME_STR (a->correction, b->correction);
#undef SAME_STR
}

int
main (void)
{
  double a = CHECK_ALPHA;
  double z2 = gsl_cdf_ugaussian_Qinv (a / 2), z1 = gsl_cdf_ugaussian_Qinv (a);
  tap_close (check_critical_value (REL_EQ, a), z2, 0, "two-sided critical value");
  tap_close (check_critical_value (REL_LE, a), z1, 0, "one-sided critical value");

  /* Monte Carlo: accepted just inside z*se, rejected just outside */
  estimate ref = est_exact (1.0, 0);
  tap_ok (check_decide_point (REL_EQ, est_mc (1 + 0.99 * z2 * 0.01, 0.01), ref, a),
          "= accepts |z| just below the critical value");
  tap_ok (!check_decide_point (REL_EQ, est_mc (1 + 1.01 * z2 * 0.01, 0.01), ref, a),
          "= rejects |z| just above the critical value");
  tap_ok (check_decide_point (REL_LE, est_mc (1 + 0.99 * z1 * 0.01, 0.01), ref, a),
          "<= accepts a violation within z*se");
  tap_ok (!check_decide_point (REL_LE, est_mc (1 + 1.01 * z1 * 0.01, 0.01), ref, a),
          "<= rejects a violation beyond z*se");
  tap_ok (check_decide_point (REL_LE, est_mc (-100, 0.01), ref, a),
          "<= accepts anything far below");
  tap_ok (!check_decide_point (REL_GE, est_mc (-100, 0.01), ref, a),
          ">= rejects something far below");
  /* random errors add in quadrature */
  tap_ok (check_decide_point (REL_EQ, est_mc (1 + 0.99 * z2 * sqrt (2) * 0.01, 0.01),
                              est_mc (1, 0.01), a), "two SEs combine in quadrature (inside)");
  tap_ok (!check_decide_point (REL_EQ, est_mc (1 + 1.01 * z2 * sqrt (2) * 0.01, 0.01),
                               est_mc (1, 0.01), a), "two SEs combine in quadrature (outside)");
  /* deterministic bounds add */
  tap_ok (check_decide_point (REL_EQ, est_quad ((quad_result) { 1 + 1.9e-6, 1e-6 }),
                              est_exact (1, 1e-6), a), "bounds add (inside)");
  tap_ok (!check_decide_point (REL_EQ, est_quad ((quad_result) { 1 + 2.1e-6, 1e-6 }),
                               est_exact (1, 1e-6), a), "bounds add (outside)");
  /* closed forms: a few ulps, and a relative 1e-3 error is rejected */
  tap_ok (check_decide_point (REL_EQ, est_exact (1 + 2 * DBL_EPSILON, 0), ref, a),
          "closed forms equal within a few ulps");
  tap_ok (!check_decide_point (REL_EQ, est_exact (1 + 1e-3, 0), ref, a),
          "closed form wrong by 1e-3 rejected");
  tap_ok (!check_decide_point (REL_EQ, est_exact (-1, 0), ref, a),
          "closed form with the wrong sign rejected");
  /* != holds only when the difference exceeds the margin */
  tap_ok (check_decide_point (REL_NE, est_mc (1.5, 0.01), ref, a), "!= accepts a clear difference");
  tap_ok (!check_decide_point (REL_NE, est_mc (1.01, 0.01), ref, a), "!= rejects an unclear one");
  /* special values */
  tap_ok (!check_decide_point (REL_EQ, est_exact (NAN, 0), ref, a), "NaN never equals");
  tap_ok (!check_decide_point (REL_LE, est_exact (NAN, 0), ref, a), "NaN is never <=");
  tap_ok (check_decide_point (REL_EQ, est_exact (INFINITY, 0), est_exact (INFINITY, 0), a),
          "+inf = +inf (two infinite KLs agree)");
  tap_ok (!check_decide_point (REL_EQ, est_exact (INFINITY, 0), ref, a), "+inf != 1");
  tap_ok (check_decide_point (REL_GE, est_exact (INFINITY, 0), ref, a), "+inf >= 1");
  /* detectable discrepancy: (z + 1.28) se + bound */
  decision d = decide (REL_EQ, est_mc (1, 0.01), est_exact (1, 1e-3), a);
  tap_close (d.detectable, (z2 + CHECK_POWER_Z) * 0.01 + 1e-3 + 4 * DBL_EPSILON, 1e-15,
             "detectable = (z + 1.28) se + bound");
  /* inconclusive: as expected only when expected, and never a finding */
  check_spec sh = { "x", "harness", "x", REL_EQ, EXPECT_HOLDS, NULL };
  check_spec se = { "y", "001 2.1", "y", REL_EQ, EXPECT_SEED_ERROR, "z" };
  check_spec si = { "z", "harness", "z", REL_EQ, EXPECT_INCONCLUSIVE, NULL };
  check_result ri = { .spec = &sh, .evaluated = 1, .inconclusive = 1 };
  tap_ok (!check_as_expected (&ri), "inconclusive where a holds was expected: unexpected");
  ri.spec = &se;
  tap_ok (!check_as_expected (&ri) && !check_found_seed_error (&ri),
          "inconclusive where a seed error was expected: unexpected, no finding");
  ri.spec = &si;
  tap_ok (check_as_expected (&ri), "inconclusive where inconclusive was expected");
  check_result rc = { .spec = &si, .evaluated = 1, .held = 1 };
  tap_ok (!check_as_expected (&rc), "a verdict where inconclusive was expected: unexpected");
  rc.spec = &se, rc.held = 0;
  tap_ok (check_found_seed_error (&rc), "a detected seed error is a finding");
  /* CHECK_HARNESS: the spelled-out row of a harness check, field by field */
  check_spec hm = CHECK_HARNESS ("x", REL_LE, "x" " <= y");
  check_spec hs = { "x", "harness", "x <= y", REL_LE, EXPECT_HOLDS, NULL };
  tap_ok (check_spec_same (&hm, &hs), "CHECK_HARNESS (id, rel, statement) = {id, \"harness\","
          " statement, rel, EXPECT_HOLDS, NULL}");
  hs.rel = REL_GE;
  tap_ok (!check_spec_same (&hm, &hs), "negative control: a row with another relation differs");
  /* the harness's own lines: "harness" as a whole first word only */
  tap_ok (check_source_is_harness ("harness") && check_source_is_harness ("harness (figure)")
          && !check_source_is_harness ("h 1.2") && !check_source_is_harness ("harn")
          && !check_source_is_harness ("harnesses 3") && !check_source_is_harness ("004 eq. (1.2)")
          && !check_source_is_harness (NULL), "check_source_is_harness: the word 'harness' only");
  return tap_done ();
}
