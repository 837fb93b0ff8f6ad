//! Shape manipulation (ravel, flatten, transpose, swapaxes, moveaxis, squeeze, expand_dims,
//! flip, atleast_nd, broadcast_arrays, ascontiguousarray, asfortranarray, concatenate, stack and
//! the *stack family) replayed against NumPy: shape, dtype, memory sharing with the inputs,
//! values, and the error messages.

mod recipes;

use numox::{Array, Casting, DType, Order};
use recipes::{apply, nums};

/// dtype/order/shape/recipe/offset: arange(size) + offset cast to dtype, filled in order.
fn build(spec: &str) -> Array {
    let f: Vec<&str> = spec.split('/').collect();
    let dtype: DType = f[0].parse().unwrap();
    let order = if f[1] == "F" { Order::F } else { Order::C };
    let shape = nums::<usize>(f[2]);
    let off: i64 = f[4].parse().unwrap();
    let n: usize = shape.iter().product();
    let v: Vec<i64> = (0..n as i64).map(|k| k + off).collect();
    let base = Array::from_shape_vec_order(&shape, v, order)
        .unwrap()
        .astype_with(dtype, Casting::Unsafe)
        .unwrap();
    apply(base, f[3])
}

fn ints(s: &str) -> Vec<isize> {
    nums::<isize>(s)
}

fn call(func: &str, args: &str, xs: &[Array]) -> numox::Result<Vec<Array>> {
    let a = &xs[0];
    let refs: Vec<&Array> = xs.iter().collect();
    let opt_axes = |s: &str| if s.is_empty() { None } else { Some(ints(s)) };
    let order = if args == "F" { Order::F } else { Order::C };
    let one = |r: numox::Result<Array>| r.map(|x| vec![x]);
    match func {
        "ravel" => Ok(vec![numox::ravel(a, order)]),
        "flatten" => Ok(vec![numox::flatten(a, order)]),
        "transpose" => one(numox::transpose(a, opt_axes(args).as_deref())),
        "swapaxes" => {
            let v = ints(args);
            one(numox::swapaxes(a, v[0], v[1]))
        }
        "moveaxis" => {
            let (s, d) = args.split_once('>').unwrap();
            one(numox::moveaxis(a, &ints(s), &ints(d)))
        }
        "squeeze" => one(numox::squeeze(a, opt_axes(args).as_deref())),
        "flip" => one(numox::flip(a, opt_axes(args).as_deref())),
        "fliplr" => one(numox::fliplr(a)),
        "flipud" => one(numox::flipud(a)),
        "expand_dims" => one(numox::expand_dims(a, &ints(args))),
        "atleast_1d" => Ok(vec![numox::atleast_1d(a)]),
        "atleast_2d" => Ok(vec![numox::atleast_2d(a)]),
        "atleast_3d" => Ok(vec![numox::atleast_3d(a)]),
        "ascontiguousarray" => Ok(vec![numox::ascontiguousarray(a)]),
        "asfortranarray" => Ok(vec![numox::asfortranarray(a)]),
        "broadcast_arrays" => numox::broadcast_arrays(&refs),
        "concatenate" => one(numox::concatenate(
            &refs,
            if args.is_empty() {
                None
            } else {
                Some(args.parse().unwrap())
            },
        )),
        "stack" => one(numox::stack(&refs, args.parse().unwrap())),
        "vstack" => one(numox::vstack(&refs)),
        "hstack" => one(numox::hstack(&refs)),
        "dstack" => one(numox::dstack(&refs)),
        "column_stack" => one(numox::column_stack(&refs)),
        f => panic!("unknown function {f}"),
    }
}

#[test]
fn manip_matches_numpy() {
    let text = include_str!("data/manip/manip.txt");
    let (mut n, mut errors) = (0, 0);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.splitn(4, '|').collect();
        let xs: Vec<Array> = f[2].split(';').map(build).collect();
        let ctx = format!("case {line}");
        let got = call(f[0], f[1], &xs);
        n += 1;
        if let Some(msg) = f[3].strip_prefix("ERR:") {
            assert_eq!(
                got.err().map(|e| e.to_string()).as_deref(),
                Some(msg),
                "{ctx}"
            );
            errors += 1;
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{e}: {ctx}"));
        let want: Vec<&str> = f[3].split(';').collect();
        assert_eq!(got.len(), want.len(), "{ctx}");
        for (r, w) in got.iter().zip(want) {
            let p: Vec<&str> = w.split(':').collect();
            assert_eq!(r.shape(), nums::<usize>(p[0]).as_slice(), "shape, {ctx}");
            assert_eq!(r.dtype().name(), p[1], "dtype, {ctx}");
            // "-": NumPy gave a scalar, not an array (flip of a 0-d array); numox gives a 0-d view.
            if p[2] != "-" {
                let shares = r.size() > 0 && xs.iter().any(|x| r.shares_buffer(x));
                assert_eq!(shares, p[2] == "1", "sharing, {ctx}");
            }
            let vals = r
                .astype_with(DType::Int64, Casting::Unsafe)
                .unwrap()
                .to_vec::<i64>()
                .unwrap();
            assert_eq!(vals, nums::<i64>(p[3]), "values, {ctx}");
        }
    }
    assert_eq!((n, errors), (301, 37));
}

#[test]
fn joins_write_c_contiguous_owned_output() {
    let a = build("float64/C/2,3/T/0");
    let b = build("int8/F/3,2//10");
    let c = numox::concatenate(&[&a, &b], Some(1)).unwrap();
    assert!(c.is_c_contiguous() && c.flags().owndata);
    assert_eq!(c.strides(), vec![32, 8]);
    let s = numox::stack(&[&a, &b], 1).unwrap();
    assert_eq!(s.shape(), &[3, 2, 2]);
    assert!(s.is_c_contiguous());
}

#[test]
fn empty_joins_and_broadcast_views() {
    assert_eq!(
        numox::concatenate(&[], Some(0)).unwrap_err().to_string(),
        "need at least one array to concatenate"
    );
    assert_eq!(
        numox::stack(&[], 0).unwrap_err().to_string(),
        "need at least one array to stack"
    );
    assert!(numox::vstack(&[]).is_err());
    let a = build("int64/C/2,1//0");
    let b = build("int64/C/3//0");
    let r = numox::broadcast_arrays(&[&a, &b]).unwrap();
    assert!(r.iter().all(|x| !x.is_writeable() && x.shape() == [2, 3]));
    let msg = |shapes: &[&str]| {
        let xs: Vec<Array> = shapes
            .iter()
            .map(|s| build(&format!("int8/C/{s}//0")))
            .collect();
        let refs: Vec<&Array> = xs.iter().collect();
        numox::broadcast_arrays(&refs).unwrap_err().to_string()
    };
    let head =
        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between";
    assert_eq!(
        msg(&["2,1", "2,3", "4"]),
        format!("{head} arg 1 with shape (2, 3) and arg 2 with shape (4,).")
    );
    assert_eq!(
        msg(&["3", "2,3", "2,1", "4"]),
        format!("{head} arg 0 with shape (3,) and arg 3 with shape (4,).")
    );
}
