/* figure_curves.h -- the declarative panel of derivation lines along one
 * coordinate of a point, with marked x's.
 *
 * The picture a claim draws when a seed's line is a function that differs
 * from its truth: both, as closed forms of a point (line_value_fn, the
 * functions its derivation already evaluates), along one coordinate x
 * with the others held, the x's that matter (where each vanishes, a
 * stationary point) marked by vertical lines with a label at their foot,
 * and the zero line.  In the manner of figure_panel.h and
 * figure_converge.h: the claim gives the lines and where to draw them, the
 * panel evaluates them (their values; the bounds are the report's),
 * writes data block BLOCK (after a blank-line pair: never the first
 * block) and the plot commands, inside a multiplot the claim opens and
 * closes.  A mark is a gnuplot
 * variable (NAME = x), so that the .gp reads and restyles by hand.  The
 * panel leaves its marks and its log scale set: a claim draws it last, or
 * unsets them before its next panel.
 *
 *   figure_curves_spec c = { .what = "f'(x) at a = 1", .x_column = "x",
 *     .title = "f'(x)", .xlabel = "x", .ylabel = "f'", .xlo = 0.1, .xhi = 10,
 *     .n = 200, .log_x = 1, .ylo = -3, .yhi = 3, .at = &p, .coord = 0, .zero_line = 1,
 *     .curves = {{"truth", "f' (truth)", "ls 1", tr_df}, {"seed", "f' as written",
 *       "ls 2 dt 2", v_df}}, .marks = {{"x_root", 1.0, "f' = 0"}} };
 *   figure_curves (harness_figure_data (h), harness_figure_script (h), block, &c); */
#ifndef HARNESS_FIGURE_CURVES_H
#define HARNESS_FIGURE_CURVES_H

#include "derivation.h"
#include "sbuf.h"

#include <stddef.h>

#define FIGURE_CURVES_MAX 4
#define FIGURE_CURVES_MAX_MARKS 4

/* A curve: its data column's name (no spaces), its key title, its line
   style (gnuplot, e.g. "ls 2 dt 2") and the line drawn. */
typedef struct
{
  const char *column, *label, *style;
  line_value_fn f;
} figure_curves_curve;

/* A marked x: the gnuplot variable holding it, the x, and its label. */
typedef struct
{
  const char *name;
  double x;
  const char *label;
} figure_curves_mark;

typedef struct
{
  const char *what;              /* the data block's first header line */
  const char *x_column;          /* the x column's name */
  const char *title;             /* in double quotes: no '"' or '\' */
  const char *xlabel, *ylabel;
  double xlo, xhi, ylo, yhi;     /* the ranges; x sampled from xlo to xhi */
  int n;                         /* intervals: n + 1 points */
  int log_x;                     /* log-spaced x (xlo > 0) on a log axis */
  const char *key;               /* gnuplot key placement; NULL: inside right top */
  const point *at;               /* the point: its coordinate COORD is x */
  size_t coord;
  const void *prep;              /* passed to every line */
  /* the curves and the marks: those before the first without a column
     (a name), so that an initializer lists just the ones it has */
  figure_curves_curve curves[FIGURE_CURVES_MAX];
  figure_curves_mark marks[FIGURE_CURVES_MAX_MARKS];
  int zero_line;                 /* draw y = 0 (grey, lib/figure_style.gp's ls 7) */
} figure_curves_spec;

/* The x of point J of S's grid: xlo e^(j log(xhi/xlo) / n) as
   exp(log xlo + j log(xhi/xlo) / n) on a log axis, else xlo + j (xhi -
   xlo) / n. */
double figure_curves_x (const figure_curves_spec * s, int j);

/* Write S as data block BLOCK of DATA (header: WHAT, then the column
   names; rows x in %.6g, the curves in %.10g) and its plot commands to
   GP.  A description without title, axis labels or curves, with n < 1,
   xlo >= xhi, ylo >= yhi or xlo <= 0 on a log axis, without a point or
   with a coordinate beyond its values, is a defect of the claim: one
   line, EXIT_RUNTIME (die_runtime). */
void figure_curves (sbuf * data, sbuf * gp, int block, const figure_curves_spec * s);

#endif
