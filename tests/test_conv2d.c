/* test_conv2d.c -- 2-D cross-correlation and PixelCNN masks against
 * independent values: hand-computed cases, an identity and a shift kernel,
 * a second implementation through an explicitly zero-padded copy (GSL
 * submatrix views and elementwise products), the masks of seed 003 Q4 as
 * printed there, a mask shifted one column by hand, NaN/Inf propagation
 * and every error code.
 *
 * Random cases use small integers, so both sides are exact and compared
 * with ==. */
#include "conv2d.h"
#include "rng.h"
#include "reftsv.h"
#include "tap.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------------
 * Helpers
 * ---------------------------------------------------------------------- */

static gsl_matrix *
matrix_from (size_t rows, size_t cols, const double *values)
{
  gsl_matrix *m = gsl_matrix_alloc (rows, cols);
  for (size_t i = 0; i < rows; i++)
    for (size_t j = 0; j < cols; j++)
      gsl_matrix_set (m, i, j, values[i * cols + j]);
  return m;
}

static gsl_matrix *
random_integer_matrix (gsl_rng * r, size_t rows, size_t cols, long range)
{
  gsl_matrix *m = gsl_matrix_alloc (rows, cols);
  for (size_t i = 0; i < rows; i++)
    for (size_t j = 0; j < cols; j++)
      gsl_matrix_set (m, i, j, (double) ((long) gsl_rng_uniform_int
                                         (r, 2 * range + 1) - range));
  return m;
}

/* Largest |a - b| over the entries; 0 when equal, NaN-aware (a NaN on
   either side counts as infinitely far). */
static double
max_abs_diff (const gsl_matrix * a, const gsl_matrix * b)
{
  double worst = 0.0;
  for (size_t i = 0; i < a->size1; i++)
    for (size_t j = 0; j < a->size2; j++)
      {
        double x = gsl_matrix_get (a, i, j), y = gsl_matrix_get (b, i, j);
        double d = x == y ? 0.0 : fabs (x - y);
        worst = isnan (d) ? INFINITY : fmax (worst, d);
      }
  return worst;
}

/* The reference: copy IN into the middle of an explicit zero-padded
   matrix, then take each output as the sum of the elementwise product of
   the kernel with a k x k submatrix view (no index arithmetic shared with
   conv2d.c). */
static gsl_matrix *
reference_correlation (const gsl_matrix * in, const gsl_matrix * kernel,
                       size_t pad)
{
  size_t k = kernel->size1;
  gsl_matrix *padded = gsl_matrix_calloc (in->size1 + 2 * pad,
                                          in->size2 + 2 * pad);
  gsl_matrix_view inner = gsl_matrix_submatrix (padded, pad, pad, in->size1,
                                                in->size2);
  gsl_matrix_memcpy (&inner.matrix, in);
  gsl_matrix *out = gsl_matrix_alloc (padded->size1 - k + 1,
                                      padded->size2 - k + 1);
  gsl_matrix *product = gsl_matrix_alloc (k, k);
  for (size_t r = 0; r < out->size1; r++)
    for (size_t c = 0; c < out->size2; c++)
      {
        gsl_matrix_view window = gsl_matrix_submatrix (padded, r, c, k, k);
        gsl_matrix_memcpy (product, &window.matrix);
        gsl_matrix_mul_elements (product, kernel);
        double sum = 0.0;
        for (size_t a = 0; a < k; a++)
          for (size_t b = 0; b < k; b++)
            sum += gsl_matrix_get (product, a, b);
        gsl_matrix_set (out, r, c, sum);
      }
  gsl_matrix_free (padded);
  gsl_matrix_free (product);
  return out;
}

static gsl_matrix *
conv2d_new (const gsl_matrix * in, const gsl_matrix * kernel,
            const gsl_matrix * mask, size_t pad)
{
  size_t k = kernel->size1;
  gsl_matrix *out = gsl_matrix_alloc (conv2d_output_length (in->size1, k, pad),
                                      conv2d_output_length (in->size2, k, pad));
  int status = conv2d (in, kernel, mask, pad, out);
  tap_ok (status == GSL_SUCCESS, "conv2d returns GSL_SUCCESS (%zu x %zu, k %zu,"
          " pad %zu)", in->size1, in->size2, k, pad);
  return out;
}

static const double ONE_TO_NINE[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

/* ----------------------------------------------------------------------
 * Hand-computed cases
 * ---------------------------------------------------------------------- */

/* [1 2 3; 4 5 6; 7 8 9] with [1 2; 3 4], no padding: by hand
   Y(1,1) = 1*1 + 2*2 + 3*4 + 4*5 = 37, Y(1,2) = 1*2 + 2*3 + 3*5 + 4*6 = 47,
   Y(2,1) = 67, Y(2,2) = 77.  A flipped kernel would give 23 at (1,1). */
static void
test_hand_computed_2x2 (void)
{
  gsl_matrix *in = matrix_from (3, 3, ONE_TO_NINE);
  const double kv[] = { 1, 2, 3, 4 }, want[] = { 37, 47, 67, 77 };
  gsl_matrix *kernel = matrix_from (2, 2, kv), *expected = matrix_from (2, 2, want);
  gsl_matrix *out = conv2d_new (in, kernel, NULL, 0);
  tap_close (max_abs_diff (out, expected), 0, 0,
             "[1..9] (*) [1 2; 3 4], pad 0 = [37 47; 67 77] (no flipping)");
  gsl_matrix_free (in);
  gsl_matrix_free (kernel);
  gsl_matrix_free (expected);
  gsl_matrix_free (out);
}

/* An all-ones 3 x 3 kernel with padding 1 sums each 3 x 3 neighbourhood
   that lies in the map: corners see 4 pixels, edges 6, the centre 9. */
static void
test_hand_computed_borders (void)
{
  gsl_matrix *in = matrix_from (3, 3, ONE_TO_NINE);
  gsl_matrix *kernel = gsl_matrix_alloc (3, 3);
  gsl_matrix_set_all (kernel, 1.0);
  const double want[] = { 12, 21, 16, 27, 45, 33, 24, 39, 28 };
  gsl_matrix *expected = matrix_from (3, 3, want);
  gsl_matrix *out = conv2d_new (in, kernel, NULL, 1);
  tap_close (max_abs_diff (out, expected), 0, 0,
             "box sums with zero padding 1 = [12 21 16; 27 45 33; 24 39 28]");
  gsl_matrix_free (in);
  gsl_matrix_free (kernel);
  gsl_matrix_free (expected);
  gsl_matrix_free (out);
}

/* A delta at the kernel centre reproduces the input (padding (k-1)/2); a
   delta at (0, 1) of a 3 x 3 kernel reads the pixel ABOVE (Y(r,c) =
   X(r-1,c)): correlation, not convolution, which would read the pixel
   below.  The top row then reads the zero padding. */
static void
test_identity_and_shift (gsl_rng * r)
{
  for (size_t k = 1; k <= 5; k += 2)
    {
      gsl_matrix *in = random_integer_matrix (r, 5, 7, 9);
      gsl_matrix *kernel = gsl_matrix_calloc (k, k);
      gsl_matrix_set (kernel, k / 2, k / 2, 1.0);
      gsl_matrix *out = conv2d_new (in, kernel, NULL, k / 2);
      tap_close (max_abs_diff (out, in), 0, 0,
                 "identity kernel %zu x %zu, pad %zu: output = input", k, k,
                 k / 2);
      gsl_matrix_free (in);
      gsl_matrix_free (kernel);
      gsl_matrix_free (out);
    }
  gsl_matrix *in = random_integer_matrix (r, 4, 6, 9);
  gsl_matrix *kernel = gsl_matrix_calloc (3, 3);
  gsl_matrix_set (kernel, 0, 1, 1.0);
  gsl_matrix *out = conv2d_new (in, kernel, NULL, 1);
  gsl_matrix *expected = gsl_matrix_calloc (4, 6);
  for (size_t i = 1; i < 4; i++)
    for (size_t j = 0; j < 6; j++)
      gsl_matrix_set (expected, i, j, gsl_matrix_get (in, i - 1, j));
  tap_close (max_abs_diff (out, expected), 0, 0,
             "tap (0,1) of a 3 x 3 kernel reads the pixel above; top row 0");
  gsl_matrix_free (in);
  gsl_matrix_free (kernel);
  gsl_matrix_free (out);
  gsl_matrix_free (expected);
}

/* ----------------------------------------------------------------------
 * Against the explicitly padded reference
 * ---------------------------------------------------------------------- */

static void
test_against_reference (gsl_rng * r)
{
  const size_t ks[] = { 1, 2, 3, 4, 5 };
  int n = 0, exact = 0;
  for (size_t ik = 0; ik < 5; ik++)
    for (size_t pad = 0; pad <= 3; pad++)
      for (int rep = 0; rep < 5; rep++)
        {
          size_t k = ks[ik];
          size_t rows = 1 + gsl_rng_uniform_int (r, 7);
          size_t cols = 1 + gsl_rng_uniform_int (r, 7);
          if (rows + 2 * pad < k || cols + 2 * pad < k)
            continue;
          gsl_matrix *in = random_integer_matrix (r, rows, cols, 9);
          gsl_matrix *kernel = random_integer_matrix (r, k, k, 9);
          gsl_matrix *want = reference_correlation (in, kernel, pad);
          gsl_matrix *got = gsl_matrix_alloc (want->size1, want->size2);
          n++;
          exact += conv2d (in, kernel, NULL, pad, got) == GSL_SUCCESS
            && max_abs_diff (got, want) == 0.0;
          gsl_matrix_free (in);
          gsl_matrix_free (kernel);
          gsl_matrix_free (want);
          gsl_matrix_free (got);
        }
  tap_ok (n > 50 && exact == n, "random maps 1..7 x 1..7, k 1..5, pad 0..3:"
          " %d of %d equal to the zero-padded reference", exact, n);
}

/* Masking multiplies the kernel elementwise: conv2d (X, K, M) equals
   conv2d (X, K o M) (gsl_matrix_mul_elements), here with a 0/1/2-valued
   mask so that both skipping and scaling are exercised. */
static void
test_mask_is_elementwise (gsl_rng * r)
{
  int n = 0, exact = 0;
  for (int rep = 0; rep < 40; rep++)
    {
      size_t k = 1 + 2 * gsl_rng_uniform_int (r, 3);
      gsl_matrix *in = random_integer_matrix (r, 6, 5, 9);
      gsl_matrix *kernel = random_integer_matrix (r, k, k, 9);
      gsl_matrix *mask = gsl_matrix_alloc (k, k);
      for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < k; b++)
          gsl_matrix_set (mask, a, b, (double) gsl_rng_uniform_int (r, 3));
      gsl_matrix *product = gsl_matrix_alloc (k, k);
      gsl_matrix_memcpy (product, kernel);
      gsl_matrix_mul_elements (product, mask);
      size_t pad = k / 2;
      gsl_matrix *masked = gsl_matrix_alloc (6, 5), *plain = gsl_matrix_alloc (6, 5);
      conv2d (in, kernel, mask, pad, masked);
      conv2d (in, product, NULL, pad, plain);
      n++;
      exact += max_abs_diff (masked, plain) == 0.0;
      gsl_matrix_free (in);
      gsl_matrix_free (kernel);
      gsl_matrix_free (mask);
      gsl_matrix_free (product);
      gsl_matrix_free (masked);
      gsl_matrix_free (plain);
    }
  tap_ok (exact == n, "conv2d (X, K, M) = conv2d (X, K o M): %d of %d", exact, n);
}

static void
test_output_length (void)
{
  tap_ok (conv2d_output_length (5, 3, 1) == 5, "5x5, k 3, pad 1 -> 5 (seed 003 Q4)");
  tap_ok (conv2d_output_length (5, 3, 0) == 3, "5, k 3, pad 0 -> 3");
  tap_ok (conv2d_output_length (2, 5, 2) == 2, "2, k 5, pad 2 -> 2");
  tap_ok (conv2d_output_length (2, 5, 1) == 0, "2, k 5, pad 1 -> 0 (does not fit)");
  tap_ok (conv2d_output_length (3, 3, 0) == 1, "3, k 3, pad 0 -> 1");
  tap_ok (conv2d_output_length (4, 0, 0) == 0, "k 0 -> 0");
}

/* ----------------------------------------------------------------------
 * Masks: seed 003 Q4's printed matrices, other sizes
 * ---------------------------------------------------------------------- */

static void
test_masks (void)
{
  /* as printed in seed 003 Q4 */
  const double ma[] = { 1, 1, 1, 1, 0, 0, 0, 0, 0 };
  const double mb[] = { 1, 1, 1, 1, 1, 0, 0, 0, 0 };
  gsl_matrix *seed_a = matrix_from (3, 3, ma), *seed_b = matrix_from (3, 3, mb);
  gsl_matrix *m = gsl_matrix_alloc (3, 3);
  conv2d_mask (CONV2D_MASK_A, m);
  tap_close (max_abs_diff (m, seed_a), 0, 0, "M^A = [1 1 1; 1 0 0; 0 0 0]");
  conv2d_mask (CONV2D_MASK_B, m);
  tap_close (max_abs_diff (m, seed_b), 0, 0, "M^B = [1 1 1; 1 1 0; 0 0 0]");

  /* k = 5 (centre 3): A keeps rows 1-2 and (3,1), (3,2): 12 ones; B also
     (3,3): 13.  k = 1: A = [0], B = [1]. */
  gsl_matrix *m5 = gsl_matrix_alloc (5, 5), *m1 = gsl_matrix_alloc (1, 1);
  conv2d_mask (CONV2D_MASK_A, m5);
  double sum_a = 0, sum_b = 0;
  for (size_t i = 0; i < 25; i++)
    sum_a += m5->data[i];
  int a_shape = gsl_matrix_get (m5, 2, 1) == 1 && gsl_matrix_get (m5, 2, 2) == 0
    && gsl_matrix_get (m5, 1, 4) == 1 && gsl_matrix_get (m5, 3, 0) == 0;
  conv2d_mask (CONV2D_MASK_B, m5);
  for (size_t i = 0; i < 25; i++)
    sum_b += m5->data[i];
  tap_ok (sum_a == 12 && sum_b == 13 && a_shape && gsl_matrix_get (m5, 2, 2) == 1
          && gsl_matrix_get (m5, 2, 3) == 0, "5 x 5 masks: 12 ones (A), 13 (B)");
  conv2d_mask (CONV2D_MASK_A, m1);
  double a1 = gsl_matrix_get (m1, 0, 0);
  conv2d_mask (CONV2D_MASK_B, m1);
  tap_ok (a1 == 0 && gsl_matrix_get (m1, 0, 0) == 1, "1 x 1 masks: A = [0], B = [1]");
  gsl_matrix_free (seed_a);
  gsl_matrix_free (seed_b);
  gsl_matrix_free (m);
  gsl_matrix_free (m5);
  gsl_matrix_free (m1);
}

/* conv2d_shift_right by hand on a 2 x 3 matrix and on mask A; negative
   control: the shift to the left (the other direction) is told apart. */
static void
test_shift_right (void)
{
  const double v[] = { 1, 2, 3, 4, 5, 6 }, right[] = { 0, 1, 2, 0, 4, 5 };
  const double left[] = { 2, 3, 0, 5, 6, 0 }, ma_right[] = { 0, 1, 1, 0, 1, 0, 0, 0, 0 };
  gsl_matrix *m = matrix_from (2, 3, v), *want = matrix_from (2, 3, right);
  gsl_matrix *wrong = matrix_from (2, 3, left), *a = gsl_matrix_alloc (3, 3);
  gsl_matrix *want_a = matrix_from (3, 3, ma_right);
  conv2d_shift_right (m);
  tap_close (max_abs_diff (m, want), 0, 0, "shift right: [1 2 3; 4 5 6] -> [0 1 2; 0 4 5]");
  tap_ok (max_abs_diff (m, wrong) > 0, "negative control: the left shift is told apart");
  conv2d_mask (CONV2D_MASK_A, a);
  conv2d_shift_right (a);
  tap_close (max_abs_diff (a, want_a), 0, 0, "M^A shifted right: [0 1 1; 0 1 0; 0 0 0]");
  gsl_matrix_free (m);
  gsl_matrix_free (want);
  gsl_matrix_free (wrong);
  gsl_matrix_free (a);
  gsl_matrix_free (want_a);
}

/* ----------------------------------------------------------------------
 * Special values
 * ---------------------------------------------------------------------- */

/* NaN at X(2,2) of a 5 x 5 map under mask A (pad 1): Y(r,c) reads
   X(r-1, c-1..c+1) and X(r, c-1), so exactly Y(3,1), Y(3,2), Y(3,3) and
   Y(2,3) see it; Y(2,2) reads it only through the masked centre tap and
   stays finite. */
static void
test_nan_through_mask (void)
{
  gsl_matrix *in = gsl_matrix_alloc (5, 5), *kernel = gsl_matrix_alloc (3, 3);
  gsl_matrix *mask = gsl_matrix_alloc (3, 3), *out = gsl_matrix_alloc (5, 5);
  gsl_matrix_set_all (in, 1.0);
  gsl_matrix_set_all (kernel, 1.0);
  gsl_matrix_set (in, 2, 2, NAN);
  conv2d_mask (CONV2D_MASK_A, mask);
  conv2d (in, kernel, mask, 1, out);
  int right = 1;
  for (size_t r = 0; r < 5; r++)
    for (size_t c = 0; c < 5; c++)
      {
        int want_nan = (r == 3 && c >= 1 && c <= 3) || (r == 2 && c == 3);
        right &= want_nan ? isnan (gsl_matrix_get (out, r, c))
          : isfinite (gsl_matrix_get (out, r, c));
      }
  tap_ok (right, "NaN input reaches exactly the outputs with an unmasked tap"
          " on it; the masked centre blocks it");
  gsl_matrix_set_all (in, 1.0);
  gsl_matrix_set (kernel, 1, 1, NAN);
  conv2d (in, kernel, NULL, 1, out);
  int all_nan = 1;
  for (size_t i = 0; i < 25; i++)
    all_nan &= isnan (out->data[i]) != 0;
  tap_ok (all_nan, "NaN kernel centre, no mask: every output NaN");
  conv2d (in, kernel, mask, 1, out);
  int all_finite = 1;
  for (size_t i = 0; i < 25; i++)
    all_finite &= isfinite (out->data[i]) != 0;
  tap_ok (all_finite, "NaN kernel centre under mask A: every output finite");
  gsl_matrix_free (in);
  gsl_matrix_free (kernel);
  gsl_matrix_free (mask);
  gsl_matrix_free (out);
}

/* +Inf at a corner with an all-ones kernel, pad 1: the four outputs whose
   window holds the corner are +Inf, the rest equal the box sums. */
static void
test_inf_corner (void)
{
  gsl_matrix *in = matrix_from (3, 3, ONE_TO_NINE), *kernel = gsl_matrix_alloc (3, 3);
  gsl_matrix *out = gsl_matrix_alloc (3, 3);
  gsl_matrix_set_all (kernel, 1.0);
  gsl_matrix_set (in, 0, 0, INFINITY);
  conv2d (in, kernel, NULL, 1, out);
  tap_ok (isinf (gsl_matrix_get (out, 0, 0)) && gsl_matrix_get (out, 1, 1) > 0
          && isinf (gsl_matrix_get (out, 1, 1)) && gsl_matrix_get (out, 2, 2) == 28
          && gsl_matrix_get (out, 0, 2) == 16, "+Inf corner: +Inf in its windows only");
  gsl_matrix_free (in);
  gsl_matrix_free (kernel);
  gsl_matrix_free (out);
}

/* ----------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------- */

static void
test_errors (void)
{
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  gsl_matrix *in = gsl_matrix_calloc (5, 5), *out = gsl_matrix_calloc (5, 5);
  gsl_matrix *k3 = gsl_matrix_calloc (3, 3), *k23 = gsl_matrix_calloc (2, 3);
  gsl_matrix *m2 = gsl_matrix_calloc (2, 2), *out3 = gsl_matrix_calloc (3, 3);
  gsl_matrix *k7 = gsl_matrix_calloc (7, 7), *big = gsl_matrix_calloc (8, 8);

  tap_ok (conv2d (in, k23, NULL, 1, out) == GSL_ENOTSQR, "2 x 3 kernel: GSL_ENOTSQR");
  tap_ok (conv2d (in, k3, m2, 1, out) == GSL_EBADLEN, "2 x 2 mask on 3 x 3 kernel: GSL_EBADLEN");
  tap_ok (conv2d (in, k3, NULL, 1, out3) == GSL_EBADLEN, "3 x 3 output for 5 x 5, pad 1: GSL_EBADLEN");
  tap_ok (conv2d (in, k7, NULL, 0, out) == GSL_EBADLEN, "7 x 7 kernel on 5 x 5, pad 0: GSL_EBADLEN");
  tap_ok (conv2d (in, k3, NULL, 1, in) == GSL_EINVAL, "output = input: GSL_EINVAL");
  gsl_matrix_view a = gsl_matrix_submatrix (big, 0, 0, 5, 5);
  gsl_matrix_view b = gsl_matrix_submatrix (big, 3, 3, 5, 5);
  gsl_matrix_view c = gsl_matrix_submatrix (big, 5, 0, 3, 3);
  tap_ok (conv2d (&a.matrix, k3, NULL, 1, &b.matrix) == GSL_EINVAL,
          "overlapping views: GSL_EINVAL");
  tap_ok (conv2d (&a.matrix, k3, NULL, 0, &c.matrix) == GSL_SUCCESS,
          "disjoint rows of one block: GSL_SUCCESS");
  tap_ok (conv2d_mask (CONV2D_MASK_A, m2) == GSL_EINVAL, "2 x 2 mask (even): GSL_EINVAL");
  tap_ok (conv2d_mask (CONV2D_MASK_B, k23) == GSL_ENOTSQR, "2 x 3 mask: GSL_ENOTSQR");
  tap_ok (conv2d_mask ((conv2d_mask_type) 7, k3) == GSL_EINVAL, "mask type 7: GSL_EINVAL");

  gsl_matrix_free (in);
  gsl_matrix_free (out);
  gsl_matrix_free (k3);
  gsl_matrix_free (k23);
  gsl_matrix_free (m2);
  gsl_matrix_free (out3);
  gsl_matrix_free (k7);
  gsl_matrix_free (big);
  gsl_set_error_handler (old);
}

/* ---------------------------------------------------------------------
 * Exact integer cases (tests/reference/conv2d.tsv, gen_conv2d.py:
 * scipy.signal.correlate2d of the zero-padded input with the masked
 * kernel, in int64): every sum is an integer below 2^53, so conv2d must
 * reproduce it exactly.
 * --------------------------------------------------------------------- */
static void
test_reference (void)
{
  FILE *f = reftsv_open ("conv2d");
  char **fl;
  size_t nf;
  int cases = 0, ok = f != NULL;
  while (f && (nf = reftsv_next (f, &fl)))
    {
      size_t h = strtoul (fl[1], NULL, 10), w = strtoul (fl[2], NULL, 10);
      size_t k = strtoul (fl[3], NULL, 10), pad = strtoul (fl[4], NULL, 10);
      size_t oh = conv2d_output_length (h, k, pad), ow = conv2d_output_length (w, k, pad);
      if (nf != 9 || oh == 0 || ow == 0)
        {
          printf ("# malformed case %s\n", nf ? fl[0] : "?");
          ok = 0;
          continue;
        }
      gsl_matrix *in = gsl_matrix_alloc (h, w), *ker = gsl_matrix_alloc (k, k);
      gsl_matrix *out = gsl_matrix_alloc (oh, ow), *want = gsl_matrix_alloc (oh, ow);
      gsl_matrix *mask = strcmp (fl[5], "none") ? gsl_matrix_alloc (k, k) : NULL;
      int c_ok = reftsv_doubles (fl[6], in->data, h * w) == h * w
        && reftsv_doubles (fl[7], ker->data, k * k) == k * k
        && reftsv_doubles (fl[8], want->data, oh * ow) == oh * ow;
      if (mask)
        c_ok &= conv2d_mask (fl[5][0] == 'A' ? CONV2D_MASK_A : CONV2D_MASK_B, mask) == GSL_SUCCESS;
      c_ok = c_ok && conv2d (in, ker, mask, pad, out) == GSL_SUCCESS && gsl_matrix_equal (out, want);
      if (!c_ok)
        printf ("# %s: conv2d differs from scipy's correlate2d\n", fl[0]);
      ok &= c_ok;
      cases++;
      gsl_matrix_free (in);
      gsl_matrix_free (ker);
      gsl_matrix_free (out);
      gsl_matrix_free (want);
      if (mask)
        gsl_matrix_free (mask);
    }
  reftsv_close (f);
  tap_ok (ok && cases > 0, "conv2d.tsv: all %d integer cases equal scipy's correlate2d exactly", cases);
}

int
main (void)
{
  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  test_hand_computed_2x2 ();
  test_hand_computed_borders ();
  test_identity_and_shift (r);
  test_against_reference (r);
  test_mask_is_elementwise (r);
  test_output_length ();
  test_masks ();
  test_shift_right ();
  test_nan_through_mask ();
  test_inf_corner ();
  test_errors ();
  test_reference ();
  gsl_rng_free (r);
  return tap_done ();
}
