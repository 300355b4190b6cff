/* conv2d.c -- 2-D cross-correlation with zero padding and a mask (see
   conv2d.h). */
#include "conv2d.h"

#include <gsl/gsl_errno.h>
#include <stdint.h>

size_t
conv2d_output_length (size_t n, size_t k, size_t pad)
{
  if (k == 0 || n + 2 * pad < k)
    return 0;
  return n + 2 * pad - k + 1;
}

/* Do M and N share storage?  Two views of one block overlap when their
   address ranges do (compared as integers: the matrices may come from
   different allocations). */
static int
storage_overlaps (const gsl_matrix * m, const gsl_matrix * n)
{
  uintptr_t m0 = (uintptr_t) m->data, n0 = (uintptr_t) n->data;
  uintptr_t m1 = (uintptr_t) (m->data + (m->size1 - 1) * m->tda + m->size2);
  uintptr_t n1 = (uintptr_t) (n->data + (n->size1 - 1) * n->tda + n->size2);
  return m0 < n1 && n0 < m1;
}

/* One output value: the sum over the taps that land inside the map (the
   padding is zero, so the others add nothing). */
static double
correlate_at (const gsl_matrix * in, const gsl_matrix * kernel,
              const gsl_matrix * mask, size_t pad, size_t r, size_t c)
{
  size_t k = kernel->size1;
  double sum = 0.0;
  for (size_t a = 0; a < k; a++)
    {
      size_t row = r + a;       /* padded coordinates: row - pad in the map */
      if (row < pad || row - pad >= in->size1)
        continue;
      for (size_t b = 0; b < k; b++)
        {
          size_t col = c + b;
          if (col < pad || col - pad >= in->size2)
            continue;
          double w = gsl_matrix_get (kernel, a, b);
          if (mask)
            {
              double m = gsl_matrix_get (mask, a, b);
              if (m == 0.0)
                continue;       /* a masked tap is no connection */
              w *= m;
            }
          sum += w * gsl_matrix_get (in, row - pad, col - pad);
        }
    }
  return sum;
}

int
conv2d (const gsl_matrix * in, const gsl_matrix * kernel,
        const gsl_matrix * mask, size_t pad, gsl_matrix * out)
{
  size_t k = kernel->size1;
  if (kernel->size2 != k)
    GSL_ERROR ("conv2d: kernel must be square", GSL_ENOTSQR);
  if (mask && (mask->size1 != k || mask->size2 != k))
    GSL_ERROR ("conv2d: mask must have the kernel's size", GSL_EBADLEN);
  size_t h = conv2d_output_length (in->size1, k, pad);
  size_t w = conv2d_output_length (in->size2, k, pad);
  if (h == 0 || w == 0)
    GSL_ERROR ("conv2d: kernel larger than the padded input", GSL_EBADLEN);
  if (out->size1 != h || out->size2 != w)
    GSL_ERROR ("conv2d: output must be (H + 2 pad - k + 1) x"
               " (W + 2 pad - k + 1)", GSL_EBADLEN);
  if (storage_overlaps (in, out))
    GSL_ERROR ("conv2d: output shares storage with the input", GSL_EINVAL);

  for (size_t r = 0; r < h; r++)
    for (size_t c = 0; c < w; c++)
      gsl_matrix_set (out, r, c, correlate_at (in, kernel, mask, pad, r, c));
  return GSL_SUCCESS;
}

int
conv2d_mask (conv2d_mask_type type, gsl_matrix * mask)
{
  size_t k = mask->size1;
  if (mask->size2 != k)
    GSL_ERROR ("conv2d_mask: mask must be square", GSL_ENOTSQR);
  if (k % 2 == 0)
    GSL_ERROR ("conv2d_mask: mask size must be odd (a centre tap)",
               GSL_EINVAL);
  if (type != CONV2D_MASK_A && type != CONV2D_MASK_B)
    GSL_ERROR ("conv2d_mask: type must be CONV2D_MASK_A or CONV2D_MASK_B",
               GSL_EINVAL);

  /* 1-based i, j as in the seed; centre c = (k + 1) / 2 */
  size_t centre = (k + 1) / 2;
  size_t last_in_centre_row = type == CONV2D_MASK_A ? centre - 1 : centre;
  for (size_t i = 1; i <= k; i++)
    for (size_t j = 1; j <= k; j++)
      {
        int keep = i < centre || (i == centre && j <= last_in_centre_row);
        gsl_matrix_set (mask, i - 1, j - 1, keep ? 1.0 : 0.0);
      }
  return GSL_SUCCESS;
}

void
conv2d_shift_right (gsl_matrix * m)
{
  if (m->size2 == 0)
    return;
  /* the last column walks to the front, then is cleared */
  for (size_t j = m->size2 - 1; j > 0; j--)
    gsl_matrix_swap_columns (m, j, j - 1);
  gsl_vector_view first = gsl_matrix_column (m, 0);
  gsl_vector_set_zero (&first.vector);
}
