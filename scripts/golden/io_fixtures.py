"""Fixed test fixtures for numox's .npz reader that CI does not regenerate: np.savez_compressed
output depends on the zlib build (its deflate streams differ between zlib and zlib-ng), so these
files were made once, with NumPy 2.4.6, and committed to crates/numox/tests/fixtures/io/.

    .venv/bin/python scripts/golden/io_fixtures.py

The arrays are those of io_npy.py's stored.npz, so the test checks them against stored.json.
"""
import os
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import io_npy  # noqa: E402

OUT = HERE.parent.parent / "crates" / "numox" / "tests" / "fixtures" / "io"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    arrays = io_npy.stored_arrays()
    np.savez_compressed(os.path.join(OUT, "compressed.npz"), **arrays)
    print(f"wrote {OUT / 'compressed.npz'}")


if __name__ == "__main__":
    main()
