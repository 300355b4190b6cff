/* conv2d.h -- small 2-D cross-correlation with zero padding and a kernel
 * mask, for single-channel maps held in GSL matrices.
 *
 * Convention (the deep-learning one, "without kernel flipping", as in seed
 * 003 Q4): for an H x W input X, a k x k kernel K, an optional k x k mask M
 * and zero padding p, the output Y has size (H + 2p - k + 1) x
 * (W + 2p - k + 1) (stride 1) and, with 0-based indices,
 *
 *     Y(r, c) = sum_{a,b = 0}^{k-1} K(a, b) M(a, b) X(r - p + a, c - p + b)
 *
 * where X is zero outside the map.  A true convolution would read
 * K(k-1-a, k-1-b) instead; nothing here flips.  Masking multiplies the
 * kernel by M elementwise, as the seed says; a tap whose mask entry is
 * exactly 0 is a missing connection, so it is skipped rather than
 * multiplied (0 * NaN would otherwise leak a NaN through a masked tap).
 *
 * The masks of PixelCNN (van den Oord, Kalchbrenner & Kavukcuoglu 2016,
 * "Pixel Recurrent Neural Networks", sec. 3.4), in seed 003 Q4's 1-based
 * form with centre c = (k + 1) / 2 (c = 2 for k = 3):
 *
 *     M^A(i, j) = 1 if i < c, or i = c and j <  c; 0 elsewhere
 *     M^B(i, j) = 1 if i < c, or i = c and j <= c; 0 elsewhere
 *
 * so for k = 3, M^A = [1 1 1; 1 0 0; 0 0 0] and M^B = [1 1 1; 1 1 0; 0 0 0].
 * Type A hides the centre pixel (first layer: a pixel must not see
 * itself); type B keeps it (later layers: the centre feature already
 * depends only on earlier pixels).
 *
 * Errors follow GSL: functions return GSL_SUCCESS or call GSL_ERROR with
 * GSL_ENOTSQR, GSL_EBADLEN or GSL_EINVAL (see each function). */
#ifndef HARNESS_CONV2D_H
#define HARNESS_CONV2D_H

#include <gsl/gsl_matrix.h>
#include <stddef.h>

typedef enum { CONV2D_MASK_A, CONV2D_MASK_B } conv2d_mask_type;

/* The output length along one axis for input length N, kernel size K and
   padding PAD: N + 2 PAD - K + 1, or 0 when the kernel does not fit in the
   padded input (N + 2 PAD < K) or K is 0. */
size_t conv2d_output_length (size_t n, size_t k, size_t pad);

/* OUT = cross-correlation of IN (H x W) with KERNEL (k x k), masked by MASK
   (k x k, or NULL for no mask), zero padding PAD on every border.
   OUT must be (H + 2 PAD - k + 1) x (W + 2 PAD - k + 1) and must not share
   storage with IN.  Errors: GSL_ENOTSQR if KERNEL is not square;
   GSL_EBADLEN if MASK is not the kernel's size, if the kernel does not fit
   in the padded input, or if OUT has the wrong size; GSL_EINVAL if OUT's
   address range overlaps IN's (conservative: interleaved views of one
   block are refused too). */
int conv2d (const gsl_matrix * in, const gsl_matrix * kernel,
            const gsl_matrix * mask, size_t pad, gsl_matrix * out);

/* Fill MASK (k x k, k odd) with the PixelCNN mask of TYPE (see above).
   Errors: GSL_ENOTSQR if MASK is not square, GSL_EINVAL if k is even or
   TYPE is not a mask type. */
int conv2d_mask (conv2d_mask_type type, gsl_matrix * mask);

/* Move every row of M one column to the right, the first column zero:
   entry (i, j) becomes the old (i, j - 1), a mask read one column off
   (a claim's negative control).  By GSL column swaps, so every entry is
   copied exactly. */
void conv2d_shift_right (gsl_matrix * m);

#endif
