"""Casting and promotion: np.promote_types, np.can_cast (all five rules), np.result_type with weak
Python scalars, how a Python scalar is stored into each dtype (a[0] = x), and astype for every
(src, dst) pair over tricky values.

bfloat16 is ml_dtypes.bfloat16. Where ml_dtypes gives no answer or an inconsistent one, the
`expect` column holds numox's documented choice next to NumPy's answer:
- promote_types(bfloat16, X) raises for X in float16 and the 16/32/64-bit integers; numox picks
  the smallest float both cast to safely (float32 for float16 and 16-bit ints, float64 for 32- and
  64-bit ints), the rule NumPy's own table follows.
- can_cast(bfloat16, float16, 'same_kind') is False and can_cast(complex, bfloat16,
  'same_kind') is True in ml_dtypes, against NumPy's kind order; numox keeps the kind order.
- result_type(bfloat16, 1.0) is float64 in ml_dtypes while bfloat16 * 2.0 gives float32 (its
  ufunc loops); numox keeps bfloat16, as float16 + 1.0 stays float16.
- storing a Python int >= 2**63 or a complex into bfloat16 raises TypeError("expected number")
  in ml_dtypes; numox converts the int as its astype does and raises float()'s TypeError for the
  complex, as NumPy does for float16.

Files (all text, one record per line, '#' starts a comment):
- promote_types.txt: a b numpy expect          (numpy is 'error' where it raises)
- can_cast.txt:      from to numpy expect   (five 0/1 digits each: no equiv safe same_kind
                     unsafe)
- result_type.txt:   arrays scalars numpy expect  (comma lists, '-' for none; scalars are the
                     kinds bool,int,float,complex given as True, 1, 1.0, 1j)
- coerce.txt:        kind value dtype result   (value: int decimal, float/complex as hex bits of
                     float64 (re,im), bool 0/1; result: hex of the stored element's little-endian
                     bytes, or 'error <Variant> <message>')
- astype.txt:        blocks 'src <dtype>' / 'values <hex>...' / '<dst> <cell>...' where a cell is
                     the hex of the element's little-endian bytes, or 'E' where NumPy's result is
                     undefined (float NaN/inf/out of range to an integer) and numox must error.
"""
import itertools
import math
import os
import warnings

import ml_dtypes
import numpy as np

BF16 = np.dtype(ml_dtypes.bfloat16)
NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
         "float16", "bfloat16", "float32", "float64", "complex64", "complex128"]
KINDS = ["no", "equiv", "safe", "same_kind", "unsafe"]
SCALARS = {"bool": True, "int": 1, "float": 1.0, "complex": 1j}
SCALAR_ORDER = ["bool", "int", "float", "complex"]


def dt(name):
    return BF16 if name == "bfloat16" else np.dtype(name)


def name_of(d):
    return "bfloat16" if d == BF16 else np.dtype(d).name


def np_promote(a, b):
    try:
        return name_of(np.promote_types(dt(a), dt(b)))
    except Exception:
        return "error"


def promote_all(names):
    """numox's rule: the first dtype (in NAMES order) that every input casts to safely. It equals
    np.result_type for any number of NumPy dtypes (checked below for pairs and triples) and fills
    the bfloat16 pairs ml_dtypes leaves undefined."""
    for c in NAMES:
        if all(np.can_cast(dt(a), dt(c), "safe") for a in names):
            return c
    raise AssertionError(names)


def promote(a, b):
    return promote_all([a, b])


def weak(d, kind):
    """numox's rule for one weak scalar (checked against NumPy below)."""
    k = np.dtype("float64" if d == "bfloat16" else d).kind
    if kind == "int" and k == "b":
        return "int64"
    if kind == "float" and k in "biu":
        return "float64"
    if kind == "complex":
        return "complex64" if d in ("float16", "bfloat16", "float32", "complex64") \
            else "complex128"
    return d


def result_expect(arrays, scalars):
    if arrays:
        d = promote_all(arrays)
        for s in scalars:
            d = weak(d, s)
        return d
    return {"bool": "bool", "int": "int64", "float": "float64",
            "complex": "complex128"}[max(scalars, key=SCALAR_ORDER.index)]


def np_result(arrays, scalars):
    try:
        return name_of(np.result_type(*[dt(a) for a in arrays], *[SCALARS[s] for s in scalars]))
    except Exception:
        return "error"


def check(got, exp, names):
    """numox departs from NumPy only in the documented bfloat16 cases."""
    if got != "error" and got != exp and "bfloat16" not in names:
        raise AssertionError(f"{names}: numpy {got}, numox rule {exp}")


def gen_promote(out):
    lines = ["# a b numpy expect"]
    for a in NAMES:
        for b in NAMES:
            got, exp = np_promote(a, b), promote(a, b)
            check(got, exp, [a, b])
            lines.append(f"{a} {b} {got} {exp}")
    write(out, "promote_types.txt", lines)


# ml_dtypes' same_kind answers that break NumPy's kind order (bool < uint < int < float <
# complex): it refuses bfloat16 -> float16 (while allowing float16 -> bfloat16) and allows
# complex -> bfloat16 (while NumPy refuses complex -> float16). numox keeps the kind order.
CAN_CAST_DEVIATIONS = {("bfloat16", "float16", "same_kind"): True,
                       ("complex64", "bfloat16", "same_kind"): False,
                       ("complex128", "bfloat16", "same_kind"): False}


def gen_can_cast(out):
    lines = ["# from to numpy expect   (5 bits each: " + " ".join(KINDS) + ")"]
    for a in NAMES:
        for b in NAMES:
            got = [bool(np.can_cast(dt(a), dt(b), k)) for k in KINDS]
            exp = [CAN_CAST_DEVIATIONS.get((a, b, k), g) for k, g in zip(KINDS, got)]
            bits = lambda v: "".join(str(int(x)) for x in v)
            lines.append(f"{a} {b} {bits(got)} {bits(exp)}")
    write(out, "can_cast.txt", lines)


def gen_result_type(out):
    lines = ["# arrays scalars numpy expect"]
    subsets = [[s for i, s in enumerate(SCALAR_ORDER) if m >> i & 1] for m in range(1, 16)]
    cases = [([], s) for s in subsets]
    for a in NAMES:
        for s in [[]] + subsets:
            cases.append(([a], s))
    pairs = [("int8", "uint8"), ("int64", "uint64"), ("bool", "bool"), ("float16", "int16"),
             ("bfloat16", "int8"), ("bfloat16", "float16"), ("uint32", "int8"),
             ("float32", "int32"), ("complex64", "float64"), ("bool", "uint16")]
    for a, b in pairs:
        for s in [[]] + [[k] for k in SCALAR_ORDER]:
            cases.append(([a, b], s))
    cases.append((["int8", "uint16", "float16"], ["float"]))
    cases.append((["bool", "int8", "uint8", "int16"], ["complex", "int"]))
    # Three arrays: NumPy's result is not the pairwise fold (int8, uint16, float16 -> float32).
    numpy_names = [n for n in NAMES if n != "bfloat16"]
    for a, b, c in itertools.combinations(numpy_names, 3):
        cases.append(([a, b, c], []))
    for arrays, scalars in cases:
        exp = result_expect(arrays, scalars)
        got = np_result(arrays, scalars)
        check(got, exp, arrays)
        lines.append(f"{','.join(arrays) or '-'} {','.join(scalars) or '-'} {got} {exp}")
    write(out, "result_type.txt", lines)


def hexbits(arr):
    """Hex of each element's little-endian bytes."""
    b = arr.tobytes()
    n = arr.dtype.itemsize
    return [int.from_bytes(b[i:i + n], "little").to_bytes(n, "big").hex()
            for i in range(0, len(b), n)]


def f64hex(x):
    return np.array([x], np.float64).view(np.uint64)[0].item().to_bytes(8, "big").hex()


COERCE_VALUES = (
    [("bool", False), ("bool", True)]
    + [("int", v) for v in [0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 300, -300, 65504,
                           65520, 2**15, 2**16, 2**31, -2**31 - 1, 2**32, 2**53 + 1,
                           2**62 + 2**54 + 2**38 + 1, 2**30 + 2**22 + 1,
                           2**63 - 1, -2**63, 2**63, 2**64 - 1]]
    + [("float", v) for v in [0.0, -0.0, 2.7, -2.7, 0.5, -0.5, 300.7, 255.9, 256.0, -1.0,
                             1e10, 1e19, -1e19, 9.3e18, 1e20, 1e300, -1e300, 65504.0, 65520.0,
                             3.5e38, 1.0009765625, 257.5, 1 + 2**-8 + 2**-30,
                             1 + 2**-11 + 2**-40, 1e-40, float("nan"), float("inf"),
                             float("-inf")]]
    + [("complex", v) for v in [0j, 1 + 2j, -2.5 + 0j, complex(0, float("nan")),
                               complex(1e300, -1)]]
)

EXC = {"OverflowError": "Overflow", "ValueError": "Value", "TypeError": "DType"}


def store(d, v):
    a = np.zeros(1, d)
    a[0] = v
    return a


def gen_coerce(out):
    lines = ["# kind value dtype result"]
    for kind, v in COERCE_VALUES:
        if kind == "int":
            vs = str(v)
        elif kind == "float":
            vs = f64hex(v)
        elif kind == "complex":
            vs = f64hex(v.real) + "," + f64hex(v.imag)
        else:
            vs = str(int(v))
        for name in NAMES:
            d = dt(name)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    res = hexbits(store(d, v))[0]
            except Exception as e:
                res = f"error {EXC[type(e).__name__]} {e}"
            if name == "bfloat16" and res.startswith("error"):
                # ml_dtypes' TypeError("expected number, got ...") cases: see the module doc.
                if kind == "complex":
                    res = ("error DType float() argument must be a string or a real number, "
                           "not 'complex'")
                else:
                    res = hexbits(np.array([v], np.uint64).astype(BF16))[0]
            lines.append(f"{kind} {vs} {name} {res}")
    write(out, "coerce.txt", lines)


INTS = [0, 1, -1, 2, 3, 7, 100, 127, 128, 200, 255, 256, 257, 300, -2, -100, -127, -128, -129,
        -300, 1000, 2049, 2**15 - 1, 2**15, -2**15, -2**15 - 1, 65504, 65505, 65519, 65520,
        65535, 65536, 2**24 + 1, 2**24 + 3, -(2**24) - 1, 2**30 + 2**22 + 1, 2**31 - 1, 2**31,
        -2**31, -2**31 - 1, 3 * 10**9, 2**32 - 1, 2**32, 2**53 + 1, -(2**53) - 1,
        2**62 + 2**54 + 2**38 + 1, 2**63 - 1, -2**63, 2**63 + 2**39 + 1, 2**64 - 1]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.9999, -0.9999, 0.1, 1 / 3,
          2.7, -2.7, 127.0, 127.9, 128.0, -128.9, -129.0, 255.5, 255.99, 256.0, 300.7, -300.7,
          1000.5, 2049.0, 32767.9, 32768.0, -32768.9, -32769.0, 65504.0, 65519.99, 65520.0,
          65535.9, 65536.0, 1e10, -1e10, 2147483647.5, 2147483648.0, -2147483648.9,
          -2147483649.0, 4294967295.5, 4294967296.0, 9.2e18, 9223372036854775808.0,
          -9223372036854775808.0, 1.8446744073709550e19, 18446744073709551616.0, 3.4e38,
          3.5e38, 1e300, -1e300, 1.0009765625, 1.00048828125, 257.5, 1 + 2**-8 + 2**-30,
          1 + 2**-11 + 2**-40, 1 + 2**-24 + 2**-60, 6e-8, 3e-8, 1e-40, 5e-324, -5e-324,
          2**-24, 2**-25, 1.5 * 2**-25, 2**-149, 2**-150, 2**-133 * 1.75,
          float(np.finfo(np.float16).max), float(np.finfo(np.float32).max),
          float(ml_dtypes.finfo(ml_dtypes.bfloat16).max), float(np.finfo(np.float64).max),
          float(np.finfo(np.float32).tiny), float(np.finfo(np.float64).tiny),
          float("nan"), -float("nan"), float("inf"), -float("inf")]
IMAGS = [0.0, 1.0, -0.0, float("nan"), float("inf")]
CREALS = [0.0, -0.0, 1.5, -2.5, 300.7, 1e10, 65520.0, 1 + 2**-11 + 2**-40, 1 + 2**-8 + 2**-30,
          float("nan"), float("inf"), -float("inf")]


def source_values(name):
    d = dt(name)
    if name == "bool":
        return np.array([False, True])
    if d.kind in "iu":
        info = np.iinfo(d)
        return np.array([v for v in INTS if info.min <= v <= info.max], d)
    with np.errstate(all="ignore"):
        if d.kind == "c":
            vals = [complex(r, i) for r in CREALS for i in IMAGS[:2]]
            vals += [complex(1.5, i) for i in IMAGS[2:]] + [complex(0.0, 2.0)]
            arr = np.array(vals, d)
        else:
            arr = np.array(FLOATS, np.float64).astype(d)
    # Drop duplicates (values that rounded together), keeping order.
    keep, seen = [], set()
    for i, h in enumerate(hexbits(arr)):
        if h not in seen:
            seen.add(h)
            keep.append(i)
    return arr[keep]


def undefined(x, dst):
    """NumPy leaves float -> int undefined for NaN, inf and truncations out of range."""
    info = np.iinfo(dst)
    x = float(x.real) if isinstance(x, complex) else float(x)
    if not math.isfinite(x):
        return True
    return not info.min <= math.trunc(x) <= info.max


def gen_astype(out):
    lines = ["# src <dtype> / values <hex>... / <dst> <hex or E>..."]
    for s in NAMES:
        vals = source_values(s)
        lines.append(f"src {s}")
        lines.append("values " + " ".join(hexbits(vals)))
        for t in NAMES:
            d = dt(t)
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                res = hexbits(vals.astype(d))
            if d.kind in "iu" and dt(s).kind in "fc" or (s == "bfloat16" and d.kind in "iu"):
                pyvals = [complex(v) if dt(s).kind == "c" else float(v) for v in vals]
                res = ["E" if undefined(v, d) else r for v, r in zip(pyvals, res)]
            lines.append(f"{t} " + " ".join(res))
    write(out, "astype.txt", lines)


def write(out, fname, lines):
    with open(os.path.join(out, fname), "w") as f:
        f.write("\n".join(lines) + "\n")


def generate(out):
    gen_promote(out)
    gen_can_cast(out)
    gen_result_type(out)
    gen_coerce(out)
    gen_astype(out)
