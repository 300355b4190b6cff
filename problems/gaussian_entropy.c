/* gaussian_entropy.c -- the entropy of a Gaussian, H = ½ log det(2πe Σ).
 *
 * Sources: 004 eqs. (2.8)-(2.9) (E_q[log q_i(z_i)] = -½ - ½ log 2π - log s_i
 * for the mean-field factors q_i = N(m_i, s_i^2)), the background formula
 * every KL and ELBO derivation in the seeds leans on.
 * Ground truth: Monte Carlo of -E[log p(x)] with its standard error (the
 * density evaluated by its own Cholesky solve), and quadrature of -p log p
 * in one dimension.
 *
 * Written with `make new-claim NAME=gaussian_entropy` as the worked example
 * of adding a claim (README, "Adding a claim"). */
#include "harness.h"
#include "mvn.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static const check_spec CHECKS[] = {
  {"closed_vs_quad_1d", "harness",
   "H[N(m, s^2)] = ½ log(2πe s^2) = -∫ p log p, by quadrature, at random m, s",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"closed_vs_mc_d1", "harness", "H = ½ log det(2πe Σ) = -E[log p(x)] by Monte Carlo, d = 1",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"closed_vs_mc_d3", "harness", "the same, d = 3", REL_EQ, EXPECT_HOLDS, NULL},
  {"closed_vs_mc_d10", "harness", "the same, d = 10, condition number 1e4",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"scaling", "harness",
   "H[a x] = H[x] + d log|a| (the entropy of a scaled Gaussian), at random points",
   REL_EQ, EXPECT_HOLDS, NULL},
  {"s004_eq2_8", "004 eq. (2.8)",
   "E_q[log q1(z1)] = -½ - ½ log(2π) - log(s1), against -H[N(m1, s1^2)] by quadrature",
   REL_EQ, EXPECT_HOLDS, NULL},
};

static const mutant_spec MUTANTS[] = {
  {"no_e", "½ log(2π Σ) without the e (the +d/2 dropped)", "closed_vs_quad_1d"},
  {"logdet_unhalved", "log det Σ without its ½", "closed_vs_mc_d1"},
  {"two_pi_squared", "log(2π)^2 in place of log 2π per dimension", "closed_vs_mc_d3"},
  {"rel_1e-2", "entropy scaled by 1 + 1e-2", "closed_vs_mc_d10"},
  {"scaling_abs_missing", "H[a x] = H[x] + log|a| (d missing)", "scaling"},
  {"eq2_8_log_s_halved", "(2.8) with -½ log s1", "s004_eq2_8"},
};

static const param_spec PARAMS[] = {
  {"points", 50, 5, 10000, "random parameter points for the closed-form checks"},
};

static const claim CLAIM = {
  .slug = "gaussian_entropy",
  .title = "The entropy of a Gaussian",
  .claim = "For x ~ N(μ, Σ) in d dimensions, H[x] = -E[log p(x)] = "
    "½ log det(2πe Σ) = d/2 (1 + log 2π) + ½ log det Σ; in one dimension "
    "E[log N(z; m, s^2)] = -½ - ½ log 2π - log s.",
  .sources = "004 eqs. (2.8)-(2.9)",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS),
  .mutants = MUTANTS, .n_mutants = COUNT_OF (MUTANTS),
  .params = PARAMS, .n_params = COUNT_OF (PARAMS),
  .samples_default = 1000000, .samples_quick = 40000,
  .figure_caption = "Monte Carlo estimates of the entropy minus the closed form, "
    "with ±z·SE error bars (z for α = 1e-7), in d = 1, 3 and 10; each bar must "
    "cover 0. Labels give the closed-form entropy.",
};

/* The formula under test, with its mutants. */
static double
entropy_under_test (const harness * h, const mvn * g)
{
  double d = (double) g->d, log_2pi = log (2 * M_PI);
  if (mutant (h, "two_pi_squared"))
    log_2pi *= 2;
  double e_term = mutant (h, "no_e") ? 0.0 : d / 2;
  double ld = mutant (h, "logdet_unhalved") ? g->logdet : 0.5 * g->logdet;
  double hval = e_term + d / 2 * log_2pi + ld;
  return mutant (h, "rel_1e-2") ? hval * 1.01 : hval;
}

static mvn *
random_gaussian (const gsl_rng * r, size_t d, double cond)
{
  mvn *g = mvn_alloc (d);
  gsl_vector *mu = gsl_vector_alloc (d);
  gsl_matrix *s = gsl_matrix_alloc (d, d);
  for (size_t i = 0; i < d; i++)
    gsl_vector_set (mu, i, gsl_ran_gaussian (r, 1.0));
  spd_random (r, exp (gsl_ran_gaussian (r, 1.0)), cond, s);
  if (mvn_set (g, mu, s) != GSL_SUCCESS)
    die_runtime ("a random covariance is not positive definite");
  gsl_vector_free (mu);
  gsl_matrix_free (s);
  return g;
}

static double
neg_p_log_p (double x, void *params)
{
  const double *ms = params;   /* mean, standard deviation */
  double lp = log (gsl_ran_gaussian_pdf (x - ms[0], ms[1]));
  double p = exp (lp);
  return p > 0 ? -p * lp : 0.0;
}

static void
check_quadrature (harness * h)
{
  gsl_rng *r = harness_rng (h);
  int n = (int) harness_param (h, "points");
  for (int i = 0; i < n; i++)
    {
      mvn *g = random_gaussian (r, 1, 1.0);
      double ms[2] = { gsl_vector_get (g->mu, 0),
        sqrt (gsl_matrix_get (g->sigma, 0, 0)) };
      quad_result q = quad_real_line_at (neg_p_log_p, ms, ms[0], ms[1]);
      double hval = entropy_under_test (h, g);
      check_point (h, "closed_vs_quad_1d", est_exact (hval, 0), est_quad (q));
      /* 004 (2.8) as written: E_q[log q1] = -1/2 - 1/2 log 2pi - log s1 */
      double log_s = log (ms[1]) * (mutant (h, "eq2_8_log_s_halved") ? 0.5 : 1);
      check_point (h, "s004_eq2_8", est_exact (-0.5 - 0.5 * log (2 * M_PI) - log_s, 0),
                   est_quad ((quad_result) { -q.value, q.abserr }));
      mvn_free (g);
    }
  check_close (h, "closed_vs_quad_1d", "%d random (m, s), QAGS and CQUAD", n);
  check_close (h, "s004_eq2_8", "%d random (m1, s1)", n);
}

/* -E[log p(x)] by Monte Carlo, the density by mvn_log_pdf on each draw. */
static void
check_mc (harness * h, const char *id, size_t d, double cond, long n,
          sbuf * fig)
{
  gsl_rng *r = harness_rng (h);
  mvn *g = random_gaussian (r, d, cond);
  gsl_vector *x = gsl_vector_alloc (d), *work = gsl_vector_alloc (d);
  mc_acc acc;
  mc_init (&acc);
  for (long i = 0; i < n; i++)
    {
      mvn_sample (r, g, x);
      mc_add (&acc, -mvn_log_pdf (g, x, work));
    }
  double hval = entropy_under_test (h, g);
  check_compare (h, id, est_exact (hval, 0), est_mc_acc (&acc),
                 "d = %zu, %ld draws, condition number %g", d, n, cond);
  sbuf_printf (fig, "%zu %.10g %.10g %.10g\n", d, mc_mean (&acc), mc_se (&acc), hval);
  gsl_vector_free (x);
  gsl_vector_free (work);
  mvn_free (g);
}

static void
check_scaling (harness * h)
{
  gsl_rng *r = harness_rng (h);
  int n = (int) harness_param (h, "points");
  for (int i = 0; i < n; i++)
    {
      size_t d = 1 + gsl_rng_uniform_int (r, 6);
      double a = exp (gsl_ran_gaussian (r, 1.0));
      mvn *g = random_gaussian (r, d, 10.0), *ga = mvn_alloc (d);
      gsl_vector *mu = gsl_vector_alloc (d);
      gsl_matrix *s = gsl_matrix_alloc (d, d);
      gsl_vector_memcpy (mu, g->mu);
      gsl_vector_scale (mu, a);
      gsl_matrix_memcpy (s, g->sigma);
      gsl_matrix_scale (s, a * a);
      mvn_set (ga, mu, s);
      double shift = (mutant (h, "scaling_abs_missing") ? 1.0 : (double) d) * log (a);
      double size = fabs (entropy_under_test (h, g)) + fabs (shift);
      check_point (h, "scaling", est_exact (entropy_under_test (h, ga), 0),
                   est_exact (entropy_under_test (h, g) + shift, 64 * 2.2e-16 * size));
      gsl_vector_free (mu);
      gsl_matrix_free (s);
      mvn_free (g);
      mvn_free (ga);
    }
  check_close (h, "scaling", "%d random (d, a, Σ)", n);
}

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  long n = harness_samples (h);
  sbuf *fig = harness_figure_data (h);
  sbuf_append (fig, "# d  MC entropy  se  closed form\n");
  check_quadrature (h);
  check_mc (h, "closed_vs_mc_d1", 1, 1.0, n, fig);
  check_mc (h, "closed_vs_mc_d3", 3, 10.0, n, fig);
  check_mc (h, "closed_vs_mc_d10", 10, 1e4, n, fig);
  check_scaling (h);
  sbuf_printf (harness_figure_script (h), "zc = %.4f\n",
               check_critical_value (REL_EQ, CHECK_ALPHA));
  sbuf_append (harness_figure_script (h),
    "set title 'Entropy of a Gaussian: Monte Carlo minus ½ log det(2πeΣ)'\n"
    "set xlabel 'dimension d'\nset ylabel 'Monte Carlo - closed form (nats)'\n"
    "set xrange [0:11]\nset key top left\n"
    "plot 0 with lines ls 7 title 'closed form (difference 0)', \\\n"
    "     datafile using 1:($2-$4):(zc*$3) with yerrorbars ls 1 title 'Monte Carlo ± z·SE', \\\n"
    "     '' using 1:($2-$4):(sprintf('H = %.3f', $4)) with labels left offset 1,0.8 notitle\n");
  sbuf_append (harness_notes (h),
    "Covariances are random (Haar-orthogonal eigenvectors, geometric eigenvalues"
    " with the stated condition number and a log-normal scale); the Monte Carlo"
    " evaluates -log p(x) at each draw by its own Cholesky solve (mvn_log_pdf),"
    " not through the closed form. This claim was written from the template of"
    " `make new-claim` as the README's worked example.\n");
  return harness_end (h);
}
