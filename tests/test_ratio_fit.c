/* test_ratio_fit.c -- lib/ratio_fit against closed forms.
 *
 * A saturated fit: with labels at three values x in {-1, 0, 1} the three coefficients
 * reproduce the group logits L_g (test_logistic.c), θ0 = L0 with inverse-Hessian variance
 * 1/a0 + 1/b0 (a0 ones, b0 zeros at x = 0), from which the correction for fixed class counts
 * takes 1/n0 + 1/n1.  The recovered log f1 at 0 is log f0(0) + L0.  The integral of
 * F = N(x; 0, 1) e^{a + bx + cx²} is e^a (1 - 2c)^{-1/2} exp(b²/(2(1 - 2c))) = Z, with moments
 * ∫ F x = Z μ and ∫ F x² = Z (v + μ²), v = 1/(1 - 2c), μ = b v: the delta-method standard
 * error against sqrt(gᵀ Σ g) from those.  On the grid x = -1, -0.5, 0, 0.5, 1 the densities
 * are GSL's, and at x = -1, 0, 1 the recovered log f1 is log f0 + L_g: the saturated fit
 * reproduces each group's logit (a pair with f0 and f1 exchanged, the negative control,
 * misses it).  Fitted to draws of two normals (ratio_fit_normals), θ is within 5 standard
 * errors of log(f1/f0)'s coefficients written out by hand, and with the labels swapped of
 * -θ, which is more than 10 standard errors from θ (the negative control). */
#include "matrix.h"
#include "normal.h"
#include "ratio_fit.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

typedef struct
{
  double a, b, c;
} quadratic;

static double
tilted (double x, void *params)
{
  const quadratic *q = params;
  if (fabs (x) > 1e100)
    return 0;
  return exp (normal_log_pdf (x, 0, 1) + q->a + q->b * x + q->c * x * x);
}

/* ratio_fit_draw: N1 draws of f1 labelled 1, then N0 of f0 labelled 0, in the generator's order
   (a second generator of the same seed by hand) */
static void
test_draw (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937), *r2 = gsl_rng_alloc (gsl_rng_mt19937);
  normal_pair g = { -1, 0.5, 2, 3 };
  double x[30], y[30];
  int ok = 1;
  ratio_fit_draw (r, &g, 10, 20, x, y);
  for (int i = 0; i < 30; i++)
    ok &= i < 10 ? y[i] == 1 && x[i] == 2 + gsl_ran_gaussian (r2, 3)
      : y[i] == 0 && x[i] == -1 + gsl_ran_gaussian (r2, 0.5);
  tap_ok (ok, "draw: 10 of f1 = N(2, 9) labelled 1, then 20 of f0 = N(-1, 0.25) labelled 0");
  gsl_rng_free (r);
  gsl_rng_free (r2);
}

/* ratio_fit_grid on [-1, 1], N = 4, f0 = N(0.5, 4), f1 = N(-1, 0.25): LG[g] the logit of the
   group at x = g - 1, SE0 the standard error of θ0 */
static void
test_grid (const ratio_fit * rf, double l0, double lm, double lp, double se0)
{
  const normal_pair g = { 0.5, 2, -1, 0.5 }, exchanged = { -1, 0.5, 0.5, 2 };
  const double lg[3] = { lm, l0, lp };
  ratio_fit_point at[5], off[5];
  ratio_fit_grid (rf, &g, -1, 1, 4, at);
  ratio_fit_grid (rf, &exchanged, -1, 1, 4, off);
  int x_ok = 1, dens_ok = 1, hat_ok = 1, off_far = 1;
  for (int i = 0; i <= 4; i++)
    {
      double x = -1 + 0.5 * i;
      x_ok &= at[i].x == x;
      dens_ok &= fabs (at[i].log_f0 - log (gsl_ran_gaussian_pdf (x - 0.5, 2))) < 1e-14
        && fabs (at[i].log_f1 - log (gsl_ran_gaussian_pdf (x + 1, 0.5))) < 1e-13;
      if (i % 2)
        continue;
      double want = log (gsl_ran_gaussian_pdf (x - 0.5, 2)) + lg[i / 2];
      hat_ok &= fabs (at[i].log_f1_hat - want) < 1e-6;
      off_far &= fabs (off[i].log_f1_hat - want) > 0.1;
    }
  tap_ok (x_ok, "grid: x = -1, -0.5, 0, 0.5, 1 exactly");
  tap_ok (dens_ok, "grid: log f0 and log f1 are the pair's (GSL)");
  tap_ok (hat_ok, "grid: log f̂1 = log f0 + L_g at x = -1, 0, 1");
  tap_close (at[2].se, se0, 1e-6, "grid: the standard error at x = 0 is sqrt(var θ0)");
  tap_ok (off_far, "grid, negative control: f0 and f1 exchanged, log f̂1 misses log f0 + L_g");
}

/* θ of log(f1/f0) = θ·[1, x, x²] for f0 = N(m0, s0²), f1 = N(m1, s1²), by hand */
static void
theta_by_hand (const normal_pair * g, double th[3])
{
  double p0 = 1 / (g->sa * g->sa), p1 = 1 / (g->sb * g->sb);
  th[0] = log (g->sa / g->sb) + 0.5 * (g->ma * g->ma * p0 - g->mb * g->mb * p1);
  th[1] = g->mb * p1 - g->ma * p0;
  th[2] = 0.5 * (p0 - p1);
}

/* ratio_fit_normals: the fit recovers θ, or -θ with the labels swapped */
static void
test_normals (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  normal_pair g = { 0, 1, 1, 0.6 };
  double th[3], worst = 0, worst_swapped = 0, off = 0;
  theta_by_hand (&g, th);
  ratio_fit fit, swapped;
  ratio_fit_normals (r, &g, 4000, 3000, 0, &fit);
  ratio_fit_normals (r, &g, 4000, 3000, 1, &swapped);
  for (int j = 0; j < 3; j++)
    {
      estimate e = ratio_fit_theta (&fit, j), es = ratio_fit_theta (&swapped, j);
      double prior = j == 0 ? log (4000.0 / 3000.0) : 0;     /* log(n1/n0) on the intercept */
      worst = fmax (worst, fabs (e.value - th[j] - prior) / e.err);
      worst_swapped = fmax (worst_swapped, fabs (es.value + th[j] + prior) / es.err);
      off = fmax (off, fabs (es.value - th[j] - prior) / es.err);
    }
  tap_ok (fit.n1 == 4000 && fit.n0 == 3000 && worst < 5, "normals: θ within 5 se of log(f1/f0)'s"
          " (+ log(n1/n0)), worst %.2f se", worst);
  tap_ok (worst_swapped < 5, "normals, labels swapped: -θ within 5 se, worst %.2f se",
          worst_swapped);
  tap_ok (off > 10, "normals, negative control: the swapped fit is %.3g se from θ", off);
  ratio_fit_free (&fit);
  ratio_fit_free (&swapped);
  gsl_rng_free (r);
}

int
main (void)
{
  test_draw ();
  test_normals ();
  /* ones and zeros at x = -1, 0, 1 */
  const int ones[3] = { 30, 45, 70 }, zeros[3] = { 70, 55, 30 };
  double x[300], y[300];
  size_t n = 0, n1 = 0, n0 = 0;
  for (int g = 0; g < 3; g++)
    for (int i = 0; i < ones[g] + zeros[g]; i++, n++)
      {
        x[n] = g - 1.0;
        y[n] = i < ones[g];
        n1 += i < ones[g], n0 += i >= ones[g];
      }
  ratio_fit rf;
  ratio_fit_logistic (x, y, n1, n0, &rf);
  double l0 = log (45.0 / 55.0), lm = log (30.0 / 70.0), lp = log (70.0 / 30.0);
  const gsl_vector *th = rf.lf.theta;
  tap_close (gsl_vector_get (th, 0), l0, 1e-6, "θ0 is the logit at x = 0");
  tap_close (gsl_vector_get (th, 1), (lp - lm) / 2, 1e-6, "θ1 = (L1 - L-1)/2");
  tap_close (gsl_vector_get (th, 2), (lp + lm) / 2 - l0, 1e-6, "θ2 = (L1 + L-1)/2 - L0");
  tap_ok (rf.n1 == 145 && rf.n0 == 155, "the class counts are kept (%zu, %zu)", rf.n1, rf.n0);
  double var0 = 1.0 / 45 + 1.0 / 55 - 1.0 / 155 - 1.0 / 145;
  tap_close (gsl_matrix_get (rf.lf.cov, 0, 0), var0, 1e-6,
             "var θ0 = 1/a0 + 1/b0 - (1/n0 + 1/n1): the fixed-counts correction");
  estimate e0 = ratio_fit_theta (&rf, 0);
  tap_ok (e0.value == gsl_vector_get (th, 0) && e0.kind == EST_MC
          && fabs (e0.err - sqrt (var0)) < 1e-6 && e0.bound == rf.lf.newton_step, "ratio_fit_theta: θ0 ± its corrected se, the last"
          " Newton step as its bound");
  double se, l = ratio_fit_log_f1 (&rf, 0.5, 2, 0, &se);
  tap_close (l, normal_log_pdf (0, 0.5, 2) + l0, 1e-6, "log f̂1(0) = log f0(0) + L0");
  tap_close (se, sqrt (var0), 1e-6, "its standard error is sqrt(var θ0)");

  test_grid (&rf, l0, lm, lp, sqrt (var0));

  quadratic q = { gsl_vector_get (th, 0), gsl_vector_get (th, 1), gsl_vector_get (th, 2) };
  double v = 1 / (1 - 2 * q.c), mu = q.b * v, z = exp (q.a) * sqrt (v) * exp (q.b * q.b * v / 2);
  double abserr;
  double total = ratio_fit_normaliser (&rf, 0, 1, tilted, &q, &abserr, &se);
  tap_close (total, z, 1e-9 * z, "∫ N(x; 0, 1) e^{θ·φ} dx in closed form");
  tap_ok (abserr >= 0 && abserr < 1e-8 * z, "with a small quadrature error (%.2g)", abserr);
  gsl_vector *g = gsl_vector_alloc (3);
  gsl_vector_set (g, 0, z), gsl_vector_set (g, 1, z * mu), gsl_vector_set (g, 2, z * (v + mu * mu));
  double want = sqrt (matrix_quadratic (g, rf.lf.cov));
  tap_close (se, want, 1e-8 * want, "the delta-method standard error from the closed-form moments");
  gsl_vector_free (g);
  gsl_vector_set (rf.lf.theta, 2, 0.5);
  tap_ok (isinf (ratio_fit_normaliser (&rf, 0, 1, tilted, &q, &abserr, &se)),
          "an x² coefficient of 1/(2 s0²) is not integrable: +inf");
  ratio_fit_free (&rf);
  return tap_done ();
}
