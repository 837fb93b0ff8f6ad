"""Golden files for numox's .npy/.npz reader (issue 8), all written by NumPy:

- roundtrip/: every dtype in both byte orders (1-byte types: one), C and F order, format versions
  1.0, 2.0 and 3.0, plus 0-d, empty and size-1 shapes; manifest.json lists each file's dtype,
  shape, order and the values as text (Python's repr of each element), so the Rust test checks
  what numox reads without trusting numox's own writer.
- archives: uncompressed .npz files as np.savez writes them (ZIP64 local headers), with a fixed
  timestamp so the bytes are reproducible (np.savez stamps the current time).
- malformed/: broken .npy and .npz files (truncations, bad magic and versions, lying header
  lengths, bad header dictionaries, overflowing shapes, pickled payloads, corrupt zip members);
  errors.json holds what np.load raises for each (exception type and message).

Compressed .npz files are not here: deflate output depends on the zlib build, so CI could not
reproduce them bit for bit. They are fixed fixtures in crates/numox/tests/fixtures/ (made once by
scripts/golden/io_fixtures.py).
"""
import io
import json
import os
import pickle
import zipfile

import ml_dtypes
import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128", "bfloat16"]
VERSIONS = [(1, 0), (2, 0), (3, 0)]


def values(name, n):
    """n values of dtype `name` covering its edges (min, max, NaN, inf, -0.0, subnormals)."""
    if name == "bool":
        return (np.arange(n) % 3 == 1)
    if name == "bfloat16":
        base = np.array([0.0, -0.0, 1.5, -2.25, np.inf, -np.inf, np.nan, 3e38, 1e-40])
        return np.resize(base, n).astype(ml_dtypes.bfloat16)
    dt = np.dtype(name)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        base = np.array([0, 1, info.max, info.min, 7, info.max - 1], dtype=object)
        return np.array(np.resize(base, n).tolist(), dtype=dt)
    if dt.kind == "f":
        info = np.finfo(dt)
        base = np.array([0.0, -0.0, 1.5, np.inf, -np.inf, np.nan, float(info.max),
                         float(info.smallest_subnormal), -2.5e-3], dtype=dt)
        return np.resize(base, n)
    re = values("float64" if dt == np.complex128 else "float32", n)
    out = np.empty(n, dtype=dt)
    out.real = re
    out.imag = np.resize(re[::-1], n)
    return out


def text(x):
    """Python's repr of one element: exact for every dtype (floats round-trip)."""
    if isinstance(x, (complex, np.complexfloating)):
        return f"{float(x.real)!r},{float(x.imag)!r}"
    if isinstance(x, (bool, np.bool_)):
        return "True" if x else "False"
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    return repr(float(x))


def write(path, arr, version):
    with open(path, "wb") as f:
        np.lib.format.write_array(f, arr, version=version)


def roundtrip(out):
    os.makedirs(os.path.join(out, "roundtrip"))
    manifest = []
    k = 0

    def add(fname, arr, version, expect):
        write(os.path.join(out, "roundtrip", fname), arr, version)
        manifest.append({
            "file": fname,
            "dtype": "bfloat16" if arr.dtype == ml_dtypes.bfloat16 else arr.dtype.newbyteorder("=").name,
            "shape": list(arr.shape),
            "fortran": bool(arr.flags.f_contiguous and not arr.flags.c_contiguous),
            "values": [text(x) for x in expect.ravel(order="C")],
        })

    for name in DTYPES:
        base = values(name, 6).reshape(2, 3)
        orders = ["<"] if base.dtype.itemsize == 1 or name == "bfloat16" else ["<", ">"]
        for bo in orders:
            for layout in ["C", "F"]:
                arr = base.astype(base.dtype.newbyteorder(bo)) if bo == ">" else base
                arr = np.asfortranarray(arr) if layout == "F" else np.ascontiguousarray(arr)
                version = VERSIONS[k % 3]
                k += 1
                tag = {"<": "le", ">": "be"}[bo]
                add(f"{name}_{tag}_{layout}_v{version[0]}.npy", arr, version, base)
    # Odd shapes: 0-d, empty, size-1 axes, 3-d F order, a longer array.
    for i, (name, shape) in enumerate([("float64", ()), ("int32", (0,)), ("uint16", (0, 3)),
                                       ("complex64", (1, 1, 1)), ("float32", (3, 1, 2)),
                                       ("int64", (129,))]):
        n = int(np.prod(shape))
        arr = values(name, max(n, 1))[:n].reshape(shape)
        add(f"shape_{i}_{name}.npy", arr, VERSIONS[i % 3], arr)
        if len(shape) > 1:
            add(f"shape_{i}_{name}_F.npy", np.asfortranarray(arr), (1, 0), arr)
    big = np.arange(12, dtype=">f8").reshape(3, 4)
    add("shape_be_F.npy", np.asfortranarray(big), (1, 0), big)
    with open(os.path.join(out, "roundtrip", "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=0)


def savez_fixed(path_or_file, arrays):
    """np.savez's bytes (ZIP_STORED, force_zip64 local headers) with a fixed timestamp."""
    with zipfile.ZipFile(path_or_file, mode="w", compression=zipfile.ZIP_STORED,
                         allowZip64=True) as zf:
        for key, val in arrays.items():
            info = zipfile.ZipInfo(key + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o600 << 16
            with zf.open(info, "w", force_zip64=True) as fid:
                np.lib.format.write_array(fid, np.asanyarray(val), allow_pickle=False)


def stored_arrays():
    """The arrays of stored.npz (and of the compressed fixture)."""
    return {
        "a": values("float64", 6).reshape(2, 3),
        "b": np.asfortranarray(values("int32", 12).reshape(3, 4)),
        "c": np.array(True),
        "d": np.zeros((0, 2), dtype=np.uint8),
        "arr_0": values("complex128", 5),
        "big_endian": np.arange(7, dtype=">i8"),
    }


def archives(out):
    arrays = stored_arrays()
    savez_fixed(os.path.join(out, "stored.npz"), arrays)
    manifest = []
    for key, arr in arrays.items():
        manifest.append({
            "name": key,
            "dtype": arr.dtype.newbyteorder("=").name,
            "shape": list(arr.shape),
            "fortran": bool(arr.flags.f_contiguous and not arr.flags.c_contiguous),
            "values": [text(x) for x in arr.ravel(order="C")],
        })
    with open(os.path.join(out, "stored.json"), "w") as f:
        json.dump(manifest, f, indent=0)


def npy_bytes(arr, version=(1, 0)):
    b = io.BytesIO()
    np.lib.format.write_array(b, arr, version=version)
    return b.getvalue()


def raw_header(d, version=1, declared_len=None, pad=True):
    """A .npy preamble and header dictionary text `d`, padded as np.save pads."""
    h = d.encode("latin1")
    pre = 10 if version == 1 else 12
    if pad:
        h = h + b" " * ((64 - (pre + len(h) + 1) % 64) % 64) + b"\n"
    n = len(h) if declared_len is None else declared_len
    size = n.to_bytes(2 if version == 1 else 4, "little")
    return b"\x93NUMPY" + bytes([version, 0]) + size + h


def malformed(out):
    d = os.path.join(out, "malformed")
    os.makedirs(d)
    good = npy_bytes(np.arange(6, dtype="<f8").reshape(2, 3))
    cases = {}
    for cut in [0, 3, 8, 9, 30, len(good) - 49, len(good) - 1]:
        cases[f"trunc_{cut}.npy"] = good[:cut]
    cases["bad_magic.npy"] = b"\x93NUMPZ" + good[6:]
    cases["version_4.npy"] = good[:6] + b"\x04\x00" + good[8:]
    cases["version_1_1.npy"] = good[:6] + b"\x01\x01" + good[8:]
    cases["header_len_lies.npy"] = good[:8] + (60000).to_bytes(2, "little") + good[10:]
    long_dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), " + " " * 20000 + "}"
    cases["header_too_long.npy"] = raw_header(long_dict, version=2) + b"\0" * 16
    dicts = {
        "not_dict": "[1, 2]",
        "missing_key": "{'descr': '<f8', 'shape': (3,)}",
        "extra_key": "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}",
        "bad_fortran": "{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}",
        "bad_shape": "{'descr': '<f8', 'fortran_order': False, 'shape': [3]}",
        "negative_dim": "{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}",
        "bad_descr": "{'descr': 5, 'fortran_order': False, 'shape': (3,)}",
        "unknown_descr": "{'descr': '<q9', 'fortran_order': False, 'shape': (3,)}",
        "object_descr": "{'descr': '|O', 'fortran_order': False, 'shape': (3,)}",
        "structured": "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,)}",
        "unclosed": "{'descr': '<f8', 'fortran_order': False, 'shape': (3,",
        "nested_deep": "{'descr': " + "(" * 50 + ")" * 50 + ", 'fortran_order': False, 'shape': (3,)}",
        "shape_overflow": "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4611686018427387904)}",
        "huge_claim": "{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776,)}",
        "short_data": "{'descr': '<f8', 'fortran_order': False, 'shape': (5,)}",
    }
    for name, text_ in dicts.items():
        cases[f"hdr_{name}.npy"] = raw_header(text_) + b"\0" * 24
    obj = io.BytesIO()
    np.save(obj, np.array([1, "a", None], dtype=object), allow_pickle=True)
    cases["object_array.npy"] = obj.getvalue()
    cases["pickle.pkl"] = pickle.dumps({"a": 1}, protocol=4)

    # Archives.
    z = io.BytesIO()
    savez_fixed(z, {"a": np.arange(4.0), "b": np.arange(3, dtype=np.int16)})
    zb = z.getvalue()
    data_at = zb.index(b"\x93NUMPY") + 128 + 8  # inside a's data
    flipped = bytearray(zb)
    flipped[data_at] ^= 0x10
    cases["zip_bad_crc.npz"] = bytes(flipped)
    cases["zip_truncated.npz"] = zb[: len(zb) - 30]
    cases["zip_no_end.npz"] = zb[: zb.rindex(b"PK\x05\x06")]
    lh = bytearray(zb)
    lh[0:4] = b"PK\x03\x05"
    cases["zip_bad_local_magic.npz"] = bytes(lh)
    cd = bytearray(zb)
    eocd = zb.rindex(b"PK\x05\x06")
    cd[eocd + 16: eocd + 20] = (len(zb) + 1000).to_bytes(4, "little")
    cases["zip_bad_cd_offset.npz"] = bytes(cd)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        info = zipfile.ZipInfo("x.npy", date_time=(1980, 1, 1, 0, 0, 0))
        zf.writestr(info, good[: len(good) - 8])
    cases["zip_short_member.npz"] = inner.getvalue()
    bz = io.BytesIO()
    with zipfile.ZipFile(bz, "w") as zf:
        info = zipfile.ZipInfo("x.npy", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_BZIP2
        zf.writestr(info, good)
    cases["zip_bzip2.npz"] = bz.getvalue()

    errors = {}
    for name, data in sorted(cases.items()):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        try:
            r = np.load(io.BytesIO(data), allow_pickle=False)
            if isinstance(r, np.lib.npyio.NpzFile):
                for k in r.files:
                    r[k]
            errors[name] = None
        except Exception as e:  # noqa: BLE001 - we record what NumPy raises
            errors[name] = [type(e).__name__, str(e)]
    with open(os.path.join(d, "errors.json"), "w") as f:
        json.dump(errors, f, indent=0, sort_keys=True)


def generate(out):
    roundtrip(out)
    archives(out)
    malformed(out)
