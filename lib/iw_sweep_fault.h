/* iw_sweep_fault.h -- the negative controls of iw_sweep's seven checks: a
 * sweep run with one fault each, in the estimators, the weights, the
 * quadrature, the delta method or the bound.
 *
 * iw_sweep_check is only worth what it catches, so each of its checks has
 * a wrong ingredient that it is there to catch:
 *   lk_mc_vs_quad         log q without its -1/2 log vq; the log mean of k
 *                         weights divided by k + 1; log sum_i w_i without
 *                         the mean;
 *   quad_l1_vs_elbo       the quadrature's weights times 1 + 1e-3, which
 *                         takes log(1 + 1e-3) off every gap;
 *   gap_cv_vs_quad        the gap summand e - log(1+e) replaced by its
 *                         leading term e^2/2;
 *   unbounded_gap_bound   the bound Var(w~)/(2k w~_min) with 1 - e_min for
 *                         1 + e_min = w~_min, i.e. 2 - w~_min;
 *   delta_method_limit    E[w~^2] in place of Var(w~) = E[w~^2] - 1;
 *   mean_weight_unbiased  the mean weight divided by k + 1 for k;
 *   loo_equals_lk         the E_M term's subsets all k+1 weights over k,
 *                         or its subset means divided by k + 1.
 * A claim declares them as mutants (IW_SWEEP_FAULT_MUTANTS, in the order
 * of the enum, so that harness_mutant_flags sets ON) and runs its sweep
 * with iw_sweep_fault_run; all off, that is iw_sweep_run bit for bit (the
 * estimators NULL, nothing changed after the run). */
#ifndef HARNESS_IW_SWEEP_FAULT_H
#define HARNESS_IW_SWEEP_FAULT_H

#include "iw_sweep.h"

enum
{
  IW_SWEEP_FAULT_LOGQ_LOGDET,
  IW_SWEEP_FAULT_QUAD_SCALED,
  IW_SWEEP_FAULT_LME_K_PLUS_1,
  IW_SWEEP_FAULT_CV_QUADRATIC,
  IW_SWEEP_FAULT_BOUND_SIGN,
  IW_SWEEP_FAULT_DELTA_SECOND_MOMENT,
  IW_SWEEP_FAULT_MEAN_W_K_PLUS_1,
  IW_SWEEP_FAULT_LME_WITHOUT_MEAN,
  IW_SWEEP_FAULT_LOO_FULL_SUM,
  IW_SWEEP_FAULT_LOO_K_PLUS_1,
  IW_SWEEP_N_FAULTS
};

/* The estimators of a Monte Carlo run (lib/iw_gauss's iw_estimators) with
   the faults whose flags ON[0 .. IW_SWEEP_N_FAULTS - 1] are set; a member
   with no fault on is NULL (the correct estimator).  When both faults of
   one member are on, the first in the enum's order is taken. */
iw_estimators iw_sweep_fault_estimators (const int on[IW_SWEEP_N_FAULTS]);

/* The E_M term with every subset's sum over all N = k+1 log weights LW:
   log (1/(N-1)) sum_{j<N} w_j, in iw_estimators' shape (WORK unused), for
   a claim's seed line that writes it so. */
double iw_sweep_fault_loo_full_sum (const double *lw, size_t n, double *work);

/* iw_sweep_run of S on R with the faults whose flags ON are set: log q's
   normaliser and the estimators before the run; the gaps, Var(w~) and
   (with Var(w~) as it then is) the bounds of every q that has one after
   it, in that order. */
void iw_sweep_fault_run (iw_sweep * s, gsl_rng * r, const int on[IW_SWEEP_N_FAULTS]);

/* The faults as a claim's mutant table entries (mutant_spec), in the
   enum's order, each naming the check of IW_SWEEP_IDS that catches it */
#define IW_SWEEP_FAULT_MUTANTS \
  {"logq_missing_logdet", "Monte Carlo log q(z) without its -1/2 log v", "lk_mc_vs_quad"}, \
  {"quad_weight_scaled", "quadrature weights multiplied by 1 + 1e-3", "quad_l1_vs_elbo"}, \
  {"lme_denominator_k_plus_1", "log mean of k weights divided by k + 1", "lk_mc_vs_quad"}, \
  {"cv_quadratic", "gap estimator e - log(1+e) replaced by its leading term e^2/2", \
   "gap_cv_vs_quad"}, \
  {"bound_sign", "bound with 1 - e_min in place of 1 + e_min", "unbounded_gap_bound"}, \
  {"delta_second_moment", "delta-method limit E[w^2]/(2 p^2) in place of Var(w)/(2 p^2)", \
   "delta_method_limit"}, \
  {"mean_weight_k_plus_1", "mean weight (1/(k+1)) sum_i w_i", "mean_weight_unbiased"}, \
  {"lme_without_mean", "log sum_i w_i in place of log (1/k) sum_i w_i", "lk_mc_vs_quad"}, \
  {"loo_full_sum", "E_M term using all k+1 weights over k", "loo_equals_lk"}, \
  {"loo_divides_by_k_plus_1", "E_M term's subset mean divided by k + 1", "loo_equals_lk"}

#endif
