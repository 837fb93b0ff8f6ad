"""Golden streams of NumPy's legacy random API (RandomState, MT19937): sessions of interleaved
calls on one RandomState, so the state advance and the cached Gaussian carry from call to call.

calls.txt holds one line per step: `new SEED` or `new_array S1,S2,..` starts a session, `save` /
`restore` keep and reload its state (get_state/set_state), every other line is
`OP ARG.. -> FILE` (the call's result, saved as FILE.npy) or `OP ARG.. !! MESSAGE` (the call
raises with that message). `state -> FILE` compares get_state(): key in FILE.npy, and the line
ends with `pos has_gauss gauss` (gauss as repr). Shapes are written `s=3,4` (`s=` is 0-d).
"""
import os

import numpy as np

SEEDS = [0, 1, 42, 2**32 - 1]
ARRAY_SEEDS = [[0], [1, 2, 3], [2**32 - 1, 0, 12345], list(range(700))]
SHAPES = [(0,), (1,), (7,), (1000,), (3, 4), ()]
INT_DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


def shp(s):
    return "s=" + ",".join(str(x) for x in s)


class Session:
    def __init__(self, out, lines, counter):
        self.out, self.lines, self.counter = out, lines, counter
        self.rs = None
        self.saved = None

    def start(self, seed):
        if isinstance(seed, list):
            self.lines.append("new_array " + ",".join(str(x) for x in seed))
        else:
            self.lines.append(f"new {seed}")
        self.rs = np.random.RandomState(seed)

    def call(self, text, fn):
        try:
            res = fn(self.rs)
        except (ValueError, TypeError, OverflowError, IndexError) as e:
            self.lines.append(f"{text} !! {e}")
            return
        name = f"r{self.counter[0]:04d}"
        self.counter[0] += 1
        np.save(os.path.join(self.out, name + ".npy"), np.array(np.asarray(res), order="C"))
        self.lines.append(f"{text} -> {name}")

    def state(self):
        st = self.rs.get_state()
        name = f"r{self.counter[0]:04d}"
        self.counter[0] += 1
        np.save(os.path.join(self.out, name + ".npy"), st[1])
        self.lines.append(f"state -> {name} {st[2]} {st[3]} {float(st[4])!r}")

    def save(self):
        self.lines.append("save")
        self.saved = self.rs.get_state()

    def restore(self):
        self.lines.append("restore")
        self.rs.set_state(self.saved)


def pstr(p):
    return "None" if p is None else ",".join(repr(float(x)) for x in p)


def generate(out):
    lines = []
    counter = [0]
    s = Session(out, lines, counter)

    # Every seed: the basic streams, interleaved so the Gaussian cache is exercised.
    for seed in SEEDS + ARRAY_SEEDS:
        s.start(seed)
        s.state()
        for shape in [(7,), (3, 4), (1,)]:
            s.call(f"rand {shp(shape)}", lambda r, sh=shape: r.rand(*sh))
            s.call(f"randn {shp(shape)}", lambda r, sh=shape: r.randn(*sh))
        s.state()
        s.call("randint 0 100 int64 s=7", lambda r: r.randint(0, 100, 7))
        s.call("standard_normal s=", lambda r: r.standard_normal(size=()))
        s.state()
        s.save()
        s.call("normal 1.5 2.0 s=5", lambda r: r.normal(1.5, 2.0, 5))
        s.restore()
        s.call("normal 1.5 2.0 s=5", lambda r: r.normal(1.5, 2.0, 5))
        s.call("permutation 10", lambda r: r.permutation(10))

    # Sizes on one generator.
    s.start(42)
    for shape in SHAPES:
        sh = shp(shape)
        s.call(f"random_sample {sh}", lambda r, x=shape: r.random_sample(x))
        s.call(f"standard_normal {sh}", lambda r, x=shape: r.standard_normal(x))
        s.call(f"uniform -2.0 3.0 {sh}", lambda r, x=shape: r.uniform(-2.0, 3.0, x))
        s.call(f"exponential 2.5 {sh}", lambda r, x=shape: r.exponential(2.5, x))
        s.call(f"randint -5 5 int64 {sh}", lambda r, x=shape: r.randint(-5, 5, x))
    s.state()
    s.call("standard_normal s=3", lambda r: r.standard_normal(3))
    s.state()

    # randint: every dtype, full ranges, one-value ranges, high=None, large 64-bit ranges.
    s.start(1)
    for dt in INT_DTYPES:
        info = (0, 1) if dt == "bool" else (int(np.iinfo(dt).min), int(np.iinfo(dt).max))
        lo, hi = info
        cases = [(lo, hi + 1), (lo, lo + 1), (0, 2), (hi // 3, hi), (lo, None if lo > 0 else hi)]
        if dt not in ("bool",):
            cases.append((max(lo, -3), 100 if hi >= 100 else hi))
        for (a, b) in cases:
            for shape in [(9,), (3, 4), (1000,)] if (a, b) == (lo, hi + 1) else [(17,)]:
                bs = "None" if b is None else str(b)
                s.call(f"randint {a} {bs} {dt} {shp(shape)}",
                       lambda r, a=a, b=b, d=dt, x=shape: r.randint(a, b, x, dtype=d))
    for (a, b) in [(0, 2**32), (0, 2**32 + 1), (-(2**62), 2**62), (0, 2**63 - 1), (5, 2**40)]:
        s.call(f"randint {a} {b} int64 s=20", lambda r, a=a, b=b: r.randint(a, b, 20))
    s.call(f"randint 0 {2**64} uint64 s=20", lambda r: r.randint(0, 2**64, 20, dtype="uint64"))
    s.call("randint 0 10 int64 s=", lambda r: r.randint(0, 10, size=()))
    s.state()
    # randint errors.
    s.call("randint 3 3 int64 s=2", lambda r: r.randint(3, 3, 2))
    s.call("randint 0 None int64 s=2", lambda r: r.randint(0, None, 2))
    s.call("randint 0 257 uint8 s=2", lambda r: r.randint(0, 257, 2, dtype="uint8"))
    s.call("randint -1 5 uint16 s=2", lambda r: r.randint(-1, 5, 2, dtype="uint16"))
    s.call("randint 0 3 bool s=2", lambda r: r.randint(0, 3, 2, dtype="bool"))
    s.call("randint 5 1 int64 s=0", lambda r: r.randint(5, 1, 0))
    s.call("randint 0 5 int64 s=-1", lambda r: r.randint(0, 5, -1))

    # binomial and poisson: inversion, BTPE, both sides of p = 0.5, the edges; multiplication,
    # PTRS; errors.
    s.start(7)
    for (n, p) in [(10, 0.3), (10, 0.7), (0, 0.5), (5, 0.0), (5, 1.0), (100, 0.25), (1000, 0.5),
                   (1000, 0.97), (10**6, 0.4), (60, 0.5), (2**40, 0.3), (45, 0.99)]:
        for shape in [(7,), (1000,)] if n == 1000 else [(25,)]:
            s.call(f"binomial {n} {p!r} {shp(shape)}",
                   lambda r, n=n, p=p, x=shape: r.binomial(n, p, x))
    for lam in [0.0, 0.5, 3.0, 9.99, 10.0, 55.5, 1e4, 1e9]:
        for shape in [(7,), (1000,)] if lam == 10.0 else [(25,)]:
            s.call(f"poisson {lam!r} {shp(shape)}", lambda r, l=lam, x=shape: r.poisson(l, x))
    s.call("randn s=3", lambda r: r.randn(3))
    s.call("binomial 10 0.5 s=3", lambda r: r.binomial(10, 0.5, 3))
    s.call("randn s=2", lambda r: r.randn(2))
    s.state()
    s.call("binomial -1 0.5 s=3", lambda r: r.binomial(-1, 0.5, 3))
    s.call("binomial 10 1.5 s=3", lambda r: r.binomial(10, 1.5, 3))
    s.call("binomial 10 nan s=3", lambda r: r.binomial(10, float("nan"), 3))
    s.call("poisson -1.0 s=3", lambda r: r.poisson(-1.0, 3))
    s.call("poisson nan s=3", lambda r: r.poisson(float("nan"), 3))
    s.call("poisson 1e+19 s=3", lambda r: r.poisson(1e19, 3))
    s.call("normal 0.0 -1.0 s=3", lambda r: r.normal(0.0, -1.0, 3))
    s.call("exponential -1.0 s=3", lambda r: r.exponential(-1.0, 3))

    # choice, shuffle, permutation.
    s.start(2**32 - 1)
    p5 = [0.1, 0.2, 0.3, 0.15, 0.25]
    p0 = [0.0, 0.5, 0.0, 0.25, 0.25]
    for shape in [(7,), (3, 4), (), (0,)]:
        sh = shp(shape)
        s.call(f"choice 5 {sh} True None", lambda r, x=shape: r.choice(5, x))
        s.call(f"choice 5 {sh} True {pstr(p5)}", lambda r, x=shape: r.choice(5, x, p=p5))
    s.call(f"choice 1000 s=20 True None", lambda r: r.choice(1000, 20))
    s.call(f"choice 5 s=3 False None", lambda r: r.choice(5, 3, replace=False))
    s.call(f"choice 5 s=5 False None", lambda r: r.choice(5, 5, replace=False))
    s.call(f"choice 5 s=2,2 False {pstr(p5)}", lambda r: r.choice(5, (2, 2), replace=False, p=p5))
    s.call(f"choice 5 s=3 False {pstr(p0)}", lambda r: r.choice(5, 3, replace=False, p=p0))
    s.call(f"choice 100 s=40 False None", lambda r: r.choice(100, 40, replace=False))
    vals = np.array([10, 20, 30, 40, 50, 60])
    s.call("choice_arr 10,20,30,40,50,60 s=3,3 True None", lambda r: r.choice(vals, (3, 3)))
    s.call("choice_arr 10,20,30,40,50,60 s=4 False None",
           lambda r: r.choice(vals, 4, replace=False))
    # choice errors.
    s.call(f"choice 5 s=3 True 0.5,0.5,0.5,0.5,0.5", lambda r: r.choice(5, 3, p=[0.5] * 5))
    s.call(f"choice 5 s=6 False None", lambda r: r.choice(5, 6, replace=False))
    s.call(f"choice 5 s=3 True 0.5,0.5", lambda r: r.choice(5, 3, p=[0.5, 0.5]))
    s.call(f"choice 3 s=3 True -0.5,1.0,0.5", lambda r: r.choice(3, 3, p=[-0.5, 1.0, 0.5]))
    s.call(f"choice 3 s=3 True nan,0.5,0.5", lambda r: r.choice(3, 3, p=[np.nan, 0.5, 0.5]))
    s.call(f"choice 5 s=4 False {pstr(p0)}", lambda r: r.choice(5, 4, replace=False, p=p0))
    s.call(f"choice 0 s=3 True None", lambda r: r.choice(0, 3))
    s.call(f"choice_float 2.5 s=3 True None", lambda r: r.choice(2.5, 3))
    s.call(f"choice_2d s=3 True None", lambda r: r.choice(np.zeros((2, 2)), 3))
    for shape in [(1,), (2,), (10,), (1000,), (5, 3), (4, 2, 3), (0, 3)]:
        n = int(np.prod(shape))
        s.call(f"shuffle {shp(shape)}",
               lambda r, x=shape, n=n: (lambda a: (r.shuffle(a), a)[1])(
                   np.arange(n, dtype=np.int64).reshape(x)))
    s.call("shuffle_f4 s=9", lambda r: (lambda a: (r.shuffle(a), a)[1])(
        np.arange(9, dtype=np.float32)))
    s.call("shuffle_u1 s=6,5", lambda r: (lambda a: (r.shuffle(a), a)[1])(
        np.arange(30, dtype=np.uint8).reshape(6, 5)))
    for n in [0, 1, 7, 1000]:
        s.call(f"permutation {n}", lambda r, n=n: r.permutation(n))
    s.call("permutation_arr s=4,3", lambda r: r.permutation(np.arange(12).reshape(4, 3)))
    s.call("permutation -3", lambda r: r.permutation(-3))
    s.state()

    # Seed errors.
    for bad in [2**32, -1]:
        lines.append(f"new {bad} !! " + _err(lambda: np.random.RandomState(bad)))
    lines.append("new_array 1,-2 !! " + _err(lambda: np.random.RandomState([1, -2])))
    lines.append("new_array 1,4294967296 !! " + _err(lambda: np.random.RandomState([1, 2**32])))

    with open(os.path.join(out, "calls.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def _err(fn):
    try:
        fn()
    except ValueError as e:
        return str(e)
    raise AssertionError("expected an error")
