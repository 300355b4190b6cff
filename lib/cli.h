/* cli.h -- the command line every claim program shares.
 *
 *   --help            what the program checks, its options and parameters
 *   --list            print the checks without running them
 *   --list-mutants    print the mutants (id, check that must catch it)
 *   --seed N          random seed (else $HARNESS_SEED, else the default)
 *   --samples N       base Monte Carlo sample size (N >= 2)
 *   --quick           the smaller sample size, for a fast pass
 *   --outdir DIR      write DIR/reports and DIR/figures (default ".")
 *   --set NAME=VALUE  change a model parameter
 *   --mutant ID       switch on a deliberate error (negative control)
 *
 * Any bad value: one line naming the option, exit status 2.  The line is
 * escaped (errors_escape): an argument with a newline stays on it. */
#ifndef HARNESS_CLI_H
#define HARNESS_CLI_H

#include "harness.h"

typedef enum { CLI_RUN, CLI_HELP, CLI_LIST, CLI_LIST_MUTANTS } cli_action;

/* Parse without side effects beyond OPT (whose param_values it allocates):
   returns 0 and the action asked for, or -1 with a one-line message (that
   names the option) in ERR.  Never exits: this is what the fuzzer calls. */
int cli_parse_args (const claim * c, int argc, char **argv,
                    harness_options * opt, cli_action * action, char *err,
                    size_t errlen);

/* Fill OPT from argv; handles --help/--list/--list-mutants itself (prints
   and exits 0) and dies with EXIT_USAGE on any bad option. */
void cli_parse (const claim * c, int argc, char **argv, harness_options * opt);

/* Strict number parsing, shared with tests: the whole string must be a
   number in range.  Return 0 on success. */
int parse_ulong (const char *s, unsigned long *out);
int parse_double (const char *s, double *out);
/* A whole number, optionally negative, |value| <= 2^53 (so exact as a
   double): what --set takes for a PARAM_INTEGER parameter.  No fraction,
   no exponent, no "+". */
int parse_integer (const char *s, double *out);

#endif
