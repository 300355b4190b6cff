/* reference_tsv.h -- read tests/reference/<module>.tsv (see its README).
 *
 *   size_t rows;
 *   double *v = reference_tsv_read ("gof", 4, &rows);   v[r * 4 + c]
 *
 * Lines starting with '#' are comments; every other line holds COLS
 * TAB-separated numbers (strtod: "nan", "inf" allowed).  A missing file or
 * a malformed line is a test failure: it prints one line and exits 1. */
#ifndef HARNESS_REFERENCE_TSV_H
#define HARNESS_REFERENCE_TSV_H

#include <stdio.h>
#include <stdlib.h>

#ifndef REFERENCE_DIR
#define REFERENCE_DIR "tests/reference"
#endif

__attribute__ ((unused))
static double *reference_tsv_read (const char *module, size_t cols,
                                   size_t *rows)
{
  char path[512], line[8192];
  snprintf (path, sizeof path, "%s/%s.tsv", REFERENCE_DIR, module);
  FILE *f = fopen (path, "r");
  if (!f)
    {
      printf ("not ok - cannot open %s\nBail out!\n", path);
      exit (1);
    }
  size_t cap = 64, n = 0;
  double *v = malloc (cap * cols * sizeof *v);
  while (fgets (line, sizeof line, f))
    {
      if (line[0] == '#' || line[0] == '\n')
        continue;
      if (n == cap)
        v = realloc (v, (cap *= 2) * cols * sizeof *v);
      char *p = line, *end;
      for (size_t c = 0; c < cols; c++, p = end)
        {
          v[n * cols + c] = strtod (p, &end);
          if (end == p)
            {
              printf ("not ok - %s: line %zu has fewer than %zu numbers\n"
                      "Bail out!\n", path, n + 1, cols);
              exit (1);
            }
        }
      n++;
    }
  fclose (f);
  *rows = n;
  return v;
}

#endif
