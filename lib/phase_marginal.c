/* phase_marginal.c -- the q-marginal of a phase-space density (see phase_marginal.h). */
#include "phase_marginal.h"
#include "errors.h"
#include "quad_nested.h"

#include <float.h>
#include <gsl/gsl_vector.h>
#include <math.h>

typedef struct
{
  phase_marginal_fn joint;
  void *params;
  double u;
} at_potential;

/* the integrand of quad_try_plane: JOINT at the fixed U, p = (p1, p2) */
static double
integrand (double p1, double p2, void *params)
{
  const at_potential *a = params;
  double p[2] = { p1, p2 };
  return a->joint (a->u, p, a->params);
}

int
phase_marginal_at (phase_marginal_fn joint, void *params, double u, quad_result * out)
{
  at_potential a = { joint, params, u };
  return quad_try_plane (integrand, &a, 0.0, 1.0, -QUAD_SPLIT, QUAD_SPLIT, 1.0, QUAD_EPSABS,
                         1e-3, QUAD_EPSREL, out);
}

void
phase_marginal_check (harness * h, const char *id, const gsl_rng * r, const gmm * g,
                      phase_marginal_fn joint, void *params, const char *what, size_t n)
{
  gsl_vector *x = gsl_vector_alloc (2), *work = gsl_vector_alloc (2);
  for (size_t i = 0; i < n; i++)
    {
      gmm_sample (r, g, x);
      double u = -gmm_log_pdf (g, x, work), pi_q = exp (-u);
      quad_result q;
      if (phase_marginal_at (joint, params, u, &q))
        die_runtime ("nested quadrature of %s refused: %s", what, quad_last_failure ());
      check_point (h, id, est_quad (q), est_exact (pi_q, 16 * DBL_EPSILON * pi_q));
    }
  check_close (h, id, "%zu points q ~ π; nested QAGS and CQUAD over p1, p2", n);
  gsl_vector_free (x);
  gsl_vector_free (work);
}
