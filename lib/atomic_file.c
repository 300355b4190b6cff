/* atomic_file.c -- temporaries, then a journaled set of renames (see
   atomic_file.h for the protocol and why it is atomic as a set). */
#include "atomic_file.h"
#include "errors.h"
#include "output_lock.h"
#include "stop_point.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
  char backup[MAX_PATH];        /* during a commit: .old link or .none mark */
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

/* ----------------------------------------------------------------------
 * Signals
 * ---------------------------------------------------------------------- */

static void
block_fatal_signals (sigset_t * old)
{
  sigset_t fatal;
  sigemptyset (&fatal);
  sigaddset (&fatal, SIGINT);
  sigaddset (&fatal, SIGTERM);
  sigaddset (&fatal, SIGHUP);
  sigprocmask (SIG_BLOCK, &fatal, old);
}

static void
restore_signals (const sigset_t * old)
{
  sigprocmask (SIG_SETMASK, old, NULL);
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
  output_lock_release ();
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
  /* One handler at a time: a second signal during the clean-up waits. */
  sigaddset (&sa.sa_mask, SIGINT);
  sigaddset (&sa.sa_mask, SIGTERM);
  sigaddset (&sa.sa_mask, SIGHUP);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
}

/* ----------------------------------------------------------------------
 * Names: DIR/.<base>.<pid>.<kind>
 * ---------------------------------------------------------------------- */

static void
sibling_name (char *out, const char *path, long pid, const char *kind)
{
  const char *slash = strrchr (path, '/');
  int dirlen = slash ? (int) (slash - path + 1) : 0;
  int n = snprintf (out, MAX_PATH, "%.*s.%s.%ld.%s", dirlen, path,
                    slash ? slash + 1 : path, pid, kind);
  if (n < 0 || n >= MAX_PATH)
    die_runtime ("output path too long: %s", path);
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

/* ----------------------------------------------------------------------
 * Temporaries
 * ---------------------------------------------------------------------- */

const char *
atomic_file_begin (const char *path)
{
  if (strlen (path) + 40 >= MAX_PATH)
    die_runtime ("output path too long: %s", path);
  if (find_pending (path))
    die_internal ("%s is already being written", path);
  pending_file *p = free_slot ();
  char tmp[MAX_PATH];
  sibling_name (tmp, path, (long) getpid (), "tmp");
  /* Created and registered with the fatal signals blocked: a signal in
     between would leave a temporary nobody knows about. */
  sigset_t old;
  block_fatal_signals (&old);
  unlink (tmp);                 /* left by a dead process that had our pid */
  int fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      restore_signals (&old);
      die_runtime ("cannot create a file beside %s: %s", path,
                   strerror (errno));
    }
  stop_point_file ("tmp-created", path);
  snprintf (p->path, MAX_PATH, "%s", path);
  snprintf (p->tmp, MAX_PATH, "%s", tmp);
  p->backup[0] = 0;
  p->used = 1;
  stop_point_file ("tmp-registered", path);
  restore_signals (&old);
  /* Outputs are ordinary readable files, whatever the umask. */
  int ok = fchmod (fd, 0644) == 0;
  if (close (fd) != 0 || !ok)
    die_runtime ("cannot create a file beside %s: %s", path,
                 strerror (errno));
  return p->tmp;
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
atomic_file_fill (const char *tmp, const char *data, size_t len)
{
  FILE *f = fopen (tmp, "wbe");
  if (!f)
    die_runtime ("cannot open %s: %s", tmp, strerror (errno));
  write_all_or_die (f, tmp, data, len);
  if (fclose (f) != 0)
    die_runtime ("cannot write %s: %s", tmp, strerror (errno));
  stop_point_file ("filled", tmp);
}

/* ----------------------------------------------------------------------
 * Commits
 * ---------------------------------------------------------------------- */

void
atomic_file_commit (const char *path)
{
  pending_file *p = find_pending (path);
  if (!p)
    die_internal ("%s was not begun", path);
  sigset_t old;
  block_fatal_signals (&old);
  if (rename (p->tmp, p->path) != 0)
    {
      restore_signals (&old);
      die_runtime ("cannot replace %s: %s", path, strerror (errno));
    }
  p->used = 0;
  restore_signals (&old);
}

static int
create_empty (const char *path)
{
  unlink (path);
  int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  return fd >= 0 && close (fd) == 0 ? 0 : -1;
}

/* Keep the old file of P as a hard link DIR/.<base>.<pid>.old, or record
   that there was none with an empty DIR/.<base>.<pid>.none. */
static int
keep_backup (pending_file * p)
{
  sibling_name (p->backup, p->path, (long) getpid (), "old");
  unlink (p->backup);
  if (link (p->path, p->backup) == 0)
    return 0;
  if (errno != ENOENT)
    return -1;
  sibling_name (p->backup, p->path, (long) getpid (), "none");
  return create_empty (p->backup);
}

static int
backup_is_link (const pending_file * p)
{
  size_t n = strlen (p->backup);
  return n > 4 && strcmp (p->backup + n - 4, ".old") == 0;
}

/* Put back the old file of P (whose new one is in place); 0 on success. */
static int
restore_backup (const pending_file * p)
{
  if (backup_is_link (p))
    return rename (p->backup, p->path);
  if (unlink (p->path) != 0 && errno != ENOENT)
    return -1;
  return unlink (p->backup);
}

static void
drop_backups (pending_file ** set, int n)
{
  for (int i = 0; i < n; i++)
    unlink (set[i]->backup);
}

/* Step FAILED of a commit (keeping a backup, or a rename) failed with
   errno ERR after RENAMED files were already replaced: put those back from
   their backups, remove everything this commit made, and die.  Should a
   restore itself fail, the journal (marker and backups) stays, and the
   next run of the claim restores the old set (atomic_file_recover). */
static void
undo_and_die (pending_file ** set, int n, int renamed, int failed, int err,
              const char *marker, const char *doing)
  __attribute__ ((noreturn));

static void
undo_and_die (pending_file ** set, int n, int renamed, int failed, int err,
              const char *marker, const char *doing)
{
  const char *unrestored = NULL;
  int restore_err = 0;
  for (int i = 0; i < renamed; i++)
    if (restore_backup (set[i]) != 0 && !unrestored)
      {
        unrestored = set[i]->path;
        restore_err = errno;
      }
  if (unrestored)
    die_runtime ("cannot %s %s: %s; nor restore %s: %s (the next run"
                 " restores it)", doing, set[failed]->path, strerror (err),
                 unrestored, strerror (restore_err));
  drop_backups (set, n);
  unlink (marker);
  die_runtime ("cannot %s %s: %s (no output was replaced)", doing,
               set[failed]->path, strerror (err));
}

void
atomic_file_commit_all (void)
{
  pending_file *set[MAX_PENDING];
  int n = 0;
  for (int i = 0; i < MAX_PENDING; i++)
    if (pending[i].used)
      set[n++] = &pending[i];
  if (n == 0)
    return;
  if (n == 1)
    {
      atomic_file_commit (set[0]->path);
      return;
    }
  char marker[MAX_PATH];
  sibling_name (marker, set[0]->path, (long) getpid (), "commit");
  sigset_t old;
  block_fatal_signals (&old);
  stop_point ("commit-begin");
  if (create_empty (marker) != 0)
    die_runtime ("cannot start replacing %s: cannot create %s: %s",
                 set[0]->path, marker, strerror (errno));
  for (int i = 0; i < n; i++)
    {
      if (keep_backup (set[i]) != 0)
        undo_and_die (set, i, 0, i, errno, marker, "keep a backup of");
      stop_point_file ("backed-up", set[i]->path);
    }
  for (int i = 0; i < n; i++)
    {
      stop_point_file ("before-rename", set[i]->path);
      if (rename (set[i]->tmp, set[i]->path) != 0)
        undo_and_die (set, n, i, i, errno, marker, "replace");
    }
  for (int i = 0; i < n; i++)
    set[i]->used = 0;
  unlink (marker);              /* the commit point: see atomic_file.h */
  stop_point ("committed");
  drop_backups (set, n);
  restore_signals (&old);
}

void
atomic_file_write (const char *path, const char *data, size_t len)
{
  atomic_file_fill (atomic_file_begin (path), data, len);
  atomic_file_commit (path);
}

/* ----------------------------------------------------------------------
 * Leftovers of dead runs
 * ---------------------------------------------------------------------- */

#define MAX_LEFTOVERS 256

typedef struct
{
  char name[MAX_PATH];          /* the leftover file */
  char dest[MAX_PATH];          /* the output it belongs to */
  long pid;
  char kind[8];                 /* tmp, old, none, commit */
} leftover;

/* Parse ".<stem>.<ext>.<pid>.<kind>" in DIR; 0 unless it is one. */
static int
parse_leftover (const char *dir, const char *name, const char *stem,
                leftover * l)
{
  size_t sl = strlen (stem);
  if (name[0] != '.' || strncmp (name + 1, stem, sl) != 0
      || name[1 + sl] != '.')
    return 0;
  const char *ext = name + 2 + sl, *dot1 = strchr (ext, '.');
  if (!dot1 || dot1 == ext)
    return 0;
  char *end;
  long pid = strtol (dot1 + 1, &end, 10);
  if (end == dot1 + 1 || *end != '.' || pid <= 0)
    return 0;
  const char *kind = end + 1;
  if (strcmp (kind, "tmp") && strcmp (kind, "old") && strcmp (kind, "none")
      && strcmp (kind, "commit"))
    return 0;
  snprintf (l->name, MAX_PATH, "%s/%s", dir, name);
  snprintf (l->dest, MAX_PATH, "%s/%.*s", dir, (int) (dot1 - name - 1),
            name + 1);
  l->pid = pid;
  snprintf (l->kind, sizeof l->kind, "%s", kind);
  return 1;
}

static int
owner_alive (long pid)
{
  if (pid == (long) getpid ())
    return 0;                   /* ours from an earlier life of this pid */
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static int
scan_leftovers (const char *const *dirs, int ndirs, const char *stem,
                leftover * out)
{
  int n = 0;
  for (int d = 0; d < ndirs; d++)
    {
      DIR *dh = opendir (dirs[d]);
      struct dirent *e;
      while (dh && (e = readdir (dh)) && n < MAX_LEFTOVERS)
        if (parse_leftover (dirs[d], e->d_name, stem, &out[n])
            && !owner_alive (out[n].pid))
          n++;
      if (dh)
        closedir (dh);
    }
  return n;
}

static int
commit_interrupted (const leftover * l, int n, long pid)
{
  for (int i = 0; i < n; i++)
    if (l[i].pid == pid && strcmp (l[i].kind, "commit") == 0)
      return 1;
  return 0;
}

/* Undo or finish what a dead run P left: its temporaries go; if its commit
   marker is still there, its commit was cut short and every backup is put
   back; otherwise its commit had completed and the backups go. */
static void
recover_one (leftover * l, int rollback)
{
  if (strcmp (l->kind, "old") == 0 && rollback)
    {
      if (rename (l->name, l->dest) != 0)
        die_runtime ("cannot restore %s from %s: %s", l->dest, l->name,
                     strerror (errno));
      /* If the dead run had not yet renamed this one, both names are links
         to the old file, and rename(2) then does nothing. */
      unlink (l->name);
      return;
    }
  if (strcmp (l->kind, "none") == 0 && rollback
      && unlink (l->dest) != 0 && errno != ENOENT)
    die_runtime ("cannot remove %s: %s", l->dest, strerror (errno));
  if (strcmp (l->kind, "commit") != 0)
    unlink (l->name);
}

int
atomic_file_recover (const char *const *dirs, int ndirs, const char *stem)
{
  static leftover l[MAX_LEFTOVERS];
  int n = scan_leftovers (dirs, ndirs, stem, l);
  for (int i = 0; i < n; i++)
    recover_one (&l[i], commit_interrupted (l, n, l[i].pid));
  for (int i = 0; i < n; i++)   /* markers last: recovery can be resumed */
    if (strcmp (l[i].kind, "commit") == 0)
      unlink (l[i].name);
  return n;
}
