"""NumPy loads what numox wrote: the check behind issue 8's "every dtype and layout written by
numox loads in NumPy to an equal array".

The Rust test `numox_writes_the_corpus_for_numpy_to_read` (crates/numox/tests/io_npy.rs) reads
each file of the NumPy-written corpus crates/numox/tests/data/io_npy/roundtrip/ and writes it
back, with two views of it, into a directory (<stem>.same.npy, <stem>.T.npy, <stem>.rev0.npy)
and as two archives (all.npz from savez, all_compressed.npz from savez_compressed). This script
loads every one with np.load and compares it with the corpus file, transformed the same way:
same shape, same dtype (numox writes little-endian), equal elements (NaN equal to NaN, compared
bit for bit). bfloat16 is stored as raw 2-byte voids ('<V2'), as NumPy with ml_dtypes writes it.

    python scripts/numpy_reads.py <directory>
"""
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "crates", "numox", "tests", "data", "io_npy", "roundtrip")


def view(a, how):
    if how == "same":
        return a
    if how == "T":
        return a.T
    if how == "rev0":
        return a[::-1]
    raise ValueError(how)


def same(got, want, what):
    """None if equal, else a one-line reason."""
    if got.shape != want.shape:
        return f"{what}: shape {got.shape}, expected {want.shape}"
    if got.dtype != want.dtype.newbyteorder("<") and got.dtype != want.dtype:
        return f"{what}: dtype {got.dtype.str}, expected {want.dtype.str}"
    if got.dtype.byteorder == ">":
        return f"{what}: numox wrote big-endian {got.dtype.str}"
    # Bit for bit (after bringing the expected array to little-endian): NaN payloads and -0.0
    # included, and it works for the void-stored bfloat16 too.
    w = np.ascontiguousarray(want.astype(want.dtype.newbyteorder("<")))
    g = np.ascontiguousarray(got)
    if g.tobytes() != w.tobytes():
        return f"{what}: elements differ"
    return None


def main(directory):
    failures, checked = [], 0
    stems = sorted(f[:-4] for f in os.listdir(CORPUS) if f.endswith(".npy"))
    archives = {name: np.load(os.path.join(directory, name))
                for name in ("all.npz", "all_compressed.npz")}
    for stem in stems:
        want_base = np.load(os.path.join(CORPUS, stem + ".npy"))
        for how in ("same", "T", "rev0"):
            if how == "rev0" and want_base.ndim == 0:
                continue
            want = view(want_base, how)
            key = f"{stem}.{how}"
            path = os.path.join(directory, key + ".npy")
            if not os.path.exists(path):
                failures.append(f"{key}.npy: numox did not write it")
                continue
            got = np.load(path)
            checked += 1
            r = same(got, want, key + ".npy")
            if r:
                failures.append(r)
            for name, z in archives.items():
                if key not in z.files:
                    failures.append(f"{name}: no member {key}")
                    continue
                checked += 1
                r = same(z[key], want, f"{name}[{key}]")
                if r:
                    failures.append(r)
    for f in failures:
        print("FAILED:", f)
    print(f"NumPy loaded {checked} arrays written by numox: {checked - len(failures)} equal, "
          f"{len(failures)} not")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
