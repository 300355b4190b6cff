/* test_lingauss2.c -- the two-latent linear-Gaussian model: the closed
   forms against each other (Bayes' rule, ELBO = log p(x) - KL by lib/mvn,
   the posterior by inverting Λ with GSL) and the bounds against long
   double. */
#include "lingauss2.h"
#include "mvn.h"
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
        {0.2 + gsl_rng_uniform (r), 0.2 + 2 * gsl_rng_uniform (r)} };
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
  lingauss2 zero = { {0, 0}, 1.5, {0, 0}, {1, 1} };
  tap_close (lingauss2_log_evidence (&zero).value, -0.5 * 2.25 - 0.91893853320467274178,
             1e-15, "θ = 0: log p(x) = log N(x; 0, 1)");
  tap_close (lingauss2_elbo (&zero).value, lingauss2_log_evidence (&zero).value, 1e-15,
             "θ = 0, q = N(0, I) = p(z|x): ELBO = log p(x)");
  tap_ok (lingauss2_dot (zero.m, 3, 4).value == 0 && lingauss2_v ((double[2]) { 3, 4 }).value == 26,
          "θᵀz and v = 1 + θᵀθ");
  /* the other routes: quadrature and optimisers against the closed forms */
  lingauss2 g = { {0.7, -1.3}, 1.9, {0.4, -0.8}, {1.6, 0.6} };
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
  gsl_rng_free (r);
  return tap_done ();
}
