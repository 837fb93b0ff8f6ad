"""Golden data for the arithmetic ufuncs (crates/numox/tests/ufunc_arith.rs): floor_divide,
remainder, fmod, divmod, power, float_power, fmax, fmin, copysign, heaviside, positive, sign,
reciprocal, cbrt, floor, ceil, trunc, rint, round and clip. Format: see ufunc_common.py."""
import numpy as np

from ufunc_common import DTYPES, FLOATS, INTS, UGen, V, dt, sample

BINARY = ["floor_divide", "remainder", "fmod", "divmod", "power", "float_power", "fmax", "fmin",
          "copysign", "heaviside"]
UNARY = ["positive", "sign", "reciprocal", "cbrt", "floor", "ceil", "trunc", "rint"]
# copysign/heaviside choose their float loop per operand: checked on every pair of these.
TABLE_DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "float16", "bfloat16",
                "float32"]
# The other operations loop in the promoted dtype (the ufunc_basic goldens check promotion):
# a few mixed pairs suffice.
MIXED = [("bool", "bool"), ("bool", "int8"), ("int8", "uint8"), ("uint64", "int64"),
         ("float16", "int8"), ("bfloat16", "float16"), ("complex64", "float64"),
         ("int32", "float32"), ("uint16", "complex64")]
SCALARS = [("i3", 3), ("im2", -2), ("i300", 300), ("f2_5", 2.5), ("btrue", True),
           ("c1_2", 1 + 2j)]
# (operation, scalars, scalar first)
SCALAR_CASES = [("remainder", ("i3", "f2_5", "btrue", "c1_2"), False),
                ("power", ("im2", "i300", "f2_5", "c1_2"), False),
                ("copysign", ("i3", "f2_5", "btrue"), False),
                ("floor_divide", ("i3", "f2_5", "c1_2"), True)]
# Special float values: the full cross product goes through the division family.
SPECIAL = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -2.5, 7.0, 1e300, -5e-324, 0.1]


def untie_zeros(x, y):
    """y with 1.0 where x and y are zeros of opposite sign: NumPy's fmax/fmin of float32/64
    pick either zero there depending on its SIMD path (array length and layout)."""
    if x.dtype.kind != "f" or x.dtype == np.float16:
        return y
    y = y.copy()
    tie = (x == 0) & (y == 0) & (np.signbit(x) != np.signbit(y))
    y[tie] = 1
    return y


def exponents(y):
    """Exponents NumPy accepts for integer powers (0..7), other dtypes unchanged."""
    if y.dtype.kind in "iu":
        return np.remainder(y, 8).astype(y.dtype)
    return y


def generate(out):
    with np.errstate(all="ignore"):
        _generate(out)


def _generate(out):
    g = UGen(out)
    small = {d: sample(d, 2, seed=5) for d in DTYPES}
    for d1 in TABLE_DTYPES:
        for d2 in TABLE_DTYPES:
            g.case(f"copysign_{d1}_{d2}", "copysign", [small[d1], small[d2]])
    for d1, d2 in MIXED:
        for op in ("power", "floor_divide", "fmax", "float_power"):
            g.case(f"{op}_{d1}_{d2}", op, [small[d1], small[d2]])

    # Every op on every dtype over the special values (33 elements straddle SIMD widths).
    for d in DTYPES:
        x, y = sample(d, 12, seed=1), sample(d, 12, seed=2)[::-1].copy()
        exact = d in INTS or d == "bool"
        for op in BINARY:
            # divmod covers floor_divide and remainder; integers share the float loops of
            # copysign and heaviside.
            if op in ("fmin", "floor_divide", "remainder"):
                continue
            if op in ("copysign", "heaviside") and exact and d not in ("int8", "uint32"):
                continue
            yy = untie_zeros(x, y) if op == "fmax" else y
            g.case(f"{op}_{d}", op, [x, yy])
        g.case(f"remainder_{d}_self", "remainder", [x, x])
        if exact:
            g.case(f"power_{d}_pos", "power", [x, exponents(y)])
        for op in UNARY:
            # Integers are their own floor, ceiling and truncation.
            if op in ("ceil", "trunc", "positive", "rint", "cbrt") and exact and d not in (
                    "int8", "bool", "int16", "uint64"):
                continue
            g.case(f"{op}_{d}", op, [x])
        x33, y33 = sample(d, 33, seed=1), sample(d, 33, seed=2)[::-1].copy()
        g.case(f"floor_divide_{d}_n33", "floor_divide", [x33, y33])
        for n in (1,):
            g.case(f"floor_divide_{d}_n{n}", "floor_divide", [x[:n].copy(), y[:n].copy()])

    # Special float values: every pair, for the division family and power.
    for d in FLOATS:
        s = np.array(SPECIAL, dtype=dt(d))
        a, b = np.repeat(s, len(s)), np.tile(s, len(s))
        g.case(f"divmod_{d}_special", "divmod", [a, b])
        if d == "float64":
            g.case(f"fmod_{d}_special", "fmod", [a, b])
            g.case(f"heaviside_{d}_special", "heaviside", [a, b])
            g.case(f"power_{d}_special", "power", [a, b])
            g.case(f"fmin_{d}_special", "fmin", [b, untie_zeros(b, a)])
    for d in ("complex64", "complex128"):
        parts = [0.0, -0.0, np.inf, -np.inf, np.nan, -1.5]
        z = np.array([complex(r, i) for r in parts for i in parts], dtype=d)
        w = np.array([0, 3, -1, 0.5, 2 - 1j], dtype=d)
        za, wb = np.repeat(z, len(w)), np.tile(w, len(z))
        g.case(f"power_{d}_special", "power", [za, wb])
        g.case(f"fmax_{d}_special", "fmax", [z, z[::-1]])
        g.case(f"sign_{d}_special", "sign", [z])
        g.case(f"reciprocal_{d}_special", "reciprocal", [z])
        g.case(f"rint_{d}_special", "rint", [z * 1.25])
        g.case(f"float_power_{d}_special", "float_power", [z, w[7:8]])

    # Integer edge cases: MIN // -1, division by zero, overflowing powers, negative exponents.
    for d in INTS:
        info = np.iinfo(d)
        vals = [info.min, info.max, 0, 1, 2, 7, info.max - 1, info.min + 1]
        divs = [0, 1, 3, info.max]
        if info.min < 0:
            vals += [-1, -2, -7]
            divs += [-1, -3, info.min]
        v = np.array(vals, dtype=d)
        q = np.array(divs, dtype=d)
        a, b = np.repeat(v, len(q)), np.tile(q, len(v))
        for op in ("fmod", "divmod"):
            g.case(f"{op}_{d}_edges", op, [a, b])
        e = np.array([0, 1, 2, 3, 7, 31, 64], dtype=d)
        g.case(f"power_{d}_edges", "power", [np.repeat(v, len(e)), np.tile(e, len(v))])
        g.case(f"reciprocal_{d}_edges", "reciprocal", [v])
        if info.min < 0:
            g.case(f"power_{d}_negexp", "power", [v, np.array(-1, dtype=d)])
            g.case(f"power_{d}_negexp_inner", "power", [v[:3], np.array([1, -2, 3], dtype=d)])
        g.case(f"power_{d}_scalar_exp", "power", [v, 3])

    # Weak Python scalars on either side (NEP 50).
    for d in DTYPES:
        x = sample(d, 5, seed=3)
        for sname, s in SCALARS:
            for op, names, first in SCALAR_CASES:
                if names is None or sname in names:
                    if first:
                        g.case(f"{op}_{sname}_{d}", op, [s, x])
                    else:
                        g.case(f"{op}_{d}_{sname}", op, [x, s])
    g.case("floor_divide_two_scalars", "floor_divide", [7, -2.0])
    g.case("power_two_scalars", "power", [2, 10])
    g.case("power_two_scalars_neg", "power", [2, -1])
    g.case("remainder_two_scalars", "remainder", [-7, 3])

    # Broadcasting, 0-d, empty and the mismatch error.
    f8 = sample("float64", 24, seed=4)
    i4 = sample("int32", 24, seed=4)
    shapes = [((2, 3), (3,)), ((4, 1), (1, 5)), ((2, 1, 3), (4, 1)), ((), (3,)), ((0, 3), (3,)),
              ((3, 0), (3, 1)), ((1,), (2, 2, 2)), ((2, 3), (4,)), ((), ())]
    for k, (s1, s2) in enumerate(shapes):
        a = f8[:int(np.prod(s1))].reshape(s1)
        b = i4[:int(np.prod(s2))].reshape(s2)
        for op in ("remainder", "copysign"):
            g.case(f"{op}_bcast{k}", op, [a, b])
            g.case(f"{op}_bcast{k}_rev", op, [b, a])
        g.case(f"divmod_bcast{k}", "divmod", [a, b])
        g.case(f"power_bcast{k}", "power", [b, exponents(b)[..., :1] if b.ndim else b])
        g.case(f"trunc_bcast{k}", "trunc", [a])

    # Views: transposed, reversed, strided, permuted; mixed layouts.
    m = sample("float32", 24, seed=6).reshape(4, 6)
    t = sample("int16", 60, seed=7).reshape(3, 4, 5)
    g.case("floor_divide_t", "floor_divide", [V(m, "t"), V(m, "t")])
    g.case("remainder_t_c", "remainder", [V(m, "t"), m.T.copy()])
    g.case("fmod_rev0", "fmod", [V(m, "rev0"), m])
    g.case("divmod_rev1", "divmod", [V(m, "rev1"), m])
    g.case("fmax_step", "fmax", [V(m, "step"), 0.5])
    g.case("power_perm", "power", [V(t, "perm201"), 3])
    g.case("remainder_perm", "remainder", [V(t, "perm120"), V(t, "perm120")])
    g.case("floor_perm", "floor", [V(m, "t")])
    g.case("sign_rev2", "sign", [V(t, "rev2")])
    g.case("cbrt_step", "cbrt", [V(m, "step")])
    g.case("round_rev0", "round", [V(m, "rev0")], kwargs={"decimals": 1})
    g.case("clip_t", "clip", [V(m, "t"), -0.5, V(m, "t")])
    g.case("clip_perm", "clip", [V(t, "perm201"), -5, 5])

    # round: every dtype and a range of decimals (the power of ten is converted to the dtype).
    for d in DTYPES:
        x = sample(d, 15, seed=11)
        if d in FLOATS or d.startswith("complex"):
            x = x * 37.25
        for dec in (-400, -1, 0, 1, 5, 17):
            if dec in (-400, 17) and d in INTS and d != "int32":
                continue
            if d == "uint32" and dec == -400:
                # NaN to uint32: NumPy's cast gives 2**31 in its SIMD body and 0 in the
                # scalar tail; numox gives 2**31.
                continue
            g.case(f"round_{d}_d{dec}", "round", [x], kwargs={"decimals": dec})
    halves = np.array([0.5, 1.5, 2.5, -0.5, -1.5, 0.25, 0.35, 0.45, 1.005, 2.675, 1e16 + 2,
                       4.5e15 + 0.5, -0.0])
    for d in ("float16", "float32", "float64"):
        for dec in (0, 1, 2):
            g.case(f"round_halves_{d}_d{dec}", "round", [halves.astype(d)],
                   kwargs={"decimals": dec})
    g.case("round_0d", "round", [np.array(2.675)], kwargs={"decimals": 2})
    g.case("round_empty", "round", [np.zeros((0, 2))], kwargs={"decimals": 1})
    g.case("round_big_ints", "round",
           [np.array([2 ** 62 + 12345, -2 ** 62 - 55, 10 ** 18 + 5], dtype=np.int64)],
           kwargs={"decimals": -1})

    # clip: every dtype with scalar, array, absent and NaN bounds.
    for d in DTYPES:
        x = sample(d, 11, seed=12)
        lo, hi = sample(d, 11, seed=13), sample(d, 11, seed=14)[::-1].copy()
        g.case(f"clip_{d}_arrays", "clip", [x, lo, hi])
        g.case(f"clip_{d}_int", "clip", [x, 0, 5])
        if d not in INTS or d in ("int8", "uint64"):
            g.case(f"clip_{d}_float", "clip", [x, -1.5, 2.5])
        if d in FLOATS or d in ("int8", "uint64", "complex128"):
            g.case(f"clip_{d}_reversed", "clip", [x, 5, 1])
            g.case(f"clip_{d}_nan", "clip", [x, float("nan"), 1.0])
        if d not in INTS or d == "int8":
            g.case(f"clip_{d}_0d_bounds", "clip", [x, small[d][1:].reshape(()),
                                                   small[d][:1].reshape(())])
    for d in ("bool", "int8", "float32", "complex64"):
        x = sample(d, 5, seed=12)
        g.case(f"clip_{d}_lo_none", "clip", [x, None, 2])
        g.case(f"clip_{d}_hi_none", "clip", [x, 1, None])
        g.case(f"clip_{d}_none", "clip", [x, None, None])
        g.case(f"clip_{d}_bool_bounds", "clip", [x, False, True])
    # Python ints at or beyond an integer dtype's ends are dropped (the harness passes ints
    # within int64/uint64 only).
    for d in INTS:
        info = np.iinfo(d)
        x = sample(d, 9, seed=15)
        below = max(int(info.min) - 1, -2 ** 63)
        above = min(int(info.max) + 1, 2 ** 64 - 1)
        g.case(f"clip_{d}_beyond", "clip", [x, below, above])
        g.case(f"clip_{d}_at_ends", "clip", [x, int(info.min), int(info.max)])
        g.case(f"clip_{d}_low_beyond", "clip", [x, below, 3])
        g.case(f"clip_{d}_high_beyond", "clip", [x, 2, above])
    g.case("clip_bcast", "clip", [f8[:6].reshape(2, 3), f8[6:9], np.array([[1.0], [2.0]])])
    g.case("clip_bcast_bad", "clip", [f8[:6].reshape(2, 3), f8[6:10], 1.0])
    g.case("clip_mixed", "clip", [sample("int8", 9, seed=16), sample("uint16", 9, seed=17), 7])
    g.case("clip_mixed_float", "clip", [sample("int16", 9, seed=16), 0.5,
                                        sample("float32", 9, seed=18)])
    g.case("clip_zero_ties", "clip", [np.array([-0.0, 0.0, -0.0, 0.0]),
                                      np.array([0.0, -0.0, 0.0, -0.0]),
                                      np.array([1.0, 1.0, -0.0, 0.0])])
    g.case("clip_zero_ties_scalar", "clip", [np.array([-0.0, 0.0]), 0.0, 1.0])
    g.case("clip_zero_ties_f16", "clip", [np.array([-0.0, 0.0], dtype=np.float16),
                                          np.array([0.0, -0.0], dtype=np.float16), 1.0])
    g.case("clip_scalar_a", "clip", [3, 1.5, 2])
    g.case("clip_empty", "clip", [np.zeros((0, 3), dtype=np.int8), 1, 2])

    # Errors of the dtype rules and of broadcasting.
    z = sample("complex128", 3, seed=19)
    for op in ("floor_divide", "remainder", "fmod", "divmod", "copysign", "heaviside"):
        g.case(f"{op}_complex_err", op, [z, z])
    for op in ("cbrt", "floor", "ceil", "trunc"):
        g.case(f"{op}_complex_err", op, [z])
    b = np.array([True, False])
    for op in ("positive", "sign"):
        g.case(f"{op}_bool_err", op, [b])
    g.case("floor_divide_bcast_err", "floor_divide", [f8[:6].reshape(2, 3), f8[:4]])
    g.write()
