/* em_coordinate_ascent.c -- EM is coordinate ascent on F(θ, q).
 *
 * Seed 000 P5 defines, for one observation x with latent z,
 *
 *   Lemma 1 (line 23)  KL(q(z)||p(z|x)) = log p(x) - Σ_z q(z) log p(z,x)/q(z)
 *   proof   (line 27)  = Σ q log q/p(z|x) = Σ q log q p(x)/p(z,x)
 *                      = Σ q log p(x) - Σ q log p(z,x)/q = log p(x) - ...
 *   F       (line 33)  F(θ, q) = Σ q log p_θ(x,z) - Σ q log q
 *           (line 35)          = Σ q log p(z,x)/q = log p(x) - KL(q||p(z|x))
 *   E-step  (line 37)  maximising F over q is q(z) <- p(z|x)
 *   M-step  (line 41)  argmax_θ F(θ,q^t) = E_{p^t(z|x)}[log p_θ(x,z)]
 *                                          + H(p_θ^t(x|z))
 *           (line 45)  argmax_θ F(θ,q^t) = argmax_θ Q(θ|θ^t)
 *
 * Model: Gaussian mixtures (lib/gmm.h) on synthetic data, three components
 * in 1-D and three in 2-D; z is the component.  Ground truths: the
 * posterior and log p(x) by Bayes' rule from GSL's own densities
 * (gsl_ran_gaussian_pdf, gsl_ran_multivariate_gaussian_pdf), the KL between
 * two discrete distributions summed directly, the maximiser of F over q and
 * over θ found by BFGS (lib/minimize.h) with its tolerance from the final
 * gradient and the curvature, and the closed-form M-step (Bishop PRML
 * 9.24-9.26) for argmax Q.  Line 41 is evaluated as a value identity
 * F(θ, q^t) = Q(θ|θ^t) + H, reading the argmax on its left as the notation
 * slip it is; the H the seed writes, H(p_θ^t(x|z)), is not the entropy of
 * q^t = p_θ^t(z|x), which is what F - Q equals. */
#include "harness.h"
#include "gmm.h"
#include "logsumexp.h"
#include "matrix.h"
#include "minimize.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

static const check_spec CHECKS[] = {
  {"s000_lemma1", "000 P5 Lemma 1",
   "KL(q(z)||p(z|x)) = log p(x) - Σ_z q(z) log p(z,x)/q(z), arbitrary q, at data points (1-D and 2-D)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_lemma1_step_a", "000 P5 Lemma 1 proof",
   "Σ_z q log q/p(z|x) = Σ_z q(z) log q(z)p(x)/p(z,x)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_lemma1_step_b", "000 P5 Lemma 1 proof",
   "KL(q||p(z|x)) = Σ_z q(z) log p(x) - Σ_z q(z) log p(z,x)/q(z)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_F_line33", "000 P5 F(θ,q)",
   "F(θ,q) = Σ_z q log p_θ(x,z) - Σ_z q log q equals log p(x) - KL(q||p(z|x)), arbitrary q",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_F_line35", "000 P5 F(θ,q)",
   "Σ_z q(z) log p(z,x)/q(z) = log p(x) - KL(q(z)||p(z|x)), arbitrary q",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"F_le_loglik", "000 P5 F(θ,q)",
   "F(θ,q) <= log p(x|θ) for any q (KL >= 0): per point for random q, and for the data set after every M-step",
   REL_LE, EXPECT_HOLDS, NULL},
  {"s000_estep_tight", "000 P5 E-step",
   "with q(z) <- p(z|x) (the E-step), F(θ,q) = log p(x|θ) for the data set, every EM iteration",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_estep_argmax", "000 P5 E-step",
   "the maximiser of F(θ, ·) over q, found by BFGS on the simplex, is p(z|x)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_mstep_line41", "000 P5 M-step",
   "F(θ, q^t) = E_{z~p_θ^t(z|x)}[log p_θ(x,z)] + H(p_θ^t(x|z)), H read as the conditional entropy H(X|Z) under θ^t",
   REL_EQ, EXPECT_SEED_ERROR,
   "F(θ, q^t) = Q(θ|θ^t) + H(q^t) with H(q^t) = H(p_θ^t(z|x)) = -Σ_z q^t(z) log q^t(z): the entropy of the posterior over z, not of x given z (and the left side is F, not argmax F)"},
  {"s000_mstep_line41_qweighted", "000 P5 M-step",
   "the same line with H read as E_{q^t}[H(p_θ^t(x|z))] = Σ_z q^t(z) H(N(μ_z^t, Σ_z^t))",
   REL_EQ, EXPECT_SEED_ERROR,
   "F(θ, q^t) = Q(θ|θ^t) - Σ_z q^t(z) log q^t(z)"},
  {"s000_mstep_line41_corrected", "000 P5 M-step (corrected)",
   "F(θ, q^t) = Q(θ|θ^t) + H(q^t), H(q^t) = -Σ_z q^t(z) log q^t(z), at θ^t, θ^{t+1} and random θ",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_mstep_argmax_1d", "000 P5 M-step",
   "argmax_θ F(θ,q^t) (BFGS on F) = argmax_θ Q(θ|θ^t) (closed form, Bishop 9.24-9.26), 1-D, 3 components",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_mstep_argmax_2d", "000 P5 M-step",
   "argmax_θ F(θ,q^t) (BFGS on F) = argmax_θ Q(θ|θ^t) (closed form), 2-D, 3 components, full covariances",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"em_F_monotone", "000 P5 (coordinate ascent)",
   "F never decreases: F(θ^{t+1}, q^t) >= F(θ^t, q^t) (M half-step) and F(θ^{t+1}, q^{t+1}) >= F(θ^{t+1}, q^t) (E half-step)",
   REL_GE, EXPECT_HOLDS, NULL},
  {"em_loglik_monotone", "000 P5 (coordinate ascent)",
   "log p(x|θ^{t+1}) >= log p(x|θ^t) at every EM iteration",
   REL_GE, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"lemma1_ratio_inverted", "Lemma 1 right side with log q/p(z,x) in place of log p(z,x)/q", "s000_lemma1"},
  {"step_a_px_dropped", "proof step Σ q log q p(x)/p(z,x) without p(x)", "s000_lemma1_step_a"},
  {"step_b_sign", "proof step Σ q log p(x) + Σ q log p(z,x)/q", "s000_lemma1_step_b"},
  {"F_entropy_sign", "F with + Σ q log q", "s000_F_line33"},
  {"line35_q_dropped", "Σ q log p(z,x) in place of Σ q log p(z,x)/q", "s000_F_line35"},
  {"F_entropy_doubled", "F with the entropy term counted twice", "F_le_loglik"},
  {"estep_tempered", "E-step q ∝ p(z,x)^0.9 instead of p(z,x)", "s000_estep_tight"},
  {"estep_no_prior", "E-step q ∝ p(x|z), the mixing weight dropped", "s000_estep_argmax"},
  {"entropy_log2", "H(q^t) in bits (log2) in the corrected line", "s000_mstep_line41_corrected"},
  {"mstep_var_unbiased", "M-step covariance divided by N_k - 1", "s000_mstep_argmax_1d"},
  {"mstep_cov_diagonal", "M-step covariance with its off-diagonal dropped", "s000_mstep_argmax_2d"},
  {"mstep_weights_smoothed", "M-step weights 0.9 N_k/n + 0.1/K", "em_F_monotone"},
  {"mstep_mean_overshoot", "M-step means μ^t + 2.5 (μ_closed - μ^t)", "em_loglik_monotone"},
};

static const param_spec PARAMS[] = {
  {"iterations", 60, 5, 1000, "EM iterations per data set", PARAM_INTEGER},
  {"separation", 1.0, 0.3, 3.0, "scale of the distances between the true component means", PARAM_REAL},
};

static const claim CLAIM = {
  .slug = "em_coordinate_ascent",
  .title = "EM is coordinate ascent on F(θ, q)",
  .claim = "For a latent-variable model p_θ(x, z), F(θ, q) = E_q[log p_θ(x,z)] + H(q) "
    "= log p(x|θ) - KL(q || p_θ(z|x)). Maximising F over q gives the posterior (the "
    "E-step) and makes F = log p(x|θ); maximising over θ with q fixed is maximising "
    "Q(θ|θ^t) (the M-step), because F - Q = H(q^t) does not depend on θ. Hence F and "
    "the log-likelihood never decrease under EM.",
  .sources = "000 P5 (Lemma 1 and its proof, F, the E-step, the M-step lines)",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 1600, .samples_quick = 240,
  .samples_min = 200,
  .samples_min_why = "EM needs 100 data points in each of its two data sets",
  .figure_caption = "EM on a three-component mixture in 1-D (left) and 2-D (right). "
    "Top: the gap below the converged log-likelihood ll* of F after each E half-step "
    "(circles, at integer t), of F after each M half-step (squares, at t + ½) and of "
    "the log-likelihood (line); after an E-step F equals the log-likelihood, and the "
    "E-step closes the gap KL(q^t || p_θ^{t+1}(z|x)) that the M-step leaves. Bottom: "
    "the increase of F at every half-step, positive until it reaches the rounding "
    "bound of F (dotted); gaps are lifted by that bound so that they stay on the "
    "log scale.",
  .figure_width = 1280, .figure_height = 960,
};

/* ----------------------------------------------------------------------
 * Data sets
 * ---------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  gmm *truth;
  gmm *start;       /* a poor initialisation: EM has work to do */
  gsl_matrix *x;    /* n x d */
} em_case;

static void
set_comp (gmm * g, size_t j, double w, const double *mu, const double *sigma)
{
  gsl_vector_const_view m = gsl_vector_const_view_array (mu, g->d);
  gsl_matrix_const_view s = gsl_matrix_const_view_array (sigma, g->d, g->d);
  if (gmm_set_component (g, j, w, &m.vector, &s.matrix) != GSL_SUCCESS)
    die_internal ("a fixed covariance is not positive definite");
}

static void
draw_data (const gsl_rng * r, em_case * c, size_t n)
{
  c->x = gsl_matrix_alloc (n, c->truth->d);
  for (size_t i = 0; i < n; i++)
    {
      gsl_vector_view xi = gsl_matrix_row (c->x, i);
      gmm_sample (r, c->truth, &xi.vector);
    }
}

/* 1-D: weights 1/2, 3/10, 1/5; means -3, 0.5, 4 (times `separation`);
   variances 1, 1/4, 1/2. */
static void
case_1d (harness * h, em_case * c, size_t n)
{
  double sep = harness_param (h, "separation");
  const double w[] = { 0.5, 0.3, 0.2 }, mu[] = { -3, 0.5, 4 };
  const double var[] = { 1.0, 0.25, 0.5 };
  c->name = "1-D";
  c->truth = gmm_alloc (3, 1);
  c->start = gmm_alloc (3, 1);
  for (size_t j = 0; j < 3; j++)
    {
      double m = sep * mu[j], m0 = (double) j - 1.0, v0 = 4.0;
      set_comp (c->truth, j, w[j], &m, &var[j]);
      set_comp (c->start, j, 3.0 - (double) j, &m0, &v0);
    }
  gmm_normalise_weights (c->truth);
  gmm_normalise_weights (c->start);
  draw_data (harness_rng (h), c, n);
}

/* 2-D: three correlated components. */
static void
case_2d (harness * h, em_case * c, size_t n)
{
  double sep = harness_param (h, "separation");
  const double w[] = { 0.45, 0.35, 0.2 };
  const double mu[3][2] = { {-2.5, 0}, {2, 1.5}, {0.5, -2.5} };
  const double sig[3][4] = { {1.0, 0.6, 0.6, 0.8}, {0.6, -0.3, -0.3, 1.2},
  {0.5, 0.0, 0.0, 0.3}
  };
  const double s0[4] = { 4, 0, 0, 4 };
  c->name = "2-D";
  c->truth = gmm_alloc (3, 2);
  c->start = gmm_alloc (3, 2);
  for (size_t j = 0; j < 3; j++)
    {
      double m[2] = { sep * mu[j][0], sep * mu[j][1] };
      double m0[2] = { 0.4 * cos (2.1 * (double) j), 0.4 * sin (2.1 * (double) j) };
      set_comp (c->truth, j, w[j], m, sig[j]);
      set_comp (c->start, j, 3.0 - (double) j, m0, s0);
    }
  gmm_normalise_weights (c->truth);
  gmm_normalise_weights (c->start);
  draw_data (harness_rng (h), c, n);
}

static void
case_free (em_case * c)
{
  gmm_free (c->truth);
  gmm_free (c->start);
  gsl_matrix_free (c->x);
}

/* ----------------------------------------------------------------------
 * Ground truth for one point: Bayes' rule from GSL's own densities
 * ---------------------------------------------------------------------- */

/* log p(z|x) into LOGR (length k); returns log p(x).  Densities from GSL,
   not from mvn.c, and summed directly (the points used are not in a far
   tail, so nothing underflows). */
static double
direct_log_posterior (const gmm * g, const gsl_vector * x, double *logr)
{
  double joint[16], px = 0.0;
  gsl_vector *work = gsl_vector_alloc (g->d);
  for (size_t z = 0; z < g->k; z++)
    {
      const mvn *c = g->comp[z];
      double pdf;
      if (g->d == 1)
        pdf = gsl_ran_gaussian_pdf (gsl_vector_get (x, 0) - gsl_vector_get (c->mu, 0),
                                    sqrt (gsl_matrix_get (c->sigma, 0, 0)));
      else
        gsl_ran_multivariate_gaussian_pdf (x, c->mu, c->chol, &pdf, work);
      joint[z] = g->weights[z] * pdf;
      px += joint[z];
    }
  for (size_t z = 0; z < g->k; z++)
    logr[z] = log (joint[z] / px);
  gsl_vector_free (work);
  return log (px);
}

/* KL(q || r) for discrete q and log r, summed directly; 0 log 0 = 0. */
static double
discrete_kl (const double *q, const double *logr, size_t k)
{
  double s = 0.0;
  for (size_t z = 0; z < k; z++)
    if (q[z] > 0)
      s += q[z] * (log (q[z]) - logr[z]);
  return s;
}

/* ----------------------------------------------------------------------
 * The seed's lines for one point x, as written.  LJ[z] = log p(z, x),
 * LPX = log p(x).  SIZE collects the magnitude of the terms.
 * ---------------------------------------------------------------------- */

/* Lemma 1, right side: log p(x) - Σ q log p(z,x)/q. */
static double
lemma1_rhs (const harness * h, const double *q, const double *lj, double lpx,
            size_t k)
{
  double s = 0.0;
  for (size_t z = 0; z < k; z++)
    if (q[z] > 0)
      {
        double ratio = exp (lj[z]) / q[z];
        if (mutant (h, "lemma1_ratio_inverted"))
          ratio = 1.0 / ratio;
        s += q[z] * log (ratio);
      }
  return lpx - s;
}

/* Proof, second expression: Σ q log q p(x)/p(z,x). */
static double
lemma1_step_a (const harness * h, const double *q, const double *lj,
               double lpx, size_t k)
{
  double px = mutant (h, "step_a_px_dropped") ? 1.0 : exp (lpx);
  double s = 0.0;
  for (size_t z = 0; z < k; z++)
    if (q[z] > 0)
      s += q[z] * log (q[z] * px / exp (lj[z]));
  return s;
}

/* Proof, third expression: Σ q log p(x) - Σ q log p(z,x)/q. */
static double
lemma1_step_b (const harness * h, const double *q, const double *lj,
               double lpx, size_t k)
{
  double a = 0.0, b = 0.0;
  for (size_t z = 0; z < k; z++)
    if (q[z] > 0)
      {
        a += q[z] * lpx;
        b += q[z] * log (exp (lj[z]) / q[z]);
      }
  return mutant (h, "step_b_sign") ? a + b : a - b;
}

/* F for one point, line 33: Σ q log p_θ(x,z) - Σ q log q. */
static double
F_point (const harness * h, const double *q, const double *lj, size_t k,
         double *size)
{
  double e = 0.0, ent = 0.0, sz = 0.0;
  for (size_t z = 0; z < k; z++)
    if (q[z] > 0)
      {
        e += q[z] * lj[z];
        ent -= q[z] * log (q[z]);
        sz += q[z] * (fabs (lj[z]) + fabs (log (q[z])));
      }
  if (mutant (h, "F_entropy_sign"))
    ent = -ent;
  if (mutant (h, "F_entropy_doubled"))
    ent *= 2;
  if (size)
    *size += sz;
  return e + ent;
}

/* Line 35, middle: Σ q log p(z,x)/q. */
static double
F_line35 (const harness * h, const double *q, const double *lj, size_t k)
{
  double s = 0.0;
  for (size_t z = 0; z < k; z++)
    if (q[z] > 0)
      s += q[z] * log (mutant (h, "line35_q_dropped") ? exp (lj[z])
                       : exp (lj[z]) / q[z]);
  return s;
}

/* Rounding bound for a sum of N_TERMS terms of total magnitude SIZE, each
   computed to a few ulps (recursive summation: Higham 4.2). */
static double
sum_rounding (double size, double n_terms)
{
  return (n_terms + 8.0) * DBL_EPSILON * size;
}

/* ----------------------------------------------------------------------
 * Data-set level: F, Q, log-likelihood, the E-step and the M-step
 * ---------------------------------------------------------------------- */

typedef struct
{
  double value, bound;
} bounded;

/* F(θ, q) = Σ_i F_point for the data set; q is n x k. */
static bounded
F_data (const harness * h, const gmm * g, const gsl_matrix * x,
        const gsl_matrix * q)
{
  gsl_vector *work = gsl_vector_alloc (g->d);
  double lj[16], f = 0.0, size = 0.0;
  for (size_t i = 0; i < x->size1; i++)
    {
      gsl_vector_const_view xi = gsl_matrix_const_row (x, i);
      gmm_log_joint (g, &xi.vector, work, lj);
      f += F_point (h, gsl_matrix_const_ptr (q, i, 0), lj, g->k, &size);
    }
  gsl_vector_free (work);
  bounded b = { f, sum_rounding (size, 2.0 * (double) (x->size1 * g->k)) };
  return b;
}

/* log p(x|θ) = Σ_i log p(x_i|θ) with its rounding bound. */
static bounded
loglik_data (const gmm * g, const gsl_matrix * x)
{
  gsl_vector *work = gsl_vector_alloc (g->d);
  double ll = 0.0, size = 0.0;
  for (size_t i = 0; i < x->size1; i++)
    {
      gsl_vector_const_view xi = gsl_matrix_const_row (x, i);
      double li = gmm_log_pdf (g, &xi.vector, work);
      ll += li;
      size += fabs (li);
    }
  gsl_vector_free (work);
  bounded b = { ll, sum_rounding (size, (double) x->size1 + (double) g->k) };
  return b;
}

/* The E-step as line 37 states it: q(z) <- p(z|x), row by row. */
static void
e_step_under_test (const harness * h, const gmm * g, const gsl_matrix * x,
                   gsl_matrix * q)
{
  gsl_vector *work = gsl_vector_alloc (g->d);
  double lj[16];
  for (size_t i = 0; i < x->size1; i++)
    {
      gsl_vector_const_view xi = gsl_matrix_const_row (x, i);
      gmm_log_joint (g, &xi.vector, work, lj);
      for (size_t z = 0; z < g->k; z++)
        {
          if (mutant (h, "estep_no_prior"))
            lj[z] -= log (g->weights[z]);
          if (mutant (h, "estep_tempered"))
            lj[z] *= 0.9;
        }
      double lse = log_sum_exp (lj, g->k);
      for (size_t z = 0; z < g->k; z++)
        gsl_matrix_set (q, i, z, exp (lj[z] - lse));
    }
  gsl_vector_free (work);
}

/* The closed-form maximiser of Q(θ|θ^t) (Bishop 9.24-9.26, lib/gmm.c),
   with the mutants switched in after it.  Returns GSL_EDOM if a component
   lost its data or its covariance (EM broke down). */
static int
m_step_under_test (const harness * h, gmm * g, const gsl_matrix * x,
                   const gsl_matrix * q)
{
  size_t k = g->k, d = g->d;
  gmm *old = gmm_alloc (k, d);
  gmm_memcpy (old, g);
  int status = gmm_m_step (g, x, q, 0.0);
  gsl_vector *mu = gsl_vector_alloc (d);
  gsl_matrix *sigma = gsl_matrix_alloc (d, d);
  for (size_t j = 0; j < k && status == GSL_SUCCESS; j++)
    {
      double nj = g->weights[j] * (double) x->size1, w = g->weights[j];
      gsl_vector_memcpy (mu, g->comp[j]->mu);
      gsl_matrix_memcpy (sigma, g->comp[j]->sigma);
      if (mutant (h, "mstep_var_unbiased"))
        gsl_matrix_scale (sigma, nj / (nj - 1.0));
      if (mutant (h, "mstep_cov_diagonal"))
        for (size_t a = 0; a < d; a++)
          for (size_t b = 0; b < d; b++)
            if (a != b)
              gsl_matrix_set (sigma, a, b, 0.0);
      if (mutant (h, "mstep_weights_smoothed"))
        w = 0.9 * w + 0.1 / (double) k;
      if (mutant (h, "mstep_mean_overshoot"))
        {
          gsl_vector_sub (mu, old->comp[j]->mu);
          gsl_vector_scale (mu, 2.5);
          gsl_vector_add (mu, old->comp[j]->mu);
        }
      status = gmm_set_component (g, j, w, mu, sigma);
    }
  if (status == GSL_SUCCESS)
    gmm_normalise_weights (g);
  gsl_matrix_free (sigma);
  gsl_vector_free (mu);
  gmm_free (old);
  return status;
}

/* ----------------------------------------------------------------------
 * θ as an unconstrained vector: logits η_j = log w_j - log w_K (j < K),
 * means, and the Cholesky factor L of each Σ with log L_aa on its diagonal.
 * ---------------------------------------------------------------------- */

static size_t
theta_size (size_t k, size_t d)
{
  return (k - 1) + k * d + k * d * (d + 1) / 2;
}

static void
theta_pack (const gmm * g, gsl_vector * p)
{
  size_t k = g->k, d = g->d, at = 0;
  for (size_t j = 0; j + 1 < k; j++)
    gsl_vector_set (p, at++, log (g->weights[j]) - log (g->weights[k - 1]));
  for (size_t j = 0; j < k; j++)
    {
      const mvn *c = g->comp[j];
      for (size_t a = 0; a < d; a++)
        gsl_vector_set (p, at++, gsl_vector_get (c->mu, a));
      for (size_t a = 0; a < d; a++)
        for (size_t b = 0; b <= a; b++)
          {
            double l = gsl_matrix_get (c->chol, a, b);
            gsl_vector_set (p, at++, a == b ? log (l) : l);
          }
    }
}

/* Returns GSL_EDOM if a covariance is not SPD in floating point. */
static int
theta_unpack (const gsl_vector * p, gmm * g)
{
  size_t k = g->k, d = g->d, at = 0;
  double eta[16], w[16];
  for (size_t j = 0; j + 1 < k; j++)
    eta[j] = gsl_vector_get (p, at++);
  eta[k - 1] = 0.0;
  double lse = log_sum_exp (eta, k);
  for (size_t j = 0; j < k; j++)
    w[j] = exp (eta[j] - lse);
  gsl_vector *mu = gsl_vector_alloc (d);
  gsl_matrix *l = gsl_matrix_calloc (d, d), *sigma = gsl_matrix_alloc (d, d);
  int status = GSL_SUCCESS;
  for (size_t j = 0; j < k && status == GSL_SUCCESS; j++)
    {
      for (size_t a = 0; a < d; a++)
        gsl_vector_set (mu, a, gsl_vector_get (p, at++));
      for (size_t a = 0; a < d; a++)
        for (size_t b = 0; b <= a; b++)
          {
            double v = gsl_vector_get (p, at++);
            gsl_matrix_set (l, a, b, a == b ? exp (v) : v);
          }
      /* compute: sigma = L L^T, exactly symmetric */
      for (size_t a = 0; a < d; a++)
        for (size_t b = 0; b <= a; b++)
          {
            double s = 0.0;
            for (size_t c = 0; c <= b; c++)
              s += gsl_matrix_get (l, a, c) * gsl_matrix_get (l, b, c);
            gsl_matrix_set (sigma, a, b, s);
            gsl_matrix_set (sigma, b, a, s);
          }
      status = gmm_set_component (g, j, w[j], mu, sigma);
    }
  gsl_matrix_free (sigma);
  gsl_matrix_free (l);
  gsl_vector_free (mu);
  return status;
}

/* ----------------------------------------------------------------------
 * The M-step by a generic optimiser: BFGS on -F(θ, q^t) / n
 * ---------------------------------------------------------------------- */

typedef struct
{
  const harness *h;
  gmm *g;                    /* scratch mixture for unpacked θ */
  const gsl_matrix *x, *q;
} mstep_problem;

static double
neg_F_theta (const gsl_vector * p, void *params)
{
  mstep_problem *m = params;
  if (theta_unpack (p, m->g) != GSL_SUCCESS)
    return GSL_POSINF;
  return -F_data (m->h, m->g, m->x, m->q).value / (double) m->x->size1;
}

/* The gradient of F in θ: for the logits N_j - n w_j; for a mean
   Σ^-1 Σ_i q_ij (x_i - μ_j); for L, 2 G L with G = dF/dΣ =
   ½(Σ^-1 S Σ^-1 - N_j Σ^-1), S = Σ_i q_ij (x_i - μ_j)(x_i - μ_j)^T, and
   a factor L_aa on the log-diagonal (chain rule). */
static void
neg_F_theta_grad (const gsl_vector * p, void *params, gsl_vector * grad)
{
  mstep_problem *m = params;
  gmm *g = m->g;
  size_t k = g->k, d = g->d, n = m->x->size1, at = 0;
  theta_unpack (p, g);
  gsl_matrix *inv = gsl_matrix_alloc (d, d), *s = gsl_matrix_alloc (d, d);
  gsl_matrix *gm = gsl_matrix_alloc (d, d), *tmp = gsl_matrix_alloc (d, d);
  gsl_matrix *dl = gsl_matrix_alloc (d, d);
  gsl_vector *dev = gsl_vector_alloc (d), *sum = gsl_vector_alloc (d);
  gsl_vector *dmu = gsl_vector_alloc (d);
  for (size_t j = 0; j + 1 < k; j++)
    {
      double nj = 0.0;
      for (size_t i = 0; i < n; i++)
        nj += gsl_matrix_get (m->q, i, j);
      gsl_vector_set (grad, at++, nj - (double) n * g->weights[j]);
    }
  for (size_t j = 0; j < k; j++)
    {
      const mvn *c = g->comp[j];
      double nj = 0.0;
      gsl_vector_set_zero (sum);
      gsl_matrix_set_zero (s);
      for (size_t i = 0; i < n; i++)
        {
          double qij = gsl_matrix_get (m->q, i, j);
          gsl_vector_const_view xi = gsl_matrix_const_row (m->x, i);
          gsl_vector_memcpy (dev, &xi.vector);
          gsl_vector_sub (dev, c->mu);
          nj += qij;
          gsl_blas_daxpy (qij, dev, sum);
          gsl_blas_dger (qij, dev, dev, s);
        }
      matrix_inverse (c->sigma, inv);
      gsl_blas_dgemv (CblasNoTrans, 1.0, inv, sum, 0.0, dmu);
      for (size_t a = 0; a < d; a++)
        gsl_vector_set (grad, at++, gsl_vector_get (dmu, a));
      /* compute: G = ½ (Σ^-1 S Σ^-1 - N Σ^-1), dL = 2 G L */
      gsl_blas_dgemm (CblasNoTrans, CblasNoTrans, 1.0, inv, s, 0.0, tmp);
      gsl_blas_dgemm (CblasNoTrans, CblasNoTrans, 0.5, tmp, inv, 0.0, gm);
      gsl_matrix_scale (inv, 0.5 * nj);
      gsl_matrix_sub (gm, inv);
      gsl_blas_dgemm (CblasNoTrans, CblasNoTrans, 2.0, gm, c->chol, 0.0, dl);
      for (size_t a = 0; a < d; a++)
        for (size_t b = 0; b <= a; b++)
          {
            double v = gsl_matrix_get (dl, a, b);
            if (a == b)
              v *= gsl_matrix_get (c->chol, a, a);
            gsl_vector_set (grad, at++, v);
          }
    }
  gsl_vector_scale (grad, -1.0 / (double) n);
  gsl_vector_free (dmu);
  gsl_vector_free (sum);
  gsl_vector_free (dev);
  gsl_matrix_free (dl);
  gsl_matrix_free (tmp);
  gsl_matrix_free (gm);
  gsl_matrix_free (s);
  gsl_matrix_free (inv);
}

/* The smallest eigenvalue of the Hessian of an objective with gradient
   GRAD at P, by central differences of the analytic gradient (step 1e-5:
   the difference error, O(h^2) relative, is far below the factor 2 that the
   tolerance built from it carries). */
static double
hessian_min_eigenvalue (minnd_grad grad, void *params, const gsl_vector * p)
{
  size_t n = p->size;
  const double step = 1e-5;
  gsl_matrix *hess = gsl_matrix_alloc (n, n);
  gsl_vector *y = gsl_vector_alloc (n), *gp = gsl_vector_alloc (n);
  gsl_vector *gmi = gsl_vector_alloc (n), *eval = gsl_vector_alloc (n);
  for (size_t j = 0; j < n; j++)
    {
      gsl_vector_memcpy (y, p);
      gsl_vector_set (y, j, gsl_vector_get (p, j) + step);
      grad (y, params, gp);
      gsl_vector_set (y, j, gsl_vector_get (p, j) - step);
      grad (y, params, gmi);
      for (size_t i = 0; i < n; i++)
        gsl_matrix_set (hess, i, j, (gsl_vector_get (gp, i)
                                     - gsl_vector_get (gmi, i)) / (2 * step));
    }
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < i; j++)
      {
        double v = 0.5 * (gsl_matrix_get (hess, i, j) + gsl_matrix_get (hess, j, i));
        gsl_matrix_set (hess, i, j, v);
        gsl_matrix_set (hess, j, i, v);
      }
  gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc (n);
  gsl_eigen_symm (hess, eval, w);
  double lmin = gsl_vector_min (eval);
  gsl_eigen_symm_free (w);
  gsl_vector_free (eval);
  gsl_vector_free (gmi);
  gsl_vector_free (gp);
  gsl_vector_free (y);
  gsl_matrix_free (hess);
  return lmin;
}

/* Near a minimum with Hessian eigenvalues >= LMIN, |θ - θ*| <= |g| / LMIN
   to first order; a factor 2 covers the higher-order terms.  NaN when the
   optimiser did not converge or the curvature is not positive, so that the
   check fails rather than passing on an unreliable bound. */
static double
optimum_tolerance (const minnd_result * r, double lmin)
{
  if (!r->converged || !(lmin > 0))
    return GSL_NAN;
  return 2.0 * r->size / lmin;
}

/* One M-step compared: BFGS on F(·, q^t) from θ^t against the closed form. */
static void
compare_m_step (harness * h, const char *id, const gmm * g_t,
                const gsl_matrix * x, const gsl_matrix * q)
{
  size_t np = theta_size (g_t->k, g_t->d);
  gmm *closed = gmm_alloc (g_t->k, g_t->d), *scratch = gmm_alloc (g_t->k, g_t->d);
  gmm_memcpy (closed, g_t);
  if (m_step_under_test (h, closed, x, q) != GSL_SUCCESS)
    die_runtime ("the closed-form M-step broke down at a probe iteration");
  gsl_vector *p0 = gsl_vector_alloc (np), *pc = gsl_vector_alloc (np);
  theta_pack (g_t, p0);
  theta_pack (closed, pc);
  mstep_problem m = { h, scratch, x, q };
  minnd_result r = minimize_nd_grad (neg_F_theta, neg_F_theta_grad, &m, p0,
                                     0.05, 1e-6, 5000);
  double tol = optimum_tolerance (&r, hessian_min_eigenvalue (neg_F_theta_grad,
                                                               &m, r.x));
  for (size_t i = 0; i < np; i++)
    {
      double c = gsl_vector_get (pc, i);
      check_point (h, id, est_opt (r.converged ? gsl_vector_get (r.x, i) : GSL_NAN, tol),
                   est_exact (c, sum_rounding (fabs (c), (double) x->size1)));
    }
  minimize_result_free (&r);
  gsl_vector_free (pc);
  gsl_vector_free (p0);
  gmm_free (scratch);
  gmm_free (closed);
}

/* ----------------------------------------------------------------------
 * The E-step by a generic optimiser: BFGS over q = softmax(η), η_K = 0
 * ---------------------------------------------------------------------- */

typedef struct
{
  const harness *h;
  const double *lj;
  size_t k;
} estep_problem;

static void
softmax_last_zero (const gsl_vector * eta, size_t k, double *q)
{
  double e[16];
  for (size_t z = 0; z + 1 < k; z++)
    e[z] = gsl_vector_get (eta, z);
  e[k - 1] = 0.0;
  double lse = log_sum_exp (e, k);
  for (size_t z = 0; z < k; z++)
    q[z] = exp (e[z] - lse);
}

static double
neg_F_q (const gsl_vector * eta, void *params)
{
  estep_problem *e = params;
  double q[16];
  softmax_last_zero (eta, e->k, q);
  return -F_point (e->h, q, e->lj, e->k, NULL);
}

/* dF/dη_j = q_j (b_j - Σ_z q_z b_z), b_z = log p(x,z) - log q_z. */
static void
neg_F_q_grad (const gsl_vector * eta, void *params, gsl_vector * grad)
{
  estep_problem *e = params;
  double q[16], mean_b = 0.0;
  softmax_last_zero (eta, e->k, q);
  for (size_t z = 0; z < e->k; z++)
    mean_b += q[z] * (e->lj[z] - log (q[z]));
  for (size_t j = 0; j + 1 < e->k; j++)
    gsl_vector_set (grad, j, -q[j] * (e->lj[j] - log (q[j]) - mean_b));
}

/* Maximise F(θ, ·) at point X from the uniform q; compare with the E-step. */
static void
compare_e_step (harness * h, const gmm * g, const gsl_vector * x,
                const double *q_estep)
{
  size_t k = g->k;
  double lj[16], q[16];
  gsl_vector *work = gsl_vector_alloc (g->d), *eta0 = gsl_vector_calloc (k - 1);
  gmm_log_joint (g, x, work, lj);
  estep_problem e = { h, lj, k };
  minnd_result r = minimize_nd_grad (neg_F_q, neg_F_q_grad, &e, eta0, 0.1,
                                     1e-6, 2000);
  softmax_last_zero (r.x, k, q);
  /* The Hessian of -F in η at the optimum is the softmax Fisher matrix
     diag(q) - q q^T (first K-1 coordinates), which is also the Jacobian of
     q_1..q_{K-1} in η: to first order q - q* = H (η - η*) = ∇, so
     |q_j - q_j*| <= |∇| for j < K and <= sqrt(K-1) |∇| for q_K = 1 - Σ q_j;
     a factor 2 covers the higher-order terms. */
  double tol = r.converged ? 2.0 * sqrt ((double) k - 1.0) * r.size : GSL_NAN;
  for (size_t z = 0; z < k; z++)
    check_point (h, "s000_estep_argmax", est_opt (q[z], tol),
                 est_exact (q_estep[z], 8 * DBL_EPSILON));
  minimize_result_free (&r);
  gsl_vector_free (eta0);
  gsl_vector_free (work);
}

/* The E-step against the maximiser of F(θ, ·) on a grid of points (every
   0.5 over [-5, 6] in 1-D, every 1 over [-4, 4]^2 in 2-D) where every
   posterior exceeds 1e-2.  F is flat along the logit of a component with
   posterior q_j (curvature ~ q_j), so a gradient-based optimiser places a
   tiny q_j only to within |∇|/q_j in the logit; the test uses EM's starting
   mixture, whose broad components overlap everywhere (line 37 holds for any
   θ). */
static void
estep_argmax_checks (harness * h, const gmm * g)
{
  size_t k = g->k, d = g->d, used = 0;
  double logr[16];
  gsl_vector *x = gsl_vector_alloc (d);
  gsl_matrix *q = gsl_matrix_alloc (1, k);
  int side = d == 1 ? 23 : 9;
  size_t total = d == 1 ? (size_t) side : (size_t) (side * side);
  for (size_t idx = 0; idx < total && used < 20; idx++)
    {
      if (d == 1)
        gsl_vector_set (x, 0, -5.0 + 0.5 * (double) idx);
      else
        {
          gsl_vector_set (x, 0, -4.0 + (double) (idx % (size_t) side));
          gsl_vector_set (x, 1, -4.0 + (double) (idx / (size_t) side));
        }
      direct_log_posterior (g, x, logr);
      double lmin = logr[0];
      for (size_t z = 1; z < k; z++)
        lmin = fmin (lmin, logr[z]);
      if (!(lmin > log (1e-2)))
        continue;
      gsl_matrix_view xm = gsl_matrix_view_array (x->data, 1, d);
      e_step_under_test (h, g, &xm.matrix, q);
      compare_e_step (h, g, x, q->data);
      used++;
    }
  gsl_matrix_free (q);
  gsl_vector_free (x);
}

/* ----------------------------------------------------------------------
 * Per-point checks: Lemma 1, its proof, F, F <= log p(x), the E-step
 * ---------------------------------------------------------------------- */

static void
point_checks (harness * h, const gmm * g, const gsl_matrix * x, size_t n_points)
{
  gsl_rng *r = harness_rng (h);
  size_t k = g->k;
  double lj[16], logr[16], q[16], dir[16], alpha[16];
  gsl_vector *work = gsl_vector_alloc (g->d);
  for (size_t z = 0; z < k; z++)
    alpha[z] = 1.0;
  for (size_t i = 0; i < n_points && i < x->size1; i++)
    {
      gsl_vector_const_view xi = gsl_matrix_const_row (x, i);
      double lpx = gmm_log_joint (g, &xi.vector, work, lj);
      double lpx_direct = direct_log_posterior (g, &xi.vector, logr);
      gsl_ran_dirichlet (r, k, alpha, q);

      double kl = discrete_kl (q, logr, k);
      double size = fabs (lpx) + kl, dummy = 0.0;
      for (size_t z = 0; z < k; z++)
        size += q[z] * (fabs (lj[z]) + fabs (log (q[z])) + fabs (logr[z]));
      double b = sum_rounding (size, 4.0 * (double) k);
      estimate truth_kl = est_exact (kl, b);
      estimate truth_f = est_exact (lpx_direct - kl, b);

      check_point (h, "s000_lemma1", est_exact (lemma1_rhs (h, q, lj, lpx, k), b), truth_kl);
      check_point (h, "s000_lemma1_step_a",
                   est_exact (lemma1_step_a (h, q, lj, lpx, k), b), truth_kl);
      check_point (h, "s000_lemma1_step_b",
                   est_exact (lemma1_step_b (h, q, lj, lpx, k), b), truth_kl);
      check_point (h, "s000_F_line33", est_exact (F_point (h, q, lj, k, &dummy), b), truth_f);
      check_point (h, "s000_F_line35", est_exact (F_line35 (h, q, lj, k), b), truth_f);

      /* F <= log p(x) for q near the posterior: half posterior, half random */
      for (size_t z = 0; z < k; z++)
        dir[z] = 0.5 * exp (logr[z]) + 0.5 * q[z];
      check_point (h, "F_le_loglik", est_exact (F_point (h, dir, lj, k, &dummy), b),
                   est_exact (lpx_direct, b));
    }
  gsl_vector_free (work);
}

/* ----------------------------------------------------------------------
 * Line 41: F(θ, q^t) - Q(θ|θ^t) against the H the seed writes
 * ---------------------------------------------------------------------- */

/* H(p_θ^t(x|z)) read as the conditional entropy H(X|Z) under θ^t:
   Σ_z w_z H(N(μ_z, Σ_z)). */
static double
conditional_entropy_x_given_z (const gmm * g)
{
  double s = 0.0;
  for (size_t z = 0; z < g->k; z++)
    s += g->weights[z] * mvn_entropy (g->comp[z]);
  return s;
}

static void
line41_checks (harness * h, const gmm * g_t, const gmm * theta,
               const gsl_matrix * x, const gsl_matrix * q_t, size_t n_points)
{
  size_t k = g_t->k;
  double lj[16], dummy = 0.0;
  gsl_vector *work = gsl_vector_alloc (g_t->d);
  double h_xz = conditional_entropy_x_given_z (g_t);
  for (size_t i = 0; i < n_points && i < x->size1; i++)
    {
      gsl_vector_const_view xi = gsl_matrix_const_row (x, i);
      const double *q = gsl_matrix_const_ptr (q_t, i, 0);
      gmm_log_joint (theta, &xi.vector, work, lj);
      double f = F_point (h, q, lj, k, &dummy);
      double qv = 0.0, hq = 0.0, hq_w = 0.0, size = fabs (h_xz);
      for (size_t z = 0; z < k; z++)
        if (q[z] > 0)
          {
            qv += q[z] * lj[z];          /* Q = E_{q^t}[log p_θ(x,z)] */
            hq -= q[z] * (mutant (h, "entropy_log2") ? log2 (q[z]) : log (q[z]));
            hq_w += q[z] * mvn_entropy (g_t->comp[z]);
            size += q[z] * (fabs (lj[z]) + fabs (log (q[z])));
          }
      double b = sum_rounding (size, 4.0 * (double) k);
      check_point (h, "s000_mstep_line41", est_exact (qv + h_xz, b), est_exact (f, b));
      check_point (h, "s000_mstep_line41_qweighted", est_exact (qv + hq_w, b),
                   est_exact (f, b));
      check_point (h, "s000_mstep_line41_corrected", est_exact (qv + hq, b),
                   est_exact (f, b));
    }
  gsl_vector_free (work);
}

/* θ^t with its means moved by N(0, 0.5^2) and its weights re-drawn: the
   identity must hold at any θ, not only at EM's iterates. */
static void
random_theta (const gsl_rng * r, const gmm * g_t, gmm * out)
{
  gmm_memcpy (out, g_t);
  for (size_t j = 0; j < g_t->k; j++)
    {
      gsl_vector *mu = gsl_vector_alloc (g_t->d);
      gsl_vector_memcpy (mu, g_t->comp[j]->mu);
      for (size_t a = 0; a < g_t->d; a++)
        gsl_vector_set (mu, a, gsl_vector_get (mu, a) + gsl_ran_gaussian (r, 0.5));
      gmm_set_component (out, j, 0.2 + gsl_rng_uniform (r), mu, g_t->comp[j]->sigma);
      gsl_vector_free (mu);
    }
  gmm_normalise_weights (out);
}

/* ----------------------------------------------------------------------
 * The EM run: F at each half-step, log-likelihood, and the figure trace
 * ---------------------------------------------------------------------- */

/* The figure's data block for one run: for every iteration t the gaps
   ll* + bound - value of F after the E half-step (at t), of F after the M
   half-step (at t + 1/2) and of log p(x|θ^t), then the increments of F at
   each half-step.  ll* is the converged log-likelihood; adding its rounding
   BOUND keeps every gap positive on a log scale (smaller gaps are not
   resolved).  Non-positive increments (rounding, at convergence) are NaN. */
static void
write_trace (harness * h, const em_case * c, int iterations, const double *f_e,
             const double *f_m, const double *ll, double ll_star, double bound)
{
  sbuf *fig = harness_figure_data (h);
  double top = ll_star + bound;
  sbuf_printf (fig, "# EM, %s, n = %zu, K = %zu; ll* = %.12g, rounding bound %.3g\n"
               "# t  gap_F_E(t)  gap_F_M(t+1/2)  gap_loglik(t)  dF_E(t)  dF_M(t+1/2)\n",
               c->name, c->x->size1, c->start->k, ll_star, bound);
  for (int t = 0; t <= iterations; t++)
    {
      int in = t < iterations;
      double de = in && t > 0 ? f_e[t] - f_m[t - 1] : GSL_NAN;
      double dm = in ? f_m[t] - f_e[t] : GSL_NAN;
      sbuf_printf (fig, "%d %.10g %.10g %.10g %.10g %.10g\n", t,
                   in ? top - f_e[t] : GSL_NAN, in ? top - f_m[t] : GSL_NAN,
                   top - ll[t], de > 0 ? de : GSL_NAN, dm > 0 ? dm : GSL_NAN);
    }
  sbuf_append (fig, "\n\n");
  sbuf_printf (harness_figure_script (h), "bound_%s = %.6g\n",
               c->start->d == 1 ? "1d" : "2d", bound);
}

static int
is_probe_iteration (int t)
{
  return t == 0 || t == 1 || t == 4 || t == 15;
}

static void
run_em (harness * h, em_case * c, int iterations, const char *argmax_id)
{
  size_t n = c->x->size1, k = c->start->k, d = c->start->d;
  gmm *g = gmm_alloc (k, d), *g_prev = gmm_alloc (k, d), *other = gmm_alloc (k, d);
  gmm_memcpy (g, c->start);
  gsl_matrix *q = gsl_matrix_alloc (n, k);
  double *f_e = xcalloc ((size_t) iterations + 1, sizeof (double));
  double *f_m = xcalloc ((size_t) iterations + 1, sizeof (double));
  double *ll = xcalloc ((size_t) iterations + 1, sizeof (double));
  bounded prev_f = { GSL_NEGINF, 0 }, prev_ll = loglik_data (g, c->x);
  ll[0] = prev_ll.value;
  for (int t = 0; t < iterations; t++)
    {
      /* E half-step: q^t = p_θ^t(z|x) */
      e_step_under_test (h, g, c->x, q);
      bounded fe = F_data (h, g, c->x, q);
      f_e[t] = fe.value;
      check_point (h, "s000_estep_tight", est_exact (fe.value, fe.bound),
                   est_exact (prev_ll.value, prev_ll.bound));
      if (t > 0)
        check_point (h, "em_F_monotone", est_exact (fe.value, fe.bound),
                     est_exact (prev_f.value, prev_f.bound));
      if (is_probe_iteration (t))
        compare_m_step (h, argmax_id, g, c->x, q);

      /* M half-step: θ^{t+1} = argmax_θ Q(θ|θ^t) */
      gmm_memcpy (g_prev, g);
      if (m_step_under_test (h, g, c->x, q) != GSL_SUCCESS)
        {
          /* a component lost all its data: EM broke down, which the
             monotone log-likelihood cannot survive */
          check_point (h, "em_loglik_monotone", est_exact (GSL_NAN, 0),
                       est_exact (prev_ll.value, prev_ll.bound));
          iterations = t;
          break;
        }
      bounded fm = F_data (h, g, c->x, q);
      f_m[t] = fm.value;
      check_point (h, "em_F_monotone", est_exact (fm.value, fm.bound),
                   est_exact (fe.value, fe.bound));
      bounded next_ll = loglik_data (g, c->x);
      ll[t + 1] = next_ll.value;
      check_point (h, "em_loglik_monotone", est_exact (next_ll.value, next_ll.bound),
                   est_exact (prev_ll.value, prev_ll.bound));
      check_point (h, "F_le_loglik", est_exact (fm.value, fm.bound),
                   est_exact (next_ll.value, next_ll.bound));
      if (is_probe_iteration (t))
        {
          line41_checks (h, g_prev, g_prev, c->x, q, 40);
          line41_checks (h, g_prev, g, c->x, q, 40);
          random_theta (harness_rng (h), g_prev, other);
          line41_checks (h, g_prev, other, c->x, q, 40);
        }
      prev_f = fm;
      prev_ll = next_ll;
    }

  /* continue without checks until the log-likelihood stops moving, for
     the reference value ll* of the figure's gaps */
  double ll_star = prev_ll.value;
  int extra = 0;
  for (; extra < 500 && iterations > 0; extra++)
    {
      e_step_under_test (h, g, c->x, q);
      if (m_step_under_test (h, g, c->x, q) != GSL_SUCCESS)
        break;
      bounded next = loglik_data (g, c->x);
      int still = fabs (next.value - ll_star) > next.bound;
      ll_star = fmax (ll_star, next.value);
      if (!still)
        break;
    }
  write_trace (h, c, iterations, f_e, f_m, ll, ll_star, prev_ll.bound);
  sbuf_printf (harness_notes (h), "- %s: n = %zu points, %d checked iterations;"
               " log-likelihood from %.6g to %.6g (%.6g after %d more iterations,"
               " when it moved less than its rounding bound).\n", c->name, n,
               iterations, ll[0], ll[iterations], ll_star, extra);
  free (ll);
  free (f_m);
  free (f_e);
  gsl_matrix_free (q);
  gmm_free (other);
  gmm_free (g_prev);
  gmm_free (g);
}

/* ---------------------------------------------------------------------- */

static void
draw_figure (harness * h, int iterations)
{
  sbuf_printf (harness_figure_script (h), "set xrange [0:%d]\n", iterations);
  sbuf_append (harness_figure_script (h),
    "set multiplot layout 2,2 title 'EM as coordinate ascent on F(θ, q) = log p(x|θ) - KL(q || p_θ(z|x))'\n"
    "set logscale y\nset format y '10^{%L}'\n"
    "set key top right\n"
    "do for [blk=0:1] {\n"
    "  set title (blk == 0 ? '1-D, three components: gap below the converged log-likelihood ll*'"
    " : '2-D, three components: gap below ll*')\n"
    "  set xlabel 'iteration t (E half-step at t, M half-step at t + ½)'\n"
    "  set ylabel 'll* - value'\n"
    "  plot datafile index blk using 1:4 with lines ls 7 title 'log p(x|θ^t)', \\\n"
    "       '' index blk using 1:2 with points ls 1 title 'F after E-step', \\\n"
    "       '' index blk using ($1+0.5):3 with points ls 2 title 'F after M-step'\n"
    "}\n"
    "do for [blk=0:1] {\n"
    "  set title (blk == 0 ? '1-D: rise of F at each half-step' : '2-D: rise of F at each half-step')\n"
    "  set ylabel 'increase of F'\n"
    "  b = (blk == 0 ? bound_1d : bound_2d)\n"
    "  plot datafile index blk using 1:5 with points ls 1 title 'E half-step', \\\n"
    "       '' index blk using ($1+0.5):6 with points ls 2 title 'M half-step', \\\n"
    "       b with lines ls 8 title 'rounding bound of F'\n"
    "}\n"
    "unset multiplot\n");
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  long n = harness_samples (h);
  /* the per-point lines use 100 points of each set, the 2-D set has n/2;
     fewer points also let a component of EM's fit collapse */
  int iterations = (int) harness_param (h, "iterations");
  em_case c1, c2;
  case_1d (h, &c1, (size_t) n);
  case_2d (h, &c2, (size_t) n / 2);

  sbuf_append (harness_notes (h),
    "Model: Gaussian mixtures with three components, in 1-D (weights ½, 0.3, 0.2;"
    " means -3, 0.5, 4; variances 1, 0.25, 0.5) and in 2-D (correlated"
    " components); EM starts from weights ½, 1/3, 1/6, means near the origin and"
    " covariances 4I, so that it has many iterations of work. The per-point lines"
    " (Lemma 1, its proof, F) use the first 100 data points of each set under the"
    " true parameters, each with its own q drawn from a flat Dirichlet; the truth is"
    " the posterior by Bayes' rule from GSL's own densities and the KL summed"
    " directly. F ≤ log p(x) is tested per point with q half posterior and half"
    " random (where a doubled entropy would exceed the KL), and for the data set"
    " after every M-step.\n\n"
    "The E-step is compared with BFGS maximising F over q = softmax(η) at grid points"
    " where every posterior exceeds 10⁻² (under EM's broad starting mixtures; F is flat"
    " along the logit of a tiny posterior, which no gradient method then places"
    " precisely); the Hessian of -F in η at the optimum is the"
    " softmax Fisher matrix, which is also the Jacobian of q in η, so to first order"
    " q - q* equals the final gradient and the tolerance is 2·sqrt(K-1)·|∇|. The M-step is compared"
    " with BFGS maximising F(·, q^t) over θ = (logits, means, Cholesky factors with"
    " log-diagonals) from θ^t, at iterations 0, 1, 4 and 15; the tolerance is"
    " 2|∇|/λ_min with λ_min of a central-difference Hessian of the analytic"
    " gradient at the optimiser's point. F and the log-likelihood carry the"
    " worst-case rounding bound of recursive summation, (terms + 8)·ε·Σ|term|.\n\n"
    "Seed finding (line 41): the seed writes F(θ, q^t) = Q(θ|θ^t) + H(p_θ^t(x|z)),"
    " with argmax on the left. F - Q is H(q^t) = -Σ_z q^t(z) log q^t(z), the"
    " entropy of the posterior over z, a number in [0, log K] that depends on the"
    " observed x. Both numeric readings of H(p_θ^t(x|z)) fail at every point: the"
    " conditional entropy H(X|Z) = Σ_z w_z ½ log det(2πe Σ_z), which cannot"
    " depend on x at all, and the q-weighted Σ_z q^t(z) H(N(μ_z, Σ_z)), a"
    " differential entropy of x that has nothing to do with H(q^t). The seed's conclusion (line 45) is still right,"
    " because both its H and the correct one are constant in θ: the checks"
    " `s000_mstep_argmax_*` confirm argmax F(·, q^t) = argmax Q(·|θ^t).\n\n");

  point_checks (h, c1.truth, c1.x, 100);
  point_checks (h, c2.truth, c2.x, 100);
  estep_argmax_checks (h, c1.start);
  estep_argmax_checks (h, c2.start);
  run_em (h, &c1, iterations, "s000_mstep_argmax_1d");
  run_em (h, &c2, iterations, "s000_mstep_argmax_2d");

  const char *pts = "the first 100 data points of each set (1-D and 2-D), a random q each";
  check_close (h, "s000_lemma1", "%s", pts);
  check_close (h, "s000_lemma1_step_a", "%s", pts);
  check_close (h, "s000_lemma1_step_b", "%s", pts);
  check_close (h, "s000_F_line33", "%s", pts);
  check_close (h, "s000_F_line35", "%s", pts);
  check_close (h, "F_le_loglik", "%s; and the data set after every M-step", pts);
  check_close (h, "s000_estep_tight", "every EM iteration, both data sets");
  check_close (h, "s000_estep_argmax", "up to 20 grid points per dimension where every posterior exceeds 1e-2, EM's starting mixtures; BFGS on softmax logits");
  const char *l41 = "40 points at iterations 0, 1, 4, 15 of both runs; θ = θ^t, θ^{t+1} and a random θ";
  check_close (h, "s000_mstep_line41", "%s", l41);
  check_close (h, "s000_mstep_line41_qweighted", "%s", l41);
  check_close (h, "s000_mstep_line41_corrected", "%s", l41);
  check_close (h, "s000_mstep_argmax_1d", "every coordinate of θ at iterations 0, 1, 4, 15");
  check_close (h, "s000_mstep_argmax_2d", "every coordinate of θ at iterations 0, 1, 4, 15");
  check_close (h, "em_F_monotone", "every half-step of both runs");
  check_close (h, "em_loglik_monotone", "every iteration of both runs");
  draw_figure (h, iterations);
  case_free (&c1);
  case_free (&c2);
  return harness_end (h);
}
