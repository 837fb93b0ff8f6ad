"""Zero-copy views: for each recipe, NumPy's shape, byte strides, contiguity flags, whether the
result shares memory with the base, and the elements in C order.

A recipe starts from np.arange(size).reshape(shape).astype(dtype) (order C or F) and applies
ops separated by spaces:  T (transpose), p:a,b,c (transpose with axes), s:axis:start:stop:step
(slice, empty fields are None), i:axis:index (integer index), r:d0,d1,... (reshape, -1 allowed),
b:d0,d1,... (broadcast_to).
"""
import os

import numpy as np

CASES = [
    ("int64", "C", (2, 3), ""),
    ("int64", "C", (2, 3), "T"),
    ("int64", "F", (2, 3), ""),
    ("int64", "F", (2, 3), "T"),
    ("float64", "C", (4, 5), "s:0:::-1"),
    ("float64", "C", (4, 5), "s:1:::-2"),
    ("float64", "C", (4, 5), "s:1:1:-1:2 s:0:::-1"),
    ("float64", "C", (4, 5), "s:0:10::"),
    ("float64", "C", (4, 5), "s:0:3:1:"),
    ("float64", "C", (4, 5), "s:1:-100:100:3"),
    ("float32", "C", (2, 3, 4), "p:1,2,0"),
    ("float32", "C", (2, 3, 4), "p:-1,0,1 s:0:::-1"),
    ("float32", "C", (2, 3, 4), "i:1:-1"),
    ("float32", "C", (2, 3, 4), "i:0:1 i:0:2"),
    ("float32", "C", (2, 3, 4), "i:0:1 i:0:2 i:0:3"),
    ("int8", "C", (1, 5), ""),
    ("int8", "C", (5, 1), "T"),
    ("int8", "C", (6,), "r:2,3"),
    ("int8", "C", (6,), "r:3,-1 T"),
    ("int16", "C", (4, 6), "s:1:::2 r:2,2,3"),
    ("int16", "C", (4, 6), "s:1:::2 r:12"),
    ("int16", "C", (4, 6), "s:1::3: r:12"),
    ("int16", "C", (4, 6), "T r:24"),
    ("int16", "F", (4, 6), "r:6,4"),
    ("uint16", "C", (3,), "b:2,3"),
    ("uint16", "C", (3, 1), "b:2,3,4"),
    ("complex128", "C", (2, 2), "T s:0:::-1"),
    ("bool", "C", (3, 3), "s:0:::2 s:1:::2"),
    ("float64", "C", (0, 3), "T"),
    ("float64", "C", (3, 0), "s:0:::-1"),
    ("float64", "C", (), ""),
    ("float64", "C", (2, 3, 4, 5), "p:3,1,0,2 s:2:::-1 i:0:2"),
    ("uint8", "C", (7,), "s:0:5:1:-2"),
    ("uint8", "C", (7,), "s:0:-2:-8:-1"),
]


def apply(a, recipe):
    for op in recipe.split():
        parts = op.split(":")
        k = parts[0]
        if k == "T":
            a = a.T
        elif k == "p":
            a = a.transpose([int(x) for x in parts[1].split(",")])
        elif k == "s":
            ax = int(parts[1])
            vals = [None if v == "" else int(v) for v in parts[2:5]]
            idx = [slice(None)] * a.ndim
            idx[ax] = slice(*vals)
            a = a[tuple(idx)]
        elif k == "i":
            ax = int(parts[1])
            idx = [slice(None)] * a.ndim
            idx[ax] = int(parts[2])
            a = a[tuple(idx)]
        elif k == "r":
            a = a.reshape([int(x) for x in parts[1].split(",")])
        elif k == "b":
            a = np.broadcast_to(a, [int(x) for x in parts[1].split(",")])
    return a


def generate(out):
    lines = []
    for dtype, order, shape, recipe in CASES:
        size = int(np.prod(shape))
        base = np.arange(size).astype(dtype).reshape(shape, order=order)
        v = apply(base, recipe)
        vals = ",".join(str(int(x.real)) for x in np.ravel(v))
        fields = [dtype, order, ",".join(map(str, shape)), recipe,
                  ",".join(map(str, v.shape)), ",".join(map(str, v.strides)),
                  str(int(v.flags.c_contiguous)), str(int(v.flags.f_contiguous)),
                  # a full integer index gives a NumPy scalar (a copy); numox gives a 0-d view
                  str(int(np.shares_memory(v, base))) if isinstance(v, np.ndarray) else "-", vals]
        lines.append("|".join(fields))
    with open(os.path.join(out, "views.txt"), "w") as f:
        f.write("# dtype|order|base shape|recipe|shape|byte strides|C|F|shares|values (C order)\n")
        f.write("\n".join(lines) + "\n")
