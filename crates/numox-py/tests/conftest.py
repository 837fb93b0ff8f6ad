"""Shared helpers of the numox Python tests."""

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]


def same(ours, expected, exact=True):
    """numox's result equals NumPy's: dtype name, shape and values (NaN equal to NaN)."""
    got = np.asarray(ours)
    expected = np.asarray(expected)
    assert str(got.dtype) == str(expected.dtype), (got.dtype, expected.dtype)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    if exact or expected.dtype.kind not in "fc":
        np.testing.assert_array_equal(got, expected)
    else:
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-12)


def check(got, want, rtol=1e-12, atol=0.0, dtype=True):
    """numox result `got` equals NumPy's `want`: values, shape and dtype name."""
    g = np.asarray(got)
    w = np.asarray(want)
    assert g.shape == w.shape, (g.shape, w.shape)
    if dtype:
        assert g.dtype.name == w.dtype.name, (g.dtype, w.dtype)
    if w.dtype.kind in "fc":
        np.testing.assert_allclose(g, w, rtol=rtol, atol=atol, equal_nan=True)
    else:
        np.testing.assert_array_equal(g, w)
