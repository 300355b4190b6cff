/* gradcheck.c -- finite-difference derivatives with an error bound (see
 * gradcheck.h).  The five-point scheme and its error terms follow GSL's
 * deriv/deriv.c (central_deriv and gsl_deriv_central). */
#include "gradcheck.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <math.h>

/* One partial derivative: f along coordinate I of a private copy of x. */
typedef struct
{
  gradcheck_fn f;
  void *params;
  gsl_vector *work;   /* a copy of x whose coordinate i is moved */
  size_t i;
  double f_rel, f_abs;
  int nonfinite;      /* set when some evaluation was not finite */
} partial_fn;

static double
eval_at (partial_fn * p, double xi)
{
  gsl_vector_set (p->work, p->i, xi);
  double v = p->f (p->work, p->params);
  if (!isfinite (v))
    p->nonfinite = 1;
  return v;
}

/* The error of one evaluation of f with value V. */
static double
eval_error (const partial_fn * p, double v)
{
  return p->f_rel * fabs (v) + p->f_abs;
}

/* R at step H, with its truncation and rounding errors. */
static void
central_5pt (partial_fn * p, double x, double h, double *result,
             double *round, double *trunc)
{
  double fm1 = eval_at (p, x - h), fp1 = eval_at (p, x + h);
  double fmh = eval_at (p, x - h / 2), fph = eval_at (p, x + h / 2);
  /* compute: r3 = h D(h), r5 = h R */
  double r3 = 0.5 * (fp1 - fm1);
  double r5 = (4.0 / 3.0) * (fph - fmh) - (1.0 / 3.0) * r3;
  /* worst case of the evaluation errors on r5 */
  double e5 = (4.0 / 3.0) * (eval_error (p, fph) + eval_error (p, fmh))
    + (1.0 / 6.0) * (eval_error (p, fp1) + eval_error (p, fm1));
  /* x +- h rounded: a relative error |x| eps / h in the step */
  double dy = fmax (fabs (r3 / h), fabs (r5 / h)) * (fabs (x) / h) * DBL_EPSILON;
  *result = r5 / h;
  *trunc = fabs ((r5 - r3) / h);
  *round = e5 / h + dy + 4 * DBL_EPSILON * fabs (r5 / h);
}

static int
options_valid (const gradcheck_options * o)
{
  return o->x_scale >= 0 && o->f_rel_err >= 0 && o->f_abs_err >= 0
    && o->g_rel_err >= 0;
}

static gradcheck_options
options_or_defaults (const gradcheck_options * opt)
{
  gradcheck_options o = { 0, 0, 0, 0 };
  if (opt)
    o = *opt;
  if (o.x_scale == 0)
    o.x_scale = 1.0;
  if (o.f_rel_err == 0)
    o.f_rel_err = GRADCHECK_F_REL_ERR;
  if (o.g_rel_err == 0)
    o.g_rel_err = o.f_rel_err;
  return o;
}

static void
set_failed (gradcheck_partial * out)
{
  out->value = NAN;
  out->err = out->trunc = out->round = INFINITY;
  out->step = NAN;
}

int
gradcheck_partial_derivative (gradcheck_fn f, void *params,
                              const gsl_vector * x, size_t i,
                              const gradcheck_options * opt,
                              gradcheck_partial * out)
{
  set_failed (out);
  if (i >= x->size)
    return GSL_EBADLEN;
  if (opt && !options_valid (opt))
    return GSL_EINVAL;
  gradcheck_options o = options_or_defaults (opt);
  double xi = gsl_vector_get (x, i);
  if (!isfinite (xi))
    return GSL_EDOM;

  gsl_vector *work = gsl_vector_alloc (x->size);
  gsl_vector_memcpy (work, x);
  partial_fn p = { f, params, work, i, o.f_rel_err, o.f_abs_err, 0 };
  double h = cbrt (o.f_rel_err) * fmax (fabs (xi), o.x_scale);
  double r, round, trunc;
  central_5pt (&p, xi, h, &r, &round, &trunc);
  double err = round + trunc;

  /* rescale the step once towards the balance of the two errors */
  if (round < trunc && round > 0 && trunc > 0)
    {
      double r_opt, round_opt, trunc_opt;
      double h_opt = h * cbrt (round / (2.0 * trunc));
      central_5pt (&p, xi, h_opt, &r_opt, &round_opt, &trunc_opt);
      double err_opt = round_opt + trunc_opt;
      if (err_opt < err && fabs (r_opt - r) < 4.0 * err)
        {
          r = r_opt;
          round = round_opt;
          trunc = trunc_opt;
          err = err_opt;
          h = h_opt;
        }
    }
  gsl_vector_free (work);
  if (p.nonfinite || !isfinite (r))
    return GSL_EDOM;
  out->value = r;
  out->err = err;
  out->trunc = trunc;
  out->round = round;
  out->step = h;
  return GSL_SUCCESS;
}

int
gradcheck_gradient (gradcheck_fn f, void *params, const gsl_vector * x,
                    const gradcheck_options * opt, gsl_vector * grad,
                    gsl_vector * err)
{
  if (grad->size != x->size || err->size != x->size)
    return GSL_EBADLEN;
  int status = GSL_SUCCESS;
  for (size_t i = 0; i < x->size; i++)
    {
      gradcheck_partial d;
      int s = gradcheck_partial_derivative (f, params, x, i, opt, &d);
      if (s != GSL_SUCCESS && status == GSL_SUCCESS)
        status = s;
      gsl_vector_set (grad, i, d.value);
      gsl_vector_set (err, i, d.err);
    }
  return status;
}

int
gradcheck_verify (gradcheck_fn f, gradcheck_grad g, void *params,
                  const gsl_vector * x, const gradcheck_options * opt,
                  gradcheck_report * rep)
{
  size_t n = x->size;
  rep->n_bad = n;
  rep->worst = 0;
  rep->worst_ratio = INFINITY;
  if (opt && !options_valid (opt))
    return GSL_EINVAL;
  gradcheck_options o = options_or_defaults (opt);
  gsl_vector *fd = gsl_vector_alloc (n), *err = gsl_vector_alloc (n);
  gsl_vector *an = gsl_vector_calloc (n);   /* G may leave zeros unset */
  int status = gradcheck_gradient (f, params, x, &o, fd, err);
  if (status == GSL_SUCCESS)
    {
      g (x, params, an);
      rep->n_bad = 0;
      rep->worst_ratio = 0;
      for (size_t i = 0; i < n; i++)
        {
          double gi = gsl_vector_get (an, i);
          double tol = gsl_vector_get (err, i) + o.g_rel_err * fabs (gi);
          double diff = fabs (gi - gsl_vector_get (fd, i));
          double ratio = diff == 0 ? 0.0 : diff / tol;
          if (isnan (ratio) || ratio > 1)
            rep->n_bad++;
          if (isnan (ratio) || ratio > rep->worst_ratio)
            {
              rep->worst_ratio = isnan (ratio) ? INFINITY : ratio;
              rep->worst = i;
            }
        }
      if (rep->n_bad)
        status = GSL_EFAILED;
    }
  gsl_vector_free (fd);
  gsl_vector_free (err);
  gsl_vector_free (an);
  return status;
}

void
gradcheck_central_pair (gradcheck_fn f, void *params, gsl_vector * x, size_t i, double h,
                        double *coarse, double *fine)
{
  double x0 = gsl_vector_get (x, i), *out[2] = { coarse, fine };
  for (int level = 0; level < 2; level++)
    {
      double step = h / (1 << level);
      gsl_vector_set (x, i, x0 + step);
      double fp = f (x, params);
      gsl_vector_set (x, i, x0 - step);
      double fm = f (x, params);
      gsl_vector_set (x, i, x0);
      *out[level] = (fp - fm) / (2 * step);
    }
}

int
gradcheck_directional (gradcheck_fn f, void *params, const gsl_vector * x, const double *c,
                       const int *idx, size_t n, const gradcheck_options * opt, double *value,
                       double *err)
{
  double s = 0, e = 0;
  int status = GSL_SUCCESS;
  for (size_t k = 0; k < n && status == GSL_SUCCESS; k++)
    {
      gradcheck_partial d;
      if (c[k] == 0)
        continue;
      status = gradcheck_partial_derivative (f, params, x, (size_t) idx[k], opt, &d);
      if (status == GSL_SUCCESS)
        s += c[k] * d.value, e += fabs (c[k]) * d.err;
    }
  *value = s, *err = e;
  return status;
}
