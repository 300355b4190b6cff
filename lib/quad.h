/* quad.h -- one-dimensional quadrature with GSL's error estimate.
 *
 * Thin wrappers over QAGS (finite interval) and QAGI (whole real line) from
 * QUADPACK as shipped in GSL.  The returned abserr is GSL's estimate of
 * |result - integral|; the check layer uses it as a deterministic bound.  A
 * routine that does not reach its tolerance is a runtime error (one line,
 * exit 3): an unreliable error bound must never let a check pass. */
#ifndef HARNESS_QUAD_H
#define HARNESS_QUAD_H

#include <stddef.h>

typedef double (*quad_fn) (double x, void *params);

typedef struct
{
  double value;
  double abserr;
} quad_result;

/* Tolerances used unless a caller needs others. */
#define QUAD_EPSABS 1e-13
#define QUAD_EPSREL 1e-11

quad_result quad_interval (quad_fn f, void *params, double a, double b);
quad_result quad_real_line (quad_fn f, void *params);
/* The same with explicit tolerances. */
quad_result quad_interval_tol (quad_fn f, void *params, double a, double b,
                               double epsabs, double epsrel);
quad_result quad_real_line_tol (quad_fn f, void *params, double epsabs,
                                double epsrel);

#endif
