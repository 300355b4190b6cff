/* test_gmm_quantile.c -- lib/gmm_quantile against independent references.
 *
 * The quantile's tail recomputed as a plain sum of GSL's normal CDFs
 * (gsl_cdf_gaussian_P/Q of x - m at sd, not the library's log-space
 * route) against Φ(-|e|) on a grid of |e| <= 9, and its distance from the
 * root (tail gap over density) against a few ulps; F(x) by QUADPACK of
 * the density near the centre; the conditional step recomputed from the
 * covariance entries (not the Cholesky factor the library uses); the
 * transform's mean and covariance over plain normal draws against
 * gmm_mean / gmm_covariance by z-scores; bad input in a child.  Each
 * assertion fails under a planted error (the report of the branch lists
 * them).  The seed is fixed; HARNESS_SEED overrides it. */
#include "gmm_quantile.h"
#include "errors.h"
#include "gmm.h"
#include "rng.h"
#include "tap.h"

#include <fcntl.h>
#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_erf.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define U (DBL_EPSILON / 2)
#define REL_TAIL_TOL 1e-12  /* the brief's: the tail on e's side to 1e-12 */
/* The tail's gap at the quantile in units of u (T + p (|x| + max sd)),
   T the tail and p the density there: what the reference's own rounding
   (a sum of CDFs, each within a few ulps) and x's (an ulp or a few of
   |x| + sd, moving T by p times that) leave.  Well conditioned, it is
   the distance from the root in units of u (|x| + max sd); where p is
   tiny (between well separated components) the tail pins x down only to
   u T / p, and the test accepts that. */
#define ROOT_ULPS 16
#define Z_MAX 5.0           /* z-score bound: p ~ 6e-7 per assertion */
#define E_MAX 9.0
#define E_STEP 0.125

static unsigned long
base_seed (void)
{
  const char *s = getenv ("HARNESS_SEED");
  return s && *s ? strtoul (s, NULL, 10) : RNG_DEFAULT_SEED;
}

/* ---------------------------------------------------------------- 1-D */

typedef struct
{
  const char *name;
  size_t k;
  double w[3], m[3], sd[3];
} mix1;

static const mix1 MIX1[] = {
  {"one component", 1, {1}, {0.7}, {1.9}},
  {"well separated", 2, {0.5, 0.5}, {-10, 10}, {1, 1}},
  {"heavy and light", 3, {0.989, 0.01, 0.001}, {0, 3, -1}, {1, 0.2, 4}},
  {"light and wide, 1e-9", 2, {1 - 1e-9, 1e-9}, {0, 0}, {1, 10}},
  {"mean_field's x1 marginal", 3, {0.5, 0.3, 0.2}, {-2, 1.5, 3},
   {0.70710678118654757, 1, 0.54772255750516607}},
};

/* The mixture's tail on e's side at x, summed from GSL's CDFs */
static double
ref_tail (const mix1 * q, double x, double e)
{
  double t = 0;
  for (size_t j = 0; j < q->k; j++)
    t += q->w[j] * (e >= 0 ? gsl_cdf_gaussian_Q (x - q->m[j], q->sd[j])
                    : gsl_cdf_gaussian_P (x - q->m[j], q->sd[j]));
  return t;
}

static double
ref_density (const mix1 * q, double x)
{
  double p = 0;
  for (size_t j = 0; j < q->k; j++)
    p += q->w[j] * gsl_ran_gaussian_pdf (x - q->m[j], q->sd[j]);
  return p;
}

static double
max_sd (const mix1 * q)
{
  double s = 0;
  for (size_t j = 0; j < q->k; j++)
    s = GSL_MAX (s, q->sd[j]);
  return s;
}

/* Worst, over the grid of e, of the tail's relative error and of the
   tail's gap in units of u (T + p (|x| + max sd)), ROOT_ULPS's */
static void
quantile_errors (const mix1 * q, double *rel, double *ulps, double *at_rel,
                 double *at_ulps)
{
  *rel = *ulps = 0;
  for (double e = -E_MAX; e <= E_MAX; e += E_STEP)
    {
      double x = gmm_quantile_1d_normal_score (q->k, q->w, q->m, q->sd, e);
      double target = gsl_cdf_ugaussian_Q (fabs (e)), t = ref_tail (q, x, e);
      double r = fabs (t / target - 1);
      double d = fabs (t - target) / (U * (t + ref_density (q, x) * (fabs (x) + max_sd (q))));
      if (!(r <= *rel))
        *rel = r, *at_rel = e;
      if (!(d <= *ulps))
        *ulps = d, *at_ulps = e;
    }
}

static void
test_quantile_tails (void)
{
  for (size_t i = 0; i < sizeof MIX1 / sizeof MIX1[0]; i++)
    {
      double rel, ulps, at_rel = 0, at_ulps = 0;
      quantile_errors (&MIX1[i], &rel, &ulps, &at_rel, &at_ulps);
      if (!tap_ok (rel <= REL_TAIL_TOL, "%s: the tail at the quantile is"
                   " Φ(-|e|) within %g relative, |e| <= 9", MIX1[i].name, REL_TAIL_TOL))
        printf ("#   worst %.3g at e = %g\n", rel, at_rel);
      if (!tap_ok (ulps <= ROOT_ULPS, "%s: the tail's gap at the quantile is within"
                   " %d u (T + p (|x| + max sd)) (rounding level), |e| <= 9",
                   MIX1[i].name, ROOT_ULPS))
        printf ("#   worst %.3g at e = %g\n", ulps, at_ulps);
      printf ("#   %s: worst relative tail %.3g (e = %g), worst gap %.3g units (e = %g)\n",
              MIX1[i].name, rel, at_rel, ulps, at_ulps);
    }
}

/* One component: x = m + sd e within the rounding of that expression */
static void
test_one_component (void)
{
  const mix1 *q = &MIX1[0];
  double worst = 0;
  for (double e = -E_MAX; e <= E_MAX; e += E_STEP)
    {
      double x = gmm_quantile_1d_normal_score (1, q->w, q->m, q->sd, e);
      double want = q->m[0] + q->sd[0] * e;
      worst = GSL_MAX (worst, fabs (x - want) / (U * (fabs (q->m[0]) + q->sd[0] * fabs (e))));
    }
  if (!tap_ok (worst <= 8, "one component: the quantile is m + sd e within 8 u (|m| + sd |e|)"))
    printf ("#   worst %.3g u\n", worst);
}

/* F(x) by QUADPACK (qagil of the density on (-inf, x]), a route through
   neither CDF, near the centre where F is not too close to 0 or 1 */
static double
quad_density (double x, void *params)
{
  return ref_density (params, x);
}

static void
test_quantile_quadrature (void)
{
  const mix1 *q = &MIX1[4];
  gsl_integration_workspace *ws = gsl_integration_workspace_alloc (1000);
  gsl_function f = { quad_density, (void *) q };
  double worst = 0;
  for (double e = -3; e <= 3; e += 0.5)
    {
      double x = gmm_quantile_1d_normal_score (q->k, q->w, q->m, q->sd, e);
      double F, err;
      gsl_integration_qagil (&f, x, 1e-14, 1e-13, 1000, ws, &F, &err);
      worst = GSL_MAX (worst, fabs (F - gsl_cdf_ugaussian_P (e)) - err);
    }
  gsl_integration_workspace_free (ws);
  if (!tap_ok (worst <= 1e-12, "mean_field's marginal: F(quantile) by QUADPACK is"
               " Φ(e) within its error estimate + 1e-12, |e| <= 3"))
    printf ("#   worst excess %.3g\n", worst);
}

/* ---------------------------------------------------------------- 2-D */

static const double W2[3] = { 0.5, 0.3, 0.2 };
static const double MU2[3][2] = { {-2, 0}, {1.5, 2}, {3, -1.5} };
static const double SIG2[3][4] = {
  {0.5, 0.2, 0.2, 1.5}, {1.0, -0.6, -0.6, 0.8}, {0.3, 0, 0, 0.3}
};

static gmm *
mixture_2d (void)
{
  return gmm_alloc_from (3, 2, W2, &MU2[0][0], &SIG2[0][0], 1.0);
}

/* The conditional mixture of x2 given x1, from the covariance entries:
   weights ∝ w_k N(x1; m_k1, Σ_k11), means m_k2 + Σ_k12/Σ_k11 (x1 - m_k1),
   sds √(Σ_k22 - Σ_k12²/Σ_k11) */
static mix1
ref_conditional (double x1)
{
  mix1 c = {.name = "conditional", .k = 3 };
  double sum = 0;
  for (size_t j = 0; j < 3; j++)
    {
      const double *s = SIG2[j];
      c.w[j] = W2[j] * gsl_ran_gaussian_pdf (x1 - MU2[j][0], sqrt (s[0]));
      c.m[j] = MU2[j][1] + s[1] / s[0] * (x1 - MU2[j][0]);
      c.sd[j] = sqrt (s[3] - s[1] * s[1] / s[0]);
      sum += c.w[j];
    }
  for (size_t j = 0; j < 3; j++)
    c.w[j] /= sum;
  return c;
}

static mix1
ref_marginal (void)
{
  mix1 c = {.name = "marginal", .k = 3 };
  for (size_t j = 0; j < 3; j++)
    c.w[j] = W2[j], c.m[j] = MU2[j][0], c.sd[j] = sqrt (SIG2[j][0]);
  return c;
}

static void
test_rosenblatt_steps (void)
{
  gmm *g = mixture_2d ();
  mix1 marg = ref_marginal ();
  double worst0 = 0, worst1 = 0;
  for (double e0 = -E_MAX; e0 <= E_MAX; e0 += 4 * E_STEP)
    for (double e1 = -E_MAX; e1 <= E_MAX; e1 += 4 * E_STEP)
      {
        double x[2];
        gmm_rosenblatt_2d (g, (const double[2]) { e0, e1 }, x);
        mix1 cond = ref_conditional (x[0]);
        worst0 = GSL_MAX (worst0, fabs (ref_tail (&marg, x[0], e0) / gsl_cdf_ugaussian_Q (fabs (e0)) - 1));
        worst1 = GSL_MAX (worst1, fabs (ref_tail (&cond, x[1], e1) / gsl_cdf_ugaussian_Q (fabs (e1)) - 1));
      }
  gmm_free (g);
  if (!tap_ok (worst0 <= REL_TAIL_TOL, "2-D: P(X1 beyond x1) is Φ(-|e0|) within %g"
               " relative, |e| <= 9", REL_TAIL_TOL))
    printf ("#   worst %.3g\n", worst0);
  if (!tap_ok (worst1 <= REL_TAIL_TOL, "2-D: P(X2 beyond x2 | x1), recomputed from Σ,"
               " is Φ(-|e1|) within %g relative, |e| <= 9", REL_TAIL_TOL))
    printf ("#   worst %.3g\n", worst1);
}

/* Mean and covariance over N plain normal draws of e: each sample
   moment against the exact one, |Δ| <= Z_MAX se (se from the same
   draws, the exact mean subtracted in the covariance's products) */
#define N_DRAWS 400000

static void
moment_z (const gmm * g, const gsl_rng * r, double zm[2], double zc[3])
{
  gsl_vector *mean = gsl_vector_alloc (2);
  gsl_matrix *cov = gsl_matrix_alloc (2, 2);
  gmm_mean (g, mean);
  gmm_covariance (g, cov);
  double mu[2] = { gsl_vector_get (mean, 0), gsl_vector_get (mean, 1) };
  double s1[5] = { 0 }, s2[5] = { 0 };
  for (long n = 0; n < N_DRAWS; n++)
    {
      double e[2] = { gsl_ran_ugaussian (r), gsl_ran_ugaussian (r) }, x[2];
      gmm_rosenblatt_2d (g, e, x);
      double d0 = x[0] - mu[0], d1 = x[1] - mu[1];
      double v[5] = { d0, d1, d0 * d0, d0 * d1, d1 * d1 };
      for (int i = 0; i < 5; i++)
        s1[i] += v[i], s2[i] += v[i] * v[i];
    }
  double want[5] = { 0, 0, gsl_matrix_get (cov, 0, 0), gsl_matrix_get (cov, 0, 1),
    gsl_matrix_get (cov, 1, 1) }, z[5];
  for (int i = 0; i < 5; i++)
    {
      double m = s1[i] / N_DRAWS, var = s2[i] / N_DRAWS - m * m;
      z[i] = (m - want[i]) / sqrt (var / N_DRAWS);
    }
  zm[0] = z[0], zm[1] = z[1], zc[0] = z[2], zc[1] = z[3], zc[2] = z[4];
  gsl_vector_free (mean);
  gsl_matrix_free (cov);
}

static void
test_rosenblatt_moments (void)
{
  gmm *g = mixture_2d ();
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, base_seed ());
  double zm[2], zc[3];
  moment_z (g, r, zm, zc);
  const char *mname[2] = { "E x1", "E x2" }, *cname[3] = { "Var x1", "Cov x1 x2", "Var x2" };
  for (int i = 0; i < 2; i++)
    if (!tap_ok (fabs (zm[i]) <= Z_MAX, "2-D over %d normal draws: %s is gmm_mean's"
                 " within %g se", N_DRAWS, mname[i], Z_MAX))
      printf ("#   z = %.3g\n", zm[i]);
  for (int i = 0; i < 3; i++)
    if (!tap_ok (fabs (zc[i]) <= Z_MAX, "2-D over %d normal draws: %s is gmm_covariance's"
                 " within %g se", N_DRAWS, cname[i], Z_MAX))
      printf ("#   z = %.3g\n", zc[i]);
  gsl_rng_free (r);
  gmm_free (g);
}

/* ---------------------------------------------------------------- edges */

static void
test_special_values (void)
{
  const mix1 *q = &MIX1[2];
  tap_ok (gmm_quantile_1d_normal_score (q->k, q->w, q->m, q->sd, INFINITY) == INFINITY
          && gmm_quantile_1d_normal_score (q->k, q->w, q->m, q->sd, -INFINITY) == -INFINITY
          && isnan (gmm_quantile_1d_normal_score (q->k, q->w, q->m, q->sd, NAN)),
          "e = ±inf gives ±inf, NaN gives NaN");
  /* far beyond the grid, where Φ(-38) ~ 3e-316 is subnormal: the light
     wide component's log tail at x (GSL's log erfc) is log Φ(-38) */
  double x = gmm_quantile_1d_normal_score (q->k, q->w, q->m, q->sd, 38);
  double lt = log (q->w[2]) + gsl_sf_log_erfc ((x - q->m[2]) / q->sd[2] * M_SQRT1_2);
  double want = gsl_sf_log_erfc (38 * M_SQRT1_2);
  tap_close (lt, want, 1e-9 * fabs (want), "e = 38: the log tail at the quantile is log Φ(-38)");
}

/* Runs F in a child with stderr closed; 1 if it exited with CODE */
static int
dies_with (void (*f) (void), int code)
{
  fflush (stdout);
  pid_t pid = fork ();
  if (pid == 0)
    {
      int fd = open ("/dev/null", O_WRONLY);
      dup2 (fd, 2);
      f ();
      _exit (0);
    }
  int status = 0;
  waitpid (pid, &status, 0);
  return WIFEXITED (status) && WEXITSTATUS (status) == code;
}

static void
call_3d (void)
{
  gmm *g = gmm_alloc (2, 3);
  double x[2];
  gmm_rosenblatt_2d (g, (const double[2]) { 0, 0 }, x);
}

static void
call_zero_sd (void)
{
  gmm_quantile_1d_normal_score (2, (const double[2]) { 0.5, 0.5 },
                                (const double[2]) { 0, 1 }, (const double[2]) { 1, 0 }, 0);
}

static void
call_no_weight (void)
{
  gmm_quantile_1d_normal_score (1, (const double[1]) { 0 }, (const double[1]) { 0 },
                                (const double[1]) { 1 }, 0);
}

static void
test_bad_input (void)
{
  tap_ok (dies_with (call_3d, EXIT_RUNTIME), "a 3-D mixture dies (die_internal)");
  tap_ok (dies_with (call_zero_sd, EXIT_RUNTIME), "an sd of 0 dies");
  tap_ok (dies_with (call_no_weight, EXIT_RUNTIME), "no positive weight dies");
}

int
main (void)
{
  errors_set_program ("test_gmm_quantile");
  test_quantile_tails ();
  test_one_component ();
  test_quantile_quadrature ();
  test_rosenblatt_steps ();
  test_rosenblatt_moments ();
  test_special_values ();
  test_bad_input ();
  return tap_done ();
}
