/* test_derivation_define.c -- DERIVATION_DEFINE and DERIVATION_PREPARE
 * (lib/derivation.h): every field they set, set from the right argument,
 * the further fields passed through, and nothing else touched. */
#include "harness.h"
#include "tap.h"

#include <string.h>

#include "fixture_box.h"   /* after the system headers: it defines A and B */

CLOSED_FN (t_sum, A, B)
CLOSED_FN (l_sum, B, A)

typedef struct { double a, b, c; } three;
static void prep_three (const point * p, void *u) { three *t = u; t->a = A, t->b = B, t->c = 0; }

static const derivation_truth TRUTHS[] = { {"sum", "a + b", LINE_CLOSED (t_sum)} };
static const derivation_line LINES[] = {
  {.id = "l_sum", .source = "test", .truth = "sum", .text = "b + a", .eval = LINE_CLOSED (l_sum)},
  {.id = "l_prose", .source = "test", .text = "prose", .expect = V_NOT_CHECKABLE, .why = "prose"},
};

DERIVATION_DEFINE (plain, "plain_id", "plain title", box, 17, TRUTHS, LINES);
DERIVATION_DEFINE (full, "full_id", "full title", box, 23, TRUTHS, LINES,
                   DERIVATION_PREPARE (three, prep_three), .n_mc_points = 5, .x_dim = 9);

int
main (void)
{
  tap_ok (strcmp (plain.id, "plain_id") == 0, "id from the second argument");
  tap_ok (strcmp (plain.title, "plain title") == 0, "title from the third");
  tap_ok (plain.points == &box, "points: the address of the kind");
  tap_ok (plain.n_points == 17, "n_points from the fifth");
  tap_ok (plain.truths == TRUTHS && plain.n_truths == 1, "truths and their count");
  tap_ok (plain.lines == LINES && plain.n_lines == 2, "lines and their count");
  tap_ok (plain.prepare == NULL && plain.prep_size == 0 && plain.n_mc_points == 0
          && plain.x_dim == 0 && plain.sample == NULL, "no further arguments: the other fields 0");
  tap_ok (full.n_points == 23 && strcmp (full.id, "full_id") == 0, "the second derivation its own");
  tap_ok (full.prepare == prep_three, "DERIVATION_PREPARE: prepare");
  tap_ok (full.prep_size == sizeof (three), "DERIVATION_PREPARE: prep_size is sizeof TYPE");
  tap_ok (full.n_mc_points == 5 && full.x_dim == 9, "further designated fields passed through");
  return tap_done ();
}
