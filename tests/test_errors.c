/* test_errors.c -- escaping, and every die_* path printing one line. */
#include "errors.h"
#include "tap.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int
escapes_to (const char *in, const char *want)
{
  char out[256];
  size_t n = errors_escape (out, sizeof out, in);
  int ok = strcmp (out, want) == 0 && n == strlen (want);
  if (!ok)
    printf ("#   got '%s' (%zu), want '%s'\n", out, n, want);
  return ok;
}

static void
test_escape (void)
{
  tap_ok (escapes_to ("plain text", "plain text"), "plain ASCII passes");
  tap_ok (escapes_to ("a\nb", "a\\nb"), "a newline becomes \\n");
  tap_ok (escapes_to ("a\tb\rc", "a\\tb\\rc"), "tab and CR become \\t, \\r");
  tap_ok (escapes_to ("\x1b[31m\x01\x7f", "\\x1b[31m\\x01\\x7f"),
          "ESC, other C0 controls and DEL become \\xNN");
  tap_ok (escapes_to ("σ ε é €", "σ ε é €"), "valid UTF-8 passes");
  tap_ok (escapes_to ("\xc2\x85\xc2\x9b", "\\xc2\\x85\\xc2\\x9b"),
          "C1 controls (NEL, CSI) are escaped");
  tap_ok (escapes_to ("\xff\xc3(\xe2\x82", "\\xff\\xc3(\\xe2\\x82"),
          "invalid and truncated UTF-8 bytes become \\xNN");
  tap_ok (escapes_to ("\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80",
                      "\\xc0\\xaf\\xed\\xa0\\x80\\xf4\\x90\\x80\\x80"),
          "overlong forms, surrogates and > U+10FFFF are invalid");
  tap_ok (escapes_to ("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"),
          "a 4-byte character passes");
  tap_ok (escapes_to ("back\\slash", "back\\slash"),
          "a backslash is left alone (escaping twice changes nothing)");
  char once[64], twice[64];
  errors_escape (once, sizeof once, "x\ny\x01");
  errors_escape (twice, sizeof twice, once);
  tap_ok (strcmp (once, twice) == 0, "escaping is idempotent");

  char small[6];
  size_t n = errors_escape (small, sizeof small, "ab\ncd");
  tap_ok (n == 6 && strcmp (small, "ab\\nc") == 0,
          "truncation returns the full length, like snprintf");
  n = errors_escape (small, 4, "ab\ncd");
  tap_ok (strcmp (small, "ab") == 0, "truncation never cuts an escape");
  n = errors_escape (small, 4, "aσb");
  tap_ok (strcmp (small, "aσ") == 0 && n == 4, "a character fits whole");
  n = errors_escape (small, 3, "aσb");
  tap_ok (strcmp (small, "a") == 0, "truncation never cuts a character");
  tap_ok (errors_escape (NULL, 0, "a\n") == 3, "size 0 only measures");
}

/* Run DIE in a child with stderr on a pipe; return what it printed and how
   it exited. */
static int
run_child (void (*die) (void), char *out, size_t size, int *status)
{
  int fd[2];
  if (pipe (fd) != 0)
    return -1;
  fflush (stdout);               /* or the child prints our TAP again */
  pid_t pid = fork ();
  if (pid == 0)
    {
      dup2 (fd[1], 2);
      close (fd[0]);
      die ();
    }
  close (fd[1]);
  size_t len = 0;
  ssize_t r;
  while (len + 1 < size && (r = read (fd[0], out + len, size - 1 - len)) > 0)
    len += (size_t) r;
  out[len] = 0;
  close (fd[0]);
  waitpid (pid, status, 0);
  return 0;
}

static void
die_usage_newline (void)
{
  die_usage ("--mutant: unknown mutant '%s'", "a\nb\tc\x1b[2J");
}

static void
die_runtime_newline (void)
{
  die_runtime ("cannot write %s: %s", "out\ndir/x.md", "No space");
}

static void
die_internal_newline (void)
{
  die_internal ("unknown parameter '%s'", "p\r\nq");
}

static void
die_bad_program_name (void)
{
  errors_set_program ("/tmp/weird\nname");
  die_usage ("bad");
}

static void
die_long_message (void)
{
  static char big[10000];
  memset (big, '\n', sizeof big - 1);
  die_runtime ("%s", big);
}

static void
check_die (void (*die) (void), int code, const char *want, const char *what)
{
  char out[65536];
  int status = 0;
  run_child (die, out, sizeof out, &status);
  size_t lines = 0;
  for (const char *p = out; *p; p++)
    lines += *p == '\n';
  int ok = WIFEXITED (status) && WEXITSTATUS (status) == code && lines == 1
    && out[strlen (out) - 1] == '\n'
    && (!want || strcmp (out, want) == 0);
  tap_ok (ok, "%s: exit %d, one line", what, code);
  if (!ok)
    printf ("#   exit %d, %zu line(s): %.200s\n", WEXITSTATUS (status), lines,
            out);
}

int
main (void)
{
  test_escape ();
  errors_set_program ("build/bin/prog");
  check_die (die_usage_newline, EXIT_USAGE,
             "prog: --mutant: unknown mutant 'a\\nb\\tc\\x1b[2J'\n",
             "die_usage with a newline in an argument");
  check_die (die_runtime_newline, EXIT_RUNTIME,
             "prog: cannot write out\\ndir/x.md: No space\n",
             "die_runtime with a newline in a path");
  check_die (die_internal_newline, EXIT_RUNTIME,
             "prog: unknown parameter 'p\\r\\nq'\n",
             "die_internal with CR LF");
  check_die (die_bad_program_name, EXIT_USAGE, "weird\\nname: bad\n",
             "a program path with a newline");
  check_die (die_long_message, EXIT_RUNTIME, NULL,
             "a 10000-newline message is cut, still one line");
  return tap_done ();
}
