/* kl_mix.c -- both sides of KL's joint convexity (see kl_mix.h). */
#include "kl_mix.h"
#include "discrete.h"
#include "errors.h"

#include <float.h>
#include <math.h>

estimate
kl_mix_lhs (const double *v, size_t n, double lp, double lq, int stable)
{
  double mp[KL_MIX_MAX_N], mq[KL_MIX_MAX_N], s = 0;
  if (n > KL_MIX_MAX_N)
    die_internal ("kl_mix_lhs: %zu outcomes (at most %d)", n, KL_MIX_MAX_N);
  discrete_mix (lp, v, v + n, n, mp);
  discrete_mix (lq, v + 2 * n, v + 3 * n, n, mq);
  for (size_t i = 0; i < n; i++)      /* as written: plain logs */
    s += mp[i] * log (mp[i] / mq[i]);
  double b = 2 * discrete_gen_kl_rounding_bound (mp, mq, n) + 4 * (double) n * DBL_EPSILON;
  return est_exact (stable ? discrete_kl (mp, mq, n) : s, b);
}

estimate
kl_mix_rhs (const double *v, size_t n, double l)
{
  double b, kl = discrete_kl_convex (l, v, v + 2 * n, v + n, v + 3 * n, n, &b);
  return est_exact (kl, b);
}
