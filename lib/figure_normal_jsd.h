/* figure_normal_jsd.h -- the picture of a unit-normal JSD sweep
 * (lib/normal_jsd): JSD of N(0, 1) and N(d, 1) against the separation d,
 * inside the closed-form band its gap's bracket puts on it, approaching
 * log 2.
 *
 * One figure_converge panel, inside a multiplot the claim opens and
 * closes: the quadrature as the series (its error, ~1e-13, is a bound too
 * small for a band, so the band is drawn at z = 1 of no SE), log 2 as its
 * constant closed form, the bracket log 2 (1 - e^{-d²/8}) <= JSD <= log 2
 * (1 - 2Q(d/2)) as the grey bounds, y from 0 to 0.8. */
#ifndef HARNESS_FIGURE_NORMAL_JSD_H
#define HARNESS_FIGURE_NORMAL_JSD_H

#include "figure_converge.h"
#include "normal_jsd.h"

/* The panel's description for sweep S; its one series is written to
   *SERIES, which the description points to. */
figure_converge_spec figure_normal_jsd_spec (const normal_jsd_sweep * s,
                                             figure_converge_series * series);

/* The panel of S as data block *BLOCK of H's figure and its commands
   (figure_converge, advancing *BLOCK); S needs at least two separations,
   or the run ends as figure_converge ends it (EXIT_RUNTIME). */
void figure_normal_jsd (harness * h, int *block, const normal_jsd_sweep * s);

#endif
