/* test_flow_mixture.c -- lib/flow_mixture: leapfrog on the mixture.
 *
 * The step sizes by hand (2/16, ..., 2/512).  The checks, run as a claim
 * inside the test (TAP to /dev/null): lib/mcmc's leapfrog holds all three,
 * and its energy errors are those of flow_energy_errors at the phase
 * points a twin generator draws (the probes' first, then the order's).  As
 * negative controls, three broken integrators each fail their check: a
 * step growing by 1% per step is not reversible, a 0.1% damping of p per
 * step does not preserve volume, and a full first kick makes the energy
 * error O(ε), not O(ε²).  The order's figure panel is figure_mcmc_order
 * at the step sizes typed by hand. */
#include "flow_mixture.h"
#include "fixture_harness.h"
#include "mcmc_mixture.h"
#include "rng.h"
#include "tap.h"

#include <gsl/gsl_blas.h>
#include <stdlib.h>
#include <string.h>

typedef enum { GOOD, GROWING, DAMPED, FULL_KICK } variant;
/* the flow's params: its target first, as flow_mixture_check reads them (an mcmc_target) */
typedef struct { mcmc_target t; variant v; } integrator;

/* N_STEPS leapfrog steps of size EPS from Z = (q, p), one at a time, into OUT, as variant V */
static void
steps (double eps, size_t n_steps, const double *z, double *out, void *params)
{
  const integrator *it = params;
  memcpy (out, z, 4 * sizeof *out);
  gsl_vector_view q = gsl_vector_view_array (out, 2), p = gsl_vector_view_array (out + 2, 2);
  gsl_vector *g = gsl_vector_alloc (2);
  it->t.grad_log_density (&q.vector, g, it->t.params);
  if (it->v == FULL_KICK)
    gsl_blas_daxpy (0.5 * eps, g, &p.vector);
  for (size_t l = 0; l < n_steps; l++)
    {
      mcmc_leapfrog (&it->t, it->v == GROWING ? eps * (1 + 0.01 * (double) l) : eps, 1, &q.vector,
                     &p.vector, g);
      if (it->v == DAMPED)
        gsl_vector_scale (&p.vector, 1 - 1e-3);
    }
  gsl_vector_free (g);
}

#define C(id) {id, "harness", "", REL_EQ, EXPECT_HOLDS, NULL}
#define THREE(p) C (p "_rev"), C (p "_vol"), C (p "_order")
static const check_spec CHECKS[] = { THREE ("good"), THREE ("growing"), THREE ("damped"),
  THREE ("kick") };
static const claim CLAIM = {
  .slug = "test_flow_mixture", .title = "", .claim = "", .sources = "", .checks = CHECKS,
  .n_checks = COUNT_OF (CHECKS), .samples_default = 1000, .samples_quick = 1000,
  .figure_caption = "",
};

#define SPEC(p) { p "_rev", p "_vol", p "_order", 6, 0.1, 30, 20, 2.0, 16, 6 }
static const flow_mixture_spec SPECS[] = { SPEC ("good"), SPEC ("growing"), SPEC ("damped"),
  SPEC ("kick") };

/* the order's errors at twin draws: 6 probe points first, then 20 */
static int
same_errors (const gmm * g, const flow * f, const double *err)
{
  gsl_rng *twin = rng_new (RNG_DEFAULT_SEED);
  double z[20 * 4], want[6], ratio[5];
  for (int s = 0; s < 6; s++)
    mcmc_mixture_phase_point (twin, g, z);
  for (int s = 0; s < 20; s++)
    mcmc_mixture_phase_point (twin, g, z + 4 * s);
  integrator *it = f->params;
  flow_energy_errors (f, mcmc_mixture_hamiltonian, &it->t, z, 20, 2.0, 16, 6, want, ratio);
  gsl_rng_free (twin);
  return memcmp (err, want, sizeof want) == 0;
}

/* What PANEL appends to the figure's data and script as block BLOCK, as one string (freed by
   the caller) */
static char *
appended (harness * h, void (*panel) (harness *, int *, const double *), const double *err,
          int block)
{
  sbuf *fig = harness_figure_data (h), *gp = harness_figure_script (h), out;
  size_t f0 = fig->len, g0 = gp->len;
  panel (h, &block, err);
  sbuf_init (&out);
  sbuf_printf (&out, "%s\n--\n%s", sbuf_str (fig) + f0, sbuf_str (gp) + g0);
  char *s = strdup (sbuf_str (&out));
  sbuf_free (&out);
  return s;
}

static const figure_mcmc_order_spec ORDER = { "t", "ε", "e", "l", "slope 2", 0.002, 0.2, 2 };
static void
by_spec (harness * h, int *b, const double *err)
{
  flow_mixture_figure_order (h, b, &ORDER, &SPECS[0], err);
}
static void
by_hand (harness * h, int *b, const double *err)
{
  static const double STEP[6] = { 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625 };
  figure_mcmc_order (h, b, &ORDER, STEP, err, 6);
}
static void
steps_of_8 (harness * h, int *b, const double *err)
{
  flow_mixture_spec s = SPECS[0];
  s.steps0 = 8;
  flow_mixture_figure_order (h, b, &ORDER, &s, err);
}

/* flow_mixture_figure_order is figure_mcmc_order at the step sizes 2/16 ... 2/512 written by
   hand; at steps0 = 8 it is not (negative control) */
static void
test_figure_order (const double *err)
{
  fixture_harness fx;
  harness *h = fixture_harness_begin (&fx, &CLAIM);
  /* blocks 0, 0, 1: the two compared alike, and each plotted from data that exists */
  char *spec = appended (h, by_spec, err, 0), *hand = appended (h, by_hand, err, 0);
  char *eight = appended (h, steps_of_8, err, 1);
  fixture_harness_loud (&fx);
  tap_ok (strcmp (spec, hand) == 0, "figure: the order panel at the spec's step sizes");
  tap_ok (strcmp (spec, eight) != 0, "figure: not at steps0 = 8 (negative control)");
  fixture_harness_end (&fx);
  free (spec);
  free (hand);
  free (eight);
}

int
main (void)
{
  static const flow_mixture_spec S = { "r", "v", "o", 1, 0.1, 1, 1, 2.0, 16, 6 };
  double step[6];
  flow_mixture_step_sizes (&S, step);
  tap_ok (step[0] == 0.125 && step[1] == 0.0625 && step[5] == 2.0 / 512,
          "step sizes 2/16, 2/32, ..., 2/512");

  gmm *g = gmm_alloc_mcmc_example (1.0);
  gmm_target tp = { g, 1.0, gsl_vector_alloc (2) };
  mcmc_target t = mcmc_mixture_target (&tp);
  fixture_harness fx;
  harness *h = fixture_harness_begin (&fx, &CLAIM);
  double err[4][6];
  int twins = 0;
  for (variant v = GOOD; v <= FULL_KICK; v++)
    {
      integrator it = { t, v };
      /* the fixture's generator is seeded as the twin: the good flow's points are the twin's */
      flow f = { steps, &it, 4 };
      flow_mixture_check (h, harness_rng (h), g, &f, &SPECS[v], err[v]);
      if (v == GOOD)
        twins = same_errors (g, &f, err[v]);
    }
  fixture_harness_loud (&fx);
  tap_ok (fixture_held (h, "good_rev") == 1 && fixture_held (h, "good_vol") == 1
          && fixture_held (h, "good_order") == 1, "leapfrog: the three checks hold");
  tap_ok (fixture_result (h, "good_rev")->n_points == 6, "6 probe points");
  tap_ok (twins, "its errors are flow_energy_errors' at the twin generator's phase points");
  tap_ok (err[0][0] > 12 * err[0][2] && err[0][0] < 20 * err[0][2],
          "the rms energy error falls like ε²: by about 16 over two halvings (%.3g -> %.3g)",
          err[0][0], err[0][2]);
  tap_ok (fixture_held (h, "growing_rev") == 0,
          "a growing step is not reversible (negative control)");
  tap_ok (fixture_held (h, "damped_vol") == 0,
          "damping does not preserve volume (negative control)");
  tap_ok (fixture_held (h, "kick_order") != 1,
          "a full first kick fails the order (negative control)");
  fixture_harness_end (&fx);
  test_figure_order (err[0]);
  gsl_vector_free (tp.work);
  gmm_free (g);
  return tap_done ();
}
