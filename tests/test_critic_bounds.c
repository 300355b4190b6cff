/* test_critic_bounds.c -- lib/critic_bounds: the NWJ and DV bounds of a
   quadratic critic against their closed forms (E_p[T] and log E_q[e^T],
   lib/critic), and the sweep's seven checks, run as a claim inside the test
   (its TAP to /dev/null): they hold for the correct bounds and fail for
   wrong ones -- NWJ's penalty scaled by 0.99, DV's log E_q[e^T] lowered by
   0.01, KL(p || rq) without its normaliser. */
#include "critic_bounds.h"
#include "fixture_harness.h"
#include "tap.h"

#include <float.h>
#include <math.h>

#define CHECK(id, rel) {id, "harness", "", rel, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = {
  CHECK ("r1_at_optimum", REL_EQ), CHECK ("r1_below_kl", REL_LE), CHECK ("r2_below_kl", REL_LE),
  CHECK ("r2_equal_at_shift", REL_EQ), CHECK ("r2_strict", REL_LE),
  CHECK ("kl_gap_identity", REL_EQ), CHECK ("r2_ge_r1_random", REL_GE),
};
static const claim CLAIM = {
  .slug = "test_critic_bounds", .title = "critic_bounds test", .claim = "", .sources = "",
  .checks = CHECKS, .n_checks = COUNT_OF (CHECKS), .samples_default = 24,
  .samples_quick = 24, .figure_caption = "",
};

static estimate
r1_penalty_099 (const critic_integrals * ci)
{
  return est_quad (critic_combine (1.0, ci->e_p_t, -0.99, ci->e_q_exp_t_m1));
}

static estimate
r2_shifted (const critic_integrals * ci)
{
  quad_result log_z = critic_log (ci->e_q_exp_t);
  log_z.value -= 0.01;
  return est_quad (critic_combine (1.0, ci->e_p_t, -1.0, log_z));
}

static quad_result
unnormalised (const critic_integrals * ci)
{
  quad_result z = critic_bounds_log_z (ci);
  z.value = 0.0;
  return z;
}

/* The sweep under bounds B; whether each of the seven checks held (1), in
   CHECKS's order. */
static void
sweep (const critic_bounds * b, int held[7])
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  critic_bounds_check (h, b, 24);
  fixture_harness_loud (&f);
  for (int i = 0; i < 7; i++)
    held[i] = fixture_held (h, CHECKS[i].id);
  fixture_harness_end (&f);
}

int
main (void)
{
  /* p = N(0.3, 0.8²), q = N(-0.2, 1.1²), T = 0.5 - 0.4x - 0.1x² */
  normal_pair g = { 0.3, 0.8, -0.2, 1.1 };
  critic t = critic_quadratic (0.5, -0.4, -0.1);
  critic_integrals ci = critic_integrate (&g, &t, 0);
  estimate ep = critic_mean (&g, &t), lz = critic_log_mgf (&g, &t);
  estimate r1 = critic_bounds_r1 (&ci), r2 = critic_bounds_r2 (&ci);
  double pen = exp (lz.value - 1), r1_closed = ep.value - pen, r2_closed = ep.value - lz.value;
  /* the quadrature's bound, the closed forms' (e^x moves lz's error by
     e^x), and a few ulps of the last subtraction and exponential */
  double tol1 = r1.err + ep.err + pen * lz.err + 4 * DBL_EPSILON * (fabs (ep.value) + pen);
  double tol2 = r2.err + ep.err + lz.err + 4 * DBL_EPSILON * (fabs (ep.value) + fabs (lz.value));
  tap_close (r1.value, r1_closed, tol1, "R1 = E_p[T] - e^{log E_q[e^T] - 1}, closed form");
  tap_close (r2.value, r2_closed, tol2, "R2 = E_p[T] - log E_q[e^T], closed form");
  tap_ok (r2.value >= r1.value && r2.value <= critic_kl_closed (&g).value,
          "R1 <= R2 <= KL at this critic (%.6g, %.6g, %.6g)", r1.value, r2.value,
          critic_kl_closed (&g).value);

  int held[7];
  critic_bounds right = { critic_bounds_r1, critic_bounds_r2, critic_bounds_log_z, 0 };
  sweep (&right, held);
  int all = 1;
  for (int i = 0; i < 7; i++)
    all &= held[i] == 1;
  tap_ok (all, "the correct bounds hold all seven checks over 24 cases and 40 shifts");
  critic_bounds wrong = { r1_penalty_099, r2_shifted, unnormalised, 0 };
  sweep (&wrong, held);
  tap_ok (held[1] == 0, "NWJ with 0.99 E_q[e^{T-1}] exceeds KL at the optima: r1_below_kl fails");
  tap_ok (held[4] == 0 && held[3] == 0,
          "DV with log E_q[e^T] - 0.01: r2_strict and r2_equal_at_shift fail");
  tap_ok (held[5] == 0, "KL(p || rq) without its normaliser: kl_gap_identity fails");
  return tap_done ();
}
