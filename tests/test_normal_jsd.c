/* test_normal_jsd.c -- the unit-normal JSD, its gap's bracket and a sweep:
   the bracket's closed forms against log 2 ∫ min(p, q) and log 2 ∫ √(pq)
   by QAGI and against values worked by hand; JSD inside it and at the
   limits d = 0 and d large; the sweep's grid and table.  Negative
   controls: the JSD unhalved and at half the separation, and a bound with
   Q(d) for Q(d/2), are each shown outside what they must match. */
#include "normal_jsd.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

#define EPSABS 1e-12
#define EPSREL 1e-10

/* min(p, q) and √(pq) for p = N(0, 1), q = N(d, 1), d at PARAMS */
static double
min_pq (double x, void *params)
{
  double d = *(const double *) params;
  return GSL_MIN (gsl_ran_ugaussian_pdf (x), gsl_ran_ugaussian_pdf (x - d));
}

static double
sqrt_pq (double x, void *params)
{
  double d = *(const double *) params;
  return sqrt (gsl_ran_ugaussian_pdf (x) * gsl_ran_ugaussian_pdf (x - d));
}

/* ∫ F over the line by QAGI, split at the kink d/2 of min(p, q); NaN when
   QAGI fails (a failed test, not an abort) */
static double
qagi_split (double (*f) (double, void *), double d)
{
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (1000);
  gsl_function F = { f, &d };
  double lo, hi, err;
  int status = gsl_integration_qagil (&F, d / 2, 1e-14, 1e-12, 1000, w, &lo, &err);
  status |= gsl_integration_qagiu (&F, d / 2, 1e-14, 1e-12, 1000, w, &hi, &err);
  gsl_integration_workspace_free (w);
  return status ? NAN : lo + hi;
}

static void
test_bounds (void)
{
  static const double DS[] = { 0.5, 1, 2, 4, 7 };
  gsl_set_error_handler_off ();
  for (size_t i = 0; i < sizeof DS / sizeof DS[0]; i++)
    {
      double d = DS[i], lo, hi;
      normal_jsd_gap_bounds (d, &lo, &hi);
      tap_close (lo, M_LN2 * qagi_split (min_pq, d), 1e-11 * M_LN2,
                 "d = %g: lower bound = log 2 ∫ min(p, q) by QAGI", d);
      tap_close (hi, M_LN2 * qagi_split (sqrt_pq, d), 1e-11 * M_LN2,
                 "d = %g: upper bound = log 2 ∫ √(pq) by QAGI", d);
      /* negative control: Q(d) for Q(d/2) is far from ∫ min(p, q) */
      double wrong = M_LN2 * 2 * gsl_cdf_ugaussian_Q (d), ref = M_LN2 * qagi_split (min_pq, d);
      tap_ok (fabs (wrong - ref) > 0.1 * ref,
              "d = %g: control: log 2 · 2Q(d) is not ∫ min(p, q) (detected)", d);
    }
  /* by hand: Q(0) = 1/2, e^0 = 1; at d = 2, Q(1) = 0.158655253931457 (tables)
     and e^{-1/2} = 0.606530659712633 */
  double lo, hi;
  normal_jsd_gap_bounds (0, &lo, &hi);
  tap_ok (lo == M_LN2 && hi == M_LN2, "d = 0: both bounds log 2 (the gap is log 2)");
  normal_jsd_gap_bounds (2, &lo, &hi);
  tap_close (lo, M_LN2 * 2 * 0.158655253931457, 1e-14, "d = 2: lower log 2 · 2Q(1)");
  tap_close (hi, M_LN2 * 0.606530659712633, 1e-14, "d = 2: upper log 2 · e^{-1/2}");
}

static void
test_jsd (void)
{
  quad_result j0 = normal_jsd_unit_quad (0, EPSABS, EPSREL);
  tap_close (j0.value, 0, 1e-12, "JSD(N(0,1), N(0,1)) = 0");
  quad_result far = normal_jsd_unit_quad (60, EPSABS, EPSREL);
  tap_close (far.value, M_LN2, 1e-11, "d = 60: JSD = log 2 (the gap below e^{-450})");
  for (double d = 0.5; d <= 12; d += 1.5)
    {
      double lo, hi, jsd = normal_jsd_unit_quad (d, EPSABS, EPSREL).value;
      normal_jsd_gap_bounds (d, &lo, &hi);
      tap_ok (lo <= M_LN2 - jsd && M_LN2 - jsd <= hi,
              "d = %g: %.6g <= log 2 - JSD = %.6g <= %.6g", d, lo, M_LN2 - jsd, hi);
    }
  /* negative controls: the weights ½ lost doubles JSD and its gap falls
     below the lower bound; JSD at d/2 leaves a gap above the upper one */
  double lo, hi;
  normal_jsd_gap_bounds (4, &lo, &hi);
  double unhalved = 2 * normal_jsd_unit_quad (4, EPSABS, EPSREL).value;
  tap_ok (M_LN2 - unhalved < lo, "control: unhalved JSD at d = 4 under the lower bound");
  normal_jsd_gap_bounds (8, &lo, &hi);
  double half = normal_jsd_unit_quad (4, EPSABS, EPSREL).value;
  tap_ok (M_LN2 - half > hi, "control: JSD at d/2 = 4 over the upper bound of d = 8");
}

static void
test_sweep (void)
{
  static normal_jsd_sweep s;
  normal_jsd_sweep_fill (&s, 0.25, 16, EPSABS, EPSREL);
  tap_ok (s.n == NORMAL_JSD_SWEEP_MAX, "d = 0, 0.25, ..., 16: %zu separations", s.n);
  normal_jsd_sweep_fill (&s, 0.5, 2.9, EPSABS, EPSREL);
  tap_ok (s.n == 6 && s.d[5] == 2.5, "d = 0, 0.5, ..., 2.5 below 2.9: %zu separations", s.n);
  int ok = 1;
  for (size_t i = 0; i < s.n; i++)
    {
      double lo, hi;
      quad_result j = normal_jsd_unit_quad (0.5 * (double) i, EPSABS, EPSREL);
      normal_jsd_gap_bounds (0.5 * (double) i, &lo, &hi);
      ok &= s.value[i] == j.value && s.abserr[i] == j.abserr && s.gap_lo[i] == lo
        && s.gap_hi[i] == hi && s.jsd_lo[i] == M_LN2 - hi && s.jsd_hi[i] == M_LN2 - lo;
      ok &= s.jsd_lo[i] <= s.value[i] + 1e-12 && s.value[i] <= s.jsd_hi[i] + 1e-12;
    }
  tap_ok (ok, "each row: JSD, its error and the bracket, JSD inside it");
}

int
main (void)
{
  test_bounds ();
  test_jsd ();
  test_sweep ();
  return tap_done ();
}
