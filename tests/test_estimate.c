/* test_estimate.c -- the deterministic error bounds of lib/estimate
   against exact rational arithmetic (tests/reference/estimate.tsv,
   gen_estimate.py: fractions.Fraction): est_sum_terms' Higham bound,
   est_add, est_sub and est_scale of estimates whose true values lie at
   the worst end of their stated errors. */
#include "estimate.h"
#include "reftsv.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TERMS 1000

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
  return tap_done ();
}
