/* gauss_fit.h -- one Gaussian fitted to a 1-D mixture by either KL.
 *
 * q = N(m, s²), over θ = (m, log s), minimising
 *   inclusive  KL(p || q) = E_p[log p - log q]   (mass-covering: its
 *              minimiser matches p's mean and variance), or
 *   exclusive  KL(q || p) = -H(q) - E_q[log p]   (mode-seeking: a local
 *              minimum near each well separated mode),
 * every expectation by quadrature (lib/quad.h), and the gradients too:
 *   inclusive  ∂/∂m = -E_p[(x - m)/s²],  ∂/∂log s = E_p[1 - (x - m)²/s²];
 *   exclusive  (x = m + s ε) ∂/∂m = -E_q[(log p)'],
 *              ∂/∂log s = -1 - E_q[(log p)'(x - m)].
 * E_p runs over the hull of p's components ± QUAD_SPLIT sd at the
 * narrowest one's scale.  E_q runs over m ± 14 s (q has mass e^-98
 * beyond), split at m and, for two components, around each bend of log p
 * inside (where one weighted component takes over from the other), so
 * that every piece is smooth: on one piece holding q's tail and a bend
 * QAGS was 50 times its own estimate off.  The pieces' bounds add, plus
 * the rounding of their sum.
 *
 * A generalised inclusive objective E_{p^a}[log p - log q_c], q_c with its
 * quadratic form (x - m)²/(2s²) scaled by c, serves negative controls
 * (a = c = 1 is the KL, and evaluates exactly as it). */
#ifndef HARNESS_GAUSS_FIT_H
#define HARNESS_GAUSS_FIT_H

#include "estimate.h"
#include "gmm.h"
#include "sbuf.h"

typedef enum { GAUSS_FIT_INCLUSIVE, GAUSS_FIT_EXCLUSIVE } gauss_fit_direction;

typedef struct
{
  double p_power;      /* a: the weight p^a of the inclusive objective */
  double quad_scale;   /* c: log q_c's quadratic form scaled */
} gauss_fit_variant;

extern const gauss_fit_variant gauss_fit_kl;   /* { 1, 1 } */

typedef struct
{
  double m, s, tol;    /* tol: error bound on m and on log s */
  double m0, s0;       /* the start */
  int converged;
} gauss_fit;

/* The objective at (m, s): KL(p || q) or KL(q || p) (under V). */
double gauss_fit_objective (const gmm * p, gauss_fit_direction dir,
                            const gauss_fit_variant * v, double m, double s);

/* The KL of direction DIR (gauss_fit_kl, whatever variant FIT was fitted
   under) at FIT's (m, s): where a fit came to rest, for comparing two. */
double gauss_fit_kl_at (const gmm * p, gauss_fit_direction dir, const gauss_fit * fit);

/* BFGS (lib/minimize) from (m0, log s0), to |∇| < 1e-7, restarted up to 5
   times where its line search stalls, then finished by Newton's method on
   the gradient alone (minimize_newton_gradient) where it still has not
   converged: the line search needs the KL to fall by ~|∇|²/(2λ), a few
   ulps at |∇| = 1e-7.  Near a minimum of either KL in (m, log s) the
   Hessian is about diag(1/s², 2) (exact for the inclusive KL at its
   optimum), so the error radius is |θ - θ*| <= 2 (|∇| + e) / min(1/s², 2),
   e the gradient's quadrature error, a factor 2 for the curvature; where
   the Hessian by differences of the gradient has a smaller eigenvalue,
   that eigenvalue (over 1.1) is used instead, and with none positive the
   fit has not converged.  P is 1-D. */
gauss_fit gauss_fit_minimise (const gmm * p, gauss_fit_direction dir,
                              double m0, double s0,
                              const gauss_fit_variant * v);

/* The last fit asked of a memo, kept (BFGS on quadrature takes a good
   fraction of a second, and a claim's lines, notes and figure share one
   fit): gauss_fit_minimise_memo returns MEMO's fit again when P (by
   address: a memo must not outlive its target), DIR, the start and V (by
   address) are those asked for, else gauss_fit_minimise's and keeps it.
   A memo starts zeroed: { 0 } is empty. */
typedef struct
{
  const gmm *p;
  gauss_fit_direction dir;
  const gauss_fit_variant *v;
  gauss_fit fit;
} gauss_fit_memo;
gauss_fit gauss_fit_minimise_memo (gauss_fit_memo * memo, const gmm * p,
                                   gauss_fit_direction dir, double m0,
                                   double s0, const gauss_fit_variant * v);

/* How far (M, S) is from component K of P: max(|m - μ_k|/σ_k, |s/σ_k - 1|),
   and the component nearest by it (the first of equals). */
double gauss_fit_distance (const gmm * p, size_t k, double m, double s);
size_t gauss_fit_nearest (const gmm * p, double m, double s);
/* The distance of FIT to its nearest component with its error: m is within
   tol and log s within tol, so s/σ within (s/σ) expm1(tol).  A fit that did
   not converge is a runtime error (die_runtime), not a verdict. */
estimate gauss_fit_lock (const gmm * p, const gauss_fit * fit);

/* FIT's m and its log s as optimiser estimates of the minimiser's
   (est_opt: each within FIT's tol, gauss_fit_minimise's radius), for a
   line that states the minimiser.  FIT is by value, so that a call can
   take a fit as it is returned. */
estimate gauss_fit_mean_estimate (gauss_fit fit);
estimate gauss_fit_log_s_estimate (gauss_fit fit);

/* N fits to P as a Markdown list, one item per fit, "- from m0 = M0: m =
   M, s = S (component K)" (%g, then 6 digits; K from 1, the nearest by
   gauss_fit_nearest), into OUT. */
void gauss_fit_write_list (sbuf * out, const gmm * p, const gauss_fit * fits,
                           size_t n);

#endif
