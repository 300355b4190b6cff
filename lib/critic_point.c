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

quad_result
critic_point_eq (const point * p, double shift)
{
  normal_pair g = normal_pair_from_array (p->v);
  critic t = critic_point_critic (p);
  return critic_quadratic_rq (&g, &t, -shift);
}

estimate
critic_point_log_eq (const point * p, double shift)
{
  return est_log (est_quad (critic_point_eq (p, shift)));
}

quad_result
critic_point_ep_t (const point * p)
{
  normal_pair g = normal_pair_from_array (p->v);
  critic t = critic_point_critic (p);
  return critic_quadratic_p_t (&g, &t);
}

estimate
critic_point_log_mgf (const point * p)
{
  normal_pair g = normal_pair_from_array (p->v);
  critic t = critic_point_critic (p);
  return critic_log_mgf (&g, &t);
}

estimate
critic_point_mean (const point * p)
{
  normal_pair g = normal_pair_from_array (p->v);
  critic t = critic_point_critic (p);
  return critic_mean (&g, &t);
}

estimate
critic_point_eq_closed (const point * p, double shift)
{
  estimate l = critic_point_log_mgf (p);
  double e = exp (l.value + shift);
  return est_exact (e, 4 * EST_U * e + e * 2 * l.err);
}

estimate
critic_point_kl (const point * p)
{
  normal_pair g = normal_pair_from_array (p->v);
  return critic_kl_closed (&g);
}

quad_result
critic_point_kl_quad (const point * p)
{
  normal_pair g = normal_pair_from_array (p->v);
  return normal_pair_kl_quad (&g);
}
