#!/usr/bin/env python3
"""Writes numox's golden test data with NumPy as the oracle.

Run in a venv with numpy 2.x and ml_dtypes:  python scripts/golden/gen.py [--out DIR] [AREA ...]
Each area module here exposes generate(out_dir) and writes into <out>/<area>/.
The default output is crates/numox/tests/data; its files are committed.
"""
import argparse
import importlib
import os
import sys

AREAS = [
    "npy",
    "views",
    "printing",
]

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "crates", "numox", "tests", "data")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.add_argument("areas", nargs="*", default=AREAS)
    args = p.parse_args()
    sys.path.insert(0, HERE)
    for area in args.areas:
        out = os.path.join(args.out, area)
        os.makedirs(out, exist_ok=True)
        importlib.import_module(area).generate(out)
        print(f"wrote {area}")


if __name__ == "__main__":
    main()
