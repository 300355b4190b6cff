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

/* A value for a counterexample: the number, and its SE when random. */
static void
put_estimate_short (sbuf * b, estimate e)
{
  put_num (b, e.value);
  /* an SE at rounding level (an integrand constant in the draws) is noise */
  if (e.kind == EST_MC && e.err > 1e-12 * fmax (1.0, fabs (e.value)))
    {
      sbuf_append (b, " ± ");
      put_err (b, e.err);
      sbuf_append (b, " SE");
    }
}

static const char *
outcome_word (const check_result * r)
{
  if (!r->evaluated)
    return "**not evaluated**";
  if (r->inconclusive)
    return r->spec->expect == EXPECT_INCONCLUSIVE ? "inconclusive"
      : "**inconclusive (unexpected)**";
  if (r->spec->expect == EXPECT_INCONCLUSIVE)
    return r->held ? "**holds (inconclusive expected)**"
      : "**FAILS (inconclusive expected)**";
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
 * Derivation lines
 * ---------------------------------------------------------------------- */

static size_t
derivation_line_total (const harness * h)
{
  size_t n = 0;
  for (size_t d = 0; d < h->c->n_derivations; d++)
    if (h->dres[d].dv)
      n += h->dres[d].dv->n_lines;
  return n;
}

/* Line I over all derivations that ran, in declaration order. */
static const line_result *
derivation_line_at (const harness * h, size_t i)
{
  for (size_t d = 0; d < h->c->n_derivations; d++)
    {
      if (!h->dres[d].dv)
        continue;
      if (i < h->dres[d].dv->n_lines)
        return &h->dres[d].lines[i];
      i -= h->dres[d].dv->n_lines;
    }
  die_internal ("derivation line %zu out of range", i);
}

static const char *
verdict_key (verdict_kind v)
{
  switch (v)
    {
    case V_HOLDS:
      return "holds";
    case V_CARRIES:
      return "carried";
    case V_SLIP:
      return "slip";
    case V_ERROR:
      return "error";
    case V_NO_ANSWER:
      return "no-answer";
    case V_NOT_CHECKABLE:
      return "not-checkable";
    case V_INCONCLUSIVE:
      return "inconclusive";
    }
  return "?";
}

/* The verdict in the one vocabulary; BOLD marks findings for markdown. */
static void
put_verdict (sbuf * b, const line_result * r, int bold)
{
  const derivation_line *l = r->line;
  const char *em = bold && verdict_is_finding (r->verdict) ? "**" : "";
  switch (r->verdict)
    {
    case V_CARRIES:
      sbuf_printf (b, "%sholds as a step, carries the error of %s%s", em,
                   r->carried, em);
      break;
    case V_SLIP:
      sbuf_printf (b, "%sslip%s (reading “%s” holds)", em, em,
                   l->readings[r->reading].name);
      if (r->carried[0])
        sbuf_printf (b, "; read so, %sit holds as a step and carries the error of %s%s",
                     em, r->carried, em);
      break;
    case V_HOLDS:
      sbuf_append (b, "holds");
      if (r->reading >= 0)
        sbuf_printf (b, " (reading “%s”)", l->readings[r->reading].name);
      break;
    case V_NO_ANSWER:
    case V_NOT_CHECKABLE:
      sbuf_printf (b, "%s%s%s", verdict_name (r->verdict), l->why ? ": " : "",
                   l->why ? l->why : "");
      break;
    case V_INCONCLUSIVE:
      sbuf_printf (b, "%sinconclusive%s: %s", em, em,
                   r->step.inconclusive ? r->step.why : r->statement.why);
      break;
    default:
      sbuf_printf (b, "%s%s%s", em, verdict_name (r->verdict), em);
    }
  if (!derivation_line_expected (r) && bold)
    sbuf_printf (b, " **(UNEXPECTED: expected %s)**", verdict_name (l->expect));
}

static void
put_compare_cell (sbuf * b, const line_compare * c, const char *yes,
                  const char *no)
{
  if (!c->evaluated)
    {
      sbuf_append (b, "—");
      return;
    }
  if (c->held)
    sbuf_printf (b, "%s (%zu point%s)", yes, c->n_points,
                 c->n_points == 1 ? "" : "s");
  else
    sbuf_printf (b, "%s at %zu of %zu", no, c->n_failed, c->n_points);
  if (c->pointwise)
    sbuf_append (b, ", for every draw");
}

/* The coarser of a line's two Monte Carlo resolutions, or NULL. */
static const line_compare *
coarser_resolution (const line_result * r)
{
  double s = derivation_detectable_rel (&r->step);
  double t = derivation_detectable_rel (&r->statement);
  if (isnan (s) && isnan (t))
    return NULL;
  return isnan (t) || (!isnan (s) && s > t) ? &r->step : &r->statement;
}

/* "4.7e-04 (262144 RQMC draws)", and above TARGET what would reach it:
   the draws scaled by the squared ratio (the Monte Carlo rate; RQMC's
   error falls faster, so for it an upper estimate). */
static void
put_resolution_cell (sbuf * b, const line_result * r, double target)
{
  const line_compare *c = coarser_resolution (r);
  if (!c)
    {
      sbuf_append (b, "—");
      return;
    }
  double rel = derivation_detectable_rel (c);
  double n = (double) c->resolution_draws;
  sbuf_printf (b, "%.1e (%ld %s draws%s", rel, c->resolution_draws,
               c->resolution_quasi ? "RQMC" : "MC",
               c->resolution_quasi == 2 ? " with Hermite control variates" : "");
  if (c->resolution_sized)
    sbuf_append (b, c->resolution_sized == 1 ? ", sized by a pilot"
                 : ", the cap: its pilot asked for more");
  if (rel > target)
    sbuf_printf (b, "; 1e%d needs about %.1e", (int) lround (log10 (target)),
                 n * (rel / target) * (rel / target));
  sbuf_append (b, ")");
}

static int
any_resolution (const derivation_result * dr)
{
  for (size_t i = 0; i < dr->dv->n_lines; i++)
    if (coarser_resolution (&dr->lines[i]))
      return 1;
  return 0;
}

static void
put_resolution_note (sbuf * b, const harness * h)
{
  sbuf_printf (b, "Resolution: the smallest relative error of the line that its"
               " Monte Carlo comparison (the coarser of step and statement, an"
               " equality whose reference is above %g in size) detects with 90%%"
               " probability, (critical value + 1.28) · SE + bound over the"
               " reference, at the coarsest of its points, with the draws there.  The target is"
               " 1e%d; a line above it names the draws that would reach it, which"
               " the claim's sample size (--samples, the cap) does not give"
               " within make check's time budget.", DERIVATION_REL_FLOOR,
               (int) lround (log10 (derivation_resolution_target (h))));
  sbuf_append (b, "  *Sized by a pilot*: the point took the draws that an"
               " independent run at the smallest size says the target needs"
               " (its standard error scaled at the Monte Carlo rate, with a"
               " factor 2 to spare), at least that run's draws and at most"
               " the cap; *the cap* marks a line whose pilot asked for more.");
  sbuf_append (b, "\n\n");
}

static void
section_derivations (sbuf * b, const harness * h)
{
  int noted = 0;                /* the resolution column explained once */
  for (size_t d = 0; d < h->c->n_derivations; d++)
    {
      const derivation_result *dr = &h->dres[d];
      if (!dr->dv)
        continue;
      const derivation *dv = dr->dv;
      sbuf_printf (b, "## Derivation: %s\n\n", dv->title);
      sbuf_printf (b, "Points (%s): %s. %zu points for closed-form lines; %zu"
                   " of them run the sampler, %ld draws each, for lines with"
                   " an expectation.", dv->points->name,
                   dv->points->description, dr->n_points, dr->n_mc_points,
                   dr->draws);
      if (dv->n_truths)
        {
          sbuf_append (b, " Ground truth:");
          for (size_t t = 0; t < dv->n_truths; t++)
            sbuf_printf (b, "%s %s", t ? ";" : "", dv->truths[t].text);
          sbuf_append (b, ".");
        }
      if (dv->finite_variance_why)
        sbuf_printf (b, " The tail diagnostic is not consulted: %s.",
                     dv->finite_variance_why);
      int res = any_resolution (dr);
      sbuf_printf (b, "\n\n| # | source | as written | step | statement |"
                   " verdict |%s\n|---|---|---|---|---|---|%s\n",
                   res ? " resolution |" : "", res ? "---|" : "");
      for (size_t i = 0; i < dv->n_lines; i++)
        {
          const line_result *r = &dr->lines[i];
          sbuf_printf (b, "| %zu | ", i + 1);
          put_cell (b, r->line->source);
          sbuf_append (b, " | ");
          put_cell (b, r->line->text);
          sbuf_append (b, " | ");
          put_compare_cell (b, &r->step, "follows", "fails");
          sbuf_append (b, " | ");
          put_compare_cell (b, &r->statement, "true", "false");
          sbuf_append (b, " | ");
          sbuf v;
          sbuf_init (&v);
          put_verdict (&v, r, 1);
          put_cell (b, sbuf_str (&v));
          sbuf_free (&v);
          if (res)
            {
              sbuf_append (b, " | ");
              put_resolution_cell (b, r, derivation_resolution_target (h));
            }
          sbuf_append (b, " |\n");
        }
      sbuf_append (b, "\n");
      if (res && !noted++)
        put_resolution_note (b, h);
    }
}

static void
put_evidence (sbuf * b, const char *what, const line_compare * c)
{
  if (c->held)
    sbuf_printf (b, "%s holds at all %zu point(s)", what, c->n_points);
  else
    sbuf_printf (b, "%s fails at %zu of %zu point(s)", what, c->n_failed,
                 c->n_points);
  if (!c->held)
    {
      sbuf_append (b, " (largest miss: ");
      put_num (b, c->diff);
      sbuf_printf (b, ", %s = ", c->stat_is_z ? "z" : "|Δ|/bound");
      put_err (b, c->statistic);
      sbuf_append (b, ")");
    }
}

static void
put_line_finding (sbuf * b, const line_result * r, int k)
{
  const derivation_line *l = r->line;
  sbuf_printf (b, "<a id=\"finding-%s\"></a>\n### F%d. %s: %s\n\n", l->id, k,
               l->source, verdict_key (r->verdict));
  sbuf_printf (b, "- **As written:** %s\n- **Verdict:** ", l->text);
  put_verdict (b, r, 0);
  sbuf_append (b, ". ");
  if (r->verdict == V_CARRIES)
    {
      put_evidence (b, "The step", &r->step);
      sbuf_append (b, "; ");
      put_evidence (b, "the statement", &r->statement);
    }
  else if (r->verdict == V_SLIP)
    {
      put_evidence (b, "As written, the line", &r->literal_step);
      sbuf_printf (b, "; read as “%s” (%s) it holds",
                   l->readings[r->reading].name,
                   l->readings[r->reading].reason);
    }
  else
    {
      put_evidence (b, r->step.evaluated ? "The step" : "The statement",
                    r->step.evaluated ? &r->step : &r->statement);
      int nr = 0;
      while (nr < LINE_READINGS_MAX && l->readings[nr].name)
        nr++;
      if (nr)
        {
          sbuf_append (b, "; no reading holds either (tried:");
          for (int i = 0; i < nr; i++)
            sbuf_printf (b, "%s “%s”", i ? "," : "", l->readings[i].name);
          sbuf_append (b, ")");
        }
    }
  sbuf_append (b, ".\n");
  if (r->has_counterexample)
    {
      sbuf_printf (b, "- **Counterexample:** `%s`: %s %s ", r->cx_point,
                   l->source, r->verdict == V_SLIP ? "as written gives"
                   : "gives");
      put_estimate_short (b, r->cx_line);
      if (r->cx_ref_is_step)
        {
          sbuf_append (b, ", the line it comes from gives ");
          put_estimate_short (b, r->cx_ref);
        }
      sbuf_append (b, r->cx_truth_rel == REL_GE ? ", and it must be at least "
                   : r->cx_truth_rel == REL_LE ? ", and it must be at most "
                   : ", the true value is ");
      put_estimate_short (b, r->cx_truth);
      sbuf_append (b, "; difference ");
      put_num (b, r->cx_line.value - (r->cx_ref_is_step ? r->cx_ref.value
                                      : r->cx_truth.value));
      sbuf_printf (b, " (shrunk in %zu step%s).\n", r->cx_steps,
                   r->cx_steps == 1 ? "" : "s");
    }
  if (l->correction)
    sbuf_printf (b, "- **Correct:** %s\n", l->correction);
  sbuf_append (b, "\n");
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
      found += check_found_seed_error (r);
      holds += r->evaluated && r->held && r->spec->expect == EXPECT_HOLDS;
    }
  /* The harness's own lines (source "harness") are not the seed's: they
     are counted apart, so "Seed lines" counts only what a student wrote. */
  int counts[V_INCONCLUSIVE + 1] = { 0 }, own[V_INCONCLUSIVE + 1] = { 0 };
  int nl = (int) derivation_line_total (h), n_seed = 0;
  for (int i = 0; i < nl; i++)
    {
      const line_result *r = derivation_line_at (h, i);
      int mine = check_source_is_harness (r->line->source);
      (mine ? own : counts)[r->verdict]++;
      n_seed += !mine;
      ok += derivation_line_expected (r);
    }
  sbuf_printf (b, "## Verdict\n\n");
  if (n_seed)
    sbuf_printf (b, "Seed lines: %d hold, %d error(s), %d slip(s), %d carry an"
                 " earlier error, %d with no answer in the seed, %d not"
                 " checkable numerically, %d inconclusive. ",
                 counts[V_HOLDS], counts[V_ERROR], counts[V_SLIP],
                 counts[V_CARRIES], counts[V_NO_ANSWER],
                 counts[V_NOT_CHECKABLE], counts[V_INCONCLUSIVE]);
  if (nl > n_seed)
    sbuf_printf (b, "The harness's own lines: %d hold, %d do not, %d"
                 " inconclusive. ", own[V_HOLDS],
                 own[V_ERROR] + own[V_SLIP] + own[V_CARRIES], own[V_INCONCLUSIVE]);
  if (n)
    sbuf_printf (b, "Harness checks: %d relations hold, %d seed line(s) do not"
                 " hold. ", holds, found);
  sbuf_printf (b, "%d of %d verdicts came out as the repository expects.%s\n\n",
               ok, n + nl, ok == n + nl ? "" : " **Some did not: see the"
               " tables.**");
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
      if (r->inconclusive)
        sbuf_append (b, " | | | | | ");
      else if (r->evaluated)
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
      if (r->inconclusive)
        sbuf_printf (b, " *(inconclusive: %s)*", r->note);
      else if (r->note[0])
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
  /* a harness check of a seed statement runs at one point, which its
     note states in full: that point is the counterexample (nothing to
     shrink) */
  if (r->n_points == 1 && r->note[0])
    sbuf_printf (b, "- **Counterexample** (the one point it is checked at, as its"
                 " note states it): %s.\n", r->note);
  if (r->spec->correction)
    sbuf_printf (b, "- **Correct:** %s\n", r->spec->correction);
  sbuf_append (b, "\n");
}

static void
section_findings (sbuf * b, const harness * h)
{
  sbuf_append (b, "## Findings\n\n");
  int k = 0;
  for (size_t i = 0; i < derivation_line_total (h); i++)
    {
      const line_result *r = derivation_line_at (h, i);
      if (verdict_is_finding (r->verdict))
        put_line_finding (b, r, ++k);
    }
  for (size_t i = 0; i < h->c->n_checks; i++)
    {
      const check_result *r = &h->results[i];
      if (check_found_seed_error (r))
        put_finding (b, r, ++k);
    }
  if (!k)
    sbuf_append (b, "No seed line was found wrong.\n\n");
  for (size_t i = 0; i < derivation_line_total (h); i++)
    if (!derivation_line_expected (derivation_line_at (h, i)))
      sbuf_printf (b, "- **Unexpected:** `%s` (%s) did not come out as the"
                   " repository expects.\n", derivation_line_at (h, i)->line->id,
                   derivation_line_at (h, i)->line->source);
  for (size_t i = 0; i < h->c->n_checks; i++)
    if (!check_as_expected (&h->results[i]))
      sbuf_printf (b, "- **Unexpected:** `%s` (%s) did not come out as the"
                   " repository expects.\n", h->results[i].spec->id,
                   h->results[i].spec->source);
}

/* The document a source names: its first word ("004" in "004 eq. (1.2)",
   or a teaching assistant's own file name); "harness" names none. */
static int
seed_of (const char *source, char out[64])
{
  size_t n = strcspn (source, " ");
  if (n == 0 || n >= 64 || check_source_is_harness (source))
    return 0;
  memcpy (out, source, n);
  out[n] = 0;
  return 1;
}

/* The documents the claim's sources name, in order of first mention. */
static size_t
claim_documents (const harness * h, char docs[][64], size_t max)
{
  size_t n = 0;
  char s[64];
  for (size_t i = 0; i < h->c->n_checks + derivation_line_total (h); i++)
    {
      const char *src = i < h->c->n_checks ? h->c->checks[i].source
        : derivation_line_at (h, i - h->c->n_checks)->line->source;
      if (!seed_of (src, s))
        continue;
      size_t j = 0;
      while (j < n && strcmp (docs[j], s) != 0)
        j++;
      if (j == n && n < max)
        memcpy (docs[n++], s, 64);
    }
  return n;
}

/* The indices of DOC's derivation lines into ORDER, in the document's
   order (their line numbers; a line without one keeps its place after
   the line before it: the sort is stable), as the index lists them: a
   claim's derivations need not follow the document (reparameterization's
   laws are a derivation of their own).  Returns how many. */
static size_t
seed_lines_in_order (const harness * h, const char *doc, size_t *order)
{
  size_t m = 0;
  char s[64];
  for (size_t i = 0; i < derivation_line_total (h); i++)
    {
      const derivation_line *l = derivation_line_at (h, i)->line;
      if (!seed_of (l->source, s) || strcmp (s, doc) != 0)
        continue;
      size_t j = m++;
      while (j > 0 && l->at && derivation_line_at (h, order[j - 1])->line->at > l->at)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = i;
    }
  return m;
}

static void
section_seed_lines (sbuf * b, const harness * h)
{
  sbuf_append (b, "## Seed lines\n\n");
  char docs[32][64];
  size_t nd = claim_documents (h, docs, 32);
  if (nd == 0)
    sbuf_append (b, "None: this claim checks only the harness's own lines"
                 " (see Sources).\n\n");
  for (size_t k = 0; k < nd; k++)
    {
      sbuf_printf (b, "Seed %s:\n\n", docs[k]);
      char s[64];
      size_t n = derivation_line_total (h), *order = xmalloc ((n + 1) * sizeof *order);
      size_t m = seed_lines_in_order (h, docs[k], order);
      for (size_t j = 0; j < m; j++)
        {
          const line_result *r = derivation_line_at (h, order[j]);
          sbuf_printf (b, "- %s (`%s`): ", r->line->source, r->line->id);
          put_verdict (b, r, 1);
          sbuf_append (b, "\n");
        }
      free (order);
      for (size_t i = 0; i < h->c->n_checks; i++)
        {
          const check_result *r = &h->results[i];
          if (!seed_of (r->spec->source, s) || strcmp (s, docs[k]) != 0)
            continue;
          sbuf_printf (b, "- %s (`%s`): %s\n", r->spec->source, r->spec->id,
                       !r->evaluated ? "not evaluated" : r->inconclusive
                       ? "inconclusive" : r->held ? "holds" : "**does not hold**");
        }
      sbuf_append (b, "\n");
    }
}

static void
section_rules (sbuf * b, const harness * h)
{
  if (h->c->n_derivations)
    sbuf_append (b, "## How the verdicts are reached\n\n"
                 "A derivation is a chain. Each line gets two verdicts: its"
                 " *step* (does it follow from the line it comes from? lines"
                 " with expectations are compared draw by draw on the same"
                 " draws) and its *statement* (is it true, against the"
                 " harness's own ground truth?). The first failing step is"
                 " the *error*; a later line whose step holds but whose"
                 " statement is false *carries* that error. An ambiguous line"
                 " declares its plausible readings, under one rule: it"
                 " *holds* when its literal reading holds (an unclosed"
                 " bracket has several equally literal readings); it is a"
                 " *slip* when the literal reading fails but a reading that"
                 " the student's own surrounding lines use holds; it is an"
                 " *error* when no plausible reading holds. The reading that"
                 " decided is named, and stands for the line further down the"
                 " chain. Each finding's counterexample is the failing point"
                 " shrunk (smaller dimension, simpler covariances, rounder"
                 " numbers) while the line still misses by far more than its"
                 " combined error; `--point` with the text shown evaluates"
                 " the lines there again.\n\n");
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
  /* a blank line after the last finding or bullet, not a second one */
  if (b.len < 2 || strcmp (b.data + b.len - 2, "\n\n") != 0)
    sbuf_append (&b, "\n");
  section_seed_lines (&b, h);
  section_derivations (&b, h);
  if (h->c->n_checks)
    section_table (&b, h);
  if (h->notes.len)
    {
      /* notes end with a blank line or a newline: one blank line after */
      const char *n = sbuf_str (&h->notes);
      size_t len = strlen (n);
      sbuf_printf (&b, "## Notes\n\n%s%s", n, len >= 2
                   && strcmp (n + len - 2, "\n\n") == 0 ? "" : "\n");
    }
  section_rules (&b, h);
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
          as_expected, c->n_checks + derivation_line_total (h), findings);
  for (size_t i = 0; i < c->n_checks; i++)
    {
      const check_result *r = &h->results[i];
      char s[64];
      if (!seed_of (r->spec->source, s))
        continue;
      printf ("# seedline\t%s\t%s\t%s\t%s\t%s\t%s\n", s, r->spec->source,
              !r->evaluated ? "not evaluated" : r->inconclusive
              ? "inconclusive" : r->held ? "holds" : "does not hold",
              c->slug, r->spec->id, !r->evaluated ? "none" : r->inconclusive
              ? "inconclusive" : r->held ? "holds" : "finding");
    }
  for (size_t i = 0; i < derivation_line_total (h); i++)
    {
      const line_result *r = derivation_line_at (h, i);
      char s[64];
      if (!seed_of (r->line->source, s))
        continue;
      sbuf v;
      sbuf_init (&v);
      put_verdict (&v, r, 0);
      printf ("# seedline\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", s, r->line->source,
              sbuf_str (&v), c->slug, r->line->id, verdict_key (r->verdict),
              r->line->at);
      sbuf_free (&v);
    }
}
