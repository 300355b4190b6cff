/* test_recog.c -- the linear-Gaussian recognition model of lib/recog
   against lib/lingauss (posterior, ELBO, evidence), Monte Carlo (the
   inclusive KL, the sleep objective, E[F']), finite differences
   (lib/gradcheck) and the Gaussian maximum likelihood. */
#include "recog.h"
#include "gradcheck.h"
#include "lingauss.h"
#include "mc.h"
#include "normal.h"
#include "tap.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

static const recog_theta THETA = { {1.2, -0.7}, {0.5, -1.0}, 0.5 };
static const recog_phi PHI = { {0.3, -0.2}, 0.4, 0.35 };

static double
elbo_of_theta (const gsl_vector * v, void *params)
{
  const struct { const recog_phi *p; const recog_data *d; } *c = params;
  recog_theta t = recog_theta_from_vector (v);
  return recog_average_elbo (&t, c->p, c->d);
}

static void
elbo_gradient (const gsl_vector * v, void *params, gsl_vector * g)
{
  const struct { const recog_phi *p; const recog_data *d; } *c = params;
  recog_theta t = recog_theta_from_vector (v);
  recog_wake_gradient (&t, c->p, c->p->tau2, c->d, g);
}

/* log q_φ(z|x) at a hand-worked point: a·x + c = 0.3 - 0.4 + 0.4 = 0.3
   at x = (1, 2), so at z = 1 the residual is 0.7 and the log-density
   -½ log(2π 0.35) - 0.49/0.7; against GSL's density at that mean, and a
   q_φ at the wrong x (-x: mean 0.5) as the negative control. */
static void
test_log_q (void)
{
  const double x[RECOG_D] = { 1, 2 }, minus_x[RECOG_D] = { -1, -2 };
  double hand = -0.5 * log (2 * M_PI * 0.35) - 0.49 / 0.7;
  tap_close (recog_log_q (&PHI, 1, x), hand, 1e-14, "log q_φ(z|x) = the hand-worked value");
  tap_close (recog_log_q (&PHI, 1, x), log (gsl_ran_gaussian_pdf (0.7, sqrt (0.35))), 1e-14,
             "log q_φ(z|x) = log of GSL's N(0.7; 0, 0.35)");
  tap_ok (fabs (recog_log_q (&PHI, 1, minus_x) - hand) > 0.1,
          "and at -x (a wrong mean) it is not the hand-worked value");
}

static void
test_posterior (void)
{
  lingauss m = { RECOG_D, THETA.w, THETA.b, THETA.s2, 0, 1 };
  recog_phi post = recog_posterior (&THETA);
  double explained;
  recog_phi reg = recog_regression (&THETA, &explained);
  const double xs[3][2] = { {0, 0}, {1.5, -2}, {-3, 0.25} };
  for (int k = 0; k < 3; k++)
    {
      double mean, var;
      lingauss_posterior (&m, xs[k], &mean, &var);
      tap_close (recog_mean (&post, xs[k]), mean, 1e-14, "posterior mean = lingauss's, x %d", k);
      tap_close (recog_mean (&reg, xs[k]), mean, 1e-14, "regression mean = posterior's, x %d", k);
      tap_close (post.tau2, var, 1e-15, "posterior variance = lingauss's, x %d", k);
      estimate e = lingauss_elbo (&m, xs[k], 0.3 - k, 0.2 + k);
      recog_phi q = { {0, 0}, 0.3 - k, 0.2 + k };
      tap_close (recog_elbo (&THETA, &q, xs[k]), e.value, e.err + 1e-13,
                 "ELBO = lingauss_elbo, x %d", k);
    }
  tap_close (reg.tau2, post.tau2, 1e-15, "regression τ² = posterior's");
  tap_close (explained, 1 - post.tau2, 1e-15, "explained = 1 - τ*²");
  tap_close (recog_inclusive_kl (&THETA, &post), 0, 1e-15, "inclusive KL 0 at the posterior");
}

/* E_x KL(p(z|x) || q(z|x)), E_{z,x}[log q(z|x)] and E_x[-log p(x) + KL]
   by Monte Carlo over (z, x) ~ p_θ, within 5 standard errors. */
static void
test_monte_carlo (gsl_rng * r)
{
  lingauss m = { RECOG_D, THETA.w, THETA.b, THETA.s2, 0, 1 };
  mc_acc kl, lq, fp;
  mc_init (&kl), mc_init (&lq), mc_init (&fp);
  for (int i = 0; i < 200000; i++)
    {
      double z, x[RECOG_D], mean, var;
      recog_sample (r, &THETA, &z, x);
      lingauss_posterior (&m, x, &mean, &var);
      double qm = recog_mean (&PHI, x), d = mean - qm;
      double k = 0.5 * (var / PHI.tau2 + d * d / PHI.tau2 - 1 + log (PHI.tau2 / var));
      mc_add (&kl, k);
      mc_add (&lq, normal_log_pdf (z, qm, sqrt (PHI.tau2)));
      mc_add (&fp, k - lingauss_log_evidence (&m, x).value);
    }
  tap_close (recog_inclusive_kl (&THETA, &PHI), mc_mean (&kl), 5 * mc_se (&kl),
             "inclusive KL = Monte Carlo");
  tap_close (recog_sleep_objective (&THETA, &PHI), mc_mean (&lq), 5 * mc_se (&lq),
             "sleep objective = Monte Carlo");
  tap_close (recog_expected_fprime (&THETA, &PHI), mc_mean (&fp), 5 * mc_se (&fp),
             "E[F'] = Monte Carlo");
  tap_ok (5 * mc_se (&kl) < 0.02 * mc_mean (&kl), "the KL's Monte Carlo resolves 2%%");
}

static void
test_gradients (gsl_rng * r)
{
  recog_data d = recog_data_sample (r, &THETA, 300);
  struct { const recog_phi *p; const recog_data *d; } c = { &PHI, &d };
  gsl_vector *v = gsl_vector_alloc (RECOG_N_THETA), *u = gsl_vector_alloc (RECOG_N_PHI);
  gsl_vector *g = gsl_vector_alloc (RECOG_N_THETA);
  recog_theta_to_vector (&THETA, v);
  recog_theta back = recog_theta_from_vector (v);
  tap_ok (back.w[1] == THETA.w[1] && back.b[0] == THETA.b[0]
          && fabs (back.s2 - THETA.s2) < 1e-16, "θ through its vector");
  gradcheck_options o = { 1.0, 0, 0, 0 };
  gradcheck_report rep;
  gradcheck_verify (elbo_of_theta, elbo_gradient, &c, v, &o, &rep);
  tap_ok (rep.n_bad == 0, "wake gradient = finite differences (worst %.3g)", rep.worst_ratio);
  /* the same objective as a lib function of θ's vector; with τ² dropped from ∂/∂W it fails */
  recog_wake w = { &d, PHI, PHI.tau2 };
  gsl_vector *g2 = gsl_vector_alloc (RECOG_N_THETA);
  elbo_gradient (v, &c, g);
  recog_wake_neg_grad_fn (v, &w, g2);
  tap_ok (recog_wake_fn (v, &w) == elbo_of_theta (v, &c)
          && recog_wake_neg_fn (v, &w) == -elbo_of_theta (v, &c)
          && gsl_vector_get (g2, 0) == -gsl_vector_get (g, 0)
          && gsl_vector_get (g2, 4) == -gsl_vector_get (g, 4),
          "recog_wake_fn, _neg_fn, _neg_grad_fn: L, -L and -∇L");
  gradcheck_verify (recog_wake_fn, recog_wake_grad_fn, &w, v, &o, &rep);
  tap_ok (rep.n_bad == 0, "recog_wake_grad_fn = finite differences (worst %.3g)", rep.worst_ratio);
  w.tau2_w = 0;
  gradcheck_verify (recog_wake_fn, recog_wake_grad_fn, &w, v, &o, &rep);
  tap_ok (rep.n_bad > 0, "and without τ² in ∂/∂W it is not");
  gsl_vector_free (g2);
  recog_phi_to_vector (&PHI, u);
  gradcheck_verify (recog_inclusive_kl_fn, recog_inclusive_kl_grad_fn, (void *) &THETA, u, &o,
                    &rep);
  tap_ok (rep.n_bad == 0, "inclusive KL gradient = finite differences (worst %.3g)",
          rep.worst_ratio);
  /* the M-step is stationary for L; the sampled wake step is not */
  recog_theta star = recog_mstep (&d, &PHI, PHI.tau2, (double) (d.n * RECOG_D));
  recog_theta_to_vector (&star, v);
  elbo_gradient (v, &c, g);
  tap_ok (gsl_blas_dnrm2 (g) < 1e-10, "∇L = 0 at the M-step (|∇| %.3g)", gsl_blas_dnrm2 (g));
  recog_theta ws = recog_wake_step (r, &d, &PHI);
  recog_theta_to_vector (&ws, v);
  elbo_gradient (v, &c, g);
  tap_ok (gsl_blas_dnrm2 (g) > 1e-3, "∇L != 0 after a sampled wake step");
  free (d.x);
  gsl_vector_free (v), gsl_vector_free (u), gsl_vector_free (g);
}

/* The sleep fit recovers the posterior; the Gaussian maximum likelihood is
   reached by θ = (√(λ1 - λ2) e1, x̄, λ2) from S's eigenpairs. */
static void
test_fits (gsl_rng * r)
{
  double inv[RECOG_D + 1], z_var;
  recog_phi post = recog_posterior (&THETA);
  recog_phi fit = recog_sleep_fit (r, &THETA, 100000, inv, &z_var);
  double sd = sqrt (post.tau2);
  tap_close (fit.a[0], post.a[0], 5 * sd * sqrt (inv[0]), "sleep fit a0 = a*0");
  tap_close (fit.c, post.c, 5 * sd * sqrt (inv[RECOG_D]), "sleep fit c = c*");
  tap_close (fit.tau2, post.tau2, 0.02 * post.tau2, "sleep fit τ² = τ*²");
  tap_close (z_var, 1, 0.03, "z's sample variance = 1");

  recog_data d = recog_data_sample (r, &THETA, 500);
  double mean[2] = { 0, 0 }, s[4] = { 0, 0, 0, 0 }, n = (double) d.n;
  for (size_t i = 0; i < d.n; i++)
    mean[0] += d.x[i][0] / n, mean[1] += d.x[i][1] / n;
  for (size_t i = 0; i < d.n; i++)
    for (int j = 0; j < 2; j++)
      for (int k = 0; k < 2; k++)
        s[2 * j + k] += (d.x[i][j] - mean[j]) * (d.x[i][k] - mean[k]) / n;
  gsl_matrix_view sm = gsl_matrix_view_array (s, 2, 2);
  gsl_vector *eval = gsl_vector_alloc (2);
  gsl_matrix *evec = gsl_matrix_alloc (2, 2);
  gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc (2);
  gsl_eigen_symmv (&sm.matrix, eval, evec, ws);
  gsl_eigen_symmv_sort (eval, evec, GSL_EIGEN_SORT_VAL_DESC);
  double l1 = gsl_vector_get (eval, 0), l2 = gsl_vector_get (eval, 1), w = sqrt (l1 - l2);
  recog_theta mle = { {w * gsl_matrix_get (evec, 0, 0), w * gsl_matrix_get (evec, 1, 0)},
                      {mean[0], mean[1]}, l2 };
  double top = recog_max_log_lik (&d);
  tap_close (recog_average_log_lik (&mle, &d), top, 1e-12, "maximum log-likelihood reached");
  tap_ok (recog_average_log_lik (&THETA, &d) < top, "the true θ does not exceed the maximum");
  gsl_eigen_symmv_free (ws), gsl_matrix_free (evec), gsl_vector_free (eval);
  free (d.x);
}

/* the random models replay the generator in their stated order */
static void
test_random_models (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937), *r2 = gsl_rng_alloc (gsl_rng_mt19937);
  recog_theta t = recog_theta_perturb (r, &THETA, 0.3);
  int ok = 1;
  for (int j = 0; j < RECOG_D; j++)
    {
      ok &= t.w[j] == THETA.w[j] + gsl_ran_gaussian (r2, 0.3);
      ok &= t.b[j] == THETA.b[j] + gsl_ran_gaussian (r2, 0.3);
    }
  ok &= t.s2 == THETA.s2 * exp (gsl_ran_gaussian (r2, 0.3));
  tap_ok (ok, "perturbed θ: w_j, b_j by N(0, 0.3²) in order, s² by exp N(0, 0.3²)");
  recog_phi p = recog_phi_random (r);
  double a0 = gsl_ran_gaussian (r2, 0.5), a1 = gsl_ran_gaussian (r2, 0.5);
  double c = gsl_ran_gaussian (r2, 0.5), tau2 = gsl_ran_flat (r2, 0.2, 0.6);
  tap_ok (p.a[0] == a0 && p.a[1] == a1 && p.c == c && p.tau2 == tau2 && tau2 >= 0.2 && tau2 < 0.6,
          "random φ: a, c ~ N(0, 0.5²), τ² on [0.2, 0.6]");
  gsl_rng_free (r);
  gsl_rng_free (r2);
}

int
main (void)
{
  test_random_models ();
  test_log_q ();
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261201);
  test_posterior ();
  test_monte_carlo (r);
  test_gradients (r);
  test_fits (r);
  gsl_rng_free (r);
  return tap_done ();
}
