/* masked_convolution.c -- receptive fields of a two-layer masked CNN
 * (seed 003 Q4).
 *
 * The seed: a two-layer convolutional network "without kernel flipping",
 * 3 x 3 kernels, padding 1, a 5 x 5 map convolved into a 5 x 5 map; masks
 *
 *     (M^A)_{::ij} = 1 if i < 2;  1 if i = 2 and j <  2;  0 elsewhere
 *     (M^B)_{::ij} = 1 if i < 2;  1 if i = 2 and j <= 2;  0 elsewhere
 *
 * (1-based), printed as M^A = [1 1 1; 1 0 0; 0 0 0] and
 * M^B = [1 1 1; 1 1 0; 0 0 0]; the question: the receptive field of output
 * pixel 33 (row 3, column 3) for the mask orders A/A, A/B, B/A, B/B.  The
 * solution's answer is "illustrated in figure 2", but figure 2 holds only
 * four unmarked copies of the pixel grid: the seed gives no answer, and
 * this program supplies it.
 *
 * Evidence: the network is run (lib/conv2d.c, masks from conv2d_mask) with
 * random integer weights, and each input pixel is perturbed in turn; input
 * ij is in the receptive field when output 33 changes.  Integer weights
 * and inputs keep the arithmetic exact, and Schwartz-Zippel bounds the
 * chance that a true dependence cancels in every draw (see the notes).
 * Ground truth: reachability over the nonzero taps of the masks AS PRINTED
 * in the seed, a graph computation that shares no code with the probe.
 * Also: the case definitions of the masks against the printed matrices,
 * the 5 x 5 output size, the autoregressive property of an A first layer,
 * the B/B leak of the centre pixel, and the blind spot at input 25. */
#include "harness.h"
#include "conv2d.h"

#include <gsl/gsl_matrix.h>
#include <math.h>

#define MAP 5                   /* the seed's 5 x 5 feature map */
#define KSIZE 3                 /* 3 x 3 kernels */
#define PAD 1                   /* padding 1 on each border */
#define LAYERS 2
#define TARGET_ROW 2            /* output pixel 33, 0-based */
#define TARGET_COL 2
#define INPUT_RANGE 8           /* inputs and perturbations in [-8, 8] */

static const check_spec CHECKS[] = {
  {"mask_a_definition", "003 Q4 (M^A)",
   "(M^A)_{ij} = 1 if i < 2, 1 if i = 2 and j < 2, 0 elsewhere (1-based) is the printed M^A = [1 1 1; 1 0 0; 0 0 0]",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"mask_b_definition", "003 Q4 (M^B)",
   "(M^B)_{ij} = 1 if i < 2, 1 if i = 2 and j <= 2, 0 elsewhere (1-based) is the printed M^B = [1 1 1; 1 1 0; 0 0 0]",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"output_size", "003 Q4",
   "3 x 3 kernels with padding 1 on each border: a 5 x 5 input map is convolved into a 5 x 5 output (both layers)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"rf_aa", "003 Q4.1",
   "M^A in layer 1, M^A in layer 2: the inputs on which output 33 depends (probed) = the inputs with a path to 33 over the masks' nonzero taps",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"rf_ab", "003 Q4.2",
   "M^A in layer 1, M^B in layer 2: probed receptive field of output 33 = reachability over the printed masks",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"rf_ba", "003 Q4.3",
   "M^B in layer 1, M^A in layer 2: probed receptive field of output 33 = reachability over the printed masks",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"rf_bb", "003 Q4.4",
   "M^B in layer 1, M^B in layer 2: probed receptive field of output 33 = reachability over the printed masks",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"causal_a_first", "003 Q4 (autoregressive conditioning)",
   "with M^A in layer 1 (cases 1, 2), output 33 depends on no input at or after 33 in raster order",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"causal_ba", "harness",
   "with M^B in layer 1 and M^A in layer 2 (case 3), output 33 also depends on no input at or after 33: the A mask of layer 2 hides the centre",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"bb_sees_centre", "harness",
   "with M^B in both layers (case 4), output 33 depends on input 33 itself and on no later input: a B first layer breaks the autoregressive property",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"blind_spot", "harness",
   "input 25 precedes 33 in raster order yet lies in none of the four receptive fields (the PixelCNN blind spot): every nonzero tap (di, dj) has di + dj <= 0, and 25 is at di + dj = +1 from 33",
   REL_EQ, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"def_a_i_le", "the case definition of M^A with i <= 2 in its first case", "mask_a_definition"},
  {"def_b_j_lt", "the case definition of M^B with j < 2 (as M^A)", "mask_b_definition"},
  {"padding_0", "the network without padding (valid convolutions)", "output_size"},
  {"kernel_flip", "a true convolution: masked kernels rotated by 180 degrees", "rf_aa"},
  {"mask_off_by_one", "the network's masks read at column j - 1 (shifted right)", "rf_ab"},
  {"mask_transposed", "the network's masks transposed (i and j swapped)", "rf_ba"},
  {"mask_rows_flipped", "the network's masks upside down (rows counted from the bottom)", "rf_bb"},
  {"mask_a_centre_on", "the network's M^A keeps its centre tap", "causal_a_first"},
  {"layer2_a_centre_on", "layer 2's M^A keeps its centre tap", "causal_ba"},
  {"mask_b_centre_off", "the network's M^B drops its centre tap", "bb_sees_centre"},
  {"centre_row_full", "the network's masks keep the whole centre row", "blind_spot"},
};

static const param_spec PARAMS[] = {
  {"weight_range", 32768, 1, 1048576,
   "weights are drawn uniformly from the integers -m..m (m = weight_range)", PARAM_INTEGER},
};

static const claim CLAIM = {
  .slug = "masked_convolution",
  .title = "Receptive fields of a two-layer masked CNN (PixelCNN masks A and B)",
  .claim = "In a two-layer single-channel CNN with 3×3 kernels, padding 1 and "
    "no kernel flipping on a 5×5 map, with kernels masked by M^A = "
    "[1 1 1; 1 0 0; 0 0 0] or M^B = [1 1 1; 1 1 0; 0 0 0], output pixel 33 "
    "depends exactly on the inputs joined to it by a path through the "
    "masks' nonzero taps. With M^A in layer 1 it never sees input 33 or "
    "any later pixel; M^B in both layers lets it see input 33; input 25 is "
    "a blind spot in all four mask orders.",
  .sources = "003 Q4 (mask definitions, the four cases 1-4; figure 2 is empty)",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 32, .samples_quick = 4,
  .figure_caption = "The receptive field of output pixel 33 (black frame) "
    "for the four mask orders, found by perturbing each input pixel of the "
    "running network. Blue: output 33 depends on the input pixel. Orange: "
    "blind spot, a pixel before 33 in raster order that output 33 cannot "
    "see. White: pixel 33 and after, not seen. Labels are the seed's pixel "
    "indices ij (row i, column j).",
  .figure_width = 1200, .figure_height = 900,
};

/* ----------------------------------------------------------------------
 * The four cases
 * ---------------------------------------------------------------------- */

typedef struct
{
  const char *check;            /* the rf_ check of this case */
  conv2d_mask_type layer[LAYERS];
  const char *name;
} mask_case;

static const mask_case CASES[] = {
  {"rf_aa", {CONV2D_MASK_A, CONV2D_MASK_A}, "1. M^A then M^A"},
  {"rf_ab", {CONV2D_MASK_A, CONV2D_MASK_B}, "2. M^A then M^B"},
  {"rf_ba", {CONV2D_MASK_B, CONV2D_MASK_A}, "3. M^B then M^A"},
  {"rf_bb", {CONV2D_MASK_B, CONV2D_MASK_B}, "4. M^B then M^B"},
};
#define N_CASES COUNT_OF (CASES)

/* A 0/1 (or count) value per input pixel, row-major. */
typedef struct
{
  int v[MAP][MAP];
} pixel_map;

static int
pixel_label (size_t r, size_t c)
{
  return (int) (10 * (r + 1) + (c + 1));
}

/* Position in raster order (row by row, left to right), 0-based. */
static size_t
raster_index (size_t r, size_t c)
{
  return r * MAP + c;
}

static const size_t TARGET_RASTER = TARGET_ROW * MAP + TARGET_COL;

/* ----------------------------------------------------------------------
 * The seed's masks as written
 * ---------------------------------------------------------------------- */

typedef double tap_grid[KSIZE][KSIZE];

/* The printed matrices of 003 Q4. */
static const tap_grid SEED_MA = { {1, 1, 1}, {1, 0, 0}, {0, 0, 0} };
static const tap_grid SEED_MB = { {1, 1, 1}, {1, 1, 0}, {0, 0, 0} };

static const tap_grid *
seed_printed (conv2d_mask_type t)
{
  return t == CONV2D_MASK_A ? &SEED_MA : &SEED_MB;
}

/* The case definitions of 003 Q4, 1-based i (row) and j (column). */
static double
seed_mask_definition (const harness * h, conv2d_mask_type t, int i, int j)
{
  if (t == CONV2D_MASK_A)
    {
      if (i < 2 || (mutant (h, "def_a_i_le") && i <= 2))
        return 1;
      if (i == 2 && j < 2)
        return 1;
      return 0;
    }
  if (i < 2)
    return 1;
  if (i == 2 && (mutant (h, "def_b_j_lt") ? j < 2 : j <= 2))
    return 1;
  return 0;
}

static void
check_mask_definition (harness * h, const char *id, conv2d_mask_type t)
{
  const tap_grid *printed = seed_printed (t);
  for (int i = 1; i <= KSIZE; i++)
    for (int j = 1; j <= KSIZE; j++)
      check_point (h, id, est_exact (seed_mask_definition (h, t, i, j), 0),
                   est_exact ((*printed)[i - 1][j - 1], 0));
  check_close (h, id, "the 9 entries, exact");
}

/* ----------------------------------------------------------------------
 * Ground truth: reachability over the printed masks' nonzero taps
 * ---------------------------------------------------------------------- */

/* Unit (r, c) of layer l reads unit (r - PAD + a, c - PAD + b) of layer
   l - 1 through tap (a, b) (cross-correlation, the seed's "without kernel
   flipping"); taps outside the map read zero padding and join nothing.
   Walk back from output 33, layer by layer, marking every unit with a path
   through nonzero taps. */
static void
reachable_inputs (const mask_case * mc, pixel_map * field)
{
  pixel_map frontier = { {{0}} }, below;
  frontier.v[TARGET_ROW][TARGET_COL] = 1;
  for (int l = LAYERS - 1; l >= 0; l--)
    {
      const tap_grid *m = seed_printed (mc->layer[l]);
      below = (pixel_map) { {{0}} };
      for (int r = 0; r < MAP; r++)
        for (int c = 0; c < MAP; c++)
          for (int a = 0; a < KSIZE && frontier.v[r][c]; a++)
            for (int b = 0; b < KSIZE; b++)
              {
                int rr = r - PAD + a, cc = c - PAD + b;
                if ((*m)[a][b] != 0 && rr >= 0 && rr < MAP && cc >= 0 && cc < MAP)
                  below.v[rr][cc] = 1;
              }
      frontier = below;
    }
  *field = frontier;
}

/* The potential argument behind the blind spot: every nonzero tap of the
   printed masks moves by (di, dj) = (a - PAD, b - PAD) with di + dj <= s,
   so a path through LAYERS layers moves by at most LAYERS * s in di + dj.
   Returns s. */
static int
max_tap_potential (void)
{
  const tap_grid *masks[] = { &SEED_MA, &SEED_MB };
  int s = -2 * KSIZE;
  for (size_t t = 0; t < COUNT_OF (masks); t++)
    for (int a = 0; a < KSIZE; a++)
      for (int b = 0; b < KSIZE; b++)
        if ((*masks[t])[a][b] != 0 && (a - PAD) + (b - PAD) > s)
          s = (a - PAD) + (b - PAD);
  return s;
}

/* ----------------------------------------------------------------------
 * The network under test
 * ---------------------------------------------------------------------- */

typedef struct
{
  gsl_matrix *kernel[LAYERS], *mask[LAYERS];
  gsl_matrix *map[LAYERS + 1];  /* input, hidden, output */
  size_t pad;
} masked_net;

static size_t
padding_under_test (const harness * h)
{
  return mutant (h, "padding_0") ? 0 : PAD;
}

static masked_net *
net_alloc (const harness * h)
{
  masked_net *net = xcalloc (1, sizeof *net);
  net->pad = padding_under_test (h);
  size_t n = MAP;
  net->map[0] = gsl_matrix_calloc (n, n);
  for (int l = 0; l < LAYERS; l++)
    {
      net->kernel[l] = gsl_matrix_calloc (KSIZE, KSIZE);
      net->mask[l] = gsl_matrix_calloc (KSIZE, KSIZE);
      n = conv2d_output_length (n, KSIZE, net->pad);
      net->map[l + 1] = n ? gsl_matrix_calloc (n, n) : NULL;
    }
  return net;
}

static void
net_free (masked_net * net)
{
  for (int l = 0; l < LAYERS; l++)
    {
      gsl_matrix_free (net->kernel[l]);
      gsl_matrix_free (net->mask[l]);
    }
  for (int l = 0; l <= LAYERS; l++)
    if (net->map[l])
      gsl_matrix_free (net->map[l]);
  free (net);
}

static void
rotate_180 (gsl_matrix * m)
{
  size_t n = m->size1;
  for (size_t i = 0; i < n * n / 2; i++)
    {
      size_t j = n * n - 1 - i;
      double t = gsl_matrix_get (m, i / n, i % n);
      gsl_matrix_set (m, i / n, i % n, gsl_matrix_get (m, j / n, j % n));
      gsl_matrix_set (m, j / n, j % n, t);
    }
}

/* The mask of layer L (0-based) of type T: lib's conv2d_mask, with the
   mutants switched in. */
static void
mask_under_test (const harness * h, conv2d_mask_type t, int l, gsl_matrix * m)
{
  conv2d_mask (t, m);
  if (mutant (h, "mask_a_centre_on") && t == CONV2D_MASK_A)
    gsl_matrix_set (m, 1, 1, 1.0);
  if (mutant (h, "layer2_a_centre_on") && t == CONV2D_MASK_A && l == 1)
    gsl_matrix_set (m, 1, 1, 1.0);
  if (mutant (h, "mask_b_centre_off") && t == CONV2D_MASK_B)
    gsl_matrix_set (m, 1, 1, 0.0);
  if (mutant (h, "centre_row_full"))
    for (size_t j = 0; j < KSIZE; j++)
      gsl_matrix_set (m, 1, j, 1.0);
  if (mutant (h, "mask_transposed"))
    gsl_matrix_transpose (m);
  if (mutant (h, "mask_rows_flipped"))
    gsl_matrix_swap_rows (m, 0, KSIZE - 1);
  if (mutant (h, "mask_off_by_one"))
    for (size_t i = 0; i < KSIZE; i++)
      {
        for (size_t j = KSIZE - 1; j > 0; j--)
          gsl_matrix_set (m, i, j, gsl_matrix_get (m, i, j - 1));
        gsl_matrix_set (m, i, 0, 0.0);
      }
}

static double
random_integer (const gsl_rng * r, long range)
{
  return (double) ((long) gsl_rng_uniform_int (r, 2 * range + 1) - range);
}

/* Fresh weights for case MC: integers uniform in -m..m, then masks. */
static void
net_draw (harness * h, masked_net * net, const mask_case * mc, long m)
{
  gsl_rng *r = harness_rng (h);
  for (int l = 0; l < LAYERS; l++)
    {
      for (size_t a = 0; a < KSIZE; a++)
        for (size_t b = 0; b < KSIZE; b++)
          gsl_matrix_set (net->kernel[l], a, b, random_integer (r, m));
      mask_under_test (h, mc->layer[l], l, net->mask[l]);
      if (mutant (h, "kernel_flip"))
        {
          rotate_180 (net->kernel[l]);
          rotate_180 (net->mask[l]);
        }
    }
}

/* Run the network on net->map[0]; returns 0 when the output has no pixel
   33 (possible only without padding), else 1 with *Y = output 33. */
static int
net_output_33 (masked_net * net, double *y)
{
  for (int l = 0; l < LAYERS; l++)
    {
      if (!net->map[l + 1])
        return 0;
      conv2d (net->map[l], net->kernel[l], net->mask[l], net->pad,
              net->map[l + 1]);
    }
  const gsl_matrix *out = net->map[LAYERS];
  if (out->size1 <= TARGET_ROW || out->size2 <= TARGET_COL)
    return 0;
  *y = gsl_matrix_get (out, TARGET_ROW, TARGET_COL);
  return 1;
}

/* ----------------------------------------------------------------------
 * Probing
 * ---------------------------------------------------------------------- */

/* One draw: random input, then each input pixel in turn moved by a random
   nonzero integer; HITS counts the pixels whose move changed output 33.
   The arithmetic is exact (see exactness_limit), so "changed" is !=. */
static void
probe_once (const gsl_rng * r, masked_net * net, pixel_map * hits)
{
  gsl_matrix *x = net->map[0];
  for (size_t i = 0; i < MAP; i++)
    for (size_t j = 0; j < MAP; j++)
      gsl_matrix_set (x, i, j, random_integer (r, INPUT_RANGE));
  double y0, y1;
  if (!net_output_33 (net, &y0))
    return;
  for (size_t i = 0; i < MAP; i++)
    for (size_t j = 0; j < MAP; j++)
      {
        double old = gsl_matrix_get (x, i, j);
        double delta = 1.0 + (double) gsl_rng_uniform_int (r, INPUT_RANGE);
        gsl_matrix_set (x, i, j, old + delta);
        if (net_output_33 (net, &y1) && y1 != y0)
          hits->v[i][j]++;
        gsl_matrix_set (x, i, j, old);
      }
}

static void
probe_case (harness * h, const mask_case * mc, long m, int draws,
            pixel_map * hits)
{
  masked_net *net = net_alloc (h);
  *hits = (pixel_map) { {{0}} };
  for (int d = 0; d < draws; d++)
    {
      net_draw (h, net, mc, m);
      probe_once (harness_rng (h), net, hits);
    }
  net_free (net);
}

/* |inputs| <= 2 INPUT_RANGE and |weights| <= m give |hidden| <= k^2 m
   2 INPUT_RANGE and |output| <= k^4 m^2 2 INPUT_RANGE: every partial sum
   is an integer below 2^53, hence exact in double. */
static double
exactness_limit (long m)
{
  double k2 = KSIZE * KSIZE;
  return k2 * k2 * (double) m * (double) m * 2.0 * INPUT_RANGE;
}

/* Schwartz-Zippel: a true dependence is a nonzero polynomial of degree
   LAYERS in the weights, so one draw misses it with probability at most
   LAYERS / (2m + 1); DRAWS independent draws miss it with at most that to
   the power DRAWS. */
static double
miss_probability (long m, int draws)
{
  return pow ((double) LAYERS / (2.0 * (double) m + 1.0), draws);
}

/* Enough draws that a check's 25 pixels are all right with probability at
   least 1 - CHECK_ALPHA, whatever the sample size asked for. */
static int
draws_needed (long m, long samples)
{
  int draws = 1;
  while (MAP * MAP * miss_probability (m, draws) > CHECK_ALPHA)
    draws++;
  return samples > draws ? (int) samples : draws;
}

/* ----------------------------------------------------------------------
 * Checks
 * ---------------------------------------------------------------------- */

static void
check_output_size (harness * h)
{
  masked_net *net = net_alloc (h);
  for (int l = 1; l <= LAYERS; l++)
    {
      const gsl_matrix *out = net->map[l];
      check_point (h, "output_size", est_exact (out ? (double) out->size1 : 0, 0),
                   est_exact (MAP, 0));
      check_point (h, "output_size", est_exact (out ? (double) out->size2 : 0, 0),
                   est_exact (MAP, 0));
    }
  check_close (h, "output_size", "rows and columns of the hidden and output"
               " maps of the network as run (padding %zu)", net->pad);
  net_free (net);
}

static int
in_field (const pixel_map * hits, size_t r, size_t c)
{
  return hits->v[r][c] > 0;
}

static void
append_field_labels (sbuf * s, const pixel_map * hits)
{
  for (size_t r = 0; r < MAP; r++)
    for (size_t c = 0; c < MAP; c++)
      if (in_field (hits, r, c))
        sbuf_printf (s, " %d", pixel_label (r, c));
}

static void
check_receptive_field (harness * h, const mask_case * mc,
                       const pixel_map * hits, int draws, long m)
{
  pixel_map truth;
  reachable_inputs (mc, &truth);
  int size = 0;
  for (size_t r = 0; r < MAP; r++)
    for (size_t c = 0; c < MAP; c++)
      {
        check_point (h, mc->check, est_exact (in_field (hits, r, c), 0),
                     est_exact (truth.v[r][c], 0));
        size += in_field (hits, r, c);
      }
  sbuf labels;
  sbuf_init (&labels);
  append_field_labels (&labels, hits);
  check_close (h, mc->check, "25 input pixels, %d draws, weights in -%ld..%ld"
               " (a true dependence missed with probability <= %.1e);"
               " probed field (%d):%s", draws, m, m, miss_probability (m, draws),
               size, sbuf_str (&labels));
  sbuf_free (&labels);
}

/* Points: each input at or after 33 in raster order against "not seen". */
static void
point_no_future (harness * h, const char *id, const pixel_map * hits)
{
  for (size_t r = 0; r < MAP; r++)
    for (size_t c = 0; c < MAP; c++)
      if (raster_index (r, c) >= TARGET_RASTER)
        check_point (h, id, est_exact (in_field (hits, r, c), 0),
                     est_exact (0, 0));
}

static void
check_autoregressive (harness * h, const pixel_map hits[])
{
  point_no_future (h, "causal_a_first", &hits[0]);
  point_no_future (h, "causal_a_first", &hits[1]);
  check_close (h, "causal_a_first", "cases 1 and 2, inputs 33..55 (13 each)");
  point_no_future (h, "causal_ba", &hits[2]);
  check_close (h, "causal_ba", "case 3, inputs 33..55");

  const pixel_map *bb = &hits[3];
  for (size_t r = 0; r < MAP; r++)
    for (size_t c = 0; c < MAP; c++)
      if (raster_index (r, c) >= TARGET_RASTER)
        check_point (h, "bb_sees_centre", est_exact (in_field (bb, r, c), 0),
                     est_exact (raster_index (r, c) == TARGET_RASTER, 0));
  check_close (h, "bb_sees_centre", "case 4, inputs 33..55: seen = 1 for 33,"
               " 0 after");
}

/* Inputs before 33 that no path can reach by the potential argument
   (di + dj > LAYERS s) must be unseen in every case. */
static void
check_blind_spot (harness * h, const pixel_map hits[])
{
  int s = max_tap_potential (), n_pixels = 0;
  sbuf labels;
  sbuf_init (&labels);
  for (size_t r = 0; r < MAP; r++)
    for (size_t c = 0; c < MAP; c++)
      {
        int potential = ((int) r - TARGET_ROW) + ((int) c - TARGET_COL);
        if (raster_index (r, c) >= TARGET_RASTER || potential <= LAYERS * s)
          continue;
        n_pixels++;
        sbuf_printf (&labels, " %d", pixel_label (r, c));
        for (size_t k = 0; k < N_CASES; k++)
          check_point (h, "blind_spot", est_exact (in_field (&hits[k], r, c), 0),
                       est_exact (0, 0));
      }
  check_close (h, "blind_spot", "largest tap di + dj = %d; inputs before 33"
               " beyond reach in all four cases:%s", s, sbuf_str (&labels));
  sbuf_free (&labels);
  if (n_pixels == 0)
    die_internal ("blind_spot: the potential argument excludes no pixel");
}

/* ----------------------------------------------------------------------
 * Figure and notes
 * ---------------------------------------------------------------------- */

/* 2 = seen, 1 = blind spot (before 33, unseen), 0 = 33 or later, unseen. */
static int
pixel_category (const pixel_map * hits, size_t r, size_t c)
{
  if (in_field (hits, r, c))
    return 2;
  return raster_index (r, c) < TARGET_RASTER ? 1 : 0;
}

static void
figure_data (harness * h, const pixel_map hits[], int draws)
{
  sbuf *fig = harness_figure_data (h);
  for (size_t k = 0; k < N_CASES; k++)
    {
      sbuf_printf (fig, "%s# block %zu: case %s\n# row col label category"
                   " detections(of %d draws)\n", k ? "\n\n" : "", k,
                   CASES[k].name, draws);
      for (size_t r = 0; r < MAP; r++)
        for (size_t c = 0; c < MAP; c++)
          sbuf_printf (fig, "%zu %zu %d %d %d\n", r + 1, c + 1,
                       pixel_label (r, c), pixel_category (&hits[k], r, c),
                       hits[k].v[r][c]);
    }
}

static void
append_blind_spot (sbuf * s, const pixel_map * hits)
{
  int any = 0;
  for (size_t r = 0; r < MAP; r++)
    for (size_t c = 0; c < MAP; c++)
      if (pixel_category (hits, r, c) == 1)
        {
          sbuf_printf (s, "%s%d", any ? " " : "", pixel_label (r, c));
          any = 1;
        }
  if (!any)
    sbuf_append (s, "none");
}

static void
draw_figure (harness * h, const pixel_map hits[])
{
  sbuf *gp = harness_figure_script (h);
  sbuf_append (gp,
    "set multiplot layout 2,2 title 'Receptive field of output pixel 33: two masked 3×3 layers, padding 1, 5×5 map' font ',16'\n"
    "set palette defined (0 '#ffffff', 1 '#E69F00', 2 '#56B4E9')\n"
    "set cbrange [0:2]\nunset colorbox\n"
    "set xrange [0.5:5.5]\nset yrange [5.5:0.5]\n"
    "set xtics 1,1,5 scale 0\nset ytics 1,1,5 scale 0\nunset grid\n"
    "set xlabel 'column j'\nset ylabel 'row i'\n"
    "set size ratio -1\nset border 15 lw 1 lc rgb '#404040'\n"
    "set key outside right center vertical samplen 1.2 spacing 1.3\n"
    "set object 1 rect from 2.5,2.5 to 3.5,3.5 front fillstyle empty border lc rgb '#000000' lw 4\n");
  for (double v = 1.5; v < 5.0; v += 1.0)
    sbuf_printf (gp, "set arrow from %.1f,0.5 to %.1f,5.5 nohead front lc rgb '#909090' lw 0.8\n"
                 "set arrow from 0.5,%.1f to 5.5,%.1f nohead front lc rgb '#909090' lw 0.8\n",
                 v, v, v, v);
  for (size_t k = 0; k < N_CASES; k++)
    {
      int size = 0;
      for (size_t r = 0; r < MAP; r++)
        for (size_t c = 0; c < MAP; c++)
          size += in_field (&hits[k], r, c);
      sbuf blind;
      sbuf_init (&blind);
      append_blind_spot (&blind, &hits[k]);
      sbuf_printf (gp, "set title \"%s: %d inputs; blind spot %s\"\n",
                   CASES[k].name, size, sbuf_str (&blind));
      sbuf_free (&blind);
      sbuf_printf (gp,
        "plot datafile index %zu using 2:1:4 with image notitle, \\\n"
        "     '' index %zu using 2:1:(sprintf('%%d', $3)) with labels font ',15' notitle, \\\n"
        "     NaN with boxes fs solid 1 lc rgb '#56B4E9' title 'seen by 33', \\\n"
        "     NaN with boxes fs solid 1 lc rgb '#E69F00' title 'blind spot', \\\n"
        "     NaN with lines lc rgb '#000000' lw 4 title 'output pixel 33'\n",
        k, k);
    }
  sbuf_append (gp, "unset multiplot\n");
}

/* The receptive field as a 5 x 5 text grid: the label where seen, a dot
   elsewhere. */
static void
append_field_grid (sbuf * s, const pixel_map * hits)
{
  sbuf_append (s, "```\n");
  for (size_t r = 0; r < MAP; r++)
    {
      for (size_t c = 0; c < MAP; c++)
        {
          if (in_field (hits, r, c))
            sbuf_printf (s, "%s%d", c ? " " : "", pixel_label (r, c));
          else
            sbuf_printf (s, "%s .", c ? " " : "");
        }
      sbuf_append (s, "\n");
    }
  sbuf_append (s, "```\n");
}

static void
write_notes (harness * h, const pixel_map hits[], int draws, long m)
{
  sbuf *n = harness_notes (h);
  sbuf_printf (n,
    "**The seed gives no answer.** 003 Q4 asks to \"specify\" the four"
    " receptive fields, and its solution says they are \"illustrated in"
    " figure 2\"; but figure 2 in the seed holds only four unmarked copies"
    " of the 5×5 grid of pixel labels (11..55). There is nothing to read an"
    " answer from, so this program supplies it: the fields below and in the"
    " figure. The masks' case definitions and printed matrices agree"
    " (`mask_a_definition`, `mask_b_definition`), and padding 1 does keep the"
    " map 5×5 (`output_size`).\n\n"
    "**Model.** One channel per layer, no bias, no nonlinearity between the"
    " layers (the seed names none). Each layer is a cross-correlation"
    " (lib/conv2d.c, no kernel flipping) with the kernel multiplied"
    " elementwise by its mask (lib's `conv2d_mask`). A pointwise"
    " nonlinearity with a nonvanishing derivative (tanh) would leave the"
    " fields unchanged; one that can be flat (ReLU) can hide a dependence at"
    " a particular input but never create one, which is why a receptive"
    " field is a property of the connections.\n\n"
    "**Probe.** For each case, %d independent draws: weights uniform on the"
    " integers -%ld..%ld, inputs uniform on -%d..%d; each of the 25 inputs"
    " in turn is moved by a random integer in 1..%d and the input is counted"
    " as seen when output 33 changes. All values are integers below"
    " %.3g < 2^53, so the arithmetic is exact and \"changes\" is an exact"
    " comparison. A change at a pixel with no path reaches output 33"
    " through no unmasked tap (`conv2d` skips masked taps), so such a pixel"
    " can never be reported as seen. A pixel with a path changes"
    " output 33 by δ·c, where c = Σ over paths of w2[tap]·w1[tap] is a"
    " polynomial of degree 2 in the weights with one distinct monomial per"
    " path, hence not the zero polynomial; by the Schwartz–Zippel lemma one"
    " draw gives c = 0 with probability at most 2/(2m+1) = %.3g, and all %d"
    " draws miss it with probability at most %.3g (at most %.3g for any of"
    " the 100 case-pixel pairs). The program never uses fewer draws than"
    " keep a check's 25 pixels within its false-alarm level %.0e. Single"
    " draws do miss: when a weight on the only path to a pixel is drawn as"
    " exactly 0 (probability 1/(2m+1) per weight), that draw sees no"
    " dependence; the fields below give, per case, the fewest draws in"
    " which a seen pixel was detected.\n\n"
    "**Ground truth.** Reachability in the layered graph input → hidden →"
    " output whose edges are the nonzero taps of the masks *as printed* in"
    " the seed, taps landing in the padding dropped. It shares no code with"
    " the network (which builds its masks with `conv2d_mask` and runs"
    " `conv2d`).\n\n",
    draws, m, m, INPUT_RANGE, INPUT_RANGE, INPUT_RANGE, exactness_limit (m),
    (double) LAYERS / (2.0 * m + 1.0), draws, miss_probability (m, draws),
    100 * miss_probability (m, draws), CHECK_ALPHA);

  sbuf_append (n, "**The receptive fields** of output 33 (the label where"
               " output 33 depends on the input, a dot elsewhere):\n\n");
  for (size_t k = 0; k < N_CASES; k++)
    {
      int fewest = draws;
      for (size_t r = 0; r < MAP; r++)
        for (size_t c = 0; c < MAP; c++)
          if (in_field (&hits[k], r, c) && hits[k].v[r][c] < fewest)
            fewest = hits[k].v[r][c];
      sbuf_printf (n, "%s (every seen pixel detected in at least %d of %d"
                   " draws); blind spot (before 33, unseen): ",
                   CASES[k].name, fewest, draws);
      append_blind_spot (n, &hits[k]);
      sbuf_append (n, "\n\n");
      append_field_grid (n, &hits[k]);
      sbuf_append (n, "\n");
    }
  sbuf_append (n,
    "**Reading.** An A mask in layer 1 is what makes the network"
    " autoregressive: output 33 then never sees input 33 or anything after"
    " it (`causal_a_first`). Case 3 (B then A) is causal too, because the A"
    " mask of layer 2 hides the hidden unit at 33, the only one that has"
    " seen input 33; case 4 (B then B) sees input 33 itself"
    " (`bb_sees_centre`), the reason PixelCNN uses A in the first layer and"
    " B after it. Case 1 (A then A) loses inputs 32 and 24 as well: its"
    " second A mask discards the hidden unit at 33, which is the only route"
    " to 32 and 24. Input 25 is missed in every case although it precedes"
    " 33 (`blind_spot`): a tap that moves right must also move up a row,"
    " so no path gains more columns than it climbs rows; deeper stacks"
    " widen this blind spot into the growing triangle to the upper right"
    " described by van den Oord et al. (2016, \"Conditional Image"
    " Generation with PixelCNN Decoders\"), which their gated PixelCNN"
    " removes with separate vertical and horizontal stacks.\n");
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  long m = (long) harness_param (h, "weight_range");
  if (exactness_limit (m) >= 9007199254740992.0)
    die_internal ("weight_range %ld would leave exact integer arithmetic", m);
  int draws = draws_needed (m, harness_samples (h));
  pixel_map hits[N_CASES];

  check_mask_definition (h, "mask_a_definition", CONV2D_MASK_A);
  check_mask_definition (h, "mask_b_definition", CONV2D_MASK_B);
  check_output_size (h);
  for (size_t k = 0; k < N_CASES; k++)
    {
      probe_case (h, &CASES[k], m, draws, &hits[k]);
      check_receptive_field (h, &CASES[k], &hits[k], draws, m);
    }
  check_autoregressive (h, hits);
  check_blind_spot (h, hits);

  figure_data (h, hits, draws);
  draw_figure (h, hits);
  write_notes (h, hits, draws, m);
  return harness_end (h);
}
