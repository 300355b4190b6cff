/* em_trace.c -- EM with F recorded after every half-step. */
#include "em_trace.h"
#include "errors.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdlib.h>

estimate
em_trace_log_likelihood (const gmm * g, const gsl_matrix * x)
{
  double b, ll = gmm_log_likelihood_err (g, x, &b);
  return est_exact (ll, b);
}

estimate
em_trace_free_energy (const gmm * g, const gsl_matrix * x, const gsl_matrix * q)
{
  double b, f = gmm_free_energy (g, x, q, &b);
  return est_exact (f, b);
}

/* On from G, unchecked, until log p(x|θ) moves by less than its rounding
   bound (or 500 iterations, or a breakdown): the largest value seen. */
static double
converged_log_likelihood (gmm * g, const gsl_matrix * x, gsl_matrix * q,
                          const em_trace_hooks * hooks, double ll)
{
  for (int extra = 0; extra < 500; extra++)
    {
      gmm_e_step (g, x, q);
      if (hooks->m_step (g, x, q, hooks->ctx) != GSL_SUCCESS)
        break;
      estimate next = em_trace_log_likelihood (g, x);
      int still = fabs (next.value - ll) > next.err;
      ll = fmax (ll, next.value);
      if (!still)
        break;
    }
  return ll;
}

void
em_trace_run (const gmm * start, const gsl_matrix * x, int iters,
              const em_trace_hooks * hooks, em_trace * out)
{
  size_t n = x->size1, len = (size_t) iters + 1;
  gmm *g = gmm_alloc (start->k, start->d);
  gmm_memcpy (g, start);
  gsl_matrix *q = gsl_matrix_alloc (n, start->k);
  out->f_e = xcalloc (3 * len, sizeof (double));
  out->f_m = out->f_e + len, out->ll = out->f_m + len;
  out->broke_down = 0;
  em_trace_step s = { .g = g, .x = x, .q = q };
  s.f_m_prev = est_exact (GSL_NEGINF, 0), s.ll_prev = em_trace_log_likelihood (g, x);
  out->ll[0] = s.ll_prev.value;
  for (s.t = 0; s.t < iters; s.t++)
    {
      gmm_e_step (g, x, q);
      s.f_e = em_trace_free_energy (g, x, q);
      out->f_e[s.t] = s.f_e.value;
      hooks->after_e (&s, hooks->ctx);
      if (hooks->m_step (g, x, q, hooks->ctx) != GSL_SUCCESS)
        {
          out->broke_down = 1;
          break;
        }
      s.f_m = em_trace_free_energy (g, x, q), s.ll = em_trace_log_likelihood (g, x);
      out->f_m[s.t] = s.f_m.value, out->ll[s.t + 1] = s.ll.value;
      hooks->after_m (&s, hooks->ctx);
      s.f_m_prev = s.f_m, s.ll_prev = s.ll;
    }
  out->iters = s.t;
  out->ll_bound = s.ll_prev.err;
  out->ll_star = out->iters > 0
    ? converged_log_likelihood (g, x, q, hooks, s.ll_prev.value) : s.ll_prev.value;
  gsl_matrix_free (q);
  gmm_free (g);
}

void
em_trace_free (em_trace * t)
{
  free (t->f_e);
  t->f_e = t->f_m = t->ll = NULL;
}
