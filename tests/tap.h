/* tap.h -- a minimal TAP producer for the unit tests.
 *
 *   tap_ok (cond, "name %d", i);          one test
 *   tap_close (a, b, tol, "name");        |a - b| <= tol, prints both on failure
 *   return tap_done ();                   prints the plan, N passed, N failed
 *
 * Failures print observed and expected at full precision.  NaN compares
 * unequal to everything, including NaN: tests use tap_ok (isnan (x)). */
#ifndef HARNESS_TAP_H
#define HARNESS_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

static void tap_vok (int ok, const char *fmt, va_list ap)
{
  printf ("%s %d - ", ok ? "ok" : "not ok", ++tap_n);
  vprintf (fmt, ap);
  printf ("\n");
  tap_failed += !ok;
}

__attribute__ ((format (printf, 2, 3), unused))
static int tap_ok (int ok, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  tap_vok (ok, fmt, ap);
  va_end (ap);
  return ok;
}

__attribute__ ((format (printf, 4, 5), unused))
static int tap_close (double got, double want, double tol, const char *fmt, ...)
{
  int ok = fabs (got - want) <= tol || got == want;
  va_list ap;
  va_start (ap, fmt);
  tap_vok (ok, fmt, ap);
  va_end (ap);
  if (!ok)
    printf ("#   got %.17g, want %.17g, |diff| %.3g > tol %.3g\n", got, want,
            fabs (got - want), tol);
  return ok;
}

__attribute__ ((unused))
static int tap_done (void)
{
  printf ("1..%d\n%d passed, %d failed\n", tap_n, tap_n - tap_failed, tap_failed);
  return tap_failed ? 1 : 0;
}

#endif
