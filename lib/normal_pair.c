/* normal_pair.c -- two univariate normals (see normal_pair.h). */
#include "normal_pair.h"
#include "mc.h"
#include "normal.h"
#include "estimate.h"
#include "logsumexp.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

normal_pair
normal_pair_from_array (const double v[4])
{
  return (normal_pair) { v[0], v[1], v[2], v[3] };
}

normal_pair
normal_pair_draw (const gsl_rng * r, double log_sd_lo, double log_sd_hi)
{
  normal_pair g;
  g.ma = gsl_ran_gaussian (r, 1.0);
  g.sa = exp (gsl_ran_flat (r, log_sd_lo, log_sd_hi));
  g.mb = gsl_ran_gaussian (r, 1.0);
  g.sb = exp (gsl_ran_flat (r, log_sd_lo, log_sd_hi));
  return g;
}

void
normal_pair_prepare (const point * p, void *prep)
{
  *(normal_pair *) prep = (normal_pair) { p->v[0], p->v[1], p->v[2], p->v[3] };
}

double
normal_pair_log_ratio (const normal_pair * g, double x)
{
  return normal_log_pdf (x, g->ma, g->sa) - normal_log_pdf (x, g->mb, g->sb);
}

double
normal_pair_kl (const normal_pair * g)
{
  return normal_kl (g->ma, g->sa, g->mb, g->sb);
}

quad_result
normal_pair_quad (quad_fn f, void *params, const normal_pair * g,
                  double center, double scale)
{
  double c[3] = { g->ma, g->mb, center }, s[3] = { g->sa, g->sb, scale };
  return quad_real_line_hull (f, params, 3, c, s);
}

int
normal_pair_far_tail (double x)
{
  return fabs (x) > 1e100;
}

typedef struct
{
  const normal_pair *g;
  normal_pair_critic t;
  void *params;
  normal_pair_link la, lb;
} objective;

static double
objective_integrand (double x, void *params)
{
  const objective *o = params;
  if (normal_pair_far_tail (x))
    return 0.0;
  const normal_pair *g = o->g;
  double fa = o->la ? normal_pdf (x, g->ma, g->sa) : 0.0;
  double fb = o->lb ? normal_pdf (x, g->mb, g->sb) : 0.0;
  if (!(fa > 0) && !(fb > 0))
    return 0.0;
  double t = o->t (x, o->params), v = 0.0;
  if (fb > 0)
    v += fb * o->lb (t);
  if (fa > 0)
    v += fa * o->la (t);
  return v;
}

quad_result
normal_pair_objective_quad (const normal_pair * g, normal_pair_critic t,
                            void *params, normal_pair_link la,
                            normal_pair_link lb)
{
  objective o = { g, t, params, la, lb };
  return normal_pair_quad (objective_integrand, &o, g, g->ma, g->sa);
}

estimate
normal_pair_objective_mc (const gsl_rng * r, const normal_pair * g,
                          normal_pair_critic t, void *params,
                          normal_pair_link la, normal_pair_link lb, long n)
{
  mc_acc ab, aa;
  mc_init (&ab);
  mc_init (&aa);
  for (long i = 0; i < n; i++)
    {
      double xb = g->mb + gsl_ran_gaussian (r, g->sb);
      double xa = g->ma + gsl_ran_gaussian (r, g->sa);
      mc_add (&ab, lb (t (xb, params)));
      mc_add (&aa, la (t (xa, params)));
    }
  return est_add (est_mc_acc (&ab), est_mc_acc (&aa));
}

double
normal_pair_log_ratio_error_bound (const normal_pair * g, double x)
{
  double e = normal_log_pdf_error_bound (x, g->ma, g->sa)
    + normal_log_pdf_error_bound (x, g->mb, g->sb);
  return e + 2 * EST_U * fabs (normal_pair_log_ratio (g, x));
}

static double
kl_quad_integrand (double x, void *params)
{
  const normal_pair *g = params;
  if (normal_pair_far_tail (x))
    return 0.0;
  double lp = normal_log_pdf (x, g->ma, g->sa);
  return exp (lp) * (lp - normal_log_pdf (x, g->mb, g->sb));
}

quad_result
normal_pair_kl_quad (const normal_pair * g)
{
  return normal_pair_quad (kl_quad_integrand, (void *) g, g, g->ma, g->sa);
}

quad_result
normal_pair_quad_interval (quad_fn f, void *params, const normal_pair * g,
                           double epsabs, double epsrel)
{
  double s = fmax (g->sa, g->sb);
  double lo = fmin (g->ma, g->mb) - 40 * s, hi = fmax (g->ma, g->mb) + 40 * s;
  return quad_interval_cquad_tol (f, params, lo, hi, epsabs, epsrel);
}

/* log a(x), log b(x) and log m(x), m = (a + b)/2 */
static void
mid_log_pdfs (const normal_pair * g, double x, double *la, double *lb,
              double *lm)
{
  *la = normal_log_pdf (x, g->ma, g->sa);
  *lb = normal_log_pdf (x, g->mb, g->sb);
  *lm = log_add_exp (*la, *lb) - M_LN2;
}

static double
kl_mid_integrand (double x, void *params)
{
  double la, lb, lm;
  mid_log_pdfs (params, x, &la, &lb, &lm);
  return exp (la) * (la - lm);
}

static double
jsd_integrand (double x, void *params)
{
  double la, lb, lm;
  mid_log_pdfs (params, x, &la, &lb, &lm);
  return 0.5 * (exp (la) * (la - lm) + exp (lb) * (lb - lm));
}

quad_result
normal_pair_kl_mid_quad (const normal_pair * g, double epsabs, double epsrel)
{
  return normal_pair_quad_interval (kl_mid_integrand, (void *) g, g, epsabs,
                                    epsrel);
}

quad_result
normal_pair_jsd_quad (const normal_pair * g, double epsabs, double epsrel)
{
  return normal_pair_quad_interval (jsd_integrand, (void *) g, g, epsabs,
                                    epsrel);
}
