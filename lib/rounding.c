/* rounding.c -- values with their rounding bound (see rounding.h). */
#include "rounding.h"
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

rnd
rnd_add (rnd a, rnd b)
{
  rnd r = { a.value + b.value, a.abs + b.abs, a.n + b.n + 1 };
  return r;
}

rnd
rnd_sub (rnd a, rnd b)
{
  rnd r = { a.value - b.value, a.abs + b.abs, a.n + b.n + 1 };
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

double
rnd_bound (rnd a)
{
  double g = est_gamma (a.n);
  return g * (1 + g) * a.abs;
}
