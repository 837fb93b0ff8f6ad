"""Shared writer of golden data for the ufunc areas (scripts/golden/ufunc_<area>.py).

An area module builds its cases with UGen and NumPy computes every expectation:

    import numpy as np
    from ufunc_common import UGen, V, sample, DTYPES

    def generate(out):
        g = UGen(out)
        a = sample("int8", 9)                         # special values first, then random ones
        g.case("add_i8_scalar", "add", [a, 3])        # expectation: np.add(a, 3)
        g.case("add_rev", "add", [V(a, "rev0"), a])   # a view of a stored array
        g.case("round_2", "round", [a], kwargs={"decimals": 2})
        g.case("clip_lo", "clip", [a, None, 3.0])     # None is an argument too
        g.case("close", "allclose", [a, a], fn=lambda: np.allclose(a, a))
        g.write()

Arguments are NumPy arrays (stored once each in arrays.npys, however often they are used),
V(array, view) for a view of a stored array (views: "t" transpose, "rev<k>" reverse axis k,
"step" every other element of the last axis, "perm<axes>" e.g. "perm201"), Python bool, int,
float, complex (weak scalars, NEP 50) and None. Keyword values: the same scalar types, None or a
str. `fn` replaces the default call `getattr(np, func)(*args, **kwargs)`.

Files written: arrays.npys (the .npy records of inputs and outputs, in order) and cases.txt, one
case per line, tab-separated:

    name  func  args  kwargs  expect

args: space-separated items a<index>[:<view>] (an array), i<int>, f<float repr>, b0/b1,
c<re>,<im>, n (None); kwargs: space-separated key=<item>, where an item may also be s<str>.
expect: "ok <index>,<index>..." (the result arrays; a NumPy scalar result is stored as a 0-d
array), "bool 0|1" (a Python bool result) or "err <ExceptionType>|<message>" (newlines as \\n).

The Rust side is crates/numox/tests/ufunc_golden/mod.rs.
"""
import os
import warnings
import zlib

import ml_dtypes
import numpy as np

BF16 = ml_dtypes.bfloat16
DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "bfloat16", "float32", "float64", "complex64", "complex128"]
INTS = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
FLOATS = ["float16", "bfloat16", "float32", "float64"]
COMPLEX = ["complex64", "complex128"]


def dt(name):
    return BF16 if name == "bfloat16" else np.dtype(name)


class V:
    """A view of a stored array: the array is saved, the view is applied on both sides."""

    def __init__(self, base, view):
        self.base = base
        self.view = view
        self.value = apply_view(base, view)


def apply_view(a, view):
    if view == "t":
        return a.T
    if view.startswith("rev"):
        k = int(view[3:])
        idx = [slice(None)] * a.ndim
        idx[k] = slice(None, None, -1)
        return a[tuple(idx)]
    if view == "step":
        return a[..., ::2]
    if view.startswith("perm"):
        return a.transpose([int(c) for c in view[4:]])
    raise ValueError(view)


def sample(name, n, seed=0, shape=None):
    """n values of dtype `name`: its special values first (±0, ±inf, NaN, extremes, halves for
    floats; min/max for ints), then seeded random ones; reshaped to `shape` if given."""
    d = dt(name)
    rng = np.random.default_rng(zlib.crc32(name.encode()) + seed)
    if name == "bool":
        v = np.array([True, False] + list(rng.integers(0, 2, max(n - 2, 0)).astype(bool)))
    elif name in INTS:
        info = np.iinfo(d)
        special = [0, 1, info.max, info.min, info.max - 1, 2, 7]
        if info.min < 0:
            special += [-1, -7, info.min + 1]
        rnd = rng.integers(max(info.min, -100), min(info.max, 100), max(n, 1), endpoint=True)
        v = np.array(special + list(rnd), dtype=object)
    elif name in FLOATS:
        special = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 1e-3]
        rnd = rng.standard_normal(max(n, 1)) * 10.0 ** rng.integers(-3, 4, max(n, 1))
        v = np.array(special + list(rnd), dtype=object)
    else:
        parts = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.5, 2.5]
        special = [complex(r, i) for r in parts for i in parts[:5]][:20]
        rnd = (rng.standard_normal(max(n, 1)) + 1j * rng.standard_normal(max(n, 1))) * 3.0
        v = np.array(special + list(rnd), dtype=object)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = np.array(list(v[:n]), dtype=d) if n else np.zeros(0, dtype=d)
    if len(a) < n:  # fewer specials than asked and n small: pad with ones
        a = np.concatenate([a, np.ones(n - len(a), dtype=d)])
    return a.reshape(shape) if shape is not None else a


class UGen:
    def __init__(self, out):
        self.out = out
        self.blob = open(os.path.join(out, "arrays.npys"), "wb")
        self.count = 0
        self.lines = []
        self.names = set()
        self.saved = {}  # id(array) -> index; self.keep holds the arrays so ids stay unique
        self.keep = []

    def save(self, a, dedupe=False):
        if dedupe and id(a) in self.saved:
            return self.saved[id(a)]
        np.save(self.blob, a)
        self.count += 1
        if dedupe:
            self.saved[id(a)] = self.count - 1
            self.keep.append(a)
        return self.count - 1

    def enc(self, v):
        if isinstance(v, V):
            return f"a{self.save(v.base, True)}:{v.view}"
        if isinstance(v, np.ndarray):
            return f"a{self.save(v, True)}"
        if v is None:
            return "n"
        if isinstance(v, (bool, np.bool_)):
            return f"b{int(bool(v))}"
        if isinstance(v, int):
            return f"i{v}"
        if isinstance(v, float):
            return f"f{v!r}"
        if isinstance(v, complex):
            return f"c{v.real!r},{v.imag!r}"
        if isinstance(v, str):
            return f"s{v}"
        raise TypeError(f"unsupported argument {v!r}")

    def case(self, name, func, args, kwargs=None, fn=None):
        assert name not in self.names, name
        assert "\t" not in name and " " not in name, name
        self.names.add(name)
        kwargs = kwargs or {}
        enc_args = " ".join(self.enc(a) for a in args)
        enc_kw = " ".join(f"{k}={self.enc(v)}" for k, v in kwargs.items())
        values = [a.value if isinstance(a, V) else a for a in args]
        if fn is None:
            f = getattr(np, func)
            fn = lambda: f(*values, **kwargs)  # noqa: E731
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = fn()
        except Exception as e:  # noqa: BLE001 -- NumPy's exception is the expectation
            msg = str(e).replace("\n", "\\n")
            expect = f"err {type(e).__name__}|{msg}"
        else:
            if isinstance(res, bool):
                expect = f"bool {int(res)}"
            else:
                outs = list(res) if isinstance(res, tuple) else [res]
                idx = [self.save(np.asarray(o)) for o in outs]
                expect = "ok " + ",".join(map(str, idx))
        self.lines.append(f"{name}\t{func}\t{enc_args}\t{enc_kw}\t{expect}")

    def write(self):
        self.blob.close()
        with open(os.path.join(self.out, "cases.txt"), "w") as f:
            f.write("\n".join(self.lines) + "\n")
