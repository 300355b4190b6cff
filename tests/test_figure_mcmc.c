/* test_figure_mcmc.c -- lib/figure_mcmc.c: the blocks and commands it writes.
 *
 * A claim of no checks, run inside the test.  The draws panel's largest
 * density is that of the standard normal at the grid's centre, 1/(2π); the
 * autocorrelation of an alternating chain is (-1)^k (1 - k/n); the panels
 * number their blocks consecutively and their commands name those blocks. */
#include "figure_mcmc.h"
#include "tap.h"

#include <fcntl.h>
#include <gsl/gsl_math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const claim CLAIM = {
  .slug = "test_figure_mcmc", .title = "figure test", .claim = "", .sources = "",
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

static double
log_std_normal (const double *x, void *params)
{
  (void) params;
  return -0.5 * (x[0] * x[0] + x[1] * x[1]) - log (2 * M_PI);
}

static size_t
count (const char *s, const char *what)
{
  size_t n = 0;
  for (const char *p = strstr (s, what); p; p = strstr (p + 1, what))
    n++;
  return n;
}

int
main (void)
{
  char dir[] = "/tmp/test_figure_mcmc.XXXXXX";
  if (!mkdtemp (dir))
    return 99;
  char *argv[] = { "test_figure_mcmc", "--outdir", dir, NULL };
  fflush (stdout);
  int saved = dup (1), null = open ("/dev/null", O_WRONLY);
  dup2 (null, 1);
  harness *h = harness_begin (&CLAIM, 3, argv);
  fflush (stdout);
  dup2 (saved, 1);

  gsl_matrix *a = gsl_matrix_alloc (200, 2), *c = gsl_matrix_alloc (200, 2);
  for (size_t i = 0; i < 200; i++)
    {
      gsl_matrix_set (a, i, 0, i % 2 ? 1.0 : -1.0), gsl_matrix_set (a, i, 1, 0.5);
      gsl_matrix_set (c, i, 0, 0.01 * (double) i), gsl_matrix_set (c, i, 1, -0.5);
    }
  figure_mcmc_sampler s[2] = { {a, 100, "alternating"}, {c, 100, "ramp"} };
  const double box[4] = { -3, 3, -3, 3 };
  int b = 0;
  double best = figure_mcmc_draws (h, &b, "draws", log_std_normal, NULL, box, s, 2);
  tap_close (best, 1 / (2 * M_PI), 1e-15, "largest density on the grid: 1/(2π) at the centre");
  tap_ok (b == 3, "draws: three blocks (grid, two samplers), next %d", b);
  figure_mcmc_traces (h, &b, "traces", s, 2, 400);
  figure_mcmc_acf (h, &b, "acf", s, 2, 10);
  double step[3] = { 0.1, 0.05, 0.025 }, err[3] = { 1e-2, 2.5e-3, 6.25e-4 };
  figure_mcmc_order_spec o = { "order", "ε", "error", "method", "slope 2", 0.01, 0.2, 2 };
  figure_mcmc_order (h, &b, &o, step, err, 3);
  tap_ok (b == 6, "six blocks in all (%d)", b);

  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  tap_ok (count (data, "# block ") == 6, "six block headers in the data");
  tap_ok (strstr (data, "# block 3: traces of x1\n# iteration  alternating  ramp\n1 -1 0\n2 1 0.01\n") != NULL,
          "traces: first chain's x1 of each sampler, 100 rows (clamped to n)");
  tap_ok (strstr (data, "\n100 1 0.99\n") != NULL && strstr (data, "\n101 ") == NULL, "traces stop at n = 100");
  /* the alternating chain about its mean 0: ρ_k = (-1)^k (1 - k/n) */
  tap_ok (strstr (data, "\n1 -0.99000 ") != NULL && strstr (data, "\n2 0.98000 ") != NULL,
          "autocorrelation of an alternating chain: -0.99, 0.98");
  tap_ok (strstr (gp, "splot datafile index 0 ") && strstr (gp, "index 1 using 1:2 with points")
          && strstr (gp, "'' index 2 using 1:2 with points"), "draws: the script names blocks 0-2");
  tap_ok (strstr (gp, "datafile index 3 using 1:2 with lines ls 1 lw 1 title 'alternating'")
          && strstr (gp, "'' index 3 using 1:3 with lines ls 2 lw 1 title 'ramp'"), "traces: block 3, a column each");
  tap_ok (strstr (gp, "c_ref = 1\n") && strstr (gp, "c_ref * x**2") && strstr (gp, "datafile index 5 using 1:2"),
          "order: c through the last point (6.25e-4 / 0.025² = 1), block 5");
  tap_ok (strstr (gp, "set xrange [-3:3]") && strstr (gp, "set xrange [0.01:0.2]"), "the ranges given");

  fflush (stdout);
  dup2 (null, 1);
  harness_end (h);
  fflush (stdout);
  dup2 (saved, 1);
  gsl_matrix_free (a);
  gsl_matrix_free (c);
  char cmd[200];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    return 99;
  return tap_done ();
}
