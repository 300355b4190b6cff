/* test_figure_mcmc_cost.c -- lib/figure_mcmc_cost: the bars are each
 * sampler's ESS per 1000 evaluations, as worked out by hand.
 *
 * Two hand-made summaries inside a claim run in the test (its TAP to
 * /dev/null): A with ESS 100, 200, ..., 500 over 4000 evaluations (25 to
 * 125 per 1000), B with ESS 500, ..., 100 over 2000 (250 to 50).  The data
 * block must hold exactly the rows written out below, its header the
 * samplers' names; the script plots the block's columns 3 and 4 as
 * clustered bars with the labels quoted for gnuplot (a quote doubled); the
 * block counter advances.  Negative control: B with its evaluations halved
 * (a gradient left uncounted) gives another first row, which the
 * comparison with the hand-worked rows catches. */
#include "figure_mcmc_cost.h"
#include "fixture_harness.h"
#include "tap.h"

#include <string.h>

static const claim CLAIM = {
  .slug = "test_figure_mcmc_cost", .title = "figure test", .claim = "", .sources = "",
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

static const char ROWS[] =
  "# block 0: ESS per 1000 evaluations\n# moment_index  A  B\n"
  "0 \"E x1\" 25 250\n1 \"E x2\" 50 200\n2 \"E x1²\" 75 150\n"
  "3 \"E x1x2\" 100 100\n4 \"E x2²\" 125 50\n";

static void
hand_made (mcmc_cost * a, mcmc_cost * b)
{
  memset (a, 0, sizeof *a);
  memset (b, 0, sizeof *b);
  a->name = "A", a->n = 1000, a->evaluations = 4000;
  b->name = "B", b->n = 2000, b->evaluations = 2000;
  for (size_t m = 0; m < MCMC_COST_N_MOMENTS; m++)
    a->moment[m].ess = 100.0 * (double) (m + 1), b->moment[m].ess = 100.0 * (double) (5 - m);
}

/* The panel of A and B, drawn in a fresh claim run: does its data block
   hold ROWS?  The script into GP (at most LEN bytes). */
static int
panel_matches (const mcmc_cost * a, const mcmc_cost * b, int *block, char *gp, size_t len)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  *block = 0;
  figure_mcmc_cost (h, block, "(c) A's cost", a, "A (random walk)", b, "B's leapfrog");
  int match = strstr (sbuf_str (harness_figure_data (h)), ROWS) != NULL;
  snprintf (gp, len, "%s", sbuf_str (harness_figure_script (h)));
  fixture_harness_loud (&f);
  fixture_harness_end (&f);
  return match;
}

int
main (void)
{
  mcmc_cost a, b;
  char gp[2048];
  int block;
  hand_made (&a, &b);
  tap_ok (panel_matches (&a, &b, &block, gp, sizeof gp), "the data block, rows worked by hand");
  tap_ok (block == 1, "one data block written (next %d)", block);
  tap_ok (strstr (gp, "set title '(c) A''s cost'\n") != NULL, "the title, its quote doubled");
  tap_ok (strstr (gp, "set style data histograms\nset style histogram clustered gap 1\n")
          && strstr (gp, "set yrange [0:*]\n"), "clustered bars from 0");
  tap_ok (strstr (gp, "plot datafile index 0 using 3:xtic(2) ls 1 title 'A (random walk)', \\\n"
                  "     '' index 0 using 4 ls 2 title 'B''s leapfrog'\n") != NULL,
          "A's column 3 named by the tics, B's column 4, labels quoted");
  b.evaluations = 1000;
  tap_ok (!panel_matches (&a, &b, &block, gp, sizeof gp),
          "negative control: B's evaluations halved change the bars, caught");
  return tap_done ();
}
