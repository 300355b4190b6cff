#!/usr/bin/python3
"""gen_estimate.py -- exact arithmetic for lib/estimate's deterministic parts.

Writes estimate.tsv: one case per line,
  name <TAB> op <TAB> args <TAB> exact
op "sum": args = the terms t_1..t_n (comma-separated, %.17g), exact = their
sum, for est_sum_terms (t, n, 0);  op "add", "sub", "scale": args = a, ea,
b, eb (scale: c, -, a, ea), where a and b are estimates est_exact (a, ea)
of true values a*, b* within ea, eb; exact = a* + b*, a* - b*, c a*.  The
true values are a + ea s, s a fixed sign (the worst end of the interval).
Exact values by Python's fractions.Fraction (no rounding at all), printed
to 25 significant digits through mpmath.  Sums: lengths 2 to 1000, terms
from 2^-60 to 2^60, sums that cancel to a few ulps or to 0, alternating
series.
"""
import math
import random
import sys
from fractions import Fraction

import mpmath
from mpmath import mp

mp.dps = 60


def fmt(x):
    return "%.17g" % x


def ref(fr):
    return mp.nstr(mp.mpf(fr.numerator) / fr.denominator, 25, min_fixed=1, max_fixed=0)


def cases(rnd):
    for n in (2, 3, 10, 100, 1000):
        for kind in ("random", "cancel", "zero", "alternating"):
            if kind == "random":
                t = [rnd.uniform(-1, 1) * 2.0 ** rnd.randint(-60, 60) for _ in range(n)]
            elif kind == "cancel":
                h = [rnd.uniform(1, 2) * 2.0 ** rnd.randint(0, 40) for _ in range((n + 1) // 2)]
                t = (h + [-(v * (1 + 2.0 ** -50)) for v in h])[:n]
                if n % 2:
                    t[-1] = 1e-3
            elif kind == "zero":
                h = [rnd.uniform(-1, 1) * 2.0 ** rnd.randint(-30, 30) for _ in range(n // 2)]
                t = h + [-v for v in h]
                rnd.shuffle(t)
                if n % 2:
                    t.append(0.0)
            else:
                t = [(-1) ** k / (k + 1) for k in range(n)]
            yield "sum_%s_n%d" % (kind, n), "sum", t, sum(map(Fraction, t))
    for k in range(30):
        a, b = rnd.gauss(0, 1) * 2.0 ** rnd.randint(-20, 20), rnd.gauss(0, 1) * 2.0 ** rnd.randint(-20, 20)
        if k % 3 == 0:
            b = a * (1 + rnd.choice([1e-15, 1e-10, 1e-5]))
        ea, eb = (0.0, 0.0) if k % 2 else (abs(a) * 1e-12, abs(b) * 3e-9)
        sa, sb = rnd.choice((-1, 1)), rnd.choice((-1, 1))
        fa, fb = Fraction(a) + sa * Fraction(ea), Fraction(b) + sb * Fraction(eb)
        yield "add_%02d" % k, "add", [a, ea, b, eb], fa + fb
        yield "sub_%02d" % k, "sub", [a, ea, b, eb], fa - fb
        c = rnd.choice([3.0, 0.1, -7.25, 1.0 / 3, 2.0 ** -30])
        yield "scale_%02d" % k, "scale", [c, 0.0, a, ea], Fraction(c) * fa


def main():
    rnd = random.Random(20261207)
    out = ["# estimate.tsv -- written by gen_estimate.py; do not edit",
           "# python %s, mpmath %s (printing only; the arithmetic is fractions.Fraction)"
           % (sys.version.split()[0], mpmath.__version__),
           "# name\top\targs\texact"]
    for name, op, args, exact in cases(rnd):
        out.append("\t".join([name, op, ",".join(map(fmt, args)), ref(exact)]))
    with open("estimate.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
