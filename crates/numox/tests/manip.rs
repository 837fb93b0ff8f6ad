//! Shape manipulation (ravel, flatten, transpose, swapaxes, moveaxis, squeeze, expand_dims,
//! flip, atleast_nd, broadcast_arrays, ascontiguousarray, asfortranarray, concatenate, stack and
//! the *stack family) replayed against NumPy: shape, dtype, memory sharing with the inputs,
//! values, and the error messages.

mod recipes;

use numox::{Array, Order};
use recipes::{build, nums, replay};

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
    let (n, errors) = replay(include_str!("data/manip/manip.txt"), call);
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
