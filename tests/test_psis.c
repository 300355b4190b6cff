/* test_psis.c -- Pareto k-hat against loo 2.5 (tests/reference/
 * diagnostics.tsv, kinds 2 and 3) on the same inputs, and its special
 * values and known shapes.
 *
 * Same algorithm, so the two agree to rounding.  Bound: the grid weights
 * exp(l_j - max l) have condition 1 in l_j = M * profile(theta_j), and the
 * profile (a mean of M log1p terms, a log, a division) carries an absolute
 * error of a few eps (1 + |k|); so l_j is off by <= 4 M eps (1 + |k|),
 * theta-hat relatively by as much, and k = mean log1p(-theta-hat x) by
 * that times |theta x / (1 - theta x)| <= 1 + |k| again, summed over
 * the steps: 16 M eps (1 + |k|)^2. */
#include "psis.h"
#include "diagnostics_inputs.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <stdlib.h>

static void
test_against_loo (void)
{
  size_t rows, checked = 0;
  double *v = reftsv_table ("diagnostics", 8, &rows), worst = 0;
  for (size_t i = 0; i < rows; i++)
    {
      const double *r = v + 8 * i;
      int kind = (int) r[0];
      if (kind != 2 && kind != 3)
        continue;
      size_t n = (size_t) r[2];
      double k0 = r[4], want = r[7], *x = malloc (n * sizeof *x);
      diag_lcg (r[1], n, x);
      for (size_t j = 0; j < n; j++)
        x[j] = kind == 2 ? -k0 * log (x[j]) : pow (x[j], -k0);
      double got = kind == 2 ? psis_khat (x, n) : psis_khat_tail (x, n);
      double m = (double) psis_tail_length (n), a = 1 + fabs (want);
      tap_close (got, want, 16 * m * DBL_EPSILON * a * a,
                 "%s k-hat, n = %zu, true shape %g: %.6f (loo %.6f)",
                 kind == 2 ? "log-weight" : "tail", n, k0, got, want);
      worst = fmax (worst, fabs (got - want));
      checked++;
      free (x);
    }
  printf ("# k-hat against loo: worst |diff| %.3g over %zu cases\n", worst,
          checked);
  tap_ok (checked >= 24, "%zu k-hat cases read", checked);
  free (v);
}

static void
test_special_values (void)
{
  double x[100];
  for (size_t i = 0; i < 100; i++)
    x[i] = (double) i;
  tap_ok (isnan (psis_khat (x, 20)), "n = 20 (tail M = 4 < 5): NaN");
  tap_ok (!isnan (psis_khat (x, 21)), "n = 21 (M = 5): defined");
  tap_ok (psis_tail_length (100) == 20 && psis_tail_length (10000) == 300,
          "tail length min(n/5, 3 sqrt n), rounded up");
  x[7] = NAN;
  tap_ok (isnan (psis_khat (x, 100)) && isnan (psis_khat_tail (x, 100)),
          "NaN in the sample: NaN");
  x[7] = INFINITY;
  tap_ok (isnan (psis_khat (x, 100)), "+inf log-weight: NaN");
  x[7] = -INFINITY;
  tap_ok (!isnan (psis_khat (x, 100)), "-inf log-weight (weight 0): defined");
  double c[100];
  for (size_t i = 0; i < 100; i++)
    c[i] = i < 70 ? (double) i : 70.0;
  tap_ok (isnan (psis_khat_tail (c, 100)), "all tail values equal: NaN");
  /* shift invariance of the log-weights */
  double lw[200], lw2[200];
  diag_lcg (4242, 200, lw);
  for (size_t i = 0; i < 200; i++)
    {
      lw[i] = -0.5 * log (lw[i]);
      lw2[i] = lw[i] + 700.0;
    }
  tap_close (psis_khat (lw2, 200), psis_khat (lw, 200), 1e-12,
             "k-hat unchanged by a shift of the log-weights by 700");
}

/* the verdict the lead uses: light tails below PSIS_KHAT_MAX, infinite
   variance (shape 1.2) above it, on 1e5 draws */
static void
test_known_shapes (void)
{
  const size_t n = 100000;
  double *x = malloc (n * sizeof *x), *y = malloc (n * sizeof *y);
  diag_lcg (777, n, x);
  for (size_t i = 0; i < n; i++)
    y[i] = -1.2 * log (x[i]);
  double heavy = psis_khat (y, n);
  for (size_t i = 0; i < n; i++)
    y[i] = -0.2 * log (x[i]);
  double light = psis_khat (y, n);
  tap_ok (heavy > PSIS_KHAT_MAX && light < PSIS_KHAT_MAX,
          "weights of shape 1.2: k-hat %.3f > 0.7; shape 0.2: %.3f < 0.7",
          heavy, light);
  free (x);
  free (y);
}

int
main (void)
{
  test_against_loo ();
  test_special_values ();
  test_known_shapes ();
  return tap_done ();
}
