"""Golden .npy files written by np.save: every dtype, both orders, big-endian, 0-d, empty,
a version 2.0 header. The Rust test reads each and writes it back; the bytes must match."""
import os

import ml_dtypes
import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def generate(out):
    for name in DTYPES:
        a = (np.arange(6) % 2 == 1) if name == "bool" else np.arange(6).astype(name)
        np.save(os.path.join(out, f"{name}_c.npy"), a.reshape(2, 3))
        np.save(os.path.join(out, f"{name}_f.npy"), np.asfortranarray(a.reshape(2, 3)))
        np.save(os.path.join(out, f"{name}_0d.npy"), a[1].astype(name).reshape(()))
    np.save(os.path.join(out, "bfloat16_c.npy"),
            np.arange(6).astype(ml_dtypes.bfloat16).reshape(2, 3))
    np.save(os.path.join(out, "empty_0x3.npy"), np.zeros((0, 3)))
    np.save(os.path.join(out, "bigendian_i4.npy"), np.arange(6, dtype=">i4").reshape(3, 2))
    np.save(os.path.join(out, "bigendian_c16.npy"), np.arange(3, dtype=">c16") * (1 + 2j))
    np.save(os.path.join(out, "values_f8.npy"),
            np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e-310, 1.5e300]))
    # Format version 2.0 (a 4-byte header length), as np.save writes for huge headers.
    with open(os.path.join(out, "v2_header.npy"), "wb") as f:
        np.lib.format.write_array(f, np.arange(4.0), version=(2, 0))
