/* fixture_rows.h -- the numbers of a row of a figure's data, read back by
 * the figure tests: by its place in a block (fixture_read_row) or by its
 * first number (fixture_row_at).  strtod reads "NaN" and "inf" as numbers;
 * a quoted label, or anything else that is not a number, ends the row. */
#ifndef HARNESS_FIXTURE_ROWS_H
#define HARNESS_FIXTURE_ROWS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The numbers of row P (up to its newline or MAX numbers) into V; returns
   how many were read. */
static int
fixture_row_numbers (const char *p, double *v, int max)
{
  int n = 0;
  char *end;
  while (n < max && *p != '\n' && *p)
    {
      v[n] = strtod (p, &end);
      if (end == p)
        break;
      p = end, n++;
    }
  return n;
}

/* The numbers of data row ROW (0-based, comment and empty lines skipped) of
   block BLOCK in DATA, up to MAX of them, into V; returns how many were
   read, or -1 when there is no such block or row. */
__attribute__ ((unused))
static int
fixture_read_row (const char *data, int block, int row, double *v, int max)
{
  char head[40];
  snprintf (head, sizeof head, "# block %d:", block);
  const char *p = strstr (data, head);
  if (!p)
    return -1;
  for (int r = -1; r < row;)
    {
      if (!(p = strchr (p, '\n')))
        return -1;
      p++;
      if (*p != '#' && *p != '\n')
        r++;
    }
  return fixture_row_numbers (p, v, max);
}

/* The numbers of the first data row at or after FROM whose first number is
   X, up to MAX of them, into V; returns how many were read, 0 if none. */
__attribute__ ((unused))
static int
fixture_row_at (const char *from, double x, double *v, int max)
{
  for (const char *p = from; p && *p; p = strchr (p, '\n'), p = p ? p + 1 : NULL)
    {
      if (*p == '#' || *p == '\n')
        continue;
      int n = fixture_row_numbers (p, v, max);
      if (n > 0 && v[0] == x)
        return n;
    }
  return 0;
}

#endif
