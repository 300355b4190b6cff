/* test_lingauss.c -- the one-latent linear-Gaussian model: evidence,
   posterior and ELBO against each other and against quadrature; the
   residual helpers by hand and by central differences. */
#include "lingauss.h"
#include "normal.h"
#include "mvn.h"
#include "quad.h"
#include "reftsv.h"
#include "tap.h"

#include <gsl/gsl_deriv.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  const lingauss *m;
  const double *x;
  double qm, qv, log_px;
} case_t;

/* p(x, z) / p(x): the posterior density, which integrates to 1. */
static double
joint_integrand (double z, void *params)
{
  const case_t *c = params;
  return exp (lingauss_log_joint (c->m, c->x, z) - c->log_px);
}

/* log p(x, z) as a function of z alone (for gsl_deriv_central). */
static double
joint_at (double z, void *params)
{
  const case_t *c = params;
  return lingauss_log_joint (c->m, c->x, z);
}

/* q(z) log p(x | z) = q(z) [log p(x, z) - log p(z)]: the reconstruction
   term's integrand. */
static double
recon_integrand (double z, void *params)
{
  const case_t *c = params;
  double lq = normal_log_pdf (z, c->qm, sqrt (c->qv));
  double lp = normal_log_pdf (z, c->m->prior_mean, sqrt (c->m->prior_var));
  return exp (lq) * (lingauss_log_joint (c->m, c->x, z) - lp);
}

/* q(z) [log p(x, z) - log q(z)]: the ELBO's integrand. */
static double
elbo_integrand (double z, void *params)
{
  const case_t *c = params;
  double lq = normal_log_pdf (z, c->qm, sqrt (c->qv));
  return exp (lq) * (lingauss_log_joint (c->m, c->x, z) - lq);
}

static void
check_model (const lingauss * m, const double *x, const char *name)
{
  double mu, v;
  lingauss_posterior (m, x, &mu, &v);
  estimate lpx = lingauss_log_evidence (m, x);
  /* Bayes' rule at three z: log p(x) = log p(x, z) - log p(z | x) */
  for (int i = -1; i <= 1; i++)
    {
      double z = mu + 1.7 * i * sqrt (v);
      double bayes = lingauss_log_joint (m, x, z)
        - normal_log_pdf (z, mu, sqrt (v));
      tap_close (lpx.value, bayes, lpx.err + 1e-13 * (1 + fabs (bayes)),
                 "%s: log p(x) = log p(x,z) - log p(z|x) at z = mu %+d.7 sd",
                 name, i);
    }
  /* the normaliser by quadrature: int p(x, z) dz / p(x) = 1 */
  case_t c = { m, x, mu + 0.3 * sqrt (v), 0.5 * v, lpx.value };
  quad_result q = quad_real_line_at (joint_integrand, &c, mu, sqrt (v));
  /* the exponent log p(x,z) - log p(x) is a difference of terms of size
     |x|^2 / s^2: its rounding, a few u of that, is a relative error of
     the integrand */
  double size = fabs (lpx.value);
  for (size_t i = 0; i < m->d; i++)
    size += (x[i] * x[i] + m->w[i] * m->w[i] * (mu * mu + 9 * v)) / m->noise_var;
  tap_close (q.value, 1.0, q.abserr + 1e-12 + lpx.err + 8 * EST_U * size,
             "%s: int p(x,z) dz = p(x)", name);
  /* the ELBO: closed form, log p(x) - KL(q || p(z|x)), quadrature */
  estimate elbo = lingauss_elbo (m, x, c.qm, c.qv);
  double kl = normal_kl (c.qm, sqrt (c.qv), mu, sqrt (v));
  tap_close (elbo.value, lpx.value - kl, elbo.err + lpx.err + 1e-13,
             "%s: ELBO = log p(x) - KL(q || p(z|x))", name);
  q = quad_real_line_at (elbo_integrand, &c, c.qm, sqrt (c.qv));
  tap_close (elbo.value, q.value, elbo.err + q.abserr + 1e-12,
             "%s: ELBO = quadrature", name);
  /* E_q[log p(x | z)]: quadrature, and the ELBO less E_q[log p(z)] + H[q] */
  estimate rec = lingauss_expected_log_lik (m, x, c.qm, c.qv);
  q = quad_real_line_at (recon_integrand, &c, c.qm, sqrt (c.qv));
  tap_close (rec.value, q.value, rec.err + q.abserr + 1e-12,
             "%s: E_q[log p(x|z)] = quadrature", name);
  double dm = c.qm - m->prior_mean;
  double prior_term = -0.5 * log (2 * M_PI * m->prior_var)
    - (dm * dm + c.qv) / (2 * m->prior_var);
  tap_close (rec.value + prior_term + normal_entropy (sqrt (c.qv)), elbo.value,
             rec.err + elbo.err + 1e-13 * (1 + fabs (elbo.value)),
             "%s: E_q[log p(x|z)] + E_q[log p(z)] + H[q] = ELBO", name);
  /* the posterior route against the term-by-term closed form */
  estimate via = lingauss_elbo_via_posterior (m, x, c.qm, c.qv);
  tap_close (via.value, elbo.value, via.err + elbo.err,
             "%s: ELBO via log p(x) - KL(q || p(z|x)) = term by term", name);
  /* d log p(x, z)/dz against GSL's central difference */
  for (int i = -1; i <= 1; i++)
    {
      double z = mu + 1.3 * i * sqrt (v), d, d_err;
      gsl_function F = { joint_at, &c };
      gsl_deriv_central (&F, z, 1e-3 * sqrt (v), &d, &d_err);
      tap_close (lingauss_dlog_joint_dz (m, x, z), d, d_err + 1e-9 * (1 + fabs (d)),
                 "%s: d log p(x,z)/dz = central difference at z = mu %+1.1f sd", name,
                 1.3 * i);
    }
  /* q = the posterior: the ELBO is log p(x) */
  estimate tight = lingauss_elbo (m, x, mu, v);
  tap_close (tight.value, lpx.value, tight.err + lpx.err,
             "%s: ELBO at q = p(z|x) is log p(x)", name);
}

/* q(z) log p(x | z): E_q[log p(x|z)]'s integrand. */
static double
ell_integrand (double z, void *params)
{
  const case_t *c = params;
  double lq = normal_log_pdf (z, c->qm, sqrt (c->qv));
  double lprior = normal_log_pdf (z, c->m->prior_mean, sqrt (c->m->prior_var));
  return exp (lq) * (lingauss_log_joint (c->m, c->x, z) - lprior);
}

/* E_q[log p(x|z)] by quadrature, and as the ELBO minus E_q[log p(z)] + H[q]
   (both in closed form for a normal q and prior). */
static void
check_expected_log_lik (const lingauss * m, const double *x, double qm, double qv,
                        const char *name)
{
  case_t c = { m, x, qm, qv, 0 };
  estimate e = lingauss_expected_log_lik (m, x, qm, qv);
  quad_result q = quad_real_line_at (ell_integrand, &c, qm, sqrt (qv));
  tap_close (e.value, q.value, e.err + q.abserr + 1e-10 * fabs (q.value),
             "%s: E_q[log p(x|z)] = quadrature", name);
  double dm = qm - m->prior_mean;
  double rest = -0.5 * log (2 * M_PI * m->prior_var) - (dm * dm + qv) / (2 * m->prior_var)
    + 0.5 * log (2 * M_PI * M_E * qv);
  estimate elbo = lingauss_elbo (m, x, qm, qv);
  tap_close (e.value + rest, elbo.value, e.err + elbo.err + 1e-14 * fabs (elbo.value),
             "%s: E_q[log p(x|z)] + E_q[log p(z)] + H[q] = ELBO", name);
}

/* ---------------------------------------------------------------------
 * Reference models (tests/reference/lingauss.tsv, gen_lingauss.py: the
 * joint Gaussian with a d x d covariance in mpmath at 60 digits, no
 * determinant lemma or Sherman-Morrison): posterior mean and variance
 * within lingauss_posterior_error_bound, log p(x) and the ELBO within
 * their estimates' bounds.
 * --------------------------------------------------------------------- */

/* One model and q (columns as gen_lingauss.py writes them) into the six
   tallies T. */
static int
reference_case (char **fl, size_t nf, void *tallies)
{
  reftsv_tally *t = tallies;
  size_t d = nf == 15 ? strtoul (fl[1], NULL, 10) : 0;
  double *w = malloc ((d + 1) * sizeof *w), *b = malloc ((d + 1) * sizeof *b);
  double *x = malloc ((d + 1) * sizeof *x);
  int has_b = nf == 15 && strcmp (fl[3], "-") != 0;
  int read = d > 0 && reftsv_doubles (fl[2], w, d) == d && reftsv_doubles (fl[4], x, d) == d
    && (!has_b || reftsv_doubles (fl[3], b, d) == d);
  if (read)
    {
      lingauss m = { d, w, has_b ? b : NULL, strtod (fl[5], NULL), strtod (fl[6], NULL),
                     strtod (fl[7], NULL) };
      double qm = strtod (fl[8], NULL), qv = strtod (fl[9], NULL), mean, var, me, ve;
      lingauss_posterior (&m, x, &mean, &var);
      lingauss_posterior_error_bound (&m, x, &me, &ve);
      reftsv_tally_add_text (&t[0], fl[0], mean, fl[10], me);
      reftsv_tally_add_text (&t[1], fl[0], var, fl[11], ve);
      estimate e = lingauss_log_evidence (&m, x);
      reftsv_tally_add_text (&t[2], fl[0], e.value, fl[12], e.err);
      e = lingauss_elbo (&m, x, qm, qv);
      reftsv_tally_add_text (&t[3], fl[0], e.value, fl[13], e.err);
      e = lingauss_expected_log_lik (&m, x, qm, qv);
      reftsv_tally_add_text (&t[4], fl[0], e.value, fl[14], e.err);
      e = lingauss_elbo_via_posterior (&m, x, qm, qv);
      reftsv_tally_add_text (&t[5], fl[0], e.value, fl[13], e.err);
    }
  free (w);
  free (b);
  free (x);
  return read;
}

/* |x - b - w z|² at the test's d = 3 datum, as a function of z */
static double
residual_sq_at (double z, void *params)
{
  static const double x[] = { 1.3, -2.0, 4.2 };
  return lingauss_residual_sq (params, x, z);
}

/* |x - b - w z|² by hand at d = 3, z = 0.5: residuals 0.85, -1.0, 1.95;
   negative control: without the offsets b (0.95, -1.4, 2.95) the sum is
   11.565, which the same tolerance tells apart */
static void
test_residual_sq (void)
{
  const double w[] = { 0.7, -1.2, 2.5 }, b[] = { 0.1, -0.4, 1.0 }, x[] = { 1.3, -2.0, 4.2 };
  lingauss m = { 3, w, b, 0.3, -0.6, 2.2 }, no_b = { 3, w, NULL, 0.3, -0.6, 2.2 };
  double want = 0.85 * 0.85 + 1.0 + 1.95 * 1.95;
  tap_close (lingauss_residual_sq (&m, x, 0.5), want, 1e-14, "d = 3: |x - b - w z|² by hand");
  tap_close (lingauss_residual_sq (&no_b, x, 0.5), 0.95 * 0.95 + 1.4 * 1.4 + 2.95 * 2.95, 1e-14,
             "d = 3, b = NULL: |x - w z|² by hand");
  tap_ok (fabs (lingauss_residual_sq (&no_b, x, 0.5) - want) > 1e-14,
          "negative control: the residual without b is told apart from the one with it");
  double wr = 0.7 * 0.85 + -1.2 * -1.0 + 2.5 * 1.95;
  tap_close (lingauss_w_dot_residual (&m, x, 0.5), wr, 1e-14, "d = 3: w.(x - b - w z) by hand");
  /* against d|x - b - w z|²/dz by GSL's central differences: -½ of it */
  gsl_function f = { residual_sq_at, &m };
  double d, derr;
  gsl_deriv_central (&f, 0.5, 1e-3, &d, &derr);
  tap_close (lingauss_w_dot_residual (&m, x, 0.5), -0.5 * d, 1e-8 + derr,
             "d = 3: w.(x - b - w z) = -½ d|x - b - w z|²/dz (central differences)");
  tap_ok (fabs (lingauss_w_dot_residual (&no_b, x, 0.5) - wr) > 1e-8,
          "negative control: without b, w.(x - w z) is told apart");
}

/* lingauss_posterior_scaled by hand at d = 1: m0 = 0, v0 = 1, w = 2, s² = 1,
   x = 1 give the posterior precision 1 + 4 = 5, so v = 0.2 and mu = 2/5;
   SHIFT 0.5, C 2: q = N(0.4 + 0.5 √0.2, 0.4).  Negative control: the shift
   taken in units of the variance (0.4 + 0.5 · 0.2) is told apart. */
static void
test_posterior_scaled (void)
{
  const double w[] = { 2 }, x[] = { 1 };
  lingauss m = { 1, w, NULL, 1, 0, 1 };
  double qm, qv;
  lingauss_posterior_scaled (&m, x, 0.5, 2, &qm, &qv);
  tap_close (qm, 0.4 + 0.5 * sqrt (0.2), 1e-15, "scaled posterior: mean mu + shift √v by hand");
  tap_close (qv, 0.4, 1e-15, "scaled posterior: variance c v by hand");
  tap_ok (fabs (qm - (0.4 + 0.5 * 0.2)) > 1e-3,
          "negative control: the shift in units of v, not √v, is told apart");
}

static void
test_reference (void)
{
  reftsv_tally t[6] = { REFTSV_TALLY ("posterior mean", REFTSV_FINITE),
                        REFTSV_TALLY ("posterior variance", REFTSV_FINITE),
                        REFTSV_TALLY ("log evidence", REFTSV_FINITE),
                        REFTSV_TALLY ("ELBO", REFTSV_FINITE),
                        REFTSV_TALLY ("E_q[log p(x|z)]", REFTSV_FINITE),
                        REFTSV_TALLY ("ELBO via the posterior", REFTSV_FINITE) };
  int read = reftsv_each ("lingauss", reference_case, t);
  reftsv_tally_report_each (t, 6, read, "lingauss.tsv", "its bound");
}

/* lingauss_log_evidence_1d_rnd: against log N(x; w m0 + b, w^2 v0 + s^2)
   in long double, within its own bound, and against lingauss_log_evidence
   (the error-free residual and the determinant lemma), on learned priors
   with offsets, no offset, and an x that cancels its mean to 1e-9.
   Negative control: the same formula with the noise s^2 left out of the
   variance lies farther from the long-double value than the bound. */
static long double
log_evidence_1d_ld (const lingauss * m, double x)
{
  long double r = (long double) x - (m->b ? m->b[0] : 0) - (long double) m->w[0] * m->prior_mean;
  long double v = (long double) m->w[0] * m->w[0] * m->prior_var + m->noise_var;
  return -0.5L * r * r / v - 0.5L * logl (v) - 0.5L * logl (2 * 3.14159265358979323846264338L);
}

static void
test_log_evidence_1d_rnd (void)
{
  const double w[] = { 1.7, -0.4, 0.9 }, b[] = { 0.3, -1.1, 0.0 };
  const double x[] = { 2.4, -3.0, 0.9 * 0.35 + 1e-9 };
  int ok_ld = 1, ok_est = 1, caught = 1;
  for (int k = 0; k < 3; k++)
    {
      lingauss m = { 1, w + k, k == 2 ? NULL : b + k, 0.45, k == 1 ? -0.8 : 0.35, 1.6 };
      rnd v = lingauss_log_evidence_1d_rnd (&m, x[k]);
      estimate e = lingauss_log_evidence (&m, x + k);
      long double ref = log_evidence_1d_ld (&m, x[k]);
      ok_ld &= fabsl (v.value - ref) <= rnd_bound (v);
      ok_est &= fabs (v.value - e.value) <= rnd_bound (v) + e.err;
      lingauss no_noise = m;
      no_noise.noise_var = 0;
      long double wrong = log_evidence_1d_ld (&no_noise, x[k]);
      caught &= fabsl (wrong - ref) > rnd_bound (v);
    }
  tap_ok (ok_ld, "1-D log p(x) as an rnd = long double's within its bound, 3 cases");
  tap_ok (ok_est, "1-D log p(x) as an rnd = lingauss_log_evidence within both bounds");
  tap_ok (caught, "negative control: the variance without s^2 lies beyond the bound");
}

int
main (void)
{
  /* iwae_bound's shape: d = 1, b = 0, z ~ N(0, 1) */
  const double w1[] = { 1.5 }, x1[] = { 2.0 };
  lingauss m1 = { 1, w1, NULL, 0.64, 0.0, 1.0 };
  check_model (&m1, x1, "d = 1");
  /* one latent, offsets and a learned prior, d = 3 */
  const double w3[] = { 0.7, -1.2, 2.5 }, b3[] = { 0.1, -0.4, 1.0 };
  const double x3[] = { 1.3, -2.0, 4.2 };
  lingauss m3 = { 3, w3, b3, 0.3, -0.6, 2.2 };
  check_model (&m3, x3, "d = 3");
  /* far in the tail: x many sd from its mean, small noise */
  const double x2[] = { 30.0, -25.0 }, w2[] = { 4.0, -3.0 };
  lingauss m2 = { 2, w2, NULL, 0.01, 0.0, 1.0 };
  check_model (&m2, x2, "d = 2, tail");
  test_residual_sq ();
  /* d = 1 against the scalar evidence N(x; 0, a^2 + s^2) */
  estimate l1 = lingauss_log_evidence (&m1, x1);
  tap_close (l1.value, normal_log_pdf (2.0, 0.0, sqrt (1.5 * 1.5 + 0.64)),
             l1.err + 1e-15, "d = 1: log p(x) = log N(x; 0, a^2 + s^2)");
  check_expected_log_lik (&m1, x1, 0.4, 0.3, "d = 1");
  check_expected_log_lik (&m3, x3, -1.1, 0.8, "d = 3");
  test_log_evidence_1d_rnd ();
  test_posterior_scaled ();
  test_reference ();
  return tap_done ();
}
