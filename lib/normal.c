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

void
normal_log_ratio_coefficients (double m1, double s1, double m0, double s0,
                               double *theta)
{
  double v0 = s0 * s0, v1 = s1 * s1;
  theta[0] = -m1 * m1 / (2 * v1) + m0 * m0 / (2 * v0) - log (s1) + log (s0);
  theta[1] = m1 / v1 - m0 / v0;
  theta[2] = -1 / (2 * v1) + 1 / (2 * v0);
}

double
normal_tilt (double m, double s, double b, double c, double *center,
             double *scale)
{
  double precision = 1 / (s * s) - 2 * c;
  if (precision > 0)
    {
      *center = (m / (s * s) + b) / precision;
      *scale = 1 / sqrt (precision);
    }
  return precision;
}

rnd
normal_log_pdf_rnd (rnd x, rnd mu, double sigma)
{
  rnd s = rnd_exact (sigma), z = rnd_div (rnd_sub (x, mu), s);
  rnd lg = sigma == 1 ? rnd_exact (0) : rnd_log (s);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_mul (z, z)), lg),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}
