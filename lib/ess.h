/* ess.h -- effective sample size and Monte Carlo standard errors of a chain.
 *
 * For a stationary chain x_1..x_n with autocorrelations rho_k, the variance
 * of the sample mean is (sigma^2 / n) tau with tau = 1 + 2 sum_k rho_k (the
 * integrated autocorrelation time), so the chain is worth ESS = n / tau
 * independent draws and the standard error of its mean is
 * sd / sqrt(ESS).
 *
 * Autocovariances gamma_k = (1/n) sum_t (x_t - xbar)(x_{t+k} - xbar) are
 * computed by FFT (GSL's gsl_fft_real_radix2_transform and
 * gsl_fft_halfcomplex_radix2_inverse): the power spectrum of the centred
 * chain zero-padded to a power of two >= 2 B gives every lag below B with
 * no circular wrap-around.  For B >= n that is the whole chain padded to
 * >= 2n.  For the ESS only the first few lags matter, so the chain is cut
 * into blocks of B, each padded to 2B, and the lagged products that cross
 * a block boundary are added through the next block's transform
 * (overlap-save): O(n log B) time and O(B) memory instead of O(n log n)
 * and O(n).  B starts small and doubles until Geyer's sequence has ended.
 *
 * tau is Geyer's initial monotone sequence estimator (Geyer, "Practical
 * Markov chain Monte Carlo", Statistical Science 7, 1992, section 3.3):
 * the sums of adjacent pairs Gamma_m = gamma_{2m} + gamma_{2m+1} are
 * positive, decreasing and convex for a reversible chain; the estimator
 * sums them up to the first that is not positive and makes them
 * non-increasing on the way:
 *     sigma^2_asy = -gamma_0 + 2 sum_{m=0}^{M} min(Gamma_0..Gamma_m),
 *     tau = sigma^2_asy / gamma_0.
 * Negative correlation (antithetic chains) gives tau < 1 and ESS > n,
 * which is right: the mean of such a chain is better than i.i.d.
 *
 * Batch means (Flegal & Jones 2010) give an independent cross-check of the
 * standard error.
 *
 * Special values: n < 4 or a NaN or infinite value in the chain gives NaN
 * everywhere; a constant chain has variance 0, se 0 and ESS NaN.  When
 * the estimated sigma^2_asy is not positive (a short, strongly antithetic
 * chain, where the sum cancels) tau is reported as computed and ESS and se
 * are NaN: no standard error is better than a wrong one.  When Geyer's
 * pairs are still positive at the chain's last lag (max_lag = n - 1; an
 * alternating chain, or a few draws) tau, ESS and se are NaN: summed over
 * every lag, the autocovariances about the sample mean cancel to exactly
 * 0, so the sum left is rounding noise, not an estimate.
 *
 * Not caught: a short antithetic chain whose pairs do end early but whose
 * sum cancels statistically, e.g. AR(1) with rho = -0.5 and n = 64 (exact
 * ESS 3n) gives ESS > 10 n for 8% of chains.  Geyer's estimator has no
 * error estimate of its own; such chains want more draws, or the
 * rank-normalised diagnostics of rhat.h.
 *
 * Accuracy (tests/test_ess.c, AR(1) chains, n = 5e4): the bias of log ESS
 * is well within one standard deviation of a single estimate for
 * rho in {-0.5, 0, 0.5, 0.9, 0.99}; for rho = -0.9 (sigma^2_asy =
 * 0.053 gamma_0, a small difference of large alternating terms) ESS is
 * overestimated by about 35% on average, still within one sd. */
#ifndef HARNESS_ESS_H
#define HARNESS_ESS_H

#include <stddef.h>

typedef struct
{
  size_t n;
  double mean;
  double variance;     /* gamma_0, divisor n */
  double tau;          /* autocorrelation time sigma^2_asy / gamma_0 */
  double ess;          /* n / tau */
  double se;           /* standard error of the mean, sqrt(sigma^2_asy / n) */
  size_t max_lag;      /* the last lag the sum used, 2M + 1 */
} ess_result;

/* ESS of X[0], X[STRIDE], ..., X[(N-1) STRIDE] (a column of an n x d
   row-major chain has stride d). */
ess_result ess_geyer (const double *x, size_t stride, size_t n);

/* Autocovariances ACOV[0..MAX_LAG] (divisor n, about the sample mean) by
   FFT, blocks of B = the least power of two > MAX_LAG (one block, padded
   to >= 2n, when MAX_LAG >= n - 1; lags >= n are 0).  Returns the mean. */
double ess_autocovariance (const double *x, size_t stride, size_t n,
                           double *acov, size_t max_lag);

/* The same directly, O(n MAX_LAG): the reference for tests. */
double ess_autocovariance_direct (const double *x, size_t stride, size_t n,
                                  double *acov, size_t max_lag);

/* Standard error of the mean by N_BATCHES non-overlapping batch means
   (the last n mod n_batches values are dropped): sd(batch means) /
   sqrt(n_batches).  Needs batches much longer than tau.  NaN if
   n_batches < 2 or n < n_batches. */
double ess_batch_means_se (const double *x, size_t stride, size_t n,
                           size_t n_batches);

/* Two standard errors of one chain average, compared on the log scale,
   where both errors are nearly scale-free.  Batch means with B batches
   have log SE with sd about 1/sqrt(2 (B - 1)) (the log of a chi with
   B - 1 degrees of freedom, to leading order in 1/B); Geyer's sum over
   lags |k| <= M has relative sd about sqrt(2 (2M + 1) / n) (Bartlett's
   lag-window variance, Priestley 1981, 6.2.4), half of that on the log of
   its se.  Batches of b >= 20 tau bias the batch variance low by about
   tau / b <= 5%, small against the batch noise (>= 0.1 in the log).

   ess_batch_count: 10 to 50 batches, each >= 20 tau long where the chain
   of N allows it (tau < 1 counts as 1); with fewer than 10 such batches
   (a short chain) they are shorter, but still >= n / 10.
   ess_log_se_sd: the sd of log E->se, 0.5 sqrt(2 (2 max_lag + 1) / n).
   ess_batch_log_se_sd: the sd of log ess_batch_means_se with N_BATCHES. */
size_t ess_batch_count (size_t n, double tau);
double ess_log_se_sd (const ess_result * e);
double ess_batch_log_se_sd (size_t n_batches);

/* Rank-normalised split R-hat (Vehtari, Gelman, Simpson, Carpenter &
   Buerkner, "Rank-normalization, folding, and localization: an improved
   R-hat", Bayesian Analysis 16, 2021), as posterior::rhat (version 1.4):
   each of the N_CHAINS chains X[c n .. c n + n - 1] (n = N_PER_CHAIN,
   stored one after another) is split into halves (the middle draw dropped
   when n is odd), the pooled draws are replaced by the normal scores
   Phi^-1((r - 3/8) / (S + 1/4)) of their average ranks r among all S,
   and R-hat = sqrt(((n'-1)/n' W + B/n') / W) over the 2 m halves of n'
   draws (W the mean within-half variance, B/n' the variance of the half
   means, divisors n' - 1 and 2m - 1).  The result is the larger of this
   (bulk) and the same on |x - median(x)| (tail).  Above 1.01 the chains
   have not mixed: the caller reports inconclusive.
   Special values: NaN if n_per_chain < 4, n_chains < 1, any NaN or
   infinite draw, or all draws equal (posterior's NA). */
double ess_split_rhat (const double *x, size_t n_per_chain, size_t n_chains);

#endif
