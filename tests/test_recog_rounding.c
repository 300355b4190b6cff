/* test_recog_rounding.c -- lib/recog's rounding bounds against references
 * computed in quadruple precision (__float128, 113-bit significand, done in
 * software, so valgrind runs it as the hardware does; long double where the
 * compiler has no __float128).
 *
 * Every _bounded closed form is evaluated again in quad precision -- the
 * posterior and the regression by another route, Sherman-Morrison
 * (C⁻¹W = W/(s² + ‖W‖²), τ² = s²/(s² + ‖W‖²)), the gradients and the M-step
 * by their formulas in recog.h -- at θ0 and at random models (θ0 moved by
 * N(0, 0.3²), as wake_sleep's checks move it, and by N(0, 1)), recognition
 * models and data sets of 200 points, and each double coordinate must lie
 * within its bound of the reference: the bound is a bound.  Within
 * wake_sleep's range (θ0 and the N(0, 0.3²) models) it must also be useful:
 * at most 1e-9, far below the finite differences' and the optimiser's
 * errors it is added to.  Negative control: the bound these closed forms
 * had before, a fixed 64 ε (|v| + 1), is caught by the same comparison: the
 * sums over the data exceed it. */
#include "recog.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

#ifdef __SIZEOF_FLOAT128__
typedef __float128 quad;
#else
typedef long double quad;
#endif

#define DIM RECOG_D
#define NV 5                    /* the longer of θ's and φ's vectors */

/* log x in quad precision: x = m 2^e with m in [1/√2, √2), then
   log m = 2 atanh s, s = (m - 1)/(m + 1), |s| < 0.172, by its series to
   s^81 (< 1e-60); ln 2 as a double-double (hi + lo, within 1e-33). */
static quad
quad_log (quad x)
{
  int e = 0;
  while (x >= (quad) 1.4142135623730951)
    x /= 2, e++;
  while (x < (quad) 0.7071067811865476)
    x *= 2, e--;
  quad s = (x - 1) / (x + 1), s2 = s * s, term = s, sum = 0;
  for (int k = 0; k < 41; k++)
    sum += term / (2 * k + 1), term *= s2;
  quad ln2 = (quad) 6.93147180559945286227e-01 + (quad) 2.319046813846299558e-17;
  return 2 * sum + e * ln2;
}

static quad
qdot (const double *u, const quad * v)
{
  quad s = 0;
  for (int j = 0; j < DIM; j++)
    s += (quad) u[j] * v[j];
  return s;
}

/* The exact posterior by Sherman-Morrison, in φ's vector order. */
static void
ref_posterior (const recog_theta * t, quad * out)
{
  quad w[DIM] = { t->w[0], t->w[1] };
  quad den = (quad) t->s2 + qdot (t->w, w);
  for (int j = 0; j < DIM; j++)
    out[RECOG_A0 + j] = w[j] / den;
  out[RECOG_C] = -qdot (t->b, out + RECOG_A0);
  out[RECOG_LOGTAU2] = quad_log ((quad) t->s2 / den);
}

/* ∇L (recog.h's formulas) at θ, φ, with TAU2_W = τ², in θ's vector order */
static void
ref_wake_gradient (const recog_theta * t, const recog_phi * p, const recog_data * d, quad * out)
{
  quad gw[DIM] = { 0 }, gb[DIM] = { 0 }, a = 0, n = (quad) d->n, s2 = t->s2;
  for (size_t i = 0; i < d->n; i++)
    {
      quad x[DIM] = { d->x[i][0], d->x[i][1] };
      quad mu = qdot (p->a, x) + p->c;
      for (int j = 0; j < DIM; j++)
        {
          quad r = x[j] - t->b[j] - t->w[j] * mu;
          gw[j] += r * mu - t->w[j] * (quad) p->tau2;
          gb[j] += r;
          a += r * r;
        }
    }
  quad ww = (quad) t->w[0] * t->w[0] + (quad) t->w[1] * t->w[1];
  a = (a + n * ww * p->tau2) / n;
  for (int j = 0; j < DIM; j++)
    {
      out[RECOG_W0 + j] = gw[j] / (n * s2);
      out[RECOG_B0 + j] = gb[j] / (n * s2);
    }
  out[RECOG_LOGS2] = -(quad) DIM / 2 + a / (2 * s2);
}

/* the inclusive KL's gradient (recog.c's formulas), in φ's vector order */
static void
ref_kl_gradient (const recog_theta * t, const recog_phi * p, quad * out)
{
  quad post[RECOG_N_PHI], da[DIM], s2 = t->s2, tau2 = p->tau2;
  ref_posterior (t, post);
  quad e_tau2 = s2 / (s2 + (quad) t->w[0] * t->w[0] + (quad) t->w[1] * t->w[1]);
  for (int j = 0; j < DIM; j++)
    da[j] = post[RECOG_A0 + j] - p->a[j];
  quad wda = qdot (t->w, da), m = qdot (t->b, da) + (post[RECOG_C] - p->c);
  quad e_d2 = wda * wda + s2 * (da[0] * da[0] + da[1] * da[1]) + m * m;
  for (int j = 0; j < DIM; j++)
    out[RECOG_A0 + j] = -(t->w[j] * wda + s2 * da[j] + m * t->b[j]) / tau2;
  out[RECOG_C] = -m / tau2;
  out[RECOG_LOGTAU2] = (1 - (e_tau2 + e_d2) / tau2) / 2;
}

/* the M-step (E2 = ER = τ², DENOM = N d): least squares of x on (μ, 1) */
static void
ref_mstep (const recog_data * d, const recog_phi * p, quad * out)
{
  quad s00 = 0, s01 = 0, s11 = 0, sx0[DIM] = { 0 }, sx1[DIM] = { 0 }, a = 0, w[DIM], b[DIM];
  quad *mu = malloc (d->n * sizeof *mu), tau2 = p->tau2;
  for (size_t i = 0; i < d->n; i++)
    {
      quad x[DIM] = { d->x[i][0], d->x[i][1] };
      mu[i] = qdot (p->a, x) + p->c;
      s00 += mu[i] * mu[i] + tau2, s01 += mu[i], s11 += 1;
      for (int j = 0; j < DIM; j++)
        sx0[j] += x[j] * mu[i], sx1[j] += x[j];
    }
  quad det = s00 * s11 - s01 * s01;
  for (int j = 0; j < DIM; j++)
    {
      w[j] = (sx0[j] * s11 - sx1[j] * s01) / det;
      b[j] = (sx1[j] * s00 - sx0[j] * s01) / det;
      out[RECOG_W0 + j] = w[j], out[RECOG_B0 + j] = b[j];
    }
  for (size_t i = 0; i < d->n; i++)
    for (int j = 0; j < DIM; j++)
      {
        quad r = d->x[i][j] - b[j] - w[j] * mu[i];
        a += r * r + w[j] * w[j] * tau2;
      }
  out[RECOG_LOGS2] = quad_log (a / (quad) (d->n * DIM));
  free (mu);
}

/* What a closed form's coordinates did against their references. */
typedef struct { int outside, outside_fixed; double worst_ratio, largest_bound; } tally;

/* IN_RANGE: the point is in wake_sleep's range, where the bound must be useful */
static void
tally_add (tally * t, const double *v, const double *bound, const quad * ref, int n,
           int in_range)
{
  for (int i = 0; i < n; i++)
    {
      double err = (double) (v[i] > ref[i] ? v[i] - ref[i] : ref[i] - v[i]);
      t->outside += err > bound[i];
      t->outside_fixed += err > 64 * DBL_EPSILON * (fabs (v[i]) + 1);
      if (bound[i] > 0 && err / bound[i] > t->worst_ratio)
        t->worst_ratio = err / bound[i];
      if (in_range && bound[i] > t->largest_bound)
        t->largest_bound = bound[i];
    }
}

static void
tally_report (const tally * t, const char *what, int points)
{
  tap_ok (t->outside == 0, "%s: every coordinate within its bound of the quad reference, %d"
          " points (worst |error|/bound %.3g)", what, points, t->worst_ratio);
  tap_ok (t->largest_bound <= 1e-9, "%s: the bound is useful in wake_sleep's range (largest"
          " %.3g)", what, t->largest_bound);
}

static void
phi_vector (const recog_phi * p, double *v)
{
  v[RECOG_A0] = p->a[0], v[RECOG_A0 + 1] = p->a[1], v[RECOG_C] = p->c;
  v[RECOG_LOGTAU2] = log (p->tau2);
}

static void
theta_vector (const recog_theta * t, double *v)
{
  for (int j = 0; j < DIM; j++)
    v[RECOG_W0 + j] = t->w[j], v[RECOG_B0 + j] = t->b[j];
  v[RECOG_LOGS2] = log (t->s2);
}

static const recog_theta THETA0 = { {1.2, -0.7}, {0.5, -1.0}, 0.5 };

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261203);
  tally post = { 0 }, reg = { 0 }, wake = { 0 }, kl = { 0 }, mstep = { 0 };
  int points = 200;
  for (int k = 0; k < points; k++)
    {
      int in_range = k % 2 == 0;
      recog_theta t = k == 0 ? THETA0 : recog_theta_perturb (r, &THETA0, in_range ? 0.3 : 1.0);
      recog_phi p = recog_phi_random (r);
      recog_data d = recog_data_sample (r, &t, 200);
      double v[NV], bound[NV], explained;
      quad ref[NV];
      gsl_vector_view g = gsl_vector_view_array (v, RECOG_N_THETA);
      gsl_vector_view gp = gsl_vector_view_array (v, RECOG_N_PHI);

      recog_phi e = recog_posterior_bounded (&t, bound);
      phi_vector (&e, v), ref_posterior (&t, ref), tally_add (&post, v, bound, ref, RECOG_N_PHI, in_range);
      e = recog_regression_bounded (&t, &explained, bound);
      phi_vector (&e, v), tally_add (&reg, v, bound, ref, RECOG_N_PHI, in_range);

      recog_wake_gradient_bounded (&t, &p, p.tau2, &d, &g.vector, bound);
      ref_wake_gradient (&t, &p, &d, ref), tally_add (&wake, v, bound, ref, RECOG_N_THETA, in_range);
      recog_inclusive_kl_gradient_bounded (&t, &p, &gp.vector, bound);
      ref_kl_gradient (&t, &p, ref), tally_add (&kl, v, bound, ref, RECOG_N_PHI, in_range);
      recog_theta m = recog_mstep_bounded (&d, &p, p.tau2, (double) (d.n * DIM), bound);
      theta_vector (&m, v), ref_mstep (&d, &p, ref), tally_add (&mstep, v, bound, ref, RECOG_N_THETA,
                                                                  in_range);
      free (d.x);
    }
  tally_report (&post, "recog_posterior_bounded", points);
  tally_report (&reg, "recog_regression_bounded (Cholesky, a posteriori)", points);
  tally_report (&wake, "recog_wake_gradient_bounded (N = 200)", points);
  tally_report (&kl, "recog_inclusive_kl_gradient_bounded", points);
  tally_report (&mstep, "recog_mstep_bounded (N = 200)", points);
  tap_ok (wake.outside_fixed + mstep.outside_fixed > 0, "negative control: the fixed"
          " 64 ε (|v| + 1) is not a bound: the sums over the data exceed it at %d of the"
          " gradient's and %d of the M-step's coordinates", wake.outside_fixed,
          mstep.outside_fixed);
  tap_close ((double) quad_log (10), log (10), 4e-16, "quad_log (10) = libm's log (10)");
  tap_close ((double) (quad_log (21) - quad_log (3) - quad_log (7)), 0, 1e-30,
             "quad_log (21) = quad_log (3) + quad_log (7) to 1e-30");
  gsl_rng_free (r);
  return tap_done ();
}
