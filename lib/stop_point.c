/* stop_point.c -- test hooks at named points (see stop_point.h). */
#include "stop_point.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MODE_UNREAD, MODE_OFF, MODE_LIST, MODE_STOP };

static int mode = MODE_UNREAD;
static long stop_at, reached;

static void
read_mode (void)
{
  const char *v = getenv ("HARNESS_STOP_AT");
  char *end;
  mode = MODE_OFF;
  if (!v || !*v)
    return;
  if (strcmp (v, "list") == 0)
    {
      mode = MODE_LIST;
      return;
    }
  stop_at = strtol (v, &end, 10);
  if (*end == 0 && stop_at > 0)
    mode = MODE_STOP;
}

void
stop_point (const char *name)
{
  if (mode == MODE_UNREAD)
    read_mode ();
  if (mode == MODE_OFF)
    return;
  reached++;
  if (mode == MODE_LIST)
    fprintf (stderr, "stop-point %ld %s\n", reached, name);
  else if (reached == stop_at)
    raise (SIGSTOP);
}

void
stop_point_file (const char *name, const char *file)
{
  if (mode == MODE_OFF)
    return;
  const char *slash = strrchr (file, '/');
  char buf[512];
  snprintf (buf, sizeof buf, "%s %s", name, slash ? slash + 1 : file);
  stop_point (buf);
}
