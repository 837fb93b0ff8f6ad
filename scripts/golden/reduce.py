"""Reductions: sum, prod, mean, var, std, min, max, ptp, argmin, argmax, any, all,
count_nonzero, average and the nan* forms, over every dtype, axis form, keepdims, layout and
special value; NumPy's result (shape, dtype, values) or its error message.

An input is dtype/order/shape/recipe/fill/specials: fill "r" is a deterministic pseudo-random
sequence (value(k) below), an integer N is np.arange(size) + N; specials is a comma list of
n:K (NaN), i:K (+inf), j:K (-inf), z:K (-0.0) at flat C-order positions K; then the view recipe
of views.py. Integer fills go through int64, float fills through float64 (complex through
complex128, the imaginary part value(k + 500)), then astype(dtype).

An axis is N (None), an integer, a comma list (a tuple; "()" for the empty tuple), with a
trailing k for keepdims. "exact" is 1 when NumPy's summation order is reproduced (the input is
C- or F-contiguous), 0 when the test allows a tolerance on float results.
"""
import os
import warnings

import ml_dtypes  # noqa: F401  (registers bfloat16)
import numpy as np

from views import apply


def value(k, dtype):
    if dtype == "bfloat16":
        return ((k * 37) % 61 - 30) / 4.0
    return ((k * 7919) % 1013) / 7.0 - 50.0


def build(spec):
    f = spec.split("/")
    dtype, order, shape, recipe, fill = f[:5]
    shape = tuple(int(x) for x in shape.split(",") if x)
    size = int(np.prod(shape))
    k = np.arange(size)
    specials = [s.split(":") for s in f[5].split(",")] if len(f) > 5 and f[5] else []
    kind = np.dtype(dtype).kind
    if fill == "r" and kind in "iub":
        base = ((k * 7919) % 1013 - 500).astype(np.int64)
    elif fill == "r":
        base = np.array([value(int(i), dtype) for i in k], dtype=np.float64)
        if kind == "c":
            base = base + 1j * np.array([value(int(i) + 500, dtype) for i in k])
    else:
        base = k.astype(np.int64) + int(fill)
    if specials:
        base = base.astype(np.complex128 if kind == "c" else np.float64)
        for s, pos in specials:
            base[int(pos)] = {"n": np.nan, "i": np.inf, "j": -np.inf, "z": -0.0}[s]
    base = base.astype(dtype).reshape(shape, order=order)
    return apply(base, recipe)


def axis_arg(s):
    keep = s.endswith("k")
    s = s.rstrip("k")
    if s == "N":
        ax = None
    elif s == "()":
        ax = ()
    elif "," in s:
        ax = tuple(int(x) for x in s.split(",") if x)
    else:
        ax = int(s)
    return ax, keep


def fmt(v):
    """Values in C order, each float part as the shortest string that rounds back to it in its
    own dtype."""
    v = np.asarray(v)
    if v.dtype.kind == "c":
        return ",".join(str(z.real) + "j" + str(z.imag) for z in v.ravel())
    if v.dtype.kind in "iub":
        return ",".join(str(int(z)) for z in v.ravel())
    return ",".join(str(z) for z in v.ravel())


def run(func, args, x):
    p = args.split("|")
    ax, keep = axis_arg(p[0])
    if func in ("var", "std", "nanvar", "nanstd"):
        r = getattr(np, func)(x, axis=ax, ddof=int(p[1]) if len(p) > 1 else 0, keepdims=keep)
    elif func == "average":
        w = build(p[1]) if len(p) > 1 and p[1] else None
        r = np.average(x, axis=ax, weights=w, keepdims=keep)
    elif func == "count_nonzero":
        r = np.count_nonzero(x, axis=ax, keepdims=keep)
    else:
        r = getattr(np, func)(x, axis=ax, keepdims=keep)
    r = np.asarray(r)
    return ":".join([",".join(map(str, r.shape)), str(r.dtype), fmt(r)])


FUNCS = ["sum", "prod", "mean", "var", "std", "min", "max", "ptp", "argmin", "argmax", "any",
         "all", "count_nonzero", "nansum", "nanprod", "nanmean", "nanvar", "nanstd", "nanmin",
         "nanmax", "nanargmin", "nanargmax", "average"]
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "bfloat16", "float32", "float64", "complex64", "complex128"]
AXES2 = ["N", "0", "-1", "0,1", "()", "1k", "Nk"]
LAYOUTS = [
    ("C/3,5//r", AXES2),
    ("F/4,6//r", AXES2),
    ("C/4,6/s:0:::-1 s:1:::-2/r", AXES2),
    ("C/2,3,4/p:2,0,1/r", ["N", "0", "2", "0,2", "-1k"]),
    ("C///r", ["N", "()", "Nk"]),
    ("C/0,3//0", ["N", "0", "1", "1k"]),
    ("C/1,3,1//r", ["N", "0", "1", "0,2k"]),
]
FLOATS = ["float16", "bfloat16", "float32", "float64", "complex64", "complex128"]


NAN_FUNCS = ["sum", "mean", "var", "min", "max", "argmin", "argmax", "nansum", "nanprod", "nanmean",
             "nanstd", "nanmin", "nanmax", "nanargmin", "nanargmax", "any", "count_nonzero"]
LAYOUT_DTYPES = ["bool", "int8", "uint16", "int64", "float16", "bfloat16", "float32", "float64",
                 "complex64"]
CORE = ["sum", "prod", "mean", "std", "max", "argmin", "any", "count_nonzero", "nanmean",
        "nanmin", "nanargmax"]


def cases():
    out = []
    for dt in DTYPES:
        for lay, axes in LAYOUTS:
            if lay != LAYOUTS[0][0] and dt not in LAYOUT_DTYPES:
                continue
            x = dt + "/" + lay
            for fn in (FUNCS if lay == LAYOUTS[0][0] else CORE):
                for ax in axes:
                    args = ax + ("|1" if fn in ("var", "std", "nanvar", "nanstd") and ax == "0" else
                                 "|0" if fn in ("var", "std", "nanvar", "nanstd") else "")
                    out.append((fn, args, x))
    # NaN, infinities and -0.0 in every float dtype.
    for dt in FLOATS:
        for sp in ["n:1", "n:0,n:7", "i:2,j:5", "z:0,z:1,z:2,z:3,z:4,z:5,z:6,z:7", "n:0,n:1,n:2,n:3",
                   "i:3,n:6"]:
            x = dt + "/C/2,4//r/" + sp
            for fn in NAN_FUNCS:
                for ax in ["N", "1"]:
                    args = ax + ("|0" if fn in ("var", "std", "nanvar", "nanstd") else "")
                    out.append((fn, args, x))
    # Lengths straddling the SIMD widths and the pairwise blocks, whole and along axes.
    for dt in ["float32", "float64", "float16", "complex64", "int8", "bfloat16"]:
        for n in [7, 8, 9, 15, 16, 17, 127, 128, 129, 1000, 1031, 4099]:
            for fn in ["sum", "mean", "var", "std", "min", "max", "argmin", "argmax", "nanmean"]:
                out.append((fn, "N|0" if fn in ("var", "std") else "N", f"{dt}/C/{n}//r"))
        for shape, ax in [("5,129", "1"), ("129,5", "0"), ("3,1031", "1"), ("1031,3", "0")]:
            for fn in ["sum", "mean", "std", "max", "argmax"]:
                if True:
                    out.append((fn, ax + ("|0" if fn == "std" else ""), f"{dt}/C/{shape}//r"))
                    out.append((fn, ax + ("|0" if fn == "std" else ""), f"{dt}/F/{shape}//r"))
    # Integer overflow: narrow sums widen, 64-bit sums and products wrap.
    for x in ["int8/C/3,50//100", "uint8/C/300//200", "int64/C/4//4611686018427387904",
              "uint64/C/3//-616", "int32/C/2,40//2147483600", "int16/C/70//-30000"]:
        for fn in ["sum", "prod", "mean", "ptp", "nansum", "cumsum"][:5]:
            for ax in ["N", "-1"]:
                out.append((fn, ax, x))
    # Errors.
    for fn in FUNCS:
        for ax in ["2", "-3", "0,0", "0,-2"]:
            args = ax + ("|0" if fn in ("var", "std", "nanvar", "nanstd") else "")
            out.append((fn, args, "float64/C/2,3//r"))
    for fn in ["min", "max", "ptp", "argmin", "argmax", "nanmin", "nanmax", "nanargmin",
               "nanargmax"]:
        for x in ["float64/C/0//0", "float64/C/0,3//0", "int32/C/0,3//0"]:
            for ax in ["N", "0", "1"]:
                out.append((fn, ax, x))
    for fn in ["nanargmin", "nanargmax", "nanmin", "nanmax", "nanmean", "nanstd", "nansum"]:
        for ax in ["N", "0", "1"]:
            out.append((fn, ax, "float64/C/2,2//r/n:0,n:2"))
    # Weighted averages and the weights' shape checks.
    for x, args in [("float64/C/3,4//r", "N|float64/C/3,4//1"), ("float64/C/3,4//r", "1|float32/C/4//2"),
                    ("int32/C/3,4//r", "0|int64/C/3//1"), ("float64/C/2,3,4//r", "2,0|float64/C/4,2//1"),
                    ("float64/C/3,4//r", "1k|float64/C/4//1"), ("float32/F/3,4//r", "0|float32/C/3//1"),
                    ("complex64/C/3,4//r", "1|float64/C/4//1"), ("float64/C/3,4//r", "N|float64/C/4//1"),
                    ("float64/C/3,4//r", "1|float64/C/3//1"), ("float64/C/3,4//r", "1|float64/C/4//0/z:0"),
                    ("float64/C/3,4//r", "0|float64/C/3//-1"), ("bool/C/3,4//r", "1|int8/C/4//1"),
                    ("float64/C/3,4//r", "1|float64/C/3,4//1"), ("float16/C/3,4//r", "N|")]:
        out.append(("average", args, x))
    return out


def generate(out):
    warnings.simplefilter("ignore")
    lines = []
    for fn, args, spec in cases():
        x = build(spec)
        exact = int(x.flags.c_contiguous or x.flags.f_contiguous)
        try:
            res = run(fn, args, x)
        except (ValueError, TypeError, ZeroDivisionError) as e:
            res = "ERR:" + str(e)
        lines.append("#".join([fn, args, spec, str(exact), res]))
    # 1e6 float32 values: the whole sum and sums along either axis of a 1000 x 1000 view.
    big = []
    for fn, args, spec in [("sum", "N", "float32/C/1000000//r"), ("sum", "0", "float32/C/1000,1000//r"),
                           ("sum", "1", "float32/C/1000,1000//r"), ("mean", "N", "float64/C/1000000//r"),
                           ("std", "N|0", "float64/C/1000000//r"), ("std", "0|0", "float64/C/1000,300//r"),
                           ("nanmean", "N", "float64/C/300000//r/n:5,n:77777")]:
        big.append("#".join([fn, args, spec, "1", run(fn, args, build(spec))]))
    with open(os.path.join(out, "reduce.txt"), "w") as f:
        f.write("% function#axis[|ddof or weights]#input#exact#shape:dtype:values or ERR:message\n")
        f.write("\n".join(lines + big) + "\n")
