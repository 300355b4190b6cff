/* test_gradcheck.c -- finite-difference derivatives against known gradients.
 *
 * References are independent of the module: derivatives of polynomials by
 * Horner's rule on the differentiated coefficients, of exp and log-sum-exp
 * by their closed forms (softmax), and GSL's own gsl_deriv_central.  The
 * error bound must contain the true error at every point of a random sweep
 * and must be small enough to reject a gradient wrong by one part in 1e6.
 * Seeds are fixed; GSL_RNG_SEED overrides them. */
#include "gradcheck.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ----------------------------------------------------------------------
 * Test functions and their exact gradients
 * ---------------------------------------------------------------------- */

#define MAX_DEGREE 7

/* p(x) = sum_k c_k x^k in one variable. */
typedef struct
{
  int degree;
  double c[MAX_DEGREE + 1];
} poly;

static double
poly_value (const gsl_vector * x, void *params)
{
  const poly *p = params;
  double t = gsl_vector_get (x, 0), v = 0;
  for (int k = p->degree; k >= 0; k--)
    v = v * t + p->c[k];
  return v;
}

/* The sum of the magnitudes of the terms: what f's rounding error scales
   with when the terms cancel. */
static double
poly_term_size (const poly * p, double t)
{
  double v = 0;
  for (int k = p->degree; k >= 0; k--)
    v = v * fabs (t) + fabs (p->c[k]);
  return v;
}

static void
poly_grad (const gsl_vector * x, void *params, gsl_vector * g)
{
  const poly *p = params;
  double t = gsl_vector_get (x, 0), v = 0;
  for (int k = p->degree; k >= 1; k--)
    v = v * t + k * p->c[k];
  gsl_vector_set (g, 0, v);
}

/* f(x) = x0^3 x1 - 2 x1^2 x2 + x2^4 / 4 + 3 x0 (a polynomial in 3 variables) */
static double
poly3_value (const gsl_vector * x, void *params)
{
  (void) params;
  double a = gsl_vector_get (x, 0), b = gsl_vector_get (x, 1),
    c = gsl_vector_get (x, 2);
  return a * a * a * b - 2 * b * b * c + c * c * c * c / 4 + 3 * a;
}

static double
poly3_term_size (const gsl_vector * x)
{
  double a = fabs (gsl_vector_get (x, 0)), b = fabs (gsl_vector_get (x, 1)),
    c = fabs (gsl_vector_get (x, 2));
  return a * a * a * b + 2 * b * b * c + c * c * c * c / 4 + 3 * a;
}

static void
poly3_grad (const gsl_vector * x, void *params, gsl_vector * g)
{
  (void) params;
  double a = gsl_vector_get (x, 0), b = gsl_vector_get (x, 1),
    c = gsl_vector_get (x, 2);
  gsl_vector_set (g, 0, 3 * a * a * b + 3);
  gsl_vector_set (g, 1, a * a * a - 4 * b * c);
  gsl_vector_set (g, 2, -2 * b * b + c * c * c);
}

/* f(x) = exp(a . x) */
typedef struct
{
  double a[4];
} expdot;

static double
expdot_value (const gsl_vector * x, void *params)
{
  const expdot *e = params;
  double s = 0;
  for (size_t i = 0; i < x->size; i++)
    s += e->a[i] * gsl_vector_get (x, i);
  return exp (s);
}

static void
expdot_grad (const gsl_vector * x, void *params, gsl_vector * g)
{
  const expdot *e = params;
  double v = expdot_value (x, params);
  for (size_t i = 0; i < x->size; i++)
    gsl_vector_set (g, i, e->a[i] * v);
}

/* f(x) = log sum exp(x_i); the gradient is softmax(x).  PARAMS, when not
   NULL, points to a relative error to put on component 0 (a wrong
   gradient). */
static double
lse_value (const gsl_vector * x, void *params)
{
  (void) params;
  double m = gsl_vector_max (x), s = 0;
  for (size_t i = 0; i < x->size; i++)
    s += exp (gsl_vector_get (x, i) - m);
  return m + log (s);
}

/* |max| + |log sum exp(x_i - max)|: the two terms of lse_value. */
static double
lse_term_size (const gsl_vector * x)
{
  double m = gsl_vector_max (x), s = 0;
  for (size_t i = 0; i < x->size; i++)
    s += exp (gsl_vector_get (x, i) - m);
  return fabs (m) + fabs (log (s));
}

static void
softmax (const gsl_vector * x, void *params, gsl_vector * g)
{
  double m = gsl_vector_max (x), s = 0;
  for (size_t i = 0; i < x->size; i++)
    s += exp (gsl_vector_get (x, i) - m);
  for (size_t i = 0; i < x->size; i++)
    gsl_vector_set (g, i, exp (gsl_vector_get (x, i) - m) / s);
  if (params)
    gsl_vector_set (g, 0, gsl_vector_get (g, 0) * (1 + *(double *) params));
}

/* f(x) = sum x_i^2; the wrong gradient forgets the factor 2. */
static double
square_value (const gsl_vector * x, void *params)
{
  (void) params;
  double s = 0;
  for (size_t i = 0; i < x->size; i++)
    s += gsl_vector_get (x, i) * gsl_vector_get (x, i);
  return s;
}

static void
square_grad_missing_2 (const gsl_vector * x, void *params, gsl_vector * g)
{
  (void) params;
  gsl_vector_memcpy (g, x);
}

/* x^2 plus deterministic noise of amplitude AMP, a function of the bits of
   x: an f evaluated only to an absolute accuracy AMP. */
static double
noisy_square (const gsl_vector * x, void *params)
{
  double amp = *(double *) params, t = gsl_vector_get (x, 0);
  uint64_t u;
  memcpy (&u, &t, sizeof u);
  u ^= u >> 33;
  u *= 0xff51afd7ed558ccdULL;
  u ^= u >> 33;
  double noise = (double) (u >> 11) / 9007199254740992.0 * 2 - 1;
  return t * t + amp * noise;
}

static double
zero_value (const gsl_vector * x, void *params)
{
  (void) x;
  (void) params;
  return 0.0;
}

static void
zero_grad (const gsl_vector * x, void *params, gsl_vector * g)
{
  (void) x;
  (void) params;
  gsl_vector_set_zero (g);
}

static double
log_first (const gsl_vector * x, void *params)
{
  (void) params;
  return log (gsl_vector_get (x, 0));
}

static double
sin_1d (double x, void *params)
{
  (void) params;
  return sin (x);
}

static double
sin_value (const gsl_vector * x, void *params)
{
  return sin_1d (gsl_vector_get (x, 0), params);
}

/* ----------------------------------------------------------------------
 * Tests
 * ---------------------------------------------------------------------- */

/* Options for an f whose terms add up to SIZE in magnitude: the default
   relative accuracy, applied to the terms rather than to the sum. */
static gradcheck_options
cancelling (double size)
{
  gradcheck_options o = { 0, 0, GRADCHECK_F_REL_ERR * size, 0 };
  return o;
}

/* Does every partial of F at X contain the gradient G within its bound? */
static int
bound_contains (gradcheck_fn f, gradcheck_grad g, void *params,
                const gsl_vector * x, const gradcheck_options * opt,
                double *worst_ratio, double *worst_rel_err)
{
  size_t n = x->size;
  gsl_vector *truth = gsl_vector_alloc (n);
  g (x, params, truth);
  int ok = 1;
  for (size_t i = 0; i < n; i++)
    {
      gradcheck_partial d;
      if (gradcheck_partial_derivative (f, params, x, i, opt, &d) != GSL_SUCCESS)
        ok = 0;
      double diff = fabs (d.value - gsl_vector_get (truth, i));
      if (!(diff <= d.err))
        ok = 0;
      if (d.err > 0 && diff / d.err > *worst_ratio)
        *worst_ratio = diff / d.err;
      double scale = fmax (fabs (gsl_vector_get (truth, i)), 1.0);
      if (d.err / scale > *worst_rel_err)
        *worst_rel_err = d.err / scale;
    }
  gsl_vector_free (truth);
  return ok;
}

static void
test_polynomials (gsl_rng * r)
{
  int all = 1;
  double worst = 0, worst_err = 0;
  gsl_vector *x = gsl_vector_alloc (1);
  for (int t = 0; t < 2000; t++)
    {
      poly p;
      p.degree = (int) gsl_rng_uniform_int (r, MAX_DEGREE + 1);
      for (int k = 0; k <= p.degree; k++)
        p.c[k] = gsl_ran_gaussian (r, 1.0);
      gsl_vector_set (x, 0, gsl_ran_gaussian (r, 2.0));
      gradcheck_options o = cancelling (poly_term_size (&p, gsl_vector_get (x, 0)));
      all &= bound_contains (poly_value, poly_grad, &p, x, &o, &worst,
                             &worst_err);
    }
  tap_ok (all, "polynomials of degree 0..7 at 2000 random points, rounding"
          " declared on the size of the terms: the bound contains the error"
          " (worst |diff|/err %.3g)", worst);
  tap_ok (worst_err < 1e-6, "polynomials: error bound small (worst err /"
          " max(|f'|, 1) = %.3g < 1e-6)", worst_err);

  /* degree <= 2: central differences are exact up to rounding */
  poly quad = { 2, {1.5, -0.25, 3.0} };
  gsl_vector_set (x, 0, 0.7);
  gradcheck_partial d;
  gradcheck_partial_derivative (poly_value, &quad, x, 0, NULL, &d);
  tap_close (d.value, -0.25 + 6.0 * 0.7, d.err, "quadratic: exact derivative within the bound");
  tap_ok (d.trunc <= 2 * d.round, "quadratic: the truncation estimate %.3g is"
          " rounding noise (rounding bound %.3g)", d.trunc, d.round);
  gsl_vector_free (x);

  worst = worst_err = 0;
  all = 1;
  gsl_vector *x3 = gsl_vector_alloc (3);
  for (int t = 0; t < 500; t++)
    {
      for (size_t i = 0; i < 3; i++)
        gsl_vector_set (x3, i, gsl_ran_gaussian (r, 1.5));
      gradcheck_options o = cancelling (poly3_term_size (x3));
      all &= bound_contains (poly3_value, poly3_grad, NULL, x3, &o, &worst,
                             &worst_err);
    }
  tap_ok (all, "polynomial in 3 variables, 500 points: the bound contains the"
          " error (worst |diff|/err %.3g)", worst);
  gsl_vector_free (x3);
}

static void
test_exp (gsl_rng * r)
{
  int all = 1;
  double worst = 0, worst_err = 0;
  gsl_vector *x = gsl_vector_alloc (4);
  for (int t = 0; t < 500; t++)
    {
      expdot e;
      for (size_t i = 0; i < 4; i++)
        {
          e.a[i] = gsl_ran_gaussian (r, 1.0);
          gsl_vector_set (x, i, gsl_ran_gaussian (r, 1.0));
        }
      all &= bound_contains (expdot_value, expdot_grad, &e, x, NULL, &worst,
                             &worst_err);
    }
  tap_ok (all, "exp(a.x) in 4 variables, 500 points: the bound contains the"
          " error (worst |diff|/err %.3g)", worst);

  /* a large argument: the step scales with |x| */
  gsl_vector *x1 = gsl_vector_alloc (1);
  expdot e1 = { {1e-6, 0, 0, 0} };
  gsl_vector_set (x1, 0, 3e6);
  gradcheck_partial d;
  int s = gradcheck_partial_derivative (expdot_value, &e1, x1, 0, NULL, &d);
  double want = 1e-6 * exp (3.0);
  tap_ok (s == GSL_SUCCESS && fabs (d.value - want) <= d.err
          && d.err < 1e-8 * want, "exp(1e-6 x) at x = 3e6: %.17g within %.3g"
          " of %.17g", d.value, d.err, want);
  tap_ok (d.step > 1.0, "step scales with |x| (h = %.3g at x = 3e6)", d.step);
  gsl_vector_free (x1);
  gsl_vector_free (x);
}

static void
test_log_sum_exp (gsl_rng * r)
{
  int all = 1;
  double worst = 0, worst_err = 0;
  for (size_t n = 1; n <= 8; n++)
    {
      gsl_vector *x = gsl_vector_alloc (n);
      for (int t = 0; t < 100; t++)
        {
          for (size_t i = 0; i < n; i++)
            gsl_vector_set (x, i, gsl_ran_gaussian (r, 3.0));
          gradcheck_options o = cancelling (lse_term_size (x));
          all &= bound_contains (lse_value, softmax, NULL, x, &o, &worst,
                                 &worst_err);
        }
      gsl_vector_free (x);
    }
  tap_ok (all, "log-sum-exp, n = 1..8, 800 points: the bound contains the"
          " error of softmax (worst |diff|/err %.3g)", worst);

  /* shifted far from 0: x_i ~ 500 + N(0, 1) */
  gsl_vector *x = gsl_vector_alloc (5);
  for (size_t i = 0; i < 5; i++)
    gsl_vector_set (x, i, 500 + gsl_ran_gaussian (r, 1.0));
  worst = 0;
  tap_ok (bound_contains (lse_value, softmax, NULL, x, NULL, &worst,
                          &worst_err),
          "log-sum-exp at x ~ 500: the bound contains the error");
  gsl_vector_free (x);
}

static void
test_against_gsl (void)
{
  gsl_function F = { sin_1d, NULL };
  gsl_vector *x = gsl_vector_alloc (1);
  int all = 1;
  for (int k = -20; k <= 20; k++)
    {
      double t = 0.37 * k;
      double want, abserr;
      gsl_deriv_central (&F, t, 1e-4, &want, &abserr);
      gsl_vector_set (x, 0, t);
      gradcheck_partial d;
      gradcheck_partial_derivative (sin_value, NULL, x, 0, NULL, &d);
      if (!(fabs (d.value - want) <= d.err + abserr)
          || !(fabs (d.value - cos (t)) <= d.err))
        {
          all = 0;
          printf ("#   x = %g: ours %.17g +- %.3g, gsl %.17g +- %.3g, cos %.17g\n",
                  t, d.value, d.err, want, abserr, cos (t));
        }
    }
  tap_ok (all, "sin at 41 points: agrees with gsl_deriv_central and with cos"
          " within the bounds");
  gsl_vector_free (x);
}

static void
test_wrong_gradients (void)
{
  gradcheck_report rep;
  gsl_vector *x = gsl_vector_alloc (4);
  for (size_t i = 0; i < 4; i++)
    gsl_vector_set (x, i, 0.3 * (double) i - 0.5);

  int s = gradcheck_verify (lse_value, softmax, NULL, x, NULL, &rep);
  tap_ok (s == GSL_SUCCESS && rep.n_bad == 0, "softmax accepted as the"
          " gradient of log-sum-exp (worst ratio %.3g)", rep.worst_ratio);

  double wrong = 1e-6;
  s = gradcheck_verify (lse_value, softmax, &wrong, x, NULL, &rep);
  tap_ok (s == GSL_EFAILED && rep.n_bad == 1 && rep.worst == 0,
          "softmax with component 0 off by 1e-6 (relative) rejected, at"
          " component %zu (ratio %.3g)", rep.worst, rep.worst_ratio);

  s = gradcheck_verify (square_value, square_grad_missing_2, NULL, x, NULL,
                        &rep);
  tap_ok (s == GSL_EFAILED && rep.n_bad == 4, "gradient of sum x_i^2 without"
          " its factor 2 rejected at all 4 components (n_bad %zu)",
          rep.n_bad);

  gsl_vector_view x3 = gsl_vector_subvector (x, 0, 3);
  s = gradcheck_verify (poly3_value, poly3_grad, NULL, &x3.vector, NULL, &rep);
  tap_ok (s == GSL_SUCCESS, "the right polynomial gradient accepted");
  gsl_vector_free (x);
}

static void
test_noisy_function (void)
{
  double amp = 1e-9;
  gsl_vector *x = gsl_vector_alloc (1);
  int all = 1;
  gradcheck_options opt = { 0, 0, amp, 0 };
  for (int k = -10; k <= 10; k++)
    {
      gradcheck_partial d;
      gsl_vector_set (x, 0, 0.113 * k);
      gradcheck_partial_derivative (noisy_square, &amp, x, 0, &opt, &d);
      if (!(fabs (d.value - 2 * 0.113 * k) <= d.err))
        all = 0;
    }
  tap_ok (all, "x^2 with noise 1e-9 declared in f_abs_err: the bound contains"
          " the error at 21 points");
  gsl_vector_free (x);
}

static void
test_special_values (void)
{
  gradcheck_partial d;
  gsl_vector *x = gsl_vector_alloc (2);
  gsl_vector_set (x, 0, NAN);
  gsl_vector_set (x, 1, 1.0);
  int s = gradcheck_partial_derivative (square_value, NULL, x, 0, NULL, &d);
  tap_ok (s == GSL_EDOM && isnan (d.value) && isinf (d.err),
          "x_i = NaN: GSL_EDOM, value NaN, err inf");
  gsl_vector_set (x, 0, INFINITY);
  s = gradcheck_partial_derivative (square_value, NULL, x, 0, NULL, &d);
  tap_ok (s == GSL_EDOM && isnan (d.value), "x_i = inf: GSL_EDOM");

  /* log at 1e-300 with the default scale 1: x - h < 0 gives NaN */
  gsl_vector_set (x, 0, 1e-300);
  s = gradcheck_partial_derivative (log_first, NULL, x, 0, NULL, &d);
  tap_ok (s == GSL_EDOM && isnan (d.value), "f not finite at x - h:"
          " GSL_EDOM, value NaN");
  /* the same with a scale that fits the argument */
  gradcheck_options small = { 1e-300, 0, 0, 0 };
  s = gradcheck_partial_derivative (log_first, NULL, x, 0, &small, &d);
  tap_ok (s == GSL_SUCCESS && fabs (d.value - 1e300) <= d.err,
          "log at 1e-300 with x_scale 1e-300: %.17g within %.3g of 1e300",
          d.value, d.err);

  gsl_vector_set (x, 0, 1.0);
  s = gradcheck_partial_derivative (square_value, NULL, x, 2, NULL, &d);
  tap_ok (s == GSL_EBADLEN && isnan (d.value), "index out of range:"
          " GSL_EBADLEN");
  gradcheck_options bad = { -1, 0, 0, 0 };
  s = gradcheck_partial_derivative (square_value, NULL, x, 0, &bad, &d);
  tap_ok (s == GSL_EINVAL, "negative x_scale: GSL_EINVAL");
  gsl_vector *g = gsl_vector_alloc (3), *e = gsl_vector_alloc (2);
  s = gradcheck_gradient (square_value, NULL, x, NULL, g, e);
  tap_ok (s == GSL_EBADLEN, "gradient of the wrong length: GSL_EBADLEN");
  gsl_vector_free (g);
  gsl_vector_free (e);

  /* x = 0: the step falls back on the scale */
  gsl_vector_set (x, 0, 0.0);
  s = gradcheck_partial_derivative (square_value, NULL, x, 0, NULL, &d);
  tap_ok (s == GSL_SUCCESS && fabs (d.value) <= d.err && d.step > 0,
          "x = 0: derivative of x^2 is 0 within %.3g (step %.3g)", d.err,
          d.step);

  gradcheck_report rep;
  s = gradcheck_verify (zero_value, zero_grad, NULL, x, NULL, &rep);
  tap_ok (s == GSL_SUCCESS && rep.n_bad == 0, "f = 0: gradient 0 accepted"
          " (a zero bound is not a NaN ratio)");

  gsl_vector_set (x, 0, 1e-300);
  s = gradcheck_verify (log_first, zero_grad, NULL, x, NULL, &rep);
  tap_ok (s == GSL_EDOM && rep.n_bad == 2, "verify with a non-finite f:"
          " status of the partials, every component counted bad");
  gsl_vector_free (x);
}

/* ---------------------------------------------------------------------
 * Exact derivatives (tests/reference/gradcheck.tsv, gen_gradcheck.py:
 * closed forms at 60 digits, checked with mpmath.diff): where
 * gradcheck_partial_derivative returns GSL_SUCCESS, |value - f'| <= err.
 * --------------------------------------------------------------------- */

static const double ref_s6[6] = { 1e-3, 0.1, 1.0, 3.0, 100.0, 1e3 };
static const double ref_m6[6] = { 0.5, -1.0, 2.0, 0.0, 10.0, -300.0 };

static double
ref_fn (const gsl_vector * v, void *params)
{
  const char *fn = params;
  double x0 = gsl_vector_get (v, 0), x1 = v->size > 1 ? gsl_vector_get (v, 1) : 0;
  if (!strcmp (fn, "exp_sin"))
    return exp (x0) * sin (x1);
  if (!strcmp (fn, "rosen"))
    return 100 * (x1 - x0 * x0) * (x1 - x0 * x0) + (1 - x0) * (1 - x0);
  if (!strcmp (fn, "log_poly"))
    return log (1 + x0 * x0 + x1 * x1 * x1 * x1);
  if (!strcmp (fn, "high_freq"))
    return sin (1000 * x0) + x1;
  if (!strcmp (fn, "steep"))
    return exp (30 * x0);
  if (!strcmp (fn, "log"))
    return log (x0);
  if (!strcmp (fn, "poly5"))
    return x0 * x0 * x0 * x0 * x0;
  if (!strcmp (fn, "cancel"))
    return (x0 + 1e8) * (x0 + 1e8) - 1e16 - 2e8 * x0;
  double s = 0;                 /* gauss6 */
  for (size_t k = 0; k < 6; k++)
    {
      double z = (gsl_vector_get (v, k) - ref_m6[k]) / ref_s6[k];
      s -= 0.5 * z * z;
    }
  return s;
}

/* One case: its name, the function, n, x, the coordinate, f_abs_err, the
   partial derivative.  A refused partial is counted, not judged. */
static int
reference_case (char **fl, size_t nf, void *tally)
{
  reftsv_tally *t = tally;
  size_t n = nf == 7 ? strtoul (fl[2], NULL, 10) : 0, i = nf == 7 ? strtoul (fl[4], NULL, 10) : 0;
  double xs[8];
  if (n == 0 || n > 8 || i >= n || reftsv_doubles (fl[3], xs, n) != n)
    return 0;
  gsl_vector_view x = gsl_vector_view_array (xs, n);
  gradcheck_options opt = { 0, 0, strtod (fl[5], NULL), 0 };
  gradcheck_partial p;
  if (gradcheck_partial_derivative (ref_fn, fl[1], &x.vector, i, &opt, &p) != GSL_SUCCESS)
    t->refused++;
  else if (!reftsv_tally_add_text (t, fl[0], p.value, fl[6], p.err))
    printf ("#   err = trunc %.3g + round %.3g, h %.3g\n", p.trunc, p.round, p.step);
  return 1;
}

static void
test_reference (void)
{
  reftsv_tally t = REFTSV_TALLY (NULL, 0);
  int read = reftsv_each ("gradcheck", reference_case, &t);
  reftsv_tally_report (&t, read, "gradcheck.tsv: err bounds the actual error on all %d partials, "
                       "%d refused (worst %.2g of it, %s)", t.cases, t.refused, t.worst,
                       t.worst_name);
}

/* f(x) = x0² x1 + sin x2 + x3 (x3 is never weighted) */
static double
mixed (const gsl_vector * x, void *params)
{
  (void) params;
  double a = gsl_vector_get (x, 0), b = gsl_vector_get (x, 1);
  return a * a * b + sin (gsl_vector_get (x, 2)) + gsl_vector_get (x, 3);
}

/* c.grad f against the analytic gradient: within the summed bounds, the
   weights' order and zeros honoured, a failing partial reported. */
static void
test_directional (void)
{
  double xv[] = { 0.7, -1.3, 0.4, 2.0 }, v, e;
  gsl_vector_view x = gsl_vector_view_array (xv, 4);
  const int idx[] = { 2, 0, 1 };
  const double c[] = { 0.5, -2.0, 0 };
  int s = gradcheck_directional (mixed, NULL, &x.vector, c, idx, 3, NULL, &v, &e);
  double want = 0.5 * cos (0.4) - 2.0 * (2 * 0.7 * -1.3);
  tap_ok (s == GSL_SUCCESS && fabs (v - want) <= e && e < 1e-8,
          "directional: c.grad f = %.17g, want %.17g, error %.3g within bound %.3g", v, want,
          fabs (v - want), e);
  gradcheck_partial d;
  gradcheck_partial_derivative (mixed, NULL, &x.vector, 2, NULL, &d);
  double one_v, one_e;
  gradcheck_directional (mixed, NULL, &x.vector, c, idx, 1, NULL, &one_v, &one_e);
  tap_ok (one_v == 0.5 * d.value && one_e == 0.5 * d.err,
          "directional: one coordinate is c times its partial, c times its error");
  xv[0] = INFINITY;
  s = gradcheck_directional (mixed, NULL, &x.vector, c, idx, 3, NULL, &v, &e);
  tap_ok (s == GSL_EDOM && v == 0 && e == 0, "directional: f not finite reported at the first"
          " partial (status %d), nothing summed", s);
}

int
main (void)
{
  gsl_rng_env_setup ();
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_set_error_handler_off ();
  test_polynomials (r);
  test_exp (r);
  test_log_sum_exp (r);
  test_against_gsl ();
  test_wrong_gradients ();
  test_noisy_function ();
  test_special_values ();
  test_reference ();
  test_directional ();
  gsl_rng_free (r);
  return tap_done ();
}
