//! The golden-file harness of `tests/creation.rs`: every case of `tests/data/creation/cases.txt`
//! (written by `scripts/golden/creation.py`) is run through numox and compared on dtype, shape,
//! strides, buffer sharing and exact element bits (NaN-aware), or on the error message.

use numox::creation::{
    ArrayOpts, AsArrayOpts, FillOpts, Indexing, LikeOpts, LikeOrder, LinspaceOpts, LogspaceOpts,
    MatrixOpts, MeshgridOpts,
};
use numox::io::read_npy_from;
use numox::{bf16, f16, Array, Complex32, Complex64, DType, Order, Scalar};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/creation")
        .join(name)
}

// ------------------------------------------------------------------ golden file parsing

pub struct Case {
    pub name: String,
    pub func: String,
    args: HashMap<String, (String, String)>,
    expect: Expect,
}

enum Expect {
    Ok {
        out: Vec<usize>,
        step: Option<f64>,
        strides: Option<Vec<Vec<isize>>>,
        shares: Option<bool>,
        chk: Option<String>,
    },
    Err(String),
}

pub struct Golden {
    pub arrays: Vec<Array>,
    pub cases: Vec<Case>,
}

pub fn golden() -> &'static Golden {
    static G: OnceLock<Golden> = OnceLock::new();
    G.get_or_init(|| {
        let bytes = std::fs::read(data("arrays.npys")).unwrap();
        let mut r = &bytes[..];
        let mut arrays = Vec::new();
        while !r.is_empty() {
            arrays.push(read_npy_from(&mut r).unwrap());
        }
        let text = std::fs::read_to_string(data("cases.txt")).unwrap();
        let cases = text
            .lines()
            .filter(|l| !l.is_empty())
            .map(parse_case)
            .collect();
        Golden { arrays, cases }
    })
}

fn parse_case(line: &str) -> Case {
    let cols: Vec<&str> = line.split('\t').collect();
    assert_eq!(cols.len(), 4, "{line}");
    let mut args = HashMap::new();
    for kv in cols[2].split(' ').filter(|s| !s.is_empty()) {
        let (k, tv) = kv.split_once('=').unwrap();
        let (t, v) = tv.split_once(':').unwrap();
        args.insert(k.to_string(), (t.to_string(), v.to_string()));
    }
    let expect = if let Some(e) = cols[3].strip_prefix("err ") {
        let (_, msg) = e.split_once('|').unwrap();
        Expect::Err(msg.replace("\\n", "\n"))
    } else {
        let mut out = Vec::new();
        let (mut step, mut strides, mut shares, mut chk) = (None, None, None, None);
        for kv in cols[3].strip_prefix("ok").unwrap().split(' ') {
            let Some((k, v)) = kv.split_once('=') else {
                continue;
            };
            match k {
                "out" => {
                    out = v
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| s.parse().unwrap())
                        .collect()
                }
                "step" => step = Some(v.parse().unwrap()),
                "strides" => {
                    strides = Some(
                        v.split(';')
                            .map(|s| {
                                s.split(',')
                                    .filter(|x| !x.is_empty())
                                    .map(|x| x.parse().unwrap())
                                    .collect()
                            })
                            .collect(),
                    )
                }
                "shares" => shares = Some(v == "1"),
                "chk" => chk = Some(v.to_string()),
                _ => panic!("unknown expectation {k}"),
            }
        }
        Expect::Ok {
            out,
            step,
            strides,
            shares,
            chk,
        }
    };
    Case {
        name: cols[0].into(),
        func: cols[1].into(),
        args,
        expect,
    }
}

// ------------------------------------------------------------------ argument access

struct Args<'a> {
    c: &'a Case,
    arrays: &'a [Array],
}

impl Args<'_> {
    fn raw(&self, k: &str) -> Option<&(String, String)> {
        self.c.args.get(k)
    }
    fn scalar(&self, k: &str) -> Scalar {
        let (t, v) = self
            .raw(k)
            .unwrap_or_else(|| panic!("{}: no {k}", self.c.name));
        match t.as_str() {
            "i" => match v.parse::<i64>() {
                Ok(i) => Scalar::Int64(i),
                Err(_) => Scalar::UInt64(v.parse().unwrap()),
            },
            "f" => Scalar::Float64(v.parse().unwrap()),
            "f32" => Scalar::Float32(v.parse().unwrap()),
            "f16" => Scalar::Float16(f16::from_f64(v.parse().unwrap())),
            "b" => Scalar::Bool(v == "1"),
            _ => panic!("{}: {k} is not a number", self.c.name),
        }
    }
    fn int(&self, k: &str) -> Option<i64> {
        self.raw(k).map(|(_, v)| v.parse().unwrap())
    }
    fn flag(&self, k: &str) -> Option<bool> {
        self.raw(k).map(|(_, v)| v == "1")
    }
    fn float(&self, k: &str) -> Option<f64> {
        self.raw(k).map(|(_, v)| v.parse().unwrap())
    }
    fn word(&self, k: &str) -> Option<&str> {
        self.raw(k).map(|(_, v)| v.as_str())
    }
    fn dtype(&self) -> Option<DType> {
        self.word("dtype").map(|d| d.parse().unwrap())
    }
    fn shape(&self) -> Vec<i64> {
        let v = self.word("shape").unwrap();
        v.split(',')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    }
    fn order(&self) -> Option<LikeOrder> {
        self.word("order").map(|o| match o {
            "C" => LikeOrder::C,
            "F" => LikeOrder::F,
            "A" => LikeOrder::A,
            "K" => LikeOrder::K,
            _ => panic!("order {o}"),
        })
    }
    fn plain_order(&self) -> Order {
        match self.order() {
            Some(LikeOrder::F) => Order::F,
            _ => Order::C,
        }
    }
    /// The input arrays a0, a1, ... with their views applied.
    fn inputs(&self) -> Vec<Array> {
        (0..)
            .map_while(|k| self.raw(&format!("a{k}")))
            .map(|(_, v)| {
                let mut parts = v.split(':');
                let a = self.arrays[parts.next().unwrap().parse::<usize>().unwrap()].clone();
                match parts.next() {
                    None => a,
                    Some(view) => apply_view(&a, view),
                }
            })
            .collect()
    }
}

fn apply_view(a: &Array, view: &str) -> Array {
    if view == "t" {
        a.t()
    } else if let Some(k) = view.strip_prefix("rev") {
        a.slice_axis(k.parse().unwrap(), None, None, -1).unwrap()
    } else if view == "step" {
        a.slice_axis(-1, None, None, 2).unwrap()
    } else if let Some(p) = view.strip_prefix("perm") {
        let axes: Vec<isize> = p
            .chars()
            .map(|c| c.to_digit(10).unwrap() as isize)
            .collect();
        a.permute_axes(&axes).unwrap()
    } else {
        panic!("view {view}")
    }
}

// ------------------------------------------------------------------ running a case

struct Outcome {
    outs: Vec<Array>,
    step: Option<f64>,
}

fn one(a: numox::Result<Array>) -> numox::Result<Outcome> {
    a.map(|a| Outcome {
        outs: vec![a],
        step: None,
    })
}

fn run(c: &Case, arrays: &[Array]) -> numox::Result<Outcome> {
    let a = Args { c, arrays };
    let fill = || {
        let mut o = FillOpts::new().order(a.plain_order());
        if let Some(d) = a.dtype() {
            o = o.dtype(d);
        }
        o
    };
    let like = || {
        let mut o = LikeOpts::new();
        if let Some(d) = a.dtype() {
            o = o.dtype(d);
        }
        if let Some(ord) = a.order() {
            o = o.order(ord);
        }
        if a.raw("shape").is_some() {
            let s: Vec<usize> = a.shape().iter().map(|&d| d as usize).collect();
            o = o.shape(&s);
        }
        o
    };
    let matrix = || {
        let mut o = MatrixOpts::new()
            .order(a.plain_order())
            .k(a.int("k").unwrap_or(0));
        if let Some(m) = a.int("m") {
            o = o.m(m);
        }
        if let Some(d) = a.dtype() {
            o = o.dtype(d);
        }
        o
    };
    let lin = || {
        let mut o = LinspaceOpts::new().endpoint(a.flag("endpoint").unwrap_or(true));
        if let Some(d) = a.dtype() {
            o = o.dtype(d);
        }
        o
    };
    let inputs = a.inputs();
    let value = || a.scalar("value");
    match c.func.as_str() {
        "arange" => match a.dtype() {
            None => one(numox::arange(
                a.scalar("start"),
                a.scalar("stop"),
                a.scalar("step"),
            )),
            Some(d) => one(numox::arange_with(
                a.scalar("start"),
                a.scalar("stop"),
                a.scalar("step"),
                d,
            )),
        },
        "linspace" => one(numox::linspace_with(
            a.scalar("start"),
            a.scalar("stop"),
            a.int("num").unwrap(),
            lin(),
        )),
        "linspace_retstep" => numox::linspace_retstep(
            a.scalar("start"),
            a.scalar("stop"),
            a.int("num").unwrap(),
            lin(),
        )
        .map(|(x, s)| Outcome {
            outs: vec![x],
            step: Some(s),
        }),
        "logspace" => {
            let l = lin();
            let mut o = LogspaceOpts::new()
                .endpoint(l.endpoint)
                .base(a.float("base").unwrap_or(10.0));
            if let Some(d) = l.dtype {
                o = o.dtype(d);
            }
            one(numox::logspace_with(
                a.scalar("start"),
                a.scalar("stop"),
                a.int("num").unwrap(),
                o,
            ))
        }
        "geomspace" => one(numox::geomspace_with(
            a.scalar("start"),
            a.scalar("stop"),
            a.int("num").unwrap(),
            lin(),
        )),
        "zeros" => one(numox::zeros_with(a.shape(), fill())),
        "ones" => one(numox::ones_with(a.shape(), fill())),
        "empty" => one(numox::empty_with(a.shape(), fill())),
        "full" => one(full_scalar(a.shape(), value(), fill())),
        "zeros_like" => one(numox::zeros_like_with(&inputs[0], like())),
        "ones_like" => one(numox::ones_like_with(&inputs[0], like())),
        "empty_like" => one(numox::empty_like_with(&inputs[0], like())),
        "full_like" => one(full_like_scalar(&inputs[0], value(), like())),
        "eye" => one(numox::eye_with(a.int("n").unwrap(), matrix())),
        "identity" => one(numox::identity_with(
            a.int("n").unwrap(),
            a.dtype().unwrap_or(DType::Float64),
        )),
        "tri" => one(numox::tri_with(a.int("n").unwrap(), matrix())),
        "diag" => one(numox::diag(&inputs[0], a.int("k").unwrap())),
        "diagflat" => one(numox::diagflat(&inputs[0], a.int("k").unwrap())),
        "tril" => one(numox::tril(&inputs[0], a.int("k").unwrap())),
        "triu" => one(numox::triu(&inputs[0], a.int("k").unwrap())),
        "meshgrid" => {
            let refs: Vec<&Array> = inputs.iter().collect();
            let o = MeshgridOpts::new()
                .indexing(if a.word("indexing") == Some("ij") {
                    Indexing::Ij
                } else {
                    Indexing::Xy
                })
                .sparse(a.flag("sparse").unwrap())
                .copy(a.flag("copy").unwrap());
            numox::meshgrid_with(&refs, o).map(|outs| Outcome { outs, step: None })
        }
        "indices" => one(numox::indices_with(a.shape(), a.dtype().unwrap())),
        "fromfunction" => {
            let nd = a.shape().len() as u32;
            one(numox::fromfunction(a.shape(), |ix| {
                ix.iter()
                    .enumerate()
                    .map(|(k, &i)| i as i64 * 10i64.pow(nd - 1 - k as u32))
                    .sum::<i64>()
            }))
        }
        "array" => {
            let mut o = ArrayOpts::new();
            if let Some(d) = a.dtype() {
                o = o.dtype(d);
            }
            if let Some(ord) = a.order() {
                o = o.order(ord);
            }
            match a.word("copy") {
                Some("none") => o = o.copy(None),
                Some("false") => o = o.copy(Some(false)),
                _ => {}
            }
            if let Some(n) = a.int("ndmin") {
                o = o.ndmin(n as usize);
            }
            if o == ArrayOpts::new() {
                one(Ok(numox::array(&inputs[0])))
            } else {
                one(numox::array_with(&inputs[0], o))
            }
        }
        "asarray" => {
            let mut o = AsArrayOpts::new();
            if let Some(d) = a.dtype() {
                o = o.dtype(d);
            }
            if let Some(ord) = a.order() {
                o = o.order(ord);
            }
            if o == AsArrayOpts::new() {
                one(Ok(numox::asarray(&inputs[0])))
            } else {
                one(numox::asarray_with(&inputs[0], o))
            }
        }
        f => panic!("unknown function {f}"),
    }
}

/// `full_with` over a dynamic scalar (the golden file's value types).
fn full_scalar(shape: Vec<i64>, v: Scalar, o: FillOpts) -> numox::Result<Array> {
    match v {
        Scalar::Int64(x) => numox::full_with(shape, x, o),
        Scalar::Float64(x) => numox::full_with(shape, x, o),
        Scalar::Float32(x) => numox::full_with(shape, x, o),
        Scalar::Bool(x) => numox::full_with(shape, x, o),
        s => panic!("fill value {s:?}"),
    }
}

fn full_like_scalar(p: &Array, v: Scalar, o: LikeOpts) -> numox::Result<Array> {
    match v {
        Scalar::Int64(x) => numox::full_like_with(p, x, o),
        Scalar::Float64(x) => numox::full_like_with(p, x, o),
        Scalar::Float32(x) => numox::full_like_with(p, x, o),
        Scalar::Bool(x) => numox::full_like_with(p, x, o),
        s => panic!("fill value {s:?}"),
    }
}

// ------------------------------------------------------------------ comparing

/// Exact comparison of element bits, treating any two NaNs as equal.
trait Bits: numox::Element {
    fn bits(self) -> u64;
    fn nan(self) -> bool {
        false
    }
    /// Distance in units in the last place, for floats.
    fn ulps(self, _other: Self) -> Option<u64> {
        None
    }
}

macro_rules! bits_int {
    ($($t:ty => $u:ty),*) => {$(
        impl Bits for $t {
            fn bits(self) -> u64 { self as $u as u64 }
        }
    )*};
}
bits_int!(bool => u8, i8 => u8, u8 => u8, i16 => u16, u16 => u16, i32 => u32, u32 => u32,
          i64 => u64, u64 => u64);

macro_rules! bits_float {
    ($($t:ty => $signed:ty),*) => {$(
        impl Bits for $t {
            fn bits(self) -> u64 { self.to_bits() as u64 }
            fn nan(self) -> bool { self.is_nan() }
            fn ulps(self, o: Self) -> Option<u64> {
                // Map the sign-magnitude bit patterns onto a monotone integer line.
                let key = |x: $t| {
                    let b = x.to_bits() as $signed;
                    if b < 0 { <$signed>::MIN - b } else { b }
                };
                Some((key(self) as i64 - key(o) as i64).unsigned_abs())
            }
        }
    )*};
}
bits_float!(f16 => i16, bf16 => i16, f32 => i32, f64 => i64);

impl Bits for Complex32 {
    fn bits(self) -> u64 {
        self.re.to_bits() as u64 | (self.im.to_bits() as u64) << 32
    }
    fn nan(self) -> bool {
        self.re.is_nan() || self.im.is_nan()
    }
}

impl Bits for Complex64 {
    fn bits(self) -> u64 {
        self.re.to_bits() ^ self.im.to_bits().rotate_left(17)
    }
    fn nan(self) -> bool {
        self.re.is_nan() || self.im.is_nan()
    }
}

/// How many units in the last place a float result may differ from NumPy's: 0 except where
/// NumPy's value comes from `pow`, which is not correctly rounded and whose last bit changes
/// between NumPy releases (logspace, geomspace).
fn ulp_tolerance(c: &Case) -> u64 {
    match c.func.as_str() {
        "logspace" | "geomspace" => 2,
        _ => 0,
    }
}

fn compare_values<T: Bits>(got: &Array, want: &Array, tol: u64) -> Result<(), String> {
    let (g, w) = (got.to_vec::<T>().unwrap(), want.to_vec::<T>().unwrap());
    let close = |x: T, y: T| {
        x.bits() == y.bits() || (x.nan() && y.nan()) || x.ulps(y).is_some_and(|u| u <= tol)
    };
    let mut bad = Vec::new();
    let mut max_ulps = 0;
    for (i, (&x, &y)) in g.iter().zip(&w).enumerate() {
        let same = close(x, y);
        if !same {
            if let Some(u) = x.ulps(y) {
                max_ulps = max_ulps.max(u);
            }
            if bad.len() < 4 {
                bad.push(format!("[{i}] got {x:?} want {y:?}"));
            }
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        let n = g.iter().zip(&w).filter(|&(&x, &y)| !close(x, y)).count();
        Err(format!(
            "{n} values differ (max {max_ulps} ulp): {}",
            bad.join(", ")
        ))
    }
}

fn checksum<T: Bits>(a: &Array) -> (u64, u64) {
    let v = a.to_vec::<T>().unwrap();
    let mut s1 = 0u64;
    let mut s2 = 0u64;
    for (i, x) in v.into_iter().enumerate() {
        let b = x.bits();
        s1 = s1.wrapping_add(b);
        s2 = s2.wrapping_add(b.wrapping_mul(i as u64 + 1));
    }
    (s1, s2)
}

/// Cases where NumPy's result is undefined behaviour in C (a float outside an integer dtype's
/// range, NaN to an integer), which NumPy returns with a warning and numox's casts refuse.
fn undefined_in_numpy(name: &str) -> Option<&'static str> {
    Some(match name {
        "full_5" | "full_like_4" => "cannot convert float -2.5 to uint8: out of bounds",
        "full_10" => "cannot convert float 10000000000.0 to int32: out of bounds",
        "full_11" => "cannot convert float NaN to integer",
        "linspace_22" => "cannot convert float -5.0 to uint8: out of bounds",
        _ => return None,
    })
}

fn check(c: &Case, g: &Golden) -> Result<(), String> {
    let got = run(c, &g.arrays);
    if let Some(msg) = undefined_in_numpy(&c.name) {
        return match got {
            Err(e) if e.to_string() == msg => Ok(()),
            Err(e) => Err(format!("error {e}, expected {msg:?}")),
            Ok(_) => Err(format!("succeeded, expected the error {msg:?}")),
        };
    }
    match (&c.expect, got) {
        (Expect::Err(msg), Err(e)) => {
            let want = known_message(&c.name, msg);
            if e.to_string() == want {
                Ok(())
            } else {
                Err(format!("error {:?}, NumPy says {:?}", e.to_string(), want))
            }
        }
        (Expect::Err(msg), Ok(_)) => Err(format!("succeeded, NumPy raises {msg:?}")),
        (Expect::Ok { .. }, Err(e)) => Err(format!("failed: {e}")),
        (
            Expect::Ok {
                out,
                step,
                strides,
                shares,
                chk,
            },
            Ok(o),
        ) => {
            if let Some(chk) = chk {
                let parts: Vec<&str> = chk.split(':').collect();
                let a = &o.outs[0];
                let shape: Vec<usize> = parts[1]
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse().unwrap())
                    .collect();
                if a.dtype().name() != parts[0] || a.shape() != shape.as_slice() {
                    return Err(format!(
                        "got {} {:?}, want {} {:?}",
                        a.dtype(),
                        a.shape(),
                        parts[0],
                        shape
                    ));
                }
                let sums = numox::dispatch_dtype!(a.dtype(), T => checksum::<T>(a));
                let want: (u64, u64) = (parts[2].parse().unwrap(), parts[3].parse().unwrap());
                // Each value may be `tol` ulps off: its bit pattern moves by at most `tol`.
                let n = a.size() as u64;
                let tol = ulp_tolerance(c);
                let near =
                    |x: u64, y: u64, bound: u64| x.wrapping_sub(y).min(y.wrapping_sub(x)) <= bound;
                return if near(sums.0, want.0, tol * n)
                    && near(sums.1, want.1, tol * n * (n + 1) / 2)
                {
                    Ok(())
                } else {
                    Err(format!("checksums {sums:?}, want {want:?}"))
                };
            }
            if o.outs.len() != out.len() {
                return Err(format!("{} outputs, want {}", o.outs.len(), out.len()));
            }
            for (k, (a, &w)) in o.outs.iter().zip(out).enumerate() {
                let want = &g.arrays[w];
                if a.dtype() != want.dtype() || a.shape() != want.shape() {
                    return Err(format!(
                        "out{k}: got {} {:?}, want {} {:?}",
                        a.dtype(),
                        a.shape(),
                        want.dtype(),
                        want.shape()
                    ));
                }
                numox::dispatch_dtype!(a.dtype(), T => compare_values::<T>(a, want, ulp_tolerance(c)))
                    .map_err(|e| format!("out{k}: {e}"))?;
                if let Some(s) = strides.as_ref().filter(|_| layout_checked(c)) {
                    // The stride of a length-1 axis carries no layout; NumPy's is arbitrary.
                    let differs = a
                        .shape()
                        .iter()
                        .zip(a.strides())
                        .zip(&s[k])
                        .any(|((&n, x), y)| n > 1 && x != *y);
                    if a.size() > 0 && differs {
                        return Err(format!(
                            "out{k}: strides {:?}, want {:?}",
                            a.strides(),
                            s[k]
                        ));
                    }
                }
            }
            if let (Some(want), Some(got)) = (step, o.step)
                && !(want.to_bits() == got.to_bits() || (want.is_nan() && got.is_nan()))
            {
                return Err(format!("step {got:?}, want {want:?}"));
            }
            if let Some(sh) = shares.filter(|_| layout_checked(c)) {
                let inputs = Args {
                    c,
                    arrays: &g.arrays,
                }
                .inputs();
                let got = o
                    .outs
                    .iter()
                    .any(|a| inputs.iter().any(|i| a.shares_buffer(i) && a.size() > 0));
                if got != sh {
                    return Err(format!("shares input: {got}, want {sh}"));
                }
            }
            Ok(())
        }
    }
}

/// Whether numox promises NumPy's strides and buffer sharing for the case. Two documented
/// differences: `diag` of a 2-D array is a copy (NumPy: a read-only view), and `tril`/`triu`
/// always return C order (NumPy's `where` picks a blended order for permuted stacks).
fn layout_checked(c: &Case) -> bool {
    let a = Args {
        c,
        arrays: &golden().arrays,
    };
    match c.func.as_str() {
        "diag" => a.inputs().first().is_none_or(|x| x.ndim() != 2),
        "tril" | "triu" => !c.name.contains("tstack"),
        _ => true,
    }
}

/// NumPy's message, or the one numox deliberately words differently.
fn known_message(name: &str, numpy: &str) -> String {
    if name.starts_with("tril_d0") || name.starts_with("triu_d0") {
        // NumPy's message is an accident of its implementation (`tri(*m.shape[-2:])`).
        let f = &name[..4];
        return format!("{f}() requires an array of at least 1 dimension");
    }
    // numox keeps the first line, without NumPy's migration hint.
    numpy.lines().next().unwrap_or("").to_string()
}

pub fn run_family(prefixes: &[&str]) -> usize {
    let g = golden();
    let mut failures = Vec::new();
    let mut n = 0;
    for c in g
        .cases
        .iter()
        .filter(|c| prefixes.contains(&c.func.as_str()))
    {
        n += 1;
        if let Err(e) = check(c, g) {
            failures.push(format!("{}: {e}", c.name));
        }
    }
    assert!(n > 0, "no cases for {prefixes:?}");
    assert!(
        failures.is_empty(),
        "{} of {n} cases differ from NumPy:\n{}",
        failures.len(),
        failures.join("\n")
    );
    n
}
