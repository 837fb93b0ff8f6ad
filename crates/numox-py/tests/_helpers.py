"""Shared helpers of the numox-vs-NumPy tests."""

import numpy as np
import numox as nx
import pytest

INT = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT = ["float32", "float64"]
COMPLEX = ["complex64", "complex128"]
ALL = ["bool"] + INT + FLOAT + COMPLEX
NUMERIC = INT + FLOAT + COMPLEX
REAL = INT + FLOAT

SPECIAL = [np.nan, np.inf, -np.inf, 0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, -3.5, 1e-30, 7.0, 100.0]

ERRORS = (TypeError, ValueError, IndexError, OverflowError, ZeroDivisionError, np.exceptions.AxisError)


def sample(dtype, shape=(12,), seed=0, special=True):
    """A deterministic NumPy array of `dtype`: small integers, or floats with special values."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    n = int(np.prod(shape))
    if dt.kind == "b":
        v = rng.integers(0, 2, n).astype(bool)
    elif dt.kind == "u":
        v = rng.integers(0, 60, n).astype(dt)
    elif dt.kind == "i":
        v = rng.integers(-30, 30, n).astype(dt)
    elif dt.kind == "f":
        v = rng.normal(0, 3, n)
        if special:
            k = min(n, len(SPECIAL))
            v[:k] = SPECIAL[:k]
        v = v.astype(dt)
    else:
        re = rng.normal(0, 2, n)
        im = rng.normal(0, 2, n)
        if special and n >= 4:
            re[:4] = [0.0, np.inf, np.nan, -0.0]
            im[:4] = [0.0, 1.0, 0.0, -2.0]
        v = (re + 1j * im).astype(dt)
    return v.reshape(shape)


def tol(dtype):
    dt = np.dtype(dtype)
    if dt in (np.float16,):
        return 2e-3
    if dt in (np.float32, np.complex64):
        return 2e-6
    return 1e-12


def check(got, want, rtol=None, exact_zero_sign=True):
    """numox result `got` equals NumPy's `want`: dtype, shape, values incl. NaN and signed zeros."""
    g = np.asarray(got)
    w = np.asarray(want)
    assert g.dtype == w.dtype, f"dtype {g.dtype} != {w.dtype}"
    assert g.shape == w.shape, f"shape {g.shape} != {w.shape}"
    if g.dtype.kind in "fc":
        r = tol(g.dtype) if rtol is None else rtol
        np.testing.assert_allclose(g, w, rtol=r, atol=0, equal_nan=True)
        if exact_zero_sign and g.dtype.kind == "f":
            z = (w == 0) & (g == 0)
            np.testing.assert_array_equal(np.signbit(g[z]), np.signbit(w[z]))
    else:
        np.testing.assert_array_equal(g, w)


def same_outcome(f_nx, f_np, rtol=None, zero_sign=True):
    """Calls both; equal results, or the same exception class."""
    try:
        with np.errstate(all="ignore"):
            want = f_np()
    except ERRORS as e:
        cls = next(c for c in ERRORS if isinstance(e, c))
        with pytest.raises(cls):
            f_nx()
        return None
    got = f_nx()
    check(got, want, rtol, zero_sign)
    return got


def nxa(a):
    """A numox copy of a NumPy array (not sharing memory)."""
    return nx.asarray(np.array(a, copy=True))
