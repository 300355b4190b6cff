/* figure_normal_elbo_grad.h -- the 1/K panels of lib/normal_elbo_grad's
 * curves: one panel per component of the gradient, ∂μ then ∂v, each with
 * the score-function and the reparameterization estimators' K-sample
 * variances on their per-sample variances over K (lib/figure_batch_mean),
 * side by side.  The curves come in normal_elbo_grad_curves' order
 * (score ∂μ, score ∂v, reparameterization ∂μ, ∂v): estimator-major, as
 * figure_batch_mean_row takes them. */
#ifndef HARNESS_FIGURE_NORMAL_ELBO_GRAD_H
#define HARNESS_FIGURE_NORMAL_ELBO_GRAD_H

#include "harness.h"
#include "normal_elbo_grad.h"

/* The row from X0 across WIDTH of the canvas (inside the multiplot the
   claim opens) of the NORMAL_ELBO_GRAD_N curves C over the N_K sizes K:
   panels titled "Variance of ∂BOUND/∂μ estimators against K" and the same
   with ∂v, curves named "score function" and "reparameterization", bars
   ±z·SE with z the critical value of check CHECK (figure_converge_z). */
void figure_normal_elbo_grad_row (harness * h, int *block, double x0, double width,
                                  const char *bound, const double *k, size_t n_k,
                                  const batch_mean_curve * c, const char *check);

#endif
