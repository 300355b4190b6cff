/* normal_pair.c -- two univariate normals (see normal_pair.h). */
#include "normal_pair.h"
#include "normal.h"
#include "estimate.h"

#include <gsl/gsl_randist.h>
#include <math.h>

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

double
normal_pair_log_ratio_error_bound (const normal_pair * g, double x)
{
  double e = normal_log_pdf_error_bound (x, g->ma, g->sa)
    + normal_log_pdf_error_bound (x, g->mb, g->sb);
  return e + 2 * EST_U * fabs (normal_pair_log_ratio (g, x));
}
