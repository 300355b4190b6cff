/* report.c -- the per-problem markdown report (see report.h). */
#include "report.h"
#include "atomic_file.h"
#include "figure.h"

#include <gsl/gsl_version.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------------
 * Small formatting helpers
 * ---------------------------------------------------------------------- */

static void
put_num (sbuf * b, double x)
{
  if (isnan (x))
    sbuf_append (b, "NaN");
  else if (isinf (x))
    sbuf_append (b, x > 0 ? "+inf" : "-inf");
  else
    sbuf_printf (b, "%.8g", x);
}

static void
put_err (sbuf * b, double x)
{
  if (isnan (x) || isinf (x))
    put_num (b, x);
  else
    sbuf_printf (b, "%.2g", x);
}

/* Text in a markdown table cell: a '|' would end the cell. */
static void
put_cell (sbuf * b, const char *text)
{
  for (const char *p = text; *p; p++)
    {
      char c[2] = { *p, 0 };
      sbuf_append (b, *p == '|' ? "\\|" : c);
    }
}

static const char *
kind_name (est_kind k)
{
  switch (k)
    {
    case EST_EXACT:
      return "closed form";
    case EST_MC:
      return "Monte Carlo";
    case EST_QUAD:
      return "quadrature";
    case EST_OPT:
      return "optimiser";
    case EST_NUMERIC:
      return "numerical approximation";
    }
  return "?";
}

static void
put_estimate (sbuf * b, estimate e)
{
  put_num (b, e.value);
  sbuf_append (b, e.kind == EST_MC ? " ± " : " (±");
  put_err (b, e.err);
  sbuf_printf (b, e.kind == EST_MC ? " SE, %s" : ", %s)", kind_name (e.kind));
}

static const char *
outcome_word (const check_result * r)
{
  if (!r->evaluated)
    return "**not evaluated**";
  if (r->spec->expect == EXPECT_HOLDS)
    return r->held ? "holds" : "**FAILS (unexpected)**";
  return r->held ? "**holds (finding expected)**" : "does not hold (finding)";
}

static void
put_rule (sbuf * b, const check_result * r)
{
  const char *lhs = r->spec->rel == REL_LE ? "z" :
    r->spec->rel == REL_GE ? "-z" : "|z|";
  if (r->stat_is_z)
    sbuf_printf (b, "%s %s %.2f (α = %.1e)", lhs,
                 r->spec->rel == REL_NE ? ">" : "≤", r->crit, r->alpha);
  else
    sbuf_printf (b, "|Δ| %s bound", r->spec->rel == REL_NE ? ">" : "≤");
}

/* ----------------------------------------------------------------------
 * Sections
 * ---------------------------------------------------------------------- */

static void
section_header (sbuf * b, const harness * h)
{
  const claim *c = h->c;
  sbuf_printf (b, "# %s (`%s`)\n\n", c->title, c->slug);
  sbuf_printf (b, "**Claim.** %s\n\n", c->claim);
  sbuf_printf (b, "**Sources.** %s\n\n", c->sources);
}

static void
section_verdict (sbuf * b, const harness * h)
{
  int n = (int) h->c->n_checks, ok = 0, found = 0, holds = 0;
  for (int i = 0; i < n; i++)
    {
      const check_result *r = &h->results[i];
      ok += check_as_expected (r);
      found += r->evaluated && r->spec->expect == EXPECT_SEED_ERROR
        && !r->held;
      holds += r->evaluated && r->held && r->spec->expect == EXPECT_HOLDS;
    }
  sbuf_printf (b, "## Verdict\n\n%d of %d checks came out as expected: %d"
               " relations hold, %d seed line(s) do not hold (see Findings)."
               "%s\n\n", ok, n, holds, found,
               ok == n ? "" : " **Some checks did not come out as expected:"
               " see the table.**");
}

static void
section_table (sbuf * b, const harness * h)
{
  sbuf_append (b, "## Checks\n\n"
               "| # | check | source | relation | observed | reference |"
               " statistic | rule | detectable | points failing | outcome |\n"
               "|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < h->c->n_checks; i++)
    {
      const check_result *r = &h->results[i];
      sbuf_printf (b, "| %zu | `%s` | ", i + 1, r->spec->id);
      put_cell (b, r->spec->source);
      sbuf_printf (b, " | obs %s ref | ", relation_symbol (r->spec->rel));
      if (r->evaluated)
        {
          put_estimate (b, r->obs);
          sbuf_append (b, " | ");
          put_estimate (b, r->ref);
          sbuf_printf (b, " | %s = ", r->stat_is_z ? "z" : "|Δ|/bound");
          put_err (b, r->statistic);
          sbuf_append (b, " | ");
          put_rule (b, r);
          sbuf_append (b, " | ");
          put_err (b, r->detectable);
          sbuf_printf (b, " | %zu of %zu", r->n_failed, r->n_points);
        }
      else
        sbuf_append (b, " | | | | | ");
      sbuf_printf (b, " | %s |\n", outcome_word (r));
    }
  sbuf_append (b, "\nWhat each check says and the conditions it ran"
               " under:\n\n");
  for (size_t i = 0; i < h->c->n_checks; i++)
    {
      const check_result *r = &h->results[i];
      sbuf_printf (b, "%zu. `%s`: %s", i + 1, r->spec->id,
                   r->spec->statement);
      if (r->note[0])
        sbuf_printf (b, " *(%s)*", r->note);
      sbuf_append (b, "\n");
    }
  sbuf_append (b, "\n");
}

static void
put_finding (sbuf * b, const check_result * r, int k)
{
  sbuf_printf (b, "<a id=\"finding-%s\"></a>\n### F%d. %s: `%s`\n\n", r->spec->id,
               k, r->spec->source, r->spec->id);
  sbuf_printf (b, "- **As written:** %s\n", r->spec->statement);
  sbuf_printf (b, "- **Evidence:** the relation (observed %s reference)"
               " fails at %zu of %zu point(s). At the deciding point the"
               " line gives ", relation_symbol (r->spec->rel), r->n_failed,
               r->n_points);
  put_estimate (b, r->obs);
  sbuf_append (b, " against ");
  put_estimate (b, r->ref);
  sbuf_append (b, "; discrepancy ");
  put_num (b, r->diff);
  sbuf_printf (b, " (%s = ", r->stat_is_z ? "z" : "|Δ|/bound");
  put_err (b, r->statistic);
  sbuf_append (b, "). Largest discrepancy over the points: ");
  put_err (b, r->max_abs_diff);
  sbuf_append (b, " absolute, ");
  put_err (b, r->max_rel_diff);
  sbuf_append (b, " relative.\n");
  if (r->spec->correction)
    sbuf_printf (b, "- **Correct:** %s\n", r->spec->correction);
  sbuf_append (b, "\n");
}

static void
section_findings (sbuf * b, const harness * h)
{
  sbuf_append (b, "## Findings\n\n");
  int k = 0;
  for (size_t i = 0; i < h->c->n_checks; i++)
    {
      const check_result *r = &h->results[i];
      if (r->evaluated && r->spec->expect == EXPECT_SEED_ERROR && !r->held)
        put_finding (b, r, ++k);
    }
  if (!k)
    sbuf_append (b, "No seed line was found wrong.\n\n");
  for (size_t i = 0; i < h->c->n_checks; i++)
    if (!check_as_expected (&h->results[i]))
      sbuf_printf (b, "- **Unexpected:** `%s` (%s) did not come out as the"
                   " repository expects.\n", h->results[i].spec->id,
                   h->results[i].spec->source);
}

/* Seed files are named by a three-digit prefix at the start of a source. */
static int
seed_of (const char *source, char out[4])
{
  if (strlen (source) < 4 || source[3] != ' ')
    return 0;
  for (int i = 0; i < 3; i++)
    if (source[i] < '0' || source[i] > '9')
      return 0;
  memcpy (out, source, 3);
  out[3] = 0;
  return 1;
}

static void
section_seed_lines (sbuf * b, const harness * h)
{
  sbuf_append (b, "## Seed lines\n\n");
  for (int seed = 0; seed < 1000; seed++)
    {
      int header = 0;
      for (size_t i = 0; i < h->c->n_checks; i++)
        {
          const check_result *r = &h->results[i];
          char s[4];
          if (!seed_of (r->spec->source, s) || atoi (s) != seed)
            continue;
          if (!header)
            sbuf_printf (b, "Seed %s:\n\n", s);
          header = 1;
          sbuf_printf (b, "- %s (`%s`): %s\n", r->spec->source, r->spec->id,
                       !r->evaluated ? "not evaluated" :
                       r->held ? "holds" : "**does not hold**");
        }
      if (header)
        sbuf_append (b, "\n");
    }
}

static void
section_rules (sbuf * b)
{
  sbuf_printf (b, "## How the checks decide\n\n"
               "Each comparison has a random part (Monte Carlo standard"
               " errors, combined in quadrature: `se`) and a deterministic"
               " part (quadrature error estimates, optimiser tolerances and"
               " rounding bounds of closed forms, added: `bound`)."
               " An equality holds when |Δ| ≤ z·se + bound, an inequality"
               " when its violation is at most z·se + bound, where z is the"
               " normal critical value for a false-alarm probability"
               " α = %.0e per check (two-sided for =, one-sided for ≤ and"
               " ≥), split evenly over the points of a check (Bonferroni)."
               " A purely deterministic comparison has no false alarms."
               " *Detectable* is the smallest discrepancy the check finds"
               " with 90%% probability: (z + 1.28)·se + bound.\n\n",
               CHECK_ALPHA);
}

static void
read_gnuplot_version (char *out, size_t n)
{
  char cmd[512];
  snprintf (cmd, sizeof cmd, "%s --version 2>/dev/null", figure_gnuplot ());
  snprintf (out, n, "unknown");
  FILE *p = popen (cmd, "r");
  if (!p)
    return;
  if (fgets (out, (int) n, p))
    out[strcspn (out, "\n")] = 0;
  pclose (p);
}

static void
section_reproduce (sbuf * b, const harness * h)
{
  const claim *c = h->c;
  char gp[256];
  read_gnuplot_version (gp, sizeof gp);
  sbuf_printf (b, "## Figure\n\n![%s](../figures/%s.svg)\n\n%s\n\n",
               c->title, c->slug, c->figure_caption);
  sbuf_printf (b, "## Reproduce\n\n```\nmake check PROBLEM=%s SEED=%lu\n"
               "build/bin/%s --seed %lu --samples %ld", c->slug,
               h->opt.seed, c->slug, h->opt.seed, h->opt.samples);
  for (size_t i = 0; i < c->n_params; i++)
    if (h->opt.param_values[i] != c->params[i].def)
      sbuf_printf (b, " --set %s=%.17g", c->params[i].name,
                   h->opt.param_values[i]);
  if (h->opt.mutant)
    sbuf_printf (b, " --mutant %s", h->opt.mutant);
  sbuf_append (b, "\n```\n\n");
  sbuf_printf (b, "## Environment\n\n"
               "- seed: %lu (generator %s)\n- base sample size: %ld%s\n",
               h->opt.seed, gsl_rng_name (h->rng), h->opt.samples,
               h->opt.quick ? " (quick)" : "");
  for (size_t i = 0; i < c->n_params; i++)
    sbuf_printf (b, "- %s = %g\n", c->params[i].name,
                 h->opt.param_values[i]);
  sbuf_printf (b, "- GSL %s; %s; compiler %s\n", gsl_version, gp,
#ifdef __VERSION__
               "gcc-compatible " __VERSION__
#else
               "unknown"
#endif
    );
  if (h->opt.mutant)
    sbuf_printf (b, "- **mutant switched on: %s** (a negative control;"
                 " this report is not the claim's)\n", h->opt.mutant);
}

void
report_write (const harness * h)
{
  sbuf b;
  sbuf_init (&b);
  section_header (&b, h);
  section_verdict (&b, h);
  section_findings (&b, h);
  sbuf_append (&b, "\n");
  section_seed_lines (&b, h);
  section_table (&b, h);
  if (h->notes.len)
    sbuf_printf (&b, "## Notes\n\n%s\n", sbuf_str (&h->notes));
  section_rules (&b);
  section_reproduce (&b, h);
  char path[4200];
  snprintf (path, sizeof path, "%s/reports/%s.md", h->opt.outdir,
            h->c->slug);
  atomic_file_fill (atomic_file_begin (path), b.data, b.len);
  sbuf_free (&b);             /* committed by harness_end */
}

void
report_print_index_lines (const harness * h, int as_expected, int findings)
{
  const claim *c = h->c;
  printf ("# index\t%s\t%s\t%s\t%d/%zu\t%d\n", c->slug, c->title, c->sources,
          as_expected, c->n_checks, findings);
  for (size_t i = 0; i < c->n_checks; i++)
    {
      const check_result *r = &h->results[i];
      char s[4];
      if (!seed_of (r->spec->source, s))
        continue;
      printf ("# seedline\t%s\t%s\t%s\t%s\t%s\n", s, r->spec->source,
              !r->evaluated ? "not evaluated" : r->held ? "holds"
              : "does not hold", c->slug, r->spec->id);
    }
}
