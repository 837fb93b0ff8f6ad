//! Sorting, searching and set operations replayed against NumPy (scripts/golden/sorting.py):
//! every function for every dtype, axis form and layout, with NaN/Inf/-0, duplicates and the
//! errors. Stable sorts and argsorts must equal NumPy's exactly (-0.0 and 0.0 in input order);
//! default-kind argsorts are compared by the values they gather, partitions by each lane's
//! segments between the kth positions, sorted (the kth values themselves exactly).

mod recipes;

use numox::{Array, Casting, Complex64, DType, Kth, Order, SortKind, UniqueOpts};
use recipes::{apply, nums};
use std::cmp::Ordering;
use std::collections::HashMap;

/// One element as compared: an integer, or a (re, im) pair.
#[derive(Debug, Clone, Copy)]
enum Val {
    I(i128),
    C(f64, f64),
}

fn parse_val(s: &str, kind: char) -> Val {
    match kind {
        'i' | 'u' | 'b' => Val::I(s.parse().unwrap()),
        'c' => {
            let (re, im) = s.split_once('j').unwrap();
            Val::C(re.parse().unwrap(), im.parse().unwrap())
        }
        _ => Val::C(s.parse().unwrap(), 0.0),
    }
}

fn kind(d: DType) -> char {
    match d {
        DType::BFloat16 => 'f',
        _ => d.kind().char(),
    }
}

/// An input `dtype/order/shape/recipe/values`.
fn build(spec: &str) -> Array {
    let f: Vec<&str> = spec.split('/').collect();
    let dtype: DType = f[0].parse().unwrap();
    let order = if f[1] == "F" { Order::F } else { Order::C };
    let shape = nums::<usize>(f[2]);
    let items: Vec<&str> = f[4].split(',').filter(|x| !x.is_empty()).collect();
    let k = kind(dtype);
    let base = match k {
        'u' => Array::from_vec(items.iter().map(|x| x.parse::<u64>().unwrap()).collect()),
        'i' | 'b' => Array::from_vec(items.iter().map(|x| x.parse::<i64>().unwrap()).collect()),
        _ => {
            let v: Vec<Complex64> = items
                .iter()
                .map(|x| match parse_val(x, k) {
                    Val::C(re, im) => Complex64::new(re, im),
                    Val::I(_) => unreachable!(),
                })
                .collect();
            let a = Array::from_vec(v);
            if k == 'c' {
                a
            } else {
                numox::real(&a).unwrap()
            }
        }
    };
    let base = base
        .astype_with(dtype, Casting::Unsafe)
        .unwrap()
        .reshape(&shape.iter().map(|&d| d as isize).collect::<Vec<_>>())
        .unwrap();
    apply(base.copy_order(order), f[3])
}

fn values(a: &Array) -> Vec<Val> {
    match kind(a.dtype()) {
        'u' => a
            .astype_with(DType::UInt64, Casting::Unsafe)
            .unwrap()
            .to_vec::<u64>()
            .unwrap()
            .into_iter()
            .map(|x| Val::I(x as i128))
            .collect(),
        'i' | 'b' => a
            .astype_with(DType::Int64, Casting::Unsafe)
            .unwrap()
            .to_vec::<i64>()
            .unwrap()
            .into_iter()
            .map(|x| Val::I(x as i128))
            .collect(),
        _ => a
            .astype_with(DType::Complex128, Casting::Unsafe)
            .unwrap()
            .to_vec::<Complex64>()
            .unwrap()
            .into_iter()
            .map(|c| Val::C(c.re, c.im))
            .collect(),
    }
}

/// Equal values (NaN equal to NaN); with `bits`, zeros also of the same sign.
fn same(a: Val, b: Val, bits: bool) -> bool {
    let eq = |x: f64, y: f64| {
        (x.is_nan() && y.is_nan()) || (x == y && (!bits || x.to_bits() == y.to_bits()))
    };
    match (a, b) {
        (Val::I(x), Val::I(y)) => x == y,
        (Val::C(x, xi), Val::C(y, yi)) => eq(x, y) && eq(xi, yi),
        _ => false,
    }
}

/// NumPy's sort order on values: complex groups `[R + Rj, R + nanj, nan + Rj, nan + nanj]`,
/// -0.0 equal to 0.0.
fn order(a: &Val, b: &Val) -> Ordering {
    match (a, b) {
        (Val::I(x), Val::I(y)) => x.cmp(y),
        (Val::C(x, xi), Val::C(y, yi)) => {
            let key = |re: f64, im: f64| {
                let g = 2 * re.is_nan() as u8 + im.is_nan() as u8;
                let z = |v: f64| if v.is_nan() { 0.0 } else { v + 0.0 };
                (g, z(re), z(im))
            };
            let (p, q) = (key(*x, *xi), key(*y, *yi));
            p.0.cmp(&q.0)
                .then(p.1.total_cmp(&q.1))
                .then(p.2.total_cmp(&q.2))
        }
        _ => unreachable!(),
    }
}

fn opt_axis(s: &str) -> Option<isize> {
    s.parse().ok()
}

/// The lanes of `r` (the axis moved last, or flattened), as NumPy's canonical form lays them.
fn lanes(r: &Array, axis: Option<isize>) -> Array {
    match axis {
        None => numox::ravel(r, Order::C),
        Some(ax) => numox::moveaxis(r, &[ax], &[-1]).unwrap(),
    }
}

/// Each lane's segments between the kth positions, sorted; the shape of the lanes.
fn canon(r: &Array, kth: &[isize], axis: Option<isize>) -> (Vec<usize>, Vec<Val>) {
    if r.size() == 0 {
        return (r.shape().to_vec(), values(r));
    }
    let l = lanes(r, axis);
    let mut v = values(&l);
    let n = *l.shape().last().unwrap();
    let mut ks: Vec<usize> = kth
        .iter()
        .map(|&k| if k < 0 { k + n as isize } else { k } as usize)
        .collect();
    ks.sort_unstable();
    ks.dedup();
    for lane in v.chunks_mut(n) {
        let mut lo = 0;
        for &k in &ks {
            lane[lo..k].sort_by(order);
            lo = k + 1;
        }
        lane[lo..].sort_by(order);
    }
    (l.shape().to_vec(), v)
}

/// The values `idx` gathers from `x` along `axis` (flattened for `None` or a 0-d `x`).
fn gather(x: &Array, idx: &Array, axis: Option<isize>) -> Array {
    match axis {
        Some(ax) if x.ndim() > 0 => numox::take_along_axis(x, idx, Some(ax)).unwrap(),
        _ => numox::take(
            &numox::ravel(x, Order::C),
            idx,
            None,
            numox::TakeMode::Raise,
        )
        .unwrap(),
    }
}

/// A result to compare: shape, dtype and values.
struct Got {
    shape: Vec<usize>,
    dtype: DType,
    vals: Vec<Val>,
}

fn got(a: &Array) -> Got {
    Got {
        shape: a.shape().to_vec(),
        dtype: a.dtype(),
        vals: values(a),
    }
}

fn run(func: &str, args: &str, xs: &[Array]) -> numox::Result<Vec<Got>> {
    let p: Vec<&str> = args.split('|').collect();
    let x = &xs[0];
    let flag = |i: usize| p.get(i) == Some(&"1");
    let one = |a: Array| Ok(vec![got(&a)]);
    match func {
        "sort" => one(numox::sort(x, opt_axis(p[0]), p[1].parse()?)?),
        "argsort" => {
            let kind: SortKind = p[1].parse()?;
            let idx = numox::argsort(x, opt_axis(p[0]), kind)?;
            if kind == SortKind::Stable {
                one(idx)
            } else {
                assert_eq!(idx.dtype(), DType::Int64);
                one(gather(x, &idx, opt_axis(p[0])))
            }
        }
        "partition" | "argpartition" => {
            let kth = nums::<isize>(p[0]);
            let ax = opt_axis(p[1]);
            let r = if func == "partition" {
                numox::partition(x, Kth(kth.clone()), ax)?
            } else {
                let idx = numox::argpartition(x, Kth(kth.clone()), ax)?;
                assert_eq!(idx.dtype(), DType::Int64);
                gather(x, &idx, ax)
            };
            let (shape, vals) = canon(&r, &kth, if x.ndim() == 0 { None } else { ax });
            Ok(vec![Got {
                shape,
                dtype: r.dtype(),
                vals,
            }])
        }
        "searchsorted" => one(numox::searchsorted(x, &xs[1], p[0].parse()?, xs.get(2))?),
        "lexsort" => {
            let keys: Vec<&Array> = xs.iter().collect();
            one(numox::lexsort(&keys, p[0].parse().unwrap())?)
        }
        "unique" => {
            let opts = UniqueOpts::new()
                .return_index(p[0].contains('i'))
                .return_inverse(p[0].contains('v'))
                .return_counts(p[0].contains('c'))
                .equal_nan(!p[0].contains('n'));
            let u = numox::unique_with(x, opts)?;
            let mut out = vec![got(&u.values)];
            out.extend([u.index, u.inverse, u.counts].iter().flatten().map(got));
            Ok(out)
        }
        "isin" => one(numox::isin(x, &xs[1], flag(0), flag(1))?),
        "intersect1d" if flag(1) => {
            let (v, i, j) = numox::intersect1d_indices(x, &xs[1], flag(0))?;
            Ok(vec![got(&v), got(&i), got(&j)])
        }
        "intersect1d" => one(numox::intersect1d(x, &xs[1], flag(0))?),
        "union1d" => one(numox::union1d(x, &xs[1])?),
        "setdiff1d" => one(numox::setdiff1d(x, &xs[1], flag(0))?),
        "setxor1d" => one(numox::setxor1d(x, &xs[1], flag(0))?),
        f => panic!("unknown function {f}"),
    }
}

fn replay(f: &[&str], inputs: &HashMap<&str, &str>) {
    let xs: Vec<Array> = f[2].split(';').map(|r| build(inputs[r])).collect();
    let ctx = format!("case {}#{}#{}", f[0], f[1], f[2]);
    let res = run(f[0], f[1], &xs);
    if let Some(msg) = f[3].strip_prefix("ERR:") {
        let e = res.err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some(msg), "{ctx}");
        return;
    }
    let res = res.unwrap_or_else(|e| panic!("{e}: {ctx}"));
    let want: Vec<&str> = f[3].split(';').collect();
    assert_eq!(res.len(), want.len(), "{ctx}");
    // A stable sort keeps -0.0 and 0.0 in input order: their signs must match too.
    let bits = f[0] == "sort" && f[1].ends_with("stable");
    for (r, w) in res.iter().zip(want) {
        let p: Vec<&str> = w.splitn(3, ':').collect();
        assert_eq!(r.shape, nums::<usize>(p[0]), "shape, {ctx}");
        assert_eq!(r.dtype.name(), p[1], "dtype, {ctx}");
        let k = kind(r.dtype);
        let exp: Vec<Val> = p[2]
            .split(',')
            .filter(|x| !x.is_empty())
            .map(|x| parse_val(x, k))
            .collect();
        assert_eq!(r.vals.len(), exp.len(), "{ctx}");
        for (i, (a, b)) in r.vals.iter().zip(&exp).enumerate() {
            assert!(same(*a, *b, bits), "value {i}: {a:?} != {b:?}, {ctx}");
        }
    }
}

#[test]
fn sorting_matches_numpy() {
    let text = include_str!("data/sorting/sorting.txt");
    let mut inputs = HashMap::new();
    let (mut n, mut errors) = (0, 0);
    let mut failed = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('%')) {
        if let Some((name, spec)) = line.split_once('=')
            && name.starts_with('@')
        {
            inputs.insert(name, spec);
            continue;
        }
        let f: Vec<&str> = line.splitn(4, '#').collect();
        n += 1;
        errors += f[3].starts_with("ERR:") as usize;
        // Every case runs; the mismatches are listed together at the end.
        if let Err(e) = std::panic::catch_unwind(|| replay(&f, &inputs)) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(msg);
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {n} cases failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
    assert_eq!((n, errors), (2865, 95));
}

/// Pseudo-random numbers (a fixed LCG), for inputs larger than the golden files hold.
fn lcg(n: usize) -> Vec<u64> {
    let mut s = 0x2545F4914F6CDD1Du64;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s >> 11
        })
        .collect()
}

/// NumPy's float order as a sort key: NaN last, -0.0 equal to 0.0.
fn np_key(x: f64) -> (u8, f64) {
    if x.is_nan() {
        (1, 0.0)
    } else {
        (0, x + 0.0)
    }
}

fn np_cmp(a: f64, b: f64) -> Ordering {
    let (p, q) = (np_key(a), np_key(b));
    p.0.cmp(&q.0).then(p.1.partial_cmp(&q.1).unwrap())
}

/// Big inputs take the parallel radix paths: sort and argsort must equal a stable sort.
#[test]
fn big_float_sort_and_argsort_are_stable_numpy_order() {
    let specials = [
        f64::NAN,
        -0.0,
        0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -f64::NAN,
    ];
    let v: Vec<f64> = lcg(300_007)
        .into_iter()
        .map(|r| match r % 16 {
            k @ 0..6 => specials[k as usize],
            _ => ((r >> 8) % 2000) as f64 / 8.0 - 120.0,
        })
        .collect();
    let a = Array::from_vec(v.clone());
    let mut want = v.clone();
    want.sort_by(|x, y| np_cmp(*x, *y));
    let got = numox::sort(&a, Some(-1), SortKind::QuickSort)
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    assert!(got
        .iter()
        .zip(&want)
        .all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())));
    let mut idx: Vec<i64> = (0..v.len() as i64).collect();
    idx.sort_by(|&i, &j| np_cmp(v[i as usize], v[j as usize]));
    let got = numox::argsort(&a, None, SortKind::Stable).unwrap();
    assert_eq!(got.to_vec::<i64>().unwrap(), idx);
    let mut b = a.copy();
    b.sort_inplace(0).unwrap();
    assert_eq!(b.to_vec::<f64>().unwrap().len(), v.len());
    assert!(b
        .to_vec::<f64>()
        .unwrap()
        .windows(2)
        .all(|w| np_cmp(w[0], w[1]).is_le()));
}

#[test]
fn big_int_unique_counts_and_inverse() {
    let v: Vec<i64> = lcg(400_000)
        .into_iter()
        .map(|r| (r % 50_000) as i64 - 25_000)
        .collect();
    let a = Array::from_vec(v.clone());
    let u = numox::unique_with(
        &a,
        UniqueOpts::new().return_counts(true).return_inverse(true),
    )
    .unwrap();
    let mut want = v.clone();
    want.sort_unstable();
    want.dedup();
    let vals = u.values.to_vec::<i64>().unwrap();
    assert_eq!(vals, want);
    let counts = u.counts.unwrap().to_vec::<i64>().unwrap();
    assert_eq!(counts.iter().sum::<i64>(), v.len() as i64);
    let inv = u.inverse.unwrap().to_vec::<i64>().unwrap();
    assert!(inv.iter().zip(&v).all(|(&i, &x)| vals[i as usize] == x));
    assert_eq!(numox::unique(&a).unwrap().to_vec::<i64>().unwrap(), want);
}

/// Many lanes share the threads; each must be sorted on its own.
#[test]
fn many_lanes_sort_in_parallel() {
    let v: Vec<i32> = lcg(600 * 100)
        .into_iter()
        .map(|r| (r % 1000) as i32 - 500)
        .collect();
    let a = Array::from_shape_vec(&[600, 100], v.clone()).unwrap();
    let s = numox::sort(&a, Some(1), SortKind::Stable).unwrap();
    let t = numox::sort(&a.t(), Some(0), SortKind::Stable).unwrap();
    let got = s.to_vec::<i32>().unwrap();
    for (lane, src) in got.chunks(100).zip(v.chunks(100)) {
        let mut w = src.to_vec();
        w.sort_unstable();
        assert_eq!(lane, w.as_slice());
    }
    assert_eq!(t.t().to_vec::<i32>().unwrap(), got);
    let mut view = a.clone();
    view.sort_inplace(-1).unwrap();
    assert_eq!(view.to_vec::<i32>().unwrap(), got);
    assert_eq!(
        a.to_vec::<i32>().unwrap(),
        v,
        "the shared original is untouched"
    );
}

/// Big half and single precision lanes go through the value buckets too.
#[test]
fn big_narrow_float_sorts() {
    let v: Vec<f32> = lcg(100_003)
        .into_iter()
        .map(|r| ((r % 4001) as f32 - 2000.0) / 16.0)
        .collect();
    let mut want = v.clone();
    want.sort_by(|a, b| a.total_cmp(b));
    let a = Array::from_vec(v);
    let got = numox::sort(&a, None, SortKind::QuickSort).unwrap();
    assert_eq!(got.to_vec::<f32>().unwrap(), want);
    let h = numox::sort(
        &a.astype(DType::Float16).unwrap(),
        Some(0),
        SortKind::Stable,
    )
    .unwrap();
    let hv: Vec<f32> = h
        .to_vec::<numox::f16>()
        .unwrap()
        .into_iter()
        .map(f32::from)
        .collect();
    assert!(hv.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(hv.len(), want.len());
}
