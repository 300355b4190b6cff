/* figure_mcmc.h -- figure panels of samplers on a 2-D target.
 *
 * Declarative panels in the manner of figure_panel.h, for claims that run
 * samplers: their draws over the target's density contours, the trace and
 * the autocorrelation of a chain's first coordinate (from which the ESS
 * comes), and a numerical error against a step size with the slope of its
 * order.  Each writes its data blocks from *BLOCK on (and advances it) and
 * its gnuplot commands, inside a multiplot the claim opens and closes.  A
 * sampler's draws are the rows of a matrix, its chains one after another
 * (N draws each); traces and autocorrelations are of its first chain.
 * Samplers are drawn in line styles 1, 2, ... of lib/figure_style.gp. */
#ifndef HARNESS_FIGURE_MCMC_H
#define HARNESS_FIGURE_MCMC_H

#include "harness.h"

#include <gsl/gsl_matrix.h>

typedef struct
{
  const gsl_matrix *draws;
  size_t n;                    /* draws per chain */
  const char *label;
} figure_mcmc_sampler;

/* The density exp(LOG_DENSITY) on a 61 x 61 grid over BOX = {x_lo, x_hi,
   y_lo, y_hi}, as 8 contour levels, under at most about 1500 of each
   sampler's draws (every k-th).  Returns the largest density on the grid. */
double figure_mcmc_draws (harness * h, int *block, const char *title,
                          double (*log_density) (const double *x, void *params),
                          void *params, const double box[4],
                          const figure_mcmc_sampler * s, size_t n_s);
/* The first LEN draws of x_1 of each sampler's first chain. */
void figure_mcmc_traces (harness * h, int *block, const char *title,
                         const figure_mcmc_sampler * s, size_t n_s, size_t len);
/* The autocorrelation ρ_k of x_1 of each sampler's first chain, k <= MAX_LAG
   (<= 60), by FFT (lib/ess.h). */
void figure_mcmc_acf (harness * h, int *block, const char *title,
                      const figure_mcmc_sampler * s, size_t n_s, size_t max_lag);

/* An error ERR[i] at step STEP[i] (log-log, x over [XLO, XHI]) against
   c step^ORDER through the last point, labelled REF_LABEL. */
typedef struct
{
  const char *title, *xlabel, *ylabel, *label, *ref_label;
  double xlo, xhi;
  int order;
} figure_mcmc_order_spec;
void figure_mcmc_order (harness * h, int *block, const figure_mcmc_order_spec * o,
                        const double *step, const double *err, size_t n);

#endif
