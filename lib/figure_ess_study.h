/* figure_ess_study.h -- the two panels of lib/ess_study: an ESS estimator
 * on AR(1) chains against the exact ESS.
 *
 * Panel (a) puts the median ESS-hat/n at each ρ against the exact ESS/n
 * on log axes (x falls as ρ grows, so the studies are drawn in reverse),
 * each point labelled with its ρ, on the diagonal estimate = exact.
 * Panel (b) puts the median of ESS-hat/ESS over ρ inside the band each
 * check decides with: the studies at ρ < 0 and at ρ >= 0 are two series,
 * each with its check's own critical value z (figure_converge_z) and the
 * band e^{±z·sd} of log(ESS-hat/ESS) (sd_log, the spread of one estimate
 * over the replicates), so that the panel shows the decision as made.
 * Both carry the 10th to 90th percentile of the replicates as bars.  Each
 * panel is a figure_converge panel: data blocks *BLOCK and *BLOCK + 1
 * (advancing *BLOCK by 2) and their commands, inside a multiplot the
 * claim opens and closes. */
#ifndef HARNESS_FIGURE_ESS_STUDY_H
#define HARNESS_FIGURE_ESS_STUDY_H

#include "ess_study.h"
#include "harness.h"

#define FIGURE_ESS_STUDY_MAX 16         /* studies per figure */

/* Panels (a) and (b), titled "(a) AR(1), n = N: estimated against exact
   ESS" and "(b) estimated / exact ESS in each check's band", of the
   studies S[0..N_S-1] (chains of length N, ordered by increasing ρ, 2 to
   FIGURE_ESS_STUDY_MAX of them); NEG_ID and POS_ID are the checks that
   decided the studies at ρ < 0 and ρ >= 0 (both closed).  Dies
   (die_internal) for an N_S out of range. */
void figure_ess_study (harness * h, int *block, const ess_study * s, size_t n_s, size_t n,
                       const char *neg_id, const char *pos_id);

#endif
