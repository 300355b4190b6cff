/* test_claim_tables.c -- a claim's tables (lib/harness.h): CLAIM_CHECKS,
 * CLAIM_MUTANTS and CLAIM_DERIVATIONS count what they are given;
 * harness_mutant_flags: with --mutant M, the flag of M alone is 1, in the
 * position of M in the claim's table; with no --mutant every flag is 0. */
#include "harness.h"
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const check_spec CHECKS[] = {
  {"c", "harness", "a check for the mutants to name", REL_EQ, EXPECT_HOLDS, NULL},
};
static const mutant_spec MUTANTS[] = {
  {"first", "the first", "c"}, {"second", "the second", "c"}, {"third", "the third", "c"},
};
static const claim CLAIM = {
  .slug = "test_claim_tables", .title = "a claim's tables", .claim = "-", .sources = "-",
  CLAIM_CHECKS (CHECKS), CLAIM_MUTANTS (MUTANTS),
  .samples_default = 10, .samples_quick = 10, .samples_min = 8,
};
/* three derivations that are never run: only their count is asked */
static const derivation D1, D2, D3;
static const claim LISTED = { CLAIM_DERIVATIONS (&D1, &D2, &D3) };

/* The flags of a run with --mutant MUTANT_ID (none if NULL), its TAP to
   /dev/null and its outputs in DIR */
static void
flags_of (const char *dir, const char *mutant_id, int on[3])
{
  char *argv[] = { "test_claim_tables", "--outdir", (char *) dir, "--mutant", (char *) mutant_id, NULL };
  int argc = mutant_id ? 5 : 3;
  fflush (stdout);
  int saved = dup (1), null = open ("/dev/null", O_WRONLY);
  dup2 (null, 1);
  harness *h = harness_begin (&CLAIM, argc, argv);
  on[0] = on[1] = on[2] = -1;
  harness_mutant_flags (h, on, 3);
  check_point (h, "c", est_exact (0, 0), est_exact (0, 0));
  sbuf_append (harness_figure_script (h), "plot x\n");
  harness_end (h);
  fflush (stdout);
  dup2 (saved, 1);
  close (null), close (saved);
}

int
main (void)
{
  char dir[] = "/tmp/test_claim_tables.XXXXXX";
  if (!mkdtemp (dir))
    return 99;
  tap_ok (CLAIM.n_checks == 1 && CLAIM.n_mutants == 3 && CLAIM.mutants[2].id == MUTANTS[2].id,
          "CLAIM_CHECKS, CLAIM_MUTANTS: the tables and their counts (1, 3)");
  tap_ok (LISTED.n_derivations == 3 && LISTED.derivations[0] == &D1 && LISTED.derivations[2] == &D3,
          "CLAIM_DERIVATIONS: three listed, counted 3, in order");
  int on[3];
  flags_of (dir, "second", on);
  tap_ok (on[0] == 0 && on[1] == 1 && on[2] == 0, "--mutant second: flags 0 1 0 (got %d %d %d)",
          on[0], on[1], on[2]);
  flags_of (dir, "third", on);
  tap_ok (on[0] == 0 && on[1] == 0 && on[2] == 1, "--mutant third: flags 0 0 1 (got %d %d %d)",
          on[0], on[1], on[2]);
  flags_of (dir, NULL, on);
  tap_ok (on[0] == 0 && on[1] == 0 && on[2] == 0, "no --mutant: flags 0 0 0 (got %d %d %d)",
          on[0], on[1], on[2]);
  char cmd[100];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    return 99;
  return tap_done ();
}
