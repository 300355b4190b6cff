/* test_normal.c -- the univariate normal against GSL and quadrature. */
#include "normal.h"
#include "normal_pair.h"
#include "quad.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

typedef struct { double m1, s1, m2, s2; } pair;

static double
kl_integrand (double x, void *params)
{
  const pair *p = params;
  double lp = normal_log_pdf (x, p->m1, p->s1);
  return exp (lp) * (lp - normal_log_pdf (x, p->m2, p->s2));
}

/* N(x; m, s^2) e^{b x + c x^2} x^k */
typedef struct { double m, s, b, c; int k; } tilt;

static double
tilt_integrand (double x, void *params)
{
  const tilt *t = params;
  return exp (normal_log_pdf (x, t->m, t->s) + t->b * x + t->c * x * x) * pow (x, t->k);
}

static double
entropy_integrand (double x, void *params)
{
  const pair *p = params;
  double lp = normal_log_pdf (x, p->m1, p->s1);
  return -exp (lp) * lp;
}

/* ---------------------------------------------------------------------
 * Reference cases (tests/reference/normal.tsv, gen_normal.py: mpmath at
 * 60 digits): every actual error within the function's stated bound.
 * --------------------------------------------------------------------- */

typedef struct
{
  const char *what;
  normal_pair g;
  double c, s;
} quad_case;

static double
pair_integrand (double x, void *params)
{
  const quad_case *q = params;
  const normal_pair *g = &q->g;
  if (normal_pair_far_tail (x))
    return 0;
  double la = normal_log_pdf (x, g->ma, g->sa);
  if (!strcmp (q->what, "kl"))
    return exp (la) * normal_pair_log_ratio (g, x);
  if (!strcmp (q->what, "overlap"))
    return exp (la + normal_log_pdf (x, g->mb, g->sb));
  if (!strcmp (q->what, "bump"))
    return exp (la + normal_log_pdf (x, q->c, q->s));
  return normal_pdf (x, g->mb, g->sb) * x * x;
}

/* One case of T, named "NAME (WHAT)": WHAT is one of the tally's kinds. */
static int
ref_case (reftsv_tally * t, const char *name, const char *what, double got, const char *want,
          double bound)
{
  char label[80];
  snprintf (label, sizeof label, "%s (%s)", name, what);
  return reftsv_tally_add_text (t, label, got, want, bound);
}

/* One case (a row of one of gen_normal.py's four kinds) into its tally
   of the four T. */
static int
reference_case (char **fl, size_t nf, void *tallies)
{
  reftsv_tally *t = tallies;
  const char *name = fl[0], *kind = nf > 1 ? fl[1] : "";
  double v[8];
  size_t k;
  for (k = 0; k + 2 < nf && k < 8; k++)
    v[k] = strtod (fl[k + 2], NULL);
  if (!strcmp (kind, "pdf") && nf == 8)
    {
      double x = v[0], mu = v[1], s = v[2];
      double b = normal_log_pdf_error_bound (x, mu, s), got = normal_log_pdf (x, mu, s);
      ref_case (&t[0], name, "log_pdf", got, fl[5], b);
      b = normal_pdf_error_bound (x, mu, s), got = normal_pdf (x, mu, s);
      ref_case (&t[0], name, "pdf", got, fl[6], b);
      b = normal_entropy_error_bound (s), got = normal_entropy (s);
      ref_case (&t[0], name, "entropy", got, fl[7], b);
    }
  else if (!strcmp (kind, "kl") && nf == 7)
    {
      double b = normal_kl_error_bound (v[0], v[1], v[2], v[3]);
      double got = normal_kl (v[0], v[1], v[2], v[3]);
      ref_case (&t[1], name, "kl", got, fl[6], b);
      reftsv_tally_require (&t[1], name, got >= 0, "KL >= 0");
    }
  else if (!strcmp (kind, "ratio") && nf == 8)
    {
      normal_pair g = { v[0], v[1], v[2], v[3] };
      double b = normal_pair_log_ratio_error_bound (&g, v[4]);
      double got = normal_pair_log_ratio (&g, v[4]);
      ref_case (&t[2], name, "log_ratio", got, fl[7], b);
    }
  else if (!strcmp (kind, "quad") && nf == 10)
    {
      quad_case q = { fl[2], { 0, 0, 0, 0 }, 0, 0 };
      for (k = 0; k < 6; k++)
        v[k] = strtod (fl[3 + k], NULL);
      q.g = (normal_pair) { v[0], v[1], v[2], v[3] };
      q.c = v[4], q.s = v[5];
      quad_result res = normal_pair_quad (pair_integrand, &q, &q.g, q.c, q.s);
      ref_case (&t[3], name, q.what, res.value, fl[9], res.abserr);
    }
  else
    return 0;
  return 1;
}

/* N(x; p[0], p[1]²) */
static double
pdf_integrand (double x, void *params)
{
  const double *p = params;
  return gsl_ran_gaussian_pdf (x - p[0], p[1]);
}

static void
test_reference (void)
{
  /* a reference beyond the double range must overflow to the infinity of
     its sign */
  const unsigned rule = REFTSV_OVERFLOW | REFTSV_FINITE;
  reftsv_tally t[4] = { REFTSV_TALLY ("log_pdf, pdf, entropy", rule), REFTSV_TALLY ("kl", rule),
                        REFTSV_TALLY ("log_ratio", rule), REFTSV_TALLY ("quad", rule) };
  int read = reftsv_each ("normal", reference_case, t);
  reftsv_tally_report_each (t, 4, read, "normal.tsv", "the stated bound");
}

int
main (void)
{
  /* against GSL's own density */
  const double xs[] = { -3.5, -0.2, 0, 1.7, 40 };
  for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++)
    tap_close (normal_pdf (xs[i], 0.3, 1.9), gsl_ran_gaussian_pdf (xs[i] - 0.3, 1.9),
                1e-14, "normal_pdf = gsl_ran_gaussian_pdf at x = %g", xs[i]);
  /* entropy and KL against quadrature (QAGS on mean +- 40 sd) */
  const pair cases[] = { {0, 1, 0, 1}, {0.5, 0.3, -1, 2}, {3, 4, 0, 0.5} };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      pair p = cases[i];
      quad_result q = quad_interval (entropy_integrand, &p, p.m1 - 40 * p.s1,
                                     p.m1 + 40 * p.s1);
      tap_close (normal_entropy (p.s1), q.value, 1e-12 + q.abserr,
                  "normal_entropy(%g) = quadrature", p.s1);
      q = quad_interval (kl_integrand, &p, p.m1 - 40 * p.s1, p.m1 + 40 * p.s1);
      tap_close (normal_kl (p.m1, p.s1, p.m2, p.s2), q.value, 1e-12 + q.abserr,
                  "normal_kl case %zu = quadrature", i);
    }
  tap_close (normal_kl (1, 2, 1, 2), 0.0, 0.0, "KL of a normal to itself is 0");
  /* the mass of an interval against the tabulated 1.96 and 1 sigma values
     (Abramowitz & Stegun 26.2), and against quadrature of the density */
  tap_close (normal_mass (-1.96, 1.96, 0, 1), 0.95000420970355, 1e-13, "normal_mass ±1.96 σ = 0.95");
  tap_close (normal_mass (1.2, 3.2, 2.2, 1), 0.68268949213708590, 1e-14, "normal_mass ±1 σ");
  double mass_ab[2] = { 0.3, 1.9 };
  quad_result qm = quad_interval (pdf_integrand, mass_ab, -0.5, 2.5);
  tap_close (normal_mass (-0.5, 2.5, 0.3, 1.9), qm.value, 1e-13 + qm.abserr, "normal_mass = quadrature");
  tap_ok (normal_mass (2.5, -0.5, 0.3, 1.9) < 0 && fabs (normal_mass (-0.5, 2.5, 0.3, 2.0) - qm.value) > 1e-3,
          "negative control: a reversed interval or another σ is not that mass");

  /* the log-ratio's coefficients against the two log-densities */
  const double lr[][4] = { {1, 0.6, 0, 1}, {-2, 3, 0.5, 0.2}, {0, 1, 0, 1} };
  for (size_t i = 0; i < sizeof lr / sizeof lr[0]; i++)
    for (double x = -3; x <= 3; x += 1.5)
      {
        double th[3], want = normal_log_pdf (x, lr[i][0], lr[i][1])
          - normal_log_pdf (x, lr[i][2], lr[i][3]);
        normal_log_ratio_coefficients (lr[i][0], lr[i][1], lr[i][2], lr[i][3], th);
        tap_close (th[0] + th[1] * x + th[2] * x * x, want, 1e-12 * (1 + fabs (want)),
                   "log-ratio coefficients, case %zu at x = %g", i, x);
      }

  /* the tilt's centre and scale: the mean and sd of the tilted density by
     quadrature (moments 0, 1, 2 on the centre +- 40 scales) */
  const tilt tl[] = { {0, 1, 0.3, -0.2, 0}, {1.5, 0.4, -2, 1.5, 0}, {-1, 2, 1, 0.1, 0} };
  for (size_t i = 0; i < sizeof tl / sizeof tl[0]; i++)
    {
      double center, scale, mom[3];
      double prec = normal_tilt (tl[i].m, tl[i].s, tl[i].b, tl[i].c, &center, &scale);
      tap_close (prec, 1 / (tl[i].s * tl[i].s) - 2 * tl[i].c, 1e-14, "tilt %zu: precision", i);
      for (int k = 0; k < 3; k++)
        {
          tilt t = tl[i];
          t.k = k;
          mom[k] = quad_interval (tilt_integrand, &t, center - 40 * scale, center + 40 * scale).value;
        }
      double mean = mom[1] / mom[0], sd = sqrt (mom[2] / mom[0] - mean * mean);
      tap_close (center, mean, 1e-9 * (1 + fabs (mean)), "tilt %zu: centre = mean", i);
      tap_close (scale, sd, 1e-8 * sd, "tilt %zu: scale = sd", i);
    }
  double c0 = 7, s0 = 7;
  tap_ok (normal_tilt (0, 1, 0, 0.5, &c0, &s0) <= 0 && c0 == 7 && s0 == 7,
          "tilt with c = 1/(2 s^2): not integrable, outputs untouched");
  test_reference ();
  return tap_done ();
}
