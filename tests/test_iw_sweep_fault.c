/* test_iw_sweep_fault.c -- lib/iw_sweep_fault: the faulty estimators on
 * weights worked by hand; with every fault off, iw_sweep_fault_run is
 * iw_sweep_run bit for bit; each fault of the sweep changes it by what its
 * description says, against closed forms (KL of two normals, w~_min) and
 * a direct quadrature of E_q[w~^2]; and, run as a claim inside the test
 * (its TAP to /dev/null), the fault-free sweep holds iw_sweep's seven
 * checks while each fault fails the check its mutant names -- the
 * negative controls caught. */
#include "iw_sweep_fault.h"
#include "errors.h"
#include "fixture_harness.h"
#include "normal.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

/* ON with fault F alone set (-1: none) */
static void
only (int on[IW_SWEEP_N_FAULTS], int f)
{
  memset (on, 0, IW_SWEEP_N_FAULTS * sizeof on[0]);
  if (f >= 0)
    on[f] = 1;
}

/* log weights log 1, log 2, log 3 and log 1, log 3 */
static void
test_estimators (void)
{
  double lw3[] = { 0, log (2), log (3) }, lw2[] = { 0, log (3) }, work[7];
  int on[IW_SWEEP_N_FAULTS];
  only (on, -1);
  iw_estimators e = iw_sweep_fault_estimators (on);
  tap_ok (!e.log_mean && !e.loo_mean_log && !e.gap_summand && !e.mean_weight,
          "no fault: every estimator NULL (the correct one)");
  only (on, IW_SWEEP_FAULT_LME_K_PLUS_1);
  e = iw_sweep_fault_estimators (on);
  tap_close (e.log_mean (lw2, 2), log (4.0 / 3), 4 * DBL_EPSILON, "lme k+1: log (1+3)/3");
  only (on, IW_SWEEP_FAULT_LME_WITHOUT_MEAN);
  e = iw_sweep_fault_estimators (on);
  tap_close (e.log_mean (lw2, 2), log (4), 4 * DBL_EPSILON, "lme without mean: log (1+3)");
  on[IW_SWEEP_FAULT_LME_K_PLUS_1] = 1;
  tap_close (iw_sweep_fault_estimators (on).log_mean (lw2, 2), log (4.0 / 3), 4 * DBL_EPSILON,
             "both log-mean faults on: the first in the enum's order");
  /* the E_M term over 3 weights: subsets {2,3}, {1,3}, {1,2}, means 5/2, 2, 3/2 */
  double loo = (log (2.5) + log (2) + log (1.5)) / 3;
  tap_close (iw_loo_mean_log (lw3, 3, work), loo, 8 * DBL_EPSILON, "E_M term by hand");
  only (on, IW_SWEEP_FAULT_LOO_FULL_SUM);
  e = iw_sweep_fault_estimators (on);
  tap_close (e.loo_mean_log (lw3, 3, work), log (3), 4 * DBL_EPSILON,
             "loo full sum: log (1+2+3)/2");
  tap_ok (e.loo_mean_log == iw_sweep_fault_loo_full_sum, "... is iw_sweep_fault_loo_full_sum");
  only (on, IW_SWEEP_FAULT_LOO_K_PLUS_1);
  e = iw_sweep_fault_estimators (on);
  tap_close (e.loo_mean_log (lw3, 3, work), loo - log (1.5), 8 * DBL_EPSILON,
             "loo k+1: each subset mean times 2/3");
  only (on, IW_SWEEP_FAULT_CV_QUADRATIC);
  e = iw_sweep_fault_estimators (on);
  tap_close (e.gap_summand (log (1.5)), 0.125, 4 * DBL_EPSILON, "cv quadratic: e = 1/2, e²/2");
  tap_ok (fabs (iw_gap_summand (log (1.5)) - (0.5 - log (1.5))) < 1e-15
          && fabs (e.gap_summand (log (1.5)) - iw_gap_summand (log (1.5))) > 0.03,
          "negative control: e - log(1+e) = 0.0945 is told from e²/2");
  only (on, IW_SWEEP_FAULT_MEAN_W_K_PLUS_1);
  e = iw_sweep_fault_estimators (on);
  tap_close (e.mean_weight (log (2), 3), 1.5, 4 * DBL_EPSILON, "mean weight k+1: 2 · 3/4");
}

/* ---- the sweep's faults ---- */

static const char *names[] = { "wide", "narrow", "heavy" };

/* Three q (bounded p/q, unbounded with a finite Var(w~), and an infinite
   one), k = 1 and 4 by Monte Carlo and 10^6 by quadrature, run with fault
   F (-1: none; -2: iw_sweep_run itself) on the same draws every time. */
static iw_sweep *
sweep_with (int f)
{
  static const double shift[] = { 2.0, 0.5, 0.5 }, c[] = { 3.0, 0.9, 0.4 };
  iw_sweep *s = xcalloc (1, sizeof *s);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  int on[IW_SWEEP_N_FAULTS];
  gsl_rng_set (r, 20241);
  iw_sweep_proposals (s, 1.5, 0.8, 2.0, 3, names, shift, c);
  iw_sweep_add_k (s, 1);
  iw_sweep_add_k (s, 4);
  s->n_mc = 2;
  iw_sweep_add_k (s, 1e6);
  iw_sweep_replicates (s, 20000);
  only (on, f < 0 ? -1 : f);
  if (f == -2)
    iw_sweep_run (s, r, NULL);
  else
    iw_sweep_fault_run (s, r, on);
  gsl_rng_free (r);
  return s;
}

/* N(z; m, vq) w~(z)^2, w~ = N(z; mu, v) / N(z; m, vq) */
static double
q_w2 (double z, void *params)
{
  const iw_gauss *g = params;
  return exp (2 * normal_log_pdf (z, g->mu, sqrt (g->v))
              - normal_log_pdf (z, g->m, sqrt (g->vq)));
}

static double
second_moment_by_quadrature (const iw_gauss * g)
{
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (1000);
  gsl_function fn = { q_w2, (void *) g };
  double m2, err;
  gsl_integration_qagi (&fn, 0, 1e-12, 1000, w, &m2, &err);
  gsl_integration_workspace_free (w);
  return m2;
}

static void
test_sweep_faults (void)
{
  iw_sweep *plain = sweep_with (-2), *none = sweep_with (-1);
  tap_ok (memcmp (plain, none, sizeof *plain) == 0,
          "every fault off: iw_sweep_run bit for bit");
  iw_sweep *s = sweep_with (IW_SWEEP_FAULT_LOGQ_LOGDET);
  for (size_t p = 0; p < 3; p++)
    tap_close (mc_mean (&s->mc[p][0].lk) - mc_mean (&none->mc[p][0].lk),
               0.5 * log (none->q[p].vq), 1e-12,
               "%s: log q without -1/2 log vq raises L_1 by Monte Carlo by 1/2 log vq",
               names[p]);
  tap_ok (memcmp (s->gap, none->gap, sizeof s->gap) == 0, "... and leaves the quadrature");
  free (s);
  s = sweep_with (IW_SWEEP_FAULT_QUAD_SCALED);
  for (size_t p = 0; p < 3; p++)
    {
      /* KL(q || N(mu, v)) of two normals, by hand */
      const iw_model *q = &s->q[p];
      double d = q->m - q->mu;
      double kl = 0.5 * (q->vq / q->v + d * d / q->v - 1 + log (q->v / q->vq));
      tap_close (s->gap[p][0].value, kl - log (1.001), 1e-8 * kl,
                 "%s: weights times 1.001: the gap at k = 1 is KL - log 1.001", names[p]);
    }
  free (s);
  s = sweep_with (IW_SWEEP_FAULT_DELTA_SECOND_MOMENT);
  double m2 = second_moment_by_quadrature (&s->q[1].g);
  tap_close (s->var_w[1], m2, 1e-8 * m2, "narrow: Var(w~) replaced by E[w~²] (quadrature)");
  tap_close (none->var_w[1], m2 - 1, 1e-8 * m2, "negative control: the correct one is E[w~²] - 1");
  free (s);
  s = sweep_with (IW_SWEEP_FAULT_BOUND_SIGN);
  const iw_model *n = &s->q[1];
  double d = n->m - n->mu;
  double w_min = sqrt (n->vq / n->v) * exp (-d * d / (2 * (n->v - n->vq)));
  tap_close (s->bound[1][2], s->var_w[1] / (2e6 * (2 - w_min)), 1e-8 * s->bound[1][2],
             "narrow: bound Var(w~) / (2 k (2 - w~_min)) at k = 10^6");
  tap_ok (s->bound[1][2] < s->gap[1][2].value && none->bound[1][2] >= none->gap[1][2].value,
          "... below the gap there, where the correct bound holds");
  tap_ok (isnan (s->bound[0][0]) && isnan (s->bound[2][2]),
          "... and still no bound for wide and heavy q");
  free (s);
  free (none);
  free (plain);
}

/* ---- the faults caught by iw_sweep_check ---- */

#define SEVEN(p) {p "_l1", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_lk", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_cv", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_bound", "harness", "", REL_LE, EXPECT_HOLDS, NULL}, \
  {p "_delta", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_mean", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_loo", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = {
  SEVEN ("none"), SEVEN ("f0"), SEVEN ("f1"), SEVEN ("f2"), SEVEN ("f3"), SEVEN ("f4"),
  SEVEN ("f5"), SEVEN ("f6"), SEVEN ("f7"), SEVEN ("f8"), SEVEN ("f9")
};
static const claim CLAIM = {
  .slug = "test_iw_sweep_fault", .title = "iw_sweep_fault test", .claim = "",
  .sources = "", .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .samples_default = 1000, .samples_quick = 1000, .figure_caption = "",
};

/* ids of run R (0: no fault, 1 + f: fault f) */
static void
run_ids (int r, const char *ids[7])
{
  for (int k = 0; k < 7; k++)
    ids[k] = CHECKS[7 * r + k].id;
}

/* the index in IW_SWEEP_IDS of the check that mutant M names */
static int
caught_by (const mutant_spec * m)
{
  for (int k = 0; k < 7; k++)
    if (strcmp (m->caught_by, IW_SWEEP_IDS[k]) == 0)
      return k;
  return -1;
}

static void
test_checks (void)
{
  static const mutant_spec table[] = { IW_SWEEP_FAULT_MUTANTS };
  tap_ok (COUNT_OF (table) == IW_SWEEP_N_FAULTS, "one mutant per fault");
  tap_ok (strcmp (table[IW_SWEEP_FAULT_LOGQ_LOGDET].id, "logq_missing_logdet") == 0
          && strcmp (table[IW_SWEEP_FAULT_LOO_K_PLUS_1].id, "loo_divides_by_k_plus_1") == 0,
          "the table in the enum's order");
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  const char *ids[7];
  for (int r = 0; r <= IW_SWEEP_N_FAULTS; r++)
    {
      iw_sweep *s = sweep_with (r - 1);
      run_ids (r, ids);
      iw_sweep_check (h, s, ids);
      free (s);
    }
  fixture_harness_loud (&f);
  int all = 1;
  for (int k = 0; k < 7; k++)
    all &= fixture_held (h, CHECKS[k].id) == 1;
  tap_ok (all, "with no fault, the seven checks hold");
  for (int fault = 0; fault < IW_SWEEP_N_FAULTS; fault++)
    {
      int k = caught_by (&table[fault]);
      run_ids (1 + fault, ids);
      tap_ok (k >= 0 && fixture_held (h, ids[k]) == 0, "%s is caught by %s",
              table[fault].id, table[fault].caught_by);
    }
  fixture_harness_end (&f);
}

int
main (void)
{
  test_estimators ();
  test_sweep_faults ();
  test_checks ();
  return tap_done ();
}
