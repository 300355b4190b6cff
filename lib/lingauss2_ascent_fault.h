/* lingauss2_ascent_fault.h -- the negative controls of lingauss2_ascent's
 * four checks: the exact coordinate updates with one fault each.
 *
 * lingauss2_ascent_check is only worth what it catches, so each of its
 * checks has a wrong update that it is there to catch:
 *   update_monotone           the mean update given -m_j for the other
 *                             mean, which can lower the ELBO;
 *   fixed_point_mean          x scaled by 1 + 1e-3, a fixed point off the
 *                             posterior mean by 1e-3 of it;
 *   fixed_point_vs_optimizer  the variance 1e-4 too large, which only the
 *                             maximiser over all of q sees;
 *   mf_var_underestimates     s_i² = 1/θ_i², the prior's 1 dropped, above
 *                             Σ_ii wherever θ_i² is small.
 * A claim declares them as mutants (LINGAUSS2_ASCENT_FAULT_MUTANTS, in the
 * order of the enum, so that harness_mutant_flags sets ON) and passes its
 * update, which calls lingauss2_ascent_fault_update with those flags; all
 * off, it is lingauss2_ascent_exact bit for bit (each factor is 1).  Or it
 * passes lingauss2_ascent_fault_for's update, that same function with the
 * flags of its run: a run switches on one mutant at most, so one of five
 * fixed updates serves, and the claim keeps no flags of its own. */
#ifndef HARNESS_LINGAUSS2_ASCENT_FAULT_H
#define HARNESS_LINGAUSS2_ASCENT_FAULT_H

#include "lingauss2_ascent.h"

enum
{
  LINGAUSS2_ASCENT_FAULT_OTHER_NEGATED,
  LINGAUSS2_ASCENT_FAULT_X_SCALED,
  LINGAUSS2_ASCENT_FAULT_S2_REL,
  LINGAUSS2_ASCENT_FAULT_S2_NO_PRIOR,
  LINGAUSS2_ASCENT_N_FAULTS
};

/* STEP 0, 1, 2, 3 of a sweep sets m1, s1, m2, s2 of V as
   lingauss2_ascent_exact does (Bishop, PRML 10.1.2: m_i* = θ_i (x -
   θ_j m_j) / (1 + θ_i²), s_i²* = 1 / (1 + θ_i²)), with the faults whose
   flags ON[0 .. LINGAUSS2_ASCENT_N_FAULTS - 1] are set (the enum above). */
void lingauss2_ascent_fault_update (lingauss2 * v, int step,
                                    const int on[LINGAUSS2_ASCENT_N_FAULTS]);

/* The update of H's run: lingauss2_ascent_fault_update with the one fault
   whose mutant (an id of LINGAUSS2_ASCENT_FAULT_MUTANTS) the run switches
   on, or with none, which is lingauss2_ascent_exact bit for bit.  Dies,
   as mutant () does, when the claim has not declared those mutants. */
lingauss2_ascent_update lingauss2_ascent_fault_for (const harness * h);

/* The faults as a claim's mutant table entries (mutant_spec), in the
   enum's order, each naming the check of LINGAUSS2_ASCENT_IDS that
   catches it */
#define LINGAUSS2_ASCENT_FAULT_MUTANTS \
  {"update_other_negated", "mean update given -m_j for the other mean m_j", \
   "update_monotone"}, \
  {"update_x_scaled", "mean update with x scaled by 1 + 1e-3", "fixed_point_mean"}, \
  {"update_s2_rel", "variance update scaled by 1 + 1e-4", "fixed_point_vs_optimizer"}, \
  {"update_s2_no_prior", "variance update 1/θ1² (the prior's 1 dropped)", \
   "mf_var_underestimates"}

#endif
