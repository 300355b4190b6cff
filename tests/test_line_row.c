/* test_line_row.c -- LINE_ROW_SEED and LINE_ROW_OWN (lib/line_row.h):
   each row they write is, field by field, the row written out by hand
   (ids, source, text, the line's and the mutant's evaluation, the fields
   that follow, everything else zero); and the comparison is not blind:
   hand rows with one field wrong (the source's brackets, the mutant
   evaluated as the line, the id without its document) are told apart. */
#include "harness.h"
#include "line_fn.h"
#include "line_row.h"
#include "tap.h"

#include <string.h>

LINE_FN_CLOSED (eq1_2, est_exact (p->v[0], 0))
LINE_FN_CLOSED (eq1_2_sign, est_exact (-p->v[0], 0))
LINE_FN_PLAIN (eq3_1, z[0])
LINE_FN_PLAIN (eq3_1_twice, 2 * z[0])
LINE_FN_CLOSED (own_closed, est_exact (1, 0))
LINE_FN_CLOSED (own_closed_off, est_exact (2, 0))

static int
same_str (const char *a, const char *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp (a, b) == 0);
}

static int
same_eval (line_eval a, line_eval b)
{
  return a.value == b.value && a.integrand == b.integrand && a.pointwise == b.pointwise;
}

/* Every field of derivation_line, a against b; the first that differs in *WHAT */
static int
same_row (const derivation_line * a, const derivation_line * b, const char **what)
{
  int ok[] = { same_str (a->id, b->id), same_str (a->source, b->source),
    same_str (a->text, b->text), same_eval (a->eval, b->eval),
    a->at == b->at && a->rel == b->rel && a->expect == b->expect,
    same_str (a->truth, b->truth) && same_str (a->correction, b->correction)
      && same_str (a->why, b->why) };
  static const char *const names[] = { "id", "source", "text", "eval", "at/rel/expect",
    "truth/correction/why" };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    if (!ok[i])
      return *what = names[i], 0;
  for (int i = 0; i < LINE_FROM_MAX; i++)
    if (!same_str (a->from[i], b->from[i]) || a->coef[i] != b->coef[i])
      return *what = "from/coef", 0;
  for (int i = 0; i < LINE_READINGS_MAX; i++)
    if (!same_str (a->readings[i].name, b->readings[i].name))
      return *what = "readings", 0;
  for (int i = 0; i < LINE_MUTANTS_MAX; i++)
    if (!same_str (a->mutants[i].id, b->mutants[i].id)
        || !same_str (a->mutants[i].description, b->mutants[i].description)
        || !same_eval (a->mutants[i].eval, b->mutants[i].eval))
      return *what = "mutants", 0;
  return *what = "", 1;
}

static const derivation_line BY_MACRO[] = {
  {LINE_ROW_SEED ("004", "1.2", "a = b", LINE_CLOSED, eq1_2, eq1_2_sign, "(1.2) with -a"),
   .truth = "t", .expect = V_ERROR, .correction = "a = -b"},
  {LINE_ROW_SEED ("007", "3.1", "E z = 0", LINE_POINTWISE, eq3_1, eq3_1_twice, "2 z")},
  {LINE_ROW_OWN ("the harness's own", LINE_CLOSED, own_closed, own_closed_off, "2 for 1"),
   .truth = "t"},
};

/* the same rows written out */
static const derivation_line BY_HAND[] = {
  {.id = "s004_eq1_2", .source = "004 eq. (1.2)", .text = "a = b", .eval = LINE_CLOSED (eq1_2),
   .truth = "t", .expect = V_ERROR, .correction = "a = -b",
   .mutants = {{"eq1_2_sign", "(1.2) with -a", LINE_CLOSED (eq1_2_sign)}}},
  {.id = "s007_eq3_1", .source = "007 eq. (3.1)", .text = "E z = 0",
   .eval = {.integrand = eq3_1, .pointwise = 1},
   .mutants = {{"eq3_1_twice", "2 z", {.integrand = eq3_1_twice, .pointwise = 1}}}},
  {.id = "own_closed", .source = "harness", .text = "the harness's own",
   .eval = {.value = own_closed}, .truth = "t",
   .mutants = {{"own_closed_off", "2 for 1", {.value = own_closed_off}}}},
};

/* negative controls: BY_HAND[0] with one field wrong each */
static const derivation_line WRONG[] = {
  {.id = "s004_eq1_2", .source = "004 eq. 1.2", .text = "a = b", .eval = LINE_CLOSED (eq1_2),
   .truth = "t", .expect = V_ERROR, .correction = "a = -b",
   .mutants = {{"eq1_2_sign", "(1.2) with -a", LINE_CLOSED (eq1_2_sign)}}},
  {.id = "s004_eq1_2", .source = "004 eq. (1.2)", .text = "a = b", .eval = LINE_CLOSED (eq1_2),
   .truth = "t", .expect = V_ERROR, .correction = "a = -b",
   .mutants = {{"eq1_2_sign", "(1.2) with -a", LINE_CLOSED (eq1_2)}}},
  {.id = "eq1_2", .source = "004 eq. (1.2)", .text = "a = b", .eval = LINE_CLOSED (eq1_2),
   .truth = "t", .expect = V_ERROR, .correction = "a = -b",
   .mutants = {{"eq1_2_sign", "(1.2) with -a", LINE_CLOSED (eq1_2_sign)}}},
};
static const char *const WRONG_FIELD[] = { "source", "mutants", "id" };

int
main (void)
{
  const char *what;
  for (size_t i = 0; i < COUNT_OF (BY_HAND); i++)
    {
      int same = same_row (&BY_MACRO[i], &BY_HAND[i], &what);
      tap_ok (same, "row %zu (%s): the macro's row is the one written out%s%s", i,
              BY_HAND[i].id, same ? "" : ", but not its ", what);
    }
  point p = { 0, 1, {3} };
  double z[1] = { 0.25 }, bound = 0;
  tap_ok (BY_MACRO[0].eval.value (&p, NULL).value == 3
          && BY_MACRO[0].mutants[0].eval.value (&p, NULL).value == -3,
          "the seed row's line and mutant evaluate their own functions: 3 and -3");
  tap_ok (BY_MACRO[1].eval.integrand (&p, NULL, z, &bound) == 0.25
          && BY_MACRO[1].mutants[0].eval.integrand (&p, NULL, z, &bound) == 0.5,
          "a pointwise row's integrands, line and mutant: 0.25 and 0.5");
  for (size_t i = 0; i < COUNT_OF (WRONG); i++)
    {
      int same = same_row (&BY_MACRO[0], &WRONG[i], &what);
      tap_ok (!same && strcmp (what, WRONG_FIELD[i]) == 0,
              "negative control %zu: a hand row with a wrong %s is told apart (%s)", i,
              WRONG_FIELD[i], same ? "not told apart" : what);
    }
  return tap_done ();
}
