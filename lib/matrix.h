/* matrix.h -- small dense helpers for coding formulas as written.
 *
 * Seeds write |Sigma|, Sigma^-1 and tr(A B) literally.  These helpers
 * evaluate such expressions the literal way (LU determinant, LU inverse,
 * explicit products), which is an evaluation path independent of the
 * Cholesky-based closed forms in mvn.h. */
#ifndef HARNESS_MATRIX_H
#define HARNESS_MATRIX_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

double matrix_det (const gsl_matrix * a);                 /* by LU */
void matrix_inverse (const gsl_matrix * a, gsl_matrix * inv);   /* by LU */
double matrix_trace_product (const gsl_matrix * a, const gsl_matrix * b);
/* v^T A w */
double matrix_bilinear (const gsl_vector * v, const gsl_matrix * a,
                        const gsl_vector * w);
/* v^T A v */
double matrix_quadratic (const gsl_vector * v, const gsl_matrix * a);

#endif
