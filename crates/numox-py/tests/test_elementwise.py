"""numox's elementwise functions against NumPy 2: values, dtypes, shapes, errors."""

import numpy as np
import numox as nx
import pytest
from _helpers import ALL, FLOAT, INT, NUMERIC, check, nxa, sample, same_outcome

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

UNARY = (
    "abs absolute acos arccos acosh arccosh asin arcsin asinh arcsinh atan arctan atanh arctanh "
    "bitwise_invert invert bitwise_not ceil conj conjugate cos cosh exp exp2 expm1 floor imag "
    "isfinite isinf isnan isposinf isneginf log log1p log2 log10 logical_not negative positive "
    "real reciprocal sign signbit sin sinh square sqrt cbrt tan tanh trunc fix rint deg2rad "
    "rad2deg degrees radians round"
).split()

BINARY = (
    "add atan2 arctan2 bitwise_and bitwise_left_shift left_shift bitwise_or bitwise_right_shift "
    "right_shift bitwise_xor copysign divide true_divide equal floor_divide greater greater_equal "
    "hypot less less_equal logaddexp logaddexp2 logical_and logical_or logical_xor maximum "
    "minimum fmax fmin multiply not_equal pow power float_power remainder mod fmod heaviside "
    "subtract nextafter"
).split()

# numpy's SIMD loops for these differ from libm by a few ulp
LOOSE = {"float32": 1e-5, "complex64": 1e-5, "float64": 1e-13, "complex128": 1e-13}


def _rtol(dtype):
    return LOOSE.get(np.dtype(dtype).name)


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("dtype", ALL)
def test_unary(name, dtype):
    a = sample(dtype, (3, 4))
    if name in ("isposinf", "isneginf") and np.dtype(dtype).kind == "c":
        pytest.skip("NumPy raises inside its Python code")
    same_outcome(lambda: getattr(nx, name)(nxa(a)), lambda: getattr(np, name)(a), _rtol(dtype))


@pytest.mark.parametrize("name", ["sin", "abs", "negative", "isnan", "sqrt", "floor", "sign"])
@pytest.mark.parametrize("shape", [(), (0,), (1, 1), (2, 0, 3), (5, 1, 2)])
def test_unary_shapes(name, shape):
    a = sample("float64", shape) if shape else np.array(-2.5)
    check(getattr(nx, name)(nxa(a)), getattr(np, name)(a))


def test_unary_noncontiguous_and_numpy_input():
    a = sample("float64", (6, 8))
    v = a[::2, ::-3]
    check(nx.exp(v), np.exp(v))
    check(nx.exp(nxa(a).T), np.exp(a.T))
    check(nx.sin(nxa(a)[1::2]), np.sin(a[1::2]))
    check(nx.abs([1, -2, 3]), np.abs([1, -2, 3]))
    check(nx.sqrt(4.0), np.sqrt(4.0))
    check(nx.negative(3), np.negative(3))


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("dtype", ALL)
def test_binary_same_dtype(name, dtype):
    a = sample(dtype, (3, 4), seed=1)
    b = sample(dtype, (4,), seed=2)
    if name in ("bitwise_left_shift", "left_shift", "bitwise_right_shift", "right_shift"):
        b = (np.abs(b.astype(np.int64)) % 9).astype(dtype) if np.dtype(dtype).kind in "iu" else b
    if name in ("pow", "power") and np.dtype(dtype).kind in "iu":
        a = a % 4
        b = np.abs(b) % 5
    same_outcome(
        lambda: getattr(nx, name)(nxa(a), nxa(b)),
        lambda: getattr(np, name)(a, b),
        _rtol(dtype),
    )


MIXED = [
    ("int8", "uint8"),
    ("int16", "float32"),
    ("uint64", "int64"),
    ("int32", "float64"),
    ("bool", "int8"),
    ("float32", "complex64"),
    ("float32", "float64"),
    ("uint32", "complex128"),
    ("bool", "float32"),
]


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "divide", "floor_divide",
                                  "remainder", "maximum", "minimum", "equal", "less",
                                  "atan2", "hypot", "copysign", "logaddexp", "nextafter",
                                  "bitwise_and", "bitwise_xor", "pow"])
@pytest.mark.parametrize("d1,d2", MIXED)
def test_binary_mixed(name, d1, d2):
    a = np.abs(sample(d1, (2, 3), seed=3)) if name == "pow" else sample(d1, (2, 3), seed=3)
    b = sample(d2, (2, 1), seed=4)
    if name == "pow" and np.dtype(d2).kind in "iu":
        b = np.abs(b) % 4
    same_outcome(
        lambda: getattr(nx, name)(nxa(a), nxa(b)),
        lambda: getattr(np, name)(a, b),
        1e-5,
    )


SCALARS = [True, 3, -2, 2.5, -0.0, 1 + 2j, 300, 2**40]


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "divide", "equal", "less",
                                  "maximum", "pow", "copysign", "nextafter", "bitwise_or",
                                  "floor_divide", "remainder", "logical_and", "atan2"])
@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int64", "float32", "float64",
                                   "complex64"])
@pytest.mark.parametrize("s", SCALARS, ids=repr)
def test_binary_python_scalars(name, dtype, s):
    a = sample(dtype, (5,), seed=5)
    if name == "pow" and np.dtype(dtype).kind in "iu":
        a = np.abs(a) % 3
        if isinstance(s, int) and not isinstance(s, bool) and (s < 0 or s > 10):
            s = 2
    same_outcome(lambda: getattr(nx, name)(nxa(a), s), lambda: getattr(np, name)(a, s), 1e-5)
    same_outcome(lambda: getattr(nx, name)(s, nxa(a)), lambda: getattr(np, name)(s, a), 1e-5)


@pytest.mark.parametrize("name", ["add", "divide", "pow", "less", "maximum", "nextafter"])
def test_binary_two_scalars(name):
    for s, t in [(1, 2), (1.5, 2), (True, False), (2, 0.5), (1j, 2)]:
        same_outcome(lambda: getattr(nx, name)(s, t), lambda: getattr(np, name)(s, t))


@pytest.mark.parametrize("sa,sb", [((), ()), ((0,), (1,)), ((3, 1), (1, 4)), ((2, 0, 3), (3,)),
                                    ((1,), ()), ((4, 1, 2), (3, 1))])
def test_binary_broadcast(sa, sb):
    a = sample("float64", sa, seed=6) if sa else np.array(1.5)
    b = sample("float64", sb, seed=7) if sb else np.array(-2.0)
    for name in ["add", "multiply", "greater", "hypot", "nextafter"]:
        check(getattr(nx, name)(nxa(a), nxa(b)), getattr(np, name)(a, b))


def test_broadcast_error():
    with pytest.raises(ValueError):
        nx.add(nxa(np.ones((2, 3))), nxa(np.ones((4,))))
    with pytest.raises(ValueError):
        np.add(np.ones((2, 3)), np.ones((4,)))


def test_bool_errors():
    b = np.array([True, False])
    for name in ["negative", "subtract"]:
        args = (b,) if name == "negative" else (b, b)
        same_outcome(lambda: getattr(nx, name)(*map(nxa, args)), lambda: getattr(np, name)(*args))


def test_weak_scalar_overflow():
    a = np.array([1, 2], np.int8)
    same_outcome(lambda: nx.add(nxa(a), 300), lambda: np.add(a, 300))
    same_outcome(lambda: nx.equal(nxa(a), 300), lambda: np.equal(a, 300))


@pytest.mark.parametrize("dtype", FLOAT + ["float16", "int8", "int32", "int64", "bool"])
def test_nextafter(dtype):
    a = sample(dtype, (14,), seed=8)
    b = sample(dtype, (14,), seed=9)
    for x, y in [(a, b), (a, np.zeros_like(a)), (np.zeros_like(a), a), (a, a[::-1])]:
        same_outcome(lambda: nx.nextafter(nxa(x), nxa(y)), lambda: np.nextafter(x, y), 0)
    a = np.array([np.finfo(np.float64).max, -0.0, 0.0, np.inf, np.nan, 1.0])
    b = np.array([np.inf, 1.0, -1.0, 0.0, 1.0, np.nan])
    check(nx.nextafter(nxa(a), nxa(b)), np.nextafter(a, b), 0)
    with pytest.raises(TypeError):
        nx.nextafter(nxa(np.ones(2, np.complex128)), 1.0)


@pytest.mark.parametrize("dtype", ALL)
def test_clip(dtype):
    a = sample(dtype, (3, 4), seed=10)
    if np.dtype(dtype).kind == "c":
        pytest.skip("complex clip is not ordered")
    check(nx.clip(nxa(a)), a.copy())  # NumPy's positive() refuses booleans here
    for lo, hi in [(0, None), (None, 5), (-2, 3), (1, 1)]:
        if dtype == "bool" and lo is not None:
            lo = bool(lo)
        if dtype == "bool" and hi is not None:
            hi = bool(hi)
        same_outcome(lambda: nx.clip(nxa(a), lo, hi), lambda: np.clip(a, lo, hi))
    lo_arr = sample(dtype, (4,), seed=11)
    same_outcome(lambda: nx.clip(nxa(a), min=nxa(lo_arr)), lambda: np.clip(a, min=lo_arr))


@pytest.mark.parametrize("dtype", NUMERIC)
@pytest.mark.parametrize("decimals", [0, 1, -1, 3])
def test_round(dtype, decimals):
    a = sample(dtype, (12,), seed=12) * (7 if np.dtype(dtype).kind != "u" else 1)
    a = a.astype(dtype)
    same_outcome(lambda: nx.around(nxa(a), decimals=decimals), lambda: np.round(a, decimals))
    same_outcome(lambda: nx.around(nxa(a), decimals), lambda: np.around(a, decimals))


def test_isclose_allclose_nan_to_num():
    a = np.array([1.0, np.nan, np.inf, -np.inf, 1e-9, 2.0])
    b = np.array([1.0 + 1e-6, np.nan, np.inf, np.inf, 0.0, 2.1])
    for kw in [{}, {"equal_nan": True}, {"rtol": 0.1}, {"atol": 0.0}]:
        check(nx.isclose(nxa(a), nxa(b), **kw), np.isclose(a, b, **kw))
        assert nx.allclose(nxa(a), nxa(b), **kw) == np.allclose(a, b, **kw)
    assert nx.allclose(nxa(a[:1]), 1.0) is True
    for kw in [{}, {"nan": 5.0}, {"posinf": 9.0, "neginf": -9.0}]:
        check(nx.nan_to_num(nxa(a), **kw), np.nan_to_num(a, **kw))
    c = np.array([complex(np.nan, np.inf), 1 + 2j])
    check(nx.nan_to_num(nxa(c)), np.nan_to_num(c))
    x = nxa(a)
    r = nx.nan_to_num(x, copy=False)
    assert r is x
    check(x, np.nan_to_num(a))
    check(nx.nan_to_num(nxa(np.arange(3))), np.nan_to_num(np.arange(3)))


def test_angle():
    z = sample("complex128", (6,), seed=13)
    check(nx.angle(nxa(z)), np.angle(z))
    check(nx.angle(nxa(z), deg=True), np.angle(z, deg=True))
    check(nx.angle(nxa(np.array([1.0, -1.0]))), np.angle(np.array([1.0, -1.0])))


def test_integer_power_negative_error():
    a = np.array([1, 2, 3])
    same_outcome(lambda: nx.pow(nxa(a), -1), lambda: np.power(a, -1))
    same_outcome(lambda: nx.pow(nxa(a), nxa(np.array([-1]))), lambda: np.power(a, np.array([-1])))


@pytest.mark.parametrize("dtype", INT)
def test_integer_division_by_zero(dtype):
    a = sample(dtype, (6,), seed=14)
    b = np.zeros(6, dtype)
    for name in ["floor_divide", "remainder", "fmod", "divide"]:
        same_outcome(lambda: getattr(nx, name)(nxa(a), nxa(b)), lambda: getattr(np, name)(a, b))


def test_numpy_inputs_are_accepted():
    a = np.arange(5.0)
    check(nx.add(a, a), np.add(a, a))
    check(nx.add([1, 2], 3), np.add([1, 2], 3))
    check(nx.multiply(a[::2], 2), np.multiply(a[::2], 2))


def test_large_arrays_release_gil():
    a = np.linspace(-3, 3, 100_000)
    check(nx.sin(nxa(a)), np.sin(a), 1e-13)
    check(nx.add(nxa(a), 1.5), a + 1.5)
    check(nx.nextafter(nxa(a), 0.0), np.nextafter(a, 0.0), 0)
    check(nx.clip(nxa(a), -1, 1), np.clip(a, -1, 1))


try:
    from hypothesis import given, settings, strategies as st
    from hypothesis.extra import numpy as hnp
except ImportError:  # pragma: no cover
    given = None

if given is not None:

    @settings(max_examples=60, deadline=None)
    @given(
        data=st.data(),
        dtype=st.sampled_from(["int8", "uint16", "int64", "float32", "float64", "bool"]),
        name=st.sampled_from(["add", "multiply", "maximum", "less_equal", "bitwise_xor",
                              "copysign", "floor_divide", "logaddexp"]),
    )
    def test_binary_hypothesis(data, dtype, name):
        shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4))
        a = data.draw(hnp.arrays(dtype, shapes.input_shapes[0]))
        b = data.draw(hnp.arrays(dtype, shapes.input_shapes[1]))
        same_outcome(lambda: getattr(nx, name)(nxa(a), nxa(b)), lambda: getattr(np, name)(a, b), 1e-5)
