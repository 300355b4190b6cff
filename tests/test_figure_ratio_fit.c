/* test_figure_ratio_fit.c -- lib/figure_ratio_fit: the data are what the header says.
 *
 * A grid written by hand (f0 = N(0, 1), f1 = N(1, 0.6²), a made-up estimate log f̂1 =
 * log f1 + 0.01 x with standard error 0.02 + 0.01 |x|), drawn inside a claim run in the test
 * (TAP to /dev/null).  Block 0, row by row against values computed here from the grid: f0,
 * f1, D* = f1/(f0 + f1), the swapped f0/(f0 + f1), f̂1 and its band f̂1 e^{∓z·se} with z
 * the two-sided normal quantile for α = 1e-7 (gsl_cdf_ugaussian_Qinv, not the harness's
 * check_critical_value); block 1, the error log f̂1 - log f1 at exactly the points within
 * 3 s1 of m1; the script plots both blocks with the caller's legend.  Negative control: the
 * D* column is not the swapped discriminator's -- the comparison tells the two apart.  Then
 * the page, after a derivation of one line: a multiplot under its title, the lines' panel in
 * the upper half before the two panels, which plot the block after the lines' blocks -- the
 * densities' header, which the block before it (the negative control: the panels drawn at
 * the page's first block) does not have. */
#include "figure_ratio_fit.h"
#include "fixture_harness.h"
#include "tap.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture_box.h"   /* after the system headers: it defines A and B */

#define N 41

static const claim CLAIM = {
  .slug = "test_figure_ratio_fit", .title = "figure test", .claim = "", .sources = "",
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

/* the page's claim: one derivation of one line a² + b that holds */
CLOSED_FN (f_sum, A * A, B)
static const derivation_truth TRUTHS[] = { {"sum", "a² + b", LINE_CLOSED (f_sum)} };
static const derivation_line LINES[] = {
  {.id = "holds", .source = "S 1", .text = "a² + b", .eval = LINE_CLOSED (f_sum), .truth = "sum"},
};
static derivation d_sum = { .id = "sum", .title = "sum", .points = &box, .n_points = 5,
                            DERIVATION_TABLES (TRUTHS, LINES) };
static const claim PAGE = {
  .slug = "test_figure_ratio_fit_page", .title = "page test", .claim = "", .sources = "",
  .derivations = (const derivation *const[]) {&d_sum}, .n_derivations = 1,
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

/* Does data block K (blocks "\n\n\n" apart, the first at the start) open with the densities'
   header? */
static int
block_is_densities (const char *data, int k)
{
  const char *p = data;
  for (int b = 0; b < k && p; b++)
    {
      p = strstr (p, "\n\n\n");
      p = p ? p + 3 : NULL;
    }
  return p && strncmp (p, "# f0 = N(", 9) == 0;
}

static void
test_page (const figure_ratio_fit_spec * s)
{
  box = point_box (BOX, COUNT_OF (BOX), NULL);
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &PAGE);
  harness_run_derivations (h);
  figure_ratio_fit_page (h, "the page", "the lines", s);
  const char *data = sbuf_str (harness_figure_data (h));
  const char *gp = sbuf_str (harness_figure_script (h));
  fixture_harness_loud (&f);
  const char *lines = strstr (gp, "set title 'the lines'");
  const char *at = strstr (gp, "set title 'Densities and discriminators'");
  at = at ? strstr (at, "plot datafile index ") : NULL;
  int k = at ? atoi (at + strlen ("plot datafile index ")) : -1;
  const char *head = "set multiplot title 'the page'\nset origin 0,0.5\nset size 1,0.47\n";
  tap_ok (strncmp (gp, head, strlen (head)) == 0 && lines && at && lines < at
          && strstr (lines, "set key font ',11'\n") != NULL
          && strcmp (gp + strlen (gp) - 16, "unset multiplot\n") == 0,
          "page: a multiplot under its title, the lines' panel on top before the two panels");
  tap_ok (k >= 1 && block_is_densities (data, k), "page: the densities plot index %d, their"
          " block", k);
  tap_ok (k >= 1 && !block_is_densities (data, k - 1),
          "negative control: index %d, the lines' own block, is not the densities'", k - 1);
  fixture_harness_end (&f);
}

/* The numeric rows of the data block starting at P (after its "#" lines) into ROWS[i][0..C-1],
   up to the next blank line; returns how many. */
static int
block_rows (const char *p, int c, double rows[][8], int max)
{
  int n = 0;
  while (p && *p && *p != '\n' && n < max)
    {
      if (*p != '#')
        {
          char *end = (char *) p;
          for (int j = 0; j < c; j++)
            rows[n][j] = strtod (end, &end);
          n++;
        }
      p = strchr (p, '\n');
      p = p ? p + 1 : NULL;
    }
  return n;
}

static int
near (double got, double want)
{
  return fabs (got - want) <= 1e-7 * fabs (want) + 1e-300;   /* printed to 8 digits */
}

int
main (void)
{
  const normal_pair g = { 0, 1, 1, 0.6 };
  ratio_fit fit = { .n1 = 500, .n0 = 700 };
  ratio_fit_point at[N];
  for (int i = 0; i < N; i++)
    {
      double x = -3 + 0.15 * i;
      double l0 = log (gsl_ran_gaussian_pdf (x, 1)), l1 = log (gsl_ran_gaussian_pdf (x - 1, 0.6));
      at[i] = (ratio_fit_point) { x, l0, l1, l1 + 0.01 * x, 0.02 + 0.01 * fabs (x) };
    }
  figure_ratio_fit_spec s = { .g = &g, .fit = &fit, .at = at, .n = N, .z_error = 5.5,
    .swapped_column = "swapped_D", .swapped_label = "the swapped one" };
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  figure_ratio_fit (h, 0, &s);
  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  fixture_harness_loud (&f);

  static double r0[N + 5][8], r1[N + 5][8];
  const char *b1 = strstr (data, "\n\n\n# block 1");
  int n0 = block_rows (data, 8, r0, N + 5), n1 = b1 ? block_rows (b1 + 3, 5, r1, N + 5) : 0;
  tap_ok (strncmp (data, "# f0 = N(0,1), f1 = N(1, 0.6^2); 500 + 700 draws\n", 48) == 0
          && strstr (data, "# block 0: x f0 f1 D* swapped_D recovered_f1 lo hi\n") != NULL,
          "block 0's header: the pair, the class counts, the columns");
  tap_ok (n0 == N, "block 0: one row per grid point (%d)", n0);
  double z = gsl_cdf_ugaussian_Qinv (0.5e-7);
  int cols = 1, swapped_differs = 0;
  for (int i = 0; i < n0 && i < N; i++)
    {
      double f0 = gsl_ran_gaussian_pdf (at[i].x, 1), f1 = gsl_ran_gaussian_pdf (at[i].x - 1, 0.6);
      double fh = exp (at[i].log_f1_hat), se = at[i].se;
      cols &= fabs (r0[i][0] - at[i].x) < 1e-5 && near (r0[i][1], f0) && near (r0[i][2], f1)
        && near (r0[i][3], f1 / (f0 + f1)) && near (r0[i][4], f0 / (f0 + f1))
        && near (r0[i][5], fh) && near (r0[i][6], fh * exp (-z * se))
        && near (r0[i][7], fh * exp (z * se));
      swapped_differs |= !near (r0[i][3], f0 / (f0 + f1));
    }
  tap_ok (cols, "block 0: f0, f1, D*, f0/(f0 + f1), f̂1 and f̂1 e^{∓z·se}, z = %.4f", z);
  tap_ok (swapped_differs, "negative control: the D* column is not f0/(f0 + f1)");

  int want = 0, err_ok = 1;
  for (int i = 0; i < N; i++)
    if (fabs (at[i].x - 1) <= 3 * 0.6)
      {
        err_ok &= want < n1 && fabs (r1[want][0] - at[i].x) < 1e-8
          && fabs (r1[want][1] - 0.01 * at[i].x) < 1e-8 && r1[want][4] == 0;
        want++;
      }
  tap_ok (n1 == want && err_ok, "block 1: log f̂1 - log f1 at the %d points within 3 s1 of m1,"
          " on 0 (%d rows)", want, n1);
  tap_ok (strstr (gp, "plot datafile index 0 using 1:7:8") != NULL
          && strstr (gp, "index 0 using 1:5 axes x1y2 with lines ls 2 dt 4 title 'the swapped one'")
          && strstr (gp, "index 1") != NULL, "the script plots blocks 0 and 1, with the legend");
  fixture_harness_end (&f);
  test_page (&s);
  return tap_done ();
}
