/* reftsv.h -- read tests/reference/<module>.tsv (see tests/reference/README.md).
 *
 *   FILE *f = reftsv_open ("logsumexp");      NULL (and a message) if absent
 *   char **field; size_t nf;
 *   while ((nf = reftsv_next (f, &field)))    one case per call, # lines skipped
 *     ... field[0..nf-1] ...
 *   reftsv_close (f);
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

#endif
