/* test_quad_log.c -- quad_log_pieces against closed forms of Gaussian
   integrals (GSL's normal tail probabilities, accurate to a few ulps of
   relative error far into the tail): the actual error must lie within the
   stated abserr, and abserr be small relative to the value even where the
   integrand is 1e-90, which a single call of the rules, at absolute
   tolerance 1e-13, would return as 0 ± 1e-13. */
#include "quad_log.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <math.h>

typedef struct { double m, s, c; } gauss;   /* log of e^c N(w; m, s²) √(2π) s */

static double
log_gauss (double w, void *params)
{
  const gauss *g = params;
  double z = (w - g->m) / g->s;
  return g->c - 0.5 * z * z;
}

/* ∫_lo^hi e^{c - shift - (w - m)²/(2s²)} dw
   = e^{c - shift} √(2π) s (Φ((hi - m)/s) - Φ((lo - m)/s)), written through
   the upper tails Q so that a far tail keeps its digits */
static double
exact (const gauss * g, double shift, double lo, double hi)
{
  double a = (lo - g->m) / g->s, b = (hi - g->m) / g->s;
  double mass = a >= 0 ? gsl_cdf_ugaussian_Q (a) - gsl_cdf_ugaussian_Q (b)
    : gsl_cdf_ugaussian_P (b) - gsl_cdf_ugaussian_P (a);
  return exp (g->c - shift) * sqrt (2 * M_PI) * g->s * mass;
}

static void
check (const char *name, gauss g, double shift, double lo, double hi, double scale,
       double max_rel)
{
  quad_result r = quad_log_pieces (log_gauss, &g, shift, lo, hi, scale, name);
  double want = exact (&g, shift, lo, hi), err = fabs (r.value - want);
  tap_ok (err <= r.abserr + 4 * DBL_EPSILON * want,
          "%s: actual error %.3g within abserr %.3g (value %.17g, exact %.17g)",
          name, err, r.abserr, r.value, want);
  tap_ok (r.abserr <= max_rel * want, "%s: abserr %.3g <= %g of the value %.3g",
          name, r.abserr, max_rel, want);
}

int
main (void)
{
  /* the whole mass, in 5 pieces of width <= 16 */
  check ("N(0, 1) on [-38, 38]", (gauss) { 0, 1, 0 }, 0, -38, 38, 1, 1e-10);
  /* a far tail, [20, 24]: the values are 1e-87 to 1e-126 */
  check ("N(0, 1) on [20, 24]", (gauss) { 0, 1, 0 }, 0, 20, 24, 1, 1e-10);
  /* e^{800} would overflow: SHIFT brings it to 1 */
  check ("e^800 N(3, 0.5²) on [-10, 10]", (gauss) { 3, 0.5, 800 }, 800, -10, 10, 0.5, 1e-10);
  /* a narrow bump among wide pieces is seen when SCALE is its width */
  check ("N(7.3, 0.01²) on [-20, 20]", (gauss) { 7.3, 0.01, 0 }, 0, -20, 20, 0.01, 1e-10);
  return tap_done ();
}
