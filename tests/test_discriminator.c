/* test_discriminator.c -- lib/discriminator against references it does not use.
 *
 * Logits against log-densities from GSL's gsl_ran_gaussian_pdf; the draw order against a
 * second generator of the same seed.  The objective V(D) = ∫ f1 log D + f0 log(1 - D)
 * against closed forms and against GSL's QAGI on the integrand written another way:
 *
 *   f0 = f1:                 D* = 1/2 and V(D*) = -2 log 2
 *   D = σ(a) constant:       V = log σ(a) + log σ(-a), written with log1p
 *   D* = f1/(f0 + f1):       V(D*) = ∫ f1 log(f1/(f0 + f1)) + f0 log(f0/(f0 + f1)) dx
 *                            (2 JSD - 2 log 2: Goodfellow et al. 2014, Theorem 1), by QAGI
 *   f0/(f0 + f1):            V(D*) - V = KL(f1||f0) + KL(f0||f1), KL written out by hand
 *
 * and Monte Carlo within 5 standard errors of QAGI (a false alarm about 6e-7 each).
 * Negative controls: the objective with the classes' weights swapped misses V(D*) by the
 * sum of the two KLs, and D* with its logit shifted by 0.05 lies below V(D*) by far more
 * than the quadrature's bound -- both are detected, not absorbed by the tolerances. */
#include "discriminator.h"
#include "tap.h"

#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static double
log_f1_over_f0 (const normal_pair * g, double x)
{
  return log (gsl_ran_gaussian_pdf (x - g->mb, g->sb) / gsl_ran_gaussian_pdf (x - g->ma, g->sa));
}

/* KL(N(m1, s1²) || N(m0, s0²)) written out */
static double
kl_by_hand (double m1, double s1, double m0, double s0)
{
  return log (s0 / s1) + (s1 * s1 + (m1 - m0) * (m1 - m0)) / (2 * s0 * s0) - 0.5;
}

static double
jsd_integrand (double x, void *params)
{
  const normal_pair *g = params;
  double f0 = gsl_ran_gaussian_pdf (x - g->ma, g->sa), f1 = gsl_ran_gaussian_pdf (x - g->mb, g->sb);
  double v = 0.0;
  if (f1 > 0)
    v += f1 * log (f1 / (f0 + f1));
  if (f0 > 0)
    v += f0 * log (f0 / (f0 + f1));
  return v;
}

typedef struct
{
  const normal_pair *g;
  double a, b, c;
} logistic_case;

/* f1 log σ(T) + f0 log σ(-T) for T = a + b x + c x², with log σ(t) written as
   -(max(0, -t) + log(1 + e^{-|t|})), finite at any t */
static double
logistic_integrand (double x, void *params)
{
  const logistic_case *l = params;
  double f0 = gsl_ran_gaussian_pdf (x - l->g->ma, l->g->sa);
  double f1 = gsl_ran_gaussian_pdf (x - l->g->mb, l->g->sb);
  if (!(f0 > 0) && !(f1 > 0))
    return 0.0;
  double t = l->a + l->b * x + l->c * x * x, soft = log1p (exp (-fabs (t)));
  double on_log_d = f1 > 0 ? -f1 * (fmax (0, -t) + soft) : 0.0;
  return on_log_d + (f0 > 0 ? -f0 * (fmax (0, t) + soft) : 0.0);
}

/* ∫ F over the line by QAGI to 1e-12 */
static double
qagi (double (*f) (double, void *), void *params)
{
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (1000);
  gsl_function fn = { f, params };
  double v, err;
  gsl_integration_qagi (&fn, 1e-13, 1e-12, 1000, w, &v, &err);
  gsl_integration_workspace_free (w);
  return v;
}

static double shift_005 (double lr) { return lr + 0.05; }

static void
test_logits (void)
{
  normal_pair g = { -0.4, 0.8, 1.1, 1.3 };
  discriminator l = discriminator_logistic (&g, 0.3, -1.2, 0.25);
  discriminator opt = discriminator_optimal (&g, -0.7, NULL);
  discriminator opt_l = discriminator_optimal (&g, 0.2, shift_005);
  discriminator sw = discriminator_swapped (&g);
  int ok_l = 1, ok_o = 1, ok_ol = 1, ok_s = 1;
  for (double x = -4; x <= 4; x += 0.5)
    {
      double lr = log_f1_over_f0 (&g, x), tol = 1e-13 * (1 + x * x);
      ok_l &= fabs (discriminator_logit (x, &l) - (0.3 - 1.2 * x + 0.25 * x * x)) <= tol;
      ok_o &= fabs (discriminator_logit (x, &opt) - (lr - 0.7)) <= tol;
      ok_ol &= fabs (discriminator_logit (x, &opt_l) - (lr + 0.25)) <= tol;
      ok_s &= fabs (discriminator_logit (x, &sw) + lr) <= tol;
    }
  tap_ok (ok_l, "logistic: T = 0.3 - 1.2 x + 0.25 x² on x in [-4, 4]");
  tap_ok (ok_o, "optimal, shift -0.7: T = log(f1/f0) - 0.7 against GSL's densities");
  tap_ok (ok_ol, "optimal through L(lr) = lr + 0.05, shift 0.2: T = log(f1/f0) + 0.25");
  tap_ok (ok_s, "swapped: T = log(f0/f1)");
}

static void
test_random (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937), *r2 = gsl_rng_alloc (gsl_rng_mt19937);
  normal_pair g = { 0, 1, 1, 1 };
  int ok = 1;
  for (int k = 0; k < 20; k++)
    {
      discriminator d = discriminator_random (r, &g);
      double a = gsl_ran_flat (r2, -1, 1), b = gsl_ran_flat (r2, -2, 2);
      double c = gsl_ran_flat (r2, -0.4, 0.4);
      ok &= d.kind == DISCRIMINATOR_LOGISTIC && d.g == &g && d.a == a && d.b == b && d.c == c;
    }
  tap_ok (ok, "random: 20 logistic discriminators, a, b, c drawn in that order");
  gsl_rng_free (r);
  gsl_rng_free (r2);
}

static void
test_objective (gsl_rng * r)
{
  normal_pair same = { 0.5, 1.2, 0.5, 1.2 };
  discriminator half = discriminator_optimal (&same, 0, NULL);
  estimate v = discriminator_objective_quad (&half, 0);
  tap_close (v.value, -2 * M_LN2, 1e-12 + v.err, "f0 = f1: V(1/2) = -2 log 2");

  normal_pair g = { -0.3, 0.9, 0.8, 0.6 };
  discriminator flat = discriminator_logistic (&g, 0.7, 0, 0);
  v = discriminator_objective_quad (&flat, 0);
  tap_close (v.value, -log1p (exp (-0.7)) - log1p (exp (0.7)), 1e-12 + v.err,
             "D = σ(0.7) constant: V = log σ(0.7) + log σ(-0.7)");

  discriminator dstar = discriminator_optimal (&g, 0, NULL);
  estimate vstar = discriminator_objective_quad (&dstar, 0);
  double vjsd = qagi (jsd_integrand, &g);
  tap_close (vstar.value, vjsd, 1e-10 + vstar.err, "V(D*) = 2 JSD - 2 log 2 by QAGI (%.10f)",
             vjsd);
  double j = kl_by_hand (g.mb, g.sb, g.ma, g.sa) + kl_by_hand (g.ma, g.sa, g.mb, g.sb);
  discriminator sw = discriminator_swapped (&g);
  v = discriminator_objective_quad (&sw, 0);
  tap_close (vstar.value - v.value, j, 1e-10 + vstar.err + v.err,
             "V(D*) - V(f0/(f0 + f1)) = KL(f1||f0) + KL(f0||f1) = %.10f", j);
  estimate vswap = discriminator_objective_quad (&dstar, 1);
  tap_close (vswap.value, vjsd - j, 1e-10 + vswap.err,
             "SWAP: ∫ f0 log D* + f1 log(1 - D*) = V(D*) - KL(f1||f0) - KL(f0||f1)");
  /* negative controls */
  tap_ok (fabs (vswap.value - vjsd) > 1e6 * (1e-10 + vswap.err),
          "negative control: the swapped weighting misses V(D*) by %.6f", vjsd - vswap.value);
  discriminator off = discriminator_optimal (&g, 0, shift_005);
  v = discriminator_objective_quad (&off, 0);
  tap_ok (vjsd - v.value > 100 * (1e-10 + v.err),
          "negative control: D* with its logit shifted by 0.05 lies %.3g below V(D*)",
          vjsd - v.value);

  for (int k = 0; k < 4; k++)
    {
      normal_pair gk = normal_pair_draw (r, -0.5, 0.5);
      discriminator d = discriminator_random (r, &gk);
      logistic_case lc = { &gk, d.a, d.b, d.c };
      double ref = qagi (logistic_integrand, &lc);
      v = discriminator_objective_quad (&d, 0);
      tap_close (v.value, ref, 1e-10 + v.err, "random D %d: quadrature against QAGI", k);
      estimate e = discriminator_objective_mc (r, &d, 20000);
      tap_ok (e.err > 0 && fabs (e.value - ref) <= 5 * e.err,
              "random D %d: Monte Carlo within 5 se of QAGI (z %.2f)", k, (e.value - ref) / e.err);
    }
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 11);
  test_logits ();
  test_random ();
  test_objective (r);
  gsl_rng_free (r);
  return tap_done ();
}
