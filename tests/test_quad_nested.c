/* test_quad_nested.c -- lib/quad_nested.c against closed forms.
 *
 * ∫∫ e^{-(x² + y²)/2} dx dy = 2π, and ∫∫ e^{-(x² + xy + y²)} dx dy =
 * 2π/√3 (a quadratic form of determinant 3/4), each with the inner
 * integral over y by quad_real_line_at; the result must be within its
 * bound of the closed form, its bound small, and include the inner
 * errors (the error pass).  An inner integrand the outer rules cannot
 * resolve must be refused, not returned. */
#include "quad_nested.h"
#include "tap.h"

#include <gsl/gsl_math.h>

typedef struct
{
  double x, c;       /* the outer variable; the cross coefficient */
  int error_pass;
  double inner_err;  /* the largest inner bound seen in the error pass */
  int wild;          /* an outer integrand that jumps at every x */
} params;

static double
inner (double y, void *v)
{
  const params *p = v;
  double e = p->x * p->x + y * y;
  if (p->c)
    return exp (-(e + p->x * y));
  return exp (-e / 2);
}

static double
outer (double x, void *v)
{
  params *p = v;
  p->x = x;
  if (!(fabs (x) < 1e100))
    return 0;
  quad_result in = quad_real_line_at (inner, p, 0.0, 1.0);
  if (p->error_pass)
    p->inner_err = fmax (p->inner_err, in.abserr);
  if (p->wild)
    return p->error_pass ? in.abserr : in.value * (1 + 1e-3 * sin (1e6 * x));
  return p->error_pass ? in.abserr : in.value;
}

static double
gauss2 (double x, double y, void *v)
{
  double c = *(const double *) v;
  if (!(fabs (x) < 1e100))
    return 0;
  return c ? exp (-(x * x + x * y + y * y)) : exp (-(x * x + y * y) / 2);
}

int
main (void)
{
  params p = { 0, 0, 0, 0, 0 };
  quad_result r;
  int st = quad_try_nested_span (outer, &p, &p.error_pass, -QUAD_SPLIT, QUAD_SPLIT, 1.0,
                                 QUAD_EPSABS, 1e-3, QUAD_EPSREL, &r);
  tap_ok (st == 0, "standard Gaussian: accepted (%s)", st ? quad_strerror (st) : "ok");
  tap_ok (fabs (r.value - 2 * M_PI) <= r.abserr, "within its bound of 2π (diff %.3g, bound %.3g)",
          r.value - 2 * M_PI, r.abserr);
  tap_ok (r.abserr < 1e-9, "bound %.3g small", r.abserr);
  tap_ok (p.inner_err > 0, "the error pass saw the inner bounds (largest %.3g)", p.inner_err);
  tap_ok (p.error_pass == 0, "error_pass is 0 on return");

  params q = { 0, 1, 0, 0, 0 };
  st = quad_try_nested_span (outer, &q, &q.error_pass, -QUAD_SPLIT, QUAD_SPLIT, 1.0,
                             QUAD_EPSABS, 1e-3, QUAD_EPSREL, &r);
  double want = 2 * M_PI / sqrt (3);
  tap_ok (st == 0 && fabs (r.value - want) <= r.abserr,
          "correlated: within its bound of 2π/√3 (diff %.3g, bound %.3g)", r.value - want, r.abserr);

  params w = { 0, 0, 0, 0, 1 };
  st = quad_try_nested_span (outer, &w, &w.error_pass, -QUAD_SPLIT, QUAD_SPLIT, 1.0,
                             QUAD_EPSABS, 1e-3, QUAD_EPSREL, &r);
  tap_ok (st != 0 || fabs (r.value - 2 * M_PI) <= r.abserr,
          "an outer integrand with unresolved noise is refused or bounded (status %d)", st);
  /* the plane: ∫∫ e^{-(x² + y²)/2} = 2π, and the correlated form */
  double c = 0;
  st = quad_try_plane (gauss2, &c, 0, 1, -QUAD_SPLIT, QUAD_SPLIT, 1.0, QUAD_EPSABS, 1e-3, QUAD_EPSREL, &r);
  tap_ok (st == 0 && fabs (r.value - 2 * M_PI) <= r.abserr && r.abserr < 1e-9,
          "plane: 2π within %.3g (diff %.3g)", r.abserr, r.value - 2 * M_PI);
  c = 1;
  st = quad_try_plane (gauss2, &c, 0, 1, -QUAD_SPLIT, QUAD_SPLIT, 1.0, QUAD_EPSABS, 1e-3, QUAD_EPSREL, &r);
  tap_ok (st == 0 && fabs (r.value - want) <= r.abserr, "plane: 2π/√3 within %.3g (diff %.3g)", r.abserr,
          r.value - want);
  return tap_done ();
}
