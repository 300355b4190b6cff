/* test_em_trace.c -- lib/em_trace on 400 draws of a two-component 1-D
 * mixture, EM started wide.
 *
 * Against what EM is, by theorems independent of the code: after every E
 * half-step F(θ^t, q^t) equals log p(x|θ^t) (gmm_free_energy against
 * gmm_log_likelihood_err, two routes), F never decreases at either
 * half-step, nor does log p(x|θ), and ll* is at least the last checked
 * log-likelihood.  Each within the sum of the two rounding bounds.  The
 * hooks are called once per half-step, in order.  Negative control: an
 * M-step that overshoots the means (μ^t + 2.5 (μ - μ^t)) makes the
 * log-likelihood fall at some iteration, which the trace shows; an M-step
 * that breaks down at iteration 3 stops the run there. */
#include "em_trace.h"
#include "tap.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <math.h>

typedef struct
{
  int calls_e, calls_m, in_order;
  int f_e_is_ll, f_monotone, ll_monotone, last_t;
  int overshoot, fail_at;
} probe;

static int
m_step (gmm * g, const gsl_matrix * x, const gsl_matrix * q, void *ctx)
{
  probe *p = ctx;
  if (p->fail_at >= 0 && p->calls_m == p->fail_at)
    return GSL_EDOM;
  gmm *old = gmm_alloc (g->k, g->d);
  gmm_memcpy (old, g);
  int status = gmm_m_step (g, x, q, 0.0);
  for (size_t j = 0; p->overshoot && status == GSL_SUCCESS && j < g->k; j++)
    {
      double m0 = gsl_vector_get (old->comp[j]->mu, 0), m1 = gsl_vector_get (g->comp[j]->mu, 0);
      gsl_vector_set (g->comp[j]->mu, 0, m0 + 2.5 * (m1 - m0));
      status = gmm_set_component (g, j, g->weights[j], g->comp[j]->mu, g->comp[j]->sigma);
    }
  gmm_free (old);
  return status;
}

static int within (estimate a, estimate b) { return fabs (a.value - b.value) <= a.err + b.err; }
static int at_least (estimate a, estimate b) { return a.value >= b.value - a.err - b.err; }

static void
after_e (const em_trace_step * s, void *ctx)
{
  probe *p = ctx;
  p->in_order &= p->calls_e == p->calls_m && s->t == p->calls_e;
  p->calls_e++;
  p->f_e_is_ll &= within (s->f_e, em_trace_log_likelihood (s->g, s->x));
  p->f_monotone &= s->t == 0 || at_least (s->f_e, s->f_m_prev);
}

static void
after_m (const em_trace_step * s, void *ctx)
{
  probe *p = ctx;
  p->in_order &= p->calls_e == p->calls_m + 1;
  p->calls_m++;
  p->f_monotone &= at_least (s->f_m, s->f_e);
  p->ll_monotone &= at_least (s->ll, s->ll_prev);
  p->last_t = s->t;
}

static em_trace
run (const gmm * start, const gsl_matrix * x, int iters, probe * p)
{
  em_trace_hooks hooks = { m_step, after_e, after_m, p };
  em_trace t;
  em_trace_run (start, x, iters, &hooks, &t);
  return t;
}

int
main (void)
{
  static const double w[] = { 0.6, 0.4 }, mu[] = { -2, 1.5 }, var[] = { 0.5, 1.0 };
  static const double w0[] = { 1, 1 }, mu0[] = { -0.5, 0.5 }, var0[] = { 4, 4 };
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 4242);
  gmm *truth = gmm_alloc_from (2, 1, w, mu, var, 1.0), *start = gmm_alloc_from (2, 1, w0, mu0, var0, 1.0);
  gsl_matrix *x = gmm_sample_n (r, truth, 400);
  double mu0_before = gsl_vector_get (start->comp[0]->mu, 0);

  probe p = { 0, 0, 1, 1, 1, 1, -1, 0, -1 };
  em_trace t = run (start, x, 30, &p);
  tap_ok (t.iters == 30 && !t.broke_down && p.calls_e == 30 && p.calls_m == 30 && p.in_order,
          "30 iterations, each hook once per half-step, E before M");
  tap_ok (p.f_e_is_ll, "after every E-step F(θ, q) = log p(x|θ) within both bounds");
  tap_ok (p.f_monotone && p.ll_monotone, "F and log p(x|θ) never decrease");
  /* the stored values only: a slack of 1e-9, above the bounds of F and log
     p(x|θ) at n = 400 (about 1e-10), which the two checks above use */
  int recorded = 1;
  for (int i = 0; i < t.iters; i++)
    recorded &= t.f_e[i] <= t.f_m[i] + 1e-9 && t.f_m[i] <= t.ll[i + 1] + 1e-9;
  tap_ok (recorded && t.ll_star >= t.ll[t.iters] && t.ll_star - t.ll[0] > 10,
          "the trace: F after E <= F after M <= log p(x|θ^{t+1}); ll* %.6g >= last %.6g",
          t.ll_star, t.ll[t.iters]);
  tap_ok (gsl_vector_get (start->comp[0]->mu, 0) == mu0_before, "the start is left as it was");
  em_trace_free (&t);

  probe bad = { 0, 0, 1, 1, 1, 1, -1, 1, -1 };
  t = run (start, x, 30, &bad);
  tap_ok (!bad.ll_monotone, "negative control: overshot means make log p(x|θ) fall");
  em_trace_free (&t);

  probe brk = { 0, 0, 1, 1, 1, 1, -1, 0, 3 };
  t = run (start, x, 30, &brk);
  tap_ok (t.broke_down && t.iters == 3 && brk.calls_e == 4 && brk.calls_m == 3,
          "an M-step failing at iteration 3 stops the run there (%d iterations)", t.iters);
  em_trace_free (&t);

  gsl_matrix_free (x);
  gmm_free (truth), gmm_free (start);
  gsl_rng_free (r);
  return tap_done ();
}
