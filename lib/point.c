/* point.c -- parameter points and the library's point kinds (see point.h). */
#include "point.h"
#include "errors.h"
#include "estimate.h"
#include "mvn.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------------
 * Numbers: printing, parsing, simpler neighbours
 * ---------------------------------------------------------------------- */

void
point_put_number (sbuf * b, double x)
{
  char buf[40];
  if (x == 0)
    x = 0;                      /* no "-0" */
  if (x == nearbyint (x) && fabs (x) < 1e15)
    {
      sbuf_printf (b, "%.0f", x);   /* 10, not 1e+01 */
      return;
    }
  for (int prec = 1; prec <= 17; prec++)
    {
      snprintf (buf, sizeof buf, "%.*g", prec, x);
      if (strtod (buf, NULL) == x)
        break;
    }
  sbuf_append (b, buf);
}

static void put_vector (sbuf * b, const double *x, size_t n);

static const char *
skip_space (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

/* Parse a value at S: a number or a parenthesised list of values.
   Appends numbers to OUT (up to MAX); returns the end, or NULL. */
static const char *
parse_value (const char *s, double *out, size_t max, size_t *n, int depth)
{
  s = skip_space (s);
  if (*s == '(' || *s == '[')
    {
      char close = *s == '(' ? ')' : ']';
      if (depth > 3)
        return NULL;
      s++;
      for (;;)
        {
          s = parse_value (s, out, max, n, depth + 1);
          if (!s)
            return NULL;
          s = skip_space (s);
          if (*s == close)
            return s + 1;
          if (*s != ',')
            return NULL;
          s++;
        }
    }
  char *end;
  double x = strtod (s, &end);
  if (end == s || !isfinite (x))
    return NULL;
  if (*n < max)
    out[*n] = x;
  (*n)++;
  return end;
}

/* Is the text before S a field boundary (start, or after ',' and spaces)? */
static int
at_field_start (const char *text, const char *s)
{
  while (s > text && (s[-1] == ' ' || s[-1] == '\t'))
    s--;
  return s == text || s[-1] == ',';
}

int
point_parse_field (const char *text, const char *name, double *out,
                   size_t max)
{
  size_t len = strlen (name);
  for (const char *s = strstr (text, name); s; s = strstr (s + 1, name))
    {
      if (!at_field_start (text, s))
        continue;
      const char *e = skip_space (s + len);
      if (*e != '=')
        continue;
      size_t n = 0;
      const char *end = parse_value (e + 1, out, max, &n, 0);
      if (!end)
        return -1;
      end = skip_space (end);
      if (*end != ',' && *end != 0)
        return -1;
      return n > max ? -1 : (int) n;
    }
  return -1;
}

static int
push_unique (double *out, size_t n, double x)
{
  for (size_t i = 0; i < n; i++)
    if (out[i] == x)
      return 0;
  out[n] = x;
  return 1;
}

static double
round_to (double x, double unit)
{
  return unit * nearbyint (x / unit);
}

static double
round_significant (double x, int digits)
{
  if (x == 0 || !isfinite (x))
    return x;
  double e = floor (log10 (fabs (x))) - (digits - 1);
  return round_to (x, pow (10, e));
}

/* How complicated a number is to write: 0; then whole numbers, halves,
   quarters, tenths (smaller ones simpler, a minus sign a little more);
   then by significant digits. */
double
point_number_complexity (double x)
{
  if (x == 0)
    return 0;
  static const double units[] = { 1, 0.5, 0.25, 0.1 };
  double size = log10 (1 + fabs (x)) / 100 + (x < 0 ? 0.001 : 0);
  for (int c = 0; c < 4; c++)
    if (x / units[c] == nearbyint (x / units[c]) && fabs (x) < 1e15)
      return 1 + c + size;
  for (int k = 1; k <= 17; k++)
    if (round_significant (x, k) == x)
      return 10 + k + size;
  return 30;
}

double
point_complexity (const point * p)
{
  double c = 1000.0 * (double) p->d;
  for (size_t i = 0; i < p->n; i++)
    c += point_number_complexity (p->v[i]);
  return c;
}

size_t
point_simpler_numbers (double x, double *out)
{
  double cand[] = { 0, x > 0 ? 1 : -1, nearbyint (x), round_to (x, 0.5),
    round_significant (x, 1), round_significant (x, 2)
  };
  size_t n = 0;
  double cx = point_number_complexity (x);
  for (size_t i = 0; i < sizeof cand / sizeof cand[0]; i++)
    if (cand[i] != x && isfinite (cand[i])
        && point_number_complexity (cand[i]) < cx)
      n += push_unique (out, n, cand[i]);
  return n;
}

int
point_spd (const double *a, size_t d)
{
  gsl_matrix *m = gsl_matrix_alloc (d, d);
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      {
        double x = a[i * d + j];
        if (!isfinite (x) || x != a[j * d + i])
          {
            gsl_matrix_free (m);
            return 0;
          }
        gsl_matrix_set (m, i, j, x);
      }
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_linalg_cholesky_decomp1 (m);
  gsl_set_error_handler (old);
  gsl_matrix_free (m);
  return status == GSL_SUCCESS;
}

/* ----------------------------------------------------------------------
 * Gaussians: one (count 1) or a pair (count 2)
 *
 * Layout for count g: for each i < g, mu_i (d values) then Sigma_i (d*d).
 * ---------------------------------------------------------------------- */

static size_t
gauss_stride (size_t d)
{
  return d + d * d;
}

static int
gauss_count (const point_kind * k)
{
  return k->names[2] ? 2 : 1;
}

const double *
point_mean (const point * p, int i)
{
  return p->v + (size_t) i * gauss_stride (p->d);
}

const double *
point_cov (const point * p, int i)
{
  return point_mean (p, i) + p->d;
}

static double *
gauss_mu (point * p, int i)
{
  return p->v + i * gauss_stride (p->d);
}

static double *
gauss_sigma (point * p, int i)
{
  return gauss_mu (p, i) + p->d;
}

static void
gauss_draw_one (const point_kind * k, const gsl_rng * r, point * p, int i)
{
  size_t d = p->d;
  double *mu = gauss_mu (p, i), *s = gauss_sigma (p, i);
  for (size_t j = 0; j < d; j++)
    mu[j] = gsl_ran_gaussian (r, 1.0);
  double scale = exp (gsl_ran_gaussian (r, k->scale_sd));
  if (i == 1 && k->second_diagonal)
    {
      memset (s, 0, d * d * sizeof *s);
      for (size_t j = 0; j < d; j++)
        s[j * d + j] = exp (gsl_ran_gaussian (r, k->scale_sd));
      return;
    }
  double cond = exp (gsl_rng_uniform (r) * log (k->cond_max));
  gsl_matrix_view m = gsl_matrix_view_array (s, d, d);
  spd_random (r, scale, cond, &m.matrix);
}

static void
gauss_draw (const point_kind * k, const gsl_rng * r, point * p)
{
  p->d = k->dmin + gsl_rng_uniform_int (r, k->dmax - k->dmin + 1);
  p->n = (size_t) gauss_count (k) * gauss_stride (p->d);
  for (int i = 0; i < gauss_count (k); i++)
    gauss_draw_one (k, r, p, i);
}

void
point_put_list (sbuf * b, const double *x, size_t n)
{
  put_vector (b, x, n);
}

static void
put_vector (sbuf * b, const double *x, size_t n)
{
  if (n == 1)
    {
      point_put_number (b, x[0]);
      return;
    }
  sbuf_append (b, "(");
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        sbuf_append (b, ", ");
      point_put_number (b, x[i]);
    }
  sbuf_append (b, ")");
}

static void
put_matrix (sbuf * b, const double *a, size_t d)
{
  if (d == 1)
    {
      point_put_number (b, a[0]);
      return;
    }
  sbuf_append (b, "(");
  for (size_t i = 0; i < d; i++)
    {
      if (i)
        sbuf_append (b, ", ");
      put_vector (b, a + i * d, d);
    }
  sbuf_append (b, ")");
}

static void
gauss_print (const point_kind * k, sbuf * b, const point * p)
{
  sbuf_printf (b, "d = %zu", p->d);
  for (int i = 0; i < gauss_count (k); i++)
    {
      sbuf_printf (b, ", %s = ", k->names[2 * i]);
      put_vector (b, p->v + i * gauss_stride (p->d), p->d);
      sbuf_printf (b, ", %s = ", k->names[2 * i + 1]);
      put_matrix (b, p->v + i * gauss_stride (p->d) + p->d, p->d);
    }
}

static int
parse_exact (const char *text, const char *name, double *out, size_t n,
             char *err, size_t errlen)
{
  int got = point_parse_field (text, name, out, n);
  if (got != (int) n)
    {
      snprintf (err, errlen, "--point: field %s needs %zu number(s)", name, n);
      return -1;
    }
  return 0;
}

static int
gauss_parse (const point_kind * k, const char *text, point * p, char *err,
             size_t errlen)
{
  double d;
  if (parse_exact (text, "d", &d, 1, err, errlen) != 0)
    return -1;
  if (d != floor (d) || d < (double) k->dmin || d > (double) k->dmax)
    {
      snprintf (err, errlen, "--point: d must be a whole number from %zu"
                " to %zu", k->dmin, k->dmax);
      return -1;
    }
  p->d = (size_t) d;
  p->n = (size_t) gauss_count (k) * gauss_stride (p->d);
  for (int i = 0; i < gauss_count (k); i++)
    {
      if (parse_exact (text, k->names[2 * i], gauss_mu (p, i), p->d, err,
                       errlen) != 0
          || parse_exact (text, k->names[2 * i + 1], gauss_sigma (p, i),
                          p->d * p->d, err, errlen) != 0)
        return -1;
    }
  if (!k->valid (k, p))
    {
      snprintf (err, errlen, "--point: not a valid point of %s (covariances"
                " must be symmetric positive definite)", k->name);
      return -1;
    }
  return 0;
}

static int
gauss_valid (const point_kind * k, const point * p)
{
  if (p->d < k->dmin || p->d > k->dmax)
    return 0;
  for (int i = 0; i < gauss_count (k); i++)
    {
      const double *s = p->v + i * gauss_stride (p->d) + p->d;
      for (size_t j = 0; j < p->d; j++)
        if (!isfinite (p->v[i * gauss_stride (p->d) + j]))
          return 0;
      if (!point_spd (s, p->d))
        return 0;
      if (i == 1 && k->second_diagonal)
        for (size_t a = 0; a < p->d; a++)
          for (size_t c = 0; c < p->d; c++)
            if (a != c && s[a * p->d + c] != 0)
              return 0;
    }
  return 1;
}

/* The leading D' block of every field. */
static void
gauss_truncate (const point_kind * k, const point * p, size_t d2, point * out)
{
  out->d = d2;
  out->n = (size_t) gauss_count (k) * gauss_stride (d2);
  for (int i = 0; i < gauss_count (k); i++)
    {
      const double *mu = p->v + i * gauss_stride (p->d), *s = mu + p->d;
      double *mu2 = out->v + i * gauss_stride (d2), *s2 = mu2 + d2;
      for (size_t a = 0; a < d2; a++)
        {
          mu2[a] = mu[a];
          for (size_t c = 0; c < d2; c++)
            s2[a * d2 + c] = s[a * p->d + c];
        }
    }
}

typedef struct
{
  point *out;
  size_t n, max;
} shrink_list;

static point *
shrink_next (shrink_list * l, const point * from)
{
  if (l->n == l->max)
    return NULL;
  point *c = &l->out[l->n];
  *c = *from;
  return c;
}

static void
shrink_keep (shrink_list * l, const point_kind * k)
{
  if (k->valid (k, &l->out[l->n]))
    l->n++;
}

static void
gauss_shrink_dims (const point_kind * k, const point * p, shrink_list * l)
{
  size_t tries[3] = { k->dmin, 2, p->d - 1 };
  for (int t = 0; t < 3; t++)
    {
      size_t d2 = tries[t];
      if (d2 < k->dmin || d2 >= p->d || (t > 0 && d2 == tries[0])
          || (t == 2 && d2 == tries[1]))
        continue;
      point *c = shrink_next (l, p);
      if (!c)
        return;
      gauss_truncate (k, p, d2, c);
      shrink_keep (l, k);
    }
}

static void
gauss_shrink_structure (const point_kind * k, const point * p,
                        shrink_list * l)
{
  size_t d = p->d;
  int g = gauss_count (k);
  for (int i = 0; i < g; i++)
    {
      point *c;
      if ((c = shrink_next (l, p)))   /* Sigma_i = I */
        {
          double *s = gauss_sigma (c, i);
          for (size_t a = 0; a < d * d; a++)
            s[a] = a % (d + 1) == 0;
          shrink_keep (l, k);
        }
      if ((c = shrink_next (l, p)))   /* Sigma_i = diag(Sigma_i) */
        {
          double *s = gauss_sigma (c, i);
          for (size_t a = 0; a < d * d; a++)
            if (a % (d + 1) != 0)
              s[a] = 0;
          shrink_keep (l, k);
        }
      if ((c = shrink_next (l, p)))   /* mu_i = 0 */
        {
          memset (gauss_mu (c, i), 0, d * sizeof (double));
          shrink_keep (l, k);
        }
    }
  if (g == 2)
    {
      point *c;
      if ((c = shrink_next (l, p)))   /* mu2 = mu1 */
        {
          memcpy (gauss_mu (c, 1), gauss_mu (c, 0), d * sizeof (double));
          shrink_keep (l, k);
        }
      if ((c = shrink_next (l, p)))   /* Sigma2 = Sigma1 */
        {
          memcpy (gauss_sigma (c, 1), gauss_sigma (c, 0),
                  d * d * sizeof (double));
          shrink_keep (l, k);
        }
    }
}

/* Rounder numbers, one entry at a time (a covariance entry and its mirror
   together). */
static void
gauss_shrink_numbers (const point_kind * k, const point * p, shrink_list * l)
{
  size_t d = p->d;
  for (int i = 0; i < gauss_count (k); i++)
    {
      size_t base = (size_t) i * gauss_stride (d);
      for (size_t a = 0; a < d + d * d; a++)
        {
          size_t r = a < d ? 0 : (a - d) / d, c = a < d ? 0 : (a - d) % d;
          if (a >= d && c < r)
            continue;
          double simpler[8];
          size_t ns = point_simpler_numbers (p->v[base + a], simpler);
          for (size_t s = 0; s < ns; s++)
            {
              point *cand = shrink_next (l, p);
              if (!cand)
                return;
              cand->v[base + a] = simpler[s];
              if (a >= d)
                cand->v[base + d + c * d + r] = simpler[s];
              shrink_keep (l, k);
            }
        }
    }
}

static size_t
gauss_shrink (const point_kind * k, const point * p, point * out, size_t max)
{
  shrink_list l = { out, 0, max };
  gauss_shrink_dims (k, p, &l);
  gauss_shrink_structure (k, p, &l);
  gauss_shrink_numbers (k, p, &l);
  return l.n;
}

const point_kind point_gaussian_template = {
  .name = "a Gaussian",
  .description = "d from 1 to 8; mean from N(0, I); covariance Q diag(λ) Qᵀ"
    " with Q Haar-orthogonal and λ geometric over a log-uniform condition"
    " number up to 100, scale log-normal",
  .draw = gauss_draw, .print = gauss_print, .parse = gauss_parse,
  .shrink = gauss_shrink, .valid = gauss_valid,
  .dmin = 1, .dmax = 8, .cond_max = 100, .scale_sd = 0.7,
  .names = {"μ", "Σ", NULL, NULL},
};

const point_kind point_gaussian_pair_template = {
  .name = "two Gaussians",
  .description = "d from 1 to 8; means from N(0, I); covariances"
    " Q diag(λ) Qᵀ with Q Haar-orthogonal and λ geometric over a"
    " log-uniform condition number up to 100, scales log-normal",
  .draw = gauss_draw, .print = gauss_print, .parse = gauss_parse,
  .shrink = gauss_shrink, .valid = gauss_valid,
  .dmin = 1, .dmax = 8, .cond_max = 100, .scale_sd = 0.7,
  .names = {"μ1", "Σ1", "μ2", "Σ2"},
};

point_kind
point_gaussian_pair_named (const char *mu1, const char *sigma1,
                           const char *mu2, const char *sigma2)
{
  point_kind k = point_gaussian_pair_template;
  k.names[0] = mu1, k.names[1] = sigma1, k.names[2] = mu2, k.names[3] = sigma2;
  return k;
}

/* ----------------------------------------------------------------------
 * A box of named scalars
 * ---------------------------------------------------------------------- */

static double
box_draw_coord (const point_coord * c, const gsl_rng * r)
{
  double u = gsl_rng_uniform (r);
  double x = c->log_scale ? exp (log (c->lo) + u * (log (c->hi) - log (c->lo)))
    : c->lo + u * (c->hi - c->lo);
  return c->integer ? floor (x + 0.5) : x;
}

void
point_box_draw (const point_kind * k, const gsl_rng * r, point * p)
{
  p->d = 0;
  p->n = k->n_coords;
  for (size_t i = 0; i < k->n_coords; i++)
    p->v[i] = box_draw_coord (&k->coords[i], r);
}

void
point_box_print (const point_kind * k, sbuf * b, const point * p)
{
  for (size_t i = 0; i < k->n_coords; i++)
    {
      sbuf_printf (b, "%s%s = ", i ? ", " : "", k->coords[i].name);
      point_put_number (b, p->v[i]);
    }
}

int
point_box_valid (const point_kind * k, const point * p)
{
  for (size_t i = 0; i < k->n_coords; i++)
    {
      const point_coord *c = &k->coords[i];
      double x = p->v[i];
      if (!(x >= c->lo && x <= c->hi) || (c->integer && x != floor (x)))
        return 0;
    }
  return 1;
}

int
point_box_parse (const point_kind * k, const char *text, point * p, char *err,
           size_t errlen)
{
  p->d = 0;
  p->n = k->n_coords;
  for (size_t i = 0; i < k->n_coords; i++)
    if (parse_exact (text, k->coords[i].name, &p->v[i], 1, err, errlen))
      return -1;
  if (!point_box_valid (k, p))
    {
      snprintf (err, errlen, "--point: a coordinate is outside its range");
      return -1;
    }
  return 0;
}

size_t
point_box_shrink (const point_kind * k, const point * p, point * out, size_t max)
{
  shrink_list l = { out, 0, max };
  for (size_t i = 0; i < k->n_coords; i++)
    {
      double simpler[8];
      size_t ns = point_simpler_numbers (p->v[i], simpler);
      for (size_t s = 0; s < ns; s++)
        {
          point *c = shrink_next (&l, p);
          if (!c)
            return l.n;
          c->v[i] = simpler[s];
          shrink_keep (&l, k);
        }
    }
  return l.n;
}

double
point_get (const point_kind * k, const point * p, const char *name)
{
  for (size_t i = 0; i < k->n_coords; i++)
    if (strcmp (k->coords[i].name, name) == 0)
      return p->v[i];
  die_internal ("point kind '%s' has no coordinate '%s'", k->name, name);
}

const point_kind point_box_template = {
  .name = "scalar parameters",
  .description = POINT_BOX_DESCRIPTION,
  .draw = point_box_draw, .print = point_box_print, .parse = point_box_parse,
  .shrink = point_box_shrink, .valid = point_box_valid,
};

/* ----------------------------------------------------------------------
 * Probability vectors: K vectors of length n, strictly positive
 * ---------------------------------------------------------------------- */

static int
prob_count (const point_kind * k)
{
  int c = 0;
  while (c < 4 && k->names[c])
    c++;
  return c;
}

const double *
point_prob (const point * p, int i)
{
  return p->v + (size_t) i * p->d;
}

/* Dirichlet(1, ..., 1) draws: uniform on the simplex. */
static void
prob_draw (const point_kind * k, const gsl_rng * r, point * p)
{
  p->d = k->dmin + gsl_rng_uniform_int (r, k->dmax - k->dmin + 1);
  p->n = (size_t) prob_count (k) * p->d;
  double *alpha = xmalloc (p->d * sizeof *alpha);
  for (size_t j = 0; j < p->d; j++)
    alpha[j] = 1.0;
  for (int i = 0; i < prob_count (k); i++)
    gsl_ran_dirichlet (r, p->d, alpha, p->v + (size_t) i * p->d);
  free (alpha);
}

static void
prob_print (const point_kind * k, sbuf * b, const point * p)
{
  sbuf_printf (b, "n = %zu", p->d);
  for (int i = 0; i < prob_count (k); i++)
    {
      sbuf_printf (b, ", %s = ", k->names[i]);
      sbuf_append (b, "(");
      for (size_t j = 0; j < p->d; j++)
        {
          if (j)
            sbuf_append (b, ", ");
          point_put_number (b, p->v[(size_t) i * p->d + j]);
        }
      sbuf_append (b, ")");
    }
}

static int
prob_valid (const point_kind * k, const point * p)
{
  if (p->d < k->dmin || p->d > k->dmax)
    return 0;
  for (int i = 0; i < prob_count (k); i++)
    {
      double s = 0;
      for (size_t j = 0; j < p->d; j++)
        {
          double x = p->v[(size_t) i * p->d + j];
          if (!(x > 0))
            return 0;
          s += x;
        }
      if (fabs (s - 1) > 4 * (double) p->d * EST_U)
        return 0;
    }
  return 1;
}

static int
prob_parse (const point_kind * k, const char *text, point * p, char *err,
            size_t errlen)
{
  double n;
  if (parse_exact (text, "n", &n, 1, err, errlen) != 0)
    return -1;
  if (n != floor (n) || n < (double) k->dmin || n > (double) k->dmax)
    {
      snprintf (err, errlen, "--point: n must be a whole number from %zu"
                " to %zu", k->dmin, k->dmax);
      return -1;
    }
  p->d = (size_t) n;
  p->n = (size_t) prob_count (k) * p->d;
  for (int i = 0; i < prob_count (k); i++)
    if (parse_exact (text, k->names[i], p->v + (size_t) i * p->d, p->d,
                     err, errlen) != 0)
      return -1;
  if (!prob_valid (k, p))
    {
      snprintf (err, errlen, "--point: each vector must be positive and sum"
                " to 1");
      return -1;
    }
  return 0;
}

/* Renormalise vector I after an entry changed; the last entry absorbs the
   difference so that round entries stay round where possible. */
static void
prob_renormalise (point * p, int i)
{
  double *x = p->v + (size_t) i * p->d, s = 0;
  for (size_t j = 0; j + 1 < p->d; j++)
    s += x[j];
  x[p->d - 1] = 1 - s;
}

static size_t
prob_shrink (const point_kind * k, const point * p, point * out, size_t max)
{
  shrink_list l = { out, 0, max };
  size_t n = p->d;
  if (n > k->dmin)             /* fewer entries: merge the last two */
    for (size_t n2 = k->dmin; n2 < n; n2 = n2 == k->dmin ? n - 1 : n)
      {
        point *c = shrink_next (&l, p);
        if (!c)
          return l.n;
        c->d = n2;
        c->n = (size_t) prob_count (k) * n2;
        for (int i = 0; i < prob_count (k); i++)
          {
            double tail = 0;
            for (size_t j = n2 - 1; j < n; j++)
              tail += p->v[(size_t) i * n + j];
            for (size_t j = 0; j + 1 < n2; j++)
              c->v[(size_t) i * n2 + j] = p->v[(size_t) i * n + j];
            c->v[(size_t) i * n2 + n2 - 1] = tail;
          }
        shrink_keep (&l, k);
        if (n2 == n - 1)
          break;
      }
  for (int i = 0; i < prob_count (k); i++)
    {
      point *c = shrink_next (&l, p);  /* uniform */
      if (!c)
        return l.n;
      for (size_t j = 0; j < n; j++)
        c->v[(size_t) i * n + j] = 1.0 / (double) n;
      shrink_keep (&l, k);
      for (size_t j = 0; j + 1 < n; j++)
        {
          double x = p->v[(size_t) i * n + j];
          double cand[4] = { round_to (x, 0.5), round_to (x, 0.25),
            round_to (x, 0.1), round_to (x, 0.01)
          };
          for (int t = 0; t < 4; t++)
            {
              if (cand[t] == x || !(cand[t] > 0))
                continue;
              point *c2 = shrink_next (&l, p);
              if (!c2)
                return l.n;
              c2->v[(size_t) i * n + j] = cand[t];
              prob_renormalise (c2, i);
              shrink_keep (&l, k);
            }
        }
    }
  return l.n;
}

const point_kind point_prob_template = {
  .name = "probability vectors",
  .description = "n from 2 to 8 outcomes; each vector uniform on the simplex"
    " (Dirichlet(1, ..., 1))",
  .draw = prob_draw, .print = prob_print, .parse = prob_parse,
  .shrink = prob_shrink, .valid = prob_valid,
  .dmin = 2, .dmax = 8,
  .names = {"p", "q", NULL, NULL},
};

/* ----------------------------------------------------------------------
 * Probability vectors with named scalars (mixing weights and the like)
 *
 * v = the box coordinates (k->coords), then the K probability vectors
 * (k->names) of length d.  Each part is drawn, printed, parsed, shrunk and
 * validated by the box and probability-vector functions above, on a copy
 * of the point that holds that part alone.
 * ---------------------------------------------------------------------- */

static void
mixed_split (const point_kind * k, const point * p, point * box,
             point * prob)
{
  size_t nc = k->n_coords;
  box->d = 0;
  box->n = nc;
  memcpy (box->v, p->v, nc * sizeof (double));
  prob->d = p->d;
  prob->n = p->n - nc;
  memcpy (prob->v, p->v + nc, prob->n * sizeof (double));
}

static void
mixed_join (const point_kind * k, const point * box, const point * prob,
            point * out)
{
  size_t nc = k->n_coords;
  /* OUT may be BOX or PROB: move the vectors first, then the scalars */
  memmove (out->v + nc, prob->v, prob->n * sizeof (double));
  memmove (out->v, box->v, nc * sizeof (double));
  out->d = prob->d;
  out->n = nc + prob->n;
}

/* The kind K seen as its box part or its vector part alone. */
static point_kind
mixed_part (const point_kind * k, int vectors)
{
  point_kind part = *k;
  part.valid = vectors ? prob_valid : point_box_valid;
  return part;
}

void
point_prob_box_draw (const point_kind * k, const gsl_rng * r, point * p)
{
  point *prob = xmalloc (sizeof *prob);
  point_box_draw (k, r, p);
  prob_draw (k, r, prob);
  mixed_join (k, p, prob, p);
  free (prob);
}

void
point_prob_box_print (const point_kind * k, sbuf * b, const point * p)
{
  point *box = xmalloc (sizeof *box), *prob = xmalloc (sizeof *prob);
  mixed_split (k, p, box, prob);
  point_box_print (k, b, box);
  sbuf_append (b, ", ");
  prob_print (k, b, prob);
  free (box);
  free (prob);
}

int
point_prob_box_valid (const point_kind * k, const point * p)
{
  if (p->n < k->n_coords)
    return 0;
  point *box = xmalloc (sizeof *box), *prob = xmalloc (sizeof *prob);
  mixed_split (k, p, box, prob);
  int ok = point_box_valid (k, box) && prob_valid (k, prob);
  free (box);
  free (prob);
  return ok;
}

int
point_prob_box_parse (const point_kind * k, const char *text, point * p,
                      char *err, size_t errlen)
{
  point *prob = xmalloc (sizeof *prob);
  int st = point_box_parse (k, text, p, err, errlen);
  if (st == 0)
    st = prob_parse (k, text, prob, err, errlen);
  if (st == 0)
    mixed_join (k, p, prob, p);
  free (prob);
  return st;
}

/* Simpler scalars with the vectors kept, then simpler vectors with the
   scalars kept. */
size_t
point_prob_box_shrink (const point_kind * k, const point * p, point * out,
                       size_t max)
{
  point *box = xmalloc (sizeof *box), *prob = xmalloc (sizeof *prob);
  mixed_split (k, p, box, prob);
  point_kind kb = mixed_part (k, 0), kp = mixed_part (k, 1);
  size_t nb = point_box_shrink (&kb, box, out, max);
  for (size_t i = 0; i < nb; i++)
    mixed_join (k, &out[i], prob, &out[i]);
  size_t np = prob_shrink (&kp, prob, out + nb, max - nb);
  for (size_t i = nb; i < nb + np; i++)
    mixed_join (k, box, &out[i], &out[i]);
  free (box);
  free (prob);
  return nb + np;
}

const point_kind point_prob_box_template = POINT_PROB_BOX_N (NULL, 0, 2, 8, NULL, "p", "q");

/* ----------------------------------------------------------------------
 * One-dimensional Gaussian mixtures: v = w (K), m (K), s (K)
 * ---------------------------------------------------------------------- */

static void
mixture_draw (const point_kind * k, const gsl_rng * r, point * p)
{
  size_t K = k->dmin + gsl_rng_uniform_int (r, k->dmax - k->dmin + 1);
  double alpha[32];
  p->d = K;
  p->n = 3 * K;
  for (size_t j = 0; j < K; j++)
    alpha[j] = 1.0;
  gsl_ran_dirichlet (r, K, alpha, p->v);
  for (size_t j = 0; j < K; j++)
    {
      p->v[K + j] = gsl_ran_gaussian (r, 2.0);
      p->v[2 * K + j] = exp (gsl_ran_gaussian (r, k->scale_sd));
    }
}

static void
mixture_print (const point_kind * k, sbuf * b, const point * p)
{
  (void) k;
  size_t K = p->d;
  sbuf_printf (b, "K = %zu, w = ", K);
  put_vector (b, p->v, K);
  sbuf_append (b, ", m = ");
  put_vector (b, p->v + K, K);
  sbuf_append (b, ", s = ");
  put_vector (b, p->v + 2 * K, K);
}

static int
mixture_valid (const point_kind * k, const point * p)
{
  size_t K = p->d;
  if (K < k->dmin || K > k->dmax || p->n != 3 * K)
    return 0;
  double sum = 0;
  for (size_t j = 0; j < K; j++)
    {
      if (!(p->v[j] > 0) || !isfinite (p->v[K + j]) || !(p->v[2 * K + j] > 0)
          || !isfinite (p->v[2 * K + j]))
        return 0;
      sum += p->v[j];
    }
  return fabs (sum - 1) <= 4 * (double) K * EST_U;
}

static int
mixture_parse (const point_kind * k, const char *text, point * p, char *err,
               size_t errlen)
{
  double K;
  if (parse_exact (text, "K", &K, 1, err, errlen) != 0)
    return -1;
  if (K != floor (K) || K < (double) k->dmin || K > (double) k->dmax)
    {
      snprintf (err, errlen, "--point: K must be a whole number from %zu to"
                " %zu", k->dmin, k->dmax);
      return -1;
    }
  p->d = (size_t) K;
  p->n = 3 * p->d;
  if (parse_exact (text, "w", p->v, p->d, err, errlen) != 0
      || parse_exact (text, "m", p->v + p->d, p->d, err, errlen) != 0
      || parse_exact (text, "s", p->v + 2 * p->d, p->d, err, errlen) != 0)
    return -1;
  if (!mixture_valid (k, p))
    {
      snprintf (err, errlen, "--point: weights must be positive and sum to 1,"
                " standard deviations positive");
      return -1;
    }
  return 0;
}

/* Fewer components (the last one dropped, weights renormalised), equal
   weights, then rounder means and standard deviations. */
static size_t
mixture_shrink (const point_kind * k, const point * p, point * out,
                size_t max)
{
  shrink_list l = { out, 0, max };
  size_t K = p->d;
  point *c;
  if (K > k->dmin && (c = shrink_next (&l, p)))
    {
      size_t K2 = K - 1;
      double rest = 1 - p->v[K - 1];
      c->d = K2;
      c->n = 3 * K2;
      for (size_t j = 0; j < K2; j++)
        {
          c->v[j] = p->v[j] / rest;
          c->v[K2 + j] = p->v[K + j];
          c->v[2 * K2 + j] = p->v[2 * K + j];
        }
      prob_renormalise (c, 0);
      shrink_keep (&l, k);
    }
  if ((c = shrink_next (&l, p)))
    {
      for (size_t j = 0; j < K; j++)
        c->v[j] = 1.0 / (double) K;
      shrink_keep (&l, k);
    }
  for (size_t a = K; a < 3 * K; a++)
    {
      double simpler[8];
      size_t ns = point_simpler_numbers (p->v[a], simpler);
      for (size_t t = 0; t < ns; t++)
        {
          if (!(c = shrink_next (&l, p)))
            return l.n;
          c->v[a] = simpler[t];
          shrink_keep (&l, k);
        }
    }
  return l.n;
}

const point_kind point_mixture_template = {
  .name = "a Gaussian mixture in one dimension",
  .description = "K from 1 to 4 components; weights uniform on the simplex,"
    " means from N(0, 2²), standard deviations log-normal",
  .draw = mixture_draw, .print = mixture_print, .parse = mixture_parse,
  .shrink = mixture_shrink, .valid = mixture_valid,
  .dmin = 1, .dmax = 4, .scale_sd = 0.5,
};

point_kind
point_box (const point_coord * c, size_t n, const char *description)
{
  point_kind k = point_box_template;
  k.coords = c, k.n_coords = n;
  if (description)
    k.description = description;
  return k;
}
