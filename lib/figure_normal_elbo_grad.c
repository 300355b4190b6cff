/* figure_normal_elbo_grad.c -- the 1/K panels of normal_elbo_grad's curves
   (see figure_normal_elbo_grad.h). */
#include "figure_normal_elbo_grad.h"
#include "figure_batch_mean.h"
#include "figure_converge.h"

#include <stdio.h>

void
figure_normal_elbo_grad_row (harness * h, int *block, double x0, double width,
                             const char *bound, const double *k, size_t n_k,
                             const batch_mean_curve * c, const char *check)
{
  static const char *const names[2] = { "score function", "reparameterization" };
  char mu[160], v[160];
  snprintf (mu, sizeof mu, "Variance of ∂%s/∂μ estimators against K", bound);
  snprintf (v, sizeof v, "Variance of ∂%s/∂v estimators against K", bound);
  const char *const titles[2] = { mu, v };
  figure_batch_mean_row (h, block, x0, width, titles, 2, k, n_k, c, names, 2,
                         figure_converge_z (h, check));
}
