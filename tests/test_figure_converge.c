/* test_figure_converge.c -- lib/figure_converge.c: the data block holds what
 * was described, the script names every series, bad descriptions are
 * refused, and the panel renders.
 *
 * A claim of one check, run inside the test (its own TAP lines go to
 * /dev/null).  The band is recomputed here from its definition: estimate
 * ± z·SE, estimate·e^{±z·SE} for a series whose SE is of the log, and on a
 * log y axis a lower edge <= 0 drawn at a tenth of the estimate. */
#include "figure.h"
#include "figure_converge.h"
#include "fixture_rows.h"
#include "tap.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const check_spec CHECKS[] = {
  {"c", "harness", "one Monte Carlo comparison", REL_EQ, EXPECT_HOLDS, NULL},
};

static const claim CLAIM = {
  .slug = "test_figure_converge", .title = "figure test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1,
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

static int saved_stdout, dev_null;

static void
quiet (int on)
{
  fflush (stdout);
  dup2 (on ? dev_null : saved_stdout, 1);
}

/* A good description with every part: two series (one with its SE of the
   log and its own z, and a spread), a seed line, and bounds. */
static const double X[3] = { 1, 10, 100 };
static const double EST_A[3] = { 2, 1.5, 1.25 }, SE_A[3] = { 0.1, 0.05, 0.025 };
static const double TRUTH_A[3] = { 2.05, 1.45, 1.2 };
static const double EST_B[3] = { 1, NAN, 1.1 }, SE_B[3] = { 0.5, NAN, 0.25 };
static const double LO_B[3] = { 0.9, 0.8, 1 }, HI_B[3] = { 1.2, 1.3, 1.2 };
static const double SEED[3] = { 3, 2, 1.5 };
static const double BR_LO[3] = { 1.5, 1.2, 1.1 }, BR_HI[3] = { 2.5, 1.8, 1.4 };

static figure_converge_series series[2];
static figure_converge_curve seed;

static figure_converge_spec
good_spec (void)
{
  series[0] = (figure_converge_series) { .label = "estimator A (MC)", .estimate = EST_A,
    .se = SE_A, .truth = TRUTH_A, .truth_label = "A's closed form" };
  series[1] = (figure_converge_series) { .label = "estimator B", .estimate = EST_B,
    .se = SE_B, .se_of_log = 1, .z = 1, .truth_value = 1, .spread_lo = LO_B,
    .spread_hi = HI_B, .spread_label = "10-90% of B" };
  seed = (figure_converge_curve) { .label = "the student's line (error)", .value = SEED };
  return (figure_converge_spec) { .title = "converging", .xlabel = "samples n",
    .ylabel = "estimate", .x = X, .n = 3, .log_x = 1, .z = 2, .series = series,
    .n_series = 2, .seeds = &seed, .n_seeds = 1, .bracket_lo = BR_LO, .bracket_hi = BR_HI,
    .bracket_label = "closed-form bounds" };
}

static void
test_data (const char *data)
{
  double v[32];
  /* columns: x | A: est lo hi truth spread lo hi | B: the same | seed | bounds */
  int n = fixture_read_row (data, 0, 0, v, 32);
  tap_ok (n == 16, "a row of block 0 has 1 + 2·6 + 1 + 2 = 16 columns (%d)", n);
  tap_ok (v[0] == 1 && v[1] == 2 && v[4] == 2.05, "row 0: x, A's estimate, A's closed form");
  tap_close (v[2], 2 - 2 * 0.1, 1e-9, "A's band: estimate - z·SE (z = 2, the panel's)");
  tap_close (v[3], 2 + 2 * 0.1, 1e-9, "A's band: estimate + z·SE");
  tap_ok (isnan (v[5]) && isnan (v[6]), "A has no spread: NaN");
  tap_close (v[8], exp (-0.5), 1e-8, "B's band: estimate·e^{-z·SE} (B's own z = 1)");
  tap_close (v[9], exp (0.5), 1e-8, "B's band: estimate·e^{+z·SE}");
  tap_ok (v[10] == 1 && v[11] == 0.9 && v[12] == 1.2, "B: the constant closed form, its spread");
  tap_ok (v[13] == 3 && v[14] == 1.5 && v[15] == 2.5, "the seed line's value, then the bounds");
  n = fixture_read_row (data, 0, 1, v, 32);
  tap_ok (n == 16 && isnan (v[7]) && isnan (v[8]) && isnan (v[9]) && v[10] == 1,
          "row 1: B undefined (NaN estimate and band), its closed form still drawn");
  n = fixture_read_row (data, 0, 2, v, 32);
  tap_ok (n == 16 && v[0] == 100 && fixture_read_row (data, 0, 3, v, 32) <= 0, "three rows, the last at x = 100");
  tap_ok (strncmp (data, "# block 0: converging\n", 22) == 0,
          "the first block starts the file, no blank lines before it");
  tap_ok (strstr (data, "# columns 2-7: estimator A (MC): estimate, band lo, band hi (± 2 SE),"
                  " closed form (A's closed form)") != NULL, "the header names A's columns");
  tap_ok (strstr (data, "# column 14: seed line: the student's line (error)\n") != NULL,
          "the header names the seed line's column");
}

static void
test_script (const char *gp)
{
  tap_ok (strstr (gp, "plot datafile index 0 using 1:15:16 with filledcurves") != NULL,
          "the bounds first (under everything), columns 15:16");
  tap_ok (strstr (gp, "index 0 using 1:3:4 with filledcurves ls 1 title 'estimator A (MC): band ± z·SE, z = 2'") != NULL,
          "A's band, columns 3:4, named with its z");
  tap_ok (strstr (gp, "index 0 using 1:9:10 with filledcurves ls 3 title 'estimator B: band × e^{±z·SE}, z = 1'") != NULL,
          "B's band, columns 9:10, its own z");
  tap_ok (strstr (gp, "index 0 using 1:5 with lines ls 1 dt 2 lw 1.6 title 'A''s closed form'") != NULL,
          "A's closed form in A's colour, the quote doubled");
  tap_ok (strstr (gp, "index 0 using 1:11 with lines ls 3 dt 2 lw 1.6 title 'closed form'") != NULL,
          "B's closed form, default label");
  tap_ok (strstr (gp, "index 0 using 1:2 with linespoints ls 1 title 'estimator A (MC)'") != NULL
          && strstr (gp, "index 0 using 1:8 with linespoints ls 3 title 'estimator B'") != NULL,
          "each estimate named by its label");
  tap_ok (strstr (gp, "index 0 using 1:8:12:13 with yerrorbars ls 3 lw 1.2 pt 7 ps 0.5 title '10-90% of B'") != NULL,
          "B's spread as bars, columns 12:13");
  tap_ok (strstr (gp, "index 0 using 1:14 with linespoints ls 2 dt 4 lw 2.4 pt 4 ps 1.1 title 'the student''s line (error)'") != NULL,
          "the seed line vermillion, dash-dot, labelled");
  tap_ok (strstr (gp, "set logscale x\nset format x '%g'\nset xtics (1, 2, 5, 10, 20, 50, 100)\n") != NULL,
          "log x over two decades: tics at 1, 2, 5 times the powers of ten");
  tap_ok (strstr (gp, "set key below center vertical maxcols 1\nset bmargin 16.2\n") != NULL,
          "the default key sits below the axes, the margin made for its 9 entries (4.5 + 1.3·9)");
  tap_ok (strstr (gp, "set bmargin -1\n") != NULL, "and the margin is automatic again after");
  tap_ok (strstr (gp, "unset logscale\nset format x '%g'") != NULL && strstr (gp, "set key default\n") != NULL,
          "the axes and key are reset for the next panel");
}

/* Each change of the good description that must be refused, and a word
   of the reason. */
static void
test_refusals (void)
{
  char why[300];
  figure_converge_spec s = good_spec ();
  tap_ok (figure_converge_validate (&s, why, sizeof why) == 0, "the good description is accepted");
  static const double X_DOWN[3] = { 1, 10, 5 }, X_NAN[3] = { 1, NAN, 5 }, X_ZERO[3] = { 0, 1, 2 };
  static const double NEG[3] = { 0.1, -0.1, 0.1 }, ZERO[3] = { 1, 0, 1 }, BR_BAD[3] = { 1.5, 1.9, 1.1 };
  const struct { const char *what, *word; figure_converge_spec s; } bad[] = {
    {"one x value", "x values", {.title = "t", .xlabel = "x", .ylabel = "y", .x = X, .n = 1, .z = 2,
                                 .series = series, .n_series = 1}},
    {"no title", "title", {.xlabel = "x", .ylabel = "y", .x = X, .n = 3, .z = 2, .series = series, .n_series = 1}},
  };
  for (size_t i = 0; i < COUNT_OF (bad); i++)
    {
      why[0] = 0;
      tap_ok (figure_converge_validate (&bad[i].s, why, sizeof why) == -1 && strstr (why, bad[i].word),
              "refused: %s (%s)", bad[i].what, why);
    }
  /* the rest: one field of the good description changed at a time */
#define REFUSED(what, word, change)                                          \
  do {                                                                       \
    figure_converge_spec t = good_spec ();                                   \
    change;                                                                  \
    why[0] = 0;                                                              \
    tap_ok (figure_converge_validate (&t, why, sizeof why) == -1             \
            && strstr (why, word), "refused: %s (%s)", what, why);           \
  } while (0)
  REFUSED ("x not increasing", "increasing", t.x = X_DOWN);
  REFUSED ("x NaN", "finite", t.x = X_NAN);
  REFUSED ("x = 0 on a log axis", "log x", t.x = X_ZERO);
  REFUSED ("z = 0", "z = 0", t.z = 0);
  REFUSED ("z NaN", "z = nan", t.z = NAN);
  REFUSED ("a series' own z negative", "z = -1", series[1].z = -1);
  REFUSED ("no series", "0 series", t.n_series = 0);
  REFUSED ("six series", "6 series", t.n_series = 6);
  REFUSED ("a series without a label", "no label", series[0].label = NULL);
  REFUSED ("a series without estimates", "no estimates", series[0].estimate = NULL);
  REFUSED ("a negative SE", "not >= 0", series[0].se = NEG);
  REFUSED ("a closed form of NaN", "closed form", series[1].truth_value = NAN);
  REFUSED ("a spread with one end", "both ends", series[1].spread_hi = NULL);
  REFUSED ("a spread without a label", "no label", series[1].spread_label = NULL);
  REFUSED ("a seed line without a label", "no label", seed.label = "");
  REFUSED ("four seed lines", "4 seed lines", t.n_seeds = 4);
  REFUSED ("four references", "4 references", (t.refs = &seed, t.n_refs = 4));
  static const figure_converge_curve unlabelled = { NULL, NULL, 1 };
  REFUSED ("a reference without a label", "reference 0 has no label", (t.refs = &unlabelled, t.n_refs = 1));
  static const char *const QUOTED[3] = { "a", "say \"b\"", "c" }, *const BROKEN[3] = { "a\nb" };
  REFUSED ("a point label with a double quote", "double quote", series[1].point_label = QUOTED);
  REFUSED ("a point label with a newline", "newline", series[0].point_label = BROKEN);
  REFUSED ("bounds with one end", "both bounds", t.bracket_hi = NULL);
  REFUSED ("bounds without a label", "no label", t.bracket_label = NULL);
  REFUSED ("bounds lo > hi", "bracket", t.bracket_lo = BR_BAD);
  REFUSED ("a constant closed form <= 0 on a log y axis", "log y", (t.log_y = 1, series[1].truth_value = 0));
  REFUSED ("bounds <= 0 on a log y axis", "bracket", (t.log_y = 1, t.bracket_lo = NEG));
  REFUSED ("an x range lo >= hi", "range", (t.xlo = 5, t.xhi = 5));
  REFUSED ("a y range from 0 on a log axis", "range", (t.log_y = 1, t.ylo = 0, t.yhi = 10));
#undef REFUSED
  /* data, not description: noise may make these, and the run goes on */
  s = good_spec ();
  s.log_y = 1, series[0].estimate = NEG, series[0].se = X_NAN, seed.value = NEG;
  series[0].truth = ZERO;
  tap_ok (figure_converge_validate (&s, why, sizeof why) == 0,
          "accepted: on a log y axis an estimate, a closed form over x and a seed value <= 0,"
          " an SE of NaN");
}

/* A refused description dies with one line and EXIT_RUNTIME, as does
   asking for the z of a check that does not exist. */
static int
dies (harness * h, int which)
{
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0)
    {
      int err = open ("/dev/null", O_WRONLY);
      dup2 (err, 2);
      if (which == 0)
        {
          figure_converge_spec t = good_spec ();
          t.z = -1;
          int b = 0;
          figure_converge (NULL, &b, &t);     /* refused before H is used */
        }
      else
        figure_converge_z (h, "no_such_check");
      _exit (0);
    }
  int status;
  waitpid (pid, &status, 0);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

int
main (void)
{
  sbuf q;
  sbuf_init (&q);
  figure_gp_string (&q, "it's 'a' test");
  tap_ok (strcmp (sbuf_str (&q), "'it''s ''a'' test'") == 0,
          "figure_gp_string: single-quoted, each quote doubled (%s)", sbuf_str (&q));
  sbuf_free (&q);
  char dir[] = "/tmp/test_figure_converge.XXXXXX";
  if (!mkdtemp (dir))
    return 99;
  char *argv[] = { "test_figure_converge", "--outdir", dir, NULL };
  saved_stdout = dup (1), dev_null = open ("/dev/null", O_WRONLY);
  quiet (1);
  harness *h = harness_begin (&CLAIM, 3, argv);
  /* four points, the deciding one (the largest miss) without an SE, as a
     mutant's can be: the z of the points is still that of α / 4 */
  for (int i = 0; i < 3; i++)
    check_point (h, "c", est_mc (1.0, 0.1), est_exact (1.0, 0));
  check_point (h, "c", est_exact (2.0, 0), est_exact (1.0, 0));
  check_close (h, "c", "four points");
  quiet (0);
  tap_close (figure_converge_z (h, "c"), check_critical_value (REL_EQ, CHECK_ALPHA / 4), 1e-12,
             "figure_converge_z: the z check c decides its 4 points with (α = 1e-7 / 4)");
  tap_ok (figure_converge_z (h, "c") > check_critical_value (REL_EQ, CHECK_ALPHA) + 0.1,
          "larger than one point's z");

  figure_converge_spec s = good_spec ();
  int b = 0;
  figure_converge (h, &b, &s);
  tap_ok (b == 1, "the panel wrote one block (next %d)", b);
  test_data (sbuf_str (harness_figure_data (h)));
  test_script (sbuf_str (harness_figure_script (h)));

  /* a second panel: log y, a band that reaches below 0 drawn from a tenth
     of the estimate; the block is numbered 1 and follows two blank lines */
  static const double ONE[3] = { 1, 1, 1 }, SE_BIG[3] = { 1, 0.1, 0.1 };
  figure_converge_series c = { .label = "wide", .estimate = ONE, .se = SE_BIG, .truth_value = 1 };
  figure_converge_spec wide = { .title = "second", .xlabel = "k", .ylabel = "gap", .x = X, .n = 3,
    .log_x = 1, .log_y = 1, .z = 2, .series = &c, .n_series = 1, .key = "top left" };
  figure_converge (h, &b, &wide);
  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  double v[16];
  tap_ok (b == 2 && strstr (data, "\n\n\n# block 1: second\n") != NULL, "block 1 follows two blank lines");
  tap_ok (fixture_read_row (data, 1, 0, v, 16) == 9 && v[2] == 0.1 && v[3] == 3,
          "log y: the band 1 ± 2 reaches below 0, drawn from 1/10 to 3");
  tap_ok (fixture_read_row (data, 1, 1, v, 16) == 9 && fabs (v[2] - 0.8) < 1e-12, "and 1 ± 0.2 as it is");
  tap_ok (strstr (gp, "index 1 using 1:3:4 with filledcurves ls 1 title 'band ± z·SE, z = 2'") != NULL
          && strstr (gp, "index 1 using 1:5 with lines ls 7 title 'closed form'") != NULL,
          "one series: its band, and the closed form black dashed");
  tap_ok (strstr (gp, "set logscale y\nset format y '%g'\nset ytics (0.1, 0.2, 0.5, 1, 2, 5, 10)\n") != NULL,
          "log y over 0.1 to 3, drawn over the decades 0.1 to 10: tics at 1, 2, 5 times their powers");
  tap_ok (strstr (gp, "set key top left\n") != NULL, "the key where the description puts it");

  /* a third panel: 40 x (lines, no points), the band as bars, two
     reference curves after the bounds' columns */
  double x40[40], e40[40], se40[40], asym[40];
  for (int i = 0; i < 40; i++)
    x40[i] = i + 1, e40[i] = 1.0 / (i + 1), se40[i] = 0.01, asym[i] = 0.5 / (i + 1);
  figure_converge_series f = { .label = "gap", .estimate = e40, .se = se40, .truth = e40,
    .truth_label = "exact" };
  figure_converge_curve refs[2] = { {"Var/(2k)", asym, 0}, {"floor", NULL, 0.01} };
  figure_converge_spec many = { .title = "third", .xlabel = "k", .ylabel = "gap", .x = x40,
    .n = 40, .z = 3, .series = &f, .n_series = 1, .refs = refs, .n_refs = 2, .bars = 1 };
  figure_converge (h, &b, &many);
  data = sbuf_str (harness_figure_data (h)), gp = sbuf_str (harness_figure_script (h));
  tap_ok (fixture_read_row (data, 2, 9, v, 16) == 11 && v[0] == 10 && v[9] == 0.05 && v[10] == 0.01,
          "references: columns 10 and 11, after the bounds (row x = 10: 0.5/10, the constant)");
  tap_ok (strstr (data, "# column 10: reference: Var/(2k)\n# column 11: reference: floor\n") != NULL,
          "the header names the references");
  tap_ok (strstr (gp, "index 2 using 1:10 with lines ls 8 dt 3 lw 1.6 title 'Var/(2k)'") != NULL
          && strstr (gp, "index 2 using 1:11 with lines ls 8 dt 2 lw 1.6 title 'floor'") != NULL,
          "the references grey, dashed apart");
  tap_ok (strstr (gp, "index 2 using 1:2:3:4 with yerrorbars ls 1 title 'gap ± z·SE (z = 3)'") != NULL
          && strstr (gp, "index 2 using 1:3:4 with filledcurves") == NULL,
          "bars: the band as error bars on the estimate, no filled band");
  tap_ok (strstr (gp, "index 2 using 1:5 with lines ls 7 title 'exact'") != NULL
          && strstr (gp, "index 2 using 1:2 with linespoints") == NULL, "40 x: the closed form as a line");

  /* a fourth panel: point labels on the second series only, their column
     after a reference's; a NULL label is an empty string */
  static const char *const NAMES[3] = { "ρ = 0.9", NULL, "ρ = -0.5" };
  figure_converge_series two[2] = {
    { .label = "plain", .estimate = EST_A, .truth_value = 1 },
    { .label = "named", .estimate = EST_B, .truth = TRUTH_A, .point_label = NAMES } };
  figure_converge_curve flat = { "flat", NULL, 2 };
  figure_converge_spec named = { .title = "fourth", .xlabel = "x", .ylabel = "y", .x = X,
    .n = 3, .z = 2, .series = two, .n_series = 2, .refs = &flat, .n_refs = 1, .bars = 1 };
  figure_converge (h, &b, &named);
  data = sbuf_str (harness_figure_data (h)), gp = sbuf_str (harness_figure_script (h));
  tap_ok (fixture_read_row (data, 3, 0, v, 16) == 16 && v[7] == 1 && v[15] == 2
          && strstr (data, " 2 \"ρ = 0.9\"\n") != NULL,
          "point labels: column 17, quoted, after the reference's column 16 (row 0)");
  tap_ok (strstr (data, " 2 \"\"\n") != NULL && strstr (data, " 2 \"ρ = -0.5\"\n") != NULL,
          "a NULL label is the empty string; row 2 has its own");
  tap_ok (strstr (data, "# column 16: reference: flat\n# column 17: point labels: named\n") != NULL
          && strstr (data, "point labels: plain") == NULL, "the header names the one label column");
  tap_ok (strstr (gp, "index 3 using 1:8:17 with labels left offset 1,-0.8 font ',11' notitle") != NULL
          && strstr (gp, "index 3 using 1:2:17") == NULL,
          "the labels drawn at the named series' estimates (column 8), without a key entry");
  tap_ok (strstr (gp, "index 3 using 1:8 with points ls 3 title 'named'") != NULL,
          "bars and no SE: the estimates as points");
  test_refusals ();
  tap_ok (dies (h, 0) == EXIT_RUNTIME, "figure_converge dies on a refused description (exit 3)");
  tap_ok (dies (h, 1) == EXIT_RUNTIME, "figure_converge_z dies on an unknown check (exit 3)");

  /* gnuplot draws it ($GNUPLOT; the blank stand-in where figures are skipped) */
  quiet (1);
  int status = harness_end (h);
  quiet (0);
  tap_ok (status == EXIT_UNEXPECTED, "the claim ran (its check c failed, as made to), its figure written");
  char path[200];
  snprintf (path, sizeof path, "%s/figures/test_figure_converge.svg", dir);
  tap_ok (access (path, R_OK) == 0, "the SVG is there");
  char cmd[200];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    return 99;
  return tap_done ();
}
