/* test_figure_panel.c -- lib/figure_panel.c on a claim of its own.
 *
 * A seed chain with a line that holds, an error and a line that carries
 * it, a seed line with nothing to evaluate, and, in a derivation of its
 * own, a harness line (source "harness": the harness's property, not the
 * student's).  The engine runs inside the test (fixture_harness.h); the
 * panel's data and script are then read back against the line results,
 * and gnuplot renders them (harness_end dies, exit 3, if it refuses). */
#include "figure_panel.h"
#include "figure.h"
#include "fixture_harness.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture_box.h"   /* after the system headers: it defines A and B */

/* ---- a box point (a, b) (fixture_box.h); truths a² + b and a b ---- */
CLOSED_FN (f_sum, A * A, B)
CLOSED_FN (f_sum_plus_one, A * A, B, 1)
CLOSED_FN (f_prod, A * B)

static const derivation_truth TRUTHS[] = {
  {"sum", "a² + b", LINE_CLOSED (f_sum)}, {"prod", "a b", LINE_CLOSED (f_prod)},
};
/* the harness's line first: a panel that drew it would put it on row 1 */
static const derivation_line OWN[] = {
  {.id = "own", .source = "harness", .text = "a b", .eval = LINE_CLOSED (f_prod), .truth = "prod"},
};
/* S 2's source has a quote and a backslash: its label must survive both */
static const derivation_line SEED[] = {
  {.id = "holds", .source = "S 1", .text = "a² + b", .eval = LINE_CLOSED (f_sum), .truth = "sum"},
  {.id = "wrong", .source = "S 2 'bis' \\", .text = "a² + b + 1", .eval = LINE_CLOSED (f_sum_plus_one),
   .expect = V_ERROR},
  {.id = "prose", .source = "S 3", .text = "hence", .expect = V_NOT_CHECKABLE, .why = "prose"},
  {.id = "carried", .source = "S 4", .text = "(a² + b + 1)", .eval = LINE_CLOSED (f_sum_plus_one),
   .expect = V_CARRIES},
};
#define DV(name, lines_) static derivation name = { .id = #name, .title = #name, .points = &box, \
    .n_points = 20, DERIVATION_TABLES (TRUTHS, lines_) }
DV (d_own, OWN);
DV (d_seed, SEED);
static const claim CLAIM = {
  .slug = "test_figure_panel", .title = "panel test", .claim = "", .sources = "",
  .derivations = (const derivation *const[]) {&d_own, &d_seed}, .n_derivations = 2,
  .samples_default = 1000, .samples_quick = 1000, .figure_caption = "",
};

/* The rows the panel must draw, in order: the evaluated seed lines. */
static const claim OWN_ONLY = {
  .slug = "test_figure_panel_own", .title = "panel test", .claim = "", .sources = "",
  .derivations = (const derivation *const[]) {&d_own}, .n_derivations = 1,
  .samples_default = 1000, .samples_quick = 1000, .figure_caption = "",
};

static const char *const ROWS[] = { "holds", "wrong", "carried" };
#define N_ROWS ((int) COUNT_OF (ROWS))
static const char TITLE[] = "it's a \\ title";

/* The data blocks of DATA (gnuplot: two blank lines between blocks):
   their starts in AT[], their count returned. */
static int
split_blocks (const char *data, const char *at[], int max)
{
  int n = 0;
  for (const char *s = data; *s && n < max; n++)
    {
      at[n] = s;
      const char *sep = strstr (s, "\n\n\n");
      s = sep ? sep + 3 : s + strlen (s);
    }
  return n;
}

/* The values of the block at S (up to its end or the next block). */
static size_t
block_values (const char *s, double *v, size_t max)
{
  const char *end = strstr (s, "\n\n\n");
  size_t n = 0;
  while (*s && (!end || s < end) && n < max)
    {
      if (*s != '#')
        v[n++] = strtod (s, NULL);
      s = strchr (s, '\n');
      s = s ? s + 1 : "";
    }
  return n;
}

/* Each drawn line's block: its header, and at each point the miss over
   the margin as the engine found it (floored at 1e-3, printed to 6
   digits): below 1 at every point for the line that holds, orders of
   magnitude above it for the error and the line carrying it. */
static void
test_data (harness * h, const char *data)
{
  const char *at[8];
  double v[64];
  tap_ok (split_blocks (data, at, 8) == N_ROWS, "one data block per seed line, none for the harness line");
  tap_ok (strstr (data, "harness (own)") == NULL, "the harness line has no block");
  for (int k = 0; k < N_ROWS && k < split_blocks (data, at, 8); k++)
    {
      const line_result *r = derivation_find (h, ROWS[k]);
      const line_compare *c = &r->statement;
      char head[100];
      snprintf (head, sizeof head, "# block %d: %s (%s), %s\n", k, r->line->source, r->line->id,
                verdict_name (r->verdict));
      tap_ok (strncmp (at[k], head, strlen (head)) == 0, "block %d is %s's", k, r->line->id);
      size_t n = block_values (at[k], v, 64), same = 0;
      double lo = INFINITY, hi = 0;
      for (size_t j = 0; j < n && j < c->n_points; j++)
        {
          double x = c->pts_ratio[j], want = isnan (x) || x > 1e300 ? 1e300 : fmax (x, 1e-3);
          same += fabs (v[j] - want) <= 1e-5 * want;
          lo = fmin (lo, v[j]), hi = fmax (hi, v[j]);
        }
      tap_ok (n == c->n_points && n >= 20 && same == n, "%s: its %zu points, each its miss / margin"
              " (%zu of %zu as the engine found them)", r->line->id, n, same, c->n_points);
      if (r->verdict == V_HOLDS)
        tap_ok (hi < 1, "%s holds: below 1 at every point (largest %.3g)", r->line->id, hi);
      else
        tap_ok (lo > 1e3, "%s (%s): far above 1 at every point (smallest %.3g)", r->line->id,
                verdict_name (r->verdict), lo);
    }
}

/* The script: the title, one labelled row per seed line, findings in line
   style 2 (the style's vermillion squares), the rest in style 1 (blue
   circles), and every axis setting undone after the plot.  Quoting is
   checked at gnuplot's string level: in a single-quoted string only the
   quote is special.  (The enhanced-text terminal then reads a backslash as
   an escape, so the SVG shows "a  title": a rendering matter, not this
   one's; sources such as "M^A" rely on enhanced text.) */
static void
test_script (harness * h, const char *gp)
{
  tap_ok (strstr (gp, "set xrange [0.0005:*]\n") != NULL,
          "a miss beyond 1 (the error line): the x range autoscaled to take it");
  tap_ok (strstr (gp, "set title 'it''s a \\ title'\n") != NULL,
          "the title single-quoted: its quote doubled, its backslash as it is");
  tap_ok (strstr (gp, "set yrange [3.5:0.5]\n") != NULL, "three rows, the first at the top");
  tap_ok (strstr (gp, "set ytics font ',10' ('S 1 (holds)' 1, 'S 2 ''bis'' \\ (error)' 2,"
                  " 'S 4 (carries an error)' 3)\n") != NULL,
          "one label per row, by verdict; S 2's quote doubled, its backslash kept");
  tap_ok (strstr (gp, "'harness") == NULL && strstr (gp, "'S 3") == NULL,
          "no row for the harness line nor for the line with nothing to evaluate");
  char want[120];
  for (int k = 0; k < N_ROWS; k++)
    {
      const line_result *r = derivation_find (h, ROWS[k]);
      int finding = verdict_is_finding (r->verdict);
      snprintf (want, sizeof want, "datafile index %d using 1:(%d) with points ls %d", k, k + 1,
                finding ? 2 : 1);
      tap_ok (strstr (gp, want) != NULL, "%s (%s) on row %d as %s", r->line->id,
              verdict_name (r->verdict), k + 1, finding ? "a vermillion square" : "a blue circle");
    }
  tap_ok (strstr (gp, "index 3") == NULL, "and no fourth curve");
  /* each setting the panel makes before its plot, and its undoing after */
  static const char *const SET[][2] = {
    {"set logscale x\n", "unset logscale x\n"}, {"set format x '", "set format x\n"},
    {"set xrange [", "set xrange [*:*]\n"}, {"set yrange [", "set yrange [*:*]\n"},
    {"set ytics font ',10'", "set ytics font ''\nset ytics auto\n"},
    {"set arrow from 1", "unset arrow\n"}, {"set key off\n", "set key default\n"},
    {"set grid xtics\n", "set grid\n"},
  };
  const char *plot = strstr (gp, "\nplot ");
  for (size_t i = 0; i < COUNT_OF (SET); i++)
    {
      const char *set = strstr (gp, SET[i][0]), *undo = plot ? strstr (plot, SET[i][1]) : NULL;
      tap_ok (set && plot && set < plot && undo, "'%.*s' reset after the plot", (int) strcspn (SET[i][0], "\n"),
              SET[i][0]);
    }
}

/* A claim with no seed line at all (a property the harness checks) has
   its own lines drawn rather than an empty panel. */
static void
test_harness_lines_only (void)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &OWN_ONLY);
  harness_run_derivations (h);
  int blocks = figure_lines_against_truth (h, "own");
  fixture_harness_loud (&f);
  const char *gp = sbuf_str (harness_figure_script (h));
  tap_ok (blocks == 1 && strstr (gp, "('harness (holds)' 1)\n")
          && strstr (gp, "datafile index 0 using 1:(1) with points ls 1"),
          "no seed line: the harness line is drawn, one row (%d block)", blocks);
  /* its ratio is far below 1: the range still reaches the holds line at 1,
     which gnuplot would otherwise draw beyond the panel (it does not clip
     arrows), across the page's next panel */
  tap_ok (strstr (gp, "set xrange [0.0005:2]\n") && strstr (gp, "set arrow from 1, graph 0"),
          "every miss below 1: the x range reaches past 1, where the holds line is drawn");
  fixture_harness_end (&f);
}

/* The text of DIR/NAME, or NULL (the caller frees it). */
static char *
slurp (const char *dir, const char *name)
{
  char path[300];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen (path, "r");
  char *text = NULL;
  size_t len = 0;
  if (f && fseek (f, 0, SEEK_END) == 0 && (len = (size_t) ftell (f)) > 0 && fseek (f, 0, SEEK_SET) == 0
      && (text = malloc (len + 1)))
    text[fread (text, 1, len, f)] = 0;
  if (f)
    fclose (f);
  return text;
}

int
main (void)
{
  box = point_box (BOX, COUNT_OF (BOX), NULL);
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  harness_run_derivations (h);
  int blocks = figure_lines_against_truth (h, TITLE);
  fixture_harness_loud (&f);
  /* the engine's verdicts are what the rows are drawn from */
  tap_ok (derivation_find (h, "holds")->verdict == V_HOLDS && derivation_find (h, "wrong")->verdict == V_ERROR
          && derivation_find (h, "carried")->verdict == V_CARRIES && derivation_find (h, "own")->verdict == V_HOLDS,
          "the engine: S 1 holds, S 2 is an error, S 4 carries it, the harness line holds");
  const char *at[8];
  tap_ok (blocks == N_ROWS && blocks == split_blocks (sbuf_str (harness_figure_data (h)), at, 8),
          "returns the number of blocks written (%d)", blocks);
  test_data (h, sbuf_str (harness_figure_data (h)));
  test_script (h, sbuf_str (harness_figure_script (h)));

  int restores_key = strstr (sbuf_str (harness_figure_script (h)), FIGURE_STYLE_KEY) != NULL;
  /* gnuplot draws it; the .gp it ran has the style the panel relies on */
  fixture_harness_quiet (&f);
  int status = harness_end (h);
  fixture_harness_loud (&f);
  tap_ok (status == EXIT_AS_EXPECTED, "the claim ran as its tables expect, its figure drawn");
  char *gp = slurp (f.dir, "figures/test_figure_panel.gp");
  tap_ok (gp && strstr (gp, "set style line 1 lc rgb '#0072B2' lw 2.2 pt 7 ")
          && strstr (gp, "set style line 2 lc rgb '#D55E00' lw 2.2 pt 5 "),
          "style 1 is blue (#0072B2) circles (pt 7), style 2 vermillion (#D55E00) squares (pt 5)");
  /* the key the panel restores afterwards is the style's own */
  const char *style_key = strchr (FIGURE_STYLE_KEY, '\n') + 1;
  tap_ok (gp && strstr (gp, style_key) && restores_key,
          "after the panel, the style's key (%.*s)", (int) strlen (style_key) - 1, style_key);
  free (gp);
  char cmd[100];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", f.dir);
  close (f.null);
  close (f.saved);
  if (system (cmd) != 0)
    return 99;
  test_harness_lines_only ();
  return tap_done ();
}
