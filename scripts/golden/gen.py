#!/usr/bin/env python3
"""Regenerate numox's golden test data with NumPy.

Runs every area module listed in AREAS: each is scripts/golden/<area>.py and exposes
generate(out_dir), which writes that area's files into out_dir (emptied and created here
beforehand).
By default out_dir is crates/numox/tests/data/<area>/; with --out DIR it is DIR/<area>/, which is
how scripts/test checks that the committed goldens are up to date.

    python scripts/golden/gen.py               # rewrite crates/numox/tests/data/
    python scripts/golden/gen.py --out /tmp/x  # write elsewhere
"""

import argparse
import importlib
import os
import pathlib
import shutil
import sys

# NumPy picks SIMD loops by CPU at run time, and its AVX-512 loops round some transcendental
# results differently from its AVX2 ones. The data must not depend on the machine that generates
# it (CI regenerates and compares it bit for bit), so NumPy runs its AVX2 (x86-64-v3) loops
# everywhere. Set before any module imports NumPy.
os.environ["NPY_DISABLE_CPU_FEATURES"] = "X86_V4 AVX512_ICL AVX512_SPR"
# The same for numpy.linalg: OpenBLAS on one thread with one kernel on every machine.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OPENBLAS_CORETYPE"] = "Haswell"

# One module name per line; each area adds its own.
AREAS = [
    "npy",
    "views",
    "casting",
    "creation",
    "printing",
    "ufunc_basic",
    "ufunc_arith",
    "ufunc_math",
    "ufunc_bits",
    "manip",
    "manip2",
    "index",
    "random_gen",
    "products",
    "sorting",
    "stats",
    "reduce",
    "linalg",
    "random_legacy",
    "io_npy",
    "io_text",
    "io_image",
    "ml",
]

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent.parent / "crates" / "numox" / "tests" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT,
                        help="root directory for the data (default: crates/numox/tests/data)")
    parser.add_argument("areas", nargs="*", help="only these areas (default: all)")
    args = parser.parse_args()
    unknown = [a for a in args.areas if a not in AREAS]
    if unknown:
        sys.exit(f"unknown area(s): {', '.join(unknown)}; known: {', '.join(AREAS)}")
    sys.path.insert(0, str(HERE))
    for area in args.areas or AREAS:
        out_dir = args.out / area
        # The area directory holds generated files only: start it empty so nothing stale stays.
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir(parents=True)
        importlib.import_module(area).generate(out_dir)
        print(f"golden: {area} -> {out_dir}")


if __name__ == "__main__":
    main()
