/* test_figure_iw_sweep.c -- lib/figure_iw_sweep.c on a sweep filled by
   hand (two q: the first with a finite Var(w~) and a bound, the second
   with an infinite Var(w~)): the script against one written by hand, its
   columns those of the data's header, and the data iw_sweep's. */
#include "figure_iw_sweep.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const SCRIPT =
  "B0 = 3\nB1 = 4\nhalf_var_a = 0.25\n"
  "set logscale xy\nset format x '10^{%L}'\nset format y '10^{%L}'\n"
  "set xlabel 'number of samples k'\n"
  "set title 'gap log p(x) - L_k'\nset ylabel 'log p(x) - L_k (nats)'\n"
  "set key bottom left font ',11' spacing 1.0\nset yrange [1e-12:10]\n"
  "plot datafile index B0 using 1:2 with lines ls 1 title 'a q (A), exact', \\\n"
  "     '' index B0 using 1:4 with lines ls 2 title 'b q (B), exact', \\\n"
  "     '' index B1 using 1:3:($3-$4):($3+$4) with yerrorbars ls 1 notitle, \\\n"
  "     '' index B1 using 1:5:($5-$6 > 0 ? $5-$6 : $5/10):($5+$6) with yerrorbars"
  " ls 2 notitle, \\\n"
  "     keyentry with yerrorbars lc rgb 'black' pt 7 title 'Monte Carlo ± SE', \\\n"
  "     '' index B0 using 1:7 with lines ls 7 title 'Var(w)/(2k p(x)^2)', \\\n"
  "     '' index B0 using 1:6 with lines ls 8 title 'bound Var(w)/(2k p(x) w_{min}), a'\n"
  "set title 'k times the gap: flat = 1/k rate'\nset ylabel 'k (log p(x) - L_k)'\n"
  "set format y '%g'\nset key top left\nset yrange [*:*]\n"
  "plot datafile index B0 using 1:($1*$2) with linespoints ls 1 title 'a q', \\\n"
  "     '' index B0 using 1:($1*$4) with linespoints ls 2 title 'b q', \\\n"
  "     half_var_a with lines ls 7 title 'Var(w)/(2 p(x)^2)'\n";

int
main (void)
{
  iw_sweep s = { .n_q = 2, .name = { "a", "b" }, .k = { 1, 10 }, .n_mc = 1, .n_k = 2,
                 .reps = { 100 }, .var_w = { 0.5, INFINITY } };
  s.bound[0][0] = 1, s.bound[0][1] = 0.1;
  s.bound[1][0] = s.bound[1][1] = NAN;
  for (size_t p = 0; p < 2; p++)
    {
      mc_init (&s.mc[p][0].lk);
      mc_init (&s.mc[p][0].gap_cv);
    }
  sbuf gp, data, direct;
  sbuf_init (&gp);
  sbuf_init (&data);
  sbuf_init (&direct);
  figure_iw_sweep (&gp, &data, &s, 3, (const char *const[]) {"A", "B"});
  tap_ok (strcmp (sbuf_str (&gp), SCRIPT) == 0, "script as written by hand");
  if (strcmp (sbuf_str (&gp), SCRIPT) != 0)
    printf ("# got:\n%s", sbuf_str (&gp));
  /* the columns the script reads, 6 and 7, are the bound and the asymptote */
  tap_ok (strstr (sbuf_str (&data), "# k  gap_a err  gap_b err  bound_a  asym_a\n") != NULL,
          "B0's header: k, a's gap and error, b's, bound_a (6), asym_a (7)");
  tap_ok (strstr (sbuf_str (&data), "# k  replicates  a se  b se\n") != NULL,
          "B1's header: k, replicates, a (3) and its SE (4), b (5) and its SE (6)");
  iw_sweep_write_data (&direct, &s);
  tap_ok (strcmp (sbuf_str (&data), sbuf_str (&direct)) == 0, "the data are iw_sweep's");
  sbuf_free (&gp);
  sbuf_free (&data);
  sbuf_free (&direct);
  return tap_done ();
}
