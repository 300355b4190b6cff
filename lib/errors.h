/* errors.h -- one-line fatal errors with the harness's exit codes.
 *
 * Exit codes follow the automake convention loosely:
 *   0  every check came out as the repository expects
 *   1  some check did not (a real finding or a regression)
 *   2  bad command line (the message names the option)
 *   3  a runtime failure: I/O, a GSL error, gnuplot failing
 * Every fatal path prints exactly one line "PROGRAM: message" on stderr and
 * removes any temporary output file first (see atomic_file.h).  The line is
 * escaped (errors_escape), so that an argument holding a newline, a terminal
 * control sequence or broken UTF-8 cannot split it or garble the terminal. */
#ifndef HARNESS_ERRORS_H
#define HARNESS_ERRORS_H

#include <stddef.h>

enum
{
  EXIT_AS_EXPECTED = 0,
  EXIT_UNEXPECTED = 1,
  EXIT_USAGE = 2,
  EXIT_RUNTIME = 3
};

void errors_set_program (const char *name);
const char *errors_program (void);

/* Replace GSL's abort-on-error handler by one that prints one line and exits
   with EXIT_RUNTIME. */
void errors_install_gsl_handler (void);

/* Copy SRC to DST (SIZE bytes, always NUL-terminated when SIZE > 0) with
   every control byte written as \n, \t, \r or \xNN, and every byte that
   is not part of valid UTF-8 as \xNN; valid UTF-8 (e.g. σ) passes through.
   A backslash is left as it is, so escaping twice changes nothing: this is
   for one-line, terminal-safe messages, not a reversible encoding.  Never
   cuts an escape or a character in half.  Returns the length of the whole
   escaped text, as snprintf does (>= SIZE: truncated). */
size_t errors_escape (char *dst, size_t size, const char *src);

void die_usage (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2), noreturn));
void die_runtime (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2), noreturn));
void die_internal (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2), noreturn));

/* Flush stdout; a failed write to it (a full disk, a closed pipe or
   descriptor) is a runtime failure: one line, EXIT_RUNTIME. */
void errors_flush_stdout (void);

/* Die unless standard output is open; give a closed stdin or stderr
   /dev/null, so that no output file is opened on descriptor 0, 1 or 2. */
void errors_check_std_streams (void);

void *xmalloc (size_t n);
void *xcalloc (size_t n, size_t size);
void *xrealloc (void *p, size_t n);
char *xstrdup (const char *s);

#endif
