/* test_gmm_fit_point.c -- N(μ, I) fitted to a Gaussian mixture at a
   derivation point: the draws (sampler and Rosenblatt map) have the
   mixture's mean (a z-score against Σ w_k m_k by hand), log q and its
   difference from μ = 0 are -log 2π - ½|x - μ|² and μᵀx - ½|μ|² by hand,
   and the truths along μ_i are E_p[x_i] - μ_i and E_p[x_i], the moment
   matching of KL(p || q). */
#include "gmm_fit_point.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

static const double W[2] = { 0.25, 0.75 };
static const double MU[2][2] = { {-1, 2}, {2, 0.5} };
static const double COV[2][4] = { {0.5, 0.1, 0.1, 0.4}, {1.0, -0.3, -0.3, 0.6} };

/* the draws of a hook against the mixture's mean, 5 standard errors */
static void
test_draws (const gmm * g, int mapped)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  const void *prep = &g;
  point p = { 0, 3, {0, 0, 1} };
  const long n = 200000;
  double s[2] = { 0, 0 }, s2[2] = { 0, 0 }, x[2];
  for (long t = 0; t < n; t++)
    {
      if (mapped)
        {
          double e[2] = { gsl_ran_gaussian (r, 1), gsl_ran_gaussian (r, 1) };
          gmm_fit_point_rosenblatt (&p, prep, e, x);
        }
      else
        gmm_fit_point_sample (r, &p, prep, x);
      for (int c = 0; c < 2; c++)
        s[c] += x[c], s2[c] += x[c] * x[c];
    }
  for (int c = 0; c < 2; c++)
    {
      double want = W[0] * MU[0][c] + W[1] * MU[1][c], mean = s[c] / n;
      double se = sqrt ((s2[c] / n - mean * mean) / n);
      tap_ok (fabs (mean - want) < 5 * se, "%s: mean of x_%d %.4f, Σ w_k m_k %.4f (se %.2g)",
              mapped ? "Rosenblatt map" : "sampler", c + 1, mean, want, se);
    }
  gsl_rng_free (r);
}

int
main (void)
{
  gmm *g = gmm_alloc_from (2, 2, W, &MU[0][0], &COV[0][0], 1.0);
  const void *prep = &g;
  test_draws (g, 0);
  test_draws (g, 1);
  const double x[2] = { 0.3, -1.2 }, L2PI = 1.8378770664093454836;
  for (int i = 1; i <= 2; i++)
    {
      point p = { 0, 3, {0.8, -0.6, i} };
      double dx0 = x[0] - 0.8, dx1 = x[1] + 0.6, bound = -1;
      tap_close (gmm_fit_point_log_q (&p, prep, x, &bound),
                 -L2PI - 0.5 * (dx0 * dx0 + dx1 * dx1), 1e-14, "log N(x; μ, I)");
      tap_close (gmm_fit_point_log_q_diff (&p, prep, x, &bound),
                 0.8 * x[0] - 0.6 * x[1] - 0.5 * (0.64 + 0.36), 1e-14,
                 "log q(x|μ) - log q(x|0) = μᵀx - ½|μ|²");
      tap_ok (bound == -1, "the engine's default bound (left alone)");
      int c = i - 1;
      double mean = W[0] * MU[0][c] + W[1] * MU[1][c];
      tap_close (gmm_fit_point_partial (&p, prep).value, mean - p.v[c], 1e-6,
                 "∂E_p[log q]/∂μ_%d = E_p[x_%d] - μ_%d", i, i, i);
      tap_close (gmm_fit_point_argmax (&p, prep).value, mean, 1e-5,
                 "argmax along μ_%d = E_p[x_%d]", i, i);
    }
  tap_close (gmm_fit_point_half_trace (g).value, 0.5 * (0.25 * 0.9 + 0.75 * 1.6), 1e-15,
             "½ Σ w_k tr Σ_k by hand");
  static const derivation_truth t[] = { GMM_FIT_POINT_TRUTHS };
  tap_ok (t[0].eval.integrand == gmm_fit_point_log_q && t[1].eval.integrand
          == gmm_fit_point_log_q_diff && t[2].eval.value == gmm_fit_point_partial
          && t[3].eval.value == gmm_fit_point_argmax && strcmp (t[3].id, "argmin") == 0,
          "the table entries carry the four truths under their ids");
  gmm_free (g);
  return tap_done ();
}
