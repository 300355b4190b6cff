/* normal_jsd.c -- JSD of N(0, 1) and N(d, 1), its gap's bracket, a sweep
   over d (normal_jsd.h). */
#include "normal_jsd.h"

#include "errors.h"
#include "normal_pair.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <math.h>

quad_result
normal_jsd_unit_quad (double d, double epsabs, double epsrel)
{
  normal_pair g = { 0, 1, d, 1 };
  return normal_pair_jsd_quad (&g, epsabs, epsrel);
}

void
normal_jsd_gap_bounds (double d, double *lo, double *hi)
{
  *lo = M_LN2 * 2 * gsl_cdf_ugaussian_Q (d / 2);
  *hi = M_LN2 * exp (-d * d / 8);
}

void
normal_jsd_sweep_fill (normal_jsd_sweep * s, double step, double dmax, double epsabs,
                       double epsrel)
{
  s->n = 0;
  for (int i = 0; step * i <= dmax; i++)
    {
      size_t k = s->n++;
      if (k >= NORMAL_JSD_SWEEP_MAX)
        die_internal ("normal_jsd_sweep_fill: more than %d separations up to %g",
                      NORMAL_JSD_SWEEP_MAX, dmax);
      quad_result jsd = normal_jsd_unit_quad (step * i, epsabs, epsrel);
      s->d[k] = step * i, s->value[k] = jsd.value, s->abserr[k] = jsd.abserr;
      normal_jsd_gap_bounds (s->d[k], &s->gap_lo[k], &s->gap_hi[k]);
      s->jsd_lo[k] = M_LN2 - s->gap_hi[k], s->jsd_hi[k] = M_LN2 - s->gap_lo[k];
    }
}
