/* test_em_trace_report.c -- lib/em_trace_report on a trace written by hand.
 *
 * Three iterations with F after the E half-step -10, -6, -5.5, after the M
 * half-step -7, -5.8, -5.5, log p(x|θ^t) -12, -6.5, -5.6, -5.5, ll* = -5.4
 * and bound 0.01, on 5 points in 2-D (and in 1-D).  The rows are worked by
 * hand: gaps from the top -5.39, e.g. 4.61, 1.61, 6.61 at t = 0; rises 1
 * and 0.3 at the E half-steps t = 1, 2 and 3 and 0.2 at the M half-steps
 * t = 0, 1; NaN where F did not rise (the M half-step at t = 2) or there is
 * no half-step (the E half-step at t = 0, both at t = 3).  The notes and
 * the script's bound_Nd are read back, and the panels plot the blocks they
 * are given (and render).  Negative control: the same trace with F after E
 * and after M exchanged does not give the hand-worked rows. */
#include "em_trace_report.h"
#include "fixture_harness.h"
#include "tap.h"

static const claim CLAIM = {
  .slug = "test_em_trace_report", .title = "report test", .claim = "", .sources = "",
  .samples_default = 10, .samples_quick = 10, .figure_caption = "",
};

/* t, gap_F_E, gap_F_M, gap_loglik, dF_E, dF_M by hand (top = -5.4 + 0.01) */
static const double ROWS[4][6] = {
  {0, 4.61, 1.61, 6.61, NAN, 3},
  {1, 0.61, 0.41, 1.11, 1, 0.2},
  {2, 0.11, 0.11, 0.21, 0.3, NAN},
  {3, NAN, NAN, 0.11, NAN, NAN},
};

/* Do the rows after the header "# EM, NAME" in DATA match ROWS (NaN where
   ROWS has NaN, else within the 10 printed digits)? */
static int
rows_match (const char *data, const char *name)
{
  char head[64];
  snprintf (head, sizeof head, "# EM, %s,", name);
  const char *p = strstr (data, head);
  for (int skip = 0; p && skip < 2; skip++)
    p = strchr (p, '\n') ? strchr (p, '\n') + 1 : NULL;
  int ok = p != NULL;
  for (int r = 0; ok && r < 4; r++)
    {
      char *end;
      for (int c = 0; c < 6; c++, p = end)
        {
          double v = strtod (p, &end);
          ok &= end != p && (isnan (ROWS[r][c]) ? isnan (v) : fabs (v - ROWS[r][c]) <= 1e-9);
        }
      ok &= *p == '\n', p++;
    }
  return ok && (*p == '\0' || *p == '\n');
}

int
main (void)
{
  double fe[4] = { -10, -6, -5.5 }, fm[4] = { -7, -5.8, -5.5 }, ll[4] = { -12, -6.5, -5.6, -5.5 };
  em_trace t = { .iters = 3, .f_e = fe, .f_m = fm, .ll = ll, .ll_star = -5.4, .ll_bound = 0.01 };
  em_trace swapped = t, broke = t;
  swapped.f_e = fm, swapped.f_m = fe, broke.broke_down = 1, broke.iters = 2;
  gsl_matrix *x = gsl_matrix_calloc (5, 2), *x1 = gsl_matrix_calloc (5, 1);
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  em_trace_report_run (h, "good", x, &t);
  em_trace_report_run (h, "swapped", x1, &swapped);
  em_trace_report_run (h, "broke", x, &broke);
  sbuf_append (harness_figure_script (h), "set multiplot\nset origin 0, 0\nset size 1 / 3.0, 1\nplot x\n");
  em_trace_report_panels (h, 1, 3);     /* blocks 1 (1-D) and 2 (2-D): swapped, broke */
  const char *data = sbuf_str (harness_figure_data (h)), *gp = sbuf_str (harness_figure_script (h));
  const char *notes = sbuf_str (harness_notes (h));
  fixture_harness_loud (&f);

  tap_ok (rows_match (data, "good"), "the block's rows are the hand-worked gaps and rises");
  tap_ok (strstr (data, "# EM, good, n = 5; ll* = -5.4, rounding bound 0.01\n") != NULL,
          "the block's header: name, n, ll*, bound");
  tap_ok (!rows_match (data, "swapped"),
          "negative control: F after E and after M exchanged is told apart");
  tap_ok (strstr (notes, "- good: n = 5 points, 3 checked iterations; log-likelihood from"
                  " -12 to -5.5 (converged: -5.4).\n") != NULL, "the run's line of notes");
  const char *stop = strstr (notes, "EM stopped after 2 iterations");
  tap_ok (stop && stop < strstr (notes, "- broke:") && stop > strstr (notes, "- swapped:")
          && strstr (notes, "- broke: n = 5 points, 2 checked iterations; log-likelihood"
                     " from -12 to -5.6") && strstr (notes, "EM stopped") == stop,
          "a breakdown is noted once, before its run's line");
  tap_ok (strstr (gp, "bound_2d = 0.01\n") && strstr (gp, "bound_1d = 0.01\n"),
          "the script's bound_1d and bound_2d, by the data's dimension");
  tap_ok (strstr (gp, "set xrange [0:3]\n") && strstr (gp, "index (1+blk) using 1:4")
          && strstr (gp, "index (1+blk) using ($1+0.5):6") && !strstr (gp, "index (0+blk)"),
          "the panels plot blocks 1 and 2 over t in [0, 3]");
  tap_ok (strstr (gp, "set origin (1 + blk) / 3.0, 0.5\n  set size 1 / 3.0, 0.5\n")
          && strstr (gp, "set origin (1 + blk) / 3.0, 0\n") && !strstr (gp, "multiplot next"),
          "the four panels fill the right two thirds, top and bottom, with no empty slot");
  fixture_harness_end (&f);
  gsl_matrix_free (x), gsl_matrix_free (x1);
  return tap_done ();
}
