/* gradient_estimators.c -- score-function and reparameterization estimators
 * of the ELBO gradient.
 *
 * Model (seed 002 2.(a)-(c) with a learned prior; seed 001 1.1.3):
 *     z ~ r_λ = N(λ1, λ2),   x | z ~ N(w z, s² I_3),   q_φ = N(m, v),
 * a model whose ELBO, log p(x) and posterior are all Gaussian closed forms.
 * The ELBO is computed as log p(x) - KL(q || p(z|x)), log p(x) through a
 * Cholesky factor of s² I + λ2 w wᵀ (lib/mvn.c); that closed form is
 * compared with the term-by-term closed form, and its gradient (derived by
 * hand) with finite differences (lib/gradcheck.c).  The seeds' lines --
 * expectations of per-draw quantities -- are estimated by Monte Carlo with
 * their standard errors and compared with these closed forms at random
 * parameter points.
 *
 * Lines evaluated:
 *   002 2.(b)  ∇θ VLB (both steps), ∇φ VLB by the log-derivative trick,
 *              ∇λ VLB, and the final K-sample estimator line, whose φ
 *              component writes ∇φ log(z_k);
 *   002 2.(c)  item ① (Gaussian log-density expanded, its reparameterized
 *              form and its gradient), the reparameterization gradient of
 *              ∇φ VLB, and the "Redo 2.(c)" decomposition
 *              VLB = ① - ② + E[log(r_λ/q_φ)];
 *   001 1.1.3  the two ELBO lines, the "update rule" line
 *              L = E_q[log p_θ(x, z)] - KL(q || p(z)), its reparameterized
 *              value and gradient, and the analytic KL gradient. */
#include "harness.h"
#include "gradcheck.h"
#include "mvn.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static const check_spec CHECKS[] = {
  {"elbo_termwise_vs_posterior", "harness",
   "E_q[log p(x|z)] + E_q[log r(z)] + H(q) (closed forms) = log p(x) - KL(q || p(z|x)) at random points",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"exact_grad_vs_fd", "harness",
   "the hand-derived gradient of the ELBO in (m, v, w, λ1, λ2) = finite differences of log p(x) - KL(q || p(z|x)) (lib/gradcheck) at random points",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_b_theta_step", "002 2.(b) ∇θ line 2",
   "∇θ VLB = ∫ ∇θ(p_θ(X|z)) / p_θ(X|z) q_φ(z|X) dz + 0, by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_b_theta", "002 2.(b) ∇θ line 3",
   "∇θ VLB = E_{z~q_φ}[∇θ log p_θ(X|z)], by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_b_phi_score", "002 2.(b) ∇φ line",
   "∇φ VLB = E_{z~q_φ}[(∇φ log q_φ(z|X)) log(p_θ(X|z) r_λ(z) / q_φ(z|X))] (log-derivative trick), by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_b_lambda", "002 2.(b) ∇λ line",
   "∇λ VLB = E_{z~q_φ}[∇λ log r_λ(z)], by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_b_estimator_phi_literal", "002 2.(b) final line",
   "φ component of the K-sample estimator as written, (1/K) Σ_k (∇φ log(z_k)) log(p r / q)(z_k), with z_k a draw (constant in φ, so ∇φ log(z_k) = 0)",
   REL_EQ, EXPECT_SEED_ERROR,
   "(1/K) Σ_k (∇φ log q_φ(z_k|X_i)) log(p_θ(X_i|z_k) r_λ(z_k) / q_φ(z_k|X_i)): the score is that of q_φ at z_k, as in the ∇φ line above"},
  {"s002_b_estimator_k", "002 2.(b) final line",
   "the K-sample estimator (1/K) Σ_k (∇θ log p_θ(X|z_k), (∇φ log q_φ(z_k|X)) log(p r/q), ∇λ log r_λ(z_k)), K = `k`, is unbiased for the whole gradient",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_c_phi_reparam", "002 2.(c) ∇φ line",
   "∇φ VLB = ∇φ E_{Z~q_φ}[log(p r / q)] = E_ε[∇φ log(p r / q)(μ + √v ε)] (reparameterization), by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_c_item1", "002 2.(c) item ①",
   "① = -1/(2σ²) E_{Z~N(μφ,Σφ)}[‖X - f_θ(Z)‖²] - d/2 log(2πσ²), by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_c_item1_reparam", "002 2.(c) item ①",
   "① = -1/(2σ²) E_ε[‖X - f_θ(μφ + Σφ^{1/2} ε)‖²] - d/2 log(2πσ²), by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_c_item1_grad", "002 2.(c) item ①",
   "∇φ① = -1/(2σ²) E_ε[∇φ ‖X - f_θ(μφ + Σφ^{1/2} ε)‖²], by Monte Carlo, against finite differences of ①'s closed form",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s002_c_redo", "002 2.(c) Redo",
   "VLB = ① - ② + E[log(r_λ/q_φ)] with ② = D_KL(q_φ || r_λ) (① and the last term by Monte Carlo)",
   REL_EQ, EXPECT_SEED_ERROR,
   "VLB = ① - ② = E_q[log p_θ(X|Z)] - D_KL(q_φ || r_λ); E_q[log(r_λ/q_φ)] = -②, so the line as written counts the KL term twice"},
  {"s002_c_redo_bullet", "002 2.(c) Redo, item ②",
   "the same decomposition with ② as its bullet writes it, -½(tr(diag(λ2)^-1 Σφ) + (λ1-μφ)ᵀdiag(λ2)^-1(λ1-μφ) - k + log(det diag(λ2) / det Σφ))",
   REL_EQ, EXPECT_SEED_ERROR,
   "VLB = ① - D_KL(q_φ || r_λ); with the bullet's ② (= -KL) the line sums to ① alone"},
  {"s002_c_redo_first_two", "002 2.(c) Redo",
   "the first two terms alone: VLB = ① - ② with ② = D_KL(q_φ || r_λ) in closed form",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s001_113_line1", "001 1.1.3 line 1",
   "∫ q log(p_θ(x,z)/q) = E_q[log p_θ(x|z) p(z)] - ∫ q log q, by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s001_113_line2", "001 1.1.3 line 2",
   "L = E_q[log p_θ(x|z)] - KL(q_φ(z|x) || p(z)), first term by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s001_113_update", "001 1.1.3 update rule",
   "L(θ, φ; x) = E_q[log p_θ(x, z)] - KL(q_φ(z|x) || p(z)), first term by Monte Carlo",
   REL_EQ, EXPECT_SEED_ERROR,
   "L = E_q[log p_θ(x|z)] - KL(q_φ(z|x) || p(z)) = E_q[log p_θ(x, z)] + H(q_φ); with the joint inside, subtracting the KL counts log p(z) twice (the line exceeds L by E_q[log p(z)])"},
  {"s001_113_reparam_value", "001 1.1.3 update rule, line 2",
   "E_q[log p_θ(x, z)] = E_{ε~N(0,I)}[log p_θ(x, z_φ(ε))], z_φ(ε) = μ + σ ε, by Monte Carlo against the closed form",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s001_113_reparam_grad", "001 1.1.3 gradient line",
   "∇φ E_q[log p_θ(x, z)] = E_{ε~N(0,I)}[∇φ log p_θ(x, z_φ(ε))], by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s001_113_kl_grad", "001 1.1.3 last sentence",
   "KL(q_φ || p(z)) differentiated analytically: ∂m = (m - λ1)/λ2, ∂v = ½(1/λ2 - 1/v), ∂λ1 = (λ1 - m)/λ2, ∂λ2 = ½(1/λ2 - (v + (m-λ1)²)/λ2²), against finite differences",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"var_score_closed", "harness",
   "per-sample variance of the score-function estimator (∂m, ∂v): its closed form (Gaussian moments up to ε⁸) = quadrature over ε of (ĝ(ε) - G)²",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"var_reparam_closed", "harness",
   "per-sample variance of the reparameterization estimator: closed forms ∂m: b² v, ∂v: (a - b m)²/(4v) + b²/2 = quadrature over ε",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"var_score_exceeds_reparam", "harness",
   "per-sample variance at the variance point: score function >= reparameterization (∂m and ∂v), both by quadrature over ε",
   REL_GE, EXPECT_HOLDS, NULL},
  {"var_one_over_k", "harness",
   "K · Var(K-sample average) by Monte Carlo over replicates = per-sample variance (quadrature), K = 64, 256, 1024, both estimators, both components",
   REL_EQ, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"termwise_entropy_no_e", "H(q) = ½ log(2π v) instead of ½ log(2πe v)", "elbo_termwise_vs_posterior"},
  {"grad_w_no_v", "∂ELBO/∂w_j without its -w_j v / s² term", "exact_grad_vs_fd"},
  {"theta_step_no_z", "∇θ p_θ(X|z) without the factor z", "s002_b_theta_step"},
  {"theta_s_not_squared", "∇θ log p_θ(X|z) divided by s instead of s²", "s002_b_theta"},
  {"score_v_sign", "∂v log q = +1/(2v) + (z-m)²/(2v²)", "s002_b_phi_score"},
  {"lambda2_score_no_half", "∂λ2 log r = -1/λ2 + (z-λ1)²/(2λ2²)", "s002_b_lambda"},
  {"estimator_k_plus_one", "the K-sample average divided by K + 1", "s002_b_estimator_k"},
  {"reparam_dz_dv_no_half", "dz/dv = ε/√v instead of ε/(2√v)", "s002_c_phi_reparam"},
  {"item1_d_not_halved", "① with -d log(2πσ²)", "s002_c_item1"},
  {"item1_reparam_sd_is_var", "① reparameterized with Σφ in place of Σφ^{1/2}", "s002_c_item1_reparam"},
  {"item1_grad_no_half", "∇φ① with -1/σ² in place of -1/(2σ²)", "s002_c_item1_grad"},
  {"kl_missing_minus_one", "② = KL(q||r) without its -1", "s002_c_redo_first_two"},
  {"line1_log_q_unnormalised", "∫ q log q with log q missing -½ log(2πv)", "s001_113_line1"},
  {"line2_kl_swapped", "KL(p(z) || q) in place of KL(q || p(z))", "s001_113_line2"},
  {"reparam_z_var", "z_φ(ε) = μ + σ² ε", "s001_113_reparam_value"},
  {"reparam113_no_dz_dv", "∇v log p(x, z_φ(ε)) with dz/dv = 1", "s001_113_reparam_grad"},
  {"kl_grad_v_sign", "∂v KL = ½(1/v - 1/λ2)", "s001_113_kl_grad"},
  {"var_score_no_cross", "score-function variance without its C·A cross terms", "var_score_closed"},
  {"var_reparam_v_quarter", "reparameterization ∂v variance with b²/4 (Var ε² = 1)", "var_reparam_closed"},
  {"score_baseline", "score-function estimator with the exact ELBO subtracted from log(p r/q) (a baseline)", "var_score_exceeds_reparam"},
  {"batch_reuses_draws", "the K-sample average reuses each draw twice (K/2 distinct draws)", "var_one_over_k"},
};

static const param_spec PARAMS[] = {
  {"points", 100, 5, 100000, "random parameter points for the closed-form and finite-difference checks", PARAM_INTEGER},
  {"k", 8, 1, 1000, "K, the sample count of the 002 2.(b) estimator", PARAM_INTEGER},
};

static const claim CLAIM = {
  .slug = "gradient_estimators",
  .title = "Score-function and reparameterization gradients of the ELBO",
  .claim = "For q_φ = N(m, v), both ∇φ E_q[f] = E_q[(∇φ log q_φ) f] (score function, "
    "log-derivative trick) and ∇φ E_q[f] = E_ε[∇φ f(m + √v ε)] (reparameterization) "
    "are unbiased estimators of the ELBO gradient; ∇θ and ∇λ pass inside the "
    "expectation. On this model the reparameterization estimator has the smaller "
    "per-sample variance, and the variance of a K-sample average falls as 1/K.",
  .sources = "002 2.(b), 2.(c) (with the \"Redo 2.(c)\" decomposition); 001 1.1.3",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 200000, .samples_quick = 10000,
  .figure_caption = "Variance of the K-sample gradient estimators at the variance point "
    "(see Notes) against K, for ∂/∂m (left) and ∂/∂v (right): Monte Carlo "
    "estimates over replicates with ±z·SE bars (z for α = 1e-7), and the "
    "closed-form per-sample variance divided by K. Both fall as 1/K; the "
    "score-function estimator sits far above the reparameterization one.",
  .figure_width = 1280, .figure_height = 600,
};

/* ----------------------------------------------------------------------
 * The model and its closed forms
 * ---------------------------------------------------------------------- */

#define DIM 3                   /* dimension of x */
#define MC_POINTS 4             /* random points for the Monte Carlo lines */

typedef struct
{
  double x[DIM], w[DIM], s;     /* data point, decoder weights, noise sd */
  double l1, l2;                /* prior r = N(l1, l2) */
  double m, v;                  /* q = N(m, v) */
} model;

/* The gradient's coordinates. */
enum { P_M, P_V, P_W0, P_L1 = P_W0 + DIM, P_L2, N_PAR };

static const char *const PAR_NAME[N_PAR] = { "m", "v", "w0", "w1", "w2", "λ1", "λ2" };

static double
dot (const double *a, const double *b)
{
  double s = 0;
  for (int j = 0; j < DIM; j++)
    s += a[j] * b[j];
  return s;
}

/* ‖x - w z‖² */
static double
residual_sq (const model * p, double z)
{
  double s = 0;
  for (int j = 0; j < DIM; j++)
    s += (p->x[j] - p->w[j] * z) * (p->x[j] - p->w[j] * z);
  return s;
}

/* log p(x, z) as a function of z is a + ... : precision b and linear
   coefficient a of the exact posterior p(z|x) = N(a/b, 1/b). */
static double
post_precision (const model * p)
{
  return dot (p->w, p->w) / (p->s * p->s) + 1 / p->l2;
}

static double
post_linear (const model * p)
{
  return dot (p->w, p->x) / (p->s * p->s) + p->l1 / p->l2;
}

/* KL(N(m1, v1) || N(m2, v2)) */
static double
kl_normal (double m1, double v1, double m2, double v2)
{
  return 0.5 * (v1 / v2 + (m1 - m2) * (m1 - m2) / v2 - 1 + log (v2 / v1));
}

/* The ground truth: ELBO = log p(x) - KL(q || p(z|x)), with
   x ~ N(w λ1, s² I + λ2 w wᵀ).  *SIZE receives the magnitude of the terms
   (for rounding bounds). */
static double
elbo_by_posterior (const model * p, double *size)
{
  mvn *g = mvn_alloc (DIM);
  gsl_vector *mu = gsl_vector_alloc (DIM), *x = gsl_vector_alloc (DIM);
  gsl_vector *work = gsl_vector_alloc (DIM);
  gsl_matrix *sigma = gsl_matrix_alloc (DIM, DIM);
  for (int i = 0; i < DIM; i++)
    {
      gsl_vector_set (mu, i, p->w[i] * p->l1);
      gsl_vector_set (x, i, p->x[i]);
      for (int j = 0; j < DIM; j++)
        gsl_matrix_set (sigma, i, j, p->l2 * p->w[i] * p->w[j]
                        + (i == j ? p->s * p->s : 0));
    }
  if (mvn_set (g, mu, sigma) != GSL_SUCCESS)
    die_runtime ("the marginal covariance of x is not positive definite");
  double log_px = mvn_log_pdf (g, x, work);
  double b = post_precision (p), a = post_linear (p);
  double kl = kl_normal (p->m, p->v, a / b, 1 / b);
  if (size)
    *size = fabs (log_px) + DIM * log (2 * M_PI) + fabs (g->logdet)
      + p->v * b + b * (a / b - p->m) * (a / b - p->m) + 1
      + fabs (log (p->v * b));
  mvn_free (g);
  gsl_vector_free (mu);
  gsl_vector_free (x);
  gsl_vector_free (work);
  gsl_matrix_free (sigma);
  return log_px - kl;
}

/* ① = E_q[log p(x|z)] in closed form. */
static double
expected_log_lik (const model * p)
{
  double s2 = p->s * p->s;
  return -0.5 * DIM * log (2 * M_PI * s2)
    - (residual_sq (p, p->m) + dot (p->w, p->w) * p->v) / (2 * s2);
}

/* E_q[log r(z)] in closed form. */
static double
expected_log_prior (const model * p)
{
  return -0.5 * log (2 * M_PI * p->l2)
    - ((p->m - p->l1) * (p->m - p->l1) + p->v) / (2 * p->l2);
}

static double
entropy_q (const harness * h, const model * p)
{
  if (mutant (h, "termwise_entropy_no_e"))
    return 0.5 * log (2 * M_PI * p->v);
  return 0.5 * log (2 * M_PI * M_E * p->v);
}

static double
elbo_termwise (const harness * h, const model * p)
{
  return expected_log_lik (p) + expected_log_prior (p) + entropy_q (h, p);
}

/* The hand-derived gradient of the ELBO. */
static void
elbo_gradient (const harness * h, const model * p, double *g)
{
  double s2 = p->s * p->s, dm = p->m - p->l1;
  double wx_res = 0;
  for (int j = 0; j < DIM; j++)
    wx_res += p->w[j] * (p->x[j] - p->w[j] * p->m);
  g[P_M] = wx_res / s2 - dm / p->l2;
  g[P_V] = -dot (p->w, p->w) / (2 * s2) - 1 / (2 * p->l2) + 1 / (2 * p->v);
  for (int j = 0; j < DIM; j++)
    g[P_W0 + j] = ((p->x[j] - p->w[j] * p->m) * p->m
                   - (mutant (h, "grad_w_no_v") ? 0 : p->w[j] * p->v)) / s2;
  g[P_L1] = dm / p->l2;
  g[P_L2] = -1 / (2 * p->l2) + (dm * dm + p->v) / (2 * p->l2 * p->l2);
}

/* The model's parameters as a vector, for finite differences. */
static void
model_to_vector (const model * p, gsl_vector * t)
{
  gsl_vector_set (t, P_M, p->m);
  gsl_vector_set (t, P_V, p->v);
  for (int j = 0; j < DIM; j++)
    gsl_vector_set (t, P_W0 + j, p->w[j]);
  gsl_vector_set (t, P_L1, p->l1);
  gsl_vector_set (t, P_L2, p->l2);
}

static model
model_from_vector (const model * base, const gsl_vector * t)
{
  model p = *base;
  p.m = gsl_vector_get (t, P_M);
  p.v = gsl_vector_get (t, P_V);
  for (int j = 0; j < DIM; j++)
    p.w[j] = gsl_vector_get (t, P_W0 + j);
  p.l1 = gsl_vector_get (t, P_L1);
  p.l2 = gsl_vector_get (t, P_L2);
  return p;
}

static double
elbo_of_vector (const gsl_vector * t, void *params)
{
  model p = model_from_vector (params, t);
  return elbo_by_posterior (&p, NULL);
}

/* KL(q || r) closed form as the seed's "analytic" term. */
static double
kl_q_prior (const model * p)
{
  return kl_normal (p->m, p->v, p->l1, p->l2);
}

static double
kl_q_prior_of_vector (const gsl_vector * t, void *params)
{
  model p = model_from_vector (params, t);
  return kl_q_prior (&p);
}

static double
item1_of_vector (const gsl_vector * t, void *params)
{
  model p = model_from_vector (params, t);
  return expected_log_lik (&p);
}

/* 001 1.1.3: "KL distance can be computed and differentiated analytically". */
static void
kl_q_prior_gradient (const harness * h, const model * p, double *g)
{
  double dm = p->m - p->l1;
  g[P_M] = dm / p->l2;
  g[P_V] = mutant (h, "kl_grad_v_sign") ? 0.5 * (1 / p->v - 1 / p->l2)
    : 0.5 * (1 / p->l2 - 1 / p->v);
  g[P_L1] = -dm / p->l2;
  g[P_L2] = 0.5 * (1 / p->l2 - (p->v + dm * dm) / (p->l2 * p->l2));
}

/* A random point: s in [0.6, 0.8] (so s and s² differ), |w_j| in
   [0.5, 1.5], x drawn from the model, and q placed 1.5-2.5 prior standard
   deviations from the prior mean, so that KL(q || r) > 1.1. */
static model
random_model (const gsl_rng * r)
{
  model p;
  p.s = gsl_ran_flat (r, 0.6, 0.8);
  p.l1 = gsl_ran_flat (r, -1, 1);
  p.l2 = gsl_ran_flat (r, 0.5, 2);
  double z0 = p.l1 + gsl_ran_gaussian (r, sqrt (p.l2));
  for (int j = 0; j < DIM; j++)
    {
      p.w[j] = gsl_ran_flat (r, 0.5, 1.5) * (gsl_rng_uniform (r) < 0.5 ? -1 : 1);
      p.x[j] = p.w[j] * z0 + gsl_ran_gaussian (r, p.s);
    }
  double side = gsl_rng_uniform (r) < 0.5 ? -1 : 1;
  p.m = p.l1 + side * gsl_ran_flat (r, 1.5, 2.5) * sqrt (p.l2);
  p.v = gsl_ran_flat (r, 0.3, 1.0) * p.l2;
  return p;
}

/* ----------------------------------------------------------------------
 * Closed-form checks: the ELBO two ways, gradients against differences
 * ---------------------------------------------------------------------- */

static gradcheck_options
fd_options (const model * p)
{
  double size;
  elbo_by_posterior (p, &size);
  gradcheck_options o = { 1.0, 0, GRADCHECK_F_REL_ERR * size, 0 };
  return o;
}

static estimate
fd_partial (gradcheck_fn f, model * p, size_t i, const gradcheck_options * o)
{
  gsl_vector *t = gsl_vector_alloc (N_PAR);
  model_to_vector (p, t);
  gradcheck_partial d;
  if (gradcheck_partial_derivative (f, p, t, i, o, &d) != GSL_SUCCESS)
    die_runtime ("finite difference failed in coordinate %s", PAR_NAME[i]);
  gsl_vector_free (t);
  return est_exact (d.value, d.err);
}

static void
check_closed_forms (harness * h)
{
  gsl_rng *r = harness_rng (h);
  int n = (int) harness_param (h, "points");
  for (int k = 0; k < n; k++)
    {
      model p = random_model (r);
      double size, g[N_PAR], gk[N_PAR];
      double truth = elbo_by_posterior (&p, &size);
      double bound = 16 * DBL_EPSILON * size;
      check_point (h, "elbo_termwise_vs_posterior",
                   est_exact (elbo_termwise (h, &p), bound),
                   est_exact (truth, bound));
      gradcheck_options o = fd_options (&p);
      elbo_gradient (h, &p, g);
      for (size_t i = 0; i < N_PAR; i++)
        check_point (h, "exact_grad_vs_fd",
                     est_exact (g[i], 16 * DBL_EPSILON * fabs (g[i])),
                     fd_partial (elbo_of_vector, &p, i, &o));
      kl_q_prior_gradient (h, &p, gk);
      size_t kl_coords[] = { P_M, P_V, P_L1, P_L2 };
      for (size_t c = 0; c < COUNT_OF (kl_coords); c++)
        {
          size_t i = kl_coords[c];
          check_point (h, "s001_113_kl_grad",
                       est_exact (gk[i], 16 * DBL_EPSILON * fabs (gk[i])),
                       fd_partial (kl_q_prior_of_vector, &p, i, &o));
        }
    }
  const char *where = "random points (s, w, λ, x, q as in Notes)";
  check_close (h, "elbo_termwise_vs_posterior", "%d %s", n, where);
  check_close (h, "exact_grad_vs_fd", "%d %s, 7 coordinates each", n, where);
  check_close (h, "s001_113_kl_grad", "%d %s; ∂m, ∂v, ∂λ1, ∂λ2", n, where);
}

/* ----------------------------------------------------------------------
 * Per-draw quantities of the seeds' lines
 * ---------------------------------------------------------------------- */

/* The mutants of the Monte Carlo lines, looked up once per run. */
typedef struct
{
  int theta_step_no_z, theta_s_not_squared, score_v_sign,
    lambda2_score_no_half, reparam_dz_dv_no_half, item1_d_not_halved,
    item1_reparam_sd_is_var, item1_grad_no_half, line1_log_q_unnormalised,
    reparam_z_var, reparam113_no_dz_dv, score_baseline;
} mutants_on;

static mutants_on
lookup_mutants (const harness * h)
{
  mutants_on u = {
    mutant (h, "theta_step_no_z"), mutant (h, "theta_s_not_squared"),
    mutant (h, "score_v_sign"), mutant (h, "lambda2_score_no_half"),
    mutant (h, "reparam_dz_dv_no_half"), mutant (h, "item1_d_not_halved"),
    mutant (h, "item1_reparam_sd_is_var"), mutant (h, "item1_grad_no_half"),
    mutant (h, "line1_log_q_unnormalised"), mutant (h, "reparam_z_var"),
    mutant (h, "reparam113_no_dz_dv"), mutant (h, "score_baseline")
  };
  return u;
}

static double
log_lik (const model * p, double z)
{
  double s2 = p->s * p->s;
  return -0.5 * DIM * log (2 * M_PI * s2) - residual_sq (p, z) / (2 * s2);
}

static double
log_prior (const model * p, double z)
{
  return -0.5 * log (2 * M_PI * p->l2) - (z - p->l1) * (z - p->l1) / (2 * p->l2);
}

static double
log_q (const model * p, double z)
{
  return -0.5 * log (2 * M_PI * p->v) - (z - p->m) * (z - p->m) / (2 * p->v);
}

/* d/dz log p(x, z) = wᵀ(x - w z)/s² - (z - λ1)/λ2 */
static double
dlogjoint_dz (const model * p, double z)
{
  double s = 0;
  for (int j = 0; j < DIM; j++)
    s += p->w[j] * (p->x[j] - p->w[j] * z);
  return s / (p->s * p->s) - (z - p->l1) / p->l2;
}

/* One draw ε ~ N(0, 1), z = m + √v ε: every line's per-draw value. */
typedef struct
{
  double f;                     /* log(p r / q)(z) */
  double theta_step[DIM], theta[DIM];   /* 002 2.(b) ∇θ, two steps */
  double score[2], reparam[2];  /* ∇φ = (∂m, ∂v), two estimators */
  double lambda[2];             /* ∇λ = (∂λ1, ∂λ2) */
  double item1, item1_reparam, item1_grad[2];   /* 002 2.(c) ① */
  double redo;                  /* ① integrand + log(r/q) */
  double line1, log_lik, log_joint, reparam_value;   /* 001 1.1.3 */
  double reparam113[2];
} draw_terms;

/* 002 2.(b) ∇θ, first step as written: ∇θ p_θ(X|z) / p_θ(X|z), with the
   density and its derivative formed separately. */
static void
theta_step (const model * p, const mutants_on * u, double z, double *out)
{
  double dens = exp (log_lik (p, z)), s2 = p->s * p->s;
  for (int j = 0; j < DIM; j++)
    {
      double dp = dens * (p->x[j] - p->w[j] * z) * (u->theta_step_no_z ? 1 : z) / s2;
      out[j] = dp / dens;
    }
}

/* Score of q = N(m, v): (∂m, ∂v) log q(z). */
static void
score_q (const model * p, const mutants_on * u, double z, double *out)
{
  double d = z - p->m;
  out[0] = d / p->v;
  out[1] = (u->score_v_sign ? 1 : -1) / (2 * p->v) + d * d / (2 * p->v * p->v);
}

/* 002 2.(c) item ① per draw, as written with Σφ^{1/2} = √v. */
static void
item1_terms (const model * p, const mutants_on * u, double eps,
             draw_terms * t)
{
  double s2 = p->s * p->s;
  double dnorm = (u->item1_d_not_halved ? 1.0 : 0.5) * DIM * log (2 * M_PI * s2);
  double z = p->m + sqrt (p->v) * eps;
  t->item1 = -residual_sq (p, z) / (2 * s2) - dnorm;
  double zr = p->m + (u->item1_reparam_sd_is_var ? p->v : sqrt (p->v)) * eps;
  t->item1_reparam = -residual_sq (p, zr) / (2 * s2) - 0.5 * DIM * log (2 * M_PI * s2);
  /* ∇φ ‖x - w z‖² = -2 wᵀ(x - w z) ∇φ z, with ∇φ z = (1, ε/(2√v)) */
  double wr = 0;
  for (int j = 0; j < DIM; j++)
    wr += p->w[j] * (p->x[j] - p->w[j] * z);
  double c = u->item1_grad_no_half ? -1 / s2 : -1 / (2 * s2);
  t->item1_grad[0] = c * (-2 * wr);
  t->item1_grad[1] = c * (-2 * wr * eps / (2 * sqrt (p->v)));
}

/* The two estimators of ∇φ = (∂m, ∂v) at one draw ε, z = m + √v ε:
   OUT = (score ∂m, score ∂v, reparam ∂m, reparam ∂v).  F receives
   log(p r / q)(z).  BASELINE is subtracted from f in the score function
   only under mutant score_baseline. */
static void
phi_estimators (const model * p, const mutants_on * u, double eps,
                double baseline, double *out, double *f)
{
  double sd = sqrt (p->v), z = p->m + sd * eps;
  *f = log_lik (p, z) + log_prior (p, z) - log_q (p, z);
  double sc[2];
  score_q (p, u, z, sc);
  double weight = u->score_baseline ? *f - baseline : *f;
  out[0] = sc[0] * weight;
  out[1] = sc[1] * weight;
  /* reparameterization: -log q(m + √v ε) = ½ log(2πv) + ε²/2 depends on v
     only */
  double dz = dlogjoint_dz (p, z);
  double dz_dv = eps / ((u->reparam_dz_dv_no_half ? 1 : 2) * sd);
  out[2] = dz;
  out[3] = dz * dz_dv + 1 / (2 * p->v);
}

static void
evaluate_draw (const model * p, const mutants_on * u, double eps,
               double baseline, draw_terms * t)
{
  double sd = sqrt (p->v), z = p->m + sd * eps;
  double ll = log_lik (p, z), lr = log_prior (p, z), lq = log_q (p, z);
  double s2 = p->s * p->s, dz = dlogjoint_dz (p, z);
  t->f = ll + lr - lq;

  theta_step (p, u, z, t->theta_step);
  for (int j = 0; j < DIM; j++)
    t->theta[j] = (p->x[j] - p->w[j] * z) * z / (u->theta_s_not_squared ? p->s : s2);

  double est[4], f;
  phi_estimators (p, u, eps, baseline, est, &f);
  t->score[0] = est[0];
  t->score[1] = est[1];
  t->reparam[0] = est[2];
  t->reparam[1] = est[3];

  double dl = z - p->l1;
  t->lambda[0] = dl / p->l2;
  t->lambda[1] = -1 / ((u->lambda2_score_no_half ? 1 : 2) * p->l2)
    + dl * dl / (2 * p->l2 * p->l2);

  item1_terms (p, u, eps, t);
  t->redo = ll + lr - lq;       /* ① integrand + log(r/q): the same draw */

  double lq_line1 = u->line1_log_q_unnormalised ? -(z - p->m) * (z - p->m) / (2 * p->v) : lq;
  t->line1 = (ll + lr) - lq_line1;
  t->log_lik = ll;
  t->log_joint = ll + lr;
  double zr = p->m + (u->reparam_z_var ? p->v : sd) * eps;
  t->reparam_value = log_lik (p, zr) + log_prior (p, zr);
  t->reparam113[0] = dz;
  t->reparam113[1] = dz * (u->reparam113_no_dz_dv ? 1 : eps / (2 * sd));
}

/* Accumulators of every line at one point. */
typedef struct
{
  mc_acc theta_step[DIM], theta[DIM], score[2], reparam[2], lambda[2];
  mc_acc item1, item1_reparam, item1_grad[2], redo;
  mc_acc line1, log_lik, log_joint, reparam_value, reparam113[2];
} line_accs;

static void
line_accs_init (line_accs * a)
{
  mc_acc *all = (mc_acc *) a;
  for (size_t i = 0; i < sizeof *a / sizeof (mc_acc); i++)
    mc_init (&all[i]);
}

static void
line_accs_add (line_accs * a, const draw_terms * t)
{
  for (int j = 0; j < DIM; j++)
    {
      mc_add (&a->theta_step[j], t->theta_step[j]);
      mc_add (&a->theta[j], t->theta[j]);
    }
  for (int c = 0; c < 2; c++)
    {
      mc_add (&a->score[c], t->score[c]);
      mc_add (&a->reparam[c], t->reparam[c]);
      mc_add (&a->lambda[c], t->lambda[c]);
      mc_add (&a->item1_grad[c], t->item1_grad[c]);
      mc_add (&a->reparam113[c], t->reparam113[c]);
    }
  mc_add (&a->item1, t->item1);
  mc_add (&a->item1_reparam, t->item1_reparam);
  mc_add (&a->redo, t->redo);
  mc_add (&a->line1, t->line1);
  mc_add (&a->log_lik, t->log_lik);
  mc_add (&a->log_joint, t->log_joint);
  mc_add (&a->reparam_value, t->reparam_value);
}

/* An MC mean shifted by an exact term. */
static estimate
mc_plus (const mc_acc * a, double exact)
{
  return est_mc (mc_mean (a) + exact, mc_se (a));
}

static estimate
exact_value (double v)
{
  return est_exact (v, 64 * DBL_EPSILON * (fabs (v) + 10));
}

/* The bullet ② of 002 2.(c) as written (k = 1, Σφ = v, diag(λ2) = λ2). */
static double
item2_bullet (const model * p)
{
  double d = p->l1 - p->m;
  return -0.5 * (p->v / p->l2 + d * d / p->l2 - 1 + log (p->l2 / p->v));
}

static double
item2_kl (const harness * h, const model * p)
{
  double kl = kl_q_prior (p);
  return mutant (h, "kl_missing_minus_one") ? kl + 0.5 : kl;
}

/* KL(q || p(z)) as 001 1.1.3 line 2 uses it. */
static double
line2_kl (const harness * h, const model * p)
{
  if (mutant (h, "line2_kl_swapped"))
    return kl_normal (p->l1, p->l2, p->m, p->v);
  return kl_q_prior (p);
}

static void
record_point (harness * h, const model * p, const line_accs * a)
{
  double g[N_PAR];
  elbo_gradient (h, p, g);
  double elbo = elbo_by_posterior (p, NULL);
  double kl = kl_q_prior (p);
  for (int j = 0; j < DIM; j++)
    {
      check_point (h, "s002_b_theta_step", est_mc_acc (&a->theta_step[j]), exact_value (g[P_W0 + j]));
      check_point (h, "s002_b_theta", est_mc_acc (&a->theta[j]), exact_value (g[P_W0 + j]));
    }
  for (int c = 0; c < 2; c++)
    {
      check_point (h, "s002_b_phi_score", est_mc_acc (&a->score[c]), exact_value (g[P_M + c]));
      check_point (h, "s002_c_phi_reparam", est_mc_acc (&a->reparam[c]), exact_value (g[P_M + c]));
      check_point (h, "s002_b_lambda", est_mc_acc (&a->lambda[c]), exact_value (g[P_L1 + c]));
      /* ∇φ E_q[log p(x,z)] = ∇φ (ELBO - H(q)) = g - (0, 1/(2v)) */
      double ref = g[P_M + c] - (c == 1 ? 1 / (2 * p->v) : 0);
      check_point (h, "s001_113_reparam_grad", est_mc_acc (&a->reparam113[c]), exact_value (ref));
    }
  model copy = *p;               /* gradcheck's params are not const */
  gsl_vector *t = gsl_vector_alloc (N_PAR);
  model_to_vector (p, t);
  gradcheck_options o = fd_options (p);
  for (int c = 0; c < 2; c++)
    {
      gradcheck_partial d;
      if (gradcheck_partial_derivative (item1_of_vector, &copy, t, P_M + c, &o, &d) != GSL_SUCCESS)
        die_runtime ("finite difference of ① failed");
      check_point (h, "s002_c_item1_grad", est_mc_acc (&a->item1_grad[c]), est_exact (d.value, d.err));
    }
  gsl_vector_free (t);
  double item1 = expected_log_lik (p);
  check_point (h, "s002_c_item1", est_mc_acc (&a->item1), exact_value (item1));
  check_point (h, "s002_c_item1_reparam", est_mc_acc (&a->item1_reparam), exact_value (item1));
  /* Redo: ① - ② + E[log r/q]; the per-draw sum of ①'s integrand and
     log(r/q) is in a->redo */
  check_point (h, "s002_c_redo", mc_plus (&a->redo, -kl), exact_value (elbo));
  check_point (h, "s002_c_redo_bullet", mc_plus (&a->redo, -item2_bullet (p)), exact_value (elbo));
  check_point (h, "s002_c_redo_first_two", exact_value (item1 - item2_kl (h, p)), exact_value (elbo));
  check_point (h, "s001_113_line1", est_mc_acc (&a->line1), exact_value (elbo));
  check_point (h, "s001_113_line2", mc_plus (&a->log_lik, -line2_kl (h, p)), exact_value (elbo));
  check_point (h, "s001_113_update", mc_plus (&a->log_joint, -kl), exact_value (elbo));
  check_point (h, "s001_113_reparam_value", est_mc_acc (&a->reparam_value),
               exact_value (elbo - 0.5 * log (2 * M_PI * M_E * p->v)));
}

/* The K-sample estimator of 002 2.(b)'s final line at point P: R
   replicates, every coordinate.  The φ component as written (∇φ log(z_k)
   with z_k a draw: zero) and as intended (the score of q). */
static void
check_k_sample_estimator (harness * h, const model * p, const mutants_on * u,
                          long n)
{
  gsl_rng *r = harness_rng (h);
  int k = (int) harness_param (h, "k");
  long reps = n / k > 100 ? n / k : 100;
  double divisor = mutant (h, "estimator_k_plus_one") ? k + 1 : k;
  mc_acc acc[N_PAR];
  for (int i = 0; i < N_PAR; i++)
    mc_init (&acc[i]);
  for (long rep = 0; rep < reps; rep++)
    {
      double sum[N_PAR] = { 0 };
      for (int j = 0; j < k; j++)
        {
          draw_terms t;
          evaluate_draw (p, u, gsl_ran_gaussian_ziggurat (r, 1.0), 0, &t);
          sum[P_M] += t.score[0];
          sum[P_V] += t.score[1];
          for (int d = 0; d < DIM; d++)
            sum[P_W0 + d] += t.theta[d];
          sum[P_L1] += t.lambda[0];
          sum[P_L2] += t.lambda[1];
        }
      for (int i = 0; i < N_PAR; i++)
        mc_add (&acc[i], sum[i] / divisor);
    }
  double g[N_PAR];
  elbo_gradient (h, p, g);
  for (int i = 0; i < N_PAR; i++)
    check_point (h, "s002_b_estimator_k", est_mc_acc (&acc[i]), exact_value (g[i]));
  check_close (h, "s002_b_estimator_k", "K = %d, %ld replicates at random point 0; 7 coordinates", k, reps);
  /* as written: ∇φ log(z_k) = 0 for a draw z_k, so the φ component is 0 */
  for (int c = 0; c < 2; c++)
    check_point (h, "s002_b_estimator_phi_literal", est_exact (0, 0), exact_value (g[P_M + c]));
  check_close (h, "s002_b_estimator_phi_literal", "the literal φ component is identically 0; the exact ∂m, ∂v at random point 0 are %.4g, %.4g", g[P_M], g[P_V]);
}

static void
check_monte_carlo_lines (harness * h, long n)
{
  gsl_rng *r = harness_rng (h);
  mutants_on u = lookup_mutants (h);
  model first;
  for (int k = 0; k < MC_POINTS; k++)
    {
      model p = random_model (r);
      if (k == 0)
        first = p;
      line_accs a;
      line_accs_init (&a);
      for (long i = 0; i < n; i++)
        {
          draw_terms t;
          evaluate_draw (&p, &u, gsl_ran_gaussian_ziggurat (r, 1.0), 0, &t);
          line_accs_add (&a, &t);
        }
      record_point (h, &p, &a);
    }
  const char *ids[] = { "s002_b_theta_step", "s002_b_theta", "s002_b_phi_score",
    "s002_b_lambda", "s002_c_phi_reparam", "s002_c_item1", "s002_c_item1_reparam",
    "s002_c_item1_grad", "s002_c_redo", "s002_c_redo_bullet", "s002_c_redo_first_two",
    "s001_113_line1", "s001_113_line2", "s001_113_update", "s001_113_reparam_value",
    "s001_113_reparam_grad"
  };
  for (size_t i = 0; i < COUNT_OF (ids); i++)
    check_close (h, ids[i], "%d random points, %ld draws each", MC_POINTS, n);
  check_k_sample_estimator (h, &first, &u, n);
}

/* ----------------------------------------------------------------------
 * Variances at one fixed point, and the figure
 * ---------------------------------------------------------------------- */

/* The variance point: q near the exact posterior (m = μ + 0.2/√b,
   v = 0.9/b), where the score function's variance is large only through
   the size of log(p r / q) itself. */
static model
variance_model (void)
{
  model p = { {1.5, -0.5, 1.0}, {1.0, -0.6, 0.8}, 0.8, 0.0, 1.0, 0, 0 };
  double b = post_precision (&p), a = post_linear (&p);
  p.m = a / b + 0.2 / sqrt (b);
  p.v = 0.9 / b;
  return p;
}

/* Closed-form per-sample variances.  With z = m + √v ε,
   log(p r / q)(z) = C + B ε + A ε², C = log p(x, m) + ½ log(2πv),
   B = √v (a - b m), A = (1 - b v)/2, and Gaussian moments
   E ε² = 1, ε⁴ = 3, ε⁶ = 15, ε⁸ = 105:
     score ∂m:  (C² + 2B² + 15A² + 6CA) / v
     score ∂v:  (2C² + 10(B² + 2CA) + 78A²) / (4v²) - A²/v²
     reparam ∂m: b² v;   reparam ∂v: (a - bm)²/(4v) + b²/2. */
typedef struct
{
  double score[2], reparam[2];
} variances;

static variances
closed_variances (const harness * h, const model * p)
{
  double a = post_linear (p), b = post_precision (p);
  double C = log_lik (p, p->m) + log_prior (p, p->m) + 0.5 * log (2 * M_PI * p->v);
  double B = sqrt (p->v) * (a - b * p->m), A = (1 - b * p->v) / 2;
  double cross = mutant (h, "var_score_no_cross") ? 0 : C * A;
  variances s;
  s.score[0] = (C * C + 2 * B * B + 15 * A * A + 6 * cross) / p->v;
  s.score[1] = (2 * C * C + 10 * (B * B + 2 * cross) + 78 * A * A)
    / (4 * p->v * p->v) - A * A / (p->v * p->v);
  s.reparam[0] = b * b * p->v;
  s.reparam[1] = (a - b * p->m) * (a - b * p->m) / (4 * p->v)
    + b * b / (mutant (h, "var_reparam_v_quarter") ? 4 : 2);
  return s;
}

/* Central moments of one estimator by quadrature over ε ~ N(0, 1): the
   estimator as implemented (phi_estimators), so that the variance checks
   need no Monte Carlo with its heavy-tailed squared errors. */
typedef struct
{
  const model *p;
  const mutants_on *u;
  int which;                    /* index into phi_estimators' output */
  double mean, baseline;
  int power;
} moment_params;

static double
moment_integrand (double eps, void *params)
{
  const moment_params *m = params;
  double est[4], f;
  phi_estimators (m->p, m->u, eps, m->baseline, est, &f);
  return gsl_ran_ugaussian_pdf (eps) * gsl_pow_int (est[m->which] - m->mean, m->power);
}

static quad_result
estimator_moment (const model * p, const mutants_on * u, int which,
                  double mean, double baseline, int power)
{
  moment_params m = { p, u, which, mean, baseline, power };
  /* weighted by N(eps; 0, 1) */
  return quad_real_line_at (moment_integrand, &m, 0.0, 1.0);
}

/* Per-sample variances by quadrature against the closed forms; at the
   variance point also the comparison of the two estimators. */
static variances
check_variances (harness * h, const model * p, int is_variance_point)
{
  mutants_on u = lookup_mutants (h);
  double g[N_PAR];
  elbo_gradient (h, p, g);
  double baseline = elbo_by_posterior (p, NULL);
  variances s = closed_variances (h, p);
  for (int c = 0; c < 2; c++)
    {
      quad_result vs = estimator_moment (p, &u, c, g[P_M + c], baseline, 2);
      quad_result vr = estimator_moment (p, &u, 2 + c, g[P_M + c], baseline, 2);
      check_point (h, "var_score_closed", exact_value (s.score[c]), est_quad (vs));
      check_point (h, "var_reparam_closed", exact_value (s.reparam[c]), est_quad (vr));
      if (is_variance_point)
        check_point (h, "var_score_exceeds_reparam", est_quad (vs), est_quad (vr));
    }
  return s;
}

/* Variance of the K-sample averages over REPS replicates, for the figure
   and the 1/K check.  The check uses the exact standard error of the mean
   of (ĝ_K - G)², from the per-sample moments σ² and μ4 (quadrature):
   E(ĝ_K - G)⁴ = (μ4 + 3(K-1)σ⁴)/K³; the sample standard error of such
   skewed squares understates the error in the samples that fall short.
   Only K >= 64 is checked, where ĝ_K is close enough to Gaussian for the
   mean of R squares to be near normal; the figure shows every K.  Mutant
   batch_reuses_draws uses each draw twice. */
static void
variance_against_k (harness * h, const model * p, long reps, sbuf * fig)
{
  gsl_rng *r = harness_rng (h);
  mutants_on u = lookup_mutants (h);
  int reuse = mutant (h, "batch_reuses_draws");
  double g[N_PAR];
  elbo_gradient (h, p, g);
  static const int WHICH[4] = { 0, 2, 1, 3 };   /* score m, reparam m, score v, reparam v */
  double sigma2[4], mu4[4];
  for (int i = 0; i < 4; i++)
    {
      double mean = g[P_M + WHICH[i] % 2];
      sigma2[i] = estimator_moment (p, &u, WHICH[i], mean, 0, 2).value;
      mu4[i] = estimator_moment (p, &u, WHICH[i], mean, 0, 4).value;
    }
  variances s = closed_variances (h, p);
  double closed[4] = { s.score[0], s.reparam[0], s.score[1], s.reparam[1] };
  sbuf_append (fig, "# block 0: variance of the K-sample estimators\n"
               "# K  score_m se  reparam_m se  score_v se  reparam_v se"
               "  closed: score_m/K reparam_m/K score_v/K reparam_v/K\n");
  for (int k = 1; k <= 1024; k *= 4)
    {
      mc_acc sq[4];
      for (int i = 0; i < 4; i++)
        mc_init (&sq[i]);
      for (long rep = 0; rep < reps; rep++)
        {
          double sum[4] = { 0 }, est[4], f;
          for (int j = 0; j < k; j++)
            {
              if (!reuse || j % 2 == 0)
                phi_estimators (p, &u, gsl_ran_gaussian_ziggurat (r, 1.0), 0, est, &f);
              for (int i = 0; i < 4; i++)
                sum[i] += est[WHICH[i]];
            }
          for (int i = 0; i < 4; i++)
            {
              double e = sum[i] / k - g[P_M + WHICH[i] % 2];
              mc_add (&sq[i], e * e);
            }
        }
      sbuf_printf (fig, "%d", k);
      for (int i = 0; i < 4; i++)
        {
          sbuf_printf (fig, " %.6g %.6g", mc_mean (&sq[i]), mc_se (&sq[i]));
          double kk = k, m4 = (mu4[i] + 3 * (kk - 1) * sigma2[i] * sigma2[i]) / (kk * kk * kk);
          double se = kk * sqrt ((m4 - sigma2[i] * sigma2[i] / (kk * kk)) / (double) reps);
          if (k >= 64)
            check_point (h, "var_one_over_k", est_mc (kk * mc_mean (&sq[i]), se),
                         exact_value (sigma2[i]));
        }
      for (int i = 0; i < 4; i++)
        sbuf_printf (fig, " %.6g", closed[i] / k);
      sbuf_append (fig, "\n");
    }
  /* room under the lowest line for the legend */
  sbuf_printf (harness_figure_script (h), "ylo_m = %.4g\nylo_v = %.4g\n",
               fmin (closed[0], closed[1]) / 1024 / 40,
               fmin (closed[2], closed[3]) / 1024 / 40);
  check_close (h, "var_one_over_k", "K = 64, 256, 1024, %ld replicates each; standard"
               " errors exact from the per-sample moments (quadrature)", reps);
}

static void
draw_figure (harness * h)
{
  sbuf *gp = harness_figure_script (h);
  sbuf_printf (gp, "zc = %.4f\n", check_critical_value (REL_EQ, CHECK_ALPHA));
  sbuf_append (gp,
    "set multiplot layout 1,2 title 'Variance of ELBO gradient estimators against the sample count K'\n"
    "set logscale xy\nset format x '%g'\nset format y '10^{%L}'\n"
    "set xlabel 'samples per estimate K'\nset ylabel 'Var of the K-sample estimate'\n"
    "set key bottom left\nset xrange [0.7:1500]\n"
    "lo(m, s) = (m - zc*s > 0) ? m - zc*s : m / 10\n"
    "set title '∂ELBO/∂m'\nset yrange [ylo_m:*]\n"
    "plot datafile index 0 using 1:2:(lo($2,$3)):($2+zc*$3) with yerrorbars ls 2 title 'score function (MC)', \\\n"
    "     '' index 0 using 1:10 with lines ls 2 dt 2 title 'score function, closed form / K', \\\n"
    "     '' index 0 using 1:4:(lo($4,$5)):($4+zc*$5) with yerrorbars ls 1 title 'reparameterization (MC)', \\\n"
    "     '' index 0 using 1:11 with lines ls 1 dt 2 title 'reparameterization, closed form / K'\n"
    "set title '∂ELBO/∂v'\nset yrange [ylo_v:*]\n"
    "plot datafile index 0 using 1:6:(lo($6,$7)):($6+zc*$7) with yerrorbars ls 2 title 'score function (MC)', \\\n"
    "     '' index 0 using 1:12 with lines ls 2 dt 2 title 'score function, closed form / K', \\\n"
    "     '' index 0 using 1:8:(lo($8,$9)):($8+zc*$9) with yerrorbars ls 1 title 'reparameterization (MC)', \\\n"
    "     '' index 0 using 1:13 with lines ls 1 dt 2 title 'reparameterization, closed form / K'\n"
    "unset multiplot\n");
}

static void
write_notes (harness * h, const variances * s)
{
  sbuf_printf (harness_notes (h),
    "Model: z ~ r_λ = N(λ1, λ2), x | z ~ N(w z, s² I₃), q_φ = N(m, v), so"
    " θ = w, φ = (m, v), λ = (λ1, λ2), d = 3 and f_θ(z) = w z. Random points"
    " draw s in [0.6, 0.8], |w_j| in [0.5, 1.5] with random signs,"
    " λ1 in [-1, 1], λ2 in [0.5, 2], x from the model, m = λ1 ± (1.5 to 2.5)√λ2"
    " and v = (0.3 to 1)·λ2; so KL(q || r) > 1.1 and E_q[log r] < -2.4, which"
    " makes the two double-counting errors large. The ground truth ELBO is"
    " log N(x; w λ1, s² I + λ2 w wᵀ) - KL(q || p(z|x)) with the exact"
    " posterior p(z|x) = N(a/b, 1/b), b = ‖w‖²/s² + 1/λ2, a = wᵀx/s² + λ1/λ2.\n\n"
    "002 2.(b): the ∇θ, ∇φ and ∇λ lines hold (unbiased). The final"
    " estimator line writes (∇φ log(z_k)) in place of (∇φ log q_φ(z_k|X_i)):"
    " read literally, z_k is a draw and does not depend on φ, so the φ"
    " component is identically 0 (check `s002_b_estimator_phi_literal`);"
    " read with z_k = m + √v ε_k it is ∇φ z_k / z_k, undefined for the draws"
    " with z_k <= 0 and not an estimator of anything in the derivation. The"
    " line is garbled; with the score of q_φ in its place (as in the ∇φ line"
    " above it) the whole K-sample estimator is unbiased"
    " (`s002_b_estimator_k`).\n\n"
    "002 2.(c) \"Redo\": ① - ② is already the VLB, and E_q[log(r_λ/q_φ)] ="
    " -D_KL(q_φ || r_λ), so the line as written equals VLB - KL(q||r): it"
    " counts the KL term twice. With the bullet's ② (whose leading sign is"
    " wrong, see kl_gaussians) the line sums to ① instead. Item ①, its"
    " reparameterized form and its gradient hold.\n\n"
    "001 1.1.3: the first two lines hold; the update-rule line puts the joint"
    " log p_θ(x, z) inside the expectation and still subtracts KL(q || p(z)),"
    " so it exceeds L by E_q[log p(z)] (it is L + E_q[log p(z)]); its"
    " reparameterized form and gradient are right as statements about"
    " E_q[log p_θ(x, z)].\n\n"
    "Variances. The score-function estimator's variance grows with the size"
    " of log(p r / q) itself (through C², see the closed forms in the code),"
    " which no change of location removes; the reparameterization estimator's"
    " depends only on the curvature b of the log joint. Subtracting a"
    " baseline (mutant `score_baseline`, the exact ELBO) removes the C²"
    " term, and near the posterior it then beats the reparameterization"
    " estimator: the comparison is a property of the plain estimators, not of"
    " the trick. The variance point is x = (1.5, -0.5, 1), w = (1, -0.6, 0.8),"
    " s = 0.8, λ = (0, 1), m = μ_post + 0.2/√b, v = 0.9/b. Per-sample"
    " variances are checked by quadrature over ε of the implemented"
    " estimators, not by Monte Carlo: the squared errors of the score"
    " function are polynomials of degree 6 in ε, so heavy-tailed that the"
    " sample standard error of their mean is unreliable at 10^4 draws (a"
    " sweep over 400 seeds found |z| = 7.4). The 1/K check uses Monte Carlo"
    " over replicates with the exact standard error from the per-sample"
    " moments, at K >= 64.\n\n"
    "At the variance point the per-sample variances are, for ∂m: score"
    " function %.4g, reparameterization %.4g (ratio %.3g); for ∂v: %.4g and"
    " %.4g (ratio %.3g).\n\n"
    "Finite differences: lib/gradcheck (5-point central rule, step"
    " cbrt(η)·max(|x|, 1), error bound = truncation + rounding, with the"
    " rounding declared on the size of the ELBO's terms).\n",
    s->score[0], s->reparam[0], s->score[0] / s->reparam[0],
    s->score[1], s->reparam[1], s->score[1] / s->reparam[1]);
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  long n = harness_samples (h);
  if (n < 100)
    n = 100;

  check_closed_forms (h);
  check_monte_carlo_lines (h, n);

  /* variances: the variance point, plus the random points for the closed
     forms (where A = (1 - b v)/2 is far from 0) */
  model vp = variance_model ();
  gsl_rng *r = harness_rng (h);
  variances vs = check_variances (h, &vp, 1);
  for (int k = 0; k < MC_POINTS; k++)
    {
      model p = random_model (r);
      check_variances (h, &p, 0);
    }
  check_close (h, "var_score_closed", "the variance point and %d random points; quadrature over ε", MC_POINTS);
  check_close (h, "var_reparam_closed", "the variance point and %d random points; quadrature over ε", MC_POINTS);
  check_close (h, "var_score_exceeds_reparam", "the variance point; ∂m and ∂v, by quadrature");
  long reps = n / 100 > 1000 ? n / 100 : 1000;
  variance_against_k (h, &vp, reps, harness_figure_data (h));
  draw_figure (h);
  write_notes (h, &vs);
  return harness_end (h);
}
