/* conv2d_probe.c -- the receptive field of one output of a masked
   network, probed (see conv2d_probe.h). */
#include "conv2d_probe.h"
#include "conv2d.h"
#include "errors.h"

#include <gsl/gsl_vector.h>
#include <math.h>
#include <string.h>

#define MAXK2 (CONV2D_PROBE_MAX_K * CONV2D_PROBE_MAX_K)

/* Maps and kernels live in fixed buffers, viewed once at their run-time
   size (too little padding shrinks the maps). */
typedef struct
{
  double kbuf[CONV2D_PROBE_MAX_LAYERS][MAXK2], mbuf[CONV2D_PROBE_MAX_LAYERS][MAXK2];
  double xbuf[CONV2D_PROBE_MAX_LAYERS + 1][CONV2D_PROBE_MAX_MAP * CONV2D_PROBE_MAX_MAP];
  gsl_matrix_view k[CONV2D_PROBE_MAX_LAYERS], mk[CONV2D_PROBE_MAX_LAYERS];
  gsl_matrix_view x[CONV2D_PROBE_MAX_LAYERS + 1];      /* input, hidden..., output */
} net;

size_t
conv2d_probe_side (const conv2d_probe_spec * s, int l)
{
  if (s->layers < 1 || s->layers > CONV2D_PROBE_MAX_LAYERS || s->map > CONV2D_PROBE_MAX_MAP
      || s->k > CONV2D_PROBE_MAX_K || s->k == 0)
    die_internal ("conv2d_probe: %d layers, map %zu, kernel %zu beyond the limits",
                  s->layers, s->map, s->k);
  size_t n = s->map;
  for (int i = 0; i < l; i++)
    n = conv2d_output_length (n, s->k, s->pad);
  return n;
}

static void
net_init (const conv2d_probe_spec * s, net * w)
{
  for (int l = 0; l <= s->layers; l++)
    {
      size_t n = conv2d_probe_side (s, l);
      w->x[l] = gsl_matrix_view_array (w->xbuf[l], n, n);
    }
  for (int l = 0; l < s->layers; l++)
    {
      w->k[l] = gsl_matrix_view_array (w->kbuf[l], s->k, s->k);
      w->mk[l] = gsl_matrix_view_array (w->mbuf[l], s->k, s->k);
    }
}

static double
random_integer (const gsl_rng * r, long range)
{
  return (double) ((long) gsl_rng_uniform_int (r, 2 * (unsigned long) range + 1) - range);
}

/* Fresh weights, then the masks (and the flip: row-major reversal is a
   rotation by 180°). */
static void
net_draw (const conv2d_probe_spec * s, net * w, const gsl_rng * r)
{
  size_t k2 = s->k * s->k;
  for (int l = 0; l < s->layers; l++)
    {
      for (size_t a = 0; a < k2; a++)
        w->kbuf[l][a] = random_integer (r, s->weight_range);
      s->mask (l, &w->mk[l].matrix, s->ctx);
      if (s->flip)
        {
          gsl_vector_view kv = gsl_vector_view_array (w->kbuf[l], k2);
          gsl_vector_view mv = gsl_vector_view_array (w->mbuf[l], k2);
          gsl_vector_reverse (&kv.vector);
          gsl_vector_reverse (&mv.vector);
        }
    }
}

/* 0 when the output has no pixel (row, col), else 1 with *Y that pixel. */
static int
net_output (const conv2d_probe_spec * s, net * w, double *y)
{
  gsl_matrix *out = &w->x[s->layers].matrix;
  if (out->size1 <= s->row || out->size2 <= s->col)
    return 0;
  for (int l = 0; l < s->layers; l++)
    conv2d (&w->x[l].matrix, &w->k[l].matrix, &w->mk[l].matrix, s->pad, &w->x[l + 1].matrix);
  *y = gsl_matrix_get (out, s->row, s->col);
  return 1;
}

double
conv2d_probe_exactness_limit (const conv2d_probe_spec * s)
{
  return pow ((double) s->k, 2.0 * s->layers) * pow ((double) s->weight_range, s->layers)
    * 2.0 * (double) s->input_range;
}

double
conv2d_probe_miss_probability (const conv2d_probe_spec * s, int draws)
{
  return pow ((double) s->layers / (2.0 * (double) s->weight_range + 1.0), draws);
}

int
conv2d_probe_draws (const conv2d_probe_spec * s, long samples, double alpha)
{
  int draws = 1;
  while ((double) (s->map * s->map) * conv2d_probe_miss_probability (s, draws) > alpha)
    draws++;
  return samples > draws ? (int) samples : draws;
}

void
conv2d_probe (const conv2d_probe_spec * s, const gsl_rng * r, int draws, int *hits)
{
  net w;
  net_init (s, &w);
  size_t n2 = s->map * s->map;
  memset (hits, 0, n2 * sizeof *hits);
  double *x = w.xbuf[0], y0, y1;
  for (int d = 0; d < draws; d++)
    {
      net_draw (s, &w, r);
      for (size_t i = 0; i < n2; i++)
        x[i] = random_integer (r, s->input_range);
      if (!net_output (s, &w, &y0))
        continue;
      for (size_t i = 0; i < n2; i++)
        {
          double old = x[i];
          x[i] = old + 1.0 + (double) gsl_rng_uniform_int (r, (unsigned long) s->input_range);
          if (net_output (s, &w, &y1) && y1 != y0)
            hits[i]++;
          x[i] = old;
        }
    }
}
