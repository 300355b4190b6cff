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

#include "ess.h"
#include "estimate.h"
#include "harness.h"

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

/* Both properties at Z, as estimates: REVERSAL the reversal error (to be
   compared with 0), DET = det ∂Φ/∂z by central differences at H/2 (to be
   compared with 1).  Bounds:
     reversal  each of the 2L steps rounds each coordinate by a few ulps
               (8 ε) of the largest, SCALE, and later steps amplify that by
               at most the map's growth G (of the Jacobian):
               2 L · 8 ε · scale · G;
     det       the truncation of the differences by two steps,
               |det(h/2) - det(h)|, plus the rounding of det(h/2), derived
               in flow_check.c (jacobian_det_bound): each image's rounding
               (L · 8 ε · scale · G) over the step, the steps' own rounding
               and the LU's, through Hadamard's inequality. */
void flow_probe (const flow * f, double eps, size_t n_steps, const double *z,
                 double h, estimate * reversal, estimate * det);

/* The limit of the ratios RATIO[0..N-1] (N >= 3) of flow_energy_errors for
   a symmetric second-order method (leapfrog), which is 16.  Each ΔH_s(ε) =
   c_s ε² + d_s ε⁴ + O(ε⁶) (only even powers: Hairer, Lubich & Wanner,
   Geometric Numerical Integration, II.3 and IX.8), so S(ε) = Σ_s ΔH_s² =
   ε⁴ (A + B ε² + O(ε⁴)), A = Σ c_s² > 0, and R(ε) = S(ε) / S(ε/2) =
   16 (1 + (3/4)(B/A) ε² + O(ε⁴)): its distance from 16 shrinks by 4 per
   halving.  The sum of squares, unlike a mean |ΔH|, is smooth in ε (a
   start whose c_s is near 0 makes |ΔH| turn a corner, and a ratio of means
   then jumps).  Two estimates of the last ratio's distance from 16: from
   the last two ratios, *E_LAST = |R_{n-2} - R_{n-1}| / 3, and from the two
   before, *E_BEFORE = |R_{n-3} - R_{n-2}| / 12 (a further factor 4); the
   bound is their larger, times 3 for the O(ε⁴) terms: *OUT = R_{n-1} with
   that bound, and 1 is returned.  If the two disagree by more than a
   factor 8 (and exceed rounding, 64 u · 16), the ratios are not yet in
   their asymptotic regime: 0 is returned, and no verdict is possible. */
int flow_order_estimate (const double *ratio, size_t n, estimate * out,
                         double *e_last, double *e_before);

/* E[exp(-ΔH)] over the energy errors DH[0..N-1] of an HMC chain, with its
   MCMC standard error (ess_geyer): 1 for an integrator that is reversible
   and preserves volume, whatever its energy error (Neal 2011, 5.4.1).
   *MEAN_DH receives the mean of ΔH. */
ess_result flow_exp_energy_error (const double *dh, size_t n, double *mean_dh);

/* Harness checks of F at the N phase points STARTS (rows of f->dim):
   REV_ID and VOL_ID take flow_probe at EPS, N_STEPS (finite-difference
   step 1e-4) of each point against 0 and 1; WHAT says how the points were
   drawn (in REV_ID's note). */
void flow_check_probes (harness * h, const char *rev_id, const char *vol_id,
                        const flow * f, const double *starts, size_t n,
                        const char *what, double eps, size_t n_steps);
/* Harness check ID: flow_energy_errors of F (ERR receives its LEVELS >= 4
   rms errors) at trajectory length TLEN from the N starts STARTS, and
   flow_order_estimate of its ratios against 16; inconclusive when the
   ratios are not yet asymptotic. */
void flow_check_order (harness * h, const char *id, const flow * f,
                       flow_energy_fn energy, void *eparams,
                       const double *starts, size_t n, double tlen,
                       size_t steps0, size_t levels, double *err);

#endif
