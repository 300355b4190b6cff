/* fuzz_cli.c -- fuzz the option parser every claim program shares.
 *
 * The input is split at NUL and newline bytes into up to 32 arguments and
 * handed to cli_parse_args (which never exits).  Built two ways:
 *   - with clang -fsanitize=fuzzer (make fuzz): libFuzzer drives it;
 *   - with -DFUZZ_STANDALONE (make test): main() replays every file named on
 *     the command line, so each input that ever crashed (tests/fuzz_corpus)
 *     stays a regression test. */
#include "cli.h"

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
  {"dim", 5, 1, 100, "a dimension"},
  {"sep", 0.5, -1e3, 1e3, "a separation"},
};
static const claim CLAIM = {
  .slug = "fuzz", .title = "fuzz", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = 1, .mutants = MUTANTS, .n_mutants = 1,
  .params = PARAMS, .n_params = 2, .samples_default = 100,
  .samples_quick = 10, .figure_caption = "",
};

#define MAX_ARGS 32

int LLVMFuzzerTestOneInput (const uint8_t * data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t * data, size_t size)
{
  char *buf = malloc (size + 1);
  memcpy (buf, data, size);
  buf[size] = 0;
  char *argv[MAX_ARGS + 2];
  int argc = 0;
  argv[argc++] = (char *) "fuzz";
  char *p = buf, *end = buf + size;
  while (p <= end && argc < MAX_ARGS + 1)
    {
      argv[argc++] = p;
      while (p < end && *p && *p != '\n')
        p++;
      *p = 0;
      p++;
    }
  argv[argc] = NULL;
  harness_options opt;
  cli_action action;
  char err[1024];
  int status = cli_parse_args (&CLAIM, argc, argv, &opt, &action, err,
                               sizeof err);
  /* Contract: an error has a one-line message; success has sane values. */
  if (status != 0 && (!err[0] || strchr (err, '\n')))
    abort ();
  if (status == 0 && action == CLI_RUN && opt.samples < 2)
    abort ();
  free (opt.param_values);
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
