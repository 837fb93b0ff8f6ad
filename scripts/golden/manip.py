"""Shape manipulation (ravel, transpose, squeeze, flip, concatenate, stack, ...): for each case,
NumPy's result shape, dtype, whether it shares memory with an input, and the elements in C order
(all integer-valued, so their text is exact in every dtype), or NumPy's error message.

An input is dtype/order/shape/recipe/offset: np.arange(size).astype(dtype).reshape(shape,
order=order) + offset (offset added before the cast), then the view recipe of views.py.
Inputs are separated by ';'.
"""
import os

import numpy as np

from views import apply

C = "int64/C/2,3//0"
F = "float32/F/2,3//0"
STRIDED = "int16/C/4,6/s:1:::2 s:0:::2/0"
TRANS = "float64/C/2,3,4/p:2,0,1/0"
NEG = "int8/C/3,4/s:0:::-1 s:1:::-1/0"
ZERO = "float64/C///0"
EMPTY = "uint8/C/0,3//0"
UNIT = "int32/C/1,3,1//0"
UNIT_F = "complex128/F/1,3,1,2//0"
BOOL = "bool/C/2,2//0"
B = "float64/C/2,3//100"
ROW = "uint16/C/3//7"

INPUTS = [C, F, STRIDED, TRANS, NEG, ZERO, EMPTY, UNIT, UNIT_F, BOOL]

CASES = []
for x in INPUTS:
    for fn in ("ravel", "flatten"):
        for o in ("C", "F"):
            CASES.append((fn, o, x))
    CASES += [("transpose", "", x), ("flip", "", x), ("squeeze", "", x),
              ("atleast_1d", "", x), ("atleast_2d", "", x), ("atleast_3d", "", x),
              ("ascontiguousarray", "", x), ("asfortranarray", "", x),
              ("expand_dims", "0", x), ("expand_dims", "-1", x)]
    if x != ZERO:
        CASES += [("flip", "0", x), ("flip", "-1", x), ("flipud", "", x),
                  ("swapaxes", "0,-1", x), ("moveaxis", "0>-1", x), ("expand_dims", "0,2", x),
                  ("fliplr", "", x), ("squeeze", "0", x)]
CASES += [
    ("transpose", "1,-1,0", TRANS), ("transpose", "0,0,1", TRANS), ("transpose", "0,1", TRANS),
    ("moveaxis", "0,1>-1,-2", TRANS), ("moveaxis", "0,0>1,2", TRANS), ("moveaxis", "3>0", TRANS),
    ("moveaxis", "0>3", TRANS), ("moveaxis", "0>1,2", TRANS), ("swapaxes", "0,3", TRANS),
    ("squeeze", "0,2", UNIT), ("squeeze", "-1", UNIT), ("squeeze", "3", UNIT),
    ("squeeze", "0,0", UNIT), ("flip", "0,1", NEG), ("flip", "2", NEG),
    ("expand_dims", "0,0", C), ("expand_dims", "3", C), ("expand_dims", "-4", C),
    ("broadcast_arrays", "", C + ";" + B), ("broadcast_arrays", "", C + ";" + ROW),
    ("broadcast_arrays", "", "int8/C/2,1//0;" + ROW), ("broadcast_arrays", "", C + ";" + ZERO),
    ("broadcast_arrays", "", C + ";" + "int8/C/4//0"),
    ("broadcast_arrays", "", NEG + ";" + "bool/C/4//1;int8/C/3,1//5"),
]
for axis in ("", "0", "1", "-1", "2"):
    CASES += [("concatenate", axis, C + ";" + B), ("concatenate", axis, C + ";" + F),
              ("concatenate", axis, STRIDED + ";" + "int16/F/2,3//50"),
              ("concatenate", axis, NEG + ";" + BOOL + ";" + "uint8/C/3,2//9")]
CASES += [
    ("concatenate", "0", TRANS + ";" + "float32/F/1,2,3//5;int64/C/4,2,3/s:0:::-1/1"),
    ("concatenate", "2", TRANS + ";" + "complex128/C/4,2,1//1"),
    ("concatenate", "0", EMPTY + ";" + "int8/C/2,3//1"),
    ("concatenate", "1", EMPTY + ";" + "int8/C/0,2//1"),
    ("concatenate", "0", "int8/C/3//0;uint8/C/2//1"),
    ("concatenate", "0", "bool/C/3//0;bool/C/2//1"),
    ("concatenate", "0", "float16/C/3//0;int8/C/2//1"),
    ("concatenate", "0", ZERO + ";" + ZERO), ("concatenate", "", ZERO + ";" + ZERO),
    ("concatenate", "0", C + ";" + ROW), ("concatenate", "0", C + ";" + "int64/C/2,2//0"),
    ("concatenate", "", C),
]
for axis in ("0", "1", "-1", "2", "3"):
    CASES += [("stack", axis, C + ";" + B), ("stack", axis, NEG + ";" + "bool/F/3,4//0")]
CASES += [("stack", "0", ZERO + ";" + ZERO + ";" + ZERO), ("stack", "0", C + ";" + ROW),
          ("stack", "1", EMPTY + ";" + EMPTY)]
for fn in ("vstack", "hstack", "dstack", "column_stack"):
    CASES += [(fn, "", C + ";" + B), (fn, "", ROW + ";" + "int8/C/3//1"),
              (fn, "", ZERO + ";" + ZERO), (fn, "", NEG + ";" + "float32/F/3,4//2"),
              (fn, "", C + ";" + ROW)]


def build(spec):
    dtype, order, shape, recipe, off = spec.split("/")
    shape = tuple(int(x) for x in shape.split(",") if x)
    size = int(np.prod(shape))
    base = (np.arange(size) + int(off)).astype(dtype).reshape(shape, order=order)
    return apply(base, recipe)


def ints(s):
    return [int(x) for x in s.split(",") if x]


def call(fn, args, xs):
    a = xs[0]
    if fn in ("ravel", "flatten"):
        return np.ravel(a, order=args) if fn == "ravel" else a.flatten(order=args)
    if fn == "transpose":
        return np.transpose(a, ints(args) if args else None)
    if fn == "swapaxes":
        return np.swapaxes(a, *ints(args))
    if fn == "moveaxis":
        s, d = args.split(">")
        return np.moveaxis(a, ints(s), ints(d))
    if fn in ("squeeze", "flip"):
        return getattr(np, fn)(a, tuple(ints(args)) if args else None)
    if fn == "expand_dims":
        return np.expand_dims(a, tuple(ints(args)))
    if fn in ("concatenate", "stack"):
        ax = int(args) if args else None
        return np.concatenate(xs, axis=ax) if fn == "concatenate" else np.stack(xs, axis=ax)
    if fn == "broadcast_arrays":
        return np.broadcast_arrays(*xs)
    if fn in ("vstack", "hstack", "dstack", "column_stack"):
        return getattr(np, fn)(xs)
    return getattr(np, fn)(a)


def describe(r, xs):
    # NumPy gives a scalar (a copy) for some 0-d results, where numox gives a 0-d view.
    shares = str(int(any(np.shares_memory(r, x) for x in xs))) if isinstance(r, np.ndarray) else "-"
    vals = ",".join(str(int(v.real)) for v in np.ravel(r))
    return ":".join([",".join(map(str, np.shape(r))), str(r.dtype), shares, vals])


def write(out, name, cases, call):
    """Runs each (function, arguments, inputs) case through call and writes name in out."""
    lines = []
    for fn, args, inputs in cases:
        xs = [build(s) for s in inputs.split(";")]
        try:
            r = call(fn, args, xs)
            rs = list(r) if isinstance(r, (tuple, list)) else [r]
            res = ";".join(describe(x, xs) for x in rs)
        except (ValueError, IndexError, TypeError, ZeroDivisionError, OverflowError) as e:
            res = "ERR:" + str(e)
        lines.append("|".join([fn, args, inputs, res]))
    with open(os.path.join(out, name), "w") as f:
        f.write("# function|arguments|inputs (dtype/order/shape/recipe/offset;...)|"
                "shape:dtype:shares:values;... or ERR:message\n")
        f.write("\n".join(lines) + "\n")


def generate(out):
    write(out, "manip.txt", CASES, call)
