/* test_critic.c -- critics against closed forms that share no code with
   lib/critic: Gaussian moment generating functions, KL by normal_pair_kl,
   and the identities r q = p, BC(p, p) = 1 of the optimal critic. */
#include "critic.h"
#include "rng.h"
#include "tap.h"

#include <gsl/gsl_randist.h>
#include <math.h>

/* E_q[e^{a + b x + c x²}] for q = N(m, s²), by completing the square in x
   (not in the standardised z of critic_log_mgf): precision P = 1/s² - 2c,
   exponent a + (m/s² + b)²/(2P) - m²/(2s²), factor 1/(s sqrt P). */
static double
mgf_by_hand (double m, double s, double a, double b, double c)
{
  double prec = 1 / (s * s) - 2 * c, h = m / (s * s) + b;
  return exp (a + h * h / (2 * prec) - m * m / (2 * s * s)) / (s * sqrt (prec));
}

static void
test_quadratic (void)
{
  normal_pair g = { 0.3, 1.2, -0.4, 0.8 };
  const double abc[3][3] = { {0.5, 0.2, -0.1}, {-1, 1.3, 0.4}, {0, 0, 0} };
  for (int i = 0; i < 3; i++)
    {
      critic t = { CRITIC_QUADRATIC, 0, abc[i][0], abc[i][1], abc[i][2], CRITIC_FLAT, 0, 0, 0 };
      double want = mgf_by_hand (g.mb, g.sb, t.a, t.b, t.c);
      estimate lm = critic_log_mgf (&g, &t);
      tap_close (lm.value, log (want), 1e-13 * (1 + fabs (log (want))),
                 "log E_q[e^T] closed form, case %d", i);
      tap_ok (lm.err > 0 || (t.a == 0 && t.b == 0 && t.c == 0),
              "log E_q[e^T] carries a rounding bound, case %d", i);
      critic_ctx c = { &g, &t, 0 };
      quad_result q = critic_quad (critic_rq, &c);
      tap_close (q.value, want, 1e-9 * want, "∫ e^T q by quadrature, case %d", i);
      estimate m = critic_mean (&g, &t);
      double ep = t.a + t.b * g.ma + t.c * (g.ma * g.ma + g.sa * g.sa);
      tap_close (m.value, ep, 1e-14, "E_p[T] closed form, case %d", i);
      tap_close (critic_quad (critic_p_t, &c).value, ep, 1e-9, "E_p[T] by quadrature, case %d", i);
      tap_close (critic_quadratic_p_t (&g, &t).value, ep, 1e-9,
                 "E_p[T] over p's own span, case %d", i);
      tap_close (critic_quadratic_rq (&g, &t, 0.7).value, want * exp (-0.7), 1e-9 * want,
                 "∫ e^{T - log_z} q over the hull of q and the tilt, case %d", i);
      double center, scale;
      critic_tilt (&g, &t, &center, &scale);
      /* d/dx log(q e^T) = (mb - x)/sb² + b + 2cx vanishes at the centre */
      tap_close ((g.mb - center) / (g.sb * g.sb) + t.b + 2 * t.c * center, 0, 1e-13,
                 "the tilt's centre is the mode of e^T q, case %d", i);
      tap_close (scale, 1 / sqrt (1 / (g.sb * g.sb) - 2 * t.c), 1e-15,
                 "the tilt's scale, case %d", i);
    }
}

/* T = log(p/q) + shift: E_q[e^T] = e^shift, E_p[T] = KL(p||q) + shift,
   E_q[T] = shift - KL(q||p); with log_z = shift, r q = p: KL(p||rq) = 0
   and BC = 1.  Perturbed, KL(p||rq) > 0 and BC < 1. */
static void
test_log_ratio (void)
{
  normal_pair g = { -0.2, 0.9, 0.7, 1.4 }, swapped = { g.mb, g.sb, g.ma, g.sa };
  double kl = normal_pair_kl (&g), kl_qp = normal_pair_kl (&swapped);
  critic t = { CRITIC_LOG_RATIO, 0.6, 0, 0, 0, CRITIC_FLAT, 0, 0, 0 };
  critic_ctx c = { &g, &t, 0 }, cz = { &g, &t, 0.6 };
  tap_close (critic_value (&c, 0.4), normal_pair_log_ratio (&g, 0.4) + 0.6, 1e-15,
             "T(x) of a log-ratio critic");
  tap_close (critic_quad (critic_rq, &c).value, exp (0.6), 1e-9, "E_q[e^T] = e^shift");
  tap_close (critic_quad (critic_p_t, &c).value, kl + 0.6, 1e-9, "E_p[T] = KL(p||q) + shift");
  tap_close (critic_quad (critic_q_t, &c).value, 0.6 - kl_qp, 1e-9, "E_q[T] = shift - KL(q||p)");
  tap_close (critic_quad (critic_kl_rq, &cz).value, 0, 1e-9, "KL(p || rq) = 0 at the optimum");
  tap_close (critic_quad (critic_bc, &cz).value, 1, 1e-9, "BC(p, rq) = 1 at the optimum");
  critic s = t;
  s.shape = CRITIC_SIN, s.eps = 0.5, s.freq = 1.5, s.phase = 0.3;
  critic_ctx cs = { &g, &s, 0 };
  double z = critic_quad (critic_rq, &cs).value;
  critic_ctx csz = { &g, &s, log (z) };
  tap_ok (critic_quad (critic_kl_rq, &csz).value > 1e-4, "KL(p || rq) > 0 off the optimum");
  tap_ok (critic_quad (critic_bc, &csz).value < 1 - 1e-5, "BC(p, rq) < 1 off the optimum");
  tap_close (critic_quad (critic_rq, &csz).value, 1, 1e-9, "r q integrates to 1 off the optimum");
  critic l = t;
  l.shape = CRITIC_TILT, l.eps = 0.4;   /* e^{0.4 x} p: E_q[e^T] = e^shift E_p[e^{0.4x}] */
  critic_ctx cl = { &g, &l, 0 };
  tap_close (critic_quad (critic_rq, &cl).value, exp (0.6 + 0.4 * g.ma + 0.08 * g.sa * g.sa), 1e-9,
             "E_q[e^T] of a tilted critic (a normal mgf)");
}

static void
test_random (void)
{
  gsl_rng *r = rng_new (7);
  int seen[5] = { 0 }, ok = 1;
  for (int k = 0; k < 400; k++)
    {
      normal_pair g = normal_pair_draw (r, -0.5, 0.6);
      critic t = critic_random (r, &g);
      seen[t.kind == CRITIC_QUADRATIC ? 4 : (int) t.shape]++;
      if (t.kind == CRITIC_QUADRATIC)
        ok &= t.c < 0.4 / (g.sb * g.sb) && fabs (t.a) <= 2 && fabs (t.b) <= 1.5;
      else
        ok &= fabs (t.shift) <= 3 && t.shape != CRITIC_FLAT && fabs (t.eps) <= 1.5;
    }
  tap_ok (ok, "random critics lie in their ranges (quadratics integrable against q)");
  tap_ok (seen[CRITIC_SIN] && seen[CRITIC_TANH] && seen[CRITIC_TILT] && seen[4]
          && !seen[CRITIC_FLAT],
          "every case drawn: sin %d, tanh %d, tilt %d, quadratic %d",
          seen[1], seen[2], seen[3], seen[4]);
  gsl_rng *a = rng_new (11), *b = rng_new (11);
  normal_pair g = { 0, 1, 0.5, 1.2 };
  critic ta = critic_random (a, &g), tb = critic_random (b, &g);
  tap_ok (ta.shift == tb.shift && ta.eps == tb.eps && ta.kind == tb.kind,
          "the same seed, the same critic");
  gsl_rng_free (a), gsl_rng_free (b), gsl_rng_free (r);
}

/* The sweep draws what normal_pair_draw and critic_random draw, in that
   order, and overrides cases 0 and 1 of every eight. */
static void
test_sweep (void)
{
  gsl_rng *a = rng_new (5), *b = rng_new (5);
  int ok = 1, optima = 0, near = 0;
  for (long k = 0; k < 64; k++)
    {
      normal_pair g, want = normal_pair_draw (b, -0.5, 0.6);
      critic t, drawn = critic_random (b, &want);
      critic_sweep_case (a, k, &g, &t);
      ok &= g.ma == want.ma && g.sa == want.sa && g.mb == want.mb && g.sb == want.sb;
      if (k % 8 == 0)
        optima += t.kind == CRITIC_LOG_RATIO && t.shift == 1 && t.shape == CRITIC_FLAT
          && critic_is_log_ratio_shift (&t);
      else if (k % 8 == 1)
        near += t.kind == CRITIC_LOG_RATIO && t.shape == CRITIC_SIN && fabs (t.eps) == 0.02
          && t.shift == drawn.shift && t.freq == drawn.freq && !critic_is_log_ratio_shift (&t);
      else
        ok &= t.kind == drawn.kind && t.shape == drawn.shape && t.eps == drawn.eps
          && t.c == drawn.c && !critic_is_log_ratio_shift (&t);
    }
  tap_ok (ok, "the sweep's pairs and other critics are normal_pair_draw's and critic_random's");
  tap_ok (optima == 8 && near == 8, "one in eight the optimum (%d), one in eight eps = ±0.02 (%d)",
          optima, near);
  gsl_rng_free (a), gsl_rng_free (b);
}

/* At the optimum T = 1 + log(p/q): E_q[e^{T-1}] = 1, E_q[e^T] = e,
   E_p[T] = 1 + KL, so NWJ = DV = KL; the arithmetic's error rules. */
static void
test_integrals (void)
{
  normal_pair g = { 0.4, 1.1, -0.3, 0.7 };
  critic t = { CRITIC_LOG_RATIO, 1.0, 0, 0, 0, CRITIC_FLAT, 0, 0, 0 };
  double kl = normal_pair_kl (&g);
  critic_integrals ci = critic_integrate (&g, &t, 0), cq = critic_integrate (&g, &t, 1);
  tap_close (ci.e_q_exp_t_m1.value, 1, 1e-9, "E_q[e^{T-1}] = 1 at the optimum");
  tap_close (ci.e_q_exp_t.value, M_E, 1e-9, "E_q[e^T] = e at the optimum");
  tap_close (ci.e_p_t.value, 1 + kl, 1e-9, "E_p[T] = 1 + KL at the optimum");
  tap_ok (ci.e_q_t.value == 0 && ci.e_q_t.abserr == 0, "E_q[T] left at 0 ± 0 unless asked");
  normal_pair sw = { g.mb, g.sb, g.ma, g.sa };
  tap_close (cq.e_q_t.value, 1 - normal_pair_kl (&sw), 1e-9, "E_q[T] = 1 - KL(q||p) when asked");
  quad_result nwj = critic_combine (1, ci.e_p_t, -1, ci.e_q_exp_t_m1);
  quad_result dv = critic_combine (1, ci.e_p_t, -1, critic_log (ci.e_q_exp_t));
  tap_close (nwj.value, kl, 1e-9, "NWJ bound = KL at the optimum");
  tap_close (dv.value, kl, 1e-9, "DV bound = KL at the optimum");
  quad_result a = { 2, 0.1 }, b = { 3, 0.2 }, s = critic_combine (-2, a, 0.5, b);
  tap_ok (s.value == -2.5 && fabs (s.abserr - 0.3) < 1e-15,
          "combine: -2a + b/2 = %g ± %g", s.value, s.abserr);
  quad_result l = critic_log (b);
  tap_ok (l.value == log (3) && l.abserr >= 0.2 / 2.8 && l.abserr < 0.2 / 2.8 + 1e-15,
          "log: log 3 ± 0.2/2.8 + its rounding");
}

/* KL and the Renyi divergence of order 1/2 between N(m1, s1²) and
   N(m2, s2²), by hand: KL = log(s2/s1) + (s1² + d²)/(2 s2²) - 1/2, and
   D_1/2 = 2 x the Bhattacharyya distance d²/(4(s1² + s2²)) + ½ log((s1² +
   s2²)/(2 s1 s2)). */
static double
kl_by_hand (double m1, double s1, double m2, double s2)
{
  double d = m1 - m2;
  return log (s2 / s1) + (s1 * s1 + d * d) / (2 * s2 * s2) - 0.5;
}

static double
renyi_half_by_hand (double m1, double s1, double m2, double s2)
{
  double d = m1 - m2, v = s1 * s1 + s2 * s2;
  return d * d / (2 * v) + log (v / (2 * s1 * s2));
}

/* r q is a normal when T is log(p/q) + shift + eps x (p tilted: N(ma +
   eps sa², sa²)) or a quadratic (q tilted: precision 1/sb² - 2c, mean
   (mb/sb² + b)/precision), so KL(p || rq) and D_1/2(p || rq) have closed
   forms; LOG_Z is its true normaliser. */
static void
test_truths (void)
{
  normal_pair g = { 0.4, 1.1, -0.3, 0.7 };
  estimate kl = critic_kl_closed (&g);
  tap_close (kl.value, kl_by_hand (g.ma, g.sa, g.mb, g.sb), 1e-14, "KL(p||q) closed form");
  tap_ok (kl.err > 0 && kl.err < 1e-13, "KL(p||q) carries a rounding bound (%.3g)", kl.err);
  critic l = critic_log_ratio (0.6), k = critic_quadratic (0.5, 0.2, -0.1);
  tap_ok (l.kind == CRITIC_LOG_RATIO && l.shift == 0.6 && l.shape == CRITIC_FLAT && l.eps == 0,
          "critic_log_ratio: log(p/q) + 0.6, unperturbed");
  tap_ok (k.kind == CRITIC_QUADRATIC && k.a == 0.5 && k.b == 0.2 && k.c == -0.1
          && k.shape == CRITIC_FLAT && k.eps == 0, "critic_quadratic: 0.5 + 0.2x - 0.1x²");
  l.shape = CRITIC_TILT, l.eps = 0.4;
  quad_result lz = { 0.6 + 0.4 * g.ma + 0.08 * g.sa * g.sa, 0 };
  double mt = g.ma + 0.4 * g.sa * g.sa;
  tap_close (critic_kl_rq_quad (&g, &l, lz).value, kl_by_hand (g.ma, g.sa, mt, g.sa), 1e-9,
             "KL(p || rq), p tilted by e^{0.4x}");
  tap_close (critic_renyi_half (&g, &l, lz).value, renyi_half_by_hand (g.ma, g.sa, mt, g.sa),
             1e-9, "D_1/2(p || rq), p tilted by e^{0.4x}");
  double prec = 1 / (g.sb * g.sb) - 2 * k.c, mq = (g.mb / (g.sb * g.sb) + k.b) / prec;
  quad_result kz = { log (mgf_by_hand (g.mb, g.sb, k.a, k.b, k.c)), 1e-3 };
  quad_result klrq = critic_kl_rq_quad (&g, &k, kz), dh = critic_renyi_half (&g, &k, kz);
  tap_close (klrq.value, kl_by_hand (g.ma, g.sa, mq, 1 / sqrt (prec)), 1e-9,
             "KL(p || rq), q tilted by a quadratic");
  tap_close (dh.value, renyi_half_by_hand (g.ma, g.sa, mq, 1 / sqrt (prec)), 1e-9,
             "D_1/2(p || rq), q tilted by a quadratic");
  tap_ok (klrq.abserr >= 1e-3 && dh.abserr >= 1e-3, "the normaliser's error carried");
  tap_ok (dh.value < klrq.value, "D_1/2 < KL(p || rq) off the optimum");
}

int
main (void)
{
  test_quadratic ();
  test_log_ratio ();
  test_random ();
  test_integrals ();
  test_truths ();
  test_sweep ();
  return tap_done ();
}
