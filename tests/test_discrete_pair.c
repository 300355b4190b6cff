/* test_discrete_pair.c -- lib/discrete_pair against references it does
 * not use.
 *
 * The JSD with r formed: cases worked by hand, p = (1/2, 1/2), q = (1, 0)
 * (r = (3/4, 1/4), KL(p||r) = ½ log(4/3), KL(q||r) = log(4/3), JSD =
 * ¾ log(4/3)) and disjoint p = (1/4, 3/4, 0, 0), q = (0, 0, 1/2, 1/2)
 * (JSD = log 2), each within the stated bound; at random pairs, against
 * discrete_jsd's term-by-term form (a different algorithm) within the two
 * bounds.  The masses: every draw a probability vector on exactly its
 * support, and their mean and variance those of Dirichlet(a, a, a) (1/3,
 * (2/9)/(3a + 1)), within 5 standard errors over 20000 draws.  The pair:
 * the supports the documented rule makes of the generator's first N
 * uniforms (replayed from a copy of the generator), disjoint or
 * overlapping as asked, outcome 0 p's and N-1 q's.
 * Negative controls: the JSD with r = p + q (the ½ of r lost) misses
 * ¾ log(4/3) by far more than the bound; the support check rejects an
 * overlapping pair as disjoint; a Dirichlet(2a) variance is told apart. */
#include "discrete_pair.h"
#include "discrete.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

/* Does P have mass exactly where IN says (1) or not (0)? */
static int
support_is (const double *p, const int *in, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if ((p[i] > 0) != (in[i] != 0))
      return 0;
  return 1;
}

/* Is no outcome in both supports? */
static int
supports_disjoint (const double *p, const double *q, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] > 0 && q[i] > 0)
      return 0;
  return 1;
}

static void
test_by_hand (void)
{
  double p[2] = { 0.5, 0.5 }, q[2] = { 1, 0 }, b;
  double want = 0.75 * log (4.0 / 3);
  double got = discrete_pair_jsd_formed (p, q, 2, &b);
  tap_ok (b > 0 && b < 1e-13, "the bound is a few ulps: %.3g", b);
  tap_close (got, want, b, "p = (1/2, 1/2), q = (1, 0): JSD = 3/4 log(4/3) by hand");
  double r_unhalved[2] = { 1.5, 0.5 };
  double wrong = 0.5 * (discrete_kl (p, r_unhalved, 2) + discrete_kl (q, r_unhalved, 2));
  tap_ok (fabs (wrong - want) > 1e6 * b,
          "negative control: r = p + q (the ½ lost) misses by %.3g >> the bound",
          fabs (wrong - want));
  double pd[4] = { 0.25, 0.75, 0, 0 }, qd[4] = { 0, 0, 0.5, 0.5 };
  tap_close (discrete_pair_jsd_formed (pd, qd, 4, &b), M_LN2, b,
             "disjoint p = (1/4, 3/4, 0, 0), q = (0, 0, 1/2, 1/2): JSD = log 2");
}

/* At random pairs, disjoint and not, the formed JSD against discrete_jsd. */
static void
test_against_discrete_jsd (gsl_rng * r)
{
  int bad = 0;
  double worst = 0;
  for (int k = 0; k < 400; k++)
    {
      size_t n = 2 + gsl_rng_uniform_int (r, 60);
      double *p = malloc (2 * n * sizeof (double)), *q = p + n, b;
      discrete_pair_draw (r, n, k % 2, 0.7, p, q);
      double formed = discrete_pair_jsd_formed (p, q, n, &b);
      double jsd = discrete_jsd (p, q, n), tol = b + discrete_jsd_rounding_bound (p, q, n);
      bad += !(fabs (formed - jsd) <= tol);
      worst = fmax (worst, fabs (formed - jsd) / tol);
      free (p);
    }
  tap_ok (bad == 0, "formed JSD = discrete_jsd within the bounds at 400 random pairs "
          "(%d outside; worst |Δ|/bound %.3g)", bad, worst);
}

/* Dirichlet(a, a, a) moments of the masses on all three outcomes. */
static void
test_masses (gsl_rng * r)
{
  const int use[3] = { 1, 1, 1 }, some[5] = { 0, 1, 0, 1, 1 };
  const double a = 0.7;
  const int m = 20000;
  double sum = 0, sum2 = 0, p[5];
  int valid = 1;
  for (int k = 0; k < m; k++)
    {
      discrete_pair_masses (r, use, 3, a, p);
      valid &= discrete_validate (p, 3, discrete_sum_tolerance (3)) == DISCRETE_OK;
      sum += p[0], sum2 += p[0] * p[0];
    }
  for (int k = 0; k < 200; k++)
    {
      discrete_pair_masses (r, some, 5, a, p);
      valid &= discrete_validate (p, 5, discrete_sum_tolerance (5)) == DISCRETE_OK
        && support_is (p, some, 5);
    }
  tap_ok (valid, "every draw a probability vector on exactly its support");
  double mean = sum / m, var = sum2 / m - mean * mean, var_want = (2.0 / 9) / (3 * a + 1);
  /* SE of the mean sqrt(var/m); of the variance, about var sqrt(2/m) (with room) */
  tap_close (mean, 1.0 / 3, 5 * sqrt (var_want / m), "Dirichlet mean 1/3");
  tap_close (var, var_want, 5 * 2 * var_want * sqrt (2.0 / m), "Dirichlet variance (2/9)/(3a+1)");
  double var_2a = (2.0 / 9) / (6 * a + 1);
  tap_ok (fabs (var - var_2a) > 5 * 2 * var_want * sqrt (2.0 / m),
          "negative control: Dirichlet(2a)'s variance %.4g is told apart from %.4g", var_2a, var);
}

/* The supports the rule makes of the first N uniforms, replayed. */
static void
test_draw_rule (gsl_rng * r)
{
  int rule = 1, shape = 1, control = 1;
  for (int k = 0; k < 200; k++)
    {
      size_t n = 2 + gsl_rng_uniform_int (r, 30);
      int disjoint = k % 2, *in_p = malloc (2 * n * sizeof (int)), *in_q = in_p + n;
      double *p = malloc (2 * n * sizeof (double)), *q = p + n;
      gsl_rng *copy = gsl_rng_clone (r);
      for (size_t i = 0; i < n; i++)
        {
          double u = gsl_rng_uniform (copy);
          in_p[i] = disjoint ? u < 0.4 : u < 0.7;
          in_q[i] = disjoint ? (u >= 0.4 && u < 0.8) : u > 0.3;
        }
      in_p[0] = 1, in_q[0] = !disjoint, in_q[n - 1] = 1, in_p[n - 1] = !disjoint;
      discrete_pair_draw (r, n, disjoint, 0.7, p, q);
      rule &= support_is (p, in_p, n) && support_is (q, in_q, n);
      shape &= p[0] > 0 && q[n - 1] > 0 && supports_disjoint (p, q, n) == disjoint;
      if (!disjoint)
        control &= !supports_disjoint (p, q, n);
      gsl_rng_free (copy), free (in_p), free (p);
    }
  tap_ok (rule, "the supports follow the documented rule on the first N uniforms");
  tap_ok (shape, "outcome 0 p's, N-1 q's; disjoint exactly when asked");
  tap_ok (control, "negative control: every overlapping pair fails the disjointness check");
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, env ? strtoul (env, NULL, 10) : 20251203);
  test_by_hand ();
  test_against_discrete_jsd (r);
  test_masses (r);
  test_draw_rule (r);
  gsl_rng_free (r);
  return tap_done ();
}
