#!/usr/bin/env python3
"""The NumPy side of scripts/bench: runs the cases of CASES and prints one tab-separated line per
result, in the same format as the Rust runner (crates/numox-bench):

    bench_numpy.py list                 CASE <name>
    bench_numpy.py run --cases a,b,... [--samples K] [--min-sample-ms MS]
                                        SAMPLE <case> numpy <seconds per call>
                                        SKIP <case> numpy <reason>   (no NumPy entry for the case)

Each CASES entry is a setup function: it builds the inputs (untimed) and returns the operation
as a zero-argument callable, which is timed as the Rust runner times its closures
(crates/numox-bench/src/timing.rs): one warm-up call, one timed call to choose how many calls a
sample spans, a warm-up sample when that is more than one, then the samples. The result is freed
inside the timed region, as in Rust.

To add a case, add one entry here and one in crates/numox-bench/src/cases.rs (same name; the
byte count for bandwidth lives there).
"""

import argparse
import math
import os
import sys
import tempfile
import time

import numpy as np

N = 10_000_000


def _frac(n, k):
    """frac((i + 7k) * golden ratio), as numox-bench's frac_value."""
    return np.modf((np.arange(n, dtype=np.float64) + k * 7) * 0.6180339887498949)[0]


def _mix(n):
    """splitmix64's finalizer of 0..n (uint64, wrapping), as numox-bench's mix."""
    z = np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _uniform(n):
    """Uniform values in [0, 1) from the top 53 bits of _mix, as numox-bench's uniform."""
    return (_mix(n) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def _umat(r, c, k):
    """An r x c matrix of _uniform values at k * 1_000_003 + i, as numox-bench's uniform_matrix."""
    return _uniform(k * 1_000_003 + r * c)[k * 1_000_003:].reshape(r, c)


def _ramp(n):
    return np.arange(n, dtype=np.float64)


CASES = {
    "zeros_f64_1e7": lambda: (lambda: np.zeros(N)),
    "arange_f64_1e7": lambda: (lambda: np.arange(0.0, N, 1.0)),
    "linspace_f64_1e7": lambda: (lambda: np.linspace(0.0, 1.0, N)),
    "astype_f64_to_f32_1e7": lambda: (lambda a=_ramp(N): a.astype(np.float32)),
    "copy_f64_1e7": lambda: (lambda a=_ramp(N): a.copy()),
    # Every element printed: 1000 is NumPy's summarisation threshold.
    "repr_f64_1000": lambda: (lambda a=np.arange(1000) / 7.0: repr(a)),
    # ---- elementwise (issue 3); inputs as numox-bench's frac_value.
    "add_f64_1e7": lambda: (lambda a=_frac(N, 0), b=_frac(N, 1): a + b),
    "add_out_f64_1e7": lambda: (lambda a=_frac(N, 0), b=_frac(N, 1), o=_frac(N, 2): np.add(a, b, out=o)),
    "fma_f64_1e7": lambda: (lambda a=_frac(N, 0), b=_frac(N, 1), c=_frac(N, 2): a * b + c),
    "exp_f64_1e7": lambda: (lambda a=_frac(N, 0): np.exp(a)),
    "exp_f32_1e7": lambda: (lambda a=_frac(N, 0).astype(np.float32): np.exp(a)),
    "sqrt_f64_1e7": lambda: (lambda a=_frac(N, 0): np.sqrt(a)),
    "gt_f64_1e7": lambda: (lambda a=_frac(N, 0): a > 0.5),
    "where_f64_1e7": lambda: (lambda a=_frac(N, 0), b=_frac(N, 1), m=_frac(N, 0) > 0.5: np.where(m, a, b)),
    "add_f64_1e5": lambda: (lambda a=_frac(100_000, 0), b=_frac(100_000, 1): a + b),
    "add_f64_10": lambda: (lambda a=_frac(10, 0), b=_frac(10, 1): a + b),
    "add_bcast_f64_1000x1000": lambda: (
        lambda m=_frac(1_000_000, 0).reshape(1000, 1000), r=_frac(1000, 1): m + r),
    # ---- copies of views and joins (issue 4)
    "transpose_copy_f64_4000x4000": lambda: (
        lambda m=_frac(16_000_000, 0).reshape(4000, 4000): m.T.copy()),
    "concatenate_f64_2x5e6": lambda: (
        lambda a=_frac(N // 2, 0), b=_frac(N // 2, 1): np.concatenate([a, b])),
    "slice_step_f64_1e7": lambda: (lambda a=_frac(N, 0): a[::-3].copy()),
    # ---- indexing (issue 4); the same scrambled indices as numox-bench's take_index.
    "take_f64_1e7_1e6": lambda: (
        lambda a=_frac(N, 0), i=(np.arange(1_000_000, dtype=np.int64) * 2654435761) % N: a[i]),
    "mask_f64_1e7": lambda: (lambda a=_frac(N, 0): a[a > 0.5]),
    "setmask_f64_1e7": lambda: (lambda a=_frac(N, 0): a.__setitem__(a > 0.5, 0)),
    # ---- sorting (issue 5): random inputs from the same splitmix64 hash as numox-bench's mix.
    "sort_f64_1e7": lambda: (lambda a=_uniform(N): np.sort(a)),
    "argsort_f64_1e6": lambda: (lambda a=_uniform(1_000_000): np.argsort(a)),
    "unique_i64_1e7": lambda: (lambda a=(_mix(N) % 1_000_000).astype(np.int64): np.unique(a)),
    # ---- statistics (issue 5)
    "median_f64_1e7": lambda: (lambda a=_frac(N, 0): np.median(a)),
    # ---- reductions (issue 5)
    "sum_f64_1e7": lambda: (lambda a=_frac(N, 0): a.sum()),
    "sum_f32_1e7": lambda: (lambda a=_frac(N, 0).astype(np.float32): a.sum()),
    "mean_f64_1e7": lambda: (lambda a=_frac(N, 0): a.mean()),
    "std_f64_1e7": lambda: (lambda a=_frac(N, 0): a.std()),
    "min_f64_1e7": lambda: (lambda a=_frac(N, 0): a.min()),
    "argmax_f64_1e7": lambda: (lambda a=_frac(N, 0): a.argmax()),
    "sum_axis0_f64_4000x2500": lambda: (lambda a=_frac(N, 0).reshape(4000, 2500): a.sum(axis=0)),
    "sum_axis1_f64_4000x2500": lambda: (lambda a=_frac(N, 0).reshape(4000, 2500): a.sum(axis=1)),
    "std_axis0_f64_10000x1000": lambda: (lambda a=_frac(N, 0).reshape(10000, 1000): a.std(axis=0)),
    "scale_f64_10000x1000": lambda: (
        lambda x=_frac(N, 0).reshape(10000, 1000): (x - x.mean(0)) / x.std(0)),
    "nanmean_f64_1e7": lambda: (
        lambda a=np.where(np.arange(N) % 10 == 0, np.nan, _frac(N, 0)): np.nanmean(a)),
    # ---- linear algebra (issue 6); inputs as numox-bench's cases_linalg.
    "matmul_f64_1024": lambda: _matmul(1024, np.float64),
    "matmul_f64_2048": lambda: _matmul(2048, np.float64),
    "matmul_f32_1024": lambda: _matmul(1024, np.float32),
    "matmul_f32_2048": lambda: _matmul(2048, np.float32),
    "matmul_batched_f32_64x128x128": lambda: (
        lambda a=_mat((64, 128, 128), 0, np.float32), b=_mat((64, 128, 128), 1, np.float32): a @ b),
    "matvec_f64_4096": lambda: (
        lambda a=_mat((4096, 4096), 0, np.float64), x=_mat((4096,), 1, np.float64): a @ x),
    "cosine_sim_f32_2000x512": lambda: (lambda x=_mat((2000, 512), 0, np.float32): _cosine(x)),
    # ---- numpy.linalg decompositions (issue 6)
    "solve_f64_1000": lambda: (
        lambda a=_umat(1000, 1000, 0), b=_umat(1000, 1, 1).ravel(): np.linalg.solve(a, b)),
    "inv_f64_1000": lambda: (lambda a=_umat(1000, 1000, 0): np.linalg.inv(a)),
    "det_f64_1000": lambda: (lambda a=_umat(1000, 1000, 0): np.linalg.det(a)),
    "svd_f64_500": lambda: (lambda a=_umat(500, 500, 0): np.linalg.svd(a)),
    "eigh_f64_500": lambda: (lambda a=_umat(500, 500, 0) + _umat(500, 500, 0).T: np.linalg.eigh(a)),
    "lstsq_f64_2000x100": lambda: (
        lambda a=_umat(2000, 100, 0), b=_umat(2000, 1, 1).ravel(): np.linalg.lstsq(a, b)),
    # ---- random numbers, legacy API (issue 7): a RandomState(0) made in the setup.
    "rand_1e7": lambda: (lambda rs=np.random.RandomState(0): rs.rand(N)),
    "randn_1e7": lambda: (lambda rs=np.random.RandomState(0): rs.randn(N)),
    "randint_1e7": lambda: (lambda rs=np.random.RandomState(0): rs.randint(0, 1000, N)),
    "permutation_1e7": lambda: (lambda rs=np.random.RandomState(0): rs.permutation(N)),
    # ---- random numbers, Generator API (issue 7): default_rng(0) in the set-up.
    "rng_random_1e7": lambda: (lambda rng=np.random.default_rng(0): rng.random(N)),
    "rng_standard_normal_1e7": lambda: (lambda rng=np.random.default_rng(0): rng.standard_normal(N)),
    "rng_integers_1e7": lambda: (lambda rng=np.random.default_rng(0): rng.integers(0, 1000, N)),
    # ---- I/O (issue 8): files in the temporary directory, made in the set-up.
    "npy_save_f64_1e8": lambda: _npy_save(),
    "npy_load_f64_1e8": lambda: _npy_load(),
    "npz_load_f64_1e7": lambda: _npz_load(),
    # ---- text I/O (issue 8): the file is written in the set-up.
    "loadtxt_f64_1e5x10": lambda: _loadtxt_case(),
}


def _temp(name):
    return os.path.join(tempfile.gettempdir(), f"numox-bench-np-{name}")


def _npy_save():
    a, path = _frac(10 * N, 0), _temp("1e8.npy")
    return lambda: np.save(path, a)


def _npy_load():
    path = _temp("1e8.npy")
    np.save(path, _frac(10 * N, 0))
    return lambda: np.load(path)


def _npz_load():
    path = _temp("1e7.npz")
    np.savez(path, a=_frac(N, 0))

    def op():
        with np.load(path) as z:
            return z["a"]
    return op


def _loadtxt_case():
    p = os.path.join(tempfile.gettempdir(), f"numpy-bench-loadtxt-{os.getpid()}.csv")
    np.savetxt(p, np.random.default_rng(0).random((100000, 10)), delimiter=",")
    return lambda: np.loadtxt(p, delimiter=",")


def _mat(shape, k, dtype):
    """_frac of the shape's size, cast and reshaped, as numox-bench's numox_mat."""
    return _frac(math.prod(shape), k).astype(dtype).reshape(shape)


def _matmul(n, dtype):
    a, b = _mat((n, n), 0, dtype), _mat((n, n), 1, dtype)
    return lambda: a @ b


def _cosine(x):
    xn = x / np.linalg.norm(x, axis=1, keepdims=True)
    return xn @ xn.T


WARM_UP = 0.1


def measure(op, samples, min_sample):
    """Seconds per call of op: `samples` samples, each a loop lasting at least min_sample."""
    op()
    t = time.perf_counter()
    op()
    once = max(time.perf_counter() - t, 1e-9)
    calls = min(max(math.ceil(min_sample / once), 1), 10_000_000)
    # Warm up over whole samples for at least WARM_UP seconds, as the Rust runner does.
    warm = time.perf_counter()
    while True:
        for _ in range(calls):
            op()
        if time.perf_counter() - warm >= WARM_UP:
            break
    out = []
    for _ in range(samples):
        t = time.perf_counter()
        for _ in range(calls):
            op()
        out.append((time.perf_counter() - t) / calls)
    return out


def main():
    parser = argparse.ArgumentParser(description="NumPy benchmark runner for scripts/bench")
    parser.add_argument("command", choices=["list", "run"])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--min-sample-ms", type=float, default=10.0)
    args = parser.parse_args()
    names = args.cases.split(",") if args.cases else list(CASES)
    if args.command == "list":
        for name in CASES:
            print(f"CASE\t{name}")
        return
    for name in names:
        setup = CASES.get(name)
        if setup is None:
            print(f"SKIP\t{name}\tnumpy\tno NumPy case")
            continue
        op = setup()
        for s in measure(op, args.samples, args.min_sample_ms / 1e3):
            print(f"SAMPLE\t{name}\tnumpy\t{s:.6e}")
        del op
    sys.stdout.flush()


if __name__ == "__main__":
    main()
