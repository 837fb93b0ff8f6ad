"""Zero-copy exchange with NumPy (array interface, buffer protocol, DLPack, asarray both ways) and
numox arrays in pandas, scikit-learn and matplotlib."""

import gc

import numpy as np
import pytest

import numox
from conftest import same


def test_numpy_asarray_shares_numox_memory():
    x = numox.asarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    n = np.asarray(x)
    assert n.dtype == np.float64 and n.shape == (2, 3)
    n[0, 0] = 100.0
    assert float(x[0, 0]) == 100.0
    x[1, 2] = -1.0
    assert n[1, 2] == -1.0


@pytest.mark.parametrize("view", ["T", "reversed", "strided"])
def test_numpy_reads_numox_views_without_copy(view):
    base = np.arange(24.0).reshape(4, 6)
    x = numox.asarray(base.copy())
    xv = {"T": x.T, "reversed": x[::-1, ::-2], "strided": x[1:, ::3]}[view]
    bv = {"T": base.T, "reversed": base[::-1, ::-2], "strided": base[1:, ::3]}[view]
    n = np.asarray(xv)
    np.testing.assert_array_equal(n, bv)
    assert n.strides == xv.strides
    n[...] = 7.0
    assert float(np.asarray(x).sum()) == 24 * 23 / 2 - bv.sum() + 7.0 * bv.size


def test_numox_asarray_shares_numpy_memory():
    a = np.arange(12.0).reshape(3, 4)
    for src in [a, a.T, a[::-1, 1::2], np.asfortranarray(a)]:
        x = numox.asarray(src)
        same(x, src)
        x[0, 0] = -5.0  # written into NumPy's memory
        assert src[0, 0] == -5.0
    ro = np.arange(3.0)
    ro.flags.writeable = False
    x = numox.asarray(ro)
    with pytest.raises(ValueError):
        x[0] = 1.0


def test_numpy_memory_outlives_the_numpy_handle():
    x = numox.asarray(np.arange(1000.0))
    gc.collect()
    assert float(x[999]) == 999.0


def test_byteswapped_and_bool_and_scalars():
    be = np.arange(4, dtype=">i4")
    same(numox.asarray(be), be.astype("<i4"))
    same(numox.asarray(np.array([True, False])), [True, False])
    same(numox.asarray(np.float32(2.5)), np.asarray(np.float32(2.5)))


def test_copy_argument():
    a = np.arange(3.0)
    x = numox.asarray(a, copy=True)
    x[0] = 9.0
    assert a[0] == 0.0
    y = numox.asarray(x, copy=False)
    y[1] = 5.0
    assert float(x[1]) == 5.0
    with pytest.raises(ValueError):
        numox.asarray(x, dtype=numox.float32, copy=False)


def test_buffer_protocol():
    x = numox.asarray(np.arange(6, dtype=np.int32).reshape(2, 3))
    m = memoryview(x)
    assert m.format == "i" and m.shape == (2, 3) and m.strides == (12, 4) and not m.readonly
    m[0, 1] = 42
    assert int(x[0, 1]) == 42
    t = memoryview(x.T)
    assert t.strides == (4, 12)
    assert bytes(memoryview(numox.asarray([1, 2], dtype=numox.uint8))) == b"\x01\x02"


@pytest.mark.parametrize("dtype", ["int8", "uint16", "int64", "float16", "float32", "float64",
                                   "complex64", "complex128", "bool"])
def test_dlpack_both_ways(dtype):
    a = (np.arange(12) % 3).astype(dtype).reshape(3, 4)[:, ::2]
    x = numox.from_dlpack(a)
    same(x, a)
    n = np.from_dlpack(x)
    np.testing.assert_array_equal(n, a)
    assert x.__dlpack_device__() == (1, 0)
    if dtype != "bool":
        n[0, 0] = 1
        assert np.asarray(x)[0, 0] == 1  # one memory, three handles


def test_from_dlpack_keeps_the_producer_alive():
    x = numox.from_dlpack(np.arange(100.0))
    gc.collect()
    assert float(x[99]) == 99.0
    with pytest.raises(ValueError):
        x.__dlpack__(stream=1)


def test_pandas_dataframe_and_series():
    pd = pytest.importorskip("pandas")
    x = numox.asarray([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    df = pd.DataFrame(x, columns=["a", "b"])
    assert df.shape == (3, 2) and df["b"].sum() == 12.0
    s = pd.Series(numox.asarray([1, 2, 3]))
    assert s.dtype == np.int64 and s.sum() == 6
    back = numox.asarray(df.to_numpy())
    same(back, np.asarray(x))


def test_scikit_learn_fits_numox_arrays():
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    X, y = load_iris(return_X_y=True)
    X, y = numox.asarray(X), numox.asarray(y)
    Xs = StandardScaler().fit_transform(X)
    clf = LogisticRegression(max_iter=500).fit(Xs, y)
    assert clf.score(Xs, y) > 0.95
    ref = LogisticRegression(max_iter=500).fit(StandardScaler().fit_transform(np.asarray(X)), np.asarray(y))
    np.testing.assert_allclose(clf.coef_, ref.coef_)


def test_matplotlib_plots_numox_arrays(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    t = numox.asarray(np.linspace(0, 1, 50))
    fig, ax = plt.subplots()
    (line,) = ax.plot(t, t * t)
    ax.imshow(numox.asarray(np.eye(4)))
    np.testing.assert_allclose(line.get_ydata(), np.linspace(0, 1, 50) ** 2)
    out = tmp_path / "plot.png"
    fig.savefig(out)
    plt.close(fig)
    assert out.stat().st_size > 1000
