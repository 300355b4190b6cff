/* qform.c -- a Gaussian exponent as a derivation writes it (see qform.h). */
#include "qform.h"

#include "point_affine.h"

#include <math.h>

/* xᵀ A y, its rounding bound not wanted here */
static double
qform_bilinear (const double *x, const double *a, const double *y, size_t d)
{
  double b;
  return affine_gauss_bilinear (x, a, y, d, &b);
}

double
qform_affine (const point * p, const affine_gauss * g, const double *r, qform_kind how)
{
  size_t d = p->d;
  const double *sig = point_affine_sigma (p);
  double a[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX] = { 0 }, b[AFFINE_GAUSS_DMAX * AFFINE_GAUSS_DMAX];
  double t[AFFINE_GAUSS_DMAX], t2[AFFINE_GAUSS_DMAX], zero[AFFINE_GAUSS_DMAX] = { 0 }, det;
  switch (how)
    {
    case QFORM_DIAG_T: case QFORM_DIAG_NOT_INV: case QFORM_DIAG_NO_T:   /* (D r)ᵀ(D r) */
      for (size_t i = 0; i < d; i++)
        t[i] = pow (sig[i], how == QFORM_DIAG_NOT_INV ? 1 : -1) * r[i];
      return affine_gauss_dot (how == QFORM_DIAG_NO_T ? r : t, t, d);  /* slip: rᵀ D r */
    case QFORM_VAR: case QFORM_VAR_SIGMA:
      if (how == QFORM_VAR_SIGMA)
        for (size_t i = 0; i < d; i++)
          a[i * d + i] = 1 / sig[i];
      return qform_bilinear (r, how == QFORM_VAR ? g->var_inv : a, r, d);
    case QFORM_S_T: case QFORM_S_INV_T: case QFORM_S_NO_T:             /* (A r)ᵀ(B r) */
      affine_gauss_transpose (g->s_inv, d, b);
      affine_gauss_apply (zero, how == QFORM_S_INV_T ? b : g->s_inv, r, d, t);
      affine_gauss_apply (zero, how == QFORM_S_NO_T ? b : g->s_inv, r, d, t2);
      return affine_gauss_dot (t, t2, d);
    case QFORM_GRAM_SWAPPED:                                           /* rᵀ (Sᵀ S)⁻¹ r */
      affine_gauss_transpose (point_affine_s (p), d, b);
      affine_gauss_gram (b, d, a);
      affine_gauss_lu (a, d, b, &det);
      return qform_bilinear (r, b, r, d);
    default:
      return qform_bilinear (r, g->gram_inv, r, d);
    }
}
