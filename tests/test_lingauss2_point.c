/* test_lingauss2_point.c -- lib/lingauss2's model at a derivation point:
   the layouts, and every truth against the model's closed forms written
   out here by hand (p(x) = N(x; 0, v); the posterior N(θx/v, I - θθᵀ/v)
   by its 2 x 2 inverse; the ELBO's terms, PRML 10.1; the updates
   (2.12)-(2.15) of 004 Problem 4); (2.2)'s route through p(x) by
   quadrature, with an evidence 1% high caught; the mixed difference of a
   quadratic worked by hand; the draws' fields: each hook writes exactly
   x_dim doubles (a sentinel beyond them untouched, the last one written),
   the map from base_dim normals, and a derivation with x_dim one short
   is caught by the same test. */
#include "lingauss2_point.h"
#include "harness.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

static const double L2PI = 1.8378770664093454836;   /* log 2π */

static double
log_n (double x, double mu, double var)
{
  return -0.5 * (L2PI + log (var) + (x - mu) * (x - mu) / var);
}

/* (θ1, θ2, x, m1, s1, m2, s2, i) */
static point
make_point (double i)
{
  return (point) { 0, 8, {0.7, -0.4, 1.3, 0.2, 0.8, -0.5, 1.4, i} };
}

static void
test_model_point (void)
{
  point pt = make_point (1), *p = &pt;
  double t1 = 0.7, t2 = -0.4, x = 1.3, v = 1 + t1 * t1 + t2 * t2;
  const lingauss2 *g = LINGAUSS2_POINT_MODEL (p);
  tap_ok (g->theta[0] == t1 && g->theta[1] == t2 && g->x == x && g->b == 0 && g->psi == 1,
          "the model point reads (θ1, θ2, x), b = 0, ψ = 1");
  estimate ev;
  lingauss2_point_prepare_evidence (p, &ev);
  tap_close (ev.value, exp (log_n (x, 0, v)), 1e-9, "p(x) by quadrature = N(x; 0, v)");
  /* the posterior: mean θx/v, covariance I - θθᵀ/v, its inverse I + θθᵀ */
  double z[4] = { 0.3, -1.1, -0.6, 0.9 }, bound;
  double d1 = z[0] - t1 * x / v, d2 = z[1] - t2 * x / v;
  double q = (1 + t1 * t1) * d1 * d1 + 2 * t1 * t2 * d1 * d2 + (1 + t2 * t2) * d2 * d2;
  double want = -L2PI + 0.5 * log (v) - 0.5 * q;   /* det Σ = 1/v */
  tap_close (lingauss2_point_log_post (p, NULL, z, &bound), want, 1e-13,
             "log p(z|x) = log N(z; θx/v, I - θθᵀ/v)");
  tap_ok (bound > 0 && bound < 1e-13, "... with a rounding bound (%g)", bound);
  tap_close (lingauss2_point_interaction (p, NULL).value, -t1 * t2, 1e-14,
             "the mixed difference of log p(x, z) is the z1z2 coefficient -θ1θ2");
  tap_close (lingauss2_e_log_lik_prior (g).value, -0.5 * (L2PI + x * x + t1 * t1 + t2 * t2),
             1e-14, "E_p(z)[log p(x|z)] = -½(log 2π + x² + θᵀθ)");
  tap_close (log_n (x, 0, v) - lingauss2_e_log_lik_prior (g).value,
             0.5 * (t1 * t1 + t2 * t2 - log (v)) + x * x * (t1 * t1 + t2 * t2) / (2 * v), 1e-14,
             "... below log p(x) by Jensen's gap");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  double s2 = 0, w[4];
  const int n = 100000;
  for (int k = 0; k < n; k++)
    {
      lingauss2_point_sample_latents (r, p, NULL, w);
      s2 += w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3];
    }
  /* E z² = 4, Var z² = 2·16 = 32 over 4n draws */
  tap_ok (fabs (s2 / (4.0 * n) - 4) < 5 * sqrt (32.0 / (4.0 * n)),
          "the latents have variance 2² (%.4f)", s2 / (4.0 * n));
  gsl_rng_free (r);
  double lj1 = log_n (z[0], 0, 1) + log_n (z[1], 0, 1) + log_n (x, t1 * z[0] + t2 * z[1], 1);
  double lj2 = log_n (z[2], 0, 1) + log_n (z[3], 0, 1) + log_n (x, t1 * z[2] + t2 * z[3], 1);
  tap_close (lingauss2_point_log_ratio (p, NULL, z, &bound), lj1 - lj2, 1e-13,
             "log p(z|x) - log p(z'|x) = log p(x, z) - log p(x, z')");
}

static void
test_variational_point (void)
{
  point pt = make_point (1), *p = &pt;
  double t[2] = { 0.7, -0.4 }, x = 1.3, m[2] = { 0.2, -0.5 }, s[2] = { 0.8, 1.4 };
  const lingauss2 *q = LINGAUSS2_POINT_Q (p);
  tap_ok (q->m[0] == m[0] && q->s[0] == s[0] && q->m[1] == m[1] && q->s[1] == s[1],
          "the variational point reads (m1, s1, m2, s2) from v[3..6]");
  double e[2] = { 1.5, -0.25 }, z[2];
  lingauss2_point_map_q (p, NULL, e, z);
  tap_ok (z[0] == m[0] + s[0] * e[0] && z[1] == m[1] + s[1] * e[1], "z_i = m_i + s_i e_i");
  double prior = -L2PI - 0.5 * (m[0] * m[0] + s[0] * s[0] + m[1] * m[1] + s[1] * s[1]);
  double r = x - t[0] * m[0] - t[1] * m[1];
  double lik = -0.5 * (L2PI + r * r + t[0] * t[0] * s[0] * s[0] + t[1] * t[1] * s[1] * s[1]);
  double lq1 = -0.5 - 0.5 * L2PI - log (s[0]), lq2 = -0.5 - 0.5 * L2PI - log (s[1]);
  tap_close (lingauss2_point_e_log_prior (p, NULL).value, prior, 1e-9, "E_q[log p(z)]");
  tap_close (lingauss2_point_e_log_lik (p, NULL).value, lik, 1e-9, "E_q[log p(x|z)]");
  tap_close (lingauss2_point_e_log_q1 (p, NULL).value, lq1, 1e-9, "E_q[log q1] = -H[q1]");
  tap_close (lingauss2_point_e_log_q2 (p, NULL).value, lq2, 1e-9, "E_q[log q2] = -H[q2]");
  tap_close (lingauss2_point_elbo (p, NULL).value, prior + lik - lq1 - lq2, 1e-9, "L(q)");
  for (int i = 0; i < 2; i++)
    {
      point pi = make_point (i + 1);
      int j = 1 - i;
      double dm = -m[i] * (1 + t[i] * t[i]) - t[i] * t[j] * m[j] + x * t[i];
      double ds = -s[i] * (1 + t[i] * t[i]) + 1 / s[i];
      tap_close (lingauss2_point_dl_dm (&pi, NULL).value, dm, 1e-6, "∂L/∂m%d, (2.12)", i + 1);
      tap_close (lingauss2_point_dl_ds (&pi, NULL).value, ds, 1e-6, "∂L/∂s%d, (2.14)", i + 1);
      tap_close (lingauss2_point_m_star (&pi, NULL).value,
                 t[i] * (x - t[j] * m[j]) / (1 + t[i] * t[i]), 1e-7, "m%d*, (2.13)", i + 1);
      tap_close (lingauss2_point_s2_star (&pi, NULL).value, 1 / (1 + t[i] * t[i]), 1e-7,
                 "s%d*², (2.15)", i + 1);
    }
  lingauss2_log_terms lt = lingauss2_log_terms_at (q, z);
  tap_close (lt.prior1.value + lt.prior2.value, log_n (z[0], 0, 1) + log_n (z[1], 0, 1), 1e-14,
             "log p(z) at a draw");
  tap_close (lt.lik.value, log_n (x, t[0] * z[0] + t[1] * z[1], 1), 1e-14, "log p(x|z)");
  tap_close (lt.q1.value + lt.q2.value, log_n (z[0], m[0], s[0] * s[0])
             + log_n (z[1], m[1], s[1] * s[1]), 1e-14, "log q(z)");
}

/* lines from the five terms: log p(x|z) - log q(z), and log q1 - log q2 as
   the negative control of a line that reads the wrong factor of q */
LINGAUSS2_POINT_TERMS_LINE (lik_minus_q, rnd_sub (t.lik, rnd_add (t.q1, t.q2)))
LINGAUSS2_POINT_TERMS_LINE (q1_minus_q2, rnd_sub (t.q1, t.q2))

static void
test_terms_line (void)
{
  point pt = make_point (1);
  double t[2] = { 0.7, -0.4 }, x = 1.3, m[2] = { 0.2, -0.5 }, s[2] = { 0.8, 1.4 };
  double z[2] = { 0.9, -0.3 }, bound = -1;
  double q1 = log_n (z[0], m[0], s[0] * s[0]), q2 = log_n (z[1], m[1], s[1] * s[1]);
  tap_close (lik_minus_q (&pt, NULL, z, &bound), log_n (x, t[0] * z[0] + t[1] * z[1], 1)
             - q1 - q2, 1e-14, "a terms line: log p(x|z) - log q(z) at the draw");
  tap_ok (bound > 0 && bound < 1e-13, "... with its rounding bound (%.3g)", bound);
  double d = q1_minus_q2 (&pt, NULL, z, &bound);
  tap_close (d, q1 - q2, 1e-14, "log q1 - log q2: q1 = N(m1, s1²), q2 = N(m2, s2²)");
  tap_ok (fabs (d - (q2 - q1)) > 1e3 * bound, "... told from the factors swapped (%.3g)",
          fabs (d - (q2 - q1)));
}

/* the table entries carry the functions tested above, under their ids */
static void
test_tables (void)
{
  static const derivation_truth post[] = { LINGAUSS2_POINT_POSTERIOR_TRUTHS };
  static const derivation_truth elbo[] = { LINGAUSS2_POINT_ELBO_TRUTHS };
  static const derivation_truth upd[] = { LINGAUSS2_POINT_UPDATE_TRUTHS };
  tap_ok (COUNT_OF (post) == 3 && post[0].eval.integrand == lingauss2_point_log_post
          && post[1].eval.pointwise && post[2].eval.value == lingauss2_point_interaction
          && strcmp (post[1].id, "log_ratio") == 0, "the posterior's truths: pointwise, closed");
  tap_ok (COUNT_OF (elbo) == 5 && elbo[0].eval.value == lingauss2_point_elbo
          && elbo[4].eval.value == lingauss2_point_e_log_q2
          && strcmp (elbo[2].id, "e_log_lik") == 0,
          "the ELBO's five truths");
  tap_ok (COUNT_OF (upd) == 4 && upd[3].eval.value == lingauss2_point_s2_star
          && strcmp (upd[1].id, "m_star") == 0, "the updates' four truths");
}

/* (2.2)'s route: log p(x, z) - log p(x) with p(x) by quadrature, against
   log N(z; θx/v, I - θθᵀ/v) written out; an evidence 1% high (a wrong
   prep) misses it by log 1.01, far beyond the bound */
static void
test_log_post_quad (void)
{
  point pt = make_point (1), *p = &pt;
  double t1 = 0.7, t2 = -0.4, x = 1.3, v = 1 + t1 * t1 + t2 * t2, z[2] = { 0.3, -1.1 };
  double want = log_n (z[0], 0, 1) + log_n (z[1], 0, 1) + log_n (x, t1 * z[0] + t2 * z[1], 1)
    - log_n (x, 0, v), bound;
  estimate ev;
  lingauss2_point_prepare_evidence (p, &ev);
  double got = lingauss2_point_log_post_quad (p, &ev, z, &bound);
  tap_close (got, want, 1e-9, "log p(x, z) - log p(x), p(x) by quadrature = log p(z|x)");
  tap_ok (fabs (got - want) <= bound && bound < 1e-9,
          "... within its bound, quadrature error included (%.3g <= %.3g)", fabs (got - want), bound);
  estimate exact = est_exact (exp (log_n (x, 0, v)), 0);
  double b0;
  lingauss2_point_log_post_quad (p, &exact, z, &b0);
  tap_ok (b0 < bound && b0 > 0, "an exact p(x) leaves only rounding (%.3g < %.3g)", b0, bound);
  estimate high = est_exact (1.01 * exact.value, 0);
  got = lingauss2_point_log_post_quad (p, &high, z, &bound);
  tap_close (want - got, log (1.01), 1e-12, "p(x) 1%% high: off by log 1.01 ...");
  tap_ok (fabs (got - want) > 1e6 * bound, "... far beyond the bound (%.3g)", bound);
}

/* a quadratic 3z1² - 2z2² + a z1z2 + 5z1 - z2 + 7 (with rounding bounds) */
static rnd
quadratic (const lingauss2 * g, double z1, double z2, double a)
{
  (void) g;
  rnd x = rnd_exact (z1), y = rnd_exact (z2);
  rnd q = rnd_add (rnd_scale (3, rnd_mul (x, x)), rnd_scale (-2, rnd_mul (y, y)));
  q = rnd_add (q, rnd_mul (rnd_exact (a), rnd_mul (x, y)));
  return rnd_add (rnd_add (q, rnd_sub (rnd_scale (5, x), y)), rnd_exact (7));
}

/* the mixed difference of a quadratic is its z1z2 coefficient, 0 for one
   that separates; log p(x, z)'s is -θ1θ2, the posterior's interaction */
static void
test_mixed_difference (void)
{
  const lingauss2 g = { {0.7, -0.4}, 1.3, {0, 0}, {0, 0}, 0, 1 };
  rnd d = lingauss2_mixed_difference (quadratic, &g, 1.25);
  tap_close (d.value, 1.25, rnd_bound (d), "a quadratic's: its z1z2 coefficient 1.25,"
             " within its bound (%.3g)", rnd_bound (d));
  tap_ok (rnd_bound (d) < 1e-12, "... which is small");
  tap_ok (lingauss2_mixed_difference (quadratic, &g, 0).value == 0,
          "0 when the quadratic separates, so one that does not (1.25) is told from it");
  tap_close (lingauss2_point_interaction (&(point) {0, 3, {0.7, -0.4, 1.3}}, NULL).value,
             -0.7 * -0.4, 1e-14, "log p(x, z)'s: -θ1θ2");
}

static const derivation latents = { LINGAUSS2_POINT_LATENT_DRAWS };
static const derivation q_draws = { LINGAUSS2_POINT_Q_DRAWS };

/* Does derivation D's hook (sampler, or map of base_dim(P) normals) at P
   write exactly N doubles: x[N - 1] written, x[N] left alone? */
static int
writes_exactly (const derivation * d, const point * p, size_t n)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  double x[8], e[8] = { 0.3, -1.1, 0.4, 0.9, 0, 0, 0, 0 };
  for (size_t i = 0; i < 8; i++)
    x[i] = -12345;
  if (d->transform)
    d->transform (p, NULL, e, x);
  else
    d->sample (r, p, NULL, x);
  gsl_rng_free (r);
  return n >= 1 && n < 8 && x[n - 1] != -12345 && x[n] == -12345;
}

static void
test_draw_fields (void)
{
  point model = { 0, 3, {0.7, -0.4, 1.3} }, var = make_point (1);
  tap_ok (latents.sample == lingauss2_point_sample_latents && latents.transform == NULL
          && writes_exactly (&latents, &model, latents.x_dim) && latents.x_dim == 4,
          "latent draws: the sampler writes x_dim = 4 doubles, z and z'");
  tap_ok (q_draws.transform == lingauss2_point_map_q && q_draws.sample == NULL
          && q_draws.base_dim (&var) == 2 && writes_exactly (&q_draws, &var, q_draws.x_dim)
          && q_draws.x_dim == 2, "q's draws: the map of 2 normals writes x_dim = 2 doubles");
  tap_ok (!writes_exactly (&latents, &model, 3) && !writes_exactly (&q_draws, &var, 1),
          "negative control: an x_dim one short is caught (the hook writes past it)");
}

int
main (void)
{
  test_draw_fields ();
  test_tables ();
  test_model_point ();
  test_log_post_quad ();
  test_terms_line ();
  test_mixed_difference ();
  test_variational_point ();
  return tap_done ();
}
