"""Golden data for the bitwise, logical, classification and complex-part functions
(crates/numox/tests/ufunc_bits.rs): bitwise_and/or/xor, left/right_shift, invert, bitwise_not,
the logical ufuncs, isnan/isinf/isfinite/isposinf/isneginf/signbit, nan_to_num, isclose,
allclose, array_equal, array_equiv, real, imag, conjugate, conj, angle, absolute (complex) and the
operators & | ^ << >> ~. Format: see ufunc_common.py."""
import ml_dtypes
import numpy as np

from ufunc_common import DTYPES, INTS, UGen, V, sample

BITWISE = ["bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift"]
LOGICAL = ["logical_and", "logical_or", "logical_xor"]
PREDICATES = ["isnan", "isinf", "isfinite", "isposinf", "isneginf", "signbit"]
UNARY = ["invert", "logical_not"] + PREDICATES + [
    "nan_to_num", "real", "imag", "conjugate", "angle", "absolute"]
# Aliases (the same ufuncs as invert and conjugate) get a few cases of their own.
ALIASES = ["bitwise_not", "conj"]
# Every dtype pair is checked on these.
TABLE = ["bitwise_and", "left_shift", "logical_and"]
SCALARS = [("i3", 3), ("im1", -1), ("i300", 300), ("ineg129", -129), ("f2_5", 2.5),
           ("fsub", 1e-320), ("btrue", True), ("c1_2", 1 + 2j), ("ibig", 2 ** 63)]
SIZES = (1, 7, 8, 9, 15, 16, 17, 33)
BF16 = ml_dtypes.bfloat16


def nan_to_num_bf16(x, **kw):
    """np.nan_to_num as NumPy would do it if bfloat16 were one of its floats (ml_dtypes'
    bfloat16 is not a subclass of np.inexact, so NumPy returns it unchanged)."""
    info = ml_dtypes.finfo(BF16)
    kw.setdefault("posinf", float(info.max))
    kw.setdefault("neginf", float(info.min))
    conv = {k: float(np.asarray(v).astype(BF16).astype(np.float64)) for k, v in kw.items()}
    return np.nan_to_num(x.astype(np.float64), **conv).astype(BF16)


def unary_case(g, name, op, x, **kwargs):
    if op == "nan_to_num" and x.dtype == BF16:
        g.case(name, op, [x], kwargs=kwargs, fn=lambda: nan_to_num_bf16(x, **kwargs))
    else:
        g.case(name, op, [x], kwargs=kwargs)


def shift_counts(d, n):
    bits = np.iinfo(d).bits
    counts = [0, 1, 2, 3, bits - 2, bits - 1, bits, bits + 1, 2 * bits, 100]
    if np.iinfo(d).min < 0:
        counts += [-1, -2, -bits, -128]
    counts = [c for c in counts if np.iinfo(d).min <= c <= np.iinfo(d).max]
    return np.array((counts * n)[:n], dtype=d)


def generate(out):
    g = UGen(out)
    small = {d: sample(d, 3, seed=5) for d in DTYPES}
    # The promotion tables: bitwise ops have loops for bool and integers only (one float or
    # complex operand per pair shows the error); logical ops take every pair.
    bitwise_dtypes = ["bool"] + INTS
    for d1 in DTYPES:
        for d2 in (bitwise_dtypes + ["float16"] if d1 in bitwise_dtypes else ["int8"]):
            g.case(f"bitwise_and_{d1}_{d2}", "bitwise_and", [small[d1], small[d2]])
        for d2 in ("bool", "uint64", "float16", "complex64"):
            g.case(f"logical_and_{d1}_{d2}", "logical_and", [small[d1], small[d2]])
    for d1 in bitwise_dtypes:
        for d2 in ("bool", "int8", "uint8", "int64", "uint64"):
            g.case(f"left_shift_{d1}_{d2}", "left_shift", [small[d1], small[d2]])
    # Every op on every dtype, over the special values and sizes around SIMD widths.
    for d in DTYPES:
        x, y = sample(d, 33, seed=1), sample(d, 33, seed=2)[::-1].copy()
        # Floats and complex have no bitwise loops: one error case each is enough.
        for op in (BITWISE if d in bitwise_dtypes else ["bitwise_and"]) + LOGICAL:
            g.case(f"{op}_{d}", op, [x, y])
        for op in UNARY:
            unary_case(g, f"{op}_{d}", op, x)
        g.case(f"angle_deg_{d}", "angle", [x], kwargs={"deg": True})
        for op in ("isclose", "array_equal"):
            g.case(f"{op}_{d}", op, [x, y])
            g.case(f"{op}_{d}_self", op, [x, x])
        g.case(f"allclose_{d}_self", "allclose", [x, x])
        if d in ("bool", "uint16", "float16", "complex64"):
            g.case(f"array_equiv_{d}_self", "array_equiv", [x, x])
        for n in (1, 7, 9, 17):
            xs, ys = x[:n].copy(), y[:n].copy()
            if d in ("bool", "complex128"):
                g.case(f"logical_or_{d}_n{n}", "logical_or", [xs, ys])
            if d in ("bool", "uint8", "int64"):
                g.case(f"bitwise_xor_{d}_n{n}", "bitwise_xor", [xs, ys])
            if d in ("complex64", "complex128"):
                g.case(f"absolute_{d}_n{n}", "absolute", [ys])
                g.case(f"angle_{d}_n{n}", "angle", [ys])
            if d in ("complex128", "float32"):
                g.case(f"isfinite_{d}_n{n}", "isfinite", [ys])
                g.case(f"isclose_{d}_n{n}", "isclose", [xs, ys])
    # Shifts by every interesting count, both signs, both directions.
    for d in INTS:
        x = sample(d, 28, seed=3)
        s = shift_counts(d, 28)
        g.case(f"left_shift_counts_{d}", "left_shift", [x, s])
        g.case(f"right_shift_counts_{d}", "right_shift", [x, s])
        if d in ("int8", "uint64"):
            g.case(f"right_shift_counts_rev_{d}", "right_shift", [V(x, "rev0"), s])
    g.case("left_shift_bool_pair", "left_shift", [np.array([True, False, True]), np.array([True, True, False])])
    g.case("right_shift_int8_by_int64", "right_shift", [sample("int8", 9, seed=4), np.arange(9)])
    # Weak Python scalars on either side (NEP 50), including out-of-range integers.
    for d in ("bool", "int8", "uint8", "uint64", "float32"):
        x = sample(d, 5, seed=3)
        for sname, s in SCALARS:
            g.case(f"bitwise_and_{d}_{sname}", "bitwise_and", [x, s])
            g.case(f"left_shift_{d}_{sname}", "left_shift", [x, s])
            if d in ("bool", "int8", "uint64"):
                g.case(f"right_shift_{sname}_{d}", "right_shift", [s, x])
    for d in ("bool", "int8", "uint64", "float16", "bfloat16", "complex64"):
        x = sample(d, 5, seed=3)
        for sname, s in SCALARS:
            g.case(f"logical_xor_{d}_{sname}", "logical_xor", [x, s])
            if sname in ("i3", "f2_5", "fsub", "btrue", "c1_2"):
                g.case(f"isclose_{d}_{sname}", "isclose", [x, s])
                g.case(f"isclose_{sname}_{d}", "isclose", [s, x])
    for sname, s in SCALARS:
        # A lone Python int beyond int64 is a uint64 array in NumPy; numox's ufunc engine gives
        # a lone integer scalar int64, so 2**63 is left to the binary cases.
        if sname != "ibig":
            g.case(f"isnan_{sname}", "isnan", [s])
            g.case(f"logical_not_{sname}", "logical_not", [s])
            g.case(f"angle_{sname}", "angle", [s])
        # np.real(True) is Python's True.real, the int 1: not an array rule.
        if sname not in ("ibig", "btrue"):
            g.case(f"real_{sname}", "real", [s])
            g.case(f"imag_{sname}", "imag", [s])
        g.case(f"isclose_{sname}_3", "isclose", [s, 3])
        g.case(f"array_equal_{sname}_1", "array_equal", [s, 1])
    g.case("bitwise_and_two_scalars", "bitwise_and", [6, 3])
    g.case("left_shift_two_scalars", "left_shift", [1, 70])
    g.case("invert_scalar", "invert", [5])
    g.case("logical_and_two_scalars", "logical_and", [2, 0.0])
    # Broadcasting, 0-d, empty and the mismatch error.
    i4 = sample("int32", 24, seed=4)
    u2 = sample("uint16", 24, seed=4)
    f8 = sample("float64", 24, seed=4)
    c8 = sample("complex64", 24, seed=4)
    shapes = [((2, 3), (3,)), ((4, 1), (1, 5)), ((2, 1, 3), (4, 1)), ((), (3,)), ((0, 3), (3,)),
              ((3, 0), (3, 1)), ((1,), (2, 2, 2)), ((2, 3), (4,)), ((0,), (2,))]
    for k, (s1, s2) in enumerate(shapes):
        n1, n2 = int(np.prod(s1)), int(np.prod(s2))
        a, b = i4[:n1].reshape(s1), u2[:n2].reshape(s2)
        p, q = f8[:n1].reshape(s1), c8[:n2].reshape(s2)
        for op in ("bitwise_or", "right_shift", "logical_xor"):
            g.case(f"{op}_bcast{k}", op, [a, b])
            g.case(f"{op}_bcast{k}_rev", op, [b, a])
        g.case(f"isclose_bcast{k}", "isclose", [p, q])
        g.case(f"isclose_bcast{k}_rev", "isclose", [q, p])
        g.case(f"array_equiv_bcast{k}", "array_equiv", [a, b])
        g.case(f"array_equal_bcast{k}", "array_equal", [a, b])
        g.case(f"allclose_bcast{k}", "allclose", [p, q])
    for d in ("int8", "complex128"):
        z = sample(d, 1, seed=6).reshape(())
        for op in UNARY:
            unary_case(g, f"{op}_0d_{d}", op, z)
    for d in ("float16",):
        e = sample(d, 0).reshape(0, 3)
        for op in UNARY:
            unary_case(g, f"{op}_empty_{d}", op, e)
        g.case(f"allclose_empty_{d}", "allclose", [e, e])
        g.case(f"isclose_empty_{d}", "isclose", [e, e])
    # Views: transposed, reversed, strided, permuted; mixed layouts.
    m = sample("int64", 24, seed=6).reshape(4, 6)
    t = sample("uint8", 60, seed=7).reshape(3, 4, 5)
    z = sample("complex128", 24, seed=8).reshape(4, 6)
    h = sample("float16", 60, seed=9).reshape(3, 4, 5)
    g.case("bitwise_and_t", "bitwise_and", [V(m, "t"), V(m, "t")])
    g.case("bitwise_xor_t_c", "bitwise_xor", [V(m, "t"), m.T.copy()])
    g.case("left_shift_rev0", "left_shift", [V(m, "rev0"), 3])
    g.case("right_shift_rev1", "right_shift", [V(m, "rev1"), m])
    g.case("invert_step", "invert", [V(t, "step")])
    g.case("logical_and_perm", "logical_and", [V(t, "perm201"), V(h, "perm201")])
    g.case("logical_not_rev2", "logical_not", [V(h, "rev2")])
    for op in ("real", "imag", "conjugate", "angle", "absolute", "isnan", "isfinite",
               "nan_to_num"):
        g.case(f"{op}_t", op, [V(z, "t")])
        g.case(f"{op}_rev1", op, [V(z, "rev1")])
        if op in ("real", "imag", "absolute"):
            g.case(f"{op}_step", op, [V(z, "step")])
    g.case("signbit_perm", "signbit", [V(h, "perm120")])
    g.case("isposinf_rev0", "isposinf", [V(h, "rev0")])
    g.case("isclose_views", "isclose", [V(z, "rev0"), V(z, "rev1")])
    g.case("array_equal_views", "array_equal", [V(m, "t"), m.T.copy()])
    # Keyword arguments.
    for d in ("float16", "bfloat16", "float32", "float64", "complex64", "int16"):
        x = sample(d, 17, seed=10)
        for k, kw in enumerate([{"nan": -1.0}, {"posinf": 1e6, "neginf": -1e6},
                                {"nan": 1e40, "posinf": 2.5}, {"neginf": 0.0}]):
            unary_case(g, f"nan_to_num_kw{k}_{d}", "nan_to_num", x, **kw)
        y = sample(d, 17, seed=11)
        near = (x + (x * 1e-6 if d != "int16" else 0)).astype(x.dtype)
        for k, kw in enumerate([{"rtol": 0.0}, {"atol": 0.0}, {"rtol": 0.5, "atol": 1.0},
                                {"rtol": 1e-3, "equal_nan": True}]):
            g.case(f"isclose_kw{k}_{d}_near", "isclose", [x, near], kwargs=kw)
            g.case(f"allclose_kw{k}_{d}_near", "allclose", [x, near], kwargs=kw)
        g.case(f"isclose_kw_{d}", "isclose", [x, y], kwargs={"rtol": 0.5, "equal_nan": True})
        g.case(f"array_equal_nan_{d}", "array_equal", [x, x.copy()], kwargs={"equal_nan": True})
        g.case(f"array_equal_nan_{d}_rev", "array_equal", [x, x[::-1].copy()],
               kwargs={"equal_nan": True})
    cx = np.array([complex(1, np.nan), complex(np.nan, 2), 3 + 4j])
    cy = np.array([complex(np.nan, 5), complex(6, np.nan), 3 + 4j])
    g.case("array_equal_nan_complex", "array_equal", [cx, cy], kwargs={"equal_nan": True})
    g.case("array_equal_nan_complex_off", "array_equal", [cx, cy], kwargs={"equal_nan": False})
    inf = np.array([np.inf, -np.inf, np.inf, np.nan, 1e308, -np.inf])
    g.case("isclose_inf", "isclose", [inf, np.array([np.inf, np.inf, 1e308, np.nan, np.inf, -np.inf])])
    g.case("isclose_inf_nan", "isclose", [inf, inf], kwargs={"equal_nan": True})
    g.case("isclose_int_extremes", "isclose",
           [np.array([np.iinfo(np.int64).min, 0, 5]), np.array([np.iinfo(np.int64).min, 1, 5])])
    g.case("isclose_i64_u64", "isclose", [sample("int64", 9, seed=12), sample("uint64", 9, seed=12)])
    # Errors: no loop for floats / complex / int64 with uint64, complex classification.
    i8, u64, i64 = sample("int64", 3), sample("uint64", 3), sample("int64", 3, seed=13)
    for op in BITWISE:
        g.case(f"{op}_i64_u64", op, [i8, u64])
        g.case(f"{op}_u64_i64", op, [u64, i64])
    g.case("logical_and_i64_u64", "logical_and", [i64, u64])
    g.case("logical_and_empty_bool", "logical_and", [np.zeros((0, 2), bool), np.ones(2, bool)])
    # Operators (same expectations as the functions).
    a, b = sample("int16", 9, seed=14), sample("int16", 9, seed=15)
    ops = {"and": np.bitwise_and, "or": np.bitwise_or, "xor": np.bitwise_xor,
           "lshift": np.left_shift, "rshift": np.right_shift}
    for name, f in ops.items():
        g.case(f"op_{name}", f"op_{name}", [a, b], fn=lambda f=f: f(a, b))
        g.case(f"op_{name}_scalar", f"op_{name}", [a, 3], fn=lambda f=f: f(a, 3))
        g.case(f"op_{name}_lhs", f"op_{name}", [5, b], fn=lambda f=f: f(5, b))
        g.case(f"op_{name}_float", f"op_{name}", [a, 1.5], fn=lambda f=f: f(a, 1.5))
    g.case("op_invert", "op_invert", [a], fn=lambda: ~a)
    for d in ("bool", "uint8", "int64", "float64", "complex64"):
        x = sample(d, 9, seed=16)
        for op in ALIASES:
            g.case(f"{op}_{d}", op, [x])
    g.case("op_invert_bool", "op_invert", [small["bool"]], fn=lambda: ~small["bool"])
    g.write()
