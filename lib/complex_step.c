/* complex_step.c -- derivatives by the complex step (see complex_step.h). */
#include "complex_step.h"

#include <float.h>
#include <math.h>

double
complex_step_derivative (complex_step_fn f, void *params, double x)
{
  double h = x != 0 ? 1e-20 * fabs (x) : 1e-20;
  return cimag (f (x + I * h, params)) / h;
}

/* The step of complex_step_derivative, as it computes it. */
double
complex_step_error_bound (double x, double terms, double k)
{
  double h = x != 0 ? 1e-20 * fabs (x) : 1e-20;
  return k * DBL_EPSILON / 2 * terms + k * DBL_TRUE_MIN / h;
}

double
complex_step_second_difference (complex_step_fn f, void *params, double x, double h)
{
  return (complex_step_derivative (f, params, x + h)
          - complex_step_derivative (f, params, x - h)) / (2 * h);
}
