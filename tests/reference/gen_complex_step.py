#!/usr/bin/python3
"""gen_complex_step.py -- reference derivatives for lib/complex_step.

Writes complex_step.tsv: one case per line,
  name <TAB> fn <TAB> x <TAB> derivative <TAB> terms <TAB> trunc
fn names one of the functions that tests/test_complex_step.c defines
(the same formulas, in complex arithmetic there); x with %.17g;
derivative = f'(x) in closed form at 50 digits, checked against
mpmath.diff (numerical differentiation at 800 digits, a step 1e-35 |x|)
to 40 digits;
terms = the sum of the magnitudes of the terms of f'(x) (what cancels in
a complex evaluation of Im f(x + ih)), exact formula in mpmath; trunc =
2 h^2 |f'''(x)| / 6 with h = 1e-20 |x| (1e-20 at 0) rounded as in C: the
step's truncation term, doubled for the higher orders.  All printed to 25
significant digits.  Points: 0, 1e-300 and 1e-200 (the step then
subnormal or tiny), moderate values, roots of f' (cancellation), the
ends of each function's range.
"""
import sys

import mpmath
from mpmath import mp

mp.dps = 50


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


E = mp.exp
# f' in closed form, to check mpmath.diff against (both must agree)
DERIV = {
    "exp": E, "sin": mp.cos, "log": lambda x: 1 / x,
    "sqrt": lambda x: 1 / (2 * mp.sqrt(x)),
    "poly_exp": lambda x: (3 * x * x - 2 * x ** 4) * E(-x * x),
    "rational": lambda x: -2 * x / (1 + x * x) ** 2,
    "softplus": lambda x: 1 / (1 + E(-x)),
    "sigmoid": lambda x: E(-x) / (1 + E(-x)) ** 2,
    "log_normal": lambda x: -(x - mp.mpf(0.3)) / mp.mpf(1.7) ** 2,
    "atan": lambda x: 1 / (1 + x * x),
    "x_log_x": lambda x: mp.log(x) + 1,
}

FNS = {
    # name: (f, terms of f', points)
    "exp": (E, lambda x: E(x), [0.0, 1e-300, -700.0, -3.0, 1.0, 700.0]),
    "sin": (mp.sin, lambda x: abs(mp.cos(x)),
            [0.0, 1e-300, 0.5, 1.5707963267948966, 3.0, 1e10]),
    "log": (mp.log, lambda x: 1 / x, [1e-300, 1e-200, 1e-10, 0.7, 1.0, 1e300]),
    "sqrt": (mp.sqrt, lambda x: 1 / (2 * mp.sqrt(x)), [1e-300, 1e-8, 2.0, 1e300]),
    "poly_exp": (lambda x: x ** 3 * E(-x * x),
                 lambda x: (3 * x * x + 2 * x ** 4) * E(-x * x),
                 [0.0, 1e-300, 1e-100, 0.3, 1.2247448713915889, 1.2247448713915892, 4.0, 20.0]),
    "rational": (lambda x: 1 / (1 + x * x), lambda x: 2 * abs(x) / (1 + x * x) ** 2,
                 [0.0, 1e-300, -0.5, 1.0, 1e5, 1e100]),
    "softplus": (lambda x: mp.log(1 + E(x)), lambda x: 1 / (1 + E(-x)),
                 [-700.0, -30.0, -1.0, 0.0, 2.0, 30.0]),
    "sigmoid": (lambda x: 1 / (1 + E(-x)), lambda x: E(-x) / (1 + E(-x)) ** 2,
                [-30.0, -2.0, 0.0, 1e-300, 3.0, 30.0]),
    "log_normal": (lambda x: -((x - mp.mpf(0.3)) / mp.mpf(1.7)) ** 2 / 2 - mp.log(mp.mpf(1.7)),
                   lambda x: abs(x - mp.mpf(0.3)) / mp.mpf(1.7) ** 2,
                   [0.0, 0.29999999999999999, 0.30000000000000004, 1.0, -1e150]),
    "atan": (mp.atan, lambda x: 1 / (1 + x * x), [0.0, 1e-300, 0.5, -2.0, 1e8]),
    "x_log_x": (lambda x: x * mp.log(x), lambda x: abs(mp.log(x)) + 1,
                [1e-300, 1e-12, 0.36787944117144233, 1.0, 5.5, 1e300]),
}


def main():
    out = ["# complex_step.tsv -- written by gen_complex_step.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\tfn\tx\tderivative\tterms\ttrunc"]
    for fn, (f, terms, points) in FNS.items():
        for x in points:
            h = 1e-20 * abs(x) if x != 0 else 1e-20
            opt = {"h": mp.mpf(10) ** -35 * (abs(mp.mpf(x)) if x != 0 else 1)}
            with mp.workdps(800):
                d = mp.diff(f, mp.mpf(x), **opt)
                d3 = mp.diff(f, mp.mpf(x), 3, **opt)
            exact = DERIV[fn](mp.mpf(x))
            assert abs(d - exact) <= mp.mpf(10) ** -40 * (abs(exact) + terms(mp.mpf(x))) + mp.mpf(10) ** -60, (fn, x, d, exact)
            trunc = 2 * mp.mpf(h) ** 2 * abs(d3) / 6
            out.append("\t".join(["%s_%s" % (fn, fmt(x)), fn, fmt(x), ref(exact),
                                  ref(terms(mp.mpf(x))), ref(trunc)]))
    with open("complex_step.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
