/* lingauss_point.h -- lib/lingauss's model with a Gaussian q = N(qm, qv)
 * laid out as a point's coordinates, and its closed forms as functions of
 * those coordinates, the shape lib/gradcheck and lib/point_fd
 * differentiate.
 *
 * A claim whose point is the model's parameters, its datum and q (so that
 * a gradient line is c·∇ over some of them) differentiates a closed form
 * of the whole coordinate vector.  The layout, d the observation
 * dimension (b = 0):
 *     v[0] = s (the noise sd), v[1 .. d] = w, v[d+1] = m0, v[d+2] = v0,
 *     v[d+3 .. 2d+2] = x, v[2d+3] = qm, v[2d+4] = qv;
 * coordinates after these (directions, sizes) are not read.  The closed
 * forms are lib/lingauss's (and lib/normal's KL and entropy), which
 * tests/test_lingauss checks against quadrature.  The same model and q
 * also give lib/normal_elbo_grad's score-function and reparameterization
 * estimators of the ELBO's gradient in (qm, qv). */
#ifndef HARNESS_LINGAUSS_POINT_H
#define HARNESS_LINGAUSS_POINT_H

#include "lingauss.h"
#include "normal_elbo_grad.h"

#include <gsl/gsl_vector.h>
#include <stddef.h>

typedef struct
{
  lingauss m;                   /* its w points into the coordinates */
  const double *x;              /* the datum, d coordinates */
  double qm, qv;                /* q = N(qm, qv) */
} lingauss_point;

/* The model, datum and q of the coordinates V in the layout above, of
   observation dimension D; V must outlive the result. */
lingauss_point lingauss_point_of (const double *v, size_t d);

/* lib/normal_elbo_grad's estimators for P (which must outlive the result):
   q = N(qm, qv), log p(x, z) and d log p(x, z)/dz by lingauss_log_joint and
   lingauss_dlog_joint_dz, no baseline. */
normal_elbo_grad lingauss_point_elbo_grad (const lingauss_point * p);

/* Closed forms of the coordinates T (their layout above), PARAMS a
   const size_t * holding d, as gradcheck_fn's: */
/* the ELBO by the posterior route, log p(x) - KL(q || p(z|x)) */
double lingauss_point_elbo (const gsl_vector * t, void *params);
/* the ELBO term by term, E_q[log p(x|z)] + E_q[log p(z)] + H(q) */
double lingauss_point_termwise (const gsl_vector * t, void *params);
/* log p(x) */
double lingauss_point_evidence (const gsl_vector * t, void *params);
/* E_q[log p(x|z)] */
double lingauss_point_expected_log_lik (const gsl_vector * t, void *params);
/* E_q[log p(x, z)], the termwise ELBO less H(q) = ½ log(2πe qv) */
double lingauss_point_expected_log_joint (const gsl_vector * t, void *params);
/* KL(q || p(z)) = KL(N(qm, qv) || N(m0, v0)) */
double lingauss_point_kl_prior (const gsl_vector * t, void *params);

#endif
