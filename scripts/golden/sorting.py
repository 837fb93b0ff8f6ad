"""Sorting, searching and set operations: sort, argsort, partition, argpartition, lexsort,
searchsorted, unique, isin, intersect1d, union1d, setdiff1d, setxor1d, for every dtype, axis
form and layout, with NaN/Inf/-0 and duplicates; errors as NumPy words them.

A line is  func#args#inputs#results, where inputs names earlier lines @N=input (each input is
written once). An input is dtype/order/shape/recipe/values: the values
(C order; ints in decimal, floats as repr, complex as REjIM) shaped in order, then the view
recipe of views.py. Inputs are separated by ';'; results (shape:dtype:values) too, or the line
ends in ERR:message.

Results NumPy leaves open are written in a canonical form the test recomputes: argsort with the
default kind gives the values it gathers (ties may go either way); partition and argpartition
give, per lane (the axis moved last), each segment between the kth positions sorted.

ml_dtypes' bfloat16 does not sort in NumPy (np.sort leaves it unchanged), so its expectations
are computed in float32, which holds every bfloat16 exactly, and cast back.
"""
import os

import ml_dtypes  # noqa: F401  (registers bfloat16)
import numpy as np

from views import apply

BF16 = np.dtype(ml_dtypes.bfloat16)
DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "bfloat16", "float32", "float64", "complex64", "complex128"]
FLOATS = [-2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0, np.inf, -np.inf, np.nan]


def pool(dtype, n, rng):
    """n values of dtype with duplicates, and NaN/Inf/-0 or the integer extremes."""
    dt = np.dtype(dtype) if dtype != "bfloat16" else BF16
    if dtype == "bool":
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        lo = -5 if dt.kind == "i" else 0
        v = rng.integers(lo, 6, n).astype(dt)
        if n > 3:
            v[rng.integers(0, n)] = info.max
            v[rng.integers(0, n)] = info.min
        return v
    if dt.kind == "c":
        parts = np.array([-1.0, 0.0, -0.0, 1.0, 2.5, np.nan, np.inf])
        return (rng.choice(parts, n) + 1j * rng.choice(parts, n)).astype(dt)
    return rng.choice(np.array(FLOATS), n).astype(dt)


def fmt(v, kind):
    if kind in "iub":
        return str(int(v))
    if kind == "c":
        return repr(float(v.real)) + "j" + repr(float(v.imag))
    return repr(float(v))


def spec(x, order="C", recipe=""):
    """The spec of base array x (its C-order values), laid out in order, then the recipe."""
    kind = x.dtype.kind if x.dtype != BF16 else "f"
    vals = ",".join(fmt(v, kind) for v in x.ravel())
    shape = ",".join(map(str, x.shape))
    return f"{dtname(x.dtype)}/{order}/{shape}/{recipe}/{vals}"


def dtname(dt):
    return "bfloat16" if dt == BF16 else str(dt)


def build(s):
    dtype, order, shape, recipe, vals = s.split("/")
    dt = BF16 if dtype == "bfloat16" else np.dtype(dtype)
    shape = tuple(int(x) for x in shape.split(",") if x)
    items = [x for x in vals.split(",") if x]
    if dt.kind in "iub":
        base = np.array([int(x) for x in items], dtype=object).astype(dt)
    elif dt.kind == "c":
        base = np.array([complex(float(x.split("j")[0]), float(x.split("j")[1])) for x in items], dtype=dt)
    else:
        base = np.array([float(x) for x in items]).astype(dt)
    return apply(np.asarray(base.reshape(shape)).copy(order=order), recipe)


def describe(r):
    r = np.asarray(r)
    kind = "f" if r.dtype == BF16 else r.dtype.kind
    vals = ",".join(fmt(v, kind) for v in r.ravel())
    return ":".join([",".join(map(str, r.shape)), dtname(r.dtype), vals])


def f32(x):
    return x.astype(np.float32) if x.dtype == BF16 else x


def back(r, like):
    """Casts a float32 result of a bfloat16 input back (index results stay int64)."""
    if like.dtype == BF16 and r.dtype == np.float32:
        return r.astype(BF16)
    return r


def lanes(r, axis):
    r = np.asarray(r)
    return r.reshape(-1) if axis is None else np.moveaxis(r, axis, -1)


def canon(p, kth, axis):
    """Each lane's segments between the kth positions, sorted."""
    p = lanes(p, axis).copy()
    n = p.shape[-1] if p.ndim else 1
    ks = sorted({k + n if k < 0 else k for k in kth})
    cuts = []
    lo = 0
    for k in ks:
        cuts += [(lo, k), (k, k + 1)]
        lo = k + 1
    cuts.append((lo, n))
    for a, b in cuts:
        if b > a:
            p[..., a:b] = np.sort(f32(p[..., a:b]), axis=-1).astype(p.dtype)
    return p


def opt_axis(s):
    return None if s == "" else int(s)


def run(func, args, xs):
    p = args.split("|")
    x = xs[0]
    y = f32(x)
    if func in ("sort", "argsort"):
        ax, kind = opt_axis(p[0]), p[1]
        if func == "sort":
            return [back(np.sort(y, axis=ax, kind=kind), x)]
        idx = np.argsort(y, axis=ax, kind=kind)
        if kind == "stable":
            return [idx]
        src = y.reshape(-1) if ax is None or y.ndim == 0 else y
        g = src[idx] if ax is None or y.ndim == 0 else np.take_along_axis(y, idx, axis=ax)
        return [back(g, x)]
    if func in ("partition", "argpartition"):
        kth = [int(k) for k in p[0].split(",")] if p[0] else []
        ax = opt_axis(p[1])
        k = kth[0] if len(kth) == 1 else kth
        if func == "partition":
            r = np.partition(y, k, axis=ax)
        else:
            idx = np.argpartition(y, k, axis=ax)
            src = y.reshape(-1) if ax is None or y.ndim == 0 else y
            r = src[idx] if ax is None or y.ndim == 0 else np.take_along_axis(y, idx, axis=ax)
        if r.size == 0:
            return [back(r, x)]
        return [back(canon(r, kth, None if ax is None or y.ndim == 0 else ax), x)]
    if func == "searchsorted":
        sorter = xs[2] if len(xs) > 2 else None
        return [np.searchsorted(y, f32(xs[1]), side=p[0], sorter=sorter)]
    if func == "lexsort":
        return [np.lexsort([f32(k) for k in xs], axis=int(p[0]))]
    if func == "unique":
        fl = p[0]
        r = np.unique(y, return_index="i" in fl, return_inverse="v" in fl,
                      return_counts="c" in fl, equal_nan="n" not in fl)
        r = list(r) if isinstance(r, tuple) else [r]
        return [back(r[0], x)] + r[1:]
    b = f32(xs[1])
    if func == "isin":
        return [np.isin(y, b, assume_unique=p[0] == "1", invert=p[1] == "1")]
    if func == "intersect1d":
        r = np.intersect1d(y, b, assume_unique=p[0] == "1", return_indices=p[1] == "1")
        r = list(r) if isinstance(r, tuple) else [r]
        return [back(r[0], x)] + r[1:]
    if func == "union1d":
        return [back(np.union1d(y, b), x)]
    if func == "setdiff1d":
        return [back(np.setdiff1d(y, b, assume_unique=p[0] == "1"), x)]
    if func == "setxor1d":
        return [back(np.setxor1d(y, b, assume_unique=p[0] == "1"), x)]
    raise ValueError(func)


# (shape, order, recipe, axes): layouts every sort-like function runs on.
LAYOUTS = [
    ((), "C", "", ["", "-1"]),
    ((0,), "C", "", ["-1", ""]),
    ((1,), "C", "", ["-1"]),
    ((9,), "C", "", ["-1", "0", ""]),
    ((17,), "C", "s:0:::-1", ["-1"]),
    ((3, 5), "C", "", ["-1", "0", "", "-3"]),
    ((3, 5), "F", "", ["0", "1"]),
    ((4, 6), "C", "s:0:::-1 s:1:::2", ["0", "-1"]),
    ((2, 3, 4), "C", "p:1,2,0", ["0", "1", "2", ""]),
    ((1, 4, 1), "C", "", ["0", "1", "-1"]),
    ((0, 3), "C", "", ["0", "1", ""]),
    ((2, 35), "C", "", ["-1"]),
]
SIZES = [7, 8, 9, 16, 17]
BIG = ["int8", "int64", "uint64", "float16", "float32", "float64", "complex128"]


def cases():
    rng = np.random.default_rng(20261206)
    out = []
    for dt in DTYPES:
        for shape, order, recipe, axes in LAYOUTS:
            n = int(np.prod(shape))
            x = pool(dt, n, rng).reshape(shape)
            s = spec(x, order, recipe)
            for j, ax in enumerate(axes):
                for kind in ("quicksort", "stable")[j > 0:]:
                    out.append(("sort", f"{ax}|{kind}", s))
                    out.append(("argsort", f"{ax}|{kind}", s))
                if shape and shape[-1] >= 4 and ax != "":
                    out.append(("partition", f"1|{ax}", s))
                    out.append(("argpartition", f"1,-1|{ax}", s))
            if n > 0:
                out.append(("partition", "0|", s))
                out.append(("argpartition", "-1|", s))
            out.append(("unique", "", s))
        for n in SIZES + ([127, 129] if dt in BIG else []):
            s = spec(pool(dt, n, rng))
            out += [("sort", "-1|stable", s), ("argsort", "-1|stable", s),
                    ("partition", "3,-2|-1", s), ("unique", "ivc" if n < 20 else "c", s)]
        if dt in BIG:
            s = spec(pool(dt, 1000, rng))
            out += [("sort", "-1|stable", s), ("argsort", "-1|stable", s), ("unique", "ic", s)]
        x = pool(dt, 12, rng)
        out += [("unique", fl, spec(x.reshape(3, 4), "F")) for fl in ("i", "v", "c", "ivc", "ivcn", "n")]
        srt = spec(np.sort(f32(pool(dt, 9, rng))).astype(x.dtype))
        v = spec(pool(dt, 6, rng).reshape(2, 3))
        out += [("searchsorted", side, srt + ";" + v) for side in ("left", "right")]
        unsorted = pool(dt, 9, rng)
        order = np.argsort(f32(unsorted), kind="stable")
        out += [("searchsorted", side, spec(unsorted) + ";" + v + ";" + spec(order))
                for side in ("left", "right")]
        a, b = pool(dt, 10, rng), pool(dt, 7, rng)
        sa, sb = spec(a.reshape(2, 5)), spec(b)
        out += [("isin", "0|0", sa + ";" + sb), ("isin", "0|1", sa + ";" + sb),
                ("intersect1d", "0|0", sa + ";" + sb), ("intersect1d", "0|1", sa + ";" + sb),
                ("union1d", "", sa + ";" + sb), ("setdiff1d", "0", sa + ";" + sb),
                ("setxor1d", "0", sa + ";" + sb), ("setdiff1d", "0", sb + ";" + sa)]
        ua, ub = np.unique(f32(a)).astype(a.dtype), np.unique(f32(b)).astype(b.dtype)
        if dt not in ("float16", "bfloat16", "float32", "float64", "complex64", "complex128"):
            su, sv = spec(ua[::-1].copy()), spec(ub)
            out += [("isin", "1|1", su + ";" + sv), ("intersect1d", "1|1", su + ";" + sv),
                    ("setdiff1d", "1", su + ";" + sv), ("setxor1d", "1", su + ";" + sv)]
        keys = ";".join(spec(pool(dt, 12, rng).reshape(3, 4)) for _ in range(2))
        out += [("lexsort", "-1", keys), ("lexsort", "0", keys)]
    # Mixed dtypes, promotion.
    i8 = spec(np.array([3, -1, 2, 2], np.int8))
    f4 = spec(np.array([2.0, np.nan, -1.0], np.float32))
    u8 = spec(np.array([250, 3, 2], np.uint8))
    c8 = spec(np.array([2 + 0j, 3 - 1j], np.complex64))
    for a, b in ((i8, f4), (i8, u8), (u8, c8), (f4, c8)):
        out += [("isin", "0|0", a + ";" + b), ("intersect1d", "0|1", a + ";" + b),
                ("union1d", "", a + ";" + b), ("setdiff1d", "0", a + ";" + b),
                ("setxor1d", "0", a + ";" + b), ("searchsorted", "left", a + ";" + b)]
    i64 = spec(np.array([3, 1, 2], np.int64))
    out += [("lexsort", "-1", i64 + ";" + f4), ("lexsort", "-1", f4 + ";" + i64 + ";" + i8[:-2] + ",2")]
    # Errors.
    m = spec(np.arange(6).reshape(2, 3))
    z = spec(np.array(3.0))
    out += [("sort", "2|quicksort", m), ("sort", "-3|stable", m), ("sort", "-1|quicksort", z),
            ("argsort", "5|quicksort", m), ("partition", "3|-1", m), ("partition", "-4|-1", m),
            ("partition", "0,3|1", m), ("argpartition", "2|0", m), ("partition", "6|", m),
            ("partition", "0|-1", z), ("partition", "0|", z), ("argpartition", "0|-1", z),
            ("partition", "|-1", m), ("partition", "0|2", m), ("searchsorted", "left", m + ";" + i64),
            ("searchsorted", "left", z + ";" + i64), ("searchsorted", "left", i64 + ";" + z),
            ("searchsorted", "left", i64 + ";" + i64 + ";" + spec(np.array([0, 1]))),
            ("searchsorted", "left", i64 + ";" + i64 + ";" + spec(np.array([0.0, 1.0, 2.0]))),
            ("searchsorted", "left", i64 + ";" + i64 + ";" + spec(np.array([[0, 1, 2]]))),
            ("lexsort", "-1", i64 + ";" + m), ("lexsort", "2", m + ";" + m), ("lexsort", "-1", z),
            ("unique", "ivc", z), ("isin", "0|0", z + ";" + m), ("union1d", "", z + ";" + z)]
    return out


def generate(out):
    import warnings
    warnings.simplefilter("ignore")
    lines = []
    names = {}
    for func, args, inputs in cases():
        xs = [build(s) for s in inputs.split(";")]
        refs = []
        for s in inputs.split(";"):
            if s not in names:
                names[s] = f"@{len(names)}"
                lines.append(f"{names[s]}={s}")
            refs.append(names[s])
        inputs = ";".join(refs)
        try:
            res = ";".join(describe(r) for r in run(func, args, xs))
        except (ValueError, IndexError, TypeError) as e:
            res = "ERR:" + str(e)
        lines.append("#".join([func, args, inputs, res]))
    with open(os.path.join(out, "sorting.txt"), "w") as f:
        f.write("% @N=input, or func#args#@N;@M#results (shape:dtype:values) or ERR:message\n")
        f.write("\n".join(lines) + "\n")
