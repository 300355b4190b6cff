/* test_figure_normal_jsd.c -- lib/figure_normal_jsd: the panel of a sweep
 * over d = 0, 0.5, ..., 3 holds, row by row, the separation, the JSD, the
 * constant log 2 and the bracket, and the JSD lies inside it; its script
 * names the panel; it renders.  Negative controls: a sweep of one
 * separation, and one whose bracket is exchanged (lo above hi), are
 * refused by figure_converge_validate. */
#include "figure_normal_jsd.h"
#include "fixture_harness.h"
#include "fixture_render.h"
#include "fixture_rows.h"
#include "tap.h"

#include <gsl/gsl_math.h>
#include <math.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"c", "harness", "unused", REL_EQ, EXPECT_HOLDS, NULL},
};

static const claim CLAIM = {
  .slug = "test_figure_normal_jsd", .title = "figure test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1,
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

/* the block's header, written by hand: the columns the rows are read by */
static const char *const HEADER =
  "# block 0: JSD of N(0,1) and N(d,1) tends to log 2\n"
  "# column 1: separation d\n"
  "# columns 2-7: JSD by quadrature: estimate, band lo, band hi (± 1 SE), closed form (log 2),"
  " spread lo, spread hi\n"
  "# columns 8-9: bracket lo, hi: closed-form band log 2 (1 - 2Q(d/2)) ≥ JSD ≥ log 2"
  " (1 - e^{-d²/8})\n";

static void
test_refusals (const normal_jsd_sweep * good)
{
  char why[300];
  figure_converge_series series;
  figure_converge_spec spec = figure_normal_jsd_spec (good, &series);
  tap_ok (figure_converge_validate (&spec, why, sizeof why) == 0, "the sweep's panel is accepted");
  static normal_jsd_sweep one, swapped;
  normal_jsd_sweep_fill (&one, 0.5, 0.4, 1e-12, 1e-10);
  spec = figure_normal_jsd_spec (&one, &series);
  tap_ok (one.n == 1 && figure_converge_validate (&spec, why, sizeof why) == -1,
          "control: a sweep of one separation refused (%s)", why);
  swapped = *good;
  memcpy (swapped.jsd_lo, good->jsd_hi, sizeof swapped.jsd_lo);
  memcpy (swapped.jsd_hi, good->jsd_lo, sizeof swapped.jsd_hi);
  spec = figure_normal_jsd_spec (&swapped, &series);
  tap_ok (figure_converge_validate (&spec, why, sizeof why) == -1 && strstr (why, "bracket"),
          "control: the bracket exchanged refused (%s)", why);
}

int
main (void)
{
  static normal_jsd_sweep s;
  normal_jsd_sweep_fill (&s, 0.5, 3, 1e-12, 1e-10);
  test_refusals (&s);
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  int b = 0;
  figure_normal_jsd (h, &b, &s);
  fixture_harness_loud (&f);
  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  tap_ok (b == 1, "one data block written (next %d)", b);
  size_t len = strlen (HEADER);
  char head[1024];
  snprintf (head, GSL_MIN (len + 1, sizeof head), "%s", data);
  tap_ok (fixture_same_text (head, HEADER), "the header names the columns");
  /* columns: d | JSD, band lo, band hi, closed form, spread lo, hi | bracket lo, hi */
  int ok = 1;
  for (size_t i = 0; i < s.n; i++)
    {
      double v[16];
      ok &= fixture_read_row (data, 0, (int) i, v, 16) == 9;
      /* the data are written to 9 digits */
      ok &= v[0] == 0.5 * (double) i && fabs (v[1] - s.value[i]) <= 1e-9;
      ok &= fabs (v[4] - M_LN2) <= 1e-9 && fabs (v[7] - s.jsd_lo[i]) <= 1e-9
        && fabs (v[8] - s.jsd_hi[i]) <= 1e-9;
      ok &= v[7] <= v[1] + 1e-12 && v[1] <= v[8] + 1e-12;
    }
  tap_ok (ok && fixture_read_row (data, 0, (int) s.n, (double[16]) {0}, 16) <= 0,
          "%zu rows: d, JSD, log 2 and the bracket, JSD inside it", s.n);
  tap_ok (strstr (gp, "JSD of N(0,1) and N(d,1) tends to log 2") != NULL
          && strstr (gp, "closed-form band log 2 (1 - 2Q(d/2))") != NULL,
          "the script names the panel and its band");
  tap_ok (fixture_renders (data, gp), "gnuplot renders the panel");
  fixture_harness_end (&f);
  return tap_done ();
}
