/* log_sum_weights.c -- log mean w >= mean log w as the log-sum inequality
   (see log_sum_weights.h). */
#include "log_sum_weights.h"
#include "discrete.h"
#include "errors.h"
#include "logsumexp.h"
#include "vsum.h"

#include <float.h>
#include <gsl/gsl_cblas.h>
#include <math.h>
#include <stdlib.h>

/* The rounding bound of either gap (see the header). */
static double
gaps_bound (const double *logw, const double *w, size_t k)
{
  double kk = (double) k, sw = vsum_plain (w, k);
  double max_abs = fabs (logw[cblas_idamax (k, logw, 1)]);
  double scale = cblas_dasum (k, logw, 1) + kk * (fabs (log (sw / kk)) + log (kk) + max_abs);
  return 4 * (kk + 4) * DBL_EPSILON * scale;
}

log_sum_weights
log_sum_weights_gaps (const double *logw, const double *w, size_t k, int swapped)
{
  double mean_log = 0, kk = (double) k;
  double *ones = xmalloc (k * sizeof *ones);
  for (size_t j = 0; j < k; j++)
    {
      mean_log += logw[j] / kk;
      ones[j] = 1.0;
    }
  double left = kk * (log_mean_exp (logw, k) - mean_log);
  double right = discrete_log_sum_gap (swapped ? w : ones, swapped ? ones : w, k);
  double b = gaps_bound (logw, w, k);
  free (ones);
  return (log_sum_weights) { est_exact (left, b), est_exact (right, b) };
}
