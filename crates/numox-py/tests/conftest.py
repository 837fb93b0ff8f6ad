import numpy as np


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
