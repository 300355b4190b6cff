/* recog_point.h -- lib/recog's model θ, recognition model φ and one datum x
 * as a point's coordinates, prepared once per point for a derivation's
 * lines, and the wake and sleep draws as maps of standard normals.
 *
 * A claim that evaluates the wake and sleep objectives as written (seed
 * 001 1.1.2, wake_sleep) checks them at points (θ, φ, x) of a box of its
 * own.  The layout (RECOG_POINT_N coordinates, in this order):
 *     v[0..1] = W, v[2..3] = b, v[4] = s², v[5..6] = a, v[7] = c,
 *     v[8] = τ², v[9..10] = x.
 * The prepared point holds the three unpacked, q_φ(z|x)'s mean and the
 * exact posterior p_θ(z|x) = N(pm, pv) (lingauss_posterior), so that a
 * line's integrand reads as its formula.
 *
 * The draws are maps of standard normals E, so that the engine can
 * integrate by randomized quasi-Monte Carlo (lib/derivation.h's
 * .transform; for plain Monte Carlo it draws E itself, in the same order):
 *   wake, one normal:     z ~ q_φ(z|x), the draw [z, e0];
 *   sleep, three normals: (z, x) ~ p_θ, the draw [z, x (2), W z + b (2)],
 *                         the last two the same x without its noise.
 * Each integrand over them is a quadratic in E.  tests/test_recog_point.c
 * checks the unpacking and the densities by hand and by Bayes' rule, and
 * the draws' averages against lib/recog's closed forms. */
#ifndef HARNESS_RECOG_POINT_H
#define HARNESS_RECOG_POINT_H

#include "lingauss.h"
#include "point.h"
#include "recog.h"

#include <stddef.h>

#define RECOG_POINT_N 11

typedef struct
{
  recog_theta t;
  recog_phi f;
  double x[RECOG_D];
  double qm;                    /* q_φ(z|x)'s mean a·x + c */
  double pm, pv;                /* p_θ(z|x) = N(pm, pv) */
  lingauss m;                   /* θ as lib/lingauss's model; points into t, so a
                                   recog_point is prepared in place, not copied */
} recog_point;

/* Fill the recog_point PREP from the point P in the layout above (a
   derivation's .prepare; DERIVATION_PREPARE (recog_point, this)). */
void recog_point_prepare (const point * p, void *prep);

/* log q_φ(z|x) and log p_θ(z|x), normal_log_pdf of W's q and posterior */
double recog_point_log_q (const recog_point * w, double z);
double recog_point_log_post (const recog_point * w, double z);
/* log p_θ(x|z), as lingauss_log_joint less the prior's log N(z; 0, 1) */
double recog_point_log_lik (const recog_point * w, double z);

/* The wake draw X = [z, e0] of one standard normal E (a derivation's
   .transform, with .base_dim = derivation_one_normal; P unused) at the
   recog_point PREP: z = qm + τ e0. */
void recog_point_wake_draw (const point * p, const void *prep, const double *e, double *x);
/* The sleep draw's base dimension, 1 + RECOG_D whatever P (.base_dim) */
size_t recog_point_sleep_dim (const point * p);
/* The sleep draw X = [z, x, W z + b] of three standard normals E (a
   .transform; P unused): z = e0, x_j = W_j z + b_j + s e_{1+j}. */
void recog_point_sleep_draw (const point * p, const void *prep, const double *e, double *x);

#endif
