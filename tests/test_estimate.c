/* test_estimate.c -- the deterministic error bounds of lib/estimate
   against exact rational arithmetic (tests/reference/estimate.tsv,
   gen_estimate.py: fractions.Fraction): est_sum_terms' Higham bound,
   est_add, est_sub and est_scale of estimates whose true values lie at
   the worst end of their stated errors. */
#include "check.h"
#include "estimate.h"
#include "reftsv.h"
#include "tap.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TERMS 1000

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

/* est_log: the bound e/(v - e) + 2u|log v| covers log over the whole
   interval [v - e, v + e] (log at its ends in long double), is not much
   wider than the slope bound, keeps the kind; v <= e and a Monte Carlo
   estimate die (in a child). */
static void
test_log (void)
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
}

int
main (void)
{
  FILE *f = reftsv_open ("estimate");
  char **fl;
  size_t nf;
  int cases[2] = { 0, 0 }, ok[2] = { f != NULL, f != NULL };
  double worst[2] = { 0, 0 };
  static double t[MAX_TERMS + 1];
  while (f && (nf = reftsv_next (f, &fl)))
    {
      size_t n = nf == 4 ? reftsv_doubles (fl[2], t, MAX_TERMS + 1) : 0;
      int is_sum = nf == 4 && !strcmp (fl[1], "sum");
      if (n == 0 || n > MAX_TERMS || (!is_sum && n != 4))
        {
          printf ("# malformed case %s\n", nf ? fl[0] : "?");
          ok[0] = ok[1] = 0;
          continue;
        }
      estimate e;
      if (is_sum)
        e = est_sum_terms (t, n, 0);
      else if (!strcmp (fl[1], "scale"))
        e = est_scale (t[0], est_exact (t[2], t[3]));
      else if (!strcmp (fl[1], "add"))
        e = est_add (est_exact (t[0], t[1]), est_exact (t[2], t[3]));
      else
        e = est_sub (est_exact (t[0], t[1]), est_exact (t[2], t[3]));
      long double err = fabsl ((long double) e.value - strtold (fl[3], NULL));
      int c_ok = e.kind == EST_EXACT && err <= e.err;
      if (!c_ok)
        printf ("# %s: %.17g, want %s, error %.3Lg, bound %.3g\n", fl[0], e.value, fl[3], err, e.err);
      ok[!is_sum] &= c_ok;
      cases[!is_sum]++;
      if (e.err > 0)
        worst[!is_sum] = fmax (worst[!is_sum], (double) (err / e.err));
    }
  reftsv_close (f);
  tap_ok (ok[0] && cases[0] > 0, "estimate.tsv: est_sum_terms' bound holds on all %d sums "
          "(worst %.2g of it)", cases[0], worst[0]);
  tap_ok (ok[1] && cases[1] > 0, "estimate.tsv: est_add, est_sub, est_scale carry the errors on "
          "all %d cases (worst %.2g of the bound)", cases[1], worst[1]);
  test_log ();
  return tap_done ();
}
