"""Array printing: NumPy's str() and repr() of a corpus of arrays, plus np.format_float_positional /
np.format_float_scientific of single floats.

cases.txt holds one record per array:
    case <name>
    dtype <numpy dtype name>
    shape <d0,d1,...>            (empty for 0-d)
    data <element bits ...>      (C order, hex of the raw bits; complex: re:im)
    ops <recipe>                 (views applied to the base, '-' for none; see apply())
    opts <key=value ...>         ('-' for defaults; sign is minus/plus/space)
    str <text>                   (backslash and newline escaped as \\\\ and \\n)
    repr <text>
    end

floats.txt holds one line per float conversion:
    <dtype> <hex bits> <pos|sci> <precision> <unique 0/1> <trim> <sign 0/1> <pad_left>
    <pad_right or exp_digits> <min_digits> <escaped result>
with -1 for "not given" and trim one of k . 0 -.
"""
import os

import numpy as np

try:
    import ml_dtypes

    BF16 = ml_dtypes.bfloat16
except ImportError:  # pragma: no cover
    BF16 = None

RNG = np.random.default_rng(20240601)
CASES = []


def add(name, arr, ops="-", **opts):
    CASES.append((name, np.asarray(arr) if not isinstance(arr, np.ndarray) else arr, ops, opts))


def apply(a, recipe):
    """Views: T, p:a,b,c (transpose), s:axis:start:stop:step (slice), i:axis:index."""
    if recipe == "-":
        return a
    for op in recipe.split():
        parts = op.split(":")
        k = parts[0]
        if k == "T":
            a = a.T
        elif k == "p":
            a = a.transpose([int(x) for x in parts[1].split(",")])
        elif k == "s":
            ax = int(parts[1])
            sl = [int(x) if x else None for x in parts[2:5]]
            idx = [slice(None)] * a.ndim
            idx[ax] = slice(*sl)
            a = a[tuple(idx)]
        elif k == "i":
            ax = int(parts[1])
            idx = [slice(None)] * a.ndim
            idx[ax] = int(parts[2])
            a = np.asarray(a[tuple(idx)])  # a full index gives a scalar; keep a 0-d array
        else:
            raise ValueError(op)
    return a


def bits(a):
    a = np.ascontiguousarray(a)
    flat = a.reshape(-1)
    if a.dtype == np.bool_:
        return ["1" if x else "0" for x in flat]
    if a.dtype.kind == "c":
        half = a.dtype.itemsize // 2
        u = flat.view(np.dtype(f"<u{half}")).reshape(-1, 2)
        return [f"{r:x}:{i:x}" for r, i in u]
    u = flat.view(np.dtype(f"<u{a.dtype.itemsize}"))
    return [f"{x:x}" for x in u]


def data_text(a):
    """Hex bits, or '@arange' (element k is k in the dtype) with 'index=bits' overrides."""
    h = bits(a)
    if a.dtype.kind in "iufc" and a.size > 50:
        ref = bits(np.arange(a.size).astype(a.dtype))
        diff = [k for k in range(a.size) if h[k] != ref[k]]
        if len(diff) <= 5:
            return " ".join(["@arange"] + [f"{k}={h[k]}" for k in diff])
    return " ".join(h)


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n")


SIGNS = {"-": "minus", "+": "plus", " ": "space"}


def opt_text(opts):
    if not opts:
        return "-"
    parts = []
    for k, v in opts.items():
        if k == "sign":
            v = SIGNS[v]
        elif isinstance(v, bool):
            v = int(v)
        parts.append(f"{k}={v}")
    return " ".join(parts)


# ----------------------------------------------------------------------------------- corpus

INT_TYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
FLOAT_TYPES = [np.float16, np.float32, np.float64]


def build():
    # Every dtype, 0-d to 2-d, small.
    for t in INT_TYPES:
        n = np.dtype(t).name
        info = np.iinfo(t)
        add(f"{n}_basic", np.array([0, 1, 2, 3], dtype=t))
        add(f"{n}_minmax", np.array([info.min, info.max, 0], dtype=t))
        add(f"{n}_0d", np.array(info.max, dtype=t))
        add(f"{n}_2d", np.arange(6, dtype=t).reshape(2, 3))
        if info.min < 0:
            add(f"{n}_neg", np.array([-5, 10, -100], dtype=t))
    add("bool_1d", np.array([True, False, True]))
    add("bool_0d_true", np.array(True))
    add("bool_0d_false", np.array(False))
    add("bool_2d", np.array([[True, False], [False, False]]))
    add("bool_all_false", np.zeros(4, dtype=bool))

    for t in FLOAT_TYPES:
        n = np.dtype(t).name
        add(f"{n}_basic", np.array([1.0, 2.0, 3.0], dtype=t))
        add(f"{n}_fracs", np.array([0.1, 0.2, 0.3, 0.25], dtype=t))
        add(f"{n}_neg", np.array([-1.5, 2.25, -0.0, 0.0], dtype=t))
        add(f"{n}_nonfinite", np.array([1.0, np.nan, np.inf, -np.inf], dtype=t))
        add(f"{n}_only_nan", np.array([np.nan, np.nan], dtype=t))
        add(f"{n}_inf_only", np.array([np.inf, -np.inf], dtype=t))
        add(f"{n}_thirds", (np.arange(1, 7, dtype=t) / t(3)).astype(t))
        add(f"{n}_0d", np.array(1 / 3, dtype=t))
        add(f"{n}_0d_int", np.array(2.0, dtype=t))
        add(f"{n}_0d_nan", np.array(np.nan, dtype=t))
        add(f"{n}_0d_neginf", np.array(-np.inf, dtype=t))
        add(f"{n}_0d_negzero", np.array(-0.0, dtype=t))
        add(f"{n}_0d_tiny", np.array(1.5e-5, dtype=t))
        add(f"{n}_0d_big", np.array(60000.0, dtype=t))
        add(f"{n}_exp_small", np.array([1e-5, 1.0], dtype=t))
        add(f"{n}_exp_spread", np.array([0.001, 2.0, 30.0], dtype=t))
        add(f"{n}_2d", (np.arange(6, dtype=t).reshape(2, 3) - t(2)) / t(4))
        add(f"{n}_pow2_exp", np.array([0.5, 1.2345e-3, 1024.0], dtype=t))
        add(f"{n}_random", RNG.standard_normal(7).astype(t))
    # float64 specifics: cutoffs, huge/tiny mixes, rounding carries.
    f = np.float64
    add("f64_1e8", np.array([1e8, 1.0]))
    add("f64_below_1e8", np.array([5e7, 1e5]))
    add("f64_1e4_edge", np.array([1e-4, 1e-3]))
    add("f64_just_below_1e4", np.array([np.nextafter(1e-4, 0), 1.0]))
    add("f64_huge_tiny", np.array([1e300, -1e-300, 1.0]))
    add("f64_subnormal", np.array([5e-324, 1.0]))
    add("f64_max", np.array([np.finfo(f).max, -np.finfo(f).max]))
    add("f64_min_normal", np.array([np.finfo(f).tiny, 1.0]))
    add("f64_e100", np.array([1e-100, 1.0, 1e100]))
    add("f64_cut8", np.array([0.1 + 0.2, 1.23456789012, 2.0]))
    add("f64_carry_up", np.array([9.9999999999, 1.0]))
    add("f64_carry_one", np.array([0.99999999999, -0.99999999999]))
    add("f64_tiny_round", np.array([1.00000000001, 2.0]))
    add("f64_exp_extend", np.array([1.5e-10, 0.1, 0.123456789]))
    add("f64_exp_nan", np.array([1e-10, np.nan, -np.inf, 1.0]))
    add("f64_mixed_nan_big", np.array([np.nan, 1e10]))
    add("f64_negzero_exp", np.array([-0.0, 1e-20]))
    add("f64_ints_large", np.array([12345678.0, 1.0, 1000.0]))
    add("f64_1e16", np.array([1e16, 1e-16]))
    add("f64_0d_1e16", np.array(1e16))
    add("f64_0d_almost_1e16", np.array(9999999999999998.0))
    add("f64_0d_1e-4", np.array(1e-4))
    add("f64_0d_big_exp", np.array(1.2345678901234567e300))
    add("f64_0d_subnormal", np.array(5e-324))
    add("f64_ties_even", np.array([0.125, 0.375, 2.5]))
    add("f64_random_big", RNG.standard_normal(12) * 1e5)
    add("f64_random_mixed", RNG.standard_normal(10) * 10.0 ** RNG.integers(-8, 8, 10))
    add("f64_pow2_ext", np.array([2.0**-20, 0.1234567, 3.0]))
    add("f64_1e23", np.array([1e23, 1.5]))
    # float32 / float16 cutoffs.
    add("f32_1e6", np.array([1e6, 1.0], dtype=np.float32))
    add("f32_below_1e6", np.array([999999.0, 1000.0], dtype=np.float32))
    add("f32_1e4", np.array([1e-4, 1e-3], dtype=np.float32))
    add("f32_0d_0.1", np.array(0.1, dtype=np.float32))
    add("f32_0d_1e6", np.array(1e6, dtype=np.float32))
    add("f32_0d_below_1e6", np.nextafter(np.float32(1e6), np.float32(0)).reshape(()))
    add("f32_tie", np.array([2327368.25, 1.0], dtype=np.float32))
    add("f32_pow2_ext", np.array([2.0**-10, 1.2345e-7], dtype=np.float32))
    add("f32_max", np.array([np.finfo(np.float32).max, 1.0], dtype=np.float32))
    add("f16_1e3", np.array([1000.0, 1.0], dtype=np.float16))
    add("f16_below_1e3", np.array([999.5, 2.0], dtype=np.float16))
    add("f16_max", np.array([65504.0, -65504.0], dtype=np.float16))
    add("f16_subnormal", np.array([6e-8, 6.1e-5, 1.0], dtype=np.float16))
    add("f16_0d_max", np.array(65504.0, dtype=np.float16))
    add("f16_0d_tenth", np.array(0.1, dtype=np.float16))
    add("f16_0d_1e-4", np.array(1e-4, dtype=np.float16))
    add("f16_0d_999", np.array(999.0, dtype=np.float16))

    # Complex.
    for t in [np.complex64, np.complex128]:
        n = np.dtype(t).name
        add(f"{n}_basic", np.array([1 + 2j, -3.5 - 0.5j, 0j], dtype=t))
        add(f"{n}_nonfinite", np.array([complex(np.nan, 1), complex(1, np.nan),
                                        complex(np.inf, -np.inf), complex(-np.inf, np.nan)], dtype=t))
        add(f"{n}_exp", np.array([1e-10 + 1j, 1e5 - 2j], dtype=t))
        add(f"{n}_0d", np.array(1 + 2j, dtype=t))
        add(f"{n}_0d_imag", np.array(1j, dtype=t))
        add(f"{n}_0d_negimag", np.array(complex(-0.0, -1.0), dtype=t))
        add(f"{n}_0d_zero_negimag", np.array(complex(0.0, -0.0), dtype=t))
        add(f"{n}_0d_nan", np.array(complex(np.nan, np.inf), dtype=t))
        add(f"{n}_0d_imag_nan", np.array(complex(0.0, np.nan), dtype=t))
        add(f"{n}_0d_big", np.array(1e20 + 1e-20j, dtype=t))
        add(f"{n}_0d_fracs", np.array(0.1 + 0.2j, dtype=t))
        add(f"{n}_2d", (np.arange(6).reshape(2, 3) * (1 - 0.5j)).astype(t))
    add("c128_big_small", np.array([1e20j, 1 + 0j, 1e-20 + 5j]))
    add("c128_random", (RNG.standard_normal(6) + 1j * RNG.standard_normal(6)))

    # bfloat16 (ml_dtypes prints each element with %g).
    if BF16 is not None:
        add("bf16_basic", np.array([1, 2.5, 100, 0.1, 1e-5, 3e20, -7], dtype=BF16))
        add("bf16_nonfinite", np.array([np.nan, np.inf, -np.inf, -0.0], dtype=BF16))
        add("bf16_2d", np.array([[1, 2], [3, 4]], dtype=BF16))
        add("bf16_0d", np.array(0.1, dtype=BF16))
        add("bf16_0d_int", np.array(3.0, dtype=BF16))
        add("bf16_ties", np.array([2.0**-9, 3 * 2.0**-8, 123456, 1e-30, 65504, 1e38], dtype=BF16))
        add("bf16_summary", np.arange(2000).astype(BF16))
        add("bf16_wrap", np.linspace(-3, 3, 30).astype(BF16))
        add("bf16_empty", np.zeros((0, 2), dtype=BF16))

    # NaNs with the sign bit set print unsigned.
    add("negnan_f64", np.array([0xFFF8000000000000, 0x3FF0000000000000], dtype=np.uint64).view(np.float64))
    add("negnan_f32_0d", np.array(0xFFC00000, dtype=np.uint32).view(np.float32))
    add("negnan_f16", np.array([0xFE00, 0x3C00], dtype=np.uint16).view(np.float16))
    add("negnan_c128", np.array([0xFFF8000000000000, 0xFFF8000000000000], dtype=np.uint64).view(np.complex128))
    add("negnan_c128_0d", np.array([0x3FF0000000000000, 0xFFF8000000000000], dtype=np.uint64)
        .view(np.complex128).reshape(()))
    if BF16 is not None:
        add("negnan_bf16", np.array([0xFFC0, 0x3F80], dtype=np.uint16).view(BF16))
        add("negnan_bf16_0d", np.array(0xFFC0, dtype=np.uint16).view(BF16))

    # Empty arrays.
    add("empty_f64", np.array([]))
    add("empty_f64_0x3", np.zeros((0, 3)))
    add("empty_i32_3x0", np.zeros((3, 0), dtype=np.int32))
    add("empty_bool", np.zeros(0, dtype=bool))
    add("empty_i64", np.zeros(0, dtype=np.int64))
    add("empty_c64_3d", np.zeros((2, 0, 4), dtype=np.complex64))
    add("empty_f16", np.zeros(0, dtype=np.float16))

    # Higher dimensions.
    add("i64_3d", np.arange(24).reshape(2, 3, 4))
    add("f64_3d", np.arange(24).reshape(2, 3, 4) / 7)
    add("i64_4d", np.arange(16).reshape(2, 2, 2, 2))
    add("f32_4d", (np.arange(24, dtype=np.float32).reshape(1, 2, 3, 4) - 5) * np.float32(1.5))
    add("i64_size1", np.array([[[7]]]))
    add("f64_size1_axes", np.arange(6.0).reshape(3, 1, 2))
    add("bool_3d", np.arange(12).reshape(2, 3, 2) % 3 == 0)
    add("c128_3d", (np.arange(8) * (1 + 1j)).reshape(2, 2, 2))

    # Wide arrays that wrap.
    add("i64_wrap", np.arange(100))
    add("f64_wrap", np.arange(40.0))
    add("f64_wrap_linspace", np.linspace(0, 1, 30))
    add("f64_wrap_random", RNG.standard_normal(40))
    add("f32_wrap_exp", (RNG.standard_normal(25) * 1e-6).astype(np.float32))
    add("i8_wrap", np.arange(-100, 100, dtype=np.int8))
    add("u64_wrap", np.array([np.iinfo(np.uint64).max] * 12, dtype=np.uint64))
    add("c128_wrap", np.arange(15) * (1 + 0.5j))
    add("bool_wrap", np.arange(50) % 2 == 0)
    add("f64_2d_wrap", np.arange(90.0).reshape(3, 30) / 3)
    add("i32_3d_wrap", np.arange(120, dtype=np.int32).reshape(2, 2, 30))

    # Summarised arrays (more than threshold elements).
    add("i64_2000", np.arange(2000))
    add("i64_1001", np.arange(1001))
    add("i64_1000", np.arange(1000))
    add("f64_40x50", np.arange(2000.0).reshape(40, 50))
    add("i64_20x20x20", np.arange(8000).reshape(20, 20, 20))
    add("f64_2x2000", np.arange(4000.0).reshape(2, 2000))
    add("f64_2000x2", np.arange(4000.0).reshape(2000, 2))
    add("bool_1500", np.arange(1500) % 3 == 0)
    add("c64_1001", (np.arange(1001) * (1 - 1j)).astype(np.complex64))
    add("f32_1100", RNG.standard_normal(1100).astype(np.float32))
    add("i16_4d_summary", np.arange(10000, dtype=np.int16).reshape(10, 10, 10, 10))
    big = np.arange(2000.0)
    big[1] = np.nan
    big[-1] = np.inf
    big[1000] = 1e-30  # hidden in the middle: does not affect the format
    add("f64_summary_nan", big)
    add("f64_summary_exp", np.logspace(-10, 10, 1001))

    # Views: non-contiguous and negative strides.
    base = np.arange(12.0).reshape(3, 4) - 5.5
    add("view_T", base, "T")
    add("view_rev", base, "s:0:::-1")
    add("view_cols_step", base, "s:1:::-2")
    add("view_row", base, "i:0:1")
    add("view_col", base, "i:1:-1")
    add("view_3d_perm", np.arange(24).reshape(2, 3, 4), "p:2,0,1")
    add("view_3d_rev_all", np.arange(24).reshape(2, 3, 4), "s:0:::-1 s:1:::-1 s:2:::-1")
    add("view_summary_step", np.arange(6000), "s:0:::-2")
    add("view_summary_T", np.arange(4000).reshape(2, 2000), "T")
    add("view_c64_T", (np.arange(6) * (1 + 2j)).astype(np.complex64).reshape(2, 3), "T s:0:::-1")
    add("view_bool_step", np.arange(10) % 3 == 0, "s:0:1::3")
    add("view_0d_index", np.arange(5.0), "i:0:2")

    # Non-default options.
    add("opt_precision3", np.array([1 / 3, 2.0, 1e-4 * 3]), precision=3)
    add("opt_precision3_exp", np.array([1 / 3, 2e10]), precision=3)
    add("opt_precision0", np.array([0.5, 1.5, 2.5, 3.7]), precision=0)
    add("opt_precision12", np.array([1 / 3, 2.0]), precision=12)
    add("opt_suppress", np.array([1e-10, 1.0, 2.5]), suppress=True)
    add("opt_suppress_neg", np.array([-1e-10, 1.0]), suppress=True)
    add("opt_suppress_big", np.array([1e-10, 1e9]), suppress=True)
    add("opt_suppress_c128", np.array([1e-10 + 1j, 2.0 - 1e-12j]), suppress=True)
    add("opt_threshold5", np.arange(10), threshold=5)
    add("opt_threshold5_exact6", np.arange(6), threshold=5)
    add("opt_threshold0_0d", np.array(1.5), threshold=0)
    add("opt_threshold_2d", np.arange(64.0).reshape(8, 8), threshold=10)
    add("opt_edge1", np.arange(2000).reshape(2, 1000), edgeitems=1)
    add("opt_edge0", np.arange(2000), edgeitems=0)
    add("opt_edge0_2d", np.arange(2000).reshape(20, 100), edgeitems=0)
    add("opt_linewidth40", np.arange(30.0) / 3, linewidth=40)
    add("opt_linewidth40_i", np.arange(50), linewidth=40)
    add("opt_linewidth40_2d", np.arange(40).reshape(2, 20), linewidth=40)
    add("opt_linewidth40_dtype", np.arange(12, dtype=np.int32), linewidth=40)
    add("opt_linewidth10", np.array([123456789.0, 1.0]), linewidth=10)
    add("opt_linewidth200", np.arange(100), linewidth=200)
    add("opt_sign_plus_f", np.array([1.0, -2.5, 0.0]), sign="+")
    add("opt_sign_plus_i", np.array([1, -2, 30]), sign="+")
    add("opt_sign_plus_u", np.array([5, 10], dtype=np.uint8), sign="+")
    add("opt_sign_space_f", np.array([1.0, 2.5]), sign=" ")
    add("opt_sign_space_fneg", np.array([1.0, -2.5]), sign=" ")
    add("opt_sign_space_i", np.array([1, 20]), sign=" ")
    add("opt_sign_space_ineg", np.array([-1, 20]), sign=" ")
    add("opt_sign_plus_c", np.array([1 + 1j, -2 - 2j]), sign="+")
    add("opt_sign_plus_nan", np.array([np.nan, np.inf, 1.0]), sign="+")
    add("opt_sign_space_inf", np.array([np.inf, 1.0]), sign=" ")
    add("opt_fixed", np.array([0.5, 0.25, 1 / 3]), floatmode="fixed")
    add("opt_fixed_p3", np.array([0.5, 1e-5, 12.0]), floatmode="fixed", precision=3)
    add("opt_fixed_exp", np.array([1.5e-10, 1.0]), floatmode="fixed")
    add("opt_unique", np.array([1 / 3, 0.1, 1e-3]), floatmode="unique")
    add("opt_unique_suppress", np.array([1e-20, 1.0]), floatmode="unique", suppress=True)
    add("opt_unique_exp", np.array([1 / 3, 1e-10]), floatmode="unique")
    add("opt_maxprec_equal", np.array([0.5, 0.25, 1.0]), floatmode="maxprec_equal")
    add("opt_maxprec_equal_f32", np.array([0.1, 1 / 3], dtype=np.float32), floatmode="maxprec_equal")
    add("opt_maxprec_equal_pow2", np.array([0.5, 0.1234], dtype=np.float32), floatmode="maxprec_equal",
        precision=6)
    add("opt_nanstr", np.array([np.nan, np.inf, -np.inf, 1.0]), nanstr="NaN", infstr="Infinity")
    add("opt_nanstr_c", np.array([complex(np.nan, np.inf)]), nanstr="NaN", infstr="Inf")
    add("opt_mix", RNG.standard_normal((4, 6)) * 100, precision=2, linewidth=40, sign=" ")
    add("opt_repr_extras_wrap", np.arange(2000, dtype=np.int16), linewidth=40)
    add("opt_c64_p2", np.array([1 / 3 + 2j / 3, 1e-3j], dtype=np.complex64), precision=2)
    add("opt_c128_fixed", np.array([1 / 3 + 2j, 1e-3 - 1e-5j]), floatmode="fixed", precision=4)
    add("opt_f16_fixed", np.array([0.1, 1 / 3, 3.0], dtype=np.float16), floatmode="fixed")
    add("opt_f32_unique", np.array([0.1, 1 / 3, 3.0], dtype=np.float32), floatmode="unique")

    # Random arrays of every dtype under random options.
    fuzz_cases(90)


ALL_DTYPES = [np.bool_] + INT_TYPES + FLOAT_TYPES + [np.complex64, np.complex128]


def fuzz_values(dt, n):
    """n values of dtype dt: ordinary numbers at one random scale, sprinkled with edge values."""
    dt = np.dtype(dt)
    if dt.kind == "b":
        return RNG.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        if RNG.random() < 0.3:
            return RNG.integers(info.min, info.max, n, endpoint=True, dtype=dt)
        lo = 0 if dt.kind == "u" else -50
        return RNG.integers(lo, 50, n).astype(dt)
    real = np.dtype(dt.char.lower()) if dt.kind == "c" else dt
    if real.kind == "c":
        real = np.dtype(np.float32 if dt == np.complex64 else np.float64)

    def part():
        top = 4 if real == np.float16 else 12
        lo, hi = sorted(RNG.integers(-top, top, 2))
        v = RNG.standard_normal(n) * 10.0 ** RNG.integers(lo, hi + 1, n)
        if RNG.random() < 0.3:
            v = np.round(v)
        for special in [0.0, -0.0, np.nan, np.inf, -np.inf, 1e-9, 0.5]:
            if RNG.random() < 0.12:
                v[RNG.integers(0, n)] = special
        return v.astype(real)

    if dt.kind == "c":
        c = np.empty(n, dtype=dt)
        c.real, c.imag = part(), part()  # no complex multiply: keeps inf/nan parts apart
        return c
    return part()


def fuzz_cases(count):
    for k in range(count):
        dt = ALL_DTYPES[k % len(ALL_DTYPES)]
        ndim = int(RNG.integers(0, 4))
        shape = tuple(int(x) for x in RNG.integers(1, 5, ndim))
        if ndim and RNG.random() < 0.3:
            shape = shape[:-1] + (int(RNG.integers(8, 24)),)
        n = int(np.prod(shape))
        a = fuzz_values(dt, n).reshape(shape)
        ops = "-"
        if ndim >= 2 and RNG.random() < 0.3:
            ops = "T"
        elif ndim >= 1 and RNG.random() < 0.3:
            ops = f"s:{ndim - 1}:::-2"
        opts = {}
        if RNG.random() < 0.5:
            pool = {
                "precision": lambda: int(RNG.integers(0, 11)),
                "suppress": lambda: bool(RNG.integers(0, 2)),
                "sign": lambda: ["-", "+", " "][RNG.integers(0, 3)],
                "floatmode": lambda: ["fixed", "unique", "maxprec", "maxprec_equal"][RNG.integers(0, 4)],
                "linewidth": lambda: int(RNG.integers(20, 100)),
                "threshold": lambda: int(RNG.integers(3, 30)),
                "edgeitems": lambda: int(RNG.integers(1, 4)),
            }
            for key in RNG.choice(list(pool), int(RNG.integers(1, 4)), replace=False):
                opts[str(key)] = pool[key]()
        add(f"fuzz_{k:03d}_{np.dtype(dt).name}", a, ops, **opts)


def record(name, base, ops, opts):
    a = apply(base, ops)
    np_opts = dict(opts)
    with np.printoptions(**np_opts):
        s, r = str(a), repr(a)
    shape = ",".join(str(d) for d in base.shape)
    lines = [
        f"case {name}",
        f"dtype {base.dtype.name}",
        f"shape {shape}",
        "data " + data_text(base),
        f"ops {ops}",
        f"opts {opt_text(opts)}",
        f"str {esc(s)}",
        f"repr {esc(r)}",
        "end",
    ]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- single floats

def float_values(t, n):
    u = np.dtype(f"<u{np.dtype(t).itemsize}")
    raw = RNG.integers(0, np.iinfo(u).max, n, dtype=u, endpoint=True).view(t)
    raw = raw[np.isfinite(raw)][: n // 2]
    scale = 10.0 ** RNG.integers(-6, 7, n) if t != np.float16 else 10.0 ** RNG.integers(-6, 4, n)
    nice = (RNG.standard_normal(n) * scale).astype(t)
    special = np.array([0.0, -0.0, 1.0, 0.5, 0.1, 1 / 3, 2.0**-10, 1e-5, 123.456, 0.125], dtype=t)
    return np.concatenate([special, raw, nice[: n - len(raw)]])


def float_lines():
    out = []
    combos_pos = [  # precision, unique, trim, sign, pad_left, pad_right, min_digits
        (-1, 1, "k", 0, -1, -1, -1),
        (8, 1, ".", 0, -1, -1, -1),
        (8, 1, ".", 1, 4, 10, 0),
        (3, 0, "k", 0, -1, -1, -1),
        (5, 1, "k", 0, -1, -1, 5),
        (-1, 1, "0", 0, -1, -1, -1),
        (-1, 1, "-", 0, -1, -1, -1),
    ]
    combos_sci = [  # precision, unique, trim, sign, pad_left, exp_digits, min_digits
        (-1, 1, ".", 0, -1, -1, -1),
        (8, 1, ".", 0, -1, -1, -1),
        (6, 1, "k", 1, 3, 3, 6),
        (4, 0, "k", 0, -1, -1, -1),
        (-1, 1, "-", 0, -1, -1, -1),
        (2, 1, "k", 0, -1, -1, 2),
    ]
    for t, n in [(np.float16, 40), (np.float32, 60), (np.float64, 60)]:
        name = np.dtype(t).name
        u = np.dtype(f"<u{np.dtype(t).itemsize}")
        for k, x in enumerate(float_values(t, n)):
            hx = f"{np.array(x, dtype=t).view(u).item():x}"
            p, uq, tr, sg, pl, pr, md = combos_pos[k % len(combos_pos)]
            s = np.format_float_positional(x, precision=None if p < 0 else p, unique=bool(uq), trim=tr,
                                           sign=bool(sg), pad_left=None if pl < 0 else pl,
                                           pad_right=None if pr < 0 else pr,
                                           min_digits=None if md < 0 else md)
            out.append(f"{name} {hx} pos {p} {uq} {tr} {sg} {pl} {pr} {md} {esc(s)}")
            p, uq, tr, sg, pl, ed, md = combos_sci[k % len(combos_sci)]
            s = np.format_float_scientific(x, precision=None if p < 0 else p, unique=bool(uq), trim=tr,
                                           sign=bool(sg), pad_left=None if pl < 0 else pl,
                                           exp_digits=None if ed < 0 else ed,
                                           min_digits=None if md < 0 else md)
            out.append(f"{name} {hx} sci {p} {uq} {tr} {sg} {pl} {ed} {md} {esc(s)}")
    return "\n".join(out) + "\n"


def generate(out_dir):
    global RNG
    RNG = np.random.default_rng(20240601)  # the same data on every run
    CASES.clear()
    build()
    names = [c[0] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    with open(os.path.join(out_dir, "cases.txt"), "w") as f:
        f.write("# numox printing golden cases, written by scripts/golden/printing.py\n")
        for name, base, ops, opts in CASES:
            f.write(record(name, base, ops, opts))
    with open(os.path.join(out_dir, "floats.txt"), "w") as f:
        f.write(float_lines())
