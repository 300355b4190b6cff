/* hierarchical_elbo.c -- the ELBO of z -> w -> x with a mixture prior.
 *
 * Model (seed 000 P7): a discrete z ~ Cat(π) over K = 3 components, a
 * Gaussian w | z = k ~ N(μ_k, σ_k²), and a heteroscedastic Gaussian
 * x | w ~ N(μ_θ(w), σ_θ(w)²) with μ_θ(w) = α w + β, σ_θ(w) = exp(γ + δ w).
 * The variational family is q_ψ(w|x) = N(m, v) and
 * q_φ(z = k | w, x) ∝ exp(τ [log π_k + log N(w; μ_k, σ_k²)] + ζ_k), which
 * contains the exact p(z|w) (τ = 1, ζ = 0).  Everything is one-dimensional
 * in w, so every expectation has an independent ground truth by
 * quadrature over w (the sum over z is exact); the seed's lines are
 * estimated by Monte Carlo over w ~ q_ψ with their standard errors, the
 * expectation over z ~ q_φ(z|w,x) done exactly at each draw.
 *
 * Lines evaluated (000 P7.1 and P7.2):
 *   P7.1  log p(x) >= ELBO; the five-term expansion; the last line
 *         E_w[log p(x|w)] - E_w[KL(q_φ(z|w,x) || p(z))]
 *         - KL(q_ψ(w|x) || E_{z~p(z)}[p(w|z)]);
 *   P7.2  term 1 with "+ (x-μ)ᵀσ⁻²(x-μ)/2"; term 2 (the discrete KL);
 *         term 3, whose last line writes the mixture density at x. */
#include "harness.h"
#include "logsumexp.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static const check_spec CHECKS[] = {
  {"logp_quad_vs_mc", "harness",
   "p(x) = ∫ Σ_k π_k N(w; μ_k, σ_k²) N(x; μ_θ(w), σ_θ(w)²) dw by quadrature = E_{w~p(w)}[p(x|w)] by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_p71_bound", "000 P7.1 line 1",
   "log p(x) >= E_{w,z~q}[log p(w,z,x) / q(w,z|x)] = ELBO (ELBO by Monte Carlo, log p(x) by quadrature)",
   REL_LE, EXPECT_HOLDS, NULL},
  {"s000_p71_line2", "000 P7.1 line 2",
   "ELBO = E_q[log p_θ(x|w)] + E_q[log p(w|z)] + E_q[log p(z)] - E_q[log q_ψ(w|x)] - E_q[log q_φ(z|w,x)]: each term by Monte Carlo against quadrature, and their sum against the ELBO",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_p71_line3", "000 P7.1 line 3",
   "ELBO = E_w[log p_θ(x|w)] - E_w[KL(q_φ(z|w,x) || p(z))] - KL(q_ψ(w|x) || E_{z~p(z)}[p(w|z)]), by Monte Carlo",
   REL_EQ, EXPECT_SEED_ERROR,
   "ELBO = E_w[log p_θ(x|w)] - E_w[KL(q_φ(z|w,x) || p(z|w))] - KL(q_ψ(w|x) || Σ_k π_k p(w|k)): the middle KL is against the conditional p(z|w) = π_z p(w|z) / p(w); against p(z) the line drops E_q[log p(w|z)] - E_w[log p(w)]"},
  {"s000_p71_line3_corrected", "000 P7.1 line 3",
   "the last line with KL(q_φ(z|w,x) || p(z|w)) in place of KL(q_φ(z|w,x) || p(z)) = ELBO, by Monte Carlo",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_p72_term1", "000 P7.2 term 1",
   "E_q[log p_θ(x|w)] = E_q[-log det σ_θ(w) + (x-μ_θ(w))ᵀσ_θ(w)⁻²(x-μ_θ(w))/2] + Const: the difference between the two sides is the same at every point (differences against point 0; right side by Monte Carlo)",
   REL_EQ, EXPECT_SEED_ERROR,
   "E_q[log p_θ(x|w)] = E_q[-log det σ_θ(w) - (x-μ_θ(w))ᵀσ_θ(w)⁻²(x-μ_θ(w))/2] - (D/2) log 2π: the quadratic term enters with a minus sign"},
  {"s000_p72_term1_minus", "000 P7.2 term 1",
   "the same with the quadratic term subtracted: the difference is the same at every point (it is -(D/2) log 2π)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_p72_term2", "000 P7.2 term 2",
   "E_w[KL(q_φ(z|w,x) || p(z))] = E_w Σ_k q_φ(k|w,x) log(q_φ(k|w,x)/π_k) (Monte Carlo over w) = E_q[log q_φ(z|w,x)] - E_q[log p(z)] (quadrature)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_p72_term3_line1", "000 P7.2 term 3 line 1",
   "KL(q_ψ(w|x) || E_{z~p(z)}[p(w|z)]) = E_w[log q_ψ(w|x) - log E_{z~p(z)}[p(w|z)]] (Monte Carlo against quadrature)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s000_p72_term3_line2", "000 P7.2 term 3 line 2",
   "KL(q_ψ(w|x) || E_{z~p(z)}[p(w|z)]) = E_w[log q_ψ(w|x) - log Σ_k π_k (2π)^{-1/2} σ_k^{-1} exp(-(x-μ_k)²/(2σ_k²))], by Monte Carlo",
   REL_EQ, EXPECT_SEED_ERROR,
   "E_w[log q_ψ(w|x) - log Σ_k π_k (2π)^{-1/2} σ_k^{-1} exp(-(w-μ_k)²/(2σ_k²))]: the mixture density is that of w, evaluated at w, not at x"},
};

static const mutant_spec MUTANTS[] = {
  {"mixture_sampler_off_by_one", "w ~ p(w) drawn from component k + 1 when z = k", "logp_quad_vs_mc"},
  {"bound_without_log_pz", "the Monte Carlo ELBO without its E_q[log p(z)] term", "s000_p71_bound"},
  {"z_from_prior", "the z terms averaged over p(z) instead of q_φ(z|w,x)", "s000_p71_line2"},
  {"conditional_z_unnormalised", "p(z|w) as π_z p(w|z) without dividing by p(w)", "s000_p71_line3_corrected"},
  {"term1_log_sigma_squared", "term 1 with -log det σ² instead of -log det σ", "s000_p72_term1_minus"},
  {"term2_sum_off_by_one", "the sum over k stops at K - 1", "s000_p72_term2"},
  {"term3_mixture_unweighted", "the mixture density without its weights π_k", "s000_p72_term3_line1"},
};

static const param_spec PARAMS[] = {
  {"configs", 4, 2, 50, "model configurations: a fixed one and random ones", PARAM_INTEGER},
};

static const claim CLAIM = {
  .slug = "hierarchical_elbo",
  .title = "The ELBO of a hierarchical model with a mixture prior",
  .claim = "For z ~ Cat(π), w | z ~ N(μ_z, σ_z²), x | w ~ N(μ_θ(w), σ_θ(w)²) and "
    "q(w, z | x) = q_ψ(w|x) q_φ(z|w,x), log p(x) >= ELBO = E_q[log p(x|w)] + "
    "E_q[log p(w|z)] + E_q[log p(z)] - E_q[log q_ψ] - E_q[log q_φ] = "
    "E_w[log p(x|w)] - E_w[KL(q_φ(z|w,x) || p(z|w))] - KL(q_ψ(w|x) || p(w)), "
    "p(w) = Σ_k π_k N(w; μ_k, σ_k²).",
  .sources = "000 P7.1 (the ELBO and its decomposition), P7.2 (terms 1-3)",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 200000, .samples_quick = 10000,
  .figure_caption = "The ELBO's terms at the fixed configuration (point 0, see Notes). "
    "Top: Monte Carlo estimates with ±z·SE error bars (z for α = 1e-7) and quadrature "
    "values (open circles). Left group: the five terms of P7.1 line 2, their sum "
    "(the ELBO) and log p(x). Right group: the three terms of the seed's last line "
    "and their total, which misses the ELBO (dashed line); with KL(q_φ || p(z|w)) "
    "in the middle term (corrected total) it meets it. Bottom: each Monte Carlo "
    "estimate minus its quadrature value (the totals minus the ELBO), with its "
    "error bar; the seed's line-3 total is off the scale.",
  .figure_width = 1280, .figure_height = 760,
};

/* ----------------------------------------------------------------------
 * The model
 * ---------------------------------------------------------------------- */

#define N_COMP 3                /* K, the number of components */

typedef struct
{
  double pi[N_COMP], mu[N_COMP], sd[N_COMP];   /* the mixture prior over w */
  double alpha, beta, gamma, delta;   /* μ_θ(w) = α w + β, σ_θ(w) = exp(γ + δ w) */
  double x;
  double m, v;                  /* q_ψ(w|x) = N(m, v) */
  double tau, zeta[N_COMP];          /* q_φ(k|w) ∝ exp(τ log π_k N(w; μ_k, σ_k²) + ζ_k) */
} config;

static double
log_normal (double x, double mu, double sd)
{
  double u = (x - mu) / sd;
  return -0.5 * u * u - log (sd) - 0.5 * log (2 * M_PI);
}

static double
dec_mean (const config * c, double w)
{
  return c->alpha * w + c->beta;
}

static double
dec_sd (const config * c, double w)
{
  return exp (c->gamma + c->delta * w);
}

static double
log_lik (const config * c, double w)
{
  return log_normal (c->x, dec_mean (c, w), dec_sd (c, w));
}

/* log π_k + log p(w|k) for every k */
static void
log_joint_wz (const config * c, double w, double *out)
{
  for (int k = 0; k < N_COMP; k++)
    out[k] = log (c->pi[k]) + log_normal (w, c->mu[k], c->sd[k]);
}

/* log p(w) = log Σ_k π_k N(w; μ_k, σ_k²) */
static double
log_mixture (const config * c, double w)
{
  double t[N_COMP];
  log_joint_wz (c, w, t);
  return log_sum_exp (t, N_COMP);
}

/* log q_φ(k|w) for every k */
static void
log_q_z (const config * c, double w, double *out)
{
  double t[N_COMP];
  log_joint_wz (c, w, t);
  for (int k = 0; k < N_COMP; k++)
    t[k] = c->tau * t[k] + c->zeta[k];
  double lse = log_sum_exp (t, N_COMP);
  for (int k = 0; k < N_COMP; k++)
    out[k] = t[k] - lse;
}

static double
log_q_w (const config * c, double w)
{
  return log_normal (w, c->m, sqrt (c->v));
}

/* ----------------------------------------------------------------------
 * Ground truth by quadrature over w
 * ---------------------------------------------------------------------- */

typedef double (*w_fn) (const config * c, double w);

typedef struct
{
  const config *c;
  w_fn g;
} expect_params;

static double
expect_integrand (double w, void *params)
{
  const expect_params *e = params;
  double lq = log_q_w (e->c, w);
  return lq < -745 ? 0.0 : exp (lq) * e->g (e->c, w);
}

/* E_{w~q_ψ}[g(w)] over m ± 15 sd: the mass outside is below e^-112, far
   under the quadrature tolerance for the integrands here (|g| grows at
   most like w² e^{2|δ w|}). */
static quad_result
expect_q (const config * c, w_fn g)
{
  expect_params e = { c, g };
  double sd = sqrt (c->v);
  return quad_interval (expect_integrand, &e, c->m - 15 * sd, c->m + 15 * sd);
}

/* The expectations of line 2's terms at one w (sums over k exact). */
static double
g_log_lik (const config * c, double w)
{
  return log_lik (c, w);
}

static double
g_log_p_w_given_z (const config * c, double w)
{
  double lq[N_COMP], s = 0;
  log_q_z (c, w, lq);
  for (int k = 0; k < N_COMP; k++)
    s += exp (lq[k]) * log_normal (w, c->mu[k], c->sd[k]);
  return s;
}

static double
g_log_p_z (const config * c, double w)
{
  double lq[N_COMP], s = 0;
  log_q_z (c, w, lq);
  for (int k = 0; k < N_COMP; k++)
    s += exp (lq[k]) * log (c->pi[k]);
  return s;
}

static double
g_neg_log_q_w (const config * c, double w)
{
  return -log_q_w (c, w);
}

static double
g_neg_log_q_z (const config * c, double w)
{
  double lq[N_COMP], s = 0;
  log_q_z (c, w, lq);
  for (int k = 0; k < N_COMP; k++)
    s -= exp (lq[k]) * lq[k];
  return s;
}

static double
g_kl_q_w_mixture (const config * c, double w)
{
  return log_q_w (c, w) - log_mixture (c, w);
}

#define N_TERMS 5
static const w_fn LINE2_TERMS[N_TERMS] = {
  g_log_lik, g_log_p_w_given_z, g_log_p_z, g_neg_log_q_w, g_neg_log_q_z
};
static const char *const LINE2_NAMES[N_TERMS] = {
  "E log p(x|w)", "E log p(w|z)", "E log p(z)", "-E log q_ψ(w|x)", "-E log q_φ(z|w,x)"
};

typedef struct
{
  quad_result term[N_TERMS], kl_w, elbo, log_px;
} truth;

static double
joint_x_integrand (double w, void *params)
{
  const config *c = params;
  double l = log_mixture (c, w) + log_lik (c, w);
  return l < -745 ? 0.0 : exp (l);
}

/* p(x) = ∫ p(w) p(x|w) dw over the range of the mixture +- 15 sd, beyond
   which p(w) p(x|w) <= p(w) / (√(2π) σ_θ) is negligible. */
static quad_result
marginal_px (const config * c)
{
  double lo = INFINITY, hi = -INFINITY;
  for (int k = 0; k < N_COMP; k++)
    {
      lo = fmin (lo, c->mu[k] - 15 * c->sd[k]);
      hi = fmax (hi, c->mu[k] + 15 * c->sd[k]);
    }
  return quad_interval (joint_x_integrand, (void *) c, lo, hi);
}

static void
compute_truth (const config * c, truth * t)
{
  t->elbo.value = t->elbo.abserr = 0;
  for (int i = 0; i < N_TERMS; i++)
    {
      t->term[i] = expect_q (c, LINE2_TERMS[i]);
      t->elbo.value += t->term[i].value;
      t->elbo.abserr += t->term[i].abserr;
    }
  t->kl_w = expect_q (c, g_kl_q_w_mixture);
  quad_result px = marginal_px (c);
  t->log_px.value = log (px.value);
  t->log_px.abserr = px.abserr / px.value * 1.01;   /* |log(1+e)| <= 1.01 e for small e */
}

/* ----------------------------------------------------------------------
 * Configurations
 * ---------------------------------------------------------------------- */

typedef struct
{
  const config *c;
  int power;                    /* 0: mass, 1: mean, 2: second moment */
} moment_params;

static double
posterior_moment_integrand (double w, void *params)
{
  const moment_params *p = params;
  return joint_x_integrand (w, (void *) p->c) * pow (w, p->power);
}

/* Point 0: a fixed, well-separated mixture with q_ψ the Gaussian of the
   exact posterior p(w|x)'s mean and variance, and q_φ = p(z|w) exactly. */
static config
fixed_config (void)
{
  config c = {
    {1.0 / 3, 1.0 / 3, 1.0 / 3}, {-2.0, 0.0, 2.0}, {0.5, 0.5, 0.5},
    2.0, 3.0, log (0.3), 0.1, 0.0, 0.0, 1.0, 1.0, {0, 0, 0}
  };
  c.x = dec_mean (&c, 1.6);     /* x = 6.2, far from every μ_k */
  double mom[3];
  for (int p = 0; p < 3; p++)
    {
      moment_params mp = { &c, p };
      mom[p] = quad_interval (posterior_moment_integrand, &mp, -12, 12).value;
    }
  c.m = mom[1] / mom[0];
  c.v = mom[2] / mom[0] - c.m * c.m;
  return c;
}

/* A random configuration: component means near -2, 0, 2, x drawn from the
   model, q_ψ near the decoder's inverse and a tempered, shifted q_φ. */
static config
random_config (const gsl_rng * r)
{
  config c;
  double a[N_COMP] = { 3, 3, 3 };
  gsl_ran_dirichlet (r, N_COMP, a, c.pi);
  for (int k = 0; k < N_COMP; k++)
    {
      c.mu[k] = 2.0 * (k - 1) + gsl_ran_gaussian (r, 0.3);
      c.sd[k] = gsl_ran_flat (r, 0.4, 0.8);
      c.zeta[k] = gsl_ran_gaussian (r, 0.5);
    }
  c.alpha = gsl_ran_flat (r, 1.5, 2.5);
  c.beta = gsl_ran_flat (r, 2, 3);
  c.gamma = log (gsl_ran_flat (r, 0.3, 0.6));
  c.delta = gsl_ran_flat (r, -0.2, 0.2);
  int z = (int) gsl_rng_uniform_int (r, N_COMP);
  double w = c.mu[z] + gsl_ran_gaussian (r, c.sd[z]);
  c.x = dec_mean (&c, w) + gsl_ran_gaussian (r, dec_sd (&c, w));
  c.m = (c.x - c.beta) / c.alpha + gsl_ran_gaussian (r, 0.3);
  c.v = gsl_ran_flat (r, 0.05, 0.3);
  c.tau = gsl_ran_flat (r, 0.1, 0.3);
  return c;
}

/* ----------------------------------------------------------------------
 * Monte Carlo over (w, z) ~ q
 * ---------------------------------------------------------------------- */

typedef struct
{
  mc_acc term[N_TERMS], elbo, bound;
  mc_acc l3_lik, l3_kl_z, l3_kl_w, l3_total, l3_corrected;
  mc_acc t1_plus, t1_minus, t2, t3_line1, t3_line2;
} line_accs;

typedef struct
{
  int z_from_prior, bound_without_log_pz, conditional_z_unnormalised,
    term1_log_sigma_squared, term2_sum_off_by_one, term3_mixture_unweighted;
} mutants_on;

static int
draw_category (const gsl_rng * r, const double *logp)
{
  double u = gsl_rng_uniform (r), acc = 0;
  for (int k = 0; k < N_COMP - 1; k++)
    {
      acc += exp (logp[k]);
      if (u < acc)
        return k;
    }
  return N_COMP - 1;
}

/* 000 P7.2 term 2 at one w: Σ_k q_φ(k|w) log(q_φ(k|w)/π_k). */
static double
kl_q_z_prior (const config * c, const mutants_on * u, const double *lq)
{
  double s = 0;
  for (int k = 0; k < (u->term2_sum_off_by_one ? N_COMP - 1 : N_COMP); k++)
    s += exp (lq[k]) * (lq[k] - log (c->pi[k]));
  return s;
}

/* KL(q_φ(z|w) || p(z|w)) with p(z|w) = π_z p(w|z) / p(w). */
static double
kl_q_z_conditional (const config * c, const mutants_on * u, double w,
                    const double *lq)
{
  double lj[N_COMP], s = 0;
  log_joint_wz (c, w, lj);
  double norm = u->conditional_z_unnormalised ? 0 : log_sum_exp (lj, N_COMP);
  for (int k = 0; k < N_COMP; k++)
    s += exp (lq[k]) * (lq[k] - (lj[k] - norm));
  return s;
}

/* 000 P7.2 term 3 line 2 as written: the mixture density at x. */
static double
log_mixture_at_x (const config * c)
{
  double s = 0;
  for (int k = 0; k < N_COMP; k++)
    s += c->pi[k] / (sqrt (2 * M_PI) * c->sd[k])
      * exp (-(c->x - c->mu[k]) * (c->x - c->mu[k]) / (2 * c->sd[k] * c->sd[k]));
  return log (s);
}

/* log Σ_k π_k N(w; μ_k, σ_k²) as term 3 line 1 writes it. */
static double
log_mixture_line1 (const config * c, const mutants_on * u, double w)
{
  double t[N_COMP];
  for (int k = 0; k < N_COMP; k++)
    t[k] = (u->term3_mixture_unweighted ? 0 : log (c->pi[k]))
      + log_normal (w, c->mu[k], c->sd[k]);
  return log_sum_exp (t, N_COMP);
}

/* 000 P7.2 term 1's integrand: -log det σ ± (x - μ)ᵀσ⁻²(x - μ)/2 (D = 1). */
static double
term1_integrand (const config * c, const mutants_on * u, double w, double sign)
{
  double s = dec_sd (c, w), r = c->x - dec_mean (c, w);
  double logdet = u->term1_log_sigma_squared && sign < 0 ? 2 * log (s) : log (s);
  return -logdet + sign * r * r / (s * s) / 2;
}

/* The five terms of P7.1 line 2 at one draw w ~ q_ψ, with the sum over
   z ~ q_φ(z|w,x) done exactly (Rao-Blackwellised): sampling z as well
   leaves components of probability 1e-6 unseen in 10^4 draws, and the
   sample standard error then understates the error.  Mutant z_from_prior
   weights the z terms by p(z) in place of q_φ(z|w,x). */
static void
line2_terms (const config * c, const mutants_on * u, double w,
             const double *lq, double *t)
{
  double lj[N_COMP];
  log_joint_wz (c, w, lj);
  t[0] = log_lik (c, w);
  t[1] = t[2] = t[4] = 0;
  for (int k = 0; k < N_COMP; k++)
    {
      double qk = u->z_from_prior ? c->pi[k] : exp (lq[k]);
      double lpi = log (c->pi[k]);
      t[1] += qk * (lj[k] - lpi);   /* log p(w|k) */
      t[2] += qk * lpi;
      t[4] -= qk * lq[k];
    }
  t[3] = -log_q_w (c, w);
}

static void
mc_config (const gsl_rng * r, const config * c, const mutants_on * u, long n,
           line_accs * a)
{
  mc_acc *all = (mc_acc *) a;
  for (size_t i = 0; i < sizeof *a / sizeof (mc_acc); i++)
    mc_init (&all[i]);
  double sd = sqrt (c->v);
  double lmx = log_mixture_at_x (c);
  for (long i = 0; i < n; i++)
    {
      double w = c->m + gsl_ran_gaussian_ziggurat (r, sd);
      double lq[N_COMP], t[N_TERMS];
      log_q_z (c, w, lq);
      line2_terms (c, u, w, lq, t);
      double elbo = 0;
      for (int j = 0; j < N_TERMS; j++)
        {
          mc_add (&a->term[j], t[j]);
          elbo += t[j];
        }
      mc_add (&a->elbo, elbo);
      mc_add (&a->bound, u->bound_without_log_pz ? elbo - t[2] : elbo);

      double kl_z = kl_q_z_prior (c, u, lq);
      double kl_w = log_q_w (c, w) - log_mixture_line1 (c, u, w);
      mc_add (&a->l3_lik, t[0]);
      mc_add (&a->l3_kl_z, kl_z);
      mc_add (&a->l3_kl_w, kl_w);
      mc_add (&a->l3_total, t[0] - kl_z - kl_w);
      mc_add (&a->l3_corrected, t[0] - kl_q_z_conditional (c, u, w, lq) - kl_w);
      mc_add (&a->t1_plus, term1_integrand (c, u, w, +1));
      mc_add (&a->t1_minus, term1_integrand (c, u, w, -1));
      mc_add (&a->t2, kl_z);
      mc_add (&a->t3_line1, kl_w);
      mc_add (&a->t3_line2, log_q_w (c, w) - lmx);
    }
}

/* p(x) = E_{w~p(w)}[p(x|w)] with w drawn by ancestral sampling. */
static void
mc_marginal (const gsl_rng * r, const config * c, int off_by_one, long n,
             mc_acc * a)
{
  double lp[N_COMP];
  for (int k = 0; k < N_COMP; k++)
    lp[k] = log (c->pi[k]);
  mc_init (a);
  for (long i = 0; i < n; i++)
    {
      int z = draw_category (r, lp);
      if (off_by_one)
        z = (z + 1) % N_COMP;
      double w = c->mu[z] + gsl_ran_gaussian_ziggurat (r, c->sd[z]);
      mc_add (a, exp (log_lik (c, w)));
    }
}

/* ----------------------------------------------------------------------
 * Checks
 * ---------------------------------------------------------------------- */

static estimate
mc_est (const mc_acc * a)
{
  return est_mc_acc (a);
}

static estimate
quad_sum (quad_result a, double sa, quad_result b, double sb)
{
  return est_quad ((quad_result) { sa * a.value + sb * b.value, a.abserr + b.abserr });
}

/* Per configuration: the point's checks.  Point 0's term-1 values are the
   reference for the "same constant" checks. */
typedef struct
{
  double t1_quad, t1_quad_err;
  mc_acc t1_plus, t1_minus;
} term1_ref;

static void
record_config (harness * h, const truth * t, const line_accs * a,
               const term1_ref * ref0, int idx)
{
  for (int j = 0; j < N_TERMS; j++)
    check_point (h, "s000_p71_line2", mc_est (&a->term[j]), est_quad (t->term[j]));
  check_point (h, "s000_p71_line2", mc_est (&a->elbo), est_quad (t->elbo));
  check_point (h, "s000_p71_bound", mc_est (&a->bound), est_quad (t->log_px));
  check_point (h, "s000_p71_line3", mc_est (&a->l3_total), est_quad (t->elbo));
  check_point (h, "s000_p71_line3_corrected", mc_est (&a->l3_corrected), est_quad (t->elbo));
  check_point (h, "s000_p72_term2", mc_est (&a->t2),
               quad_sum (t->term[4], -1, t->term[2], -1));
  check_point (h, "s000_p72_term3_line1", mc_est (&a->t3_line1), est_quad (t->kl_w));
  check_point (h, "s000_p72_term3_line2", mc_est (&a->t3_line2), est_quad (t->kl_w));
  if (idx > 0)
    {
      /* E_q[S]_i - E_q[S]_0 against T1_i - T1_0 */
      estimate ref = est_quad ((quad_result) { t->term[0].value - ref0->t1_quad,
                                               t->term[0].abserr + ref0->t1_quad_err });
      const mc_acc *pairs[2][2] = { {&a->t1_plus, &ref0->t1_plus}, {&a->t1_minus, &ref0->t1_minus} };
      const char *ids[2] = { "s000_p72_term1", "s000_p72_term1_minus" };
      for (int s = 0; s < 2; s++)
        {
          double d = mc_mean (pairs[s][0]) - mc_mean (pairs[s][1]);
          double se = hypot (mc_se (pairs[s][0]), mc_se (pairs[s][1]));
          check_point (h, ids[s], est_mc (d, se), ref);
        }
    }
}

static void
check_marginal (harness * h, const config * c, const truth * t, long n)
{
  mc_acc a;
  mc_marginal (harness_rng (h), c, mutant (h, "mixture_sampler_off_by_one"), n, &a);
  double px = exp (t->log_px.value);
  check_point (h, "logp_quad_vs_mc", mc_est (&a),
               est_quad ((quad_result) { px, px * t->log_px.abserr * 1.01 + 1e-300 }));
}

/* ----------------------------------------------------------------------
 * Figure
 * ---------------------------------------------------------------------- */

/* A tick step for the residual panel: about two ticks on each side of 0
   over the largest |MC - quadrature| + z SE. */
static double
residual_tick_step (const line_accs * a, const truth * t)
{
  double zc = check_critical_value (REL_EQ, CHECK_ALPHA), big = 0;
  for (int j = 0; j < N_TERMS; j++)
    big = fmax (big, fabs (mc_mean (&a->term[j]) - t->term[j].value)
                + zc * mc_se (&a->term[j]));
  big = fmax (big, fabs (mc_mean (&a->l3_kl_w) - t->kl_w.value) + zc * mc_se (&a->l3_kl_w));
  double step = pow (10, floor (log10 (big / 2)));
  while (step * 2 < big / 2)
    step *= 2;
  return step;
}

static void
figure_data (harness * h, const truth * t, const line_accs * a)
{
  sbuf *fig = harness_figure_data (h);
  sbuf_append (fig, "# block 0: terms at point 0\n"
               "# x  MC  se  quadrature (NaN: none)  label\n");
  for (int j = 0; j < N_TERMS; j++)
    sbuf_printf (fig, "%d %.8g %.4g %.8g \"%s\"\n", j + 1, mc_mean (&a->term[j]),
                 mc_se (&a->term[j]), t->term[j].value, LINE2_NAMES[j]);
  sbuf_printf (fig, "6 %.8g %.4g %.8g \"ELBO (sum)\"\n", mc_mean (&a->elbo),
               mc_se (&a->elbo), t->elbo.value);
  sbuf_printf (fig, "7 NaN NaN %.8g \"log p(x)\"\n", t->log_px.value);
  sbuf_printf (fig, "9 %.8g %.4g %.8g \"E_w log p(x|w)\"\n", mc_mean (&a->l3_lik),
               mc_se (&a->l3_lik), t->term[0].value);
  sbuf_printf (fig, "10 %.8g %.4g %.8g \"-E_w KL(q_φ || p(z))\"\n", -mc_mean (&a->l3_kl_z),
               mc_se (&a->l3_kl_z), t->term[4].value + t->term[2].value);
  sbuf_printf (fig, "11 %.8g %.4g %.8g \"-KL(q_ψ || p(w))\"\n", -mc_mean (&a->l3_kl_w),
               mc_se (&a->l3_kl_w), -t->kl_w.value);
  /* the totals' reference is the ELBO: column 4 holds it for the residuals */
  sbuf_printf (fig, "12 %.8g %.4g %.8g \"line 3 total\"\n", mc_mean (&a->l3_total),
               mc_se (&a->l3_total), t->elbo.value);
  sbuf_printf (fig, "13 %.8g %.4g %.8g \"corrected total\"\n", mc_mean (&a->l3_corrected),
               mc_se (&a->l3_corrected), t->elbo.value);
  sbuf *gp = harness_figure_script (h);
  double off = mc_mean (&a->l3_total) - t->elbo.value;
  sbuf_printf (gp, "zc = %.4f\nelbo = %.8g\nlogpx = %.8g\n",
               check_critical_value (REL_EQ, CHECK_ALPHA), t->elbo.value,
               t->log_px.value);
  sbuf_append (gp,
    "set multiplot title 'ELBO of z → w → x with a mixture prior: the terms of 000 P7.1 at point 0'\n"
    "set lmargin at screen 0.08\nset rmargin at screen 0.98\n"
    "set xrange [0.3:13.7]\n"
    "set arrow 1 from 8, graph 0 to 8, graph 1 nohead lc rgb '#999999' dt 3\n"
    "# top: the terms and totals\n"
    "set tmargin at screen 0.91\nset bmargin at screen 0.44\n"
    "set format x ''\nset xtics 1\n"
    "set ylabel 'value (nats)'\n"
    "set key bottom left\n"
    "set label 1 'line 2 (five terms), sum, log p(x)' at 4, graph 0.94 center\n"
    "set label 2 'line 3 as written, its total, corrected total' at 10.9, graph 0.94 center\n");
  sbuf_printf (gp, "set label 3 sprintf('off by %%.3f', %.8g) at 12, %.8g offset 1.2,0 left font ',11'\n",
               off, mc_mean (&a->l3_total));
  sbuf_append (gp,
    "plot elbo with lines ls 7 title 'ELBO (quadrature)', \\\n"
    "     datafile index 0 using 1:2:($2-zc*$3):($2+zc*$3) with yerrorbars ls 1 title 'Monte Carlo ± z·SE', \\\n"
    "     '' index 0 using 1:($1 < 12 ? $4 : NaN) with points pt 6 ps 2.2 lc rgb '#D55E00' title 'quadrature'\n"
    "# bottom: Monte Carlo minus its reference\n"
    "unset label 1\nunset label 2\nunset label 3\n"
    "set tmargin at screen 0.40\nset bmargin at screen 0.17\n"
    "set format x '%g'\n"
    "set xtics rotate by 30 right nomirror font ',11'\n"
    "set ylabel 'MC − reference'\n"
    "set format y '%g'\n"
    "unset key\n");
  sbuf_printf (gp, "set ytics %.3g\n", residual_tick_step (a, t));
  sbuf_printf (gp, "set label 4 sprintf('%%.3f: off scale', %.8g) at 12, graph 0.12 center font ',11'\n", off);
  sbuf_append (gp,
    "plot 0 with lines ls 8 notitle, \\\n"
    "     datafile index 0 using 1:($1 == 12 || $4 != $4 ? NaN : $2-$4):(zc*$3):xtic(5) with yerrorbars ls 1 notitle\n"
    "unset multiplot\n");
}

/* ----------------------------------------------------------------------
 * Main
 * ---------------------------------------------------------------------- */

static mutants_on
lookup_mutants (const harness * h)
{
  mutants_on u = {
    mutant (h, "z_from_prior"), mutant (h, "bound_without_log_pz"),
    mutant (h, "conditional_z_unnormalised"), mutant (h, "term1_log_sigma_squared"),
    mutant (h, "term2_sum_off_by_one"), mutant (h, "term3_mixture_unweighted")
  };
  return u;
}

static void
write_notes (harness * h, const config * c0, const truth * t0, const line_accs * a0)
{
  double gap_l3 = mc_mean (&a0->l3_total) - t0->elbo.value;
  sbuf_printf (harness_notes (h),
    "Model: K = 3 components, w and x one-dimensional (D = 1, so det σ_θ(w) = σ_θ(w)),"
    " μ_θ(w) = α w + β, σ_θ(w) = exp(γ + δ w). Point 0 is fixed: π uniform,"
    " μ = (-2, 0, 2), σ_k = 0.5, α = 2, β = 3, σ_θ = 0.3 e^{0.1 w},"
    " x = μ_θ(1.6) = %.3g, q_ψ = N(%.4g, %.4g) (the mean and variance of the"
    " exact p(w|x), by quadrature) and q_φ(z|w,x) = p(z|w) exactly; there"
    " log p(x) = %.5g and the ELBO = %.5g. The other points are random:"
    " π ~ Dirichlet(3,3,3), μ_k = 2(k-1) + N(0, 0.3²), σ_k in [0.4, 0.8],"
    " α in [1.5, 2.5], β in [2, 3], e^γ in [0.3, 0.6], δ in [-0.2, 0.2],"
    " x from the model, q_ψ = N((x-β)/α + N(0, 0.3²), v in [0.05, 0.3]) and"
    " q_φ tempered by τ in [0.1, 0.3] with offsets ζ_k ~ N(0, 0.5²) (soft"
    " enough that q_φ(z|w,x) never saturates over the bulk of q_ψ, where a"
    " sample standard error would miss a rare switch in its tail)."
    " Monte Carlo draws w ~ q_ψ only; the expectation over z ~ q_φ(z|w,x)"
    " is summed exactly at each draw (sampling z too leaves components of"
    " probability ~1e-6 unseen in small samples, and the sample standard"
    " error then understates the error). Ground truth: quadrature over w"
    " (QAGS on m ± 15√v; for p(x) on the mixture's range ± 15σ_k).\n\n",
    c0->x, c0->m, c0->v, t0->log_px.value, t0->elbo.value);
  sbuf_printf (harness_notes (h),
    "P7.1: the bound and the five-term expansion hold. The last line"
    " replaces E_q[log p(w|z)] + E_q[log p(z)] - E_q[log q_φ] - E_q[log q_ψ]"
    " by -E_w[KL(q_φ || p(z))] - KL(q_ψ || p(w)); the two differ by"
    " E_q[log p(w) - log p(w|z)] = E_q[log p(z) - log p(z|w)], which is zero"
    " only if z carries no information about w. At point 0 the line as"
    " written is off by %.4g nats (it equals the ELBO minus E_w[KL(p(z|w) ||"
    " p(z))], the information z carries about w). Against p(z|w) the line"
    " holds (`s000_p71_line3_corrected`).\n\n"
    "P7.2: term 1 carries a plus sign on the quadratic term, so"
    " E[log p(x|w)] minus the right side varies from point to point (no"
    " constant can absorb it); with the minus sign the difference is the"
    " constant -½ log 2π. Term 2 holds. Term 3's first line holds; its"
    " second writes the mixture density at x (x-μ_k) where w belongs: at"
    " point 0 x = %.3g lies far from every μ_k, and the line is off by"
    " E_q[log p(w)] - log p_mix(x) = %.4g nats.\n\n"
    "P7.2 item 2's reparameterizations x = μ_θ(w) + σ_θ(w)ε and"
    " w = μ_z + σ_z ε sample the generative model p(x|w) and p(w|z); the"
    " ELBO's expectations are over q_ψ(w|x), which needs w = m_ψ(x) +"
    " √v_ψ(x) ε, and the discrete z cannot be reparameterized at all (here"
    " the sums over z are exact). The statement is not a numeric line and"
    " is not checked.\n",
    gap_l3, c0->x, mc_mean (&a0->t3_line2) - t0->kl_w.value);
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  long n = harness_samples (h);
  if (n < 100)
    n = 100;
  int n_configs = (int) harness_param (h, "configs");
  gsl_rng *r = harness_rng (h);
  mutants_on u = lookup_mutants (h);

  /* point 0 first: its term-1 values are the others' reference */
  config c0 = fixed_config ();
  truth t0;
  line_accs a0;
  compute_truth (&c0, &t0);
  mc_config (r, &c0, &u, n, &a0);
  term1_ref ref0 = { t0.term[0].value, t0.term[0].abserr, a0.t1_plus, a0.t1_minus };
  record_config (h, &t0, &a0, &ref0, 0);
  check_marginal (h, &c0, &t0, n);
  for (int i = 1; i < n_configs; i++)
    {
      config c = random_config (r);
      truth t;
      line_accs a;
      compute_truth (&c, &t);
      mc_config (r, &c, &u, n, &a);
      record_config (h, &t, &a, &ref0, i);
      check_marginal (h, &c, &t, n);
    }
  const char *ids[] = { "logp_quad_vs_mc", "s000_p71_bound", "s000_p71_line2",
    "s000_p71_line3", "s000_p71_line3_corrected", "s000_p72_term2",
    "s000_p72_term3_line1", "s000_p72_term3_line2"
  };
  for (size_t i = 0; i < COUNT_OF (ids); i++)
    check_close (h, ids[i], "%d configurations (a fixed one and random ones), %ld draws each",
                 n_configs, n);
  check_close (h, "s000_p72_term1", "points 1-%d against point 0, %ld draws each", n_configs - 1, n);
  check_close (h, "s000_p72_term1_minus", "points 1-%d against point 0, %ld draws each", n_configs - 1, n);
  figure_data (h, &t0, &a0);
  write_notes (h, &c0, &t0, &a0);
  return harness_end (h);
}
