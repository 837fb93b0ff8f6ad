"""Statistics: cumsum, cumprod, nancumsum, nancumprod, diff, median, percentile, quantile and
their nan forms, bincount, histogram. For each case NumPy's result (shape, dtype, values) or its
error message.

An input is dtype/order/shape/recipe/gen[/specials]: values v_k = ((k*mul + add) % mod - sub)
/ div for gen = mul,add,mod,sub,div (float64 arithmetic), then the specials k:nan, k:inf,
k:-inf, k:-0 written at flat C positions, shaped in order, cast to dtype (unsafe), then the view
recipe of views.py applied.

Values print as repr(float) (floats), as integers (integer and bool dtypes, through int64) or
re j im (complex). Line format: func#args#input#shape:dtype:values or ERR:message.
"""
import os
import warnings

import ml_dtypes  # noqa: F401  (registers bfloat16)
import numpy as np

from views import apply

SPECIAL = {"nan": np.nan, "inf": np.inf, "-inf": -np.inf, "-0": -0.0}


def build(spec):
    f = spec.split("/")
    dtype, order, shape, recipe, gen = f[:5]
    shape = tuple(int(x) for x in shape.split(",") if x)
    size = int(np.prod(shape))
    mul, add, mod, sub, div = (int(x) for x in gen.split(","))
    k = np.arange(size, dtype=np.int64)
    v = ((k * mul + add) % mod - sub).astype(np.float64) / div
    if len(f) > 5 and f[5]:
        for item in f[5].split(","):
            pos, val = item.split(":")
            v[int(pos)] = SPECIAL[val]
    base = v.reshape(shape, order=order)
    base = np.array(base, order=order)
    if dtype[0] in "iu":
        base = base.astype(np.int64)  # integers wrap from int64, as numox's builder does
    base = base.astype(ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)
    return apply(base, recipe)


def fmt(r):
    r = np.asarray(r)
    if r.dtype.kind == "c":
        vals = [repr(float(x.real)) + "j" + repr(float(x.imag)) for x in r.ravel()]
    elif r.dtype.kind in "biu":
        vals = [str(int(x)) for x in r.astype(np.int64).ravel()]
    else:
        vals = [repr(float(x)) for x in r.astype(np.float64).ravel()]
    return ":".join([",".join(map(str, r.shape)), str(r.dtype), ",".join(vals)])


def axes(s):
    if s == "":
        return None
    t = tuple(int(x) for x in s.split(","))
    return t[0] if len(t) == 1 else t


def qarg(s):
    kind, vals = s.split("=")
    if kind == "s":
        return float(vals)
    shape = None
    if ";" in vals:
        shape, vals = vals.split(";")
        shape = tuple(int(x) for x in shape.split(","))
    a = np.array([float(x) for x in vals.split(",")])
    return a.reshape(shape) if shape else a


def run(func, args, x):
    p = args.split("|")
    if func in ("cumsum", "cumprod", "nancumsum", "nancumprod"):
        ax = int(p[0]) if p[0] else None
        if len(p) > 1:
            return getattr(np, func)(x, axis=ax, dtype=p[1])
        return getattr(np, func)(x, axis=ax)
    if func == "diff":
        kw = {}
        if len(p) > 2 and p[2]:
            kw["prepend"] = build(p[2])
        if len(p) > 3 and p[3]:
            kw["append"] = build(p[3])
        return np.diff(x, n=int(p[0]), axis=int(p[1]), **kw)
    if func in ("median", "nanmedian"):
        return getattr(np, func)(x, axis=axes(p[0]), keepdims=p[1] == "1")
    if func in ("quantile", "percentile", "nanquantile", "nanpercentile"):
        return getattr(np, func)(x, qarg(p[0]), axis=axes(p[1]), keepdims=p[2] == "1",
                                 method=p[3] or "linear")
    if func == "bincount":
        w = build(p[0]) if p[0] else None
        return np.bincount(x, weights=w, minlength=int(p[1]))
    if func == "histogram":
        bins = int(p[0][2:]) if p[0].startswith("c:") else build(p[0][2:])
        rng = tuple(float(v) for v in p[1].split(",")) if p[1] else None
        w = build(p[2]) if p[2] else None
        n, e = np.histogram(x, bins=bins, range=rng, weights=w, density=p[3] == "1")
        return n, e
    raise KeyError(func)


FLOATS = ["float64", "float32", "float16", "bfloat16"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
ALL = ["bool"] + INTS + FLOATS
G = "37,5,101,50,8"      # varied values, negative and positive, eighths
GU = "37,5,101,0,8"      # non-negative (unsigned dtypes)
GI = "37,5,101,0,1"      # non-negative integers
BIG = "1,0,7,-4611686018427387903,1"  # int64 overflow on cumsum

def gen_for(dt):
    return GU if dt.startswith("uint") or dt == "bool" else G


def inputs(dt):
    g = gen_for(dt)
    out = [f"{dt}/C/3,4//{g}", f"{dt}/F/3,4//{g}", f"{dt}/C/4,6/s:0:::-1 s:1:::2/{g}",
           f"{dt}/C/2,3,4/p:2,0,1/{g}", f"{dt}/C///{g}", f"{dt}/C/0,3//{g}", f"{dt}/C/1,5,1//{g}"]
    if dt in FLOATS:
        out += [f"{dt}/C/3,4//{g}/1:nan,6:inf,7:-0,9:-inf", f"{dt}/C/2,5//{g}/0:nan,1:nan,2:nan,3:nan,4:nan,7:nan"]
    return out


METHOD_DTYPES = ("float64", "float32", "float16", "int8", "uint64", "bool")
CASES = []
for dt in ALL:
    for i, x in enumerate(inputs(dt)):
        for f in ("cumsum", "cumprod", "nancumsum", "nancumprod"):
            for ax in ("", "0", "-1") if f in ("cumsum", "nancumprod") else ("", "-1"):
                CASES.append((f, ax, x))
        for n, ax in (("1", "-1"), ("2", "0"), ("0", "1")):
            CASES.append(("diff", n + "|" + ax, x))
        if dt == "bfloat16" and "nan" in x:
            continue  # NumPy's bfloat16 is not inexact: NaN order is its partition's accident
        for f in ("median", "nanmedian"):
            if f == "nanmedian" and dt == "bfloat16":
                continue  # NumPy's masked-array path fails on bfloat16
            for ax, kd in (("", "0"), ("0", "1"), ("-1", "0"), ("0,-1", "0"), ("0,1", "1")):
                CASES.append((f, ax + "|" + kd, x))
        methods = ("", "lower", "higher", "nearest", "midpoint") if dt in METHOD_DTYPES and i in (0, 5, 7) else ("",)
        for f, qs in (("quantile", ("s=0.3", "a=0.0,0.25,0.5,1.0")),
                      ("percentile", ("s=30.0", "a=2;10.0,90.0")),
                      ("nanquantile", ("s=0.7",)),
                      ("nanpercentile", ("a=2,1;5.0,95.0",))):
            for q in qs:
                if q.startswith("a=") and i not in (0, 2, 7):
                    continue
                for ax in ("", "1", "0,-1"):
                    for m in methods:
                        if m and ax == "0,-1":
                            continue
                        CASES.append((f, "|".join([q, ax, "1" if ax == "1" else "0", m]), x))
    x = inputs(dt)[0]
    CASES += [("cumsum", "2", x), ("diff", "-1|0", x), ("diff", "5|-1", x), ("diff", "1|3", x),
              ("quantile", "s=1.5||0|", x), ("percentile", "s=-1.0||0|", x), ("median", "2|0", x),
              ("quantile", "s=1.0|1|0|", x), ("percentile", "s=100.0|0|0|", x)]

# long lanes straddling SIMD widths and introselect thresholds
for n in (7, 8, 9, 15, 16, 17, 127, 128, 129, 1001):
    for dt in ("float64", "float32", "int64", "float16"):
        x = f"{dt}/C/{n}//7919,13,1009,500,7"
        CASES += [("median", "|0", x), ("quantile", "s=0.37||0|", x),
                  ("percentile", "a=0.0,12.5,50.0,99.0,100.0||0|", x), ("nanmedian", "|0", x)]
    CASES += [("cumsum", "", f"float32/C/{n}//7919,13,1009,500,7")]
    if n < 200:
        CASES += [("cumsum", "", f"{dt}/C/{n}//7919,13,1009,500,7") for dt in ("float64", "float16", "int64")]
        CASES += [("cumprod", "", f"float64/C/{n}//3,1,7,-1,4")]
# integer overflow and dtype arguments
CASES += [("cumsum", "", "int64/C/8//" + BIG), ("cumprod", "", "int64/C/40//3,7,9,0,1"),
          ("cumsum", "0", "uint8/C/300//1,250,251,0,1"), ("cumsum", "|int8", "int64/C/10//1,100,101,0,1"),
          ("cumprod", "|float32", "int64/C/6//1,2,5,0,1"), ("cumsum", "1|bool", "int64/C/2,3//1,0,2,0,1"),
          ("diff", "1|0", "uint8/C/3//1,2,5,0,1"),
          ("diff", "1|0", "int8/C/2//255,0,256,128,1"),
          ("cumsum", "", "complex128/C/2,3//" + G), ("cumprod", "1", "complex64/F/2,3//" + G),
          ("nancumsum", "0", "complex128/C/2,3//" + G + "/1:nan"), ("diff", "1|-1", "complex128/C/2,3//" + G),
("quantile", "s=0.5||0|", "complex128/C/3//" + G),
          ("quantile", "s=0.5||0|", "bool/C/3//" + GU), ("median", "|0", "int8/C/2//255,127,256,0,1"),
          ("quantile", "s=0.3||0|", "int8/C/2//255,128,256,0,1"),
          ("quantile", "s=0.5||0|", "float64/C/2//0,0,1,0,1/0:inf,1:inf"),
          ("quantile", "s=1.0||0|", "float64/C/1//0,0,1,0,1/0:-0"),
          ("median", "|0", "float64/C/4//1,0,4,0,1/0:-0,1:-0,2:-0,3:-0")]
# diff with prepend/append
CASES += [("diff", "1|0||", "int64/C/4//" + G), ("diff", "1|0|float64/C///0,3,5,0,1|", "int64/C/4//" + G),
          ("diff", "2|1|int64/C/3,1//" + GI + "|int64/C///" + GI, "int64/C/3,4//" + G),
          ("diff", "1|-1|bool/C/3,1//" + GU + "|", "bool/C/3,4//" + GU),
          ("diff", "1|0|int64/C/1,2//" + GI + "|", "int64/C/3,4//" + G)]
# bincount
for x in ("int64/C/20//" + GI, "uint8/C/9//" + GI, "int8/C/6//3,1,5,0,1", "bool/C/5//3,1,2,0,1",
          "int32/C/0//" + GI, "uint64/C/7//3,2,11,0,1"):
    CASES += [("bincount", "|0", x), ("bincount", "|120", x),
              ("bincount", "float64/C/" + x.split("/")[2] + "//" + G + "|3", x)]
CASES += [("bincount", "|0", "int64/C/5//1,0,5,2,1"), ("bincount", "|0", "int64/C/2,3//" + GI),
          ("bincount", "|0", "int64/C///" + GI), ("bincount", "|0", "float64/C/3//" + GI),
          ("bincount", "float64/C/4//" + G + "|0", "int64/C/5//" + GI),
          ("bincount", "float32/C/5//" + G + "|0", "int64/C/5//" + GI)]
# histogram
HX = ["float64/C/1000//7919,13,1009,500,7", "float32/C/129//7919,13,1009,500,7", "int64/C/50//" + GI,
      "int16/F/5,6//" + G, "float64/C/3,4/s:0:::-1/" + G, "float16/C/40//" + G, "uint8/C/17//" + GI,
      "float64/C/0//" + G, "float64/C/5//0,3,1,0,1", "float64/C/6//1,0,6,0,10"]
for x in HX:
    for bins in ("c:10", "c:1", "c:7", "e:float64/C/5//1,-2,1,0,1", "e:int64/C/4//20,-40,1,0,1"):
        for rng in ("", "-3.5,4.25", "0.0,0.1"):
            CASES.append(("histogram", "|".join([bins, rng, "", "0"]), x))
    CASES.append(("histogram", "c:10|||1", x))
shape = lambda x: x.split("/")[2]
for x in HX[:5]:
    w = "float64/C/" + shape(x) + "//3,1,11,5,4"
    CASES += [("histogram", "c:10||" + w + "|0", x), ("histogram", "c:10||" + w + "|1", x),
              ("histogram", "e:float64/C/4//20,-40,1,0,1||" + w + "|0", x),
              ("histogram", "c:5|-10.0,10.0|int64/C/" + shape(x) + "//3,1,11,5,1|0", x)]
CASES += [("histogram", "c:0|||0", HX[0]), ("histogram", "e:float64/C/3//-1,5,7,0,1|||0", HX[0]),
          ("histogram", "c:3|2.0,1.0||0", HX[0]), ("histogram", "c:3|0.0,1.0|float64/C/2//" + G + "|0", HX[0]),
          ("histogram", "c:3|||0", "float64/C/4//" + G + "/1:nan"),
          ("histogram", "c:3|||0", "float64/C/4//" + G + "/1:inf"),
          ("histogram", "e:float64/C/2,2//" + G + "|||0", HX[0]),
          ("histogram", "c:4|1.0,1.0||0", HX[0]), ("histogram", "c:3|||0", "bool/C/5//3,1,2,0,1"),
          ("histogram", "c:4|-1.0,1.0||0", "float64/C/9//1,0,9,4,4")]


def generate(out):
    warnings.simplefilter("ignore")
    lines = []
    for func, args, x in CASES:
        try:
            r = run(func, args, build(x))
            res = ";".join(fmt(v) for v in r) if isinstance(r, tuple) else fmt(r)
        except (ValueError, IndexError, TypeError, OverflowError) as e:
            res = "ERR:" + str(e)
        lines.append("#".join([func, args, x, res]))
    with open(os.path.join(out, "stats.txt"), "w") as f:
        f.write("% func#args#input#shape:dtype:values (';' between results) or ERR:message\n")
        f.write("\n".join(lines) + "\n")
