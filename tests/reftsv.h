/* reftsv.h -- read tests/reference/<module>.tsv (see tests/reference/README.md).
 *
 *   FILE *f = reftsv_open ("logsumexp");      NULL (and a message) if absent
 *   char **field; size_t nf;
 *   while ((nf = reftsv_next (f, &field)))    one case per call, # lines skipped
 *     ... field[0..nf-1] ...
 *   reftsv_close (f);
 *
 *   size_t rows;                              a table of numbers, in one call:
 *   double *v = reftsv_table ("gof", 4, &rows);   v[r * 4 + c]; free (v)
 *
 * Fields are TAB-separated and may be long (vectors of 1000 numbers, lower
 * triangles of 50 x 50 matrices).  Numbers are written with %.17g, so
 * strtod() gives back the exact doubles; reference values carry 25
 * significant digits and are read with strtold().  The directory is
 * tests/reference, or $HARNESS_REFERENCE_DIR.
 *
 *   static int one (char **field, size_t nf, void *tally)   a case; 0: malformed
 *   { ...; reftsv_tally_add_text (tally, field[0], got, field[3], bound); return 1; }
 *
 *   reftsv_tally t = REFTSV_TALLY ("log_pdf", REFTSV_FINITE);
 *   int read = reftsv_each ("normal", one, &t);    every case; 0: absent, malformed
 *   reftsv_tally_report (&t, read, "normal.tsv: ... %d cases (worst %.2g of it, %s)",
 *                        t.cases, t.worst, t.worst_name);        one TAP line
 *
 * A tally judges each case by |got - want| <= bound (in long double) and
 * the rule's flags, prints a '#' line for each case outside, and keeps the
 * count, the refusals and the worst error/bound with its case's name. */
#ifndef HARNESS_REFTSV_H
#define HARNESS_REFTSV_H

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

#define REFTSV_MAX_FIELDS 64

static char *reftsv_line;
static size_t reftsv_cap;
static char *reftsv_fields[REFTSV_MAX_FIELDS];

__attribute__ ((unused))
static FILE *reftsv_open (const char *module)
{
  const char *dir = getenv ("HARNESS_REFERENCE_DIR");
  char path[4096];
  snprintf (path, sizeof path, "%s/%s.tsv", dir && *dir ? dir : "tests/reference", module);
  FILE *f = fopen (path, "r");
  if (!f)
    printf ("# cannot open %s (run the tests from the repository root)\n", path);
  return f;
}

/* The next case's fields; 0 at the end of the file. */
__attribute__ ((unused))
static size_t reftsv_next (FILE * f, char ***field)
{
  ssize_t len;
  while ((len = getline (&reftsv_line, &reftsv_cap, f)) >= 0)
    {
      if (len > 0 && reftsv_line[len - 1] == '\n')
        reftsv_line[--len] = '\0';
      if (len == 0 || reftsv_line[0] == '#')
        continue;
      size_t n = 0;
      char *save, *tok = strtok_r (reftsv_line, "\t", &save);
      while (tok && n < REFTSV_MAX_FIELDS)
        {
          reftsv_fields[n++] = tok;
          tok = strtok_r (NULL, "\t", &save);
        }
      *field = reftsv_fields;
      return n;
    }
  return 0;
}

/* Parse up to N numbers separated by spaces or commas into D (with strtod)
   or, when D is NULL, into LD (with strtold); the count read. */
__attribute__ ((unused))
static size_t reftsv_numbers (const char *s, double *d, long double *ld, size_t n)
{
  size_t k = 0;
  char *end;
  while (k < n)
    {
      long double v = d ? strtod (s, &end) : strtold (s, &end);
      if (end == s)
        break;
      if (d)
        d[k++] = (double) v;    /* exact: it was a double */
      else
        ld[k++] = v;
      s = end;
      while (*s == ' ' || *s == ',')
        s++;
    }
  return k;
}

/* Parse N numbers separated by spaces or commas into OUT; the count read. */
__attribute__ ((unused))
static size_t reftsv_doubles (const char *s, double *out, size_t n)
{
  return reftsv_numbers (s, out, NULL, n);
}

/* The same for long-double references (strtold). */
__attribute__ ((unused))
static size_t reftsv_long_doubles (const char *s, long double *out, size_t n)
{
  return reftsv_numbers (s, NULL, out, n);
}

__attribute__ ((unused))
static void reftsv_close (FILE * f)
{
  if (f)
    fclose (f);
  free (reftsv_line);
  reftsv_line = NULL;
  reftsv_cap = 0;
}

/* Every case of MODULE through ONE (its fields, their count, CTX), which
   returns 0 for a case it cannot read: a '# malformed case' line.  1 when
   the file was read and no case was malformed. */
typedef int reftsv_case_fn (char **field, size_t nf, void *ctx);

__attribute__ ((unused))
static int reftsv_each (const char *module, reftsv_case_fn * one, void *ctx)
{
  FILE *f = reftsv_open (module);
  char **field;
  size_t nf;
  int ok = f != NULL;
  while (f && (nf = reftsv_next (f, &field)))
    if (!one (field, nf, ctx))
      {
        printf ("# malformed case %s\n", field[0]);
        ok = 0;
      }
  reftsv_close (f);
  return ok;
}

/* Every case of MODULE as COLS numbers (strtod: "nan", "inf" allowed), row
   after row, in one malloc'd array; its rows in *ROWS.  A missing file or
   a case with fewer numbers is a test failure: one TAP line, exit 1. */
__attribute__ ((unused))
static double *reftsv_table (const char *module, size_t cols, size_t *rows)
{
  FILE *f = reftsv_open (module);
  char **field;
  size_t nf, n = 0, cap = 64;
  double *v = malloc (cap * cols * sizeof *v);
  if (!f || !v)
    {
      printf ("not ok - cannot read the %s reference cases\nBail out!\n", module);
      exit (1);
    }
  while ((nf = reftsv_next (f, &field)))
    {
      char *end;
      if (n == cap && !(v = realloc (v, (cap *= 2) * cols * sizeof *v)))
        exit (1);
      for (size_t c = 0; c < cols; c++)
        {
          v[n * cols + c] = c < nf ? strtod (field[c], &end) : 0;
          if (c >= nf || end == field[c])
            {
              printf ("not ok - %s.tsv: case %zu has fewer than %zu numbers\nBail out!\n",
                      module, n + 1, cols);
              exit (1);
            }
        }
      n++;
    }
  reftsv_close (f);
  *rows = n;
  return v;
}

/* ---------------------------------------------------------------------
 * The reference tally.  The flags of a rule, beyond |got - want| <= bound:
 * --------------------------------------------------------------------- */
#define REFTSV_FINITE   1u      /* got must be finite */
#define REFTSV_OVERFLOW 2u      /* a want beyond the double range: got must be
                                   the infinity of its sign */
#define REFTSV_SPECIAL  4u      /* an infinite got or want, or a NaN got, must
                                   equal want exactly */
#define REFTSV_NAN      8u      /* a NaN got or want: both must be NaN */
#define REFTSV_REFUSE  16u      /* a NaN bound is the function refusing the
                                   input (counted apart), not a failure */

typedef struct
{
  const char *what;             /* the quantity, in diagnostics; or NULL */
  unsigned rule;                /* REFTSV_* flags */
  int cases, refused, ok;       /* cases judged (refusals apart); all within */
  double worst;                 /* the largest error/bound, and its case */
  char worst_name[80];
} reftsv_tally;

#define REFTSV_TALLY(what, rule) { (what), (rule), 0, 0, 1, 0, "" }

/* Whether GOT passes RULE against WANT and BOUND; *RATIO the error in
   units of the bound (0 for special values that agree, infinite for a
   case outside whose ratio would not show it). */
__attribute__ ((unused))
static int reftsv_within (unsigned rule, double got, long double want, double bound,
                          double *ratio)
{
  long double err = fabsl ((long double) got - want);
  int ok;
  *ratio = 0;
  if ((rule & REFTSV_NAN) && (isnan (got) || isnan (want)))
    ok = isnan (got) && isnan (want);
  else if ((rule & REFTSV_SPECIAL) && (isinf (want) || isinf (got) || isnan (got)))
    ok = (long double) got == want;
  else if ((rule & REFTSV_OVERFLOW) && fabsl (want) > DBL_MAX)
    ok = isinf (got) && (got > 0) == (want > 0);
  else
    {
      ok = (!(rule & REFTSV_FINITE) || isfinite (got)) && err <= bound;
      *ratio = bound > 0 ? (double) (err / bound) : (err > 0 ? INFINITY : 0);
    }
  if (!ok && !(*ratio > 1))
    *ratio = INFINITY;
  return ok;
}

/* One case NAME: 1 within, 0 outside (a '#' line), -1 refused.  WANT_TEXT,
   when not NULL, is how the diagnostic shows WANT (the reference's own
   digits); otherwise WANT is printed with %.21Lg. */
__attribute__ ((unused))
static int reftsv_tally_case (reftsv_tally * t, const char *name, double got,
                              long double want, const char *want_text, double bound)
{
  if ((t->rule & REFTSV_REFUSE) && isnan (bound))
    {
      t->refused++;
      return -1;
    }
  double ratio;
  int ok = reftsv_within (t->rule, got, want, bound, &ratio);
  t->cases++;
  t->ok &= ok;
  if (!ok)
    {
      printf ("# %s: %s%s%.17g, want ", name, t->what ? t->what : "", t->what ? " " : "", got);
      if (want_text)
        printf ("%s", want_text);
      else
        printf ("%.21Lg", want);
      printf (", error %.3Lg, bound %.3g\n", fabsl ((long double) got - want), bound);
    }
  if (ratio > t->worst)
    {
      t->worst = ratio;
      snprintf (t->worst_name, sizeof t->worst_name, "%s", name);
    }
  return ok;
}

/* A case against a long-double reference. */
__attribute__ ((unused))
static int reftsv_tally_add (reftsv_tally * t, const char *name, double got, long double want,
                             double bound)
{
  return reftsv_tally_case (t, name, got, want, NULL, bound);
}

/* A case against a reference field (read with strtold, shown as written). */
__attribute__ ((unused))
static int reftsv_tally_add_text (reftsv_tally * t, const char *name, double got,
                                  const char *want, double bound)
{
  return reftsv_tally_case (t, name, got, strtold (want, NULL), want, bound);
}

/* A further condition on case NAME (WHAT says which, in the '#' line). */
__attribute__ ((unused))
static int reftsv_tally_require (reftsv_tally * t, const char *name, int cond, const char *what)
{
  if (!cond)
    printf ("# %s: not %s\n", name, what);
  t->ok &= cond != 0;
  return cond;
}

/* The tally's TAP line: ok when OK (the file read, nothing malformed), at
   least one case judged and every case within.  FMT and its arguments
   describe it (usually with t->cases, t->worst, t->worst_name). */
__attribute__ ((format (printf, 3, 4), unused))
static int reftsv_tally_report (const reftsv_tally * t, int ok, const char *fmt, ...)
{
  va_list ap;
  ok = ok && t->cases > 0 && t->ok;
  va_start (ap, fmt);
  tap_vok (ok, fmt, ap);
  va_end (ap);
  return ok;
}

/* One TAP line for each of the N tallies T of FILE, as reftsv_tally_report
   and in one form: "FILE: <what> within WITHIN on all <n> cases[, <n>
   refused] (worst <error/bound> of it, <case>)", the refusals where the
   rule has them. */
__attribute__ ((unused))
static void reftsv_tally_report_each (const reftsv_tally * t, size_t n, int ok, const char *file,
                                      const char *within)
{
  for (size_t i = 0; i < n; i++)
    {
      char refused[32] = "";
      if (t[i].rule & REFTSV_REFUSE)
        snprintf (refused, sizeof refused, ", %d refused", t[i].refused);
      reftsv_tally_report (&t[i], ok, "%s: %s within %s on all %d cases%s (worst %.2g of it, %s)",
                           file, t[i].what, within, t[i].cases, refused, t[i].worst,
                           t[i].worst_name);
    }
}

#endif
