/* fixture_quad2.h -- a test fixture shared by test_minimize.c and
   test_optimum.c: f = ½ (x - c)ᵀ A (x - c) with A = [[a, b], [b, d]],
   whose gradient A (x - c) is linear, so a Hessian differenced from it is
   A up to rounding and its minimum is c. */
#ifndef HARNESS_FIXTURE_QUAD2_H
#define HARNESS_FIXTURE_QUAD2_H

#include <gsl/gsl_vector.h>

typedef struct { double a, b, d, c[2]; } quad2;

__attribute__ ((unused))
static void
quad2_grad (const gsl_vector * x, void *p, gsl_vector * g)
{
  const quad2 *q = p;
  double u = gsl_vector_get (x, 0) - q->c[0], v = gsl_vector_get (x, 1) - q->c[1];
  gsl_vector_set (g, 0, q->a * u + q->b * v);
  gsl_vector_set (g, 1, q->b * u + q->d * v);
}

#endif
