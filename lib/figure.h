/* figure.h -- the program's figure: data, gnuplot script, SVG.
 *
 * The program appends columns to harness_figure_data() (gnuplot data
 * blocks, '#' header lines) and plot commands to harness_figure_script().
 * figure_write() writes figures/<slug>.dat and figures/<slug>.gp (the shared
 * style from lib/figure_style.gp first), renders figures/<slug>.svg with
 * gnuplot in batch mode, checks gnuplot's exit status and that the SVG is
 * complete, and leaves all three as pending temporary files: harness_end
 * renames them into place with the report (atomic_file_commit_all).  The .gp runs on its own too:
 * `cd figures && gnuplot <slug>.gp`. */
#ifndef HARNESS_FIGURE_H
#define HARNESS_FIGURE_H

#include "harness.h"

void figure_write (harness * h);

/* lib/figure_style.gp's key (its "set key" line), from gnuplot's default:
   a declarative panel leaves it so for whatever the claim draws next. */
#define FIGURE_STYLE_KEY "set key default\nset key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2\n"

/* The gnuplot program: $GNUPLOT, else "gnuplot". */
const char *figure_gnuplot (void);

/* S as a gnuplot single-quoted string, appended to B: a quote is doubled
   (for the figure panels' titles and labels). */
void figure_gp_string (sbuf * b, const char *s);

#endif
