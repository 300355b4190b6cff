/* test_recog_point.c -- lib/recog_point: a point's (θ, φ, x) unpacked and
 * its densities against hand-worked formulas, the posterior against
 * lib/recog's precision form (another route than lingauss_posterior), and
 * Bayes' rule log p(x|z) + log p(z) - log p(z|x) = log p(x) with log p(x)
 * from GSL's multivariate Gaussian log-density at C = W Wᵀ + s² I.  The
 * draws are checked by hand at given normals and, averaged over 200000
 * Gaussian normals, against lib/recog's closed forms: the wake draw's
 * log p(x, z) - log q against the ELBO, the sleep draw's log q(z|x)
 * against the sleep objective.  Negative controls: q_φ in place of the
 * posterior breaks Bayes' rule, and the sleep draw's noise-free x misses
 * the sleep objective by many standard errors. */
#include "recog_point.h"
#include "normal.h"
#include "tap.h"

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <math.h>

#define N_MC 200000

/* W, b, s², a, c, τ², x */
static const double V[RECOG_POINT_N] = {
  1.2, -0.7, 0.5, -1.0, 0.5, 0.3, -0.2, 0.4, 0.35, 0.8, -1.3
};

/* W prepared in place at V (a copy's lingauss would point into W) */
static void
prepare (recog_point * w)
{
  point p = { .n = RECOG_POINT_N };
  for (int i = 0; i < RECOG_POINT_N; i++)
    p.v[i] = V[i];
  recog_point_prepare (&p, w);
}

/* log N(x; b, W Wᵀ + s² I) by GSL, a route that shares nothing with lib/lingauss */
static double
gsl_log_evidence (void)
{
  double c[4] = { V[0] * V[0] + V[4], V[0] * V[1], V[0] * V[1], V[1] * V[1] + V[4] }, lp;
  gsl_matrix_view cm = gsl_matrix_view_array (c, 2, 2);
  gsl_vector_const_view x = gsl_vector_const_view_array (V + 9, 2);
  gsl_vector_const_view b = gsl_vector_const_view_array (V + 2, 2);
  gsl_vector *work = gsl_vector_alloc (2);
  gsl_linalg_cholesky_decomp1 (&cm.matrix);
  gsl_ran_multivariate_gaussian_log_pdf (&x.vector, &b.vector, &cm.matrix, &lp, work);
  gsl_vector_free (work);
  return lp;
}

static void
test_prepare (void)
{
  recog_point w;
  prepare (&w);
  tap_ok (w.t.w[0] == V[0] && w.t.w[1] == V[1] && w.t.b[0] == V[2] && w.t.b[1] == V[3]
          && w.t.s2 == V[4], "θ = (W, b, s²) from v[0..4]");
  tap_ok (w.f.a[0] == V[5] && w.f.a[1] == V[6] && w.f.c == V[7] && w.f.tau2 == V[8]
          && w.x[0] == V[9] && w.x[1] == V[10], "φ = (a, c, τ²) from v[5..8], x from v[9..10]");
  tap_close (w.qm, 0.3 * 0.8 + 0.2 * 1.3 + 0.4, 1e-15, "q's mean a·x + c = 0.9 by hand");
  recog_phi post = recog_posterior (&w.t);
  tap_close (w.pv, 1 / (1 + (1.44 + 0.49) / 0.5), 1e-15, "posterior variance 1/4.86 by hand");
  tap_close (w.pv, post.tau2, 1e-15, "posterior variance = recog_posterior's τ*²");
  tap_close (w.pm, recog_mean (&post, w.x), 1e-14, "posterior mean = a*·x + c* (recog_posterior)");
}

static void
test_densities (void)
{
  recog_point w;
  prepare (&w);
  double lpx = gsl_log_evidence (), worst_bayes = 0, least_wrong = INFINITY;
  for (double z = -1.5; z <= 1.5; z += 0.75)
    {
      double q = -0.5 * log (2 * M_PI * V[8]) - (z - w.qm) * (z - w.qm) / (2 * V[8]), lik = 0;
      for (int j = 0; j < 2; j++)
        {
          double r = V[9 + j] - V[j] * z - V[2 + j];
          lik += -0.5 * log (2 * M_PI * V[4]) - r * r / (2 * V[4]);
        }
      tap_close (recog_point_log_q (&w, z), q, 1e-14, "log q_φ(z|x) at z = %g by hand", z);
      tap_close (recog_point_log_lik (&w, z), lik, 1e-13, "log p_θ(x|z) at z = %g by hand", z);
      double prior = normal_log_pdf (z, 0, 1), lik_z = recog_point_log_lik (&w, z);
      worst_bayes = fmax (worst_bayes, fabs (lik_z + prior - recog_point_log_post (&w, z) - lpx));
      least_wrong = fmin (least_wrong, fabs (lik_z + prior - recog_point_log_q (&w, z) - lpx));
    }
  tap_ok (worst_bayes < 1e-13, "Bayes: log p(x|z) + log p(z) - log p(z|x) = GSL's log p(x)"
          " at 5 z (worst %.2g)", worst_bayes);
  tap_ok (least_wrong > 1e-2, "negative control: q_φ for the posterior breaks Bayes' rule"
          " at every z (by at least %.3g)", least_wrong);
}

static void
test_draws_by_hand (void)
{
  recog_point w;
  prepare (&w);
  double e[3] = { 0.7, -0.4, 1.1 }, x[5];
  recog_point_wake_draw (NULL, &w, e, x);
  tap_ok (x[1] == 0.7 && x[0] == w.qm + sqrt (V[8]) * 0.7, "wake draw [qm + τ e0, e0]");
  recog_point_sleep_draw (NULL, &w, e, x);
  int ok = x[0] == 0.7;
  for (int j = 0; j < 2; j++)
    ok &= x[3 + j] == V[j] * 0.7 + V[2 + j] && x[1 + j] == x[3 + j] + sqrt (V[4]) * e[1 + j];
  tap_ok (ok, "sleep draw [z, W z + b + s e, W z + b]");
  tap_ok (recog_point_sleep_dim (NULL) == 3, "the sleep draw takes 3 normals");
}

/* The mean of H over N_MC draws and its standard error */
typedef struct { double s, s2; } moments;

static void
add (moments * m, double h)
{
  m->s += h, m->s2 += h * h;
}

static double
se (const moments * m)
{
  double mean = m->s / N_MC;
  return sqrt ((m->s2 / N_MC - mean * mean) / N_MC);
}

static void
test_draws_on_average (void)
{
  recog_point w;
  prepare (&w);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  moments wake = { 0, 0 }, sleep = { 0, 0 }, noise_free = { 0, 0 };
  for (int i = 0; i < N_MC; i++)
    {
      double e[3], x[5];
      for (int k = 0; k < 3; k++)
        e[k] = gsl_ran_gaussian (r, 1);
      recog_point_wake_draw (NULL, &w, e, x);
      add (&wake, lingauss_log_joint (&w.m, w.x, x[0]) - recog_point_log_q (&w, x[0]));
      recog_point_sleep_draw (NULL, &w, e, x);
      add (&sleep, normal_log_pdf (x[0], recog_mean (&w.f, x + 1), sqrt (w.f.tau2)));
      add (&noise_free, normal_log_pdf (x[0], recog_mean (&w.f, x + 3), sqrt (w.f.tau2)));
    }
  gsl_rng_free (r);
  double elbo = recog_elbo (&w.t, &w.f, w.x), so = recog_sleep_objective (&w.t, &w.f);
  tap_close (wake.s / N_MC, elbo, 5 * se (&wake), "wake draws: E[log p(x, z) - log q] = the"
             " ELBO %.6g within 5 SE", elbo);
  tap_close (sleep.s / N_MC, so, 5 * se (&sleep), "sleep draws: E[log q(z|x)] = the sleep"
             " objective %.6g within 5 SE", so);
  tap_ok (fabs (noise_free.s / N_MC - so) > 20 * se (&noise_free), "negative control: the"
          " noise-free x misses it by %.3g (> 20 SE)", fabs (noise_free.s / N_MC - so));
}

int
main (void)
{
  test_prepare ();
  test_densities ();
  test_draws_by_hand ();
  test_draws_on_average ();
  return tap_done ();
}
