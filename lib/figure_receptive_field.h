/* figure_receptive_field.h -- panels of receptive fields (lib/receptive_field):
 * one n x n image per field, each input pixel coloured by its category and
 * carrying its label, the output pixel framed.
 *
 * In the manner of figure_curves.h: the claim opens and closes the
 * multiplot and draws its other panels; figure_receptive_field_axes sets
 * the axes once, then each figure_receptive_field call writes one data
 * block (after a blank-line pair: never the first block) and its plot
 * commands.  Colours are Okabe-Ito ones, as in lib/figure_style.gp:
 * white for later (the output pixel or after it, unseen), orange for the
 * blind spot (before the output, unseen), sky blue for seen; the palette
 * is indexed by receptive_field_category, so the data's category column is
 * the colour.  Rows run downwards, as the seed's grids are printed.  The
 * axes stay set for what the claim draws next in the multiplot.
 *
 *   figure_receptive_field_axes (gp, &fields[0]);
 *   for (k = 0; k < n; k++)
 *     figure_receptive_field (fig, gp, block + k, &fields[k], names[k], draws, k == 0); */
#ifndef HARNESS_FIGURE_RECEPTIVE_FIELD_H
#define HARNESS_FIGURE_RECEPTIVE_FIELD_H

#include "receptive_field.h"
#include "sbuf.h"

/* The axes shared by the panels of fields on F's map, appended to GP: the
   palette (categories 0..2, no colour box), ranges 0.5..n + 0.5 with rows
   downwards, unit tics without marks, no grid, no log scale, the labels
   'column j' and 'row i', square pixels, the key below the panel, and a
   black frame (object 1) around F's output pixel. */
void figure_receptive_field_axes (sbuf * gp, const receptive_field * f);

/* One panel of F, drawn on the axes above.  To FIG: data block BLOCK,
   headed "# block BLOCK: case NAME" and its columns, one row per input
   pixel in raster order: 1-based row and column, label, category, count
   (detections of DRAWS draws).  To GP: the title "NAME: N inputs; blind
   spot L..." (N the inputs seen, L the blind spot's labels, or "none"),
   the image of the categories and the labels on it; KEY nonzero adds the
   key entries 'seen by <output label>' and 'blind spot' (one panel needs
   them).  NAME goes in double quotes: dies (die_internal) when it holds a
   '"' or a '\'. */
void figure_receptive_field (sbuf * fig, sbuf * gp, int block, const receptive_field * f,
                             const char *name, int draws, int key);

#endif
