/* em_trace.h -- EM on a Gaussian mixture as coordinate ascent on
 *
 *   F(θ, q) = E_q[log p_θ(x, z)] + H(q) = log p(x|θ) - KL(q || p_θ(z|x))
 *
 * (Neal & Hinton 1998): the E-step maximises F over q (q the posterior,
 * where F = log p(x|θ)), the M-step maximises F over θ with q fixed.  A run
 * records F after every E half-step, F after every M half-step and
 * log p(x|θ^t), each with its rounding bound (lib/gmm), and hands each
 * half-step to the caller, which checks there what EM promises (F and the
 * log-likelihood never decrease).  Then it goes on, unchecked, until the
 * log-likelihood moves less than its rounding bound: the converged ll*.
 *
 * The M-step is the caller's, so that a claim can switch its mutants into
 * it; it returns GSL_SUCCESS, or GSL_EDOM where EM breaks down (a component
 * collapsed onto too few points for an SPD covariance: log p(x|θ) is
 * unbounded there, so the run stops and the iterations before stand). */
#ifndef HARNESS_EM_TRACE_H
#define HARNESS_EM_TRACE_H

#include "estimate.h"
#include "gmm.h"

typedef int (*em_trace_m_step) (gmm * g, const gsl_matrix * x, const gsl_matrix * q,
                                void *ctx);

/* One half-step, as the caller sees it: iteration T, the mixture G and the
   responsibilities Q after it.  After the E half-step, F_E is F(θ^t, q^t)
   and F_M_PREV is F(θ^t, q^{t-1}) (-inf at t = 0); after the M half-step
   F_M is F(θ^{t+1}, q^t), LL is log p(x|θ^{t+1}), LL_PREV log p(x|θ^t). */
typedef struct
{
  int t;
  const gmm *g;
  const gsl_matrix *x, *q;
  estimate f_e, f_m_prev, f_m, ll, ll_prev;
} em_trace_step;

typedef struct
{
  em_trace_m_step m_step;
  void (*after_e) (const em_trace_step * s, void *ctx);    /* before the M-step */
  void (*after_m) (const em_trace_step * s, void *ctx);
  void *ctx;
} em_trace_hooks;

typedef struct
{
  int iters;                    /* iterations checked (fewer on a breakdown) */
  int broke_down;               /* the M-step returned GSL_EDOM at iteration iters */
  double *f_e, *f_m;            /* F after each E and M half-step, [iters] */
  double *ll;                   /* log p(x|θ^t), t = 0..iters */
  double ll_star;               /* the converged log-likelihood */
  double ll_bound;              /* the rounding bound of the last ll */
} em_trace;

/* ITERS iterations of EM from START on the data X (n x d, a point a row),
   with HOOKS' M-step and calls; then on, at most 500 more, to ll*.  START
   is left as it is; *OUT owns its arrays (em_trace_free). */
void em_trace_run (const gmm * start, const gsl_matrix * x, int iters,
                   const em_trace_hooks * hooks, em_trace * out);
void em_trace_free (em_trace * t);

/* log p(x|θ) and F(θ, q) as estimates within their rounding bounds. */
estimate em_trace_log_likelihood (const gmm * g, const gsl_matrix * x);
estimate em_trace_free_energy (const gmm * g, const gsl_matrix * x, const gsl_matrix * q);

#endif
