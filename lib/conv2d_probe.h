/* conv2d_probe.h -- which inputs one output of a stack of masked 2-D
 * cross-correlations (lib/conv2d) depends on, found by probing the running
 * network, not read off its masks.
 *
 * The network: LAYERS layers of k x k kernels on an n x n map with zero
 * padding PAD (every map the same side when PAD = (k - 1) / 2), each
 * kernel masked by the caller's mask for that layer (the masks as a seed
 * writes them, or a claim's mutants).  A probe draws fresh weights,
 * integers uniform on -m..m, and an input, integers uniform on -R..R; then
 * moves each input pixel in turn by a random integer in 1..R and counts
 * the pixels whose move changed the output probed.
 *
 * Exact: |inputs| <= 2R and |weights| <= m bound every partial sum of
 * layer L by k^{2L} m^L 2R, an integer, exact in double below 2^53
 * (conv2d_probe_exactness_limit), so "changed" is !=.  Sure enough: a true
 * dependence is a nonzero polynomial of degree LAYERS in the weights, so
 * one draw misses it with probability at most LAYERS / (2m + 1)
 * (Schwartz-Zippel), DRAWS independent draws with that to the power DRAWS
 * (conv2d_probe_miss_probability). */
#ifndef HARNESS_CONV2D_PROBE_H
#define HARNESS_CONV2D_PROBE_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#define CONV2D_PROBE_MAX_LAYERS 4
#define CONV2D_PROBE_MAX_MAP 8
#define CONV2D_PROBE_MAX_K 5

typedef struct
{
  size_t map, k, pad;           /* n x n input, k x k kernels, padding */
  int layers;
  size_t row, col;              /* the output probed (0-based) */
  long weight_range, input_range;       /* m and R */
  /* layer LAYER's mask into M (k x k) */
  void (*mask) (int layer, gsl_matrix * m, const void *ctx);
  const void *ctx;
  int flip;                     /* a true convolution: kernels and masks
                                   rotated by 180° after they are drawn */
} conv2d_probe_spec;

/* The side of the map after layer L (0: the input), 0 where no map is
   left; dies (die_internal) when S exceeds the limits above. */
size_t conv2d_probe_side (const conv2d_probe_spec * s, int l);

/* k^{2L} m^L 2R: below 2^53 the probe's arithmetic is exact. */
double conv2d_probe_exactness_limit (const conv2d_probe_spec * s);

/* (LAYERS / (2m + 1))^DRAWS; and the draws that bring n² times it to at
   most ALPHA, at least SAMPLES. */
double conv2d_probe_miss_probability (const conv2d_probe_spec * s, int draws);
int conv2d_probe_draws (const conv2d_probe_spec * s, long samples, double alpha);

/* DRAWS probes on R; HITS[r n + c] counts the draws in which moving input
   (r, c) changed the output.  Per draw R gives: each layer's k² weights in
   turn, then the n² inputs, then a move per input.  A draw whose output
   has no pixel (row, col) (a map shrunk by too little padding) changes
   nothing. */
void conv2d_probe (const conv2d_probe_spec * s, const gsl_rng * r, int draws, int *hits);

#endif
