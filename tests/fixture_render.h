/* fixture_render.h -- gnuplot must render a panel a test wrote, and its
 * text must be the promised text: the figure tests' one way to ask both.
 * gnuplot is called as lib/figure calls it (-e "datafile=...;
 * outfile=..." SCRIPT), so that the sanitizer runs' stand-in
 * (tools/figure_blank.sh) works too. */
#ifndef HARNESS_FIXTURE_RENDER_H
#define HARNESS_FIXTURE_RENDER_H

#include "figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether gnuplot renders DATA (a first block before it, so that block
   numbers start at 1) and the commands GP to a non-empty SVG; a scratch
   folder that cannot be made or written ends the test (exit 99). */
static int
fixture_renders (const char *data, const char *gp)
{
  char dir[] = "/tmp/fixture_render.XXXXXX", cmd[512];
  if (!mkdtemp (dir))
    exit (99);
  snprintf (cmd, sizeof cmd, "%s/f.dat", dir);
  FILE *f = fopen (cmd, "w");
  if (!f)
    exit (99);
  fprintf (f, "# block 0\n1 1\n%s", data);
  fclose (f);
  snprintf (cmd, sizeof cmd, "%s/f.gp", dir);
  if (!(f = fopen (cmd, "w")))
    exit (99);
  fprintf (f, "set terminal svg size 800,400\nset output outfile\n%s", gp);
  fclose (f);
  snprintf (cmd, sizeof cmd, "%s -e \"datafile='%s/f.dat'; outfile='%s/f.svg'\" %s/f.gp 2>/dev/null"
            " && test -s %s/f.svg", figure_gnuplot (), dir, dir, dir, dir);
  int ok = system (cmd) == 0;
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    exit (99);
  return ok;
}

/* GOT = WANT, else GOT printed as TAP diagnostics, line by line: a
   figure test compares the commands it was promised byte for byte */
static int
fixture_same_text (const char *got, const char *want)
{
  if (strcmp (got, want) == 0)
    return 1;
  printf ("# got:\n#   ");
  for (; *got; got++)
    fputs (*got == '\n' ? "\n#   " : (char[2]) { *got, 0 }, stdout);
  printf ("\n");
  return 0;
}

#endif
