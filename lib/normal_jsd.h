/* normal_jsd.h -- the Jensen-Shannon divergence of two unit normals
 * N(0, 1) and N(d, 1) as a function of their separation d, and the
 * closed-form bracket of its gap to log 2.
 *
 * JSD has no closed form for two normals; its value is lib/normal_pair's
 * quadrature in log space.  Its gap log 2 - JSD = E_r[h(p/(p + q))], r =
 * (p + q)/2 and h the binary entropy in nats, is bracketed by
 * 2 log 2 min(t, 1 - t) <= h(t) <= 2 log 2 sqrt(t (1 - t)):
 *
 *     log 2 · 2Q(d/2)  <=  log 2 - JSD  <=  log 2 · exp(-d²/8)
 *
 * (Lin 1991; Topsoe 2000), the lower side log 2 ∫ min(p, q), the upper
 * log 2 times the Bhattacharyya coefficient; both are equalities at d = 0.
 * A sweep is the table of both over an even grid of separations, for a
 * claim's checks and its figure. */
#ifndef HARNESS_NORMAL_JSD_H
#define HARNESS_NORMAL_JSD_H

#include "quad.h"

#include <stddef.h>

/* The most separations a sweep holds: d = 0, 0.25, ..., 16 */
#define NORMAL_JSD_SWEEP_MAX 65

/* JSD(N(0, 1), N(D, 1)) by normal_pair_jsd_quad to EPSABS, EPSREL.  Dies
   (exit 3) when the two rules of lib/quad disagree. */
quad_result normal_jsd_unit_quad (double d, double epsabs, double epsrel);

/* The bracket on log 2 - JSD at separation D: *LO = log 2 · 2Q(D/2) (Q
   the standard normal upper tail, gsl_cdf_ugaussian_Q) and *HI = log 2 ·
   exp(-D²/8), each to a few ulps. */
void normal_jsd_gap_bounds (double d, double *lo, double *hi);

/* The sweep over d_i = STEP · i, i = 0, 1, ... while d_i <= DMAX: at each,
   JSD's VALUE and ABSERR (normal_jsd_unit_quad), the gap's bounds GAP_LO,
   GAP_HI (normal_jsd_gap_bounds), and the bracket they put on JSD itself,
   JSD_LO = log 2 - GAP_HI <= JSD <= JSD_HI = log 2 - GAP_LO. */
typedef struct
{
  size_t n;
  double d[NORMAL_JSD_SWEEP_MAX], value[NORMAL_JSD_SWEEP_MAX], abserr[NORMAL_JSD_SWEEP_MAX];
  double gap_lo[NORMAL_JSD_SWEEP_MAX], gap_hi[NORMAL_JSD_SWEEP_MAX];
  double jsd_lo[NORMAL_JSD_SWEEP_MAX], jsd_hi[NORMAL_JSD_SWEEP_MAX];
} normal_jsd_sweep;

/* Fill S for STEP > 0 and DMAX >= 0, quadrature to EPSABS, EPSREL.  Dies
   (die_internal) when the grid has more than NORMAL_JSD_SWEEP_MAX
   separations. */
void normal_jsd_sweep_fill (normal_jsd_sweep * s, double step, double dmax, double epsabs,
                            double epsrel);

#endif
