#!/usr/bin/python3
"""gen_conv2d.py -- exact integer cases for lib/conv2d.

Writes conv2d.tsv: one case per line,
  name <TAB> h <TAB> w <TAB> k <TAB> pad <TAB> mask <TAB> in <TAB> kernel <TAB> out
in (h x w), kernel (k x k) and out row-major, comma-separated; mask is
"none", "A" or "B" (PixelCNN, seed 003 Q4's convention: centre c = (k+1)/2,
M^A(i,j) = 1 if i < c or (i = c and j < c), M^B with j <= c, 1-based).
out = scipy.signal.correlate2d of the zero-padded input with the masked
kernel, mode "valid" (cross-correlation, no flip), in int64: small integer
inputs (|x| <= 9, |k| <= 9) keep every sum exact in double, so the C
result must equal it exactly.  Sizes 1x1 to 9x12, k = 1, 2, 3, 5,
padding 0 to 3, including kernels as large as the padded input.
"""
import random
import sys

import numpy as np
import scipy
from scipy import signal


def mask(kind, k):
    m = np.zeros((k, k), dtype=np.int64)
    c = (k + 1) // 2
    for i in range(1, k + 1):
        for j in range(1, k + 1):
            if i < c or (i == c and (j < c if kind == "A" else j <= c)):
                m[i - 1, j - 1] = 1
    return m


def main():
    rnd = random.Random(20261206)
    out = ["# conv2d.tsv -- written by gen_conv2d.py; do not edit",
           "# python %s, numpy %s, scipy %s" % (sys.version.split()[0], np.__version__, scipy.__version__),
           "# name\th\tw\tk\tpad\tmask\tin\tkernel\tout"]
    shapes = [(1, 1, 1, 0), (2, 2, 2, 0), (3, 3, 3, 1), (4, 5, 3, 0), (5, 4, 3, 2),
              (6, 6, 5, 2), (2, 3, 5, 2), (1, 1, 3, 1), (9, 12, 3, 1), (7, 8, 5, 0),
              (3, 7, 1, 3), (4, 4, 2, 1)]
    n = 0
    for h, w, k, pad in shapes:
        for kind in ("none", "A", "B"):
            if kind != "none" and k % 2 == 0:
                continue
            x = np.array([[rnd.randint(-9, 9) for _ in range(w)] for _ in range(h)], dtype=np.int64)
            kern = np.array([[rnd.randint(-9, 9) for _ in range(k)] for _ in range(k)], dtype=np.int64)
            km = kern * mask(kind, k) if kind != "none" else kern
            xp = np.pad(x, pad)
            y = signal.correlate2d(xp, km, mode="valid")
            out.append("\t".join(["%dx%d_k%d_p%d_%s" % (h, w, k, pad, kind), str(h), str(w), str(k),
                                  str(pad), kind, ",".join(map(str, x.ravel())),
                                  ",".join(map(str, kern.ravel())), ",".join(map(str, y.ravel()))]))
            n += 1
    with open("conv2d.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
