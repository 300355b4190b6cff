/* quad.c -- quadrature by two independent GSL rules that must agree
   (see quad.h for what is guaranteed). */
#include "quad.h"
#include "errors.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define QUAD_LIMIT 2000
#define CQUAD_INTERVALS 200

/* Slack of the agreement test and of each piece's bound, in ulps of the
   larger value: both rules round their sums, and two results that are each
   within e of the integral can differ by e1 + e2 plus that rounding. */
#define AGREE_ULPS 32.0

/* GSL's adaptive rules take a workspace of QUAD_LIMIT intervals (six
   arrays, 96 kB), which they reinitialise on every call.  One per call was
   most of a nested quadrature's time under AddressSanitizer (fresh pages
   for every allocation); so each nesting depth -- an integrand may itself
   integrate -- keeps one, allocated on first use and kept for the run
   (reachable, so no leak checker counts it).  The harness is single-threaded.
   CQUAD's workspace is kept the same way.  */
#define QUAD_MAX_DEPTH 8
static struct
{
  gsl_integration_workspace *adaptive;
  gsl_integration_cquad_workspace *cquad;
} workspace_at_depth[QUAD_MAX_DEPTH];
static int workspace_depth;

static int
workspace_enter (void)
{
  if (workspace_depth == QUAD_MAX_DEPTH)
    die_internal ("quadrature nested deeper than %d", QUAD_MAX_DEPTH);
  return workspace_depth++;
}

static gsl_integration_workspace *
workspace_adaptive (void)
{
  int d = workspace_enter ();
  if (!workspace_at_depth[d].adaptive)
    workspace_at_depth[d].adaptive = gsl_integration_workspace_alloc (QUAD_LIMIT);
  return workspace_at_depth[d].adaptive;
}

static gsl_integration_cquad_workspace *
workspace_cquad (void)
{
  int d = workspace_enter ();
  if (!workspace_at_depth[d].cquad)
    workspace_at_depth[d].cquad = gsl_integration_cquad_workspace_alloc (CQUAD_INTERVALS);
  return workspace_at_depth[d].cquad;
}

static void workspace_leave (void) { workspace_depth--; }

/* The last refusal, for the dying wrappers' one-line message. */
static char last_failure[1024];

/* A rule's outcome. */
typedef struct
{
  const char *name;
  int status;
  quad_result r;
} rule_run;

const char *
quad_strerror (int status)
{
  if (status == QUAD_EDISAGREE)
    return "the two quadrature rules disagree beyond their error estimates";
  return gsl_strerror (status);
}

const char *
quad_last_failure (void)
{
  return last_failure;
}

static int
tolerance_met (quad_result r, double epsabs, double epsrel)
{
  return r.abserr <= fmax (epsabs, epsrel * fabs (r.value));
}

/* QAGS and QAGIU can report roundoff (GSL_EROUND) while their estimate
   meets the tolerance; the estimate is then kept and tested against the
   other rule like any other. */
static int
roundoff_but_met (int status, quad_result r, double epsabs, double epsrel)
{
  return status == GSL_EROUND && tolerance_met (r, epsabs, epsrel)
    ? GSL_SUCCESS : status;
}

static rule_run
run_qags (gsl_function * fn, double a, double b, double epsabs,
          double epsrel)
{
  rule_run run = { "QAGS", 0, { 0, 0 } };
  gsl_integration_workspace *w = workspace_adaptive ();
  run.status = gsl_integration_qags (fn, a, b, epsabs, epsrel, QUAD_LIMIT, w,
                                     &run.r.value, &run.r.abserr);
  workspace_leave ();
  run.status = roundoff_but_met (run.status, run.r, epsabs, epsrel);
  return run;
}

static rule_run
run_qagiu (gsl_function * fn, double epsabs, double epsrel)
{
  rule_run run = { "QAGIU", 0, { 0, 0 } };
  gsl_integration_workspace *w = workspace_adaptive ();
  run.status = gsl_integration_qagiu (fn, 0.0, epsabs, epsrel, QUAD_LIMIT, w,
                                      &run.r.value, &run.r.abserr);
  workspace_leave ();
  run.status = roundoff_but_met (run.status, run.r, epsabs, epsrel);
  return run;
}

/* CQUAD returns GSL_SUCCESS even when it ran out of intervals short of its
   tolerance (GSL 2.7, cquad.c); that case is GSL_ETOL here. */
static rule_run
run_cquad (gsl_function * fn, double a, double b, double epsabs,
           double epsrel)
{
  rule_run run = { "CQUAD", 0, { 0, 0 } };
  gsl_integration_cquad_workspace *w = workspace_cquad ();
  size_t nevals = 0;
  run.status = gsl_integration_cquad (fn, a, b, epsabs, epsrel, w,
                                      &run.r.value, &run.r.abserr, &nevals);
  workspace_leave ();
  if (run.status == GSL_SUCCESS
      && !tolerance_met (run.r, epsabs, epsrel))
    run.status = GSL_ETOL;
  return run;
}

/* Combine two runs of independent rules into one bound, or a status.
   NOISE bounds the integral of |f as evaluated - f|: each rule's value
   can move by it, so the two may differ by 2 NOISE more. */
static int
agree (rule_run p, rule_run q, double noise, quad_result * out)
{
  double d = fabs (p.r.value - q.r.value);
  /* Below DBL_MIN arithmetic is absolute (gradual underflow): each of a
     rule's evaluations can be off by up to DBL_MIN, so two rules on an
     integrand that underflows may differ by about (evaluations) DBL_MIN;
     1024 DBL_MIN covers the rules' evaluation counts here and is far below
     anything a claim resolves. */
  double ulps = AGREE_ULPS * DBL_EPSILON
    * fmax (fabs (p.r.value), fabs (q.r.value)) + 1024 * DBL_MIN;
  int status = p.status ? p.status : q.status;
  out->value = p.r.value;
  out->abserr = d + fmax (p.r.abserr, q.r.abserr) + ulps;
  if (!status && !(isfinite (p.r.value) && isfinite (p.r.abserr)
                   && isfinite (q.r.value) && isfinite (q.r.abserr)))
    status = GSL_EBADFUNC;
  if (!status && d > p.r.abserr + q.r.abserr + 2 * noise + ulps)
    status = QUAD_EDISAGREE;
  if (status)
    snprintf (last_failure, sizeof last_failure,
              "%s (%s %.17g +- %.3g [%s], %s %.17g +- %.3g [%s])",
              quad_strerror (status), p.name, p.r.value, p.r.abserr,
              p.status ? gsl_strerror (p.status) : "ok", q.name, q.r.value,
              q.r.abserr, q.status ? gsl_strerror (q.status) : "ok");
  return status;
}

/* Append where a refusal happened to its message. */
__attribute__ ((format (printf, 1, 2)))
static void
where (const char *fmt, ...)
{
  size_t n = strlen (last_failure);
  va_list ap;
  if (n + 2 >= sizeof last_failure)
    return;
  last_failure[n++] = ' ';
  va_start (ap, fmt);
  vsnprintf (last_failure + n, sizeof last_failure - n, fmt, ap);
  va_end (ap);
}

/* The integrand, watched for a value that is not finite at a point
   strictly inside (LO, HI): CQUAD drops such values and QAGS's estimate
   turns NaN ("roundoff error"), so a refusal names the point instead. */
typedef struct
{
  quad_fn f;
  void *params;
  double lo, hi;
  int bad;
  double bad_x, bad_value;
} watch;

static double
watched (double x, void *params)
{
  watch *w = params;
  double v = w->f (x, w->params);
  if (!isfinite (v) && !w->bad && x > w->lo && x < w->hi && isfinite (x))
    {
      w->bad = 1;
      w->bad_x = x;
      w->bad_value = v;
    }
  return v;
}

static void
where_bad (const watch * w)
{
  if (w->bad)
    where ("(the integrand was %g at x = %.17g)", w->bad_value, w->bad_x);
}

/* Runs a pair of independent rules at (EPSABS, EPSREL): *P the primary
   (whose value is returned), *Q the other. */
typedef void (*pair_run) (void *ctx, double epsabs, double epsrel,
                          rule_run * p, rule_run * q);

/* Once more at tolerances this many times below the tighter of the
   requested one and the disagreement. */
#define RETRY_FACTOR 100.0

/* Does RUN, which met its tolerance, lie within its estimate of R? */
static int
confirms (rule_run run, quad_result r, double noise)
{
  double ulps = AGREE_ULPS * DBL_EPSILON * fmax (fabs (run.r.value),
                                                 fabs (r.value));
  return run.status == 0
    && fabs (run.r.value - r.value) <= run.r.abserr + r.abserr + 2 * noise
    + ulps;
}

/* The pair at the requested tolerance; when the two disagree, once more
   at tighter ones.  A disagreement shows that one estimate at least was
   below its rule's actual error (on conjugate_duals and exclusive_
   inclusive_kl, QAGS's: 3 to 20 times, on smooth integrands, with CQUAD
   right to 1e-16).  Rerun RETRY_FACTOR times tighter than both the
   requested tolerance and the disagreement d, each rule subdivides further;
   the retried pair is accepted only under the same contract as the first
   (each met its tolerance, the two agree within the sum of estimates), and
   only if it also explains the disagreement: one of the first runs lies
   within its own estimate of the retried result.  So three results by two
   independent rules agree, two of them resolved 100 times below d; the
   bound is the retried pair's.  Anything else -- a rule failing, or the
   retry agreeing with neither first run -- is refused as before. */
static int
settle (pair_run run, void *ctx, double epsabs, double epsrel, double noise,
        quad_result * out)
{
  rule_run p, q, p2, q2;
  run (ctx, epsabs, epsrel, &p, &q);
  int status = agree (p, q, noise, out);
  if (status != QUAD_EDISAGREE)
    return status;
  char first[sizeof last_failure];
  memcpy (first, last_failure, sizeof first);
  double d = fabs (p.r.value - q.r.value);
  double mag = fmax (fabs (p.r.value), fabs (q.r.value));
  double epsabs2 = fmin (epsabs, d) / RETRY_FACTOR;
  double epsrel2 = fmax (fmin (epsrel, d / mag) / RETRY_FACTOR,
                         64 * DBL_EPSILON);
  quad_result r2;
  run (ctx, epsabs2, epsrel2, &p2, &q2);
  status = agree (p2, q2, noise, &r2);
  if (!status && !confirms (p, r2, noise) && !confirms (q, r2, noise))
    {
      status = QUAD_EDISAGREE;
      snprintf (last_failure, sizeof last_failure, "the retry agrees with"
                " neither first run (%s %.17g +- %.3g, %s %.17g +- %.3g)",
                p2.name, p2.r.value, p2.r.abserr, q2.name, q2.r.value,
                q2.r.abserr);
    }
  if (!status)
    {
      *out = r2;
      return 0;
    }
  char retry[sizeof last_failure];
  memcpy (retry, last_failure, sizeof retry);
  snprintf (last_failure, sizeof last_failure, "%.480s; retried at epsabs"
            " %.3g, epsrel %.3g: %.480s", first, epsabs2, epsrel2, retry);
  /* However the retry failed (a rule that no longer converges at the
     tighter tolerance, as QAGIU on an integrand jagged by inner
     quadrature, iwae_bound --quick --seed 1179), what is refused is the
     first pair's disagreement: callers that can absorb one (an error pass
     needing only an upper bound) must see it as such. */
  return QUAD_EDISAGREE;
}

typedef struct
{
  gsl_function fn;
  double a, b;
  int cquad_first;
} interval_ctx;

static void
interval_pair (void *ctx, double epsabs, double epsrel, rule_run * p,
               rule_run * q)
{
  interval_ctx *c = ctx;
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  rule_run qags = run_qags (&c->fn, c->a, c->b, epsabs, epsrel);
  rule_run cquad = run_cquad (&c->fn, c->a, c->b, epsabs, epsrel);
  gsl_set_error_handler (old);
  *p = c->cquad_first ? cquad : qags;
  *q = c->cquad_first ? qags : cquad;
}

static int
try_interval (quad_fn f, void *params, double a, double b, double epsabs,
              double epsrel, double noise, int cquad_first,
              quad_result * out)
{
  watch w = { f, params, a, b, 0, 0, 0 };
  interval_ctx c = { { watched, &w }, a, b, cquad_first };
  int status = settle (interval_pair, &c, epsabs, epsrel, noise, out);
  if (status)
    where ("on [%.17g, %.17g]", a, b);
  if (status)
    where_bad (&w);
  return status;
}

int
quad_try_interval (quad_fn f, void *params, double a, double b,
                   double epsabs, double epsrel, quad_result * out)
{
  return try_interval (f, params, a, b, epsabs, epsrel, 0.0, 0, out);
}

/* A half-line from ORIGIN in direction SIGN (+1 up, -1 down), in the
   variable y = |x - origin| / scale >= 0. */
typedef struct
{
  quad_fn f;
  void *params;
  double origin, scale, sign;
} half_line;

static double
half_line_y (double y, void *params)
{
  const half_line *h = params;
  return h->scale * h->f (h->origin + h->sign * h->scale * y, h->params);
}

/* y = t / (1 - t) on [0, 1): dy = dt / (1 - t)^2.  At t = 1 the value is
   NaN, which CQUAD drops from its interpolation. */
static double
half_line_t (double t, void *params)
{
  double u = 1.0 - t;
  return half_line_y (t / u, params) / (u * u);
}

static void
half_line_pair (void *ctx, double epsabs, double epsrel, rule_run * p,
                rule_run * q)
{
  gsl_function fy = { half_line_y, ctx }, ft = { half_line_t, ctx };
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  *p = run_qagiu (&fy, epsabs, epsrel);
  *q = run_cquad (&ft, 0.0, 1.0, epsabs, epsrel);
  gsl_set_error_handler (old);
}

static int
try_half_line (quad_fn f, void *params, double origin, double scale,
               double sign, double epsabs, double epsrel, double noise,
               quad_result * out)
{
  if (!(isfinite (origin) && isfinite (scale) && scale > 0))
    {
      snprintf (last_failure, sizeof last_failure,
                "half-line from %g needs a finite origin and scale > 0,"
                " got scale %g", origin, scale);
      return GSL_EINVAL;
    }
  watch w = { f, params, sign > 0 ? origin : -INFINITY,
    sign > 0 ? INFINITY : origin, 0, 0, 0
  };
  half_line h = { watched, &w, origin, scale, sign };
  int status = settle (half_line_pair, &h, epsabs, epsrel, noise, out);
  if (status)
    where ("on the half-line from %.17g, %s, scale %g", origin,
           sign > 0 ? "up" : "down", scale);
  if (status)
    where_bad (&w);
  return status;
}

int
quad_try_upper (quad_fn f, void *params, double a, double scale,
                double epsabs, double epsrel, quad_result * out)
{
  return try_half_line (f, params, a, scale, 1.0, epsabs, epsrel, 0.0, out);
}

int
quad_try_lower (quad_fn f, void *params, double b, double scale,
                double epsabs, double epsrel, quad_result * out)
{
  return try_half_line (f, params, b, scale, -1.0, epsabs, epsrel, 0.0,
                        out);
}

/* A cheap first look at [lo, hi] in PIECES pieces (one 21-point
   Gauss-Kronrod rule each) for the tolerance of the pieces: each is asked
   for max (epsabs, epsrel |I|), not for its own relative accuracy, since a
   piece far below the whole need not be resolved to its own digits. */
static double
rough_integral (gsl_function * fn, double lo, double width, int pieces)
{
  double sum = 0.0;
  for (int i = 0; i < pieces; i++)
    {
      double r, e, ra, rasc;
      gsl_integration_qk21 (fn, lo + i * width, lo + (i + 1) * width, &r, &e,
                            &ra, &rasc);
      sum += r;
    }
  return sum;
}

static void
add_piece (quad_result * total, double *absum, quad_result piece)
{
  total->value += piece.value;
  total->abserr += piece.abserr;
  *absum += fabs (piece.value);
}

int
quad_try_real_line_span_noisy (quad_fn f, void *params, double lo, double hi,
                               double scale, double epsabs, double epsrel,
                               double noise, quad_result * out)
{
  out->value = out->abserr = NAN;
  double pieces = ceil ((hi - lo) / (2 * QUAD_SPLIT * scale));
  if (!(isfinite (lo) && isfinite (hi) && lo < hi && scale > 0
        && lo + scale > lo && pieces <= QUAD_MAX_PIECES))
    {
      snprintf (last_failure, sizeof last_failure, "the real line needs a"
                " finite span lo < hi and a scale > 0 resolvable at it, with"
                " (hi - lo) / scale <= %g; got [%g, %g], scale %g",
                2 * QUAD_SPLIT * QUAD_MAX_PIECES, lo, hi, scale);
      return GSL_EINVAL;
    }
  int n = (int) pieces;
  double width = (hi - lo) / n;
  gsl_function fn = { f, params };
  double tol = fmax (epsabs, epsrel * fabs (rough_integral (&fn, lo, width,
                                                              n)));
  quad_result total = { 0, 0 }, piece;
  double absum = 0.0;
  int status = 0;
  for (int i = 0; i < n && !status; i++)
    {
      double b = i == n - 1 ? hi : lo + (i + 1) * width;
      status = try_interval (f, params, lo + i * width, b, tol, epsrel,
                             noise, 0, &piece);
      add_piece (&total, &absum, piece);
    }
  if (!status)
    status = try_half_line (f, params, hi, scale, 1.0, tol, epsrel, noise,
                            &piece);
  if (!status)
    add_piece (&total, &absum, piece);
  if (!status)
    status = try_half_line (f, params, lo, scale, -1.0, tol, epsrel, noise,
                            &piece);
  if (!status)
    add_piece (&total, &absum, piece);
  /* the sum of n + 2 pieces: (n + 1) eps sum |piece| (Higham, (4.4)) */
  total.abserr += (n + 2) * DBL_EPSILON * absum + noise;
  *out = total;
  return status;
}

int
quad_try_real_line_span (quad_fn f, void *params, double lo, double hi,
                         double scale, double epsabs, double epsrel,
                         quad_result * out)
{
  return quad_try_real_line_span_noisy (f, params, lo, hi, scale, epsabs,
                                        epsrel, 0.0, out);
}

int
quad_try_real_line_at (quad_fn f, void *params, double center, double scale,
                       double epsabs, double epsrel, quad_result * out)
{
  return quad_try_real_line_span (f, params, center - QUAD_SPLIT * scale,
                                  center + QUAD_SPLIT * scale, scale, epsabs,
                                  epsrel, out);
}

/* ---------------------------------------------------------------------- */

static quad_result
or_die (int status, quad_result r, const char *what, double a, double b)
{
  if (status)
    die_runtime ("quadrature over %s [%g, %g] refused: %s", what, a, b,
                 last_failure);
  return r;
}

quad_result
quad_interval_tol (quad_fn f, void *params, double a, double b,
                   double epsabs, double epsrel)
{
  quad_result r;
  int status = quad_try_interval (f, params, a, b, epsabs, epsrel, &r);
  return or_die (status, r, "the interval", a, b);
}

quad_result
quad_interval (quad_fn f, void *params, double a, double b)
{
  return quad_interval_tol (f, params, a, b, QUAD_EPSABS, QUAD_EPSREL);
}

quad_result
quad_interval_cquad (quad_fn f, void *params, double a, double b,
                     double epsrel)
{
  quad_result r;
  int status = try_interval (f, params, a, b, 0.0, epsrel, 0.0, 1, &r);
  return or_die (status, r, "the interval", a, b);
}

int
quad_try_interval_cquad (quad_fn f, void *params, double a, double b,
                         double epsabs, double epsrel, quad_result * out)
{
  return try_interval (f, params, a, b, epsabs, epsrel, 0.0, 1, out);
}

quad_result
quad_interval_cquad_tol (quad_fn f, void *params, double a, double b,
                         double epsabs, double epsrel)
{
  quad_result r;
  int status = try_interval (f, params, a, b, epsabs, epsrel, 0.0, 1, &r);
  return or_die (status, r, "the interval", a, b);
}

quad_result
quad_real_line_at_tol (quad_fn f, void *params, double center, double scale,
                       double epsabs, double epsrel)
{
  quad_result r;
  int status = quad_try_real_line_at (f, params, center, scale, epsabs,
                                      epsrel, &r);
  return or_die (status, r, "the real line at center, scale", center,
                 scale);
}

quad_result
quad_real_line_hull (quad_fn f, void *params, size_t n, const double *center,
                     const double *scale)
{
  double lo = INFINITY, hi = -INFINITY, s = INFINITY;
  for (size_t i = 0; i < n; i++)
    {
      lo = fmin (lo, center[i] - QUAD_SPLIT * scale[i]);
      hi = fmax (hi, center[i] + QUAD_SPLIT * scale[i]);
      s = fmin (s, scale[i]);
    }
  return quad_real_line_span (f, params, lo, hi, s);
}

quad_result
quad_real_line_span (quad_fn f, void *params, double lo, double hi,
                     double scale)
{
  quad_result r;
  int status = quad_try_real_line_span (f, params, lo, hi, scale,
                                        QUAD_EPSABS, QUAD_EPSREL, &r);
  return or_die (status, r, "the real line with span", lo, hi);
}

quad_result
quad_real_line_at (quad_fn f, void *params, double center, double scale)
{
  return quad_real_line_at_tol (f, params, center, scale, QUAD_EPSABS,
                                QUAD_EPSREL);
}

typedef struct
{
  quad_fn f;
  void *params;
  double mean;
  int power;
} normal_moment;

static double
normal_moment_integrand (double e, void *params)
{
  const normal_moment *m = params;
  return gsl_ran_ugaussian_pdf (e) * gsl_pow_int (m->f (e, m->params) - m->mean, m->power);
}

quad_result
quad_normal_moment (quad_fn f, void *params, double mean, int power)
{
  normal_moment m = { f, params, mean, power };
  return quad_real_line_at (normal_moment_integrand, &m, 0.0, 1.0);
}
