#!/usr/bin/python3
"""gen_rounding.py -- random expression trees for lib/rounding (rnd_*).

Writes rounding.tsv: one case per line,
  name <TAB> rpn <TAB> exact
rpn: the expression in reverse Polish notation, tokens separated by
spaces:  e<v>  an exact leaf rnd_exact(v);  g<v>  rnd_leaf(log(v), 2), a
libm log within an ulp;  + - *  rnd_add, rnd_sub, rnd_mul;  s<c>
rnd_scale(c, .);  /  rnd_div;  L  rnd_log.  Values v, c with %.17g.
exact: the value of the expression on the exact leaves (log v exact) by
mpmath at 250 digits, to 25 significant digits.  / and L are applied only
to subtrees without cancellation (positive leaves, + * / and positive
scales), as rounding.h requires.  Trees are random (random.Random, fixed
seed) to depth 7, leaves from 2^-40 to 2^40 of both signs; adversarial
cases subtract nearly equal subtrees (t - t(1 + 2^-k)), sum terms that
cancel to a few ulps, and scale by non-powers of two.
"""
import random
import sys

import mpmath
from mpmath import mp

mp.dps = 250


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


class Gen:
    def __init__(self, seed):
        self.rnd = random.Random(seed)

    def leaf(self, positive):
        r = self.rnd
        v = r.uniform(1, 2) * 2.0 ** r.randint(-40, 40)
        if not positive and r.random() < 0.5:
            v = -v
        if r.random() < 0.2:
            w = abs(v) if not positive else r.uniform(1.5, 1e6)
            return ["g" + fmt(w)], mp.log(mp.mpf(w)), positive and w > 1
        return ["e" + fmt(v)], mp.mpf(v), positive

    def tree(self, depth, positive=False, root=False):
        """(tokens, exact value, no-cancellation flag)"""
        r = self.rnd
        if depth == 0 or (r.random() < 0.25 and not root):
            return self.leaf(positive)
        op = r.choice("+-*s/L" if not positive else "+*s/L")
        if op in "/L":
            a = self.tree(depth - 1, True)
            if not a[2] or (op == "L" and a[1] <= 0):
                return a
            if op == "L":
                return a[0] + ["L"], mp.log(a[1]), False
            n = self.tree(depth - 1, positive)
            return n[0] + a[0] + ["/"], n[1] / a[1], n[2]
        if op == "s":
            c = r.choice([0.5, 4.0, 3.0, 0.1, 1e-3, 7.0, 2.0 ** -20])
            if not positive and r.random() < 0.3:
                c = -c
            a = self.tree(depth - 1, positive)
            return a[0] + ["s" + fmt(c)], mp.mpf(c) * a[1], a[2] and c > 0
        a, b = self.tree(depth - 1, positive), self.tree(depth - 1, positive)
        if op == "+":
            return a[0] + b[0] + ["+"], a[1] + b[1], a[2] and b[2]
        if op == "-":
            return a[0] + b[0] + ["-"], a[1] - b[1], False
        return a[0] + b[0] + ["*"], a[1] * b[1], a[2] and b[2]

    def near_difference(self, depth):
        """t - t (1 + 2^-k): the leaves of the second copy perturbed."""
        toks, val, _ = self.tree(depth, root=True)
        k = self.rnd.choice([10, 30, 45, 50, 52])
        eps = 2.0 ** -k
        # the same tree, every exact leaf times (1 + eps) (log leaves kept)
        toks2 = []
        for t in toks:
            if t[0] == "e":
                v = float(t[1:]) * (1 + eps)
                toks2.append("e" + fmt(v))
            else:
                toks2.append(t)
        val2 = evaluate(toks2)
        return toks + toks2 + ["-"], val - val2


def evaluate(toks):
    st = []
    for t in toks:
        if t[0] == "e":
            st.append(mp.mpf(float(t[1:])))
        elif t[0] == "g":
            st.append(mp.log(mp.mpf(float(t[1:]))))
        elif t[0] == "s":
            st.append(mp.mpf(float(t[1:])) * st.pop())
        elif t == "L":
            st.append(mp.log(st.pop()))
        else:
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[t])
    assert len(st) == 1
    return st[0]


def cases():
    g = Gen(20261203)
    for k in range(150):
        toks, val, _ = g.tree(g.rnd.randint(1, 7), root=True)
        yield "random_%03d" % k, toks, val
    for k in range(40):
        toks, val = g.near_difference(g.rnd.randint(1, 5))
        yield "near_difference_%02d" % k, toks, val
    # sums that cancel to a few ulps: a + b - (a + b) rearranged
    for k in range(20):
        a, b = g.rnd.uniform(1, 2) * 2.0 ** g.rnd.randint(0, 40), g.rnd.uniform(-1, 1)
        c = a + b
        toks = ["e" + fmt(a), "e" + fmt(b), "+", "e" + fmt(c), "-"]
        yield "sum_cancel_%02d" % k, toks, evaluate(toks)
        toks = ["e" + fmt(a), "e" + fmt(a), "*", "e" + fmt(c), "e" + fmt(c), "*", "-"]
        yield "square_cancel_%02d" % k, toks, evaluate(toks)
    # a product that is exactly representable and one that is not, scaled
    yield "scale_third", ["e3", "s0.33333333333333331"], mp.mpf(3) * mp.mpf(0.33333333333333331)
    yield "log_of_sum", ["e1", "e1e-17", "+", "L"], mp.log(1 + mp.mpf(1e-17))
    yield "div_chain", ["e1", "e3", "/", "e7", "/", "e11", "/"], mp.mpf(1) / 231


def main():
    out = ["# rounding.tsv -- written by gen_rounding.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\trpn\texact"]
    for name, toks, val in cases():
        assert abs(evaluate(toks) - val) <= abs(val) * mp.mpf(10) ** -200 + mp.mpf(10) ** -400, name
        out.append("\t".join([name, " ".join(toks), ref(val)]))
    with open("rounding.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
