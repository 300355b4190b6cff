/* test_mixture_latent.c -- lib/mixture_latent at 18 points (x, w1, q1) of
 * the mixture w1 N(-2.5, 0.8²) + w2 N(3, 1.1²): every field against the
 * same formula in long double (the weights and q as the doubles the
 * module uses), within its rnd bound, itself at most 1e-12 relative; the
 * posterior's two routes against each other and against GSL's density
 * (lib/mixture_1d, Bayes' rule by gsl_ran_gaussian_pdf); the fit over q's
 * logit against its closed form log r_1/r_2 within its error.  Negative
 * controls: the posterior with its components swapped is outside the
 * bound of the long-double value, and the prior's logit log w_1/w_2 is
 * outside the fit's error at every point (x moves the posterior at each). */
#include "mixture_latent.h"
#include "mixture_1d.h"
#include "tap.h"

#include <math.h>

static const double MU[2] = { -2.5, 3.0 }, SD[2] = { 0.8, 1.1 };

/* |GOT - WANT| within GOT's rounding bound (and the long double's own ulps), a bound of
   at most 1e-12 relative: one that covers by being loose is no bound */
static int
covers (rnd got, long double want)
{
  return fabsl ((long double) got.value - want) <= rnd_bound (got) + 1e-18L * fabsl (want)
    && rnd_bound (got) <= 1e-12 * fabsl (want);
}

typedef struct { long double lj[2], pj[2], px, post[2], qpx[2]; } reference;

static reference
reference_at (double x, const mixture_latent * l)
{
  reference f;
  double q[2] = { l->q[0].value, l->q[1].value };
  for (int z = 0; z < 2; z++)
    {
      long double d = ((long double) x - MU[z]) / SD[z];
      f.lj[z] = logl (l->w[z]) - 0.5L * logl (2 * 3.14159265358979323846264338327950288L)
        - logl (SD[z]) - 0.5L * d * d;
      f.pj[z] = expl (f.lj[z]);
    }
  f.px = f.pj[0] + f.pj[1];
  for (int z = 0; z < 2; z++)
    f.post[z] = f.pj[z] / f.px, f.qpx[z] = q[z] * f.px;
  return f;
}

int
main (void)
{
  const double xs[3] = { -2, 0, 2 }, ws[3] = { 0.1, 0.6, 0.9 }, qs[2] = { 0.02, 0.5 };
  int fields = 1, routes = 1, gsl = 1, fit = 1, swapped = 1, prior = 1, n = 0;
  double worst_err = 0;
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      for (int k = 0; k < 2; k++, n++)
        {
          mixture_latent l = mixture_latent_at (xs[i], ws[j], qs[k], MU, SD);
          reference f = reference_at (xs[i], &l);
          fields &= l.w[0] == ws[j] && l.w[1] == 1 - ws[j] && l.q[0].value == qs[k]
            && l.q[1].value == 1 - qs[k] && covers (l.px, f.px);
          for (int z = 0; z < 2; z++)
            {
              fields &= covers (l.lj[z], f.lj[z]) && covers (l.pj[z], f.pj[z])
                && covers (l.post[z], f.post[z]) && covers (l.qpx[z], f.qpx[z]);
              routes &= covers (l.r[z], f.post[z]);
              swapped &= !covers (l.r[1 - z], f.post[z]);
            }
          double post[2], lpx = mixture_1d_posterior (xs[i], 2, l.w, MU, SD, post);
          gsl &= fabs (post[0] - l.post[0].value) <= 1e-14 && fabs (lpx - log (l.px.value))
            <= 1e-13 * fabs (lpx);
          int converged;
          estimate e = mixture_latent_kl_argmin (&l, &converged);
          double exact = (double) logl ((long double) l.r[0].value / l.r[1].value);
          fit &= converged && fabs (e.value - exact) <= e.err && e.err < 1e-2;
          worst_err = fmax (worst_err, e.err);
          prior &= fabs (log (l.w[0] / l.w[1]) - e.value) > e.err;
        }
  tap_ok (fields, "every field within its rnd bound of long double, at %d points", n);
  tap_ok (routes, "the logistic route's posterior within its bound of Bayes' rule's");
  tap_ok (gsl, "the posterior and log p(x) = GSL's density's (lib/mixture_1d)");
  tap_ok (fit, "the fit over q's logit = log r1/r2 within its error (at most %.2g)", worst_err);
  tap_ok (swapped, "negative control: the posterior with its components swapped is outside"
          " the bound");
  tap_ok (prior, "negative control: the prior's logit is outside the fit's error");
  return tap_done ();
}
