/* test_normal_expect.c -- lib/normal_expect against closed forms.
 *
 * Under w ~ N(m, s²), at several (m, s): E[w] = m, E[w²] = m² + s²,
 * E[e^w] = e^{m + s²/2} (the log-normal mean), and the cross-entropy
 * term E[log N(w; μ, σ²)] = -½ log(2πσ²) - ((m - μ)² + s²)/(2σ²), each
 * within the result's own bound (plus a few ulps of the value).  A G that
 * is +inf beyond 40 s of m gives a finite result: the integrand is 0
 * where the density's log is below -745.  The bounded form: F = w² with
 * the stated bound c (1 + w²) gives E[w²] as its value and carries
 * c (1 + m² + s²) in its bound, no less.
 * Negative controls: the second moment without its s² (m² alone), and the
 * expectation under N(m + s, s²) (a mean passed wrong), each miss the
 * closed form by far more than the bound. */
#include "normal_expect.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <math.h>

static double g_w (double w, void *params) { (void) params; return w; }
static double g_w2 (double w, void *params) { (void) params; return w * w; }
static double g_exp (double w, void *params) { (void) params; return exp (w); }

/* log N(w; μ, σ²) for PARAMS = (μ, σ), written out */
static double
g_log_n (double w, void *params)
{
  const double *ms = params, z = (w - ms[0]) / ms[1];
  return -0.5 * log (2 * M_PI * ms[1] * ms[1]) - 0.5 * z * z;
}

/* +inf beyond 40 s of m (PARAMS = (m, s)): the tails' overflow */
static double
g_inf_far (double w, void *params)
{
  const double *ms = params;
  return fabs (w - ms[0]) > 40 * ms[1] ? INFINITY : 1.0;
}

/* w², its rounding bound stated as C (1 + w²), C = *PARAMS */
static double
f_w2 (double w, void *params, double *bound)
{
  *bound = *(const double *) params * (1 + w * w);
  return w * w;
}

/* |got - want| within the estimate's bound and 8 ulps of the value */
static int
near (estimate e, double want, const char *what, double m, double s)
{
  double tol = est_bound (e) + 8 * DBL_EPSILON * fabs (want);
  return tap_close (e.value, want, tol, "%s at m = %g, s = %g", what, m, s);
}

int
main (void)
{
  const double ms[][2] = { {0, 1}, {1.5, 0.3}, {-2, 2.5}, {8, 0.05} };
  for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++)
    {
      double m = ms[i][0], s = ms[i][1], ref[2] = { 0.7, 1.9 };
      near (normal_expect (g_w, NULL, m, s), m, "E[w] = m", m, s);
      near (normal_expect (g_w2, NULL, m, s), m * m + s * s, "E[w²] = m² + s²", m, s);
      if (m < 10)
        near (normal_expect (g_exp, NULL, m, s), exp (m + s * s / 2), "E[e^w] = e^{m + s²/2}",
              m, s);
      double ce = -0.5 * log (2 * M_PI * ref[1] * ref[1])
        - ((m - ref[0]) * (m - ref[0]) + s * s) / (2 * ref[1] * ref[1]);
      near (normal_expect (g_log_n, ref, m, s), ce, "E[log N(w; 0.7, 1.9²)] closed form", m, s);
      estimate far = normal_expect (g_inf_far, (void *) ms[i], m, s);
      tap_ok (isfinite (far.value) && fabs (far.value - 1) <= est_bound (far) + 1e-15,
              "G = inf beyond 40 s: E = 1, finite (%.17g) at m = %g, s = %g", far.value, m, s);
      double c = 1e-9;
      estimate b = normal_expect_bounded (f_w2, &c, m, s);
      near (b, m * m + s * s, "bounded F = w²: its value E[w²]", m, s);
      tap_ok (est_bound (b) >= c * (1 + m * m + s * s) * (1 - 1e-12),
              "bounded F: the bound carries E[c (1 + w²)] = %.6g (got %.6g) at m = %g, s = %g",
              c * (1 + m * m + s * s), est_bound (b), m, s);
      estimate w2 = normal_expect (g_w2, NULL, m, s);
      tap_ok (fabs (w2.value - m * m) > 1e3 * (est_bound (w2) + 8 * DBL_EPSILON * m * m),
              "negative control: m² without s² is told apart at m = %g, s = %g", m, s);
      estimate shifted = normal_expect (g_w, NULL, m + s, s);
      tap_ok (fabs (shifted.value - m) > 1e3 * est_bound (shifted),
              "negative control: the mean passed as m + s is told apart at m = %g, s = %g", m, s);
    }
  return tap_done ();
}
