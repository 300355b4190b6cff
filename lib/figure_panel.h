/* figure_panel.h -- declarative figure panels that most claims need.
 *
 * A claim asks for a panel by name; the data come from what the engine and
 * the checks already found, so a figure can never show other numbers than
 * the report.  Claims keep raw gnuplot (harness_figure_script) only for
 * what is special to them. */
#ifndef HARNESS_FIGURE_PANEL_H
#define HARNESS_FIGURE_PANEL_H

#include "harness.h"

/* One panel: each seed line (harness lines are left out) on a row of its
   own, and at every point it was checked at, how far it misses its ground
   truth in units of the decision's margin z·SE + bound (log scale): a line
   that holds stays left of 1 at every point; an error or a carried error
   lies orders of magnitude to the right.  Findings are drawn as vermillion
   squares.  TITLE is the panel's title.  Returns the number of data blocks
   written: a claim's own blocks follow, from that index; the axes are
   reset for the claim's next panel. */
int figure_lines_against_truth (harness * h, const char *title);

#endif
