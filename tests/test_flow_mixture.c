/* test_flow_mixture.c -- lib/flow_mixture: leapfrog on the mixture.
 *
 * The integrator on the standard normal, where leapfrog is linear, against
 * its closed form step by step, each departure included (and each shown
 * to move the map).  The step sizes by hand (2/16, ..., 2/512).  The
 * checks, run as a claim inside the test (TAP to /dev/null): the leapfrog
 * holds all three, and its energy errors are those of flow_energy_errors
 * at the phase points a twin generator draws (the probes' first, then the
 * order's).  As negative controls, the departures each fail their check: a
 * step growing by 1% per step is not reversible, a 0.1% damping of p per
 * step does not preserve volume, and a full first kick makes the energy
 * error O(ε), not O(ε²).  The order's figure panel is figure_mcmc_order
 * at the step sizes typed by hand. */
#include "flow_mixture.h"
#include "fixture_harness.h"
#include "mcmc_mixture.h"
#include "rng.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The departures of the four integrators: none, a growing step, damping, a full first kick */
static const double DEPARTURE[4][3] = { {0, 0, 0}, {0, 0.01, 0}, {0, 0, 1e-3}, {0.5, 0, 0} };

/* The standard normal in d = 2, log π = -|q|²/2: leapfrog is linear, and one step of size e is
     q' = (1 - e²/2) q + e p,  p' = -e (1 - e²/4) q + (1 - e²/2) p
   in each coordinate (a half kick -e q/2, a drift, a half kick), by hand. */
static double
normal_log_density (const gsl_vector * x, void *params)
{
  (void) params;
  return -0.5 * (gsl_vector_get (x, 0) * gsl_vector_get (x, 0)
                 + gsl_vector_get (x, 1) * gsl_vector_get (x, 1));
}

static void
normal_grad (const gsl_vector * x, gsl_vector * grad, void *params)
{
  (void) params;
  gsl_vector_memcpy (grad, x);
  gsl_vector_scale (grad, -1);
}

/* N steps from Z by the closed form above, with the departures D (extra kick, growth, damping) */
static void
by_hand_steps (double eps, size_t n, const double *z, const double *d, double *out)
{
  for (int i = 0; i < 2; i++)
    {
      double q = z[i], p = z[2 + i] - d[0] * eps * z[i];
      for (size_t l = 0; l < n; l++)
        {
          double e = eps * (1 + d[1] * (double) l), qn = (1 - e * e / 2) * q + e * p;
          p = (-e * (1 - e * e / 4) * q + (1 - e * e / 2) * p) * (1 - d[2]);
          q = qn;
        }
      out[i] = q, out[2 + i] = p;
    }
}

/* flow_mixture_leapfrog on the standard normal against the closed form, each departure
   included; without it the departure's map is not the leapfrog's (negative control) */
static void
test_closed_form (void)
{
  mcmc_target nt = { 2, normal_log_density, normal_grad, NULL };
  const double z[4] = { 0.7, -1.3, 0.4, 1.1 };
  const char *what[4] = { "leapfrog", "a growing step", "damping", "a full first kick" };
  double plain[4];
  flow_mixture_leapfrog_params lp0 = { &nt, 0, 0, 0 };
  flow_mixture_leapfrog (0.1, 30, z, plain, &lp0);
  for (int v = 0; v < 4; v++)
    {
      flow_mixture_leapfrog_params lp = { &nt, DEPARTURE[v][0], DEPARTURE[v][1], DEPARTURE[v][2] };
      double got[4], want[4], worst = 0, apart = 0;
      flow_mixture_leapfrog (0.1, 30, z, got, &lp);
      by_hand_steps (0.1, 30, z, DEPARTURE[v], want);
      for (int i = 0; i < 4; i++)
        {
          worst = fmax (worst, fabs (got[i] - want[i]));
          apart = fmax (apart, fabs (got[i] - plain[i]));
        }
      tap_ok (worst < 1e-13, "%s, 30 steps of 0.1 on N(0, I): the closed form (worst %.3g)",
              what[v], worst);
      if (v > 0)
        tap_ok (apart > 1e-4, "%s: %.3g away from leapfrog's (negative control)", what[v], apart);
    }
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
same_errors (const gmm * g, const flow * f, const mcmc_target * t, const double *err)
{
  gsl_rng *twin = rng_new (RNG_DEFAULT_SEED);
  double z[20 * 4], want[6], ratio[5];
  for (int s = 0; s < 6; s++)
    mcmc_mixture_phase_point (twin, g, z);
  for (int s = 0; s < 20; s++)
    mcmc_mixture_phase_point (twin, g, z + 4 * s);
  flow_energy_errors (f, mcmc_mixture_hamiltonian, (void *) t, z, 20, 2.0, 16, 6, want, ratio);
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
  test_closed_form ();
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
  for (int v = 0; v < 4; v++)
    {
      flow_mixture_leapfrog_params lp = { &t, DEPARTURE[v][0], DEPARTURE[v][1], DEPARTURE[v][2] };
      /* the fixture's generator is seeded as the twin: the good flow's points are the twin's */
      flow f = { flow_mixture_leapfrog, &lp, 4 };
      flow_mixture_check (h, harness_rng (h), g, &f, &t, &SPECS[v], err[v]);
      if (v == 0)
        twins = same_errors (g, &f, &t, err[v]);
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
