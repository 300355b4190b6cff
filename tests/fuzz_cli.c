/* fuzz_cli.c -- fuzz the option parser every claim program shares.
 *
 * One input is one argument vector: arguments end at NUL bytes (a last
 * argument without its NUL counts too): "--seed" NUL "3" is --seed 3, and
 * "--outdir" NUL NUL is --outdir "".  Anything else, newlines included, is
 * part of an argument.  Up to 32 arguments go to cli_parse_args (which
 * never exits), and the whole input to errors_escape.  Built two ways:
 *   - with clang -fsanitize=fuzzer (make fuzz): libFuzzer drives it;
 *   - with -DFUZZ_STANDALONE (make test): main() replays every file named on
 *     the command line, so each input that ever crashed (tests/fuzz_corpus)
 *     stays a regression test.
 * Contract checked: an error message is one line -- not empty, no control
 * byte, valid UTF-8 (escaping it again changes nothing); a run has sane
 * values. */
#include "cli.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const check_spec CHECKS[] = {
  {"a", "harness", "a check", REL_EQ, EXPECT_HOLDS, NULL},
};
static const mutant_spec MUTANTS[] = {
  {"m1", "a mutant", "a"},
};
static const param_spec PARAMS[] = {
  {"dim", 5, 1, 100, "a dimension", PARAM_INTEGER},
  {"sep", 0.5, -1e3, 1e3, "a separation", PARAM_REAL},
};
static const claim CLAIM = {
  .slug = "fuzz", .title = "fuzz", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, .mutants = MUTANTS, .n_mutants = 1,
  .params = PARAMS, .n_params = 2, .samples_default = 100,
  .samples_quick = 10, .figure_caption = "",
};

#define MAX_ARGS 32

int LLVMFuzzerTestOneInput (const uint8_t * data, size_t size);

/* Is MSG one clean line: not empty, and its own escape (no control byte,
   no broken UTF-8)? */
static int
one_line (const char *msg)
{
  char again[4096];
  size_t n = errors_escape (again, sizeof again, msg);
  return msg[0] && n < sizeof again && strcmp (again, msg) == 0;
}

/* Split DATA into ARGV (after the program name) at NUL bytes. */
static int
split_args (char *buf, size_t size, char **argv)
{
  int argc = 0;
  argv[argc++] = (char *) "fuzz";
  for (size_t i = 0; i < size && argc < MAX_ARGS + 1;)
    {
      argv[argc++] = buf + i;
      i += strlen (buf + i) + 1;  /* buf[size] is 0: never past the end */
    }
  argv[argc] = NULL;
  return argc;
}

static void
fuzz_escape (const char *text)
{
  /* Small buffers too: truncation must never leave half an escape. */
  static const size_t sizes[] = { 1, 2, 5, 64, 1 << 12 };
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
    {
      char *out = malloc (sizes[k]);
      size_t n = errors_escape (out, sizes[k], text);
      if (n < strlen (text) || strlen (out) > n || strlen (out) >= sizes[k]
          || (out[0] && !one_line (out)))
        abort ();
      free (out);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t * data, size_t size)
{
  char *buf = malloc (size + 1);
  memcpy (buf, data, size);
  buf[size] = 0;
  char *argv[MAX_ARGS + 2];
  int argc = split_args (buf, size, argv);
  harness_options opt;
  cli_action action;
  char err[1024];
  int status = cli_parse_args (&CLAIM, argc, argv, &opt, &action, err,
                               sizeof err);
  if (status != 0 && !one_line (err))
    abort ();
  if (status == 0 && action == CLI_RUN && opt.samples < 2)
    abort ();
  if (status == 0 && action == CLI_RUN
      && opt.param_values[0] != floor (opt.param_values[0]))
    abort ();                   /* "dim" is PARAM_INTEGER */
  free (opt.param_values);
  for (int i = 1; i < argc; i++)
    fuzz_escape (argv[i]);
  free (buf);
  return 0;
}

#ifdef FUZZ_STANDALONE
int
main (int argc, char **argv)
{
  int n = 0;
  for (int i = 1; i < argc; i++)
    {
      FILE *f = fopen (argv[i], "rb");
      if (!f)
        {
          fprintf (stderr, "fuzz_cli: cannot open %s\n", argv[i]);
          return 2;
        }
      static uint8_t data[1 << 16];
      size_t len = fread (data, 1, sizeof data, f);
      fclose (f);
      LLVMFuzzerTestOneInput (data, len);
      n++;
    }
  printf ("1..%d\n", n ? 1 : 0);
  if (n)
    printf ("ok 1 - %d fuzz regression input(s) replayed without a crash\n", n);
  printf ("%d passed, 0 failed\n", n ? 1 : 0);
  return 0;
}
#endif
