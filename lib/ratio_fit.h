/* ratio_fit.h -- a density ratio f1/f0 estimated by a logistic discriminator.
 *
 * A logistic regression (lib/logistic) of the labels 1 (draws of f1) and 0 (draws of f0) on
 * the features φ(x) = [1, x, x²] estimates log(f1/f0) + log(n1/n0), which is θ·φ exactly for
 * two Gaussians; with equal class counts f1 ≈ f0 D/(1 - D) = f0 e^{θ·φ}, the density a GAN
 * discriminator recovers (optimal_discriminator).
 *
 * Standard errors.  The covariance is the inverse Hessian of the negative log-likelihood,
 * corrected for class counts fixed by design, not drawn: the intercept then varies less than
 * the inverse Hessian says, by 1/n0 + 1/n1 (Prentice & Pyke 1979); the other entries are
 * unchanged.  log f̂1 = log f0 + θ̂·φ(x) is linear in θ̂, so its standard error is
 * sqrt(φᵀ Σ φ) with no delta method; an integral ∫ F(x; θ̂) dx of an F proportional to
 * e^{θ·φ} has the delta-method standard error sqrt(gᵀ Σ g), gradient g = ∫ F φ dx. */
#ifndef HARNESS_RATIO_FIT_H
#define HARNESS_RATIO_FIT_H

#include "estimate.h"
#include "logistic.h"
#include "normal_pair.h"
#include "quad.h"

#define RATIO_FIT_FEATURES 3

/* The D in (0, 1) that maximises a log D + b log(1 - D) for a, b > 0 (the GAN objective's
   integrand at one x, a = f1(x), b = f0(x)), by Brent with a bracket that rounding cannot
   break (maximize_concave_1d) over a grid uniform in the logit on [-20, 20]: for a/b within
   1e±4, D lies well inside.  An optimiser's estimate, independent of the closed form
   a/(a + b). */
estimate ratio_fit_argmax (double a, double b);

typedef struct
{
  logistic_fit lf;      /* θ and its corrected covariance */
  size_t n1, n0;        /* the class counts */
} ratio_fit;

/* Fit to the N1 + N0 pairs (X[i], Y[i]), Y[i] in {0, 1} (the caller's labels; N1 and N0 are
   the class counts the correction uses).  Dies (die_runtime, exit 3) if the fit does not
   converge. */
void ratio_fit_logistic (const double *x, const double *y, size_t n1, size_t n0,
                         ratio_fit * fit);
void ratio_fit_free (ratio_fit * fit);

/* log(f0(x) D/(1 - D)) for f0 = N(M0, S0²), as the question writes the estimate, and its
   standard error sqrt(φᵀ Σ φ) in *SE. */
double ratio_fit_log_f1 (const ratio_fit * fit, double m0, double s0, double x, double *se);

/* The estimate at one x of a grid: log f0(x) and log f1(x) (the densities the draws came
   from), log f̂1(x) = log(f0 D/(1 - D)) by ratio_fit_log_f1, and its standard error. */
typedef struct
{
  double x, log_f0, log_f1, log_f1_hat, se;
} ratio_fit_point;

/* AT[i] at x_i = LO + (HI - LO) i/N for i = 0..N (N + 1 points; N >= 1), for f0 =
   N(G->ma, G->sa²) and f1 = N(G->mb, G->sb²). */
void ratio_fit_grid (const ratio_fit * fit, const normal_pair * g, double lo, double hi,
                     size_t n, ratio_fit_point * at);

/* ∫ F dx for an F proportional to f0 e^{θ·φ}, f0 = N(M0, S0²) (the estimate f0 D/(1 - D) of
   f1, say, whose integral is 1): by quad_real_line_at at the location and scale of that
   Gaussian (normal_tilt), its quadrature error in *ABSERR, and the delta-method standard
   error in *SE from g_j = ∫ F φ_j dx.  +inf, *ABSERR and *SE untouched, when f0 e^{θ·φ} is
   not integrable (the x² coefficient at least 1/(2 S0²)).  F must return 0 where φ overflows
   (normal_pair_far_tail). */
double ratio_fit_normaliser (const ratio_fit * fit, double m0, double s0, quad_fn f,
                             void *params, double *abserr, double *se);

/* θ_j of the fit as an estimate: its asymptotic standard error, and the last Newton step as the
   optimiser's bound (it bounds the error of the iterate before it; convergence is quadratic). */
estimate ratio_fit_theta (const ratio_fit * fit, int j);

/* Labelled draws for the fit, with R in this order: X[0..N1-1] of f1 = N(G->mb, G->sb²)
   labelled 1, then X[N1..N1+N0-1] of f0 = N(G->ma, G->sa²) labelled 0 (Y). */
void ratio_fit_draw (const gsl_rng * r, const normal_pair * g, size_t n1, size_t n0, double *x,
                     double *y);

/* The fit to N1 draws of f1 = N(G->mb, G->sb²) labelled 1 and N0 of f0 = N(G->ma, G->sa²)
   labelled 0, drawn from R by ratio_fit_draw and fitted by ratio_fit_logistic (which dies if
   the fit does not converge).  SWAP_LABELS labels the draws of f1 0 and those of f0 1, the
   labelling that gives P1 the density f0: the fit then estimates log(f0/f1) + log(n0/n1)
   (the correction for fixed class counts is symmetric in N1 and N0). */
void ratio_fit_normals (const gsl_rng * r, const normal_pair * g, size_t n1, size_t n0,
                        int swap_labels, ratio_fit * fit);

#endif
