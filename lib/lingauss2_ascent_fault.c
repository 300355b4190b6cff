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
