/* iw_line.h -- what the seed lines of the importance-weighted bounds are
 * evaluated from, at a derivation point of lib/iw_point: a draw's weight
 * statistics, and integrands over h for the lines written as integrals.
 *
 * A derivation's line is one formula in the point; the formulas of the
 * IWAE proofs (Burda et al.'s monotonicity argument, Jensen's chain from
 * L_K to log p(x)) are built from a few quantities of the draw
 * z_1 .. z_{K+1} ~ q: the weights scaled by their largest, the mean over
 * the k-subsets of {1 .. k+1}, the leave-one-out term, the mean of the log
 * weights.  Each is computed here as the line writes it, in floating
 * point, with the rounding bound the engine compares it within, so that a
 * claim states its lines as one call each.  The weights are the model's
 * as an IWAE computes them (iw_log_weight_at on D->md.f); the integrands
 * are the model's densities under q (lib/normal), integrated by
 * iw_model_integral. */
#ifndef HARNESS_IW_LINE_H
#define HARNESS_IW_LINE_H

#include "iw_point.h"

/* ---- a draw's statistics: Z is z_1 .. z_{K+1}, K = D->k ---- */

/* (a_1 + ... + a_{K+1}) / (K + 1) with a_i = w(z_i) / max_j w(z_j): the
   right side of the subset identity (001 line 86).  *BOUND (required)
   receives (K + 3) u times it: K + 1 positive terms summed and divided. */
double iw_line_mean_scaled (const iw_point * d, const double *z, double *bound);

/* E_M[(a_m1 + ... + a_mK) / DENOM], M uniform over the K + 1 subsets of
   size K of {1 .. K+1}, the a_i as above (iw_subset_mean, brute force):
   the left side of the subset identity.  *BOUND (if given): (K + 3) u
   times it. */
double iw_line_subset_mean (const iw_point * d, const double *z, double denom,
                            double *bound);

/* log E_M[(1/DENOM) sum_{j in M} w_j]: iw_line_subset_mean in logs, the
   largest log weight added back.  *BOUND (if given): that of
   iw_log_mean_weight plus the subset sums' (K + 3) u, as
   (2K + 12) u (1 + the largest size of a log weight's terms). */
double iw_line_log_subset_mean (const iw_point * d, const double *z,
                                double denom, double *bound);

/* The E_M term E_M[log (1/K) sum_{j in M} w_j] over the K + 1
   leave-one-out subsets of the K + 1 weights, by LOO (NULL:
   iw_loo_mean_log; a claim's broken version of iw_estimators' shape). */
double iw_line_loo (const iw_point * d, const double *z,
                    double (*loo) (const double *lw, size_t n, double *work));

/* (1/DENOM) sum_{j<K} log w(z_j), and (the second) max_{j<K} log w(z_j):
   the log weights of the first K points of the draw. */
double iw_line_mean_log_w (const iw_point * d, const double *z, double denom);
double iw_line_max_log_w (const iw_point * d, const double *z);

/* log (1/K) sum_{j<K} p(x|z_j) p(z_j) / q(z_j) with each density a
   normal_log_pdf, the three summed per weight as a seed writes them (not
   iw_log_weight's normalisers summed once): q = N(mu, SD^2) about the
   posterior's mean mu with the caller's SD, and p(x|z_j) = N(x; a z_j,
   s^2) or, LOG_LIK given, the constant *LOG_LIK in its place (a reading
   that puts another variable where x stands).  Dies (die_internal) when
   K = 0. */
double iw_line_log_mean_written (const iw_point * d, const double *z, double sd,
                                 const double *log_lik);

/* ---- integrands over h; PARAMS is the iw_point ---- */

/* q(h) = N(h; m, vq) as a density. */
double iw_line_q (const iw_point * d, double h);

/* p(x, h) = N(x; a h, s^2) N(h; 0, 1). */
double iw_line_joint (double h, void *params);

/* q(h) · p(x,h)/q(h) as written; far in a tail where q is the narrower
   the ratio overflows, and the product is p(x,h) itself. */
double iw_line_q_times_ratio (double h, void *params);

/* q(h) w(h) = exp(log q(h) + log w(h)), w as the IWAE computes it. */
double iw_line_q_times_w (double h, void *params);

/* q(h) log w(h): the ELBO's integrand. */
double iw_line_q_log_w (double h, void *params);

/* int F(h) dh for one of the integrands above at D (iw_model_integral),
   as an estimate with the quadrature's error. */
estimate iw_line_integral (const iw_point * d, quad_fn f);

#endif
