"""Products: matmul, dot, vdot, inner, outer, tensordot, kron, trace, diagonal, cross, einsum
and linalg.matrix_power. One line per case:

    function|arguments|input;input|shape:dtype:scale:values   or   ...|ERR:message

An input is dtype/order/shape/recipe/offset[/nan] as in index.py: np.arange(size) + offset cast
to dtype, shaped in order, NaN at the listed flat positions, then the view recipe of views.py.
Values are C-order: integers and booleans as integers (compared exactly), floats as repr
(complex as RE j IM). scale is the largest magnitude of the same function applied to the
absolute values of the inputs in float64 (the size of the sums of |products|): float results
must match within rtol * scale, as the summation order of the kernels differs.

float16 and bfloat16 products accumulate in float32 and round once: for bfloat16, whose matmul
NumPy (with ml_dtypes) only runs through float32 and returns float32, the expected values of
the sum-of-products functions are the float32 results rounded to bfloat16, which is what numox
returns.
"""
import os

import ml_dtypes
import numpy as np

from views import apply

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "bfloat16", "float32", "float64", "complex64", "complex128"]
SUMS = ("matmul", "dot", "vdot", "inner", "tensordot", "einsum")


def dtype_of(name):
    return ml_dtypes.bfloat16 if name == "bfloat16" else np.dtype(name)


def build(spec):
    f = spec.split("/")
    dtype, order, shape, recipe, off = f[:5]
    shape = tuple(int(x) for x in shape.split(",") if x)
    base = np.arange(int(np.prod(shape))) + int(off)
    if len(f) > 5:
        base = base.astype(np.float64)
        for k in f[5].split(","):
            base[int(k)] = np.nan
    base = base.astype(dtype_of(dtype)).reshape(shape, order=order)
    return apply(base, recipe)


def ints(s):
    return [int(x) for x in s.split(",") if x]


def call(fn, args, xs):
    if fn == "tensordot":
        if "/" in args:
            pa, pb = args.split("/")
            return np.tensordot(*xs, axes=(ints(pa), ints(pb)))
        return np.tensordot(*xs, axes=int(args))
    if fn in ("trace", "diagonal"):
        o, a1, a2 = ints(args)
        return getattr(np, fn)(xs[0], o, a1, a2)
    if fn == "cross":
        a, b, c = ints(args)
        return np.cross(*xs, axisa=a, axisb=b, axisc=c)
    if fn == "matrix_power":
        return np.linalg.matrix_power(xs[0], int(args))
    if fn == "einsum":
        return np.einsum(args, *xs)
    return getattr(np, fn)(*xs)


def expected(fn, args, xs):
    bf = ml_dtypes.bfloat16
    if fn in SUMS + ("matrix_power",) and any(x.dtype == bf for x in xs):
        dt = np.result_type(*[np.float32 if x.dtype == bf else x.dtype for x in xs])
        if dt == np.float32 and all(x.dtype in (bf, np.bool_, np.int8, np.uint8) for x in xs):
            r = call(fn, args, [x.astype(np.float32) for x in xs])
            return np.asarray(r).astype(bf)
    return np.asarray(call(fn, args, xs))


def scale(fn, args, xs):
    if fn == "diagonal":
        return 0.0
    mags = [np.abs(x.astype(np.complex128) if x.dtype.kind == "c" else x.astype(np.float64))
            for x in xs]
    if fn == "cross":
        m = max((float(np.nanmax(x)) if x.size else 0.0) for x in mags)
        return 2 * m * m
    r = np.abs(np.asarray(call(fn, args, mags)))
    return float(np.nanmax(r)) if r.size and not np.all(np.isnan(r)) else 0.0


def fmt(v, kind):
    if kind in "biu":
        return str(int(v))
    if kind == "c":
        return repr(float(v.real)) + "j" + repr(float(v.imag))
    return repr(float(v))


def describe(r, s):
    kind = "f" if r.dtype == ml_dtypes.bfloat16 else r.dtype.kind
    vals = ",".join(fmt(v, kind) for v in r.ravel())
    return ":".join([",".join(map(str, r.shape)), str(r.dtype), repr(s), vals])


def inp(dt, shape, recipe="", off=0, order="C", nan=""):
    s = f"{dt}/{order}/{','.join(map(str, shape))}/{recipe}/{off}"
    return s + "/" + nan if nan else s


CASES = []


def add(fn, args, *xs):
    CASES.append((fn, args, list(xs)))


# ---- every dtype: matmul, dot and friends on small matrices and vectors
for dt in DTYPES:
    off = 0 if dt in ("bool",) else -5 if dt[0] in "ifcb" and dt != "bool" else 3
    add("matmul", "", inp(dt, (3, 4), off=off), inp(dt, (4, 2), off=1))
    add("matmul", "", inp(dt, (2, 3, 4), off=off), inp(dt, (4,), off=2))
    add("dot", "", inp(dt, (7,), off=off), inp(dt, (7,), off=1))
    add("dot", "", inp(dt, (2, 3), off=off), inp(dt, (2, 3, 2), off=1))
    add("vdot", "", inp(dt, (2, 3), off=off), inp(dt, (6,), off=1))
    add("inner", "", inp(dt, (2, 3), off=off), inp(dt, (4, 3), off=1))
    add("outer", "", inp(dt, (3,), off=off), inp(dt, (2, 2), off=1))
    add("tensordot", "2", inp(dt, (2, 3, 4), off=off), inp(dt, (3, 4, 2), off=1))
    add("kron", "", inp(dt, (2, 2), off=off), inp(dt, (2, 3), off=1))
    add("trace", "0,0,1", inp(dt, (3, 4), off=off))
    add("diagonal", "1,0,1", inp(dt, (3, 4), off=off))
    add("cross", "-1,-1,-1", inp(dt, (2, 3), off=off), inp(dt, (3,), off=1))
    if dt not in ("bfloat16", "bool"):
        add("matrix_power", "3", inp(dt, (2, 2), off=off))
    # integer overflow (wrapping) in the narrow types, large products in the floats
    add("matmul", "", inp(dt, (2, 9), off=100), inp(dt, (9, 2), off=90))

# ---- matmul: rank combinations, broadcasting, empty, layouts, mixed dtypes, errors
F, I = "float64", "int64"
for dt in (F, I, "float32", "complex128"):
    for sa, sb in [((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 2)), ((2, 3, 4), (4,)),
                   ((4,), (2, 4, 3)), ((2, 3, 4), (2, 4, 5)), ((2, 1, 3, 4), (5, 4, 2)),
                   ((1, 3, 4), (2, 4, 2)), ((2, 3, 4), (4, 2)), ((0, 4), (4, 3)),
                   ((3, 0), (0, 2)), ((2, 0, 3, 4), (4, 1)), ((1, 1), (1, 1)), ((3, 1), (1, 4))]:
        add("matmul", "", inp(dt, sa, off=-3), inp(dt, sb, off=1))
for x, y in [(inp(F, (4, 3), "T"), inp(F, (4, 2))), (inp(F, (3, 4), order="F"), inp(F, (4, 2), order="F")),
             (inp(F, (3, 4), "s:0:::-1 s:1:::-1"), inp(F, (4, 2), "s:0:::-1")),
             (inp(F, (6, 8), "s:0:::2 s:1:::2"), inp(F, (4, 6), "s:1:::-2")),
             (inp(F, (2, 3, 4), "p:2,0,1"), inp(F, (3, 2), "s:0:::-1")),
             (inp(F, (2, 3, 4), "s:0:::-1"), inp(F, (4, 5), "T s:0:::-1")),
             (inp(I, (3, 4), "s:1:::-1"), inp(I, (4,), "s:0:::-1")),
             (inp("int8", (3, 4)), inp("float32", (4, 2))), (inp("uint8", (3, 4)), inp("int8", (4, 2))),
             (inp("float32", (3, 4)), inp(F, (4, 2))), (inp("complex64", (3, 4)), inp(F, (4, 2))),
             (inp("bool", (3, 4)), inp("int8", (4, 2))), (inp("float16", (3, 4)), inp("float32", (4, 2))),
             (inp("uint64", (2, 3)), inp("int64", (3, 2))), (inp("bfloat16", (3, 4)), inp("int8", (4, 2))),
             (inp(F, (3, 4), nan="5"), inp(F, (4, 2))), (inp("float32", (2, 3), nan="0"), inp("float32", (3, 3))),
             # errors
             (inp(F, ()), inp(F, (3,))), (inp(F, (3,)), inp(F, ())), (inp(F, (2, 2)), inp(F, (3, 2))),
             (inp(F, (3,)), inp(F, (2,))), (inp(F, (2, 2, 2)), inp(F, (3, 2, 2))),
             (inp(F, (2, 3)), inp(F, (0, 2))), (inp(F, (2, 3, 4)), inp(F, (3, 4, 2)))]:
    add("matmul", "", x, y)
# sizes straddling SIMD widths and blocking
for k in (7, 8, 9, 15, 16, 17, 127, 128, 129, 1000):
    for dt in ("float32", F, "int32"):
        add("dot", "", inp(dt, (k,), off=-k // 2), inp(dt, (k,), off=-3))
    add("matmul", "", inp("float32", (3, k), off=-k), inp("float32", (k, 5), off=-7))
for n in (7, 8, 9, 17, 33):
    add("matmul", "", inp(F, (n, n), off=-n), inp(F, (n, n), "T", off=-2))
    add("matmul", "", inp("complex64", (n, 3), off=-n), inp("complex64", (3, n)))

# ---- dot, vdot, inner, outer
for x, y in [((), (2, 3)), ((2, 3), ()), ((), ()), ((3,), (3,)), ((2, 3), (3, 2)), ((2, 3), (3,)),
             ((3,), (3, 2)), ((2, 2, 3), (3,)), ((2, 2, 3), (3, 2)), ((2, 3, 4), (5, 4, 2)),
             ((3,), (2, 3, 2)), ((0, 3), (3, 2)), ((2, 0), (0,)), ((2, 3), (2, 3)), ((3,), (4,)),
             ((2, 3, 4), (3, 4, 2))]:
    add("dot", "", inp(F, x, off=-2), inp(F, y, off=1))
    add("inner", "", inp(I, x, off=-2), inp(I, y, off=1))
add("dot", "", inp(F, (3, 4), order="F"), inp(F, (2, 4, 3), "s:0:::-1"))
add("dot", "", inp("int8", (2, 3)), inp("uint8", (3,)))
for x, y in [(inp("complex128", (2, 3), off=-2), inp("complex128", (6,), off=1)),
             (inp(F, (2, 3), order="F"), inp(F, (3, 2), "T")), (inp(I, (2, 3)), inp(I, (5,))),
             (inp(F, ()), inp(F, ())), (inp("complex64", (4,), "s:0:::-1"), inp(F, (2, 2))),
             (inp("bool", (4,)), inp("bool", (4,), off=1)), (inp(F, (0,)), inp(F, (0,)))]:
    add("vdot", "", x, y)
for x, y in [((3,), (4,)), ((2, 2), (3,)), ((), (3,)), ((0,), (3,)), ((2, 3), (2, 1, 2))]:
    add("outer", "", inp(F, x, off=-1), inp(I, y, off=2))
add("outer", "", inp("bool", (3,)), inp("bool", (2,), off=1))
add("outer", "", inp("complex64", (2,), off=1), inp("int8", (3,), "s:0:::-1"))
add("inner", "", inp("complex64", (2, 3), off=-2), inp("complex64", (3,), off=1))

# ---- tensordot
for args, x, y in [("0", (2, 3), (3,)), ("1", (2, 3), (3, 2)), ("2", (2, 3, 4), (3, 4)),
                   ("1,0/0,1", (2, 3, 4), (3, 2)), ("-1/0", (2, 3, 4), (4, 2)),
                   ("0,2/2,0", (2, 3, 4), (4, 5, 2)), ("/", (2, 3), (4,)), ("3", (2, 3), (3, 2)),
                   ("0/0", (2, 3), (3, 2)), ("0,1/1", (2, 3), (3, 2)), ("5/0", (2, 3), (3, 2)),
                   ("1", (2, 0), (0, 3))]:
    add("tensordot", args, inp(F, x, off=-3), inp(F, y, off=1))
add("tensordot", "1,0/0,1", inp(I, (3, 2, 4), "p:1,0,2"), inp(I, (2, 3), "T"))

# ---- kron
for x, y in [((2, 2), (2, 2)), ((3,), (2, 2)), ((2, 2), (3,)), ((), (2, 3)), ((2, 1, 2), (3, 2)),
             ((0, 2), (2, 3)), ((), ())]:
    add("kron", "", inp(I, x, off=-1), inp(I, y, off=2))
add("kron", "", inp("int8", (2, 2), off=100), inp("uint8", (3,), off=50))
add("kron", "", inp(F, (2, 3), "s:1:::-1"), inp("complex64", (2, 2), order="F"))

# ---- trace and diagonal
for args, x in [("0,0,1", (3, 3)), ("1,0,1", (3, 4)), ("-1,0,1", (3, 4)), ("5,0,1", (3, 4)),
                ("-5,0,1", (3, 4)), ("0,1,0", (3, 4)), ("0,0,2", (2, 3, 4)), ("1,-1,0", (2, 3, 4)),
                ("0,1,2", (2, 3, 4)), ("0,0,1", (0, 3)), ("0,0,0", (3, 3)), ("0,0,3", (3, 3)),
                ("0,-3,1", (3, 3)), ("0,0,1", (3,)), ("0,0,1", ())]:
    for fn in ("trace", "diagonal"):
        add(fn, args, inp(I, x, off=-4))
for fn in ("trace", "diagonal"):
    add(fn, "1,0,1", inp(F, (4, 5), "s:0:::-1 s:1:::2"))
    add(fn, "0,0,1", inp(F, (3, 3), order="F", nan="4"))
    add(fn, "-1,1,2", inp("float32", (2, 3, 4), "p:2,0,1"))

# ---- cross
for args, x, y in [("-1,-1,-1", (3,), (3,)), ("-1,-1,-1", (2,), (2,)), ("-1,-1,-1", (2,), (3,)),
                   ("-1,-1,-1", (3,), (2,)), ("-1,-1,-1", (4, 3), (3,)), ("-1,-1,-1", (4, 2), (2, 1, 2)),
                   ("0,0,0", (3, 4), (3, 4)), ("0,-1,-1", (3, 2), (2, 3)), ("-1,-1,0", (4, 3), (4, 3)),
                   ("0,1,1", (2, 2), (1, 2)), ("-1,-1,-1", (4,), (3,)), ("-1,-1,-1", (3, 2), (4, 3)),
                   ("2,-1,-1", (3,), (3,)), ("-1,-1,2", (3,), (3,)), ("-1,-1,2", (2, 3), (2, 3)),
                   ("-1,-1,-1", (2, 2), (2, 2))]:
    add("cross", args, inp(F, x, off=-3), inp(F, y, off=1))
add("cross", "-1,-1,-1", inp(I, (3, 3), "s:0:::-1"), inp("int8", (3,), off=-1))
add("cross", "-1,-1,-1", inp("bool", (3,)), inp("bool", (3,)))
add("cross", "-1,-1,-1", inp("uint8", (3,)), inp("uint8", (3,), off=1))
add("cross", "-1,-1,-1", inp(F, (3,), nan="0"), inp(F, (3,)))

# ---- matrix_power
for n in (0, 1, 2, 3, 4, 5, 7, 10):
    add("matrix_power", str(n), inp(F, (3, 3), off=-4))
    add("matrix_power", str(n), inp(I, (2, 2, 2), off=-3))
for args, x in [("2", inp("int8", (3, 3), off=1)), ("0", inp("float16", (2, 2))), ("0", inp("bool", (2, 2))),
                ("3", inp("bool", (2, 2))), ("2", inp(F, (3,))), ("2", inp(F, (2, 3))),
                ("0", inp(F, (0, 0))), ("3", inp(F, (2, 0, 0))), ("6", inp("complex128", (2, 2), off=-1)),
                ("3", inp(F, (3, 3), "T s:0:::-1")), ("4", inp("float32", (4, 4), off=-8))]:
    add("matrix_power", args, x)

# ---- einsum
for args, shapes in [("ij,jk->ik", [(2, 3), (3, 4)]), ("ij,jk", [(2, 3), (3, 4)]), ("ii", [(3, 3)]),
                     ("ii->i", [(3, 3)]), ("ij->ji", [(2, 3)]), ("ij->", [(2, 3)]), ("ji", [(2, 3)]),
                     ("i,i", [(5,), (5,)]), ("i,j->ij", [(2,), (3,)]), ("ij,ij->ij", [(2, 3), (2, 3)]),
                     ("ij,j->i", [(2, 3), (3,)]), ("i,i->i", [(4,), (4,)]), ("ij->j", [(2, 3)]),
                     ("...ij,...jk->...ik", [(2, 2, 3), (2, 3, 2)]), ("...ij,jk", [(2, 2, 3), (3, 4)]),
                     ("bij,bjk->bik", [(2, 2, 3), (2, 3, 2)]), ("bhqd,bhkd->bhqk", [(2, 2, 3, 4), (2, 2, 5, 4)]),
                     ("ijk->kji", [(2, 3, 4)]), ("iij->j", [(2, 2, 3)]), ("ii,ij->j", [(2, 2), (2, 3)]),
                     ("...i->...", [(2, 3)]), ("i...->...", [(2, 3)]), ("abc,cd,de->abe", [(2, 2, 3), (3, 2), (2, 2)]),
                     ("ba", [(2, 3)]), ("Ab,ba", [(2, 3), (3, 4)]), ("ij,kl->ijkl", [(2, 1), (1, 2)]),
                     ("...j,...j->...", [(3, 4), (4,)]), ("i,i", [(0,), (0,)]), ("ij,jk", [(2, 0), (0, 3)]),
                     ("", [()]), (",ij", [(), (2, 2)]), ("ij,ij", [(2, 3), (1, 3)]),
                     # errors
                     ("ij", [(2, 3, 4)]), ("ijk", [(2, 3)]),
                     ("ij->k", [(2, 3)]), ("ij,jk", [(2, 3)]), ("ii", [(2, 3)]), ("ij->ii", [(2, 2)]),
                     ("i", [(2,), (2,)])]:
    add("einsum", args, *[inp(F, sh, off=-2 - k) for k, sh in enumerate(shapes)])
for dt in DTYPES:
    off = 0 if dt == "bool" else -5 if dt[0] in "ifcb" else 3
    add("einsum", "ij,jk->ik", inp(dt, (3, 4), off=off), inp(dt, (4, 2), off=1))
    add("einsum", "ii", inp(dt, (3, 3), off=off))
add("einsum", "ij,jk->ik", inp(F, (3, 4), "T"), inp(I, (3, 2), "s:0:::-1"))
add("einsum", "bij,bjk->bik", inp("float32", (2, 4, 3), "p:0,2,1"), inp("float32", (2, 4, 2), order="F"))


def generate(out):
    import warnings
    warnings.simplefilter("ignore")
    lines = []
    for fn, args, specs in CASES:
        xs = [build(s) for s in specs]
        try:
            r = expected(fn, args, xs)
            res = describe(r, scale(fn, args, xs))
        except (ValueError, IndexError, TypeError, np.linalg.LinAlgError) as e:
            res = "ERR:" + str(e).replace("\n", "\\n")
        lines.append("|".join([fn, args, ";".join(specs), res]))
    with open(os.path.join(out, "products.txt"), "w") as f:
        f.write("# function|arguments|inputs|shape:dtype:scale:values or ERR:message\n")
        f.write("\n".join(lines) + "\n")
