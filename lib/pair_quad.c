/* pair_quad.c -- ∫ F(p(x), q(x)) dx between the pair's breakpoints. */
#include "pair_quad.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>

double
pair_quad_beta_pdf (const pair_quad_beta * d, double x)
{
  if (x <= d->lo || x >= d->hi)
    return 0.0;
  double w = d->hi - d->lo;
  return gsl_ran_beta_pdf ((x - d->lo) / w, d->alpha, d->beta) / w;
}

double
pair_quad_betas_at (const pair_quad_betas * b, pair_quad_fn f, double x)
{
  return f (pair_quad_beta_pdf (&b->p, x), pair_quad_beta_pdf (&b->q, x));
}

typedef struct
{
  const pair_quad_betas *b;
  pair_quad_fn f;
} pair_at;

static double
pair_value_at (double x, void *params)
{
  const pair_at *a = params;
  return pair_quad_betas_at (a->b, a->f, x);
}

quad_result
pair_quad_betas_integrate (const pair_quad_betas * b, pair_quad_fn f,
                           double epsabs, double epsrel)
{
  double pts[5] = { 0, b->p.lo, b->p.hi, b->q.lo, b->q.hi };
  gsl_sort (pts, 1, 5);
  pair_at a = { b, f };
  quad_result total = { 0, 0 };
  for (int i = 0; i + 1 < 5; i++)
    if (pts[i + 1] > pts[i])
      {
        quad_result piece = quad_interval_cquad_tol (pair_value_at, &a, pts[i], pts[i + 1],
                                                     epsabs, epsrel);
        total.value += piece.value;
        total.abserr += piece.abserr;
      }
  return total;
}
