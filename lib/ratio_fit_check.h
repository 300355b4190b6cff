/* ratio_fit_check.h -- the harness checks of a density ratio fitted to draws of two normals
 * (lib/ratio_fit) against the pair the draws came from.
 *
 * For f0 = N(ma, sa²) and f1 = N(mb, sb²) the truths the fit estimates are closed forms:
 * log(f1/f0) = θ·[1, x, x²] (normal_log_ratio_coefficients) and log f1 at every x.  Each
 * coefficient, and each grid point the caller selects, is one point of the caller's check
 * (check_point), the fit's side an est_mc with its asymptotic standard error, the closed
 * form's side est_exact with a few ε per operation; the caller closes the check
 * (check_close) with notes of its own.  The estimate f̂1 = f0 D/(1 - D) is a density, so its
 * integral is 1: ratio_fit_check_mass integrates it (ratio_fit_normaliser) for the caller's
 * comparison, which ratio_fit_check_normalised makes and closes as a check of its own. */
#ifndef HARNESS_RATIO_FIT_CHECK_H
#define HARNESS_RATIO_FIT_CHECK_H

#include "harness.h"
#include "ratio_fit.h"

/* Each θ_j of FIT (ratio_fit_theta) a point of check ID against the coefficient of
   log(f1/f0) for G's f0 = N(G->ma, G->sa²), f1 = N(G->mb, G->sb²), written into TRUTH and
   charged 8 ε (1 + |TRUTH[j]|) of rounding, j = 0, 1, 2 in order. */
void ratio_fit_check_theta (harness * h, const char *id, const ratio_fit * fit,
                            const normal_pair * g, double truth[RATIO_FIT_FEATURES]);
/* The same, then check ID closed with notes of the fitted θ against the truth, the class
   counts N1 and N0 of FIT, and the last Newton step of its optimiser. */
void ratio_fit_check_theta_close (harness * h, const char *id, const ratio_fit * fit,
                                  const normal_pair * g);

/* What ratio_fit_check_grid compared, for the caller's notes. */
typedef struct
{
  int n;                /* points checked */
  double worst_rel;     /* the largest |f̂1/f1 - 1| among them (0 if none) */
  double worst_se;      /* the standard error of log f̂1 there */
} ratio_fit_grid_check;

/* The points AT[i], i = 0, STEP, 2 STEP, ... < N, with |x - CENTER| <= HALFWIDTH: each
   log f̂1 (est_mc, its standard error) a point of check ID against log f1 (est_exact,
   4 ε (1 + |log f1|)), in order. */
ratio_fit_grid_check ratio_fit_check_grid (harness * h, const char *id,
                                           const ratio_fit_point * at, size_t n, size_t step,
                                           double center, double halfwidth);

/* ∫ f0 D/(1 - D) dx for f0 = N(M0, S0²) and FIT's D, which is 1 when the fit recovers a
   density; with WITHOUT_ODDS ∫ f0 D dx instead (the estimate without the odds' 1/(1 - D),
   a variant a claim's check must tell apart).  The integrand is formed in logs (in a tail
   where f0 underflows D can round to 1, and 0 · inf would be NaN).  Returns
   ratio_fit_normaliser's value, its quadrature error in *ABSERR and the delta-method
   standard error in *SE, or +inf when f0 e^{θ·φ} is not integrable. */
double ratio_fit_check_mass (const ratio_fit * fit, double m0, double s0, int without_odds,
                             double *abserr, double *se);

/* The check ID of that integral, one comparison closed with its notes: ratio_fit_check_mass
   of FIT for G's f0 = N(G->ma, G->sa²) (est_mc with the delta-method standard error) against
   1 (est_exact); when it is +inf (the fitted x² coefficient too large), +inf against 1, a
   failure whose notes give the coefficient.  WITHOUT_ODDS as ratio_fit_check_mass. */
void ratio_fit_check_normalised (harness * h, const char *id, const ratio_fit * fit,
                                 const normal_pair * g, int without_odds);

#endif
