#!/usr/bin/python3
"""gen_discrete.py -- reference values of KL(p||q) and JSD(p, q).

Writes discrete.tsv: one case per line,
  name <TAB> n <TAB> p <TAB> q <TAB> kl_pq <TAB> jsd
p and q comma-separated with %.17g (strtod gives back the exact doubles);
kl_pq = sum p_i log(p_i / q_i) and jsd = 1/2 sum [p_i log(2 p_i/(p_i+q_i))
+ q_i log(2 q_i/(p_i+q_i))] of exactly those doubles (normalised or not),
with 0 log 0 = 0 and p log(p/0) = inf, by mpmath at 60 digits, printed to
25 significant digits.  The vectors are deterministic (random.Random with a
fixed seed): nearly equal pairs down to a few ulps apart, zero-containing
and disjoint supports, lengths up to 1000, subnormal and huge entries.
"""
import math
import random
import sys

import mpmath
from mpmath import mp

mp.dps = 60
TINY = 5e-324


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def kl(p, q):
    s = mp.mpf(0)
    for a, b in zip(p, q):
        if a == 0:
            continue
        if b == 0:
            return mp.inf
        s += mp.mpf(a) * (mp.log(mp.mpf(a)) - mp.log(mp.mpf(b)))
    return s


def jsd(p, q):
    s = mp.mpf(0)
    for a, b in zip(p, q):
        a, b = mp.mpf(a), mp.mpf(b)
        w = a + b
        if a > 0:
            s += a * mp.log(2 * a / w)
        if b > 0:
            s += b * mp.log(2 * b / w)
    return s / 2


def normalised(w):
    t = math.fsum(w)
    return [x / t for x in w]


def dirichlet(rnd, n, alpha, zero_frac=0.0):
    w = [rnd.gammavariate(alpha, 1.0) if rnd.random() >= zero_frac else 0.0
         for _ in range(n)]
    if not any(w):
        w[0] = 1.0
    return normalised(w)


def cases():
    rnd = random.Random(20261201)
    # the defect: nearly equal vectors, q = p (1 + eps z) renormalised
    for n in (2, 10, 100, 1000):
        for eps in (1e-2, 1e-5, 1e-8, 1e-12, 1e-15):
            if n == 1000 and eps not in (1e-5, 1e-12):
                continue
            p = dirichlet(rnd, n, 1.0)
            q = normalised([x * (1 + eps * rnd.gauss(0, 1)) for x in p])
            yield "near_n%d_eps%g" % (n, eps), p, q
    # nearly equal by one ulp in every entry
    p = dirichlet(rnd, 50, 2.0)
    yield "ulp_apart_n50", p, [math.nextafter(x, 1.0) for x in p]
    # Bernoulli(1/2 + 2^-e) against Bernoulli(1/2 - 2^-e) and 1/2
    for e in (3, 10, 20, 26, 40, 52):
        d = 2.0 ** -e
        yield "bernoulli_pm_2^-%d" % e, [0.5 + d, 0.5 - d], [0.5 - d, 0.5 + d]
        yield "bernoulli_half_2^-%d" % e, [0.5 + d, 0.5 - d], [0.5, 0.5]
    # equal vectors: 0 exactly
    p = dirichlet(rnd, 100, 0.5)
    yield "equal_n100", p, list(p)
    # zero-containing: shared zeros, zeros on one side only (KL = inf)
    for n in (5, 100, 1000):
        p = dirichlet(rnd, n, 0.3, 0.3)
        q = dirichlet(rnd, n, 0.3, 0.3)
        yield "zeros_n%d" % n, p, q
        qq = normalised([x * (1 + 1e-9 * rnd.gauss(0, 1)) if x > 0 else 0.0 for x in p])
        yield "zeros_near_n%d" % n, p, qq
    yield "disjoint", [0.5, 0.0, 0.25, 0.0, 0.25], [0.0, 0.125, 0.0, 0.875, 0.0]
    yield "disjoint_tenths", [0.1, 0.2, 0.0, 0.7], [0.0, 0.0, 1.0, 0.0]
    yield "one_vs_half", [1.0, 0.0], [0.5, 0.5]
    # extremes: subnormal, 1e-300, ratios beyond DBL_MAX
    yield "subnormal_vs_one", [TINY, 1.0], [1.0, TINY]
    yield "subnormal_pair", [TINY, 3 * TINY], [2 * TINY, 2 * TINY]
    yield "e-300", [1e-300, 1.0 - 1e-300], [3e-300, 1.0]
    yield "e-300_near", [1e-300, 1.0], [1.0000001e-300, 1.0]
    yield "ratio_2", [2.0 / 3, 1.0 / 3], [1.0 / 3, 2.0 / 3]
    yield "ratio_just_over_2", [0.5, 0.5], [math.nextafter(0.25, 0), 0.75]
    # unnormalised, huge entries (the sums are the same formulas)
    yield "huge", [1e308, 1.7e308], [1.6e308, 1.1e308]
    yield "huge_near", [1.7e308, 1.0], [math.nextafter(1.7e308, 0), 1.0]
    # random pairs of all kinds
    for k in range(30):
        n = rnd.choice([2, 3, 10, 50, 300])
        alpha = math.exp(rnd.gauss(0, 1.5))
        p = dirichlet(rnd, n, alpha, rnd.choice([0.0, 0.2]))
        q = dirichlet(rnd, n, alpha, rnd.choice([0.0, 0.2]))
        yield "random_%02d_n%d" % (k, n), p, q


def main():
    out = ["# discrete.tsv -- written by gen_discrete.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\tn\tp\tq\tkl_pq\tjsd"]
    for name, p, q in cases():
        out.append("\t".join([name, str(len(p)), ",".join(map(fmt, p)),
                              ",".join(map(fmt, q)), ref(kl(p, q)), ref(jsd(p, q))]))
    with open("discrete.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
