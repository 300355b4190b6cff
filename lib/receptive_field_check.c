/* receptive_field_check.c -- receptive fields as harness checks (see
   receptive_field_check.h). */
#include "receptive_field_check.h"

/* input (R, C) of F seen, as an exact estimate */
static estimate
seen (const receptive_field * f, size_t r, size_t c)
{
  return est_exact (receptive_field_seen (f, r, c), 0);
}

void
receptive_field_check_equal (harness * h, const char *id, const receptive_field * probed,
                             const receptive_field * truth)
{
  for (size_t r = 0; r < probed->n; r++)
    for (size_t c = 0; c < probed->n; c++)
      check_point (h, id, seen (probed, r, c), seen (truth, r, c));
}

void
receptive_field_check_causal (harness * h, const char *id, const receptive_field * f,
                              int sees_output)
{
  size_t out = receptive_field_raster (f, f->row, f->col);
  for (size_t r = 0; r < f->n; r++)
    for (size_t c = 0; c < f->n; c++)
      if (receptive_field_raster (f, r, c) >= out)
        check_point (h, id, seen (f, r, c),
                     est_exact (sees_output && receptive_field_raster (f, r, c) == out, 0));
}

int
receptive_field_check_unreachable (harness * h, const char *id, const receptive_field * f,
                                   size_t n, int reach, sbuf * labels)
{
  size_t out = receptive_field_raster (f, f->row, f->col);
  int count = 0;
  for (size_t r = 0; r < f->n; r++)
    for (size_t c = 0; c < f->n; c++)
      {
        int shift = ((int) r - (int) f->row) + ((int) c - (int) f->col);
        if (receptive_field_raster (f, r, c) >= out || shift <= reach)
          continue;
        count++;
        sbuf_printf (labels, " %d", receptive_field_label (r, c));
        for (size_t k = 0; k < n; k++)
          check_point (h, id, seen (&f[k], r, c), est_exact (0, 0));
      }
  return count;
}
