/* fixture_harness.h -- a claim's harness run inside a unit test: its TAP
 * goes to /dev/null (the test prints its own), its outputs to a temporary
 * folder removed at the end.
 *
 *   fixture_harness f;
 *   harness *h = fixture_harness_begin (&f, &CLAIM);   (quiet from here)
 *   ... checks ...
 *   fixture_harness_loud (&f);
 *   tap_ok (fixture_result (h, "id")->held == 1, ...);
 *   fixture_harness_end (&f);
 */
#ifndef TESTS_FIXTURE_HARNESS_H
#define TESTS_FIXTURE_HARNESS_H

#include "harness.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct
{
  harness *h;
  char dir[64];
  int saved, null;
} fixture_harness;

static inline void
fixture_harness_quiet (fixture_harness * f)
{
  fflush (stdout);
  dup2 (f->null, 1);
}

static inline void
fixture_harness_loud (fixture_harness * f)
{
  fflush (stdout);
  dup2 (f->saved, 1);
}

/* Begins claim C (seeded as the harness does) in a fresh temporary folder,
   quiet; exits 99 if the folder cannot be made. */
static inline harness *
fixture_harness_begin (fixture_harness * f, const claim * c)
{
  snprintf (f->dir, sizeof f->dir, "/tmp/%s.XXXXXX", c->slug);
  if (!mkdtemp (f->dir))
    exit (99);
  char *argv[] = { (char *) c->slug, "--outdir", f->dir, NULL };
  fflush (stdout);
  f->saved = dup (1);
  f->null = open ("/dev/null", O_WRONLY);
  fixture_harness_quiet (f);
  f->h = harness_begin (c, 3, argv);
  return f->h;
}

/* The result of check ID (NULL if the claim has none). */
static inline const check_result *
fixture_result (const harness * h, const char *id)
{
  for (size_t i = 0; i < h->c->n_checks; i++)
    if (strcmp (h->c->checks[i].id, id) == 0)
      return &h->results[i];
  return NULL;
}

/* 1 if check ID held, 0 if not, -1 if the claim has no such check. */
static inline int
fixture_held (const harness * h, const char *id)
{
  const check_result *r = fixture_result (h, id);
  return r ? r->held : -1;
}

/* Ends the harness quietly (it wants a figure: a trivial one) and removes
   the folder; exits 99 if it cannot. */
static inline void
fixture_harness_end (fixture_harness * f)
{
  char cmd[200];
  fixture_harness_quiet (f);
  sbuf_append (harness_figure_script (f->h), "plot x\n");
  harness_end (f->h);
  fixture_harness_loud (f);
  close (f->null);
  close (f->saved);
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", f->dir);
  if (system (cmd) != 0)
    exit (99);
}

#endif
