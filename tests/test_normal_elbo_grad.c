/* test_normal_elbo_grad.c -- lib/normal_elbo_grad against closed forms.
 *
 * Target log p(x, z) = log N(z; a, b), so that with q = N(μ, v)
 *     L(μ, v) = -½ log(2πb) - ((μ - a)² + v)/(2b) + ½ log(2πe v),
 *     ∂μ L = -(μ - a)/b,   ∂v L = -1/(2b) + 1/(2v),
 * by hand.  Checked:
 *   - every estimator's mean (quadrature over ε) is that gradient, with
 *     and without a baseline;
 *   - the reparameterization variances in closed form: ĝ_μ = -(μ - a)/b -
 *     √v ε/b has v/b², ĝ_v = -(μ - a) ε/(2b√v) - ε²/(2b) + 1/(2v) has
 *     ((μ - a)²/v + 2)/(4b²);
 *   - at q = p the score function is 0 at every draw, and with a baseline
 *     c it is -c ∂ log q, of variance c²/v (∂μ) and c²/(2v²) (∂v);
 *   - the curves: K·mse within 5 standard errors of σ² for each estimator;
 *   - negative control: a derivative of the wrong sign (that of -log p)
 *     moves the reparameterization means far from the gradient, and leaves
 *     the score function's, which does not read it, where they were. */
#include "normal_elbo_grad.h"
#include "tap.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <math.h>

typedef struct { double a, b, sign; } target;

static double
log_target (double z, void *params)
{
  const target *t = params;
  return -0.5 * log (2 * M_PI * t->b) - (z - t->a) * (z - t->a) / (2 * t->b);
}
static double
dlog_target (double z, void *params)
{
  const target *t = params;
  return t->sign * -(z - t->a) / t->b;
}

static void
test_means (double mu, double v, double baseline)
{
  target t = { 0.4, 1.7, 1 };
  normal_elbo_grad g = { mu, v, log_target, dlog_target, &t, baseline };
  batch_mean_moments m[NORMAL_ELBO_GRAD_N];
  normal_elbo_grad_moments (&g, m);
  double dmu = -(mu - t.a) / t.b, dv = -1 / (2 * t.b) + 1 / (2 * v);
  for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
    tap_close (m[i].mean, i % 2 ? dv : dmu, 1e-9, "μ = %g, v = %g, b = %g: estimator %d's mean"
               " is ∂%s L", mu, v, baseline, i, i % 2 ? "v" : "μ");
  tap_close (m[2].var.value, v / (t.b * t.b), 1e-9, "reparameterization ∂μ: variance v/b²");
  tap_close (m[3].var.value, ((mu - t.a) * (mu - t.a) / v + 2) / (4 * t.b * t.b), 1e-9,
             "reparameterization ∂v: variance ((μ - a)²/v + 2)/(4b²)");
}

static void
test_at_target (void)
{
  target t = { -0.3, 0.8, 1 };
  normal_elbo_grad g = { t.a, t.b, log_target, dlog_target, &t, 0 };
  double worst = 0;             /* log p - log q is 0 to rounding, the score times it */
  for (double e = -4; e <= 4; e += 0.25)
    worst = GSL_MAX (worst, GSL_MAX (fabs (normal_elbo_grad_score (&g, e, 0)),
                                     fabs (normal_elbo_grad_score (&g, e, 1))));
  tap_ok (worst < 1e-13, "q = p: the score function is 0 at every draw (at most %.3g)", worst);
  g.baseline = 1.5;
  batch_mean_moments m[NORMAL_ELBO_GRAD_N];
  normal_elbo_grad_moments (&g, m);
  tap_close (m[0].var.value, 1.5 * 1.5 / t.b, 1e-9,
             "q = p, baseline c: score ∂μ variance c²/v");
  tap_close (m[1].var.value, 1.5 * 1.5 / (2 * t.b * t.b), 1e-9,
             "q = p, baseline c: score ∂v variance c²/(2v²)");
}

static void
test_curves (gsl_rng * r)
{
  static const double ks[] = { 1, 4, 16 };
  target t = { 0.4, 1.7, 1 };
  normal_elbo_grad g = { 1.1, 0.6, log_target, dlog_target, &t, 0 };
  batch_mean_moments m[NORMAL_ELBO_GRAD_N];
  batch_mean_curve c[NORMAL_ELBO_GRAD_N];
  normal_elbo_grad_moments (&g, m);
  normal_elbo_grad_curves (r, &g, m, ks, 3, 1, 20000, c);
  for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
    for (int n = 0; n < 3; n++)
      tap_close (ks[n] * c[i].mse[n], m[i].var.value, 5 * ks[n] * c[i].se[n],
                 "estimator %d, K = %g: K·mse = σ²", i, ks[n]);
}

static void
test_wrong_derivative (void)
{
  target t = { 0.4, 1.7, -1 };  /* the derivative of -log p */
  normal_elbo_grad g = { 1.1, 0.6, log_target, dlog_target, &t, 0 };
  batch_mean_moments m[NORMAL_ELBO_GRAD_N];
  normal_elbo_grad_moments (&g, m);
  double dmu = -(1.1 - t.a) / t.b, dv = -1 / (2 * t.b) + 1 / (2 * 0.6);
  tap_ok (fabs (m[2].mean - dmu) > 0.5 && fabs (m[3].mean - dv) > 0.1,
          "negative control: the wrong-sign derivative is detected"
          " (∂μ %.4g vs %.4g, ∂v %.4g vs %.4g)",
          m[2].mean, dmu, m[3].mean, dv);
  tap_close (m[0].mean, dmu, 1e-9, "negative control: the score function's ∂μ does not read it");
  tap_close (m[1].mean, dv, 1e-9, "negative control: the score function's ∂v does not read it");
}

int
main (void)
{
  gsl_rng_env_setup ();
  gsl_rng *r = gsl_rng_alloc (gsl_rng_default);
  test_means (1.1, 0.6, 0);
  test_means (-0.7, 2.5, 0);
  test_means (1.1, 0.6, 3.0);
  test_at_target ();
  test_curves (r);
  test_wrong_derivative ();
  gsl_rng_free (r);
  return tap_done ();
}
