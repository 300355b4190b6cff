/* test_complex_step.c -- complex-step derivatives against closed forms
   (no difference taken: they agree to a few ulps, even at tiny x or where
   a finite difference would cancel); the second difference of two of them
   against f'' in closed form (x^3: exact up to rounding; e^{sin x}: within
   its truncation h^2 |f''''| / 6), and, as negative control, a function
   that is not analytic (|z|^2, x^2 on the real axis) whose complex step
   sees no derivative: the second difference gives 0, not 2. */
#include "complex_step.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <math.h>
#include <string.h>

static double complex x_log_x (double complex x, void *p) { (void) p; return x * clog (x); }
static double complex exp_sin (double complex x, void *p) { (void) p; return cexp (csin (x)); }
static double complex cube (double complex x, void *p) { (void) p; return x * x * x; }
static double complex abs_sq (double complex x, void *p) { (void) p; return x * conj (x); }
static double complex
shifted_log (double complex x, void *p)
{
  double a = *(const double *) p;
  return clog (a + x) - clog (a);
}

/* ---------------------------------------------------------------------
 * Reference cases (tests/reference/complex_step.tsv, gen_complex_step.py:
 * f' in closed form at 50 digits, cross-checked with mpmath.diff).  The
 * same functions in complex arithmetic; each is at most six complex
 * operations or libm calls, whose imaginary parts are within 2u of the
 * size of their terms: K = 16 roundings in complex_step_error_bound.
 * --------------------------------------------------------------------- */

#define CS_K 16

static double complex f_exp (double complex x) { return cexp (x); }
static double complex f_sin (double complex x) { return csin (x); }
static double complex f_log (double complex x) { return clog (x); }
static double complex f_sqrt (double complex x) { return csqrt (x); }
static double complex f_poly_exp (double complex x) { return x * x * x * cexp (-x * x); }
static double complex f_rational (double complex x) { return 1 / (1 + x * x); }
static double complex f_softplus (double complex x) { return clog (1 + cexp (x)); }
static double complex f_sigmoid (double complex x) { return 1 / (1 + cexp (-x)); }
static double complex
f_log_normal (double complex x)
{
  double complex z = (x - 0.3) / 1.7;
  return -z * z / 2 - log (1.7);
}
static double complex f_atan (double complex x) { return catan (x); }
static double complex f_x_log_x (double complex x) { return x * clog (x); }

static const struct
{
  const char *name;
  double complex (*f) (double complex);
} ref_fns[] = {
  {"exp", f_exp}, {"sin", f_sin}, {"log", f_log}, {"sqrt", f_sqrt},
  {"poly_exp", f_poly_exp}, {"rational", f_rational},
  {"softplus", f_softplus}, {"sigmoid", f_sigmoid},
  {"log_normal", f_log_normal}, {"atan", f_atan}, {"x_log_x", f_x_log_x},
};

static double complex
call_ref_fn (double complex x, void *params)
{
  double complex (*f) (double complex) = *(double complex (**) (double complex)) params;
  return f (x);
}

/* One case: its name, the function, x, the derivative, the size of the
   terms (for the rounding bound), the step's truncation term. */
static int
reference_case (char **fl, size_t nf, void *tally)
{
  size_t j = 0;
  while (nf == 6 && j < sizeof ref_fns / sizeof ref_fns[0] && strcmp (ref_fns[j].name, fl[1]))
    j++;
  if (nf != 6 || j == sizeof ref_fns / sizeof ref_fns[0])
    return 0;
  double x = strtod (fl[2], NULL);
  double bound = complex_step_error_bound (x, strtod (fl[4], NULL), CS_K) + strtod (fl[5], NULL);
  double complex (*fn) (double complex) = ref_fns[j].f;
  reftsv_tally_add_text (tally, fl[0], complex_step_derivative (call_ref_fn, &fn, x), fl[3], bound);
  return 1;
}

static void
test_reference (void)
{
  reftsv_tally t = REFTSV_TALLY (NULL, REFTSV_FINITE);
  int read = reftsv_each ("complex_step", reference_case, &t);
  reftsv_tally_report (&t, read, "complex_step.tsv: all %d derivatives within "
                       "complex_step_error_bound (K = %d; worst %.2g of it, %s)", t.cases, CS_K,
                       t.worst, t.worst_name);
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
  for (double x = 0.5; x <= 8; x *= 2)
    tap_close (complex_step_second_difference (cube, NULL, x, 1e-6 * x), 6 * x,
               1e-8 * 6 * x, "d2/dx2 x^3 = 6x at x = %g by the second difference", x);
  for (double x = -3; x <= 3; x += 1.5)
    {
      /* f'' = (cos^2 x - sin x) e^{sin x}; |f''''| <= 16 e on the line */
      double want = (cos (x) * cos (x) - sin (x)) * exp (sin (x));
      tap_close (complex_step_second_difference (exp_sin, NULL, x, 1e-4), want,
                 1e-8 * 16 * exp (1) / 6 + 1e-10,
                 "d2/dx2 e^{sin x} at x = %g, within h^2 |f''''|/6", x);
    }
  double wrong = complex_step_second_difference (abs_sq, NULL, 1.0, 1e-4);
  tap_ok (fabs (wrong - 2) > 1, "negative control: |z|^2 is not analytic; its second difference"
          " is %g, not (x^2)'' = 2", wrong);
  test_reference ();
  return tap_done ();
}
