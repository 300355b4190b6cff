/* @SLUG@.c -- ONE LINE SAYING WHAT IS CLAIMED.
 *
 * Sources: NNN SECTION (the seed file and the lines checked).
 * Ground truth: how the harness knows the right answer (closed form,
 * Monte Carlo, quadrature, optimiser, brute force).
 *
 * Made by `make new-claim NAME=@SLUG@`.  As it stands it checks a fact
 * about the standard normal so that it builds, runs and passes; replace the
 * example check by the claim's own, keeping the shape:
 *   1. declare each check in CHECKS (a seed line as written: its source,
 *      EXPECT_HOLDS or EXPECT_SEED_ERROR with the correct expression);
 *   2. declare a mutant for every check that should hold;
 *   3. compute evidence and hand it to check_compare / check_point;
 *   4. draw the figure, write the notes. */
#include "harness.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static const check_spec CHECKS[] = {
  {"second_moment", "harness",
   "E[z^2] = 1 for z ~ N(0, 1), by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"moment_off", "the claimed value 1 replaced by 1.05", "second_moment"},
};

static const param_spec PARAMS[] = {
  {"scale", 1.0, 0.01, 100.0, "standard deviation of the normal", PARAM_REAL},
};

static const claim CLAIM = {
  .slug = "@SLUG@",
  .title = "TITLE OF THE CLAIM",
  .claim = "The claim in our words.",
  .sources = "NNN SECTION",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 1000000, .samples_quick = 20000,
  .figure_caption = "What the figure shows.",
};

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  gsl_rng *r = harness_rng (h);
  long n = harness_samples (h);
  double s = harness_param (h, "scale");

  mc_acc acc;
  mc_init (&acc);
  sbuf *data = harness_figure_data (h);
  sbuf_append (data, "# n  running mean of (z/s)^2  se\n");
  for (long i = 1; i <= n; i++)
    {
      double z = gsl_ran_gaussian_ziggurat (r, s) / s;
      mc_add (&acc, z * z);
      if ((i & (i - 1)) == 0 || i == n)     /* powers of two */
        sbuf_printf (data, "%ld %.10g %.10g\n", i, mc_mean (&acc), mc_se (&acc));
    }
  double claimed = mutant (h, "moment_off") ? 1.05 : 1.0;
  check_compare (h, "second_moment", est_mc_acc (&acc), est_exact (claimed, 0),
                 "%ld draws", n);

  sbuf_append (harness_figure_script (h),
    "set title 'E[z^2] by Monte Carlo'\nset logscale x\n"
    "set xlabel 'draws'\nset ylabel 'running mean'\n"
    "plot datafile using 1:($2-5*$3):($2+5*$3) with filledcurves ls 1 title '± 5 SE', \\\n"
    "     '' using 1:2 with lines ls 1 title 'estimate', 1 with lines ls 7 title 'claimed'\n");
  sbuf_append (harness_notes (h), "Explain the model and the choices here.\n");
  return harness_end (h);
}
