/* figure_wake_sleep.h -- the picture of wake-sleep on the linear-Gaussian
 * model with one latent (lib/recog), as two panels of a multiplot the
 * claim opens and closes.
 *
 * Each iteration is the seed's (001 1.1.2): the wake step with z^i drawn
 * from q_φ(z|x^i) (recog_wake_step), then the sleep step, a fit of q_φ on
 * M samples from p_θ.  The sleep step is the caller's (recog_sleep_fit is
 * the seed's), so that a claim can switch its mutants into it, and the
 * picture is of the steps checked.  After each iteration the run records
 * the wake objective (the ELBO averaged over the data,
 * recog_average_elbo), the average log-likelihood (recog_average_log_lik)
 * and the inclusive KL E_x KL(p_θ(z|x) || q_φ(z|x)) (recog_inclusive_kl)
 * after the wake step (θ moved, φ not yet) and after the sleep step.
 * Middle panel: the ELBO and the log-likelihood per iteration under the
 * maximum log-likelihood (recog_max_log_lik, closed form); right: the two
 * inclusive KLs on a log scale.  Both iterations' generator is the
 * harness's, wake step first.  figure_wake_sleep_page is a claim's whole
 * figure, the lines panel on the left. */
#ifndef HARNESS_FIGURE_WAKE_SLEEP_H
#define HARNESS_FIGURE_WAKE_SLEEP_H

#include "harness.h"
#include "recog.h"

/* A sleep step: q_φ fitted on M samples from p_θ (T), CTX the caller's;
   INV_DIAG receives RECOG_D + 1 values as recog_sleep_fit's. */
typedef recog_phi (*figure_wake_sleep_fit) (void *ctx, const recog_theta * t, long m,
                                            double *inv_diag);

typedef struct
{
  const recog_data *data;       /* the training set x^1 .. x^N */
  recog_theta theta;            /* the start; after the run, the last θ */
  recog_phi phi;                /* the start; after the run, the last φ */
  long m;                       /* sleep samples per iteration */
  int iterations;
  figure_wake_sleep_fit sleep;
  void *ctx;                    /* SLEEP's */
} figure_wake_sleep_spec;

/* Run S's iterations on H's generator from S's start (S->theta and S->phi
   are left at the last iteration's), write data block *BLOCK (the
   iteration, the ELBO, the log-likelihood, the inclusive KL after the wake
   step, NaN at iteration 0, and after the sleep step) and both panels'
   gnuplot commands, and advance *BLOCK.  Returns the maximum average
   log-likelihood, the middle panel's reference line. */
double figure_wake_sleep (harness * h, int *block, figure_wake_sleep_spec * s);

/* The claim's whole figure: a multiplot of three panels in a row under
   TITLE, each line of its derivations against its truth
   (figure_lines_against_truth, lib/figure_panel, under LINES_TITLE), then
   figure_wake_sleep's two panels (keys in font 8 at spacing 0.75), their
   data after that panel's blocks.  Returns figure_wake_sleep's maximum. */
double figure_wake_sleep_page (harness * h, const char *title, const char *lines_title,
                               figure_wake_sleep_spec * s);

#endif
