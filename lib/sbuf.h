/* sbuf.h -- a growable text buffer.
 *
 * Reports, figure data and scripts are built in memory first and written to
 * disk in one atomic step (see atomic_file.h), so an interrupted run never
 * leaves half a file behind. */
#ifndef HARNESS_SBUF_H
#define HARNESS_SBUF_H

#include <stddef.h>

typedef struct {
  char *data;   /* always NUL-terminated once anything is appended */
  size_t len;
  size_t cap;
} sbuf;

void sbuf_init (sbuf * b);
void sbuf_free (sbuf * b);
void sbuf_append (sbuf * b, const char *text);
void sbuf_printf (sbuf * b, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
const char *sbuf_str (const sbuf * b);   /* "" for an empty buffer */

#endif
