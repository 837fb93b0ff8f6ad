import inspect

import numpy as np
import pytest

import numox as nx
from conftest import check

DTYPES = ["bool", "int8", "int32", "int64", "uint8", "uint64", "float32", "float64", "complex128"]


@pytest.mark.parametrize("shape", [(), 0, 3, (2, 3), (0, 4), (1, 1, 2)])
@pytest.mark.parametrize("dt", [None] + DTYPES)
def test_zeros_ones_empty(shape, dt):
    kw = {} if dt is None else {"dtype": dt}
    check(nx.zeros(shape, **kw), np.zeros(shape, **kw))
    check(nx.ones(shape, **kw), np.ones(shape, **kw))
    e = nx.empty(shape, **kw)
    assert np.asarray(e).shape == np.empty(shape).shape
    assert np.asarray(e).dtype == np.empty(shape, **kw).dtype


@pytest.mark.parametrize("fill", [3, 2.5, True, 1 + 2j, -1])
@pytest.mark.parametrize("dt", [None, "int32", "float32", "int8", "complex64"])
def test_full(fill, dt):
    kw = {} if dt is None else {"dtype": dt}
    if isinstance(fill, complex) and dt in ("int32", "float32", "int8"):
        pytest.skip("complex to real casts warn in NumPy")
    check(nx.full((2, 3), fill, **kw), np.full((2, 3), fill, **kw))


def test_full_errors():
    with pytest.raises(OverflowError):
        nx.full(2, -1, dtype="uint8")
    with pytest.raises(ValueError):
        nx.zeros((-1, 2))


@pytest.mark.parametrize("dt", [None, "float32", "int16", "bool"])
def test_like(dt):
    base = np.arange(12, dtype="int32").reshape(3, 4)[:, ::2]
    x = nx.asarray(base)
    kw = {} if dt is None else {"dtype": dt}
    check(nx.zeros_like(x, **kw), np.zeros_like(base, **kw))
    check(nx.ones_like(x, **kw), np.ones_like(base, **kw))
    check(nx.full_like(x, 7, **kw), np.full_like(base, 7, **kw))
    assert np.asarray(nx.empty_like(x, **kw)).dtype == np.empty_like(base, **kw).dtype
    check(nx.full_like(nx.asarray(np.zeros(3, "int8")), 2.7), np.full_like(np.zeros(3, "int8"), 2.7))
    with pytest.raises(OverflowError):
        nx.full_like(nx.asarray(np.zeros(2, np.uint8)), -1)


@pytest.mark.parametrize(
    "args",
    [(5,), (2, 7), (0, 1, 0.1), (10, 2, -3), (1.5,), (3, 3), (-2, 5, 2), (0, 5, 1.5), (5, 2)],
)
def test_arange(args):
    check(nx.arange(*args), np.arange(*args))


@pytest.mark.parametrize("dt", ["int8", "float32", "uint16", "float64"])
def test_arange_dtype(dt):
    check(nx.arange(0, 10, 3, dtype=dt), np.arange(0, 10, 3, dtype=dt))


def test_arange_zero_step():
    with pytest.raises(ZeroDivisionError):
        np.arange(0, 5, 0)
    with pytest.raises((ZeroDivisionError, ValueError)):
        nx.arange(0, 5, 0)


@pytest.mark.parametrize("start,stop,num", [(0, 1, 5), (2.0, 3.0, 1), (-1, 1, 0), (0, 10, 7), (5, -5, 11)])
@pytest.mark.parametrize("endpoint", [True, False])
def test_linspace(start, stop, num, endpoint):
    check(nx.linspace(start, stop, num, endpoint=endpoint), np.linspace(start, stop, num, endpoint=endpoint), rtol=0)


def test_linspace_dtype():
    check(nx.linspace(0, 10, 4, dtype="int32"), np.linspace(0, 10, 4, dtype="int32"))
    check(nx.linspace(0, 1, 4, dtype="float32"), np.linspace(0, 1, 4, dtype="float32"))
    with pytest.raises(ValueError):
        nx.linspace(0, 1, -1)


@pytest.mark.parametrize("n,m,k", [(3, None, 0), (3, 5, 1), (4, 2, -1), (0, None, 0), (3, 3, 5)])
@pytest.mark.parametrize("dt", [None, "int32", "bool"])
def test_eye(n, m, k, dt):
    kw = {} if dt is None else {"dtype": dt}
    check(nx.eye(n, m, k=k, **kw), np.eye(n, m, k=k, **kw))


def test_eye_negative():
    with pytest.raises(ValueError):
        nx.eye(-1)


@pytest.mark.parametrize("indexing", ["xy", "ij"])
def test_meshgrid(indexing):
    a, b, c = np.arange(3), np.linspace(0, 1, 4), np.array([1.0, 2.0])
    got = nx.meshgrid(nx.asarray(a), nx.asarray(b), nx.asarray(c), indexing=indexing)
    want = np.meshgrid(a, b, c, indexing=indexing)
    assert isinstance(got, tuple) and len(got) == 3
    for g, w in zip(got, want):
        check(g, w)
    assert nx.meshgrid() == ()
    g1 = nx.meshgrid(nx.asarray(a), indexing=indexing)
    check(g1[0], np.meshgrid(a, indexing=indexing)[0])


@pytest.mark.parametrize("k", [-2, -1, 0, 1, 3])
@pytest.mark.parametrize("shape", [(4, 4), (3, 5), (2, 3, 4), (0, 3)])
def test_tril_triu(k, shape):
    x = np.arange(np.prod(shape), dtype="float32").reshape(shape)
    check(nx.tril(nx.asarray(x), k=k), np.tril(x, k=k))
    check(nx.triu(nx.asarray(x), k=k), np.triu(x, k=k))


@pytest.mark.parametrize("src", DTYPES)
@pytest.mark.parametrize("dst", DTYPES)
def test_astype(src, dst):
    base = np.array([0, 1, 2, 3, 100], dtype=src)
    x = nx.asarray(base)
    if np.dtype(src).kind == "c" and np.dtype(dst).kind != "c":
        pytest.skip("complex to real warns in NumPy")
    check(nx.astype(x, dst), base.astype(dst))


def test_astype_copy():
    x = nx.asarray(np.arange(3.0))
    y = nx.astype(x, nx.float64, copy=False)
    assert np.shares_memory(np.asarray(x), np.asarray(y))
    z = nx.astype(x, nx.float64)
    assert not np.shares_memory(np.asarray(x), np.asarray(z))


SIGS = {
    "arange": "(start, /, stop=None, step=1, *, dtype=None, device=None)",
    "empty": "(shape, *, dtype=None, device=None)",
    "empty_like": "(x, /, *, dtype=None, device=None)",
    "eye": "(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None)",
    "full": "(shape, fill_value, *, dtype=None, device=None)",
    "full_like": "(x, /, fill_value, *, dtype=None, device=None)",
    "ones": "(shape, *, dtype=None, device=None)",
    "ones_like": "(x, /, *, dtype=None, device=None)",
    "tril": "(x, /, *, k=0)",
    "triu": "(x, /, *, k=0)",
    "zeros": "(shape, *, dtype=None, device=None)",
    "zeros_like": "(x, /, *, dtype=None, device=None)",
    "astype": "(x, dtype, /, *, copy=True, device=None)",
}


@pytest.mark.parametrize("name", sorted(SIGS))
def test_signatures(name):
    assert str(inspect.signature(getattr(nx, name))) == SIGS[name]
