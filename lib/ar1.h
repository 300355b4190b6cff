/* ar1.h -- the stationary Gaussian AR(1) chain: a chain whose effective
 * sample size is known exactly (the ground truth of the ESS checks).
 *
 *     x_0 ~ N(0, 1),   x_t = rho x_{t-1} + sqrt(1 - rho^2) e_t,
 *
 * so every x_t ~ N(0, 1) and corr(x_t, x_{t+k}) = rho^k, and the mean of
 * n values has n Var(mean) = tau_n exactly, with
 *
 *     tau_n = 1 + 2 sum_{k=1}^{n-1} (1 - k/n) rho^k
 *           = (1 + rho)/(1 - rho) - 2 rho (1 - rho^n) / (n (1 - rho)^2),
 *
 * ESS_n = n / tau_n, tending to n (1 - rho)/(1 + rho).  Used by the claim
 * effective_sample_size and by tests/test_ess.c. */
#ifndef HARNESS_AR1_H
#define HARNESS_AR1_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* X[0..N-1]: one chain started in its stationary law, |RHO| < 1. */
void ar1_chain (const gsl_rng * r, double rho, double *x, size_t n);

/* tau_n by the sum (terms below 1e-300 left out): n + 2 terms of size
   <= 1/(1 - |rho|), so within 4 (n + 2) eps / (1 - |rho|) of the exact
   value (tests/test_ar1.c checks it against the closed form above). */
double ar1_tau_exact (double rho, size_t n);

#endif
