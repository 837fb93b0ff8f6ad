//! Array printing checked character for character against NumPy's `str()` and `repr()` over the
//! corpus in `data/printing/cases.txt` (written by `scripts/golden/printing.py`), including
//! views with negative strides, summarised arrays and non-default print options.

use numox::print::{array_repr, array_str, FloatMode, PrintOptions, Sign};
use numox::{bf16, f16, get_printoptions, set_printoptions, Array, Complex32, Complex64, DType};
use std::borrow::Cow;
use std::sync::Mutex;

/// Serialises the tests that read or write the global print options.
static GLOBAL_OPTIONS: Mutex<()> = Mutex::new(());

const CASES: &str = include_str!("data/printing/cases.txt");

struct Case {
    name: String,
    dtype: DType,
    shape: Vec<usize>,
    data: String,
    ops: String,
    opts: PrintOptions,
    has_opts: bool,
    str_: String,
    repr: String,
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_opts(s: &str) -> PrintOptions {
    let mut o = PrintOptions::default();
    if s == "-" {
        return o;
    }
    for kv in s.split(' ') {
        let (k, v) = kv.split_once('=').unwrap();
        match k {
            "precision" => o.precision = v.parse().unwrap(),
            "threshold" => o.threshold = v.parse().unwrap(),
            "edgeitems" => o.edgeitems = v.parse().unwrap(),
            "linewidth" => o.linewidth = v.parse().unwrap(),
            "suppress" => o.suppress = v == "1",
            "sign" => {
                o.sign = match v {
                    "plus" => Sign::Plus,
                    "space" => Sign::Space,
                    _ => Sign::Minus,
                }
            }
            "floatmode" => {
                o.floatmode = match v {
                    "fixed" => FloatMode::Fixed,
                    "unique" => FloatMode::Unique,
                    "maxprec_equal" => FloatMode::MaxPrecEqual,
                    _ => FloatMode::MaxPrec,
                }
            }
            "nanstr" => o.nanstr = Cow::Owned(v.to_string()),
            "infstr" => o.infstr = Cow::Owned(v.to_string()),
            _ => panic!("unknown option {k}"),
        }
    }
    o
}

fn parse_cases() -> Vec<Case> {
    let mut cases = vec![];
    let mut cur: Vec<(&str, &str)> = vec![];
    for line in CASES.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if line == "end" {
            let get = |k: &str| {
                cur.iter()
                    .find(|(kk, _)| *kk == k)
                    .map(|(_, v)| *v)
                    .unwrap()
            };
            let shape = get("shape");
            let opts = get("opts");
            cases.push(Case {
                name: get("case").to_string(),
                dtype: get("dtype").parse().unwrap(),
                shape: if shape.is_empty() {
                    vec![]
                } else {
                    shape.split(',').map(|d| d.parse().unwrap()).collect()
                },
                data: get("data").to_string(),
                ops: get("ops").to_string(),
                opts: parse_opts(opts),
                has_opts: opts != "-",
                str_: unescape(get("str")),
                repr: unescape(get("repr")),
            });
            cur.clear();
            continue;
        }
        let (k, v) = line.split_once(' ').unwrap_or((line, ""));
        cur.push((k, v));
    }
    cases
}

/// The raw bits (or `re:im` bit pairs) of each element; `@arange` means element k is k.
fn elements(c: &Case) -> Vec<Option<(u64, u64)>> {
    let n: usize = c.shape.iter().product();
    let mut toks = c.data.split(' ').filter(|t| !t.is_empty());
    let first = toks.clone().next();
    let hex = |t: &str| u64::from_str_radix(t, 16).unwrap();
    let pair = |t: &str| match t.split_once(':') {
        Some((r, i)) => (hex(r), hex(i)),
        None => (hex(t), 0),
    };
    if first == Some("@arange") {
        toks.next();
        let mut v: Vec<Option<(u64, u64)>> = vec![None; n];
        for t in toks {
            let (k, b) = t.split_once('=').unwrap();
            v[k.parse::<usize>().unwrap()] = Some(pair(b));
        }
        v
    } else {
        toks.map(|t| Some(pair(t))).collect()
    }
}

fn build(c: &Case) -> Array {
    let el = elements(c);
    let shape = &c.shape;
    macro_rules! make {
        ($t:ty, $from_bits:expr, $from_k:expr) => {{
            let f: fn(u64, u64) -> $t = $from_bits;
            let g: fn(usize) -> $t = $from_k;
            let v: Vec<$t> = el
                .iter()
                .enumerate()
                .map(|(k, e)| match e {
                    Some((a, b)) => f(*a, *b),
                    None => g(k),
                })
                .collect();
            Array::from_shape_vec(shape, v).unwrap()
        }};
    }
    match c.dtype {
        DType::Bool => make!(bool, |a, _| a != 0, |k| k != 0),
        DType::Int8 => make!(i8, |a, _| a as u8 as i8, |k| k as i8),
        DType::Int16 => make!(i16, |a, _| a as u16 as i16, |k| k as i16),
        DType::Int32 => make!(i32, |a, _| a as u32 as i32, |k| k as i32),
        DType::Int64 => make!(i64, |a, _| a as i64, |k| k as i64),
        DType::UInt8 => make!(u8, |a, _| a as u8, |k| k as u8),
        DType::UInt16 => make!(u16, |a, _| a as u16, |k| k as u16),
        DType::UInt32 => make!(u32, |a, _| a as u32, |k| k as u32),
        DType::UInt64 => make!(u64, |a, _| a, |k| k as u64),
        DType::Float16 => make!(f16, |a, _| f16::from_bits(a as u16), |k| f16::from_f64(
            k as f64
        )),
        DType::BFloat16 => make!(bf16, |a, _| bf16::from_bits(a as u16), |k| bf16::from_f64(
            k as f64
        )),
        DType::Float32 => make!(f32, |a, _| f32::from_bits(a as u32), |k| k as f32),
        DType::Float64 => make!(f64, |a, _| f64::from_bits(a), |k| k as f64),
        DType::Complex64 => make!(
            Complex32,
            |a, b| Complex32::new(f32::from_bits(a as u32), f32::from_bits(b as u32)),
            |k| Complex32::new(k as f32, 0.0)
        ),
        DType::Complex128 => make!(
            Complex64,
            |a, b| Complex64::new(f64::from_bits(a), f64::from_bits(b)),
            |k| Complex64::new(k as f64, 0.0)
        ),
    }
}

/// Applies the view recipe: `T`, `p:a,b,c`, `s:axis:start:stop:step`, `i:axis:index`.
fn apply(mut a: Array, recipe: &str) -> Array {
    if recipe == "-" {
        return a;
    }
    for op in recipe.split(' ') {
        let parts: Vec<&str> = op.split(':').collect();
        let opt = |s: &str| -> Option<isize> { (!s.is_empty()).then(|| s.parse().unwrap()) };
        a = match parts[0] {
            "T" => a.t(),
            "p" => {
                let axes: Vec<isize> = parts[1].split(',').map(|x| x.parse().unwrap()).collect();
                a.permute_axes(&axes).unwrap()
            }
            "s" => a
                .slice_axis(
                    parts[1].parse().unwrap(),
                    opt(parts[2]),
                    opt(parts[3]),
                    opt(parts[4]).unwrap_or(1),
                )
                .unwrap(),
            "i" => a
                .index_axis(parts[1].parse().unwrap(), parts[2].parse().unwrap())
                .unwrap(),
            o => panic!("unknown op {o}"),
        };
    }
    a
}

/// Shows where two texts first differ, line by line.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for k in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(k).copied(), g.get(k).copied());
        if a != b {
            return format!(
                "first difference at line {}:\n  numpy: {:?}\n  numox: {:?}\n--- numpy ---\n{want}\n--- numox ---\n{got}",
                k + 1,
                a,
                b
            );
        }
    }
    format!("(differ only in trailing newline)\n--- numpy ---\n{want:?}\n--- numox ---\n{got:?}")
}

#[test]
fn golden_str_and_repr() {
    let _g = GLOBAL_OPTIONS.lock().unwrap_or_else(|e| e.into_inner());
    let cases = parse_cases();
    assert!(cases.len() >= 150, "corpus has {} cases", cases.len());
    let mut failures = vec![];
    for c in &cases {
        let a = apply(build(c), &c.ops);
        let s = array_str(&a, &c.opts);
        let r = array_repr(&a, &c.opts);
        if s != c.str_ {
            failures.push(format!("[{}] str: {}", c.name, diff(&c.str_, &s)));
        }
        if r != c.repr {
            failures.push(format!("[{}] repr: {}", c.name, diff(&c.repr, &r)));
        }
        if !c.has_opts {
            // Display and Debug with the (default) global options.
            assert_eq!(a.to_string(), s, "[{}] Display", c.name);
            assert_eq!(format!("{a:?}"), r, "[{}] Debug", c.name);
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} strings differ from NumPy:\n\n{}",
            failures.len(),
            2 * cases.len(),
            failures.join("\n\n")
        );
    }
}

#[test]
fn global_printoptions_roundtrip() {
    let _g = GLOBAL_OPTIONS.lock().unwrap_or_else(|e| e.into_inner());
    let old = get_printoptions();
    assert_eq!(old, PrintOptions::default());
    let a = Array::from_vec(vec![1.0 / 3.0, 2.0]);
    set_printoptions(PrintOptions {
        precision: 3,
        sign: Sign::Plus,
        ..PrintOptions::default()
    });
    assert_eq!(get_printoptions().precision, 3);
    assert_eq!(a.to_string(), "[+0.333 +2.   ]");
    assert_eq!(format!("{a:?}"), "array([+0.333, +2.   ])");
    set_printoptions(old);
    assert_eq!(a.to_string(), "[0.33333333 2.        ]");
}
