/* iw_gauss.h -- importance weights of a Gaussian proposal for a Gaussian
 * target, and the importance-weighted gap log p(x) - L_k by quadrature.
 *
 * With target p(z | x) = N(mu, v) and proposal q = N(m, vq), the weights
 * w = p(x, z)/q(z) = p(x) w~ with w~ = N(z; mu, v)/N(z; m, vq), E_q[w~] = 1,
 * and L_k = E_{z_1..z_k ~ q}[log (1/k) sum_i w_i].
 *
 * The gap for every k at a cost independent of k: Frullani's integral
 * -log y = int_0^inf (e^{-ty} - e^{-t}) dt / t applied to y = the mean of k
 * weights w~ gives
 *
 *     log p(x) - L_k = int_0^inf ( phi(t/k)^k - e^{-t} ) dt / t,
 *     phi(r) = E_q[exp(-r w~)],
 *
 * a 1-D integral over t of a power of a 1-D integral over z (the integrand
 * is >= 0 by Jensen: phi(r) >= e^{-r}).  For small r, phi = 1 - r + chi(r)
 * with chi(r) = E_q[e^{-r w~} - 1 + r w~] >= 0, computed without
 * cancellation.  The outer integral runs over u = log t (GSL's two rules of
 * lib/quad.h, which must agree), the inner ones by QAGI; a first pass
 * integrates the inner integrals' errors as they reach the outer integrand,
 * and that bound is the outer integral's noise allowance. */
#ifndef HARNESS_IW_GAUSS_H
#define HARNESS_IW_GAUSS_H

#include "estimate.h"
#include "mc.h"
#include "quad.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

typedef struct
{
  double mu, v;                 /* the target N(mu, v) */
  double m, vq;                 /* the proposal N(m, vq) */
} iw_gauss;

/* E_q[w~^n]: the Gaussian integral of N(mu, v)^n N(m, vq)^(1-n); +inf when
   the quadratic form is not positive (n/v + (1-n)/vq <= 0). */
double iw_gauss_moment (const iw_gauss * g, double n);

/* min_z w~(z) for a proposal narrower than the target (vq < v):
   log w~ = 1/2 log(vq/v) - (m - mu)^2 / (2 (v - vq)). */
double iw_gauss_min (const iw_gauss * g);

/* Two precisions: references for Monte Carlo need a few digits (inner and
   outer relative tolerances 1e-10, 1e-8); extrapolations in k need ten
   (1e-12, 1e-10). */
typedef enum { IW_GAP_FOR_MC, IW_GAP_PRECISE } iw_gap_precision;

/* log p(x) - L_k, with its bound: the outer error estimate plus the inner
   errors carried through the error pass.  EPSABS: an absolute tolerance
   (0: none) for gaps that vanish, q near the target.  Dies (die_runtime)
   if a quadrature does not converge. */
quad_result iw_gauss_gap (const iw_gauss * g, double k,
                          iw_gap_precision precision, double epsabs);

/* ---- the model's weights, the estimators, and the gap's rates ---- */

/* log w = log p(x | z) + log p(z) - log q(z) for the 1-D linear-Gaussian
   model z ~ N(0, 1), x | z ~ N(a z, s^2) under q = N(m, vq), the way an
   IWAE computes it: the three Gaussian normalisers summed once. */
typedef struct
{
  double x, a, s2, m, v;
  double log_norm;   /* -1/2 log(2 pi s^2) - 1/2 log(2 pi) + 1/2 log(2 pi vq) */
  double norm_size;  /* the sum of their magnitudes */
} iw_log_weight;

iw_log_weight iw_log_weight_init (double a, double s, double x, double m,
                                  double vq);
/* log w(z).  SIZE (if given) receives the sum of the terms' magnitudes,
   which bounds the rounding error. */
double iw_log_weight_at (const iw_log_weight * f, double z, double *size);

/* The E_M term of the monotonicity proof (Burda et al.): the average over
   the n = k+1 subsets M of size k of log (1/k) sum_{j in M} w_j, from log
   weights LW.  The subset sums come from prefix and suffix sums of
   w_j / max w, never from a total minus w_j, which would cancel when one
   weight dominates.  WORK has length 2n + 1. */
double iw_loo_mean_log (const double *lw, size_t n, double *work);

/* e - log(1 + e) from l = log(1 + e), e = mean_k(w)/p(x) - 1: unbiased for
   log p(x) - L_k because E[e] = 0 exactly, and >= 0 draw by draw. */
double iw_gap_summand (double l);

/* The estimators a Monte Carlo run applies to each replicate; a NULL
   member is the correct one (log_mean_exp, iw_loo_mean_log,
   iw_gap_summand, exp (log mean)), so a claim can run its own, or
   deliberately broken, versions on the same draws. */
typedef struct
{
  double (*log_mean) (const double *lw, size_t n);
  double (*loo_mean_log) (const double *lw, size_t n, double *work);
  double (*gap_summand) (double l);
  double (*mean_weight) (double log_mean, size_t k);
} iw_estimators;

typedef struct
{
  mc_acc lk;        /* log mean of w_1..w_k: L_k */
  mc_acc loo;       /* the E_M term over the k+1 weights: L_k again */
  mc_acc gap_cv;    /* the gap summand of log mean_k(w) - log p(x) */
  mc_acc mean_w;    /* (1/k) sum_i w_i */
  double khat;      /* Pareto k-hat of |log mean_k(w) - its mean| */
} iw_mc;

/* REPS replicates of k + 1 draws z ~ q = N(f->m, f->v) (the ziggurat,
   in order), their log weights F, and ESTIMATORS (NULL: the correct ones)
   on them. */
void iw_mc_run (gsl_rng * r, const iw_log_weight * f,
                const iw_estimators * estimators, double log_px, size_t k,
                size_t reps, iw_mc * out);

/* iw_gauss_gap, remembered: the last 256 distinct arguments are kept (a
   derivation asks for the same L_k once for every line whose chain needs
   it).  The result is iw_gauss_gap's, bit for bit. */
quad_result iw_gauss_gap_cached (const iw_gauss * g, double k,
                                 iw_gap_precision precision, double epsabs);

/* Var_q(w~) = E[w~^2] - 1 (E[w~] = 1); +inf when E[w~^2] is. */
double iw_gauss_variance (const iw_gauss * g);

/* The delta method: k gap = m2/2 + c1/k + O(1/k^2), with m_n the central
   moments of w~ and c1 = 3 m2^2 / 4 - m3 / 3. */
double iw_gauss_delta_c1 (const iw_gauss * g);

/* For a proposal narrower than the target, a bound on the gap at every k:
   -log(1+e) <= -e + e^2 / (2 (1 + e_min)) for e >= e_min > -1 (the
   difference vanishes at 0 with a derivative of the sign of -e), and
   e = mean_k(w~) - 1 >= w~_min - 1, so
       log p(x) - L_k <= Var(w~) / (2 k w~_min)  ->  0:
   a bounded ratio p/q is not needed for L_k -> log p(x). */
double iw_gauss_gap_bound (const iw_gauss * g, double k);

/* log p(x) - L_inf by Richardson extrapolation, exact for gap = d + C/k +
   D/k^2: (8 g(4k) - 6 g(2k) + g(k)) / 3 = d.  Done from k and from 2k (the
   gaps IW_GAP_PRECISE); the estimate is the second, and the change between
   the two joins the quadrature errors as the estimate of what the
   neglected O(1/k^3) terms leave. */
quad_result iw_gauss_gap_limit (const iw_gauss * g, double k);

/* ---- the 1-D model with a proposal in units of its posterior ---- */

/* z ~ N(0, 1), x | z ~ N(a z, s^2), one observation x (lib/lingauss with
   d = 1), and a proposal q = N(mu + shift sqrt(v), c v) placed in units of
   the posterior p(z | x) = N(mu, v): its weights w~ = w / p(x) and log w
   as an IWAE computes it. */
typedef struct
{
  double a, s, x;
  double log_px;                /* log N(x; 0, a^2 + s^2) */
  double mu, v;                 /* p(z | x) = N(mu, v) */
  double m, vq;                 /* q = N(m, vq) */
  iw_gauss g;
  iw_log_weight f;
} iw_model;

void iw_model_init (iw_model * md, double a, double s, double x,
                    double shift, double c);

/* The ELBO E_q[log w] = log p(x) - KL(q || p(z | x)) in closed form, with
   its rounding bound (lingauss_elbo). */
estimate iw_model_elbo (const iw_model * md);

/* int f(h) dh over the real line for an integrand carrying the model's
   densities under q (quad_real_line_hull), the rule located by where
   they have their mass: the proposal and the posterior. */
quad_result iw_model_integral (const iw_model * md, quad_fn f, void *params);

/* ---- one draw's log weights ---- */

/* LW[i] = log w(z_i) for the N points of one draw Z (iw_log_weight_at, in
   order); returns the largest, and in *SIZE the largest sum of a weight's
   term magnitudes, which bounds each log weight's rounding. */
double iw_log_weights (const iw_log_weight * f, const double *z, size_t n,
                       double *lw, double *size);

/* log (1/DENOM) sum_{i<N} w(z_i) as an IWAE computes it (iw_log_weights,
   then log_sum_exp).  *BOUND (if given) bounds its rounding: the log
   weights' terms are summed with relative error <= 4u each; the
   log-sum-exp of n scaled terms adds (n + 3) u; so (n + 8) u (1 + the
   largest size). */
double iw_log_mean_weight (const iw_log_weight * f, const double *z,
                           size_t n, double denom, double *bound);

/* A[i] = w(z_i) / max_j w(z_j) for i < N: positive numbers at most 1.
   Returns log max_j w(z_j); *SIZE as iw_log_weights. */
double iw_scaled_weights (const iw_log_weight * f, const double *z,
                          size_t n, double *a, double *size);

/* E_M[(a_m1 + ... + a_mk) / DENOM], M uniform over the k + 1 subsets of
   size k of {1 .. k+1}, by brute force over all 2^(k+1) index sets
   (k <= 30): the reference for the identity E_M[...] = mean(a) of the
   monotonicity proof.  Sums of <= k+1 positive terms: relative error
   <= (k + 3) u. */
double iw_subset_mean (const double *a, int k, double denom);

#endif
