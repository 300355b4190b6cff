/* point_affine.c -- the affine-map point kind (see point_affine.h). */
#include "point_affine.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MU(p) ((p)->v)
#define SIG(p) ((p)->v + (p)->d)
#define SM(p) ((p)->v + 2 * (p)->d)

void
point_affine_singular_range (const double *a, size_t d, double *lo, double *hi)
{
  gsl_matrix *u = gsl_matrix_alloc (d, d), *v = gsl_matrix_alloc (d, d);
  gsl_vector *s = gsl_vector_alloc (d), *w = gsl_vector_alloc (d);
  memcpy (u->data, a, d * d * sizeof (double));
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int st = gsl_linalg_SV_decomp (u, v, s, w);
  gsl_set_error_handler (old);
  *hi = st ? 0 : gsl_vector_get (s, 0);
  *lo = st ? 0 : gsl_vector_get (s, d - 1);
  gsl_matrix_free (u), gsl_matrix_free (v), gsl_vector_free (s), gsl_vector_free (w);
}

static int
affine_valid (const point_kind * k, const point * p)
{
  if (p->d < k->dmin || p->d > k->dmax || p->n != 2 * p->d + p->d * p->d)
    return 0;
  for (size_t i = 0; i < p->n; i++)
    if (!isfinite (p->v[i]) || (i >= p->d && i < 2 * p->d && !(p->v[i] > 0)))
      return 0;
  double lo, hi;
  point_affine_singular_range (SM (p), p->d, &lo, &hi);
  return lo > 0 && hi <= k->cond_max * lo;
}

/* μ ~ N(0, I), log σ ~ N(0, 0.6²), S with N(0, 1) entries, redrawn until
   its condition number is at most cond_max. */
static void
affine_draw (const point_kind * k, const gsl_rng * r, point * p)
{
  p->d = k->dmin + gsl_rng_uniform_int (r, k->dmax - k->dmin + 1);
  p->n = 2 * p->d + p->d * p->d;
  do
    for (size_t i = 0; i < p->n; i++)
      p->v[i] = i >= p->d && i < 2 * p->d ? exp (gsl_ran_gaussian (r, 0.6))
        : gsl_ran_gaussian (r, 1.0);
  while (!affine_valid (k, p));
}

void
point_affine_draw_fixed (const gsl_rng * r, size_t d, double cond_max, point * p)
{
  point_kind k = point_affine_template;
  k.dmin = k.dmax = d;
  k.cond_max = cond_max;
  k.draw (&k, r, p);
}

static void
affine_print (const point_kind * k, sbuf * b, const point * p)
{
  (void) k;
  size_t d = p->d;
  sbuf_printf (b, "d = %zu, μ = ", d);
  point_put_list (b, MU (p), d);
  sbuf_append (b, ", σ = ");
  point_put_list (b, SIG (p), d);
  sbuf_append (b, ", S = ");
  if (d > 1)
    sbuf_append (b, "(");
  for (size_t i = 0; i < d; i++)
    {
      sbuf_append (b, i ? ", " : "");
      point_put_list (b, SM (p) + i * d, d);
    }
  if (d > 1)
    sbuf_append (b, ")");
}

static int
affine_parse (const point_kind * k, const char *text, point * p, char *err,
              size_t errlen)
{
  double d;
  if (point_parse_field (text, "d", &d, 1) != 1 || d != floor (d)
      || d < (double) k->dmin || d > (double) k->dmax)
    {
      snprintf (err, errlen, "--point: d must be a whole number from %zu to %zu",
                k->dmin, k->dmax);
      return -1;
    }
  p->d = (size_t) d;
  p->n = 2 * p->d + p->d * p->d;
  const char *names[3] = { "μ", "σ", "S" };
  size_t len[3] = { p->d, p->d, p->d * p->d };
  double *at[3] = { MU (p), SIG (p), SM (p) };
  for (int f = 0; f < 3; f++)
    if (point_parse_field (text, names[f], at[f], len[f]) != (int) len[f])
      {
        snprintf (err, errlen, "--point: field %s needs %zu number(s)", names[f], len[f]);
        return -1;
      }
  if (!affine_valid (k, p))
    {
      snprintf (err, errlen, "--point: σ must be positive and S non-singular"
                " (condition number at most %g)", k->cond_max);
      return -1;
    }
  return 0;
}

/* Simpler neighbours: a smaller d (the leading block), S = I, S diagonal,
   μ = 0, σ = 1, then rounder numbers one entry at a time. */
static size_t
affine_shrink (const point_kind * k, const point * p, point * out, size_t max)
{
  size_t n = 0, d = p->d, sizes[2] = { k->dmin, d - 1 };
  for (int t = 0; t < 2 && n < max; t++)
    {
      size_t d2 = sizes[t];
      if (d2 >= d || (t == 1 && d2 == sizes[0]))
        continue;               /* each smaller size once */
      point *c = &out[n];
      c->d = d2, c->n = 2 * d2 + d2 * d2;
      for (size_t i = 0; i < d2; i++)
        {
          c->v[i] = MU (p)[i], c->v[d2 + i] = SIG (p)[i];
          for (size_t j = 0; j < d2; j++)
            c->v[2 * d2 + i * d2 + j] = SM (p)[i * d + j];
        }
      n += affine_valid (k, c);
    }
  for (int s = 0; s < 4 && n < max; s++)
    {
      point *c = &out[n];
      *c = *p;
      for (size_t i = 0; i < d; i++)
        for (size_t j = 0; j < d; j++)
          if (s == 0)
            SM (c)[i * d + j] = i == j;
          else if (s == 1 && i != j)
            SM (c)[i * d + j] = 0;
      if (s == 2)
        memset (MU (c), 0, d * sizeof (double));
      for (size_t i = 0; s == 3 && i < d; i++)
        SIG (c)[i] = 1;
      n += affine_valid (k, c);
    }
  for (size_t a = 0; a < p->n; a++)
    {
      double simpler[8];
      size_t ns = point_simpler_numbers (p->v[a], simpler);
      for (size_t s = 0; s < ns && n < max; s++)
        {
          out[n] = *p;
          out[n].v[a] = simpler[s];
          n += affine_valid (k, &out[n]);
        }
    }
  return n;
}

const point_kind point_affine_template = {
  .name = "an affine map μ + σ⊙z0, μ + S z0",
  .description = "d from 1 to 6; μ from N(0, I); log σ from N(0, 0.6²); S with"
    " N(0, 1) entries and condition number at most 100",
  .draw = affine_draw, .print = affine_print, .parse = affine_parse,
  .shrink = affine_shrink, .valid = affine_valid, .dmin = 1, .dmax = 6, .cond_max = 100,
};


const double *point_affine_mu (const point * p) { return MU (p); }
const double *point_affine_sigma (const point * p) { return SIG (p); }
const double *point_affine_s (const point * p) { return SM (p); }
