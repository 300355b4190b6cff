/* lingauss2_ascent_fault.c -- the exact coordinate updates with the
 * faults that lingauss2_ascent's checks must catch
 * (lingauss2_ascent_fault.h). */
#include "lingauss2_ascent_fault.h"

#include <math.h>

#define ON(f) on[LINGAUSS2_ASCENT_FAULT_ ## f]

/* A fault off is a factor of exactly 1, so the values are the exact
   updates' to the last bit. */
void
lingauss2_ascent_fault_update (lingauss2 * v, int step,
                               const int on[LINGAUSS2_ASCENT_N_FAULTS])
{
  int i = step / 2;
  if (step % 2 == 0)
    {
      lingauss2 u = *v;         /* what the mean update is given */
      u.m[1 - i] *= ON (OTHER_NEGATED) ? -1 : 1;
      u.x *= ON (X_SCALED) ? 1 + 1e-3 : 1;
      v->m[i] = lingauss2_cavi_mean (&u, i).value;
      return;
    }
  double s2 = lingauss2_cavi_var (v, i).value * (ON (S2_REL) ? 1 + 1e-4 : 1);
  if (ON (S2_NO_PRIOR))
    s2 = 1 / (v->theta[i] * v->theta[i]);
  v->s[i] = sqrt (s2);
}

/* Fault K alone (K = LINGAUSS2_ASCENT_N_FAULTS: none), as an update of
   lingauss2_ascent's shape, which carries no flags */
static const int FAULT_ALONE[LINGAUSS2_ASCENT_N_FAULTS + 1][LINGAUSS2_ASCENT_N_FAULTS] = {
  {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}
};
#define FAULT_ALONE_UPDATE(name, k) static void \
  name (lingauss2 * v, int step) { lingauss2_ascent_fault_update (v, step, FAULT_ALONE[k]); }
FAULT_ALONE_UPDATE (update_other_negated, LINGAUSS2_ASCENT_FAULT_OTHER_NEGATED)
FAULT_ALONE_UPDATE (update_x_scaled, LINGAUSS2_ASCENT_FAULT_X_SCALED)
FAULT_ALONE_UPDATE (update_s2_rel, LINGAUSS2_ASCENT_FAULT_S2_REL)
FAULT_ALONE_UPDATE (update_s2_no_prior, LINGAUSS2_ASCENT_FAULT_S2_NO_PRIOR)
FAULT_ALONE_UPDATE (update_no_fault, LINGAUSS2_ASCENT_N_FAULTS)

lingauss2_ascent_update
lingauss2_ascent_fault_for (const harness * h)
{
  static const mutant_spec faults[] = { LINGAUSS2_ASCENT_FAULT_MUTANTS };
  static const lingauss2_ascent_update alone[] = { update_other_negated, update_x_scaled,
    update_s2_rel, update_s2_no_prior, update_no_fault };
  _Static_assert (COUNT_OF (faults) == LINGAUSS2_ASCENT_N_FAULTS, "one mutant per fault");
  int k = LINGAUSS2_ASCENT_N_FAULTS;
  for (int f = 0; f < LINGAUSS2_ASCENT_N_FAULTS; f++)   /* each asked: undeclared dies */
    if (mutant (h, faults[f].id))
      k = f;
  return alone[k];
}
