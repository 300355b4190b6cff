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

static void vdie (int code, const char *fmt, va_list ap)
  __attribute__ ((noreturn));

static void
vdie (int code, const char *fmt, va_list ap)
{
  atomic_file_abandon_all ();
  output_lock_release ();
  fprintf (stderr, "%s: ", program_name);
  vfprintf (stderr, fmt, ap);
  fputc ('\n', stderr);
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
