/* test_receptive_field.c -- lib/receptive_field: the ground truth by
 * reachability against fields worked out by hand (one layer of PixelCNN's
 * mask A: the four taps above and left; two layers: seed 003 Q4's case 1;
 * a full mask at a corner, clipped by the padding) and against a different
 * algorithm, lib/conv2d_probe, which runs the network and perturbs each
 * input, on random 0/1 masks of 1..3 layers; the labels, categories, label
 * lists, the text grid and the summary of case 1 against text written out
 * by hand (and the summary of a field at 11, which names 11); the
 * tap potential of masks A, B, a full and an empty mask by hand.
 * Negative controls: mask A transposed, and a probe of the kernel-flipped
 * network, give fields the comparisons reject. */
#include "conv2d.h"
#include "conv2d_probe.h"
#include "receptive_field.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <limits.h>
#include <string.h>

static const double MASK_A[9] = { 1, 1, 1, 1, 0, 0, 0, 0, 0 };
static const double MASK_B[9] = { 1, 1, 1, 1, 1, 0, 0, 0, 0 };
static const double FULL[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
static const double ZERO[9] = { 0 };

/* F's seen inputs are exactly the LABELS (N of them). */
static int
field_is (const receptive_field * f, const int *labels, size_t n)
{
  int want[RECEPTIVE_FIELD_MAX_MAP * RECEPTIVE_FIELD_MAX_MAP] = { 0 };
  for (size_t i = 0; i < n; i++)
    want[(labels[i] / 10 - 1) * f->n + labels[i] % 10 - 1] = 1;
  for (size_t i = 0; i < f->n * f->n; i++)
    if ((f->hits[i] > 0) != want[i])
      return 0;
  return 1;
}

static receptive_field
reach (size_t row, size_t col, int layers, const double *const taps[])
{
  receptive_field f;
  receptive_field_init (&f, 5, row, col);
  receptive_field_reach (&f, layers, 3, 1, taps);
  return f;
}

static void
test_by_hand (void)
{
  const double *a[] = { MASK_A, MASK_A }, *full[] = { FULL };
  static const int above_left[] = { 22, 23, 24, 32 };
  receptive_field f = reach (2, 2, 1, a);
  tap_ok (field_is (&f, above_left, 4), "one layer of mask A: 22 23 24 32");
  static const int case1[] = { 11, 12, 13, 14, 15, 21, 22, 23, 31 };
  f = reach (2, 2, 2, a);
  tap_ok (field_is (&f, case1, 9), "mask A then A: 11..15, 21..23, 31");
  static const int corner[] = { 11, 12, 21, 22 };
  f = reach (0, 0, 1, full);
  tap_ok (field_is (&f, corner, 4), "a full mask at 11: the padding clips it to 11 12 21 22");
  double at[9];                 /* negative control: mask A transposed */
  for (int i = 0; i < 9; i++)
    at[i] = MASK_A[(i % 3) * 3 + i / 3];
  const double *t[] = { at };
  f = reach (2, 2, 1, t);
  tap_ok (!field_is (&f, above_left, 4), "negative control: mask A transposed is told apart");
}

static void
probe_mask (int l, gsl_matrix * m, const void *ctx)
{
  const double *const *taps = ctx;
  for (size_t i = 0; i < 9; i++)
    gsl_matrix_set (m, i / 3, i % 3, taps[l][i]);
}

/* Fields of the probed network and by reachability, input for input. */
static int
probe_agrees (const gsl_rng * r, int layers, const double *const taps[], int flip)
{
  conv2d_probe_spec s = { 5, 3, 1, layers, 2, 1, 1000, 8, probe_mask, taps, flip };
  receptive_field probed, truth = reach (2, 1, layers, taps);
  receptive_field_init (&probed, 5, 2, 1);
  conv2d_probe (&s, r, 8, probed.hits);
  for (size_t i = 0; i < 25; i++)
    if ((probed.hits[i] > 0) != truth.hits[i])
      return 0;
  return 1;
}

static void
test_against_probe (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 11);
  double m[3][9];
  const double *taps[] = { m[0], m[1], m[2] };
  int agree = 0, trials = 60;
  for (int t = 0; t < trials; t++)
    {
      for (int l = 0; l < 3; l++)
        for (int i = 0; i < 9; i++)
          m[l][i] = gsl_rng_uniform (r) < 0.4 ? 1 : 0;
      agree += probe_agrees (r, 1 + t % 3, taps, 0);
    }
  tap_ok (agree == trials, "random 0/1 masks, 1..3 layers: reach = the probed network"
          " (%d of %d)", agree, trials);
  const double *a[] = { MASK_A, MASK_A };
  tap_ok (!probe_agrees (r, 2, a, 1), "negative control: the kernel-flipped network's"
          " probed field is not the reach of the masks as written");
  gsl_rng_free (r);
}

static void
test_text (void)
{
  const double *a[] = { MASK_A, MASK_A };
  receptive_field f = reach (2, 2, 2, a);
  tap_ok (receptive_field_label (2, 2) == 33 && receptive_field_label (0, 4) == 15,
          "labels: (2, 2) is 33, (0, 4) is 15");
  tap_ok (receptive_field_raster (&f, 2, 2) == 12, "raster: 33 is the 13th pixel");
  tap_ok (receptive_field_classify (&f, 1, 4) == RECEPTIVE_FIELD_BLIND
          && receptive_field_classify (&f, 2, 2) == RECEPTIVE_FIELD_LATER
          && receptive_field_classify (&f, 0, 0) == RECEPTIVE_FIELD_SEEN,
          "categories: 25 blind, 33 later, 11 seen");
  sbuf s;
  sbuf_init (&s);
  int n = receptive_field_append_labels (&s, &f, RECEPTIVE_FIELD_SEEN);
  tap_ok (n == 9 && !strcmp (sbuf_str (&s), " 11 12 13 14 15 21 22 23 31"),
          "seen labels: '%s' (%d)", sbuf_str (&s), n);
  sbuf_free (&s), sbuf_init (&s);
  receptive_field_append_blind_spot (&s, &f);
  tap_ok (!strcmp (sbuf_str (&s), " 24 25 32"), "blind spot: '%s'", sbuf_str (&s));
  sbuf_free (&s), sbuf_init (&s);
  receptive_field_append_grid (&s, &f);
  tap_ok (!strcmp (sbuf_str (&s), "```\n11 12 13 14 15\n21 22 23  .  .\n31  .  .  .  .\n"
                   " .  .  .  .  .\n .  .  .  .  .\n```\n"), "the text grid of case 1");
  sbuf_free (&s), sbuf_init (&s);
  receptive_field_append_summary (&s, "1. A then A", &f);
  tap_ok (!strcmp (sbuf_str (&s), "1. A then A; blind spot (before 33, unseen): 24 25 32\n\n```\n"
                   "11 12 13 14 15\n21 22 23  .  .\n31  .  .  .  .\n .  .  .  .  .\n .  .  .  .  .\n"
                   "```\n\n"), "the summary of case 1: heading, blind spot, grid");
  sbuf_free (&s), sbuf_init (&s);
  const double *full[] = { FULL };
  f = reach (0, 0, 1, full);
  receptive_field_append_summary (&s, "full", &f);
  tap_ok (strncmp (sbuf_str (&s), "full; blind spot (before 11, unseen): none\n\n", 44) == 0,
          "the summary of a field at 11 names 11 (not a fixed 33), its blind spot none");
  sbuf_free (&s), sbuf_init (&s);
  receptive_field_append_blind_spot (&s, &f);
  tap_ok (!strcmp (sbuf_str (&s), " none"), "no pixel before 11: blind spot ' none'");
  sbuf_free (&s);
}

int
main (void)
{
  test_by_hand ();
  test_against_probe ();
  test_text ();
  /* A: taps at (di, dj) = (-1, -1), (-1, 0), (-1, +1), (0, -1); B adds (0, 0) */
  tap_ok (receptive_field_tap_potential (3, 1, MASK_A) == 0, "potential of mask A: 0");
  tap_ok (receptive_field_tap_potential (3, 1, MASK_B) == 0, "potential of mask B: 0");
  tap_ok (receptive_field_tap_potential (3, 1, FULL) == 2, "potential of a full mask: 2");
  tap_ok (receptive_field_tap_potential (3, 1, ZERO) == INT_MIN, "an empty mask: INT_MIN");
  return tap_done ();
}
