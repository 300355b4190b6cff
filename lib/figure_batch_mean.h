/* figure_batch_mean.h -- the panel of lib/batch_mean's curves: how the
 * variance of K-sample averages falls with K.
 *
 * Over K on log axes, each estimator's mean over replicates of (ĝ_K - G)²
 * with ±z·SE bars (its exact standard error, batch_mean_sq_se), on its
 * per-sample variance by quadrature over K, the 1/K law it must follow; a
 * panel of lib/figure_converge (data block *BLOCK, advanced; inside a
 * multiplot the claim opens and closes), the series in its colours. */
#ifndef HARNESS_FIGURE_BATCH_MEAN_H
#define HARNESS_FIGURE_BATCH_MEAN_H

#include "batch_mean.h"
#include "harness.h"

/* The panel TITLE of the N (1 .. FIGURE_CONVERGE_MAX_SERIES) curves
   CURVES[i] over the N_K sizes K, named LABELS[i] (their closed forms
   "LABELS[i], quadrature / K"), the bars ±Z·SE: Z the critical value of the
   check they decide (figure_converge_z).  A description figure_converge
   refuses is a defect of the claim: one line, EXIT_RUNTIME. */
void figure_batch_mean (harness * h, int *block, const char *title,
                        const double *k, size_t n_k,
                        const batch_mean_curve * const *curves,
                        const char *const *labels, size_t n, double z);

/* A row of N_PANELS such panels side by side, from X0 across WIDTH of the
   canvas (inside the multiplot the claim opens), panel j titled TITLES[j]
   with the curves CURVES[i N_PANELS + j] of the N estimators named
   LABELS[i]: one panel per component of a gradient, say. */
void figure_batch_mean_row (harness * h, int *block, double x0, double width,
                            const char *const *titles, size_t n_panels,
                            const double *k, size_t n_k, const batch_mean_curve * curves,
                            const char *const *labels, size_t n, double z);

#endif
