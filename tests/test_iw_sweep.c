/* test_iw_sweep.c -- the k grid and the replicates against hand-written
 * lists; a small sweep's quadrature gap at k = 1 against the closed-form
 * KL(q || p(z|x)), its Monte Carlo L_k against the quadrature within
 * 5 standard errors, Var(w~) and the bound against a direct quadrature
 * of w~^2 under q; the k-hat rule, the slope and the data block and table
 * against hand-computed values and text. */
#include "iw_sweep.h"
#include "errors.h"
#include "normal.h"
#include "tap.h"

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

static void
test_run (gsl_rng * r)
{
  static const char *names[] = { "wide", "narrow", "heavy" };
  static const double shift[] = { 2.0, 0.5, 0.5 }, c[] = { 3.0, 0.9, 0.4 };
  iw_sweep *s = xcalloc (1, sizeof *s);
  s->n_q = 3;
  for (size_t p = 0; p < 3; p++)
    {
      s->name[p] = names[p];
      iw_model_init (&s->q[p], 1.5, 0.8, 2.0, shift[p], c[p]);
    }
  iw_sweep_add_k (s, 1);
  iw_sweep_add_k (s, 4);
  s->n_mc = 2;
  iw_sweep_add_k (s, 1e6);
  iw_sweep_replicates (s, 20000);
  iw_sweep_run (s, r, NULL);
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

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20241);
  test_grid ();
  test_run (r);
  test_rules_and_text ();
  gsl_rng_free (r);
  return tap_done ();
}
