"""Indexing and assignment: for each case, NumPy's a[idx] (shape, dtype, whether it shares
memory with the input, values in C order) or its error message; for assignments, the whole array
after a[idx] = value (or np.copyto(a[idx], value, casting=...)); and take, put, take_along_axis,
put_along_axis, compress, extract, nonzero, argwhere, flatnonzero.

An input is dtype/order/shape/recipe/offset[/nan]: np.arange(size) + offset cast to dtype,
shaped in order, with NaN written at the flat (C-order) positions listed in nan, then the view
recipe of views.py.

An index is space-separated items: i:N (integer), s:start:stop:step (slice, empty fields None),
n (newaxis), e (ellipsis), a:dtype:shape:values (an index array), m:shape:bits (a boolean array
of 0/1 characters; m::1 is a 0-d True).

A value is an input spec or py:int:N / py:float:X / py:bool:B / py:complex:RE:IM (a Python
scalar). Values print as repr(float) of the real part, and for complex dtypes "j" and the
imaginary part.
"""
import os

import numpy as np

from views import apply

C = "int64/C/3,4//0"
F = "float32/F/3,4//0"
STRIDED = "int16/C/6,8/s:0:::2 s:1:1::2/0"
TRANS = "float64/C/2,3,4/p:2,0,1/0"
NEG = "int8/C/3,4/s:0:::-1 s:1:::-1/0"
ZERO = "float64/C///7"
EMPTY = "uint8/C/0,3//0"
UNIT = "int32/C/1,3,1//0"
NAN = "float64/C/2,3//0/1,4"
CPLX = "complex128/F/2,3//1"
BOOL = "bool/C/3,2//0"
V1 = "int64/C/5//10"
D3 = "int64/C/2,3,4//0"

ITEMS = [
    # basic
    "i:0", "i:-1", "i:2 i:-1", "s:1::", "s:::-1", "s:1:-1:2", "s:::-2 i:1", "e i:0", "i:0 e",
    "n", "n e n", "s::: n i:-1", "e", "s:10::", "s::-10:-1",
    # errors
    "i:3", "i:-4", "i:0 i:0 i:0", "e e", "s:::0", "i:0 i:4",
    # one integer array
    "a:int64:2:2,0", "a:int32:2,2:0,1,1,0", "a:uint8:3:1,1,1", "a:int64:0:", "a:int16:1:-1",
    "a:int64:2:3,0", "a:int64:2:0,-4", "s::: a:int64:3:3,0,-1", "a:int64:2:0,1 s:::-1",
    "a:float64:1:0", "a:int64:3:0,1,0 e", "n a:int64:2:1,0", "s::: n a:int64:2:1,0",
    # several arrays: adjacent, separated, broadcast
    "a:int64:2:0,2 a:int64:2:1,3", "a:int64:2,1:0,2 a:int64:3:1,2,3", "a:int64:2:0,2 i:1",
    "i:1 a:int64:2:0,3", "a:int64:2:0,1 a:int64:3:0,1,2", "s::: a:int64:2:0,1 a:int64:1:2",
    # masks
    "m:3,4:101001100110", "m:3:101", "m:3:000", "m:4:1010", "s::: m:4:1010", "m:3,4:000000000000",
    "m:3,3:101001100", "m::1", "m::0", "m::1 i:0", "s:1:: m:4:0110", "m:3:110 a:int64:2:3,1",
]
ITEMS3 = [
    "a:int64:2:0,1 s::: a:int64:2:1,2", "s::: a:int64:2:0,2 a:int64:2:1,3",
    "i:0 s::: a:int64:2:0,1", "a:int64:2:1,0 e a:int64:1:3", "s::: m:3,4:100000000001",
    "m:2,3:100101", "m:2,3,4:" + "10" * 12, "e a:int64:2,2:0,1,2,3", "a:int64:2:1,0 n a:int64:2:0,2",
    "m::1 s::: a:int64:2:0,1", "i:0 a:int64:2:0,1 i:0",
]
GET_INPUTS = [C, F, STRIDED, NEG, NAN, CPLX, UNIT]
CASES = []
for x in GET_INPUTS:
    CASES += [("get", it, x, "") for it in ITEMS]
CASES += [("get", it, TRANS, "") for it in ITEMS3 + ["i:0", "s:::-1 i:-1", "a:int64:2:1,3 i:0"]]
CASES += [("get", it, D3, "") for it in ITEMS3]
CASES += [("get", it, x, "") for x in (ZERO,) for it in ("e", "n", "i:0", "m::1", "m::0", "n e n", "a:int64:1:0")]
CASES += [("get", it, EMPTY, "") for it in ("i:0", "s:::-1", "a:int64:0:", "s::: a:int64:2:0,2", "m:0:", "e i:1")]
CASES += [("get", it, BOOL, "") for it in ("a:int64:2:2,0", "m:3,2:100101", "i:-1", "s:::-1 i:1")]
CASES += [("get", it, V1, "") for it in ("a:int64:2,2:4,0,1,-5", "m:5:10101", "a:int8:3:-1,-2,5")]

SETS = [
    ("i:0", "py:int:9"), ("s:::-1 i:1", "py:float:2.5"), ("e i:-1", "int64/C/3//50"),
    ("s:::2", "int64/C/1,4//20"), ("s::: i:0", "int64/C/1,1,3//5"), ("n", "int64/C/4//70"),
    ("a:int64:3:0,2,0", "int64/C/3,1//30"), ("a:int64:2:2,0 a:int64:2:1,1", "py:int:-1"),
    ("m:3,4:101001100110", "py:int:0"), ("m:3,4:101001100110", "int64/C/6//40"),
    ("m:3:011", "int64/C/4//11"), ("s::: a:int64:2:-1,0", "int64/C/3,2//90"),
    ("a:int64:4:0,0,0,0 i:0", "int64/C/4//1"), ("i:1 a:int64:2:0,3", "float64/C/2//5"),
    ("m::1", "py:int:3"), ("a:int64:2:0,3", "py:int:1"), ("i:0 i:4", "py:int:1"),
    ("m:3,4:101001100110", "int64/C/5//1"), ("m:3,4:101001100110", "int64/C/2,3//1"),
    ("s:::", "int64/C/2//1"), ("a:int64:2:0,1", "int64/C/4//1"), ("i:0", "py:float:nan"),
    ("i:0", "py:complex:1:1"), ("i:0", "complex128/C/4//1"), ("s::: m:4:1001", "int64/C/1//8"),
]
SET_INPUTS = [C, F, NEG, STRIDED, "int8/C/3,4//0", "float64/F/3,4//0/5", "complex64/C/3,4//0"]
for x in SET_INPUTS:
    CASES += [("set", it, x, v) for it, v in SETS]
CASES += [("set", it, "int8/C/3,4//0", v) for it, v in (("i:0", "py:int:300"), ("i:0", "py:int:-129"))]
CASES += [("set", it, "uint8/C/3,4//0", v) for it, v in (("s:1:", "py:int:-1"), ("i:0", "py:float:-2.5"))]
CASES += [("set", "e", ZERO, "py:float:1.5"), ("set", "e", ZERO, "int64/C/1//3"),
          ("set", "m::1", ZERO, "py:int:3"), ("set", "i:0", EMPTY, "py:int:1"),
          ("set", "e", EMPTY, "py:int:1"), ("set", "a:int64:0:", EMPTY, "py:int:1"),
          ("set", "m:0,3:", EMPTY, "int64/C/3//1"), ("set", "e", BOOL, "py:int:0"),
          ("set", "m:3,2:110011", BOOL, "py:bool:0"), ("set", "i:0", "int64/C/3,4/b:2,3,4/0", "py:int:1"),
          ("set", "a:int64:2:0,1", "int64/C/3,4/b:2,3,4/0", "py:int:1"),
          ("set", "a:int64:2:1,1 a:int64:2:0,2", TRANS, "float64/C/2,2//1"),
          ("set", "s::: a:int64:2:0,2 a:int64:2:1,3", D3, "int64/C/2//7"),
          ("set", "a:int64:2:0,1 s::: a:int64:2:1,2", D3, "int64/C/2,3//100")]
for x in (C, "int8/C/3,4//0", "float32/C/3,4//0", NEG):
    for it, v in (("s:::-1", "py:float:1.5"), ("i:0", "float64/C/4//1"), ("i:0", "int16/C/4//1"),
                  ("s:1:", "py:int:7"), ("e", "py:bool:1"), ("i:1", "complex64/C/4//1"),
                  ("i:-1", "uint16/C/1//2"), ("e", "int8/C/3,1//5")):
        CASES.append(("setk", it, x, v))

FUNCS = [
    ("take", "a:int64:3:5,0,-1|", C), ("take", "a:int64:2,2:0,2,1,1|1", C),
    ("take", "a:int64:2:1,0|-1", NEG), ("take", "a:int64:2:12,0|", C),
    ("take", "a:int64:2:3,0|0", C), ("take", "a:int64:2:7,-9|1|wrap", STRIDED),
    ("take", "a:int64:3:7,-9,2|0|clip", F), ("take", "a:int32:1:0|", ZERO),
    ("take", "a:int64:1:0|0", EMPTY), ("take", "a:int64:0:|0", EMPTY), ("take", "a:int64:2:1,0|2", C),
    ("take", "a:uint8:2:1,2|1", CPLX), ("take", "a:int64:2:1,0|1", NAN),
    ("take_along_axis", "a:int64:3,1:0,2,1|1", C), ("take_along_axis", "a:int64:1,4:2,0,1,2|0", NEG),
    ("take_along_axis", "a:int64:2:5,0|", C), ("take_along_axis", "a:int64:2,2:0,1,0,1|", C),
    ("take_along_axis", "a:int64:2:0,1|1", C), ("take_along_axis", "a:int64:3,1:0,4,1|1", C),
    ("take_along_axis", "a:int64:2,1,1:1,0|-1", TRANS),
    ("take_along_axis", "a:int64:2,1:0,0|1", C),
    ("compress", "m:3:101|0", C), ("compress", "m:2:01|1", F), ("compress", "m:4:0110|", NEG),
    ("compress", "m:5:01001|0", C), ("compress", "m:5:00001|0", C), ("compress", "m:2,2:1001|0", C),
    ("compress", "m:0:|", EMPTY),
    ("extract", "m:3,4:101001100110|", C), ("extract", "m:3,4:101001100110|", NEG),
    ("extract", "m:13:1000000000001|", C), ("extract", "m:2:10|", C),
    ("nonzero", "", C), ("nonzero", "", NEG), ("nonzero", "", NAN), ("nonzero", "", ZERO),
    ("nonzero", "", EMPTY), ("nonzero", "", BOOL), ("nonzero", "", CPLX), ("nonzero", "", TRANS),
    ("argwhere", "", C), ("argwhere", "", NEG), ("argwhere", "", ZERO), ("argwhere", "", EMPTY),
    ("argwhere", "", "int64/C///0"), ("argwhere", "", BOOL), ("argwhere", "", "float32/C/4//-2"),
    ("flatnonzero", "", C), ("flatnonzero", "", NEG), ("flatnonzero", "", ZERO),
    ("flatnonzero", "", STRIDED), ("flatnonzero", "", EMPTY),
    ("put", "a:int64:3:0,5,-1|int64/C/2//100|", C), ("put", "a:int64:3:0,5,-1|py:float:2.5|", NEG),
    ("put", "a:int64:2:20,-20|int64/C/2//100|wrap", F), ("put", "a:int64:2:20,-20|int64/C/2//100|clip", C),
    ("put", "a:int64:1:12|py:int:1|", C), ("put", "a:int64:1:0|py:int:1|", EMPTY),
    ("put", "a:int64:1:0|int64/C/0//0|", C), ("put", "a:int64:2:0,0|int64/C/2//5|", ZERO),
    ("put", "a:int64:4:1,1,1,1|int64/C/4//1|", STRIDED), ("put", "a:int64:2:0,1|py:int:300|", "int8/C/2//0"),
    ("put_along_axis", "a:int64:3,1:0,2,1|py:int:99|1", C),
    ("put_along_axis", "a:int64:1,4:2,0,1,2|int64/C/1,4//50|0", NEG),
    ("put_along_axis", "a:int64:3,1:0,2,1|int64/C/3,2//50|1", C),
    ("put_along_axis", "a:int64:3:0,2,1|py:int:1|1", C),
    ("put_along_axis", "a:int64:1,1:5|py:int:1|1", C),
]


def build(spec):
    f = spec.split("/")
    dtype, order, shape, recipe, off = f[:5]
    shape = tuple(int(x) for x in shape.split(",") if x)
    size = int(np.prod(shape))
    base = (np.arange(size) + int(off)).astype(dtype)
    if len(f) > 5:
        for k in f[5].split(","):
            base[int(k)] = np.nan
    base = base.reshape(shape, order=order)
    return apply(base, recipe)


def value(spec):
    if spec.startswith("py:"):
        p = spec.split(":")
        return {"int": int, "float": float, "bool": lambda s: bool(int(s))}.get(
            p[1], lambda re: complex(float(re), float(p[3])))(p[2])
    return build(spec)


def item(s):
    p = s.split(":")
    if p[0] == "i":
        return int(p[1])
    if p[0] == "s":
        return slice(*[None if v == "" else int(v) for v in p[1:4]])
    if p[0] == "n":
        return None
    if p[0] == "e":
        return Ellipsis
    shape = tuple(int(x) for x in p[-2].split(",") if x)
    if p[0] == "a":
        vals = [int(x) for x in p[3].split(",") if x]
        return np.array(vals, dtype=p[1]).reshape(shape)
    return np.array([c == "1" for c in p[2]], dtype=bool).reshape(shape)


def index(spec):
    return tuple(item(s) for s in spec.split())


def fmt(v, cplx):
    s = repr(float(v.real))
    return s + "j" + repr(float(v.imag)) if cplx else s


def describe(r, x):
    # NumPy gives a scalar (a copy) where every axis is indexed by an integer; numox gives a
    # 0-d view.
    shares = str(int(np.shares_memory(r, x))) if isinstance(r, np.ndarray) else "-"
    r = np.asarray(r)
    cplx = r.dtype.kind == "c"
    vals = ",".join(fmt(v, cplx) for v in r.ravel())
    return ":".join([",".join(map(str, r.shape)), str(r.dtype), shares, vals])


def run(kind, args, x):
    if kind == "get":
        return describe(x[index(args)], x)
    if kind in ("set", "setk"):
        it, v = args.split("|")
        a = x.copy() if x.flags.writeable else x
        if kind == "set":
            a[index(it)] = value(v)
        else:
            np.copyto(a[index(it)], value(v), casting="same_kind")
        return describe(a, x)
    p = args.split("|")
    if kind in ("take", "take_along_axis", "compress"):
        ax = int(p[1]) if p[1] else None
        if kind == "take":
            return describe(np.take(x, item(p[0]), axis=ax, mode=p[2] if len(p) > 2 else "raise"), x)
        if kind == "compress":
            return describe(np.compress(item(p[0]), x, axis=ax), x)
        return describe(np.take_along_axis(x, item(p[0]), axis=ax), x)
    if kind == "extract":
        return describe(np.extract(item(p[0]), x), x)
    if kind in ("nonzero", "argwhere", "flatnonzero"):
        r = getattr(np, kind)(x)
        return ";".join(describe(a, x) for a in (r if kind == "nonzero" else [r]))
    a = x.copy()
    if kind == "put":
        np.put(a, item(p[0]), value(p[1]), mode=p[2] or "raise")
    else:
        np.put_along_axis(a, item(p[0]), value(p[1]), axis=int(p[2]))
    return describe(a, x)


def generate(out):
    import warnings
    warnings.simplefilter("ignore")
    lines = []
    all_cases = CASES + [(k, a, x, "") for k, a, x in FUNCS]
    for kind, it, x, v in all_cases:
        args = it + "|" + v if kind in ("set", "setk") else it
        try:
            res = run(kind, args, build(x))
        except (ValueError, IndexError, TypeError, OverflowError) as e:
            res = "ERR:" + str(e)
        lines.append("#".join([kind, args, x, res]))
    with open(os.path.join(out, "index.txt"), "w") as f:
        f.write("% kind#index[|value]#input#shape:dtype:shares:values or ERR:message\n")
        f.write("\n".join(lines) + "\n")
