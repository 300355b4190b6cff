/* iw_sweep_fault.c -- iw_sweep run with the faults its checks must catch
   (see iw_sweep_fault.h). */
#include "iw_sweep_fault.h"
#include "logsumexp.h"

#include <math.h>

/* ---- the estimators' faults, iw_estimators' shapes ---- */

static double
lme_k_plus_1 (const double *lw, size_t n)
{
  return log_sum_exp (lw, n) - log ((double) n + 1);
}

static double
lme_without_mean (const double *lw, size_t n)
{
  return log_sum_exp (lw, n);
}

double
iw_sweep_fault_loo_full_sum (const double *lw, size_t n, double *work)
{
  (void) work;
  return log_sum_exp (lw, n) - log ((double) n - 1);
}

static double
loo_k_plus_1 (const double *lw, size_t n, double *work)
{
  return iw_loo_mean_log (lw, n, work) - log ((double) n / ((double) n - 1));
}

static double
cv_quadratic (double l)
{
  double e = expm1 (l);
  return 0.5 * e * e;
}

static double
mean_w_k_plus_1 (double lk, size_t k)
{
  return exp (lk) * ((double) k / ((double) k + 1));
}

iw_estimators
iw_sweep_fault_estimators (const int on[IW_SWEEP_N_FAULTS])
{
  return (iw_estimators) {
    on[IW_SWEEP_FAULT_LME_K_PLUS_1] ? lme_k_plus_1
      : on[IW_SWEEP_FAULT_LME_WITHOUT_MEAN] ? lme_without_mean : NULL,
    on[IW_SWEEP_FAULT_LOO_FULL_SUM] ? iw_sweep_fault_loo_full_sum
      : on[IW_SWEEP_FAULT_LOO_K_PLUS_1] ? loo_k_plus_1 : NULL,
    on[IW_SWEEP_FAULT_CV_QUADRATIC] ? cv_quadratic : NULL,
    on[IW_SWEEP_FAULT_MEAN_W_K_PLUS_1] ? mean_w_k_plus_1 : NULL,
  };
}

/* ---- the sweep's faults ---- */

/* log q without its -1/2 log vq: only the Monte Carlo draws with f, so
   the quadrature stays right and lk_mc_vs_quad sees the shift. */
static void
fault_logq (iw_sweep * s)
{
  for (size_t p = 0; p < s->n_q; p++)
    s->q[p].f.log_norm += 0.5 * log (s->q[p].vq);
}

/* The quadrature's weights times c = 1 + 1e-3 take log c off the gap. */
static void
fault_quad_scaled (iw_sweep * s)
{
  for (size_t p = 0; p < s->n_q; p++)
    for (size_t i = 0; i < s->n_k; i++)
      s->gap[p][i].value -= log1p (1e-3);
}

static void
fault_second_moment (iw_sweep * s)
{
  for (size_t p = 0; p < s->n_q; p++)
    s->var_w[p] = iw_gauss_moment (&s->q[p].g, 2);
}

/* 1 - e_min in place of 1 + e_min = w~_min in the bound's denominator. */
static void
fault_bound_sign (iw_sweep * s)
{
  for (size_t p = 0; p < s->n_q; p++)
    {
      if (isnan (s->bound[p][0]))       /* no bound for this q */
        continue;
      double w_min = iw_gauss_min (&s->q[p].g);
      for (size_t i = 0; i < s->n_k; i++)
        s->bound[p][i] = s->var_w[p] / (2 * s->k[i] * (2 - w_min));
    }
}

void
iw_sweep_fault_run (iw_sweep * s, gsl_rng * r, const int on[IW_SWEEP_N_FAULTS])
{
  iw_estimators est = iw_sweep_fault_estimators (on);
  if (on[IW_SWEEP_FAULT_LOGQ_LOGDET])
    fault_logq (s);
  iw_sweep_run (s, r, &est);
  if (on[IW_SWEEP_FAULT_QUAD_SCALED])
    fault_quad_scaled (s);
  if (on[IW_SWEEP_FAULT_DELTA_SECOND_MOMENT])
    fault_second_moment (s);
  if (on[IW_SWEEP_FAULT_BOUND_SIGN])
    fault_bound_sign (s);
}
