//! Indexing and assignment replayed against NumPy (scripts/golden/index.py): `a[idx]` with every
//! kind of index item (shape, dtype, memory sharing, values, errors), `a[idx] = value` (the whole
//! array afterwards), `np.copyto(a[idx], v, casting="same_kind")`, and take, put,
//! take_along_axis, put_along_axis, compress, extract, nonzero, argwhere, flatnonzero.

mod recipes;

use numox::index::Idx;
use numox::{Array, Casting, Complex64, Scalar, TakeMode};
use recipes::{build, nums, pairs, parse_pairs};

fn item(s: &str) -> Idx {
    let p: Vec<&str> = s.split(':').collect();
    let opt = |v: &str| v.parse::<isize>().ok();
    match p[0] {
        "i" => Idx::Int(p[1].parse().unwrap()),
        "s" => Idx::slice(
            opt(p[1]),
            opt(p[2]),
            p.get(3).and_then(|v| opt(v)).unwrap_or(1),
        ),
        "n" => Idx::NewAxis,
        "e" => Idx::Ellipsis,
        "a" => {
            let shape: Vec<isize> = nums::<isize>(p[2]);
            let v = Array::from_vec(nums::<i64>(p[3]))
                .astype_with(p[1].parse().unwrap(), Casting::Unsafe)
                .unwrap();
            Idx::Array(v.reshape(&shape).unwrap())
        }
        "m" => {
            let shape: Vec<isize> = nums::<isize>(p[1]);
            let bits: Vec<bool> = p[2].chars().map(|c| c == '1').collect();
            Idx::Array(Array::from_vec(bits).reshape(&shape).unwrap())
        }
        other => panic!("unknown item {other}"),
    }
}

fn index(spec: &str) -> Vec<Idx> {
    spec.split_whitespace().map(item).collect()
}

/// A value: a Python scalar `py:kind:...` or an input spec.
fn value(spec: &str) -> numox::ufunc::Operand<'static> {
    let p: Vec<&str> = spec.split(':').collect();
    if p[0] != "py" {
        return build(spec).into();
    }
    let s = match p[1] {
        "int" => Scalar::from(p[2].parse::<i64>().unwrap()),
        "float" => Scalar::from(p[2].parse::<f64>().unwrap()),
        "bool" => Scalar::from(p[2] == "1"),
        _ => Scalar::from(Complex64::new(p[2].parse().unwrap(), p[3].parse().unwrap())),
    };
    s.into()
}

fn same(a: (f64, f64), b: (f64, f64)) -> bool {
    let eq = |x: f64, y: f64| x == y || (x.is_nan() && y.is_nan());
    eq(a.0, b.0) && eq(a.1, b.1)
}

fn check(r: &Array, x: &Array, want: &str, ctx: &str) {
    let p: Vec<&str> = want.splitn(4, ':').collect();
    assert_eq!(r.shape(), nums::<usize>(p[0]).as_slice(), "shape, {ctx}");
    assert_eq!(r.dtype().name(), p[1], "dtype, {ctx}");
    // "-": NumPy gave a scalar where numox gives a 0-d view.
    if p[2] != "-" {
        let shares = numox::shares_memory(r, x);
        assert_eq!(shares, p[2] == "1", "sharing, {ctx}");
    }
    let (got, exp) = (pairs(r), parse_pairs(p[3]));
    assert_eq!(got.len(), exp.len(), "values, {ctx}");
    assert!(
        got.iter().zip(&exp).all(|(a, b)| same(*a, *b)),
        "values {got:?} != {exp:?}, {ctx}"
    );
}

fn opt_axis(s: &str) -> Option<isize> {
    s.parse().ok()
}

fn mode(s: Option<&&str>) -> TakeMode {
    match s.copied() {
        Some("wrap") => TakeMode::Wrap,
        Some("clip") => TakeMode::Clip,
        _ => TakeMode::Raise,
    }
}

fn run(kind: &str, args: &str, x: &Array) -> numox::Result<Vec<Array>> {
    let one = |r: numox::Result<Array>| r.map(|a| vec![a]);
    match kind {
        "get" => one(x.index(&index(args))),
        "set" | "setk" => {
            let (it, v) = args.split_once('|').unwrap();
            let mut a = x.clone();
            if kind == "set" {
                a.assign(&index(it), value(v))?;
            } else {
                a.slice_mut(&index(it))?
                    .assign_with(&[], value(v), Casting::SameKind)?;
            }
            Ok(vec![a])
        }
        _ => {
            let p: Vec<&str> = args.split('|').collect();
            let arr = || match item(p[0]) {
                Idx::Array(a) => a,
                _ => panic!("not an array"),
            };
            match kind {
                "take" => one(x.take(&arr(), opt_axis(p[1]), mode(p.get(2)))),
                "take_along_axis" => one(numox::take_along_axis(x, &arr(), opt_axis(p[1]))),
                "compress" => one(numox::compress(&arr(), x, opt_axis(p[1]))),
                "extract" => one(numox::extract(&arr(), x)),
                "nonzero" => numox::nonzero(x),
                "argwhere" => one(numox::argwhere(x)),
                "flatnonzero" => Ok(vec![numox::flatnonzero(x)]),
                "put" => {
                    let mut a = x.copy();
                    numox::put(
                        &mut a,
                        &arr(),
                        value(p[1]),
                        mode(p.get(2).filter(|m| !m.is_empty())),
                    )?;
                    Ok(vec![a])
                }
                "put_along_axis" => {
                    let mut a = x.copy();
                    numox::put_along_axis(&mut a, &arr(), value(p[1]), p[2].parse().unwrap())?;
                    Ok(vec![a])
                }
                f => panic!("unknown function {f}"),
            }
        }
    }
}

#[test]
fn index_matches_numpy() {
    let text = include_str!("data/index/index.txt");
    let (mut n, mut errors) = (0, 0);
    let mut failed = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('%')) {
        let f: Vec<&str> = line.splitn(4, '#').collect();
        n += 1;
        errors += f[3].starts_with("ERR:") as usize;
        // Every case runs; the mismatches are listed together at the end.
        if let Err(e) = std::panic::catch_unwind(|| replay(&f)) {
            let msg = e.downcast_ref::<String>().cloned().unwrap_or_default();
            failed.push(msg);
        }
    }
    assert!(
        failed.is_empty(),
        "{} cases failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
    assert_eq!((n, errors), (701, 232));
}

fn replay(f: &[&str]) {
    let x = build(f[2]);
    let ctx = format!("case {}", f.join("#"));
    let got = run(f[0], f[1], &x);
    if let Some(msg) = f[3].strip_prefix("ERR:") {
        assert_eq!(
            got.err().map(|e| e.to_string()).as_deref(),
            Some(msg),
            "{ctx}"
        );
        return;
    }
    let got = got.unwrap_or_else(|e| panic!("{e}: {ctx}"));
    let want: Vec<&str> = f[3].split(';').collect();
    assert_eq!(got.len(), want.len(), "{ctx}");
    for (r, w) in got.iter().zip(want) {
        check(r, &x, w, &ctx);
    }
}
