/* mcmc_mixture_table.c -- the moments table (see mcmc_mixture_table.h). */
#include "mcmc_mixture_table.h"

void
mcmc_mixture_table_moments (sbuf * out, const double *exact, const mcmc_mixture_run *const *runs,
                            const char *const *labels, size_t n_runs)
{
  sbuf_append (out, "| moment | exact |");
  for (size_t i = 0; i < n_runs; i++)
    sbuf_printf (out, " %s |", labels[i]);
  sbuf_append (out, "\n|---|---|");
  for (size_t i = 0; i < n_runs; i++)
    sbuf_append (out, "---|");
  sbuf_append (out, "\n");
  for (size_t m = 0; m < MCMC_MIXTURE_N_MOMENTS; m++)
    {
      sbuf_printf (out, "| E %s | %.4f |", mcmc_mixture_moment_names[m], exact[m]);
      for (size_t i = 0; i < n_runs; i++)
        sbuf_printf (out, " %.4f ± %.4f (ESS %.0f) |", runs[i]->moment[m].mean,
                     runs[i]->moment[m].se, runs[i]->moment[m].ess);
      sbuf_append (out, "\n");
    }
}
