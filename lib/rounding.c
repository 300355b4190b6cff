/* rounding.c -- values with their rounding bound (see rounding.h). */
#include "rounding.h"
#include "errors.h"
#include "estimate.h"

#include <math.h>

rnd
rnd_exact (double x)
{
  rnd r = { x, fabs (x), 0 };
  return r;
}

rnd
rnd_leaf (double x, double k)
{
  rnd r = { x, fabs (x), k };
  return r;
}

/* A sum's monomials are its operands': each carries its own operand's
   roundings and the sum's (rounding.h). */
static double
sum_roundings (rnd a, rnd b)
{
  return (a.n > b.n ? a.n : b.n) + 1;
}

rnd
rnd_add (rnd a, rnd b)
{
  rnd r = { a.value + b.value, a.abs + b.abs, sum_roundings (a, b) };
  return r;
}

rnd
rnd_sub (rnd a, rnd b)
{
  rnd r = { a.value - b.value, a.abs + b.abs, sum_roundings (a, b) };
  return r;
}

rnd
rnd_mul (rnd a, rnd b)
{
  rnd r = { a.value * b.value, a.abs * b.abs, a.n + b.n + 1 };
  return r;
}

static int
is_power_of_two (double c)
{
  int e;
  return c != 0 && fabs (frexp (c, &e)) == 0.5;
}

rnd
rnd_scale (double c, rnd a)
{
  rnd r = { c * a.value, fabs (c) * a.abs, a.n + !is_power_of_two (c) };
  return r;
}

static void
no_cancellation (rnd a, const char *what)
{
  if (!(a.abs <= fabs (a.value) * (1 + 1e-12)))
    die_internal ("rnd_%s: an operand with cancellation (%g, companion %g)",
                  what, a.value, a.abs);
}

rnd
rnd_div (rnd a, rnd b)
{
  no_cancellation (b, "div");
  /* 1/(1 + eta) is 1 + eta2 with |eta2| <= gamma_nb / (1 - gamma_nb): one
     more rounding covers it */
  rnd r = { a.value / b.value, a.abs / fabs (b.value), a.n + b.n + 2 };
  return r;
}

rnd
rnd_log (rnd a)
{
  no_cancellation (a, "log");
  double l = log (a.value);
  rnd r = { l, fabs (l) + 1, a.n + 2 };
  return r;
}

double
rnd_bound (rnd a)
{
  double g = est_gamma (a.n);
  return g * (1 + g) * a.abs;
}

rnd
rnd_as_leaf (rnd a)
{
  if (!(a.value != 0))
    die_internal ("rnd_as_leaf: a zero value has no relative error");
  return rnd_leaf (a.value, rnd_bound (a) / (EST_U * fabs (a.value)));
}

rnd
rnd_exp (rnd a)
{
  double delta = rnd_bound (a);
  if (!(delta < 0.01))
    die_internal ("rnd_exp: an argument with absolute error %g", delta);
  return rnd_leaf (exp (a.value), 2 + 1.01 * delta / EST_U);
}

estimate
rnd_estimate (rnd a)
{
  return est_exact (a.value, rnd_bound (a));
}

rnd
rnd_sum_a_log_ratio (const rnd * a, const rnd * b, const rnd * c, size_t n)
{
  rnd s = rnd_exact (0);
  for (size_t i = 0; i < n; i++)
    s = rnd_add (s, rnd_mul (a[i], rnd_log (rnd_div (b[i], c[i]))));
  return s;
}
