"""Golden data for numox's array-creation functions (crates/numox/tests/creation.rs).

Writes two files: arrays.npys, a sequence of .npy records (np.save called again and again on one
open file; np.load on an open file reads them back in turn), and cases.txt, one case per line,
tab-separated:

    name  func  args  expect

args are space-separated key=type:value pairs. Types: i (Python int), f (Python float, repr),
f32/f16 (NumPy scalars of that type), b (bool 0/1), dt (dtype name), s (shape, comma-separated,
may be empty or negative), o (a word: order letter, indexing, copy mode), in (index of an input
array in arrays.npys, optionally :view). Views applied to inputs after loading: t (transpose),
rev<k> (reverse axis k), step (every other element of the last axis), perm<axes> (transpose
with those axes, e.g. perm201).

expect is either
    ok out=<indices in arrays.npys> [step=<float>] [strides=<s0,s1;...>] [shares=0|1]
    ok chk=<dtype>:<shape>:<sum>:<weighted sum>
the second for long outputs, checked through two wrapping uint64 checksums of the element bits,
or
    err <ExceptionType>|<message>
"""
import os

import ml_dtypes
import numpy as np

BF16 = ml_dtypes.bfloat16
DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "bfloat16", "float32", "float64", "complex64", "complex128"]


def dt(name):
    return BF16 if name == "bfloat16" else np.dtype(name)


class Gen:
    def __init__(self, out):
        self.out = out
        self.blob = open(os.path.join(out, "arrays.npys"), "wb")
        self.count = 0
        self.lines = []
        self.names = set()
        self.views = []

    def save(self, a):
        np.save(self.blob, a)
        self.count += 1
        return self.count - 1

    def case(self, name, func, args, fn, inputs=(), checksum=False):
        """args: list of (key, type, value); fn: callable producing the numpy result."""
        assert name not in self.names, name
        self.names.add(name)
        ids = [self.save(a) for a in inputs]
        args = [(k, t, f"{ids[int(v.split(':')[0])]}{v[len(v.split(':')[0]):]}" if t == "in" else v)
                for k, t, v in args]
        enc = " ".join(f"{k}={t}:{enc_val(t, v)}" for k, t, v in args)
        try:
            res = fn()
        except Exception as e:  # noqa: BLE001 -- NumPy's exception is the expectation
            msg = str(e).replace("\n", "\\n")
            self.lines.append(f"{name}\t{func}\t{enc}\terr {type(e).__name__}|{msg}")
            return
        extra = []
        if isinstance(res, tuple) and len(res) == 2 and func == "linspace_retstep":
            res, step = res
            extra.append(f"step={float(step)!r}")
        outs = list(res) if isinstance(res, (list, tuple)) else [res]
        if checksum:
            (a,) = outs
            extra.append(f"chk={chk(a)}")
        else:
            extra.insert(0, "out=" + ",".join(str(self.save(a)) for a in outs))
            strides = ";".join(",".join(str(s) for s in a.strides) for a in outs)
            extra.append(f"strides={strides}")
            if inputs:
                shares = any(np.shares_memory(a, i) for a in outs for i in self.views)
                extra.append(f"shares={int(shares)}")
        self.lines.append(f"{name}\t{func}\t{enc}\tok " + " ".join(extra))

    def write(self):
        self.blob.close()
        with open(os.path.join(self.out, "cases.txt"), "w") as f:
            f.write("\n".join(self.lines) + "\n")


def enc_val(t, v):
    if t == "f":
        return repr(float(v))
    if t == "f32":
        return repr(float(np.float32(v)))
    if t == "f16":
        return repr(float(np.float16(v)))
    if t == "i":
        return str(int(v))
    if t == "b":
        return str(int(bool(v)))
    if t == "s":
        return ",".join(str(d) for d in v)
    return str(v)


def chk(a):
    bits = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[a.dtype.itemsize]
    v = np.ascontiguousarray(a).reshape(-1).view(bits).astype(np.uint64)
    w = np.arange(1, v.size + 1, dtype=np.uint64)
    s1 = int(v.sum(dtype=np.uint64))
    s2 = int((v * w).sum(dtype=np.uint64))
    name = "bfloat16" if a.dtype == BF16 else a.dtype.name
    return f"{name}:{','.join(map(str, a.shape))}:{s1}:{s2}"


def view(a, spec):
    if spec is None:
        return a
    if spec == "t":
        return a.T
    if spec.startswith("rev"):
        k = int(spec[3:])
        idx = [slice(None)] * a.ndim
        idx[k] = slice(None, None, -1)
        return a[tuple(idx)]
    if spec == "step":
        return a[..., ::2]
    if spec.startswith("perm"):
        return a.transpose([int(c) for c in spec[4:]])
    raise ValueError(spec)


def num_arg(v):
    """An arange/linspace argument: (type, value, numpy value)."""
    if isinstance(v, tuple):
        t, x = v
        return t, x, {"f32": np.float32, "f16": np.float16}[t](x)
    if isinstance(v, bool) or isinstance(v, int):
        return "i", v, v
    return "f", v, v


def with_inputs(g, name, func, inputs, views, args, fn):
    """A case over input arrays; `fn` receives the viewed arrays."""
    vs = [view(a, s) for a, s in zip(inputs, views)]
    g.views = vs
    in_args = [(f"a{k}", "in", f"{k}" + (f":{s}" if s else "")) for k, s in enumerate(views)]
    g.case(name, func, in_args + args, lambda: fn(*vs), inputs=inputs)


def gen_arange(g):
    cases = [
        (0, 5, 1), (5, 0, -1), (0, 10, 3), (-3, 3, 1), (5, 2, 1), (0, 10, -1), (0, 0, 1),
        (3, 3, -1), (10, -10, -7), (0.0, 1.0, 0.1), (1, 0, -0.3), (0.5, 5, 1), (0, 5, 1.5),
        (-1.5, 2, 0.5), (0, 10, 1 / 3), (1e-3, 1e-2, 1e-3), (0, 5, float("inf")),
        (0, 1e-300, 1e-301), (0, -5, float("inf")), (0, 1e-300, 1e300), (0, -1e-300, 1e300),
        (True, 3, 1), (0.0, 5, 1), (2**62, 2**63 - 1, 2**61),
        (0, 5, 0), (0.0, 5.0, 0.0), (0, 0, 0), (0, float("nan"), 1), (0, float("inf"), 1),
        (0, float("-inf"), 1), (0, 1e300, 1e-300), (0, 10, 1e-300),
        ((("f32", 0.0)), ("f32", 1.0), ("f32", 0.3)),
    ]
    for k, (a, b, c) in enumerate(cases):
        args = [num_arg(x) for x in (a, b, c)]
        g.case(f"arange_{k}", "arange",
               [(n, t, v) for n, (t, v, _) in zip(("start", "stop", "step"), args)],
               lambda args=args: np.arange(*[x for _, _, x in args]))
    typed = [
        (0, 5, 1.5, "int64"), (0, 300, 100, "int8"), (0, 1000, 300, "int8"), (0, 3, 1, "uint8"),
        (3, 1, -0.5, "uint8"), (-0.5, 3, 1, "uint8"), (0.5, 3, 1, "uint8"),
        (-1.5, 2, 0.5, "int32"), (0, 2, 1, "bool"), (0.5, 2, 1, "bool"), (0, 3, 1, "bool"),
        (0, 5, 1, "float32"), (1, 0, -0.3, "float32"), (0.5, 5, 1, "float16"),
        (0, 70000, 20000, "float16"), (0, 1, 0.3, "complex128"), (0, 5, 1, "complex64"),
        (0, 5, 1, "bfloat16"), (0, 1, 0.1, "bfloat16"), (0, 2**64 - 1, 2**62, "uint64"),
        (-3, 3, 1, "uint8"), (0, 1000, 300.5, "int8"), (0, 5, 1e308, "int64"),
        (0, 1e40, 1e39, "float32"), (0, 0.5, 0.1, "int64"),
    ]
    for d in DTYPES:
        typed += [(0, 7, 2, d), (7, 0, -2, d), (0, 1, 0.25, d), (2, 2, 1, d)]
    for k, (a, b, c, d) in enumerate(typed):
        args = [num_arg(x) for x in (a, b, c)]
        g.case(f"arange_dt_{k}", "arange",
               [(n, t, v) for n, (t, v, _) in zip(("start", "stop", "step"), args)]
               + [("dtype", "dt", d)],
               lambda args=args, d=d: np.arange(*[x for _, _, x in args], dtype=dt(d)))


def space_cases(g, func, cases):
    npf = {"linspace": np.linspace, "linspace_retstep": np.linspace,
           "logspace": np.logspace, "geomspace": np.geomspace}[func]
    for k, (a, b, n, kw) in enumerate(cases):
        sa, sb = num_arg(a), num_arg(b)
        args = [("start", sa[0], sa[1]), ("stop", sb[0], sb[1]), ("num", "i", n)]
        npkw = {}
        for key, v in kw.items():
            if key == "dtype":
                args.append(("dtype", "dt", v))
                npkw["dtype"] = dt(v)
            elif key == "endpoint":
                args.append(("endpoint", "b", v))
                npkw["endpoint"] = v
            elif key == "base":
                args.append(("base", "f", v))
                npkw["base"] = v
        if func == "linspace_retstep":
            npkw["retstep"] = True
        g.case(f"{func}_{k}", func, args,
               lambda sa=sa, sb=sb, n=n, npkw=npkw: npf(sa[2], sb[2], n, **npkw))


def gen_spaces(g):
    E = {"endpoint": False}
    lin = [
        (0, 1, 5, {}), (0, 1, 0, {}), (0, 1, 1, {}), (0, 1, 2, {}), (2, 3, 5, E), (0, 1, 1, E),
        (-5, 5, 4, {"dtype": "int64"}), (0, 10, 5, {"dtype": "int64"}),
        (0, 1, 7, {"dtype": "float32"}), (0, 1e-320, 3, {}), (1e-320, 0, 4, {}),
        (("f32", 0.0), 1.0, 7, {}), (("f16", 0.0), ("f16", 1.0), 7, {}), (0, 1, 50, {}),
        (1, 0, 11, {}), (-1e300, 1e300, 5, {}), (0, float("nan"), 3, {}),
        (0, float("inf"), 3, {}), (10, 10, 5, {}), (0, 1, 1001, {}), (0.1, 0.7, 10, E),
        (5, -5, 20, {"dtype": "float16"}), (-5, 5, 4, {"dtype": "uint8"}), (0, 1, -1, {}),
        (("f16", 0.0), 1.0, 3000, {}), (("f32", 1e-3), ("f32", 7.0), 333, E),
        (0, 1, 9, {"dtype": "bfloat16"}), (-2.5, 2.5, 6, {"dtype": "int32"}),
        (0, 1, 5, {"dtype": "complex128"}), (3, 7, 1, {"dtype": "int8"}),
    ]
    space_cases(g, "linspace", lin)
    space_cases(g, "linspace_retstep", [
        (0, 1, 5, {}), (0, 1, 0, {}), (0, 1, 1, {}), (0, 1, 1, E), (0, 1, 10, E),
        (0, 1e-320, 3, {}), (("f32", 0.0), 1.0, 7, {}), (0, 10, 4, {"dtype": "int64"}),
    ])
    space_cases(g, "logspace", [
        (0, 3, 4, {}), (0, 1, 5, {"base": 2.0}), (0, 3, 4, E), (-2, 2, 9, {}),
        (0, 1, 3, {"base": -2.0}), (0, 3, 4, {"dtype": "float32"}), (("f32", 0.0), 3, 4, {}),
        (0, 300, 7, {}), (0, 3, 4, {"dtype": "int64"}), (2, 2, 1, {}), (0.1, 2.9, 37, {}),
        (("f16", 0.0), 2, 5, {}), (-300, 310, 23, {}), (0, 1, 0, {}),
    ])
    space_cases(g, "geomspace", [
        (1, 1000, 4, {}), (-1, -1000, 4, {}), (1, 1000, 4, E), (1, 2, 1, {}), (1, 2, 0, {}),
        (1e-300, 1e300, 5, {}), (2, 2, 3, {}), (-1, 1000, 4, {}), (1, 256, 9, {}),
        (1000, 1, 4, {}), (1, 1000, 4, {"dtype": "int64"}), (1, 1000, 4, {"dtype": "float32"}),
        (float("nan"), 1, 3, {}), (("f32", 1.0), 1000, 4, {}), (0.5, 1e6, 17, {}),
        (0, 1, 3, {}), (1, 0, 3, {}), (-0.0, 1, 3, {}), (-3, -0.001, 50, E),
        (0.3, 7.7, 101, {}),
    ])


def gen_big(g):
    """Long outputs (the parallel path), checked by checksum."""
    big = [
        ("big_arange_f64", "arange", [("start", "i", 0), ("stop", "f", 300000.0),
                                      ("step", "f", 0.1)],
         lambda: np.arange(0, 300000.0, 0.1)),
        ("big_arange_i64", "arange", [("start", "i", -7), ("stop", "i", 6_000_000),
                                      ("step", "i", 3)],
         lambda: np.arange(-7, 6_000_000, 3)),
        ("big_arange_i8", "arange", [("start", "i", 0), ("stop", "i", 3_000_000),
                                     ("step", "i", 1), ("dtype", "dt", "int8")],
         lambda: np.arange(0, 3_000_000, 1, dtype=np.int8)),
        ("big_arange_f32", "arange", [("start", "f", 0.5), ("stop", "f", 2_000_000.0),
                                      ("step", "f", 0.75), ("dtype", "dt", "float32")],
         lambda: np.arange(0.5, 2_000_000.0, 0.75, dtype=np.float32)),
        ("big_linspace_f64", "linspace", [("start", "f", -1.5), ("stop", "f", 2.25),
                                          ("num", "i", 3_000_001)],
         lambda: np.linspace(-1.5, 2.25, 3_000_001)),
        ("big_linspace_f32", "linspace", [("start", "f32", 0.0), ("stop", "f", 1.0),
                                          ("num", "i", 2_000_000), ("endpoint", "b", False)],
         lambda: np.linspace(np.float32(0), 1.0, 2_000_000, endpoint=False)),
        ("big_logspace", "logspace", [("start", "f", -3.0), ("stop", "f", 3.0),
                                      ("num", "i", 1_500_001)],
         lambda: np.logspace(-3.0, 3.0, 1_500_001)),
        ("big_geomspace", "geomspace", [("start", "f", -2.0), ("stop", "f", -7e5),
                                        ("num", "i", 1_200_000)],
         lambda: np.geomspace(-2.0, -7e5, 1_200_000)),
        ("big_ones_f64", "ones", [("shape", "s", [1100, 1000])], lambda: np.ones((1100, 1000))),
        ("big_full_i16", "full", [("shape", "s", [1_300_000]), ("value", "i", -3),
                                  ("dtype", "dt", "int16")],
         lambda: np.full((1_300_000,), -3, dtype=np.int16)),
    ]
    for name, func, args, fn in big:
        g.case(name, func, args, fn, checksum=True)


def gen_fill(g):
    shapes = [[2, 3], [0], [], [3, 0, 2], [4], [2, -3], [-1]]
    for k, s in enumerate(shapes):
        for func in ("zeros", "ones", "empty"):
            npf = {"zeros": np.zeros, "ones": np.ones, "empty": np.zeros}[func]
            g.case(f"{func}_{k}", func, [("shape", "s", s)], lambda s=s, npf=npf: npf(s))
    for d in DTYPES:
        for o in ("C", "F"):
            g.case(f"ones_{d}_{o}", "ones", [("shape", "s", [2, 3]), ("dtype", "dt", d),
                                            ("order", "o", o)],
                   lambda d=d, o=o: np.ones((2, 3), dtype=dt(d), order=o))
            g.case(f"zeros_{d}_{o}", "zeros", [("shape", "s", [3, 2]), ("dtype", "dt", d),
                                              ("order", "o", o)],
                   lambda d=d, o=o: np.zeros((3, 2), dtype=dt(d), order=o))
    fulls = [
        ([2, 2], ("i", 7), None), ([3], ("f", 2.5), None), ([2], ("b", True), None),
        ([2], ("f32", 2.5), None), ([2], ("f", 2.5), "int32"), ([2], ("f", -2.5), "uint8"),
        ([2], ("f", 3.7), "bool"), ([2], ("i", 3), "float16"), ([2], ("i", -1), "uint8"),
        ([2], ("i", 300), "uint8"), ([2], ("f", 1e10), "int32"), ([2], ("f", float("nan")), "int32"),
        ([2], ("i", 3), "complex128"), ([2], ("f", 2.5), "bfloat16"), ([], ("i", 3), None),
        ([2, 3], ("f", -0.0), None), ([2], ("f", 0.1), "float32"), ([2], ("b", True), "uint8"),
        ([2], ("f", float("inf")), "float16"), ([2], ("i", 2**40), "float32"),
        ([2], ("i", 255), "uint8"), ([2], ("i", -128), "int8"), ([2, 2], ("f", 1.5), "complex64"),
    ]
    for k, (s, (t, v), d) in enumerate(fulls):
        npv = {"f32": np.float32}.get(t, lambda x: x)(v)
        args = [("shape", "s", s), ("value", t, v)] + ([("dtype", "dt", d)] if d else [])
        g.case(f"full_{k}", "full", args,
               lambda s=s, npv=npv, d=d: np.full(s, npv, dtype=dt(d) if d else None))
    g.case("full_f", "full", [("shape", "s", [2, 3]), ("value", "i", 5), ("order", "o", "F")],
           lambda: np.full((2, 3), 5, order="F"))
    # *_like over layouts.
    base = np.arange(24, dtype=np.int64).reshape(2, 3, 4)
    m = np.arange(6, dtype=np.float64).reshape(2, 3)
    protos = [
        ("c", [m], [None]), ("f", [np.asfortranarray(m)], [None]), ("t", [m], ["t"]),
        ("rev", [m], ["rev1"]), ("step", [base], ["step"]), ("perm", [base], ["perm201"]),
        ("perm2", [base], ["perm102"]), ("fstep", [np.asfortranarray(base)], ["step"]),
        ("row", [np.ones((1, 3))], ["t"]), ("zero", [np.zeros((0, 3))], ["t"]),
        ("d0", [np.array(2.5)], [None]),
    ]
    for pname, ins, vs in protos:
        for func, npf in (("zeros_like", np.zeros_like), ("ones_like", np.ones_like),
                          ("empty_like", np.zeros_like)):
            with_inputs(g, f"{func}_{pname}", func, ins, vs, [], npf)
        for o in ("C", "F", "A", "K"):
            with_inputs(g, f"ones_like_{pname}_{o}", "ones_like", ins, vs,
                        [("order", "o", o), ("dtype", "dt", "int8")],
                        lambda a, o=o: np.ones_like(a, order=o, dtype=np.int8))
    with_inputs(g, "zeros_like_shape", "zeros_like", [base], ["perm201"],
                [("shape", "s", [4, 5, 6])], lambda a: np.zeros_like(a, shape=(4, 5, 6)))
    with_inputs(g, "zeros_like_shape2", "zeros_like", [base], ["perm201"],
                [("shape", "s", [7])], lambda a: np.zeros_like(a, shape=(7,)))
    fl = [(("f", 2.5), None), (("f", 1e300), "float32"), (("i", -1), "uint8"), (("i", 7), None),
          (("f", -2.5), "uint8")]
    for k, ((t, v), d) in enumerate(fl):
        with_inputs(g, f"full_like_{k}", "full_like", [np.arange(3)], ["rev0"],
                    [("value", t, v)] + ([("dtype", "dt", d)] if d else []),
                    lambda a, v=v, d=d: np.full_like(a, v, dtype=dt(d) if d else None))
    with_inputs(g, "full_like_f", "full_like", [np.asfortranarray(m)], [None],
                [("value", "f", -1.25)], lambda a: np.full_like(a, -1.25))


def gen_matrix(g):
    eyes = [
        (3, None, 0), (3, 4, 0), (3, 4, 1), (3, 4, -1), (3, None, 5), (3, None, -5), (0, None, 0),
        (0, 3, 0), (2, 3, 1), (4, 2, -3), (-1, None, 0), (2, -1, 0), (1, 1, 0), (5, 3, 2),
    ]
    for k, (n, m, kk) in enumerate(eyes):
        args = [("n", "i", n), ("k", "i", kk)] + ([("m", "i", m)] if m is not None else [])
        g.case(f"eye_{k}", "eye", args, lambda n=n, m=m, kk=kk: np.eye(n, m, kk))
    for d in DTYPES:
        g.case(f"eye_{d}", "eye", [("n", "i", 3), ("m", "i", 4), ("k", "i", -1),
                                   ("dtype", "dt", d)],
               lambda d=d: np.eye(3, 4, -1, dtype=dt(d)))
    g.case("eye_f", "eye", [("n", "i", 3), ("m", "i", 4), ("k", "i", 1), ("order", "o", "F")],
           lambda: np.eye(3, 4, 1, order="F"))
    for k, (n, d) in enumerate([(0, None), (4, None), (3, "bool"), (2, "complex64")]):
        g.case(f"identity_{k}", "identity",
               [("n", "i", n)] + ([("dtype", "dt", d)] if d else []),
               lambda n=n, d=d: np.identity(n, dtype=dt(d) if d else None))
    tris = [(3, None, 0), (2, 3, -5), (2, 3, 10), (3, 0, 0), (4, 3, 1), (4, 3, -1), (-1, None, 0),
            (3, -2, 0), (1, 5, 2), (5, 1, -2)]
    for k, (n, m, kk) in enumerate(tris):
        args = [("n", "i", n), ("k", "i", kk)] + ([("m", "i", m)] if m is not None else [])
        g.case(f"tri_{k}", "tri", args, lambda n=n, m=m, kk=kk: np.tri(n, m, kk))
    g.case("tri_int", "tri", [("n", "i", 3), ("k", "i", 0), ("dtype", "dt", "int64")],
           lambda: np.tri(3, dtype=np.int64))
    v = np.arange(1, 4, dtype=np.int64)
    m = np.arange(12, dtype=np.float64).reshape(3, 4)
    diags = [
        ("v", [v], [None], [0, 2, -1, -4]), ("vrev", [v], ["rev0"], [0, 1]),
        ("m", [m], [None], [0, 1, -1, 3, 4, -2, -3, -5, 10]), ("mt", [m], ["t"], [0, 1, -2]),
        ("mrev", [m], ["rev1"], [0, -1, 2]), ("mf", [np.asfortranarray(m)], [None], [1]),
        ("d0", [np.array(1.0)], [None], [0]), ("d3", [np.zeros((2, 2, 2))], [None], [0]),
        ("empty", [np.zeros((0,), dtype=np.int32)], [None], [0, 2]),
        ("bool", [np.array([True, False, True])], [None], [1]),
    ]
    for pname, ins, vs, ks in diags:
        for kk in ks:
            with_inputs(g, f"diag_{pname}_{kk}", "diag", ins, vs, [("k", "i", kk)],
                        lambda a, kk=kk: np.diag(a, kk))
    for kk in (-1, 0, 2):
        with_inputs(g, f"diagflat_{kk}", "diagflat", [np.array([[1, 2], [3, 4]])], ["t"],
                    [("k", "i", kk)], lambda a, kk=kk: np.diagflat(a, kk))
    stack = np.arange(18, dtype=np.int32).reshape(2, 3, 3)
    tris_in = [
        ("m", [m], [None], [0, 1, -1, 5, -5]), ("v", [v], [None], [0, -1]),
        ("stack", [stack], [None], [0, 1]), ("mf", [np.asfortranarray(m)], [None], [0]),
        ("mrev", [m], ["rev0"], [-1]), ("empty", [np.zeros((0, 0))], [None], [0]),
        ("estack", [np.zeros((0, 2, 2))], [None], [0]),
        ("bool", [np.ones((3, 3), dtype=bool)], [None], [0]),
        ("d0", [np.array(1.0)], [None], [0]), ("tstack", [stack], ["perm210"], [0]),
    ]
    for func, npf in (("tril", np.tril), ("triu", np.triu)):
        for pname, ins, vs, ks in tris_in:
            for kk in ks:
                with_inputs(g, f"{func}_{pname}_{kk}", func, ins, vs, [("k", "i", kk)],
                            lambda a, kk=kk, npf=npf: npf(a, kk))


def gen_grids(g):
    x = np.array([1.0, 2.0, 3.0])
    y = np.array([10, 20], dtype=np.int32)
    z = np.array([-1, -2, -3, -4], dtype=np.int8)
    e = np.zeros((0,), dtype=np.float32)
    sets = [("0", [], []), ("1", [x], [None]), ("2", [x, y], [None, None]),
            ("3", [x, y, z], [None, None, None]), ("2d", [np.ones((2, 2)), y], [None, None]),
            ("rev", [x, y], ["rev0", None]), ("empty", [x, e], [None, None])]
    for sname, ins, vs in sets:
        for idx in ("xy", "ij"):
            for sparse in (False, True):
                for copy in (True, False):
                    name = f"meshgrid_{sname}_{idx}_{int(sparse)}{int(copy)}"
                    args = [("indexing", "o", idx), ("sparse", "b", sparse), ("copy", "b", copy)]
                    with_inputs(g, name, "meshgrid", ins, vs, args,
                                lambda *a, idx=idx, sparse=sparse, copy=copy: np.meshgrid(
                                    *a, indexing=idx, sparse=sparse, copy=copy))
    for k, (s, d) in enumerate([([2, 3], "int64"), ([2, 3], "uint8"), ([3], "float32"),
                                ([], "int64"), ([0, 2], "int64"), ([3], "bool"), ([2], "bool"),
                                ([300], "uint8"), ([2, 1, 2], "complex64"), ([2, -1], "int64")]):
        g.case(f"indices_{k}", "indices", [("shape", "s", s), ("dtype", "dt", d)],
               lambda s=s, d=d: np.indices(s, dtype=dt(d)))
    for k, s in enumerate([[2, 3], [4], [], [2, 0, 3], [2, 3, 4]]):
        g.case(f"fromfunction_{k}", "fromfunction", [("shape", "s", s)],
               lambda s=s: np.fromfunction(
                   lambda *ix: sum(i * 10 ** (len(ix) - 1 - k) for k, i in enumerate(ix))
                   if ix else np.int64(0), s, dtype=np.int64))


def gen_array(g):
    m = np.arange(6, dtype=np.int64).reshape(2, 3)
    base = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    srcs = [("c", [m], [None]), ("f", [np.asfortranarray(m)], [None]), ("t", [m], ["t"]),
            ("rev", [m], ["rev1"]), ("perm", [base], ["perm201"]), ("step", [base], ["step"]),
            ("d0", [np.array(3.5)], [None])]
    opts = [("plain", [], {}), ("C", [("order", "o", "C")], {"order": "C"}),
            ("F", [("order", "o", "F")], {"order": "F"}), ("A", [("order", "o", "A")], {"order": "A"}),
            ("nocopy", [("copy", "o", "none")], {"copy": None}),
            ("never", [("copy", "o", "false")], {"copy": False}),
            ("neverF", [("copy", "o", "false"), ("order", "o", "F")], {"copy": False, "order": "F"}),
            ("ndmin", [("ndmin", "i", 4), ("copy", "o", "none")], {"ndmin": 4, "copy": None}),
            ("dt", [("dtype", "dt", "float64")], {"dtype": np.float64}),
            ("dtnever", [("dtype", "dt", "float64"), ("copy", "o", "false")],
             {"dtype": np.float64, "copy": False})]
    for sname, ins, vs in srcs:
        for oname, args, kw in opts:
            with_inputs(g, f"array_{sname}_{oname}", "array", ins, vs, args,
                        lambda a, kw=kw: np.array(a, **kw))
        for oname, args, kw in [("plain", [], {}), ("C", [("order", "o", "C")], {"order": "C"}),
                                ("F", [("order", "o", "F")], {"order": "F"}),
                                ("dt", [("dtype", "dt", "float64")], {"dtype": np.float64}),
                                ("same", [("dtype", "dt", ins[0].dtype.name)],
                                 {"dtype": ins[0].dtype})]:
            with_inputs(g, f"asarray_{sname}_{oname}", "asarray", ins, vs, args,
                        lambda a, kw=kw: np.asarray(a, **kw))


def generate(out):
    g = Gen(out)
    gen_arange(g)
    gen_spaces(g)
    gen_big(g)
    gen_fill(g)
    gen_matrix(g)
    gen_grids(g)
    gen_array(g)
    g.write()
