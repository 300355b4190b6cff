/* quad_nested.c -- nested quadrature with the inner errors carried (see
   quad_nested.h). */
#include "quad_nested.h"

#include <math.h>

int
quad_try_nested_span (quad_fn f, void *params, int *error_pass, double lo,
                      double hi, double scale, double epsabs,
                      double epsrel_errors, double epsrel, quad_result * out)
{
  quad_result carried;
  *error_pass = 1;
  int status = quad_try_real_line_span_noisy (f, params, lo, hi, scale, epsabs,
                                              epsrel_errors, 0.0, &carried);
  if (status == QUAD_EDISAGREE)
    status = quad_try_real_line_span_noisy (f, params, lo, hi, scale, epsabs,
                                            epsrel_errors, fabs (carried.value)
                                            + carried.abserr, &carried);
  *error_pass = 0;
  if (status)
    return status;
  return quad_try_real_line_span_noisy (f, params, lo, hi, scale, epsabs, epsrel,
                                        carried.value + carried.abserr, out);
}
