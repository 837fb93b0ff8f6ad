"""numox's statistical functions and reduction methods against NumPy 2."""

import numpy as np
import numox as nx
import pytest
from _helpers import ALL, FLOAT, NUMERIC, REAL, check, nxa, sample, same_outcome

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

AXES = [None, 0, -1, 1, (0, 2), (), (-1, 0, 1)]


def _arr(dtype, shape=(3, 4, 2), seed=0, special=False):
    return sample(dtype, shape, seed=seed, special=special)


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "all", "any"])
@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("axis", AXES, ids=repr)
def test_reductions(name, dtype, axis):
    a = _arr(dtype)
    if name == "prod" and np.dtype(dtype).kind in "iu":
        a = (a % 3).astype(dtype)
    for keepdims in (False, True):
        same_outcome(
            lambda: getattr(nx, name)(nxa(a), axis=axis, keepdims=keepdims),
            lambda: getattr(np, name)(a, axis=axis, keepdims=keepdims),
            1e-5,
        )
        same_outcome(
            lambda: getattr(nxa(a), name)(axis=axis, keepdims=keepdims),
            lambda: getattr(a, name)(axis=axis, keepdims=keepdims),
            1e-5,
        )


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "all", "any", "std", "var",
                                  "count_nonzero"])
@pytest.mark.parametrize("shape,axis", [((0,), None), ((0, 3), 0), ((0, 3), 1), ((), None),
                                        ((1, 1), -1), ((2, 3), 2), ((2, 3), -3), ((2, 3), (0, 0))])
def test_reduction_edges(name, shape, axis):
    a = _arr("float64", shape) if shape else np.array(2.5)
    same_outcome(lambda: getattr(nx, name)(nxa(a), axis=axis), lambda: getattr(np, name)(a, axis=axis))


def test_reduction_noncontiguous_and_numpy_input():
    a = _arr("float64", (6, 8), special=True)
    v = a[::2, ::-3]
    check(nx.sum(v, axis=0), np.sum(v, axis=0))
    check(nx.max(nxa(a).T, axis=1), np.max(a.T, axis=1))
    check(nx.mean([1, 2, 3, 4]), np.mean([1, 2, 3, 4]))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int32", "float32", "bool", "complex64"])
@pytest.mark.parametrize("to", ["int8", "int64", "uint64", "float32", "float64", "complex128"])
def test_sum_prod_dtype(dtype, to):
    if np.dtype(dtype).kind in "fc" and np.dtype(to).kind in "iu":
        pytest.skip("float to integer casts of negative/fractional values are platform-defined")
    a = _arr(dtype, (4, 5))
    for name in ["sum", "prod"]:
        same_outcome(lambda: getattr(nx, name)(nxa(a), dtype=getattr(nx, to)),
                     lambda: getattr(np, name)(a, dtype=to), 1e-5)
        same_outcome(lambda: getattr(nx, name)(nxa(a), axis=1, dtype=to),
                     lambda: getattr(np, name)(a, axis=1, dtype=to), 1e-5)


@pytest.mark.parametrize("name", ["std", "var"])
@pytest.mark.parametrize("dtype", NUMERIC + ["bool"])
@pytest.mark.parametrize("correction", [0, 1, 0.5, 2.0, 5])
def test_std_var(name, dtype, correction):
    a = _arr(dtype, (3, 4))
    for axis in [None, 0, 1, (0, 1)]:
        for keepdims in (False, True):
            same_outcome(
                lambda: getattr(nx, name)(nxa(a), axis=axis, correction=correction, keepdims=keepdims),
                lambda: getattr(np, name)(a, axis=axis, ddof=correction, keepdims=keepdims),
                1e-5,
            )
    same_outcome(lambda: getattr(nxa(a), name)(ddof=correction, axis=0),
                 lambda: getattr(a, name)(ddof=correction, axis=0), 1e-5)


@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
@pytest.mark.parametrize("dtype", ALL)
def test_cumulative(name, dtype):
    for shape, axis in [((5,), None), ((5,), 0), ((3, 4), 0), ((3, 4), -1), ((0,), None),
                        ((), None), ((3, 4), None), ((2, 0), 1), ((3, 4), 2)]:
        a = _arr(dtype, shape) if shape else np.array(3, dtype)
        if name == "cumulative_prod" and np.dtype(dtype).kind in "iu":
            a = (a % 3).astype(dtype)
        for inc in (False, True):
            same_outcome(lambda: getattr(nx, name)(nxa(a), axis=axis, include_initial=inc),
                         lambda: getattr(np, name)(a, axis=axis, include_initial=inc), 1e-5)
    a = _arr(dtype, (6,))
    same_outcome(lambda: getattr(nx, name)(nxa(a), dtype=nx.float32),
                 lambda: getattr(np, name)(a, dtype=np.float32), 1e-5)


@pytest.mark.parametrize("name", ["cumsum", "cumprod", "nancumsum", "nancumprod"])
@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "int64", "float32", "float64", "complex128"])
def test_cumsum_cumprod(name, dtype):
    a = _arr(dtype, (3, 4), special=True)
    if "prod" in name and np.dtype(dtype).kind in "iu":
        a = (a % 3).astype(dtype)
    for axis in [None, 0, 1, -1, 2]:
        same_outcome(lambda: getattr(nx, name)(nxa(a), axis=axis), lambda: getattr(np, name)(a, axis=axis))
    same_outcome(lambda: getattr(nx, name)(nxa(a), 0, "float64"), lambda: getattr(np, name)(a, 0, "float64"))
    if not name.startswith("nan"):
        same_outcome(lambda: getattr(nxa(a), name)(axis=1), lambda: getattr(a, name)(axis=1))


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int64", "float32", "float64", "complex128"])
def test_diff(dtype):
    a = _arr(dtype, (3, 5))
    for kw in [{}, {"axis": 0}, {"n": 2}, {"n": 0}, {"n": 7}, {"axis": 2}, {"n": -1}]:
        same_outcome(lambda: nx.diff(nxa(a), **kw), lambda: np.diff(a, **kw))
    p = _arr(dtype, (3, 1), seed=5)
    same_outcome(lambda: nx.diff(nxa(a), prepend=nxa(p), append=nxa(p)),
                 lambda: np.diff(a, prepend=p, append=p))
    same_outcome(lambda: nx.diff(nxa(np.array(1.0))), lambda: np.diff(np.array(1.0)))


@pytest.mark.parametrize("name", ["nansum", "nanprod", "nanmean", "nanmin", "nanmax", "nanstd",
                                  "nanvar", "median", "nanmedian"])
@pytest.mark.parametrize("dtype", ["int16", "uint8", "float32", "float64", "bool"])
@pytest.mark.parametrize("axis", [None, 0, -1, (0, 1)], ids=repr)
def test_nan_functions(name, dtype, axis):
    a = _arr(dtype, (4, 5), special=True)
    for keepdims in (False, True):
        # numox's nanmedian may give -0.0 where NumPy's gives 0.0 (the mean of 0.0 and -0.0)
        same_outcome(lambda: getattr(nx, name)(nxa(a), axis=axis, keepdims=keepdims),
                     lambda: getattr(np, name)(a, axis=axis, keepdims=keepdims), 1e-5,
                     zero_sign=name != "nanmedian")


def test_nan_functions_all_nan_and_ddof():
    a = np.array([[np.nan, np.nan], [1.0, 2.0]])
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in ["nansum", "nanmean", "nanprod", "nanstd", "nanvar", "nanmedian"]:
            check(getattr(nx, name)(nxa(a), axis=1), getattr(np, name)(a, axis=1))
        check(nx.nanvar(nxa(a), axis=1, ddof=1), np.nanvar(a, axis=1, ddof=1))
        check(nx.nanstd(nxa(a), axis=0, ddof=0.5), np.nanstd(a, axis=0, ddof=0.5))
        same_outcome(lambda: nx.nanmin(nxa(a), axis=1), lambda: np.nanmin(a, axis=1))
    check(nx.nansum(nxa(a), dtype="float32"), np.nansum(a, dtype="float32"))


@pytest.mark.parametrize("name", ["quantile", "percentile", "nanquantile", "nanpercentile"])
@pytest.mark.parametrize("method", ["linear", "lower", "higher", "nearest", "midpoint"])
@pytest.mark.parametrize("dtype", ["int32", "float32", "float64"])
def test_quantiles(name, method, dtype):
    a = _arr(dtype, (4, 5), special=False)
    scale = 100 if "percentile" in name else 1
    for q in [0.5 * scale, 0.25 * scale, [0.0, 0.3 * scale, scale], np.array([0.1, 0.9]) * scale]:
        for axis in [None, 0, -1]:
            for keepdims in (False, True):
                same_outcome(
                    lambda: getattr(nx, name)(nxa(a), q, axis=axis, method=method, keepdims=keepdims),
                    lambda: getattr(np, name)(a, q, axis=axis, method=method, keepdims=keepdims),
                    1e-5,
                )
    same_outcome(lambda: getattr(nx, name)(nxa(a), 1.5 * scale),
                 lambda: getattr(np, name)(a, 1.5 * scale))


def test_quantile_bad_method():
    with pytest.raises(ValueError):
        nx.quantile(nxa(np.ones(3)), 0.5, method="bogus")


@pytest.mark.parametrize("dtype", ["int8", "float32", "float64", "bool"])
def test_median(dtype):
    a = _arr(dtype, (5, 4))
    for axis in [None, 0, 1, (0, 1), -1]:
        check(nx.median(nxa(a), axis=axis), np.median(a, axis=axis))
    check(nx.median(nxa(a), 0, None, False, True), np.median(a, 0, None, False, True))


def test_out_parameter():
    a = _arr("float64", (3, 4))
    out = nxa(np.zeros(4))
    r = nx.nansum(nxa(a), axis=0, out=out)
    assert r is out
    check(out, np.nansum(a, axis=0))
    o2 = nxa(np.zeros(3))
    r = nxa(a).sum(axis=1, out=o2)
    assert r is o2
    check(o2, a.sum(axis=1))
    with pytest.raises(ValueError):
        nxa(a).sum(axis=1, out=nxa(np.zeros(4)))


@pytest.mark.parametrize("name", ["sum", "mean", "prod"])
def test_method_dtype(name):
    a = _arr("int16", (3, 4))
    check(getattr(nxa(a), name)(dtype="float32"), getattr(a, name)(dtype="float32"), 1e-5)
    check(getattr(nxa(a), name)(0, "int8"), getattr(a, name)(0, "int8"))


@pytest.mark.parametrize("dtype", REAL + ["bool"])
def test_methods_arg(dtype):
    a = _arr(dtype, (3, 4), special=True)
    for name in ["argmax", "argmin"]:
        for axis in [None, 0, 1, -1, 2]:
            for keepdims in (False, True):
                same_outcome(lambda: getattr(nxa(a), name)(axis, keepdims=keepdims),
                             lambda: getattr(a, name)(axis, keepdims=keepdims))


def test_large_reduction():
    a = np.linspace(-1, 1, 200_001)
    check(nx.sum(nxa(a)), np.sum(a), 1e-12)
    check(nx.std(nxa(a), correction=1), np.std(a, ddof=1), 1e-12)
    check(nx.cumulative_sum(nxa(a)), np.cumulative_sum(a), 1e-9)
    check(nx.median(nxa(a)), np.median(a))
