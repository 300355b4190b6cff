/* harness.c -- the life of a claim program (see harness.h). */
#include "harness.h"
#include "atomic_file.h"
#include "cli.h"
#include "decision.h"
#include "figure.h"
#include "output_lock.h"
#include "report.h"
#include "stop_point.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

/* Is ID a check or a derivation line of C? */
static int
claim_has_target (const claim * c, const char *id)
{
  for (size_t i = 0; i < c->n_checks; i++)
    if (strcmp (c->checks[i].id, id) == 0)
      return 1;
  for (size_t d = 0; d < c->n_derivations; d++)
    for (size_t i = 0; i < c->derivations[d]->n_lines; i++)
      if (strcmp (c->derivations[d]->lines[i].id, id) == 0)
        return 1;
  return 0;
}

static void
validate_claim (const claim * c)
{
  for (size_t i = 0; i < c->n_checks; i++)
    for (size_t j = 0; j < i; j++)
      if (strcmp (c->checks[i].id, c->checks[j].id) == 0)
        die_internal ("check '%s' declared twice", c->checks[i].id);
  for (size_t m = 0; m < c->n_mutants; m++)
    {
      if (!claim_has_target (c, c->mutants[m].caught_by))
        die_internal ("mutant '%s' names unknown check '%s'",
                      c->mutants[m].id, c->mutants[m].caught_by);
      for (size_t j = 0; j < m; j++)
        if (strcmp (c->mutants[m].id, c->mutants[j].id) == 0)
          die_internal ("mutant '%s' declared twice", c->mutants[m].id);
    }
}

/* The claim's own mutants followed by those declared beside derivation
   lines, so --list-mutants and --mutant see them all. */
static void
merge_mutants (claim * c)
{
  size_t n = c->n_mutants;
  for (size_t d = 0; d < c->n_derivations; d++)
    for (size_t i = 0; i < c->derivations[d]->n_lines; i++)
      for (int m = 0; m < LINE_MUTANTS_MAX; m++)
        n += c->derivations[d]->lines[i].mutants[m].id != NULL;
  mutant_spec *all = xcalloc (n ? n : 1, sizeof *all);
  if (c->n_mutants)
    memcpy (all, c->mutants, c->n_mutants * sizeof *all);
  size_t k = c->n_mutants;
  for (size_t d = 0; d < c->n_derivations; d++)
    for (size_t i = 0; i < c->derivations[d]->n_lines; i++)
      {
        const derivation_line *l = &c->derivations[d]->lines[i];
        for (int m = 0; m < LINE_MUTANTS_MAX && l->mutants[m].id; m++)
          {
            all[k].id = l->mutants[m].id;
            all[k].description = l->mutants[m].description;
            all[k].caught_by = l->id;
            k++;
          }
      }
  c->mutants = all;
  c->n_mutants = n;
}

static size_t
plan_size (const claim * c)
{
  size_t n = c->n_checks;
  for (size_t d = 0; d < c->n_derivations; d++)
    n += derivation_count_lines (c->derivations[d]);
  return n;
}

/* --point: evaluate every derivation whose points read TEXT, then stop. */
static void
run_point_and_exit (harness * h)
{
  char err[512] = "";
  int done = 0;
  for (size_t d = 0; d < h->c->n_derivations; d++)
    {
      char e2[512];
      if (derivation_at_point (h, h->c->derivations[d], h->opt.point, e2,
                               sizeof e2) == 0)
        done = 1;
      else if (!err[0])
        snprintf (err, sizeof err, "%s", e2);
    }
  if (!done)
    die_usage ("%s", err[0] ? err : "--point: this claim has no derivation");
  fflush (stdout);
  exit (EXIT_AS_EXPECTED);
}

#include <errno.h>
#include <sys/stat.h>

static void
ensure_output_folder (const char *outdir, const char *sub)
{
  char path[4200];
  snprintf (path, sizeof path, "%s/%s", outdir, sub);
  if (mkdir (path, 0755) != 0 && errno != EEXIST)
    die_usage ("--outdir: cannot create %s: %s", path, strerror (errno));
  if (access (path, W_OK | X_OK) != 0)
    die_usage ("--outdir: %s is not writable", path);
}

/* Take the claim's output lock, then repair what a killed earlier run of
   this claim left (see atomic_file.h), before writing anything. */
static void
claim_outputs (const char *outdir, const char *slug)
{
  char reports[4200], figures[4200];
  snprintf (reports, sizeof reports, "%s/reports", outdir);
  snprintf (figures, sizeof figures, "%s/figures", outdir);
  output_lock_acquire (outdir, slug);
  stop_point ("locked");
  const char *dirs[] = { reports, figures };
  atomic_file_recover (dirs, 2, slug);
}

harness *
harness_begin (const claim * c, int argc, char **argv)
{
  errors_set_program (argc > 0 ? argv[0] : c->slug);
  errors_check_std_streams ();
  errors_install_gsl_handler ();
  atomic_file_install_signal_handlers ();
  harness *h = xcalloc (1, sizeof *h);
  h->merged = *c;
  merge_mutants (&h->merged);
  h->c = c = &h->merged;
  validate_claim (c);
  cli_parse (c, argc, argv, &h->opt);
  if (c->setup)
    c->setup (h);
  if (h->opt.point)
    {
      h->rng = rng_new (h->opt.seed);
      run_point_and_exit (h);
    }
  ensure_output_folder (h->opt.outdir, "reports");
  ensure_output_folder (h->opt.outdir, "figures");
  claim_outputs (h->opt.outdir, c->slug);
  h->rng = rng_new (h->opt.seed);
  h->results = xcalloc (c->n_checks, sizeof *h->results);
  for (size_t i = 0; i < c->n_checks; i++)
    h->results[i].spec = &c->checks[i];
  h->dres = xcalloc (c->n_derivations ? c->n_derivations : 1,
                     sizeof *h->dres);
  sbuf_init (&h->notes);
  sbuf_init (&h->fig_data);
  sbuf_init (&h->fig_script);
  h->started = now_seconds ();
  printf ("TAP version 13\n1..%zu\n", plan_size (c));
  printf ("# %s: seed %lu, samples %ld%s%s%s\n", c->slug, h->opt.seed,
          h->opt.samples, h->opt.quick ? " (quick)" : "",
          h->opt.mutant ? ", mutant " : "",
          h->opt.mutant ? h->opt.mutant : "");
  errors_flush_stdout ();
  return h;
}

gsl_rng *
harness_rng (harness * h)
{
  return h->rng;
}

long
harness_samples (const harness * h)
{
  return h->opt.samples;
}

int
harness_quick (const harness * h)
{
  return h->opt.quick;
}

double
harness_param (const harness * h, const char *name)
{
  for (size_t i = 0; i < h->c->n_params; i++)
    if (strcmp (h->c->params[i].name, name) == 0)
      return h->opt.param_values[i];
  die_internal ("unknown parameter '%s'", name);
}

int
mutant (const harness * h, const char *id)
{
  size_t i = 0;
  while (i < h->c->n_mutants && strcmp (h->c->mutants[i].id, id) != 0)
    i++;
  if (i == h->c->n_mutants)
    die_internal ("mutant '%s' is not declared", id);
  return h->opt.mutant && strcmp (h->opt.mutant, id) == 0;
}

void
harness_mutant_flags (const harness * h, int *on, size_t n)
{
  if (n > h->c->n_mutants)
    die_internal ("%zu mutant flags asked of %zu mutants", n, h->c->n_mutants);
  for (size_t i = 0; i < n; i++)
    on[i] = mutant (h, h->c->mutants[i].id);
}

void
harness_run_derivations (harness * h)
{
  for (size_t d = 0; d < h->c->n_derivations; d++)
    derivation_run (h, h->c->derivations[d]);
}

void
harness_keep_derivation (harness * h, const derivation * dv,
                         line_result * res, size_t n_points,
                         size_t n_mc_points, long draws)
{
  for (size_t d = 0; d < h->c->n_derivations; d++)
    if (h->c->derivations[d] == dv)
      {
        if (h->dres[d].dv)
          die_internal ("derivation '%s' run twice", dv->id);
        h->dres[d] = (derivation_result) { dv, res, n_points, n_mc_points,
          draws };
        return;
      }
  die_internal ("derivation '%s' is not declared in the claim", dv->id);
}

const line_result *
derivation_find (const harness * h, const char *id)
{
  for (size_t d = 0; d < h->c->n_derivations; d++)
    for (size_t i = 0; h->dres[d].dv && i < h->dres[d].dv->n_lines; i++)
      if (strcmp (h->dres[d].lines[i].line->id, id) == 0)
        return &h->dres[d].lines[i];
  return NULL;
}

sbuf *
harness_notes (harness * h)
{
  return &h->notes;
}

sbuf *
harness_figure_data (harness * h)
{
  return &h->fig_data;
}

sbuf *
harness_figure_script (harness * h)
{
  return &h->fig_script;
}

/* ----------------------------------------------------------------------
 * Recording checks
 * ---------------------------------------------------------------------- */

static const char *
mutant_caught_by (const harness * h)
{
  for (size_t i = 0; h->opt.mutant && i < h->c->n_mutants; i++)
    if (strcmp (h->c->mutants[i].id, h->opt.mutant) == 0)
      return h->c->mutants[i].caught_by;
  return NULL;
}

const char *
harness_stop_target (const harness * h)
{
  return h->opt.stop_when_caught ? mutant_caught_by (h) : NULL;
}

void
harness_stop_if_caught (harness * h, const char *id, int ok)
{
  const char *target = harness_stop_target (h);
  if (!target || strcmp (id, target) != 0)
    return;
  printf ("Bail out! mutant %s %s by %s (--stop-when-caught)\n",
          h->opt.mutant, ok ? "not caught" : "caught", id);
  errors_flush_stdout ();
  atomic_file_abandon_all ();
  output_lock_release ();
  exit (EXIT_UNEXPECTED);
}

static check_result *
find_result (harness * h, const char *id)
{
  for (size_t i = 0; i < h->c->n_checks; i++)
    if (strcmp (h->c->checks[i].id, id) == 0)
      return &h->results[i];
  die_internal ("check '%s' is not declared", id);
}

void
check_point (harness * h, const char *id, estimate obs, estimate ref)
{
  check_result *r = find_result (h, id);
  if (r->evaluated)
    die_internal ("check '%s' is already closed", id);
  if (r->n_points == r->pts_cap)
    {
      r->pts_cap = r->pts_cap ? 2 * r->pts_cap : 8;
      r->pts_obs = xrealloc (r->pts_obs, r->pts_cap * sizeof (estimate));
      r->pts_ref = xrealloc (r->pts_ref, r->pts_cap * sizeof (estimate));
    }
  r->pts_obs[r->n_points] = obs;
  r->pts_ref[r->n_points] = ref;
  r->n_points++;
}

/* Which point decides: for =, <=, >= the one with the largest statistic
   (all must hold); for != the one that differs most (one must differ). */
static int
deciding_point_is_better (relation rel, const decision * cand,
                          const decision * best)
{
  double a = cand->statistic, b = best->statistic;
  if (rel == REL_NE)
    return a > b;
  return isnan (a) || (!isnan (b) && a > b);
}

static void
decide_result (check_result * r)
{
  relation rel = r->spec->rel;
  double alpha = CHECK_ALPHA / (double) r->n_points;
  decision best = { 0 };
  size_t best_i = 0, n_failed = 0;
  r->max_abs_diff = 0;
  r->max_rel_diff = 0;
  for (size_t i = 0; i < r->n_points; i++)
    {
      decision d = decide (rel, r->pts_obs[i], r->pts_ref[i], alpha);
      n_failed += !d.held;
      double ad = fabs (d.diff), scale = fabs (r->pts_ref[i].value);
      if (!(ad <= r->max_abs_diff))
        r->max_abs_diff = ad;
      if (scale > 0 && !(ad / scale <= r->max_rel_diff))
        r->max_rel_diff = ad / scale;
      if (i == 0 || deciding_point_is_better (rel, &d, &best))
        {
          best = d;
          best_i = i;
        }
    }
  r->n_failed = n_failed;
  r->held = rel == REL_NE ? n_failed < r->n_points : n_failed == 0;
  r->obs = r->pts_obs[best_i];
  r->ref = r->pts_ref[best_i];
  r->diff = best.diff;
  r->statistic = best.statistic;
  r->stat_is_z = best.stat_is_z;
  r->crit = best.stat_is_z ? best.crit : 1.0;
  r->alpha = best.stat_is_z ? alpha : 0.0;
  r->detectable = best.detectable;
  r->se = best.se;
  r->bound = best.bound;
}

static const char *
expect_word (expectation e)
{
  return e == EXPECT_HOLDS ? "holds" : e == EXPECT_SEED_ERROR ? "seed-error"
    : "inconclusive";
}

static const char *
expect_phrase (expectation e)
{
  return e == EXPECT_HOLDS ? "hold" : e == EXPECT_SEED_ERROR
    ? "fail (seed error)" : "be inconclusive";
}

static void
print_inconclusive_tap_line (harness * h, const check_result * r)
{
  printf ("%s %d - %s (%s) # inconclusive: %s\n",
          check_as_expected (r) ? "ok" : "not ok", ++h->tap_count,
          r->spec->id, r->spec->source, r->note);
  printf ("#   data\t%s\t%s\tinconclusive\t%zu\t0\tnan\tnan\tnan\t%s\n",
          r->spec->id, expect_word (r->spec->expect), r->n_points,
          relation_symbol (r->spec->rel));
  if (!check_as_expected (r))
    printf ("#   UNEXPECTED: %s was expected to %s\n", r->spec->id,
            expect_phrase (r->spec->expect));
  errors_flush_stdout ();
  harness_stop_if_caught (h, r->spec->id, check_as_expected (r));
}

static void
print_tap_line (harness * h, const check_result * r)
{
  int ok = r->spec->expect == EXPECT_INCONCLUSIVE ? 0 : r->held;
  const char *todo = r->spec->expect == EXPECT_SEED_ERROR
    ? (r->held ? " # TODO seed error expected but not detected"
       : " # TODO known error in the seed, detected") : "";
  printf ("%s %d - %s (%s)%s\n", ok ? "ok" : "not ok", ++h->tap_count,
          r->spec->id, r->spec->source, todo);
  printf ("#   %s %s %s: observed %.10g, reference %.10g, diff %.3g,"
          " %s %.3g (critical %.3g), %zu/%zu points fail%s%s\n",
          r->spec->id, relation_symbol (r->spec->rel),
          r->held ? "holds" : "does not hold", r->obs.value, r->ref.value,
          r->diff, r->stat_is_z ? "z" : "|diff|/bound", r->statistic,
          r->crit, r->n_failed, r->n_points, r->note[0] ? "; " : "",
          r->note);
  /* One machine-readable line for make calibrate / make mutate.  z is the
     signed diff / se of a single-point Monte Carlo check (NaN otherwise):
     under a true relation it is close to N(0, 1), which calibration tests. */
  double z = r->n_points == 1 && r->se > 0 ? r->diff / r->se : NAN;
  printf ("#   data\t%s\t%s\t%d\t%zu\t%zu\t%.6g\t%.6g\t%.6g\t%s\n",
          r->spec->id, expect_word (r->spec->expect),
          r->held, r->n_points, r->n_failed, z, r->max_abs_diff, r->detectable,
          relation_symbol (r->spec->rel));
  if (!check_as_expected (r))
    printf ("#   UNEXPECTED: %s was expected to %s\n", r->spec->id,
            expect_phrase (r->spec->expect));
  errors_flush_stdout ();
  harness_stop_if_caught (h, r->spec->id, check_as_expected (r));
}

static int
vclose (harness * h, const char *id, const char *fmt, va_list ap)
{
  check_result *r = find_result (h, id);
  if (r->evaluated)
    die_internal ("check '%s' closed twice", id);
  if (r->n_points == 0)
    die_internal ("check '%s' closed with no evidence", id);
  if (fmt)
    vsnprintf (r->note, sizeof r->note, fmt, ap);
  decide_result (r);
  r->evaluated = 1;
  free (r->pts_obs);
  free (r->pts_ref);
  r->pts_obs = r->pts_ref = NULL;
  print_tap_line (h, r);
  return r->held;
}

int
check_close (harness * h, const char *id, const char *note_fmt, ...)
{
  va_list ap;
  va_start (ap, note_fmt);
  int held = vclose (h, id, note_fmt, ap);
  va_end (ap);
  return held;
}

int
check_inconclusive (harness * h, const char *id, const char *why_fmt, ...)
{
  check_result *r = find_result (h, id);
  if (r->evaluated)
    die_internal ("check '%s' closed twice", id);
  va_list ap;
  va_start (ap, why_fmt);
  vsnprintf (r->note, sizeof r->note, why_fmt, ap);
  va_end (ap);
  r->evaluated = 1;
  r->inconclusive = 1;
  r->held = 0;
  free (r->pts_obs);
  free (r->pts_ref);
  r->pts_obs = r->pts_ref = NULL;
  print_inconclusive_tap_line (h, r);
  return 0;
}

int
check_compare (harness * h, const char *id, estimate obs, estimate ref,
               const char *note_fmt, ...)
{
  check_point (h, id, obs, ref);
  va_list ap;
  va_start (ap, note_fmt);
  int held = vclose (h, id, note_fmt, ap);
  va_end (ap);
  return held;
}

/* ----------------------------------------------------------------------
 * The end of a run
 * ---------------------------------------------------------------------- */

static void
close_forgotten_checks (harness * h)
{
  for (size_t i = 0; i < h->c->n_checks; i++)
    {
      check_result *r = &h->results[i];
      if (r->evaluated)
        continue;
      printf ("not ok %d - %s (%s) # never evaluated\n", ++h->tap_count,
              r->spec->id, r->spec->source);
    }
  for (size_t d = 0; d < h->c->n_derivations; d++)
    if (!h->dres[d].dv)
      for (size_t i = 0; i < h->c->derivations[d]->n_lines; i++)
        printf ("not ok %d - %s (%s) # never evaluated\n", ++h->tap_count,
                h->c->derivations[d]->lines[i].id,
                h->c->derivations[d]->lines[i].source);
}

static void
summarise (const harness * h, int *as_expected, int *findings)
{
  *as_expected = *findings = 0;
  for (size_t i = 0; i < h->c->n_checks; i++)
    {
      const check_result *r = &h->results[i];
      *as_expected += check_as_expected (r);
      *findings += check_found_seed_error (r);
    }
  for (size_t d = 0; d < h->c->n_derivations; d++)
    for (size_t i = 0; h->dres[d].dv && i < h->dres[d].dv->n_lines; i++)
      {
        const line_result *r = &h->dres[d].lines[i];
        *as_expected += derivation_line_expected (r);
        *findings += verdict_is_finding (r->verdict);
      }
}

int
harness_end (harness * h)
{
  close_forgotten_checks (h);
  int as_expected, findings;
  summarise (h, &as_expected, &findings);
  figure_write (h);
  report_write (h);
  errors_flush_stdout ();       /* a run whose TAP was lost replaces nothing */
  atomic_file_commit_all ();
  output_lock_release ();
  report_print_index_lines (h, as_expected, findings);
  int n = (int) plan_size (h->c);
  printf ("# %s: %d of %d checks as expected, %d seed line(s) found wrong,"
          " %.2f s\n", h->c->slug, as_expected, n, findings,
          now_seconds () - h->started);
  printf ("%d passed, %d failed\n", as_expected, n - as_expected);
  errors_flush_stdout ();
  int status = as_expected == n ? EXIT_AS_EXPECTED : EXIT_UNEXPECTED;
  gsl_rng_free (h->rng);
  for (size_t i = 0; i < h->c->n_checks; i++)
    {
      free (h->results[i].pts_obs);
      free (h->results[i].pts_ref);
    }
  free (h->results);
  for (size_t d = 0; d < h->c->n_derivations; d++)
    if (h->dres[d].dv)
      {
        for (size_t i = 0; i < h->dres[d].dv->n_lines; i++)
          derivation_line_result_free (&h->dres[d].lines[i]);
        free (h->dres[d].lines);
      }
  free (h->dres);
  free ((void *) h->c->mutants);
  free (h->opt.param_values);
  sbuf_free (&h->notes);
  sbuf_free (&h->fig_data);
  sbuf_free (&h->fig_script);
  free (h);
  return status;
}
