/* figure_converge.c -- an estimate with its band on a closed form (see
   figure_converge.h). */
#include "figure_converge.h"
#include "figure.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>


/* Series colours: line styles of lib/figure_style.gp, vermillion (2) kept
   for the seed lines, as in figure_panel's findings. */
static const int SERIES_LS[FIGURE_CONVERGE_MAX_SERIES] = { 1, 3, 4, 5, 6 };
#define COLS_PER_SERIES 6       /* estimate, band lo, band hi, truth, spread lo, hi */
#define FEW_POINTS 30           /* up to this many x: points on the lines */

static int
refuse (char *why, size_t size, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  if (size)
    vsnprintf (why, size, fmt, ap);
  va_end (ap);
  return -1;
}

static int
is_label (const char *s)
{
  return s && *s;
}

static int
range_ok (double lo, double hi, int log_axis)
{
  return (lo == 0 && hi == 0) || (isfinite (lo) && isfinite (hi) && lo < hi
                                  && (!log_axis || lo > 0));
}

static int
validate_series (const figure_converge_spec * s, size_t k, char *why, size_t size)
{
  const figure_converge_series *c = &s->series[k];
  if (!is_label (c->label))
    return refuse (why, size, "series %zu has no label", k);
  if (!c->estimate)
    return refuse (why, size, "series '%s' has no estimates", c->label);
  for (size_t i = 0; c->se && i < s->n; i++)
    if (c->se[i] < 0)
      return refuse (why, size, "series '%s': SE %g at x = %g (not >= 0)",
                     c->label, c->se[i], s->x[i]);
  for (size_t i = 0; c->truth && i < s->n; i++)
    if (!isfinite (c->truth[i]))
      return refuse (why, size, "series '%s': closed form %g at x = %g",
                     c->label, c->truth[i], s->x[i]);
  if (!c->truth && !isfinite (c->truth_value))
    return refuse (why, size, "series '%s': closed form %g", c->label, c->truth_value);
  if (c->z != 0 && !(c->z > 0 && isfinite (c->z)))
    return refuse (why, size, "series '%s': z = %g", c->label, c->z);
  if (!c->spread_lo != !c->spread_hi)
    return refuse (why, size, "series '%s': a spread needs both ends", c->label);
  if (c->spread_lo && !is_label (c->spread_label))
    return refuse (why, size, "series '%s': its spread has no label", c->label);
  for (size_t i = 0; c->point_label && i < s->n; i++)
    if (c->point_label[i] && strpbrk (c->point_label[i], "\"\n"))
      return refuse (why, size, "series '%s': the point label at x = %g has a double quote"
                     " or a newline", c->label, s->x[i]);
  /* a closed form given over x is computed (a quadrature's, which a
     mutant can push below 0): data, drawn where it can be; a constant is
     the description's */
  if (s->log_y && !c->truth && !(c->truth_value > 0))
    return refuse (why, size, "series '%s': a closed form %g on a log y axis",
                   c->label, c->truth_value);
  return 0;
}

int
figure_converge_validate (const figure_converge_spec * s, char *why, size_t size)
{
  if (!s)
    return refuse (why, size, "no description");
  if (!is_label (s->title) || !is_label (s->xlabel) || !is_label (s->ylabel))
    return refuse (why, size, "a panel needs a title and both axis labels");
  if (!s->x || s->n < 2)
    return refuse (why, size, "'%s': %zu x values (at least 2)", s->title, s->x ? s->n : 0);
  for (size_t i = 0; i < s->n; i++)
    if (!isfinite (s->x[i]) || (i && !(s->x[i] > s->x[i - 1]))
        || (s->log_x && s->x[i] <= 0))
      return refuse (why, size, "'%s': x[%zu] = %g (x must be finite, increasing%s)",
                     s->title, i, s->x[i], s->log_x ? " and > 0 (log x)" : "");
  if (!(s->z > 0 && isfinite (s->z)))
    return refuse (why, size, "'%s': z = %g (the band needs the check's z > 0)", s->title, s->z);
  if (!s->series || s->n_series < 1 || s->n_series > FIGURE_CONVERGE_MAX_SERIES)
    return refuse (why, size, "'%s': %zu series (1 to %d)", s->title,
                   s->series ? s->n_series : 0, FIGURE_CONVERGE_MAX_SERIES);
  for (size_t k = 0; k < s->n_series; k++)
    if (validate_series (s, k, why, size))
      return -1;
  if (s->n_seeds > FIGURE_CONVERGE_MAX_SEEDS || (s->n_seeds && !s->seeds))
    return refuse (why, size, "'%s': %zu seed lines (0 to %d)", s->title, s->n_seeds,
                   FIGURE_CONVERGE_MAX_SEEDS);
  for (size_t j = 0; j < s->n_seeds; j++)
    if (!is_label (s->seeds[j].label))
      return refuse (why, size, "'%s': seed line %zu has no label", s->title, j);
  if (s->n_refs > FIGURE_CONVERGE_MAX_REFS || (s->n_refs && !s->refs))
    return refuse (why, size, "'%s': %zu references (0 to %d)", s->title, s->n_refs,
                   FIGURE_CONVERGE_MAX_REFS);
  for (size_t j = 0; j < s->n_refs; j++)
    if (!is_label (s->refs[j].label))
      return refuse (why, size, "'%s': reference %zu has no label", s->title, j);
  if (!s->bracket_lo != !s->bracket_hi)
    return refuse (why, size, "'%s': a bracket needs both bounds", s->title);
  if (s->bracket_lo && !is_label (s->bracket_label))
    return refuse (why, size, "'%s': the bracket has no label", s->title);
  for (size_t i = 0; s->bracket_lo && i < s->n; i++)
    if (s->bracket_lo[i] > s->bracket_hi[i]
        || (s->log_y && !(s->bracket_lo[i] > 0)))
      return refuse (why, size, "'%s': bracket [%g, %g] at x = %g", s->title,
                     s->bracket_lo[i], s->bracket_hi[i], s->x[i]);
  if (!range_ok (s->xlo, s->xhi, s->log_x) || !range_ok (s->ylo, s->yhi, s->log_y))
    return refuse (why, size, "'%s': a range [lo:hi] needs lo < hi (> 0 on a log axis)", s->title);
  return 0;
}

/* ---- the data block ---- */

static void
put_value (sbuf * b, double v)
{
  if (isnan (v) || isinf (v))
    sbuf_append (b, " NaN");
  else
    sbuf_printf (b, " %.9g", v);
}

static double
at (const double *a, size_t i, double otherwise)
{
  return a ? a[i] : otherwise;
}

/* The band at x[i].  On a log y axis an edge at or below 0 cannot be
   drawn: it is drawn at a tenth of the estimate (the data header says so),
   as the claims drew it by hand. */
static double
series_z (const figure_converge_spec * s, const figure_converge_series * c)
{
  return c->z != 0 ? c->z : s->z;
}

static void
band (const figure_converge_spec * s, const figure_converge_series * c, size_t i,
      double *lo, double *hi)
{
  double m = c->estimate[i], se = at (c->se, i, 0), z = series_z (s, c);
  if (!isfinite (m))
    {
      *lo = *hi = NAN;
      return;
    }
  if (c->se_of_log)
    *lo = m * exp (-z * se), *hi = m * exp (z * se);
  else
    *lo = m - z * se, *hi = m + z * se;
  if (s->log_y && *lo <= 0)
    *lo = m / 10;
}

/* The column of series K's point labels: after the references, one
   column per series that has them. */
static size_t
label_column (const figure_converge_spec * s, size_t k)
{
  size_t col = 2 + COLS_PER_SERIES * s->n_series + s->n_seeds + 2 + s->n_refs;
  for (size_t j = 0; j < k; j++)
    col += s->series[j].point_label != NULL;
  return col;
}

static void
write_header (sbuf * fig, const figure_converge_spec * s, int block)
{
  /* blocks are two blank lines apart; the file does not start with them */
  sbuf_printf (fig, "%s# block %d: %s\n# column 1: %s\n", fig->len ? "\n\n" : "", block,
               s->title, s->xlabel);
  for (size_t k = 0; k < s->n_series; k++)
    {
      const figure_converge_series *c = &s->series[k];
      size_t b = 2 + COLS_PER_SERIES * k;
      sbuf_printf (fig, "# columns %zu-%zu: %s: estimate, band lo, band hi (%s %.6g SE%s),"
                   " closed form (%s), spread lo, spread hi%s%s\n",
                   b, b + COLS_PER_SERIES - 1, c->label, c->se_of_log ? "× e^±" : "±", series_z (s, c),
                   s->log_y ? "; a lower edge <= 0 drawn at estimate / 10" : "",
                   c->truth_label ? c->truth_label : "closed form",
                   c->spread_label ? " = " : "", c->spread_label ? c->spread_label : "");
    }
  size_t b = 2 + COLS_PER_SERIES * s->n_series;
  for (size_t j = 0; j < s->n_seeds; j++)
    sbuf_printf (fig, "# column %zu: seed line: %s\n", b + j, s->seeds[j].label);
  sbuf_printf (fig, "# columns %zu-%zu: bracket lo, hi%s%s\n", b + s->n_seeds,
               b + s->n_seeds + 1, s->bracket_label ? ": " : "",
               s->bracket_label ? s->bracket_label : " (none)");
  for (size_t j = 0; j < s->n_refs; j++)
    sbuf_printf (fig, "# column %zu: reference: %s\n", b + s->n_seeds + 2 + j, s->refs[j].label);
  for (size_t k = 0; k < s->n_series; k++)
    if (s->series[k].point_label)
      sbuf_printf (fig, "# column %zu: point labels: %s\n", label_column (s, k),
                   s->series[k].label);
}

static void
write_block (sbuf * fig, const figure_converge_spec * s, int block)
{
  write_header (fig, s, block);
  for (size_t i = 0; i < s->n; i++)
    {
      sbuf_printf (fig, "%.9g", s->x[i]);
      for (size_t k = 0; k < s->n_series; k++)
        {
          const figure_converge_series *c = &s->series[k];
          double lo, hi;
          band (s, c, i, &lo, &hi);
          put_value (fig, c->estimate[i]);
          put_value (fig, lo);
          put_value (fig, hi);
          put_value (fig, at (c->truth, i, c->truth_value));
          put_value (fig, at (c->spread_lo, i, NAN));
          put_value (fig, at (c->spread_hi, i, NAN));
        }
      for (size_t j = 0; j < s->n_seeds; j++)
        put_value (fig, at (s->seeds[j].value, i, s->seeds[j].constant));
      put_value (fig, at (s->bracket_lo, i, NAN));
      put_value (fig, at (s->bracket_hi, i, NAN));
      for (size_t j = 0; j < s->n_refs; j++)
        put_value (fig, at (s->refs[j].value, i, s->refs[j].constant));
      for (size_t k = 0; k < s->n_series; k++)
        if (s->series[k].point_label)
          sbuf_printf (fig, " \"%s\"", s->series[k].point_label[i]
                       ? s->series[k].point_label[i] : "");
      sbuf_append (fig, "\n");
    }
}

/* ---- the gnuplot commands ---- */

/* A log axis over more than four decades reads best as powers of ten; one
   over less than three gets tics at 1, 2 and 5 times the powers of ten
   (gnuplot would label only the powers, often one or two of them). */
static void
put_log_axis (sbuf * gp, char axis, double lo, double hi)
{
  sbuf_printf (gp, "set logscale %c\nset format %c %s\n", axis, axis,
               hi / lo >= 1e4 ? "'10^{%L}'" : "'%g'");
  if (!(lo > 0 && hi / lo < 1e3))
    return;
  sbuf_printf (gp, "set %ctics (", axis);
  int first = 1;
  for (double p = pow (10, floor (log10 (lo))); p <= hi; p *= 10)
    for (int m = 1; m <= 5; m += m == 1 ? 1 : 3)
      if (m * p >= lo * (1 - 1e-9) && m * p <= hi * (1 + 1e-9))
        {
          sbuf_printf (gp, "%s%.6g", first ? "" : ", ", m * p);
          first = 0;
        }
  sbuf_append (gp, ")\n");
}

/* Widen [*LO, *HI] to V, if V can be drawn (finite; > 0 on a log axis). */
static void
widen (double v, int log_axis, double *lo, double *hi)
{
  if (isfinite (v) && (!log_axis || v > 0))
    *lo = fmin (*lo, v), *hi = fmax (*hi, v);
}

/* The extent of everything drawn, for the tics of an automatic log y. */
static void
y_extent (const figure_converge_spec * s, double *lo, double *hi)
{
  *lo = INFINITY, *hi = -INFINITY;
  for (size_t i = 0; i < s->n; i++)
    {
      for (size_t k = 0; k < s->n_series; k++)
        {
          const figure_converge_series *c = &s->series[k];
          double b_lo, b_hi;
          band (s, c, i, &b_lo, &b_hi);
          widen (c->estimate[i], s->log_y, lo, hi);
          widen (at (c->truth, i, c->truth_value), s->log_y, lo, hi);
          widen (b_lo, s->log_y, lo, hi);
          widen (b_hi, s->log_y, lo, hi);
          widen (at (c->spread_lo, i, NAN), s->log_y, lo, hi);
          widen (at (c->spread_hi, i, NAN), s->log_y, lo, hi);
        }
      for (size_t j = 0; j < s->n_seeds; j++)
        widen (at (s->seeds[j].value, i, s->seeds[j].constant), s->log_y, lo, hi);
      for (size_t j = 0; j < s->n_refs; j++)
        widen (at (s->refs[j].value, i, s->refs[j].constant), s->log_y, lo, hi);
      widen (at (s->bracket_lo, i, NAN), s->log_y, lo, hi);
      widen (at (s->bracket_hi, i, NAN), s->log_y, lo, hi);
    }
}

/* One series, or several on the same constant: one black dashed line. */
static int
shared_constant_truth (const figure_converge_spec * s)
{
  for (size_t k = 0; k < s->n_series; k++)
    if (s->series[k].truth || s->series[k].truth_value != s->series[0].truth_value)
      return s->n_series == 1;
  return 1;
}

/* The key's entries: bounds, bands, closed forms, estimates, spreads,
   seed lines and references, as put_plot draws them. */
static int
count_entries (const figure_converge_spec * s)
{
  int n = (s->bracket_lo != NULL) + (int) s->n_seeds + (int) s->n_refs;
  n += shared_constant_truth (s) ? 1 : (int) s->n_series;
  for (size_t k = 0; k < s->n_series; k++)
    n += 1 + (s->series[k].se && !s->bars) + (s->series[k].spread_lo != NULL);
  return n;
}

static void
put_axes (sbuf * gp, const figure_converge_spec * s)
{
  sbuf_append (gp, "set title ");
  figure_gp_string (gp, s->title);
  sbuf_append (gp, "\nset xlabel ");
  figure_gp_string (gp, s->xlabel);
  sbuf_append (gp, "\nset ylabel ");
  figure_gp_string (gp, s->ylabel);
  sbuf_append (gp, "\nunset logscale\n");
  if (s->log_x)
    put_log_axis (gp, 'x', s->xlo < s->xhi ? s->xlo : s->x[0], s->xlo < s->xhi ? s->xhi : s->x[s->n - 1]);
  else
    sbuf_append (gp, "set format x '%g'\n");
  double ylo, yhi;
  y_extent (s, &ylo, &yhi);
  /* an automatic log range extends to whole decades: so do its tics */
  if (s->log_y && s->ylo < s->yhi)
    put_log_axis (gp, 'y', s->ylo, s->yhi);
  else if (s->log_y && ylo <= yhi)
    put_log_axis (gp, 'y', pow (10, floor (log10 (ylo))), pow (10, ceil (log10 (yhi))));
  else if (s->log_y)
    sbuf_append (gp, "set logscale y\nset format y '%g'\n");      /* nothing to draw */
  else
    sbuf_append (gp, "set format y '%g'\n");
  if (s->xlo < s->xhi)
    sbuf_printf (gp, "set xrange [%.9g:%.9g]\n", s->xlo, s->xhi);
  else
    sbuf_printf (gp, "set xrange [%.9g:%.9g]\n", s->x[0], s->x[s->n - 1]);
  if (s->ylo < s->yhi)
    sbuf_printf (gp, "set yrange [%.9g:%.9g]\n", s->ylo, s->yhi);
  else
    sbuf_append (gp, "set yrange [*:*]\n");
  /* The default key stands below the axes, one entry a row, and the
     bottom margin is made room for it: gnuplot's own margin for a key
     below lets it cover the x label in a multiplot. */
  sbuf_append (gp, FIGURE_STYLE_KEY);
  if (s->key)
    sbuf_printf (gp, "set key %s\n", s->key);
  else
    sbuf_printf (gp, "set key below center vertical maxcols 1\nset bmargin %.1f\n",
                 4.5 + 1.3 * (double) count_entries (s));
}

/* One plot element: the first names the data file, the rest reuse it. */
static void
put_item (sbuf * gp, int *first, int block, const char *using, const char *with,
          const char *title)
{
  sbuf_printf (gp, "%s%s index %d using %s with %s ", *first ? "plot " : ", \\\n     ",
               *first ? "datafile" : "''", block, using, with);
  if (title)
    {
      sbuf_append (gp, "title ");
      figure_gp_string (gp, title);
    }
  else
    sbuf_append (gp, "notitle");
  *first = 0;
}

static void
put_series_bands (sbuf * gp, const figure_converge_spec * s, int block, int *first)
{
  char using[64], with[64], title[300];
  for (size_t k = 0; k < s->n_series && !s->bars; k++)
    {
      const figure_converge_series *c = &s->series[k];
      size_t b = 2 + COLS_PER_SERIES * k;
      if (!c->se)
        continue;
      snprintf (using, sizeof using, "1:%zu:%zu", b + 1, b + 2);
      snprintf (with, sizeof with, "filledcurves ls %d", SERIES_LS[k]);
      snprintf (title, sizeof title, "%s%sband %s, z = %.3g", s->n_series > 1 ? c->label : "",
                s->n_series > 1 ? ": " : "", c->se_of_log ? "× e^{±z·SE}" : "± z·SE", series_z (s, c));
      put_item (gp, first, block, using, with, title);
    }
}

static void
put_series_lines (sbuf * gp, const figure_converge_spec * s, int block, int *first)
{
  char using[64], with[96], title[300];
  const char *mark = s->n <= FEW_POINTS ? "linespoints" : "lines";
  int one_truth = shared_constant_truth (s);
  for (size_t k = 0; k < (one_truth ? 1 : s->n_series); k++)
    {
      const figure_converge_series *c = &s->series[k];
      size_t b = 2 + COLS_PER_SERIES * k;
      snprintf (using, sizeof using, "1:%zu", b + 3);
      if (one_truth)
        snprintf (with, sizeof with, "lines ls 7");
      else
        snprintf (with, sizeof with, "lines ls %d dt 2 lw 1.6", SERIES_LS[k]);
      put_item (gp, first, block, using, with, c->truth_label ? c->truth_label : "closed form");
    }
  for (size_t k = 0; k < s->n_series; k++)
    {
      const figure_converge_series *c = &s->series[k];
      size_t b = 2 + COLS_PER_SERIES * k;
      if (s->bars && c->se)
        {
          snprintf (using, sizeof using, "1:%zu:%zu:%zu", b, b + 1, b + 2);
          snprintf (with, sizeof with, "yerrorbars ls %d", SERIES_LS[k]);
          snprintf (title, sizeof title, "%s %s (z = %.3g)", c->label,
                    c->se_of_log ? "× e^{±z·SE}" : "± z·SE", series_z (s, c));
          put_item (gp, first, block, using, with, title);
        }
      else
        {
          snprintf (using, sizeof using, "1:%zu", b);
          snprintf (with, sizeof with, "%s ls %d", s->bars ? "points" : mark, SERIES_LS[k]);
          put_item (gp, first, block, using, with, c->label);
        }
      if (c->spread_lo)
        {
          snprintf (using, sizeof using, "1:%zu:%zu:%zu", b, b + 4, b + 5);
          snprintf (with, sizeof with, "yerrorbars ls %d lw 1.2 pt 7 ps 0.5", SERIES_LS[k]);
          put_item (gp, first, block, using, with, c->spread_label);
        }
      if (c->point_label)
        {
          /* below and to the right: clear of a rising curve through the point */
          snprintf (using, sizeof using, "1:%zu:%zu", b, label_column (s, k));
          put_item (gp, first, block, using, "labels left offset 1,-0.8 font ',11'", NULL);
        }
    }
}

static void
put_plot (sbuf * gp, const figure_converge_spec * s, int block)
{
  char using[64], with[96];
  int first = 1;
  size_t b = 2 + COLS_PER_SERIES * s->n_series;
  if (s->bracket_lo)
    {
      snprintf (using, sizeof using, "1:%zu:%zu", b + s->n_seeds, b + s->n_seeds + 1);
      put_item (gp, &first, block, using, "filledcurves fc rgb '#999999' fs transparent solid 0.35 noborder", s->bracket_label);
    }
  put_series_bands (gp, s, block, &first);
  static const char *const REF_DASH[FIGURE_CONVERGE_MAX_REFS] = { "3", "2", "4" };
  for (size_t j = 0; j < s->n_refs; j++)
    {
      snprintf (using, sizeof using, "1:%zu", b + s->n_seeds + 2 + j);
      snprintf (with, sizeof with, "lines ls 8 dt %s lw 1.6", REF_DASH[j]);
      put_item (gp, &first, block, using, with, s->refs[j].label);
    }
  put_series_lines (gp, s, block, &first);
  static const char *const DASH[FIGURE_CONVERGE_MAX_SEEDS] = { "4", "5", "3" };
  for (size_t j = 0; j < s->n_seeds; j++)
    {
      snprintf (using, sizeof using, "1:%zu", b + j);
      snprintf (with, sizeof with, "%s ls 2 dt %s lw 2.4%s", s->n <= FEW_POINTS ? "linespoints" : "lines",
                DASH[j], s->n <= FEW_POINTS ? " pt 4 ps 1.1" : "");
      put_item (gp, &first, block, using, with, s->seeds[j].label);
    }
  sbuf_append (gp, "\n");
}

double
figure_converge_z (const harness * h, const char *id)
{
  for (size_t i = 0; i < h->c->n_checks; i++)
    if (strcmp (h->c->checks[i].id, id) == 0)
      {
        /* the rule of harness.c's decide_result: CHECK_ALPHA split among the
           points (Bonferroni), whether or not the deciding point had an SE
           (a mutant's can have none: its figure is still drawn) */
        const check_result *r = &h->results[i];
        if (!r->evaluated)
          die_internal ("figure_converge_z: check %s is not closed yet", id);
        double n = r->n_points ? (double) r->n_points : 1.0;
        return check_critical_value (r->spec->rel, CHECK_ALPHA / n);
      }
  die_internal ("figure_converge_z: no check %s", id);
}

void
figure_converge (harness * h, int *block, const figure_converge_spec * s)
{
  char why[300];
  if (figure_converge_validate (s, why, sizeof why))
    die_internal ("figure_converge: %s", why);
  write_block (harness_figure_data (h), s, *block);
  sbuf *gp = harness_figure_script (h);
  put_axes (gp, s);
  put_plot (gp, s, *block);
  /* the claim's next panel starts from the style's axes and key */
  sbuf_append (gp, "unset logscale\nset format x '%g'\nset format y '%g'\n"
               "set xtics autofreq\nset ytics autofreq\n"
               "set xrange [*:*]\nset yrange [*:*]\n" FIGURE_STYLE_KEY);
  if (!s->key)
    sbuf_append (gp, "set bmargin -1\n");
  (*block)++;
}
