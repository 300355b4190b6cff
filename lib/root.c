/* root.c -- bisection with certain signs (see root.h). */
#include "root.h"

#include <math.h>

root_result
root_bisect_certain (root_fn g, void *params, double lo, double hi)
{
  root_result none = { NAN, 0 };
  double blo, bhi, glo = g (lo, params, &blo), ghi = g (hi, params, &bhi);
  if (!isfinite (glo) || !isfinite (ghi) || fabs (glo) <= blo
      || fabs (ghi) <= bhi || (glo > 0) == (ghi > 0))
    return none;
  for (int it = 0; it < 200; it++)
    {
      double mid = lo + (hi - lo) / 2, b;
      if (mid <= lo || mid >= hi)
        break;
      double gm = g (mid, params, &b);
      if (!isfinite (gm))
        return none;
      if (fabs (gm) <= b)
        break;
      if ((gm > 0) == (glo > 0))
        lo = mid;
      else
        hi = mid;
    }
  root_result r = { lo + (hi - lo) / 2, (hi - lo) / 2 };
  return r;
}

estimate
root_bisect_estimate (root_fn g, void *params, double lo, double hi)
{
  root_result r = root_bisect_certain (g, params, lo, hi);
  return est_opt (r.x, r.x_err);
}
