/* test_pair_quad.c -- lib/pair_quad against closed forms worked by hand.
 *
 * The stretched Beta's density: Beta(2, 3) is 12 t (1 - t)², so on [1, 3]
 * at x = 1.6 (t = 0.3) it is 1.764 / 2 = 0.882; zero outside its support.
 * F at a point, that Beta as p and U[2, 5] as q: at x = 2.5 (t = 0.75)
 * p = 0.5625 / 2 = 0.28125, q = 1/3, p q = 0.09375; the pair exchanged,
 * F(p, q) = p there is 1/3 (the order of the arguments is p's, then q's).
 * Integrals of F(p, q), each within its own error estimate plus 1e-12
 * (the absolute tolerance asked of CQUAD):
 *   ∫ p = 1 for Beta(2, 5) on [0.5, 2.5];
 *   ∫ p² = 36 B(3, 3) = 1.2 for Beta(2, 2) on [0, 1];
 *   ∫ p q = 1/4 for U[0, 2] and U[1, 3] (overlap of length 1);
 *   KL(p || (p + q)/2) = log 2 for disjoint U[0, 1], U[2, 5];
 *   KL(p || (p + q)/2) = (log 2)/2 for U[0, 2], U[1, 3]: log 2 on [0, 1]
 *   where q = 0, 0 on [1, 2] where p = q.
 * Negative control: KL with r = p + q (the ½ lost) misses log 2 by log 2. */
#include "pair_quad.h"
#include "tap.h"

#include <math.h>

static const pair_quad_beta U01 = { 0, 1, 1, 1 }, U25 = { 2, 5, 1, 1 };
static const pair_quad_beta U02 = { 0, 2, 1, 1 }, U13 = { 1, 3, 1, 1 };

static double f_p (double p, double q) { (void) q; return p; }
static double f_p2 (double p, double q) { (void) q; return p * p; }
static double f_pq (double p, double q) { return p * q; }
static double f_kl_r (double p, double q) { return p > 0 ? p * log (2 * p / (p + q)) : 0; }
static double f_kl_r_unhalved (double p, double q) { return p > 0 ? p * log (p / (p + q)) : 0; }

/* |∫ F - EXACT| <= the estimate's own error + 1e-12 */
static int
integral_is (pair_quad_beta p, pair_quad_beta q, pair_quad_fn f, double exact, const char *what)
{
  pair_quad_betas b = { p, q };
  quad_result r = pair_quad_betas_integrate (&b, f, 1e-12, 1e-10);
  int ok = fabs (r.value - exact) <= r.abserr + 1e-12;
  tap_ok (ok, "%s: %.17g (exact %.17g, |Δ| %.2g, abserr %.2g)", what, r.value, exact,
          fabs (r.value - exact), r.abserr);
  return ok;
}

int
main (void)
{
  pair_quad_beta b23 = { 1, 3, 2, 3 };
  tap_ok (fabs (pair_quad_beta_pdf (&b23, 1.6) - 0.882) < 1e-14
          && pair_quad_beta_pdf (&b23, 0.99) == 0 && pair_quad_beta_pdf (&b23, 3.5) == 0,
          "Beta(2, 3) on [1, 3]: 0.882 at x = 1.6, 0 outside");
  pair_quad_betas at = { b23, U25 }, swapped = { U25, b23 };
  tap_ok (fabs (pair_quad_betas_at (&at, f_pq, 2.5) - 0.09375) < 1e-15
          && fabs (pair_quad_betas_at (&at, f_p, 2.5) - 0.28125) < 1e-15
          && pair_quad_betas_at (&at, f_pq, 1.6) == 0,
          "F at a point: p q = 0.09375 and p = 0.28125 at x = 2.5, p q = 0 at 1.6");
  tap_ok (fabs (pair_quad_betas_at (&swapped, f_p, 2.5) - 1.0 / 3) < 1e-15,
          "F at a point, the pair exchanged: p = 1/3 at x = 2.5");
  integral_is ((pair_quad_beta) { 0.5, 2.5, 2, 5 }, U25, f_p, 1, "∫ p = 1, Beta(2, 5) on [0.5, 2.5]");
  integral_is ((pair_quad_beta) { 0, 1, 2, 2 }, U25, f_p2, 1.2, "∫ p² = 36 B(3, 3), Beta(2, 2)");
  integral_is (U02, U13, f_pq, 0.25, "∫ p q = 1/4, U[0, 2] and U[1, 3]");
  integral_is (U01, U25, f_kl_r, M_LN2, "KL(p || r) = log 2, disjoint supports");
  integral_is (U02, U13, f_kl_r, M_LN2 / 2, "KL(p || r) = (log 2)/2, overlapping supports");
  pair_quad_betas d = { U01, U25 };
  quad_result wrong = pair_quad_betas_integrate (&d, f_kl_r_unhalved, 1e-12, 1e-10);
  tap_ok (fabs (wrong.value - M_LN2) > 0.5, "negative control: r = p + q misses log 2 (gives %.3g)",
          wrong.value);
  return tap_done ();
}
