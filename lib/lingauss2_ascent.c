/* lingauss2_ascent.c -- mean-field coordinate ascent on lib/lingauss2's
 * model, and the checks of its fixed point (lingauss2_ascent.h). */
#include "lingauss2_ascent.h"

#include <gsl/gsl_randist.h>
#include <math.h>

#define MAX_SWEEPS 20000

static rnd
square (double x)
{
  return rnd_mul (rnd_exact (x), rnd_exact (x));
}

void
lingauss2_ascent_exact (lingauss2 * v, int step)
{
  int i = step / 2;
  if (step % 2 == 0)
    v->m[i] = lingauss2_cavi_mean (v, i).value;
  else
    v->s[i] = sqrt (lingauss2_cavi_var (v, i).value);
}

static void
trace_elbo (lingauss2_ascent_trace * t, int update, double elbo)
{
  t->update[t->n] = update;
  t->elbo[t->n++] = elbo;
}

static void
trace_means (lingauss2_ascent_trace * t, const lingauss2 * v)
{
  t->m[t->n_m][0] = v->m[0];
  t->m[t->n_m++][1] = v->m[1];
}

/* The ELBO is evaluated around every update, traced or not: what the
   checks compare is the closed form of lib/lingauss2, which the claim's
   derivations check against quadrature. */
double
lingauss2_ascent_run (lingauss2 * v, lingauss2_ascent_update update,
                      harness * h, const char *monotone,
                      lingauss2_ascent_trace * trace)
{
  if (trace)
    {
      trace->n = trace->n_m = 0;
      trace_means (trace, v);
      trace_elbo (trace, 0, lingauss2_elbo (v).value);
    }
  double last = INFINITY;
  int step_no = 0;
  for (int sweep = 0; sweep < MAX_SWEEPS && last != 0; sweep++)
    {
      double m2_old = v->m[1];
      for (int step = 0; step < 4; step++)
        {
          rnd before = lingauss2_elbo (v);
          update (v, step);
          rnd after = lingauss2_elbo (v);
          step_no++;
          if (h)
            check_point (h, monotone, rnd_estimate (rnd_sub (after, before)),
                         est_exact (0, 0));
          if (trace && step % 2 == 0)
            trace_means (trace, v);
          if (trace)
            trace_elbo (trace, step_no, after.value);
        }
      last = fabs (v->m[1] - m2_old);
      if (sweep >= LINGAUSS2_ASCENT_TRACE_SWEEPS - 1)
        trace = NULL;
    }
  return last;
}

/* The fixed point against the maximiser of the ELBO over all of q, by
   Nelder-Mead from a random start (lingauss2_elbo_maximize, whose
   tolerance in log s becomes s²·expm1(2 tol) in s²). */
static void
check_against_optimizer (harness * h, const char *id, const lingauss2 * fixed,
                         double bound)
{
  gsl_rng *r = harness_rng (h);
  double start[4], best[4];
  for (size_t i = 0; i < 4; i++)
    start[i] = gsl_ran_gaussian (r, 1.0);
  double tol = lingauss2_elbo_maximize (fixed, start, best);
  for (size_t i = 0; i < 2; i++)
    {
      check_point (h, id, est_exact (fixed->m[i], bound), est_opt (best[i], tol));
      double s2 = exp (2 * best[2 + i]);
      check_point (h, id, rnd_estimate (square (fixed->s[i])),
                   est_opt (s2, s2 * expm1 (2 * tol)));
    }
}

/* A random model and start, as lingauss2_ascent.h says */
static lingauss2
random_model (gsl_rng * r)
{
  /* draws in declarators, not in one initialiser list (unsequenced) */
  double t1 = gsl_ran_gaussian (r, 1.5), t2 = gsl_ran_gaussian (r, 1.5);
  lingauss2 v = { {t1, t2}, gsl_ran_gaussian (r, 2.0), {0, 0}, {0, 0}, 0, 1 };
  for (int i = 0; i < 2; i++)
    {
      v.m[i] = gsl_ran_gaussian (r, 2.0);
      v.s[i] = exp (gsl_ran_gaussian (r, 0.7));
    }
  return v;
}

void
lingauss2_ascent_check (harness * h, lingauss2_ascent_update update,
                        const char *const ids[4], int n_models, int n_optimised)
{
  for (int k = 0; k < n_models; k++)
    {
      lingauss2 v = random_model (harness_rng (h));
      /* |m - m*| from the sweep's contraction (lib/lingauss2) */
      double bound = lingauss2_cavi_bound (&v, lingauss2_ascent_run (&v, update, h, ids[0],
                                                                    NULL));
      for (int i = 0; i < 2; i++)
        {
          check_point (h, ids[1], est_exact (v.m[i], bound),
                       rnd_estimate (lingauss2_post_mean (&v, i)));
          check_point (h, ids[3], rnd_estimate (square (v.s[i])),
                       rnd_estimate (lingauss2_post_var (&v, i)));
        }
      if (k < n_optimised)
        check_against_optimizer (h, ids[2], &v, bound);
    }
  const char *where = "random models θ ~ N(0, 1.5² I), x ~ N(0, 2²), random starts";
  check_close (h, ids[0], "every update of %d runs to convergence; %s", n_models, where);
  check_close (h, ids[1], "%d %s; bound from the sweep's contraction factor",
               n_models, where);
  check_close (h, ids[2], "%d %s; Nelder-Mead in (m, log s) to simplex size 1e-6,"
               " error bound 2|∇| (strong convexity >= 1), ∇ by central differences",
               n_optimised, where);
  check_close (h, ids[3], "%d %s, both coordinates", n_models, where);
}
