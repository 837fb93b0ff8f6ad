"""Every function of the Array API standard 2024.12 exists in numox with the standard's
signature: parameter names, kinds (positional-only, keyword-only) and defaults, as
array-api-strict (the standard's reference namespace) declares them."""

import inspect

import array_api_strict as xp
import pytest

import numox

xp.set_array_api_strict_flags(api_version="2024.12")
_Array = type(xp.asarray(0))

# Functions array-api-strict has that belong to a newer version of the standard, or are its own.
NOT_2024 = {"isin", "broadcast_shapes"}
OWN = {"get_array_api_strict_flags", "set_array_api_strict_flags", "reset_array_api_strict_flags",
       "ArrayAPIStrictFlags", "Device"}
LINALG_NOT_2024 = {"eig", "eigvals"}


def _functions(ns, names, skip):
    out = []
    for n in names:
        if n in skip or n.startswith("_"):
            continue
        f = getattr(ns, n)
        if inspect.isfunction(f):
            out.append(n)
    return sorted(out)


MAIN = _functions(xp, xp.__all__, NOT_2024 | OWN)
LINALG = _functions(xp.linalg, xp.linalg.__all__, LINALG_NOT_2024 | OWN)


def _shape(sig):
    return [(p.name, p.kind, p.default) for p in sig.parameters.values()]


def _check(ours, theirs):
    so, st = inspect.signature(ours), inspect.signature(theirs)
    po, pt = _shape(so), _shape(st)
    assert [(n, k) for n, k, _ in po] == [(n, k) for n, k, _ in pt], f"{so} != {st}"
    for (n, _, do), (_, _, dt) in zip(po, pt):
        if do is Ellipsis:  # a default the text signature cannot spell
            continue
        assert (do is inspect.Parameter.empty) == (dt is inspect.Parameter.empty), n
        if dt is not inspect.Parameter.empty and (dt is None or isinstance(dt, (bool, int, float, str, tuple))):
            assert do == dt, f"default of {n}: {do!r} != {dt!r}"


def test_the_lists_are_whole():
    assert len(MAIN) > 120 and len(LINALG) >= 23


@pytest.mark.parametrize("name", MAIN)
def test_main_namespace_signature(name):
    assert hasattr(numox, name), f"numox has no {name}"
    _check(getattr(numox, name), getattr(xp, name))


@pytest.mark.parametrize("name", LINALG)
def test_linalg_signature(name):
    import numox.linalg

    assert hasattr(numox.linalg, name), f"numox.linalg has no {name}"
    _check(getattr(numox.linalg, name), getattr(xp.linalg, name))


@pytest.mark.parametrize("name", ["e", "inf", "nan", "pi", "newaxis"])
def test_constants(name):
    import math

    ours, theirs = getattr(numox, name), getattr(xp, name)
    if isinstance(theirs, float) and math.isnan(theirs):
        assert math.isnan(ours)
    else:
        assert ours == theirs


def test_dtypes_and_version():
    assert numox.__array_api_version__ == "2024.12"
    for name in ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                 "float32", "float64", "complex64", "complex128"]:
        d = getattr(numox, name)
        assert d == d and hash(d) == hash(getattr(numox, name))
        assert str(d) == name
    assert numox.float16.itemsize == 2 and numox.bfloat16.itemsize == 2
    assert numox.float32 != numox.float64


ARRAY_METHODS = ["__abs__", "__add__", "__and__", "__array_namespace__", "__bool__", "__complex__",
                 "__dlpack__", "__dlpack_device__", "__eq__", "__float__", "__floordiv__", "__ge__",
                 "__getitem__", "__gt__", "__index__", "__int__", "__invert__", "__le__",
                 "__lshift__", "__lt__", "__matmul__", "__mod__", "__mul__", "__ne__", "__neg__",
                 "__or__", "__pos__", "__pow__", "__rshift__", "__setitem__", "__sub__",
                 "__truediv__", "__xor__", "to_device"]


@pytest.mark.parametrize("name", ARRAY_METHODS)
def test_array_object_methods(name):
    assert hasattr(numox.ndarray, name)
    if name == "to_device":  # array-api-strict leaves out the standard's `*` here
        assert str(inspect.signature(numox.ndarray.to_device)) == "(self, device, /, *, stream=None)"
    if name in ("__array_namespace__", "__dlpack__"):
        _check(getattr(numox.ndarray, name), getattr(_Array, name))


@pytest.mark.parametrize("name", ["dtype", "device", "mT", "ndim", "shape", "size", "T"])
def test_array_attributes(name):
    x = numox.asarray([[1.0, 2.0], [3.0, 4.0]])
    getattr(x, name)


def test_namespace_info():
    info = numox.__array_namespace_info__()
    assert info.default_device() == "cpu"
    assert info.devices() == ["cpu"]
    caps = info.capabilities()
    assert caps["boolean indexing"] and caps["data-dependent shapes"]
    d = info.default_dtypes()
    assert d["real floating"] == numox.float64 and d["integral"] == numox.int64
    assert set(info.dtypes(kind="integral")) == {"int8", "int16", "int32", "int64", "uint8", "uint16",
                                                  "uint32", "uint64"}
    assert set(info.dtypes(kind=("bool", "complex floating"))) == {"bool", "complex64", "complex128"}
