/* em_check.c -- EM's promises as harness checks (see em_check.h). */
#include "em_check.h"
#include "em_trace_report.h"
#include "errors.h"

#include <gsl/gsl_errno.h>

typedef struct { harness *h; const em_check *c; } run_ctx;

/* The M-step at a probe, on a copy, against BFGS, every coordinate of θ */
static void
compare_m_step (const run_ctx * r, const gmm * g, const gsl_matrix * x, const gsl_matrix * q)
{
  size_t np = gmm_theta_size (g->k, g->d);
  estimate closed[np], opt[np];
  gmm *c = gmm_alloc (g->k, g->d);
  gmm_memcpy (c, g);
  if (em_variant_m_step (c, x, q, &r->c->variant) != GSL_SUCCESS)
    die_runtime ("the closed-form M-step broke down at a probe iteration");
  em_variant_argmax (g, c, x, q, closed, opt);
  for (size_t i = 0; i < np; i++)
    check_point (r->h, r->c->argmax, opt[i], closed[i]);
  gmm_free (c);
}

static void
after_e_step (const em_trace_step * s, void *ctx)
{
  const run_ctx *r = ctx;
  if (s->t > 0)
    check_point (r->h, r->c->f_monotone, s->f_e, s->f_m_prev);
  for (int i = 0; i < r->c->n_probes; i++)
    if (s->t == r->c->probes[i])
      compare_m_step (r, s->g, s->x, s->q);
}

static void
after_m_step (const em_trace_step * s, void *ctx)
{
  const run_ctx *r = ctx;
  check_point (r->h, r->c->f_monotone, s->f_m, s->f_e);
  check_point (r->h, r->c->loglik_monotone, s->ll, s->ll_prev);
  check_point (r->h, r->c->f_le_loglik, s->f_m, r->c->ll_before ? s->ll_prev : s->ll);
}

/* The closed-form M-step, or the variant; GSL_EDOM if EM broke down */
static int
m_step (gmm * g, const gsl_matrix * x, const gsl_matrix * q, void *ctx)
{
  const run_ctx *r = ctx;
  return em_variant_m_step (g, x, q, &r->c->variant);
}

void
em_check_run (harness * h, const em_check * c, const char *name, const gmm * start,
              const gsl_matrix * x, int iters)
{
  run_ctx r = { h, c };
  const em_trace_hooks hooks = { m_step, after_e_step, after_m_step, &r };
  em_trace tr;
  em_trace_run (start, x, iters, &hooks, &tr);
  em_trace_report_run (h, name, x, &tr);
  em_trace_free (&tr);
}
