/* critic_bounds.h -- the two variational lower bounds on KL(p||q) of a
 * critic T, checked over a sweep of critics (lib/critic):
 *
 *   R1[T] = E_p[T] - E_q[e^{T-1}]     Nguyen, Wainwright & Jordan (2010)
 *   R2[T] = E_p[T] - log E_q[e^T]     Donsker & Varadhan
 *
 * KL(p||q) = sup_T R1[T], attained at T = 1 + log(p/q); R2[T] <= KL with
 * equality exactly at T = log(p/q) + c, because KL - R2[T] = KL(p || rq),
 * rq = e^T q / E_q[e^T]; and R2 >= R1, from log x <= x - 1.  The bounds
 * are the claim's, as its seed writes them (its mutants replace them): the
 * sweep takes them as functions of a critic's integrals, and checks
 *
 *   r1_below_kl, r2_below_kl, r2_ge_r1_random   at every case of the sweep
 *                                               (critic_sweep_case)
 *   r1_at_optimum      R1 = KL at its cases T = 1 + log(p/q)
 *   kl_gap_identity    KL - R2 = KL(p || rq), by quadrature
 *   r2_strict          R2 + D_1/2(p || rq) <= KL where T - log(p/q) is
 *                      not constant (the Renyi divergence, critic.h)
 *   r2_equal_at_shift  R2 = KL at 40 critics log(p/q) + c, c uniform on
 *                      [-5, 5], on random pairs
 *
 * under these ids, which the claim declares (with its own wording). */
#ifndef HARNESS_CRITIC_BOUNDS_H
#define HARNESS_CRITIC_BOUNDS_H

#include "critic.h"
#include "harness.h"

typedef struct
{
  estimate (*r1) (const critic_integrals * ci);
  estimate (*r2) (const critic_integrals * ci);
  /* log E_q[e^T] as the normaliser of rq in KL(p || rq) */
  quad_result (*rq_log_z) (const critic_integrals * ci);
  int with_q_t;                 /* the bounds read E_q[T] (critic_integrate) */
} critic_bounds;

/* The bounds as the header writes them, and log E_q[e^T] from the
   integral: the correct entries of a critic_bounds. */
estimate critic_bounds_r1 (const critic_integrals * ci);
estimate critic_bounds_r2 (const critic_integrals * ci);
quad_result critic_bounds_log_z (const critic_integrals * ci);

/* The checks above over N cases of the sweep, then the 40 shifts, drawing
   from the harness's generator in that order. */
void critic_bounds_check (harness * h, const critic_bounds * b, long n);

#endif
