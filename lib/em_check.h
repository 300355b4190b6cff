/* em_check.h -- what EM promises, as a claim's harness checks at every
 * half-step of a run (lib/em_trace):
 *
 *   F never decreases      F(θ^t, q^t) >= F(θ^t, q^{t-1})       (E half-step)
 *                          F(θ^{t+1}, q^t) >= F(θ^t, q^t)       (M half-step)
 *   nor the likelihood     log p(x|θ^{t+1}) >= log p(x|θ^t)
 *   F below it             F(θ^{t+1}, q^t) <= log p(x|θ^{t+1})  (KL >= 0)
 *   the M-step is argmax   the M-step's θ = argmax_θ F(θ, q^t) by BFGS,
 *                          every coordinate, at a few probe iterations
 *
 * (Neal & Hinton 1998; the argmax by lib/em_variant).  The claim names the
 * checks, so that its table stays its own, and sets the M-step's variant
 * and the likelihood F is compared with, so that its mutants switch into
 * the run.  A run goes on into the claim's notes and figure by
 * lib/em_trace_report. */
#ifndef HARNESS_EM_CHECK_H
#define HARNESS_EM_CHECK_H

#include "em_variant.h"
#include "harness.h"

#define EM_CHECK_PROBES 8

typedef struct
{
  const char *f_le_loglik;      /* F(θ^{t+1}, q^t) <= log p(x|θ^{t+1}) */
  const char *f_monotone;       /* F at both half-steps */
  const char *loglik_monotone;  /* log p(x|θ) at every iteration */
  const char *argmax;           /* the M-step against BFGS at the probes */
  int probes[EM_CHECK_PROBES];  /* distinct iterations t, before the M-step */
  int n_probes;                 /* 0: the M-step is not compared */
  int ll_before;                /* nonzero: F against log p(x|θ^t) (a mutant) */
  em_variant variant;           /* the M-step (EM_VARIANT_NONE: the closed form) */
} em_check;

/* ITERS iterations of EM from START on the data X (n x d, a point a row),
   named NAME ("1-D"), with C's M-step, each half-step handed to
   check_point under C's check ids as above; then the run into H's notes
   and figure (em_trace_report_run).  A breakdown of the M-step ends the
   run (noted; the iterations before stand as checked); one at a probe,
   where it is taken on a copy, dies. */
void em_check_run (harness * h, const em_check * c, const char *name, const gmm * start,
                   const gsl_matrix * x, int iters);

#endif
