/* receptive_field.c -- a receptive field on a small square map: labels,
   categories, text, and the ground truth by reachability (see
   receptive_field.h). */
#include "receptive_field.h"
#include "errors.h"

#include <limits.h>
#include <string.h>

#define MAXN2 (RECEPTIVE_FIELD_MAX_MAP * RECEPTIVE_FIELD_MAX_MAP)

void
receptive_field_init (receptive_field * f, size_t n, size_t row, size_t col)
{
  if (n > RECEPTIVE_FIELD_MAX_MAP || row >= n || col >= n)
    die_internal ("receptive_field: pixel (%zu, %zu) of a %zu x %zu map beyond the limits",
                  row, col, n, n);
  memset (f, 0, sizeof *f);
  f->n = n, f->row = row, f->col = col;
}

int
receptive_field_label (size_t r, size_t c)
{
  return (int) (10 * (r + 1) + (c + 1));
}

size_t
receptive_field_raster (const receptive_field * f, size_t r, size_t c)
{
  return r * f->n + c;
}

int
receptive_field_seen (const receptive_field * f, size_t r, size_t c)
{
  return f->hits[receptive_field_raster (f, r, c)] > 0;
}

receptive_field_category
receptive_field_classify (const receptive_field * f, size_t r, size_t c)
{
  if (receptive_field_seen (f, r, c))
    return RECEPTIVE_FIELD_SEEN;
  return receptive_field_raster (f, r, c) < receptive_field_raster (f, f->row, f->col)
    ? RECEPTIVE_FIELD_BLIND : RECEPTIVE_FIELD_LATER;
}

int
receptive_field_append_labels (sbuf * s, const receptive_field * f,
                               receptive_field_category cat)
{
  int count = 0;
  for (size_t r = 0; r < f->n; r++)
    for (size_t c = 0; c < f->n; c++)
      if (receptive_field_classify (f, r, c) == cat)
        count++, sbuf_printf (s, " %d", receptive_field_label (r, c));
  return count;
}

void
receptive_field_append_blind_spot (sbuf * s, const receptive_field * f)
{
  if (!receptive_field_append_labels (s, f, RECEPTIVE_FIELD_BLIND))
    sbuf_append (s, " none");
}

void
receptive_field_append_grid (sbuf * s, const receptive_field * f)
{
  sbuf_append (s, "```\n");
  for (size_t r = 0; r < f->n; r++)
    for (size_t c = 0; c < f->n; c++)
      {
        if (receptive_field_seen (f, r, c))
          sbuf_printf (s, "%s%d", c ? " " : "", receptive_field_label (r, c));
        else
          sbuf_printf (s, "%s .", c ? " " : "");
        sbuf_append (s, c == f->n - 1 ? "\n" : "");
      }
  sbuf_append (s, "```\n");
}

void
receptive_field_append_summary (sbuf * s, const char *name, const receptive_field * f)
{
  sbuf_printf (s, "%s; blind spot (before %d, unseen):", name,
               receptive_field_label (f->row, f->col));
  receptive_field_append_blind_spot (s, f);
  sbuf_append (s, "\n\n");
  receptive_field_append_grid (s, f);
  sbuf_append (s, "\n");
}

/* BELOW: the units of the layer under FRONTIER that some unit of FRONTIER
   reads through a nonzero tap of TAPS (k x k). */
static void
reach_one_layer (const receptive_field * f, size_t k, size_t pad, const double *taps,
                 const int *frontier, int *below)
{
  long n = (long) f->n;
  memset (below, 0, MAXN2 * sizeof *below);
  for (long r = 0; r < n; r++)
    for (long c = 0; c < n; c++)
      for (size_t a = 0; a < k && frontier[r * n + c]; a++)
        for (size_t b = 0; b < k; b++)
          {
            long rr = r - (long) pad + (long) a, cc = c - (long) pad + (long) b;
            if (taps[a * k + b] != 0 && rr >= 0 && rr < n && cc >= 0 && cc < n)
              below[rr * n + cc] = 1;
          }
}

void
receptive_field_reach (receptive_field * f, int layers, size_t k, size_t pad,
                       const double *const taps[])
{
  if (k != 2 * pad + 1 || layers < 1)
    die_internal ("receptive_field_reach: %d layers of %zu x %zu taps with padding %zu"
                  " (need k = 2 pad + 1)", layers, k, k, pad);
  int frontier[MAXN2] = { 0 }, below[MAXN2];
  frontier[receptive_field_raster (f, f->row, f->col)] = 1;
  for (int l = layers - 1; l >= 0; l--)
    {
      reach_one_layer (f, k, pad, taps[l], frontier, below);
      memcpy (frontier, below, sizeof frontier);
    }
  memcpy (f->hits, frontier, sizeof f->hits);
}

int
receptive_field_tap_potential (size_t k, size_t pad, const double *taps)
{
  int s = INT_MIN;
  for (size_t a = 0; a < k; a++)
    for (size_t b = 0; b < k; b++)
      {
        int shift = ((int) a - (int) pad) + ((int) b - (int) pad);
        if (taps[a * k + b] != 0 && shift > s)
          s = shift;
      }
  return s;
}
