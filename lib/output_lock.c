/* output_lock.c -- flock on OUTDIR/.<slug>.lock (see output_lock.h). */
#include "output_lock.h"
#include "errors.h"
#include "stop_point.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char lock_path[4200];
static volatile int lock_fd = -1;

static double
lock_timeout (void)
{
  const char *v = getenv ("HARNESS_LOCK_TIMEOUT");
  char *end;
  if (!v || !*v)
    return 300;
  double t = strtod (v, &end);
  if (*end || !(t >= 0))
    die_usage ("HARNESS_LOCK_TIMEOUT=%s: not a number of seconds", v);
  return t;
}

static double
seconds_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

/* The holder writes its pid into the file, so that a waiting run can say
   whom it waits for. */
static long
holder_pid (int fd)
{
  char buf[32] = { 0 };
  ssize_t n = pread (fd, buf, sizeof buf - 1, 0);
  return n > 0 ? strtol (buf, NULL, 10) : 0;
}

/* Whether FD, which we have locked, is still the file at PATH. */
static int
still_linked (int fd, const char *path)
{
  struct stat a, b;
  return fstat (fd, &a) == 0 && stat (path, &b) == 0
    && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static int
open_lock_file (const char *path)
{
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    die_runtime ("cannot create the lock file %s: %s", path, strerror (errno));
  return fd;
}

static void
record_holder (int fd)
{
  char buf[32];
  int n = snprintf (buf, sizeof buf, "%ld\n", (long) getpid ());
  if (ftruncate (fd, 0) != 0 || pwrite (fd, buf, (size_t) n, 0) != n)
    die_runtime ("cannot write the lock file %s: %s", lock_path,
                 strerror (errno));
}

void
output_lock_acquire (const char *outdir, const char *slug)
{
  snprintf (lock_path, sizeof lock_path, "%s/.%s.lock", outdir, slug);
  double timeout = lock_timeout (), start = seconds_now ();
  int said = 0;
  sigset_t fatal, old;
  sigemptyset (&fatal);
  sigaddset (&fatal, SIGINT);
  sigaddset (&fatal, SIGTERM);
  sigaddset (&fatal, SIGHUP);
  for (;;)
    {
      /* From creating the file to holding it (or closing it), signals
         wait: an interrupt must not leave a lock file nobody removes.
         They are not blocked while we sleep, so waiting is interruptible. */
      sigprocmask (SIG_BLOCK, &fatal, &old);
      int fd = open_lock_file (lock_path);
      stop_point ("lock-file-opened");
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (still_linked (fd, lock_path))
            {
              lock_fd = fd;
              record_holder (fd);
              sigprocmask (SIG_SETMASK, &old, NULL);
              return;
            }
          close (fd);           /* unlinked by its last holder: again */
          sigprocmask (SIG_SETMASK, &old, NULL);
          continue;
        }
      if (errno != EWOULDBLOCK && errno != EINTR)
        die_runtime ("cannot lock %s: %s", lock_path, strerror (errno));
      long pid = holder_pid (fd);
      close (fd);
      sigprocmask (SIG_SETMASK, &old, NULL);
      double waited = seconds_now () - start;
      if (waited >= timeout)
        die_runtime ("another run (pid %ld) is writing %s into %s;"
                     " gave up after %.0f s (HARNESS_LOCK_TIMEOUT)", pid,
                     slug, outdir, timeout);
      if (!said++)
        fprintf (stderr, "%s: waiting for another run (pid %ld) that is"
                 " writing %s into %s (at most %.0f s)\n", errors_program (),
                 pid, slug, outdir, timeout);
      struct timespec pause = { 0, 10 * 1000 * 1000 };
      nanosleep (&pause, NULL);
    }
}

void
output_lock_release (void)
{
  int fd = lock_fd;
  if (fd < 0)
    return;
  lock_fd = -1;
  unlink (lock_path);           /* while still locked: see output_lock.h */
  close (fd);
}
