/* test_gmm_fit_point.c -- N(μ, I) fitted to a Gaussian mixture at a
   derivation point: the draws (sampler and Rosenblatt map) have the
   mixture's mean (a z-score against Σ w_k m_k by hand), log q and its
   difference from μ = 0 are -log 2π - ½|x - μ|² and μᵀx - ½|μ|² by hand,
   and the truths along μ_i are E_p[x_i] - μ_i and E_p[x_i], the moment
   matching of KL(p || q); the component means with equal weights, by
   hand and against gmm_mean_rnd, told from the weighted mean; the draws'
   fields (GMM_FIT_POINT_DRAWS): sampler and map each write exactly x_dim
   = 2 doubles, and an x_dim one short is caught by the same test; the
   closed form E_p[log q(x|μ)] by hand, its as-points variant told from it
   by the half trace. */
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

/* The means averaged with equal weights: by hand, and bit for bit (value
   and bound) gmm_mean_rnd of the same components weighted 1/K, for K = 2
   and 3 (1/3 rounded); the mixture's own weights are told from them. */
static void
test_equal_weights (const gmm * g)
{
  tap_ok (gmm_fit_point_mean_equal_weights (g, 0).value == 0.5
          && gmm_fit_point_mean_equal_weights (g, 1).value == 1.25,
          "equal weights: ((-1 + 2)/2, (2 + 0.5)/2) by hand");
  tap_ok (fabs (gmm_mean_rnd (g, 0).value - 0.5) > 0.5,
          "... told from the weighted mean 0.25·(-1) + 0.75·2 = 1.25");
  static const double mu3[3][2] = { {-2, 0}, {1.5, 2}, {3, -1.5} }, w3[3] = { 1, 1, 1 };
  static const double cov3[3][4] = { {1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1} };
  gmm *g3 = gmm_alloc_from (3, 2, w3, &mu3[0][0], &cov3[0][0], 1.0);
  int same = 1;
  for (size_t c = 0; c < 2; c++)
    {
      rnd a = gmm_fit_point_mean_equal_weights (g3, c), b = gmm_mean_rnd (g3, c);
      same &= a.value == b.value && rnd_bound (a) == rnd_bound (b);
    }
  tap_ok (same, "K = 3: gmm_mean_rnd with weights 1/3, value and bound to the last bit");
  tap_close (gmm_fit_point_mean_equal_weights (g3, 0).value, 2.5 / 3, 1e-15,
             "... (-2 + 1.5 + 3)/3");
  gmm_free (g3);
}

/* Do the draws of D at P write exactly N doubles (x[N - 1] written, x[N]
   left alone), by the sampler (MAPPED 0) or the map of base_dim normals? */
static int
writes_exactly (const derivation * d, const point * p, const void *prep, int mapped,
                size_t n)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  double x[4] = { -12345, -12345, -12345, -12345 }, e[4] = { 0.3, -1.1, 0.4, 0.9 };
  if (mapped)
    d->transform (p, prep, e, x);
  else
    d->sample (r, p, prep, x);
  gsl_rng_free (r);
  return n >= 1 && n < 4 && x[n - 1] != -12345 && x[n] == -12345;
}

static void
test_draw_fields (const gmm * g)
{
  static const derivation d = { GMM_FIT_POINT_DRAWS };
  const void *prep = &g;
  point p = { 0, 3, {0.5, -0.5, 1} };
  tap_ok (d.x_dim == 2 && d.base_dim (&p) == 2 && writes_exactly (&d, &p, prep, 0, d.x_dim)
          && writes_exactly (&d, &p, prep, 1, d.x_dim),
          "draws' fields: sampler and map of 2 normals each write x_dim = 2 doubles");
  tap_ok (!writes_exactly (&d, &p, prep, 0, 1) && !writes_exactly (&d, &p, prep, 1, 1),
          "negative control: an x_dim of 1 is caught (the hooks write past it)");
}

int
main (void)
{
  gmm *g = gmm_alloc_from (2, 2, W, &MU[0][0], &COV[0][0], 1.0);
  const void *prep = &g;
  test_draw_fields (g);
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
  test_equal_weights (g);
  point pm = { 0, 3, {0.8, -0.6, 1} };
  double sq0 = 1.8 * 1.8 + 2.6 * 2.6, sq1 = 1.2 * 1.2 + 1.1 * 1.1;   /* |m_k - μ|² */
  double elq = -L2PI - 0.5 * (0.25 * (0.9 + sq0) + 0.75 * (1.6 + sq1));
  estimate e = gmm_fit_point_e_log_q (&pm, prep), ep = gmm_fit_point_e_log_q_as_points (&pm, prep);
  tap_close (e.value, elq, 1e-13, "E_p[log q(x|μ)] = -log 2π - ½ Σ w_k (tr Σ_k + |m_k - μ|²)"
             " by hand (%.6f)", elq);
  tap_ok (est_bound (e) > 0 && est_bound (e) < 1e-13, "... with its rounding bound (%.2g)",
          est_bound (e));
  tap_close (ep.value, elq + 0.5 * (0.25 * 0.9 + 0.75 * 1.6), 1e-13,
             "as points: ½ Σ w_k tr Σ_k = 0.7125 added back");
  tap_ok (fabs (ep.value - e.value) > 0.7, "negative control: the as-points closed form is"
          " told from the true one by %.4f", ep.value - e.value);
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
