/* quad_log.c -- ∫ e^{f} in rescaled pieces (quad_log.h). */
#include "quad_log.h"
#include "errors.h"

#include <float.h>
#include <math.h>

typedef struct
{
  quad_fn log_f;
  void *params;
  double shift;                 /* the piece's own largest value */
  const char *what;
} piece_params;

static double
piece_integrand (double w, void *params)
{
  const piece_params *q = params;
  return exp (q->log_f (w, q->params) - q->shift);
}

/* One piece [A, B] into SUM, scaled by its own largest value on a grid of
   65 points: scaled by the global peak, a piece of 1e-226 came back from
   CQUAD as 9.87e-227 ± 0 and from QAGS as 1.016e-226 ± 1.5e-240 (CQUAD's
   error estimate is a norm of coefficients, whose squares underflow below
   1e-154), and was refused.  Where the integrand falls off an end point
   faster than any scale (hierarchical_elbo, where σ_θ(w) = σθ e^{δw} has
   shrunk far out: QAGS 9e-59, CQUAD 1.4e-5 on [-11.71, -10.09]), the rules
   disagree: the piece is halved, and a result is only taken where they
   agree. */
static void
add_piece (piece_params q, double shift, double a, double b, int depth,
           quad_result * sum, double *absum, long *pieces)
{
  q.shift = -INFINITY;
  for (int j = 0; j <= 64; j++)
    q.shift = fmax (q.shift, q.log_f (a + (b - a) * j / 64, q.params));
  quad_result r;
  if (quad_try_interval (piece_integrand, &q, a, b, QUAD_EPSABS, QUAD_EPSREL, &r))
    {
      if (depth >= 30)
        die_runtime ("%s: quadrature on [%.17g, %.17g] refused: %s", q.what, a, b,
                     quad_last_failure ());
      add_piece (q, shift, a, (a + b) / 2, depth + 1, sum, absum, pieces);
      add_piece (q, shift, (a + b) / 2, b, depth + 1, sum, absum, pieces);
      return;
    }
  double f = exp (q.shift - shift);
  sum->value += f * r.value, sum->abserr += f * r.abserr + DBL_MIN;
  *absum += fabs (f * r.value);
  ++*pieces;
}

quad_result
quad_log_pieces (quad_fn log_f, void *params, double shift, double lo,
                 double hi, double scale, const char *what)
{
  piece_params q = { log_f, params, 0, what };
  int n = (int) ceil ((hi - lo) / (2 * QUAD_SPLIT * scale));
  quad_result sum = { 0, 0 };
  double absum = 0, width = (hi - lo) / n;
  long pieces = 0;
  for (int i = 0; i < n; i++)
    add_piece (q, shift, lo + i * width, i == n - 1 ? hi : lo + (i + 1) * width, 0,
               &sum, &absum, &pieces);
  sum.abserr += (double) pieces * DBL_EPSILON * absum;
  return sum;
}
