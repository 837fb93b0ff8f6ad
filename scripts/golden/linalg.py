"""numpy.linalg decompositions: solve, inv, det, slogdet, cholesky, svd, svdvals, pinv,
matrix_rank, lstsq, eigh, eigvalsh, eig, eigvals (and qr, norm, cond when numox has them).

Each case is one line of cases.txt:  id|func|args|inputs|tol|results
  inputs   ';'-separated  file:recipe  (file in_<description>.npy, the base array, shared by
           the cases that use it; recipe a view recipe of views.py applied to it)
  tol      the relative tolerance of the value checks (scaled by the condition number for
           ill-conditioned inputs)
  results  the number of result files out_<id>_<k>.npy, or ERR:message

Inputs are random (seeded generator), so the data is the same on every machine; OpenBLAS runs
one thread with a fixed kernel (set in gen.py) so NumPy's results are too.
"""
import os
import zlib

import ml_dtypes
import numpy as np

from views import apply

TOL = {"float32": 1e-4, "complex64": 1e-4}


def make(kind, dtype, shape, seed):
    """A base input: kind rand (standard normal; complex parts too), spd (Hermitian positive
    definite stack), sing (singular: last row = first row), ill (Hilbert matrices), int (small
    integers), herm (Hermitian), nan (rand with one NaN), zero."""
    rng = np.random.default_rng(seed)
    shape = tuple(shape)
    cplx = dtype.startswith("complex")

    def rand(sh):
        v = rng.standard_normal(sh)
        if cplx:
            v = v + 1j * rng.standard_normal(sh)
        return v

    if kind == "rand":
        v = rand(shape)
    elif kind == "int":
        v = rng.integers(-5, 6, size=shape)
    elif kind == "zero":
        v = np.zeros(shape)
    elif kind == "nan":
        v = rand(shape)
        v.flat[1] = np.nan
    elif kind in ("spd", "herm"):
        n = shape[-1]
        m = rand(shape)
        v = m @ np.conj(np.swapaxes(m, -1, -2))
        v = v + n * np.eye(n) if kind == "spd" else v - n * np.eye(n)
    elif kind == "sing":
        v = rand(shape)
        v[..., -1, :] = v[..., 0, :]
    elif kind == "ill":
        n = shape[-1]
        i = np.arange(n)
        v = np.broadcast_to(1.0 / (i[:, None] + i[None, :] + 1), shape).copy()
    else:
        raise ValueError(kind)
    if dtype == "bfloat16":
        return np.asarray(v).astype(ml_dtypes.bfloat16)
    if dtype == "bool":
        return np.asarray(v) > 0
    return np.asarray(v).astype(dtype)


# An input: (kind, dtype, shape, recipe, order); the base is stored in `order`.
def I(kind, dtype, shape, recipe="", order="C"):
    return (kind, dtype, shape, recipe, order)


SQ = [(3, 3)]
DT = ["float64", "float32", "complex128", "complex64", "int64"]


def square_inputs(kind="rand"):
    out = []
    for dt in DT:
        out.append(I(kind, dt, (4, 4)))
    out += [
        I(kind, "float64", (2, 3, 5, 5)),  # stack
        I(kind, "float64", (5, 5), "", "F"),
        I(kind, "float64", (5, 5), "s:0:::-1 s:1:::-1"),  # negative strides
        I(kind, "complex128", (6, 6), "s:0:::2 s:1:::2"),  # strided 3x3
        I(kind, "float64", (3, 4, 4), "p:1,2,0"),  # non-contiguous stack
        I(kind, "float64", (17, 17)),
        I(kind, "float64", (1, 1)),
        I(kind, "float64", (0, 0)),
        I(kind, "float64", (2, 0, 0)),
        I(kind, "int32", (3, 3)),
        I(kind, "uint8", (3, 3)) if kind in ("int", "zero") else I(kind, "float32", (3, 3), "T"),
    ]
    return out


BAD = [
    I("rand", "float64", (3,)),  # 1-D
    I("rand", "float64", (3, 4)),  # non-square
    I("rand", "float16", (3, 3)),
    I("rand", "bfloat16", (3, 3)),
]

CASES = []  # (func, args, [inputs], tol-factor)
for x in square_inputs() + square_inputs("int") + [I("ill", "float64", (8, 8))] + BAD:
    for f in ("inv", "det", "slogdet"):
        CASES.append((f, "", [x], 1e8 if x[0] == "ill" else 1))
for f in ("inv", "det", "slogdet", "solve"):
    # exactly singular (a zero pivot in any LU); numerically singular inputs are ill-posed here
    for x in (I("zero", "float64", (3, 3)), I("zero", "complex128", (2, 3, 3))):
        ins = [x] if f != "solve" else [x, I("rand", "float64", (x[2][-1],))]
        CASES.append((f, "", ins, 1))
CASES.append(("det", "", [I("nan", "float64", (3, 3))], 1))
CASES.append(("inv", "", [I("nan", "float64", (3, 3))], 1))
# solve: b a vector, a matrix, stacked, broadcast, dtype mixes, errors
for a, b in [
    (I("rand", "float64", (4, 4)), I("rand", "float64", (4,))),
    (I("rand", "float64", (4, 4)), I("rand", "float64", (4, 2))),
    (I("rand", "float32", (4, 4)), I("rand", "float32", (4, 3))),
    (I("rand", "float32", (4, 4)), I("rand", "float64", (4,))),
    (I("rand", "complex64", (3, 3)), I("rand", "float32", (3, 2))),
    (I("rand", "complex128", (3, 3)), I("int", "int64", (3,))),
    (I("int", "int64", (3, 3)), I("int", "int64", (3,))),
    (I("rand", "float64", (2, 4, 4)), I("rand", "float64", (4,))),
    (I("rand", "float64", (2, 4, 4)), I("rand", "float64", (4, 1))),
    (I("rand", "float64", (2, 1, 3, 3)), I("rand", "float64", (5, 3, 2))),
    (I("rand", "float64", (3, 3)), I("rand", "float64", (4, 3, 2))),
    (I("rand", "float64", (5, 5), "T"), I("rand", "float64", (5, 3), "s:0:::-1", "F")),
    (I("rand", "float64", (0, 0)), I("rand", "float64", (0,))),
    (I("rand", "float64", (1, 1)), I("rand", "float64", (1, 4))),
    (I("rand", "float64", (17, 17)), I("rand", "float64", (17, 9))),
    (I("ill", "float64", (8, 8)), I("rand", "float64", (8,))),
    # errors
    (I("rand", "float64", (3, 3)), I("rand", "float64", (4,))),
    (I("rand", "float64", (3, 3)), I("rand", "float64", (4, 2))),
    (I("rand", "float64", (3, 4)), I("rand", "float64", (3,))),
    (I("rand", "float64", (3,)), I("rand", "float64", (3,))),
    (I("rand", "float16", (3, 3)), I("rand", "float64", (3,))),
    (I("rand", "float64", (3, 3)), I("rand", "float16", (3,))),
    (I("rand", "float64", (2, 3, 3)), I("rand", "float64", (3, 3, 1))),
]:
    CASES.append(("solve", "", [a, b], 1e8 if a[0] == "ill" else 1))
# cholesky
for x in [I("spd", dt, (4, 4)) for dt in DT[:4]] + [
    I("spd", "float64", (2, 3, 5, 5)), I("spd", "float64", (5, 5), "", "F"),
    I("spd", "float64", (5, 5), "s:0:::-1 s:1:::-1"), I("spd", "float64", (17, 17)),
    I("spd", "float64", (1, 1)), I("spd", "float64", (0, 0)), I("spd", "complex128", (3, 4, 4), "p:1,2,0"),
    I("rand", "float64", (4, 4)),  # lower triangle read only: may or may not be PD
    I("herm", "float64", (4, 4)),  # not positive definite
    I("herm", "complex128", (3, 3)),
    I("zero", "float64", (3, 3)),
] + BAD:
    for up in ("0", "1"):
        CASES.append(("cholesky", up, [x], 1))
# svd family
RECT = [
    I("rand", "float64", (5, 3)), I("rand", "float64", (3, 5)), I("rand", "float32", (4, 4)),
    I("rand", "complex128", (4, 3)), I("rand", "complex64", (3, 4)), I("int", "int64", (4, 4)),
    I("rand", "float64", (2, 3, 4, 2)), I("rand", "float64", (5, 4), "", "F"),
    I("rand", "float64", (6, 5), "s:0:::-2 s:1:::-1"), I("sing", "float64", (4, 4)),
    I("ill", "float64", (8, 8)), I("rand", "float64", (17, 9)), I("rand", "float64", (1, 1)),
    I("rand", "float64", (1, 4)), I("zero", "float64", (3, 3)),
    I("rand", "float64", (0, 3)), I("rand", "float64", (3, 0)), I("rand", "float64", (2, 0, 0)),
]
for x in RECT + BAD[:1] + BAD[2:]:
    CASES.append(("svd", "1", [x], 1))
    CASES.append(("svd", "0", [x], 1))
    CASES.append(("svdvals", "", [x], 1))
    CASES.append(("pinv", "", [x], 1e8 if x[0] == "ill" else 1))
    CASES.append(("matrix_rank", "", [x], 1))
CASES.append(("svd", "1", [I("nan", "float64", (3, 3))], 1))
CASES.append(("pinv", "0.1", [I("rand", "float64", (4, 3))], 1))
CASES.append(("pinv", "h", [I("herm", "float64", (4, 4))], 1))
CASES.append(("pinv", "h", [I("rand", "complex128", (3, 3))], 1))
CASES.append(("pinv", "h", [I("rand", "float64", (3, 4))], 1))
CASES.append(("matrix_rank", "0.5", [I("rand", "float64", (4, 4))], 1))
CASES.append(("matrix_rank", "h", [I("herm", "float64", (4, 4))], 1))
for x in (I("rand", "float64", (4,)), I("zero", "float64", (4,)), I("rand", "float64", ())):
    CASES.append(("matrix_rank", "", [x], 1))
for a, b, rc in [
    (I("rand", "float64", (6, 3)), I("rand", "float64", (6,)), ""),
    (I("rand", "float64", (6, 3)), I("rand", "float64", (6, 2)), ""),
    (I("rand", "float64", (3, 6)), I("rand", "float64", (3,)), ""),
    (I("rand", "float64", (4, 4)), I("rand", "float64", (4, 2)), ""),
    (I("sing", "float64", (5, 4), "T"), I("rand", "float64", (4, 2)), ""),
    (I("sing", "float64", (6, 3)), I("rand", "float64", (6,)), ""),
    (I("rand", "float32", (6, 3)), I("rand", "float32", (6,)), ""),
    (I("rand", "complex128", (6, 3)), I("rand", "complex128", (6, 2)), ""),
    (I("rand", "complex64", (5, 3)), I("rand", "float64", (5,)), ""),
    (I("int", "int64", (6, 3)), I("int", "int64", (6,)), ""),
    (I("rand", "float64", (8, 3), "s:0:::-2", "F"), I("rand", "float64", (4, 2)), ""),
    (I("rand", "float64", (6, 3)), I("rand", "float64", (6,)), "0.5"),
    (I("rand", "float64", (6, 3)), I("rand", "float64", (6, 0)), ""),
    (I("rand", "float64", (0, 3)), I("rand", "float64", (0,)), ""),
    (I("rand", "float64", (3, 0)), I("rand", "float64", (3, 2)), ""),
    (I("rand", "float64", (6, 3)), I("rand", "float64", (5,)), ""),
    (I("rand", "float64", (2, 6, 3)), I("rand", "float64", (6,)), ""),
    (I("rand", "float64", (6, 3)), I("rand", "float64", (2, 6, 1)), ""),
    (I("rand", "float16", (6, 3)), I("rand", "float64", (6,)), ""),
]:
    CASES.append(("lstsq", rc, [a, b], 1))
# eigenvalues
for x in [I("herm", dt, (4, 4)) for dt in DT] + [
    I("herm", "float64", (2, 3, 5, 5)), I("herm", "float64", (5, 5), "", "F"),
    I("herm", "float64", (5, 5), "s:0:::-1 s:1:::-1"), I("herm", "complex128", (3, 4, 4), "p:1,2,0"),
    I("herm", "float64", (17, 17)), I("herm", "float64", (1, 1)), I("herm", "float64", (0, 0)),
    I("rand", "float64", (4, 4)), I("rand", "complex128", (4, 4)), I("zero", "float64", (3, 3)),
    # numox's blocked tridiagonalisation (float64 compute, n >= 64)
    I("herm", "float64", (70, 70)), I("herm", "float32", (66, 66), "", "F"),
] + BAD:
    for f in ("eigh", "eigvalsh"):
        for up in ("L", "U"):
            CASES.append((f, up, [x], 1))
for x in [I("rand", dt, (4, 4)) for dt in DT] + [
    I("herm", "float64", (5, 5)),  # real eigenvalues: real results
    I("rand", "float64", (2, 3, 5, 5)), I("rand", "float64", (5, 5), "", "F"),
    I("rand", "float64", (5, 5), "s:0:::-1 s:1:::-1"), I("rand", "complex128", (3, 4, 4), "p:1,2,0"),
    I("rand", "float64", (17, 17)), I("rand", "float64", (1, 1)), I("rand", "float64", (0, 0)),
    I("zero", "float64", (3, 3)), I("int", "int64", (5, 5)), I("nan", "float64", (3, 3)),
] + BAD:
    for f in ("eig", "eigvals"):
        # integer matrices may have repeated (ill-conditioned) eigenvalues
        CASES.append((f, "", [x], 1e6 if x[1].startswith("int") else 1))
# qr
for x in RECT + BAD[:1] + BAD[2:]:
    for mode in ("reduced", "complete", "r"):
        CASES.append(("qr", mode, [x], 1))
CASES.append(("qr", "bogus", [I("rand", "float64", (3, 3))], 1))
# norm: args ord/axis/keepdims
V = [I("rand", "float64", (7,)), I("rand", "complex128", (9,)), I("int", "int64", (8,)),
     I("rand", "float32", (17,)), I("rand", "float64", (16,), "s:0:::-2"), I("zero", "float64", (5,))]
for x in V:
    for o in ("", "2", "1", "inf", "-inf", "0", "3", "0.5", "-1", "fro"):
        CASES.append(("norm", f"{o}//0", [x], 1))
    CASES.append(("norm", "1/0/1", [x], 1))
M = [I("rand", "float64", (4, 3)), I("rand", "complex128", (3, 5)), I("int", "int64", (4, 4)),
     I("rand", "float32", (5, 5), "", "F"), I("rand", "float64", (6, 5), "s:0:::-1"), I("rand", "float64", (2, 3, 4))]
for x in M:
    for o in ("", "fro", "nuc", "1", "-1", "2", "-2", "inf", "-inf", "3"):
        ax = "" if len(x[2]) == 2 else "1,2"
        CASES.append(("norm", f"{o}/{ax}/0", [x], 1))
    CASES.append(("norm", "/-1/1", [x], 1))
    CASES.append(("norm", "1/-1,0/1", [x], 1))
    CASES.append(("norm", "inf/0,-1/0", [x], 1))
for x in (I("rand", "float64", (2, 3, 4)), I("rand", "float64", ())):
    CASES.append(("norm", "//0", [x], 1))
    CASES.append(("norm", "//1", [x], 1))
    CASES.append(("norm", "1//0", [x], 1))
CASES.append(("norm", "/0,0/0", [I("rand", "float64", (3, 3))], 1))
CASES.append(("norm", "/0,1,2/0", [I("rand", "float64", (2, 3, 4))], 1))
CASES.append(("norm", "/3/0", [I("rand", "float64", (2, 3))], 1))
CASES.append(("norm", "/0/0", [I("rand", "float64", (0,))], 1))
# cond
for x in [I("rand", "float64", (4, 4)), I("rand", "complex128", (3, 3)), I("rand", "float32", (4, 4)),
          I("int", "int64", (3, 3)), I("rand", "float64", (2, 3, 3)), I("rand", "float64", (3, 5)),
          I("zero", "float64", (3, 3)), I("ill", "float64", (6, 6)), I("nan", "float64", (3, 3)),
          I("rand", "float64", (0, 0)), I("rand", "float64", (3,))]:
    for o in ("", "2", "-2", "fro", "nuc", "1", "-1", "inf", "-inf"):
        CASES.append(("cond", o, [x], 1e8 if x[0] == "ill" else 1))

# numox's float64 divide and conquer SVD (min(M, N) >= 64, squareish), appended last
for x in [I("rand", "float64", (80, 70)), I("rand", "float64", (66, 96), "", "F"),
          I("rand", "float32", (72, 72)), I("sing", "float64", (68, 68)), I("ill", "float64", (64, 64))]:
    CASES.append(("svd", "1", [x], 1e8 if x[0] == "ill" else 1))
    CASES.append(("svd", "0", [x], 1e8 if x[0] == "ill" else 1))


def ordv(o):
    if o == "":
        return None
    if o in ("fro", "nuc"):
        return o
    return float(o)


def call(func, args, xs):
    la = np.linalg
    if func in ("inv", "det", "eigvals", "svdvals"):
        return getattr(la, func)(xs[0])
    if func == "slogdet":
        return tuple(la.slogdet(xs[0]))
    if func == "solve":
        return la.solve(xs[0], xs[1])
    if func == "cholesky":
        return la.cholesky(xs[0], upper=args == "1")
    if func == "svd":
        return tuple(la.svd(xs[0], full_matrices=args == "1"))
    if func == "pinv":
        if args == "h":
            return la.pinv(xs[0], hermitian=True)
        return la.pinv(xs[0], rcond=float(args) if args else None)
    if func == "matrix_rank":
        if args == "h":
            return la.matrix_rank(xs[0], hermitian=True)
        return np.asarray(la.matrix_rank(xs[0], tol=float(args) if args else None), dtype=np.int64)
    if func == "lstsq":
        x, r, rank, s = la.lstsq(xs[0], xs[1], rcond=float(args) if args else None)
        return (x, r, np.asarray(rank, dtype=np.int64), s)
    if func in ("eigh", "eigvalsh"):
        r = getattr(la, func)(xs[0], UPLO=args)
        return tuple(r) if func == "eigh" else r
    if func == "eig":
        return tuple(la.eig(xs[0]))
    if func == "qr":
        r = la.qr(xs[0], mode=args)
        return r if args == "r" else tuple(r)
    if func == "norm":
        o, ax, k = args.split("/")
        ax = tuple(int(v) for v in ax.split(",")) if ax else None
        if ax is not None and len(ax) == 1:
            ax = ax[0]
        return np.asarray(la.norm(xs[0], ord=ordv(o), axis=ax, keepdims=k == "1"))
    if func == "cond":
        return np.asarray(la.cond(xs[0], p=ordv(args)))
    raise ValueError(func)


def generate(out):
    lines = []
    written = set()
    for cid, (func, args, ins, tolf) in enumerate(CASES):
        xs, specs = [], []
        for k, (kind, dt, shape, recipe, order) in enumerate(ins):
            # One file per distinct base (shared by the cases that use it); the seed is the
            # base's description, so adding a case does not change the others' inputs.
            key = f"{kind}-{dt}-{'x'.join(map(str, shape))}-{order}-{k}"
            base = make(kind, dt, shape, seed=zlib.crc32(key.encode()))
            if order == "F":
                base = np.asfortranarray(base)
            name = f"in_{key}.npy"
            if name not in written:
                np.save(os.path.join(out, name), base)
                written.add(name)
            xs.append(apply(base, recipe))
            specs.append(f"{name}:{recipe}")
        try:
            with np.errstate(all="ignore"):
                r = call(func, args, xs)
        except (np.linalg.LinAlgError, ValueError, TypeError) as e:
            res = "ERR:" + str(e)
        else:
            rs = r if isinstance(r, tuple) else (r,)
            for k, v in enumerate(rs):
                np.save(os.path.join(out, f"out_{cid}_{k}.npy"), np.asarray(v))
            res = str(len(rs))
        dt = ins[0][1]
        tol = TOL.get(dt, 1e-10) * tolf
        lines.append(f"{cid}|{func}|{args}|{';'.join(specs)}|{tol:g}|{res}")
    with open(os.path.join(out, "cases.txt"), "w") as f:
        f.write("# id|func|args|inputs (file:recipe)|tol|results (count or ERR:message)\n")
        f.write("\n".join(lines) + "\n")
