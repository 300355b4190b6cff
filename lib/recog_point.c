/* recog_point.c -- lib/recog's (θ, φ, x) at a point's coordinates, and the
   wake and sleep draws (recog_point.h).  The order of operations is
   wake_sleep's, whose reports depend on it. */
#include "recog_point.h"
#include "normal.h"

#include <math.h>

void
recog_point_prepare (const point * p, void *prep)
{
  recog_point *w = prep;
  const double *v = p->v;
  w->t = (recog_theta) { {v[0], v[1]}, {v[2], v[3]}, v[4] };
  w->f = (recog_phi) { {v[5], v[6]}, v[7], v[8] };
  w->x[0] = v[9], w->x[1] = v[10];
  w->qm = recog_mean (&w->f, w->x);
  w->m = (lingauss) { RECOG_D, w->t.w, w->t.b, w->t.s2, 0, 1 };
  lingauss_posterior (&w->m, w->x, &w->pm, &w->pv);
}

double
recog_point_log_q (const recog_point * w, double z)
{
  return normal_log_pdf (z, w->qm, sqrt (w->f.tau2));
}

double
recog_point_log_post (const recog_point * w, double z)
{
  return normal_log_pdf (z, w->pm, sqrt (w->pv));
}

double
recog_point_log_lik (const recog_point * w, double z)
{
  return lingauss_log_joint (&w->m, w->x, z) - normal_log_pdf (z, 0, 1);
}

void
recog_point_wake_draw (const point * p, const void *prep, const double *e, double *x)
{
  const recog_point *w = prep;
  (void) p;
  x[1] = e[0];
  x[0] = w->qm + sqrt (w->f.tau2) * x[1];
}

size_t
recog_point_sleep_dim (const point * p)
{
  (void) p;
  return 1 + RECOG_D;
}

void
recog_point_sleep_draw (const point * p, const void *prep, const double *e, double *x)
{
  const recog_point *w = prep;
  (void) p;
  x[0] = e[0];
  for (int j = 0; j < RECOG_D; j++)
    {
      x[3 + j] = w->t.w[j] * x[0] + w->t.b[j];
      x[1 + j] = x[3 + j] + sqrt (w->t.s2) * e[1 + j];
    }
}
