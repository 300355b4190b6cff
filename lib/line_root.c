/* line_root.c -- a line evaluated as the root of its equation (see line_root.h). */
#include "line_root.h"

estimate
line_root_unit (root_fn g, const double *v)
{
  return root_bisect_estimate (g, (void *) v, LINE_ROOT_LO, 1 - LINE_ROOT_LO);
}
