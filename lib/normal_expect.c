/* normal_expect.c -- E_{w~N(m, s²)} of a function of w by quadrature
 * (see normal_expect.h). */
#include "normal_expect.h"

#include "check.h"
#include "normal.h"

#include <math.h>

/* the integrand's data: G, or F and which of its outputs (WANT_BOUND) */
typedef struct
{
  quad_fn g;
  normal_expect_fn f;
  void *params;
  double m, s;
  int want_bound;
} expect_at;

/* N(w; m, s²) times G(w), or times F's value or its bound */
static double
expect_integrand (double w, void *params)
{
  const expect_at *e = params;
  double lq = normal_log_pdf (w, e->m, e->s), b, v;
  if (lq < -745)
    return 0.0;
  if (e->g)
    return exp (lq) * e->g (w, e->params);
  v = e->f (w, e->params, &b);
  return exp (lq) * (e->want_bound ? b : v);
}

static estimate
expect (const expect_at * e)
{
  return est_quad (quad_real_line_at (expect_integrand, (void *) e, e->m, e->s));
}

estimate
normal_expect (quad_fn g, void *params, double m, double s)
{
  return expect (&(expect_at) { g, NULL, params, m, s, 0 });
}

estimate
normal_expect_bounded (normal_expect_fn f, void *params, double m, double s)
{
  estimate b = expect (&(expect_at) { NULL, f, params, m, s, 1 });
  estimate v = expect (&(expect_at) { NULL, f, params, m, s, 0 });
  return est_add (v, est_exact (0, b.value + est_bound (b)));
}
