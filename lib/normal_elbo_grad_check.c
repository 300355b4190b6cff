/* normal_elbo_grad_check.c -- lib/normal_elbo_grad's variances as harness
   checks (see normal_elbo_grad_check.h). */
#include "normal_elbo_grad_check.h"

void
normal_elbo_grad_check_variances (harness * h, const char *id, const batch_mean_moments * m)
{
  for (int i = NORMAL_ELBO_GRAD_REPARAM_MEAN; i < NORMAL_ELBO_GRAD_N; i++)
    check_point (h, id, est_quad (m[i - NORMAL_ELBO_GRAD_REPARAM_MEAN].var), est_quad (m[i].var));
}

void
normal_elbo_grad_check_one_over_k (harness * h, const char *id, const double *k, size_t from,
                                   size_t n_k, const batch_mean_curve * c,
                                   const batch_mean_moments * m)
{
  for (size_t n = from; n < n_k; n++)
    for (int i = 0; i < NORMAL_ELBO_GRAD_N; i++)
      check_point (h, id, est_mc (k[n] * c[i].mse[n], k[n] * c[i].se[n]), est_quad (m[i].var));
}
