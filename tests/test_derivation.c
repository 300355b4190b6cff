/* test_derivation.c -- the derivation engine on planted errors.
 *
 * A claim of its own, run inside the test: chains with an error planted at
 * a known line, ambiguous lines with known readings, and a planted error
 * whose smallest counterexample is known.  The engine's TAP goes to
 * /dev/null; the test prints its own. */
#include "harness.h"
#include "figure_panel.h"
#include "tap.h"

#include <fcntl.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture_box.h"   /* after the system headers: it defines A and B */

/* ---- a box point (a, b) (fixture_box.h); truths a² + b and a b ---- */
CLOSED_FN (t_sum, A * A, B)
CLOSED_FN (t_prod, A * B)
CLOSED_FN (l_sum, A * A, B)
CLOSED_FN (l_sum_plus_one, A * A, B, 1)
CLOSED_FN (l_sum_plus_a_minus_1, A * A, B, A, -1)
CLOSED_FN (l_prod_plus_a, A * B, A)
CLOSED_FN (l_prod, A * B)
CLOSED_FN (l_prod_minus_b, A * B, -B)

/* E[x], x ~ N(a, 1), and the pointwise claim x = a (false) */
static void sample (const gsl_rng * r, const point * p, const void *u, double *x) { (void) u; x[0] = A + gsl_ran_gaussian (r, 1.0); }
static double l_x (const point * p, const void *u, const double *x, double *e) { (void) p, (void) u, (void) e; return x[0]; }
CLOSED_FN (t_a, A)
/* E[10 + 0.007 (x - a)] = 10: a per-draw SD 7e-4 of the value, so that 1e-4
   needs about 2 (crit + 1.28)² (7)² draws -- more than the pilot's 1000,
   fewer than the cap of 13333 */
static double l_ten (const point * p, const void *u, const double *x, double *e) { (void) u, (void) e; return 10 + 0.007 * (x[0] - A); }
static estimate t_ten (const point * p, const void *u) { (void) p, (void) u; return est_exact (10, 0); }
/* exp(x²/1.5) under N(a, 1): no finite mean, let alone variance */
static double l_heavy (const point * p, const void *u, const double *x, double *e) { (void) p, (void) u, (void) e; return exp (x[0] * x[0] / 1.5); }

/* RQMC: x = a + z from normals; E[x²] = a² + 1, and a line off by 0.05 */
static size_t one (const point * p) { (void) p; return 1; }
static void map_z (const point * p, const void *u, const double *z, double *x) { (void) u; x[0] = A + z[0]; }
static double l_x2 (const point * p, const void *u, const double *x, double *e) { (void) p, (void) u, (void) e; return x[0] * x[0]; }
/* a line that integrates a constant, a² + b (log p(x) under q, say) */
static double l_const (const point * p, const void *u, const double *x, double *e) { (void) u, (void) x, (void) e; return A * A + B; }
/* eight normals: x = a + z, E|x|² = 8 (1 + a²) */
static size_t eight (const point * p) { (void) p; return 8; }
static void map_z8 (const point * p, const void *u, const double *z, double *x) { (void) u; for (int k = 0; k < 8; k++) x[k] = A + z[k]; }
static double l_sq8 (const point * p, const void *u, const double *x, double *e) { (void) p, (void) u, (void) e; double s = 0; for (int k = 0; k < 8; k++) s += x[k] * x[k]; return s; }
/* with Hermite control variates: E[x²] again, a line 1e-6 off it, and
   E[cos x] = cos(a) e^{-1/2}, which no polynomial is */
static double l_x2_off (const point * p, const void *u, const double *x, double *e) { (void) p, (void) u, (void) e; return x[0] * x[0] + 1e-6; }
static double l_cos (const point * p, const void *u, const double *x, double *e) { (void) p, (void) u, (void) e; return cos (x[0]); }
static estimate t_cos (const point * p, const void *u) { (void) u; return est_exact (cos (A) * exp (-0.5), 1e-15); }
CLOSED_FN (t_second, A * A, 1)
CLOSED_FN (l_second_off, A * A, 1.05)
CLOSED_FN (t_sq8, 8 * A * A, 8)

static const derivation_truth TRUTHS[] = {
  {"second", "a² + 1", LINE_CLOSED (t_second)},
  {"sum", "a² + b", LINE_CLOSED (t_sum)}, {"prod", "a b", LINE_CLOSED (t_prod)},
  {"mean", "a", LINE_CLOSED (t_a)}, {"sq8", "8 (1 + a²)", LINE_CLOSED (t_sq8)},
  {"cos", "cos(a) e^{-1/2}", LINE_CLOSED (t_cos)}, {"ten", "10", LINE_CLOSED (t_ten)},
};

static const derivation_line CHAIN[] = {
  {.id = "c1", .source = "T 1", .text = "a² + b", .eval = LINE_CLOSED (l_sum), .truth = "sum"},
  {.id = "c2", .source = "T 2", .text = "a² + b + 1", .eval = LINE_CLOSED (l_sum_plus_one), .expect = V_ERROR},
  {.id = "c3", .source = "T 3", .text = "(a² + b + 1)", .eval = LINE_CLOSED (l_sum_plus_one), .expect = V_CARRIES},
  {.id = "c4", .source = "T 4", .text = "a² + b + 1 again", .eval = LINE_CLOSED (l_sum_plus_one), .expect = V_CARRIES},
};

static const derivation_line READINGS[] = {
  {.id = "r1", .source = "R 1", .text = "a b", .eval = LINE_CLOSED (l_prod), .truth = "prod"},
  {.id = "r2", .source = "R 2", .text = "a b + a (a typo)", .eval = LINE_CLOSED (l_prod_plus_a), .expect = V_SLIP,
   .readings = {{"the + a a typo", "R 3 uses a b", 0, LINE_CLOSED (l_prod)}}},
  {.id = "r3", .source = "R 3", .text = "a b", .eval = LINE_CLOSED (l_prod)},
  {.id = "r4", .source = "R 4", .text = "a b + a (bracket)", .eval = LINE_CLOSED (l_prod_plus_a),
   .readings = {{"the bracket elsewhere", "equally literal", 1, LINE_CLOSED (l_prod)}}},
  {.id = "r5", .source = "R 5", .text = "a b + a", .eval = LINE_CLOSED (l_prod_plus_a), .expect = V_ERROR,
   .readings = {{"a b - b", "a wrong reading", 0, LINE_CLOSED (l_prod_minus_b)}}},
  {.id = "r6", .source = "R 6", .text = "no answer", .expect = V_NO_ANSWER, .why = "asked, not derived"},
};

static const derivation_line SHRINK[] = {
  {.id = "s1", .source = "S 1", .text = "a² + b + a - 1", .eval = LINE_CLOSED (l_sum_plus_a_minus_1),
   .truth = "sum", .expect = V_ERROR},
};

static const derivation_line MC[] = {
  {.id = "m1", .source = "M 1", .text = "E[x]", .eval = LINE_EXPECT (l_x), .truth = "mean"},
  {.id = "m2", .source = "M 2", .text = "x, for every draw", .eval = LINE_POINTWISE (l_x), .truth = "mean",
   .expect = V_ERROR},
  {.id = "m3", .source = "M 3", .text = "E[exp(x²/1.5)] (infinite)", .eval = LINE_EXPECT (l_heavy),
   .truth = "mean", .expect = V_INCONCLUSIVE},
  {.id = "m4", .source = "M 4", .text = "E[10 + 0.007 (x - a)]", .eval = LINE_EXPECT (l_ten), .truth = "ten"},
};

#define DV(name, lines_) static derivation name = { .id = #name, .title = #name, \
    .points = &box, .n_points = 30, .n_mc_points = 3, .x_dim = 1, .sample = sample, \
    .truths = TRUTHS, .n_truths = COUNT_OF (TRUTHS), .lines = lines_, .n_lines = COUNT_OF (lines_) }
DV (d_chain, CHAIN);
DV (d_readings, READINGS);
DV (d_shrink, SHRINK);
DV (d_mc, MC);

static const derivation_line QMC[] = {
  {.id = "q1", .source = "Q 1", .text = "E[x²]", .eval = LINE_EXPECT (l_x2), .truth = "second"},
  {.id = "q2", .source = "Q 2", .text = "= a² + 1.05", .eval = LINE_CLOSED (l_second_off), .expect = V_ERROR},
  {.id = "q3", .source = "Q 3", .text = "E[a² + b]", .eval = LINE_EXPECT (l_const), .truth = "sum"},
};
static const derivation_line QMC8[] = {
  {.id = "q8", .source = "Q 8", .text = "E|x|², x ~ N(a, I_8)", .eval = LINE_EXPECT (l_sq8), .truth = "sq8"},
};
static const derivation_line QCV[] = {
  {.id = "v1", .source = "V 1", .text = "E[x²] (controls)", .eval = LINE_EXPECT (l_x2), .truth = "second"},
  {.id = "v2", .source = "V 2", .text = "E[x² + 1e-6]", .eval = LINE_EXPECT (l_x2_off), .truth = "second",
   .expect = V_ERROR},
  {.id = "v3", .source = "V 3", .text = "E[cos x]", .eval = LINE_EXPECT (l_cos), .truth = "cos"},
};
static const derivation_line QCOS[] = {
  {.id = "w3", .source = "W 3", .text = "E[cos x] (no controls)", .eval = LINE_EXPECT (l_cos), .truth = "cos"},
};
#define DV_QCV(name, title_, lines_, degree) static derivation name = { .id = #name, .title = title_, \
    .points = &box, .n_points = 30, .n_mc_points = 3, .draws_share = 1, .x_dim = 1, .base_dim = one, \
    .transform = map_z, .hermite_degree = degree, .truths = TRUTHS, .n_truths = COUNT_OF (TRUTHS), \
    .lines = lines_, .n_lines = COUNT_OF (lines_) }
DV_QCV (d_qcv, "rqmc with control variates", QCV, 4);
DV_QCV (d_qcos, "rqmc without them", QCOS, 0);
static derivation d_qmc = { .id = "d_qmc", .title = "rqmc", .points = &box, .n_points = 30,
  .n_mc_points = 3, .x_dim = 1, .base_dim = one, .transform = map_z,
  .truths = TRUTHS, .n_truths = COUNT_OF (TRUTHS), .lines = QMC, .n_lines = COUNT_OF (QMC) };
static derivation d_qmc8 = { .id = "d_qmc8", .title = "rqmc in d = 8", .points = &box, .n_points = 30,
  .n_mc_points = 3, .x_dim = 8, .base_dim = eight, .transform = map_z8,
  .truths = TRUTHS, .n_truths = COUNT_OF (TRUTHS), .lines = QMC8, .n_lines = COUNT_OF (QMC8) };

static const claim CLAIM = {
  .slug = "test_derivation", .title = "engine test", .claim = "", .sources = "",
  .derivations = (const derivation *const[]) {&d_chain, &d_readings, &d_shrink, &d_mc, &d_qmc, &d_qmc8,
                                              &d_qcv, &d_qcos},
  .n_derivations = 8, .samples_default = 40000, .samples_quick = 40000,
  .figure_caption = "",
};

static void
expect_verdict (harness * h, const char *id, verdict_kind v)
{
  const line_result *r = derivation_find (h, id);
  tap_ok (r && r->verdict == v, "%s: %s (got %s)", id, verdict_name (v),
          r ? verdict_name (r->verdict) : "nothing");
}

/* The text of DIR/NAME, or NULL (the caller frees it). */
static char *
slurp (const char *dir, const char *name)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen (path, "r");
  if (!f)
    return NULL;
  char *text = NULL;
  size_t cap = 0, len = 0, n;
  char buf[4096];
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    {
      if (len + n + 1 > cap)
        text = realloc (text, cap = 2 * (len + n + 1));
      memcpy (text + len, buf, n);
      len += n;
    }
  fclose (f);
  if (text)
    text[len] = 0;
  return text;
}

/* What the run wrote: each line's data records its draws and how they
   were taken, and the figure labels each line by its verdict. */
static void
check_engine_output (const char *dir)
{
  char *tap = slurp (dir, "engine.tap");
  char *gp = slurp (dir, "figures/test_derivation.gp");
  const char *c1 = tap ? strstr (tap, "#   data\tc1.statement\t") : NULL;
  const char *c1_end = c1 ? strchr (c1, '\n') : NULL;
  tap_ok (c1_end && c1_end - c1 > 13 && strncmp (c1_end - 13, "\t0\tclosed\tnan", 13) == 0,
          "a closed-form line's data says so (draws 0, closed, no resolution)");
  const char *m1 = tap ? strstr (tap, "#   data\tm1.statement\t") : NULL;
  const char *q1 = tap ? strstr (tap, "#   data\tq1.statement\t") : NULL;
  const char *m1_end = m1 ? strchr (m1, '\n') : NULL, *q1_end = q1 ? strchr (q1, '\n') : NULL;
  const char *m1_how = m1 ? strstr (m1, "\t13333\tmc\t") : NULL;
  tap_ok (m1_end && m1_how && m1_how < m1_end && atof (m1_how + 10) > 0,
          "an expectation's data gives its draws, 'mc' (13333 draws: 40000 over 3) and its resolution");
  const char *q1_how = q1 ? strstr (q1, "\trqmc\t") : NULL;
  tap_ok (q1_end && q1_how && q1_how < q1_end, "a quasi-Monte Carlo line's data says 'rqmc'");
  const char *v1 = tap ? strstr (tap, "#   data\tv1.statement\t") : NULL;
  const char *v1_end = v1 ? strchr (v1, '\n') : NULL, *v1_how = v1 ? strstr (v1, "\trqmc-cv\t") : NULL;
  tap_ok (v1_end && v1_how && v1_how < v1_end, "with control variates the data says 'rqmc-cv'");
  char *md = slurp (dir, "reports/test_derivation.md");
  tap_ok (md && strstr (md, "| verdict | resolution |") && strstr (md, "RQMC draws")
          && strstr (md, "The target is 1e-4"),
          "the report's line table has a resolution column, explained, with the draws");
  free (md);
  tap_ok (gp && strstr (gp, "'T 2 (error)'") && strstr (gp, "'T 3 (carries an error)'")
          && strstr (gp, "(slip)'"), "the figure labels lines by verdict (error, carries, slip)");
  free (tap);
  free (gp);
}

int
main (void)
{
  box = point_box_template;
  box.coords = BOX, box.n_coords = 2;
  char dir[] = "/tmp/test_derivation.XXXXXX";
  if (!mkdtemp (dir))
    return 99;
  char *argv[] = { "test_derivation", "--outdir", dir, NULL };
  fflush (stdout);
  /* the engine's own TAP goes to a file that the checks below read
     (TEST_DERIVATION_TAP=1 shows it on stderr, for debugging) */
  char tap_path[sizeof dir + 16];
  snprintf (tap_path, sizeof tap_path, "%s/engine.tap", dir);
  int saved = dup (1), null = open (tap_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2 (null, 1);
  harness *h = harness_begin (&CLAIM, 3, argv);
  derivation_run (h, &d_chain);
  derivation_run (h, &d_readings);
  derivation_run (h, &d_shrink);
  derivation_run (h, &d_mc);
  derivation_run (h, &d_qmc);
  derivation_run (h, &d_qmc8);
  derivation_run (h, &d_qcv);
  derivation_run (h, &d_qcos);
  fflush (stdout);
  dup2 (saved, 1);

  /* an error planted at line 2: the step fails there only, later lines carry it */
  expect_verdict (h, "c1", V_HOLDS);
  expect_verdict (h, "c2", V_ERROR);
  expect_verdict (h, "c3", V_CARRIES);
  expect_verdict (h, "c4", V_CARRIES);
  const line_result *c3 = derivation_find (h, "c3");
  tap_ok (c3->step.held && !c3->statement.held && strcmp (c3->carried, "T 2") == 0,
          "c3: its step holds, its statement fails, it carries T 2 ('%s')", c3->carried);
  tap_ok (!derivation_find (h, "c2")->step.held, "c2: the step fails");
  /* readings under the one rule */
  expect_verdict (h, "r2", V_SLIP);
  expect_verdict (h, "r3", V_HOLDS);          /* follows from r2's reading */
  expect_verdict (h, "r4", V_HOLDS);          /* an equally literal reading */
  tap_ok (derivation_find (h, "r4")->reading == 0, "r4: the reading that decided is named");
  expect_verdict (h, "r5", V_ERROR);
  expect_verdict (h, "r6", V_NO_ANSWER);
  /* the shrinker reaches the smallest counterexample: a = 0, b = 0 */
  const line_result *s1 = derivation_find (h, "s1");
  tap_ok (s1->has_counterexample && strcmp (s1->cx_point, "a = 0, b = 0") == 0,
          "s1: shrunk to 'a = 0, b = 0' (got '%s')", s1->cx_point ? s1->cx_point : "");
  tap_close (s1->cx_line.value, -1.0, 1e-15, "s1: the line gives -1 there");
  tap_close (s1->cx_truth.value, 0.0, 1e-15, "s1: the truth is 0 there");
  /* Monte Carlo: an expectation holds, the same claim for every draw does not */
  expect_verdict (h, "m1", V_HOLDS);
  expect_verdict (h, "m2", V_ERROR);
  /* quasi-Monte Carlo: the expectation holds, and an error of 0.05 is seen
     with 8192 quasi-random points (plain Monte Carlo at 13333 draws resolves
     only about 0.2 there) */
  expect_verdict (h, "q1", V_HOLDS);
  expect_verdict (h, "q2", V_ERROR);
  /* a constant integrated by RQMC: the boundary cells' weights alone give
     c w-bar, not c; the control variate on E w = 1 makes it c to rounding */
  expect_verdict (h, "q3", V_HOLDS);
  const line_result *q3 = derivation_find (h, "q3");
  tap_ok (q3->statement.quasi && fabs (q3->statement.diff) <= 1e-12 * (1 + fabs (q3->statement.ref.value))
          && q3->statement.se <= 1e-12 * (1 + fabs (q3->statement.ref.value)),
          "q3: a constant's RQMC mean is the constant (diff %.3g, se %.3g)",
          q3->statement.diff, q3->statement.se);
  /* eight normals are integrated by RQMC too (the control variate keeps
     the replicate means symmetric there, lib/derivation.c) */
  expect_verdict (h, "q8", V_HOLDS);
  const line_result *q8 = derivation_find (h, "q8");
  tap_ok (q8->statement.quasi && q8->statement.draws > 0, "q8: d = 8 is integrated by RQMC");
  /* the resolution a report gives: (critical + z_0.9) se + bound over the
     reference, the coarsest over the points (so at least the deciding
     point's); none for a closed form or a claim for every draw */
  const line_result *m1r = derivation_find (h, "m1");
  double det = (m1r->statement.crit + CHECK_POWER_Z) * m1r->statement.se + m1r->statement.bound;
  double res = derivation_detectable_rel (&m1r->statement);
  tap_ok (derivation_detectable (&m1r->statement) == det && det > 0
          && res >= det / fabs (m1r->statement.ref.value) * (1 - 1e-12) && res < 1
          && m1r->statement.resolution_draws == m1r->statement.draws,
          "m1: its resolution %.3g, at least the deciding point's %.3g, with its draws", res,
          det / fabs (m1r->statement.ref.value));
  tap_ok (isnan (derivation_detectable_rel (&derivation_find (h, "c1")->statement))
          && isnan (derivation_detectable_rel (&derivation_find (h, "m2")->statement)),
          "no Monte Carlo resolution for a closed form or a claim for every draw");
  /* Hermite control variates: a quadratic is integrated to rounding, so a
     line 1e-6 off it fails; a cosine is still unbiased */
  expect_verdict (h, "v1", V_HOLDS);
  expect_verdict (h, "v2", V_ERROR);
  expect_verdict (h, "v3", V_HOLDS);
  const line_result *v1 = derivation_find (h, "v1"), *v3 = derivation_find (h, "v3");
  const line_result *q1 = derivation_find (h, "q1");
  tap_ok (v1->statement.quasi == 2 && derivation_detectable_rel (&v1->statement) < 1e-12
          && derivation_detectable_rel (&q1->statement) > 1e-4,
          "v1: with controls E[x²] resolves to %.2g of its value, without (q1) to %.2g",
          derivation_detectable_rel (&v1->statement), derivation_detectable_rel (&q1->statement));
  /* a cosine of a unit normal is no polynomial: its residual keeps a
     standard error, of the order of plain RQMC's (w3) -- the controls
     win on integrands that grow like polynomials, whose boundary cells
     dominate plain RQMC, not on a bounded one (the claims choose them by
     measurement) */
  double se_cv = v3->statement.se, se_plain = derivation_find (h, "w3")->statement.se;
  tap_ok (v3->statement.quasi == 2 && se_cv > 0.1 * se_plain && se_cv < 10 * se_plain
          && isfinite (v3->statement.pts_z[0]),
          "v3: E[cos x] keeps a standard error, %.2g (plain RQMC, w3: %.2g), and its z", se_cv, se_plain);
  /* sizing from a pilot: a line takes the draws its pilot says 1e-4
     needs, within [pilot, cap] -- the cap for E[x] (1e-4 of a needs
     millions), a few thousand for m4, the pilot's 2048 RQMC draws for a
     constant; and the draws taken reach the target */
  const line_result *m4 = derivation_find (h, "m4");
  expect_verdict (h, "m4", V_HOLDS);
  tap_ok (m4->statement.resolution_sized == 1 && m4->statement.draws > 1000
          && m4->statement.draws < 13333 && derivation_detectable_rel (&m4->statement) <= 1e-4,
          "m4: sized by its pilot to %ld draws (pilot 1000, cap 13333), resolving %.2g",
          m4->statement.draws, derivation_detectable_rel (&m4->statement));
  tap_ok (m1r->statement.resolution_sized == 2 && m1r->statement.draws == 13333,
          "m1: its pilot asks for more than the cap, which it takes (%ld draws)",
          m1r->statement.draws);
  tap_ok (q3->statement.resolution_sized == 1 && q3->statement.draws == 2048,
          "q3: a constant takes the pilot's 2048 RQMC draws (%ld)", q3->statement.draws);
  /* weights of infinite variance: inconclusive, with the diagnostic */
  expect_verdict (h, "m3", V_INCONCLUSIVE);
  const line_result *m3 = derivation_find (h, "m3");
  tap_ok (strstr (m3->statement.why, "Pareto") != NULL, "m3: the reason names the diagnostic ('%s')",
          m3->statement.why);

  fflush (stdout);
  dup2 (null, 1);
  figure_lines_against_truth (h, "engine test");
  int status = harness_end (h);
  fflush (stdout);
  dup2 (saved, 1);
  tap_ok (status == EXIT_AS_EXPECTED, "every line came out as its table expects");
  check_engine_output (dir);
  if (getenv ("TEST_DERIVATION_TAP"))
    {
      char show[sizeof tap_path + 16];
      snprintf (show, sizeof show, "cat '%s' >&2", tap_path);
      if (system (show) != 0)
        return 99;
    }
  char cmd[200];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    return 99;
  /* the base dimensions a claim gives a map of one or two normals */
  tap_ok (derivation_one_normal (NULL) == 1 && derivation_two_normals (NULL) == 2,
          "derivation_one_normal / _two_normals: 1 and 2 whatever the point");
  double e[2] = { -1.25, 7 }, x[2] = { 0, 42 };
  derivation_one_normal_identity (NULL, NULL, e, x);
  tap_ok (x[0] == -1.25, "derivation_one_normal_identity: x = ε");
  tap_ok (x[1] == 42, "negative control: it writes x[0] alone (a sentinel in x[1] stays)");
  return tap_done ();
}
