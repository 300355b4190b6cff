/* errors.c -- fatal errors and the GSL error handler (see errors.h). */
#include "errors.h"
#include "atomic_file.h"
#include "output_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *program_name = "harness";

void
errors_set_program (const char *name)
{
  const char *slash = strrchr (name, '/');
  program_name = slash ? slash + 1 : name;
}

const char *
errors_program (void)
{
  return program_name;
}

/* ----------------------------------------------------------------------
 * Escaping: one line, no control bytes, valid UTF-8
 * ---------------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence of two or more bytes at S, or 0 (RFC
   3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
static size_t
utf8_sequence (const unsigned char *s)
{
  unsigned char c = s[0], lo = 0x80, hi = 0xbf;
  size_t n;
  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      lo = c == 0xe0 ? 0xa0 : 0x80;
      hi = c == 0xed ? 0x9f : 0xbf;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      lo = c == 0xf0 ? 0x90 : 0x80;
      hi = c == 0xf4 ? 0x8f : 0xbf;
    }
  else
    return 0;
  if (s[1] < lo || s[1] > hi)
    return 0;
  for (size_t i = 2; i < n; i++)
    if (s[i] < 0x80 || s[i] > 0xbf)
      return 0;
  return n;
}

/* The escaped form of one byte. */
static size_t
escape_byte (unsigned char c, char out[5])
{
  switch (c)
    {
    case '\n':
      memcpy (out, "\\n", 2);
      return 2;
    case '\t':
      memcpy (out, "\\t", 2);
      return 2;
    case '\r':
      memcpy (out, "\\r", 2);
      return 2;
    default:
      snprintf (out, 5, "\\x%02x", c);
      return 4;
    }
}

/* The next unit of S (one character, or one byte to escape) as it is to be
   written: its text in OUT, its length returned, the bytes consumed in
   *USED. */
static size_t
escape_unit (const unsigned char *s, char out[8], size_t *used)
{
  if (s[0] >= 0x20 && s[0] < 0x7f)
    {
      out[0] = (char) s[0];
      *used = 1;
      return 1;
    }
  size_t n = s[0] >= 0x80 ? utf8_sequence (s) : 0;
  /* U+0080..U+009F are the C1 controls (CSI among them): escape them too. */
  if (n == 0 || (s[0] == 0xc2 && s[1] < 0xa0))
    {
      *used = 1;
      return escape_byte (s[0], out);
    }
  memcpy (out, s, n);
  *used = n;
  return n;
}

size_t
errors_escape (char *dst, size_t size, const char *src)
{
  const unsigned char *s = (const unsigned char *) src;
  size_t total = 0, written = 0;
  int full = size == 0;
  while (*s)
    {
      char unit[8];
      size_t used, n = escape_unit (s, unit, &used);
      s += used;
      if (!full && written + n < size)
        {
          memcpy (dst + written, unit, n);
          written += n;
        }
      else
        full = 1;               /* never half a unit: stop writing here */
      total += n;
    }
  if (size)
    dst[written] = 0;
  return total;
}

/* ----------------------------------------------------------------------
 * Fatal errors
 * ---------------------------------------------------------------------- */

static void vdie (int code, const char *fmt, va_list ap)
  __attribute__ ((noreturn));

/* Static buffers: no allocation on the way out (out of memory dies here
   too), and vdie runs at most once.  A message longer than MSG_MAX is cut
   and ends in "...". */
enum { MSG_MAX = 4096 };
static char msg_raw[MSG_MAX], msg_line[4 * MSG_MAX], name_line[1024];

static void
vdie (int code, const char *fmt, va_list ap)
{
  atomic_file_abandon_all ();
  output_lock_release ();
  int n = vsnprintf (msg_raw, sizeof msg_raw, fmt, ap);
  if (n >= (int) sizeof msg_raw)
    memcpy (msg_raw + sizeof msg_raw - 4, "...", 4);
  errors_escape (name_line, sizeof name_line, program_name);
  errors_escape (msg_line, sizeof msg_line, msg_raw);
  fprintf (stderr, "%s: %s\n", name_line, msg_line);
  exit (code);
}

void
die_usage (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vdie (EXIT_USAGE, fmt, ap);
}

void
die_runtime (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vdie (EXIT_RUNTIME, fmt, ap);
}

void
die_internal (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vdie (EXIT_RUNTIME, fmt, ap);
}

void
errors_flush_stdout (void)
{
  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    die_runtime ("cannot write to standard output: %s",
                 errno ? strerror (errno) : "write error");
}

static void
give_dev_null (int fd, int flags)
{
  if (fcntl (fd, F_GETFD) >= 0)
    return;
  int n = open ("/dev/null", flags);
  if (n >= 0 && n != fd)
    {
      dup2 (n, fd);
      close (n);
    }
}

void
errors_check_std_streams (void)
{
  give_dev_null (STDIN_FILENO, O_RDONLY);
  give_dev_null (STDERR_FILENO, O_WRONLY);
  if (fcntl (STDOUT_FILENO, F_GETFD) < 0)
    die_runtime ("standard output is closed");
}

/* GSL calls this instead of abort(): a numerical failure is reported as one
   line naming GSL's reason and the source location, then a clean exit. */
static void
gsl_error_to_exit (const char *reason, const char *file, int line,
                   int gsl_errno)
{
  die_runtime ("GSL error: %s (%s, at %s:%d)", reason,
               gsl_strerror (gsl_errno), file, line);
}

void
errors_install_gsl_handler (void)
{
  gsl_set_error_handler (gsl_error_to_exit);
}

void *
xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    die_runtime ("out of memory (%zu bytes)", n);
  return p;
}

void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (!p)
    die_runtime ("out of memory (%zu x %zu bytes)", n, size);
  return p;
}

void *
xrealloc (void *p, size_t n)
{
  void *q = realloc (p, n ? n : 1);
  if (!q)
    die_runtime ("out of memory (%zu bytes)", n);
  return q;
}

char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  char *p = xmalloc (n);
  memcpy (p, s, n);
  return p;
}
