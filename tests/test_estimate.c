/* test_estimate.c -- est_log: the bound e/(v - e) + 2u|log v| covers log
   over the whole interval [v - e, v + e] (log at its ends computed in long
   double), is not much wider than the slope bound, keeps the kind, and
   v <= e and a Monte Carlo estimate die (in a child). */
#include "check.h"
#include "estimate.h"
#include "tap.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int
dies_with (estimate v, int code)
{
  fflush (stdout);
  pid_t pid = fork ();
  if (pid == 0)
    {
      int fd = open ("/dev/null", O_WRONLY);
      dup2 (fd, 2);
      est_log (v);
      _exit (0);
    }
  int status = 0;
  waitpid (pid, &status, 0);
  return WIFEXITED (status) && WEXITSTATUS (status) == code;
}

int
main (void)
{
  const estimate cases[] = { est_quad ((quad_result) { 2.5, 1e-9 }),
    est_quad ((quad_result) { 1e-3, 4e-4 }), est_exact (7.0, 0),
    est_numeric (1e300, 1e290), est_opt (0.37, 1e-12) };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      estimate v = cases[i], l = est_log (v);
      long double lo = logl ((long double) v.value - v.err);
      long double hi = logl ((long double) v.value + v.err);
      tap_ok (l.value == log (v.value) && l.kind == v.kind,
              "est_log (%g ± %g): value log v, kind kept", v.value, v.err);
      tap_ok (l.value - lo <= l.err && hi - l.value <= l.err,
              "... log over [v - e, v + e] within the bound %.3g", l.err);
      tap_ok (l.err <= v.err / (v.value - v.err) + 2.5 * EST_U * fabs (l.value),
              "... the bound is e/(v - e) plus one ulp of log v");
    }
  tap_ok (dies_with (est_quad ((quad_result) { 1e-3, 2e-3 }), 3),
          "est_log of 1e-3 ± 2e-3 dies with exit 3 (v <= e: no bound)");
  tap_ok (dies_with (est_exact (-1, 0), 3), "est_log of -1 dies with exit 3");
  tap_ok (!dies_with (est_mc (2, 0.1), 0), "est_log of a Monte Carlo estimate dies");
  return tap_done ();
}
