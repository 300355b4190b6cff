/* test_lingauss2.c -- the two-latent linear-Gaussian model: the closed
   forms against each other (Bayes' rule, ELBO = log p(x) - KL by lib/mvn,
   the posterior by inverting Λ with GSL) and the bounds against long
   double. */
#include "lingauss2.h"
#include "mvn.h"
#include "normal.h"
#include "tap.h"

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_rng.h>
#include <math.h>

static const long double LOG_2PI_L = 1.8378770664093454835606594728112353L;

/* the ELBO in long double, written from the definition term by term */
static long double
elbo_ld (const lingauss2 * g)
{
  long double e = -LOG_2PI_L - 0.5L * LOG_2PI_L, r = g->x, lv = 0;
  for (int i = 0; i < 2; i++)
    {
      long double m = g->m[i], s = g->s[i], t = g->theta[i];
      e += -0.5L * (m * m + s * s) + 0.5L * (1 + LOG_2PI_L) + logl (s);
      r -= t * m;
      lv += t * t * s * s;
    }
  return e - 0.5L * (r * r + lv);
}

/* (was test_lingauss.c's, for lingauss_fa2) The general model (b, ψ)
   against GSL's linear algebra: Σ = Λ⁻¹ by a
   Cholesky inverse of Λ = I + w wᵀ/ψ, μ = Σ w (x - b)/ψ, the KLs by
   lib/mvn (Cholesky), log p(x) by the scalar normal density; and Bayes'
   rule log p(x) = log p(x|z) + log p(z) - log p(z|x) at two z. */
static void
check_model2 (const lingauss2 * f, const char *name)
{
  double lam[4], mu[2], sig[4];
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      lam[2 * i + j] = (i == j) + f->theta[i] * f->theta[j] / f->psi;
  gsl_matrix_view lv = gsl_matrix_view_array (lam, 2, 2);
  gsl_linalg_cholesky_decomp1 (&lv.matrix);
  gsl_linalg_cholesky_invert (&lv.matrix);
  for (int i = 0; i < 4; i++)
    sig[i] = lam[i];
  for (int j = 0; j < 2; j++)
    {
      mu[j] = (sig[2 * j] * f->theta[0] + sig[2 * j + 1] * f->theta[1]) * (f->x - f->b) / f->psi;
      rnd m = lingauss2_post_mean (f, j);
      tap_close (m.value, mu[j], rnd_bound (m) + 1e-14 * (1 + fabs (mu[j])),
                 "%s: posterior mean %d = Σ w (x - b)/ψ (Cholesky)", name, j + 1);
    }
  mvn *post = mvn_from_arrays (2, mu, sig);
  double qs[4] = { f->s[0] * f->s[0], 0, 0, f->s[1] * f->s[1] };
  mvn *qg = mvn_from_arrays (2, f->m, qs);
  double zero[2] = { 0, 0 }, id[4] = { 1, 0, 0, 1 };
  mvn *prior = mvn_from_arrays (2, zero, id);
  rnd klp = lingauss2_kl_post (f), kl0 = lingauss2_kl_prior (f);
  tap_close (klp.value, mvn_kl (qg, post), rnd_bound (klp) + mvn_kl_rounding_bound (qg, post),
             "%s: KL(q || p(z|x)) = mvn_kl", name);
  tap_close (kl0.value, mvn_kl (qg, prior), rnd_bound (kl0) + mvn_kl_rounding_bound (qg, prior),
             "%s: KL(q || p(z)) = mvn_kl", name);
  rnd lpx = lingauss2_log_evidence (f);
  double ref = normal_log_pdf (f->x, f->b, sqrt (f->theta[0] * f->theta[0] + f->theta[1] * f->theta[1] + f->psi));
  tap_close (lpx.value, ref, rnd_bound (lpx) + 1e-14 * (1 + fabs (ref)),
             "%s: log p(x) = log N(x; b, |w|² + ψ)", name);
  double work[2];
  gsl_vector_view wv = gsl_vector_view_array (work, 2);
  for (int k = 0; k < 2; k++)
    {
      double z[2] = { 0.3 - 1.1 * k, -0.8 + 2 * k };
      gsl_vector_view zv = gsl_vector_view_array (z, 2);
      double lp = lingauss2_log_posterior (f, z[0], z[1]).value, ref_post = mvn_log_pdf (post, &zv.vector, &wv.vector);
      tap_close (lp, ref_post, 1e-12 * (1 + fabs (ref_post)), "%s: log p(z|x) = mvn_log_pdf at z %d", name, k + 1);
      double bayes = normal_log_pdf (f->x, f->theta[0] * z[0] + f->theta[1] * z[1] + f->b, sqrt (f->psi))
        + normal_log_pdf (z[0], 0, 1) + normal_log_pdf (z[1], 0, 1) - lp;
      tap_close (bayes, lpx.value, 1e-12 * (1 + fabs (bayes)), "%s: Bayes' rule gives log p(x) at z %d", name, k + 1);
    }
  /* log p(x) = ELBO + KL(q || p(z|x)), and E_q[log p(x|z)] as the ELBO's part */
  rnd elbo = lingauss2_elbo (f), ell = lingauss2_expected_log_lik (f);
  tap_close (elbo.value + klp.value, lpx.value, rnd_bound (elbo) + rnd_bound (klp) + rnd_bound (lpx) + 4e-16 * fabs (lpx.value),
             "%s: log p(x) = ELBO + KL(q || p(z|x))", name);
  tap_close (ell.value - kl0.value, elbo.value, rnd_bound (ell) + rnd_bound (kl0) + rnd_bound (elbo),
             "%s: ELBO (closed form) = E_q[log p(x|z)] - KL(q || p(z))", name);
  mvn_free (post), mvn_free (qg), mvn_free (prior);
}

/* Mean-field coordinate ascent: each update against the 1-D maximiser of
   the ELBO along its coordinate, and the contraction bound against the
   distance of the swept means from the exact posterior mean. */
static void
test_cavi (gsl_rng * r)
{
  double worst_update = 0, worst_fixed = 0;
  int bound_ok = 1;
  for (int k = 0; k < 20; k++)
    {
      lingauss2 g = { {3 * (gsl_rng_uniform (r) - 0.5), 3 * (gsl_rng_uniform (r) - 0.5)},
        4 * (gsl_rng_uniform (r) - 0.5), {gsl_rng_uniform (r) - 0.5, gsl_rng_uniform (r)},
        {0.5 + gsl_rng_uniform (r), 0.5 + gsl_rng_uniform (r)}, 0, 1 };
      for (int i = 0; i < 2; i++)
        {
          concave_max cm = lingauss2_elbo_argmax_along (&g, 2 * i);
          concave_max cs = lingauss2_elbo_argmax_along (&g, 2 * i + 1);
          rnd m = lingauss2_cavi_mean (&g, i), v = lingauss2_cavi_var (&g, i);
          worst_update = fmax (worst_update, fabs (m.value - cm.x) / (cm.x_err + rnd_bound (m)));
          double s2_err = cs.x_err * (2 * cs.x + cs.x_err) + rnd_bound (v);
          worst_update = fmax (worst_update, fabs (v.value - cs.x * cs.x) / s2_err);
        }
      /* three sweeps only, so that the bound has a distance to cover */
      double last = 0;
      for (int sweep = 0; sweep < 3; sweep++)
        {
          double old = g.m[1];
          g.m[0] = lingauss2_cavi_mean (&g, 0).value;
          g.m[1] = lingauss2_cavi_mean (&g, 1).value;
          last = fabs (g.m[1] - old);
        }
      double b = lingauss2_cavi_bound (&g, last);
      for (int i = 0; i < 2; i++)
        {
          double d = fabs (g.m[i] - lingauss2_post_mean (&g, i).value);
          bound_ok &= d <= b;
          worst_fixed = fmax (worst_fixed, d / b);
        }
    }
  tap_ok (worst_update <= 1, "CAVI updates = the ELBO's 1-D maximisers (worst %.3g of the bound)",
          worst_update);
  tap_ok (bound_ok, "the contraction bound holds after 3 sweeps (worst %.3g of it)", worst_fixed);
  tap_ok (worst_fixed > 1e-3, "... and is not vacuous (some distance is %.3g of it)", worst_fixed);
}

/* elbo_gap's optima, general b and ψ: q_i* by lingauss2_set_q_optimum
   against the ELBO's partial derivatives (GSL's central differences of the
   closed form, 0 at the maximum) and the approximation gap ½ (log Λ11 +
   log Λ22 - log det Λ) written out; the scale argmax t* against a concave
   1-D maximiser of E_q[log p_t(x|z)].  Negative controls: s1 scaled by
   1 + 1e-3 leaves ∂L/∂s1 off zero, and the plug-in (x - b)/θᵀm (q's
   spread left out) misses t*. */
static double
scaled_ell (double t, void *params, double *rounding)
{
  lingauss2 g = *(const lingauss2 *) params;
  g.theta[0] *= t, g.theta[1] *= t;
  rnd v = lingauss2_expected_log_lik (&g);
  *rounding = rnd_bound (v) + 4 * EST_U * fabs (v.value);
  return v.value;
}

static void
test_fa_optima (void)
{
  lingauss2 g = { {1.2, 0.7}, -1.3, {0.2, -0.9}, {0.6, 1.1}, 0.4, 0.5 };
  lingauss2 opt = g;
  lingauss2_set_q_optimum (&opt);
  int vanish = 1;
  double worst = 0;
  for (int c = 0; c < 4; c++)
    {
      estimate d = lingauss2_elbo_partial (&opt, c);
      vanish &= fabs (d.value) <= d.err + 1e-9;
      worst = fmax (worst, fabs (d.value));
    }
  tap_ok (vanish, "q* = N(μ, diag(ψ/(ψ + θ_j²))): every ∂L vanishes (worst |∂L| %.3g)", worst);
  double l11 = 1 + 1.44 / 0.5, l22 = 1 + 0.49 / 0.5, det = 1 + (1.44 + 0.49) / 0.5;
  tap_close (lingauss2_kl_post (&opt).value, 0.5 * (log (l11) + log (l22) - log (det)), 1e-14,
             "KL(q* || p(z|x)) = ½ (log Λ11 + log Λ22 - log det Λ)");
  lingauss2 off = opt;
  off.s[0] *= 1 + 1e-3;
  estimate d = lingauss2_elbo_partial (&off, 1);
  tap_ok (fabs (d.value) > 100 * (d.err + 1e-9),
          "negative control: s1 scaled by 1 + 1e-3 leaves ∂L/∂s1 = %.3g", d.value);
  concave_max t = maximize_concave_1d_range (scaled_ell, &g, -40, 40, 161, 1e-7, 1e-7);
  rnd ts = lingauss2_scale_argmax (&g);
  tap_ok (fabs (t.x - ts.value) <= t.x_err + rnd_bound (ts) && t.x_err < 1e-6,
          "t* = (x - b) θᵀm / ((θᵀm)² + Σ θ_j² s_j²) %.10g = the maximiser %.10g", ts.value, t.x);
  double plug = (g.x - g.b) / (1.2 * 0.2 + 0.7 * -0.9);
  tap_ok (fabs (t.x - plug) > 100 * t.x_err, "negative control: the plug-in %.6g misses t*", plug);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 11);
  double worst_bayes = 0, worst_kl = 0, worst_elbo = 0, worst_post = 0;
  for (int k = 0; k < 200; k++)
    {
      lingauss2 g = { {4 * (gsl_rng_uniform (r) - 0.5), 4 * (gsl_rng_uniform (r) - 0.5)},
        6 * (gsl_rng_uniform (r) - 0.5), {2 * (gsl_rng_uniform (r) - 0.5), gsl_rng_uniform (r) - 0.5},
        {0.2 + gsl_rng_uniform (r), 0.2 + 2 * gsl_rng_uniform (r)}, 0, 1 };
      /* Bayes: log p(x, z) - log p(z|x) = log p(x) at every z */
      double z1 = 3 * (gsl_rng_uniform (r) - 0.5), z2 = 3 * (gsl_rng_uniform (r) - 0.5);
      rnd lhs = rnd_sub (lingauss2_log_joint (&g, z1, z2), lingauss2_log_posterior (&g, z1, z2));
      rnd ev = lingauss2_log_evidence (&g);
      worst_bayes = fmax (worst_bayes, fabs (lhs.value - ev.value) / (rnd_bound (lhs) + rnd_bound (ev)));
      /* the posterior: Λ = I + θθᵀ inverted by Cholesky */
      double lam[4] = { 1 + g.theta[0] * g.theta[0], g.theta[0] * g.theta[1],
        g.theta[0] * g.theta[1], 1 + g.theta[1] * g.theta[1] };
      gsl_matrix_view L = gsl_matrix_view_array (lam, 2, 2);
      gsl_linalg_cholesky_decomp1 (&L.matrix);
      gsl_linalg_cholesky_invert (&L.matrix);
      double m0 = lam[0] * g.theta[0] * g.x + lam[1] * g.theta[1] * g.x;
      double d = fabs (lingauss2_post_var (&g, 0).value - lam[0])
        + fabs (lingauss2_post_var (&g, 1).value - lam[3])
        + fabs (lingauss2_post_cov (&g).value - lam[1])
        + fabs (lingauss2_post_mean (&g, 0).value - m0);
      worst_post = fmax (worst_post, d);
      /* ELBO = log p(x) - KL(q || p(z|x)) */
      double mu[2] = { lingauss2_post_mean (&g, 0).value, lingauss2_post_mean (&g, 1).value };
      double c = lingauss2_post_cov (&g).value;
      double sig[4] = { lingauss2_post_var (&g, 0).value, c, c, lingauss2_post_var (&g, 1).value };
      double qs[4] = { g.s[0] * g.s[0], 0, 0, g.s[1] * g.s[1] };
      mvn *post = mvn_from_arrays (2, mu, sig), *q = mvn_from_arrays (2, g.m, qs);
      rnd e = lingauss2_elbo (&g);
      worst_kl = fmax (worst_kl, fabs (e.value - (ev.value - mvn_kl (q, post))));
      worst_elbo = fmax (worst_elbo, (double) (fabsl (e.value - elbo_ld (&g)) / rnd_bound (e)));
      mvn_free (post);
      mvn_free (q);
    }
  tap_ok (worst_bayes <= 1, "log p(x, z) - log p(z|x) = log p(x) within the bounds"
          " (worst ratio %.3g, 200 models)", worst_bayes);
  tap_ok (worst_post < 1e-12, "posterior mean and covariance = Λ⁻¹θx, Λ⁻¹ by GSL"
          " Cholesky (worst %.3g)", worst_post);
  tap_ok (worst_kl < 1e-10, "ELBO = log p(x) - KL(q || p(z|x)) by lib/mvn (worst %.3g)", worst_kl);
  tap_ok (worst_elbo < 1, "ELBO's rounding bound covers its error against long double"
          " (worst ratio %.3g)", worst_elbo);
  /* a value the reader can check by hand: θ = 0 leaves the prior */
  lingauss2 zero = { {0, 0}, 1.5, {0, 0}, {1, 1}, 0, 1 };
  tap_close (lingauss2_log_evidence (&zero).value, -0.5 * 2.25 - 0.91893853320467274178,
             1e-15, "θ = 0: log p(x) = log N(x; 0, 1)");
  tap_close (lingauss2_elbo (&zero).value, lingauss2_log_evidence (&zero).value, 1e-15,
             "θ = 0, q = N(0, I) = p(z|x): ELBO = log p(x)");
  tap_ok (lingauss2_dot (zero.m, 3, 4).value == 0 && lingauss2_v (&(lingauss2) { {3, 4}, 0, {0, 0}, {1, 1}, 0, 1 }).value == 26,
          "θᵀz and v = 1 + θᵀθ");
  /* the other routes: quadrature and optimisers against the closed forms */
  lingauss2 g = { {0.7, -1.3}, 1.9, {0.4, -0.8}, {1.6, 0.6}, 0, 1 };
  estimate ev = lingauss2_evidence_quad (&g);
  double px = exp (lingauss2_log_evidence (&g).value);
  tap_ok (fabs (ev.value - px) <= ev.err + 1e-15 && ev.err < 1e-9,
          "p(x) by nested quadrature %.15g = N(x; 0, v) %.15g (err %.3g)", ev.value, px, ev.err);
  estimate eq = lingauss2_elbo_quad (&g);
  double ec = lingauss2_elbo (&g).value;
  tap_ok (fabs (eq.value - ec) <= eq.err + rnd_bound (lingauss2_elbo (&g)) && eq.err < 1e-8,
          "ELBO by quadrature %.15g = closed form %.15g (err %.3g)", eq.value, ec, eq.err);
  tap_close (lingauss2_e_log_q_quad (&g, 1).value, -(0.5 + 0.91893853320467274178 + log (0.6)),
             1e-10, "E_q[log q2] = -H[N(m2, s2²)]");
  /* ∂L/∂m1 = -m1(1 + θ1²) - θ1θ2m2 + xθ1, ∂L/∂s1 = -s1(1 + θ1²) + 1/s1 */
  estimate dm = lingauss2_elbo_partial (&g, 0), ds = lingauss2_elbo_partial (&g, 1);
  double dm_true = -0.4 * (1 + 0.49) - 0.7 * -1.3 * -0.8 + 1.9 * 0.7;
  double ds_true = -1.6 * (1 + 0.49) + 1 / 1.6;
  tap_ok (fabs (dm.value - dm_true) <= dm.err + 1e-12, "∂L/∂m1 %.12g = %.12g", dm.value, dm_true);
  tap_ok (fabs (ds.value - ds_true) <= ds.err + 1e-12, "∂L/∂s1 %.12g = %.12g", ds.value, ds_true);
  /* the coordinate maximisers: m2* = θ2(x - θ1m1)/(1 + θ2²), s2* = 1/√(1 + θ2²) */
  concave_max cm = lingauss2_elbo_argmax_along (&g, 2), cs = lingauss2_elbo_argmax_along (&g, 3);
  double m2s = -1.3 * (1.9 - 0.7 * 0.4) / (1 + 1.69), s2s = 1 / sqrt (1 + 1.69);
  tap_ok (fabs (cm.x - m2s) <= cm.x_err && cm.x_err < 1e-6, "argmax over m2 %.10g = %.10g (±%.2g)",
          cm.x, m2s, cm.x_err);
  tap_ok (fabs (cs.x - s2s) <= cs.x_err && cs.x_err < 1e-6, "argmax over s2 %.10g = %.10g (±%.2g)",
          cs.x, s2s, cs.x_err);
  /* over all of q: the exact mean θx/v and s_i² = 1/(1 + θ_i²) */
  double best[4], tol = lingauss2_elbo_maximize (&g, (double[4]) { 1, -1, 0.5, -0.5 }, best);
  double far = 0;
  for (int i = 0; i < 2; i++)
    far = fmax (far, fmax (fabs (best[i] - lingauss2_post_mean (&g, i).value),
                           fabs (best[2 + i] + 0.5 * log1p (g.theta[i] * g.theta[i]))));
  tap_ok (far <= tol && tol < 1e-4, "Nelder-Mead's maximiser within its radius %.3g (off by %.3g)", tol, far);
  /* two latents, one observation: elbo_gap's shape, a correlated tail,
     and mean_field's b = 0, ψ = 1 */
  check_model2 (&(lingauss2) { {1.2, 0.7}, -1.3, {0.2, -0.9}, {0.6, 1.1}, 0.4, 0.5 }, "b, ψ");
  check_model2 (&(lingauss2) { {1.9, 1.6}, 2.9, {-1.5, 1.8}, {0.25, 0.3}, -0.8, 0.2 }, "b, ψ, correlated");
  check_model2 (&g, "b = 0, ψ = 1");
  /* p(x) and E_q[log p(x|z)] by quadrature with b and ψ */
  lingauss2 h = { {0.7, -1.3}, 1.9, {0.4, -0.8}, {1.6, 0.6}, -0.6, 0.45 };
  estimate evh = lingauss2_evidence_quad (&h);
  double pxh = exp (lingauss2_log_evidence (&h).value);
  tap_ok (fabs (evh.value - pxh) <= evh.err + 1e-15 && evh.err < 1e-9,
          "b, ψ: p(x) by nested quadrature %.15g = N(x; b, v) %.15g", evh.value, pxh);
  estimate ellq = lingauss2_e_log_lik_quad (&h);
  rnd ellc = lingauss2_expected_log_lik (&h);
  tap_ok (fabs (ellq.value - ellc.value) <= ellq.err + rnd_bound (ellc) && ellq.err < 1e-8,
          "b, ψ: E_q[log p(x|z)] by quadrature %.15g = closed form %.15g", ellq.value, ellc.value);
  gsl_rng_set (r, 12);
  test_cavi (r);
  test_fa_optima ();
  gsl_rng_free (r);
  return tap_done ();
}
