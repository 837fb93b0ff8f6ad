//! The shared golden-file harness of the ufunc tests (`tests/ufunc_<area>.rs`).
//!
//! `scripts/golden/ufunc_<area>.py` (built on `scripts/golden/ufunc_common.py`) writes
//! `tests/data/ufunc_<area>/{arrays.npys,cases.txt}`: every case names a NumPy function, its
//! arguments and NumPy's result or exception. A test file runs them all through numox:
//!
//! ```ignore
//! mod ufunc_golden;
//! use ufunc_golden::{Call, Harness, Out};
//!
//! fn call(c: &Call) -> Option<numox::Result<Out>> {
//!     let a = |k: usize| c.operand(k);
//!     Some(match c.func {
//!         "add" => numox::add(a(0), a(1)).map(Out::from),
//!         "round" => numox::round(c.array(0), c.kw_int("decimals").unwrap_or(0)).map(Out::from),
//!         _ => return None, // a case whose function the test does not know fails
//!     })
//! }
//!
//! #[test]
//! fn golden() {
//!     Harness::new("ufunc_arith")
//!         .tolerance(|c, _dtype| if c.func == "power" { 1 } else { 0 })
//!         .message(|_c, numpy| Some(numpy.to_string()))
//!         .run(call);
//! }
//! ```
//!
//! Every case must pass: the result's dtype and shape equal NumPy's and its elements equal
//! NumPy's bits (any NaN equals any NaN; complex numbers part by part), within the ULP tolerance
//! the test gives per case and result dtype; where NumPy raises, numox must return an error whose
//! text equals NumPy's message (first line) or the replacement the `message` hook returns for it
//! (`None` from the hook accepts any error).

#![allow(dead_code)]

use numox::io::read_npy_from;
use numox::ufunc::Operand;
use numox::{bf16, f16, Array, Complex32, Complex64, DType};
use std::path::PathBuf;

/// An argument of a case.
#[derive(Clone)]
pub enum Arg {
    Array(Array),
    Int(i128),
    Float(f64),
    Bool(bool),
    Complex(f64, f64),
    None,
    Str(String),
}

impl Arg {
    /// The argument as a numox operand: an array, or a weak scalar.
    pub fn operand(&self) -> Operand<'_> {
        match self {
            Arg::Array(a) => Operand::Array(a),
            Arg::Int(v) => match i64::try_from(*v) {
                Ok(v) => Operand::from(v),
                Err(_) => Operand::from(*v as u64),
            },
            Arg::Float(v) => Operand::from(*v),
            Arg::Bool(v) => Operand::from(*v),
            Arg::Complex(re, im) => Operand::from(Complex64::new(*re, *im)),
            Arg::None | Arg::Str(_) => panic!("argument is not an operand"),
        }
    }

    pub fn as_array(&self) -> Option<&Array> {
        match self {
            Arg::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Arg::Float(v) => Some(*v),
            Arg::Int(v) => Some(*v as f64),
            Arg::Bool(v) => Some(*v as u8 as f64),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Arg::Int(v) => i64::try_from(*v).ok(),
            Arg::Bool(v) => Some(*v as i64),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Arg::Bool(v) => Some(*v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Arg::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Arg::None)
    }
}

/// One case: the NumPy function's name, its positional and keyword arguments.
pub struct Call {
    pub name: String,
    pub func: String,
    pub args: Vec<Arg>,
    pub kwargs: Vec<(String, Arg)>,
    expect: Expect,
}

impl Call {
    /// Positional argument `k` as an operand.
    pub fn operand(&self, k: usize) -> Operand<'_> {
        self.args[k].operand()
    }

    /// Positional argument `k`, which must be an array.
    pub fn array(&self, k: usize) -> &Array {
        self.args[k].as_array().expect("array argument")
    }

    /// Keyword argument `key`, if given.
    pub fn kw(&self, key: &str) -> Option<&Arg> {
        self.kwargs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn kw_int(&self, key: &str) -> Option<i64> {
        self.kw(key).and_then(Arg::as_i64)
    }

    pub fn kw_f64(&self, key: &str) -> Option<f64> {
        self.kw(key).and_then(Arg::as_f64)
    }

    pub fn kw_bool(&self, key: &str) -> Option<bool> {
        self.kw(key).and_then(Arg::as_bool)
    }
}

/// What numox returned for a case.
pub enum Out {
    Arrays(Vec<Array>),
    Bool(bool),
}

impl From<Array> for Out {
    fn from(a: Array) -> Self {
        Out::Arrays(vec![a])
    }
}

impl From<(Array, Array)> for Out {
    fn from((a, b): (Array, Array)) -> Self {
        Out::Arrays(vec![a, b])
    }
}

impl From<Vec<Array>> for Out {
    fn from(v: Vec<Array>) -> Self {
        Out::Arrays(v)
    }
}

impl From<bool> for Out {
    fn from(b: bool) -> Self {
        Out::Bool(b)
    }
}

enum Expect {
    Arrays(Vec<usize>),
    Bool(bool),
    Err(String),
}

type TolFn = Box<dyn Fn(&Call, DType) -> u64>;
type MsgFn = Box<dyn Fn(&Call, &str) -> Option<String>>;
type SkipFn = Box<dyn Fn(&Call) -> Option<&'static str>>;

/// Runs the cases of one area; see the module documentation.
pub struct Harness {
    area: String,
    tolerance: TolFn,
    message: MsgFn,
    skip: SkipFn,
}

impl Harness {
    pub fn new(area: &str) -> Self {
        Harness {
            area: area.to_string(),
            tolerance: Box::new(|_, _| 0),
            message: Box::new(|_, m| Some(m.to_string())),
            skip: Box::new(|_| None),
        }
    }

    /// ULPs a float result of dtype `dt` may differ from NumPy's (default 0).
    pub fn tolerance(mut self, f: impl Fn(&Call, DType) -> u64 + 'static) -> Self {
        self.tolerance = Box::new(f);
        self
    }

    /// The error text numox must give where NumPy raises `numpy` (its first line); `None`
    /// accepts any error. Default: NumPy's text.
    pub fn message(mut self, f: impl Fn(&Call, &str) -> Option<String> + 'static) -> Self {
        self.message = Box::new(f);
        self
    }

    /// Cases numox deliberately answers differently, with the reason (for example
    /// ml_dtypes' bfloat16, which NumPy itself does not define). Skipped cases are printed.
    pub fn skip(mut self, f: impl Fn(&Call) -> Option<&'static str> + 'static) -> Self {
        self.skip = Box::new(f);
        self
    }

    /// Runs every case through `call` and panics with a list of the failures. Returns the
    /// number of cases.
    pub fn run(self, call: impl Fn(&Call) -> Option<numox::Result<Out>>) -> usize {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(&self.area);
        let bytes = std::fs::read(dir.join("arrays.npys")).expect("arrays.npys");
        let mut r = &bytes[..];
        let mut arrays = Vec::new();
        while !r.is_empty() {
            arrays.push(read_npy_from(&mut r).expect("npy record"));
        }
        let text = std::fs::read_to_string(dir.join("cases.txt")).expect("cases.txt");
        let mut failures = Vec::new();
        let mut n = 0;
        for line in text.lines().filter(|l| !l.is_empty()) {
            let c = parse(line, &arrays);
            n += 1;
            if let Some(why) = (self.skip)(&c) {
                println!("skipped {}: {why}", c.name);
                continue;
            }
            if let Err(e) = self.check(&c, &call, &arrays) {
                failures.push(format!("{} ({}): {e}", c.name, c.func));
            }
        }
        assert!(n > 0, "no cases in {}", self.area);
        let shown: Vec<&String> = failures.iter().take(60).collect();
        assert!(
            failures.is_empty(),
            "{} of {n} cases of {} differ from NumPy:\n{}",
            failures.len(),
            self.area,
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
        n
    }

    fn check(
        &self,
        c: &Call,
        call: &impl Fn(&Call) -> Option<numox::Result<Out>>,
        arrays: &[Array],
    ) -> Result<(), String> {
        let got = call(c).ok_or_else(|| "the test does not know this function".to_string())?;
        match (&c.expect, got) {
            (Expect::Err(msg), Err(e)) => match (self.message)(c, msg) {
                Some(want) if e.to_string() != want => {
                    Err(format!("error {:?}, want {want:?}", e.to_string()))
                }
                _ => Ok(()),
            },
            (Expect::Err(msg), Ok(_)) => Err(format!("succeeded, NumPy raises {msg:?}")),
            (_, Err(e)) => Err(format!("failed: {e}")),
            (Expect::Bool(want), Ok(Out::Bool(b))) => {
                if *want == b {
                    Ok(())
                } else {
                    Err(format!("got {b}, want {want}"))
                }
            }
            (Expect::Arrays(want), Ok(Out::Arrays(got))) => {
                if want.len() != got.len() {
                    return Err(format!("{} results, want {}", got.len(), want.len()));
                }
                for (k, (g, &w)) in got.iter().zip(want).enumerate() {
                    let w = &arrays[w];
                    if g.dtype() != w.dtype() || g.shape() != w.shape() {
                        return Err(format!(
                            "result {k}: got {} {:?}, want {} {:?}",
                            g.dtype(),
                            g.shape(),
                            w.dtype(),
                            w.shape()
                        ));
                    }
                    let tol = (self.tolerance)(c, g.dtype());
                    numox::dispatch_dtype!(g.dtype(), T => compare::<T>(g, w, tol))
                        .map_err(|e| format!("result {k}: {e}"))?;
                }
                Ok(())
            }
            (Expect::Bool(_), Ok(Out::Arrays(_))) => Err("got arrays, want a bool".into()),
            (Expect::Arrays(_), Ok(Out::Bool(_))) => Err("got a bool, want arrays".into()),
        }
    }
}

// ------------------------------------------------------------------ parsing

fn items(s: &str) -> Vec<&str> {
    s.split(' ').filter(|x| !x.is_empty()).collect()
}

fn parse(line: &str, arrays: &[Array]) -> Call {
    let cols: Vec<&str> = line.split('\t').collect();
    assert_eq!(cols.len(), 5, "bad case line {line}");
    let args = items(cols[2])
        .into_iter()
        .map(|x| parse_arg(x, arrays))
        .collect();
    let kwargs = items(cols[3])
        .into_iter()
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("key=value");
            (k.to_string(), parse_arg(v, arrays))
        })
        .collect();
    let e = cols[4];
    let expect = if let Some(rest) = e.strip_prefix("ok ") {
        Expect::Arrays(rest.split(',').map(|i| i.parse().unwrap()).collect())
    } else if let Some(rest) = e.strip_prefix("bool ") {
        Expect::Bool(rest == "1")
    } else if let Some(rest) = e.strip_prefix("err ") {
        let msg = rest.split_once('|').map_or(rest, |(_, m)| m);
        // NumPy's broadcast error ends in a space; the first line, trimmed, is compared.
        Expect::Err(msg.split("\\n").next().unwrap_or("").trim_end().to_string())
    } else {
        panic!("bad expectation {e}")
    };
    Call {
        name: cols[0].to_string(),
        func: cols[1].to_string(),
        args,
        kwargs,
        expect,
    }
}

fn parse_arg(s: &str, arrays: &[Array]) -> Arg {
    let (tag, v) = s.split_at(1);
    match tag {
        "a" => {
            let (idx, view) = match v.split_once(':') {
                Some((i, view)) => (i, Some(view)),
                None => (v, None),
            };
            let a = arrays[idx.parse::<usize>().unwrap()].clone();
            Arg::Array(match view {
                Some(view) => apply_view(&a, view),
                None => a,
            })
        }
        "i" => Arg::Int(v.parse().unwrap()),
        "f" => Arg::Float(parse_float(v)),
        "b" => Arg::Bool(v == "1"),
        "c" => {
            let (re, im) = v.split_once(',').unwrap();
            Arg::Complex(parse_float(re), parse_float(im))
        }
        "n" => Arg::None,
        "s" => Arg::Str(v.to_string()),
        _ => panic!("bad argument {s}"),
    }
}

fn parse_float(s: &str) -> f64 {
    match s {
        "nan" => f64::NAN,
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        _ => s.parse().unwrap(),
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

// ------------------------------------------------------------------ comparing

/// Element comparison: exact bits, any NaN equal to any NaN, floats within `tol` ULPs.
trait Same: numox::Element {
    fn same(self, o: Self, tol: u64) -> bool;
}

macro_rules! same_exact {
    ($($t:ty),*) => {$(
        impl Same for $t {
            fn same(self, o: Self, _tol: u64) -> bool { self == o }
        }
    )*};
}
same_exact!(bool, i8, u8, i16, u16, i32, u32, i64, u64);

macro_rules! same_float {
    ($($t:ty => $s:ty),*) => {$(
        impl Same for $t {
            fn same(self, o: Self, tol: u64) -> bool {
                if self.to_bits() == o.to_bits() || (self.is_nan() && o.is_nan()) {
                    return true;
                }
                if tol == 0 || self.is_nan() || o.is_nan() {
                    return false;
                }
                // Sign-magnitude bits onto a monotone integer line.
                let key = |x: $t| {
                    let b = x.to_bits() as $s;
                    if b < 0 { <$s>::MIN - b } else { b }
                };
                (key(self) as i64 - key(o) as i64).unsigned_abs() <= tol
            }
        }
    )*};
}
same_float!(f16 => i16, bf16 => i16, f32 => i32, f64 => i64);

impl Same for Complex32 {
    fn same(self, o: Self, tol: u64) -> bool {
        self.re.same(o.re, tol) && self.im.same(o.im, tol)
    }
}

impl Same for Complex64 {
    fn same(self, o: Self, tol: u64) -> bool {
        self.re.same(o.re, tol) && self.im.same(o.im, tol)
    }
}

fn compare<T: Same + std::fmt::Debug>(got: &Array, want: &Array, tol: u64) -> Result<(), String> {
    let (g, w) = (got.to_vec::<T>().unwrap(), want.to_vec::<T>().unwrap());
    let bad: Vec<usize> = (0..g.len()).filter(|&i| !g[i].same(w[i], tol)).collect();
    if bad.is_empty() {
        return Ok(());
    }
    let show: Vec<String> = bad
        .iter()
        .take(4)
        .map(|&i| format!("[{i}] got {:?} want {:?}", g[i], w[i]))
        .collect();
    Err(format!(
        "{} of {} values differ (tolerance {tol} ulp): {}",
        bad.len(),
        g.len(),
        show.join(", ")
    ))
}
