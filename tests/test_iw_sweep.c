/* test_iw_sweep.c -- the k grid and the replicates against hand-written
 * lists; the proposals against the textbook posterior; a small sweep's
 * quadrature gap at k = 1 against the closed-form KL(q || p(z|x)), its
 * Monte Carlo L_k against the quadrature within 5 standard errors, Var(w~)
 * and the bound against a direct quadrature of w~^2 under q; the k-hat
 * rule, the slope and the data block and table against hand-computed
 * values and text; the seven checks hold on the small sweep and fail on
 * copies broken by hand (a claim of its own, run inside the test; its TAP
 * goes to /dev/null), their notes and the method's text against
 * hand-written text. */
#include "iw_sweep.h"
#include "errors.h"
#include "fixture_harness.h"
#include "normal.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

static int
grid_is (const iw_sweep * s, const double *k, size_t n, size_t n_mc)
{
  int ok = s->n_k == n && s->n_mc == n_mc;
  for (size_t i = 0; ok && i < n; i++)
    ok = s->k[i] == k[i];
  return ok;
}

static void
test_grid (void)
{
  static const double full[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
    2000, 5000, 10000, 1e5, 1e6, 1e7, 1e8 };
  static const double sparse[] = { 1, 10, 100, 1000, 1e6, 1e8 };
  static const double odd[] = { 1, 2, 5, 10, 20, 50, 100, 200, 300, 1e5,
    1e6, 1e7, 1e8 };
  iw_sweep s = { 0 };
  iw_sweep_grid (&s, 10000, 0);
  tap_ok (grid_is (&s, full, 17, 13), "grid to 10^4: 1-2-5, then decades");
  s = (iw_sweep) { 0 };
  iw_sweep_grid (&s, 10000, 1);
  tap_ok (grid_is (&s, sparse, 6, 4), "sparse grid: decades to 1000, 10^6, 10^8");
  s = (iw_sweep) { 0 };
  iw_sweep_grid (&s, 300.5, 0);
  tap_ok (grid_is (&s, odd, 13, 9), "grid to 300.5 ends at floor(kmax) = 300");
  iw_sweep_replicates (&s, 500000);
  tap_ok (s.reps[0] == 500000 && s.reps[2] == 100000 && s.reps[8] == 1667,
          "replicates samples / k, rounded up");
  s = (iw_sweep) { 0 };
  iw_sweep_grid (&s, 10000, 0);
  iw_sweep_replicates (&s, 500000);
  tap_ok (s.reps[12] == 200 && s.reps[9] == 500,
          "replicates: at least samples / 2500 (200 at k = 10^4)");
  iw_sweep_replicates (&s, 2000);
  tap_ok (s.reps[0] == 2000 && s.reps[5] == 100, "replicates: at least 100");
}

/* N(z; m, vq) w~(z)^2, w~ = N(z; mu, v) / N(z; m, vq) */
static double
q_w2 (double z, void *params)
{
  const iw_gauss *g = params;
  double lq = normal_log_pdf (z, g->m, sqrt (g->vq));
  double lt = normal_log_pdf (z, g->mu, sqrt (g->v));
  return exp (2 * lt - lq);
}

static double
var_by_quadrature (const iw_gauss * g)
{
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (1000);
  gsl_function f = { q_w2, (void *) g };
  double v, err;
  gsl_integration_qagi (&f, 0, 1e-12, 1000, w, &v, &err);
  gsl_integration_workspace_free (w);
  return v - 1;
}

static const char *names[] = { "wide", "narrow", "heavy" };

/* Three q (bounded p/q, unbounded with a finite Var(w~), and an infinite
   one), k = 1 and 4 by Monte Carlo and 10^6 by quadrature, run. */
static iw_sweep *
small_sweep (gsl_rng * r)
{
  static const double shift[] = { 2.0, 0.5, 0.5 }, c[] = { 3.0, 0.9, 0.4 };
  iw_sweep *s = xcalloc (1, sizeof *s);
  iw_sweep_proposals (s, 1.5, 0.8, 2.0, 3, names, shift, c);
  iw_sweep_add_k (s, 1);
  iw_sweep_add_k (s, 4);
  s->n_mc = 2;
  iw_sweep_add_k (s, 1e6);
  iw_sweep_replicates (s, 20000);
  iw_sweep_run (s, r, NULL);
  return s;
}

/* The proposals against the textbook posterior N(a x / (a² + s²),
   s² / (a² + s²)) by hand; negative control: the same hand values do not
   fit a q placed with its shift and c exchanged. */
static void
test_proposals (void)
{
  static const double shift[] = { 2.0, 0.5 }, c[] = { 3.0, 0.9 };
  double a = 1.5, sd = 0.8, x = 2.0, mu = a * x / (a * a + sd * sd);
  double v = sd * sd / (a * a + sd * sd);
  iw_sweep s = { 0 }, swapped = { 0 };
  iw_sweep_proposals (&s, a, sd, x, 2, names, shift, c);
  iw_sweep_proposals (&swapped, a, sd, x, 2, names, c, shift);
  tap_ok (s.n_q == 2 && s.name[0] == names[0] && s.name[1] == names[1],
          "proposals: two, named wide and narrow");
  for (size_t p = 0; p < 2; p++)
    {
      const iw_model *q = &s.q[p];
      tap_ok (q->a == a && q->s == sd && q->x == x, "q %zu: the model's a, s and x", p);
      tap_close (q->mu, mu, 4 * DBL_EPSILON, "q %zu: posterior mean a x / (a² + s²)", p);
      tap_close (q->m, mu + shift[p] * sqrt (v), 8 * DBL_EPSILON, "q %zu: mean mu + shift sd",
                 p);
      tap_close (q->vq, c[p] * v, 4 * DBL_EPSILON, "q %zu: variance c v", p);
      const iw_model *w = &swapped.q[p];
      tap_ok (fabs (w->m - (mu + shift[p] * sqrt (v))) > 0.1 || fabs (w->vq - c[p] * v) > 0.1,
              "negative control: q %zu with shift and c exchanged is detected", p);
    }
}

static void
test_run (gsl_rng * r)
{
  iw_sweep *s = small_sweep (r);
  for (size_t p = 0; p < 3; p++)
    {
      /* KL(q || N(mu, v)) of two normals, by hand */
      const iw_model *q = &s->q[p];
      double d = q->m - q->mu;
      double kl = 0.5 * (q->vq / q->v + d * d / q->v - 1 + log (q->v / q->vq));
      tap_close (s->gap[p][0].value, kl, 1e-8 * kl, "%s: gap at k = 1 is KL",
                 names[p]);
      tap_close (iw_sweep_lk_quad (s, p, 0).value, q->log_px - kl, 1e-8,
                 "%s: L_1 by quadrature is log p(x) - KL", names[p]);
      for (size_t i = 0; i < 2; i++)
        {
          const mc_acc *lk = &s->mc[p][i].lk;
          tap_close (mc_mean (lk), iw_sweep_lk_quad (s, p, i).value,
                     5 * mc_se (lk), "%s: L_k at k = %g, Monte Carlo vs"
                     " quadrature", names[p], s->k[i]);
        }
    }
  const iw_model *n = &s->q[1];
  double v = var_by_quadrature (&n->g), d = n->m - n->mu;
  double w_min = sqrt (n->vq / n->v) * exp (-d * d / (2 * (n->v - n->vq)));
  tap_close (s->var_w[1], v, 1e-8 * v, "narrow: Var(w~) by direct quadrature");
  tap_close (s->bound[1][2], v / (2e6 * w_min), 1e-8 * s->bound[1][2],
             "narrow: the bound Var(w~) / (2 k w~_min) at k = 10^6");
  tap_ok (s->bound[1][2] >= s->gap[1][2].value, "narrow: the bound holds");
  tap_ok (isnan (s->bound[0][0]) && isnan (s->bound[2][2]),
          "no bound for the wide q, nor for the heavy one (Var(w~) = inf)");
  tap_ok (isinf (s->var_w[2]), "heavy: Var(w~) = inf");
  free (s);
}

/* A sweep filled by hand: two q, k = 1 and 10, the second by quadrature
   only; the second q with an infinite variance. */
static void
fill_by_hand (iw_sweep * s)
{
  *s = (iw_sweep) { .n_q = 2, .name = { "a", "b" }, .k = { 1, 10 },
                    .n_mc = 1, .n_k = 2, .reps = { 100 },
                    .var_w = { 0.5, INFINITY } };
  s->q[0].log_px = s->q[1].log_px = -1.5;
  s->gap[0][0] = (quad_result) { 0.25, 1e-9 };
  s->gap[0][1] = (quad_result) { 0.025, 1e-10 };
  s->gap[1][0] = (quad_result) { 0.5, 2e-9 };
  s->gap[1][1] = (quad_result) { 0.5 / sqrt (10), 3e-9 };
  s->bound[0][0] = 1, s->bound[0][1] = 0.1;
  s->bound[1][0] = s->bound[1][1] = NAN;
  for (size_t p = 0; p < 2; p++)
    {
      mc_acc *all[] = { &s->mc[p][0].lk, &s->mc[p][0].gap_cv };
      for (size_t j = 0; j < 2; j++)
        {
          mc_init (all[j]);
          mc_add (all[j], -1.75 - (double) p);
          mc_add (all[j], -1.25 - (double) p);
        }
    }
}

static void
test_rules_and_text (void)
{
  iw_sweep s;
  fill_by_hand (&s);
  tap_close (iw_sweep_slope (&s, 0), -1, 1e-15, "slope of a 1/k gap is -1");
  tap_close (iw_sweep_slope (&s, 1), -0.5, 1e-15, "slope of 1/sqrt(k) is -1/2");
  s.mc[0][0].khat = 0.5;                 /* threshold min(1 - 1/2, 0.7) */
  s.mc[1][0].khat = 0.5 + 1e-12;
  tap_ok (iw_sweep_trusted (&s, 0, 0) && !iw_sweep_trusted (&s, 1, 0),
          "k-hat at the threshold 0.5 (100 replicates) trusted, above not");
  iw_sweep_left_out out = iw_sweep_untrusted (&s);
  tap_ok (out.n == 1 && out.p == 1 && out.k == 1 && out.khat == 0.5 + 1e-12,
          "left out: one point, its k-hat, q and k");
  s.mc[1][0].khat = NAN;
  tap_ok (!iw_sweep_trusted (&s, 1, 0), "a NaN k-hat is not trusted");
  s.mc[0][0].khat = 0.9;
  out = iw_sweep_untrusted (&s);
  tap_ok (out.n == 2 && out.p == 1 && isnan (out.khat),
          "left out: two points, a NaN k-hat counted as the largest");
  s.mc[1][0].khat = 0;
  out = iw_sweep_untrusted (&s);
  tap_ok (out.n == 1 && out.p == 0 && out.khat == 0.9, "left out: the other one");
  s.mc[0][0].khat = 0;
  out = iw_sweep_untrusted (&s);
  tap_ok (out.n == 0 && out.khat == 0 && out.k == 0, "left out: none");
  /* the mean of -1.75, -1.25 is -1.5, its standard error 0.25 */
  sbuf b;
  sbuf_init (&b);
  iw_sweep_write_data (&b, &s);
  const char *data = "\n\n# block B0: quadrature, log p(x) - L_k\n"
    "# k  gap_a err  gap_b err  bound_a  asym_a\n"
    "1 0.25 1e-09 0.5 2e-09 1 0.25\n"
    "10 0.025 1e-10 0.158113883 3e-09 0.1 0.025\n"
    "\n\n# block B1 = B0 + 1: Monte Carlo gap; a by the control-variate"
    " estimator, b by log p(x) - mean log-mean-exp\n"
    "# k  replicates  a se  b se\n" "1 100 -1.5 0.25 1 0.25\n";
  tap_ok (strcmp (sbuf_str (&b), data) == 0, "data blocks as written by hand");
  if (strcmp (sbuf_str (&b), data) != 0)
    printf ("# got:\n%s", sbuf_str (&b));
  sbuf_free (&b);
  sbuf_init (&b);
  iw_sweep_write_table (&b, &s);
  const char *table = "\n| k | replicates | L_k a (MC) | L_k a (quad) |"
    " L_k b (MC) | L_k b (quad) |\n|---|---|---|---|---|---|\n"
    "| 1 | 100 | -1.50000 ± 2.5e-01 | -1.75000000 |"
    " -2.50000 ± 2.5e-01 | -2.00000000 |\n\nlog p(x) = -1.50000000.\n";
  tap_ok (strcmp (sbuf_str (&b), table) == 0, "table as written by hand");
  if (strcmp (sbuf_str (&b), table) != 0)
    printf ("# got:\n%s", sbuf_str (&b));
  sbuf_free (&b);
}

/* ---- the checks ---- */

#define SEVEN(p) {p "_l1", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_lk", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_cv", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_bound", "harness", "", REL_LE, EXPECT_HOLDS, NULL}, \
  {p "_delta", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_mean", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}, \
  {p "_loo", "harness", "", REL_EQ, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = { SEVEN ("ok"), SEVEN ("bad") };
static const claim CLAIM = {
  .slug = "test_iw_sweep", .title = "iw_sweep test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 1000,
  .samples_quick = 1000, .figure_caption = "",
};

static void
test_checks_table (void)
{
  static const check_spec table[] = { IW_SWEEP_CHECKS ("3", "F", "B") };
  int same = 1;
  for (int k = 0; k < 7; k++)
    same &= strcmp (table[k].id, IW_SWEEP_IDS[k]) == 0 && table[k].expect == EXPECT_HOLDS;
  tap_ok (same, "IW_SWEEP_CHECKS has the ids IW_SWEEP_IDS, in order, expected to hold");
  tap_ok (strstr (table[0].statement, "for the 3 proposals") != NULL
          && strstr (table[2].statement, "(F q)") != NULL
          && strncmp (table[3].statement, "B q (p/q unbounded", 18) == 0
          && table[3].rel == REL_LE && table[4].rel == REL_EQ,
          "... naming the claim's proposals, the bound <=");
}

static const char *
note_of (const harness * h, const char *id)
{
  return fixture_result (h, id)->note;
}

/* The small sweep's checks hold; broken copies of it fail them: L_1's
   gap off by 1e-3, the bound a tenth of itself, Var(w~) doubled. */
static void
test_checks (gsl_rng * r)
{
  iw_sweep *s = small_sweep (r);
  iw_sweep *bad = xcalloc (1, sizeof *bad);
  *bad = *s;
  for (size_t p = 0; p < 3; p++)
    {
      bad->gap[p][0].value += 1e-3;
      bad->var_w[p] *= 2;
      for (size_t i = 0; i < bad->n_k; i++)
        bad->bound[p][i] /= 10;
    }
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  const char *const ok[7] = { "ok_l1", "ok_lk", "ok_cv", "ok_bound", "ok_delta",
                              "ok_mean", "ok_loo" };
  const char *const no[7] = { "bad_l1", "bad_lk", "bad_cv", "bad_bound",
                              "bad_delta", "bad_mean", "bad_loo" };
  iw_sweep_check (h, s, ok);
  iw_sweep_check (h, bad, no);
  fixture_harness_loud (&f);
  int held = 1;
  for (int k = 0; k < 7; k++)
    held &= fixture_held (h, ok[k]) == 1;
  tap_ok (held, "a correct sweep holds all seven checks");
  tap_ok (fixture_held (h, "bad_l1") == 0 && fixture_held (h, "bad_bound") == 0
          && fixture_held (h, "bad_delta") == 0, "L_1 off by 1e-3, the bound / 10"
          " and Var(w~) * 2 are caught");
  tap_ok (fixture_held (h, "bad_lk") == 1 && fixture_held (h, "bad_loo") == 1,
          "... and the Monte Carlo at k = 4, untouched, still holds");
  tap_ok (fixture_result (h, "ok_delta")->n_points == 2
          && fixture_result (h, "ok_bound")->n_points == 3
          && fixture_result (h, "ok_l1")->n_points == 3
          && fixture_result (h, "ok_cv")->n_points == 4,
          "points: delta 2 (wide, narrow at 10^6), bound 3 (narrow), L_1 3, gap 4");
  const iw_model *n = &s->q[1];
  double d = n->m - n->mu;
  char want[128];
  snprintf (want, sizeof want, "narrow q, w_min/p(x) = %.4g, k = 1 .. 1e+06",
            sqrt (n->vq / n->v) * exp (-d * d / (2 * (n->v - n->vq))));
  tap_ok (strcmp (note_of (h, "ok_bound"), want) == 0, "bound note: %s", want);
  tap_ok (strcmp (note_of (h, "ok_l1"), "wide, narrow, heavy q; nested QAGI") == 0,
          "L_1 note names every q");
  tap_ok (strncmp (note_of (h, "ok_mean"), "k = 1 .. 4 (2 values), wide and narrow q;"
                   " 5000 to 20000 replicates", 200) == 0, "mean weight note");
  tap_ok (strcmp (note_of (h, "ok_cv"), "wide and narrow q at the 2 values of k with"
                  " at least 1000 replicates (k <= 4)") == 0, "gap estimator note");
  fixture_harness_end (&f);
  free (bad);
  free (s);
}

/* The method's text names the q of each kind and takes the caller's
   check id and bars. */
static void
test_method (void)
{
  iw_sweep s;
  fill_by_hand (&s);
  sbuf b;
  sbuf_init (&b);
  iw_sweep_write_method (&b, &s, "L1", " [BARS]");
  const char *t = sbuf_str (&b);
  tap_ok (strstr (t, "to ~1e-15 (check `L1`).\n\nMonte Carlo:") != NULL
          && strstr (t, "gap estimates for a q use") != NULL
          && strstr (t, "For b q that estimator has infinite variance, so the b points"
                     " are log p(x) - mean(L̂_k) [BARS].\n\n") != NULL
          && strstr (t, "min(1 - 1/log10 n, 0.7)") != NULL
          && strstr (t, "themselves for b q (E_q[w²] = ∞ in closed form), and the gap"
                     " estimator with fewer than 1000 replicates") != NULL,
          "method: names a (finite) and b (infinite), the check id and the bars");
  sbuf_free (&b);
  s.var_w[1] = 2;
  sbuf_init (&b);
  iw_sweep_write_method (&b, &s, "L1", "");
  t = sbuf_str (&b);
  tap_ok (strstr (t, "infinite variance") == NULL
          && strstr (t, "for a and b q use") != NULL
          && strstr (t, "inconclusive). Left out: the gap estimator") != NULL,
          "method without an infinite Var(w~): no sentences on one");
  sbuf_free (&b);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20241);
  test_grid ();
  test_proposals ();
  test_run (r);
  test_rules_and_text ();
  test_checks_table ();
  test_checks (r);
  test_method ();
  gsl_rng_free (r);
  return tap_done ();
}
