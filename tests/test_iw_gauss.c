/* test_iw_gauss.c -- Gaussian importance weights: their moments against
 * quadrature, their minimum against a grid, and the Frullani gap
 * log p(x) - L_k against KL (k = 1), Monte Carlo (k = 2, 5), the delta
 * method (large k) and 0 when q is the target; the 1-D model's evidence,
 * posterior, weights and ELBO against their textbook forms. */
#include "iw_gauss.h"
#include "logsumexp.h"
#include "normal.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

typedef struct { const iw_gauss *g; double n; } moment_arg;

static double
log_wtilde (const iw_gauss * g, double z)
{
  return normal_log_pdf (z, g->mu, sqrt (g->v))
    - normal_log_pdf (z, g->m, sqrt (g->vq));
}

/* q(z) w~(z)^n */
static double
moment_integrand (double z, void *params)
{
  const moment_arg *a = params;
  return exp (normal_log_pdf (z, a->g->m, sqrt (a->g->vq))
              + a->n * log_wtilde (a->g, z));
}

/* -E[log mean_k w~] by Monte Carlo: mean and standard error */
static void
gap_mc (gsl_rng * r, const iw_gauss * g, int k, size_t reps, double *mean,
        double *se)
{
  double s = 0, s2 = 0;
  for (size_t i = 0; i < reps; i++)
    {
      double sum = 0;
      for (int j = 0; j < k; j++)
        sum += exp (log_wtilde (g, g->m + gsl_ran_gaussian (r, sqrt (g->vq))));
      double y = -log (sum / k);
      s += y, s2 += y * y;
    }
  *mean = s / (double) reps;
  *se = sqrt ((s2 / (double) reps - *mean * *mean) / (double) reps);
}

/* The appended part: the model's log weight against lib/normal, the E_M
   term against leave-one-out log-sum-exps, a Monte Carlo run against the
   quadrature, the cache against the uncached gap, and the rates of the
   gap (delta method's c1, the narrow-q bound, the limit) against gaps at
   finite k. */
static void
test_appended (gsl_rng * r)
{
  double a = 1.5, s = 0.8, x = 2, mu = a * x / (a * a + s * s);
  double v = s * s / (a * a + s * s), log_px = normal_log_pdf (x, 0, sqrt (a * a + s * s));
  iw_gauss narrow = { mu, v, mu + 0.5 * sqrt (v), 0.9 * v };
  iw_log_weight f = iw_log_weight_init (a, s, x, narrow.m, narrow.vq);
  for (double z = -3; z <= 3; z += 1.5)
    {
      double size, lw = iw_log_weight_at (&f, z, &size);
      double want = normal_log_pdf (x, a * z, s) + normal_log_pdf (z, 0, 1)
        - normal_log_pdf (z, narrow.m, sqrt (narrow.vq));
      tap_close (lw, want, 64 * DBL_EPSILON * size, "log w(%g) = log p(x|z) + log p(z) - log q(z)", z);
      tap_close (lw, log_px + log_wtilde (&narrow, z), 64 * DBL_EPSILON * size,
                 "log w(%g) = log p(x) + log w~", z);
    }
  /* E_M: one weight dominating by e^40, then weights of one size */
  double lw[6] = { 0.3, 40.0, -1.2, 0.0, 2.5, -7 }, work[13];
  for (size_t n = 2; n <= 6; n += 4)
    {
      double want = 0, rest[5];
      for (size_t j = 0; j < n; j++)
        {
          size_t m = 0;
          for (size_t i = 0; i < n; i++)
            if (i != j)
              rest[m++] = lw[i];
          want += log_mean_exp (rest, n - 1) / (double) n;
        }
      tap_close (iw_loo_mean_log (lw, n, work), want, 1e-13 * (1 + fabs (want)),
                 "E_M term over %zu weights = mean of leave-one-out log means", n);
    }
  tap_close (iw_gap_summand (log1p (0.25)), 0.25 - log1p (0.25), 4 * DBL_EPSILON,
             "gap summand e - log(1+e)");
  /* a run: L_k, the E_M term and the mean weight against the quadrature */
  iw_mc m;
  iw_estimators correct = { 0 };
  iw_mc_run (r, &f, &correct, log_px, 5, 200000, &m);
  double lk = log_px - iw_gauss_gap (&narrow, 5, IW_GAP_FOR_MC, 0).value;
  tap_close (mc_mean (&m.lk), lk, 6 * mc_se (&m.lk), "Monte Carlo L_5 = quadrature");
  tap_close (mc_mean (&m.loo), lk, 6 * mc_se (&m.loo), "Monte Carlo E_M term = L_5");
  tap_close (mc_mean (&m.gap_cv), log_px - lk, 6 * mc_se (&m.gap_cv), "gap estimator = log p(x) - L_5");
  tap_close (mc_mean (&m.mean_w), exp (log_px), 6 * mc_se (&m.mean_w), "mean weight = p(x)");
  tap_ok (m.khat < 0.5, "k-hat %.2f < 0.5 (finite variance)", m.khat);
  /* the cache returns the gap itself, bit for bit, also on a second call */
  for (int i = 0; i < 2; i++)
    {
      quad_result c = iw_gauss_gap_cached (&narrow, 7, IW_GAP_FOR_MC, 0);
      quad_result u = iw_gauss_gap (&narrow, 7, IW_GAP_FOR_MC, 0);
      tap_ok (c.value == u.value && c.abserr == u.abserr, "cached gap = gap (call %d)", i + 1);
    }
  /* c1 from k (k gap - m2/2) at k = 1e4: c1 + O(1/k) */
  double m2 = iw_gauss_variance (&narrow), k = 1e4;
  tap_close (m2, iw_gauss_moment (&narrow, 2) - 1, 0, "Var(w~) = E[w~^2] - 1");
  double c1 = iw_gauss_delta_c1 (&narrow);
  double c1_k = k * (k * iw_gauss_gap (&narrow, k, IW_GAP_PRECISE, 0).value - m2 / 2);
  tap_close (c1_k, c1, 0.02 * fabs (c1), "delta method: k (k gap - Var/2) = c1 (%.6g) at k = 1e4", c1);
  /* the bound holds at every k, and is tight to its factor 1/w~_min */
  for (double kb = 1; kb <= 1e6; kb *= 100)
    {
      double gap = iw_gauss_gap (&narrow, kb, IW_GAP_PRECISE, 0).value;
      double b = iw_gauss_gap_bound (&narrow, kb);
      tap_ok (gap <= b && (kb < 1e6 || gap >= 0.9 * b * iw_gauss_min (&narrow)),
              "narrow q: gap %.6g <= bound %.6g at k = %g", gap, b, kb);
    }
  /* the limit is 0, well inside the gap at 1e6 */
  quad_result d = iw_gauss_gap_limit (&narrow, 1e6);
  double g6 = iw_gauss_gap (&narrow, 1e6, IW_GAP_PRECISE, 0).value;
  tap_ok (fabs (d.value) <= d.abserr && d.abserr < 1e-3 * g6,
          "Richardson limit %.3g +- %.2g = 0 (gap at 1e6: %.3g)", d.value, d.abserr, g6);
}

/* iw_model: the 1-D model's evidence, posterior, proposal, weights and ELBO
   against their textbook forms. */
static void
test_model (void)
{
  double a = 1.5, s = 0.8, x = 2, shift = 0.5, c = 0.9;
  iw_model md;
  iw_model_init (&md, a, s, x, shift, c);
  double t = a * a + s * s, mu = a * x / t, v = s * s / t;
  tap_close (md.log_px, log (gsl_ran_gaussian_pdf (x, sqrt (t))), 1e-14,
             "iw_model: log p(x) = log N(x; 0, a^2 + s^2)");
  tap_close (md.mu, mu, 1e-15, "iw_model: posterior mean a x / (a^2 + s^2)");
  tap_close (md.v, v, 1e-15, "iw_model: posterior variance s^2 / (a^2 + s^2)");
  tap_close (md.m, mu + shift * sqrt (v), 1e-15, "iw_model: q's mean mu + shift sd");
  tap_close (md.vq, c * v, 1e-15, "iw_model: q's variance c v");
  tap_close (iw_gauss_moment (&md.g, 1), 1, 1e-14, "iw_model: E_q[w~] = 1");
  for (double z = -2; z <= 3; z += 2.5)
    {
      double lw = log (gsl_ran_gaussian_pdf (x - a * z, s))
        + log (gsl_ran_gaussian_pdf (z, 1))
        - log (gsl_ran_gaussian_pdf (z - md.m, sqrt (md.vq)));
      tap_close (iw_log_weight_at (&md.f, z, NULL), lw, 1e-13,
                 "iw_model: log w(%g) = log p(x|z) + log p(z) - log q(z)", z);
    }
  double kl = normal_kl (md.m, sqrt (md.vq), mu, sqrt (v));
  estimate elbo = iw_model_elbo (&md);
  tap_close (elbo.value, md.log_px - kl, 1e-13 + elbo.err,
             "iw_model: ELBO = log p(x) - KL(q || p(z|x))");
  double z[3] = { -2, 0.5, 3 }, lw[3], size, top = -INFINITY, most = 0;
  double got = iw_log_weights (&md.f, z, 3, lw, &size);
  int same = 1;
  for (int i = 0; i < 3; i++)
    {
      double sz, l = iw_log_weight_at (&md.f, z[i], &sz);
      same &= l == lw[i];
      top = fmax (top, l), most = fmax (most, sz);
    }
  tap_ok (same && got == top && size == most,
          "iw_log_weights: each iw_log_weight_at, their largest (%g) and largest size (%g)",
          top, most);
  iw_model post;
  iw_model_init (&post, a, s, x, 0, 1);
  tap_ok (post.m == post.mu && post.vq == post.v,
          "iw_model: shift 0, c 1 is the posterior exactly");
}

/* p(x, h) of the model in test_draw_weights */
static double
joint_density (double h, void *params)
{
  const iw_model *md = params;
  return exp (normal_log_pdf (md->x, md->a * h, md->s) + normal_log_pdf (h, 0, 1));
}

/* One draw's quantities: the log mean weight and the scaled weights
   against the weights from lib/normal's densities, the subset mean
   against hand sums, the model integral of p(x, h) against p(x). */
static void
test_draw_weights (void)
{
  iw_model md;
  iw_model_init (&md, 1.5, 0.8, 2.0, 0.5, 0.9);
  double z[4] = { -0.3, 1.1, 0.4, 2.5 }, w[4], sum = 0, top = 0;
  for (int i = 0; i < 4; i++)
    {
      w[i] = exp (normal_log_pdf (md.x, md.a * z[i], md.s) + normal_log_pdf (z[i], 0, 1)
                  - normal_log_pdf (z[i], md.m, sqrt (md.vq)));
      sum += w[i], top = fmax (top, w[i]);
    }
  double bound, got = iw_log_mean_weight (&md.f, z, 4, 3.0, &bound);
  tap_close (got, log (sum / 3), 1e-13, "log (1/3) sum of 4 weights");
  tap_ok (bound > 0 && bound < 1e-13, "its rounding bound %.3g", bound);
  double a[4], size, lt = iw_scaled_weights (&md.f, z, 4, a, &size);
  tap_close (lt, log (top), 1e-13, "scaled weights: log of the largest weight");
  for (int i = 0; i < 4; i++)
    tap_close (a[i], w[i] / top, 1e-13, "scaled weight %d = w / max w", i);
  /* k = 2 of (1, 2, 3): subsets {1,2}, {1,3}, {2,3}, sums 3, 4, 5 */
  double b3[3] = { 1, 2, 3 }, b4[4] = { 1, 2, 3, 4 };
  tap_close (iw_subset_mean (b3, 2, 2), 2, 4 * DBL_EPSILON, "subset mean (3 + 4 + 5) / 2 / 3");
  tap_close (iw_subset_mean (b3, 2, 3), 4.0 / 3, 4 * DBL_EPSILON, "subset mean, denominator 3");
  /* k = 3 of (1, 2, 3, 4): sums 6, 7, 8, 9 over 3, averaged: 10 / 4 */
  tap_close (iw_subset_mean (b4, 3, 3), 2.5, 4 * DBL_EPSILON, "subset mean, k = 3");
  quad_result px = iw_model_integral (&md, joint_density, &md);
  tap_close (px.value, exp (md.log_px), px.abserr + 1e-14, "model integral of p(x, h) = p(x)");
}

int
main (void)
{
  /* wide (bounded ratio), narrow (vq < v), and one off to the side */
  static const iw_gauss G[] = {
    {0.3, 0.5, 1.0, 1.5}, {-0.2, 1.0, 0.3, 0.9}, {1.0, 2.0, -0.5, 1.2},
  };
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261122);
  for (size_t i = 0; i < sizeof G / sizeof G[0]; i++)
    {
      const iw_gauss *g = &G[i];
      tap_close (iw_gauss_moment (g, 0), 1, 16 * DBL_EPSILON, "g%zu: E_q[w~^0] = 1", i);
      tap_close (iw_gauss_moment (g, 1), 1, 16 * DBL_EPSILON, "g%zu: E_q[w~] = 1", i);
      for (double n = 2; n <= 3; n++)
        {
          moment_arg a = { g, n };
          double want = iw_gauss_moment (g, n);
          if (!isfinite (want))
            {
              tap_ok (n / g->v + (1 - n) / g->vq <= 0, "g%zu: E_q[w~^%g] = inf only when its form is not positive", i, n);
              continue;
            }
          quad_result q = quad_real_line_at (moment_integrand, &a, g->m, sqrt (g->vq));
          tap_close (want, q.value, q.abserr + 64 * DBL_EPSILON * want,
                     "g%zu: E_q[w~^%g] = quadrature", i, n);
        }
      if (g->vq < g->v)
        {
          /* the grid's least w~ is >= the minimum and, at spacing 1e-4
             near it (w~ smooth, second derivative O(1)), within 1e-6 */
          double least = INFINITY;
          for (double z = g->m - 20; z <= g->m + 20; z += 1e-4)
            least = fmin (least, exp (log_wtilde (g, z)));
          double w_min = iw_gauss_min (g);
          tap_ok (least >= w_min * (1 - 1e-12) && least - w_min <= 1e-6 * (1 + w_min),
                  "g%zu: min w~ = %.12g, the grid's least %.12g", i, w_min, least);
        }
      /* k = 1: the gap is KL(q || target) */
      quad_result g1 = iw_gauss_gap (g, 1, IW_GAP_FOR_MC, 0);
      double kl = normal_kl (g->m, sqrt (g->vq), g->mu, sqrt (g->v));
      tap_close (g1.value, kl, g1.abserr + 1e-13, "g%zu: gap(k = 1) = KL(q || p)", i);
      /* k = 2, 5 against Monte Carlo, 6 standard errors */
      for (int k = 2; k <= 5; k += 3)
        {
          double mean, se;
          gap_mc (r, g, k, 400000, &mean, &se);
          quad_result gk = iw_gauss_gap (g, k, IW_GAP_FOR_MC, 0);
          tap_close (gk.value, mean, gk.abserr + 6 * se,
                     "g%zu: gap(k = %d) = Monte Carlo (%.6g ± %.2g)", i, k, mean, se);
          tap_ok (gk.value < g1.value, "g%zu: gap(k = %d) < gap(1)", i, k);
        }
      /* large k: k gap -> Var(w~)/2 + c1/k, c1 = 3 m2^2/4 - m3/3 */
      double e2 = iw_gauss_moment (g, 2), e3 = iw_gauss_moment (g, 3);
      if (isfinite (e3))
        {
          double m2 = e2 - 1, m3 = e3 - 3 * e2 + 2, c1 = 0.75 * m2 * m2 - m3 / 3;
          double k = 1e6;
          quad_result gk = iw_gauss_gap (g, k, IW_GAP_PRECISE, 0);
          tap_close (k * gk.value, m2 / 2, k * gk.abserr + 2 * fabs (c1) / k,
                     "g%zu: k gap(k = 1e6) = Var(w~)/2 (delta method)", i);
        }
    }
  /* q = the target: every weight is 1, the gap 0 */
  iw_gauss same = { 0.4, 0.7, 0.4, 0.7 };
  quad_result g0 = iw_gauss_gap (&same, 4, IW_GAP_FOR_MC, 1e-14);
  tap_close (g0.value, 0, g0.abserr + 1e-14, "q = target: gap 0");
  test_appended (r);
  test_model ();
  test_draw_weights ();
  gsl_rng_free (r);
  return tap_done ();
}
