/* normal_elbo_grad_check.h -- lib/normal_elbo_grad's variance study as
 * harness checks: how much the score function and the reparameterization
 * estimators of an ELBO's gradient scatter, and how their K-sample
 * averages follow the 1/K law.
 *
 * Both read what normal_elbo_grad already computed: the per-sample moments
 * by quadrature (normal_elbo_grad_moments) and the K-sample curves on
 * shared draws (normal_elbo_grad_curves), in the estimators' order
 * (score ∂μ, score ∂v, reparameterization ∂μ, ∂v).  Each function adds
 * points to a check the claim names and closes (check_close), so that the
 * claim keeps its note and its relation. */
#ifndef HARNESS_NORMAL_ELBO_GRAD_CHECK_H
#define HARNESS_NORMAL_ELBO_GRAD_CHECK_H

#include "harness.h"
#include "normal_elbo_grad.h"

/* One point of check ID per component, ∂μ then ∂v: the score function's
   per-sample variance (observed) against the reparameterization's
   (reference), both with their quadrature errors, M the moments of the
   NORMAL_ELBO_GRAD_N estimators.  With REL_GE the check says that the
   score function scatters at least as much. */
void normal_elbo_grad_check_variances (harness * h, const char *id,
                                       const batch_mean_moments * m);

/* The 1/K law as points of check ID: at each size K[n], n = FROM .. N_K - 1
   (the sizes where the K-sample average is near Gaussian), and for each of
   the NORMAL_ELBO_GRAD_N curves C[i] in turn, K[n] times its mean squared
   error with K[n] times its exact standard error (observed) against the
   per-sample variance M[i].var by quadrature (reference). */
void normal_elbo_grad_check_one_over_k (harness * h, const char *id, const double *k,
                                        size_t from, size_t n_k,
                                        const batch_mean_curve * c,
                                        const batch_mean_moments * m);

#endif
