#!/usr/bin/env python3
"""The Python-level cases of scripts/bench: numox's Python bindings and NumPy timed from the same
Python process, each through its own API, in the output format of the other runners:

    bench_py.py list                    CASE <name>
    bench_py.py run --cases a,b,... [--samples K] [--min-sample-ms MS]
                                        SAMPLE <case> numpy <seconds per call>
                                        SAMPLE <case> numox <seconds per call>

Each CASES entry builds the inputs (untimed) and returns the NumPy and the numox operation as
zero-argument callables, timed as scripts/bench_numpy.py times its cases. scripts/bench builds
the numox wheel in release and installs it into the venv before it runs these.
"""

import argparse
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_numpy import measure  # noqa: E402

N = 10_000_000


def _pair(a, b):
    import numox

    return numox.asarray(a), numox.asarray(b)


def add_case(n):
    a, b = np.arange(n, dtype=np.float64), np.arange(n, dtype=np.float64) * 0.5
    x, y = _pair(a, b)
    return (lambda: a + b), (lambda: x + y)


def sum_case():
    import numox

    a = np.arange(N, dtype=np.float64) * 0.001
    x = numox.asarray(a.copy())
    return (lambda: np.sum(a)), (lambda: numox.sum(x))


def getitem_case():
    a = np.arange(10, dtype=np.float64)
    x, _ = _pair(a.copy(), a)
    return (lambda: a[3]), (lambda: x[3])


def matmul_case():
    rng = np.random.default_rng(0)
    a, b = rng.random((1024, 1024)), rng.random((1024, 1024))
    x, y = _pair(a.copy(), b.copy())
    return (lambda: a @ b), (lambda: x @ y)


def asarray_case():
    import numox

    a = np.arange(N, dtype=np.float64)
    # NumPy's own asarray of a NumPy array is the identity; the NumPy side therefore takes a view
    # (np.asarray of a non-NumPy array-like that shares memory costs the same interface walk).
    return (lambda: a.view()), (lambda: numox.asarray(a))


CASES = {
    "py_add_f64_10": lambda: add_case(10),
    "py_add_f64_1e7": lambda: add_case(N),
    "py_sum_f64_1e7": sum_case,
    "py_getitem_f64_10": getitem_case,
    "py_matmul_f64_1024": matmul_case,
    "py_asarray_from_numpy_f64_1e7": asarray_case,
}


def main():
    parser = argparse.ArgumentParser(description="Python-level benchmark runner for scripts/bench")
    parser.add_argument("command", choices=["list", "run"])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--min-sample-ms", type=float, default=10.0)
    args = parser.parse_args()
    if args.command == "list":
        for name in CASES:
            print(f"CASE\t{name}")
        return
    names = args.cases.split(",") if args.cases else list(CASES)
    for name in names:
        if name not in CASES:
            continue
        np_op, nx_op = CASES[name]()
        for who, op in (("numpy", np_op), ("numox", nx_op)):
            for s in measure(op, args.samples, args.min_sample_ms / 1e3):
                print(f"SAMPLE\t{name}\t{who}\t{s:.6e}")
        del np_op, nx_op
    sys.stdout.flush()


if __name__ == "__main__":
    main()
