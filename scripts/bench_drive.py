#!/usr/bin/env python3
"""The driver behind scripts/bench: alternates the NumPy runner (scripts/bench_numpy.py) and the
Rust runner (numox-bench: numox and the ndarray crate) round by round, so machine noise hits all
sides alike, then reports the median seconds per call of every case as a markdown table (and
optionally JSON). Run it through scripts/bench, which builds the Rust runner and the venv.
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
TRIAD = "stream_triad_f64_2e7"


def lines(cmd):
    """Run cmd, echo its stderr, and return its stdout split into tab-separated fields."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} exited with {proc.returncode}")
    return [ln.split("\t") for ln in proc.stdout.splitlines() if ln.strip()]


def fmt_time(s):
    if s is None:
        return "—"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def fmt_ratio(num, den):
    return "—" if num is None or den is None else f"{num / den:.2f}x"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runner", required=True, help="the numox-bench binary")
    parser.add_argument("--quick", action="store_true", help="fewer rounds and samples")
    parser.add_argument("--filter", help="only cases whose name contains this, or one of its comma-separated parts (the triad always runs)")
    parser.add_argument("--json", type=pathlib.Path, help="also write the results here as JSON")
    args = parser.parse_args()
    rounds, samples, min_ms = (3, 3, 2) if args.quick else (7, 5, 10)

    # The Rust registry is the list of cases (it holds the byte counts); NumPy-only cases follow.
    cases = {}
    for f in lines([args.runner, "list"] + (["--filter", args.filter] if args.filter else [])):
        if f[0] == "CASE":
            cases[f[1]] = {"bytes": int(f[2]), "numox": f[3], "ndarray": f[4], "note": f[5] if len(f) > 5 else ""}
    numpy_cases = [f[1] for f in lines([sys.executable, HERE / "bench_numpy.py", "list"]) if f[0] == "CASE"]
    for name in numpy_cases:
        if name not in cases and (not args.filter or any(f in name for f in args.filter.split(","))):
            print(f"bench: {name} has a NumPy entry but no Rust entry", file=sys.stderr)
            cases[name] = {"bytes": 0, "numox": "absent", "ndarray": "absent", "note": "no Rust entry"}
    # Python-level cases: numox's bindings and NumPy timed from one Python process.
    py_names = [f[1] for f in lines([sys.executable, HERE / "bench_py.py", "list"]) if f[0] == "CASE"]
    py_names = [n for n in py_names if not args.filter or any(f in n for f in args.filter.split(","))]
    for name in py_names:
        cases[name] = {"bytes": 0, "numox": "py", "ndarray": "absent", "note": "timed from Python"}
    names = ",".join(n for n in cases if n not in py_names)
    rust_names = ",".join(n for n, c in cases.items() if c["note"] not in ("no Rust entry", "timed from Python"))

    samples_by = {}  # (case, implementation) -> seconds per call, all rounds
    numpy_cmd = [sys.executable, HERE / "bench_numpy.py", "run", "--cases", names,
                 "--samples", str(samples), "--min-sample-ms", str(min_ms)]
    start = time.perf_counter()
    for r in range(rounds):
        rust_cmd = [args.runner, "run", "--cases", rust_names, "--samples", str(samples),
                    "--min-sample-ms", str(min_ms), "--round", str(r)]
        # Alternate who goes first, too.
        cmds = [numpy_cmd, rust_cmd] if r % 2 == 0 else [rust_cmd, numpy_cmd]
        if py_names:
            cmds.append([sys.executable, HERE / "bench_py.py", "run", "--cases", ",".join(py_names),
                         "--samples", str(samples), "--min-sample-ms", str(min_ms)])
        for cmd in cmds:
            for f in lines(cmd):
                if f[0] == "SAMPLE":
                    samples_by.setdefault((f[1], f[2]), []).append(float(f[3]))
        print(f"bench: round {r + 1}/{rounds} done ({time.perf_counter() - start:.0f} s)", file=sys.stderr)

    def median(case, who):
        xs = samples_by.get((case, who))
        return statistics.median(xs) if xs else None

    triad_s = median(TRIAD, "numox")
    machine_gbps = cases[TRIAD]["bytes"] / triad_s / 1e9 if triad_s else None
    results = []
    for name, c in cases.items():
        row = {"case": name, "numpy_s": median(name, "numpy"), "numox_s": median(name, "numox")}
        nd = median(name, "ndarray")
        if nd is not None:
            row["ndarray_s"] = nd
        if c["bytes"] and row["numox_s"]:
            row["numox_gbps"] = c["bytes"] / row["numox_s"] / 1e9
        if c["note"]:
            row["note"] = c["note"]
        results.append(row)

    print(f"Medians of {rounds} rounds x {samples} samples; NumPy {numpy_version()}; "
          f"machine bandwidth (STREAM triad, 2 cores): "
          f"{'—' if machine_gbps is None else f'{machine_gbps:.1f} GB/s'}\n")
    print("| case | NumPy | ndarray | numox | speedup vs NumPy | speedup vs ndarray | numox GB/s (machine) |")
    print("|---|---|---|---|---|---|---|")
    for row, c in zip(results, cases.values()):
        nx = row["numox_s"]
        numox_cell = fmt_time(nx) if nx is not None else (
            "not yet available" if c["numox"] == "pending" else "—")
        if row["case"] == TRIAD:
            gbps = f"{row['numox_gbps']:.1f} (the machine)" if "numox_gbps" in row else "—"
        elif "numox_gbps" in row and machine_gbps:
            gbps = f"{row['numox_gbps']:.1f} ({machine_gbps:.1f})"
        else:
            gbps = "—"
        print(f"| {row['case']} | {fmt_time(row['numpy_s'])} | {fmt_time(row.get('ndarray_s'))} | "
              f"{numox_cell} | {fmt_ratio(row['numpy_s'], nx)} | {fmt_ratio(row.get('ndarray_s'), nx)} | {gbps} |")
    print(f"\nThe {TRIAD} row is plain Rust with rayon (a[i] = b[i] + s*c[i], 24 bytes/element): "
          "the machine's bandwidth, which numox's memory-bound cases are compared with.")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
        print(f"bench: wrote {args.json}", file=sys.stderr)


def numpy_version():
    import numpy
    return numpy.__version__


if __name__ == "__main__":
    main()
