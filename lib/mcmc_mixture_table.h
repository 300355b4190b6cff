/* mcmc_mixture_table.h -- samplers on the mixture against its exact moments, as a table.
 *
 * A claim that runs samplers on the 2-D mixture (lib/mcmc_mixture) reports
 * what its moment checks compared: per moment the exact value and each
 * sampler's pooled average with its MCMC standard error and its ESS.  One
 * markdown table, a row per moment (in mcmc_mixture_moment_names' order)
 * and a column per sampler, so that the report shows the numbers the
 * checks decided on, at the precision a reader compares them: four
 * decimals, the ESS to a whole draw. */
#ifndef HARNESS_MCMC_MIXTURE_TABLE_H
#define HARNESS_MCMC_MIXTURE_TABLE_H

#include "mcmc_mixture.h"
#include "sbuf.h"

#include <stddef.h>

/* Appends to OUT the table of the N_RUNS runs RUNS[i], headed LABELS[i],
   against the exact moments EXACT:
     | moment | exact | LABELS[0] | ... |
     |---|---|---| ... |
     | E x1 | %.4f | mean ± se (ESS ess) | ... |   (five rows) */
void mcmc_mixture_table_moments (sbuf * out, const double *exact,
                                 const mcmc_mixture_run *const *runs,
                                 const char *const *labels, size_t n_runs);

#endif
