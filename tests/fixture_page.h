/* fixture_page.h -- the smallest derivation a lib page can draw in its
 * lines panel: one line, 1 = 1, at four points of a box of one coordinate.
 * For the tests of a claim's whole figure (a page beside the lines panel),
 * whose claim lists it: CLAIM_DERIVATIONS (&fixture_page_one). */
#ifndef HARNESS_FIXTURE_PAGE_H
#define HARNESS_FIXTURE_PAGE_H

#include "derivation.h"
#include "line_fn.h"

static const point_kind fixture_page_box = POINT_BOX_OF (NULL, {"a", 0, 1, 0, 0});
static const derivation_truth FIXTURE_PAGE_TRUTH[] = { {"one", "1", LINE_CLOSED (line_fn_one)} };
static const derivation_line FIXTURE_PAGE_LINE[] = {
  {.id = "one", .source = "S 1", .text = "1", .eval = LINE_CLOSED (line_fn_one), .truth = "one"},
};
DERIVATION_DEFINE (fixture_page_one, "one", "one line", fixture_page_box, 4, FIXTURE_PAGE_TRUTH,
                   FIXTURE_PAGE_LINE);

#endif
