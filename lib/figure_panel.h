/* figure_panel.h -- declarative figure panels that most claims need.
 *
 * A claim asks for a panel by name; the data come from what the engine and
 * the checks already found, so a figure can never show other numbers than
 * the report.  Claims keep raw gnuplot (harness_figure_script) only for
 * what is special to them. */
#ifndef HARNESS_FIGURE_PANEL_H
#define HARNESS_FIGURE_PANEL_H

#include "harness.h"

/* One panel: every seed line's value (harness lines are left out) against its ground truth at each
   point it was checked at (x: truth, y: the line), with the diagonal a line
   that holds lies on.  Findings are drawn in warm colours and named in the
   key, so they stand out.  TITLE is the panel's title.  Returns the number
   of data blocks written: a claim's own blocks follow, from that index. */
int figure_lines_against_truth (harness * h, const char *title);

#endif
