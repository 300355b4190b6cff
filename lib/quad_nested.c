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

typedef struct
{
  quad_fn2 f;
  void *params;
  double x, y_center, y_scale;
  int error_pass;
} plane;

static double
plane_inner (double y, void *v)
{
  const plane *p = v;
  return p->f (p->x, y, p->params);
}

static double
plane_outer (double x, void *v)
{
  plane *p = v;
  p->x = x;
  quad_result in = quad_real_line_at (plane_inner, p, p->y_center, p->y_scale);
  return p->error_pass ? in.abserr : in.value;
}

int
quad_try_plane (quad_fn2 f, void *params, double y_center, double y_scale, double lo, double hi,
                double scale, double epsabs, double epsrel_errors, double epsrel, quad_result * out)
{
  plane p = { f, params, 0, y_center, y_scale, 0 };
  return quad_try_nested_span (plane_outer, &p, &p.error_pass, lo, hi, scale, epsabs, epsrel_errors, epsrel, out);
}
