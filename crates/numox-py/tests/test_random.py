import numpy as np
import pytest

import numox as nx
import numox.random as nr
from conftest import check


def same(got, want):
    g, w = np.asarray(got), np.asarray(want)
    assert g.dtype == w.dtype and g.shape == w.shape
    assert np.array_equal(g, w), (g, w)


@pytest.mark.parametrize("seed", [0, 42, 2**40, [1, 2, 3]])
def test_generator_streams(seed):
    g, w = nr.default_rng(seed), np.random.default_rng(seed)
    same(g.normal(size=5), w.normal(size=5))
    same(g.random((2, 3)), w.random((2, 3)))
    same(g.random(4, dtype="float32"), w.random(4, dtype="float32"))
    same(g.standard_normal(7), w.standard_normal(7))
    same(g.uniform(-2, 3, size=6), w.uniform(-2, 3, size=6))
    same(g.integers(0, 10, size=20), w.integers(0, 10, size=20))
    same(g.integers(5, size=3, dtype="uint8"), w.integers(5, size=3, dtype="uint8"))
    same(g.integers(-3, 3, size=5, endpoint=True), w.integers(-3, 3, size=5, endpoint=True))
    same(g.exponential(2.0, size=4), w.exponential(2.0, size=4))
    same(g.choice(10, size=4), w.choice(10, size=4))
    same(g.choice(10, size=4, replace=False), w.choice(10, size=4, replace=False))
    same(g.choice(np.arange(5.0), size=3, p=[0.1, 0.2, 0.3, 0.2, 0.2]), w.choice(np.arange(5.0), size=3, p=[0.1, 0.2, 0.3, 0.2, 0.2]))
    same(g.permutation(8), w.permutation(8))
    same(g.permutation(np.arange(12).reshape(4, 3)), w.permutation(np.arange(12).reshape(4, 3)))
    a, b = nx.asarray(np.arange(10.0)), np.arange(10.0)
    g.shuffle(a)
    w.shuffle(b)
    same(a, b)
    assert g.normal() == w.normal()
    assert isinstance(g.random(), float)
    assert g.integers(100) == w.integers(100)


def test_bit_identical_normal_42():
    assert np.asarray(nr.default_rng(42).normal(size=5)).tobytes() == np.random.default_rng(42).normal(size=5).tobytes()


@pytest.mark.parametrize("seed", [0, 1234, 2**32 - 1])
def test_legacy_streams(seed):
    r, w = nr.RandomState(seed), np.random.RandomState(seed)
    same(r.rand(3, 2), w.rand(3, 2))
    same(r.randn(4), w.randn(4))
    same(r.random_sample((2, 2)), w.random_sample((2, 2)))
    same(r.random(3), w.random(3))
    same(r.normal(1.0, 2.0, size=5), w.normal(1.0, 2.0, size=5))
    same(r.uniform(0, 5, size=3), w.uniform(0, 5, size=3))
    same(r.standard_normal(3), w.standard_normal(3))
    same(r.randint(0, 100, size=10), w.randint(0, 100, size=10))
    same(r.randint(7, size=4, dtype="int16"), w.randint(7, size=4, dtype="int16"))
    same(r.exponential(size=3), w.exponential(size=3))
    same(r.choice(6, size=4), w.choice(6, size=4))
    same(r.choice(6, size=3, replace=False), w.choice(6, size=3, replace=False))
    same(r.choice(np.array([1.0, 2.0, 3.0]), size=5, p=[0.5, 0.25, 0.25]), w.choice(np.array([1.0, 2.0, 3.0]), size=5, p=[0.5, 0.25, 0.25]))
    same(r.permutation(7), w.permutation(7))
    same(r.permutation(np.arange(6).reshape(3, 2)), w.permutation(np.arange(6).reshape(3, 2)))
    a, b = np.arange(9.0), np.arange(9.0)
    r.shuffle(a)
    w.shuffle(b)
    same(a, b)
    assert r.rand() == w.rand()
    assert r.randint(10) == w.randint(10)


def test_legacy_module():
    nr.seed(7)
    np.random.seed(7)
    same(nr.rand(3), np.random.rand(3))
    same(nr.randn(2, 2), np.random.randn(2, 2))
    same(nr.randint(0, 5, size=6), np.random.randint(0, 5, size=6))
    same(nr.random(2), np.random.random(2))
    same(nr.random_sample(2), np.random.random_sample(2))
    same(nr.normal(size=2), np.random.normal(size=2))
    same(nr.uniform(size=2), np.random.uniform(size=2))
    same(nr.standard_normal(2), np.random.standard_normal(2))
    same(nr.choice(5, 3), np.random.choice(5, 3))
    same(nr.permutation(5), np.random.permutation(5))
    a, b = nx.arange(6), np.arange(6)
    nr.shuffle(a)
    np.random.shuffle(b)
    same(a, b)


def test_errors():
    with pytest.raises(ValueError):
        nr.default_rng(-1)
    with pytest.raises(ValueError):
        nr.RandomState(-1)
    with pytest.raises(ValueError):
        nr.default_rng(0).integers(5, 5, size=2)
    with pytest.raises(ValueError):
        nr.default_rng(0).choice(3, size=5, replace=False)
    with pytest.raises(ValueError):
        nr.RandomState(0).randint(5, 2)
    g = nr.default_rng(1)
    assert nr.default_rng(g) is g
    assert nr.default_rng().random() < 1.0
