/* figure_mcmc_cost.h -- the panel of lib/mcmc_cost: two samplers' ESS per
 * 1000 evaluations of the density or its gradient, average by average.
 *
 * A clustered histogram, one cluster per moment average of lib/mcmc_mixture
 * (the x tics name them), the two samplers side by side in line styles 1
 * and 2 of lib/figure_style.gp, on a y axis from 0: the cost comparison
 * the report's table gives, at a glance.  It writes data block *BLOCK (and
 * advances it; columns: index, the quoted average's name, then each
 * sampler's ESS per 1000 evaluations, mcmc_cost_per_kilo_eval, so the
 * panel cannot show other numbers than the table) and its gnuplot commands
 * inside a multiplot the claim opens and closes.  It leaves the histogram
 * style, the fill, the box width and the y range set: draw it last, or
 * reset them. */
#ifndef HARNESS_FIGURE_MCMC_COST_H
#define HARNESS_FIGURE_MCMC_COST_H

#include "harness.h"
#include "mcmc_cost.h"

/* The panel TITLE of A and B, their bars titled A_LABEL and B_LABEL (the
   data header names their columns by A->name and B->name). */
void figure_mcmc_cost (harness * h, int *block, const char *title,
                       const mcmc_cost * a, const char *a_label,
                       const mcmc_cost * b, const char *b_label);

#endif
