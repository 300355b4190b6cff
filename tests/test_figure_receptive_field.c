/* test_figure_receptive_field.c -- lib/figure_receptive_field.c: the axes,
 * the data blocks and the plot commands of two panels worked by hand,
 * rendered by gnuplot.
 *
 * A 3 x 3 map, output pixel 22: one field seen at 11 (3 detections) and 12
 * (1), so 13 and 21 are its blind spot, drawn with the key; one field
 * seen nowhere, without it.  Every byte of the blocks and the commands is
 * written out here from the header's contract (frame around 22 from 1.5
 * to 2.5, ranges to 3.5), and gnuplot must accept the script (exit 0, an
 * SVG written).  Negative controls: the same field transposed (seen at 11
 * and 21) gives another data block, and a name holding a '"' is refused
 * (exit 3). */
#include "figure.h"
#include "figure_receptive_field.h"
#include "fixture_exit.h"
#include "fixture_render.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char AXES[] = "set palette defined (0 '#ffffff', 1 '#E69F00', 2 '#56B4E9')\n"
  "set cbrange [0:2]\nunset colorbox\nset xrange [0.5:3.5]\nset yrange [3.5:0.5]\n"
  "set xtics 1,1,3 scale 0\nset ytics 1,1,3 scale 0\nunset grid\nunset logscale\n"
  "set xlabel 'column j'\nset ylabel 'row i'\nset size ratio -1\n"
  "set key outside bottom center horizontal samplen 1.2\n"
  "set object 1 rect from 1.5,1.5 to 2.5,2.5 front fillstyle empty border"
  " lc rgb '#000000' lw 4\n";
static const char PANELS[] = "set title \"demo: 2 inputs; blind spot 13 21\"\n"
  "plot datafile index 1 using 2:1:4 with image pixels notitle, \\\n"
  "     '' index 1 using 2:1:(sprintf('%d', $3)) with labels font ',13' notitle, \\\n"
  "     NaN with boxes fs solid 1 lc rgb '#56B4E9' title 'seen by 22', \\\n"
  "     NaN with boxes fs solid 1 lc rgb '#E69F00' title 'blind spot'\n"
  "set title \"empty: 0 inputs; blind spot 11 12 13 21\"\n"
  "plot datafile index 2 using 2:1:4 with image pixels notitle, \\\n"
  "     '' index 2 using 2:1:(sprintf('%d', $3)) with labels font ',13' notitle\n";
static const char DATA[] = "\n\n# block 1: case demo\n# row col label category"
  " detections(of 4 draws)\n1 1 11 2 3\n1 2 12 2 1\n1 3 13 1 0\n2 1 21 1 0\n2 2 22 0 0\n"
  "2 3 23 0 0\n3 1 31 0 0\n3 2 32 0 0\n3 3 33 0 0\n"
  "\n\n# block 2: case empty\n# row col label category detections(of 4 draws)\n"
  "1 1 11 1 0\n1 2 12 1 0\n1 3 13 1 0\n2 1 21 1 0\n2 2 22 0 0\n2 3 23 0 0\n3 1 31 0 0\n"
  "3 2 32 0 0\n3 3 33 0 0\n";

/* The demo field of output 22: 11 seen 3 times, and AT (12, or 21 when
   transposed) once. */
static receptive_field
demo (size_t at)
{
  receptive_field f;
  receptive_field_init (&f, 3, 1, 1);
  f.hits[0] = 3, f.hits[at] = 1;
  return f;
}

static void
draw (const void *name)
{
  sbuf d, g;
  sbuf_init (&d), sbuf_init (&g);
  receptive_field f = demo (1);
  figure_receptive_field (&d, &g, 1, &f, name, 4, 0);
}

/* figure_receptive_field with NAME ends the run with EXIT_RUNTIME */
static int
refused (const char *name)
{
  return fixture_refused (draw, name);
}

int
main (void)
{
  sbuf data, axes, gp;
  sbuf_init (&data), sbuf_init (&axes), sbuf_init (&gp);
  receptive_field f = demo (1), empty;
  receptive_field_init (&empty, 3, 1, 1);
  figure_receptive_field_axes (&axes, &f);
  figure_receptive_field (&data, &gp, 1, &f, "demo", 4, 1);
  figure_receptive_field (&data, &gp, 2, &empty, "empty", 4, 0);
  tap_ok (fixture_same_text (sbuf_str (&axes), AXES), "the axes, byte for byte");
  tap_ok (fixture_same_text (sbuf_str (&gp), PANELS), "two panels' commands, byte for byte");
  tap_ok (fixture_same_text (sbuf_str (&data), DATA), "two data blocks, byte for byte");
  sbuf page;                     /* the two panels in a multiplot, as a claim draws them */
  sbuf_init (&page);
  sbuf_printf (&page, "set multiplot layout 1,2\n%s%sunset multiplot\n", sbuf_str (&axes),
               sbuf_str (&gp));
  tap_ok (fixture_renders (sbuf_str (&data), sbuf_str (&page)), "gnuplot renders the panels");
  sbuf_free (&page);
  sbuf t, tg;
  sbuf_init (&t), sbuf_init (&tg);
  receptive_field transposed = demo (3);
  figure_receptive_field (&t, &tg, 1, &transposed, "demo", 4, 1);
  tap_ok (strncmp (sbuf_str (&t), DATA, strlen (sbuf_str (&t))) != 0,
          "negative control: the field transposed gives another data block");
  tap_ok (refused ("say \"hi\""), "negative control: a name with a '\"' is refused (exit 3)");
  tap_ok (!refused ("plain"), "and a plain name is drawn");
  sbuf_free (&t), sbuf_free (&tg);
  sbuf_free (&data), sbuf_free (&axes), sbuf_free (&gp);
  return tap_done ();
}
