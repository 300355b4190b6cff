/* test_figure_curves.c -- lib/figure_curves.c: the data block and the
 * script of a panel worked by hand, rendered by gnuplot.
 *
 * Two lines of a point (c, x) along its coordinate x, c = 1 held, on a log
 * grid of three points (c x^2 and 2x at 1, 10, 100),
 * two marks, the zero line: every byte of the block and of the commands
 * is written out here from the header's contract, and gnuplot must accept
 * the script (exit 0, an SVG written).  A linear grid by hand.  Negative
 * controls: a description the panel must refuse (xlo <= 0 on a log axis,
 * no curve) ends the run with EXIT_RUNTIME, and a label's quote is
 * doubled, not passed through. */
#include "figure.h"
#include "figure_curves.h"
#include "fixture_exit.h"
#include "line_fn.h"
#include "fixture_render.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

LINE_FN_CLOSED (square, est_exact (p->v[1] * p->v[1] * p->v[0], 1))
LINE_FN_CLOSED (twice, est_exact (2 * p->v[1], 1))

static const point AT = { 2, 2, { 1, -7 } };

static figure_curves_spec
spec (void)
{
  return (figure_curves_spec) { .what = "two curves", .x_column = "x", .title = "it's a panel",
    .xlabel = "x", .ylabel = "f(x)", .xlo = 1, .xhi = 100, .n = 2, .log_x = 1, .ylo = -1,
    .yhi = 2.5e4, .at = &AT, .coord = 1, .zero_line = 1,
    .curves = {{"sq", "x^2", "ls 1", square}, {"lin", "2x (the seed's)", "ls 2 dt 2", twice}},
    .marks = {{"x_a", 3, "a"}, {"x_b", 0.5, "b"}} };
}

static const char DATA[] = "\n\n# two curves\n# x  sq  lin\n1 1 2\n10 100 20\n100 10000 200\n";
static const char SCRIPT[] = "x_a = 3\nx_b = 0.5\nset title \"it's a panel\"\nset xlabel 'x'\n"
  "set ylabel 'f(x)'\nset logscale x\nset xrange [1:100]\nset yrange [-1:25000]\n"
  "set key inside right top\n"
  "set arrow 1 from x_a, graph 0 to x_a, graph 1 nohead ls 8\n"
  "set arrow 2 from x_b, graph 0 to x_b, graph 1 nohead ls 8\n"
  "set label 1 'a' at x_a, graph 0.06 offset 0.5,0\n"
  "set label 2 'b' at x_b, graph 0.06 offset 0.5,0\n"
  "plot datafile index 1 using 1:2 with lines ls 1 title 'x^2', \\\n"
  "     '' index 1 using 1:3 with lines ls 2 dt 2 title '2x (the seed''s)', \\\n"
  "     0 with lines ls 7 notitle\n";

static void
draw (const void *spec)
{
  sbuf d, g;
  sbuf_init (&d), sbuf_init (&g);
  figure_curves (&d, &g, 1, spec);
}

/* figure_curves (S) ends the run with EXIT_RUNTIME */
static int
refused (figure_curves_spec s)
{
  return fixture_refused (draw, &s);
}

int
main (void)
{
  sbuf data, gp;
  sbuf_init (&data), sbuf_init (&gp);
  figure_curves_spec s = spec ();
  figure_curves (&data, &gp, 1, &s);
  tap_ok (fixture_same_text (sbuf_str (&data), DATA), "the data block, byte for byte");
  tap_ok (fixture_same_text (sbuf_str (&gp), SCRIPT),
          "the script, byte for byte (the label's quote doubled)");
  tap_ok (fixture_renders (sbuf_str (&data), sbuf_str (&gp)), "gnuplot renders the panel");
  s.log_x = 0, s.xlo = 0, s.xhi = 10, s.n = 4;
  tap_ok (figure_curves_x (&s, 0) == 0 && figure_curves_x (&s, 1) == 2.5
          && figure_curves_x (&s, 4) == 10, "a linear grid: 0, 2.5, ..., 10");
  figure_curves_spec g = { .xlo = 0.1, .xhi = 10, .n = 200, .log_x = 1 };
  tap_ok (figure_curves_x (&g, 100) == exp (log (0.1) + 100 * log (100.0) / 200),
          "a log grid: exp(log xlo + j log(xhi/xlo)/n)");
  s = spec ();
  s.xlo = 0;
  tap_ok (refused (s), "negative control: xlo = 0 on a log axis is refused (exit 3)");
  s = spec ();
  s.curves[0].column = NULL;
  tap_ok (refused (s), "negative control: a panel without curves is refused (exit 3)");
  s = spec ();
  s.coord = 2;
  tap_ok (refused (s), "negative control: a coordinate beyond the point's values is refused");
  s = spec ();
  s.log_x = 0;
  tap_ok (!refused (s), "and the same panel on a linear axis is drawn");
  sbuf_free (&data), sbuf_free (&gp);
  return tap_done ();
}
