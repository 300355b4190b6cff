/* harness.h -- what a claim program uses: declare, run checks, report.
 *
 * A claim is one C file of mostly mathematics.  It declares, in static
 * tables, its checks (check.h), the mutants that must make some check fail,
 * and the model parameters a user may change; main() then computes evidence
 * and hands each comparison to check_point()/check_close().  Everything else
 * -- the command line, the random generator, TAP output, the report, the
 * figure, atomic writes -- is done here.  Data flows one way:
 * problem -> lib -> check/report/figure.
 *
 *   harness *h = harness_begin (&CLAIM, argc, argv);
 *   ... check_compare (h, "id", est_mc_acc (&acc), est_exact (kl, tol), "d = 5");
 *   return harness_end (h);
 */
#ifndef HARNESS_HARNESS_H
#define HARNESS_HARNESS_H

#include "check.h"
#include "derivation.h"
#include "errors.h"
#include "mc.h"
#include "quad.h"
#include "rng.h"
#include "sbuf.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

#define COUNT_OF(a) (sizeof (a) / sizeof ((a)[0]))

/* A deliberate error switched on with --mutant ID; the check CAUGHT_BY must
   then fail.  Used by `make test` (negative controls) and `make mutate`. */
typedef struct
{
  const char *id;
  const char *description;
  const char *caught_by;
} mutant_spec;

/* What --set accepts for a parameter: any number, or only a whole one (a
   count: --set points=10.5 is an error, not 10). */
typedef enum { PARAM_REAL = 0, PARAM_INTEGER } param_kind;

/* A model parameter a user may change with --set NAME=VALUE. */
typedef struct
{
  const char *name;
  double def, min, max;
  const char *help;
  param_kind kind;
} param_spec;

typedef struct
{
  const char *slug;
  const char *title;
  const char *claim;        /* the claim in our words (markdown) */
  const char *sources;      /* where it stands in the seeds */
  const check_spec *checks;
  size_t n_checks;
  const mutant_spec *mutants;
  size_t n_mutants;
  const param_spec *params;
  size_t n_params;
  long samples_default;     /* the base sample size the program scales from */
  long samples_quick;
  long samples_min;         /* smallest --samples that makes sense (0: 2) */
  const char *samples_min_why;  /* why, for the error message */
  const char *figure_caption;
  int figure_width, figure_height;   /* pixels; 0 for 960 x 620 */
  const derivation *const *derivations;  /* chains of seed lines */
  size_t n_derivations;
  /* Optional: builds what the derivations need from the options (a target
     that depends on --set), after they are read and before anything runs
     -- --point included, which evaluates lines and stops. */
  void (*setup) (struct harness_s * h);
} claim;

typedef struct
{
  unsigned long seed;
  long samples;
  int quick;
  const char *outdir;
  const char *mutant;
  int stop_when_caught;     /* --stop-when-caught: end at the mutant's check */
  const char *point;        /* --point: evaluate one point and stop */
  double *param_values;     /* parallel to claim.params */
} harness_options;

/* A claim's tables with their counts, so that no count is written by hand:
     CLAIM_CHECKS (CHECKS), CLAIM_MUTANTS (MUTANTS), CLAIM_PARAMS (PARAMS),
     CLAIM_DERIVATIONS (&d1, &d2), */
#define CLAIM_CHECKS(t) .checks = (t), .n_checks = COUNT_OF (t)
#define CLAIM_MUTANTS(t) .mutants = (t), .n_mutants = COUNT_OF (t)
#define CLAIM_PARAMS(t) .params = (t), .n_params = COUNT_OF (t)
#define CLAIM_DERIVATIONS(...) \
  .derivations = (const derivation *const[]) { __VA_ARGS__ }, \
  .n_derivations = COUNT_OF (((const derivation *const[]) { __VA_ARGS__ }))

typedef struct harness_s
{
  const claim *c;           /* the claim, its mutants merged with its lines' */
  harness_options opt;
  gsl_rng *rng;
  check_result *results;    /* parallel to c->checks */
  int tap_count;
  sbuf notes;               /* the program's own report section (markdown) */
  sbuf fig_data;            /* figures/<slug>.dat */
  sbuf fig_script;          /* plot commands, after the shared style */
  double started;
  claim merged;             /* what c points to */
  derivation_result *dres;  /* parallel to c->derivations */
} harness;

/* Parse the command line (exits on --help, --list, or a bad option), seed
   the generator, print the TAP plan. */
harness *harness_begin (const claim * c, int argc, char **argv);

/* Close unevaluated checks as failures, write figure and report atomically,
   print the summary; returns the exit status for main. */
int harness_end (harness * h);

/* The program's generator and sizes. */
gsl_rng *harness_rng (harness * h);
long harness_samples (const harness * h);
/* Was --quick given?  (For work whose size is not the sample count.) */
int harness_quick (const harness * h);
double harness_param (const harness * h, const char *name);

/* Is mutant ID switched on?  ID must be in the claim's mutant table.  A
   formula in an inner loop tests a flag set once from this after
   harness_begin, not this string lookup. */
int mutant (const harness * h, const char *id);
/* ON[i] = 1 if the claim's i-th mutant is switched on, else 0, for its
   first N mutants (N <= n_mutants): the flags its formulas test, set once
   in the order of its table. */
void harness_mutant_flags (const harness * h, int *on, size_t n);

/* With --mutant M --stop-when-caught, a run is a negative control and
   nothing else: it ends at the check that must catch M, whichever way that
   check goes ("Bail out!", no outputs written, exit 1), and derivations
   that do not hold that check are not run.  make test runs hundreds of
   these.  harness_stop_target: that check's id, or NULL in any other run.
   harness_stop_if_caught: called after check or line ID printed its TAP
   line, OK whether it was as expected; ends the run when ID is the target. */
const char *harness_stop_target (const harness * h);
void harness_stop_if_caught (harness * h, const char *id, int ok);

/* Record one comparison for check ID; a check may collect many points. */
void check_point (harness * h, const char *id, estimate obs, estimate ref);
/* Decide check ID over its points and print its TAP line.  Returns whether
   the relation held. */
int check_close (harness * h, const char *id, const char *note_fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
/* Close check ID without a verdict: the evidence cannot decide because a
   diagnostic of the estimator's own assumptions failed (chains that did not
   mix: split R-hat > 1.01, too few effective draws).  WHY_FMT states the
   reason and the diagnostic's value.  Points recorded so far are dropped.
   As expected only when the check's expectation is EXPECT_INCONCLUSIVE.
   Returns 0. */
int check_inconclusive (harness * h, const char *id, const char *why_fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
/* check_point then check_close. */
int check_compare (harness * h, const char *id, estimate obs, estimate ref,
                   const char *note_fmt, ...)
  __attribute__ ((format (printf, 5, 6)));

/* Run every derivation the claim declares, in order (derivation_run). */
void harness_run_derivations (harness * h);

/* Keep what derivation_run found (RES is taken over). */
void harness_keep_derivation (harness * h, const derivation * dv,
                              line_result * res, size_t n_points,
                              size_t n_mc_points, long draws);

/* The report section the program writes itself, and the figure. */
sbuf *harness_notes (harness * h);
sbuf *harness_figure_data (harness * h);
sbuf *harness_figure_script (harness * h);

#endif
