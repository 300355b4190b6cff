/* em_point.c -- EM at one observation, a derivation's point (see
   em_point.h). */
#include "em_point.h"
#include "errors.h"
#include "logsumexp.h"
#include "mixture_1d.h"
#include "normal.h"

#include <math.h>
#include <string.h>

void
em_point_prepare (const point * p, void *prep)
{
  em_point *u = prep;
  size_t k = p->d, nc = 1 + 4 * k;
  if (k > EM_POINT_K_MAX || p->n != nc + 3 * k)
    die_internal ("em_point: %zu values for K = %zu", p->n, k);
  const double *v = p->v, *w = v + nc, *q = v + nc + k, *wt = v + nc + 2 * k;
  u->k = k;
  mixture_1d_log_joint (v[0], k, w, v + 1, v + 1 + k, u->lj);
  mixture_1d_log_joint (v[0], k, wt, v + 1 + 2 * k, v + 1 + 3 * k, u->ljt);
  u->gpx = mixture_1d_posterior (v[0], k, w, v + 1, v + 1 + k, u->post);
  u->gpxt = mixture_1d_posterior (v[0], k, wt, v + 1 + 2 * k, v + 1 + 3 * k, u->postt);
  u->lpx = log_sum_exp (u->lj, k), u->lpxt = log_sum_exp (u->ljt, k);
  memcpy (u->q, q, k * sizeof *q);
  memcpy (u->wt, wt, k * sizeof *wt);
  for (size_t z = 0; z < k; z++)
    {
      u->ht[z] = normal_entropy (v[1 + 3 * k + z]);
      u->qt[z] = exp (u->ljt[z] - u->lpxt);    /* the E-step under θ^t */
    }
}

double
em_point_bound (size_t k, const double *q, const double *lj, double lpx)
{
  double s = 0;
  for (size_t z = 0; z < k; z++)
    s += q[z] * (2 + fabs (lj[z]) + fabs (log (q[z])) + fabs (lpx));
  return 2 * (16 * EST_U + est_gamma (2 * (double) k + 2)) * s;
}

estimate
em_point_gap_at_t (const point * p, const void *prep)
{
  const em_point *u = prep;
  double s = u->gpxt;
  (void) p;
  for (size_t z = 0; z < u->k; z++)
    s -= u->qt[z] * log (u->postt[z] * exp (u->gpxt));
  return est_exact (s, em_point_bound (u->k, u->qt, u->ljt, u->lpxt));
}
