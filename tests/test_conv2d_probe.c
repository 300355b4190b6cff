/* test_conv2d_probe.c -- lib/conv2d_probe: the probed receptive field of
   output (2, 2) of 5 x 5 maps against fields worked out by hand -- the 3 x 3
   neighbourhood of an unmasked kernel, the four taps above and left of
   PixelCNN's mask A, the same rotated by 180° under a kernel flip, none
   under an all-zero mask -- and the map sides, the exactness limit, the
   miss probability and the draws against their formulas. */
#include "conv2d.h"
#include "conv2d_probe.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

typedef enum { ONES, MASK_A, ZERO } which_mask;

static void
test_mask (int l, gsl_matrix * m, const void *ctx)
{
  (void) l;
  which_mask w = *(const which_mask *) ctx;
  if (w == MASK_A)
    conv2d_mask (CONV2D_MASK_A, m);
  else
    gsl_matrix_set_all (m, w == ONES ? 1.0 : 0.0);
}

/* The pixels (r, c) hit in DRAWS probes are exactly those listed in WANT
   (pairs, N of them). */
static int
field_is (const conv2d_probe_spec * s, int draws, const int (*want)[2], size_t n)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 7);
  int hits[25], expect[25] = { 0 };
  conv2d_probe (s, r, draws, hits);
  gsl_rng_free (r);
  for (size_t i = 0; i < n; i++)
    expect[want[i][0] * 5 + want[i][1]] = 1;
  for (int i = 0; i < 25; i++)
    if ((hits[i] > 0) != expect[i])
      return 0;
  return 1;
}

int
main (void)
{
  which_mask w = ONES;
  conv2d_probe_spec s = { 5, 3, 1, 1, 2, 2, 100, 8, test_mask, &w, 0 };
  int draws = conv2d_probe_draws (&s, 1, 1e-7);
  /* 25 (1/201)^d <= 1e-7: d >= log(25 / 1e-7) / log 201 = 3.65 */
  tap_ok (draws == 4, "draws: the least d with 25 (1/201)^d <= 1e-7 is 4 (%d)", draws);
  tap_ok (conv2d_probe_draws (&s, 50, 1e-7) == 50, "draws: at least the samples asked for");
  static const int nbhd[9][2] = { {1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 2}, {2, 3}, {3, 1}, {3, 2}, {3, 3} };
  tap_ok (field_is (&s, draws, nbhd, 9), "one unmasked 3 x 3 layer: the 3 x 3 neighbourhood");
  w = MASK_A;
  static const int above_left[4][2] = { {1, 1}, {1, 2}, {1, 3}, {2, 1} };
  tap_ok (field_is (&s, draws, above_left, 4), "mask A: the row above and the pixel to the left");
  s.flip = 1;
  static const int rotated[4][2] = { {3, 3}, {3, 2}, {3, 1}, {2, 3} };
  tap_ok (field_is (&s, draws, rotated, 4), "mask A, flipped: the same taps rotated by 180°");
  s.flip = 0, w = ZERO;
  tap_ok (field_is (&s, draws, NULL, 0), "an all-zero mask: no input is seen");

  conv2d_probe_spec two = { 5, 3, 1, 2, 2, 2, 10, 8, test_mask, &w, 0 };
  tap_ok (conv2d_probe_side (&two, 1) == 5 && conv2d_probe_side (&two, 2) == 5,
          "padding 1: every map 5 x 5");
  two.pad = 0;
  tap_ok (conv2d_probe_side (&two, 1) == 3 && conv2d_probe_side (&two, 2) == 1,
          "padding 0: 5 -> 3 -> 1");
  w = ONES;
  tap_ok (field_is (&two, 3, NULL, 0), "an output without pixel (2, 2) sees nothing");
  tap_ok (conv2d_probe_exactness_limit (&two) == 81.0 * 100 * 16,
          "exactness limit k^4 m^2 2R = 129600");
  tap_close (conv2d_probe_miss_probability (&two, 3), pow (2.0 / 21.0, 3), 1e-15,
             "miss probability (2 / (2m + 1))^3");
  return tap_done ();
}
