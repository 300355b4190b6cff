/* critic.c -- critics for the variational bounds on KL of two normals. */
#include "critic.h"
#include "check.h"
#include "normal.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

critic
critic_log_ratio (double shift)
{
  return (critic) { CRITIC_LOG_RATIO, shift, 0, 0, 0, CRITIC_FLAT, 0, 0, 0 };
}

critic
critic_quadratic (double a, double b, double c)
{
  return (critic) { CRITIC_QUADRATIC, 0, a, b, c, CRITIC_FLAT, 0, 0, 0 };
}

static double
perturbation (const critic * t, double x)
{
  switch (t->shape)
    {
    case CRITIC_SIN: return sin (t->freq * x + t->phase);
    case CRITIC_TANH: return tanh (t->freq * x + t->phase);
    case CRITIC_TILT: return x;
    case CRITIC_FLAT: break;
    }
  return 0.0;
}

/* T(x) minus its log-ratio part */
static double
critic_offset (const critic * t, double x)
{
  double base = t->kind == CRITIC_LOG_RATIO ? t->shift : t->a + t->b * x + t->c * x * x;
  return base + t->eps * perturbation (t, x);
}

double
critic_value (const critic_ctx * c, double x)
{
  return (c->t->kind == CRITIC_LOG_RATIO ? normal_pair_log_ratio (c->g, x) : 0.0)
    + critic_offset (c->t, x);
}

static double
log_q_plus_critic (const critic_ctx * c, double x)
{
  const normal_pair *g = c->g;
  return (c->t->kind == CRITIC_LOG_RATIO ? normal_log_pdf (x, g->ma, g->sa)
          : normal_log_pdf (x, g->mb, g->sb)) + critic_offset (c->t, x);
}

/* N(m, s²)(x) T(x), zero where the density underflows */
static double
density_times_critic (const critic_ctx * c, double x, double m, double s)
{
  if (normal_pair_far_tail (x))
    return 0.0;
  double w = exp (normal_log_pdf (x, m, s));
  return w > 0 ? w * critic_value (c, x) : 0.0;
}

double
critic_p_t (double x, void *ctx)
{
  const critic_ctx *c = ctx;
  return density_times_critic (c, x, c->g->ma, c->g->sa);
}

double
critic_q_t (double x, void *ctx)
{
  const critic_ctx *c = ctx;
  return density_times_critic (c, x, c->g->mb, c->g->sb);
}

double
critic_rq (double x, void *ctx)
{
  const critic_ctx *c = ctx;
  return normal_pair_far_tail (x) ? 0.0 : exp (log_q_plus_critic (c, x) - c->log_z);
}

double
critic_kl_rq (double x, void *ctx)
{
  const critic_ctx *c = ctx;
  if (normal_pair_far_tail (x))
    return 0.0;
  double lp = normal_log_pdf (x, c->g->ma, c->g->sa), p = exp (lp);
  return p > 0 ? p * (lp - log_q_plus_critic (c, x) + c->log_z) : 0.0;
}

double
critic_bc (double x, void *ctx)
{
  const critic_ctx *c = ctx;
  if (normal_pair_far_tail (x))
    return 0.0;
  double lp = normal_log_pdf (x, c->g->ma, c->g->sa);
  return exp (0.5 * (lp + log_q_plus_critic (c, x) - c->log_z));
}

void
critic_tilt (const normal_pair * g, const critic * t, double *center, double *scale)
{
  if (normal_tilt (g->mb, g->sb, t->b, t->c, center, scale) <= 0)
    *center = *scale = GSL_NAN;     /* e^T q is not integrable */
}

quad_result
critic_quad (quad_fn f, const critic_ctx * c)
{
  const normal_pair *g = c->g;
  const critic *t = c->t;
  double center = g->ma, scale = g->sa;
  if (t->kind == CRITIC_QUADRATIC)
    critic_tilt (g, t, &center, &scale);
  else if (t->shape == CRITIC_TILT)
    center = g->ma + t->eps * g->sa * g->sa;
  if ((t->shape == CRITIC_SIN || t->shape == CRITIC_TANH) && t->freq > 0)
    scale = fmin (scale, 1 / t->freq);
  return normal_pair_quad (f, (void *) c, g, center, scale);
}

critic
critic_random (const gsl_rng * r, const normal_pair * g)
{
  critic t = { CRITIC_LOG_RATIO, 0, 0, 0, 0, CRITIC_FLAT, 0, 0, 0 };
  t.shift = gsl_ran_flat (r, -3, 3);
  t.freq = gsl_ran_flat (r, 0.3, 3);
  t.phase = gsl_ran_flat (r, 0, 2 * M_PI);
  switch (gsl_rng_uniform_int (r, 4))
    {
    case 0:
      t.shape = CRITIC_SIN, t.eps = gsl_ran_flat (r, -1.5, 1.5);
      break;
    case 1:                    /* the step of tanh inside p's bulk */
      t.shape = CRITIC_TANH, t.eps = gsl_ran_flat (r, -1.5, 1.5);
      t.phase = gsl_ran_flat (r, -1.5, 1.5) - t.freq * g->ma;
      break;
    case 2:
      t.shape = CRITIC_TILT, t.eps = gsl_ran_flat (r, -1, 1);
      break;
    default:
      t.kind = CRITIC_QUADRATIC;
      t.a = gsl_ran_flat (r, -2, 2);
      t.b = gsl_ran_flat (r, -1.5, 1.5);
      t.c = gsl_ran_flat (r, -0.5, 0.4 / (g->sb * g->sb));
      break;
    }
  return t;
}

void
critic_sweep_case (const gsl_rng * r, long k, normal_pair * g, critic * t)
{
  *g = normal_pair_draw (r, -0.5, 0.6);
  *t = critic_random (r, g);
  if (k % 8 == 0)
    *t = critic_log_ratio (1.0);
  else if (k % 8 == 1)
    t->eps = 0.02 * (t->eps > 0 ? 1 : -1), t->kind = CRITIC_LOG_RATIO, t->shape = CRITIC_SIN;
}

int
critic_is_log_ratio_shift (const critic * t)
{
  return t->kind == CRITIC_LOG_RATIO && t->shape == CRITIC_FLAT;
}

estimate
critic_log_mgf (const normal_pair * g, const critic * t)
{
  double m = g->mb, s = g->sb, beta = s * (t->b + 2 * t->c * m), gamma = t->c * s * s;
  double terms[5] = { t->a, t->b * m, t->c * m * m, -0.5 * log1p (-2 * gamma),
                      beta * beta / (2 * (1 - 2 * gamma)) };
  return est_sum_terms (terms, 5, 16 * EST_U);
}

estimate
critic_mean (const normal_pair * g, const critic * t)
{
  return EST_SUM (t->a, t->b * g->ma, t->c * g->ma * g->ma, t->c * g->sa * g->sa);
}

quad_result
critic_quadratic_rq (const normal_pair * g, const critic * t, double log_z)
{
  critic_ctx c = { g, t, log_z };
  double center[2] = { g->mb, 0 }, scale[2] = { g->sb, 0 };
  critic_tilt (g, t, &center[1], &scale[1]);
  return quad_real_line_hull (critic_rq, &c, 2, center, scale);
}

quad_result
critic_quadratic_p_t (const normal_pair * g, const critic * t)
{
  critic_ctx c = { g, t, 0 };
  return quad_real_line_hull (critic_p_t, &c, 1, &g->ma, &g->sa);
}

critic_integrals
critic_integrate (const normal_pair * g, const critic * t, int with_q_t)
{
  critic_integrals ci;
  critic_ctx c = { g, t, 0.0 }, c1 = { g, t, 1.0 };
  ci.e_p_t = critic_quad (critic_p_t, &c);
  ci.e_q_exp_t_m1 = critic_quad (critic_rq, &c1);
  ci.e_q_exp_t = critic_quad (critic_rq, &c);
  ci.e_q_t.value = ci.e_q_t.abserr = 0.0;
  if (with_q_t)
    ci.e_q_t = critic_quad (critic_q_t, &c);
  return ci;
}

quad_result
critic_combine (double ka, quad_result a, double kb, quad_result b)
{
  quad_result s = { ka * a.value + kb * b.value, fabs (ka) * a.abserr + fabs (kb) * b.abserr };
  return s;
}

quad_result
critic_log (quad_result q)
{
  estimate l = est_log (est_quad (q));
  return (quad_result) { l.value, l.err };
}

estimate
critic_kl_closed (const normal_pair * g)
{
  double kl = normal_pair_kl (g);
  return est_exact (kl, 16 * DBL_EPSILON * (fabs (kl) + 1 + fabs (log (g->sb / g->sa))));
}

quad_result
critic_kl_rq_quad (const normal_pair * g, const critic * t, quad_result log_z)
{
  critic_ctx c = { g, t, log_z.value };
  quad_result klrq = critic_quad (critic_kl_rq, &c);
  klrq.abserr += log_z.abserr;
  return klrq;
}

quad_result
critic_renyi_half (const normal_pair * g, const critic * t, quad_result log_z)
{
  critic_ctx c = { g, t, log_z.value };
  quad_result log_bc = critic_log (critic_quad (critic_bc, &c));
  return (quad_result) { -2 * log_bc.value, 2 * log_bc.abserr + log_z.abserr };
}
