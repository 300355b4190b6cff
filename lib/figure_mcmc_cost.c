/* figure_mcmc_cost.c -- two samplers' ESS per 1000 evaluations, as bars. */
#include "figure_mcmc_cost.h"
#include "figure.h"

void
figure_mcmc_cost (harness * h, int *block, const char *title,
                  const mcmc_cost * a, const char *a_label,
                  const mcmc_cost * b, const char *b_label)
{
  sbuf *gp = harness_figure_script (h), *fig = harness_figure_data (h);
  sbuf_printf (fig, "\n\n# block %d: ESS per 1000 evaluations\n# moment_index  %s  %s\n",
               *block, a->name, b->name);
  for (size_t m = 0; m < MCMC_COST_N_MOMENTS; m++)
    sbuf_printf (fig, "%zu \"E %s\" %.5g %.5g\n", m, mcmc_mixture_moment_names[m],
                 mcmc_cost_per_kilo_eval (a, m), mcmc_cost_per_kilo_eval (b, m));
  sbuf_append (gp, "set title ");
  figure_gp_string (gp, title);
  sbuf_append (gp, "\nset xlabel 'chain average'\nset ylabel 'ESS per 1000 evaluations'\n"
               "set style data histograms\nset style histogram clustered gap 1\n"
               "set style fill solid 0.7 border -1\nset boxwidth 0.9\nset yrange [0:*]\n"
               "set key top left\n");
  sbuf_printf (gp, "plot datafile index %d using 3:xtic(2) ls 1 title ", *block);
  figure_gp_string (gp, a_label);
  sbuf_printf (gp, ", \\\n     '' index %d using 4 ls 2 title ", *block);
  figure_gp_string (gp, b_label);
  sbuf_append (gp, "\n");
  ++*block;
}
