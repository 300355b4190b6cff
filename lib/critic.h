/* critic.h -- critics T(x) for the variational bounds on KL(p||q) between
 * two univariate normals p = N(ma, sa²), q = N(mb, sb²) (normal_pair.h):
 * two families, the integrands the bounds are built from, the span that
 * integrates them, a sweep of test cases, and the ground truths (KL, KL(p ||
 * rq), the Renyi divergence of order 1/2) a claim checks the bounds against.
 *
 *   CRITIC_LOG_RATIO   T(x) = log(p(x)/q(x)) + shift + eps phi(x)
 *   CRITIC_QUADRATIC   T(x) = a + b x + c x² + eps phi(x)
 *
 * with phi = sin(freq x + phase), tanh(freq x + phase), x, or 0.  The
 * Nguyen-Wainwright-Jordan bound E_p[T] - E_q[e^{T-1}] and the Donsker-
 * Varadhan bound E_p[T] - log E_q[e^T] are sums of the integrals below; for
 * a quadratic critic E_p[T] and log E_q[e^T] also have closed forms. */
#ifndef HARNESS_CRITIC_H
#define HARNESS_CRITIC_H

#include "estimate.h"
#include "normal_pair.h"
#include "quad.h"

#include <gsl/gsl_rng.h>

typedef enum { CRITIC_LOG_RATIO, CRITIC_QUADRATIC } critic_kind;
typedef enum { CRITIC_FLAT, CRITIC_SIN, CRITIC_TANH, CRITIC_TILT } critic_shape;
typedef struct
{
  critic_kind kind;
  double shift, a, b, c;
  critic_shape shape;           /* phi; CRITIC_FLAT: none */
  double eps, freq, phase;
} critic;

/* A log-ratio critic log(p/q) + SHIFT, unperturbed (SHIFT = 1: the
   optimum of the NWJ bound; any SHIFT: an optimum of the DV bound), and a
   quadratic critic A + B x + C x². */
critic critic_log_ratio (double shift);
critic critic_quadratic (double a, double b, double c);

/* A critic against its pair, and the log-normaliser of r q = e^{T - log_z} q. */
typedef struct
{
  const normal_pair *g;
  const critic *t;
  double log_z;
} critic_ctx;

/* T(x) (log q(x) + T(x) is formed without cancelling log q against log q) */
double critic_value (const critic_ctx * c, double x);

/* Integrands (quad_fn, PARAMS a critic_ctx), each 0 beyond
   normal_pair_far_tail and where its density underflows:
     critic_p_t     p T             critic_q_t     q T
     critic_rq      e^{T - log_z} q
     critic_kl_rq   p log(p / (e^{T - log_z} q))
     critic_bc      sqrt(p e^{T - log_z} q): its integral is the
                    Bhattacharyya coefficient BC(p, rq) */
double critic_p_t (double x, void *ctx);
double critic_q_t (double x, void *ctx);
double critic_rq (double x, void *ctx);
double critic_kl_rq (double x, void *ctx);
double critic_bc (double x, void *ctx);

/* e^T q for a quadratic critic is a Gaussian of precision 1/sb² - 2c and
   mean (mb/sb² + b)/precision: its location and scale. */
void critic_tilt (const normal_pair * g, const critic * t, double *center,
                  double *scale);

/* The integral of F over the line (normal_pair_quad): the hull of p, q and
   the tilted measure (p e^{eps phi} for a log-ratio critic), at the
   smallest of their scales and of the perturbation's period 1/freq. */
quad_result critic_quad (quad_fn f, const critic_ctx * c);

/* A random critic: a log-ratio critic with a shift uniform on [-3, 3] and a
   sine (eps on [-1.5, 1.5]), tanh (its step inside p's bulk) or linear (eps
   on [-1, 1]) perturbation, or a random quadratic integrable against q
   (c < 0.4 / sb²).  Drawn in this order: shift, freq, phase, the case, the
   case's own. */
critic critic_random (const gsl_rng * r, const normal_pair * g);

/* ---- a sweep of test cases for claims over all critics ----
   Case K of a sweep: a random pair (normal_pair_draw with log-sd on [-0.5,
   0.6]) and a critic_random; but every eighth case (K % 8 == 0) is the
   optimum 1 + log(p/q) of the NWJ bound, where NWJ = DV = KL, and the case
   after it (K % 8 == 1) the same log-ratio critic with a sine perturbation
   eps = ±0.02, where DV is just below KL: a check of "<=" that never came
   near equality would not notice a bound off by a little.  The sweep's
   description, for a note that cannot drift from the code: */
#define CRITIC_SWEEP_DESCRIPTION "random Gaussian pairs; critics log(p/q) + c + ε·{sin, tanh, x}" \
  " and random quadratics, one in eight the optimum 1 + log(p/q)"
void critic_sweep_case (const gsl_rng * r, long k, normal_pair * g, critic * t);

/* Is T - log(p/q) constant by construction (an unperturbed log-ratio
   critic), so that the DV bound equals KL rather than lies strictly below? */
int critic_is_log_ratio_shift (const critic * t);

/* For a quadratic critic (eps = 0): log E_q[e^T] in closed form, x = mb +
   sb z, T = T(mb) + β z + γ z², β = sb (b + 2c mb), γ = c sb², E[e^{βz +
   γz²}] = (1 - 2γ)^{-1/2} e^{β²/(2(1 - 2γ))}: five terms, each within 16 u;
   and E_p[T] = a + b ma + c (ma² + sa²). */
estimate critic_log_mgf (const normal_pair * g, const critic * t);
estimate critic_mean (const normal_pair * g, const critic * t);
/* ... and the same by quadrature (quad_real_line_hull): ∫ e^{T - log_z} q
   dx over the hull of q and the tilted Gaussian e^T q (critic_tilt), and
   ∫ p T dx over p's. */
quad_result critic_quadratic_rq (const normal_pair * g, const critic * t, double log_z);
quad_result critic_quadratic_p_t (const normal_pair * g, const critic * t);

/* ---- the bounds' integrals, by critic_quad ----
   E_p[T], E_q[e^{T-1}], E_q[e^T], and E_q[T] when WITH_Q_T (else 0 ± 0). */
typedef struct
{
  quad_result e_p_t, e_q_exp_t_m1, e_q_exp_t, e_q_t;
} critic_integrals;
critic_integrals critic_integrate (const normal_pair * g, const critic * t, int with_q_t);

/* Arithmetic on quadrature results: KA A + KB B with the error |KA| e_A +
   |KB| e_B (no rounding added); the log, with est_log's bound (log's own
   rounding included; dies when the value is within its error of 0). */
quad_result critic_combine (double ka, quad_result a, double kb, quad_result b);
quad_result critic_log (quad_result q);

/* ---- what the bounds are checked against ----
   KL(p||q) in closed form (normal_pair_kl) with a bound on its rounding,
   16 eps (|KL| + 1 + |log(sb/sa)|).  For a normaliser LOG_Z of r q =
   e^{T - log_z} q (log E_q[e^T] by quadrature, its error carried):
   KL(p || rq) = KL(p||q) - DV bound by critic_quad, and the Renyi
   divergence of order 1/2, D_1/2(p || rq) = -2 log BC(p, rq), BC by
   critic_quad, which is <= KL(p || rq) and zero only when rq = p (van
   Erven & Harremoes 2014): the margin by which the DV bound is strict. */
estimate critic_kl_closed (const normal_pair * g);
quad_result critic_kl_rq_quad (const normal_pair * g, const critic * t, quad_result log_z);
quad_result critic_renyi_half (const normal_pair * g, const critic * t, quad_result log_z);

#endif
