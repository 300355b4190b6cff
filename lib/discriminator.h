/* discriminator.h -- discriminators D = σ(T) between two normals, and the GAN objective.
 *
 * For a pair f0 = N(ma, sa²), f1 = N(mb, sb²) (normal_pair: a is f0, b is f1) a
 * discriminator D(x) = σ(T(x)) tells draws of P1 (label 1) from draws of P0 (label 0), and
 * the GAN objective (Goodfellow et al. 2014, eq. 1) is
 *
 *   V(D) = E_{P1}[log D] + E_{P0}[log(1 - D)] = ∫ f1 log σ(T) + f0 log σ(-T) dx,
 *
 * maximised pointwise by D* = f1/(f0 + f1), whose logit is T* = log(f1/f0) (ibid.,
 * Proposition 1).  Three families of logits T:
 *
 *   DISCRIMINATOR_LOGISTIC  T = a + b x + c x², a logistic regression on [1, x, x²]
 *   DISCRIMINATOR_OPTIMAL   T = L(log(f1/f0)) + a: the optimum's logit as the caller writes it
 *                           (L, a claim's formula under test; NULL: the identity), shifted
 *   DISCRIMINATOR_SWAPPED   T = log(f0/f1): f0/(f0 + f1), the optimum with the classes swapped
 *
 * The links log σ(T) and log σ(-T) are logistic_log_sigmoid[_neg], finite at any T.  The
 * objective is integrated by quadrature (normal_pair_objective_quad) and estimated from
 * draws (normal_pair_objective_mc): two independent routes a claim checks one against the
 * other. */
#ifndef HARNESS_DISCRIMINATOR_H
#define HARNESS_DISCRIMINATOR_H

#include "estimate.h"
#include "normal_pair.h"

#include <gsl/gsl_rng.h>

typedef enum {
  DISCRIMINATOR_LOGISTIC, DISCRIMINATOR_OPTIMAL, DISCRIMINATOR_SWAPPED
} discriminator_kind;

typedef struct
{
  discriminator_kind kind;
  double a, b, c;                   /* LOGISTIC: a + b x + c x²; OPTIMAL: the shift a */
  const normal_pair *g;             /* f0 = N(g->ma, g->sa²), f1 = N(g->mb, g->sb²) */
  double (*optimal_logit) (double log_ratio);   /* OPTIMAL: L; NULL: the identity */
} discriminator;

/* The three families against the pair G (which must outlive the discriminator). */
discriminator discriminator_logistic (const normal_pair * g, double a, double b, double c);
discriminator discriminator_optimal (const normal_pair * g, double shift,
                                     double (*optimal_logit) (double log_ratio));
discriminator discriminator_swapped (const normal_pair * g);

/* A random logistic discriminator: a, b, c uniform on [-1, 1], [-2, 2], [-0.4, 0.4], drawn
   from R in that order (c small enough that σ(T) is not saturated over the pair's bulk). */
discriminator discriminator_random (const gsl_rng * r, const normal_pair * g);

/* T(x) = logit D(x), PARAMS a discriminator: a normal_pair_critic. */
double discriminator_logit (double x, void *params);

/* V(D) by quadrature (normal_pair_objective_quad), as an estimate with its quadrature
   bound; with SWAP, ∫ f0 log D + f1 log(1 - D) instead: each class's log-likelihood under
   the other's density, the objective of a derivation that pairs log D with f0.  Dies
   (exit 3) when the two rules of lib/quad disagree. */
estimate discriminator_objective_quad (const discriminator * d, int swap);

/* V(D) from N draws of each density, in turn one of P1 and then one of P0
   (normal_pair_objective_mc), with the standard errors of both means combined. */
estimate discriminator_objective_mc (const gsl_rng * r, const discriminator * d, long n);

#endif
