//! Statistics replayed against NumPy (scripts/golden/stats.py): cumsum, cumprod, nancumsum,
//! nancumprod, diff, median, percentile, quantile and their nan forms, bincount, histogram, over
//! every dtype, axis forms, keepdims, layouts, NaN/Inf/-0, overflow, and the errors.

mod recipes;

use numox::{
    bincount, cumprod, cumprod_dtype, cumsum, cumsum_dtype, diff_with, histogram, median,
    nancumprod, nancumsum, nanmedian, nanpercentile_with, nanquantile_with, percentile_with,
    quantile_with, Array, Axes, Bins, Casting, Complex64, DType, Order, QuantileMethod, Quantiles,
};
use recipes::{apply, nums};

/// An input `dtype/order/shape/recipe/mul,add,mod,sub,div[/specials]` (see stats.py).
fn build(spec: &str) -> Array {
    let f: Vec<&str> = spec.split('/').collect();
    let dtype: DType = f[0].parse().unwrap();
    let order = if f[1] == "F" { Order::F } else { Order::C };
    let shape = nums::<usize>(f[2]);
    let g = nums::<i64>(f[4]);
    let n: usize = shape.iter().product();
    let mut v: Vec<f64> = (0..n as i64)
        .map(|k| ((k * g[0] + g[1]).rem_euclid(g[2]) - g[3]) as f64 / g[4] as f64)
        .collect();
    if let Some(sp) = f.get(5).filter(|s| !s.is_empty()) {
        for item in sp.split(',') {
            let (pos, val) = item.split_once(':').unwrap();
            v[pos.parse::<usize>().unwrap()] = match val {
                "nan" => f64::NAN,
                "inf" => f64::INFINITY,
                "-inf" => f64::NEG_INFINITY,
                _ => -0.0,
            };
        }
    }
    let base = Array::from_shape_vec_order(&shape, v, order).unwrap();
    // Integers wrap from int64 (float to integer casts out of range are errors in numox).
    let base = if dtype.is_integer() {
        base.astype_with(DType::Int64, Casting::Unsafe).unwrap()
    } else {
        base
    };
    let cast = base.astype_with(dtype, Casting::Unsafe);
    apply(cast.unwrap_or_else(|e| panic!("{e}: input {spec}")), f[3])
}

fn axes(s: &str) -> Axes {
    if s.is_empty() {
        Axes::all()
    } else {
        Axes::from(nums::<isize>(s))
    }
}

fn method(s: &str) -> QuantileMethod {
    match s {
        "lower" => QuantileMethod::Lower,
        "higher" => QuantileMethod::Higher,
        "nearest" => QuantileMethod::Nearest,
        "midpoint" => QuantileMethod::Midpoint,
        _ => QuantileMethod::Linear,
    }
}

fn run(func: &str, args: &str, x: &Array) -> numox::Result<Vec<Array>> {
    let p: Vec<&str> = args.split('|').collect();
    let ax = |s: &str| s.parse::<isize>().ok();
    let one = |r: numox::Result<Array>| r.map(|a| vec![a]);
    match func {
        "cumsum" | "cumprod" | "nancumsum" | "nancumprod" => {
            if let Some(dt) = p.get(1) {
                let dt: DType = dt.parse().unwrap();
                let f = if func == "cumsum" {
                    cumsum_dtype
                } else {
                    cumprod_dtype
                };
                return one(f(x, ax(p[0]), dt));
            }
            let f = match func {
                "cumsum" => cumsum,
                "cumprod" => cumprod,
                "nancumsum" => nancumsum,
                _ => nancumprod,
            };
            one(f(x, ax(p[0])))
        }
        "diff" => {
            let pre = p.get(2).filter(|s| !s.is_empty()).map(|s| build(s));
            let app = p.get(3).filter(|s| !s.is_empty()).map(|s| build(s));
            let n = p[0].parse().unwrap();
            let a = p[1].parse().unwrap();
            one(diff_with(x, n, a, pre.as_ref(), app.as_ref()))
        }
        "median" | "nanmedian" => {
            let a = axes(p[0]).with_keepdims(p[1] == "1");
            one(if func == "median" {
                median(x, a)
            } else {
                nanmedian(x, a)
            })
        }
        "quantile" | "percentile" | "nanquantile" | "nanpercentile" => {
            let (kind, vals) = p[0].split_once('=').unwrap();
            let qa;
            let q = if kind == "s" {
                Quantiles::Scalar(vals.parse().unwrap())
            } else {
                let (shape, vals) = vals.split_once(';').unwrap_or(("", vals));
                let v = Array::from_vec(nums::<f64>(vals));
                qa = if shape.is_empty() {
                    v
                } else {
                    v.reshape(&nums::<isize>(shape)).unwrap()
                };
                Quantiles::Array(&qa)
            };
            let a = axes(p[1]).with_keepdims(p[2] == "1");
            let m = method(p[3]);
            one(match func {
                "quantile" => quantile_with(x, q, a, m),
                "percentile" => percentile_with(x, q, a, m),
                "nanquantile" => nanquantile_with(x, q, a, m),
                _ => nanpercentile_with(x, q, a, m),
            })
        }
        "bincount" => {
            let w = (!p[0].is_empty()).then(|| build(p[0]));
            one(bincount(x, w.as_ref(), p[1].parse().unwrap()))
        }
        "histogram" => {
            let edges;
            let bins = match p[0].split_at(2) {
                ("c:", n) => Bins::Count(n.parse().unwrap()),
                (_, spec) => {
                    edges = build(spec);
                    Bins::Edges(&edges)
                }
            };
            let range = (!p[1].is_empty()).then(|| {
                let r = nums::<f64>(p[1]);
                (r[0], r[1])
            });
            let w = (!p[2].is_empty()).then(|| build(p[2]));
            histogram(x, bins, range, w.as_ref(), p[3] == "1").map(|(n, e)| vec![n, e])
        }
        other => panic!("unknown function {other}"),
    }
}

/// Values as (re, im) pairs (integers through int64, as stats.py prints them).
fn values(a: &Array) -> Vec<(f64, f64)> {
    if a.dtype().is_integer() || a.dtype() == DType::Bool {
        return a
            .astype_with(DType::Int64, Casting::Unsafe)
            .unwrap()
            .to_vec::<i64>()
            .unwrap()
            .into_iter()
            .map(|v| (v as f64, 0.0))
            .collect();
    }
    a.astype_with(DType::Complex128, Casting::Unsafe)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap()
        .into_iter()
        .map(|c| (c.re, c.im))
        .collect()
}

fn parse_values(s: &str, int: bool) -> Vec<(f64, f64)> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| match x.split_once('j') {
            Some((re, im)) => (re.parse().unwrap(), im.parse().unwrap()),
            None if int => (x.parse::<i64>().unwrap() as f64, 0.0),
            None => (x.parse().unwrap(), 0.0),
        })
        .collect()
}

/// Bit-equal, NaN equal to NaN (of any sign or payload); the sign of zero is compared.
fn same(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

/// Checks one case; `Err` describes the mismatch.
fn check(line: &str) -> Result<bool, String> {
    let f: Vec<&str> = line.splitn(4, '#').collect();
    let x = build(f[2]);
    let got = run(f[0], f[1], &x);
    if let Some(msg) = f[3].strip_prefix("ERR:") {
        let g = got.err().map(|e| e.to_string());
        return if g.as_deref() == Some(msg) {
            Ok(true)
        } else {
            Err(format!("error {g:?}"))
        };
    }
    let got = got.map_err(|e| format!("unexpected error {e}"))?;
    let want: Vec<&str> = f[3].split(';').collect();
    if got.len() != want.len() {
        return Err("result count".into());
    }
    for (r, w) in got.iter().zip(want) {
        let p: Vec<&str> = w.splitn(3, ':').collect();
        if r.shape() != nums::<usize>(p[0]).as_slice() {
            return Err(format!("shape {:?}", r.shape()));
        }
        if r.dtype().name() != p[1] {
            return Err(format!("dtype {}", r.dtype()));
        }
        let int = r.dtype().is_integer() || r.dtype() == DType::Bool;
        let (g, e) = (values(r), parse_values(p[2], int));
        if g.len() != e.len()
            || g.iter()
                .zip(&e)
                .any(|(a, b)| !(same(a.0, b.0) && same(a.1, b.1)))
        {
            return Err(format!("values {g:?}"));
        }
    }
    Ok(false)
}

#[test]
fn stats_golden() {
    let text = include_str!("data/stats/stats.txt");
    let (mut n, mut errors) = (0, 0);
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('%')) {
        n += 1;
        match check(line) {
            Ok(err) => errors += usize::from(err),
            Err(why) => failures.push(format!("{why}: case {line}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(n > 4000 && errors > 100, "{n} cases, {errors} errors");
}
