"""Differential tests on arrays that hypothesis's Array API strategies
(hypothesis.extra.array_api, made for the numox namespace at version 2024.12) generate: every
generated array reads back equal in NumPy, and functions of the standard give NumPy's results."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.array_api import make_strategies_namespace

import numox
from conftest import same

xps = make_strategies_namespace(numox, api_version="2024.12")
shapes = xps.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5)
real_arrays = xps.arrays(dtype=xps.real_dtypes(), shape=shapes)


@settings(max_examples=60, deadline=None)
@given(x=xps.arrays(dtype=xps.scalar_dtypes(), shape=shapes))
def test_generated_arrays_reach_numpy_unchanged(x):
    n = np.asarray(x)
    assert n.shape == x.shape and str(n.dtype) == str(x.dtype)
    same(numox.asarray(n), n)


UNARY = ["abs", "negative", "positive", "square", "sqrt", "exp", "log", "sin", "cos", "tanh",
         "floor", "ceil", "trunc", "sign", "isnan", "isfinite", "isinf", "logical_not"]
NP_NAMES = {"acos": "arccos", "asin": "arcsin", "atan": "arctan", "pow": "power",
            "bitwise_invert": "invert", "bitwise_left_shift": "left_shift",
            "bitwise_right_shift": "right_shift", "concat": "concatenate"}


def _np(name):
    return getattr(np, NP_NAMES.get(name, name))


def _outcome(f, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return f(*args, **kw), None
        except Exception as e:  # noqa: BLE001
            return None, type(e)


@settings(max_examples=120, deadline=None)
@given(name=st.sampled_from(UNARY), x=real_arrays)
def test_unary_functions_match_numpy(name, x):
    n = np.asarray(x)
    expected, err = _outcome(_np(name), n)
    if err is not None:
        with pytest.raises(Exception):
            getattr(numox, name)(x)
        return
    got = getattr(numox, name)(x)
    if np.asarray(expected).dtype.kind == "f":  # float32 results may differ from NumPy's SIMD in the last place
        np.testing.assert_allclose(np.asarray(got), expected, rtol=2e-6, equal_nan=True)
        assert str(got.dtype) == str(expected.dtype)
    else:
        same(got, expected)


@settings(max_examples=120, deadline=None)
@given(data=st.data(), name=st.sampled_from(["sum", "prod", "max", "min", "mean", "std", "var", "all", "any"]))
def test_reductions_match_numpy(data, name):
    x = data.draw(xps.arrays(dtype=xps.real_dtypes(), shape=xps.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5)))
    n = np.asarray(x)
    axis = data.draw(st.none() | st.integers(-x.ndim, x.ndim - 1))
    keepdims = data.draw(st.booleans())
    if name in ("mean", "std", "var") and n.dtype.kind not in "f":
        return  # the standard defines these for floating-point input only
    expected, err = _outcome(getattr(np, name), n, axis=axis, keepdims=keepdims)
    if err is not None:
        with pytest.raises(Exception):
            getattr(numox, name)(x, axis=axis, keepdims=keepdims)
        return
    got = getattr(numox, name)(x, axis=axis, keepdims=keepdims)
    got_n = np.asarray(got)
    assert got_n.shape == np.shape(expected)
    assert str(got_n.dtype) == str(np.asarray(expected).dtype)
    if got_n.dtype.kind == "f":
        np.testing.assert_allclose(got_n, expected, rtol=1e-5, atol=1e-6, equal_nan=True)
    else:
        np.testing.assert_array_equal(got_n, expected)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), name=st.sampled_from(["add", "subtract", "multiply", "maximum", "minimum",
                                             "equal", "less", "greater_equal", "logical_and"]))
def test_binary_functions_broadcast_and_promote_like_numpy(data, name):
    d1 = data.draw(xps.real_dtypes())
    d2 = data.draw(xps.real_dtypes())
    shape = data.draw(shapes)
    x = data.draw(xps.arrays(dtype=d1, shape=shape))
    y = data.draw(xps.arrays(dtype=d2, shape=xps.broadcastable_shapes(shape, min_side=0, max_side=5)))
    expected, err = _outcome(_np(name), np.asarray(x), np.asarray(y))
    if err is not None:
        with pytest.raises(Exception):
            getattr(numox, name)(x, y)
        return
    got = getattr(numox, name)(x, y)
    assert str(got.dtype) == str(expected.dtype) and got.shape == expected.shape
    np.testing.assert_allclose(np.asarray(got).astype(np.float64) if expected.dtype.kind == "b" else np.asarray(got),
                               expected.astype(np.float64) if expected.dtype.kind == "b" else expected,
                               rtol=1e-6, equal_nan=True)
