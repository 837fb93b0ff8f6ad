//! View recipes (transpose, slicing with any step, integer indexing, reshape, broadcast_to)
//! checked against NumPy's shape, byte strides, contiguity flags, memory sharing and values.

mod recipes;

use numox::{Array, Complex64, Order};
use recipes::{apply, nums};

trait Conv: numox::Element {
    fn from_i64(v: i64) -> Self;
    fn to_i64(self) -> i64;
}
macro_rules! conv {
    ($($t:ty),*) => {$(impl Conv for $t {
        fn from_i64(v: i64) -> Self { v as $t }
        fn to_i64(self) -> i64 { self as i64 }
    })*};
}
conv!(i8, i16, i64, u8, u16, f32, f64);
impl Conv for bool {
    fn from_i64(v: i64) -> Self {
        v != 0
    }
    fn to_i64(self) -> i64 {
        self as i64
    }
}
impl Conv for Complex64 {
    fn from_i64(v: i64) -> Self {
        Complex64::new(v as f64, 0.0)
    }
    fn to_i64(self) -> i64 {
        self.re as i64
    }
}

fn build<T: Conv>(shape: &[usize], order: Order) -> Array {
    let n: usize = shape.iter().product();
    // np.arange(n).reshape(shape, order=order): element k of the F-ordered fill is k.
    let v: Vec<T> = (0..n as i64).map(T::from_i64).collect();
    Array::from_shape_vec_order(shape, v, order).unwrap()
}

fn values<T: Conv>(a: &Array) -> Vec<i64> {
    a.to_vec::<T>()
        .unwrap()
        .into_iter()
        .map(T::to_i64)
        .collect()
}

#[test]
fn views_match_numpy() {
    let text = include_str!("data/views/views.txt");
    let mut n = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('|').collect();
        let order = if f[1] == "F" { Order::F } else { Order::C };
        let shape = nums::<usize>(f[2]);
        macro_rules! run {
            ($t:ty) => {{
                let base = build::<$t>(&shape, order);
                let v = apply(base.clone(), f[3]);
                (base, v.clone(), values::<$t>(&v))
            }};
        }
        let (base, v, vals) = match f[0] {
            "int8" => run!(i8),
            "int16" => run!(i16),
            "int64" => run!(i64),
            "uint8" => run!(u8),
            "uint16" => run!(u16),
            "float32" => run!(f32),
            "float64" => run!(f64),
            "bool" => run!(bool),
            "complex128" => run!(Complex64),
            d => panic!("dtype {d}"),
        };
        let ctx = format!("case {line}");
        assert_eq!(v.shape(), nums::<usize>(f[4]).as_slice(), "{ctx}");
        assert_eq!(v.strides(), nums::<isize>(f[5]), "{ctx}");
        assert_eq!(v.is_c_contiguous(), f[6] == "1", "C flag, {ctx}");
        assert_eq!(v.is_f_contiguous(), f[7] == "1", "F flag, {ctx}");
        if f[8] != "-" {
            assert_eq!(
                v.shares_buffer(&base) && v.size() > 0,
                f[8] == "1",
                "sharing, {ctx}"
            );
        }
        let expect: Vec<i64> = if f[0] == "bool" {
            nums::<i64>(f[9])
                .into_iter()
                .map(|x| (x != 0) as i64)
                .collect()
        } else {
            nums::<i64>(f[9])
        };
        assert_eq!(vals, expect, "{ctx}");
        n += 1;
    }
    assert_eq!(n, 34);
}

#[test]
fn writes_through_mutable_views_reach_the_base() {
    let mut a = build::<f64>(&[3, 4], Order::C);
    {
        let mut v = a.view_mut().unwrap();
        let mut rev = v.slice_axis(1, None, None, -1).unwrap();
        let mut col = rev.index_axis(1, 0).unwrap(); // a[:, -1]
        col.fill(-1.0f64).unwrap();
    }
    assert_eq!(
        a.to_vec::<f64>().unwrap(),
        vec![0.0, 1.0, 2.0, -1.0, 4.0, 5.0, 6.0, -1.0, 8.0, 9.0, 10.0, -1.0]
    );
}

#[test]
fn copy_on_write_leaves_other_handles_alone() {
    let a = build::<i64>(&[4], Order::C);
    let mut b = a.slice_axis(0, None, None, -1).unwrap(); // shares a's buffer
    b.set_as::<i64>(&[0], 100).unwrap();
    assert_eq!(a.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3]);
    assert_eq!(b.to_vec::<i64>().unwrap(), vec![100, 2, 1, 0]);
    assert!(!a.shares_buffer(&b));
}

#[test]
fn broadcast_views_are_read_only() {
    let a = build::<i64>(&[3], Order::C);
    let mut b = a.broadcast_to(&[2, 3]).unwrap();
    assert_eq!(
        b.set_as::<i64>(&[0, 0], 1).unwrap_err().to_string(),
        "assignment destination is read-only"
    );
    assert!(b.fill(0i64).is_err());
}

#[test]
fn handles_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Array>();
    let a = build::<f64>(&[1000], Order::C);
    let h = std::thread::spawn({
        let a = a.clone();
        move || a.to_vec::<f64>().unwrap().iter().sum::<f64>()
    });
    assert_eq!(h.join().unwrap(), 499500.0);
}

#[test]
fn large_copies_use_the_parallel_path_correctly() {
    let n = (1 << 20) + 7; // over the 4 MiB threshold, not a multiple of the chunk
    let a = Array::from_vec((0..n as i64).map(|k| k as f64).collect::<Vec<_>>());
    let sub = a.slice_axis(0, Some(3), None, 1).unwrap();
    let c = sub.copy();
    let v = c.as_slice::<f64>().unwrap();
    assert_eq!(v.len(), n - 3);
    assert!(v.iter().enumerate().all(|(k, &x)| x == (k + 3) as f64));
    let f = a.reshape(&[-1, 1]).unwrap().copy_order(Order::F);
    assert_eq!(f.to_vec::<f64>().unwrap(), a.to_vec::<f64>().unwrap());
}
