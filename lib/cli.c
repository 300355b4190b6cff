/* cli.c -- option parsing for claim programs (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_SAMPLES 2000000000L

int
parse_ulong (const char *s, unsigned long *out)
{
  if (!s || !*s)
    return -1;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9')
      return -1;                /* no sign, no spaces, no hex */
  errno = 0;
  char *end;
  unsigned long v = strtoul (s, &end, 10);
  if (errno || *end)
    return -1;
  *out = v;
  return 0;
}

int
parse_double (const char *s, double *out)
{
  if (!s || !*s)
    return -1;
  errno = 0;
  char *end;
  double v = strtod (s, &end);
  if (errno || *end || !isfinite (v))
    return -1;
  *out = v;
  return 0;
}

int
parse_integer (const char *s, double *out)
{
  unsigned long v;
  int negative = *s == '-';
  if (parse_ulong (s + negative, &v) != 0 || v > (1UL << 53))
    return -1;                  /* beyond 2^53 a double skips integers */
  *out = negative ? -(double) v : (double) v;
  return 0;
}

/* The shortest %g form that reads back as X, so that a value just outside
   a bound is never shown equal to it (%.15g shows 0.049999999999999996 as
   0.05).  17 significant digits always round-trip a binary64. */
static const char *
shortest (double x, char buf[32])
{
  if (x == floor (x) && fabs (x) < 1e15)
    {
      snprintf (buf, 32, "%.0f", x);    /* 10, not %.1g's 1e+01 */
      return buf;
    }
  for (int digits = 1; digits <= 17; digits++)
    {
      snprintf (buf, 32, "%.*g", digits, x);
      if (strtod (buf, NULL) == x)
        break;
    }
  return buf;
}

/* ----------------------------------------------------------------------
 * What the program says about itself
 * ---------------------------------------------------------------------- */

static long
samples_min (const claim * c)
{
  return c->samples_min > 2 ? c->samples_min : 2;
}

static void
print_help (const claim * c, const char *prog)
{
  printf ("Usage: %s [OPTION]...\n\n%s.\n\n", prog, c->title);
  printf ("Sources: %s\n\n", c->sources);
  printf ("Options:\n"
          "  --help            show this help and exit\n"
          "  --list            list the checks without running them\n"
          "  --list-mutants    list the deliberate errors (negative controls)\n"
          "  --seed N          random seed (default $HARNESS_SEED, else %lu)\n"
          "  --samples N       base Monte Carlo sample size, N >= %ld"
          " (default %ld)\n"
          "  --quick           use the quick sample size (%ld)\n"
          "  --outdir DIR      write DIR/reports/%s.md and DIR/figures/%s.*"
          " (default .)\n"
          "  --set NAME=VALUE  change a model parameter (below)\n"
          "  --mutant ID       switch on a deliberate error; the check that"
          " should catch it must fail\n"
          "  --stop-when-caught  with --mutant: skip the derivations that"
          " do not hold that\n"
          "                    check, stop at it (\"Bail out!\", exit 1,"
          " no files written)\n"
          "  --point TEXT      evaluate each derivation line at one point (a"
          " report's counterexample, as printed) and stop\n",
          RNG_DEFAULT_SEED, samples_min (c), c->samples_default,
          c->samples_quick,
          c->slug, c->slug);
  if (c->n_params)
    {
      printf ("\nModel parameters:\n");
      for (size_t i = 0; i < c->n_params; i++)
        {
          const param_spec *p = &c->params[i];
          char sd[32], smin[32], smax[32];
          printf ("  %-12s %s (%sdefault %s, range %s to %s)\n", p->name,
                  p->help, p->kind == PARAM_INTEGER ? "whole number; " : "",
                  shortest (p->def, sd), shortest (p->min, smin),
                  shortest (p->max, smax));
        }
    }
  printf ("\nWrites: reports/%s.md, figures/%s.dat, figures/%s.gp,"
          " figures/%s.svg\n"
          "Output: TAP on stdout.  Exit status: 0 every check as expected,"
          " 1 some check not, 2 bad option, 3 runtime error.\n",
          c->slug, c->slug, c->slug, c->slug);
}

static const char *
expect_word (expectation e)
{
  return e == EXPECT_HOLDS ? "holds" : "seed-error";
}

static void
print_list (const claim * c)
{
  for (size_t i = 0; i < c->n_checks; i++)
    printf ("%s\t%s\t%s\t%s\n", c->checks[i].id, c->checks[i].source,
            expect_word (c->checks[i].expect), c->checks[i].statement);
  for (size_t d = 0; d < c->n_derivations; d++)
    for (size_t i = 0; i < c->derivations[d]->n_lines; i++)
      {
        const derivation_line *l = &c->derivations[d]->lines[i];
        printf ("%s\t%s\t%s\t%s\n", l->id, l->source,
                verdict_name (l->expect), l->text);
      }
}

static void
print_mutants (const claim * c)
{
  for (size_t i = 0; i < c->n_mutants; i++)
    printf ("%s\t%s\t%s\n", c->mutants[i].id, c->mutants[i].caught_by,
            c->mutants[i].description);
}

/* ----------------------------------------------------------------------
 * Option values: each returns 0, or -1 with a one-line message in ERR
 * ---------------------------------------------------------------------- */

typedef struct
{
  char *text;
  size_t len;
} errbuf;

static int
fail (errbuf * e, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* The message quotes what the user typed, which may hold a newline or a
   terminal escape: it is escaped here, so ERR is one line whoever prints it
   (die_usage escapes again, which changes nothing). */
static int
fail (errbuf * e, const char *fmt, ...)
{
  char raw[1024];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (raw, sizeof raw, fmt, ap);
  va_end (ap);
  errors_escape (e->text, e->len, raw);
  return -1;
}

static int
seed_value (const char *s, const char *what, unsigned long *out, errbuf * e)
{
  if (parse_ulong (s, out) != 0 || *out > 0xffffffffUL)
    return fail (e, "%s: '%s' is not a whole number from 0 to 4294967295",
                 what, s);
  return 0;
}

static int
samples_value (const claim * c, const char *s, long *out, errbuf * e)
{
  unsigned long v;
  long lo = samples_min (c);
  if (parse_ulong (s, &v) != 0 || v > (unsigned long) MAX_SAMPLES)
    return fail (e, "--samples: '%s' is not a whole number from %ld to %ld",
                 s, lo, MAX_SAMPLES);
  if ((long) v < lo)
    return fail (e, "--samples: %lu is too few: %s (at least %ld)", v,
                 c->samples_min > 2 && c->samples_min_why
                 ? c->samples_min_why : "a standard error needs 2 samples",
                 lo);
  *out = (long) v;
  return 0;
}

static int
outdir_value (const char *dir, errbuf * e)
{
  struct stat st;
  if (!*dir)
    return fail (e, "--outdir: empty folder name");
  if (stat (dir, &st) != 0)
    return fail (e, "--outdir: %s: %s", dir, strerror (errno));
  if (!S_ISDIR (st.st_mode))
    return fail (e, "--outdir: %s is not a folder", dir);
  if (access (dir, W_OK | X_OK) != 0)
    return fail (e, "--outdir: %s is not writable", dir);
  return 0;
}

static int
mutant_value (const claim * c, const char *id, errbuf * e)
{
  for (size_t i = 0; i < c->n_mutants; i++)
    if (strcmp (c->mutants[i].id, id) == 0)
      return 0;
  return fail (e, "--mutant: unknown mutant '%s' (see --list-mutants)", id);
}

static int
set_value (const claim * c, const char *arg, double *values, errbuf * e)
{
  const char *eq = strchr (arg, '=');
  if (!eq)
    return fail (e, "--set: '%s' is not NAME=VALUE", arg);
  size_t n = (size_t) (eq - arg);
  for (size_t i = 0; i < c->n_params; i++)
    {
      const param_spec *p = &c->params[i];
      if (strlen (p->name) != n || strncmp (p->name, arg, n) != 0)
        continue;
      double v;
      if (p->kind == PARAM_INTEGER)
        {
          if (parse_integer (eq + 1, &v) != 0)
            return fail (e, "--set %s: '%s' is not a whole number", p->name,
                         eq + 1);
        }
      else if (parse_double (eq + 1, &v) != 0)
        return fail (e, "--set %s: '%s' is not a number", p->name, eq + 1);
      char sv[32], smin[32], smax[32];
      if (v < p->min || v > p->max)
        return fail (e, "--set %s: %s is outside %s to %s", p->name,
                     shortest (v, sv), shortest (p->min, smin),
                     shortest (p->max, smax));
      values[i] = v;
      return 0;
    }
  return fail (e, "--set: unknown parameter '%.*s' (see --help)", (int) n,
               arg);
}

/* getopt's '?': say which option, and why, in the user's own words. */
static int
bad_option (const struct option *longopts, const char *arg, int opt_char,
            errbuf * e)
{
  if (arg[0] == '-' && arg[1] != '-')
    return fail (e, "-%c: unknown option%s%s%s (see --help)", opt_char,
                 arg[2] ? " in '" : "", arg[2] ? arg : "", arg[2] ? "'" : "");
  if (opt_char)                 /* a known long option given a value */
    return fail (e, "%s: takes no value", arg);
  const char *name = arg + 2, *eq = strchr (name, '=');
  size_t n = eq ? (size_t) (eq - name) : strlen (name), matches = 0;
  for (const struct option *o = longopts; o->name; o++)
    matches += n > 0 && strncmp (o->name, name, n) == 0;
  if (matches > 1)
    return fail (e, "--%.*s: ambiguous option (see --help)", (int) n, name);
  return fail (e, "--%.*s: unknown option (see --help)", (int) n, name);
}

static void
defaults (const claim * c, harness_options * opt)
{
  opt->seed = RNG_DEFAULT_SEED;
  opt->samples = 0;
  opt->quick = 0;
  opt->outdir = ".";
  opt->mutant = NULL;
  opt->stop_when_caught = 0;
  opt->point = NULL;
  opt->param_values = xcalloc (c->n_params, sizeof (double));
  for (size_t i = 0; i < c->n_params; i++)
    opt->param_values[i] = c->params[i].def;
}

int
cli_parse_args (const claim * c, int argc, char **argv,
                harness_options * opt, cli_action * action, char *err,
                size_t errlen)
{
  enum { O_HELP = 1, O_LIST, O_MUTANTS, O_SEED, O_SAMPLES, O_QUICK,
    O_OUTDIR, O_SET, O_MUTANT, O_STOP, O_POINT
  };
  static const struct option longopts[] = {
    {"help", no_argument, NULL, O_HELP},
    {"list", no_argument, NULL, O_LIST},
    {"list-mutants", no_argument, NULL, O_MUTANTS},
    {"seed", required_argument, NULL, O_SEED},
    {"samples", required_argument, NULL, O_SAMPLES},
    {"quick", no_argument, NULL, O_QUICK},
    {"outdir", required_argument, NULL, O_OUTDIR},
    {"set", required_argument, NULL, O_SET},
    {"mutant", required_argument, NULL, O_MUTANT},
    {"stop-when-caught", no_argument, NULL, O_STOP},
    {"point", required_argument, NULL, O_POINT},
    {NULL, 0, NULL, 0}
  };
  errbuf e = { err, errlen };
  defaults (c, opt);
  *action = CLI_RUN;
  const char *env_seed = getenv ("HARNESS_SEED");
  if (env_seed && *env_seed
      && seed_value (env_seed, "HARNESS_SEED", &opt->seed, &e) != 0)
    return -1;
  opterr = 0;                   /* we print our own one-line errors */
  optind = 0;                   /* 0: full re-initialisation (glibc) */
  int status = 0;
  /* AT: the argument getopt is about to read, which is the one at fault if
     it complains.  (optind - 1 is not: for "-xyz" getopt stays inside the
     word, and after "--seed 3" it would blame "3".)  No short options
     exist, so getopt never resumes inside a word: AT is exact. */
  while (status == 0)
    {
      int at = optind ? optind : 1;
      int ch = getopt_long (argc, argv, "+:", longopts, NULL);
      if (ch == -1)
        break;
      switch (ch)
        {
        case O_HELP:
          *action = CLI_HELP;
          return 0;
        case O_LIST:
          *action = CLI_LIST;
          return 0;
        case O_MUTANTS:
          *action = CLI_LIST_MUTANTS;
          return 0;
        case O_SEED:
          status = seed_value (optarg, "--seed", &opt->seed, &e);
          break;
        case O_SAMPLES:
          status = samples_value (c, optarg, &opt->samples, &e);
          break;
        case O_QUICK:
          opt->quick = 1;
          break;
        case O_OUTDIR:
          status = outdir_value (optarg, &e);
          opt->outdir = optarg;
          break;
        case O_SET:
          status = set_value (c, optarg, opt->param_values, &e);
          break;
        case O_MUTANT:
          status = mutant_value (c, optarg, &e);
          opt->mutant = optarg;
          break;
        case O_STOP:
          opt->stop_when_caught = 1;
          break;
        case O_POINT:
          opt->point = optarg;
          break;
        case ':':
          return fail (&e, "%s: missing value", argv[at]);
        default:
          return bad_option (longopts, argv[at], optopt, &e);
        }
    }
  if (status != 0)
    return status;
  if (optind < argc)
    return fail (&e, "%s: unexpected argument (see --help)", argv[optind]);
  if (opt->stop_when_caught && !opt->mutant)
    return fail (&e, "--stop-when-caught: needs --mutant ID");
  if (!opt->samples)
    opt->samples = opt->quick ? c->samples_quick : c->samples_default;
  return 0;
}

void
cli_parse (const claim * c, int argc, char **argv, harness_options * opt)
{
  char err[1024];
  cli_action action;
  if (cli_parse_args (c, argc, argv, opt, &action, err, sizeof err) != 0)
    die_usage ("%s", err);
  switch (action)
    {
    case CLI_HELP:
      print_help (c, errors_program ());
      errors_flush_stdout ();
      exit (0);
    case CLI_LIST:
      print_list (c);
      errors_flush_stdout ();
      exit (0);
    case CLI_LIST_MUTANTS:
      print_mutants (c);
      errors_flush_stdout ();
      exit (0);
    case CLI_RUN:
      break;
    }
}
