/* normal.c -- the univariate normal (see normal.h). */
#include "normal.h"

#include <gsl/gsl_math.h>
#include <math.h>

#define LOG_SQRT_2PI 0.91893853320467274178

double
normal_log_pdf (double x, double mu, double sigma)
{
  double z = (x - mu) / sigma;
  return -0.5 * z * z - log (sigma) - LOG_SQRT_2PI;
}

double
normal_pdf (double x, double mu, double sigma)
{
  return exp (normal_log_pdf (x, mu, sigma));
}

double
normal_entropy (double sigma)
{
  return 0.5 + LOG_SQRT_2PI + log (sigma);
}

double
normal_kl (double m1, double s1, double m2, double s2)
{
  double r = s1 / s2, dm = (m1 - m2) / s2;
  return -log (r) + 0.5 * (r * r + dm * dm) - 0.5;
}

rnd
normal_log_pdf_rnd (rnd x, rnd mu, double sigma)
{
  rnd s = rnd_exact (sigma), z = rnd_div (rnd_sub (x, mu), s);
  rnd lg = sigma == 1 ? rnd_exact (0) : rnd_log (s);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_mul (z, z)), lg),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}
