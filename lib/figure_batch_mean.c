/* figure_batch_mean.c -- the 1/K panel of batch_mean curves (see
   figure_batch_mean.h). */
#include "figure_batch_mean.h"
#include "figure_converge.h"

#include <stdio.h>

#define TRUTH_LABEL_MAX 160

void
figure_batch_mean (harness * h, int *block, const char *title, const double *k,
                   size_t n_k, const batch_mean_curve * const *curves,
                   const char *const *labels, size_t n, double z)
{
  figure_converge_series s[FIGURE_CONVERGE_MAX_SERIES] = { { 0 } };
  char truth[FIGURE_CONVERGE_MAX_SERIES][TRUTH_LABEL_MAX];
  if (n > FIGURE_CONVERGE_MAX_SERIES)
    die_runtime ("figure_batch_mean: %zu curves, at most %d", n, FIGURE_CONVERGE_MAX_SERIES);
  for (size_t i = 0; i < n; i++)
    {
      if (!labels[i])
        die_runtime ("figure_batch_mean: curve %zu of panel '%s' has no label", i, title);
      snprintf (truth[i], sizeof truth[i], "%s, quadrature / K", labels[i]);
      s[i] = (figure_converge_series) { .label = labels[i], .estimate = curves[i]->mse,
        .se = curves[i]->se, .truth = curves[i]->var_over_k, .truth_label = truth[i] };
    }
  const figure_converge_spec panel = {
    .title = title, .xlabel = "samples per estimate K", .ylabel = "Var of the K-sample estimate",
    .x = k, .n = n_k, .log_x = 1, .log_y = 1, .z = z, .series = s, .n_series = n, .bars = 1,
  };
  figure_converge (h, block, &panel);
}

void
figure_batch_mean_row (harness * h, int *block, double x0, double width,
                       const char *const *titles, size_t n_panels, const double *k,
                       size_t n_k, const batch_mean_curve * curves,
                       const char *const *labels, size_t n, double z)
{
  const batch_mean_curve *column[FIGURE_CONVERGE_MAX_SERIES];
  if (n > FIGURE_CONVERGE_MAX_SERIES)
    die_runtime ("figure_batch_mean_row: %zu curves, at most %d", n, FIGURE_CONVERGE_MAX_SERIES);
  double w = width / (double) n_panels;
  for (size_t j = 0; j < n_panels; j++)
    {
      for (size_t i = 0; i < n; i++)
        column[i] = &curves[i * n_panels + j];
      sbuf_printf (harness_figure_script (h), "set origin %g,0\nset size %g,1\n",
                   x0 + w * (double) j, w);
      figure_batch_mean (h, block, titles[j], k, n_k, column, labels, n, z);
    }
}
