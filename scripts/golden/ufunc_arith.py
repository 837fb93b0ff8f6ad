"""Golden data for the arithmetic ufuncs (crates/numox/tests/ufunc_arith.rs): floor_divide,
remainder, fmod, divmod, power, float_power, fmax, fmin, copysign, heaviside, positive, sign,
reciprocal, cbrt, floor, ceil, trunc, rint, round and clip. Format: see ufunc_common.py."""
import numpy as np

from ufunc_common import DTYPES, FLOATS, INTS, UGen, V, dt, sample

BINARY = ["floor_divide", "remainder", "fmod", "divmod", "power", "float_power", "fmax", "fmin",
          "copysign", "heaviside"]
UNARY = ["positive", "sign", "reciprocal", "cbrt", "floor", "ceil", "trunc", "rint"]
# The promotion table (every dtype pair) is checked on these.
TABLE = ["floor_divide", "power", "float_power", "copysign", "fmax"]
SCALARS = [("i3", 3), ("im2", -2), ("i300", 300), ("f2_5", 2.5), ("fm0", -0.0),
           ("fnan", float("nan")), ("finf", float("inf")), ("btrue", True), ("c1_2", 1 + 2j)]
SCALAR_OPS = ["floor_divide", "remainder", "fmod", "power", "fmax", "copysign", "heaviside"]
# Special float values: the full cross product goes through the division family.
SPECIAL = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, 2.5, -2.5, 7.0, -7.0, 3.0,
           1e300, -1e-300, 5e-324, 0.1]


def untie_zeros(x, y):
    """y with 1.0 where x and y are zeros of opposite sign: NumPy's fmax/fmin of float32/64
    pick either zero there depending on its SIMD path (array length and layout)."""
    if x.dtype.kind != "f" or x.dtype == np.float16:
        return y
    y = y.copy()
    tie = (x == 0) & (y == 0) & (np.signbit(x) != np.signbit(y))
    y[tie] = 1
    return y


def tie_free(x, y):
    """(x, y) for fmax/fmin without a ±0 tie in a float32/float64 loop (y patched to 1 there),
    or None when the tie cannot be patched (a scalar y)."""
    try:
        rt = np.fmax(x, y).dtype
    except (TypeError, OverflowError):
        return x, y
    if rt not in (np.float32, np.float64):
        return x, y
    xc, yc = np.asarray(x).astype(rt), np.asarray(y).astype(rt)
    tie = (xc == 0) & (yc == 0) & (np.signbit(xc) != np.signbit(yc))
    if not tie.any():
        return x, y
    if isinstance(y, np.ndarray) and y.shape == tie.shape:
        y = y.copy()
        y[tie] = 1
        return x, y
    return None


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
    for op in TABLE:
        for d1 in DTYPES:
            for d2 in DTYPES:
                args = [small[d1], small[d2]]
                if op in ("fmax", "fmin"):
                    args = tie_free(*args)
                g.case(f"{op}_{d1}_{d2}", op, list(args))

    # Every op on every dtype over the special values (33 elements straddle SIMD widths).
    for d in DTYPES:
        x, y = sample(d, 33, seed=1), sample(d, 33, seed=2)[::-1].copy()
        for op in BINARY:
            yy = untie_zeros(x, y) if op in ("fmax", "fmin") else y
            g.case(f"{op}_{d}", op, [x, yy])
            g.case(f"{op}_{d}_self", op, [x, x])
        g.case(f"power_{d}_pos", "power", [x, exponents(y)])
        for op in UNARY:
            g.case(f"{op}_{d}", op, [x])
        for n in (1, 7, 8, 9, 17):
            g.case(f"floor_divide_{d}_n{n}", "floor_divide", [x[:n].copy(), y[:n].copy()])
            g.case(f"remainder_{d}_n{n}", "remainder", [y[:n].copy(), x[:n].copy()])
            g.case(f"power_{d}_n{n}", "power", [x[:n].copy(), exponents(y[:n].copy())])
            g.case(f"rint_{d}_n{n}", "rint", [y[:n].copy()])
            g.case(f"sign_{d}_n{n}", "sign", [y[:n].copy()])

    # Special float values: every pair, for the division family and power.
    for d in FLOATS:
        s = np.array(SPECIAL, dtype=dt(d))
        a, b = np.repeat(s, len(s)), np.tile(s, len(s))
        for op in ("floor_divide", "remainder", "fmod", "divmod", "power", "heaviside",
                   "copysign"):
            g.case(f"{op}_{d}_special", op, [a, b])
        g.case(f"fmax_{d}_special", "fmax", [a, untie_zeros(a, b)])
        g.case(f"fmin_{d}_special", "fmin", [a, untie_zeros(a, b)])
    for d in ("complex64", "complex128"):
        parts = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.5, 2.0, 0.5]
        z = np.array([complex(r, i) for r in parts for i in parts], dtype=d)
        w = np.array([0, 1, 2, 3, -1, -2, 4, 0.5, 1j, 2 - 1j, -3, 7, -0.0, 1.5j + 0.5],
                     dtype=d)
        za, wb = np.repeat(z, len(w)), np.tile(w, len(z))
        g.case(f"power_{d}_special", "power", [za, wb])
        g.case(f"fmax_{d}_special", "fmax", [za, np.tile(z[::-1], len(w))])
        g.case(f"fmin_{d}_special", "fmin", [za, np.tile(z[::-1], len(w))])
        g.case(f"sign_{d}_special", "sign", [z])
        g.case(f"reciprocal_{d}_special", "reciprocal", [z])
        g.case(f"rint_{d}_special", "rint", [z * 1.25])
        g.case(f"float_power_{d}_special", "float_power", [za, wb])

    # Integer edge cases: MIN // -1, division by zero, overflowing powers, negative exponents.
    for d in INTS:
        info = np.iinfo(d)
        vals = [info.min, info.max, 0, 1, 2, 7, info.max - 1, info.min + 1]
        divs = [0, 1, 2, 3, 7, info.max]
        if info.min < 0:
            vals += [-1, -2, -7]
            divs += [-1, -2, -3, -7, info.min]
        v = np.array(vals, dtype=d)
        q = np.array(divs, dtype=d)
        a, b = np.repeat(v, len(q)), np.tile(q, len(v))
        for op in ("floor_divide", "remainder", "fmod", "divmod"):
            g.case(f"{op}_{d}_edges", op, [a, b])
        e = np.array([0, 1, 2, 3, 5, 7, 8, 15, 16, 31, 63, 64, 65], dtype=d)
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
            for op in SCALAR_OPS:
                args = tie_free(x, s) if op in ("fmax", "fmin") else (x, s)
                if args is not None:
                    g.case(f"{op}_{d}_{sname}", op, list(args))
            g.case(f"floor_divide_{sname}_{d}", "floor_divide", [s, x])
            g.case(f"power_{sname}_{d}", "power", [s, exponents(x)])
            g.case(f"float_power_{d}_{sname}", "float_power", [x, s])
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
        for op in ("floor_divide", "remainder", "divmod", "heaviside", "copysign"):
            g.case(f"{op}_bcast{k}", op, [a, b])
            g.case(f"{op}_bcast{k}_rev", op, [b, a])
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
        x = sample(d, 33, seed=11)
        if d in FLOATS or d.startswith("complex"):
            x = x * 37.25
        for dec in (-400, -20, -3, -1, 0, 1, 2, 3, 5, 10, 17, 308, 400):
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
        x = sample(d, 33, seed=12)
        lo, hi = sample(d, 33, seed=13), sample(d, 33, seed=14)[::-1].copy()
        g.case(f"clip_{d}_arrays", "clip", [x, lo, hi])
        g.case(f"clip_{d}_int", "clip", [x, 0, 5])
        g.case(f"clip_{d}_float", "clip", [x, -1.5, 2.5])
        g.case(f"clip_{d}_lo_none", "clip", [x, None, 2])
        g.case(f"clip_{d}_hi_none", "clip", [x, 1, None])
        g.case(f"clip_{d}_none", "clip", [x, None, None])
        g.case(f"clip_{d}_reversed", "clip", [x, 5, 1])
        g.case(f"clip_{d}_nan", "clip", [x, float("nan"), 1.0])
        g.case(f"clip_{d}_0d_bounds", "clip", [x, small[d][1:].reshape(()), small[d][:1].reshape(())])
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
