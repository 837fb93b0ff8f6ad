//! NumPy's Generator API replayed against scripts/golden/random_gen.py: SeedSequence states and
//! spawns, PCG64/PCG64DXSM raw streams, advance/jumped/spawn, and every Generator method, call by
//! call on one generator, compared bit for bit (dtype and shape too), errors by their words.

use numox::random::{
    BitGenerator, ChoiceOpts, Generator, IntegersOpts, Pcg64, Pcg64Dxsm, Seed, SeedSequence,
    SpawnBitGenerator,
};
use numox::{Array, DType};

const DATA: &str = include_str!("data/random_gen/cases.txt");

fn seed_of(spec: &str) -> Seed {
    let (kind, v) = spec.split_once(':').unwrap();
    if kind == "int" {
        return Seed::from(v.parse::<u128>().unwrap());
    }
    Seed::Array(v.split(',').map(|x| x.parse::<i128>().unwrap()).collect())
}

fn shape_of(s: &str) -> Vec<usize> {
    if s == "N" {
        return vec![];
    }
    s.split(',')
        .filter(|d| !d.is_empty())
        .map(|d| d.parse().unwrap())
        .collect()
}

fn fmt(a: &Array) -> String {
    let shape: Vec<String> = a.shape().iter().map(|d| d.to_string()).collect();
    let vals: Vec<String> = match a.dtype() {
        DType::Float64 => a
            .to_vec::<f64>()
            .unwrap()
            .iter()
            .map(|x| format!("{:x}", x.to_bits()))
            .collect(),
        DType::Float32 => a
            .to_vec::<f32>()
            .unwrap()
            .iter()
            .map(|x| format!("{:x}", x.to_bits()))
            .collect(),
        DType::Bool => a
            .to_vec::<bool>()
            .unwrap()
            .iter()
            .map(|&x| (x as u8).to_string())
            .collect(),
        DType::UInt64 => a
            .to_vec::<u64>()
            .unwrap()
            .iter()
            .map(|x| x.to_string())
            .collect(),
        _ => {
            let c = a.astype(DType::Int64).unwrap();
            c.to_vec::<i64>()
                .unwrap()
                .iter()
                .map(|x| x.to_string())
                .collect()
        }
    };
    format!(
        "{}:{}:{}",
        shape.join(","),
        a.dtype().name(),
        vals.join(",")
    )
}

fn raw<B: BitGenerator>(b: &mut B, n: usize) -> String {
    let v: Vec<u64> = (0..n).map(|_| b.next_u64()).collect();
    fmt(&Array::from_vec(v))
}

/// The bit generator operations the replay needs besides `BitGenerator`.
trait Moves: SpawnBitGenerator + Clone {
    fn adv(&mut self, d: u128);
    fn jump(&self, j: u128) -> Self;
}
impl Moves for Pcg64 {
    fn adv(&mut self, d: u128) {
        self.advance(d);
    }
    fn jump(&self, j: u128) -> Self {
        self.jumped(j)
    }
}
impl Moves for Pcg64Dxsm {
    fn adv(&mut self, d: u128) {
        self.advance(d);
    }
    fn jump(&self, j: u128) -> Self {
        self.jumped(j)
    }
}

fn dtype(s: &str) -> DType {
    s.parse().unwrap()
}

fn run<B: Moves>(rng: &mut Generator<B>, op: &str) -> String {
    let f: Vec<&str> = op.split(':').collect();
    let num = |i: usize| -> f64 { f[i].parse().unwrap() };
    let r = match f[0] {
        "random" => rng.random_with(&shape_of(f[1]), dtype(f[2])),
        "stdnorm" => rng.standard_normal_with(&shape_of(f[1]), dtype(f[2])),
        "stdexp" => rng.standard_exponential_with(&shape_of(f[1]), dtype(f[2])),
        "normal" => rng.normal(num(1), num(2), &shape_of(f[3])),
        "uniform" => rng.uniform(num(1), num(2), &shape_of(f[3])),
        "exponential" => rng.exponential(num(1), &shape_of(f[2])),
        "integers" => {
            let high = (f[2] != "N").then(|| f[2].parse::<i128>().unwrap());
            let opts = IntegersOpts {
                dtype: dtype(f[4]),
                endpoint: f[5] == "1",
            };
            rng.integers_with(f[1].parse().unwrap(), high, &shape_of(f[3]), opts)
        }
        "choice" => {
            let p: Option<Vec<f64>> =
                (f[4] != "N").then(|| f[4].split(',').map(|x| x.parse().unwrap()).collect());
            let opts = ChoiceOpts {
                replace: f[3] == "1",
                p: p.as_deref(),
                shuffle: f[5] == "1",
                ..Default::default()
            };
            let shape = shape_of(f[2]);
            let size = (f[2] != "N").then_some(shape.as_slice());
            if let Some(n) = f[1].strip_prefix('r') {
                let n: i64 = n.parse().unwrap();
                let a = Array::from_vec((0..n).map(|i| i * 3 + 1).collect::<Vec<i64>>());
                rng.choice(&a, size, opts)
            } else {
                rng.choice_int(f[1].parse().unwrap(), size, opts)
            }
        }
        "shuffle" | "permarr" | "permuted" => {
            let shape = shape_of(f[1]);
            let n: usize = shape.iter().product();
            let mut x = Array::from_shape_vec(&shape, (0..n as i64).collect::<Vec<i64>>()).unwrap();
            match f[0] {
                "shuffle" => rng.shuffle(&mut x).map(|_| x),
                "permarr" => rng.permutation_array(&x, f[2].parse().unwrap()),
                _ => rng.permuted(&x, (f[2] != "N").then(|| f[2].parse().unwrap())),
            }
        }
        "permutation" => rng.permutation(f[1].parse().unwrap()),
        "binomial" => rng.binomial(f[1].parse().unwrap(), num(2), &shape_of(f[3])),
        "poisson" => rng.poisson(num(1), &shape_of(f[2])),
        "raw" => return raw(rng.bit_generator_mut(), f[1].parse().unwrap()),
        "advance" => {
            rng.bit_generator_mut().adv(f[1].parse().unwrap());
            return raw(rng.bit_generator_mut(), 2);
        }
        "jumped" => {
            let mut j = rng.bit_generator().jump(f[1].parse().unwrap());
            return raw(&mut j, 3);
        }
        other => panic!("unknown op {other}"),
    };
    match r {
        Ok(a) => fmt(&a),
        Err(e) => format!("ERR:{e}"),
    }
}

fn replay<B: Moves>(
    mut rng: Generator<B>,
    ops: &[&str],
    want: &[&str],
    line: usize,
    bad: &mut Vec<String>,
) -> usize {
    for (op, w) in ops.iter().zip(want) {
        let got = if let Some(rest) = op.strip_prefix("spawn:") {
            let (k, i) = rest.split_once(':').unwrap();
            let mut kids = rng.spawn(k.parse().unwrap()).unwrap();
            rng = kids.swap_remove(i.parse().unwrap());
            raw(rng.bit_generator_mut(), 1)
        } else {
            run(&mut rng, op)
        };
        if &got != w {
            bad.push(format!("line {line}, op {op}:\n  got  {got}\n  want {w}"));
        }
    }
    ops.len()
}

#[test]
fn generator_streams_match_numpy() {
    let mut checked = 0;
    let mut bad = Vec::new();
    for (i, line) in DATA
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("S#"))
    {
        let f: Vec<&str> = line.split('#').collect();
        let ops: Vec<&str> = f[3].split(';').collect();
        let want: Vec<&str> = f[4].split(';').collect();
        assert_eq!(ops.len(), want.len());
        checked += match f[2] {
            "pcg64" => replay(
                Generator::new(Pcg64::new(seed_of(f[1])).unwrap()),
                &ops,
                &want,
                i + 1,
                &mut bad,
            ),
            _ => replay(
                Generator::new(Pcg64Dxsm::new(seed_of(f[1])).unwrap()),
                &ops,
                &want,
                i + 1,
                &mut bad,
            ),
        };
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert!(checked > 500, "{checked}");
}

#[test]
fn seed_sequences_match_numpy() {
    let mut checked = 0;
    for line in DATA.lines().filter(|l| l.starts_with("Q#")) {
        let f: Vec<&str> = line.split('#').collect();
        let mut ss = SeedSequence::from_seed(seed_of(f[1])).unwrap();
        for step in f[2].split(',').filter(|s| !s.is_empty()) {
            let (k, i) = step.split_once('/').unwrap();
            ss = ss.spawn(k.parse().unwrap()).swap_remove(i.parse().unwrap());
        }
        let n: usize = f[3].parse().unwrap();
        let join = |v: Vec<String>| v.join(",");
        let got = [
            join(
                ss.generate_state_u32(n)
                    .iter()
                    .map(|x| x.to_string())
                    .collect(),
            ),
            join(
                ss.generate_state_u64(n / 2)
                    .iter()
                    .map(|x| x.to_string())
                    .collect(),
            ),
            join(ss.pool().iter().map(|x| x.to_string()).collect()),
        ]
        .join(";");
        assert_eq!(got, f[4], "{line}");
        checked += 1;
    }
    assert!(checked >= 40, "{checked}");
}

#[test]
fn default_rng_is_pcg64_through_seed_sequence() {
    let mut a = numox::random::default_rng(12345u64).unwrap();
    let mut b = Generator::new(Pcg64::from_seed_sequence(SeedSequence::new(12345)));
    let va = a.random(&[5]).unwrap().to_vec::<f64>().unwrap();
    assert_eq!(va, b.random(&[5]).unwrap().to_vec::<f64>().unwrap());
    let e = numox::random::default_rng(-1i64).unwrap_err();
    assert_eq!(e.to_string(), "expected non-negative integer");
}
