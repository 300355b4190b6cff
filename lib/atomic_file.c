/* atomic_file.c -- temporary file, then rename (see atomic_file.h). */
#include "atomic_file.h"
#include "errors.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* A run writes a handful of files, so a small fixed table is enough; fixed
   storage also keeps the signal handler free of malloc. */
#define MAX_PENDING 16
#define MAX_PATH 4096

typedef struct
{
  char path[MAX_PATH];
  char tmp[MAX_PATH];
  volatile sig_atomic_t used;
} pending_file;

static pending_file pending[MAX_PENDING];

/* A child process writing into a pending file (gnuplot rendering the
   figure): on a fatal signal it must stop before the files are removed, or
   it would write them again after the clean-up. */
static volatile pid_t writer_child;

void
atomic_file_set_writer (pid_t pid)
{
  writer_child = pid;
}

static void
remove_pending (pending_file * p)
{
  if (p->used)
    {
      unlink (p->tmp);          /* async-signal-safe */
      p->used = 0;
    }
}

void
atomic_file_abandon_all (void)
{
  for (int i = 0; i < MAX_PENDING; i++)
    remove_pending (&pending[i]);
}

static void
on_fatal_signal (int sig)
{
  pid_t child = writer_child;
  if (child > 0)
    {
      kill (child, SIGKILL);    /* async-signal-safe, as is waitpid */
      waitpid (child, NULL, 0);
    }
  atomic_file_abandon_all ();
  signal (sig, SIG_DFL);
  raise (sig);
}

void
atomic_file_install_signal_handlers (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
}

static pending_file *
find_pending (const char *path)
{
  for (int i = 0; i < MAX_PENDING; i++)
    if (pending[i].used && strcmp (pending[i].path, path) == 0)
      return &pending[i];
  return NULL;
}

static pending_file *
free_slot (void)
{
  for (int i = 0; i < MAX_PENDING; i++)
    if (!pending[i].used)
      return &pending[i];
  die_internal ("too many pending output files");
}

const char *
atomic_file_begin (const char *path)
{
  if (strlen (path) + 16 >= MAX_PATH)
    die_runtime ("output path too long: %s", path);
  if (find_pending (path))
    die_internal ("%s is already being written", path);
  pending_file *p = free_slot ();
  snprintf (p->path, MAX_PATH, "%s", path);
  snprintf (p->tmp, MAX_PATH, "%s.tmp.XXXXXX", path);
  int fd = mkstemp (p->tmp);
  if (fd < 0)
    die_runtime ("cannot create a file beside %s: %s", path, strerror (errno));
  close (fd);
  p->used = 1;
  return p->tmp;
}

void
atomic_file_commit (const char *path)
{
  pending_file *p = find_pending (path);
  if (!p)
    die_internal ("%s was not begun", path);
  /* mkstemp makes 0600 files; outputs are ordinary readable files. */
  if (chmod (p->tmp, 0644) != 0 || rename (p->tmp, p->path) != 0)
    die_runtime ("cannot replace %s: %s", path, strerror (errno));
  p->used = 0;
}

static void
write_all_or_die (FILE * f, const char *path, const char *data, size_t len)
{
  if (len && fwrite (data, 1, len, f) != len)
    die_runtime ("cannot write %s: %s", path, strerror (errno));
  if (fflush (f) != 0 || fsync (fileno (f)) != 0)
    die_runtime ("cannot write %s: %s", path, strerror (errno));
}

void
atomic_file_commit_all (void)
{
  for (int i = 0; i < MAX_PENDING; i++)
    if (pending[i].used)
      atomic_file_commit (pending[i].path);
}

void
atomic_file_fill (const char *tmp, const char *data, size_t len)
{
  FILE *f = fopen (tmp, "wb");
  if (!f)
    die_runtime ("cannot open %s: %s", tmp, strerror (errno));
  write_all_or_die (f, tmp, data, len);
  if (fclose (f) != 0)
    die_runtime ("cannot write %s: %s", tmp, strerror (errno));
}

void
atomic_file_write (const char *path, const char *data, size_t len)
{
  atomic_file_fill (atomic_file_begin (path), data, len);
  atomic_file_commit (path);
}
