/* hermite_cv.h -- control variates from Hermite polynomials of standard
 * normals.
 *
 * For z ~ N(0, I_d) the normalised probabilists' Hermite polynomials
 * c_{k,j} = He_j(z_k) / sqrt(j!), j = 1..degree, and, from degree 2 on, the
 * products z_i z_k (i < k), are orthonormal with mean 0.  So for any
 * constants gamma, h(z) - gamma . c(z) has the mean of h: a control
 * variate.  With gamma_j = E[(h - E h) c_j], the projection of h on the
 * controls, a polynomial h of that degree is left with no variance at all,
 * and a smooth h with what its higher terms carry.
 *
 * The coefficients come from independent pilot draws (a least-squares fit,
 * hcv_pilot_fit), so that they are constants for the main draws, whose
 * mean then stays unbiased.  Least squares rather than the projection
 * E[(h - E h) c_j], whose sample estimate carries the noise of the terms
 * the other controls would have removed (it dropped the z2² term of a
 * two-variable quadratic and left 2% of its variance).  A coefficient
 * within HCV_KEEP_Z standard errors of 0 is dropped: such a control adds
 * noise times c_j, and under randomized quasi-Monte Carlo a high
 * polynomial, large in the net's boundary cells, integrates far worse than
 * a smooth h does (kept, such controls made a quadratic integrand of
 * gradient_estimators 16 times coarser).
 *
 *   hcv_set cv; hcv_pilot *p = hcv_pilot_alloc (1);
 *   for each pilot draw z: hcv_eval (&cv, z, d, deg);
 *                          hcv_pilot_add_controls (p, &cv); hcv_pilot_add (p, 0, &cv, h (z));
 *   hcv_fit f; hcv_pilot_fit (p, 0, &f);
 *   for each main draw z: hcv_eval (&cv, z, d, deg);
 *                         r = h (z) - hcv_apply (&f, &cv, &bound);   E r = E h
 *
 * Used by the derivation engine (lib/derivation.c) for a derivation that
 * sets hermite_degree. */
#ifndef HARNESS_HERMITE_CV_H
#define HARNESS_HERMITE_CV_H

#include <stddef.h>

#define HCV_DEGREE_MAX 4
#define HCV_DIM_MAX 10
#define HCV_MAX (HCV_DEGREE_MAX * HCV_DIM_MAX + HCV_DIM_MAX * (HCV_DIM_MAX - 1) / 2)
#define HCV_KEEP_Z 4.0
#define HCV_SIDES_MAX 9
/* Pilot draws enough for the fit: its noise adds m / n of the residual's
   variance (65 controls, d = 10 at degree 2: 1.6%), and the sums cost
   m² / 2 a draw. */
#define HCV_PILOT_DRAWS 4096

/* The controls at one z, and a bound on each one's rounding error. */
typedef struct
{
  size_t n;
  double c[HCV_MAX];
  double err[HCV_MAX];
} hcv_set;

/* The controls at Z (D <= HCV_DIM_MAX coordinates, 1 <= DEGREE <=
   HCV_DEGREE_MAX): D * DEGREE Hermite terms, then D (D - 1) / 2 products
   when DEGREE >= 2.  Outside those limits: no controls (n = 0). */
void hcv_eval (hcv_set * cv, const double *z, size_t d, int degree);

/* The pilot: the controls' sums, shared by every integrand (side) drawn
   on the same draws, and each side's. */
typedef struct hcv_pilot hcv_pilot;
hcv_pilot *hcv_pilot_alloc (size_t sides);
void hcv_pilot_free (hcv_pilot * p);
/* One pilot draw: its controls (once), then each side's value at it. */
void hcv_pilot_add_controls (hcv_pilot * p, const hcv_set * cv);
void hcv_pilot_add (hcv_pilot * p, size_t side, const hcv_set * cv, double h);

/* The kept coefficients. */
typedef struct
{
  size_t n;
  unsigned short idx[HCV_MAX];
  double gamma[HCV_MAX];
} hcv_fit;

/* SIDE's coefficients: the least-squares regression of h on the controls
   (with an intercept) over the pilot's draws, by GSL's Cholesky
   factorisation of the controls' sample covariance; a coefficient whose
   t statistic (the regression's residual variance) is within HCV_KEEP_Z
   of 0 is dropped.  No draws, a singular covariance or a non-finite
   value: no controls. */
void hcv_pilot_fit (hcv_pilot * p, size_t side, hcv_fit * f);

/* gamma . c at CV, and into *BOUND a bound on its rounding error. */
double hcv_apply (const hcv_fit * f, const hcv_set * cv, double *bound);

#endif
