/* diagnostics_inputs.h -- the deterministic inputs of
 * tests/reference/gen_diagnostics.R, evaluated the same way in C: the
 * Park-Miller generator u_i = 16807 u_{i-1} mod (2^31 - 1) (exact in
 * double), v_i = u_i / (2^31 - 1), and AR(1) chains x_t = rho x_{t-1} +
 * (v_t - 0.5).  Every operation is one IEEE double operation in both
 * languages, so the inputs are bit-identical. */
#ifndef HARNESS_DIAGNOSTICS_INPUTS_H
#define HARNESS_DIAGNOSTICS_INPUTS_H

#include <math.h>
#include <stddef.h>

__attribute__ ((unused))
static void diag_lcg (double seed, size_t count, double *v)
{
  double s = seed;
  for (size_t i = 0; i < count; i++)
    {
      s = fmod (16807.0 * s, 2147483647.0);
      v[i] = s / 2147483647.0;
    }
}

__attribute__ ((unused))
static void diag_ar1 (double *v, size_t n, double rho)
{
  v[0] = v[0] - 0.5;
  for (size_t t = 1; t < n; t++)
    v[t] = rho * v[t - 1] + (v[t] - 0.5);
}

#endif
