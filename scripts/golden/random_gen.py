"""NumPy's Generator API (default_rng, PCG64, PCG64DXSM, SeedSequence) replayed call by call.

A case line is  S#seed#bitgen#op;op;...#res;res;...  : one generator seeded by `seed`
(int:N for an integer of any size, arr:a,b,c for a sequence), the ops run in order on it and
one result per op. A result is shape:dtype:values (C order; floats as the hex of their bits,
integers in decimal, bool 0/1) or ERR:message. A SeedSequence line is
Q#seed#spawn-path#n#u32-state;u64-state;pool : the sequence reached by spawning along the path
(k/i: spawn k, take child i) and its generate_state(n) for uint32 and n // 2 for uint64.
Comparisons are exact, bit for bit.
"""
import os

import numpy as np

SEEDS = ["int:0", "int:1", "int:42", "int:4294967295", "int:9223372036854787153",
         "int:340282366920938463463374607431768211455", "arr:1,2,3", "arr:0", "arr:4294967296,7"]


def seed_value(spec):
    kind, v = spec.split(":")
    if kind == "int":
        return int(v)
    return [int(x) for x in v.split(",")]


def fmt(x):
    x = np.asarray(x)
    shape = ",".join(str(d) for d in x.shape)
    if x.dtype.kind == "f":
        bits = x.view(np.uint64 if x.itemsize == 8 else np.uint32).ravel()
        vals = ",".join(format(int(b), "x") for b in bits)
    else:
        vals = ",".join(str(int(v)) for v in x.ravel())
    return f"{shape}:{x.dtype.name}:{vals}"


def size_of(s):
    if s == "N":
        return None
    return tuple(int(d) for d in s.split(",") if d)


def run(rng, op):
    f = op.split(":")
    name = f[0]
    bg = rng.bit_generator
    if name == "random":
        return rng.random(size_of(f[1]), dtype=f[2])
    if name == "stdnorm":
        return rng.standard_normal(size_of(f[1]), dtype=f[2])
    if name == "stdexp":
        return rng.standard_exponential(size_of(f[1]), dtype=f[2])
    if name == "normal":
        return rng.normal(float(f[1]), float(f[2]), size_of(f[3]))
    if name == "uniform":
        return rng.uniform(float(f[1]), float(f[2]), size_of(f[3]))
    if name == "exponential":
        return rng.exponential(float(f[1]), size_of(f[2]))
    if name == "integers":
        high = None if f[2] == "N" else int(f[2])
        return rng.integers(int(f[1]), high, size_of(f[3]), dtype=f[4], endpoint=f[5] == "1")
    if name == "choice":
        p = None if f[4] == "N" else np.array([float(x) for x in f[4].split(",")])
        a = int(f[1]) if not f[1].startswith("r") else np.arange(int(f[1][1:])) * 3 + 1
        return rng.choice(a, size_of(f[2]), replace=f[3] == "1", p=p, shuffle=f[5] == "1")
    if name == "shuffle":
        x = np.arange(np.prod(size_of(f[1])), dtype=np.int64).reshape(size_of(f[1]))
        rng.shuffle(x)
        return x
    if name == "permutation":
        return rng.permutation(int(f[1]))
    if name == "permarr":
        x = np.arange(np.prod(size_of(f[1])), dtype=np.int64).reshape(size_of(f[1]))
        return rng.permutation(x, axis=int(f[2]))
    if name == "permuted":
        x = np.arange(np.prod(size_of(f[1])), dtype=np.int64).reshape(size_of(f[1]))
        return rng.permuted(x, axis=None if f[2] == "N" else int(f[2]))
    if name == "binomial":
        return rng.binomial(int(f[1]), float(f[2]), size_of(f[3]))
    if name == "poisson":
        return rng.poisson(float(f[1]), size_of(f[2]))
    if name == "raw":
        return bg.random_raw(int(f[1]))
    if name == "advance":
        bg.advance(int(f[1]))
        return bg.random_raw(2)
    if name == "jumped":
        return type(bg).jumped(bg, int(f[1])).random_raw(3)
    raise ValueError(name)


def replay(seed, bitgen, ops):
    cls = np.random.PCG64 if bitgen == "pcg64" else np.random.PCG64DXSM
    rng = np.random.Generator(cls(seed_value(seed)))
    out = []
    for op in ops:
        if op.startswith("spawn:"):
            k, i = (int(x) for x in op.split(":")[1:])
            rng = rng.spawn(k)[i]
            out.append(fmt(rng.bit_generator.random_raw(1)))
            continue
        try:
            out.append(fmt(run(rng, op)))
        except (ValueError, TypeError, OverflowError) as e:
            out.append("ERR:" + str(e))
    return f"S#{seed}#{bitgen}#{';'.join(ops)}#{';'.join(out)}"


INT_DTYPES = ["int64", "int32", "int16", "int8", "uint64", "uint32", "uint16", "uint8", "bool"]


def cases():
    out = []
    sizes = ["N", "0", "1", "7", "3,4"]
    for seed in SEEDS:
        for bitgen in ["pcg64", "dxsm"]:
            ops = [f"random:{s}:float64" for s in sizes] + ["random:7:float32", "raw:3",
                   "stdnorm:7:float64", "random:1:float32", "stdnorm:7:float32",
                   "stdexp:7:float64", "stdexp:7:float32", "integers:0:1000:7:int64:0",
                   "integers:0:N:3:int64:0", "integers:5:N:7:uint8:1", "random:3:float32"]
            out.append(replay(seed, bitgen, ops))
    # Long streams: the ziggurat tails and the rejection loops get exercised.
    for seed in ["int:0", "arr:1,2,3"]:
        out.append(replay(seed, "pcg64", ["random:1000:float64", "stdnorm:1000:float64",
                                          "stdnorm:1000:float32", "stdexp:1000:float64",
                                          "stdexp:1000:float32", "random:1000:float32",
                                          "integers:0:1000:1000:int64:0"]))
    out.append(replay("int:7", "dxsm", ["stdnorm:1000:float64", "integers:-5:5:1000:int8:1"]))
    # Every integer dtype, endpoint or not, full and partial ranges, interleaved.
    for seed in ["int:1", "int:9223372036854787153"]:
        ops = []
        for dt in INT_DTYPES:
            info = np.iinfo(dt) if dt != "bool" else None
            lo, hi = (0, 1) if dt == "bool" else (int(info.min), int(info.max))
            for ep in ["0", "1"]:
                top = hi if ep == "1" else hi + 1
                ops += [f"integers:{lo}:{top}:17:{dt}:{ep}", f"integers:0:{1 if ep == '1' else 2}:9:{dt}:{ep}",
                        f"integers:{lo}:{lo}:3:{dt}:1", "random:1:float32",
                        f"integers:{lo if dt == 'bool' else lo + 3}:{top if dt == 'bool' else top - 5}:13:{dt}:{ep}",
                        f"integers:0:{1 if dt == 'bool' else 100}:N:{dt}:{ep}"]
            ops += [f"integers:{lo - 1}:{top}:3:{dt}:0", f"integers:{lo}:{hi + 2}:3:{dt}:0",
                    f"integers:5:5:3:{dt}:0", f"integers:0:0:3:{dt}:0", f"integers:0:-1:3:{dt}:1",
                    f"integers:5:4:3:{dt}:1", f"integers:5:5:0:{dt}:0"]
        ops += ["integers:0:4294967296:7:int64:0", "integers:0:4294967295:7:uint32:1",
                "integers:0:18446744073709551615:7:uint64:1",
                "integers:-9223372036854775808:9223372036854775807:7:int64:1",
                "integers:0:12345678901234:7:uint64:0", "integers:0:5:7:float64:0"]
        out.append(replay(seed, "pcg64", ops))
    # Floats with parameters, errors, choice, shuffles, binomial, poisson.
    ops = ["normal:1.5:2:7", "normal:0:-1:3", "normal:0:-0.0:3", "uniform:-2:3:7",
           "uniform:0:inf:3", "exponential:2.5:7", "exponential:-1:2", "random:3:int64",
           "choice:10:7:1:N:1", "choice:10:7:0:N:1", "choice:10:7:0:N:0", "choice:10:N:1:N:1",
           "choice:20000:500:0:N:1", "choice:20000:300:0:N:0", "choice:20000:500:0:N:0",
           "choice:5:3,2:1:0.1,0.2,0.3,0.2,0.2:1", "choice:5:3:0:0.1,0.2,0.3,0.2,0.2:1",
           "choice:r6:4:1:N:1", "choice:r6:N:0:N:1", "choice:r6:2,2:0:N:1",
           "choice:5:3:1:0.1,0.2,0.3,0.2,0.1:1", "choice:0:3:1:N:1", "choice:0:0:1:N:1",
           "choice:5:6:0:N:1", "choice:3:2:1:0.5,0.5:1", "choice:3:2:0:0.5,0.5,0:1",
           "choice:3:2:1:0.5,-0.5,1:1", "shuffle:1", "shuffle:10", "shuffle:4,3", "shuffle:0",
           "permutation:10", "permutation:0", "permarr:3,4:1", "permarr:3,4:0",
           "permuted:3,4:N", "permuted:3,4:1", "permuted:3,4:0", "permuted:2,3,4:1",
           "binomial:10:0.3:7", "binomial:1000:0.4:7", "binomial:5:0.5:N", "binomial:0:0.5:3",
           "binomial:10:1.5:3", "binomial:-1:0.5:3", "poisson:3:7", "poisson:250.5:7",
           "poisson:0:3", "poisson:-1:3", "random:2:float64"]
    for seed in ["int:0", "int:12345"]:
        out.append(replay(seed, "pcg64", ops))
    out.append(replay("int:3", "dxsm", ops[:20]))
    # Bit generator state moves: advance, jumped, spawn.
    for bitgen in ["pcg64", "dxsm"]:
        out.append(replay("int:5", bitgen, ["raw:1", "random:1:float32", "advance:10", "raw:1",
                                            "advance:340282366920938463463374607431768211455",
                                            "jumped:1", "jumped:3", "spawn:3:2", "random:3:float64",
                                            "spawn:2:0", "stdnorm:3:float64"]))
    return out


def seed_sequences():
    out = []
    for seed in SEEDS + ["int:18446744073709551616", "arr:1,0,4294967295,4294967296",
                         "arr:123456789012345678901234567890"]:
        for path in ["", "3/0", "3/2", "2/1,4/3"]:
            ss = np.random.SeedSequence(seed_value(seed))
            for step in [s for s in path.split(",") if s]:
                k, i = (int(x) for x in step.split("/"))
                ss = ss.spawn(k)[i]
            n = 8
            res = [ss.generate_state(n, np.uint32), ss.generate_state(n // 2, np.uint64), ss.pool]
            vals = ";".join(",".join(str(int(v)) for v in r) for r in res)
            out.append(f"Q#{seed}#{path}#{n}#{vals}")
    return out


def generate(out_dir):
    with open(os.path.join(out_dir, "cases.txt"), "w") as f:
        for line in seed_sequences() + cases():
            f.write(line + "\n")
