/* critic_point.c -- a quadratic critic read from a point (see
   critic_point.h). */
#include "critic_point.h"
#include "check.h"

#include <math.h>

critic
critic_point_critic (const point * p)
{
  return critic_quadratic (p->v[4], p->v[5], p->v[6]);
}

/* the point's pair and critic, for lib/critic's functions */
#define CASE(p) (const normal_pair[]) { normal_pair_from_array ((p)->v) }, \
    (const critic[]) { critic_point_critic (p) }

estimate
critic_point_eq (const point * p, double shift)
{
  return est_quad (critic_quadratic_rq (CASE (p), -shift));
}

estimate
critic_point_log_eq (const point * p, double shift)
{
  return est_log (critic_point_eq (p, shift));
}

estimate
critic_point_ep_t (const point * p)
{
  return est_quad (critic_quadratic_p_t (CASE (p)));
}

estimate
critic_point_log_mgf (const point * p, const void *prep)
{
  (void) prep;
  return critic_log_mgf (CASE (p));
}

estimate
critic_point_mean (const point * p, const void *prep)
{
  (void) prep;
  return critic_mean (CASE (p));
}

estimate
critic_point_dv (const point * p, const void *prep)
{
  return est_sub (critic_point_mean (p, prep), critic_point_log_mgf (p, prep));
}

estimate
critic_point_nwj (const point * p, const void *prep)
{
  estimate l = critic_point_log_mgf (p, prep);
  double e = exp (l.value - 1);
  return est_sub (critic_point_mean (p, prep), est_exact (e, 4 * EST_U * e + e * 2 * l.err));
}

estimate
critic_point_kl (const point * p, const void *prep)
{
  normal_pair g = normal_pair_from_array (p->v);
  (void) prep;
  return critic_kl_closed (&g);
}

estimate
critic_point_kl_quad (const point * p, const void *prep)
{
  normal_pair g = normal_pair_from_array (p->v);
  (void) prep;
  return est_quad (normal_pair_kl_quad (&g));
}
