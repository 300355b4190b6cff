/* test_complex_step.c -- complex-step derivatives against closed forms
   (no difference taken: they agree to a few ulps, even at tiny x or where
   a finite difference would cancel). */
#include "complex_step.h"
#include "tap.h"

#include <float.h>
#include <math.h>

static double complex x_log_x (double complex x, void *p) { (void) p; return x * clog (x); }
static double complex exp_sin (double complex x, void *p) { (void) p; return cexp (csin (x)); }
static double complex
shifted_log (double complex x, void *p)
{
  double a = *(const double *) p;
  return clog (a + x) - clog (a);
}

int
main (void)
{
  const double xs[] = { 1e-12, 0.37, 1.0, 5.5, 1e8 };
  for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++)
    {
      double x = xs[i], want = log (x) + 1;
      tap_close (complex_step_derivative (x_log_x, NULL, x), want,
                 8 * DBL_EPSILON * (fabs (log (x)) + 1), "d/dx x log x = log x + 1 at x = %g", x);
    }
  for (double x = -3; x <= 3; x += 0.75)
    tap_close (complex_step_derivative (exp_sin, NULL, x), cos (x) * exp (sin (x)),
               8 * DBL_EPSILON * exp (1), "d/dx e^{sin x} = cos x e^{sin x} at x = %g", x);
  tap_close (complex_step_derivative (exp_sin, NULL, 0.0), 1.0, 4 * DBL_EPSILON,
             "at x = 0 the step is 1e-20");
  double a = 1e10;   /* log(a + x) - log a: a difference would cancel 10 digits */
  tap_close (complex_step_derivative (shifted_log, &a, 2.0), 1 / (a + 2), 4 * DBL_EPSILON / a,
             "d/dx log(1e10 + x) = 1/(1e10 + x), no cancellation");
  return tap_done ();
}
