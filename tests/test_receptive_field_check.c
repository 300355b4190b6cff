/* test_receptive_field_check.c -- lib/receptive_field_check on a claim of
 * its own (fixture_harness.h), on fields of output 33 of a 5 x 5 map
 * written out here by their labels (seed 003 Q4's case 1, mask A then A:
 * 11..15, 21..23, 31; case 4, B then B: 11..15, 21..24, 31..33):
 *   - equal: the case-1 field by hand against lib/receptive_field's reach
 *     of two A masks (a different route) holds, 25 points;
 *   - causal: case 1 sees none of 33..55 (13 points), case 4 sees 33 and
 *     nothing after it;
 *   - unreachable: beyond di + dj = 0 from 33 and before it lies 25 alone
 *     (by hand), unseen in both fields: one input, a point per field.
 * Negative controls, each its own claim run: the case-1 field without 31
 * against the reach (equal), the case-1 field seeing 34 as well (causal),
 * and a field that sees 25 (unreachable) must each fail. */
#include "receptive_field_check.h"
#include "fixture_harness.h"
#include "tap.h"

#include <string.h>

static const check_spec CHECKS[] = {
  {"c", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim CLAIM = {
  .slug = "test_receptive_field_check", .title = "receptive_field_check test", .claim = "",
  .sources = "", .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 10,
  .samples_quick = 10, .figure_caption = "",
};

static const int CASE1[] = { 11, 12, 13, 14, 15, 21, 22, 23, 31, 0 };
static const int CASE4[] = { 11, 12, 13, 14, 15, 21, 22, 23, 24, 31, 32, 33, 0 };
static const double MASK_A[9] = { 1, 1, 1, 1, 0, 0, 0, 0, 0 };

/* The field of output 33 that sees the LABELS (0-terminated) but SKIP,
   and also EXTRA (0: none) */
static receptive_field
field (const int *labels, int skip, int extra)
{
  receptive_field f;
  receptive_field_init (&f, 5, 2, 2);
  for (const int *l = labels; *l; l++)
    if (*l != skip)
      f.hits[(*l / 10 - 1) * 5 + *l % 10 - 1] = 1;
  if (extra)
    f.hits[(extra / 10 - 1) * 5 + extra % 10 - 1] = 1;
  return f;
}

/* One claim run of scenario S (0 equal, 1 causal, 2 unreachable) on the
   field with SKIP and EXTRA; held, points and (S = 2) the count and labels */
typedef struct { int held; size_t points; int count; char labels[32]; } outcome;

static outcome
run (int s, int skip, int extra, int sees_output)
{
  receptive_field f[2] = { field (CASE1, skip, extra), field (CASE4, 0, 0) }, truth;
  const double *a[] = { MASK_A, MASK_A };
  receptive_field_init (&truth, 5, 2, 2);
  receptive_field_reach (&truth, 2, 3, 1, a);
  outcome o = { 0, 0, 0, "" };
  sbuf labels;
  sbuf_init (&labels);
  fixture_harness fx;
  harness *h = fixture_harness_begin (&fx, &CLAIM);
  if (s == 0)
    receptive_field_check_equal (h, "c", &f[0], &truth);
  else if (s == 1)
    receptive_field_check_causal (h, "c", &f[sees_output], sees_output);
  else
    o.count = receptive_field_check_unreachable (h, "c", f, 2, 0, &labels);
  check_close (h, "c", "test");
  fixture_harness_loud (&fx);
  o.held = fixture_result (h, "c")->held;
  o.points = fixture_result (h, "c")->n_points;
  snprintf (o.labels, sizeof o.labels, "%s", sbuf_str (&labels));
  sbuf_free (&labels);
  fixture_harness_end (&fx);
  return o;
}

int
main (void)
{
  outcome o = run (0, 0, 0, 0);
  tap_ok (o.held == 1 && o.points == 25, "case 1 by hand = the reach of A, A (%zu points)",
          o.points);
  o = run (1, 0, 0, 0);
  tap_ok (o.held == 1 && o.points == 13, "case 1 sees none of 33..55 (%zu points)", o.points);
  o = run (1, 0, 0, 1);
  tap_ok (o.held == 1 && o.points == 13, "case 4 sees 33 and nothing after it");
  o = run (2, 0, 0, 0);
  tap_ok (o.held == 1 && o.count == 1 && o.points == 2 && !strcmp (o.labels, " 25"),
          "beyond reach before 33: '%s' (%d), unseen in both fields (%zu points)", o.labels,
          o.count, o.points);
  tap_ok (run (0, 31, 0, 0).held == 0, "negative control: case 1 without 31 fails against the reach");
  tap_ok (run (1, 0, 34, 0).held == 0, "negative control: a field that sees 34 is not causal");
  tap_ok (run (2, 0, 25, 0).held == 0, "negative control: a field that sees 25 fails");
  return tap_done ();
}
