/* fenchel.c -- the conjugates of u log u at a derivation's points (see
   fenchel.h). */
#include "fenchel.h"
#include "normal.h"

#include <math.h>

estimate
fenchel_ulogu_slope (const point * p, const void *prep)
{
  (void) prep;
  return conjugate_ulogu_slope (p->v[0], p->v[1]);
}

/* ---- f*(t) ---- */

#define STAR(prep) (*(const concave_max *) (prep))

void
fenchel_star_prepare (const point * p, void *prep)
{
  *(concave_max *) prep = conjugate_ulogu_star (p->v[0]);
}

estimate
fenchel_star_sup (const point * p, const void *prep)
{
  (void) p;
  return concave_max_value (STAR (prep));
}

estimate
fenchel_star_argmax (const point * p, const void *prep)
{
  (void) p;
  return concave_max_x (STAR (prep));
}

estimate
fenchel_star_slope (const point * p, const void *prep)
{
  return conjugate_ulogu_slope_at_max (p->v[0], STAR (prep));
}

estimate
fenchel_star_stationary (double t, concave_max m, double c)
{
  double v = t - (log (m.x) + c);
  double slack = m.x_err / (m.x - m.x_err);
  return est_exact (v, slack + 4 * EST_U * (fabs (t) + fabs (log (m.x)) + 1));
}

estimate
fenchel_star_stationary_at_max (const point * p, const void *prep)
{
  return fenchel_star_stationary (p->v[0], STAR (prep), 1.0);
}

/* ---- f**(u) ---- */

#define BI(prep) ((const fenchel_bi *) (prep))

void
fenchel_bi_prepare (const point * p, void *prep)
{
  fenchel_bi *b = prep;
  b->bi = conjugate_exp_star (p->v[0]);
  b->nested = conjugate_ulogu_biconjugate (p->v[0]);
}

estimate
fenchel_bi_sup (const point * p, const void *prep)
{
  (void) p;
  return concave_max_value (BI (prep)->bi);
}

estimate
fenchel_bi_argmax (const point * p, const void *prep)
{
  (void) p;
  return concave_max_x (BI (prep)->bi);
}

estimate
fenchel_bi_nested (const point * p, const void *prep)
{
  (void) p;
  return concave_max_value (BI (prep)->nested);
}

estimate
fenchel_bi_slope (double u, concave_max m, double sign)
{
  double e = exp (m.x - 1);
  return est_exact (u + sign * e, u * m.x_err * exp (m.x_err) + 4 * EST_U * (u + e));
}

estimate
fenchel_bi_slope_at_max (const point * p, const void *prep)
{
  return fenchel_bi_slope (p->v[0], BI (prep)->bi, -1.0);
}

/* ---- the integrand of KL(p||q) ---- */

/* the three objectives, PARAMS {p, q}: p t - q e^{t-1}, t p/q - e^{t-1}
   and q times the latter, with their rounding */
static double
whole_objective (double t, void *a, double *rd)
{
  const double *pq = a;
  return conjugate_diff (pq[0] * t, pq[1] * exp (t - 1), rd);
}

static double
factored_objective (double t, void *a, double *rd)
{
  const double *pq = a;
  return conjugate_diff (t * pq[0] / pq[1], exp (t - 1), rd);
}

static double
inside_objective (double t, void *a, double *rd)
{
  double q = ((const double *) a)[1], v = q * factored_objective (t, a, rd);
  *rd = q * *rd + 2 * EST_U * fabs (v);
  return v;
}

fenchel_kl_point
fenchel_kl_at (double lp, double lq)
{
  fenchel_kl_point w = { .lp = lp, .lq = lq, .p = exp (lp), .q = exp (lq) };
  double pq[2] = { w.p, w.q };
  w.whole = conjugate_sup_real (whole_objective, pq);
  w.inside = conjugate_sup_real (inside_objective, pq);
  w.f = conjugate_sup_real (factored_objective, pq);
  return w;
}

estimate
fenchel_kl_integrand (const fenchel_kl_point * w)
{
  double l = w->lp - w->lq;
  double lp_lq = 8 * EST_U * (fabs (w->lp) + fabs (w->lq));
  return est_exact (w->p * l, w->p * (lp_lq + 4 * EST_U * fabs (l)));
}

estimate
fenchel_kl_q_sup (const fenchel_kl_point * w)
{
  double v = w->q * w->f.value;
  return est_opt (v, w->q * w->f.err + 2 * EST_U * fabs (v));
}

estimate
fenchel_kl_ratio_log (const fenchel_kl_point * w, double weight, int inverted)
{
  double r = w->p / w->q, l = inverted ? log (w->q / w->p) : log (r);
  return est_exact (weight * (r * l), weight * r * (6 * EST_U * fabs (l) + 3 * EST_U));
}

estimate
fenchel_kl_weighted_log (const fenchel_kl_point * w, double weight)
{
  double l = log (w->p / w->q);
  return est_exact (weight * l, weight * (6 * EST_U * fabs (l) + 3 * EST_U));
}

estimate
fenchel_kl_star_ratio (const fenchel_kl_point * w)
{
  double r = w->p / w->q;
  return est_exact (exp (r - 1), 4 * EST_U * exp (r - 1));
}

/* ---- at the point (mp, sp, mq, sq, z) ---- */

#define KL(prep) ((const fenchel_kl_point *) (prep))

void
fenchel_kl_prepare (const point * p, void *prep)
{
  double x = p->v[0] + p->v[1] * p->v[4];
  *(fenchel_kl_point *) prep = fenchel_kl_at (normal_log_pdf (x, p->v[0], p->v[1]),
                                              normal_log_pdf (x, p->v[2], p->v[3]));
}

estimate
fenchel_kl_closed (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_integrand (KL (prep));
}

estimate
fenchel_kl_whole_sup (const point * p, const void *prep)
{
  (void) p;
  return concave_max_value (KL (prep)->whole);
}

estimate
fenchel_kl_inside_sup (const point * p, const void *prep)
{
  (void) p;
  return concave_max_value (KL (prep)->inside);
}

estimate
fenchel_kl_f_sup (const point * p, const void *prep)
{
  (void) p;
  return concave_max_value (KL (prep)->f);
}

estimate
fenchel_kl_q_f_sup (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_q_sup (KL (prep));
}

estimate
fenchel_kl_u_log_u (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_ratio_log (KL (prep), 1.0, 0);
}

estimate
fenchel_kl_star_at_ratio (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_star_ratio (KL (prep));
}

estimate
fenchel_kl_q_u_log_u (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_ratio_log (KL (prep), KL (prep)->q, 0);
}

estimate
fenchel_kl_q_u_log_inverse (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_ratio_log (KL (prep), KL (prep)->q, 1);
}

estimate
fenchel_kl_p_log (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_weighted_log (KL (prep), KL (prep)->p);
}

estimate
fenchel_kl_q_log (const point * p, const void *prep)
{
  (void) p;
  return fenchel_kl_weighted_log (KL (prep), KL (prep)->q);
}
