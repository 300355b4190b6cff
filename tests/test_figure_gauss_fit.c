/* test_figure_gauss_fit.c -- lib/figure_gauss_fit.c against a panel worked
 * by hand, rendered by gnuplot.
 *
 * Target p = 0.6 N(-2, 0.5²) + 0.4 N(3, 1²), fits written out (no
 * optimiser): the inclusive N(0.2, 2²) and three exclusive ones, the
 * first two at component 1 and the third at component 2.  The density
 * rows are read back and compared with p(x) and the normal densities
 * written out here from exp and π (not lib/gmm, lib/normal); the runs
 * block and the whole script are compared byte for byte with text written
 * from the header's contract: component 1's curve is the FIRST run that
 * reached it, keyed by both starts.  With every run at one component the
 * other's column is NaN and it has no curve.  Negative controls: a 2-D
 * target, five components and no fits are refused (exit 3).  The page, in
 * a claim of one line run inside the test (its TAP to /dev/null), opens a
 * multiplot of two, the lines panel first, then the same hand-written
 * panel from block 1 (the lines panel's block 0 is not overwritten). */
#include "figure.h"
#include "figure_gauss_fit.h"
#include "fixture_exit.h"
#include "fixture_harness.h"
#include "fixture_page.h"
#include "fixture_render.h"
#include "line_fn.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double W[2] = { 0.6, 0.4 }, MU[2] = { -2, 3 }, SD[2] = { 0.5, 1 };

static const gauss_fit INCL = { .m = 0.2, .s = 2, .m0 = 0, .s0 = 1, .converged = 1 };
static const gauss_fit EXCL[3] = {
  { .m = -2, .s = 0.5, .m0 = -4, .s0 = 1, .converged = 1 },
  { .m = -2.01, .s = 0.52, .m0 = 0.5, .s0 = 1, .converged = 1 },
  { .m = 3, .s = 1, .m0 = 4, .s0 = 1, .converged = 1 },
};

static double
gauss (double x, double m, double s)
{
  return exp (-0.5 * (x - m) * (x - m) / (s * s)) / (s * sqrt (2 * M_PI));
}

static const char RUNS[] = "\n\n# block 2: start m0, mode reached (1 or 2), fitted m, s\n"
  "-4 1 -2 0.5\n0.5 1 -2.01 0.52\n4 2 3 1\n";
static const char SCRIPT[] = "set title 'the fits'\nset xlabel 'x'\nset ylabel 'density'\n"
  "set xrange [-4:6]\nset yrange [0:0.5]\nset key top center maxrows 3 width -2\n"
  "plot datafile index 1 using 1:2 with filledcurves y1=0 ls 8 fc rgb '#999999' title 'target p', \\\n"
  "     '' index 1 using 1:3 with lines ls 2 dt 2 lw 3 title 'inclusive fit (moment match)', \\\n"
  "     '' index 1 using 1:4 with lines ls 1 title 'exclusive fit from m0 = -4, 0.5', \\\n"
  "     '' index 1 using 1:5 with lines ls 3 title 'exclusive fit from m0 = 4', \\\n"
  "     '' index 2 using 1:($2 == 1 ? 0.008 : NaN) with points ls 1 pt 9 ps 1.8 notitle, \\\n"
  "     '' index 2 using 1:($2 == 2 ? 0.008 : NaN) with points ls 3 pt 9 ps 1.8 notitle\n";

static figure_gauss_fit_spec
spec (const gmm * p)
{
  return (figure_gauss_fit_spec) { .p = p, .incl = &INCL, .excl = EXCL, .n = 3,
    .title = "the fits", .xlo = -4, .xhi = 6, .ymax = 0.5 };
}

/* The density rows of block 1 in DATA, row j at x = -4 + 10 j/600 (the
   grid of S, printed to 6 digits), each against p, q_incl and the two
   curves' fits (NAN_MODE: the column that must be NaN, or -1), to
   relative 1e-7 (printed to 8 digits); returns the rows that matched. */
static int
density_rows (const char *data, int nan_mode)
{
  const char *row = strstr (data, "inclusive_q(x)  exclusive_q_mode1(x)  exclusive_q_mode2(x)\n");
  const gauss_fit *curve[2] = { &EXCL[0], &EXCL[2] };
  int good = 0, j = 0;
  for (row = row ? strchr (row, '\n') + 1 : ""; *row && *row != '\n'; row = strchr (row, '\n') + 1, j++)
    {
      char *end;
      double x = -4 + 10 * j / 600.0, want[4] = { 0.6 * gauss (x, -2, 0.5) + 0.4 * gauss (x, 3, 1),
        gauss (x, 0.2, 2), gauss (x, curve[0]->m, curve[0]->s), gauss (x, curve[1]->m, curve[1]->s) };
      int ok = fabs (strtod (row, &end) - x) <= 1e-5;      /* x to 6 digits */
      for (int c = 0; c < 4; c++)
        {
          double got = strtod (end, &end);
          ok &= nan_mode >= 0 && c - 2 == nan_mode ? isnan (got) : fabs (got - want[c]) <= 1e-7 * want[c] + 1e-300;
        }
      good += ok;
    }
  return good;
}

static void
draw (const void *spec)
{
  sbuf d, g;
  sbuf_init (&d), sbuf_init (&g);
  figure_gauss_fit (&d, &g, 1, spec);
}

/* figure_gauss_fit (S) ends the run with EXIT_RUNTIME (3) */
static int
refused (figure_gauss_fit_spec s)
{
  return fixture_refused (draw, &s);
}

/* the page's claim: one line, for the lines panel */
static const check_spec CHECKS[] = {
  {"c", "harness", "", REL_EQ, EXPECT_HOLDS, NULL},
};
static const claim PAGE = {
  .slug = "test_figure_gauss_fit_page", .title = "page test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, CLAIM_DERIVATIONS (&fixture_page_one),
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

/* STR has A, then B from there on, then C from there on */
static int
in_order (const char *str, const char *a, const char *b, const char *c)
{
  const char *p = strstr (str, a), *q = p ? strstr (p, b) : NULL;
  return q && strstr (q, c);
}

static void
test_page (const gmm * p)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &PAGE);
  check_compare (h, "c", est_exact (1, 0), est_exact (1, 0), "one point");
  harness_run_derivations (h);
  figure_gauss_fit_spec s = spec (p);
  figure_gauss_fit_page (h, "the lines", &s);
  fixture_harness_loud (&f);
  const char *gp = sbuf_str (harness_figure_script (h)), *data = sbuf_str (harness_figure_data (h));
  const char *panel = strstr (gp, SCRIPT);
  tap_ok (in_order (gp, "set multiplot layout 1,2\n", "set title 'the lines'", SCRIPT),
          "the page opens a multiplot of two: the lines panel, then the fits' panel by hand");
  tap_ok (panel && strcmp (panel + strlen (SCRIPT), "unset multiplot\n") == 0,
          "... from block 1, and closes the multiplot after it");
  tap_ok (strstr (data, RUNS) != NULL, "the runs block is block 2, byte for byte");
  tap_ok (strstr (data, "# block 0: x") == NULL && strstr (data, "# block 1: x  p(x)") != NULL,
          "negative control: the fits' densities do not take the lines panel's block 0");
  fixture_harness_end (&f);
}

int
main (void)
{
  gmm *p = gmm_alloc_1d (2, W, MU, SD);
  sbuf data, gp;
  sbuf_init (&data), sbuf_init (&gp);
  figure_gauss_fit_spec s = spec (p);
  figure_gauss_fit (&data, &gp, 1, &s);
  const char *runs = strstr (sbuf_str (&data), "\n\n# block 2");
  tap_ok (strncmp (sbuf_str (&data), "\n\n# block 1: x  p(x)  inclusive_q(x)  exclusive_q_mode1(x)"
                   "  exclusive_q_mode2(x)\n-4 ", 79) == 0, "the density block's header and first x");
  tap_ok (density_rows (sbuf_str (&data), -1) == 601,
          "601 rows of p, the inclusive q and the first run per component, by hand");
  tap_ok (runs && fixture_same_text (runs, RUNS), "the runs block, byte for byte");
  tap_ok (fixture_same_text (sbuf_str (&gp), SCRIPT), "the script, byte for byte");
  tap_ok (fixture_renders (sbuf_str (&data), sbuf_str (&gp)), "gnuplot renders the panel");

  /* every run at component 2: component 1's column NaN, no curve for it */
  sbuf_free (&data), sbuf_free (&gp);
  sbuf_init (&data), sbuf_init (&gp);
  s.excl = EXCL + 2, s.n = 1;
  figure_gauss_fit (&data, &gp, 1, &s);
  tap_ok (density_rows (sbuf_str (&data), 0) == 601, "a component no run reached: its column NaN");
  tap_ok (strstr (sbuf_str (&gp), "using 1:4") == NULL && strstr (sbuf_str (&gp), "using 1:5") != NULL,
          "and no curve for it");
  tap_ok (density_rows (sbuf_str (&data), -1) == 0, "(the rows' check sees the NaN)");

  s = spec (p);
  s.n = 0;
  tap_ok (refused (s), "negative control: no exclusive fit is refused (exit 3)");
  double w5[5] = { 1, 1, 1, 1, 1 }, mu5[5] = { 0, 1, 2, 3, 4 }, sd5[5] = { 1, 1, 1, 1, 1 };
  gmm *p5 = gmm_alloc_1d (5, w5, mu5, sd5), *p2d = gmm_alloc (2, 2);
  s.n = 3, s.p = p5;
  tap_ok (refused (s), "negative control: five components (four styles) are refused");
  s.p = p2d;
  tap_ok (refused (s), "negative control: a 2-D target is refused");
  s.p = p;
  tap_ok (!refused (s), "and the 1-D two-component panel is drawn");
  test_page (p);
  gmm_free (p5), gmm_free (p2d), gmm_free (p);
  sbuf_free (&data), sbuf_free (&gp);
  return tap_done ();
}
