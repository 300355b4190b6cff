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
    n += strstr (e->d_name, ".tmp.") != NULL;
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
  atomic_file_fill (tmp, "never\n", 6);
  atomic_file_abandon_all ();
  tap_ok (strcmp (slurp (path), "new\n") == 0, "abandoning keeps the old file");
  tap_ok (count_temporaries (dir) == 0, "abandoning removes the temporary");
}

int
main (void)
{
  char dir[] = "/tmp/test_output.XXXXXX";
  if (!mkdtemp (dir))
    return 99;
  test_sbuf ();
  test_atomic (dir);
  char cmd[256];
  snprintf (cmd, sizeof cmd, "rm -rf %s", dir);
  if (system (cmd) != 0)
    return 99;
  return tap_done ();
}
