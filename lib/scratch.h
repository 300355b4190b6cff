/* scratch.h -- a small array of doubles in the caller's stack buffer, a
 * larger one on the heap.
 *
 * Mixtures and their quantiles work with a handful of components, so the
 * heap is only a fallback; the buffer's capacity travels with the call so
 * that a caller cannot overrun its own buffer:
 *
 *   double buf[SCRATCH_STACK_MAX], *w = scratch_doubles (buf, SCRATCH_STACK_MAX, k);
 *   ...
 *   scratch_free (w, buf);                                                 */
#ifndef HARNESS_SCRATCH_H
#define HARNESS_SCRATCH_H

#include "errors.h"

#include <stddef.h>
#include <stdlib.h>

#define SCRATCH_STACK_MAX 64

static inline double *
scratch_doubles (double *stack_buf, size_t capacity, size_t n)
{
  return n <= capacity ? stack_buf : xmalloc (n * sizeof (double));
}

static inline void
scratch_free (double *p, const double *stack_buf)
{
  if (p != stack_buf)
    free (p);
}

#endif
