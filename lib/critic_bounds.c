/* critic_bounds.c -- the NWJ and DV bounds over a sweep of critics (see
   critic_bounds.h). */
#include "critic_bounds.h"

#include <gsl/gsl_randist.h>
#include <math.h>

estimate
critic_bounds_r1 (const critic_integrals * ci)
{
  return est_quad (critic_combine (1.0, ci->e_p_t, -1.0, ci->e_q_exp_t_m1));
}

estimate
critic_bounds_r2 (const critic_integrals * ci)
{
  return est_quad (critic_combine (1.0, ci->e_p_t, -1.0, critic_log (ci->e_q_exp_t)));
}

quad_result
critic_bounds_log_z (const critic_integrals * ci)
{
  return critic_log (ci->e_q_exp_t);
}

/* The checks at one case; returns D_1/2(p || rq) for a STRICT critic
   (T - log(p/q) not constant), else +inf. */
static double
check_one_critic (harness * h, const critic_bounds * b, const normal_pair * g,
                  const critic * t, int strict)
{
  critic_integrals ci = critic_integrate (g, t, b->with_q_t);
  estimate kl = critic_kl_closed (g), r1 = b->r1 (&ci), r2 = b->r2 (&ci);
  check_point (h, "r1_below_kl", r1, kl);
  check_point (h, "r2_below_kl", r2, kl);
  check_point (h, "r2_ge_r1_random", r2, r1);
  if (!strict)                  /* the optimum 1 + log(p/q): R1 attains KL */
    check_point (h, "r1_at_optimum", r1, kl);

  /* KL - R2 = KL(p || rq), and the Renyi divergence D_1/2 below it */
  quad_result klrq = critic_kl_rq_quad (g, t, b->rq_log_z (&ci));
  check_point (h, "kl_gap_identity", est_exact (kl.value - r2.value, kl.err + r2.err), est_quad (klrq));
  if (!strict)
    return INFINITY;
  quad_result d_half = critic_renyi_half (g, t, critic_log (ci.e_q_exp_t));   /* <= KL(p||rq) */
  quad_result lhs = { r2.value + d_half.value, r2.err + d_half.abserr };
  check_point (h, "r2_strict", est_quad (lhs), kl);
  return d_half.value;
}

static void
check_sweep (harness * h, const critic_bounds * b, long n)
{
  gsl_rng *r = harness_rng (h);
  long n_strict = 0;
  double min_d_half = INFINITY;
  for (long k = 0; k < n; k++)
    {
      normal_pair g;
      critic t;
      critic_sweep_case (r, k, &g, &t);
      int strict = !critic_is_log_ratio_shift (&t);
      n_strict += strict;
      min_d_half = fmin (min_d_half, check_one_critic (h, b, &g, &t, strict));
    }
  static const char *const over_all[] = { "r1_below_kl", "r2_below_kl", "r2_ge_r1_random" };
  for (size_t i = 0; i < COUNT_OF (over_all); i++)
    check_close (h, over_all[i], "%ld %s", n, CRITIC_SWEEP_DESCRIPTION);
  check_close (h, "r1_at_optimum", "%ld optima T = 1 + log(p/q) among the %s", (n + 7) / 8,
               CRITIC_SWEEP_DESCRIPTION);
  check_close (h, "kl_gap_identity", "%ld %s", n, CRITIC_SWEEP_DESCRIPTION);
  check_close (h, "r2_strict", "%ld critics with T - log(p/q) not"
               " constant, one in eight with ε = ±0.02; smallest D_1/2 %.3g", n_strict, min_d_half);
}

static void
check_equality_at_shift (harness * h, const critic_bounds * b)
{
  gsl_rng *r = harness_rng (h);
  for (int k = 0; k < 40; k++)
    {
      normal_pair g = normal_pair_draw (r, -0.5, 0.6);
      critic t = critic_log_ratio (gsl_ran_flat (r, -5, 5));
      critic_integrals ci = critic_integrate (&g, &t, b->with_q_t);
      check_point (h, "r2_equal_at_shift", b->r2 (&ci), critic_kl_closed (&g));
    }
  check_close (h, "r2_equal_at_shift", "40 random Gaussian pairs, c uniform on [-5, 5]");
}

void
critic_bounds_check (harness * h, const critic_bounds * b, long n)
{
  check_sweep (h, b, n);
  check_equality_at_shift (h, b);
}
