/* test_rounding.c -- rounding bounds that travel with a value, against
   the same expressions in long double (u = 2^-64, 2^11 times finer). */
#include "rounding.h"
#include "rounding_short.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

/* The exponent of 004 (2.3) in double with its bound, and in long double. */
static rnd
exponent_rnd (double t1, double t2, double x, double z1, double z2)
{
  rnd T1 = rnd_exact (t1), T2 = rnd_exact (t2), X = rnd_exact (x);
  rnd Z1 = rnd_exact (z1), Z2 = rnd_exact (z2), one = rnd_exact (1);
  rnd a = rnd_mul (rnd_mul (Z1, Z1), rnd_add (one, rnd_mul (T1, T1)));
  rnd b = rnd_mul (rnd_mul (Z2, Z2), rnd_add (one, rnd_mul (T2, T2)));
  rnd c = rnd_mul (rnd_scale (2, X), rnd_add (rnd_mul (T1, Z1), rnd_mul (T2, Z2)));
  rnd d = rnd_mul (rnd_mul (rnd_mul (rnd_scale (2, T1), T2), Z1), Z2);
  return rnd_scale (-0.5, rnd_add (rnd_sub (rnd_add (a, b), c), d));
}

static long double
exponent_ld (long double t1, long double t2, long double x, long double z1,
             long double z2)
{
  return -0.5L * (z1 * z1 * (1 + t1 * t1) + z2 * z2 * (1 + t2 * t2)
                  - 2 * x * (t1 * z1 + t2 * z2) + 2 * t1 * t2 * z1 * z2);
}

/* ---------------------------------------------------------------------
 * Reference trees (tests/reference/rounding.tsv, gen_rounding.py): random
 * and adversarial expressions in reverse Polish notation, their exact
 * values by mpmath at 250 digits.  Each is evaluated here with rnd_*; the
 * actual error |fl(y) - y| must lie within rnd_bound (y).
 * --------------------------------------------------------------------- */

/* Evaluate RPN (modified in place by strtok_r) into *OUT; 0 if malformed. */
static int
rpn_eval (char *rpn, rnd * out)
{
  rnd st[64];
  size_t n = 0;
  char *save, *t = strtok_r (rpn, " ", &save);
  for (; t; t = strtok_r (NULL, " ", &save))
    {
      char c = t[0];
      if ((c == 'e' || c == 'g' || c == 's') && t[1] != '\0')
        {
          double v = strtod (t + 1, NULL);
          if (c == 's')
            {
              if (n < 1)
                return 0;
              st[n - 1] = rnd_scale (v, st[n - 1]);
            }
          else if (n < 64)
            st[n++] = c == 'e' ? rnd_exact (v) : rnd_leaf (log (v), 2);
          else
            return 0;
        }
      else if (c == 'L' && n >= 1)
        st[n - 1] = rnd_log (st[n - 1]);
      else if (strchr ("+-*/", c) && t[1] == '\0' && n >= 2)
        {
          rnd a = st[n - 2], b = st[n - 1];
          st[n - 2] = c == '+' ? rnd_add (a, b) : c == '-' ? rnd_sub (a, b)
            : c == '*' ? rnd_mul (a, b) : rnd_div (a, b);
          n--;
        }
      else
        return 0;
    }
  if (n != 1)
    return 0;
  *out = st[0];
  return 1;
}

/* One case: its name, the tree in RPN, the exact value. */
static int
reference_case (char **fl, size_t nf, void *tally)
{
  rnd y;
  if (nf != 3 || !rpn_eval (fl[1], &y))
    return 0;
  reftsv_tally_add (tally, fl[0], y.value, strtold (fl[2], NULL), rnd_bound (y));
  return 1;
}

static void
test_reference (void)
{
  reftsv_tally t = REFTSV_TALLY (NULL, REFTSV_FINITE);
  int read = reftsv_each ("rounding", reference_case, &t);
  reftsv_tally_report (&t, read, "rounding.tsv: rnd_bound bounds the actual error of all %d "
                       "trees (worst %.2g of it, %s)", t.cases, t.worst, t.worst_name);
}

/* rnd_sum_a_log_ratio: a KL by hand, 0.5 log(0.5/0.25) + 0.5 log(0.5/0.75)
   = 0.5 log(4/3); against long double over 10^5 random positive vectors
   of length 1 to 6, the error within the bound; and the negative
   control: the sum with its ratios flipped, Σ a log(c/b) = -Σ a log(b/c),
   lies outside the bound wherever the sum is not within 1e-10 of 0, so
   the bound is no blanket. */
static void
test_sum_a_log_ratio (void)
{
  rnd a[2] = { X (0.5), X (0.5) }, c[2] = { X (0.25), X (0.75) };
  rnd kl = rnd_sum_a_log_ratio (a, a, c, 2);
  tap_close (kl.value, 0.5 * log (4.0 / 3.0), 4 * DBL_EPSILON, "Σ a log(a/c) by hand: 0.5 log(4/3)");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 2027);
  double worst = 0;
  int missed = 0;
  for (int k = 0; k < 100000; k++)
    {
      size_t n = 1 + k % 6;
      rnd x[3][6];
      long double exact = 0;
      for (size_t i = 0; i < n; i++)
        {
          double v[3] = { gsl_rng_uniform_pos (r), gsl_rng_uniform_pos (r), gsl_rng_uniform_pos (r) };
          for (int j = 0; j < 3; j++)
            x[j][i] = X (v[j]);
          exact += v[0] * logl ((long double) v[1] / v[2]);
        }
      rnd got = rnd_sum_a_log_ratio (x[0], x[1], x[2], n);
      double b = rnd_bound (got);
      worst = fmax (worst, (double) fabsl ((long double) got.value - exact) / b);
      missed += fabsl (exact) > 1e-10 && !(fabsl ((long double) got.value + exact) > b);
    }
  tap_ok (worst <= 1, "10^5 random sums: worst error / bound %.3g", worst);
  tap_ok (missed == 0, "negative control: the flipped ratios are outside the bound (%d missed)", missed);
  gsl_rng_free (r);
}

/* Σ X[i], i < N, pairwise (halves summed first), as rnd and in long double */
static rnd
pairwise_rnd (const double *x, size_t n)
{
  return n == 1 ? rnd_exact (x[0]) : rnd_add (pairwise_rnd (x, n / 2),
                                              pairwise_rnd (x + n / 2, n - n / 2));
}

static long double
pairwise_ld (const double *x, size_t n)
{
  return n == 1 ? x[0] : pairwise_ld (x, n / 2) + pairwise_ld (x + n / 2, n - n / 2);
}

/* A sum counts the larger of its operands' roundings plus one: a pairwise
   sum of 2^10 terms 10 (Higham, section 4.2), a recursive one 2^10 - 1.
   Over random pairwise sums of terms that cancel (signs at random, sizes
   over six orders of magnitude) the error stays within the bound, and the
   bound is not vacuous; the negative control, a bound of 10 ulps of the
   sum itself (relative to |y|, not to the terms that cancel), is too small
   for some sum. */
static void
test_sum_count (void)
{
  double x[1024];
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261203);
  rnd rec = rnd_exact (0);
  for (int i = 0; i < 1024; i++)
    rec = rnd_add (rec, rnd_exact (1));
  double worst = 0, worst_rel = 0;
  for (int k = 0; k < 2000; k++)
    {
      for (int i = 0; i < 1024; i++)
        x[i] = (gsl_rng_uniform (r) < 0.5 ? -1 : 1) * pow (10, gsl_ran_flat (r, -3, 3));
      rnd s = pairwise_rnd (x, 1024);
      double err = (double) fabsl ((long double) s.value - pairwise_ld (x, 1024));
      worst = fmax (worst, err / rnd_bound (s));
      worst_rel = fmax (worst_rel, err / (10 * EST_U * fabs (s.value)));
      if (k == 0)
        tap_ok (s.n == 10 && rec.n == 1024, "a pairwise sum of 2^10 terms counts %g roundings,"
                " a recursive one from 0 counts %g", s.n, rec.n);
    }
  tap_ok (worst < 1 && worst > 1e-3, "2000 pairwise sums of 1024 cancelling terms: worst error /"
          " bound %.3g (within, and not vacuous)", worst);
  tap_ok (worst_rel > 1, "negative control: 10 ulps of the sum is not a bound (worst error /"
          " it %.3g)", worst_rel);
  gsl_rng_free (r);
}

int
main (void)
{
  /* exact leaves and powers of two add no rounding */
  rnd e = rnd_scale (0.5, rnd_exact (3));
  tap_ok (e.n == 0 && rnd_bound (e) == 0, "a power-of-two scaling is exact");
  tap_ok (rnd_scale (3, rnd_exact (1)).n == 1, "scaling by 3 is one rounding");
  /* cancellation: (1e8 + 1e-8) - 1e8, the bound follows the terms' size */
  rnd big = rnd_exact (1e8), small = rnd_exact (1e-8);
  rnd c = rnd_sub (rnd_add (big, small), big);
  double err = fabs (c.value - 1e-8);
  tap_ok (err <= rnd_bound (c) && rnd_bound (c) < 1e-7,
          "(1e8 + 1e-8) - 1e8: error %.3g <= bound %.3g", err, rnd_bound (c));
  /* a difference as a leaf can be divided by: 1/((3 + 1e-5) - 3), whose
     relative error is the difference's, against long double */
  rnd diff = rnd_sub (rnd_add (rnd_exact (3), rnd_exact (1e-5)), rnd_exact (3));
  rnd leaf = rnd_as_leaf (diff), q = rnd_div (rnd_exact (1), leaf);
  long double inv_exact = 1.0L / (long double) 1e-5;
  double q_err = (double) fabsl ((long double) q.value - inv_exact);
  tap_ok (rnd_bound (leaf) >= rnd_bound (diff) && q_err <= rnd_bound (q) && rnd_bound (q) < 1e-3,
          "1/((3 + 1e-5) - 3) through rnd_as_leaf: error %.3g <= bound %.3g", q_err, rnd_bound (q));

  /* 004 (2.3): log p(z|x) - exponent differences at two z, the case that
     fooled a bound of 64 eps (|terms| + 1): 10^6 random draws, and the
     largest ratio of actual error to bound must stay below 1 */
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 1071);
  double worst = 0;
  for (int k = 0; k < 1000000; k++)
    {
      double t1 = gsl_ran_gaussian (r, 3), t2 = gsl_ran_gaussian (r, 3);
      double x = gsl_ran_gaussian (r, 4);
      double z1 = gsl_ran_gaussian (r, 2), z2 = gsl_ran_gaussian (r, 2);
      double w1 = gsl_ran_gaussian (r, 2), w2 = gsl_ran_gaussian (r, 2);
      rnd d = rnd_sub (exponent_rnd (t1, t2, x, z1, z2),
                       exponent_rnd (t1, t2, x, w1, w2));
      long double exact = exponent_ld (t1, t2, x, z1, z2)
        - exponent_ld (t1, t2, x, w1, w2);
      double ratio = (double) fabsl ((long double) d.value - exact)
        / rnd_bound (d);
      if (ratio > worst)
        worst = ratio;
    }
  tap_ok (worst < 1, "(2.3) exponent differences: worst error / bound %.3g"
          " over 10^6 draws", worst);
  /* the bound is not vacuous: within a few hundred of the worst error */
  tap_ok (worst > 1e-3, "the bound is not loose by more than 1000 (%.3g)",
          worst);
  gsl_rng_free (r);
  test_reference ();
  {
    /* rounding_short.h: each short name is its long form, value and bound */
    rnd a = rnd_exact (1.5), b = rnd_exact (3), four = rnd_exact (4);
    rnd longhand = rnd_sub (rnd_add (rnd_mul (rnd_mul (a, a), b), rnd_div (rnd_exact (1), four)), a);
    rnd shorthand = sub (add (mul (sq (X (1.5)), X (3)), inv (X (4))), X (1.5));
    tap_ok (shorthand.value == longhand.value && rnd_bound (shorthand) == rnd_bound (longhand)
            && shorthand.value == 5.5 && rnd_bound (X (1.5)) == 0,
            "rounding_short: sub (add (mul (sq (1.5), 3), inv (4)), 1.5) = 5.5 as rnd_* gives it,"
            " its bound %.3g the same; X exact", rnd_bound (shorthand));
  }
  test_sum_a_log_ratio ();
  test_sum_count ();
  return tap_done ();
}
