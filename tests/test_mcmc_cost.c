/* test_mcmc_cost.c -- lib/mcmc_cost against closed forms and hand-worked
 * tables.
 *
 * The summary, on a chain whose five averages have known ESS: two
 * independent stationary AR(1) coordinates, ρ1 = 0.8 and ρ2 = 0.5.  By
 * Isserlis' theorem x1², x1x2 and x2² have autocorrelations (ρ1²)^k,
 * (ρ1ρ2)^k and (ρ2²)^k, so all five averages have the exact τ_n of an
 * AR(1) chain (ar1_tau_exact) at ρ = 0.8, 0.5, 0.64, 0.4, 0.25, and the
 * exact standard errors √(Var · τ_n / n), Var = 1, 1, 2, 1, 2.  Geyer's
 * log ESS must lie within 4 of its own sd (twice ess_log_se_sd: log τ
 * against log se) plus 0.02 (its truncation bias), the batch-means log se
 * within 4 of its chi sd plus 0.05 (batches >= 20 τ bias it <= 5% low).
 * Negative control: the variant ESS = n (independence) puts E x1 a
 * factor τ ≈ 9 off, which the same comparison rejects, while the batch
 * counts stay those of the true τ.
 *
 * The cost arithmetic, the table and the timing lines on two hand-made
 * summaries, against values and text worked out by hand.  The MH and HMC
 * runs on the mixture against its exact moments (gmm_mean,
 * gmm_second_moment), with runs on a mixture twice as spread out as the
 * negative control.  Seeded: the same numbers every run. */
#include "mcmc_cost.h"
#include "ar1.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#define N 100000
static const double RHO[MCMC_COST_N_MOMENTS] = { 0.8, 0.5, 0.64, 0.4, 0.25 };
static const double VAR[MCMC_COST_N_MOMENTS] = { 1, 1, 2, 1, 2 };

static void ess_iid (ess_result * e) { e->ess = (double) e->n; }

/* Does E's ESS agree with the exact N / τ_n at RHO? */
static int
ess_agrees (const ess_result * e, double rho)
{
  double gap = log (e->ess / ((double) N / ar1_tau_exact (rho, N)));
  return fabs (gap) <= 4 * 2 * ess_log_se_sd (e) + 0.02;
}

static void
check_summary (const gsl_rng * r)
{
  gsl_matrix *chain = gsl_matrix_alloc (N, 2);
  double *x = malloc (N * sizeof *x);
  for (size_t j = 0; j < 2; j++)
    {
      ar1_chain (r, RHO[j], x, N);
      for (size_t i = 0; i < N; i++)
        gsl_matrix_set (chain, i, j, x[i]);
    }
  mcmc_stats st = { N, N / 2, 0.5, N, N / 4 };
  mcmc_cost s, wrong;
  mcmc_cost_summarise (&s, "AR(1)", chain, &st, mcmc_cost_cpu_seconds (), NULL);
  tap_ok (s.n == N && s.evaluations == N + N / 4 && s.acceptance == 0.5 && s.seconds >= 0
          && strcmp (s.name, "AR(1)") == 0, "the run's counts: n, evaluations, acceptance");
  for (size_t m = 0; m < MCMC_COST_N_MOMENTS; m++)
    {
      const ess_result *e = &s.moment[m];
      double tau = ar1_tau_exact (RHO[m], N), se = sqrt (VAR[m] * tau / N);
      size_t nb = s.n_batches[m];
      tap_ok (ess_agrees (e, RHO[m]), "E %s: ESS %.0f, exact %.0f (ρ = %g)",
              mcmc_mixture_moment_names[m], e->ess, N / tau, RHO[m]);
      tap_ok (nb >= 10 && nb <= 50 && fabs (log (s.batch_se[m] / se))
              <= 4 * ess_batch_log_se_sd (nb) + 0.05, "E %s: batch-means se %.5f "
              "(%zu batches), exact %.5f", mcmc_mixture_moment_names[m], s.batch_se[m], nb, se);
    }
  mcmc_cost_summarise (&wrong, "AR(1)", chain, &st, mcmc_cost_cpu_seconds (), ess_iid);
  tap_ok (!ess_agrees (&wrong.moment[0], RHO[0]) && wrong.moment[0].ess == N,
          "negative control: ESS = n for E x1 (τ ≈ 9) is rejected");
  tap_ok (memcmp (wrong.n_batches, s.n_batches, sizeof s.n_batches) == 0
          && wrong.batch_se[0] == s.batch_se[0], "the variant leaves the batch means alone");
  gsl_matrix_free (chain);
  free (x);
}

/* Two hand-made summaries: A has ESS 100..500 over 1000 draws and 4000
   evaluations (25..125 per 1000), B 500..100 over 2000 draws and 2000
   evaluations (250..50 per 1000). */
static void
hand_made (mcmc_cost * a, mcmc_cost * b)
{
  memset (a, 0, sizeof *a);
  memset (b, 0, sizeof *b);
  a->name = "A", a->n = 1000, a->evaluations = 4000, a->seconds = 0.5;
  b->name = "B", b->n = 2000, b->evaluations = 2000, b->seconds = 2;
  for (size_t m = 0; m < MCMC_COST_N_MOMENTS; m++)
    {
      a->moment[m].ess = 100.0 * (double) (m + 1), a->moment[m].se = 0.01 * (double) (m + 1);
      b->moment[m].ess = 100.0 * (double) (5 - m), b->moment[m].se = 0.002;
      a->batch_se[m] = 0.25, b->batch_se[m] = 0.003;
    }
}

static void
check_by_hand (void)
{
  mcmc_cost a, b;
  double lo, hi;
  hand_made (&a, &b);
  tap_close (mcmc_cost_per_kilo_eval (&a, 2), 75, 1e-12, "A: ESS 300 over 4000 evaluations");
  tap_close (mcmc_cost_per_kilo_eval (&b, 0), 250, 1e-12, "B: ESS 500 over 2000 evaluations");
  mcmc_cost_ess_per_draw_range (&a, &lo, &hi);
  tap_ok (lo == 0.1 && hi == 0.5, "A: ESS/n from 0.1 to 0.5 (got %g to %g)", lo, hi);
  mcmc_cost_ess_per_draw_range (&b, &lo, &hi);
  tap_ok (lo == 0.05 && hi == 0.25, "B: ESS/n from 0.05 to 0.25 (got %g to %g)", lo, hi);
  /* per 1000: A 25 50 75 100 125, B 250 200 150 100 50: A ahead on the
     last only, the tie at 100 for neither */
  tap_ok (mcmc_cost_count_ahead (&a, &b) == 1 && mcmc_cost_count_ahead (&b, &a) == 3,
          "A ahead on 1 average, B on 3, one tie");

  const char *want =
    "| average | A ESS | A ESS/1000 evals | B ESS | B ESS/1000 evals | "
    "A se (ESS / batch) | B se (ESS / batch) |\n"
    "|---|---|---|---|---|---|---|\n"
    "| E x1 | 100 | 25 | 500 | 250 | 0.0100 / 0.2500 | 0.0020 / 0.0030 |\n"
    "| E x2 | 200 | 50 | 400 | 200 | 0.0200 / 0.2500 | 0.0020 / 0.0030 |\n"
    "| E x1² | 300 | 75 | 300 | 150 | 0.0300 / 0.2500 | 0.0020 / 0.0030 |\n"
    "| E x1x2 | 400 | 100 | 200 | 100 | 0.0400 / 0.2500 | 0.0020 / 0.0030 |\n"
    "| E x2² | 500 | 125 | 100 | 50 | 0.0500 / 0.2500 | 0.0020 / 0.0030 |\n";
  sbuf t;
  sbuf_init (&t);
  mcmc_cost_write_table (&t, &a, &b);
  if (!tap_ok (strcmp (sbuf_str (&t), want) == 0, "the table, worked by hand"))
    printf ("#   got\n%s", sbuf_str (&t));
  sbuf_free (&t);

  FILE *f = tmpfile ();
  char line[160] = "";
  mcmc_cost_print_timing (f, &b, 1);
  rewind (f);
  tap_ok (fgets (line, sizeof line, f) && strcmp (line, "# B: ESS of E x1 per CPU second"
          " = 250 (2.000 s)\n") == 0, "the first timing line: 500 in 2 s");
  fclose (f);

  /* negative control: the same table with B's evaluations halved
     (a gradient left uncounted) doubles its ESS/1000 column, caught */
  b.evaluations = 1000;
  sbuf_init (&t);
  mcmc_cost_write_table (&t, &a, &b);
  tap_ok (strcmp (sbuf_str (&t), want) != 0 && strstr (sbuf_str (&t), "| 500 | 500 |"),
          "negative control: uncounted evaluations change the table");
  sbuf_free (&t);
}

/* The two runs on the claim's mixture (separation 1): every moment average of each within 5
   of its larger standard error (Geyer's or the batch means') of the mixture's exact moment,
   the counts those of N_MH steps and N_HMC trajectories of L leapfrog steps, the variant
   applied to both.  Negative control: runs on the mixture at separation 2 (its means twice
   as far apart) miss the exact moments of separation 1 on some average of each sampler. */
static int
moments_agree (const mcmc_cost * s, const double *exact)
{
  int ok = 1;
  for (size_t m = 0; m < MCMC_COST_N_MOMENTS; m++)
    ok &= fabs (s->moment[m].mean - exact[m]) <= 5 * fmax (s->moment[m].se, s->batch_se[m]);
  return ok;
}

static void
check_run_mh_hmc (const gsl_rng * r)
{
  const size_t n_mh = 100000, n_hmc = 5000;
  const mcmc_hmc_options o = { 0.4, 10, 0.2 };
  gmm *g = gmm_alloc_mcmc_example (1.0), *far = gmm_alloc_mcmc_example (2.0);
  double exact[MCMC_COST_N_MOMENTS];
  mcmc_mixture_exact_moments (g, exact);
  mcmc_cost mh, hmc;
  mcmc_cost_run_mh_hmc (r, g, n_mh, 1.2, n_hmc, &o, NULL, &mh, &hmc);
  tap_ok (mh.n == n_mh && strcmp (mh.name, "MH") == 0 && mh.evaluations == n_mh + 1
          && mh.acceptance > 0 && mh.acceptance < 1, "MH: %zu steps, %zu evaluations, "
          "acceptance %.3f", mh.n, mh.evaluations, mh.acceptance);
  tap_ok (hmc.n == n_hmc && strcmp (hmc.name, "HMC") == 0
          && hmc.evaluations >= n_hmc * (o.n_leapfrog + 1) && hmc.acceptance > 0,
          "HMC: %zu trajectories, %zu evaluations, acceptance %.3f", hmc.n, hmc.evaluations,
          hmc.acceptance);
  tap_ok (moments_agree (&mh, exact), "MH's five averages agree with the exact moments");
  tap_ok (moments_agree (&hmc, exact), "HMC's five averages agree with the exact moments");
  mcmc_cost_run_mh_hmc (r, g, 2000, 1.2, 500, &o, ess_iid, &mh, &hmc);
  tap_ok (mh.moment[0].ess == 2000 && hmc.moment[4].ess == 500, "the variant reaches both runs");
  mcmc_cost_run_mh_hmc (r, far, n_mh, 1.2, n_hmc, &o, NULL, &mh, &hmc);
  tap_ok (!moments_agree (&mh, exact) && !moments_agree (&hmc, exact),
          "negative control: runs on the mixture at separation 2 miss separation 1's moments");
  gmm_free (g);
  gmm_free (far);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261203);
  check_summary (r);
  check_by_hand ();
  check_run_mh_hmc (r);
  gsl_rng_free (r);
  return tap_done ();
}
