import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import numox as nx
from conftest import check

AxisError = nx.AxisError


def arrays():
    a = np.arange(24, dtype="int32").reshape(2, 3, 4)
    return [
        np.array(5.0),
        np.arange(6.0),
        np.zeros((0, 3), "int8"),
        a,
        a[:, ::2, ::-1],  # non-contiguous view
        np.ones((1, 3, 1), "bool"),
        a.astype("complex64").transpose(2, 0, 1),
    ]


def both(x):
    return nx.asarray(x), x


@pytest.mark.parametrize("x", arrays(), ids=range(7))
def test_views(x):
    n, _ = both(x)
    check(nx.flip(n), np.flip(x))
    if x.ndim:
        check(nx.flip(n, axis=-1), np.flip(x, axis=-1))
        check(nx.roll(n, 2), np.roll(x, 2))
        check(nx.roll(n, -1, axis=0), np.roll(x, -1, axis=0))
        check(nx.expand_dims(n, axis=-1), np.expand_dims(x, -1))
        check(nx.moveaxis(n, 0, -1), np.moveaxis(x, 0, -1))
        check(nx.permute_dims(n, tuple(reversed(range(x.ndim)))), np.transpose(x))
        check(nx.repeat(n, 2, axis=0), np.repeat(x, 2, axis=0))
        un = nx.unstack(n, axis=-1)
        for g, w in zip(un, [x[..., i] for i in range(x.shape[-1])]):
            check(g, w)
        assert len(un) == x.shape[-1]
    check(nx.expand_dims(n, axis=0), np.expand_dims(x, 0))
    check(nx.squeeze(n, None), np.squeeze(x))
    check(nx.reshape(n, (-1,)), np.reshape(x, (-1,)))
    check(nx.ravel(n), np.ravel(x))
    check(nx.repeat(n, 3), np.repeat(x, 3))
    check(nx.tile(n, (2, 1)), np.tile(x, (2, 1)))
    check(nx.transpose(n), np.transpose(x))
    check(nx.broadcast_to(n, (2,) + x.shape), np.broadcast_to(x, (2,) + x.shape))
    check(nx.atleast_2d(n), np.atleast_2d(x))
    check(nx.atleast_1d(n), np.atleast_1d(x))
    check(nx.atleast_3d(n), np.atleast_3d(x))
    if x.ndim >= 2:
        check(nx.matrix_transpose(n), np.matrix_transpose(x))
        check(nx.swapaxes(n, 0, -1), np.swapaxes(x, 0, -1))


def test_squeeze_errors():
    x = np.zeros((1, 3, 1))
    check(nx.squeeze(nx.asarray(x), axis=(0, 2)), np.squeeze(x, axis=(0, 2)))
    check(nx.squeeze(nx.asarray(x), axis=-1), np.squeeze(x, axis=-1))
    with pytest.raises(ValueError):
        nx.squeeze(nx.asarray(x), axis=1)
    with pytest.raises(AxisError):
        nx.squeeze(nx.asarray(x), axis=5)


def test_axis_errors():
    x = nx.asarray(np.zeros((2, 3)))
    for f in [lambda: nx.flip(x, axis=2), lambda: nx.roll(x, 1, axis=-3),
              lambda: nx.expand_dims(x, axis=4), lambda: nx.moveaxis(x, 2, 0),
              lambda: nx.unstack(x, axis=2), lambda: nx.concat([x, x], axis=2),
              lambda: nx.stack([x, x], axis=3)]:
        with pytest.raises(AxisError):
            f()
    with pytest.raises(ValueError):
        nx.permute_dims(x, (0, 0))
    with pytest.raises(ValueError):
        nx.reshape(x, (4, 2))
    with pytest.raises(ValueError):
        nx.broadcast_to(x, (3, 3))
    with pytest.raises(ValueError):
        nx.matrix_transpose(nx.asarray(np.zeros(3)))


def test_reshape_copy():
    b = np.arange(12.0).reshape(3, 4)
    x = nx.asarray(b)
    v = nx.reshape(x, (4, 3), copy=False)
    assert np.shares_memory(np.asarray(v), b)
    c = nx.reshape(x, (4, 3), copy=True)
    assert not np.shares_memory(np.asarray(c), b)
    with pytest.raises(ValueError):
        nx.reshape(nx.asarray(b.T), (12,), copy=False)
    check(nx.reshape(x, (2, -1)), np.reshape(b, (2, -1)))


@pytest.mark.parametrize("axis", [0, 1, -1, None])
def test_concat(axis):
    a = np.arange(6, dtype="int32").reshape(2, 3)
    b = np.ones((2, 3), "float32")
    check(nx.concat([nx.asarray(a), nx.asarray(b)], axis=axis), np.concatenate([a, b], axis=axis))
    check(nx.concatenate((a, b), axis=axis), np.concatenate((a, b), axis=axis))
    check(nx.concatenate((a, a), axis=axis, dtype="float64"), np.concatenate((a, a), axis=axis, dtype="float64"))


def test_concat_errors():
    with pytest.raises(ValueError):
        nx.concat([nx.zeros((2, 3)), nx.zeros((3, 2))])
    with pytest.raises(ValueError):
        nx.concat([nx.zeros(()), nx.zeros(())])
    with pytest.raises(ValueError):
        nx.concat([])


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3])
def test_stack(axis):
    a, b = np.arange(6).reshape(2, 3), np.arange(6, 12).reshape(2, 3)
    check(nx.stack([nx.asarray(a), nx.asarray(b)], axis=axis), np.stack([a, b], axis=axis))
    with pytest.raises(ValueError):
        nx.stack([nx.asarray(a), nx.zeros((3, 2))])


def test_vstack_hstack_split():
    a, b = np.arange(3), np.arange(3, 6)
    check(nx.vstack([a, b]), np.vstack([a, b]))
    check(nx.hstack([a, b]), np.hstack([a, b]))
    m = np.arange(24).reshape(4, 6)
    for sec, ax in [(2, 0), (3, 1), ([1, 4], 1), ([1, 10], 0)]:
        got, want = nx.split(nx.asarray(m), sec, axis=ax), np.split(m, sec, axis=ax)
        assert len(got) == len(want)
        for g, w in zip(got, want):
            check(g, w)
    with pytest.raises(ValueError):
        nx.split(nx.asarray(m), 5, axis=1)


def test_broadcast_arrays():
    a, b = np.arange(3), np.arange(4).reshape(4, 1)
    got = nx.broadcast_arrays(nx.asarray(a), nx.asarray(b), 2)
    want = np.broadcast_arrays(a, b, 2)
    assert isinstance(got, tuple)
    for g, w in zip(got, want):
        check(g, w)
    with pytest.raises(ValueError):
        nx.broadcast_arrays(nx.zeros(3), nx.zeros(4))


def test_repeat_tile():
    x = np.arange(6).reshape(2, 3)
    check(nx.repeat(nx.asarray(x), nx.asarray(np.array([1, 0, 2])), axis=1), np.repeat(x, [1, 0, 2], axis=1))
    with pytest.raises(ValueError):
        nx.repeat(nx.asarray(x), -1)
    check(nx.tile(nx.asarray(x), (2, 1, 3)), np.tile(x, (2, 1, 3)))
    check(nx.tile(nx.asarray(x), (0,)), np.tile(x, (0,)))


def test_take():
    x = np.arange(12.0).reshape(3, 4)
    n = nx.asarray(x)
    idx = np.array([2, 0, -1])
    check(nx.take(n, nx.asarray(idx), axis=1), np.take(x, idx, axis=1))
    check(nx.take(n, nx.asarray(idx)), np.take(x, idx))
    check(nx.take(n, nx.asarray(np.array([[0, 1], [2, 0]])), axis=0), np.take(x, [[0, 1], [2, 0]], axis=0))
    with pytest.raises(IndexError):
        nx.take(n, nx.asarray(np.array([5, -7])), axis=1)
    with pytest.raises(IndexError):
        nx.take(n, nx.asarray(np.array([4])), axis=1)


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_take_along_axis(axis):
    x = np.array([[10, 30, 20], [60, 40, 50]], "int16")
    idx = np.argsort(x, axis=axis)
    check(nx.take_along_axis(nx.asarray(x), nx.asarray(idx), axis=axis), np.take_along_axis(x, idx, axis=axis))
    flat = np.argsort(x, axis=None)
    check(nx.take_along_axis(nx.asarray(x), nx.asarray(flat), axis=None), np.take_along_axis(x, flat, axis=None))


@settings(max_examples=40, deadline=None)
@given(hnp.arrays(st.sampled_from([np.int16, np.float64, np.bool_]),
                  hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=4)), st.data())
def test_hypothesis_manip(x, data):
    n = nx.asarray(x)
    ax = data.draw(st.integers(-x.ndim, x.ndim - 1))
    check(nx.flip(n, axis=ax), np.flip(x, axis=ax))
    check(nx.roll(n, 3, axis=ax), np.roll(x, 3, axis=ax))
    check(nx.concat([n, n], axis=ax), np.concatenate([x, x], axis=ax))
    check(nx.stack([n, n], axis=ax), np.stack([x, x], axis=ax))
    check(nx.moveaxis(n, ax, 0), np.moveaxis(x, ax, 0))
    check(nx.repeat(n, 2, axis=ax), np.repeat(x, 2, axis=ax))
    check(nx.tile(n, (2,)), np.tile(x, (2,)))


SIGS = {
    "broadcast_to": "(x, /, shape)", "concat": "(arrays, /, *, axis=0)", "expand_dims": "(x, /, axis)",
    "flip": "(x, /, *, axis=None)", "moveaxis": "(x, source, destination, /)",
    "permute_dims": "(x, /, axes)", "repeat": "(x, repeats, /, *, axis=None)",
    "roll": "(x, /, shift, *, axis=None)", "stack": "(arrays, /, *, axis=0)",
    "tile": "(x, repetitions, /)", "unstack": "(x, /, *, axis=0)",
    "take_along_axis": "(x, indices, /, *, axis=-1)", "matmul": "(x1, x2, /)",
    "matrix_transpose": "(x, /)", "tensordot": "(x1, x2, /, *, axes=2)", "vecdot": "(x1, x2, /, *, axis=-1)",
}


@pytest.mark.parametrize("name", sorted(SIGS))
def test_signatures(name):
    import inspect
    assert str(inspect.signature(getattr(nx, name))) == SIGS[name]
