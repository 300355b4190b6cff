#!/usr/bin/python3
"""gen_logsumexp.py -- reference values of log-sum-exp and log-mean-exp.

Writes logsumexp.tsv: one case per line,
  name <TAB> runs <TAB> log_sum_exp <TAB> log_mean_exp
where runs is a space-separated list of value*count (or value) -- the input
vector is the runs concatenated in order, so "0 -20*1000000" is [0] followed
by 10^6 copies of -20.  Values are written with %.17g (strtod gives back the
exact doubles); the references are the exact log(sum exp x_i) of those
doubles, by mpmath at 60 digits, printed to 25 significant digits.
Deterministic: random cases come from random.Random with fixed seeds.
"""
import math
import random
import sys

import mpmath
from mpmath import mp

mp.dps = 60


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def exact(runs):
    """(log sum exp, log mean exp) of the vector the runs describe."""
    vals = [(mp.mpf(v), c) for v, c in runs]
    n = sum(c for _, c in runs)
    if any(math.isnan(v) for v, _ in runs):
        return mp.nan, mp.nan
    if any(v == math.inf for v, _ in runs):
        return mp.inf, mp.inf
    finite = [(v, c) for v, c in vals if v != -mp.inf]
    if not finite:
        return -mp.inf, -mp.inf
    m = max(v for v, _ in finite)
    # one copy of the maximum is the 1 in log1p: log(1 + s) at 60 digits
    # would lose s below 1e-60 ([0, -200] is 1.4e-87)
    rest = mp.fsum((c - 1 if v == m else c) * mp.exp(v - m) for v, c in finite)
    lse = m + mp.log1p(rest)
    return lse, lse - mp.log(n)


def line(name, runs):
    lse, lme = exact(runs)
    desc = " ".join(fmt(v) if c == 1 else "%s*%d" % (fmt(v), c) for v, c in runs)
    return "\t".join([name, desc, ref(lse), ref(lme)])


def cases():
    # the reproducers (regressions)
    yield "regress_0_minus20x1e6", [(0.0, 1), (-20.0, 10**6)]
    yield "regress_0_minus36.7x1e7", [(0.0, 1), (-36.7, 10**7)]
    yield "regress_0_minus40", [(0.0, 1), (-40.0, 1)]
    # near 0: the whole value is log1p of a tiny sum
    for e in (-1, -10, -30, -36.7, -37, -200, -700, -745, -746):
        yield "tiny_tail_%g" % e, [(0.0, 1), (float(e), 1)]
    yield "tiny_many_x1e5", [(0.0, 1), (-30.0, 10**5)]
    yield "sub_max_first", [(-40.0, 1000), (0.0, 1)]
    yield "cancel_half_half", [(math.log(0.5), 2)]
    yield "cancel_thirds", [(math.log(1 / 3), 3)]
    yield "equal_x1e6", [(0.0, 10**6)]
    yield "equal_neg_x1e6", [(-700.0, 10**6)]
    yield "two_max", [(3.0, 2), (2.5, 1)]
    # log-values at +-1e300 and the ends of the double range
    yield "pm1e300", [(1e300, 1), (-1e300, 1)]
    yield "p1e300_pair", [(1e300, 2)]
    yield "m1e300_x5", [(-1e300, 5)]
    yield "p1e300_near", [(1e300, 1), (math.nextafter(1e300, 0), 1)]
    yield "m1e300_zero", [(-1e300, 1), (0.0, 1)]
    yield "dblmax", [(sys.float_info.max, 1), (-sys.float_info.max, 1)]
    yield "minus_inf_mix", [(-math.inf, 3), (-2.0, 1), (-math.inf, 1)]
    yield "all_minus_inf", [(-math.inf, 4)]
    yield "plus_inf", [(1.0, 1), (math.inf, 1)]
    yield "big_shift", [(1000.0, 3)]
    yield "big_and_small", [(710.0, 1), (0.0, 1)]
    yield "subnormal_terms", [(0.0, 1), (-740.0, 1), (-744.0, 1), (-745.1, 1)]
    # random vectors: Gaussian values at several scales, n up to 1000
    rnd = random.Random(20261201)
    for k in range(60):
        n = rnd.choice([2, 3, 10, 100, 1000])
        scale = rnd.choice([1e-3, 1.0, 10.0, 100.0, 1e3, 1e5])
        shift = rnd.choice([0.0, -50.0, 300.0, 1e300])
        xs = [shift + scale * rnd.gauss(0, 1) for _ in range(n)]
        yield "random_%02d_n%d" % (k, n), [(x, 1) for x in xs]
    # one term dominating many just below it, n = 10^4 .. 10^6
    for n, gap in ((10**4, 1e-8), (10**5, 3.0), (10**6, 33.0)):
        yield "plateau_n%d" % n, [(1.0, 1), (1.0 - gap, n)]


def main():
    out = ["# logsumexp.tsv -- written by gen_logsumexp.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\truns (value*count ...)\tlog_sum_exp\tlog_mean_exp"]
    out += [line(name, runs) for name, runs in cases()]
    with open("logsumexp.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
