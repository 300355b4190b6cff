/* ess_study.c -- an ESS estimator on replicate AR(1) chains. */
#include "ess_study.h"
#include "ar1.h"
#include "errors.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void
ess_study_ar1 (const gsl_rng * r, double rho, size_t n, size_t reps,
               ess_study_variant variant, ess_study * s, mc_acc * abs_z)
{
  double *x = xmalloc (n * sizeof *x), *logr = xmalloc (reps * sizeof *logr);
  double *ratio = xmalloc (reps * sizeof *ratio);
  size_t covered = 0;
  mc_acc spread;
  mc_init (&spread);
  s->rho = rho;
  s->ess_true = (double) n / ar1_tau_exact (rho, n);
  s->undefined = 0;
  for (size_t i = 0; i < reps; i++)
    {
      ar1_chain (r, rho, x, n);
      ess_result e = ess_geyer (x, 1, n);
      if (variant)
        variant (&e);
      if (!(e.ess > 0 && isfinite (e.ess)))
        {
          s->undefined++;
          logr[i] = ratio[i] = INFINITY;
          continue;
        }
      logr[i] = log (e.ess / s->ess_true);
      ratio[i] = e.ess / (double) n;
      mc_add (&spread, logr[i]);
      double z = e.mean / e.se;
      covered += fabs (z) <= 1.96;
      if (abs_z)
        mc_add (abs_z, fabs (z));
    }
  gsl_sort (logr, 1, reps);
  gsl_sort (ratio, 1, reps);
  s->median_log = gsl_stats_quantile_from_sorted_data (logr, 1, reps, 0.5);
  s->sd_log = sqrt (mc_variance (&spread));
  s->q10 = gsl_stats_quantile_from_sorted_data (ratio, 1, reps, 0.1);
  s->q90 = gsl_stats_quantile_from_sorted_data (ratio, 1, reps, 0.9);
  s->coverage = (double) covered / (double) (reps - s->undefined);
  free (x);
  free (logr);
  free (ratio);
}

void
ess_study_write_table (sbuf * b, const ess_study * s, size_t n_s, size_t n,
                       size_t reps)
{
  sbuf_append (b, "| ρ | exact ESS/n | median estimate / exact | sd of log | "
               "10%–90% of ESS-hat/n | undefined | coverage of ±1.96 se |\n"
               "|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < n_s; i++)
    {
      /* Undefined replicates sort as +inf: a percentile that falls among
         them is undefined, not infinite. */
      char q90[64] = "undefined";
      if (isfinite (s[i].q90))
        snprintf (q90, sizeof q90, "%.4g", s[i].q90);
      sbuf_printf (b, "| %g | %.4g | %.4f | %.4f | %.4g – %s | %zu/%zu | %.3f |\n",
                   s[i].rho, s[i].ess_true / (double) n, exp (s[i].median_log),
                   s[i].sd_log, s[i].q10, q90, s[i].undefined, reps,
                   s[i].coverage);
    }
}
