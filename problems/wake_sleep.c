/* wake_sleep.c -- the wake and sleep objectives on a linear-Gaussian model.
 *
 * Model (seed 001 1.1.2): z ~ N(0, 1), x | z ~ N(W z + b, s² I₂), θ =
 * (W, b, s²), and the recognition model q_φ(z|x) = N(a·x + c, τ²), φ =
 * (a, c, τ²), whose family contains the exact posterior, so that every
 * objective has a closed form (lib/recog; the ELBO and log p(x) also in
 * lib/lingauss).  The seed's lines (001 1.1.2, the wake and the sleep
 * display) are evaluated as written by Monte Carlo on the derivation
 * engine; the harness checks use finite differences (lib/gradcheck) and
 * GSL's BFGS against these closed forms. */
#include "harness.h"
#include "vector_check.h"
#include "figure_wake_sleep.h"
#include "lingauss.h"
#include "line_fn.h"
#include "recog.h"
#include "recog_point.h"

#include <gsl/gsl_math.h>
#include <math.h>

static const check_spec CHECKS[] = {
  CHECK_HARNESS ("gradients_vs_fd", REL_EQ,
   "the analytic gradients of the wake objective L(θ) (in W, b, log s²) and of the inclusive KL (in a, c, log τ²) = finite differences (lib/gradcheck)"),
  CHECK_HARNESS ("sleep_population_is_posterior", REL_EQ,
   "the population regression of z on x under p_θ (a = C⁻¹W, c = -a·b, τ² = 1 - WᵀC⁻¹W, C = WWᵀ + s²I) = the exact posterior's (a*, c*, τ*²)"),
  CHECK_HARNESS ("s001_112_wake_is_mstep", REL_EQ,
   "argmax_θ L (BFGS on the dataset ELBO) = the closed-form argmax of (1/N) Σ E_q[log p_θ(x^i|z)] (the M-step: regression of x on E[z], E[z²])"),
  CHECK_HARNESS ("s001_112_sleep_minimises", REL_EQ,
   "max_φ E_{p_θ(z,x)}[log q_φ(z|x)] (closed form) = argmin_φ E_x[KL(p_θ(z|x) || q_φ(z|x))] (BFGS): the sleep phase minimises the inclusive KL"),
  CHECK_HARNESS ("s001_112_sleep_recovers_posterior", REL_EQ,
   "the sleep fit on sampled (z^i, x^i) (least squares of z on x) = the exact posterior (a*, c*, τ*²), within the fit's exact sampling error"),
};

static const mutant_spec MUTANTS[] = {
  {"wake_grad_no_tau", "∂L/∂W without its -W τ² term", "gradients_vs_fd"},
  {"regression_tau_sign", "τ² = 1 + WᵀC⁻¹W in the population regression", "sleep_population_is_posterior"},
  {"mstep_mean_for_second_moment", "M-step with E[z²] replaced by E[z]² (τ² dropped)", "s001_112_wake_is_mstep"},
  {"mstep_s2_n_minus_1", "M-step s² divided by N d - 1", "s001_112_wake_is_mstep"},
  {"sleep_no_intercept", "sleep solution with c = 0", "s001_112_sleep_minimises"},
  {"fit_tau2_marginal", "sleep fit τ² = the sample variance of z (its marginal variance, not the residual one)", "s001_112_sleep_recovers_posterior"},
};

static const param_spec PARAMS[] = {
  {"data", 200, 20, 100000, "N, the size of the training set", PARAM_INTEGER},
  {"iterations", 40, 2, 1000, "wake-sleep iterations for the figure", PARAM_INTEGER},
};

/* ---- the wake objective L(θ) = (1/N) Σ_i ELBO(θ, φ; x^i), its M-step, and the sleep
   objective's φ-dependent part, the inclusive KL, on lib/recog with this claim's mutants ---- */

/* The wake objective at a random φ away from the posterior (lib/recog), with this claim's
   mutant of its gradient. */
static recog_wake
wake_problem (const harness * h, const gsl_rng * r, const recog_data * d)
{
  recog_wake w = { d, recog_phi_random (r), 0 };
  w.tau2_w = mutant (h, "wake_grad_no_tau") ? 0 : w.phi.tau2;
  return w;
}

/* The M-step argmax_θ (1/N) Σ_i E_q[log p_θ(x^i|z)] (lib/recog), with
   its rounding BOUND on θ's vector. */
static recog_theta
closed_mstep (const harness * h, const recog_data * d, const recog_phi * p, double *bound)
{
  double denom = (double) (d->n * RECOG_D) - (mutant (h, "mstep_s2_n_minus_1") ? 1 : 0);
  double e2 = mutant (h, "mstep_mean_for_second_moment") ? 0 : p->tau2;
  return recog_mstep_bounded (d, p, e2, denom, bound);
}

/* The sleep phase's solution in closed form, the population regression,
   with its rounding BOUND on φ's vector. */
static recog_phi
population_regression (const harness * h, const recog_theta * t, double *bound)
{
  double explained;             /* Wᵀ C⁻¹ W */
  recog_phi p = recog_regression_bounded (t, &explained, bound);
  if (mutant (h, "regression_tau_sign"))
    p.tau2 = 1 + explained;
  if (mutant (h, "sleep_no_intercept"))
    p.c = 0;
  return p;
}

/* The sleep fit on M samples from p_θ (lib/recog); CTX is the harness (a
   figure_wake_sleep_fit). */
static recog_phi
sleep_fit (void *ctx, const recog_theta * t, long m, double *inv_diag)
{
  harness *h = ctx;
  double z_var;
  recog_phi p = recog_sleep_fit (harness_rng (h), t, m, inv_diag, &z_var);
  if (mutant (h, "fit_tau2_marginal"))
    p.tau2 = z_var;
  return p;
}

/* ---- the seed's lines (001 1.1.2, seed lines 17-49) on the derivation engine: a point is a
   model θ = (W, b, s²), a recognition model φ = (a, c, τ²) and one datum x (lib/recog_point,
   which also draws for the lines); the closed forms come from lib/lingauss and lib/recog ---- */

static const point_coord BOX[] = {
  {"w1", -2, 2, 0, 0}, {"w2", -2, 2, 0, 0}, {"b1", -1, 1, 0, 0}, {"b2", -1, 1, 0, 0},
  {"s2", 0.2, 2, 1, 0}, {"a1", -1, 1, 0, 0}, {"a2", -1, 1, 0, 0}, {"c", -1, 1, 0, 0},
  {"tau2", 0.1, 1, 1, 0}, {"x1", -2, 2, 0, 0}, {"x2", -2, 2, 0, 0},
};
static const point_kind box = POINT_BOX (BOX, NULL);
#define WP ((const recog_point *) u)

/* wake: z ~ q_φ(z|x), the draw [z, e0] (recog_point_wake_draw, a map of one standard normal
   for randomized quasi-Monte Carlo: the wake integrands are quadratics in it; for plain Monte
   Carlo the engine draws the normal itself, gsl_ran_gaussian_ziggurat, so no sampler of its
   own). */
LINE_FN_PLAIN (w_elbo, lingauss_log_joint (&WP->m, WP->x, z[0]) - recog_point_log_q (WP, z[0]))
LINE_FN_PLAIN (w_elbo_no_h, lingauss_log_joint (&WP->m, WP->x, z[0]))
LINE_FN_PLAIN (w_post, recog_point_log_post (WP, z[0]) - recog_point_log_q (WP, z[0]))
LINE_FN_PLAIN (w_sampled, recog_point_log_lik (WP, z[0]))
LINE_FN_PLAIN (w_sampled_prior, recog_point_log_lik (WP, z[1]))

LINE_FN_CLOSED (t_elbo, lingauss_elbo (&WP->m, WP->x, WP->qm, WP->f.tau2))
LINE_FN_CLOSED (t_ell, lingauss_expected_log_lik (&WP->m, WP->x, WP->qm, WP->f.tau2))

/* The argmax reading: E_q[log p_θ(x|z)] + C with C = L - E_q[log p_θ(x|z)]
   taken at another θ' = (2W + 1, b + 1, 3 s²): equal to L(θ) exactly when
   what the line drops does not depend on θ. */
static estimate
w_ell_argmax (const point * p, const void *u)
{
  recog_theta t2 = WP->t;
  for (int j = 0; j < RECOG_D; j++)
    t2.w[j] = 2 * t2.w[j] + 1, t2.b[j] += 1;
  t2.s2 *= 3;
  lingauss m2 = { RECOG_D, t2.w, t2.b, t2.s2, 0, 1 };
  estimate c = est_sub (lingauss_elbo (&m2, WP->x, WP->qm, WP->f.tau2),
                        lingauss_expected_log_lik (&m2, WP->x, WP->qm, WP->f.tau2));
  return est_add (t_ell (p, u), c);
}
static const derivation_truth WAKE_TRUTHS[] = {
  {"elbo", "L(θ, φ; x) = E_q[log p(x|z)] + E_q[log p(z)] + H(q), closed form (lib/lingauss)", LINE_CLOSED (t_elbo)},
  {"ell", "E_q[log p_θ(x|z)], closed form", LINE_CLOSED (t_ell)},
};

static const derivation_line WAKE_LINES[] = {
  {.id = "s001_112_wake_prose", .source = "001 1.1.2 wake", .at = 19,
   .text = "Generate examples from q_φ(z|x^i) ... one step of gradient ascent update with respect to maximum likelihood",
   LINE_NOT_CHECKABLE ("the procedure in words; its objective is the display below (the step is on the ELBO, "
     "which is the likelihood only when q_φ is the posterior)")},
  {.id = "s001_112_wake_l", .source = "001 1.1.2 wake, first equality", .at = 25, .truth = "elbo",
   .text = "max_θ L(θ, φ; x) = max_θ ∫ q_φ(z|x) log p_θ(x,z)/q_φ(z|x)", .eval = LINE_EXPECT (w_elbo),
   .mutants = {{"wake_l_no_entropy", "the -log q_φ(z|x) dropped", LINE_EXPECT (w_elbo_no_h)}}},
  {.id = "s001_112_wake_line1", .source = "001 1.1.2 wake, second equality", .at = 25,
   .text = "= max_θ ∫ q_φ(z|x) log p_θ(z|x) - ∫ q_θ(z|x) log q_φ(z|x)  (q_θ read as q_φ: no q_θ exists)",
   .eval = LINE_EXPECT (w_post), .expect = V_SLIP,
   .readings = {{"p_θ(x,z) for p_θ(z|x): ∫ q_φ log p_θ(x,z) - ∫ q_φ log q_φ",
                 "the same line writes p_θ(x,z) one step before, 1.1.1 (line 13) splits it so, and line 27's "
                 "E_q[log p_θ(x|z)] follows from the joint, not from p_θ(z|x)", 0, LINE_EXPECT (w_elbo), 0}},
   .correction = "∫ q_φ log p_θ(x,z) - ∫ q_φ log q_φ: as written the right side is -KL(q_φ || p_θ(z|x)) = L - log p_θ(x), "
     "wrong as a value and as an objective (log p_θ(x) depends on θ)"},
  {.id = "s001_112_wake_line2", .source = "001 1.1.2 wake, third equality", .at = 27,
   .text = "= max_θ E_{q_φ(z|x)}[log p_θ(x|z)]", .eval = LINE_CLOSED (t_ell), .expect = V_SLIP,
   .readings = {{"max_θ as the maximiser: the objectives differ by a term free of θ",
                 "line 23 calls the display \"the optimization objective\", and 1.1.3 (line 61) names the "
                 "wake problem by the same max_θ E_q[log p_θ(x|z)]", 0, LINE_CLOSED (w_ell_argmax), 0}},
   .correction = "argmax_θ L = argmax_θ E_q[log p_θ(x|z)]; the maxima differ by E_q[log p(z)] + H(q_φ), which does not depend on θ"},
  {.id = "s001_112_wake_line3", .source = "001 1.1.2 wake, last equality", .at = 27, .truth = "ell",
   .text = "= max_θ (1/N) Σ_i log p_θ(x^i|z)  (z read as z^i ~ q_φ(z|x^i): a one-sample estimate of the line above, "
     "equal to it in expectation at every θ)", .eval = LINE_EXPECT (w_sampled),
   .mutants = {{"wake_z_from_prior", "z^i drawn from p(z) instead of q_φ(z|x^i)", LINE_EXPECT (w_sampled_prior)}}},
};

/* sleep: (z, x) ~ p_θ, the draw [z, x, W z + b], the last two the same x without its noise
   (recog_point_sleep_draw, a map of three standard normals, z and x's noise, for randomized
   quasi-Monte Carlo: the sleep integrands are quadratics in them; for plain Monte Carlo the
   engine draws them itself, in this order, as the wake draw's). */
LINE_FN_PLAIN (s_log_q, recog_log_q (&WP->f, z[0], z + 1))
LINE_FN_PLAIN (s_log_q_noise_free, recog_log_q (&WP->f, z[0], z + 3))
LINE_FN_PLAIN (s_log_q_unpaired, recog_log_q (&WP->f, -z[0], z + 1))

/* closed forms in a few operations each: a bound of 32 u |value| covers
   γ_n for the n <= 12 multiplications, additions and one log of each */
static estimate closed (double v) { return est_exact (v, 32 * EST_U * (fabs (v) + 1)); }
#define T (&WP->t)
#define F (&WP->f)
LINE_FN_CLOSED (t_sleep, closed (recog_sleep_objective (T, F)))
LINE_FN_CLOSED (t_fprime, closed (recog_expected_fprime (T, F)))
/* F' at the sleep objective's maximiser, the posterior (sleep_minimises) */
LINE_FN_CLOSED (s_fprime_at_sleep,
                closed (recog_expected_fprime (T, (recog_phi[]) {recog_posterior (T)})))
/* ∂/∂c of the sleep objective E_p[log q_φ]: E(z - a·x - c)/τ² = -(a·b + c)/τ² */
LINE_FN_CLOSED (s_grad_sleep, closed (-(recog_dot (F->a, T->b) + F->c) / F->tau2))
/* ∂/∂c of the bound E_{x~p_θ}[L(θ, φ; x)]: through μ = a·x + c,
   E[W·(x - b - Wμ)/s² - μ] = -(a·b + c)(1 + |W|²/s²) = -(a·b + c)/τ*² */
LINE_FN_CLOSED (t_grad_bound,
        closed (-(recog_dot (F->a, T->b) + F->c) * (1 + recog_dot (T->w, T->w) / T->s2)))

static const derivation_truth SLEEP_TRUTHS[] = {
  {"fprime", "E_x F'(θ, φ; x) = H[N(b, WWᵀ + s²I)] + E_x KL(p_θ(z|x) || q_φ(z|x)) at the point's φ, closed form", LINE_CLOSED (t_fprime)},
  {"sleep", "E_{p_θ(z,x)}[log q_φ(z|x)] = -½ log 2πτ² - E(z - a·x - c)²/(2τ²), closed form", LINE_CLOSED (t_sleep)},
  {"grad_bound", "∂/∂c of E_{x~p_θ} L(θ, φ; x), closed form", LINE_CLOSED (t_grad_bound)},
};

#define PROSE(ident, line, src, txt, reason) \
  {.id = ident, .source = "001 1.1.2 " src, .at = line, .text = txt, .expect = V_NOT_CHECKABLE, .why = reason}

static const derivation_line SLEEP_LINES[] = {
  PROSE ("s001_112_sleep_prose", 31, "sleep", "Start with random hidden variables z^i drawn from prior p(z) ... train recognition weights using (x^i, z^i)",
         "the procedure in words; its objective is line 37"),
  {.id = "s001_112_sleep_maximise", .source = "001 1.1.2 sleep", .at = 35, .truth = "fprime", .rel = REL_LE,
   .text = "maximize F'(θ, φ; x) = -log p(x) + KL(p(z|x)||q_φ(z|x)) w.r.t. q_φ(z|x)  (averaged over x ~ p_θ: "
     "F' at the sleep solution >= F' at every φ)", .eval = LINE_CLOSED (s_fprime_at_sleep), .expect = V_ERROR,
   .correction = "minimise F' (maximise log p(x) - KL(p(z|x) || q_φ(z|x))): the sleep solution is F''s minimiser; "
     "F' has no maximum (it grows without bound as τ² -> 0)"},
  {.id = "s001_112_sleep_objective", .source = "001 1.1.2 sleep", .at = 37, .truth = "sleep",
   .text = "max_φ E_{p_θ(z,x)}[log q_φ(z|x)]", .eval = LINE_EXPECT (s_log_q),
   .mutants = {{"sleep_x_noise_free", "x sampled as W z + b, without its noise", LINE_EXPECT (s_log_q_noise_free)}}},
  {.id = "s001_112_sleep_sampled", .source = "001 1.1.2 sleep", .at = 37,
   .text = "= max_φ (1/N) Σ_i log q_φ(z^i|x^i)  (a Monte Carlo estimate over (z^i, x^i) ~ p_θ: equal in expectation at every φ)",
   .eval = LINE_EXPECT (s_log_q),
   .mutants = {{"sleep_unpaired", "z^i paired with the x of -z^i", LINE_EXPECT (s_log_q_unpaired)}}},
  PROSE ("s001_112_advantages", 41, "advantages", "1. unsupervised ... 2. no communicated error signals, minimise the description length",
         "prose: properties of the algorithm in words, no quantity stated"),
  PROSE ("s001_112_disadvantage_1", 46, "disadvantages", "1. At first few iterations, the data generated might be very different true data ... wasteful",
         "prose: a judgement about early iterations, no quantity stated"),
  {.id = "s001_112_disadvantage_2", .source = "001 1.1.2 disadvantages", .at = 47, .truth = "grad_bound",
   .text = "2. The recognition weights update is the gradient of the variational bound on the log probability. This can lead to mode-averaging.  "
     "(checked: ∂/∂c of the sleep objective = ∂/∂c of the bound E_x L)", .eval = LINE_CLOSED (s_grad_sleep), .expect = V_ERROR,
   .correction = "the sleep update follows the gradient of -E_x KL(p_θ(z|x) || q_φ(z|x)), not of the bound (whose φ-gradient "
     "follows -KL(q_φ || p_θ(z|x))); they share a zero only where q_φ is the posterior. Mode-averaging is what the inclusive "
     "KL can do to a unimodal q facing a multimodal posterior: a possibility, not checkable on this unimodal model"},
  PROSE ("s001_112_disadvantages_3_4", 48, "disadvantages", "3. the prior is assumed independent ... explaining away; 4. may not converge",
         "prose: a modelling caveat and a possibility, no quantity stated"),
};

/* log-densities of Gaussians, quadratic in the normals: Hermite controls
   of degree 2 (lib/hermite_cv.h) */
DERIVATION_DEFINE (wake_dv, "s001_112_wake", "001 1.1.2: the wake objective", box, 60, WAKE_TRUTHS,
                   WAKE_LINES, DERIVATION_PREPARE (recog_point, recog_point_prepare),
                   .n_mc_points = 4, .x_dim = 2, .base_dim = derivation_one_normal,
                   .transform = recog_point_wake_draw, .hermite_degree = 2);
DERIVATION_DEFINE (sleep_dv, "s001_112_sleep", "001 1.1.2: the sleep objective and the lists", box,
                   60, SLEEP_TRUTHS, SLEEP_LINES,
                   DERIVATION_PREPARE (recog_point, recog_point_prepare), .n_mc_points = 4,
                   .x_dim = 5, .base_dim = recog_point_sleep_dim,
                   .transform = recog_point_sleep_draw, .hermite_degree = 2);   /* as the wake's */

/* ---- harness checks ---- */

static const recog_theta THETA0 = { {1.2, -0.7}, {0.5, -1.0}, 0.5 };

#define VIEW(a) gsl_vector_view_array (a, COUNT_OF (a))

/* Each gradient against finite differences (lib/gradcheck through lib/vector_check, F's
   rounding taken as GRADCHECK_F_REL_ERR of the size given), one point per coordinate. */
static void
check_gradients (harness * h, recog_wake * wp, void *sp)
{
  gsl_rng *r = harness_rng (h);
  double vv[RECOG_N_THETA], uv[RECOG_N_PHI];
  gsl_vector_view v = VIEW (vv), u = VIEW (uv);
  for (int k = 0; k < 10; k++)
    {
      recog_theta t = recog_theta_perturb (r, &THETA0, 0.3);
      recog_theta_to_vector (&t, &v.vector);
      vector_check_gradient (h, "gradients_vs_fd", recog_wake_fn, recog_wake_grad_bounded_fn, wp,
                             &v.vector, 20 * fabs (recog_wake_fn (&v.vector, wp)));
      recog_phi p = recog_phi_random (r);
      recog_phi_to_vector (&p, &u.vector);
      vector_check_gradient (h, "gradients_vs_fd", recog_inclusive_kl_fn,
                             recog_inclusive_kl_grad_bounded_fn, sp, &u.vector,
                             20 * (1 + recog_inclusive_kl_fn (&u.vector, sp)));
    }
  check_close (h, "gradients_vs_fd", "10 random θ and φ; 5 + 4 coordinates each");
}

/* The wake checks at a recognition model φ away from the posterior; returns the M-step. */
static recog_theta
check_wake (harness * h, const recog_data * d)
{
  gsl_rng *r = harness_rng (h);
  recog_wake wp = wake_problem (h, r, d);
  double vv[RECOG_N_THETA], x0v[RECOG_N_THETA], bound[RECOG_N_THETA];
  recog_theta star = closed_mstep (h, d, &wp.phi, bound), start = THETA0;
  gsl_vector_view v = VIEW (vv), x0 = VIEW (x0v);

  /* the optimiser on L against the M-step */
  start.w[0] = -start.w[0];
  recog_theta_to_vector (&start, &x0.vector);
  recog_theta_to_vector (&star, &v.vector);
  vector_check_bfgs opt = vector_check_minimiser (h, "s001_112_wake_is_mstep", recog_wake_neg_fn,
                                                  recog_wake_neg_grad_fn, &wp, &x0.vector, vv,
                                                  bound, VECTOR_CHECK_OBSERVED);
  check_close (h, "s001_112_wake_is_mstep", "N = %zu, BFGS converged %s after %zu"
               " iterations, error radius %.2g", d->n, opt.converged ? "yes" : "no",
               opt.iterations, opt.radius);
  return star;
}

static void
check_sleep (harness * h, long n)
{
  const recog_theta *t = &THETA0;
  double pv[RECOG_N_PHI], rv[RECOG_N_PHI], x0v[RECOG_N_PHI] = { 0 }, fv[RECOG_N_PHI];
  double pb[RECOG_N_PHI], rb[RECOG_N_PHI];      /* their rounding bounds */
  recog_phi post = recog_posterior_bounded (t, pb), reg = population_regression (h, t, rb);
  gsl_vector_view pvv = VIEW (pv), rvv = VIEW (rv), x0 = VIEW (x0v), fvv = VIEW (fv);
  recog_phi_to_vector (&post, &pvv.vector);
  recog_phi_to_vector (&reg, &rvv.vector);
  vector_check_equal (h, "sleep_population_is_posterior", rv, rb, pv, pb, RECOG_N_PHI);
  check_close (h, "sleep_population_is_posterior", "θ = θ0; a (2), c, log τ²");

  /* the inclusive KL's minimiser by BFGS against the closed-form sleep
     solution */
  void *sp = (void *) t;        /* the inclusive KL's parameters: θ */
  vector_check_bfgs opt = vector_check_minimiser (h, "s001_112_sleep_minimises",
                                                  recog_inclusive_kl_fn, recog_inclusive_kl_grad_fn,
                                                  sp, &x0.vector, rv, rb, VECTOR_CHECK_REFERENCE);
  check_close (h, "s001_112_sleep_minimises", "θ = θ0, BFGS from φ = 0 converged %s after"
               " %zu iterations, error radius %.2g; minimum KL %.2g",
               opt.converged ? "yes" : "no", opt.iterations, opt.radius, opt.f);

  /* the sleep fit from samples recovers the posterior: a, c with their exact conditional
     standard errors, M τ̂²/τ*² = RSS/τ*² ~ χ²_{M - 3} as a Wilson-Hilferty score */
  double inv_diag[RECOG_D + 1];
  recog_phi fit = sleep_fit (h, t, n, inv_diag);
  recog_phi_to_vector (&fit, &fvv.vector);
  vector_check_lsq (h, "s001_112_sleep_recovers_posterior", fv, pv, pb, inv_diag, RECOG_D + 1,
                    fit.tau2, post.tau2, n);
  check_close (h, "s001_112_sleep_recovers_posterior", "θ = θ0, M = %ld samples; a, c"
               " with their exact conditional standard errors, τ̂² as a Wilson-Hilferty"
               " score (τ̂² = %.5g, τ*² = %.5g)", n, fit.tau2, post.tau2);
}

/* ---- wake-sleep iterations, for the figure (lib/figure_wake_sleep, the lines panel on its
   left), the sleep step with this claim's mutant ---- */

static void
run_wake_sleep (harness * h, const recog_data * d, long m)
{
  figure_wake_sleep_spec s = { d, { {0.3, 0.3}, {0.0, 0.0}, 2.0 }, { {0.0, 0.0}, 0.0, 1.0 }, m,
    (int) harness_param (h, "iterations"), sleep_fit, h };
  double mle = figure_wake_sleep_page (h, "Wake-sleep on a linear-Gaussian model (001 1.1.2)",
                                       "Each seed line against its truth", &s);
  sbuf_printf (harness_notes (h), "After %d wake-sleep iterations the average"
               " log-likelihood is %.5g against the maximum %.5g (closed form), and the"
               " inclusive KL after the sleep step is %.2g.\n\n", s.iterations,
               recog_average_log_lik (&s.theta, d), mle, recog_inclusive_kl (&s.theta, &s.phi));
}

/* The seed lines' readings and corrections are in the report's line
   sections; the notes say what the harness checks ran on. */
static void
write_notes (harness * h, const recog_theta * star)
{
  sbuf_printf (harness_notes (h),
    "Model: z ~ N(0, 1), x | z ~ N(W z + b, s² I₂), q_φ(z|x) = N(a·x + c, τ²);"
    " θ0 = (W = (1.2, -0.7), b = (0.5, -1), s² = 0.5) generates the N training"
    " points and is the θ of the sleep checks. The wake checks use a random"
    " φ away from the posterior (a, c ~ N(0, 0.5²), τ² in [0.2, 0.6]); their"
    " M-step is θ* = (W = (%.4g, %.4g), b = (%.4g, %.4g), s² = %.4g).\n\n"
    "Sleep: the sleep solution is the population regression of z on x,"
    " which here is the exact posterior; fitted on M samples it recovers the"
    " posterior within its exact sampling error (given the sampled x, the"
    " least-squares coefficients are Gaussian around (a*, c*) with covariance"
    " τ*² (XᵀX)⁻¹, and RSS/τ*² is χ² with M - 3 degrees of freedom).\n\n"
    "Optimiser bounds: BFGS (GSL vector_bfgs2) to a gradient norm below"
    " 1e-11 where it gets there; the error radius is 1.1 ‖∇f‖ / λ_min(∇²f)"
    " at the returned point (lib/minimize), the Hessian by central differences"
    " of the analytic gradient (itself checked against lib/gradcheck).\n\n",
    star->w[0], star->w[1], star->b[0], star->b[1], star->s2);
}

static const claim CLAIM = {
  .slug = "wake_sleep",
  .title = "Wake and sleep objectives on a linear-Gaussian model",
  .claim = "The wake phase maximises the ELBO L(θ, φ) over θ for fixed q_φ, which is the "
    "M-step argmax_θ E_q[log p_θ(x|z)]; the sleep phase maximises "
    "E_{p_θ(z,x)}[log q_φ(z|x)], i.e. minimises the inclusive KL "
    "E_x KL(p_θ(z|x) || q_φ(z|x)), and recovers the exact posterior when the family "
    "contains it.",
  .sources = "001 1.1.2 (the wake and sleep objectives)",
  CLAIM_CHECKS (CHECKS), CLAIM_MUTANTS (MUTANTS), CLAIM_PARAMS (PARAMS),
  CLAIM_DERIVATIONS (&wake_dv, &sleep_dv),
  /* 800000: the sleep lines reach 1e-3 (bench.md) at four times the RQMC points */
  .samples_default = 800000, .samples_quick = 40000, .samples_min = 40000,
  .samples_min_why = "below it the 0.04 that line 27's third equality is off by is not resolved"
    " at every seed, and the line comes out inconclusive instead of a slip (seed 1183 at 10000)",
  .figure_caption = "Left: each seed line against its truth at every point it was checked "
    "at, in units of the decision's margin (findings as squares). Wake-sleep on N training "
    "points (see Notes), each phase on samples: middle, the wake objective (the ELBO averaged over the data) and the "
    "log-likelihood after each iteration, with the maximum likelihood (closed form) for "
    "reference; right, the sleep objective's φ-dependent part, the inclusive KL "
    "E_x KL(p_θ(z|x) || q_φ(z|x)), after the wake step (θ moved) and after the sleep "
    "step.",
  .figure_width = 2100, .figure_height = 650,
};

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  harness_run_derivations (h);
  long n = GSL_MAX (harness_samples (h), 100);
  gsl_rng *r = harness_rng (h);
  recog_data d = recog_data_sample (r, &THETA0, (size_t) harness_param (h, "data"));
  recog_wake wp = wake_problem (h, r, &d);
  check_gradients (h, &wp, (void *) &THETA0);
  recog_theta star = check_wake (h, &d);
  check_sleep (h, n);
  run_wake_sleep (h, &d, GSL_MAX (n / 40, 100));
  write_notes (h, &star);
  free (d.x);
  return harness_end (h);
}
