/* sbuf.c -- a growable text buffer (see sbuf.h). */
#include "sbuf.h"
#include "errors.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
sbuf_init (sbuf * b)
{
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

void
sbuf_free (sbuf * b)
{
  free (b->data);
  sbuf_init (b);
}

static void
sbuf_reserve (sbuf * b, size_t extra)
{
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need)
    cap *= 2;
  b->data = xrealloc (b->data, cap);
  b->cap = cap;
}

void
sbuf_append (sbuf * b, const char *text)
{
  size_t n = strlen (text);
  sbuf_reserve (b, n);
  memcpy (b->data + b->len, text, n + 1);
  b->len += n;
}

void
sbuf_printf (sbuf * b, const char *fmt, ...)
{
  va_list ap;
  char probe[1];              /* measures the length; NULL draws a warning */
  va_start (ap, fmt);
  int n = vsnprintf (probe, sizeof probe, fmt, ap);
  va_end (ap);
  if (n < 0)
    die_internal ("sbuf_printf: bad format");
  sbuf_reserve (b, (size_t) n);
  va_start (ap, fmt);
  vsnprintf (b->data + b->len, (size_t) n + 1, fmt, ap);
  va_end (ap);
  b->len += (size_t) n;
}

const char *
sbuf_str (const sbuf * b)
{
  return b->data ? b->data : "";
}
