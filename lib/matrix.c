/* matrix.c -- literal dense-matrix expressions (see matrix.h). */
#include "matrix.h"
#include "errors.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_permutation.h>

static gsl_matrix *
lu_of (const gsl_matrix * a, gsl_permutation * perm, int *signum)
{
  if (a->size1 != a->size2)
    die_internal ("matrix: not square");
  gsl_matrix *lu = gsl_matrix_alloc (a->size1, a->size2);
  gsl_matrix_memcpy (lu, a);
  gsl_linalg_LU_decomp (lu, perm, signum);
  return lu;
}

double
matrix_det (const gsl_matrix * a)
{
  gsl_permutation *perm = gsl_permutation_alloc (a->size1);
  int signum;
  gsl_matrix *lu = lu_of (a, perm, &signum);
  double det = gsl_linalg_LU_det (lu, signum);
  gsl_matrix_free (lu);
  gsl_permutation_free (perm);
  return det;
}

void
matrix_inverse (const gsl_matrix * a, gsl_matrix * inv)
{
  gsl_permutation *perm = gsl_permutation_alloc (a->size1);
  int signum;
  gsl_matrix *lu = lu_of (a, perm, &signum);
  gsl_linalg_LU_invert (lu, perm, inv);
  gsl_matrix_free (lu);
  gsl_permutation_free (perm);
}

double
matrix_trace_product (const gsl_matrix * a, const gsl_matrix * b)
{
  double t = 0.0;
  for (size_t i = 0; i < a->size1; i++)
    for (size_t k = 0; k < a->size2; k++)
      t += gsl_matrix_get (a, i, k) * gsl_matrix_get (b, k, i);
  return t;
}

/* The double sum written out: no workspace, so it can sit in a sampling
   loop without allocating. */
double
matrix_bilinear (const gsl_vector * v, const gsl_matrix * a,
                 const gsl_vector * w)
{
  double r = 0.0;
  for (size_t i = 0; i < a->size1; i++)
    {
      double s = 0.0;
      for (size_t j = 0; j < a->size2; j++)
        s += gsl_matrix_get (a, i, j) * gsl_vector_get (w, j);
      r += gsl_vector_get (v, i) * s;
    }
  return r;
}

double
matrix_quadratic (const gsl_vector * v, const gsl_matrix * a)
{
  return matrix_bilinear (v, a, v);
}
