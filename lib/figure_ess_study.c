/* figure_ess_study.c -- an ESS estimator's AR(1) study as two panels (see
   figure_ess_study.h). */
#include "figure_ess_study.h"
#include "errors.h"
#include "figure_converge.h"

#include <math.h>
#include <stdio.h>

#define MAX FIGURE_ESS_STUDY_MAX

/* (a): estimated against exact ESS/n, the studies in reverse (exact ESS/n increasing) */
static void
panel_against (harness * h, int *block, const ess_study * s, size_t n_s, size_t n)
{
  double exact[MAX], median[MAX], lo[MAX], hi[MAX];
  char names[MAX][24];
  const char *name[MAX];
  for (size_t i = 0; i < n_s; i++)
    {
      const ess_study *r = &s[n_s - 1 - i];
      exact[i] = r->ess_true / (double) n;
      median[i] = exp (r->median_log) * exact[i];
      lo[i] = r->q10, hi[i] = r->q90;
      snprintf (names[i], sizeof names[i], "ρ = %g", r->rho);
      name[i] = names[i];
    }
  char title[80];
  snprintf (title, sizeof title, "(a) AR(1), n = %zu: estimated against exact ESS", n);
  const figure_converge_series against = { .label = "median", .estimate = median,
    .truth = exact, .truth_label = "estimate = exact", .spread_lo = lo, .spread_hi = hi,
    .spread_label = "10-90% of replicates", .point_label = name };
  figure_converge (h, block, &(figure_converge_spec) { .title = title,
    .xlabel = "exact ESS / n", .ylabel = "estimated ESS / n", .x = exact, .n = n_s,
    .log_x = 1, .log_y = 1, .z = 1, .series = &against, .n_series = 1, .bars = 1,
    .xlo = 0.002, .xhi = 50, .ylo = 0.002, .yhi = 50, .key = "top left" });
}

/* (b): ESS-hat/ESS over ρ, one series per check (ρ < 0, ρ >= 0), NaN where the
   other check decides */
static void
panel_relative (harness * h, int *block, const ess_study * s, size_t n_s, size_t n,
                const char *neg_id, const char *pos_id)
{
  double rho[MAX], ratio[2][MAX], sd[2][MAX], q10[MAX], q90[MAX];
  for (size_t i = 0; i < n_s; i++)
    {
      rho[i] = s[i].rho;
      int neg = s[i].rho < 0;
      ratio[neg][i] = exp (s[i].median_log), ratio[!neg][i] = NAN;
      sd[neg][i] = s[i].sd_log, sd[!neg][i] = NAN;
      q10[i] = s[i].q10 / (s[i].ess_true / (double) n);
      q90[i] = s[i].q90 / (s[i].ess_true / (double) n);
    }
  figure_converge_series relative[2];
  for (int neg = 0; neg < 2; neg++)
    relative[neg] = (figure_converge_series) {
      .label = neg ? "median, ρ < 0" : "median, ρ ≥ 0",
      .estimate = ratio[neg], .se = sd[neg], .se_of_log = 1,
      .z = figure_converge_z (h, neg ? neg_id : pos_id),
      .truth_value = 1, .truth_label = "exact", .spread_lo = q10, .spread_hi = q90,
      .spread_label = neg ? "10-90%, ρ < 0" : "10-90%, ρ ≥ 0" };
  figure_converge (h, block, &(figure_converge_spec) {
    .title = "(b) estimated / exact ESS in each check's band",
    .xlabel = "lag-1 autocorrelation ρ", .ylabel = "estimated / exact ESS", .x = rho,
    .n = n_s, .log_y = 1, .z = 1, .series = relative, .n_series = 2, .xlo = -1.05,
    .xhi = 1.05, .key = "top center font ',11' spacing 1" });
}

void
figure_ess_study (harness * h, int *block, const ess_study * s, size_t n_s, size_t n,
                  const char *neg_id, const char *pos_id)
{
  if (n_s < 2 || n_s > MAX)
    die_internal ("figure_ess_study: %zu studies (2 to %d)", n_s, MAX);
  panel_against (h, block, s, n_s, n);
  panel_relative (h, block, s, n_s, n, neg_id, pos_id);
}
