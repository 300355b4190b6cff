/* gaussian_entropy.c -- the entropy of a Gaussian, H = ½ log det(2πe Σ).
 *
 * 004 eqs. (2.8)-(2.9): E_q[log q_i(z_i)] = -½ - ½ log 2π - log s_i for the
 * mean-field factors q_i = N(m_i, s_i²).  Ground truth: quadrature of
 * q log q (one dimension); Monte Carlo of -log p(x) by its own Cholesky
 * solve (any dimension).  Written from `make new-claim`. */
#include "harness.h"
#include "mvn.h"
#include "normal.h"
#include "figure_panel.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

/* ---- 004 (2.8)-(2.9); a point is (m1, s1, m2, s2), a draw (z1, z2) ---- */

static const point_coord FACTORS[] = {
  {"m1", -3, 3, 0, 0}, {"s1", 0.05, 20, 1, 0}, {"m2", -3, 3, 0, 0},
  {"s2", 0.05, 20, 1, 0},
};
static point_kind factor_points;

static void
sample_factors (const gsl_rng * r, const point * p, const void *prep, double *z)
{
  (void) prep;
  z[0] = p->v[0] + p->v[1] * gsl_ran_gaussian_ziggurat (r, 1.0);
  z[1] = p->v[2] + p->v[3] * gsl_ran_gaussian_ziggurat (r, 1.0);
}

static double
neg_q_log_q (double z, void *params)
{
  const double *ms = params;
  double lq = normal_log_pdf (z, ms[0], ms[1]);
  return exp (lq) * lq;
}

/* E_q[log q_i] by quadrature over m ± 40 s: the truth of both chains. */
static estimate
expected_log_q (const point * p, int i)
{
  double ms[2] = { p->v[2 * i], p->v[2 * i + 1] };
  return est_quad (quad_interval (neg_q_log_q, ms, ms[0] - 40 * ms[1],
                                  ms[0] + 40 * ms[1]));
}
static estimate truth_q1 (const point * p, const void *u) { (void) u; return expected_log_q (p, 0); }
static estimate truth_q2 (const point * p, const void *u) { (void) u; return expected_log_q (p, 1); }

/* E_q[log q1(z1)], the density written out, under the sampler. */
static double
log_q1 (const point * p, const void *u, const double *z, double *err)
{
  (void) u, (void) err;
  return normal_log_pdf (z[0], p->v[0], p->v[1]);
}

/* -½(log(2π) - log(s1) - 1/(2s1²) E[z1² - 2m1z1 + m1²]: the bracket never
   closes.  Closed at the end of the line: */
static double
mid_closed_at_end (const point * p, const void *u, const double *z, double *err)
{
  (void) u, (void) err;
  double s = p->v[1], m = p->v[0], q = z[0] * z[0] - 2 * m * z[0] + m * m;
  return -0.5 * (log (2 * M_PI) - log (s) - q / (2 * s * s));
}

/* ... closed right after log(2π): */
static double
mid_closed_after_log2pi (const point * p, const void *u, const double *z, double *err)
{
  (void) u, (void) err;
  double s = p->v[1], m = p->v[0], q = z[0] * z[0] - 2 * m * z[0] + m * m;
  return -0.5 * log (2 * M_PI) - log (s) - q / (2 * s * s);
}

static estimate
rhs_q1 (const point * p, const void *u)
{
  (void) u;
  return EST_SUM (-0.5, -0.5 * log (2 * M_PI), -log (p->v[1]));
}
static estimate
rhs_q1_half_log (const point * p, const void *u)
{
  (void) u;
  return EST_SUM (-0.5, -0.5 * log (2 * M_PI), -0.5 * log (p->v[1]));
}
static estimate
rhs_q2 (const point * p, const void *u)
{
  (void) u;
  return EST_SUM (-0.5, -0.5 * log (2 * M_PI), -log (p->v[3]));
}

static const derivation_truth FACTOR_TRUTHS[] = {
  {"e_log_q1", "E_q[log q1] = -H[N(m1, s1²)] by quadrature (GSL QAGS)",
   LINE_CLOSED (truth_q1)},
  {"e_log_q2", "E_q[log q2] by quadrature", LINE_CLOSED (truth_q2)},
};

static const derivation_line FACTOR_LINES[] = {
  {.id = "s004_eq2_8_lhs", .source = "004 eq. (2.8)", .text = "E_q[log(q1(z1))]",
   .eval = LINE_EXPECT (log_q1), .truth = "e_log_q1"},
  {.id = "s004_eq2_8_mid", .source = "004 eq. (2.8)",
   .text = "= -½(log(2π) - log(s1) - 1/(2s1²)·E_q[z1² - 2m1z1 + m1²]",
   .eval = LINE_EXPECT (mid_closed_at_end),
   .readings = {{"the bracket closed right after log(2π)", "the bracket never"
                 " closes; this placement gives the line's own result"
                 " -½ - ½ log(2π) - log(s1)", 1, LINE_EXPECT (mid_closed_after_log2pi)}}},
  {.id = "s004_eq2_8_rhs", .source = "004 eq. (2.8)",
   .text = "= -½ - ½ log(2π) - log(s1)", .eval = LINE_CLOSED (rhs_q1),
   .mutants = {{"eq2_8_log_s_halved", "(2.8) with -½ log s1", LINE_CLOSED (rhs_q1_half_log)}}},
  {.id = "s004_eq2_9", .source = "004 eq. (2.9)",
   .text = "E_q[log(q2(z2))] = -½ - ½ log(2π) - log(s2)",
   .eval = LINE_CLOSED (rhs_q2), .truth = "e_log_q2"},
};

static derivation factors = {
  .id = "s004_factors", .title = "004 eqs. (2.8)-(2.9): E_q[log q_i] of a normal factor",
  .points = &factor_points, .n_points = 50, .n_mc_points = 4, .x_dim = 2,
  .sample = sample_factors,
  .truths = FACTOR_TRUTHS, .n_truths = COUNT_OF (FACTOR_TRUTHS),
  .lines = FACTOR_LINES, .n_lines = COUNT_OF (FACTOR_LINES),
};

/* ---- the harness's own closed form, d = 1..10, against Monte Carlo ---- */

static point_kind gaussian_points;

static void prep_mvn (const point * p, void *prep) { *(mvn **) prep = mvn_from_arrays (p->d, point_mean (p, 0), point_cov (p, 0)); }
static void free_mvn (void *prep) { mvn_free (*(mvn **) prep); }

static void
sample_gaussian (const gsl_rng * r, const point * p, const void *prep, double *x)
{
  gsl_vector_view xv = gsl_vector_view_array (x, p->d);
  mvn_sample (r, *(mvn * const *) prep, &xv.vector);
}

static double
neg_log_density (const point * p, const void *prep, const double *x,
                 double *err)
{
  (void) err;
  double work[32];
  gsl_vector_const_view xv = gsl_vector_const_view_array (x, p->d);
  gsl_vector_view wv = gsl_vector_view_array (work, p->d);
  return -mvn_log_pdf (*(mvn * const *) prep, &xv.vector, &wv.vector);
}

static estimate
entropy_closed (const point * p, const void *prep)
{
  double d = (double) p->d, ld = (*(mvn * const *) prep)->logdet;
  return EST_SUM (d / 2, d / 2 * log (2 * M_PI), 0.5 * ld);
}
static estimate
entropy_no_e (const point * p, const void *prep)
{
  estimate e = entropy_closed (p, prep);
  e.value -= (double) p->d / 2;
  return e;
}
static estimate
entropy_scaled (const point * p, const void *prep)
{
  return est_scale (1.01, entropy_closed (p, prep));
}

static const derivation_truth ENTROPY_TRUTHS[] = {
  {"mc", "-E[log p(x)] by Monte Carlo, log p by its own Cholesky solve",
   LINE_EXPECT (neg_log_density)},
};

static const derivation_line ENTROPY_LINES[] = {
  {.id = "entropy_closed_form", .source = "harness",
   .text = "H[N(μ, Σ)] = d/2 (1 + log 2π) + ½ log det Σ",
   .eval = LINE_CLOSED (entropy_closed), .truth = "mc",
   .mutants = {{"no_e", "the +d/2 dropped", LINE_CLOSED (entropy_no_e)},
               {"rel_1e-2", "entropy scaled by 1 + 1e-2", LINE_CLOSED (entropy_scaled)}}},
};

static derivation entropy = {
  .id = "entropy", .title = "The closed form against Monte Carlo",
  .points = &gaussian_points, .n_points = 6, .n_mc_points = 6,
  .prep_size = sizeof (mvn *), .prepare = prep_mvn, .release = free_mvn,
  .x_dim = 10, .sample = sample_gaussian,
  .truths = ENTROPY_TRUTHS, .n_truths = COUNT_OF (ENTROPY_TRUTHS),
  .lines = ENTROPY_LINES, .n_lines = COUNT_OF (ENTROPY_LINES),
};

static const claim CLAIM = {
  .slug = "gaussian_entropy", .title = "The entropy of a Gaussian",
  .claim = "For x ~ N(μ, Σ) in d dimensions, H[x] = -E[log p(x)] = "
    "½ log det(2πe Σ); in one dimension E[log N(z; m, s²)] = -½ - ½ log 2π - log s.",
  .sources = "004 eqs. (2.8)-(2.9)",
  .derivations = (const derivation *const[]) {&factors, &entropy}, .n_derivations = 2,
  .samples_default = 2000000, .samples_quick = 40000, .samples_min = 1000,
  .figure_caption = "Each line's value against the truth at every point it"
    " was checked at; a line that holds lies on the diagonal.",
};

int
main (int argc, char **argv)
{
  factor_points = point_box_template;
  factor_points.coords = FACTORS, factor_points.n_coords = COUNT_OF (FACTORS);
  gaussian_points = point_gaussian_template;
  gaussian_points.dmax = 10, gaussian_points.cond_max = 1e4;
  gaussian_points.description = "d from 1 to 10; mean from N(0, I); covariance"
    " Q diag(λ) Qᵀ, λ geometric over a log-uniform condition number up to 1e4";
  harness *h = harness_begin (&CLAIM, argc, argv);
  derivation_run (h, &factors);
  derivation_run (h, &entropy);
  figure_lines_against_truth (h, "Entropy of a Gaussian: each line against its truth");
  return harness_end (h);
}
