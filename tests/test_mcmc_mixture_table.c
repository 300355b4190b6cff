/* test_mcmc_mixture_table.c -- lib/mcmc_mixture_table against tables written by hand.
 *
 * Two runs whose pooled moments are set by hand (no chains: the table
 * reads only the summaries) give the markdown typed out below, the ESS
 * rounded to a whole draw (x.4 down), the values clear of rounding ties.
 * One run alone gives three columns.  Negative controls: the same runs in
 * the other order do not give the typed table, nor does the typed table
 * with one digit wrong match (the comparison is exact). */
#include "mcmc_mixture_table.h"
#include "tap.h"

#include <string.h>

static mcmc_mixture_run
run_by_hand (double base)
{
  mcmc_mixture_run r = { 0 };
  for (size_t m = 0; m < MCMC_MIXTURE_N_MOMENTS; m++)
    r.moment[m] = (ess_result) { .mean = base + (double) m,
      .se = 0.01 * base + 0.0001 * (double) m, .ess = 1000 * base + 0.4 };
  return r;
}

static const char WANT[] =
  "| moment | exact | A | B |\n|---|---|---|---|\n"
  "| E x1 | 0.5000 | 0.2500 ± 0.0025 (ESS 250) | 1.5000 ± 0.0150 (ESS 1500) |\n"
  "| E x2 | -1.2500 | 1.2500 ± 0.0026 (ESS 250) | 2.5000 ± 0.0151 (ESS 1500) |\n"
  "| E x1² | 2.0000 | 2.2500 ± 0.0027 (ESS 250) | 3.5000 ± 0.0152 (ESS 1500) |\n"
  "| E x1x2 | 0.0625 | 3.2500 ± 0.0028 (ESS 250) | 4.5000 ± 0.0153 (ESS 1500) |\n"
  "| E x2² | 3.0000 | 4.2500 ± 0.0029 (ESS 250) | 5.5000 ± 0.0154 (ESS 1500) |\n";

/* Is the table of RUNS the text WANT?  What it is gets printed when the answer is not EXPECT. */
static int
table_is (const double *exact, const mcmc_mixture_run *const *runs, const char *const *labels,
          size_t n, const char *want, int expect)
{
  sbuf b;
  sbuf_init (&b);
  mcmc_mixture_table_moments (&b, exact, runs, labels, n);
  int same = strcmp (sbuf_str (&b), want) == 0;
  if (same != expect)
    printf ("# got:\n%s", sbuf_str (&b));
  sbuf_free (&b);
  return same;
}

int
main (void)
{
  double exact[MCMC_MIXTURE_N_MOMENTS] = { 0.5, -1.25, 2, 0.0625, 3 };
  mcmc_mixture_run a = run_by_hand (0.25), b = run_by_hand (1.5);
  const char *labels[] = { "A", "B" };
  tap_ok (table_is (exact, (const mcmc_mixture_run *[]) { &a, &b }, labels, 2, WANT, 1),
          "two runs: the table typed by hand");
  char wrong[sizeof WANT];
  memcpy (wrong, WANT, sizeof WANT);
  *strstr (wrong, "1500) |\n| E x2 ") = '2';
  tap_ok (!table_is (exact, (const mcmc_mixture_run *[]) { &a, &b }, labels, 2, wrong, 0),
          "one digit wrong in the typed table: not matched (negative control)");
  tap_ok (!table_is (exact, (const mcmc_mixture_run *[]) { &b, &a }, labels, 2, WANT, 0),
          "the runs in the other order: not that table (negative control)");
  tap_ok (table_is (exact, (const mcmc_mixture_run *[]) { &a }, labels, 1,
                    "| moment | exact | A |\n|---|---|---|\n"
                    "| E x1 | 0.5000 | 0.2500 ± 0.0025 (ESS 250) |\n"
                    "| E x2 | -1.2500 | 1.2500 ± 0.0026 (ESS 250) |\n"
                    "| E x1² | 2.0000 | 2.2500 ± 0.0027 (ESS 250) |\n"
                    "| E x1x2 | 0.0625 | 3.2500 ± 0.0028 (ESS 250) |\n"
                    "| E x2² | 3.0000 | 4.2500 ± 0.0029 (ESS 250) |\n", 1),
          "one run: three columns");
  return tap_done ();
}
