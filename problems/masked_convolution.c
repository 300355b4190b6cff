/* masked_convolution.c -- receptive fields of a two-layer masked CNN
 * (seed 003 Q4, lines 193-238).
 *
 * The question defines masks A and B by cases (line 195, 1-based) and asks
 * for the receptive field of output pixel 33 for the orders A/A, A/B, B/A,
 * B/B.  The student's statements: the masks written out as 3 x 3 matrices
 * (line 212), checked on the engine entry by entry (a point is an entry
 * (i, j), the truth the case definition there, so a counterexample names
 * the entry); and "illustrated in figure 2", whose four grids (214-238)
 * are unmarked: no answer in the seed.  The harness supplies the answers
 * (check_spec checks): the network is run (lib/conv2d.c) with random
 * integer weights, each input pixel perturbed in turn (lib/conv2d_probe);
 * ground truth is reachability over the nonzero taps of the masks as
 * written (lib/receptive_field). */
#include "harness.h"
#include "conv2d.h"
#include "conv2d_probe.h"
#include "figure_panel.h"
#include "figure_receptive_field.h"
#include "receptive_field_check.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_matrix.h>

#define MAP 5                   /* the seed's 5 x 5 feature map */
#define KSIZE 3                 /* 3 x 3 kernels */
#define PAD 1                   /* padding 1 on each border */
#define LAYERS 2
#define TARGET_ROW 2            /* output pixel 33, 0-based */
#define TARGET_COL 2
#define INPUT_RANGE 8           /* inputs and perturbations in [-8, 8] */

/* ---- the seed's statements: the masks as written (line 212) ---- */

typedef double tap_grid[KSIZE][KSIZE];

static const tap_grid SEED_MA = { {1, 1, 1}, {1, 0, 0}, {0, 0, 0} };
static const tap_grid SEED_MB = { {1, 1, 1}, {1, 1, 0}, {0, 0, 0} };

/* A point is one mask entry (i, j), 1-based as the seed counts.  Drawn
   uniformly from the 9 entries (x uniform on [0.5, 3.5), rounded), 300
   points miss a given entry with probability (8/9)^300 < 5e-16. */
static const point_coord ENTRY[] = {
  {"i", 0.5, 3.5, 0, 1},
  {"j", 0.5, 3.5, 0, 1},
};
static const point_kind entries = POINT_BOX_NAMED ("a 3×3 mask entry (i, j)", ENTRY,
  "i and j uniform over 1, 2, 3");

#define I ((int) p->v[0])
#define J ((int) p->v[1])

/* A line or truth: the entry (i, j) of a matrix, as an exact estimate */
#define ENTRY(name, expr) static estimate \
  name (const point * p, const void *u) { (void) u; return est_exact ((expr), 0); }

/* Truths: the case definitions of line 195, as written. */
ENTRY (def_a, I < 2 || (I == 2 && J < 2) ? 1 : 0)
ENTRY (def_b, I < 2 || (I == 2 && J <= 2) ? 1 : 0)
ENTRY (ma_written, SEED_MA[I - 1][J - 1])
ENTRY (mb_written, SEED_MB[I - 1][J - 1])
/* Mutants: a written matrix with one entry wrong, transposed, or upside down. */
ENTRY (ma_centre_on, I == 2 && J == 2 ? 1 : SEED_MA[I - 1][J - 1])
ENTRY (ma_transposed, SEED_MA[J - 1][I - 1])
ENTRY (mb_centre_off, I == 2 && J == 2 ? 0 : SEED_MB[I - 1][J - 1])
ENTRY (mb_rows_flipped, SEED_MB[KSIZE - I][J - 1])

static const derivation_truth TRUTHS[] = {
  {"def_a", "(M^A)_{::ij} by the case definition of line 195", LINE_CLOSED (def_a)},
  {"def_b", "(M^B)_{::ij} by the case definition of line 195", LINE_CLOSED (def_b)},
};

/* Case N's answer, "figure 2, grid N" at line AT: the grid is unmarked. */
#define FIGURE_2_GRID(n, at_line, written, check)                                \
  {.id = "q4_" #n "_answer", .source = "003 Q4." #n " (figure 2, grid " #n ")",   \
   .at = (at_line), .text = written, .expect = V_NO_ANSWER,                       \
   .why = "figure 2 (lines 214-238) holds four copies of the 5×5 grid of pixel"   \
   " labels 11..55 with nothing marked; the harness's answer: check " check}

static const derivation_line LINES[] = {
  {.id = "q4_ma_written", .source = "003 Q4 (M^A)", .at = 212,
   .text = "M^A = ((1 1 1), (1 0 0), (0 0 0))",
   .eval = LINE_CLOSED (ma_written), .truth = "def_a",
   .mutants = {{"ma_centre_on", "M^A written with its centre entry 1", LINE_CLOSED (ma_centre_on)},
               {"ma_transposed", "M^A written transposed", LINE_CLOSED (ma_transposed)}}},
  {.id = "q4_mb_written", .source = "003 Q4 (M^B)", .at = 212,
   .text = "M^B = ((1 1 1), (1 1 0), (0 0 0))",
   .eval = LINE_CLOSED (mb_written), .truth = "def_b",
   .mutants = {{"mb_centre_off", "M^B written with its centre entry 0", LINE_CLOSED (mb_centre_off)},
               {"mb_rows_flipped", "M^B written upside down", LINE_CLOSED (mb_rows_flipped)}}},
  FIGURE_2_GRID (1, 214, "M^A then M^A: \"the receptive field is illustrated in figure 2\"", "rf_aa"),
  FIGURE_2_GRID (2, 220, "M^A then M^B: figure 2, second grid", "rf_ab"),
  FIGURE_2_GRID (3, 226, "M^B then M^A: figure 2, third grid", "rf_ba"),
  FIGURE_2_GRID (4, 232, "M^B then M^B: figure 2, fourth grid", "rf_bb"),
};

DERIVATION_DEFINE (q4_masks, "q4_masks", "003 Q4: the masks as written, and the four answers",
                   entries, 300, TRUTHS, LINES);

/* ---- the harness's own answer ---- */

#define RF_SPEC(id, which) {id, "harness", which ": probed receptive field of output 33"  \
    " = reachability over the written masks", REL_EQ, EXPECT_HOLDS, NULL}

static const check_spec CHECKS[] = {
  CHECK_HARNESS ("output_size", REL_EQ,
   "3 x 3 kernels with padding 1 on each border: a 5 x 5 input map is convolved into a 5 x 5 output (both layers; the question's premise)"),
  CHECK_HARNESS ("rf_aa", REL_EQ,
   "case 1, M^A then M^A: the inputs on which output 33 depends (probed) = the inputs with a path to 33 over the written masks' nonzero taps"),
  RF_SPEC ("rf_ab", "case 2, M^A then M^B"),
  RF_SPEC ("rf_ba", "case 3, M^B then M^A"),
  RF_SPEC ("rf_bb", "case 4, M^B then M^B"),
  CHECK_HARNESS ("causal_a_first", REL_EQ,
   "with M^A in layer 1 (cases 1, 2), output 33 depends on no input at or after 33 in raster order"),
  CHECK_HARNESS ("causal_ba", REL_EQ,
   "with M^B in layer 1 and M^A in layer 2 (case 3), output 33 also depends on no input at or after 33: the A mask of layer 2 hides the centre"),
  CHECK_HARNESS ("bb_sees_centre", REL_EQ,
   "with M^B in both layers (case 4), output 33 depends on input 33 itself and on no later input: a B first layer breaks the autoregressive property"),
  CHECK_HARNESS ("blind_spot", REL_EQ,
   "input 25 precedes 33 in raster order yet lies in none of the four receptive fields (the PixelCNN blind spot): every nonzero tap (di, dj) has di + dj <= 0, and 25 is at di + dj = +1 from 33"),
};

/* Mutant flags, indexed like MUTANTS, set once after harness_begin. */
enum { M_PADDING_0, M_KERNEL_FLIP, M_OFF_BY_ONE, M_TRANSPOSED, M_ROWS_FLIPPED,
  M_A_CENTRE_ON, M_LAYER2_A_CENTRE_ON, M_B_CENTRE_OFF, M_CENTRE_ROW_FULL, N_MUTANTS };
static int on[N_MUTANTS];

static const mutant_spec MUTANTS[N_MUTANTS] = {
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
  .claim = "The written M^A = [1 1 1; 1 0 0; 0 0 0] and M^B = [1 1 1; 1 1 0; "
    "0 0 0] are the case definitions. The seed gives no receptive fields; "
    "in the two-layer 3×3, padding-1 CNN on a 5×5 map, output 33 depends "
    "exactly on the inputs with a path through the masks' nonzero taps.",
  .sources = "003 Q4 (the written masks; the four cases 1-4, figure 2 empty)",
  CLAIM_DERIVATIONS (&q4_masks),
  CLAIM_CHECKS (CHECKS), CLAIM_MUTANTS (MUTANTS), CLAIM_PARAMS (PARAMS),
  .samples_default = 32, .samples_quick = 4,
  .figure_caption = "Top left: the written masks against the case "
    "definitions. Then the receptive field of output 33 (black frame) per "
    "mask order, probed on the running network. Blue: seen; orange: before "
    "33 but unseen (blind spot); white: 33 and after, unseen.",
  .figure_width = 1500, .figure_height = 900,
};

/* ---- the four cases ---- */

typedef struct { const char *check; conv2d_mask_type layer[LAYERS]; const char *name; } mask_case;

static const mask_case CASES[] = {
  {"rf_aa", {CONV2D_MASK_A, CONV2D_MASK_A}, "1. M^A then M^A"},
  {"rf_ab", {CONV2D_MASK_A, CONV2D_MASK_B}, "2. M^A then M^B"},
  {"rf_ba", {CONV2D_MASK_B, CONV2D_MASK_A}, "3. M^B then M^A"},
  {"rf_bb", {CONV2D_MASK_B, CONV2D_MASK_B}, "4. M^B then M^B"},
};
#define N_CASES COUNT_OF (CASES)

/* Fields of output 33 on the 5 x 5 map: lib/receptive_field labels them as
   the seed's grids do and sorts each input into seen / blind spot (before
   33, unseen) / 33 and after, unseen (raster order: row by row, left to
   right).  Ground truth: every input with a path to output 33 through the
   nonzero taps of the masks as written (cross-correlation, the seed's
   "without kernel flipping"; taps outside the map read zero padding), found
   by lib/receptive_field's walk back from 33, layer by layer. */
static void
reachable_inputs (const mask_case * mc, receptive_field * field)
{
  const double *taps[LAYERS];
  for (int l = 0; l < LAYERS; l++)
    taps[l] = mc->layer[l] == CONV2D_MASK_A ? &SEED_MA[0][0] : &SEED_MB[0][0];
  receptive_field_init (field, MAP, TARGET_ROW, TARGET_COL);
  receptive_field_reach (field, LAYERS, KSIZE, PAD, taps);
}

/* The potential argument behind the blind spot: every nonzero tap of the
   masks as written moves by (di, dj) = (a - PAD, b - PAD) with di + dj <= s,
   so a path through LAYERS layers moves by at most LAYERS * s in di + dj.
   Returns s. */
static int
max_tap_potential (void)
{
  return GSL_MAX_INT (receptive_field_tap_potential (KSIZE, PAD, &SEED_MA[0][0]),
                      receptive_field_tap_potential (KSIZE, PAD, &SEED_MB[0][0]));
}

/* ---- the network under test (lib/conv2d_probe runs and probes it) ---- */

/* The mask of layer L (0-based) of case CTX (a mask_case): lib's
   conv2d_mask of the case's type, with the mutants switched in. */
static void
mask_under_test (int l, gsl_matrix * m, const void *ctx)
{
  conv2d_mask_type t = ((const mask_case *) ctx)->layer[l];
  conv2d_mask (t, m);
  if ((on[M_A_CENTRE_ON] || (on[M_LAYER2_A_CENTRE_ON] && l == 1)) && t == CONV2D_MASK_A)
    gsl_matrix_set (m, 1, 1, 1.0);
  if (on[M_B_CENTRE_OFF] && t == CONV2D_MASK_B)
    gsl_matrix_set (m, 1, 1, 0.0);
  if (on[M_CENTRE_ROW_FULL])
    for (size_t j = 0; j < KSIZE; j++)
      gsl_matrix_set (m, 1, j, 1.0);
  if (on[M_TRANSPOSED])
    gsl_matrix_transpose (m);
  if (on[M_ROWS_FLIPPED])
    gsl_matrix_swap_rows (m, 0, KSIZE - 1);
  if (on[M_OFF_BY_ONE])
    conv2d_shift_right (m);
}

/* The network of case MC with weights in -m..m (lib/conv2d_probe): a
   kernel flip is a mutant's, and so is the padding 0. */
static conv2d_probe_spec
probe_spec (const mask_case * mc, long m)
{
  return (conv2d_probe_spec) { MAP, KSIZE, on[M_PADDING_0] ? 0 : PAD, LAYERS, TARGET_ROW,
    TARGET_COL, m, INPUT_RANGE, mask_under_test, mc, on[M_KERNEL_FLIP] };
}

/* ---- checks ---- */

static void
check_output_size (harness * h, const conv2d_probe_spec * s)
{
  for (int l = 1; l <= LAYERS; l++)
    check_point (h, "output_size", est_exact ((double) conv2d_probe_side (s, l), 0), est_exact (MAP, 0));
  check_close (h, "output_size", "side of the hidden and output maps of the"
               " network as run (padding %zu; maps are square)", s->pad);
}

static void
check_receptive_field (harness * h, const mask_case * mc,
                       const receptive_field * hits, int draws, long m)
{
  conv2d_probe_spec spec = probe_spec (mc, m);
  receptive_field truth;
  reachable_inputs (mc, &truth);
  receptive_field_check_equal (h, mc->check, hits, &truth);
  sbuf labels;
  sbuf_init (&labels);
  int size = receptive_field_append_labels (&labels, hits, RECEPTIVE_FIELD_SEEN);
  check_close (h, mc->check, "25 input pixels, %d draws, weights in -%ld..%ld"
               " (a true dependence missed with probability <= %.1e);"
               " probed field (%d):%s", draws, m, m, conv2d_probe_miss_probability (&spec, draws),
               size, sbuf_str (&labels));
  sbuf_free (&labels);
}

/* Each input at or after 33 in raster order against "not seen" (in case
   4, 33 itself against "seen"). */
static void
check_autoregressive (harness * h, const receptive_field hits[])
{
  static const char *id[N_CASES] = { "causal_a_first", "causal_a_first", "causal_ba", "bb_sees_centre" };
  for (size_t k = 0; k < N_CASES; k++)
    receptive_field_check_causal (h, id[k], &hits[k], k == 3);
  check_close (h, "causal_a_first", "cases 1 and 2, inputs 33..55 (13 each)");
  check_close (h, "causal_ba", "case 3, inputs 33..55");
  check_close (h, "bb_sees_centre", "case 4, inputs 33..55: seen = 1 for 33, 0 after");
}

/* Inputs before 33 that no path can reach by the potential argument
   (di + dj > LAYERS s) must be unseen in every case. */
static void
check_blind_spot (harness * h, const receptive_field hits[])
{
  int s = max_tap_potential ();
  sbuf labels;
  sbuf_init (&labels);
  int n_pixels = receptive_field_check_unreachable (h, "blind_spot", hits, N_CASES, LAYERS * s,
                                                    &labels);
  check_close (h, "blind_spot", "largest tap di + dj = %d; inputs before 33"
               " beyond reach in all four cases:%s", s, sbuf_str (&labels));
  sbuf_free (&labels);
  if (n_pixels == 0)
    die_internal ("blind_spot: the potential argument excludes no pixel");
}

/* ---- figure and notes ---- */

/* One panel per case after the engine's panel (lib/figure_receptive_field):
   a 5 x 5 image of the categories with the pixel labels on it. */
static void
draw_figure (harness * h, const receptive_field hits[], int draws)
{
  sbuf *gp = harness_figure_script (h), *fig = harness_figure_data (h);
  sbuf_append (gp, "set multiplot layout 2,3 title 'Receptive field of output pixel 33:"
               " two masked 3×3 layers, padding 1, 5×5 map' font ',16'\n");
  int block = figure_lines_against_truth (h, "003 Q4: the written masks against the definitions");
  figure_receptive_field_axes (gp, &hits[0]);
  for (size_t k = 0; k < N_CASES; k++)
    figure_receptive_field (fig, gp, block + (int) k, &hits[k], CASES[k].name, draws, k == 0);
  sbuf_append (gp, "unset multiplot\n");
}

static void
write_notes (harness * h, const receptive_field hits[], int draws, const conv2d_probe_spec * spec)
{
  sbuf *n = harness_notes (h);
  long m = spec->weight_range;
  sbuf_printf (n,
    "**The seed gives no answer.** The solution writes out the two masks"
    " (they agree with the case definitions) and says the fields are"
    " \"illustrated in figure 2\", but figure 2 holds four unmarked copies of"
    " the 5×5 label grid. The harness supplies the fields: one channel per"
    " layer, no bias or nonlinearity (the seed names none; a nonlinearity"
    " can hide a dependence but never create one), each layer a"
    " cross-correlation (lib/conv2d.c) of the kernel times its mask. Per"
    " case %d draws: integer weights in -%ld..%ld, inputs in -%d..%d, each"
    " input moved in turn by 1..%d; seen when output 33 changes. All values"
    " are integers below %.3g < 2^53 (exact). A pixel without a path cannot"
    " change output 33; one with a path changes it by δ·c, c a nonzero"
    " degree-2 polynomial in the weights: by Schwartz–Zippel all %d draws"
    " miss it with probability at most %.3g. Ground truth: reachability over"
    " the nonzero taps of the masks *as written*, no code shared.\n\n",
    draws, m, m, INPUT_RANGE, INPUT_RANGE, INPUT_RANGE, conv2d_probe_exactness_limit (spec),
    draws, conv2d_probe_miss_probability (spec, draws));
  for (size_t k = 0; k < N_CASES; k++)
    receptive_field_append_summary (n, CASES[k].name, &hits[k]);
  sbuf_append (n, "An A mask in layer 1, or in layer 2 after a B, keeps 33 from"
               " seeing itself; B/B sees it: hence PixelCNN's A first, B after."
               " Input 25 is missed in every case: no tap gains more columns than"
               " it climbs rows (the blind spot the gated PixelCNN removes).\n");
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  harness_mutant_flags (h, on, N_MUTANTS);
  long m = (long) harness_param (h, "weight_range");
  conv2d_probe_spec spec = probe_spec (&CASES[0], m);
  if (conv2d_probe_exactness_limit (&spec) >= 9007199254740992.0)
    die_internal ("weight_range %ld would leave exact integer arithmetic", m);
  int draws = conv2d_probe_draws (&spec, harness_samples (h), CHECK_ALPHA);
  receptive_field hits[N_CASES];

  derivation_run (h, &q4_masks);
  check_output_size (h, &spec);
  for (size_t k = 0; k < N_CASES; k++)
    {
      spec = probe_spec (&CASES[k], m);
      receptive_field_init (&hits[k], MAP, TARGET_ROW, TARGET_COL);
      conv2d_probe (&spec, harness_rng (h), draws, hits[k].hits);
      check_receptive_field (h, &CASES[k], &hits[k], draws, m);
    }
  check_autoregressive (h, hits);
  check_blind_spot (h, hits);

  draw_figure (h, hits, draws);
  write_notes (h, hits, draws, &spec);
  return harness_end (h);
}
