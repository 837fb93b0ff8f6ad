//! Shape manipulation, second part (split, array_split, vsplit, hsplit, dsplit, reshape in C and
//! F order, shares_memory, may_share_memory, tile, repeat, roll, rot90, pad) replayed against NumPy: shape, dtype, memory
//! sharing with the inputs, values, and the error messages. The arguments are described in
//! scripts/golden/manip2.py.

mod recipes;

use numox::{Array, Order, PadMode, Scalar, Sections};
use recipes::{apply, nums, replay};

fn ints(s: &str) -> Vec<isize> {
    nums::<isize>(s)
}

/// Space-separated pairs `before,after`.
fn pairs<T: std::str::FromStr + Copy>(s: &str) -> Vec<(T, T)>
where
    T::Err: std::fmt::Debug,
{
    s.split_whitespace()
        .map(|p| {
            let v = nums::<T>(p);
            (v[0], v[1])
        })
        .collect()
}

fn opt_axis(s: &str) -> Option<isize> {
    (!s.is_empty()).then(|| s.parse().unwrap())
}

fn pad_mode(name: &str, values: &str) -> PadMode {
    match name {
        "constant" if values.is_empty() => PadMode::default(),
        "constant" => PadMode::Constant(
            pairs::<i64>(values)
                .into_iter()
                .map(|(b, a)| (Scalar::from(b), Scalar::from(a)))
                .collect(),
        ),
        "edge" => PadMode::Edge,
        "reflect" => PadMode::Reflect,
        "symmetric" => PadMode::Symmetric,
        "wrap" => PadMode::Wrap,
        m => panic!("unknown mode {m}"),
    }
}

fn call(func: &str, args: &str, xs: &[Array]) -> numox::Result<Vec<Array>> {
    let a = &xs[0];
    let part: Vec<&str> = args.split('>').collect();
    let one = |r: numox::Result<Array>| r.map(|x| vec![x]);
    let indices = match func {
        "split" | "array_split" | "vsplit" | "hsplit" | "dsplit" => {
            part[0].strip_prefix('i').map(ints)
        }
        _ => None,
    };
    let sections = match &indices {
        Some(v) => Sections::Indices(v),
        None => Sections::Count(part[0].parse().unwrap_or(0)),
    };
    let axis = || part[1].parse::<isize>().unwrap();
    match func {
        "split" => numox::split(a, sections, axis()),
        "array_split" => numox::array_split(a, sections, axis()),
        "vsplit" => numox::vsplit(a, sections),
        "hsplit" => numox::hsplit(a, sections),
        "dsplit" => numox::dsplit(a, sections),
        "reshape" => {
            let order = if part[1] == "F" { Order::F } else { Order::C };
            one(numox::reshape(a, &ints(part[0]), order))
        }
        "shares_memory" | "may_share_memory" => {
            let (u, v) = (
                apply(a.clone(), part[0]),
                apply(xs[xs.len() - 1].clone(), part[1]),
            );
            let r = if func == "shares_memory" {
                numox::shares_memory(&u, &v)
            } else {
                numox::may_share_memory(&u, &v)
            };
            Ok(vec![Array::scalar(r)])
        }
        "tile" => one(numox::tile(a, &ints(args))),
        "repeat" => one(numox::repeat(a, &ints(part[0]), opt_axis(part[1]))),
        "roll" => {
            let axes = (!part[1].is_empty()).then(|| ints(part[1]));
            one(numox::roll(a, &ints(part[0]), axes.as_deref()))
        }
        "rot90" => {
            let ax = ints(part[1]);
            one(numox::rot90(a, part[0].parse().unwrap(), [ax[0], ax[1]]))
        }
        "pad" => one(numox::pad(
            a,
            &pairs::<usize>(part[1]),
            pad_mode(part[0], part[2]),
        )),
        f => panic!("unknown function {f}"),
    }
}

#[test]
fn manip2_matches_numpy() {
    let (n, errors) = replay(include_str!("data/manip2/manip2.txt"), call);
    assert_eq!((n, errors), (595, 80));
}

#[test]
fn split_accepts_counts_and_index_lists() {
    let a = numox::arange(0i64, 10i64, 1i64).unwrap();
    let by_count = numox::split(&a, 5, 0).unwrap();
    let by_slice = numox::split(&a, &[2, 4, 6, 8], 0).unwrap();
    let by_vec = numox::split(&a, &vec![2isize, 4, 6, 8], 0).unwrap();
    for (x, (y, z)) in by_count.iter().zip(by_slice.iter().zip(&by_vec)) {
        assert_eq!(x.to_vec::<i64>().unwrap(), y.to_vec::<i64>().unwrap());
        assert_eq!(y.to_vec::<i64>().unwrap(), z.to_vec::<i64>().unwrap());
        assert!(numox::shares_memory(x, &a));
    }
    // Neighbouring pieces are views of one buffer that share no element.
    assert!(!numox::shares_memory(&by_count[0], &by_count[1]));
}

#[test]
fn reshape_f_copies_are_f_contiguous() {
    let a = recipes::build("int64/C/2,3//0");
    let f = numox::reshape(&a, &[3, 2], Order::F).unwrap();
    assert!(f.is_f_contiguous() && !numox::shares_memory(&f, &a));
    let v = numox::reshape(&a.t(), &[6], Order::F).unwrap();
    assert!(numox::shares_memory(&v, &a));
    assert_eq!(v.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn large_inputs_match_index_formulas() {
    // 8 MB of float64: the block copies take copy_runs' two-core path.
    let n = 1_000_000usize;
    let a = numox::arange(0.0, n as f64, 1.0).unwrap();
    let r = numox::roll(&a, &[3], None)
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    assert!((0..n).all(|i| r[i] == ((i + n - 3) % n) as f64));
    let t = numox::tile(&a, &[2]).unwrap().to_vec::<f64>().unwrap();
    assert!((0..2 * n).all(|i| t[i] == (i % n) as f64));
    let p = numox::repeat(&a, &[3], None)
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    assert!((0..3 * n).all(|i| p[i] == (i / 3) as f64));
    let m = a.reshape(&[1000, 1000]).unwrap();
    let e = numox::pad(&m, &[(1, 2)], PadMode::Edge).unwrap();
    assert_eq!(e.shape(), &[1003, 1003]);
    let at = |i: isize, j: isize| e.get_as::<f64>(&[i, j]).unwrap();
    assert_eq!(
        (at(0, 0), at(-1, -1), at(0, -1), at(500, 1)),
        (0.0, 999_999.0, 999.0, 499_000.0)
    );
}
