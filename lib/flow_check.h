/* flow_check.h -- an integrator of Hamiltonian dynamics, tested by experiment.
 *
 * A flow maps a phase point z = (q, p) of dimension 2d to its image after
 * N_STEPS steps of size EPS.  What HMC's Metropolis correction needs of it
 * (Neal, "MCMC using Hamiltonian dynamics", 2011, 5.2-5.3), measured here
 * so that a claim can check it:
 *   reversible         run, flip p, run, flip p: back at the start;
 *   volume-preserving  det ∂Φ/∂z = 1 (Jacobian by central differences);
 *   order              the energy error at a fixed trajectory length falls
 *                      like ε² for a second-order method such as leapfrog:
 *                      the ratio of the sums of squared errors per halving
 *                      of ε tends to 16. */
#ifndef HARNESS_FLOW_CHECK_H
#define HARNESS_FLOW_CHECK_H

#include <gsl/gsl_matrix.h>
#include <stddef.h>

typedef void (*flow_map_fn) (double eps, size_t n_steps, const double *z,
                             double *out, void *params);
typedef double (*flow_energy_fn) (const double *z, void *params);

typedef struct
{
  flow_map_fn map;
  void *params;
  size_t dim;          /* 2d: q then p */
} flow;

/* max_i |back_i - z_i| for back = flip (Φ (flip (Φ (z)))), flip negating
   p; *SCALE receives the largest |z_i| and |Φ(z)_i|. */
double flow_reversal_error (const flow * f, double eps, size_t n_steps,
                            const double *z, double *scale);
/* ∂Φ/∂z at Z by central differences of step H, into J (dim x dim). */
void flow_jacobian (const flow * f, double eps, size_t n_steps,
                    const double *z, double h, gsl_matrix * j);
/* max(1, max_i Σ_j |J_ij|): how much the map can amplify an error. */
double flow_growth (const gsl_matrix * j);
/* The rms energy error ERR[l] = √(Σ_s ΔH_s² / n) over the N_STARTS starts
   (rows of STARTS, each dim long) at trajectory length TLEN in
   steps0 · 2^l steps, l < LEVELS; RATIO[l-1] = ERR[l-1]² / ERR[l]². */
void flow_energy_errors (const flow * f, flow_energy_fn energy, void *eparams,
                         const double *starts, size_t n_starts, double tlen,
                         size_t steps0, size_t levels, double *err,
                         double *ratio);

#endif
