"""numox's searching, sorting and set functions against NumPy 2, and the standard signatures."""

import inspect

import numpy as np
import numox as nx
import pytest
from _helpers import ALL, REAL, check, nxa, sample, same_outcome

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


@pytest.mark.parametrize("name", ["argmax", "argmin"])
@pytest.mark.parametrize("dtype", ALL)
def test_argmax_argmin(name, dtype):
    a = sample(dtype, (3, 4, 2), special=True)
    for axis in [None, 0, 1, -1, 3]:
        for keepdims in (False, True):
            same_outcome(lambda: getattr(nx, name)(nxa(a), axis=axis, keepdims=keepdims),
                         lambda: getattr(np, name)(a, axis=axis, keepdims=keepdims))
    same_outcome(lambda: getattr(nx, name)(nxa(a[:0])), lambda: getattr(np, name)(a[:0]))
    same_outcome(lambda: getattr(nx, name)(nxa(a[:, :0]), axis=0),
                 lambda: getattr(np, name)(a[:, :0], axis=0))


@pytest.mark.parametrize("name", ["nanargmax", "nanargmin"])
def test_nanarg(name):
    a = np.array([[np.nan, 1.0, 3.0], [2.0, np.nan, -1.0]])
    for axis in [None, 0, 1]:
        same_outcome(lambda: getattr(nx, name)(nxa(a), axis=axis), lambda: getattr(np, name)(a, axis=axis))
    b = np.array([[np.nan, np.nan], [1.0, 2.0]])
    same_outcome(lambda: getattr(nx, name)(nxa(b), axis=1), lambda: getattr(np, name)(b, axis=1))


@pytest.mark.parametrize("dtype", ALL)
def test_count_nonzero_nonzero_argwhere(dtype):
    a = sample(dtype, (3, 4), special=True)
    a.flat[::3] = 0
    for axis in [None, 0, 1, (0, 1), -1]:
        for keepdims in (False, True):
            same_outcome(lambda: nx.count_nonzero(nxa(a), axis=axis, keepdims=keepdims),
                         lambda: np.asarray(np.count_nonzero(a, axis=axis, keepdims=keepdims)))
    got = nx.nonzero(nxa(a))
    want = np.nonzero(a)
    assert isinstance(got, tuple) and len(got) == len(want)
    for g, w in zip(got, want):
        check(g, w)
    check(nx.argwhere(nxa(a)), np.argwhere(a))
    check(nx.flatnonzero(nxa(a)), np.flatnonzero(a))
    with pytest.raises(ValueError):
        nx.nonzero(nxa(np.array(1.0)))
    for g, w in zip(nx.nonzero(nxa(a[:0])), np.nonzero(a[:0])):
        check(g, w)


@pytest.mark.parametrize("dtype", REAL)
def test_searchsorted(dtype):
    x1 = np.sort(sample(dtype, (10,), special=True))
    x2 = sample(dtype, (3, 4), seed=3)
    for side in ["left", "right"]:
        check(nx.searchsorted(nxa(x1), nxa(x2), side=side), np.searchsorted(x1, x2, side=side))
    check(nx.searchsorted(nxa(x1), 2), np.asarray(np.searchsorted(x1, 2)))
    perm = np.random.default_rng(0).permutation(10)
    shuffled = x1[perm]
    sorter = np.argsort(shuffled, kind="stable")
    check(nx.searchsorted(nxa(shuffled), nxa(x2), sorter=nxa(sorter)),
          np.searchsorted(shuffled, x2, sorter=sorter))
    with pytest.raises(ValueError):
        nx.searchsorted(nxa(x1), nxa(x2), side="middle")


@pytest.mark.parametrize("d1,d2", [("float64", "float64"), ("int8", "uint8"), ("float32", "int64"),
                                   ("bool", "bool"), ("complex64", "float64")])
def test_where(d1, d2):
    c = sample("bool", (3, 4))
    a = sample(d1, (3, 4), seed=1)
    b = sample(d2, (4,), seed=2)
    check(nx.where(nxa(c), nxa(a), nxa(b)), np.where(c, a, b))
    check(nx.where(nxa(c), nxa(a), 0), np.where(c, a, 0))
    check(nx.where(nxa(c), 1.5, nxa(b)), np.where(c, 1.5, b))
    check(nx.where(nxa(c[0]), nxa(a), nxa(b)), np.where(c[0], a, b))
    with pytest.raises(ValueError):
        nx.where(nxa(c), nxa(a), nxa(np.ones(5)))


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("stable", [True, False])
def test_sort_argsort(dtype, descending, stable):
    a = sample(dtype, (4, 6), special=True)
    if np.dtype(dtype).kind in "iub":
        a = (a.astype(np.int64) % 3).astype(dtype)  # many ties
    for axis in [-1, 0, 1]:
        kind = "stable"
        if descending:
            want_idx = np.flip(np.argsort(np.flip(a, axis), axis=axis, kind=kind), axis)
            want_idx = a.shape[axis] - 1 - want_idx
            want = np.flip(np.sort(np.flip(a, axis), axis=axis, kind=kind), axis)
        else:
            want_idx = np.argsort(a, axis=axis, kind=kind)
            want = np.sort(a, axis=axis, kind=kind)
        got = nx.sort(nxa(a), axis=axis, descending=descending, stable=stable)
        check(got, want)
        gi = nx.argsort(nxa(a), axis=axis, descending=descending, stable=stable)
        if stable:
            check(gi, want_idx)
        else:
            check(np.take_along_axis(a, np.asarray(gi), axis), want)
    with pytest.raises(nx.AxisError):
        nx.sort(nxa(a), axis=2)
    check(nx.sort(nxa(a[:0])), np.sort(a[:0]))


def test_sort_errors_and_0d():
    same_outcome(lambda: nx.sort(nxa(np.array(1.0))), lambda: np.sort(np.array(1.0)))
    same_outcome(lambda: nx.argsort(nxa(np.array(1.0))), lambda: np.argsort(np.array(1.0)))


def _check_inverse(values, got, want, a):
    # NaNs are distinct and their order among the values is implementation-defined
    g = np.asarray(got)
    assert g.dtype == np.asarray(want).dtype and g.shape == np.asarray(want).shape
    np.testing.assert_array_equal(np.asarray(values)[g], a)


@pytest.mark.parametrize("dtype", ALL)
def test_unique(dtype):
    a = sample(dtype, (4, 5), special=True)
    if np.dtype(dtype).kind in "iu":
        a = (a % 4).astype(dtype)
    if np.dtype(dtype).kind == "f":
        a.flat[[3, 7]] = np.nan
    r = nx.unique_all(nxa(a))
    w = np.unique_all(a)
    assert type(r).__name__ == "UniqueAllResult"
    assert r._fields == ("values", "indices", "inverse_indices", "counts")
    check(r.values, w.values)
    check(r.indices, w.indices)
    _check_inverse(r.values, r.inverse_indices, w.inverse_indices, a)
    check(r.counts, w.counts)
    rc = nx.unique_counts(nxa(a))
    wc = np.unique_counts(a)
    assert rc._fields == ("values", "counts")
    check(rc.values, wc.values)
    check(rc.counts, wc.counts)
    ri = nx.unique_inverse(nxa(a))
    wi = np.unique_inverse(a)
    assert ri._fields == ("values", "inverse_indices")
    check(ri.values, wi.values)
    _check_inverse(ri.values, ri.inverse_indices, wi.inverse_indices, a)
    v = nx.unique_values(nxa(a))
    check(np.sort(np.asarray(v)), np.sort(np.unique_values(a)))
    values, counts = nx.unique_counts(nxa(a))  # unpacks like a tuple
    check(values, wc.values)


def test_unique_edges():
    for a in [np.array(3.0), np.zeros(0), np.array([[1, 1], [1, 1]])]:
        r = nx.unique_all(nxa(a))
        w = np.unique_all(a)
        for f in ("values", "indices", "inverse_indices", "counts"):
            check(getattr(r, f), getattr(w, f))


# ---- signatures against array_api_strict ----

STANDARD = (
    "abs acos acosh add asin asinh atan atan2 atanh bitwise_and bitwise_left_shift bitwise_invert "
    "bitwise_or bitwise_right_shift bitwise_xor ceil clip conj copysign cos cosh divide equal exp "
    "expm1 floor floor_divide greater greater_equal hypot imag isfinite isinf isnan less less_equal "
    "log log1p log2 log10 logaddexp logical_and logical_not logical_or logical_xor maximum minimum "
    "multiply negative nextafter not_equal positive pow real reciprocal remainder round sign signbit "
    "sin sinh square sqrt subtract tan tanh trunc max mean min prod std sum var cumulative_sum "
    "cumulative_prod all any diff argmax argmin count_nonzero nonzero searchsorted where argsort "
    "sort unique_all unique_counts unique_values unique_inverse"
).split()


def _params(sig):
    return [(p.name, p.kind, p.default if p.default is not inspect.Parameter.empty else "<req>")
            for p in sig.parameters.values()]


@pytest.mark.parametrize("name", STANDARD)
def test_signature_matches_standard(name):
    xp = pytest.importorskip("array_api_strict")
    xp.set_array_api_strict_flags(api_version="2024.12")
    want = _params(inspect.signature(getattr(xp, name)))
    got = _params(inspect.signature(getattr(nx, name)))
    # numox may add trailing optional parameters (NumPy's `decimals` of `round`)
    assert got[: len(want)] == want
    assert all(d != "<req>" for _, _, d in got[len(want):])
