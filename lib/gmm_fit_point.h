/* gmm_fit_point.h -- fitting N(μ, I) to a Gaussian mixture p by
 * KL(p || q) (004 Problem 2; Bishop PRML 10.1.2, where KL(p || q) matches
 * moments), at a derivation's point: the law x ~ p as the derivation's
 * draw, and the harness's truths, in the shape of derivation.h's hooks.
 *
 * The derivation's prep holds the mixture (.prep_size = sizeof (const gmm
 * *), a prepare that stores it), so these hooks keep no state of their
 * own.  A point is (μ_1, ..., μ_d, i): the fit's mean and, for the truths
 * along one coordinate, its index i in 1..d at v[d].  The truths take no
 * closed form of the fit's algebra: Monte Carlo of log q at draws of p,
 * and lib/gmm's central difference and Nelder-Mead maximiser of E_p[log
 * N(x; μ, I)]. */
#ifndef HARNESS_GMM_FIT_POINT_H
#define HARNESS_GMM_FIT_POINT_H

#include "derivation.h"
#include "estimate.h"
#include "gmm.h"
#include "point.h"
#include "rounding.h"

/* .sample: x ~ p (gmm_sample); .transform (with .base_dim =
   derivation_two_normals, d = 2): the same law as the Rosenblatt map of
   two normals, smooth for RQMC (lib/gmm_quantile) */
void gmm_fit_point_sample (const gsl_rng * r, const point * p, const void *prep,
                           double *x);
void gmm_fit_point_rosenblatt (const point * p, const void *prep, const double *e,
                               double *x);
/* Those two as a derivation's fields, with the length of a draw, x = x[0..1] */
#define GMM_FIT_POINT_DRAWS .x_dim = 2, .sample = gmm_fit_point_sample, \
  .base_dim = derivation_two_normals, .transform = gmm_fit_point_rosenblatt

/* Integrands at a draw X of p: log q(x|μ) = log N(x; μ, I), and log
   q(x|μ) - log q(x|0), in which q's normaliser cancels draw by draw; the
   engine's default rounding bound (BOUND is left alone) */
double gmm_fit_point_log_q (const point * p, const void *prep, const double *x,
                            double *bound);
double gmm_fit_point_log_q_diff (const point * p, const void *prep, const double *x,
                                 double *bound);

/* Along coordinate i: ∂E_p[log q(x|μ)]/∂μ_i by central differences, and
   coordinate i of argmax_μ E_p[log q(x|μ)] by Nelder-Mead from μ
   (gmm_e_log_normal_iso_partial, gmm_e_log_normal_iso_argmax) */
estimate gmm_fit_point_partial (const point * p, const void *prep);
estimate gmm_fit_point_argmax (const point * p, const void *prep);

/* The harness's own closed form E_p[log q(x|μ)] = -(d/2) log 2π - ½ Σ_k w_k (tr Σ_k + |m_k -
   μ|²) at the point's μ, with its rounding (gmm_e_log_normal_iso_rnd), the function the
   seed's (1.11)-(1.12) are checked against; and, its negative control, the same with
   ½ Σ_k w_k tr Σ_k added back: the closed form of a fit that took the components as points
   (gmm_fit_point_half_trace) */
estimate gmm_fit_point_e_log_q (const point * p, const void *prep);
estimate gmm_fit_point_e_log_q_as_points (const point * p, const void *prep);

/* ½ Σ_k w_k tr Σ_k, the spread within the components: E_p|x - μ|² is
   Σ_k w_k (tr Σ_k + |m_k - μ|²), so it is what a fit that took the
   components as points would miss (the stored weights and covariances
   as exact leaves, lib/rounding.h) */
rnd gmm_fit_point_half_trace (const gmm * g);

/* (1/K) Σ_k m_kc, coordinate C of the component means averaged with equal
   weights: what E_p[x_c] would be for a fit that ignored the weights (a
   rounded leaf 1/K, the means exact: gmm_mean_rnd of the mixture with
   weights 1/K, to the last bit; dies for C >= d) */
rnd gmm_fit_point_mean_equal_weights (const gmm * g, size_t c);

/* The truths as a derivation's table entries (derivation_truth), each
   with its id and what it computes */
#define GMM_FIT_POINT_TRUTHS \
  {"ep_log_q", "E_p[log q(x|μ)] by Monte Carlo", LINE_EXPECT (gmm_fit_point_log_q)}, \
  {"ep_log_q_diff", "E_p[log q(x|μ) - log q(x|0)] by Monte Carlo, draw by draw", \
   LINE_EXPECT (gmm_fit_point_log_q_diff)}, \
  {"grad", "∂E_p[log q(x|μ)]/∂μ_i by GSL's central difference of the closed form", \
   LINE_CLOSED (gmm_fit_point_partial)}, \
  {"argmin", "argmin_μ of -E_p[log q(x|μ)], coordinate i, by GSL's Nelder-Mead", \
   LINE_CLOSED (gmm_fit_point_argmax)}

#endif
