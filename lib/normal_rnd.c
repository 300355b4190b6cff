/* normal_rnd.c -- the normal log-density with its rounding (see normal_rnd.h). */
#include "normal_rnd.h"

rnd
normal_log_pdf_rnd (rnd x, rnd mu, double sigma)
{
  rnd s = rnd_exact (sigma), z = rnd_div (rnd_sub (x, mu), s);
  rnd lg = sigma == 1 ? rnd_exact (0) : rnd_log (s);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_mul (z, z)), lg), rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}
