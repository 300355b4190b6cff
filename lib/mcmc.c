/* mcmc.c -- random-walk Metropolis-Hastings and HMC (see mcmc.h). */
#include "mcmc.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static void
stats_init (mcmc_stats * s)
{
  s->n_proposed = s->n_accepted = 0;
  s->acceptance_rate = NAN;
  s->n_density_evals = s->n_gradient_evals = 0;
}

static void
stats_finish (mcmc_stats * s, mcmc_stats * out)
{
  s->acceptance_rate = s->n_proposed
    ? (double) s->n_accepted / (double) s->n_proposed : NAN;
  if (out)
    *out = *s;
}

static int
shapes_agree (const mcmc_target * t, const gsl_vector * x0,
              const gsl_matrix * chain)
{
  return t->d > 0 && x0->size == t->d && chain->size2 == t->d
    && t->log_density != NULL;
}

/* Accept with probability min(1, exp(LOG_RATIO)).  A NaN ratio (a
   proposal where the density is undefined) is rejected.  U is drawn
   always, so the random stream does not depend on the outcome. */
static int
metropolis_accept (const gsl_rng * r, double log_ratio)
{
  double u = gsl_rng_uniform_pos (r);
  return log (u) < log_ratio;
}

/* ---------------------------------------------------------------- MH */

int
mcmc_mh (const gsl_rng * r, const mcmc_target * t, double sigma,
         const gsl_vector * x0, gsl_matrix * chain, mcmc_stats * stats)
{
  if (!shapes_agree (t, x0, chain))
    GSL_ERROR ("mcmc_mh: target, start and chain dimensions differ",
               GSL_EINVAL);
  if (!(sigma > 0 && isfinite (sigma)))
    GSL_ERROR ("mcmc_mh: proposal sigma must be positive and finite",
               GSL_EINVAL);
  double lp = t->log_density (x0, t->params);
  if (!isfinite (lp))
    GSL_ERROR ("mcmc_mh: log density at the start is not finite",
               GSL_EINVAL);
  mcmc_stats s;
  stats_init (&s);
  s.n_density_evals++;
  gsl_vector *x = gsl_vector_alloc (t->d), *y = gsl_vector_alloc (t->d);
  gsl_vector_memcpy (x, x0);
  for (size_t i = 0; i < chain->size1; i++)
    {
      /* propose: y = x + sigma z, symmetric, so the ratio is pi(y)/pi(x) */
      for (size_t j = 0; j < t->d; j++)
        gsl_vector_set (y, j, gsl_vector_get (x, j)
                        + gsl_ran_gaussian_ziggurat (r, sigma));
      double lq = t->log_density (y, t->params);
      s.n_density_evals++;
      s.n_proposed++;
      if (metropolis_accept (r, lq - lp))
        {
          gsl_vector_swap (x, y);
          lp = lq;
          s.n_accepted++;
        }
      gsl_matrix_set_row (chain, i, x);
    }
  gsl_vector_free (x);
  gsl_vector_free (y);
  stats_finish (&s, stats);
  return GSL_SUCCESS;
}

/* ---------------------------------------------------------------- HMC */

void
mcmc_leapfrog (const mcmc_target * t, double eps, size_t n_steps,
               gsl_vector * q, gsl_vector * p, gsl_vector * grad)
{
  if (n_steps == 0)
    return;
  gsl_blas_daxpy (0.5 * eps, grad, p);          /* first half kick */
  for (size_t l = 0; l < n_steps; l++)
    {
      gsl_blas_daxpy (eps, p, q);               /* drift */
      t->grad_log_density (q, grad, t->params);
      /* two half kicks merged into one, except after the last drift */
      gsl_blas_daxpy (l + 1 < n_steps ? eps : 0.5 * eps, grad, p);
    }
}

static double
kinetic (const gsl_vector * p)
{
  double k;
  gsl_blas_ddot (p, p, &k);
  return 0.5 * k;
}

double
mcmc_hamiltonian (const mcmc_target * t, const gsl_vector * q,
                  const gsl_vector * p)
{
  return -t->log_density (q, t->params) + kinetic (p);
}

static int
hmc_options_valid (const mcmc_hmc_options * o)
{
  return o->step_size > 0 && isfinite (o->step_size) && o->n_leapfrog >= 1
    && o->step_jitter >= 0 && o->step_jitter < 1;
}

typedef struct
{
  gsl_vector *q, *grad, *q_new, *p, *grad_new;
  double u, u_new;          /* potential energies -log pi */
} hmc_state;

/* One trajectory from the current state; returns H(end) - H(start). */
static double
hmc_trajectory (const gsl_rng * r, const mcmc_target * t,
                const mcmc_hmc_options * o, hmc_state * st, mcmc_stats * s)
{
  double jitter = o->step_jitter * (2.0 * gsl_rng_uniform (r) - 1.0);
  double eps = o->step_size * (1.0 + jitter);
  for (size_t j = 0; j < t->d; j++)
    gsl_vector_set (st->p, j, gsl_ran_gaussian_ziggurat (r, 1.0));
  double h0 = st->u + kinetic (st->p);
  gsl_vector_memcpy (st->q_new, st->q);
  gsl_vector_memcpy (st->grad_new, st->grad);
  mcmc_leapfrog (t, eps, o->n_leapfrog, st->q_new, st->p, st->grad_new);
  s->n_gradient_evals += o->n_leapfrog;
  st->u_new = -t->log_density (st->q_new, t->params);
  s->n_density_evals++;
  double dh = st->u_new + kinetic (st->p) - h0;
  return isnan (dh) ? INFINITY : dh;
}

int
mcmc_hmc (const gsl_rng * r, const mcmc_target * t,
          const mcmc_hmc_options * opt, const gsl_vector * x0,
          gsl_matrix * chain, double *energy_error, mcmc_stats * stats)
{
  if (!shapes_agree (t, x0, chain) || t->grad_log_density == NULL)
    GSL_ERROR ("mcmc_hmc: target (with gradient), start and chain do not "
               "match", GSL_EINVAL);
  if (!hmc_options_valid (opt))
    GSL_ERROR ("mcmc_hmc: needs step_size > 0, n_leapfrog >= 1, "
               "0 <= step_jitter < 1", GSL_EINVAL);
  double lp0 = t->log_density (x0, t->params);
  if (!isfinite (lp0))
    GSL_ERROR ("mcmc_hmc: log density at the start is not finite",
               GSL_EINVAL);
  mcmc_stats s;
  stats_init (&s);
  s.n_density_evals++;
  size_t d = t->d;
  hmc_state st = { gsl_vector_alloc (d), gsl_vector_alloc (d),
    gsl_vector_alloc (d), gsl_vector_alloc (d), gsl_vector_alloc (d), 0, 0
  };
  gsl_vector_memcpy (st.q, x0);
  st.u = -lp0;
  t->grad_log_density (st.q, st.grad, t->params);
  s.n_gradient_evals++;
  for (size_t i = 0; i < chain->size1; i++)
    {
      double dh = hmc_trajectory (r, t, opt, &st, &s);
      s.n_proposed++;
      if (metropolis_accept (r, -dh))
        {
          gsl_vector_swap (st.q, st.q_new);
          gsl_vector_swap (st.grad, st.grad_new);
          st.u = st.u_new;
          s.n_accepted++;
        }
      gsl_matrix_set_row (chain, i, st.q);
      if (energy_error)
        energy_error[i] = dh;
    }
  gsl_vector_free (st.q);
  gsl_vector_free (st.grad);
  gsl_vector_free (st.q_new);
  gsl_vector_free (st.p);
  gsl_vector_free (st.grad_new);
  stats_finish (&s, stats);
  return GSL_SUCCESS;
}
