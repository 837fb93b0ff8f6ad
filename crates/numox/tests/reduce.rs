//! Reductions replayed against NumPy (scripts/golden/reduce.py): every function over every
//! dtype, axis form, keepdims, layout and special value — shape, dtype and values (bit for bit
//! where NumPy's summation order is reproduced, "exact" 1) or the error message.

mod recipes;

use numox::{Array, Axes, Casting, Complex64, DType, Order};
use recipes::{apply, nums};

/// The pseudo-random fill of reduce.py.
fn value(k: usize, dtype: DType) -> f64 {
    if dtype == DType::BFloat16 {
        return ((k * 37) % 61) as f64 / 4.0 - 7.5;
    }
    ((k * 7919) % 1013) as f64 / 7.0 - 50.0
}

fn build(spec: &str) -> Array {
    let f: Vec<&str> = spec.split('/').collect();
    let dtype: DType = f[0].parse().unwrap();
    let order = if f[1] == "F" { Order::F } else { Order::C };
    let shape = nums::<usize>(f[2]);
    let n: usize = shape.iter().product();
    let specials: Vec<(&str, usize)> = f
        .get(5)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.split(',')
                .map(|t| {
                    let (a, b) = t.split_once(':').unwrap();
                    (a, b.parse().unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    let int_kind = !dtype.is_inexact();
    let mut v: Vec<Complex64> = if f[4] == "r" && int_kind {
        (0..n)
            .map(|k| Complex64::new(((k * 7919) % 1013) as f64 - 500.0, 0.0))
            .collect()
    } else if f[4] == "r" {
        (0..n)
            .map(|k| {
                let im = if dtype.is_complex() {
                    value(k + 500, dtype)
                } else {
                    0.0
                };
                Complex64::new(value(k, dtype), im)
            })
            .collect()
    } else {
        let off: i64 = f[4].parse().unwrap();
        (0..n as i64)
            .map(|k| Complex64::new(k.wrapping_add(off) as f64, 0.0))
            .collect()
    };
    for (s, k) in &specials {
        let x = match *s {
            "n" => f64::NAN,
            "i" => f64::INFINITY,
            "j" => f64::NEG_INFINITY,
            _ => -0.0,
        };
        v[*k] = Complex64::new(x, 0.0);
    }
    let base = if f[4] != "r" && specials.is_empty() {
        // arange + offset through int64, wrapping as NumPy's astype does.
        let off: i64 = f[4].parse().unwrap();
        let ints: Vec<i64> = (0..n as i64).map(|k| k.wrapping_add(off)).collect();
        Array::from_shape_vec_order(&shape, ints, order).unwrap()
    } else if int_kind {
        let ints: Vec<i64> = v.iter().map(|z| z.re as i64).collect();
        Array::from_shape_vec_order(&shape, ints, order).unwrap()
    } else if dtype.is_complex() {
        Array::from_shape_vec_order(&shape, v, order).unwrap()
    } else {
        let re: Vec<f64> = v.iter().map(|z| z.re).collect();
        Array::from_shape_vec_order(&shape, re, order).unwrap()
    };
    apply(base.astype_with(dtype, Casting::Unsafe).unwrap(), f[3])
}

fn axes(s: &str) -> Axes {
    let keep = s.ends_with('k');
    let s = s.trim_end_matches('k');
    let a = match s {
        "N" => Axes::from(None),
        "()" => Axes::from(Vec::<isize>::new()),
        _ if s.contains(',') => Axes::from(nums::<isize>(s)),
        _ => Axes::from(s.parse::<isize>().unwrap()),
    };
    a.with_keepdims(keep)
}

fn run(func: &str, args: &str, x: &Array) -> numox::Result<Array> {
    let p: Vec<&str> = args.split('|').collect();
    let ax = axes(p[0]);
    let ddof = || p.get(1).map_or(0, |d| d.parse::<usize>().unwrap());
    match func {
        "sum" => numox::sum(x, ax),
        "prod" => numox::prod(x, ax),
        "mean" => numox::mean(x, ax),
        "var" => numox::var(x, ax, ddof()),
        "std" => numox::std(x, ax, ddof()),
        "min" => x.min(ax),
        "max" => x.max(ax),
        "ptp" => numox::ptp(x, ax),
        "argmin" => x.argmin(ax),
        "argmax" => numox::argmax(x, ax),
        "any" => x.any(ax),
        "all" => numox::all(x, ax),
        "count_nonzero" => numox::count_nonzero_axis(x, ax),
        "nansum" => numox::nansum(x, ax),
        "nanprod" => numox::nanprod(x, ax),
        "nanmean" => numox::nanmean(x, ax),
        "nanvar" => numox::nanvar(x, ax, ddof()),
        "nanstd" => numox::nanstd(x, ax, ddof()),
        "nanmin" => numox::nanmin(x, ax),
        "nanmax" => numox::nanmax(x, ax),
        "nanargmin" => numox::nanargmin(x, ax),
        "nanargmax" => numox::nanargmax(x, ax),
        "average" => {
            let w = p.get(1).filter(|s| !s.is_empty()).map(|s| build(s));
            numox::average(x, ax, w.as_ref())
        }
        other => panic!("unknown function {other}"),
    }
}

/// A value of `dtype` parsed from NumPy's shortest string for it, widened to f64.
fn parse(s: &str, dtype: DType) -> f64 {
    match dtype {
        DType::Float32 | DType::Complex64 => s.parse::<f32>().unwrap() as f64,
        DType::Float16 => numox::f16::from_f32(s.parse::<f32>().unwrap()).to_f64(),
        DType::BFloat16 => numox::bf16::from_f32(s.parse::<f32>().unwrap()).to_f64(),
        _ => s.parse::<f64>().unwrap(),
    }
}

/// The tolerance on float results where NumPy's summation order is not reproduced.
fn tolerance(dtype: DType) -> f64 {
    match dtype.real_dtype() {
        DType::Float64 => 1e-12,
        DType::Float32 => 2e-5,
        DType::Float16 => 2e-2,
        _ => 1e-1,
    }
}

fn close(got: f64, want: f64, exact: bool, dtype: DType) -> bool {
    if got.is_nan() || want.is_nan() {
        return got.is_nan() && want.is_nan();
    }
    if exact || want.is_infinite() {
        return got.to_bits() == want.to_bits();
    }
    (got - want).abs() <= tolerance(dtype) * want.abs().max(1.0)
}

fn check(r: &Array, want: &str, exact: bool, ctx: &str) {
    let p: Vec<&str> = want.splitn(3, ':').collect();
    assert_eq!(r.shape(), nums::<usize>(p[0]).as_slice(), "shape, {ctx}");
    assert_eq!(r.dtype().name(), p[1], "dtype, {ctx}");
    let dt = r.dtype();
    let want: Vec<&str> = p[2].split(',').filter(|s| !s.is_empty()).collect();
    assert_eq!(r.size(), want.len(), "size, {ctx}");
    if !dt.is_inexact() {
        let got = r
            .astype_with(DType::Float64, Casting::Unsafe)
            .unwrap()
            .to_vec::<f64>()
            .unwrap();
        let ints = r.astype_with(DType::Int64, Casting::Unsafe).unwrap();
        let ints = ints.to_vec::<i64>().unwrap();
        for ((g, gi), w) in got.iter().zip(&ints).zip(&want) {
            let ok = match dt {
                DType::UInt64 => (*gi as u64).to_string() == *w,
                DType::Bool => (*g != 0.0) == (*w == "1"),
                _ => gi.to_string() == *w,
            };
            assert!(ok, "values {ints:?} != {want:?}, {ctx}");
        }
        return;
    }
    let got = r
        .astype_with(DType::Complex128, Casting::Unsafe)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap();
    for (g, w) in got.iter().zip(&want) {
        let (re, im) = match w.split_once('j') {
            Some((a, b)) => (parse(a, dt), parse(b, dt)),
            None => (parse(w, dt), 0.0),
        };
        assert!(
            close(g.re, re, exact, dt) && close(g.im, im, exact, dt),
            "value {g} != {w} (exact {exact}), {ctx}"
        );
    }
}

#[test]
fn reductions_match_numpy() {
    std::panic::set_hook(Box::new(|_| {}));
    let text = include_str!("data/reduce/reduce.txt");
    let (mut n, mut errors) = (0, 0);
    let mut failures = vec![];
    for line in text.lines().filter(|l| !l.starts_with('%')) {
        let f: Vec<&str> = line.splitn(5, '#').collect();
        let ctx = format!("case {}", &line[..line.len().min(300)]);
        let x = build(f[2]);
        n += 1;
        // Each case checked on its own, so that one report lists every failing case.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let got = run(f[0], f[1], &x);
            if let Some(msg) = f[4].strip_prefix("ERR:") {
                assert_eq!(
                    got.err().map(|e| e.to_string()).as_deref(),
                    Some(msg),
                    "{ctx}"
                );
                return true;
            }
            let got = got.unwrap_or_else(|e| panic!("{e}: {ctx}"));
            check(&got, f[4], f[3] == "1", &ctx);
            false
        }));
        match outcome {
            Ok(err) => errors += err as usize,
            Err(e) => {
                let msg = e.downcast_ref::<String>().cloned().unwrap_or_default();
                failures.push(if msg.contains("case ") {
                    msg
                } else {
                    format!("{msg}: {ctx}")
                })
            }
        }
    }
    drop(std::panic::take_hook());
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(n > 7000 && errors > 400, "{n} cases, {errors} errors");
}
