import inspect

import numpy as np
import pytest

import numox as nx
import numox.linalg
from numox.linalg import inv, LinAlgError
from conftest import check

rng = np.random.default_rng(0)


def spd(n, batch=()):
    a = rng.standard_normal(batch + (n, n))
    return a @ np.swapaxes(a, -1, -2) + n * np.eye(n)


MATS = [
    rng.standard_normal((3, 3)),
    rng.standard_normal((2, 4, 4)).astype("float32"),
    rng.standard_normal((5, 5))[::2, ::2],  # non-contiguous
    (rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))),
    np.array([[2.0]]),
]


def tol(x):
    return 2e-4 if x.dtype in (np.float32, np.complex64) else 1e-9


@pytest.mark.parametrize("x", MATS, ids=range(len(MATS)))
def test_square(x):
    n = nx.asarray(x)
    t = tol(x)
    check(nx.linalg.inv(n), np.linalg.inv(x), rtol=t, atol=t)
    check(nx.linalg.det(n), np.linalg.det(x), rtol=t, atol=t)
    s, l = nx.linalg.slogdet(n)
    ws, wl = np.linalg.slogdet(x)
    check(s, ws, rtol=t, atol=t)
    check(l, wl, rtol=t, atol=t)
    r = nx.linalg.slogdet(n)
    check(r.logabsdet, wl, rtol=t, atol=t)
    check(nx.linalg.matrix_power(n, 3), np.linalg.matrix_power(x, 3), rtol=t, atol=t)
    check(nx.linalg.matrix_power(n, -2), np.linalg.matrix_power(x, -2), rtol=10 * t, atol=10 * t)
    check(nx.linalg.matrix_power(n, 0), np.linalg.matrix_power(x, 0))
    b = np.ones(x.shape[:-1], x.dtype)[..., None]
    check(nx.linalg.solve(n, nx.asarray(b)), np.linalg.solve(x, b), rtol=t, atol=t)
    check(nx.linalg.trace(n), np.linalg.trace(x), rtol=t)
    check(nx.linalg.diagonal(n, offset=0), np.linalg.diagonal(x))
    check(nx.linalg.svdvals(n), np.linalg.svdvals(x), rtol=t, atol=t)
    check(nx.linalg.matrix_rank(n), np.linalg.matrix_rank(x))
    check(nx.linalg.pinv(n), np.linalg.pinv(x), rtol=10 * t, atol=10 * t)
    for o in [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]:
        kw = {} if o is None else {"ord": o}
        check(nx.linalg.matrix_norm(n, **kw), np.linalg.matrix_norm(x, **kw), rtol=t, atol=t)
    check(nx.linalg.matrix_norm(n, keepdims=True), np.linalg.matrix_norm(x, keepdims=True), rtol=t)


@pytest.mark.parametrize("batch", [(), (2,), (2, 3)])
def test_hermitian(batch):
    x = spd(4, batch)
    n = nx.asarray(x)
    w, v = nx.linalg.eigh(n)
    ww, _ = np.linalg.eigh(x)
    check(w, ww)
    recon = np.asarray(v) @ (np.asarray(w)[..., None] * np.swapaxes(np.asarray(v), -1, -2))
    np.testing.assert_allclose(recon, x, rtol=1e-9, atol=1e-9)
    r = nx.linalg.eigh(n)
    assert type(r).__name__ == "EighResult" and r._fields == ("eigenvalues", "eigenvectors")
    check(nx.linalg.eigvalsh(n), np.linalg.eigvalsh(x))
    check(nx.linalg.cholesky(n), np.linalg.cholesky(x))
    check(nx.linalg.cholesky(n, upper=True), np.linalg.cholesky(x, upper=True))


@pytest.mark.parametrize("shape", [(4, 3), (3, 5), (2, 4, 2)])
@pytest.mark.parametrize("full", [True, False])
def test_svd_qr(shape, full):
    x = rng.standard_normal(shape)
    n = nx.asarray(x)
    u, s, vh = nx.linalg.svd(n, full_matrices=full)
    wu, ws, wvh = np.linalg.svd(x, full_matrices=full)
    assert np.asarray(u).shape == wu.shape and np.asarray(vh).shape == wvh.shape
    check(s, ws)
    k = min(shape[-2:])
    recon = np.asarray(u)[..., :k] * np.asarray(s)[..., None, :] @ np.asarray(vh)[..., :k, :]
    np.testing.assert_allclose(recon, x, atol=1e-10)
    assert nx.linalg.svd(n)._fields == ("U", "S", "Vh")
    mode = "complete" if full else "reduced"
    q, r = nx.linalg.qr(n, mode=mode)
    wq, wr = np.linalg.qr(x, mode=mode)
    assert np.asarray(q).shape == wq.shape and np.asarray(r).shape == wr.shape
    np.testing.assert_allclose(np.asarray(q) @ np.asarray(r), x, atol=1e-10)
    assert nx.linalg.qr(n)._fields == ("Q", "R")


def test_singular():
    s = np.array([[1.0, 2.0], [2.0, 4.0]])
    for f in [nx.linalg.inv, lambda a: nx.linalg.solve(a, nx.ones(2)), inv]:
        with pytest.raises(LinAlgError):
            f(nx.asarray(s))
    with pytest.raises(LinAlgError):
        nx.linalg.cholesky(nx.asarray(-np.eye(2)))
    with pytest.raises(LinAlgError):
        nx.linalg.inv(nx.zeros(3))
    with pytest.raises(LinAlgError):
        nx.linalg.det(nx.zeros((2, 3)))
    assert issubclass(LinAlgError, ValueError)
    assert LinAlgError is np.linalg.LinAlgError or LinAlgError.__name__ == "LinAlgError"
    check(nx.linalg.det(nx.asarray(s)), np.linalg.det(s))
    check(nx.linalg.matrix_rank(nx.asarray(s)), np.linalg.matrix_rank(s))


def test_eig():
    x = np.array([[0.0, -1.0], [1.0, 0.0]])
    w, v = nx.linalg.eig(nx.asarray(x))
    check(np.sort_complex(np.asarray(w)), np.sort_complex(np.linalg.eigvals(x)))
    check(np.sort_complex(np.asarray(nx.linalg.eigvals(nx.asarray(x)))), np.sort_complex(np.linalg.eigvals(x)))
    np.testing.assert_allclose(x @ np.asarray(v), np.asarray(v) * np.asarray(w), atol=1e-12)


@pytest.mark.parametrize("ord", [None, 1, 2, np.inf, -np.inf, 0, 3, 0.5])
@pytest.mark.parametrize("axis", [None, 0, -1, (0, 1), (0, 2)])
@pytest.mark.parametrize("keepdims", [False, True])
def test_vector_norm(ord, axis, keepdims):
    x = rng.standard_normal((2, 3, 4))
    kw = {} if ord is None else {"ord": ord}
    check(nx.linalg.vector_norm(nx.asarray(x), axis=axis, keepdims=keepdims, **kw),
          np.linalg.vector_norm(x, axis=axis, keepdims=keepdims, **kw))
    check(nx.linalg.vector_norm(nx.asarray(np.arange(5)), **kw), np.linalg.vector_norm(np.arange(5), **kw))


@pytest.mark.parametrize("ord,axis", [(None, None), ("fro", None), (1, None), (2, 0), (np.inf, 1), ("nuc", None), (None, (1, 0))])
def test_norm(ord, axis):
    x = rng.standard_normal((3, 4))
    check(nx.linalg.norm(nx.asarray(x), ord, axis), np.linalg.norm(x, ord, axis))
    check(nx.linalg.norm(nx.asarray(x.ravel())), np.linalg.norm(x.ravel()))


def test_lstsq_rank_pinv():
    a = rng.standard_normal((6, 3))
    b = rng.standard_normal((6, 2))
    x, res, rank, s = nx.linalg.lstsq(nx.asarray(a), nx.asarray(b))
    wx, wres, wrank, ws = np.linalg.lstsq(a, b)
    check(x, wx)
    check(res, wres)
    assert rank == wrank
    check(s, ws)
    check(nx.linalg.matrix_rank(nx.asarray(a), rtol=0.5), np.linalg.matrix_rank(a, rtol=0.5))
    check(nx.linalg.pinv(nx.asarray(a), rtol=1e-3), np.linalg.pinv(a, rtol=1e-3))


def test_products():
    a = rng.standard_normal((2, 3, 4))
    b = rng.standard_normal((4, 5))
    check(nx.matmul(nx.asarray(a), nx.asarray(b)), np.matmul(a, b))
    check(nx.linalg.matmul(nx.asarray(a), nx.asarray(b)), np.matmul(a, b))
    check(nx.matmul(np.arange(3), np.arange(3)), np.matmul(np.arange(3), np.arange(3)))
    with pytest.raises(ValueError):
        nx.matmul(nx.asarray(a), nx.asarray(a))
    check(nx.tensordot(nx.asarray(a), nx.asarray(b), axes=1), np.tensordot(a, b, axes=1))
    check(nx.tensordot(nx.asarray(a), nx.asarray(a), axes=([1, 2], [1, 2])), np.tensordot(a, a, axes=([1, 2], [1, 2])))
    check(nx.tensordot(nx.asarray(b), nx.asarray(b)), np.tensordot(b, b))
    check(nx.tensordot(nx.asarray(b), nx.asarray(b), axes=0), np.tensordot(b, b, axes=0))
    c = rng.standard_normal((3, 4)) + 1j
    d = rng.standard_normal((2, 1, 4))
    check(nx.vecdot(nx.asarray(c), nx.asarray(d)), np.vecdot(c, d))
    check(nx.vecdot(nx.asarray(c), nx.asarray(c), axis=0), np.vecdot(c, c, axis=0))
    check(nx.linalg.vecdot(np.arange(3, dtype="int32"), np.arange(3, dtype="int32")),
          np.linalg.vecdot(np.arange(3, dtype="int32"), np.arange(3, dtype="int32")))
    with pytest.raises(ValueError):
        nx.vecdot(nx.zeros(3), nx.zeros(4))
    check(nx.dot(nx.asarray(b.T), nx.asarray(b)), np.dot(b.T, b))
    check(nx.dot(2, nx.asarray(b)), np.dot(2, b))
    check(nx.einsum("ijk,kl->ijl", nx.asarray(a), nx.asarray(b)), np.einsum("ijk,kl->ijl", a, b))
    check(nx.einsum("ii", nx.asarray(b[:4, :4])), np.einsum("ii", b[:4, :4]))
    check(nx.outer(nx.asarray(b), np.arange(3)), np.outer(b, np.arange(3)))
    check(nx.linalg.outer(np.arange(3), np.arange(4.0)), np.linalg.outer(np.arange(3), np.arange(4.0)))
    with pytest.raises(ValueError):
        nx.linalg.outer(nx.asarray(b), np.arange(3))
    check(nx.inner(nx.asarray(a), nx.asarray(b.T)), np.inner(a, b.T))
    check(nx.trace(nx.asarray(a)), np.trace(a))
    check(nx.trace(nx.asarray(a), 1, 1, 2, dtype="float32"), np.trace(a, 1, 1, 2, dtype="float32"), rtol=1e-6)
    check(nx.diagonal(nx.asarray(a), 1, 0, 2), np.diagonal(a, 1, 0, 2))
    check(nx.linalg.trace(np.arange(9, dtype="int8").reshape(3, 3)), np.linalg.trace(np.arange(9, dtype="int8").reshape(3, 3)))
    check(nx.matrix_transpose(nx.asarray(a)), np.matrix_transpose(a))
    check(nx.linalg.matrix_transpose(nx.asarray(a)), np.linalg.matrix_transpose(a))


def test_cross():
    a, b = rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
    check(nx.linalg.cross(nx.asarray(a), nx.asarray(b)), np.linalg.cross(a, b))
    check(nx.linalg.cross(nx.asarray(a.T), nx.asarray(b.T), axis=0), np.linalg.cross(a.T, b.T, axis=0))
    check(nx.cross(a[:, :2], b[:, :2]), np.cross(a[:, :2], b[:, :2]))
    with pytest.raises(ValueError):
        nx.linalg.cross(nx.asarray(a[:, :2]), nx.asarray(b[:, :2]))


STD = {
    "cholesky": "(x, /, *, upper=False)", "cross": "(x1, x2, /, *, axis=-1)", "det": "(x, /)",
    "diagonal": "(x, /, *, offset=0)", "inv": "(x, /)", "matmul": "(x1, x2, /)",
    "matrix_norm": "(x, /, *, keepdims=False, ord='fro')", "matrix_power": "(x, n, /)",
    "matrix_transpose": "(x, /)", "outer": "(x1, x2, /)", "qr": "(x, /, *, mode='reduced')",
    "slogdet": "(x, /)", "solve": "(x1, x2, /)", "svdvals": "(x, /)",
    "tensordot": "(x1, x2, /, *, axes=2)", "trace": "(x, /, *, offset=0, dtype=None)",
    "vecdot": "(x1, x2, /, *, axis=-1)", "vector_norm": "(x, /, *, axis=None, keepdims=False, ord=2)",
}


@pytest.mark.parametrize("name", sorted(STD))
def test_signatures(name):
    assert str(inspect.signature(getattr(nx.linalg, name))) == STD[name]


def test_module():
    for name in ["eigh", "eigvalsh", "pinv", "matrix_rank", "svd", "norm", "lstsq", "eig", "eigvals",
                 "EighResult", "QRResult", "SlogdetResult", "SVDResult", "LinAlgError"]:
        assert hasattr(nx.linalg, name)
    from numox.linalg import svd  # noqa: F401
    assert numox.linalg is nx.linalg
