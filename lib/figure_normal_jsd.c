/* figure_normal_jsd.c -- the unit-normal JSD sweep as a figure_converge
   panel (figure_normal_jsd.h). */
#include "figure_normal_jsd.h"

#include <gsl/gsl_math.h>

figure_converge_spec
figure_normal_jsd_spec (const normal_jsd_sweep * s, figure_converge_series * series)
{
  *series = (figure_converge_series) { .label = "JSD by quadrature", .estimate = s->value,
    .truth_value = M_LN2, .truth_label = "log 2" };
  return (figure_converge_spec) {
    .title = "JSD of N(0,1) and N(d,1) tends to log 2", .xlabel = "separation d",
    .ylabel = "JSD (nats)", .x = s->d, .n = s->n, .z = 1, .series = series, .n_series = 1,
    .bracket_lo = s->jsd_lo, .bracket_hi = s->jsd_hi, .ylo = 0, .yhi = 0.8,
    .bracket_label = "closed-form band log 2 (1 - 2Q(d/2)) ≥ JSD ≥ log 2 (1 - e^{-d²/8})" };
}

void
figure_normal_jsd (harness * h, int *block, const normal_jsd_sweep * s)
{
  figure_converge_series series;
  figure_converge_spec panel = figure_normal_jsd_spec (s, &series);
  figure_converge (h, block, &panel);
}
