/* test_cli.c -- strict number parsing used for every option value. */
#include "cli.h"
#include "tap.h"

int
main (void)
{
  unsigned long u;
  double x;
  tap_ok (parse_ulong ("42", &u) == 0 && u == 42, "42 is a whole number");
  tap_ok (parse_ulong ("0", &u) == 0 && u == 0, "0 is a whole number");
  const char *bad_ulong[] = { "", "-1", "+1", " 1", "1 ", "1e3", "0x10", "12x",
    "99999999999999999999999", "abc"
  };
  for (size_t i = 0; i < sizeof bad_ulong / sizeof *bad_ulong; i++)
    tap_ok (parse_ulong (bad_ulong[i], &u) != 0, "'%s' is rejected as a whole number",
            bad_ulong[i]);
  tap_ok (parse_double ("1e-3", &x) == 0 && x == 1e-3, "1e-3 is a number");
  tap_ok (parse_double ("-2.5", &x) == 0 && x == -2.5, "-2.5 is a number");
  const char *bad_double[] = { "", "nan", "inf", "-inf", "1e999", "1.5x", "abc", "1,5" };
  for (size_t i = 0; i < sizeof bad_double / sizeof *bad_double; i++)
    tap_ok (parse_double (bad_double[i], &x) != 0, "'%s' is rejected as a number",
            bad_double[i]);
  return tap_done ();
}
