/* test_output.c -- the text buffer and atomic output files: what is
   written is exactly what was built, a commit replaces the old file in one
   step, and abandoning leaves the old file and no temporary behind. */
#include "atomic_file.h"
#include "sbuf.h"
#include "tap.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *
slurp (const char *path)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return NULL;
  static char buf[1 << 20];
  size_t n = fread (buf, 1, sizeof buf - 1, f);
  buf[n] = 0;
  fclose (f);
  return buf;
}

static int
count_temporaries (const char *dir)
{
  DIR *d = opendir (dir);
  int n = 0;
  struct dirent *e;
  while (d && (e = readdir (d)))
    n += e->d_name[0] == '.' && strcmp (e->d_name, ".") != 0
      && strcmp (e->d_name, "..") != 0;
  if (d)
    closedir (d);
  return n;
}

static void
test_sbuf (void)
{
  sbuf b;
  sbuf_init (&b);
  tap_ok (strcmp (sbuf_str (&b), "") == 0, "an empty buffer reads as \"\"");
  sbuf_append (&b, "x = ");
  sbuf_printf (&b, "%d, %.3f, %s", 42, 2.5, "ok");
  tap_ok (strcmp (sbuf_str (&b), "x = 42, 2.500, ok") == 0, "append and printf concatenate");
  tap_ok (b.len == strlen ("x = 42, 2.500, ok"), "length tracks the text");
  sbuf big;
  sbuf_init (&big);
  for (int i = 0; i < 100000; i++)
    sbuf_printf (&big, "%d\n", i);
  size_t expect = 0;
  for (int i = 0; i < 100000; i++)
    expect += (size_t) snprintf (NULL, 0, "%d\n", i);
  tap_ok (big.len == expect && strlen (sbuf_str (&big)) == expect,
          "100000 appends grow the buffer to the exact length");
  sbuf_free (&big);
  sbuf_free (&b);
  tap_ok (b.len == 0 && b.data == NULL, "free resets the buffer");
}

static void
test_atomic (const char *dir)
{
  char path[4096];
  snprintf (path, sizeof path, "%s/out.txt", dir);
  atomic_file_write (path, "old\n", 4);
  tap_ok (strcmp (slurp (path), "old\n") == 0, "atomic_file_write writes the content");
  struct stat st;
  stat (path, &st);
  tap_ok ((st.st_mode & 0777) == 0644, "outputs are ordinary 0644 files");

  const char *tmp = atomic_file_begin (path);
  atomic_file_fill (tmp, "new\n", 4);
  tap_ok (strcmp (slurp (path), "old\n") == 0, "before the commit the old file is intact");
  tap_ok (count_temporaries (dir) == 1, "one temporary beside it");
  atomic_file_commit_all ();
  tap_ok (strcmp (slurp (path), "new\n") == 0, "after the commit the new file is in place");
  tap_ok (count_temporaries (dir) == 0, "and no temporary is left");

  tmp = atomic_file_begin (path);
  char want[64];
  snprintf (want, sizeof want, "/.out.txt.%ld.tmp", (long) getpid ());
  tap_ok (strlen (tmp) > strlen (want) && strcmp (tmp + strlen (tmp) - strlen (want), want) == 0,
          "a temporary is named .<name>.<pid>.tmp beside its file");
  atomic_file_fill (tmp, "never\n", 6);
  atomic_file_abandon_all ();
  tap_ok (strcmp (slurp (path), "new\n") == 0, "abandoning keeps the old file");
  tap_ok (count_temporaries (dir) == 0, "abandoning removes the temporary");
}

static void
put (const char *dir, const char *name, const char *text)
{
  char path[4096];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen (path, "wb");
  fputs (text, f);
  fclose (f);
}

static const char *
get (const char *dir, const char *name)
{
  char path[4096];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  const char *s = slurp (path);
  return s ? s : "(absent)";
}

/* A rename that fails in the middle of a set commit puts back the files
   already replaced: a failed commit replaces nothing.  (The old code left
   the first file replaced.) */
static void
test_failed_commit (const char *dir)
{
  char a[4096], b[4096];
  snprintf (a, sizeof a, "%s/s.dat", dir);
  snprintf (b, sizeof b, "%s/s.md", dir);
  atomic_file_write (a, "old a\n", 6);
  atomic_file_write (b, "old b\n", 6);
  fflush (stdout);
  pid_t pid = fork ();
  if (pid == 0)
    {
      if (!freopen ("/dev/null", "w", stderr))
        _exit (99);
      const char *ta = atomic_file_begin (a), *tb = atomic_file_begin (b);
      atomic_file_fill (ta, "new a\n", 6);
      atomic_file_fill (tb, "new b\n", 6);
      unlink (tb);              /* the second rename will fail */
      atomic_file_commit_all ();
      _exit (0);
    }
  int st;
  waitpid (pid, &st, 0);
  tap_ok (WIFEXITED (st) && WEXITSTATUS (st) == 3, "a failing rename in a set commit dies with exit 3");
  tap_ok (strcmp (get (dir, "s.dat"), "old a\n") == 0, "the file renamed before it is restored");
  tap_ok (strcmp (get (dir, "s.md"), "old b\n") == 0, "the other keeps its old content");
  tap_ok (count_temporaries (dir) == 0, "no temporary, backup or marker is left");
}

static long
dead_pid (void)
{
  pid_t pid = fork ();
  if (pid == 0)
    _exit (0);
  waitpid (pid, NULL, 0);
  return (long) pid;
}

/* What SIGKILL leaves in the middle of a commit: the next run rolls it
   back (marker present) or finishes it (marker gone); leftovers of live
   processes are not touched. */
static void
test_recovery (const char *dir)
{
  char name[256];
  const char *dirs[] = { dir };
  long dead = dead_pid ();
  put (dir, "s.md", "new md\n");
  snprintf (name, sizeof name, ".s.md.%ld.old", dead);
  put (dir, name, "old md\n");
  snprintf (name, sizeof name, ".s.dat.%ld.none", dead);
  put (dir, name, "");
  put (dir, "s.dat", "new dat\n");
  snprintf (name, sizeof name, ".s.svg.%ld.tmp", dead);
  put (dir, name, "partial");
  snprintf (name, sizeof name, ".s.md.%ld.commit", dead);
  put (dir, name, "");
  snprintf (name, sizeof name, ".s.md.%ld.tmp", (long) getppid ());
  put (dir, name, "a live run's");
  snprintf (name, sizeof name, ".other.md.%ld.tmp", dead);
  put (dir, name, "another claim's");
  atomic_file_recover (dirs, 1, "s");
  tap_ok (strcmp (get (dir, "s.md"), "old md\n") == 0, "recovery: an interrupted commit is rolled back");
  tap_ok (strcmp (get (dir, "s.dat"), "(absent)") == 0, "recovery: a file that did not exist before is removed");
  tap_ok (count_temporaries (dir) == 2, "recovery: only the live run's and the other claim's files are left");
  snprintf (name, sizeof name, "%s/.s.md.%ld.tmp", dir, (long) getppid ());
  unlink (name);
  snprintf (name, sizeof name, "%s/.other.md.%ld.tmp", dir, dead);
  unlink (name);

  dead = dead_pid ();
  put (dir, "s.md", "new md\n");
  snprintf (name, sizeof name, ".s.md.%ld.old", dead);
  put (dir, name, "old md\n");
  atomic_file_recover (dirs, 1, "s");
  tap_ok (strcmp (get (dir, "s.md"), "new md\n") == 0 && count_temporaries (dir) == 0,
          "recovery: with no marker the commit had completed; its backups go");
}

int
main (void)
{
  char dir[] = "/tmp/test_output.XXXXXX";
  if (!mkdtemp (dir))
    return 99;
  test_sbuf ();
  test_atomic (dir);
  test_failed_commit (dir);
  test_recovery (dir);
  char cmd[256];
  snprintf (cmd, sizeof cmd, "rm -rf %s", dir);
  if (system (cmd) != 0)
    return 99;
  return tap_done ();
}
