/* receptive_field.h -- the receptive field of one output pixel on a small
 * square map: which input pixels it depends on, named and ordered as seed
 * 003 Q4 counts them, with the ground truth such a field must match when
 * the network is a stack of masked cross-correlations.
 *
 * Pixels carry the labels of the seed's grids, 10 r + c with 1-based row r
 * and column c ("33" is the centre of a 5 x 5 map), so a map is at most
 * 9 x 9.  Raster order runs row by row, left to right: an autoregressive
 * model (PixelCNN: van den Oord, Kalchbrenner & Kavukcuoglu 2016, "Pixel
 * Recurrent Neural Networks", sec. 3.4) lets the output at a pixel depend
 * only on inputs before it in that order.  A field holds a count per input
 * pixel (a probe's detections, or 0/1), row-major at r n + c as
 * lib/conv2d_probe writes them; a pixel is seen when its count is
 * positive.  Relative to the output pixel every input falls in one of
 * three categories: seen; blind spot (before the output, unseen); later
 * (the output itself or after it, unseen).
 *
 * The ground truth (receptive_field_reach) is reachability over the
 * nonzero taps of masks as a seed writes them: it runs no network and
 * shares no code with lib/conv2d or lib/conv2d_probe, so a field probed on
 * a running network can be checked against it. */
#ifndef HARNESS_RECEPTIVE_FIELD_H
#define HARNESS_RECEPTIVE_FIELD_H

#include "sbuf.h"

#include <stddef.h>

#define RECEPTIVE_FIELD_MAX_MAP 9       /* labels 10 r + c need r, c <= 9 */

/* The categories, numbered as the figure's palette counts them. */
typedef enum
{
  RECEPTIVE_FIELD_LATER = 0,    /* the output pixel or after it, unseen */
  RECEPTIVE_FIELD_BLIND = 1,    /* before the output pixel, unseen */
  RECEPTIVE_FIELD_SEEN = 2
} receptive_field_category;

typedef struct
{
  size_t n;                     /* an n x n input map */
  size_t row, col;              /* the output pixel, 0-based */
  int hits[RECEPTIVE_FIELD_MAX_MAP * RECEPTIVE_FIELD_MAX_MAP];  /* at r n + c */
} receptive_field;

/* F: the empty field of output pixel (ROW, COL) on an N x N map.  Dies
   (die_internal) when N exceeds RECEPTIVE_FIELD_MAX_MAP or the pixel lies
   outside the map. */
void receptive_field_init (receptive_field * f, size_t n, size_t row, size_t col);

/* The seed's label of pixel (R, C), 0-based: 10 (R + 1) + (C + 1). */
int receptive_field_label (size_t r, size_t c);

/* Pixel (R, C)'s position in raster order, 0-based: R n + C. */
size_t receptive_field_raster (const receptive_field * f, size_t r, size_t c);

/* 1 when input (R, C) is seen (its count is positive), else 0. */
int receptive_field_seen (const receptive_field * f, size_t r, size_t c);

/* Input (R, C)'s category (see above). */
receptive_field_category receptive_field_classify (const receptive_field * f, size_t r,
                                                   size_t c);

/* " label" appended to S for each input of category CAT, in raster order;
   returns how many. */
int receptive_field_append_labels (sbuf * s, const receptive_field * f,
                                   receptive_field_category cat);

/* The blind spot's labels appended to S as above, or " none". */
void receptive_field_append_blind_spot (sbuf * s, const receptive_field * f);

/* The field as an n x n text grid in a Markdown code block, appended to S:
   a seen input by its label, any other by a dot, right-aligned in columns
   of two, one space apart. */
void receptive_field_append_grid (sbuf * s, const receptive_field * f);

/* F's summary under the heading NAME, appended to S: "NAME; blind spot
   (before L, unseen):" (L the output pixel's label) with the blind spot's
   labels as receptive_field_append_blind_spot writes them, a blank line,
   the grid of receptive_field_append_grid and one more blank line. */
void receptive_field_append_summary (sbuf * s, const char *name, const receptive_field * f);

/* F's counts (its n, row and col kept): 1 for every input with a path to
   the output pixel through LAYERS layers of k x k taps, 0 elsewhere.
   TAPS[l] is layer l's mask (row-major k x k, 0-based layers from the
   input); a tap is a connection when its entry is nonzero.  Unit (r, c)
   of layer l reads unit (r - PAD + a, c - PAD + b) of layer l - 1 through
   tap (a, b): cross-correlation, "without kernel flipping" (seed 003 Q4),
   every map n x n, so K = 2 PAD + 1; a tap outside the map reads zero
   padding and joins nothing.  The walk goes back from the output, layer
   by layer, marking every unit with such a path.  Dies (die_internal)
   when K != 2 PAD + 1 or LAYERS < 1. */
void receptive_field_reach (receptive_field * f, int layers, size_t k, size_t pad,
                            const double *const taps[]);

/* The potential of a mask (row-major k x k): the largest di + dj over its
   nonzero taps, where tap (a, b) moves by (di, dj) = (a - PAD, b - PAD).
   A path through L layers of such masks moves by at most L times it in
   di + dj, so inputs beyond that are out of reach (the PixelCNN blind
   spot).  Returns INT_MIN for a mask without a nonzero tap. */
int receptive_field_tap_potential (size_t k, size_t pad, const double *taps);

#endif
