#!/usr/bin/python3
"""gen_normal.py -- reference values for lib/normal and lib/normal_pair.

Writes normal.tsv: one case per line, its second field the kind:
  name  pdf    x  mu  sigma  log_pdf  pdf  entropy(sigma)
  name  kl     m1  s1  m2  s2  kl
  name  ratio  ma  sa  mb  sb  x  log_ratio
  name  quad   what  ma  sa  mb  sb  center  scale  integral
Inputs with %.17g (strtod gives back the exact doubles); references of
exactly those doubles by mpmath at 60 digits (the KL through log1p, so the
cancellation of nearly equal normals costs no digits), printed to 25
significant digits.  Values beyond the double range are printed as they
are (1e-2000, -5e399; a density below 1e-4900 as 0): the C test wants an
overflow or an underflow there.
The quad integrals (what = kl, overlap, bump, second) have closed forms:
  kl       int a log(a/b)            = KL(a || b)
  overlap  int a b                   = N(ma; mb, sa² + sb²)
  bump     int a N(.; center, scale²) = N(center; ma, sa² + scale²)
  second   int b x²                  = mb² + sb²
Cases: sigma from 1e-300 to 1e300, |x - mu|/sigma from 0 to 1e150 and
around 38 (where the density leaves the normal range), x - mu overflowing,
KL of nearly equal normals down to one ulp apart, scale ratios to 1e600,
mean gaps to 1e150 sd, random pairs (random.Random, fixed seed).
"""
import math
import random
import sys

import mpmath
from mpmath import mp

mp.dps = 60
LOG_SQRT_2PI = mp.log(2 * mp.pi) / 2


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def log_pdf(x, mu, s):
    x, mu, s = mp.mpf(x), mp.mpf(mu), mp.mpf(s)
    return -((x - mu) / s) ** 2 / 2 - mp.log(s) - LOG_SQRT_2PI


def entropy(s):
    return mp.mpf(1) / 2 + LOG_SQRT_2PI + mp.log(mp.mpf(s))


def kl(m1, s1, m2, s2):
    m1, s1, m2, s2 = map(mp.mpf, (m1, s1, m2, s2))
    c = ((m1 - m2) / s2) ** 2 / 2
    r = s1 / s2
    if abs(r - 1) > 0.5:
        return (r * r - 1) / 2 - mp.log(r) + c
    e = (s1 - s2) / s2   # s1 - s2 exact in double (Sterbenz): exact here too
    return (e - mp.log1p(e)) + e * e / 2 + c


def tiny_to_zero(x):
    """A density below 1e-4900 (beyond even long double) as 0."""
    return mp.mpf(0) if x < mp.mpf("1e-4900") else x


def npdf(x, m, v):
    return mp.exp(-(mp.mpf(x) - m) ** 2 / (2 * v)) / mp.sqrt(2 * mp.pi * v)


def quad_ref(what, ma, sa, mb, sb, c, s):
    ma, sa, mb, sb, c, s = map(mp.mpf, (ma, sa, mb, sb, c, s))
    if what == "kl":
        return kl(ma, sa, mb, sb)
    if what == "overlap":
        return npdf(ma, mb, sa ** 2 + sb ** 2)
    if what == "bump":
        return npdf(c, ma, sa ** 2 + s ** 2)
    return mb ** 2 + sb ** 2


def pdf_cases(rnd):
    sigmas = [1e-300, 1e-200, 1e-100, 1e-10, 0.3, 1.0, 7.0, 1e10, 1e100,
              1e200, 1e300]
    zs = [0.0, 1e-200, 0.5, 1.0, 3.0, 10.0, 37.0, 38.0, 38.5, 40.0, 1e3,
          1e8, 1e50, 1e150]
    for s in sigmas:
        for mu_in_sd in (0.0, -2.5, 1e5):
            mu = mu_in_sd * s
            for z in zs:
                sign = rnd.choice((-1, 1))
                if math.isinf(mu + sign * z * s):
                    continue
                yield "pdf_s%g_mu%g_z%g" % (s, mu_in_sd, sign * z), mu + sign * z * s, mu, s
    # x - mu overflows; the quotient does not
    yield "pdf_overflow_diff_s1e300", 1e308, -1e308, 1e300
    yield "pdf_overflow_diff_s1e307", -1.5e308, 1.5e308, 1e307
    # subnormal sigma and x
    yield "pdf_subnormal_sigma", 1e-320, 0.0, 3e-320
    yield "pdf_subnormal_x", 5e-324, 0.0, 1e-300
    for k in range(30):
        s = math.exp(rnd.uniform(-20, 20))
        mu = rnd.gauss(0, 10)
        yield "pdf_random_%02d" % k, mu + s * rnd.gauss(0, 3), mu, s


def kl_cases(rnd):
    for s in (1e-300, 1e-8, 1.0, 3.7, 1e8, 1e300):
        for eps in (0.4, -0.4, 1e-1, -1e-3, 1e-6, -1e-8, 1e-10, 1e-13, -1e-15):
            s2 = s * (1 + eps)
            yield "kl_near_s%g_eps%g" % (s, eps), 0.25 * s, s, 0.25 * s, s2
            yield "kl_near_dm_s%g_eps%g" % (s, eps), 0.0, s, abs(eps) * s, s2
        yield "kl_ulp_s%g" % s, 0.0, s, 0.0, math.nextafter(s, 2 * s)
        yield "kl_ulp_below_s%g" % s, 0.0, s, 0.0, math.nextafter(s, 0)
        yield "kl_equal_s%g" % s, 1.0, s, 1.0, s
        yield "kl_mean_ulp_s%g" % s, 1.0, s, math.nextafter(1.0, 2), s
    for r in (1e-300, 1e-200, 1e-160, 1e-10, 0.49, 0.51, 1.49, 1.51, 1e10, 1e150):
        yield "kl_ratio_%g" % r, 0.0, r, 0.0, 1.0
    yield "kl_ratio_1e-600", 0.0, 1e-300, 0.0, 1e300
    yield "kl_ratio_1e-400", 0.3, 1e-200, -0.1, 1e200
    yield "kl_ratio_1e600", 0.0, 1e300, 0.0, 1e-300
    for g in (1e-300, 1e-8, 1.0, 1e8, 1e100, 1e150):
        yield "kl_gap_%g" % g, g, 1.0, 0.0, 1.0
        yield "kl_gap_%g_s" % g, g * 1e100, 1e100, 0.0, 1e100
    yield "kl_gap_overflow", 1e308, 1e300, -1e308, 1e300
    for k in range(40):
        s1, s2 = math.exp(rnd.uniform(-5, 5)), math.exp(rnd.uniform(-5, 5))
        yield "kl_random_%02d" % k, rnd.gauss(0, 3), s1, rnd.gauss(0, 3), s2


def ratio_cases(rnd):
    for k in range(30):
        ma, mb = rnd.gauss(0, 1), rnd.gauss(0, 1)
        sa, sb = math.exp(rnd.uniform(-3, 3)), math.exp(rnd.uniform(-3, 3))
        x = rnd.choice((ma, mb, 0.0)) + rnd.choice((1, 10, 1e3, 1e8, 1e100)) * rnd.gauss(0, 1)
        yield "ratio_random_%02d" % k, ma, sa, mb, sb, x
    yield "ratio_equal_scales", 0.5, 1.0, -0.5, 1.0, 1e10
    yield "ratio_tiny_scales", 1e-300, 1e-300, 0.0, 2e-300, 3e-300
    yield "ratio_near_pair", 0.0, 1.0, 1e-12, 1.0 + 1e-12, 0.3


def quad_cases(rnd):
    fixed = [(0.0, 1.0, 0.0, 1.0), (0.0, 1.0, 1.0, 2.0), (-1.0, 0.2, 2.0, 0.5),
             (0.0, 0.02, 0.0, 1.0), (0.3, 3.0, 0.2, 0.05)]
    for i, (ma, sa, mb, sb) in enumerate(fixed):
        for what in ("kl", "overlap", "second"):
            yield "quad_%s_%d" % (what, i), what, ma, sa, mb, sb, ma, sa
        yield "quad_bump_%d" % i, "bump", ma, sa, mb, sb, ma + 2 * sa, 0.05
    for k in range(12):
        ma, mb = rnd.gauss(0, 1), rnd.gauss(0, 1)
        sa, sb = math.exp(rnd.uniform(-1.5, 1.5)), math.exp(rnd.uniform(-1.5, 1.5))
        what = ("kl", "overlap", "second", "bump")[k % 4]
        c, s = (rnd.gauss(0, 1), math.exp(rnd.uniform(-2, 0))) if what == "bump" else (ma, sa)
        yield "quad_random_%02d_%s" % (k, what), what, ma, sa, mb, sb, c, s


def main():
    rnd = random.Random(20261202)
    out = ["# normal.tsv -- written by gen_normal.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\tpdf\tx\tmu\tsigma\tlog_pdf\tpdf\tentropy",
           "# name\tkl\tm1\ts1\tm2\ts2\tkl",
           "# name\tratio\tma\tsa\tmb\tsb\tx\tlog_ratio",
           "# name\tquad\twhat\tma\tsa\tmb\tsb\tcenter\tscale\tintegral"]
    for name, x, mu, s in pdf_cases(rnd):
        lp = log_pdf(x, mu, s)
        out.append("\t".join([name, "pdf", fmt(x), fmt(mu), fmt(s), ref(lp),
                              ref(tiny_to_zero(mp.exp(lp))), ref(entropy(s))]))
    for name, m1, s1, m2, s2 in kl_cases(rnd):
        out.append("\t".join([name, "kl", fmt(m1), fmt(s1), fmt(m2), fmt(s2),
                              ref(kl(m1, s1, m2, s2))]))
    for name, ma, sa, mb, sb, x in ratio_cases(rnd):
        out.append("\t".join([name, "ratio"] + [fmt(v) for v in (ma, sa, mb, sb, x)]
                             + [ref(log_pdf(x, ma, sa) - log_pdf(x, mb, sb))]))
    for name, what, ma, sa, mb, sb, c, s in quad_cases(rnd):
        out.append("\t".join([name, "quad", what] + [fmt(v) for v in (ma, sa, mb, sb, c, s)]
                             + [ref(quad_ref(what, ma, sa, mb, sb, c, s))]))
    with open("normal.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
