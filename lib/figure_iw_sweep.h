/* figure_iw_sweep.h -- the picture of an importance-weighted sweep
 * (lib/iw_sweep): how fast the gap log p(x) - L_k closes, as two panels
 * of a multiplot the claim opens and closes.
 *
 * First, log-log: the gap against k, by quadrature for each q as a line,
 * by Monte Carlo as points ± 1 SE (iw_sweep_write_data's estimates; for a
 * q with an infinite Var(w~), log p(x) - the mean L_k can fall below 0: a
 * bar whose lower end would be negative is drawn down to a tenth of its
 * point), the delta-method asymptotes Var(w~)/(2k) for q with a finite
 * Var(w~), and the bounds.  Second: k times the gap, flat for a 1/k rate,
 * against the limits Var(w~)/2.  Each q keeps its line style, 1, 2, ...,
 * in the order of the sweep; asymptotes and limits are style 7, bounds 8. */
#ifndef HARNESS_FIGURE_IW_SWEEP_H
#define HARNESS_FIGURE_IW_SWEEP_H

#include "iw_sweep.h"

/* Write S's data (iw_sweep_write_data) to DATA as blocks BLOCK and
   BLOCK + 1, and both panels to the script GP, q P's exact line keyed
   "NAME q (WHAT[P]), exact".  The names are also gnuplot variables'
   (half_var_NAME): letters, digits and _. */
void figure_iw_sweep (sbuf * gp, sbuf * data, const iw_sweep * s, int block,
                      const char *const what[]);

#endif
