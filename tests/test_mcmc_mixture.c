/* test_mcmc_mixture.c -- lib/mcmc_mixture.c against independent values.
 *
 * The exact moments of gmm_alloc_mcmc_example (1) against a hand
 * computation from its components (Σ_j w_j μ_j, Σ_j w_j (Σ_j + μ_j μ_jᵀ)),
 * the target against gmm_log_pdf, and the pooled chains: with exact i.i.d.
 * draws from each component as the "sampler" the weighted pool is exact,
 * so its averages must match the moments within a few standard errors;
 * unweighted pooling (the mistake the weights prevent) must not.
 * mcmc_mixture_run_hmc is the run of mcmc_mixture_hmc_chain it stands for,
 * at a twin generator; mcmc_mixture_target_scaled is the target at scale 1
 * and its gradient times the scale by hand otherwise. */
#include "errors.h"
#include "mcmc_mixture.h"
#include "rng.h"
#include "fixture_harness.h"
#include "tap.h"

#include <gsl/gsl_math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* exact draws from the chain's own component: the kernel "jump to a fresh
   draw of component c / 2", which preserves that component, so the pool
   weighted by w_j / 2 has law π */
static double
fresh_draws (const gsl_rng * r, size_t c, const gsl_vector * x0, gsl_matrix * rows, void *params)
{
  const gmm *g = params;
  (void) x0;
  gsl_vector *x = gsl_vector_alloc (2);
  for (size_t i = 0; i < rows->size1; i++)
    {
      mvn_sample (r, g->comp[c / 2], x);
      gsl_matrix_set_row (rows, i, x);
    }
  gsl_vector_free (x);
  return 0.5;
}

/* exact draws from the whole mixture: chains that mix at once */
static double
mixing_draws (const gsl_rng * r, size_t c, const gsl_vector * x0, gsl_matrix * rows, void *params)
{
  (void) c, (void) x0;
  gsl_vector *x = gsl_vector_alloc (2);
  for (size_t i = 0; i < rows->size1; i++)
    {
      gmm_sample (r, params, x);
      gsl_matrix_set_row (rows, i, x);
    }
  gsl_vector_free (x);
  return 0.5;
}

/* mcmc_mixture_check_moments inside a claim of its own (TAP to /dev/null): chains that mix
   hold against the exact moments and fail against moments off by 0.05 in E x1; chains that
   never cross are inconclusive.  mcmc_mixture_check_gradient: the target's gradient holds, the
   gradient scaled by 1.001 does not. */
#define C(id) {id, "harness", "", REL_EQ, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = {
  C ("good"), C ("off"), C ("stuck"), C ("grad"), C ("grad_bad"),
};
static const claim CLAIM = {
  .slug = "test_mcmc_mixture", .title = "", .claim = "", .sources = "", .checks = CHECKS,
  .n_checks = COUNT_OF (CHECKS), .samples_default = 1000, .samples_quick = 1000,
  .figure_caption = "",
};

static void
scaled_grad (const gsl_vector * x, gsl_vector * grad, void *params)
{
  gmm_target_grad_log_pdf (x, grad, params);
  gsl_vector_scale (grad, 1.001);
}

static void
test_check_moments (const gsl_rng * r, const gmm * g, const double *m)
{
  double off[MCMC_MIXTURE_N_MOMENTS];
  memcpy (off, m, sizeof off);
  off[0] += 0.05;
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  mcmc_mixture_run run, stuck;
  mcmc_mixture_run_chains (r, g, 6, 20000, mixing_draws, (void *) g, &run);
  mcmc_mixture_run_chains (r, g, 6, 20000, fresh_draws, (void *) g, &stuck);
  mcmc_mixture_check_moments (h, "good", &run, m);
  mcmc_mixture_check_moments (h, "off", &run, off);
  mcmc_mixture_check_moments (h, "stuck", &stuck, m);
  gmm_target tp = { g, 1.0, gsl_vector_alloc (2) };
  mcmc_target t = mcmc_mixture_target (&tp), bad = t;
  bad.grad_log_density = scaled_grad;
  mcmc_mixture_check_gradient (h, "grad", r, g, &t, 20);
  mcmc_mixture_check_gradient (h, "grad_bad", r, g, &bad, 20);
  gsl_vector_free (tp.work);
  fixture_harness_loud (&f);
  tap_ok (fixture_result (h, "good")->held == 1 && fixture_result (h, "good")->n_points == 5,
          "check_moments: chains that mix hold at the 5 moments");
  tap_ok (fixture_result (h, "off")->held == 0, "check_moments: E x1 off by 0.05 fails");
  tap_ok (fixture_result (h, "stuck")->inconclusive,
          "check_moments: chains that never cross are inconclusive");
  tap_ok (fixture_result (h, "grad")->held == 1 && fixture_result (h, "grad")->n_points == 40,
          "check_gradient: the target's gradient holds at 20 points, 2 coordinates");
  tap_ok (fixture_result (h, "grad_bad")->held == 0, "check_gradient: the gradient times 1.001 fails");
  fixture_harness_end (&f);
  mcmc_mixture_run_free (&run);
  mcmc_mixture_run_free (&stuck);
}

/* mcmc_mixture_run_hmc against mcmc_mixture_run_chains of mcmc_mixture_hmc_chain at a twin
   generator: the same draws and energy errors, bit for bit; with ε 1% larger they differ
   (negative control: the comparison sees the options) */
static void
test_run_hmc (const gmm * g, const mcmc_target * t)
{
  mcmc_hmc_options o = { 0.4, 10, 0.2 }, wider = { 0.404, 10, 0.2 };
  gsl_rng *r = rng_new (7), *twin = rng_new (7), *other = rng_new (7);
  mcmc_mixture_run run, want, off;
  double *energy = mcmc_mixture_run_hmc (r, g, 3, 200, t, &o, &run);
  double *e_want = xmalloc (3 * 200 * sizeof *e_want);
  mcmc_mixture_hmc hp = { t, o, e_want };
  mcmc_mixture_run_chains (twin, g, 3, 200, mcmc_mixture_hmc_chain, &hp, &want);
  double *e_off = mcmc_mixture_run_hmc (other, g, 3, 200, t, &wider, &off);
  size_t bytes = 3 * 200 * sizeof (double);
  tap_ok (gsl_matrix_equal (run.draws, want.draws) && memcmp (energy, e_want, bytes) == 0
          && run.acceptance == want.acceptance,
          "run_hmc: the chains of mcmc_mixture_hmc_chain, bit for bit");
  tap_ok (!gsl_matrix_equal (run.draws, off.draws) && memcmp (energy, e_off, bytes) != 0,
          "run_hmc with ε 1%% larger: other draws and energies (negative control)");
  mcmc_mixture_run_free (&run);
  mcmc_mixture_run_free (&want);
  mcmc_mixture_run_free (&off);
  free (energy);
  free (e_want);
  free (e_off);
  gsl_rng_free (r);
  gsl_rng_free (twin);
  gsl_rng_free (other);
}

int
main (void)
{
  gmm *g = gmm_alloc_mcmc_example (1.0);
  double m[MCMC_MIXTURE_N_MOMENTS];
  mcmc_mixture_exact_moments (g, m);
  /* by hand: weights 0.45, 0.35, 0.2; means (-1.6, -0.4), (1.6, 0.6), (0.1, 2) */
  double want[MCMC_MIXTURE_N_MOMENTS] = {
    0.45 * -1.6 + 0.35 * 1.6 + 0.2 * 0.1,
    0.45 * -0.4 + 0.35 * 0.6 + 0.2 * 2.0,
    0.45 * (0.55 + 2.56) + 0.35 * (0.45 + 2.56) + 0.2 * (0.70 + 0.01),
    0.45 * (0.25 + 0.64) + 0.35 * (-0.20 + 0.96) + 0.2 * (0.0 + 0.2),
    0.45 * (0.45 + 0.16) + 0.35 * (0.60 + 0.36) + 0.2 * (0.25 + 4.0),
  };
  for (size_t k = 0; k < MCMC_MIXTURE_N_MOMENTS; k++)
    tap_close (m[k], want[k], 1e-14, "exact E %s", mcmc_mixture_moment_names[k]);

  double f[MCMC_MIXTURE_N_MOMENTS], x[2] = { 1.5, -2 };
  mcmc_mixture_moments (x, f);
  tap_ok (f[0] == 1.5 && f[1] == -2 && f[2] == 2.25 && f[3] == -3 && f[4] == 4,
          "moment functions at (1.5, -2)");

  gmm_target tp = { g, 0.5, gsl_vector_alloc (2) };
  mcmc_target t = mcmc_mixture_target (&tp);
  gsl_vector_view xv = gsl_vector_view_array (x, 2);
  gsl_vector *work = gsl_vector_alloc (2), *grad = gsl_vector_alloc (2), *want_g = gsl_vector_alloc (2);
  tap_close (t.log_density (&xv.vector, t.params), 0.5 * gmm_log_pdf (g, &xv.vector, work),
             1e-15, "target: log p / T at T = 2");
  t.grad_log_density (&xv.vector, grad, t.params);
  gmm_grad_log_pdf (g, &xv.vector, want_g);
  tap_close (gsl_vector_get (grad, 1), 0.5 * gsl_vector_get (want_g, 1), 1e-15,
             "target: gradient / T at T = 2");
  tap_ok (t.d == 2, "target dimension");
  /* the scaled target: at 1 the target's own bit for bit; at 1.01 the gradient by hand (1.01 / T
     times gmm_grad_log_pdf), the density unchanged; not the target's own (negative control) */
  mcmc_mixture_scaled at1 = { &tp, 1 }, at101 = { &tp, 1.01 };
  mcmc_target ts1 = mcmc_mixture_target_scaled (&at1), ts101 = mcmc_mixture_target_scaled (&at101);
  gsl_vector *g1 = gsl_vector_alloc (2), *g101 = gsl_vector_alloc (2);
  ts1.grad_log_density (&xv.vector, g1, ts1.params);
  ts101.grad_log_density (&xv.vector, g101, ts101.params);
  tap_ok (ts1.log_density (&xv.vector, ts1.params) == t.log_density (&xv.vector, t.params)
          && gsl_vector_get (g1, 0) == gsl_vector_get (grad, 0)
          && gsl_vector_get (g1, 1) == gsl_vector_get (grad, 1) && ts1.d == 2,
          "scaled target at 1: the target's own, bit for bit");
  tap_close (gsl_vector_get (g101, 1), 1.01 * 0.5 * gsl_vector_get (want_g, 1), 1e-15,
             "scaled target at 1.01: gradient 1.01 / T times gmm_grad_log_pdf");
  tap_ok (ts101.log_density (&xv.vector, ts101.params) == t.log_density (&xv.vector, t.params),
          "scaled target at 1.01: the density unchanged");
  tap_ok (fabs (gsl_vector_get (g101, 0) - gsl_vector_get (grad, 0))
          > 0.005 * fabs (gsl_vector_get (grad, 0)),
          "scaled target at 1.01: not the target's gradient (negative control)");
  gsl_vector_free (g1);
  gsl_vector_free (g101);
  double z[4] = { 1.5, -2, 0.3, -1.1 };
  double want_h = -0.5 * gmm_log_pdf (g, &xv.vector, work) + 0.5 * (0.09 + 1.21);
  tap_close (mcmc_mixture_hamiltonian (z, &t), want_h, 1e-14,
             "hamiltonian: -log p / T + |p|²/2 at T = 2");

  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  /* phase points: q ~ π (its mean), p ~ N(0, I) (mean 0, E p² = 1), within 5 se of 1e5 draws */
  double s1[4] = { 0 }, s2[4] = { 0 }, np = 100000;
  for (int i = 0; i < np; i++)
    {
      mcmc_mixture_phase_point (r, g, z);
      for (int k = 0; k < 4; k++)
        s1[k] += z[k] / np, s2[k] += z[k] * z[k] / np;
    }
  tap_ok (fabs (s1[0] - m[0]) < 5 * sqrt (m[2] / np) && fabs (s1[1] - m[1]) < 5 * sqrt (m[4] / np),
          "phase point: q has the mixture's mean (%.4f, %.4f)", s1[0], s1[1]);
  tap_ok (fabs (s1[2]) < 5 / sqrt (np) && fabs (s1[3]) < 5 / sqrt (np)
          && fabs (s2[2] - 1) < 5 * sqrt (2 / np) && fabs (s2[3] - 1) < 5 * sqrt (2 / np),
          "phase point: p ~ N(0, I) (E p² = %.4f, %.4f)", s2[2], s2[3]);
  mcmc_mixture_run run;
  mcmc_mixture_run_chains (r, g, 6, 20000, fresh_draws, g, &run);
  tap_ok (run.draws->size1 == 120000 && run.n == 20000 && run.n_chains == 6,
          "six chains of 20000 draws");
  tap_close (run.acceptance, 0.5, 1e-15, "acceptance: the chains' mean");
  int weighted_ok = 1, plain_far = 0;
  for (size_t k = 0; k < MCMC_MIXTURE_N_MOMENTS; k++)
    {
      const ess_result *e = &run.moment[k];
      weighted_ok &= fabs (e->mean - m[k]) <= 5 * e->se;
      /* i.i.d. draws: ESS about the number of draws */
      tap_ok (e->ess > 0.8 * 120000 && e->ess < 1.2 * 120000, "ESS of E %s is %.0f, about n",
              mcmc_mixture_moment_names[k], e->ess);
      double plain = 0;
      for (size_t i = 0; i < run.draws->size1; i++)
        {
          double fi[MCMC_MIXTURE_N_MOMENTS];
          mcmc_mixture_moments (gsl_matrix_const_ptr (run.draws, i, 0), fi);
          plain += fi[k] / (double) run.draws->size1;
        }
      plain_far |= fabs (plain - m[k]) > 20 * e->se;
    }
  tap_ok (weighted_ok, "the weighted pool matches the exact moments within 5 se");
  tap_ok (plain_far, "the unweighted pool does not (the weights matter)");
  /* chains that never leave their component: R-hat must say so */
  tap_ok (run.rhat > 1.1, "split R-hat %.4f of chains that never cross", run.rhat);
  char why[160];
  tap_ok (!mcmc_mixture_mixed (&run, why, sizeof why) && strstr (why, "did not mix"), "so they did not mix: %s", why);
  mcmc_mixture_run_free (&run);
  tap_ok (run.draws == NULL, "run freed");
  mcmc_mixture_run_chains (r, g, 6, 20000, mixing_draws, g, &run);
  tap_ok (run.rhat < 1.01, "split R-hat %.4f of chains that mix", run.rhat);
  tap_ok (mcmc_mixture_mixed (&run, why, sizeof why), "and they mixed");
  mcmc_mixture_run_free (&run);
  mcmc_mixture_run_chains (r, g, 6, 30, mixing_draws, g, &run);
  tap_ok (!mcmc_mixture_mixed (&run, why, sizeof why), "6 chains of 30: %s", why);
  mcmc_mixture_run_free (&run);

  /* HMC chains on the mixture itself: the pool's averages are the moments */
  tp.inv_temperature = 1;
  double *energy = malloc (6 * 3000 * sizeof *energy);
  mcmc_mixture_hmc hp = { &t, { 0.4, 10, 0.2 }, energy };
  mcmc_mixture_run_chains (r, g, 6, 3000, mcmc_mixture_hmc_chain, &hp, &run);
  int hmc_ok = 1, finite = 1;
  for (size_t k = 0; k < MCMC_MIXTURE_N_MOMENTS; k++)
    hmc_ok &= fabs (run.moment[k].mean - m[k]) <= 5 * run.moment[k].se;
  for (size_t i = 0; i < 6 * 3000; i++)
    finite &= isfinite (energy[i]);
  tap_ok (hmc_ok, "HMC chains: averages within 5 se of the exact moments");
  tap_ok (run.acceptance > 0.5 && run.acceptance <= 1, "HMC acceptance %.3f", run.acceptance);
  tap_ok (finite, "every energy error recorded");
  mcmc_mixture_run_free (&run);
  free (energy);

  test_check_moments (r, g, m);
  test_run_hmc (g, &t);
  gsl_rng_free (r);
  gsl_vector_free (tp.work);
  gsl_vector_free (work);
  gsl_vector_free (grad);
  gsl_vector_free (want_g);
  gmm_free (g);
  return tap_done ();
}
