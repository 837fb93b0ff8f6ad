import io

import numpy as np
import pytest

import numox as nx
from conftest import check


@pytest.mark.parametrize("x", [np.arange(12, dtype="int16").reshape(3, 4), np.array(2.5), np.zeros((0, 2)),
                               (np.arange(6.0) + 1j).reshape(2, 3)[:, ::2], np.array([True, False])])
def test_save_load_npy(tmp_path, x):
    p = tmp_path / "a"
    nx.save(str(p), nx.asarray(x))
    check(np.load(str(p) + ".npy"), x)
    check(nx.load(str(p) + ".npy"), x)
    np.save(tmp_path / "b.npy", x)
    check(nx.load(tmp_path / "b.npy"), x)


def test_file_objects(tmp_path):
    x = np.arange(5.0)
    buf = io.BytesIO()
    nx.save(buf, nx.asarray(x))
    buf.seek(0)
    check(np.load(buf), x)
    buf.seek(0)
    check(nx.load(buf), x)


@pytest.mark.parametrize("compressed", [False, True])
def test_savez(tmp_path, compressed):
    a, b = np.arange(6).reshape(2, 3), np.linspace(0, 1, 4, dtype="float32")
    f = nx.savez_compressed if compressed else nx.savez
    f(str(tmp_path / "z"), a, weights=b)
    with np.load(tmp_path / "z.npz") as w:
        assert sorted(w.files) == ["arr_0", "weights"]
        check(w["weights"], b)
    z = nx.load(str(tmp_path / "z.npz"))
    assert sorted(z.files) == ["arr_0", "weights"]
    check(z["arr_0"], a)
    check(z["weights"], b)
    assert "weights" in z and len(z) == 2
    assert sorted(list(z)) == ["arr_0", "weights"]
    with pytest.raises(KeyError):
        z["nope"]
    np.savez(tmp_path / "n.npz", x=a)
    with nx.load(tmp_path / "n.npz") as z2:
        check(z2["x"], a)


def test_load_missing(tmp_path):
    with pytest.raises(OSError):
        nx.load(str(tmp_path / "missing.npy"))


def test_loadtxt(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("# header\na,b,c\n1,2,3\n4,5,6\n7,8,9\n")
    kw = dict(delimiter=",", skiprows=2)
    check(nx.loadtxt(str(p), **kw), np.loadtxt(p, **kw))
    check(nx.loadtxt(p, usecols=(0, 2), **kw), np.loadtxt(p, usecols=(0, 2), **kw))
    check(nx.loadtxt(p, usecols=1, dtype="int32", **kw), np.loadtxt(p, usecols=1, dtype="int32", **kw))
    q = tmp_path / "w.txt"
    q.write_text("1.5 2\n3 4.25\n")
    check(nx.loadtxt(q), np.loadtxt(q))
    got = nx.loadtxt(q, unpack=True)
    want = np.loadtxt(q, unpack=True)
    for g, w in zip(got, want):
        check(g, w)
    check(nx.loadtxt(["1 2", "3 4"]), np.loadtxt(["1 2", "3 4"]))
    with pytest.raises(ValueError):
        nx.loadtxt(["1 2", "3"])
