/* figure_receptive_field.c -- receptive fields as labelled category
   images (see figure_receptive_field.h). */
#include "figure_receptive_field.h"
#include "errors.h"

#include <string.h>

void
figure_receptive_field_axes (sbuf * gp, const receptive_field * f)
{
  double hi = (double) f->n + 0.5;
  sbuf_append (gp, "set palette defined (0 '#ffffff', 1 '#E69F00', 2 '#56B4E9')\n"
               "set cbrange [0:2]\nunset colorbox\n");
  sbuf_printf (gp, "set xrange [0.5:%g]\nset yrange [%g:0.5]\n", hi, hi);
  sbuf_printf (gp, "set xtics 1,1,%zu scale 0\nset ytics 1,1,%zu scale 0\n", f->n, f->n);
  sbuf_append (gp, "unset grid\nunset logscale\n"
               "set xlabel 'column j'\nset ylabel 'row i'\nset size ratio -1\n"
               "set key outside bottom center horizontal samplen 1.2\n");
  /* pixel (r, c) is the unit square around (c + 1, r + 1) */
  sbuf_printf (gp, "set object 1 rect from %g,%g to %g,%g front fillstyle empty border"
               " lc rgb '#000000' lw 4\n", f->col + 0.5, f->row + 0.5, f->col + 1.5,
               f->row + 1.5);
}

/* F's data block BLOCK on FIG; returns the number of inputs seen. */
static int
append_block (sbuf * fig, int block, const receptive_field * f, const char *name, int draws)
{
  int seen = 0;
  sbuf_printf (fig, "\n\n# block %d: case %s\n# row col label category"
               " detections(of %d draws)\n", block, name, draws);
  for (size_t r = 0; r < f->n; r++)
    for (size_t c = 0; c < f->n; c++)
      {
        sbuf_printf (fig, "%zu %zu %d %d %d\n", r + 1, c + 1, receptive_field_label (r, c),
                     (int) receptive_field_classify (f, r, c),
                     f->hits[receptive_field_raster (f, r, c)]);
        seen += receptive_field_seen (f, r, c);
      }
  return seen;
}

void
figure_receptive_field (sbuf * fig, sbuf * gp, int block, const receptive_field * f,
                        const char *name, int draws, int key)
{
  if (strpbrk (name, "\"\\"))
    die_internal ("figure_receptive_field: a '\"' or '\\' in the panel's name %s", name);
  int seen = append_block (fig, block, f, name, draws);
  sbuf_printf (gp, "set title \"%s: %d inputs; blind spot", name, seen);
  receptive_field_append_blind_spot (gp, f);
  sbuf_append (gp, "\"\n");
  sbuf_printf (gp, "plot datafile index %d using 2:1:4 with image pixels notitle, \\\n"
               "     '' index %d using 2:1:(sprintf('%%d', $3)) with labels font ',13'"
               " notitle", block, block);
  if (key)
    sbuf_printf (gp, ", \\\n     NaN with boxes fs solid 1 lc rgb '#56B4E9' title 'seen by %d',"
                 " \\\n     NaN with boxes fs solid 1 lc rgb '#E69F00' title 'blind spot'",
                 receptive_field_label (f->row, f->col));
  sbuf_append (gp, "\n");
}
