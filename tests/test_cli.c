/* test_cli.c -- strict number parsing used for every option value, and
 * cli_parse_args' messages: one line, naming the option at fault. */
#include "cli.h"
#include "tap.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"a", "test", "a check", REL_EQ, EXPECT_HOLDS, NULL},
};
static const mutant_spec MUTANTS[] = {
  {"m1", "a mutant", "a"},
};
static const param_spec PARAMS[] = {
  {"points", 50, 5, 10000, "a count", PARAM_INTEGER},
  {"width", 1, 0.05, 5, "a real", PARAM_REAL},
};
static const claim CLAIM = {
  .slug = "test", .title = "test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, .mutants = MUTANTS, .n_mutants = 1,
  .params = PARAMS, .n_params = 2, .samples_default = 100,
  .samples_quick = 10, .figure_caption = "",
};

/* Parse "prog ARGS..." (AP: strings up to NULL); 0 or -1, the message in
   ERR, the value of "points" in *POINTS. */
static int
vparse (char *err, size_t errlen, double *points, va_list ap)
{
  char *argv[16] = { (char *) "prog" };
  int argc = 1;
  for (char *a; argc < 15 && (a = va_arg (ap, char *));)
    argv[argc++] = a;
  argv[argc] = NULL;
  harness_options opt;
  cli_action action;
  err[0] = 0;
  int st = cli_parse_args (&CLAIM, argc, argv, &opt, &action, err, errlen);
  if (points)
    *points = opt.param_values[0];
  free (opt.param_values);
  return st;
}

static int
parse (char *err, size_t errlen, double *points, ...)
{
  va_list ap;
  va_start (ap, points);
  int st = vparse (err, errlen, points, ap);
  va_end (ap);
  return st;
}

/* Does parsing ARGS fail with exactly the message WANT? */
#define FAILS_WITH(want, ...) fails_with (want, __VA_ARGS__, (char *) NULL)
static int
fails_with (const char *want, ...)
{
  char err[1024];
  va_list ap;
  va_start (ap, want);
  int st = vparse (err, sizeof err, NULL, ap);
  va_end (ap);
  int ok = st == -1 && strcmp (err, want) == 0;
  if (!ok)
    printf ("#   status %d, message '%s', want '%s'\n", st, err, want);
  return ok;
}

static void
test_messages (void)
{
  tap_ok (FAILS_WITH ("--mutant: unknown mutant 'a\\nb' (see --list-mutants)",
                      "--mutant", "a\nb"),
          "a newline in an argument is escaped: one line");
  tap_ok (FAILS_WITH ("--set: unknown parameter 'x\\ty\\x1b' (see --help)",
                      "--set", "x\ty\x1b=1"),
          "tab and ESC are escaped");
  tap_ok (FAILS_WITH ("--bo\\ngus: unknown option (see --help)", "--bo\ngus"),
          "a newline in an option name is escaped");
  tap_ok (FAILS_WITH ("-x: unknown option in '-xyz' (see --help)", "-xyz"),
          "-xyz names -x, not the program");
  tap_ok (FAILS_WITH ("-q: unknown option in '-qz' (see --help)",
                      "--seed", "3", "-qz"),
          "--seed 3 -qz names -q, not 3");
  tap_ok (FAILS_WITH ("-h: unknown option (see --help)", "--quick", "-h"),
          "-h after --quick names -h");
  tap_ok (FAILS_WITH ("--bogus: unknown option (see --help)", "--bogus=3"),
          "--bogus=3 names --bogus");
  tap_ok (FAILS_WITH ("--s: ambiguous option (see --help)", "--s", "3"),
          "--s is ambiguous (--seed, --samples, --set)");
  tap_ok (FAILS_WITH ("--quick=1: takes no value", "--quick=1"),
          "--quick=1: takes no value");
  tap_ok (FAILS_WITH ("--samples: missing value", "--seed", "3", "--samples"),
          "missing value names the option");
  tap_ok (FAILS_WITH ("stray: unexpected argument (see --help)", "--quick",
                      "stray"), "a stray argument is named");

  tap_ok (FAILS_WITH ("--set points: '10.5' is not a whole number",
                      "--set", "points=10.5"),
          "an integer parameter rejects a fraction");
  tap_ok (FAILS_WITH ("--set points: '1e2' is not a whole number",
                      "--set", "points=1e2"),
          "an integer parameter rejects an exponent");
  tap_ok (FAILS_WITH ("--set points: '10.0' is not a whole number",
                      "--set", "points=10.0"),
          "an integer parameter rejects 10.0 (it is written as a fraction)");
  tap_ok (FAILS_WITH ("--set points: 4 is outside 5 to 10000",
                      "--set", "points=4"), "integer range message");
  char err[1024];
  double points = 0;
  tap_ok (parse (err, sizeof err, &points, "--set", "points=17", (char *) NULL)
          == 0 && points == 17, "--set points=17 is 17");
  tap_ok (parse (err, sizeof err, NULL, "--set", "width=2.5", (char *) NULL)
          == 0, "a real parameter takes a fraction");

  tap_ok (FAILS_WITH ("--set width: 0.049999999999999996 is outside 0.05 to 5",
                      "--set", "width=0.049999999999999996"),
          "a value just below the bound is not shown equal to it");
  tap_ok (FAILS_WITH ("--set width: 5.000000000000001 is outside 0.05 to 5",
                      "--set", "width=5.000000000000001"),
          "a value just above the bound is not shown equal to it");
  tap_ok (FAILS_WITH ("--set width: 6 is outside 0.05 to 5",
                      "--set", "width=6.0"), "short values stay short");
  tap_ok (FAILS_WITH ("--set width: 1e+300 is outside 0.05 to 5",
                      "--set", "width=1e300"), "large values in %%g form");

  /* A message longer than the buffer is cut, still one line, never half
     an escape. */
  char small[16];
  parse (small, sizeof small, NULL, "--mutant", "\n\n\n\n\n\n\n\n\n\n",
         (char *) NULL);
  tap_ok (strcmp (small, "--mutant: unkno") == 0, "a short buffer is cut");
  parse (small, 13, NULL, "--set", "\n\n\n=1", (char *) NULL);
  tap_ok (strchr (small, '\n') == NULL && strlen (small) <= 12
          && small[strlen (small) - 1] != '\\', "the cut is never inside \\n");
}

int
main (void)
{
  unsigned long u;
  double x;
  tap_ok (parse_ulong ("42", &u) == 0 && u == 42, "42 is a whole number");
  tap_ok (parse_ulong ("0", &u) == 0 && u == 0, "0 is a whole number");
  const char *bad_ulong[] = { "", "-1", "+1", " 1", "1 ", "1e3", "0x10", "12x",
    "99999999999999999999999", "abc"
  };
  for (size_t i = 0; i < sizeof bad_ulong / sizeof *bad_ulong; i++)
    tap_ok (parse_ulong (bad_ulong[i], &u) != 0, "'%s' is rejected as a whole number",
            bad_ulong[i]);
  tap_ok (parse_double ("1e-3", &x) == 0 && x == 1e-3, "1e-3 is a number");
  tap_ok (parse_double ("-2.5", &x) == 0 && x == -2.5, "-2.5 is a number");
  const char *bad_double[] = { "", "nan", "inf", "-inf", "1e999", "1.5x", "abc", "1,5" };
  for (size_t i = 0; i < sizeof bad_double / sizeof *bad_double; i++)
    tap_ok (parse_double (bad_double[i], &x) != 0, "'%s' is rejected as a number",
            bad_double[i]);
  tap_ok (parse_integer ("42", &x) == 0 && x == 42, "42 is an integer");
  tap_ok (parse_integer ("-7", &x) == 0 && x == -7, "-7 is an integer");
  tap_ok (parse_integer ("9007199254740992", &x) == 0
          && x == 9007199254740992.0, "2^53 is an integer");
  const char *bad_int[] = { "", "-", "+1", "1.5", "1.0", "1e3", "0x10", " 1",
    "9007199254740993", "--1", "1-"
  };
  for (size_t i = 0; i < sizeof bad_int / sizeof *bad_int; i++)
    tap_ok (parse_integer (bad_int[i], &x) != 0,
            "'%s' is rejected as an integer", bad_int[i]);
  test_messages ();
  return tap_done ();
}
