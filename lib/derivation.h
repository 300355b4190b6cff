/* derivation.h -- a derivation as a chain of lines, each with two verdicts.
 *
 * A seed's derivation is a table of lines.  Each line has its source, its
 * text as written, and a C function of a parameter point (point.h) that
 * evaluates it: a closed form (an estimate carrying its rounding bound), or
 * an integrand under the derivation's sampler -- E[f(x)] for a line with an
 * expectation, or f(x) itself for a line claimed for every x.  A line states
 * a relation (=, <=, >=) to the line it comes from: the one above, or the
 * lines it names (this = sum coef_i from_i, e.g. (1.8) = (1.4) - (1.7)).
 * A chain starts at a line that names its ground truth: an independent
 * harness computation (a closed form the harness derives, quadrature, ...).
 *
 * The engine draws points from the derivation's generator, evaluates every
 * line at each, and gives each line two verdicts:
 *   step       does it follow from the line it comes from?  Integrand lines
 *              are compared draw by draw on the same draws (common random
 *              numbers), so the step itself is tested, not two noisy means;
 *   statement  is it true?  The line against the chain's ground truth, under
 *              the relation composed along the chain (= then >= gives >=).
 * The first failing step is the error; a later line whose step holds but
 * whose statement is false carries that error.
 *
 * Readings.  A line whose text is ambiguous (an unclosed bracket, a missing
 * expectation, an evident typo) declares its plausible readings, each with
 * a one-line reason.  One rule in every claim:
 *   holds  when the literal reading holds (an unclosed bracket has several
 *          equally literal readings: then when one of them holds);
 *   slip   when the literal reading fails but a reading that the student's
 *          own surrounding lines use holds;
 *   error  when no plausible reading holds.
 * The line a reading decided stands for its intended meaning further down
 * the chain.
 *
 * Each finding (error, slip, carried) comes with a counterexample: the
 * failing point, shrunk while the line still misses by far more than its
 * combined error (point.h), printed in full with both values.
 *
 * Mutants (negative controls) are declared beside the line they break and
 * cost nothing when off: the engine swaps the function once, at start-up. */
#ifndef HARNESS_DERIVATION_H
#define HARNESS_DERIVATION_H

#include "check.h"
#include "point.h"

#include <gsl/gsl_rng.h>

struct harness_s;

/* The one vocabulary of verdicts, for every line of every seed. */
typedef enum
{
  V_HOLDS,            /* the literal reading holds */
  V_CARRIES,          /* holds as a step, carries an earlier line's error */
  V_SLIP,             /* literal fails, a reading the student uses holds */
  V_ERROR,            /* no plausible reading holds */
  V_NO_ANSWER,        /* a question asked, nothing derived */
  V_NOT_CHECKABLE,    /* prose or a definition: why in `why` */
  V_INCONCLUSIVE      /* the estimator's own assumptions failed */
} verdict_kind;

const char *verdict_name (verdict_kind v);
int verdict_is_finding (verdict_kind v);

/* How a line is evaluated at a point.  Set exactly one of VALUE and
   INTEGRAND.  PREP is what the derivation's prepare() computed for the
   point (factors, inverses); X is one draw of its sampler. */
typedef estimate (*line_value_fn) (const point * p, const void *prep);
/* An integrand may state the rounding bound of its value in *BOUND (a
   derived bound for its literal evaluation); left alone, 64 u |value|. */
typedef double (*line_integrand_fn) (const point * p, const void *prep,
                                     const double *x, double *bound);
typedef struct
{
  line_value_fn value;          /* a closed form or another estimate */
  line_integrand_fn integrand;  /* per draw of the sampler */
  int pointwise;                /* the integrand is claimed for every draw */
} line_eval;

#define LINE_CLOSED(f) { .value = (f) }
#define LINE_EXPECT(f) { .integrand = (f) }
#define LINE_POINTWISE(f) { .integrand = (f), .pointwise = 1 }
/* A row's verdict where nothing is evaluated, with its reason:
     {.id = ..., .text = "hence", LINE_NOT_CHECKABLE ("prose")} */
#define LINE_NOT_CHECKABLE(why_) .expect = V_NOT_CHECKABLE, .why = (why_)
#define LINE_NO_ANSWER(why_) .expect = V_NO_ANSWER, .why = (why_)

#define LINE_FROM_MAX 4
#define LINE_READINGS_MAX 3
#define LINE_MUTANTS_MAX 4

typedef struct
{
  const char *name;             /* "the bracket closed after log(2π)" */
  const char *reason;           /* why it is plausible: the lines that use it */
  int literal;                  /* as literal as the text itself */
  line_eval eval;               /* empty: the line's own function */
  int in_expectation;           /* the step meant in expectation (a lost E) */
} line_reading;

typedef struct
{
  const char *id;               /* unique within the claim: [a-z0-9_] */
  const char *description;
  line_eval eval;               /* replaces the line's function */
} line_mutant;

typedef struct
{
  const char *id;               /* [a-z0-9_], unique within the claim */
  const char *source;           /* "004 eq. (1.2)" */
  int at;                       /* its line number in the source document:
                                   the index lists statements in that order */
  const char *text;             /* as written */
  line_eval eval;               /* empty for NO_ANSWER / NOT_CHECKABLE */
  relation rel;                 /* FROM rel THIS, as the seed writes it;
                                   a chain head: TRUTH rel THIS */
  const char *from[LINE_FROM_MAX];  /* ids; none: the evaluated line above */
  double coef[LINE_FROM_MAX];   /* THIS = sum coef_i FROM_i; 0 means 1 */
  const char *truth;            /* id of a truth: a chain head (or a line
                                   whose own truth is known) */
  line_reading readings[LINE_READINGS_MAX];
  verdict_kind expect;          /* what the repository expects */
  const char *correction;       /* for a finding: the correct expression */
  const char *why;              /* for NO_ANSWER / NOT_CHECKABLE */
  line_mutant mutants[LINE_MUTANTS_MAX];  /* negative controls */
} derivation_line;

/* An independent ground truth the harness computes. */
typedef struct
{
  const char *id;
  const char *text;             /* "KL(p||q) by Cholesky factors (lib/mvn)" */
  line_eval eval;
} derivation_truth;

typedef struct
{
  const char *id;               /* [a-z0-9_] */
  const char *title;            /* "004 Problem 1: KL of two Gaussians" */
  const point_kind *points;
  size_t n_points;              /* points for closed-form lines (0: 100) */
  size_t n_mc_points;           /* of those, points that run the sampler
                                   (0: 4) */
  double draws_share;           /* draws per sampler point, as a share of
                                   --samples (0: 1 / n_mc_points) */
  long min_draws;               /* ... but never fewer than this */
  size_t prep_size;             /* bytes prepare() fills */
  void (*prepare) (const point * p, void *prep);
  void (*release) (void *prep);
  size_t x_dim;                 /* doubles one draw has at most */
  size_t (*x_len) (const point * p);   /* doubles a draw at P has (NULL:
                                          x_dim), for printing a draw */
  void (*sample) (const gsl_rng * r, const point * p, const void *prep,
                  double *x);
  /* Optional: the sampler as a smooth map of standard normals, x = T(z)
     with z of length base_dim(p) <= 40.  Then expectations use randomized
     quasi-Monte Carlo when base_dim(p) <= 10 (lib/rqmc.h: Owen-scrambled
     Sobol nets, the net's boundary cells drawn from an exponential tail and
     weighted, so that an integrand growing in z no longer dominates them
     through one point per coordinate; a control variate on those weights,
     E w = 1, with its coefficient from independent pilot draws, so that a
     constant integrates exactly and a weight does not skew the other
     coordinates' share (lib/derivation.c); 32 independent replicates; the
     standard error is that of the replicate means and the critical value
     Student's t with 31 degrees of freedom), which on smooth integrands
     resolves ten to a hundred times smaller errors at equal time.
     SAMPLE may then be NULL (the engine draws z itself). */
  size_t (*base_dim) (const point * p);
  void (*transform) (const point * p, const void *prep, const double *z,
                     double *x);
  const derivation_truth *truths;
  size_t n_truths;
  const derivation_line *lines;
  size_t n_lines;
  /* Set when every integrand's variance is known to be finite (say why:
     e.g. polynomials in Gaussian draws): the Pareto tail diagnostic, which
     misreads long light tails at small sizes, is then not consulted. */
  const char *finite_variance_why;
  /* Optional, with a transform integrated by RQMC: control variates from
     the base normals z (lib/hermite_cv.h), the normalised Hermite
     polynomials He_1 .. He_DEGREE (<= 4) of each z_k and, from degree 2,
     the products z_i z_k; each side's expectation is then that of
     h - gamma . c, gamma fitted on the independent pilot draws, unbiased
     for E h whatever gamma is.  A polynomial of that degree in z (a score
     function, a quadratic form) is left with almost no variance, which is
     what lets such lines resolve 1e-4.

     Each sampler point takes the draws that resolve
     derivation_resolution_target (1e-4, quick 1e-2), as an independent
     pilot run at the smallest size measures them, never more than the
     claim's sample size gives (the cap) and never fewer than the pilot's
     (lib/derivation.c, "Sizing from a pilot"). */
  int hermite_degree;
} derivation;

/* ---- what the engine found (report.c reads these) ---- */

typedef struct
{
  int evaluated;
  int held;
  int inconclusive;
  size_t n_points, n_failed;
  relation rel;                 /* LINE rel REF as decided */
  estimate obs, ref;            /* at the deciding point */
  double diff, statistic, crit, se, bound;
  int stat_is_z, pointwise;
  size_t worst;                 /* index of the deciding point */
  long draws;                   /* draws there, 0 when closed forms decided */
  int quasi;                    /* those draws were RQMC points (2: with
                                   Hermite control variates) */
  char why[160];                /* inconclusive: the diagnostic */
  estimate *pts_obs, *pts_ref;  /* per point (for figures); owned */
  double *pts_ratio;            /* per point: the excess the relation
                                   forbids over the decision's margin
                                   (<= 1 holds); owned */
  double *pts_z;                /* per point: diff / se of a Monte Carlo
                                   comparison, NaN otherwise (calibration) */
  double *pts_dof;              /* per point: the degrees of freedom of
                                   pts_z's Student-t law (quasi-Monte Carlo:
                                   replicates - 1), 0 when it is N(0, 1) */
  double resolution;            /* a Monte Carlo equality's coarsest
                                   relative resolution over its points
                                   (derivation_detectable_rel), else NaN */
  long resolution_draws;        /* the draws at that point */
  int resolution_quasi;         /* they were RQMC points */
  int resolution_sized;         /* those draws came from a pilot: 1, and
                                   2 when it asked for more than the cap */
} line_compare;

typedef struct
{
  const derivation_line *line;
  verdict_kind verdict;
  int reading;                  /* the reading that decided, or -1 */
  line_compare step, statement; /* of the deciding reading (or literal) */
  line_compare literal_step;    /* when a reading decided */
  char carried[256];            /* sources of the errors it carries */
  int has_counterexample;
  char *cx_point;               /* the shrunk point, printed */
  estimate cx_line, cx_ref, cx_truth;
  int cx_ref_is_step;           /* cx_ref is the step's reference */
  relation cx_truth_rel;        /* LINE rel TRUTH, as the statement claims */
  size_t cx_steps;              /* shrink steps taken */
} line_result;

typedef struct
{
  const derivation *dv;
  line_result *lines;
  size_t n_points, n_mc_points;
  long draws;
} derivation_result;

/* Evaluate DV on the harness's generator, print one TAP line per seed
   line, and keep the results for the report. */
void derivation_run (struct harness_s *h, const derivation * dv);

/* Evaluate DV's lines at the single point TEXT (--point): print each line's
   value and its truth.  Returns 0, or -1 if TEXT is not a point of DV's
   kind (ERR says why). */
int derivation_at_point (struct harness_s *h, const derivation * dv,
                         const char *text, char *err, size_t errlen);

/* .base_dim for a draw that is a map of one or of two standard normals,
   whatever the point (the engine integrates it by RQMC). */
size_t derivation_one_normal (const point * p);
size_t derivation_two_normals (const point * p);
/* .transform for a draw that is that one normal itself, x = ε (X[0] = E[0], nothing
   else written): the line's integrand reads ε, and the engine draws it by ziggurat and
   integrates by RQMC where it can. */
void derivation_one_normal_identity (const point * p, const void *prep, const double *e,
                                     double *x);

/* How many TAP lines DV prints. */
size_t derivation_count_lines (const derivation * dv);
int derivation_line_expected (const line_result * r);
/* The smallest |line - reference| that comparison C detects with 90%
   probability at its deciding point, (critical + z_0.9) se + bound: the
   resolution a report gives; 0 when C was not evaluated. */
double derivation_detectable (const line_compare * c);
/* C's resolution as a relative error, the coarsest over its points, when
   it is a Monte Carlo equality whose reference is not near 0 there
   (|reference| > DERIVATION_REL_FLOOR); else NaN.  Over the points, not
   at the deciding one: which point decides (the largest statistic) is
   chance, and its resolution with it. */
#define DERIVATION_REL_FLOOR 0.01
double derivation_detectable_rel (const line_compare * c);
/* The relative resolution a Monte Carlo line should reach: 1e-4, or 1e-2
   with --quick. */
double derivation_resolution_target (const struct harness_s *h);
/* Free what a line result owns. */
void derivation_line_result_free (line_result * r);
/* The result of line ID of a derivation that has run, or NULL. */
const line_result *derivation_find (const struct harness_s *h,
                                    const char *id);

/* A derivation's tables in its initialiser: .truths, .lines and their
   counts, from two arrays T and L (COUNT_OF is harness.h's). */
#define DERIVATION_TABLES(t, l) \
  .truths = (t), .n_truths = COUNT_OF (t), .lines = (l), .n_lines = COUNT_OF (l)

/* A static derivation NAME: its id and title, N points of the kind KIND
   (a point_kind, not a pointer), the tables TRUTHS_ and LINES_; any further
   fields follow as designated initialisers (.n_mc_points = 60, ...), the
   prepare step as DERIVATION_PREPARE (TYPE, F): F fills a TYPE once a
   point with what the point's lines share. */
#define DERIVATION_DEFINE(name, id_, title_, kind, n, truths_, lines_, ...) \
  static derivation name = { .id = (id_), .title = (title_), .points = &(kind), \
                             .n_points = (n), DERIVATION_TABLES (truths_, lines_), __VA_ARGS__ }
#define DERIVATION_PREPARE(type, f) .prep_size = sizeof (type), .prepare = (f)

#endif
