"""Golden data for the first ufuncs (crates/numox/tests/ufunc_basic.rs): add, subtract,
multiply, divide, maximum, minimum, the comparisons, negative, absolute, square, sqrt, exp, log
and where. Format: see ufunc_common.py."""
import numpy as np

from ufunc_common import DTYPES, UGen, V, sample

BINARY = ["add", "subtract", "multiply", "divide", "maximum", "minimum",
          "equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]
UNARY = ["negative", "absolute", "square", "sqrt", "exp", "log"]
# The promotion table (every dtype pair) is checked on these.
TABLE = ["add", "divide", "less"]
SCALARS = [("i3", 3), ("im1", -1), ("i300", 300), ("ineg129", -129), ("f2_5", 2.5),
           ("fnan", float("nan")), ("btrue", True), ("c1_2", 1 + 2j), ("ibig", 2 ** 63)]


def generate(out):
    g = UGen(out)
    small = {d: sample(d, 2, seed=5) for d in DTYPES}
    for op in TABLE:
        for d1 in DTYPES:
            for d2 in DTYPES:
                g.case(f"{op}_{d1}_{d2}", op, [small[d1], small[d2]])
    # Every op on every dtype, over the special values and sizes around SIMD widths.
    for d in DTYPES:
        x, y = sample(d, 33, seed=1), sample(d, 33, seed=2)[::-1].copy()
        for op in BINARY:
            g.case(f"{op}_{d}", op, [x, y])
            g.case(f"{op}_{d}_self", op, [x, x])
        for op in UNARY:
            g.case(f"{op}_{d}", op, [x])
        for n in (1, 7, 8, 9, 17):
            g.case(f"add_{d}_n{n}", "add", [x[:n].copy(), y[:n].copy()])
            g.case(f"exp_{d}_n{n}", "exp", [y[:n].copy()])
    # Weak Python scalars on either side (NEP 50), including out-of-range integers.
    for d in DTYPES:
        x = sample(d, 5, seed=3)
        for sname, s in SCALARS:
            for op in ("add", "less", "maximum"):
                g.case(f"{op}_{d}_{sname}", op, [x, s])
            g.case(f"subtract_{sname}_{d}", "subtract", [s, x])
    g.case("add_two_scalars", "add", [2, 3.5])
    g.case("less_two_scalars", "less", [2, 3.5])
    # Broadcasting, 0-d, empty and the mismatch error.
    f8 = sample("float64", 24, seed=4)
    i4 = sample("int32", 24, seed=4)
    shapes = [((2, 3), (3,)), ((4, 1), (1, 5)), ((2, 1, 3), (4, 1)), ((), (3,)), ((0, 3), (3,)),
              ((3, 0), (3, 1)), ((1,), (2, 2, 2)), ((2, 3), (4,)), ((0,), (2,)),
              ((2, 1, 1, 3), (1, 2, 3, 1))]
    for k, (s1, s2) in enumerate(shapes):
        a = f8[:int(np.prod(s1))].reshape(s1)
        b = i4[:int(np.prod(s2))].reshape(s2)
        for op in ("add", "greater", "maximum"):
            g.case(f"{op}_bcast{k}", op, [a, b])
            g.case(f"{op}_bcast{k}_rev", op, [b, a])
    # Views: transposed, reversed, strided, permuted; mixed layouts.
    m = sample("float32", 24, seed=6).reshape(4, 6)
    t = sample("int16", 60, seed=7).reshape(3, 4, 5)
    g.case("add_t", "add", [V(m, "t"), V(m, "t")])
    g.case("add_t_c", "add", [V(m, "t"), m.T.copy()])
    g.case("multiply_rev0", "multiply", [V(m, "rev0"), m])
    g.case("subtract_rev1", "subtract", [V(m, "rev1"), m])
    g.case("maximum_step", "maximum", [V(m, "step"), 0.5])
    g.case("less_perm", "less", [V(t, "perm201"), 3])
    g.case("negative_perm", "negative", [V(t, "perm120")])
    g.case("sqrt_rev2", "sqrt", [V(t, "rev2")])
    g.case("exp_step", "exp", [V(m, "step")])
    # Float16/bfloat16 compute through float32; int overflow wraps; division by zero.
    for d in ("int8", "uint8", "int64", "uint64"):
        info = np.iinfo(d)
        big = np.array([info.max, info.min, info.max // 2 + 1], dtype=d)
        g.case(f"add_overflow_{d}", "add", [big, big])
        g.case(f"multiply_overflow_{d}", "multiply", [big, big])
        g.case(f"negative_overflow_{d}", "negative", [big])
        g.case(f"absolute_overflow_{d}", "absolute", [big])
        g.case(f"square_overflow_{d}", "square", [big])
        g.case(f"divide_zero_{d}", "divide", [big, np.zeros(3, dtype=d)])
    # where: a bool condition broadcast against two promoted branches.
    cond = np.array([[True, False, True], [False, False, True]])
    g.case("where_bcast", "where", [cond, sample("int8", 3, seed=8), 2.5])
    g.case("where_mixed", "where", [cond, sample("float32", 6, seed=8).reshape(2, 3),
                                    sample("int64", 3, seed=8)])
    g.case("where_int_cond", "where", [np.array([0, 3, -1]), 1, 0])
    g.case("where_scalars", "where", [True, 1, 2.0])
    g.case("where_empty", "where", [np.zeros((0, 3), dtype=bool), 1.0, 2.0])
    g.case("where_bad", "where", [cond, np.zeros(4), 1.0])
    g.case("where_complex", "where", [cond[0], 1 + 1j, sample("float16", 3, seed=9)])
    g.write()
