/* test_figure_critic_bounds.c -- lib/figure_critic_bounds: the two paths'
   data are the bounds as the header says -- on the shift path R2 = KL at
   every c and R1 = KL at c = 1 only, below it elsewhere; on the sine path
   R1 = R2 = KL at ε = 0 and R1 <= R2 <= KL along it -- and the script plots
   blocks BLOCK and BLOCK + 1 (here 0 and 1, the only ones).  A claim run inside the test (TAP to
   /dev/null).  Then the page, after a derivation of one line: a multiplot
   of three, the lines' panel first and the two paths after its blocks --
   the index the panels plot holds the shift path, which the block before it
   (the negative control: the paths drawn at the page's first block) does not. */
#include "figure_critic_bounds.h"
#include "fixture_harness.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture_box.h"   /* after the system headers: it defines A and B */

static const claim CLAIM = {
  .slug = "test_figure_critic_bounds", .title = "figure test", .claim = "", .sources = "",
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
  .slug = "test_figure_critic_bounds_page", .title = "page test", .claim = "", .sources = "",
  .derivations = (const derivation *const[]) {&d_sum}, .n_derivations = 1,
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

/* The rows of data block BLOCK ("\n\n" separated after a leading pair)
   into ROWS[i][0..3]; returns how many. */
static int
block_rows (const char *data, int block, double rows[][4], int max)
{
  const char *p = data;
  for (int b = 0; b <= block && p; b++)
    {
      p = strstr (p, "\n\n");
      while (p && *p == '\n')
        p++;
    }
  int n = 0;
  while (p && *p && *p != '\n' && n < max)
    {
      if (*p != '#')
        {
          char *end = (char *) p;
          for (int j = 0; j < 4; j++)
            rows[n][j] = strtod (end, &end);
          n++;
        }
      p = strchr (p, '\n');
      p = p ? p + 1 : NULL;
    }
  return n;
}

/* Is data block K's first line the shift path's header?  (Block 0, the
   lines' first, has no blank-line pair before it: block K follows the Kth.) */
static int
block_is_shift_path (const char *data, int k)
{
  const char *p = data;
  for (int b = 0; b < k && p; b++)
    {
      p = strstr (p, "\n\n");
      while (p && *p == '\n')
        p++;
    }
  return p && strncmp (p, "# p = N(0,1), q = N(1,1.5^2), T = log(p/q) + c", 46) == 0;
}

static void
test_page (const critic_bounds * b)
{
  box = point_box (BOX, COUNT_OF (BOX), NULL);
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &PAGE);
  harness_run_derivations (h);
  figure_critic_bounds_page (h, b, "the lines");
  const char *data = sbuf_str (harness_figure_data (h));
  const char *gp = sbuf_str (harness_figure_script (h));
  fixture_harness_loud (&f);
  const char *lines = strstr (gp, "set title 'the lines'"), *at = strstr (gp, "set title 'Critic");
  at = at ? strstr (at, "plot datafile index ") : NULL;
  int k = at ? atoi (at + strlen ("plot datafile index ")) : -1;
  tap_ok (strncmp (gp, "set multiplot layout 1,3\n", 25) == 0 && lines && at && lines < at
          && strcmp (gp + strlen (gp) - 16, "unset multiplot\n") == 0,
          "page: a multiplot 1,3, the lines' panel before the paths'");
  tap_ok (k >= 1 && block_is_shift_path (data, k), "page: the paths plot index %d, the shift path",
          k);
  tap_ok (k >= 1 && !block_is_shift_path (data, k - 1),
          "negative control: index %d, the lines' own block, is not the shift path", k - 1);
  fixture_harness_end (&f);
}

int
main (void)
{
  critic_bounds b = { critic_bounds_r1, critic_bounds_r2, critic_bounds_log_z, 0 };
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  figure_critic_bounds (h, &b, 0);
  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  fixture_harness_loud (&f);
  static double r[2][80][4];
  int n0 = block_rows (data, 0, r[0], 80), n1 = block_rows (data, 1, r[1], 80);
  tap_ok (n0 == 61 && n1 == 61, "61 rows a path (%d, %d)", n0, n1);
  double kl = r[0][0][3];   /* about 0.35; rows carry 10 digits, so 1e-9 is print rounding */
  int r2_flat = 1, r1_below = 1, sine_order = 1;
  for (int i = 0; i < 61; i++)
    {
      r2_flat &= fabs (r[0][i][2] - kl) < 1e-9;
      r1_below &= r[0][i][1] <= kl + 1e-9;
      sine_order &= r[1][i][1] <= r[1][i][2] + 1e-9 && r[1][i][2] <= kl + 1e-9;
    }
  tap_ok (r2_flat, "shift path: R2 = KL at every c (DV is tight at every shift)");
  tap_ok (r1_below && fabs (r[0][30][0] - 1) < 1e-12 && fabs (r[0][30][1] - kl) < 1e-9
          && r[0][0][1] < kl - 0.1, "shift path: R1 below KL, touching it at c = 1 only");
  tap_ok (sine_order && fabs (r[1][30][0]) < 1e-12 && fabs (r[1][30][1] - kl) < 1e-9
          && fabs (r[1][30][2] - kl) < 1e-9, "sine path: R1 <= R2 <= KL, both KL at ε = 0");
  tap_ok (strstr (gp, "plot datafile index 0 using 1:3") != NULL
          && strstr (gp, "plot datafile index 1 using 1:3") != NULL, "the panels plot blocks 0 and 1");
  fixture_harness_end (&f);
  test_page (&b);
  return tap_done ();
}
