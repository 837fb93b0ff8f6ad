"""Golden data for the math ufuncs (crates/numox/tests/ufunc_math.rs): exp2, expm1, log2, log10,
log1p, the trigonometric and hyperbolic functions and their inverses, deg2rad/rad2deg/degrees/
radians, logaddexp, logaddexp2, arctan2, hypot, and exp/log/sqrt of complex numbers.
Format: see ufunc_common.py.

The expectations come from NumPy's AVX2 loops (gen.py disables its AVX-512 ones), which call libm
for these functions except tanh and float32 sin/cos; the Rust side allows those a few ulps."""
import numpy as np

from ufunc_common import COMPLEX, DTYPES, FLOATS, UGen, V, sample

UNARY = ["exp2", "expm1", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos",
         "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "deg2rad", "rad2deg",
         "degrees", "radians"]
BINARY = ["logaddexp", "logaddexp2", "arctan2", "hypot"]
# exp, log and sqrt of real numbers are in ufunc_basic; their complex loops are tested here.
COMPLEX_ONLY = ["exp", "log", "sqrt"]
SCALARS = [("f2_5", 2.5), ("i3", 3), ("btrue", True), ("c1_2", 1 + 2j), ("ineg7", -7)]
SIZES = (1, 7, 8, 9, 15, 16, 17, 31, 33, 67)
# Second operands of the dtype table (every dtype is a first operand).
TABLE = ["bool", "int8", "uint8", "int16", "uint32", "int64", "float16", "bfloat16", "float32",
         "complex64"]


def wide(name, n, seed):
    """n values of a real float dtype over many magnitudes, both signs."""
    rng = np.random.default_rng(seed)
    v = rng.standard_normal(n) * 10.0 ** rng.integers(-8, 4, n)
    return v.astype(sample(name, 1).dtype)


def special_grid(name):
    """Every pair of special parts: the C99 Annex G cases and the overflow thresholds."""
    parts = [0.0, -0.0, 1.0, -1.0, 2.0, np.inf, -np.inf, np.nan, 1e300, 720.0]
    with np.errstate(over="ignore"):
        return np.array([complex(a, b) for a in parts for b in parts], dtype=name)


def generate(out):
    g = UGen(out)
    # Every op on every dtype (special values first, then random ones).
    for d in DTYPES:
        n = 24 if d in FLOATS + COMPLEX else 12
        x = sample(d, n, seed=1)
        y = sample(d, n, seed=2)[::-1].copy()
        for op in UNARY:
            g.case(f"{op}_{d}", op, [x])
        if d in COMPLEX:
            for op in COMPLEX_ONLY:
                g.case(f"{op}_{d}", op, [x])
        for op in BINARY:
            g.case(f"{op}_{d}", op, [x, y])
    # Accuracy over many magnitudes for the real floats; the complex special values.
    for d in FLOATS:
        x, y = wide(d, 24, 3), wide(d, 24, 4)
        for op in UNARY[:19]:  # degrees and radians are rad2deg and deg2rad
            arg = np.abs(x) + 1 if op == "arccosh" else x
            arg = np.clip(arg, -1, 1) if op in ("arcsin", "arccos", "arctanh") else arg
            g.case(f"{op}_{d}_wide", op, [arg.astype(x.dtype)])
        for op in BINARY:
            g.case(f"{op}_{d}_wide", op, [x, y])
    for d in COMPLEX:
        z = special_grid(d)
        rng = np.random.default_rng(7)
        r = ((rng.standard_normal(24) + 1j * rng.standard_normal(24))
             * 10.0 ** rng.integers(-6, 6, 24)).astype(d)
        for op in UNARY[:17] + COMPLEX_ONLY:
            g.case(f"{op}_{d}_special", op, [z])
            g.case(f"{op}_{d}_wide", op, [r])
    # The dtype table of the binary functions (complex pairs are errors).
    small = {d: sample(d, 2, seed=5) for d in DTYPES}
    for d1 in DTYPES:
        for d2 in TABLE:
            g.case(f"arctan2_{d1}_{d2}", "arctan2", [small[d1], small[d2]])
    # Sizes around SIMD widths, contiguous.
    for d in ("float32", "float64"):
        x, y = wide(d, 67, 5), wide(d, 67, 6)
        for n in SIZES:
            g.case(f"sin_{d}_n{n}", "sin", [x[:n].copy()])
            g.case(f"log1p_{d}_n{n}", "log1p", [np.abs(x[:n])])
            g.case(f"hypot_{d}_n{n}", "hypot", [x[:n].copy(), y[:n].copy()])
    # Weak Python scalars (NEP 50) on either side, and scalar-only calls.
    for d in DTYPES:
        x = sample(d, 5, seed=3)
        for sname, s in SCALARS:
            g.case(f"arctan2_{d}_{sname}", "arctan2", [x, s])
            if d in ("int8", "uint64", "float16", "float32"):
                g.case(f"logaddexp_{sname}_{d}", "logaddexp", [s, x])
                g.case(f"hypot_{d}_{sname}", "hypot", [x, s])
    for sname, s in SCALARS:
        g.case(f"sin_{sname}", "sin", [s])
        g.case(f"deg2rad_{sname}", "deg2rad", [s])
        g.case(f"logaddexp2_{sname}_scalar", "logaddexp2", [s, 1.5])
    # Broadcasting across ranks, 0-d, empty, and the mismatch error.
    f8 = wide("float64", 24, 8)
    f4 = wide("float32", 24, 9)
    shapes = [((2, 3), (3,)), ((4, 1), (1, 5)), ((2, 1, 3), (4, 1)), ((), (3,)), ((0, 3), (3,)),
              ((3, 0), (3, 1)), ((1,), (2, 2, 2)), ((2, 3), (4,))]
    for k, (s1, s2) in enumerate(shapes):
        a = f8[:int(np.prod(s1))].reshape(s1)
        b = f4[:int(np.prod(s2))].reshape(s2)
        for op in BINARY:
            g.case(f"{op}_bcast{k}", op, [a, b])
        g.case(f"arctan2_bcast{k}_rev", "arctan2", [b, a])
    for op in ("sin", "arctanh", "log10", "radians"):
        g.case(f"{op}_0d", op, [np.array(0.25)])
        g.case(f"{op}_empty", op, [np.zeros((0, 3), dtype=np.float32)])
        g.case(f"{op}_size1", op, [np.array([[0.5]], dtype=np.float16)])
    g.case("sin_0d_c64", "sin", [np.array(1 + 1j, dtype=np.complex64)])
    # Views: transposed, reversed, strided, permuted.
    m = wide("float64", 24, 10).reshape(4, 6)
    t = sample("int16", 60, seed=11).reshape(3, 4, 5)
    c = sample("complex64", 24, seed=12).reshape(4, 6)
    g.case("sin_t", "sin", [V(m, "t")])
    g.case("tanh_rev0", "tanh", [V(m, "rev0")])
    g.case("expm1_step", "expm1", [V(m, "step")])
    g.case("arcsinh_perm", "arcsinh", [V(t, "perm201")])
    g.case("deg2rad_rev2", "deg2rad", [V(t, "rev2")])
    g.case("log_c64_t", "log", [V(c, "t")])
    g.case("sqrt_c64_rev1", "sqrt", [V(c, "rev1")])
    g.case("arccos_c64_step", "arccos", [V(c, "step")])
    g.case("arctan2_t_rev", "arctan2", [V(m, "t"), V(m.T.copy(), "rev1")])
    g.case("hypot_step", "hypot", [V(m, "step"), 0.5])
    g.case("logaddexp_perm", "logaddexp", [V(t, "perm120"), V(t, "perm120")])
    g.write()
