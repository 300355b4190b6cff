/* mcmc_gmm.c -- Metropolis-Hastings and HMC on a 2-D Gaussian mixture.
 *
 * Seed 001, section 2:
 *
 *   2.1    proposal p(x'|x) = N(x' - x; 0, σ²I);
 *          A(x'|x) = min(1, P(x')Q(x|x') / (P(x)Q(x'|x)))
 *                  = min(1, P(x')N(x-x';0,σ²I) / (P(x)N(x'-x;0,σ²I)))
 *                  = min(1, P(x')/P(x));
 *          the algorithm: x = x^t, t = t+1; x* ~ Q(x*|x); u ~ U(0,1);
 *          if u < A(x*|x) then x^t = x* else x^t = x.
 *   2.2.1  H(q,p) = (1/Z) exp(-U(q)/T) exp(-K(p)/T), U = -log π(q),
 *          K(p) = Σ_i p_i²/2, π a Gaussian mixture, p independent Gaussians.
 *   2.2.2  (empty in the seed)
 *
 * The target is a three-component mixture in 2-D (lib/gmm.h).  Ground
 * truths: the mixture's exact mean and second moments (E x = Σ w_j μ_j,
 * E xxᵀ = Σ w_j (Σ_j + μ_j μ_jᵀ), computed here from the components), the
 * proposal density in closed form, quadrature (lib/quad.h), central finite
 * differences with a Richardson error estimate, and Monte Carlo standard
 * errors of chain averages from the effective sample size (lib/ess.h:
 * FFT autocovariances, Geyer's initial monotone sequence), never the
 * i.i.d. standard error.  Both chains start from an exact draw of the
 * mixture, so they are stationary from the first step and need no
 * burn-in.
 *
 * The 2.1 algorithm is coded as written (densities, not log-densities,
 * in the acceptance ratio).  HMC is lib/mcmc.c's sampler (the seed gives
 * no algorithm text for it); the leapfrog integrator is lib/mcmc.c's step
 * driven here one step at a time so that integrator errors can be
 * switched in as mutants. */
#include "harness.h"
#include "ess.h"
#include "gmm.h"
#include "mcmc.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

static const check_spec CHECKS[] = {
  {"s001_2_1_hastings_ratio", "001 2.1",
   "P(x')N(x-x';0,σ²I) / (P(x)N(x'-x;0,σ²I)) = P(x')/P(x) at random pairs (x, x' = x + σz)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s001_2_1_mh_moments", "001 2.1",
   "the algorithm as written leaves the mixture invariant: started from an exact draw, its averages of x1, x2, x1², x1x2, x2² equal the exact moments within MCMC standard errors (from the ESS)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s001_2_2_1_as_hamiltonian", "001 2.2.1",
   "H(q,p) = (1/Z) exp(-U(q)/T) exp(-K(p)/T) is the Hamiltonian: equals U(q) + K(p) at random (q, p), T = 1, Z = 2π",
   REL_EQ, EXPECT_SEED_ERROR,
   "H(q,p) = U(q) + K(p); (1/Z) exp(-H(q,p)/T) is the canonical density P(q,p) that HMC samples (Z = (2πT)^{d/2} ∫ π(q)^{1/T} dq), not the Hamiltonian"},
  {"s001_2_2_1_as_density", "001 2.2.1",
   "the same expression read as the canonical density (T = 1, Z = (2π)^{d/2}): its q-marginal ∫∫ (1/Z) e^{-U(q)} e^{-K(p)} dp1 dp2 (nested quadrature) equals π(q)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"grad_finite_difference", "harness",
   "∇ log π (the HMC force) equals central finite differences of log π at random points (Richardson error estimate)",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"leapfrog_energy_order", "harness",
   "leapfrog energy error is O(ε²) at fixed trajectory length: mean |ΔH| over 50 starts drops by 4 when ε halves",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"leapfrog_reversible", "harness",
   "leapfrog is reversible: run L steps, flip p, run L steps, flip p: back at the start within rounding",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"leapfrog_volume", "harness",
   "leapfrog preserves volume: det of its Jacobian (central differences, 4 x 4) is 1",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"hmc_moments", "harness",
   "HMC with H = U + K (leapfrog, Metropolis correction) on π: averages of x1, x2, x1², x1x2, x2² equal the exact moments within MCMC standard errors (from the ESS)",
   REL_EQ, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"hastings_sign", "reverse proposal density N(x + x'; 0, σ²I) in the Hastings ratio (sign slip)",
   "s001_2_1_hastings_ratio"},
  {"mh_accept_tempered", "acceptance min(1, (P(x')/P(x))^0.8)", "s001_2_1_mh_moments"},
  {"mh_skip_rejected", "rejected steps not recorded (only accepted states kept)",
   "s001_2_1_mh_moments"},
  {"mh_drifting_proposal", "proposal x + σz + 0.1σ e1 (not symmetric), ratio still P(x')/P(x)",
   "s001_2_1_mh_moments"},
  {"canonical_K_no_half", "K(p) = Σ p_i² (the 1/2 lost) in the 2.2.1 expression",
   "s001_2_2_1_as_density"},
  {"canonical_temperature", "T = 1.25 in the 2.2.1 expression", "s001_2_2_1_as_density"},
  {"grad_scaled", "∇ log π multiplied by 1.01", "grad_finite_difference"},
  {"leapfrog_full_first_kick", "leapfrog starts with a full momentum kick instead of a half",
   "leapfrog_energy_order"},
  {"leapfrog_growing_step", "step size grows by 1% per step along the trajectory",
   "leapfrog_reversible"},
  {"leapfrog_friction", "momentum damped by 0.1% per step", "leapfrog_volume"},
  {"hmc_temperature", "HMC run on π^{1/T} with T = 1.5 (the seed's T not 1)", "hmc_moments"},
};

static const param_spec PARAMS[] = {
  {"mh_sigma", 1.2, 0.05, 5, "random-walk proposal standard deviation σ", PARAM_REAL},
  {"hmc_eps", 0.4, 0.01, 1, "HMC leapfrog step size ε", PARAM_REAL},
  {"hmc_steps", 10, 1, 200, "HMC leapfrog steps L per trajectory", PARAM_INTEGER},
  {"separation", 1.0, 0.2, 3, "scale of the component means (mode separation)", PARAM_REAL},
};

static const claim CLAIM = {
  .slug = "mcmc_gmm",
  .title = "Metropolis-Hastings and Hamiltonian Monte Carlo on a Gaussian mixture",
  .claim = "With a symmetric Gaussian proposal the Hastings ratio reduces to "
    "P(x')/P(x), and the resulting chain leaves P invariant. HMC with "
    "H(q,p) = U(q) + K(p), U = -log π, K = |p|²/2 and a leapfrog integrator "
    "(energy error O(ε²), reversible, volume-preserving) samples π. Both "
    "samplers' averages converge on the mixture's exact moments within "
    "MCMC standard errors.",
  .sources = "001 2.1 (Hastings ratio, algorithm); 001 2.2.1 (H as written); "
    "001 2.2.2 (empty)",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 200000, .samples_quick = 20000,
  .samples_min = 100,
  .samples_min_why = "the MH chain needs 50 batches of 2 for its batch-means standard errors",
  .figure_caption = "(a) Draws of both samplers over the mixture's density "
    "contours. (b) Traces of x1: MH moves locally and switches modes rarely, "
    "HMC crosses in one trajectory. (c) Leapfrog energy error against step "
    "size at fixed trajectory length, with the slope-2 reference. "
    "(d) Autocorrelation of x1 for both chains, from which the ESS and the "
    "standard errors come.",
  .figure_width = 1400, .figure_height = 1100,
};

/* ----------------------------------------------------------------------
 * The mixture and the target handed to the samplers
 * ---------------------------------------------------------------------- */

#define D 2
#define K_COMP 3

static gmm *
build_mixture (double separation)
{
  static const double w[K_COMP] = { 0.45, 0.35, 0.20 };
  static const double mu[K_COMP][D] = { {-1.6, -0.4}, {1.6, 0.6}, {0.1, 2.0} };
  static const double sigma[K_COMP][D][D] = {
    {{0.55, 0.25}, {0.25, 0.45}},
    {{0.45, -0.20}, {-0.20, 0.60}},
    {{0.70, 0.00}, {0.00, 0.25}},
  };
  gmm *g = gmm_alloc (K_COMP, D);
  gsl_vector *m = gsl_vector_alloc (D);
  gsl_matrix *s = gsl_matrix_alloc (D, D);
  for (size_t j = 0; j < K_COMP; j++)
    {
      for (size_t a = 0; a < D; a++)
        {
          gsl_vector_set (m, a, separation * mu[j][a]);
          for (size_t b = 0; b < D; b++)
            gsl_matrix_set (s, a, b, sigma[j][a][b]);
        }
      if (gmm_set_component (g, j, w[j], m, s) != GSL_SUCCESS)
        die_internal ("mixture component %zu is not SPD", j);
    }
  gmm_normalise_weights (g);
  gsl_vector_free (m);
  gsl_matrix_free (s);
  return g;
}

/* The five moments compared: x1, x2, x1², x1x2, x2². */
#define N_MOMENTS 5
static const char *MOMENT_NAMES[N_MOMENTS] = { "x1", "x2", "x1²", "x1x2", "x2²" };

static void
moment_functions (const double *x, double *f)
{
  f[0] = x[0];
  f[1] = x[1];
  f[2] = x[0] * x[0];
  f[3] = x[0] * x[1];
  f[4] = x[1] * x[1];
}

/* E x = Σ w_j μ_j and E xxᵀ = Σ w_j (Σ_j + μ_j μ_jᵀ), from the components
   directly (not through gmm_mean / gmm_covariance). */
static void
exact_moments (const gmm * g, double *m)
{
  for (size_t i = 0; i < N_MOMENTS; i++)
    m[i] = 0;
  for (size_t j = 0; j < g->k; j++)
    {
      const mvn *c = g->comp[j];
      double w = g->weights[j];
      double m1 = gsl_vector_get (c->mu, 0), m2 = gsl_vector_get (c->mu, 1);
      m[0] += w * m1;
      m[1] += w * m2;
      m[2] += w * (gsl_matrix_get (c->sigma, 0, 0) + m1 * m1);
      m[3] += w * (gsl_matrix_get (c->sigma, 0, 1) + m1 * m2);
      m[4] += w * (gsl_matrix_get (c->sigma, 1, 1) + m2 * m2);
    }
}

typedef struct
{
  const harness *h;
  const gmm *g;
  double inv_temperature;     /* 1 unless a mutant tempers the target */
  gsl_vector *work;
} target_params;

static double
target_log (const gsl_vector * x, void *params)
{
  target_params *t = params;
  return t->inv_temperature * gmm_log_pdf (t->g, x, t->work);
}

static void
target_grad (const gsl_vector * x, gsl_vector * grad, void *params)
{
  target_params *t = params;
  gmm_grad_log_pdf (t->g, x, grad);
  double scale = t->inv_temperature;
  if (mutant (t->h, "grad_scaled"))
    scale *= 1.01;
  gsl_vector_scale (grad, scale);
}

static mcmc_target
make_target (target_params * tp)
{
  mcmc_target t = { D, target_log, target_grad, tp };
  return t;
}

/* ----------------------------------------------------------------------
 * 2.1: the Hastings ratio and the algorithm, as written
 * ---------------------------------------------------------------------- */

/* N(v; 0, σ²I) in d = 2, written out */
static double
isotropic_normal_pdf (double v1, double v2, double sigma)
{
  double s2 = sigma * sigma;
  return exp (-(v1 * v1 + v2 * v2) / (2 * s2)) / (2 * M_PI * s2);
}

static double
mixture_pdf (const gmm * g, const double *x, gsl_vector * work)
{
  gsl_vector_const_view v = gsl_vector_const_view_array (x, D);
  return exp (gmm_log_pdf (g, &v.vector, work));
}

static void
check_hastings_ratio (harness * h, const gmm * g, double sigma)
{
  gsl_rng *r = harness_rng (h);
  gsl_vector *x = gsl_vector_alloc (D), *work = gsl_vector_alloc (D);
  for (int i = 0; i < 200; i++)
    {
      gmm_sample (r, g, x);
      double a[D] = { gsl_vector_get (x, 0), gsl_vector_get (x, 1) };
      double b[D] = { a[0] + gsl_ran_gaussian (r, sigma),
        a[1] + gsl_ran_gaussian (r, sigma)
      };
      double pa = mixture_pdf (g, a, work), pb = mixture_pdf (g, b, work);
      /* Q(x|x') = N(x - x'; 0, σ²I) and Q(x'|x) = N(x' - x; 0, σ²I) */
      double back = mutant (h, "hastings_sign")
        ? isotropic_normal_pdf (a[0] + b[0], a[1] + b[1], sigma)
        : isotropic_normal_pdf (a[0] - b[0], a[1] - b[1], sigma);
      double fwd = isotropic_normal_pdf (b[0] - a[0], b[1] - a[1], sigma);
      double as_written = pb * back / (pa * fwd);
      double reduced = pb / pa;
      /* each exp carries a relative error ~ |argument| ulps; a few more
         for the products and quotients */
      double args = fabs (log (pa)) + fabs (log (pb)) + 2 * fabs (log (fwd)) + 16;
      double bound = 4 * DBL_EPSILON * args * reduced;
      check_point (h, "s001_2_1_hastings_ratio", est_exact (as_written, bound),
                   est_exact (reduced, bound));
    }
  check_close (h, "s001_2_1_hastings_ratio", "200 pairs, x ~ π, x' = x + σz, "
               "σ = %g", sigma);
  gsl_vector_free (x);
  gsl_vector_free (work);
}

/* The 2.1 algorithm as written: x* ~ Q(x*|x), u ~ U(0,1), accept if
   u < min(1, P(x*)/P(x)) -- densities, as the seed writes them.  Rows of
   CHAIN receive x^1, x^2, ...  Returns the number accepted. */
static size_t
mh_as_written (harness * h, const gmm * g, double sigma, const double *x0,
               gsl_matrix * chain)
{
  gsl_rng *r = harness_rng (h);
  gsl_vector *work = gsl_vector_alloc (D);
  double x[D] = { x0[0], x0[1] }, px = mixture_pdf (g, x, work);
  double drift = mutant (h, "mh_drifting_proposal") ? 0.1 * sigma : 0.0;
  size_t accepted = 0, t = 0;
  while (t < chain->size1)
    {
      double xs[D] = { x[0] + drift + gsl_ran_gaussian_ziggurat (r, sigma),
        x[1] + gsl_ran_gaussian_ziggurat (r, sigma)
      };
      double u = gsl_rng_uniform (r);
      double pxs = mixture_pdf (g, xs, work);
      double ratio = pxs / px;
      if (mutant (h, "mh_accept_tempered"))
        ratio = pow (ratio, 0.8);
      double a = GSL_MIN (1.0, ratio);
      int accept = u < a;
      if (accept)
        {
          x[0] = xs[0];
          x[1] = xs[1];
          px = pxs;
          accepted++;
        }
      if (accept || !mutant (h, "mh_skip_rejected"))
        {
          gsl_matrix_set (chain, t, 0, x[0]);
          gsl_matrix_set (chain, t, 1, x[1]);
          t++;
        }
    }
  gsl_vector_free (work);
  return accepted;
}

/* ----------------------------------------------------------------------
 * Chain averages against the exact moments, standard errors from the ESS
 * ---------------------------------------------------------------------- */

typedef struct
{
  ess_result moment[N_MOMENTS];
  double batch_se[N_MOMENTS];
} chain_summary;

static void
summarise_chain (const gsl_matrix * chain, chain_summary * s)
{
  size_t n = chain->size1;
  double *f = xmalloc (n * N_MOMENTS * sizeof *f);
  for (size_t i = 0; i < n; i++)
    {
      double x[D] = { gsl_matrix_get (chain, i, 0), gsl_matrix_get (chain, i, 1) };
      moment_functions (x, f + i * N_MOMENTS);
    }
  for (size_t m = 0; m < N_MOMENTS; m++)
    {
      s->moment[m] = ess_geyer (f + m, N_MOMENTS, n);
      s->batch_se[m] = ess_batch_means_se (f + m, N_MOMENTS, n, 50);
    }
  free (f);
}

static void
check_moments (harness * h, const char *id, const chain_summary * s,
               const double *exact, const char *what)
{
  for (size_t m = 0; m < N_MOMENTS; m++)
    check_point (h, id, est_mc (s->moment[m].mean, s->moment[m].se),
                 est_exact (exact[m], 16 * DBL_EPSILON * (1 + fabs (exact[m]))));
  check_close (h, id, "%s; ESS of x1 %.0f, of x1² %.0f", what,
               s->moment[0].ess, s->moment[2].ess);
}

/* ----------------------------------------------------------------------
 * 2.2.1: H as written
 * ---------------------------------------------------------------------- */

/* (1/Z) exp(-U(q)/T) exp(-K(p)/T) with K = Σ p_i²/2, as written; U =
   -log π(q) is passed in, as the p-integrals below hold q fixed */
static double
seed_221 (const harness * h, double u, const double *p, double z)
{
  double t = mutant (h, "canonical_temperature") ? 1.25 : 1.0;
  double k = 0;
  for (size_t i = 0; i < D; i++)
    k += mutant (h, "canonical_K_no_half") ? p[i] * p[i] : p[i] * p[i] / 2;
  return exp (-u / t) * exp (-k / t) / z;
}

static void
check_221_as_hamiltonian (harness * h, const gmm * g)
{
  gsl_rng *r = harness_rng (h);
  gsl_vector *x = gsl_vector_alloc (D), *work = gsl_vector_alloc (D);
  double z = pow (2 * M_PI, D / 2.0);
  for (int i = 0; i < 50; i++)
    {
      gmm_sample (r, g, x);
      double p[D] = { gsl_ran_gaussian (r, 1), gsl_ran_gaussian (r, 1) };
      double u = -gmm_log_pdf (g, x, work), k = 0.5 * (p[0] * p[0] + p[1] * p[1]);
      double seed = seed_221 (h, u, p, z);
      double bound = 16 * DBL_EPSILON * (fabs (u) + k + 1);
      check_point (h, "s001_2_2_1_as_hamiltonian",
                   est_exact (seed, bound * seed), est_exact (u + k, bound));
    }
  check_close (h, "s001_2_2_1_as_hamiltonian", "50 points q ~ π, p ~ N(0, I)");
  gsl_vector_free (x);
  gsl_vector_free (work);
}

typedef struct
{
  const harness *h;
  double u, p1, z;            /* U(q) at the fixed q, p1, Z */
  int error_pass;             /* integrate the inner bounds instead */
} marginal_params;

static double
marginal_inner (double p2, void *params)
{
  marginal_params *m = params;
  double p[D] = { m->p1, p2 };
  return seed_221 (m->h, m->u, p, m->z);
}

static double
marginal_outer (double p1, void *params)
{
  marginal_params *m = params;
  m->p1 = p1;
  /* the integrand is e^{-U - |p|^2/2} / Z: in p, N(0, 1) */
  quad_result in = quad_real_line_at (marginal_inner, m, 0.0, 1.0);
  return m->error_pass ? in.abserr : in.value;
}

/* The outer integral over p1, with the inner bounds carried: their
   integral (the error pass) bounds the noise of the outer integrand and is
   part of the result's bound.  The error pass integrates GSL's inner
   estimates, which jump with p1, so the two rules may disagree on it; it
   needs only an upper bound, and a disagreement there is absorbed by
   allowing it the whole of its value as noise. */
static quad_result
marginal_density (marginal_params * m)
{
  quad_result carried, out;
  m->error_pass = 1;
  int status = quad_try_real_line_span_noisy (marginal_outer, m, -QUAD_SPLIT,
                                              QUAD_SPLIT, 1.0, QUAD_EPSABS,
                                              1e-3, 0.0, &carried);
  if (status == QUAD_EDISAGREE)
    status = quad_try_real_line_span_noisy (marginal_outer, m, -QUAD_SPLIT,
                                            QUAD_SPLIT, 1.0, QUAD_EPSABS,
                                            1e-3, fabs (carried.value)
                                            + carried.abserr, &carried);
  m->error_pass = 0;
  if (!status)
    status = quad_try_real_line_span_noisy (marginal_outer, m, -QUAD_SPLIT,
                                            QUAD_SPLIT, 1.0, QUAD_EPSABS,
                                            QUAD_EPSREL, carried.value
                                            + carried.abserr, &out);
  if (status)
    die_runtime ("nested quadrature of the 2.2.1 density refused: %s",
                 quad_last_failure ());
  return out;
}

static void
check_221_as_density (harness * h, const gmm * g)
{
  gsl_rng *r = harness_rng (h);
  gsl_vector *x = gsl_vector_alloc (D), *work = gsl_vector_alloc (D);
  marginal_params m = { h, 0, 0, pow (2 * M_PI, D / 2.0), 0 };
  for (int i = 0; i < 10; i++)
    {
      gmm_sample (r, g, x);
      m.u = -gmm_log_pdf (g, x, work);
      quad_result out = marginal_density (&m);
      double pi_q = exp (gmm_log_pdf (g, x, work));
      check_point (h, "s001_2_2_1_as_density", est_quad (out),
                   est_exact (pi_q, 16 * DBL_EPSILON * pi_q));
    }
  check_close (h, "s001_2_2_1_as_density", "10 points q ~ π; nested QAGS and CQUAD over p1, p2");
  gsl_vector_free (x);
  gsl_vector_free (work);
}

/* ----------------------------------------------------------------------
 * The gradient and the leapfrog integrator
 * ---------------------------------------------------------------------- */

/* d/dx_i log π by central differences at steps h and h/2; the difference
   of the two estimates bounds the O(h²) error of the finer one (which is
   4x smaller), rounding included. */
static void
check_gradient (harness * h, const mcmc_target * t)
{
  gsl_rng *r = harness_rng (h);
  target_params *tp = t->params;
  gsl_vector *x = gsl_vector_alloc (D), *g = gsl_vector_alloc (D);
  for (int i = 0; i < 30; i++)
    {
      gmm_sample (r, tp->g, x);
      t->grad_log_density (x, g, t->params);
      for (size_t a = 0; a < D; a++)
        {
          double fd[2], x0 = gsl_vector_get (x, a);
          for (int level = 0; level < 2; level++)
            {
              double step = 1e-4 / (1 << level);
              gsl_vector_set (x, a, x0 + step);
              double fp = t->log_density (x, t->params);
              gsl_vector_set (x, a, x0 - step);
              double fm = t->log_density (x, t->params);
              gsl_vector_set (x, a, x0);
              fd[level] = (fp - fm) / (2 * step);
            }
          check_point (h, "grad_finite_difference",
                       est_exact (gsl_vector_get (g, a),
                                  64 * DBL_EPSILON * (1 + fabs (fd[1]))),
                       est_numeric (fd[1], fabs (fd[1] - fd[0]) + 1e-9));
        }
    }
  check_close (h, "grad_finite_difference", "30 points x ~ π, both coordinates,"
               " steps 1e-4 and 5e-5 (error bound 1e-9 + |difference|)");
  gsl_vector_free (x);
  gsl_vector_free (g);
}

/* The integrator under test: N_STEPS leapfrog steps of lib/mcmc.c, one at a
   time, from z = (q1, q2, p1, p2) to OUT. */
static void
integrate (const harness * h, const mcmc_target * t, double eps,
           size_t n_steps, const double *z, double *out)
{
  gsl_vector *q = gsl_vector_alloc (D), *p = gsl_vector_alloc (D);
  gsl_vector *g = gsl_vector_alloc (D);
  for (size_t i = 0; i < D; i++)
    {
      gsl_vector_set (q, i, z[i]);
      gsl_vector_set (p, i, z[D + i]);
    }
  t->grad_log_density (q, g, t->params);
  if (mutant (h, "leapfrog_full_first_kick"))
    gsl_blas_daxpy (0.5 * eps, g, p);
  for (size_t l = 0; l < n_steps; l++)
    {
      double e = eps;
      if (mutant (h, "leapfrog_growing_step"))
        e *= 1 + 0.01 * (double) l;
      mcmc_leapfrog (t, e, 1, q, p, g);
      if (mutant (h, "leapfrog_friction"))
        gsl_vector_scale (p, 1 - 1e-3);
    }
  for (size_t i = 0; i < D; i++)
    {
      out[i] = gsl_vector_get (q, i);
      out[D + i] = gsl_vector_get (p, i);
    }
  gsl_vector_free (q);
  gsl_vector_free (p);
  gsl_vector_free (g);
}

static double
hamiltonian_at (const mcmc_target * t, const double *z)
{
  gsl_vector_const_view q = gsl_vector_const_view_array (z, D);
  gsl_vector_const_view p = gsl_vector_const_view_array (z + D, D);
  return mcmc_hamiltonian (t, &q.vector, &p.vector);
}

static void
random_phase_point (const gsl_rng * r, const gmm * g, double *z)
{
  gsl_vector_view q = gsl_vector_view_array (z, D);
  gmm_sample (r, g, &q.vector);
  for (size_t i = 0; i < D; i++)
    z[D + i] = gsl_ran_gaussian (r, 1.0);
}

#define ORDER_LEVELS 5
#define ORDER_STARTS 50

/* Mean |ΔH| over fixed starts at ε = T/16, T/32, ..., T/256 (T = 2).  The
   ratio of successive means is 4 + O(ε²); the correction shrinks about 4x
   per halving, so the last ratio is within |r_last - r_before| of 4. */
static void
check_energy_order (harness * h, const mcmc_target * t, sbuf * fig)
{
  gsl_rng *r = harness_rng (h);
  target_params *tp = t->params;
  double starts[ORDER_STARTS][2 * D], err[ORDER_LEVELS], tlen = 2.0;
  for (int s = 0; s < ORDER_STARTS; s++)
    random_phase_point (r, tp->g, starts[s]);
  sbuf_append (fig, "\n\n# block 5: leapfrog energy error, trajectory length 2\n"
               "# eps  mean|dH|\n");
  for (int level = 0; level < ORDER_LEVELS; level++)
    {
      size_t steps = (size_t) 16 << level;
      double eps = tlen / (double) steps, sum = 0, out[2 * D];
      for (int s = 0; s < ORDER_STARTS; s++)
        {
          integrate (h, t, eps, steps, starts[s], out);
          sum += fabs (hamiltonian_at (t, out) - hamiltonian_at (t, starts[s]));
        }
      err[level] = sum / ORDER_STARTS;
      sbuf_printf (fig, "%.6g %.6g\n", eps, err[level]);
    }
  /* the slope-2 reference line of the figure, through the finest point */
  double eps_fine = tlen / (double) ((size_t) 16 << (ORDER_LEVELS - 1));
  sbuf_printf (harness_figure_script (h), "c2 = %.6g\n",
               err[ORDER_LEVELS - 1] / (eps_fine * eps_fine));
  double r_last = err[ORDER_LEVELS - 2] / err[ORDER_LEVELS - 1];
  double r_before = err[ORDER_LEVELS - 3] / err[ORDER_LEVELS - 2];
  check_compare (h, "leapfrog_energy_order",
                 est_numeric (r_last, fabs (r_last - r_before)), est_exact (4, 0),
                 "ratio %.4f at ε = 1/64 → 1/128 (previous %.4f); 50 starts, "
                 "T = 2", r_last, r_before);
}

static double
max_abs_row_sum (const gsl_matrix * m)
{
  double best = 0;
  for (size_t i = 0; i < m->size1; i++)
    {
      double s = 0;
      for (size_t j = 0; j < m->size2; j++)
        s += fabs (gsl_matrix_get (m, i, j));
      best = fmax (best, s);
    }
  return best;
}

/* The Jacobian of the leapfrog map at Z by central differences, step H. */
static void
leapfrog_jacobian (const harness * h, const mcmc_target * t, double eps,
                   size_t steps, const double *z, double step, gsl_matrix * j)
{
  for (size_t c = 0; c < 2 * D; c++)
    {
      double zp[2 * D], zm[2 * D], fp[2 * D], fm[2 * D];
      for (size_t i = 0; i < 2 * D; i++)
        zp[i] = zm[i] = z[i];
      zp[c] += step;
      zm[c] -= step;
      integrate (h, t, eps, steps, zp, fp);
      integrate (h, t, eps, steps, zm, fm);
      for (size_t i = 0; i < 2 * D; i++)
        gsl_matrix_set (j, i, c, (fp[i] - fm[i]) / (2 * step));
    }
}

static double
determinant (const gsl_matrix * a)
{
  gsl_matrix *lu = gsl_matrix_alloc (a->size1, a->size2);
  gsl_permutation *perm = gsl_permutation_alloc (a->size1);
  int sign;
  gsl_matrix_memcpy (lu, a);
  gsl_linalg_LU_decomp (lu, perm, &sign);
  double det = gsl_linalg_LU_det (lu, sign);
  gsl_matrix_free (lu);
  gsl_permutation_free (perm);
  return det;
}

#define FLOW_EPS 0.1
#define FLOW_STEPS 30

/* Reversibility and volume at 10 random phase points, trajectory
   length 3 (30 steps of 0.1). */
static void
check_reversible_and_volume (harness * h, const mcmc_target * t)
{
  gsl_rng *r = harness_rng (h);
  target_params *tp = t->params;
  gsl_matrix *j1 = gsl_matrix_alloc (2 * D, 2 * D);
  gsl_matrix *j2 = gsl_matrix_alloc (2 * D, 2 * D);
  for (int s = 0; s < 10; s++)
    {
      double z[2 * D], y[2 * D], back[2 * D], worst = 0, scale = 0;
      random_phase_point (r, tp->g, z);
      integrate (h, t, FLOW_EPS, FLOW_STEPS, z, y);
      for (size_t i = D; i < 2 * D; i++)
        y[i] = -y[i];
      integrate (h, t, FLOW_EPS, FLOW_STEPS, y, back);
      for (size_t i = D; i < 2 * D; i++)
        back[i] = -back[i];
      for (size_t i = 0; i < 2 * D; i++)
        {
          worst = fmax (worst, fabs (back[i] - z[i]));
          scale = fmax (scale, fmax (fabs (z[i]), fabs (y[i])));
        }
      leapfrog_jacobian (h, t, FLOW_EPS, FLOW_STEPS, z, 1e-4, j1);
      leapfrog_jacobian (h, t, FLOW_EPS, FLOW_STEPS, z, 5e-5, j2);
      double growth = fmax (1, max_abs_row_sum (j2));
      /* each of the 2L steps rounds each coordinate by a few ulps of the
         largest, and later steps amplify that by at most the map's
         growth */
      double round = 2 * FLOW_STEPS * 8 * DBL_EPSILON * scale * growth;
      check_point (h, "leapfrog_reversible", est_exact (worst, round),
                   est_exact (0, 0));
      double d1 = determinant (j1), d2 = determinant (j2);
      double fd_round = DBL_EPSILON * scale / 5e-5 * pow (growth, 2 * D);
      check_point (h, "leapfrog_volume",
                   est_numeric (d2, fabs (d2 - d1) + fd_round), est_exact (1, 0));
    }
  check_close (h, "leapfrog_reversible", "10 phase points q ~ π, p ~ N(0, I);"
               " %d steps of ε = %g", FLOW_STEPS, FLOW_EPS);
  check_close (h, "leapfrog_volume", "10 phase points; central differences "
               "at 1e-4 and 5e-5, %d steps of ε = %g", FLOW_STEPS, FLOW_EPS);
  gsl_matrix_free (j1);
  gsl_matrix_free (j2);
}

/* ----------------------------------------------------------------------
 * Running the samplers
 * ---------------------------------------------------------------------- */

typedef struct
{
  gsl_matrix *chain;
  chain_summary summary;
  double acceptance;
} sampler_run;

static void
run_mh (harness * h, const gmm * g, double sigma, long n, sampler_run * run)
{
  gsl_vector *x0 = gsl_vector_alloc (D);
  gmm_sample (harness_rng (h), g, x0);
  run->chain = gsl_matrix_alloc ((size_t) n, D);
  double start[D] = { gsl_vector_get (x0, 0), gsl_vector_get (x0, 1) };
  size_t accepted = mh_as_written (h, g, sigma, start, run->chain);
  run->acceptance = (double) accepted / (double) n;
  summarise_chain (run->chain, &run->summary);
  gsl_vector_free (x0);
}

static void
run_hmc (harness * h, const mcmc_target * t, long n, double *energy,
         sampler_run * run)
{
  target_params *tp = t->params;
  mcmc_hmc_options o = { harness_param (h, "hmc_eps"),
    (size_t) harness_param (h, "hmc_steps"), 0.2
  };
  gsl_vector *x0 = gsl_vector_alloc (D);
  gmm_sample (harness_rng (h), tp->g, x0);
  run->chain = gsl_matrix_alloc ((size_t) n, D);
  mcmc_stats st;
  if (mcmc_hmc (harness_rng (h), t, &o, x0, run->chain, energy, &st)
      != GSL_SUCCESS)
    die_runtime ("HMC refused its start or options");
  run->acceptance = st.acceptance_rate;
  summarise_chain (run->chain, &run->summary);
  gsl_vector_free (x0);
}

/* ----------------------------------------------------------------------
 * Figure
 * ---------------------------------------------------------------------- */

/* Writes the grid; returns the largest density on it. */
static double
figure_density_grid (const gmm * g, sbuf * fig)
{
  double best = 0;
  gsl_vector *x = gsl_vector_alloc (D), *work = gsl_vector_alloc (D);
  sbuf_append (fig, "# block 0: mixture density on a grid\n# x1  x2  pi(x)\n");
  for (int a = 0; a <= 60; a++)
    {
      for (int b = 0; b <= 60; b++)
        {
          gsl_vector_set (x, 0, -4.5 + 9.0 * a / 60);
          gsl_vector_set (x, 1, -3.5 + 7.5 * b / 60);
          double p = exp (gmm_log_pdf (g, x, work));
          best = fmax (best, p);
          sbuf_printf (fig, "%.4g %.4g %.5g\n", gsl_vector_get (x, 0),
                       gsl_vector_get (x, 1), p);
        }
      sbuf_append (fig, "\n");
    }
  gsl_vector_free (x);
  gsl_vector_free (work);
  return best;
}

static void
figure_samples (const gsl_matrix * chain, const char *name, int block, sbuf * fig)
{
  size_t n = chain->size1, stride = GSL_MAX (1, n / 1500);
  sbuf_printf (fig, "\n\n# block %d: %s draws (every %zu-th)\n# x1  x2\n",
               block, name, stride);
  for (size_t i = 0; i < n; i += stride)
    sbuf_printf (fig, "%.4g %.4g\n", gsl_matrix_get (chain, i, 0),
                 gsl_matrix_get (chain, i, 1));
}

static void
figure_traces_and_acf (const sampler_run * mh, const sampler_run * hmc,
                       sbuf * fig)
{
  size_t n_trace = GSL_MIN (400, GSL_MIN (mh->chain->size1, hmc->chain->size1));
  sbuf_append (fig, "\n\n# block 3: traces of x1\n# iteration  MH  HMC\n");
  for (size_t i = 0; i < n_trace; i++)
    sbuf_printf (fig, "%zu %.4g %.4g\n", i + 1, gsl_matrix_get (mh->chain, i, 0),
                 gsl_matrix_get (hmc->chain, i, 0));
  const size_t max_lag = 60;
  double *a_mh = xmalloc ((max_lag + 1) * sizeof *a_mh);
  double *a_hmc = xmalloc ((max_lag + 1) * sizeof *a_hmc);
  ess_autocovariance (mh->chain->data, D, mh->chain->size1, a_mh, max_lag);
  ess_autocovariance (hmc->chain->data, D, hmc->chain->size1, a_hmc, max_lag);
  sbuf_append (fig, "\n\n# block 4: autocorrelation of x1\n# lag  MH  HMC\n");
  for (size_t k = 0; k <= max_lag; k++)
    sbuf_printf (fig, "%zu %.5f %.5f\n", k, a_mh[k] / a_mh[0], a_hmc[k] / a_hmc[0]);
  free (a_mh);
  free (a_hmc);
}

static void
draw_figure (harness * h)
{
  sbuf_append (harness_figure_script (h),
    "set multiplot layout 2,2 title 'MH and HMC on a 2-D Gaussian mixture (001 2.1-2.2)'\n"
    "set title '(a) draws over the density contours'\n"
    "set xlabel 'x_1'\nset ylabel 'x_2'\nset xrange [-4.5:4.5]\nset yrange [-3.5:4]\n"
    "set contour base\nunset surface\nset view map\nset cntrparam levels 8\n"
    "set table $contours\nsplot datafile index 0 using 1:2:3 with lines\nunset table\n"
    "unset contour\nset key top left\n"
    "plot datafile index 1 using 1:2 with points pt 7 ps 0.25 lc rgb '#800072B2' title 'MH (as written)', \\\n"
    "     '' index 2 using 1:2 with points pt 7 ps 0.25 lc rgb '#80D55E00' title 'HMC', \\\n"
    "     $contours using 1:2 with lines lw 1.2 lc rgb '#404040' dt 1 title 'density contours'\n"
    "set autoscale\nunset xrange\nunset yrange\n"
    "set title '(b) traces of x_1'\nset xlabel 'iteration'\nset ylabel 'x_1'\n"
    "set key top right\n"
    "plot datafile index 3 using 1:2 with lines ls 1 lw 1 title 'MH', \\\n"
    "     '' index 3 using 1:3 with lines ls 2 lw 1 title 'HMC'\n"
    "set title '(c) leapfrog energy error, trajectory length 2'\n"
    "set logscale xy\nset xrange [0.005:0.2]\nset xlabel 'step size ε'\nset ylabel 'mean |ΔH| over 50 starts'\n"
    "set format x '%g'\nset format y '10^{%L}'\nset key top left\n"
    "f(x) = c2 * x**2\n"
    "plot f(x) with lines ls 7 title 'slope 2: c ε²', \\\n"
    "     datafile index 5 using 1:2 with points ls 1 ps 1.4 title 'leapfrog'\n"
    "unset logscale\nset autoscale x\nset format x '%g'\nset format y '%g'\n"
    "set title '(d) autocorrelation of x_1'\nset xlabel 'lag'\nset ylabel 'ρ_k'\n"
    "set key top right\n"
    "plot datafile index 4 using 1:2 with linespoints ls 1 ps 0.4 title 'MH', \\\n"
    "     '' index 4 using 1:3 with linespoints ls 2 ps 0.4 title 'HMC', \\\n"
    "     0 with lines ls 8 notitle\n"
    "unset multiplot\n");
}

/* ----------------------------------------------------------------------
 * Notes
 * ---------------------------------------------------------------------- */

static void
write_notes (harness * h, const sampler_run * mh, const sampler_run * hmc,
             const double *exact, double sigma, const double *energy,
             double max_density)
{
  sbuf *n = harness_notes (h);
  /* E[exp(-ΔH)] = 1 for an integrator that is reversible and preserves
     volume, whatever its energy error (Neal 2011, 5.4.1) */
  size_t n_hmc = hmc->chain->size1;
  double *w = xmalloc (n_hmc * sizeof *w);
  mc_acc dh;
  mc_init (&dh);
  for (size_t i = 0; i < n_hmc; i++)
    {
      w[i] = exp (-energy[i]);
      mc_add (&dh, energy[i]);
    }
  ess_result ew = ess_geyer (w, 1, n_hmc);
  free (w);
  sbuf_printf (n,
    "**Model.** π is a three-component Gaussian mixture in 2-D (weights "
    "0.45, 0.35, 0.20; means (-1.6, -0.4), (1.6, 0.6), (0.1, 2.0) times "
    "`separation`; correlated covariances), with modes far enough apart "
    "that a random walk must cross low-density valleys but close enough "
    "that it does so many times per run. Both chains start from an exact "
    "draw of π, so they are stationary from the first step.\n\n"
    "**Standard errors.** Every chain average is compared with the exact "
    "moment using the MCMC standard error sd/√ESS, the ESS from FFT "
    "autocovariances and Geyer's initial monotone sequence (lib/ess.c). "
    "Batch means (50 batches) agree: for x1 the ESS-based and batch-means "
    "standard errors are %.4f and %.4f (MH), %.4f and %.4f (HMC).\n\n",
    mh->summary.moment[0].se, mh->summary.batch_se[0],
    hmc->summary.moment[0].se, hmc->summary.batch_se[0]);
  sbuf_append (n, "| moment | exact | MH (as written) | HMC |\n|---|---|---|---|\n");
  for (size_t m = 0; m < N_MOMENTS; m++)
    sbuf_printf (n, "| E %s | %.4f | %.4f ± %.4f (ESS %.0f) | %.4f ± %.4f (ESS %.0f) |\n",
                 MOMENT_NAMES[m], exact[m], mh->summary.moment[m].mean,
                 mh->summary.moment[m].se, mh->summary.moment[m].ess,
                 hmc->summary.moment[m].mean, hmc->summary.moment[m].se,
                 hmc->summary.moment[m].ess);
  sbuf_printf (n,
    "\nMH: %zu steps, σ = %g, acceptance %.3f. HMC: %zu trajectories of "
    "L = %g leapfrog steps, ε = %g jittered by ±20%% per trajectory, "
    "acceptance %.3f; mean energy error ΔH = %.4f, and E[exp(-ΔH)] = "
    "%.4f ± %.4f, which is 1 for a reversible, volume-preserving "
    "integrator whatever its energy error.\n\n",
    mh->chain->size1, sigma, mh->acceptance, hmc->chain->size1,
    harness_param (h, "hmc_steps"), harness_param (h, "hmc_eps"),
    hmc->acceptance, mc_mean (&dh), ew.mean, ew.se);
  sbuf_printf (n,
    "**2.1** holds as written: with N(x' - x; 0, σ²I) the proposal is "
    "symmetric, the two Gaussian factors of the Hastings ratio are equal "
    "and cancel, and the algorithm (accept if u < min(1, P(x*)/P(x)), "
    "otherwise repeat x) samples P. The seed's text switches between x' "
    "and x* for the proposal; both denote the same point.\n\n"
    "**2.2.1** writes the canonical *density* of HMC and calls it the "
    "Hamiltonian. The Hamiltonian is the energy H(q,p) = U(q) + K(p); "
    "(1/Z) exp(-H/T) is the joint density P(q,p) that HMC samples, whose "
    "q-marginal is π when T = 1 (check `s001_2_2_1_as_density`). As a "
    "Hamiltonian the expression is wrong in value -- with T = 1 it never "
    "exceeds max π / (2π) ≈ %.3f (max π on the figure's grid), while "
    "U + K >= -log max π ≈ %.2f -- and in consequence: Hamilton's equations "
    "with it, dq/dt = ∂H/∂p = -(H/T) p, run the true flow backwards and "
    "at most %.3f times as fast. The seed "
    "leaves T and Z unnamed; T = 1 is needed for the q-marginal to be π "
    "(for T ≠ 1 it is π^{1/T}, renormalised).\n\n"
    "**2.2.2** and **2.3** have no text in the seed. The HMC checks here "
    "(energy error order, reversibility, volume preservation, moments) are "
    "the harness's own.\n",
    max_density / (2 * M_PI), -log (max_density), max_density / (2 * M_PI));
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  long n = harness_samples (h);
  /* the MH chain's batch-means standard errors use 50 batches */
  sbuf *fig = harness_figure_data (h);
  double sigma = harness_param (h, "mh_sigma");
  gmm *g = build_mixture (harness_param (h, "separation"));
  double exact[N_MOMENTS];
  exact_moments (g, exact);

  target_params tp = { h, g, 1.0, gsl_vector_alloc (D) };
  mcmc_target t = make_target (&tp);

  check_hastings_ratio (h, g, sigma);
  check_221_as_hamiltonian (h, g);
  check_221_as_density (h, g);
  check_gradient (h, &t);

  double max_density = figure_density_grid (g, fig);
  sampler_run mh, hmc;
  run_mh (h, g, sigma, n, &mh);
  check_moments (h, "s001_2_1_mh_moments", &mh.summary, exact,
                 "the 2.1 algorithm as written");

  target_params tp_hmc = tp;
  if (mutant (h, "hmc_temperature"))
    tp_hmc.inv_temperature = 1 / 1.5;
  mcmc_target t_hmc = make_target (&tp_hmc);
  long n_hmc = GSL_MAX (n / 20, 200);
  double *energy = xmalloc ((size_t) n_hmc * sizeof *energy);
  run_hmc (h, &t_hmc, n_hmc, energy, &hmc);
  check_moments (h, "hmc_moments", &hmc.summary, exact, "HMC");

  figure_samples (mh.chain, "MH", 1, fig);
  figure_samples (hmc.chain, "HMC", 2, fig);
  figure_traces_and_acf (&mh, &hmc, fig);
  check_energy_order (h, &t, fig);
  check_reversible_and_volume (h, &t);
  draw_figure (h);
  write_notes (h, &mh, &hmc, exact, sigma, energy, max_density);

  free (energy);
  gsl_matrix_free (mh.chain);
  gsl_matrix_free (hmc.chain);
  gsl_vector_free (tp.work);
  gmm_free (g);
  return harness_end (h);
}
