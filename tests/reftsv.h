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
 * tests/reference, or $HARNESS_REFERENCE_DIR. */
#ifndef HARNESS_REFTSV_H
#define HARNESS_REFTSV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Parse N numbers separated by spaces or commas into OUT; the count read. */
__attribute__ ((unused))
static size_t reftsv_doubles (const char *s, double *out, size_t n)
{
  size_t k = 0;
  char *end;
  while (k < n)
    {
      double v = strtod (s, &end);
      if (end == s)
        break;
      out[k++] = v;
      s = end;
      while (*s == ' ' || *s == ',')
        s++;
    }
  return k;
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

#endif
