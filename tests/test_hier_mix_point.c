/* test_hier_mix_point.c -- lib/hier_mix_point: a point of K = 3 unpacked
 * and checked by hand, the densities against GSL's gsl_ran_gaussian_pdf,
 * q_φ(k|w,x) against weights normalised by hand from those pdfs (at τ = 1,
 * ζ = 0 the exact p(k|w) by Bayes' rule), the KL to π against the sum
 * Σ_k q_k log(q_k/π_k) of those hand weights, and the ELBO's integrand by
 * its gap route against the literal sum Σ_k q_k [log p(w, k) + log p(x|w)
 * - log q_ψ(w) - log q_k] on GSL's pdfs, at several w.  Negative controls:
 * the KL against a uniform π, and the gap route with the KL to p(z) in
 * place of the KL to p(z|w), each miss their reference by far more than
 * the tolerance. */
#include "hier_mix_point.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <math.h>

#define K 3
#define N_V (4 * K + 8)

/* μ (3), σ (3), α, β, σθ, δ, x, m, v, τ, ζ (3), π (3) */
static const double V[N_V] = {
  -2, 0, 2, 0.7, 0.5, 0.9, 1.5, 0.5, 0.6, 0.1, 1.3, 0.4, 0.25, 0.7, 0.3, -0.5, 0.2,
  0.2, 0.5, 0.3
};

static hier_mix_point
prepared (double tau, double zeta_scale)
{
  point p = { .d = K, .n = N_V };
  hier_mix_point q;
  for (int i = 0; i < N_V; i++)
    p.v[i] = V[i];
  p.v[13] = tau;
  for (int k = 0; k < K; k++)
    p.v[14 + k] *= zeta_scale;
  hier_mix_point_prepare (&p, &q);
  return q;
}

/* q_φ(k|w,x) ∝ (π_k N(w; μ_k, σ_k²))^τ e^{ζ_k} normalised by hand, from GSL's pdfs */
static void
hand_qz (const hier_mix_point * q, double w, double *qz)
{
  double s = 0;
  for (int k = 0; k < K; k++)
    {
      double pk = V[17 + k] * gsl_ran_gaussian_pdf (w - V[k], V[3 + k]);
      qz[k] = pow (pk, q->tau) * exp (q->zeta[k]);
      s += qz[k];
    }
  for (int k = 0; k < K; k++)
    qz[k] /= s;
}

static void
test_unpacking (void)
{
  hier_mix_point q = prepared (0.7, 1);
  int ok = q.hm.k == K && q.hm.alpha == 1.5 && q.hm.beta == 0.5 && q.hm.s_dec == 0.6
    && q.hm.delta == 0.1 && q.x == 1.3 && q.m == 0.4 && q.sq == 0.5 && q.tau == 0.7;
  for (int k = 0; k < K; k++)
    ok = ok && q.hm.mu[k] == V[k] && q.hm.sd[k] == V[3 + k] && q.zeta[k] == V[14 + k]
      && q.hm.lpi[k] == log (V[17 + k]);
  tap_ok (ok, "the point unpacked in the layout: μ, σ, α, β, σθ, δ, x, m, √v, τ, ζ, log π");
}

static void
test_densities (void)
{
  hier_mix_point q = prepared (0.7, 1);
  double w = -0.3, lq[K], qz[K], sd = 0.6 * exp (0.1 * w);
  tap_close (hier_mix_point_log_lik (&q, w), log (gsl_ran_gaussian_pdf (1.3 - 1.5 * w - 0.5, sd)),
             1e-13, "log p(x|w) = GSL's log N(x; αw + β, σ_θ(w)²)");
  tap_close (hier_mix_point_resid (&q, w), 1.3 - (1.5 * w + 0.5), 1e-15, "x - μ_θ(w) by hand");
  tap_close (hier_mix_point_log_qw (&q, w), log (gsl_ran_gaussian_pdf (w - 0.4, 0.5)), 1e-13,
             "log q_ψ(w|x) = GSL's log N(w; m, v)");
  for (double tau = 0; tau <= 1; tau += 0.5)
    {
      q = prepared (tau, tau == 1 ? 0 : 1);
      hier_mix_point_log_qz (&q, w, lq);
      hand_qz (&q, w, qz);
      double worst = 0;
      for (int k = 0; k < K; k++)
        worst = fmax (worst, fabs (exp (lq[k]) - qz[k]));
      tap_ok (worst < 1e-14, "q_φ(k|w,x) at τ = %g%s = hand-normalised weights (worst %.2g)",
              tau, tau == 1 ? ", ζ = 0 (Bayes' rule)" : "", worst);
    }
}

/* At δ = 0, log p(x) = log Σ_k π_k N(x; αμ_k + β, α²σ_k² + EXTRA σθ²) at EXTRA = 1 (GSL's
   pdfs); EXTRA = 0, without the decoder's noise, is the negative control. */
static double
closed_evidence (double extra)
{
  double p = 0;
  for (int k = 0; k < K; k++)
    p += V[17 + k] * gsl_ran_gaussian_pdf (1.3 - 1.5 * V[k] - 0.5,
                                           sqrt (2.25 * V[3 + k] * V[3 + k] + extra * 0.36));
  return log (p);
}

static void
test_evidence (void)
{
  hier_mix_point q = prepared (0.7, 1);
  q.hm.delta = 0;
  estimate e = hier_mix_point_log_evidence (&q);
  double tol = e.err + 1e-12;
  tap_close (e.value, closed_evidence (1), tol, "log p(x) at δ = 0 = the mixture's closed form");
  tap_ok (fabs (e.value - closed_evidence (0)) > 100 * tol,
          "and not the closed form without σθ² (negative control)");
}

static void
test_kl (void)
{
  for (double w = -2; w <= 2; w += 2)
    {
      hier_mix_point q = prepared (0.7, 1);
      double qz[K], kl = 0, kl_uniform = 0;
      hand_qz (&q, w, qz);
      for (int k = 0; k < K; k++)
        kl += qz[k] * log (qz[k] / V[17 + k]), kl_uniform += qz[k] * log (qz[k] * K);
      tap_close (hier_mix_point_kl_z_prior (&q, w), kl, 1e-13,
                 "KL(q_φ(·|w) || π) = Σ q_k log(q_k/π_k) by hand at w = %g", w);
      tap_ok (fabs (hier_mix_point_kl_z_prior (&q, w) - kl_uniform) > 1e-3,
              "and it is not the KL to a uniform π (negative control) at w = %g", w);
    }
}

/* Σ_k q_k [log p(w, k) + log p(x|w) - log q_ψ(w) - log q_k] on GSL's pdfs; with
   PRIOR, the gap route's KL taken to π instead of p(k|w) (the negative control) */
static double
literal_elbo (const hier_mix_point * q, double w, int prior)
{
  double qz[K], pw = 0, s = 0, sd = 0.6 * exp (0.1 * w);
  double lik = log (gsl_ran_gaussian_pdf (1.3 - 1.5 * w - 0.5, sd));
  double lqw = log (gsl_ran_gaussian_pdf (w - 0.4, 0.5));
  hand_qz (q, w, qz);
  for (int k = 0; k < K; k++)
    pw += V[17 + k] * gsl_ran_gaussian_pdf (w - V[k], V[3 + k]);
  for (int k = 0; k < K; k++)
    {
      double pk = V[17 + k] * gsl_ran_gaussian_pdf (w - V[k], V[3 + k]);
      double post = prior ? V[17 + k] * pw : pk;      /* what the KL is taken to, times p(w) */
      s += qz[k] * (log (post) + lik - lqw - log (qz[k]));
    }
  return s;
}

static void
test_elbo_by_gap (void)
{
  hier_mix_point q = prepared (0.7, 1);
  double worst = 0, nearest_wrong = INFINITY;
  for (double w = -3; w <= 3; w += 0.5)
    {
      double g = hier_mix_point_elbo_by_gap (&q, w);
      worst = fmax (worst, fabs (g - literal_elbo (&q, w, 0)) / (1 + fabs (g)));
      nearest_wrong = fmin (nearest_wrong, fabs (g - literal_elbo (&q, w, 1)));
    }
  tap_ok (worst < 1e-13, "ELBO integrand by the gap route = the literal sum over z at 13 w"
          " (worst relative %.2g)", worst);
  tap_ok (nearest_wrong > 1e-3, "and the gap to p(z) in place of p(z|w) is not (nearest %.2g)",
          nearest_wrong);
}

int
main (void)
{
  test_unpacking ();
  test_densities ();
  test_evidence ();
  test_kl ();
  test_elbo_by_gap ();
  return tap_done ();
}
