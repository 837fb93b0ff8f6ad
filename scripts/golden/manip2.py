"""Shape manipulation, second part (split family, reshape in C/F order, shares_memory,
may_share_memory, tile, repeat, roll, rot90, pad): for each case, NumPy's result shape, dtype,
whether it shares memory with an input, and the elements in C order, or NumPy's error message.
Several results (split) are separated by ';'. Inputs are built as in manip.py.

Arguments per function ('>' separates the parts):
  split/array_split   SECTIONS>AXIS   SECTIONS is a count, or 'i' and comma-separated indices
  vsplit/hsplit/dsplit SECTIONS
  reshape             SHAPE>ORDER
  shares_memory, may_share_memory  RECIPE_A>RECIPE_B: two views (views.py recipes) of one input;
                      the result is a bool (0-d)
  tile                REPS
  repeat              REPEATS>AXIS (empty AXIS: None)
  roll                SHIFT>AXIS (empty AXIS: None)
  rot90               K>AXIS0,AXIS1
  pad                 MODE>WIDTHS>VALUES: pairs 'before,after' separated by spaces
"""
import numpy as np

from manip import BOOL, C, EMPTY, F, NEG, STRIDED, TRANS, UNIT, UNIT_F, ZERO, ints, write
from views import apply

INPUTS = [C, F, STRIDED, TRANS, NEG, ZERO, EMPTY, UNIT, UNIT_F, BOOL]
BIG = "int32/C/4,6//0"
EVEN = "float64/C/6,4//0"
CUBE = "uint8/C/2,3,4//0"

CASES = []
# ---- split family
for x in INPUTS:
    CASES += [("split", "1>0", x), ("split", "2>0", x), ("split", "i1>-1", x),
              ("array_split", "2>0", x), ("array_split", "3>-1", x),
              ("hsplit", "1", x), ("vsplit", "i1", x), ("dsplit", "1", x)]
CASES += [
    ("split", "3>0", EVEN), ("split", "2>1", EVEN), ("split", "4>0", EVEN), ("split", "0>0", EVEN),
    ("split", "2>2", EVEN), ("split", "2>-3", EVEN), ("split", "i2,10,-1,1>0", EVEN),
    ("split", "i>1", EVEN), ("split", "i0,0>1", EVEN), ("split", "i-2>1", EVEN),
    ("split", "3>0", "int8/C/0//0"), ("split", "i1,2>0", EMPTY),
    ("array_split", "4>0", EVEN), ("array_split", "5>1", EVEN), ("array_split", "0>0", EVEN),
    ("array_split", "8>0", EVEN), ("array_split", "2>2", EVEN), ("array_split", "i1,3>1", NEG),
    ("array_split", "3>0", "int8/C/0//0"),
    ("vsplit", "2", EVEN), ("vsplit", "4", EVEN), ("vsplit", "i-1", TRANS),
    ("hsplit", "2", EVEN), ("hsplit", "3", "int8/C/6//0"), ("hsplit", "i1,2", CUBE),
    ("dsplit", "2", CUBE), ("dsplit", "3", CUBE), ("dsplit", "i1,3", CUBE),
]
# ---- reshape in C and F order
for x in INPUTS:
    for o in ("C", "F"):
        CASES += [("reshape", "-1>" + o, x), ("reshape", "1,-1>" + o, x)]
for o in ("C", "F"):
    CASES += [
        ("reshape", "3,2>" + o, C), ("reshape", "3,-1>" + o, F), ("reshape", "3,2,1>" + o, F),
        ("reshape", "6>" + o, "int64/C/2,3/T/0"), ("reshape", "3,2>" + o, STRIDED),
        ("reshape", "6>" + o, STRIDED), ("reshape", "4,6>" + o, TRANS),
        ("reshape", "2,12>" + o, TRANS), ("reshape", "4,3>" + o, NEG),
        ("reshape", "1,1>" + o, ZERO), ("reshape", ">" + o, "int8/C/1,1//0"),
        ("reshape", "3,0>" + o, EMPTY), ("reshape", "-1,5>" + o, EMPTY),
        ("reshape", "3,1>" + o, UNIT), ("reshape", "2,3>" + o, UNIT_F),
        ("reshape", "4>" + o, C), ("reshape", "4,-1>" + o, C), ("reshape", "-1,-1>" + o, C),
        ("reshape", "-1,4>" + o, C), ("reshape", "0,-1>" + o, EMPTY),
        ("reshape", "2,3>" + o, "int16/C/3,4/s:1::2:/0"),
    ]
# ---- shares_memory / may_share_memory: two views of one input
PAIRS = [
    (BIG, "s:1:::2>s:1:1::2"), (BIG, "s:1:::2>s:1:2::2"), (BIG, "s:1::3:>s:1:3::"),
    (BIG, "s:1::3:>s:1:2::"), (BIG, "T>s:0:::-1"), (BIG, "s:0:::2>s:0:1::2"),
    (BIG, "s:0:::2 T>s:0:1::2 s:1:::-1"), (BIG, "i:0:1>i:1:2"), (BIG, "i:0:1>i:1:0"),
    (BIG, "s:0:1:2:>s:0:2:3:"), (BIG, "s:0:2:2:>s:0:2:3:"), (BIG, "r:24 s:0:::5>r:24 s:0:1::7"),
    (BIG, "r:24 s:0:::5>r:24 s:0:1::3"), (BIG, "r:24 s:0:::4>r:24 s:0:2::6"),
    (BIG, "r:2,12 s:1:::3>r:2,12 s:1:1::3"), (BIG, "b:3,4,6>s:1:5::"), (BIG, ">"),
    (BIG, "s:0:4::>"), (EMPTY, ">"), (ZERO, ">"), (ZERO, ">r:1"),
    (F, "s:0:::-1>s:1:1::"), (F, "i:1:0>i:1:1"), (UNIT_F, "i:3:0>i:3:1"),
    (STRIDED, "s:0:::2>s:0:1::2"), (NEG, "s:1:::2>s:1:1::2"), (CUBE, "p:2,0,1 s:0:::3>s:2:1::3"),
]
for x, rec in PAIRS:
    CASES += [("shares_memory", rec, x), ("may_share_memory", rec, x)]
CASES += [("shares_memory", ">", C + ";" + C)]

# ---- tile, repeat
for x in INPUTS:
    CASES += [("tile", "2", x), ("tile", "2,1,3", x), ("tile", "1", x),
              ("repeat", "2>", x), ("repeat", "0>", x), ("repeat", "3>0", x), ("repeat", "2>-1", x)]
CASES += [
    ("tile", "", C), ("tile", "0", C), ("tile", "2,0", C), ("tile", "3,1", NEG),
    ("tile", "-1", C), ("tile", "2,-1", C), ("tile", "0,-1", C), ("tile", "1,-1", EMPTY),
    ("tile", "-1,1", EMPTY), ("tile", "2,2", EMPTY), ("tile", "3", ZERO), ("tile", "2,2", ZERO),
    ("tile", "1,2,1,2", TRANS), ("tile", "2,1,1", STRIDED), ("tile", "1,1,4", CUBE),
    ("tile", "1000", "int8/C/1//3"),
    ("repeat", "1,2>0", C), ("repeat", "0,3,1>1", C), ("repeat", "2,1,0,3>1", NEG),
    ("repeat", "1,2>", C), ("repeat", ">", C), ("repeat", "1,2,3>0", C), ("repeat", "-1>0", C),
    ("repeat", "1,-1>0", C), ("repeat", "1,2>5", C), ("repeat", "-1>", "int8/C/0//0"),
    ("repeat", "-1>0", EMPTY), ("repeat", "1,0,2>1", EMPTY), ("repeat", "3>0", ZERO),
    ("repeat", "3>-1", ZERO), ("repeat", "3>1", ZERO), ("repeat", "2,1>", ZERO),
    ("repeat", "2,0,1,3>0", TRANS), ("repeat", "1,2,3>1", TRANS), ("repeat", "4>2", TRANS),
    ("repeat", "1000>", "float64/C/2//1"),
]
# ---- roll, rot90
for x in INPUTS:
    CASES += [("roll", "1>", x), ("roll", "-7>", x), ("roll", "1>0", x), ("roll", "2>-1", x),
              ("roll", "1,1>0,-1", x), ("rot90", "1>0,1", x), ("rot90", "2>0,-1", x),
              ("rot90", "3>1,0", x), ("rot90", "-1>0,1", x), ("rot90", "4>0,1", x)]
CASES += [
    ("roll", "1,2>0,0", C), ("roll", "5>0,1", C), ("roll", "1,2,3>1", TRANS),
    ("roll", "1,2>0,1,2", TRANS), ("roll", ">0", C), ("roll", "1>", C), ("roll", "4>2", C),
    ("roll", "1>-3", C), ("roll", "1,1>0", ZERO), ("roll", "3>1", EMPTY),
    ("roll", "1,2,3>0,1,2", CUBE), ("roll", "-2,5>2,1", CUBE), ("roll", "7>0", "int8/C/1//0"),
    ("rot90", "1>0,0", C), ("rot90", "1>0,-2", C), ("rot90", "1>0,2", C), ("rot90", "1>-3,1", C),
    ("rot90", "1>0,1", ZERO), ("rot90", "1>2,0", CUBE), ("rot90", "3>-1,1", CUBE),
    ("rot90", "1>0,1", "int8/C/4//0"),
]
# ---- pad
for x in INPUTS:
    for mode in ("constant", "edge", "reflect", "symmetric", "wrap"):
        CASES += [("pad", mode + ">1,2>", x)]
    CASES += [("pad", "constant>0,0>", x), ("pad", "constant>2,1>5,6", x),
              ("pad", "wrap>0,1>", x)]
for mode in ("edge", "reflect", "symmetric", "wrap"):
    CASES += [("pad", mode + ">1,0 3,2>", C), ("pad", mode + ">5,7>", "int8/C/3//0"),
              ("pad", mode + ">4,9>", "int16/C/2//1"), ("pad", mode + ">2,3 0,0 1,4>", CUBE),
              ("pad", mode + ">3,1 2,5>", NEG), ("pad", mode + ">1,1>", "float32/C/1,1//4"),
              ("pad", mode + ">0,0 1,1>", EMPTY), ("pad", mode + ">1,1 0,0>", EMPTY)]
CASES += [
    ("pad", "constant>1,2 3,4>5,6 7,8", C), ("pad", "constant>1,1 1,1 1,1>", C),
    ("pad", "constant>1,1>1,1 2,2 3,3", C), ("pad", "constant>1,2 0,1 2,0>1,2 3,4 5,6", CUBE),
    ("pad", "constant>2,2>300,0", "int8/C/3//0"), ("pad", "constant>1,1>3,4", BOOL),
    ("pad", "constant>1,2 1,0>5,6", EMPTY), ("pad", "constant>2,1>", "float32/C/0//0"),
    ("pad", "edge>1,1 1,1>", ZERO), ("pad", "constant>1,1>", ZERO),
    ("pad", "reflect>1,1 1,1 1,1>", C),
]


def call(fn, args, xs):
    a = xs[0]
    part = args.split(">")
    if fn in ("split", "array_split", "vsplit", "hsplit", "dsplit"):
        s = part[0]
        sec = ints(s[1:]) if s.startswith("i") else int(s)
        if fn in ("split", "array_split"):
            return getattr(np, fn)(a, sec, axis=int(part[1]))
        return getattr(np, fn)(a, sec)
    if fn == "reshape":
        return np.reshape(a, tuple(ints(part[0])), order=part[1])
    if fn in ("shares_memory", "may_share_memory"):
        u, v = apply(a, part[0]), apply(xs[-1], part[1])
        return np.array(getattr(np, fn)(u, v))
    if fn == "tile":
        return np.tile(a, tuple(ints(args)))
    if fn == "repeat":
        return np.repeat(a, ints(part[0]), axis=int(part[1]) if part[1] else None)
    if fn == "roll":
        return np.roll(a, tuple(ints(part[0])), axis=tuple(ints(part[1])) if part[1] else None)
    if fn == "rot90":
        return np.rot90(a, int(part[0]), axes=tuple(ints(part[1])))
    if fn == "pad":
        widths = [tuple(ints(p)) for p in part[1].split()]
        if part[0] == "constant":
            values = [tuple(ints(p)) for p in part[2].split()] if part[2] else [(0, 0)]
            return np.pad(a, widths, mode="constant", constant_values=values)
        return np.pad(a, widths, mode=part[0])
    raise ValueError(f"unknown function {fn}")


def generate(out):
    write(out, "manip2.txt", CASES, call)
