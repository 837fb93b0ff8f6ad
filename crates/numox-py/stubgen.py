#!/usr/bin/env python3
"""Writes the type stubs of the numox package (python/numox/*.pyi) from the installed extension:
every function with its exact signature, the array class with its attributes and methods, and
the dtype constants. The test suite (tests/test_stubs.py) checks that the committed stubs equal
what this writes, so run it after changing a signature:

    python crates/numox-py/stubgen.py          (with the numox wheel installed)
"""

import inspect
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "python" / "numox"

RETURNS = {"shape": "tuple[int, ...]", "dtype": "dtype", "ndim": "int", "size": "int",
           "device": "str", "T": "ndarray", "mT": "ndarray", "strides": "tuple[int, ...]",
           "itemsize": "int", "nbytes": "int", "name": "str", "kind": "str", "str": "str"}


def reference(name, sub=None):
    """The standard's declaration of `name` (array-api-strict's, at version 2024.12), if any."""
    try:
        import array_api_strict as xp

        xp.set_array_api_strict_flags(api_version="2024.12")
        ns = getattr(xp, sub) if sub else xp
        return inspect.signature(getattr(ns, name))
    except Exception:  # noqa: BLE001 - not in the standard, or no array-api-strict
        return None


def ann(a):
    """An annotation of the standard's declaration in the stubs' names."""
    if a is inspect.Parameter.empty or a is inspect.Signature.empty:
        return "Any"
    text = a if isinstance(a, str) else inspect.formatannotation(a)
    for old, new in (("array_api_strict._array_object.Array", "ndarray"),
                     ("array_api_strict._dtypes.DType", "dtype"), ("_dtypes.DType", "dtype"),
                     ("array_api_strict._flags.", ""), ("array_api_strict._info.", ""),
                     ("array_api_strict._array_object.", ""), ("array_api_strict._linalg.", ""),
                     ("typing.", ""), ("NoneType", "None"), (" | Undef", ""),
                     ("_UndefType", "None")):
        text = text.replace(old, new)
    text = re.sub(r"\bArray\b", "ndarray", text)
    text = re.sub(r"\bDType\b", "dtype", text)
    return text


def fmt_sig(obj, method=False, ref=None):
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(self, *args: Any, **kwargs: Any)" if method else "(*args: Any, **kwargs: Any)"
    types = {p.name: ann(p.annotation) for p in ref.parameters.values()} if ref else {}
    parts = []
    seen_kw_only = False
    for p in sig.parameters.values():
        if p.kind is p.KEYWORD_ONLY and not seen_kw_only:
            if not any(q.kind is q.VAR_POSITIONAL for q in sig.parameters.values()):
                parts.append("*")
            seen_kw_only = True
        if p.kind is p.VAR_POSITIONAL:
            s = f"*{p.name}: Any"
            seen_kw_only = True
        elif p.kind is p.VAR_KEYWORD:
            s = f"**{p.name}: Any"
        elif p.name == "self":
            s = "self"
        else:
            s = f"{p.name}: {types.get(p.name, 'Any')}"
            if p.default is not p.empty:
                s += " = ..."
        parts.append(s)
        if p.kind is p.POSITIONAL_ONLY:
            nxt = list(sig.parameters.values())
            i = nxt.index(p)
            if i + 1 == len(nxt) or nxt[i + 1].kind is not p.POSITIONAL_ONLY:
                parts.append("/")
    ret = ann(ref.return_annotation) if ref else "Any"
    return "(" + ", ".join(parts) + ") -> " + ret


def class_stub(name, cls):
    lines = [f"class {name}:"]
    body = []
    for attr in sorted(vars(cls)):
        if attr.startswith("__") and attr not in SPECIAL:
            continue
        v = getattr(cls, attr)
        if isinstance(v, (property, type(ndarray_shape_descr()))) or inspect.isgetsetdescriptor(v):
            body.append(f"    @property\n    def {attr}(self) -> {RETURNS.get(attr, 'Any')}: ...")
        elif callable(v):
            body.append(f"    def {attr}{fmt_sig(v, method=True)}: ...")
    return "\n".join(lines + (body or ["    ..."]))


def ndarray_shape_descr():
    import numox

    return vars(numox.ndarray)["shape"]


SPECIAL = {"__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__",
           "__rmul__", "__imul__", "__truediv__", "__rtruediv__", "__itruediv__", "__floordiv__",
           "__rfloordiv__", "__ifloordiv__", "__mod__", "__rmod__", "__imod__", "__pow__",
           "__rpow__", "__ipow__", "__matmul__", "__rmatmul__", "__imatmul__", "__and__",
           "__rand__", "__iand__", "__or__", "__ror__", "__ior__", "__xor__", "__rxor__", "__ixor__",
           "__lshift__", "__rlshift__", "__ilshift__", "__rshift__", "__rrshift__", "__irshift__",
           "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__", "__neg__", "__pos__",
           "__abs__", "__invert__", "__getitem__", "__setitem__", "__len__", "__iter__",
           "__bool__", "__int__", "__float__", "__complex__", "__index__", "__array__",
           "__array_namespace__", "__dlpack__", "__dlpack_device__", "__array_interface__"}


PRELUDE = """from typing import Any, Literal, NamedTuple, Optional, Sequence, Tuple, Union

NestedSequence = Sequence
SupportsBufferProtocol = Any
PyCapsule = Any
SupportsDLPack = Any
Device = str
"""


def module_stub(mod, header, sub=None):
    out = [header, PRELUDE]
    classes, funcs, consts = [], [], []
    for name in sorted(dir(mod)):
        if name.startswith("_") and name not in ("__array_namespace_info__", "__array_api_version__"):
            continue
        v = getattr(mod, name)
        if inspect.ismodule(v):
            continue
        if inspect.isclass(v):
            if issubclass(v, BaseException):
                classes.append(f"class {name}({v.__bases__[0].__name__}): ...")
            else:
                classes.append(class_stub(name, v))
        elif callable(v) and not type(v).__name__ == "dtype":
            funcs.append(f"def {name}{fmt_sig(v, ref=reference(name, sub))}: ...")
        else:
            t = type(v).__name__
            consts.append(f"{name}: {'dtype' if t == 'dtype' else t}")
    return "\n".join(out + classes + [""] + consts + [""] + funcs) + "\n"


def generate():
    import numox

    files = {"__init__.pyi": module_stub(numox, '"""Type stubs of numox (generated by crates/numox-py/stubgen.py)."""')}
    for sub in ("linalg", "random"):
        try:
            m = __import__(f"numox.{sub}", fromlist=["_"])
        except ImportError:
            continue
        files[f"{sub}.pyi"] = module_stub(m, f'"""Type stubs of numox.{sub} (generated by crates/numox-py/stubgen.py)."""', sub if sub == "linalg" else None)
    return files


def main():
    for name, text in generate().items():
        (OUT / name).write_text(text)
        print(f"wrote {OUT / name}", file=sys.stderr)
    (OUT / "py.typed").write_text("")


if __name__ == "__main__":
    main()
