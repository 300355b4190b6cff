/* test_hier_mix.c -- the chain z -> w -> x against independent routes.
 *
 * At δ = 0 the evidence is a closed form, the mixture Σ_k π_k N(x; αμ_k +
 * β, α²σ_k² + σθ²), which hier_mix_log_evidence's quadrature must meet
 * within its stated bound, also far into the tail (log p(x) ~ -190).  At δ
 * ≠ 0 it is compared with GSL's QAGI over the whole line on the unscaled
 * integrand, a different rule and no splitting.  The outside-mass bound
 * must lie above the mass QAGIU/QAGIL find outside.  The densities are
 * compared with GSL's gsl_ran_gaussian_pdf, and the tempered posterior with
 * weights normalised by hand from them.  Negative controls: the closed
 * form without σθ² in the variance, and the mixture with one component
 * dropped, each lie far outside the evidence's bound; the posterior is
 * told apart from the prior. */
#include "hier_mix.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static hier_mix
model (double delta)
{
  hier_mix m = { .k = 3, .alpha = 1.5, .beta = 0.5, .s_dec = 0.6, .delta = delta };
  const double pi[3] = { 0.2, 0.5, 0.3 }, mu[3] = { -2, 0, 2 }, sd[3] = { 0.7, 0.5, 0.9 };
  for (size_t k = 0; k < 3; k++)
    m.lpi[k] = log (pi[k]), m.mu[k] = mu[k], m.sd[k] = sd[k];
  return m;
}

/* log Σ_k π_k N(x; αμ_k + β, α²σ_k² + EXTRA_VAR σθ²), over the first N
   components, as a sum of pdfs scaled by the largest log term */
static double
closed_form (const hier_mix * m, double x, double extra_var, size_t n)
{
  double t[HIER_MIX_MAX_K], top = -INFINITY, s = 0;
  for (size_t k = 0; k < n; k++)
    {
      double sd = sqrt (m->alpha * m->alpha * m->sd[k] * m->sd[k]
                        + extra_var * m->s_dec * m->s_dec);
      double r = (x - m->alpha * m->mu[k] - m->beta) / sd;
      t[k] = m->lpi[k] - 0.5 * r * r - log (sd * sqrt (2 * M_PI));
      top = fmax (top, t[k]);
    }
  for (size_t k = 0; k < n; k++)
    s += exp (t[k] - top);
  return top + log (s);
}

/* p(w) p(x|w) by GSL's pdfs, PARAMS { model, x } */
typedef struct { const hier_mix *m; double x; } at_x;
static double
joint (double w, void *params)
{
  const at_x *a = params;
  const hier_mix *m = a->m;
  double p = 0;
  for (size_t k = 0; k < m->k; k++)
    p += exp (m->lpi[k]) * gsl_ran_gaussian_pdf (w - m->mu[k], m->sd[k]);
  double sd = m->s_dec * exp (m->delta * w);
  return p * gsl_ran_gaussian_pdf (a->x - (m->alpha * w + m->beta), sd);
}

/* The tempered posterior: at τ = 1, ζ = 0 the posterior π_k N_k / Σ_j π_j
   N_j by GSL's pdfs; at τ = 0 the softmax of ζ; at τ = 0.3 the weights
   (π_k N_k)^τ e^{ζ_k} normalised by hand, summing to 1.  Negative control:
   the posterior at τ = 1 is not the prior π. */
static void
check_tempered (void)
{
  hier_mix m = model (0);
  const double zeta[3] = { 0.4, -1, 0.25 }, zero[3] = { 0, 0, 0 }, w = 0.8;
  double lq[3], lq0[3], lqt[3], a[3], sa = 0, sz = 0, st = 0, post = 0, prior = 0;
  hier_mix_log_tempered_posterior (&m, w, 1, zero, lq);
  hier_mix_log_tempered_posterior (&m, w, 0, zeta, lq0);
  hier_mix_log_tempered_posterior (&m, w, 0.3, zeta, lqt);
  for (size_t k = 0; k < 3; k++)
    {
      a[k] = exp (m.lpi[k]) * gsl_ran_gaussian_pdf (w - m.mu[k], m.sd[k]);
      sa += a[k], sz += exp (zeta[k]), st += pow (a[k], 0.3) * exp (zeta[k]);
    }
  for (size_t k = 0; k < 3; k++)
    {
      post = fmax (post, fabs (exp (lq[k]) - a[k] / sa));
      prior = fmax (prior, fabs (exp (lq[k]) - exp (m.lpi[k])));
      tap_close (exp (lq0[k]), exp (zeta[k]) / sz, 1e-15, "τ = 0: softmax of ζ, k = %zu", k);
      tap_close (exp (lqt[k]), pow (a[k], 0.3) * exp (zeta[k]) / st, 1e-14,
                 "τ = 0.3: (π_k N_k)^τ e^{ζ_k} normalised, k = %zu", k);
    }
  tap_ok (post < 1e-15, "τ = 1, ζ = 0: p(z|w) by GSL's pdfs (max |Δ| %.3g)", post);
  tap_ok (prior > 0.1, "negative control: p(z|w) is not the prior π (max |Δ| %.3g)", prior);
}

static void
check_closed (const char *name, const hier_mix * m, double x, double max_err)
{
  estimate e = hier_mix_log_evidence (m, x);
  double want = closed_form (m, x, 1, m->k);
  tap_close (e.value, want, e.err + 64 * DBL_EPSILON * fabs (want),
             "%s: log p(x) within its bound %.3g of the closed form", name, e.err);
  tap_ok (e.err <= max_err, "%s: bound %.3g <= %g", name, e.err, max_err);
}

static void
check_qagi (double x)
{
  hier_mix m = model (0.15);
  at_x a = { &m, x };
  gsl_function f = { joint, &a };
  gsl_integration_workspace *ws = gsl_integration_workspace_alloc (1000);
  double v, err;
  gsl_integration_qagi (&f, 0, 1e-12, 1000, ws, &v, &err);
  gsl_integration_workspace_free (ws);
  estimate e = hier_mix_log_evidence (&m, x);
  tap_close (e.value, log (v), e.err + err / v + 1e-14,
             "δ = 0.15, x = %g: log p(x) %.17g against QAGI's %.17g", x, e.value, log (v));
}

/* the mass outside [LO, HI] at x by QAGIL and QAGIU, against the bound */
static void
check_outside (double delta, double x, double lo, double hi)
{
  hier_mix m = model (delta);
  at_x a = { &m, x };
  gsl_function f = { joint, &a };
  gsl_integration_workspace *ws = gsl_integration_workspace_alloc (1000);
  double left, right, err;
  gsl_integration_qagil (&f, lo, 0, 1e-10, 1000, ws, &left, &err);
  gsl_integration_qagiu (&f, hi, 0, 1e-10, 1000, ws, &right, &err);
  gsl_integration_workspace_free (ws);
  double bound = exp (hier_mix_outside_log_mass (&m, lo, hi));
  tap_ok (left + right <= bound && left + right > 0,
          "δ = %g, x = %g, outside [%g, %g]: mass %.3g <= bound %.3g",
          delta, x, lo, hi, left + right, bound);
}

int
main (void)
{
  hier_mix m0 = model (0);
  /* the densities against GSL's */
  double lj[3], w = 0.3, p = 0;
  hier_mix_log_joint_wz (&m0, w, lj);
  for (size_t k = 0; k < 3; k++)
    p += exp (m0.lpi[k]) * gsl_ran_gaussian_pdf (w - m0.mu[k], m0.sd[k]);
  tap_close (hier_mix_log_prior (&m0, w), log (p), 1e-14, "log p(w) at w = 0.3");
  tap_close (hier_mix_log_lik (&m0, 1.1, w), log (gsl_ran_gaussian_pdf (1.1 - 0.95, 0.6)),
             1e-14, "log p(x|w) at x = 1.1, w = 0.3");
  hier_mix m15 = model (0.15);
  tap_close (hier_mix_dec_sd (&m15, 2), 0.6 * exp (0.3), 1e-15, "σ_θ(2) at δ = 0.15");

  check_tempered ();

  /* δ = 0: the closed form */
  check_closed ("δ = 0, x = 1", &m0, 1, 1e-10);
  check_closed ("δ = 0, x = -4.5", &m0, -4.5, 1e-10);
  check_closed ("δ = 0, x = 30 (log p(x) ~ -190)", &m0, 30, 1e-10);
  hier_mix narrow = m0;
  narrow.s_dec = 0.05, narrow.alpha = 2.4;   /* a likelihood bump narrower than every σ_k */
  check_closed ("δ = 0, σθ = 0.05, x = 3.3", &narrow, 3.3, 1e-10);

  /* δ ≠ 0: GSL's QAGI on the unscaled integrand */
  check_qagi (1);
  check_qagi (-2.5);
  check_qagi (5);

  /* the outside-mass bound holds, for δ of either sign */
  check_outside (0.15, 1, -3, 3);
  check_outside (-0.2, 4, -2.5, 2);
  check_outside (0, -1, -1, 1);

  /* negative controls: wrong evidences are far outside the bound */
  estimate e = hier_mix_log_evidence (&m0, 1);
  double no_noise = closed_form (&m0, 1, 0, 3), two = closed_form (&m0, 1, 1, 2);
  tap_ok (fabs (e.value - no_noise) > 1e6 * e.err,
          "negative control: without σθ² the closed form is %.3g off, bound %.3g",
          fabs (e.value - no_noise), e.err);
  tap_ok (fabs (e.value - two) > 1e6 * e.err,
          "negative control: one component dropped is %.3g off, bound %.3g",
          fabs (e.value - two), e.err);
  return tap_done ();
}
