/* point_fd.c -- c·∇F of a closed form of a point's coordinates (see
   point_fd.h). */
#include "point_fd.h"
#include "errors.h"

#include <gsl/gsl_errno.h>
#include <math.h>

estimate
point_fd_along (gradcheck_fn f, void *params, const point * p, const double *c,
                const int *at, size_t n, const gradcheck_options * o, size_t sum_terms)
{
  double s, e;
  gsl_vector_const_view tv = gsl_vector_const_view_array (p->v, p->n);
  int status = gradcheck_directional (f, params, &tv.vector, c, at, n, o, &s, &e);
  if (status != GSL_SUCCESS)
    die_runtime ("point_fd_along: a finite difference failed over %zu coordinates from %d (%s)",
                 n, n ? at[0] : -1, gsl_strerror (status));
  return est_numeric (s, e + sum_terms * EST_U * fabs (s));
}
