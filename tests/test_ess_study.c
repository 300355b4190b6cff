/* test_ess_study.c -- lib/ess_study on AR(1) chains whose ESS is known.
 *
 * 40 replicate chains of n = 4000 at ρ = 0.5 (exact ESS/n about 1/3):
 * Geyer's estimator is unbiased to a few percent there, so the median of
 * log(ESS-hat/ESS) lies within 3 of its own spread / sqrt(40) plus 0.05
 * (the estimator's known small bias), the spread itself is between 0.01
 * and 0.3, the 10%-90% range of ESS-hat/n brackets the exact 1/3, nothing
 * is undefined, and the ±1.96 se coverage is at least 0.8 (expected
 * 0.95; at 40 replicates, 0.8 is 3.8 binomial sds below).  Negative
 * controls: an estimator that reports ESS = n (independence) at ρ = 0.9
 * has median log ratio log τ ≈ 2.9; one that is undefined on every chain
 * is counted so.  Seeded: the same numbers every run.
 *
 * The table (ess_study_write_table) against rows written out by hand, one
 * with its 90% point among the undefined replicates ("undefined", never
 * "inf"); negative control: the same studies under a wrong chain length
 * give another ESS/n column, which the comparison catches. */
#include "ess_study.h"
#include "ar1.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

static void ess_iid (ess_result * e) { e->ess = (double) e->n; }
static void ess_undefined (ess_result * e) { e->ess = NAN; }

/* Two hand-made studies of chains of length 1000, 40 replicates each. */
static void
check_table (void)
{
  const ess_study s[2] = {
    {.rho = 0.5, .ess_true = 1000.0 / 3, .median_log = 0, .sd_log = 0.05,
     .q10 = 0.3, .q90 = 0.36, .undefined = 0, .coverage = 0.95},
    {.rho = -0.9, .ess_true = 19000, .median_log = log (1.25), .sd_log = 0.5,
     .q10 = 12.5, .q90 = INFINITY, .undefined = 7, .coverage = 0.9},
  };
  const char *want =
    "| ρ | exact ESS/n | median estimate / exact | sd of log | "
    "10%–90% of ESS-hat/n | undefined | coverage of ±1.96 se |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 0.5 | 0.3333 | 1.0000 | 0.0500 | 0.3 – 0.36 | 0/40 | 0.950 |\n"
    "| -0.9 | 19 | 1.2500 | 0.5000 | 12.5 – undefined | 7/40 | 0.900 |\n";
  sbuf b, wrong;
  sbuf_init (&b);
  sbuf_init (&wrong);
  ess_study_write_table (&b, s, 2, 1000, 40);
  ess_study_write_table (&wrong, s, 2, 2000, 40);
  if (!tap_ok (strcmp (sbuf_str (&b), want) == 0, "the table, rows as worked by hand"))
    for (const char *p = sbuf_str (&b); *p; p = strchr (p, '\n') + 1)
      printf ("#   got %.*s\n", (int) (strchr (p, '\n') - p), p);
  tap_ok (strstr (sbuf_str (&b), "inf") == NULL, "a 90%% point among the undefined is not inf");
  tap_ok (strcmp (sbuf_str (&wrong), want) != 0 && strstr (sbuf_str (&wrong), "| 0.1667 |"),
          "negative control: chains said to be 2000 long give ESS/n 0.1667, caught");
  sbuf_free (&b);
  sbuf_free (&wrong);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261203);
  ess_study s;
  mc_acc z;
  mc_init (&z);
  ess_study_ar1 (r, 0.5, 4000, 40, NULL, &s, &z);
  double exact = 1.0 / ar1_tau_exact (0.5, 4000);
  tap_ok (fabs (s.ess_true / 4000 - exact) < 1e-12, "the exact ESS/n at ρ = 0.5: %.6f", exact);
  tap_ok (fabs (s.median_log) <= 3 * s.sd_log / sqrt (40.0) + 0.05 && s.sd_log > 0.01
          && s.sd_log < 0.3, "median log(ESS-hat/ESS) %.4f, spread %.4f", s.median_log, s.sd_log);
  tap_ok (s.q10 < exact && exact < s.q90 && s.undefined == 0,
          "10%%-90%% of ESS-hat/n [%.4f, %.4f] brackets %.4f; none undefined", s.q10, s.q90, exact);
  tap_ok (s.coverage >= 0.8 && z.n == 40, "coverage of ±1.96 se %.3f, 40 |z| values", s.coverage);

  ess_study_ar1 (r, 0.9, 4000, 20, ess_iid, &s, NULL);
  tap_ok (fabs (s.median_log - log (ar1_tau_exact (0.9, 4000))) < 1e-9,
          "negative control: ESS = n at ρ = 0.9 gives log τ = %.3f", s.median_log);
  ess_study_ar1 (r, 0.5, 1000, 10, ess_undefined, &s, NULL);
  tap_ok (s.undefined == 10 && isinf (s.median_log), "an estimator undefined on every chain:"
          " 10 of 10 counted, the median +inf");
  gsl_rng_free (r);
  check_table ();
  return tap_done ();
}
