/* test_figure_ess_study.c -- lib/figure_ess_study: the two panels hold the
 * numbers of the studies, worked out by hand, and render.
 *
 * Three hand-made studies of chains of n = 1000 at ρ = -0.5, 0, 0.9 with
 * exact ESS 3000, 1000, 50, median ratios e^{median_log} = 1.1, 1, 0.8 and
 * 10%-90% points of ESS-hat/n given, inside a claim run in the test whose
 * checks "neg" (1 point) and "pos" (2 points) are closed.  Panel (a) must
 * list them in reverse, x = exact ESS/n = 0.05, 1, 3, each estimate the
 * median ratio times x, each truth x, each spread the study's own 10% and
 * 90% points, and label each point with its ρ; panel (b) must put ρ = -0.5
 * in the ρ < 0 series alone (the other NaN), with the band 1.1·e^{±z·sd}
 * for z = check_critical_value (REL_EQ, α) of "neg" (one point), and
 * ρ = 0.9 in the ρ >= 0 series with the z of "pos" (α/2), each spread
 * the percentiles over ESS/n.  Negative control: a study whose ESS is
 * given as its ESS/n (divided by n once too often) moves panel (a)'s first
 * row, which the comparison catches.  A count of studies out of range is refused. */
#include "check.h"
#include "figure_ess_study.h"
#include "fixture_harness.h"
#include "fixture_render.h"
#include "fixture_rows.h"
#include "tap.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

static const check_spec CHECKS[] = {
  {"neg", "harness", "the check of ρ < 0", REL_EQ, EXPECT_HOLDS, NULL},
  {"pos", "harness", "the check of ρ >= 0", REL_EQ, EXPECT_HOLDS, NULL},
};

static const claim CLAIM = {
  .slug = "test_figure_ess_study", .title = "figure test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 2,
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

#define N 1000

static void
studies (ess_study * s)
{
  memset (s, 0, 3 * sizeof *s);
  s[0] = (ess_study) { .rho = -0.5, .ess_true = 3000, .median_log = log (1.1), .sd_log = 0.2,
    .q10 = 2.5, .q90 = 4 };
  s[1] = (ess_study) { .rho = 0, .ess_true = 1000, .median_log = 0, .sd_log = 0.05,
    .q10 = 0.9, .q90 = 1.1 };
  s[2] = (ess_study) { .rho = 0.9, .ess_true = 50, .median_log = log (0.8), .sd_log = 0.3,
    .q10 = 0.02, .q90 = 0.07 };
}

static int
near (double got, double want)
{
  return fabs (got - want) <= 1e-4 * fabs (want);      /* the data's printed digits */
}

/* The data rows of block BLOCK of DATA (its '#' lines skipped, up to the blank line that
   ends it) into OUT (SIZE bytes) */
static void
block_rows (const char *data, int block, char *out, size_t size)
{
  char head[40];
  snprintf (head, sizeof head, "# block %d:", block);
  const char *p = strstr (data, head);
  size_t k = 0;
  for (; p && *p && *p != '\n'; p++)
    {
      const char *e = strchr (p, '\n');
      if (!e)
        break;
      if (*p != '#')
        for (const char *c = p; c <= e && k + 1 < size; c++)
          out[k++] = *c;
      p = e;
    }
  out[k] = 0;
}

/* Panel (a) of the studies of studies (), worked by hand: in reverse, x = 0.05, 1, 3, the
   estimates 0.8·0.05, 1·1 and 1.1·3 (no SE: the band is the estimate), the truth x, the
   percentiles, no bracket, the ρ labels */
static const char ROWS_A[] =
  "0.05 0.04 0.04 0.04 0.05 0.02 0.07 NaN NaN \"ρ = 0.9\"\n"
  "1 1 1 1 1 0.9 1.1 NaN NaN \"ρ = 0\"\n"
  "3 3.3 3.3 3.3 3 2.5 4 NaN NaN \"ρ = -0.5\"\n";

static void
test_panels (void)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  check_point (h, "neg", est_mc (0, 1), est_exact (0, 0));
  check_close (h, "neg", "one point");
  check_point (h, "pos", est_mc (0, 1), est_exact (0, 0));
  check_point (h, "pos", est_mc (0, 1), est_exact (0, 0));
  check_close (h, "pos", "two points");
  ess_study s[3];
  studies (s);
  int block = 0;
  figure_ess_study (h, &block, s, 3, N, "neg", "pos");
  char data[8192], gp[8192];
  snprintf (data, sizeof data, "%s", sbuf_str (harness_figure_data (h)));
  snprintf (gp, sizeof gp, "%s", sbuf_str (harness_figure_script (h)));
  fixture_harness_loud (&f);

  tap_ok (block == 2, "two data blocks written (next %d)", block);
  char rows[1024];
  block_rows (data, 0, rows, sizeof rows);
  tap_ok (fixture_same_text (rows, ROWS_A), "(a): x = exact ESS/n in reverse, the medians, the "
          "diagonal, the percentiles, the ρ labels, as worked by hand");
  double zn = check_critical_value (REL_EQ, CHECK_ALPHA);
  double zp = check_critical_value (REL_EQ, CHECK_ALPHA / 2);
  double v[13];
  int nv = fixture_read_row (data, 1, 0, v, 13);
  tap_ok (nv == 13 && near (v[0], -0.5) && isnan (v[1]) && near (v[7], 1.1)
          && near (v[8], 1.1 * exp (-zn * 0.2)) && near (v[9], 1.1 * exp (zn * 0.2))
          && near (v[10], 1) && near (v[11], 2.5 / 3) && near (v[12], 4.0 / 3),
          "(b) ρ = -0.5: the ρ < 0 series alone, band 1.1 e^{±z·0.2} at neg's z %.3f", zn);
  nv = fixture_read_row (data, 1, 2, v, 13);
  tap_ok (nv == 13 && near (v[0], 0.9) && near (v[1], 0.8) && near (v[2], 0.8 * exp (-zp * 0.3))
          && near (v[3], 0.8 * exp (zp * 0.3)) && near (v[5], 0.4) && near (v[6], 1.4)
          && isnan (v[7]), "(b) ρ = 0.9: the ρ >= 0 series alone, band at pos's z %.3f", zp);
  tap_ok (strstr (gp, "(a) AR(1), n = 1000: estimated against exact ESS")
          && strstr (gp, "(b) estimated / exact ESS in each check''s band"), "both titles");
  tap_ok (fixture_renders (data, gp), "gnuplot renders both panels");
  fixture_harness_end (&f);

  /* negative control: a study's ESS given as its ESS/n */
  h = fixture_harness_begin (&f, &CLAIM);
  check_point (h, "neg", est_mc (0, 1), est_exact (0, 0));
  check_close (h, "neg", "one point");
  check_point (h, "pos", est_mc (0, 1), est_exact (0, 0));
  check_close (h, "pos", "one point");
  block = 0;
  s[2].ess_true = 50.0 / N;
  figure_ess_study (h, &block, s, 3, N, "neg", "pos");
  block_rows (sbuf_str (harness_figure_data (h)), 0, rows, sizeof rows);
  fixture_harness_loud (&f);
  int caught = strcmp (rows, ROWS_A) != 0 && strstr (rows, "5e-05 4e-05 ");
  tap_ok (caught, "negative control: a study's ESS divided by n once too often is caught");
  fixture_harness_end (&f);
}

/* figure_ess_study with one study, in a child (stderr silenced): its exit status; the count
   is refused before the harness is used */
static int
dies_on_one_study (void)
{
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0)
    {
      int err = open ("/dev/null", O_WRONLY);
      dup2 (err, 2);
      ess_study s[3];
      int block = 0;
      studies (s);
      figure_ess_study (NULL, &block, s, 1, N, "neg", "pos");
      _exit (0);
    }
  int status;
  waitpid (pid, &status, 0);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

int
main (void)
{
  test_panels ();
  tap_ok (dies_on_one_study () != 0, "one study is refused");
  return tap_done ();
}
