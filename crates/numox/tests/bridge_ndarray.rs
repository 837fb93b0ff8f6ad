//! The `ndarray` feature: zero-copy views both ways, ownership transfer, copies; every dtype and
//! layout (C, F, transposed, negative and zero strides, 0-d, empty) and the errors.
#![cfg(feature = "ndarray")]

use ndarray::{s, ArrayD, Ix1, Ix2, IxDyn, ShapeBuilder};
use numox::{dispatch_dtype, Array, DType, Error, Order};

/// arange(n) as `d`, in the given shape.
fn sample(d: DType, shape: &[usize]) -> Array {
    let n: usize = shape.iter().product();
    let a = Array::from_vec((0..n).map(|k| (k % 100) as f64 + 1.0).collect::<Vec<_>>());
    let a = a.astype(d).unwrap();
    let shape: Vec<isize> = shape.iter().map(|&x| x as isize).collect();
    a.reshape(&shape).unwrap().copy()
}

/// Views of a (3, 4) array: C, F, transposed, reversed axes, strided, broadcast, a row, 0-d,
/// empty, size-1 axes.
fn layouts(d: DType) -> Vec<(&'static str, Array)> {
    let a = sample(d, &[3, 4]);
    vec![
        ("c", a.clone()),
        ("f", a.copy_order(Order::F)),
        ("t", a.t()),
        ("rev0", a.slice_axis(0, None, None, -1).unwrap()),
        ("rev1", a.slice_axis(1, None, None, -1).unwrap()),
        (
            "rev_both_step2",
            a.slice_axis(0, None, None, -2)
                .unwrap()
                .slice_axis(1, None, None, -3)
                .unwrap(),
        ),
        ("step2", a.slice_axis(1, Some(1), None, 2).unwrap()),
        ("broadcast", sample(d, &[4]).broadcast_to(&[3, 4]).unwrap()),
        ("row", a.index_axis(0, 1).unwrap()),
        ("0d", a.index_axis(0, 2).unwrap().index_axis(0, 3).unwrap()),
        ("empty", sample(d, &[0, 3])),
        (
            "empty_rev",
            sample(d, &[2, 0]).slice_axis(0, None, None, -1).unwrap(),
        ),
        ("ones", sample(d, &[1, 5, 1])),
        (
            "3d_perm",
            sample(d, &[2, 3, 4])
                .permute_axes(&[2, 0, 1])
                .unwrap()
                .slice_axis(1, None, None, -1)
                .unwrap(),
        ),
    ]
}

#[test]
fn views_of_every_dtype_and_layout_equal_the_array() {
    let mut n = 0;
    for d in DType::ALL {
        for (name, a) in layouts(d) {
            dispatch_dtype!(d, T => {
                let v = a.as_ndarray_view::<T>().unwrap();
                assert_eq!(v.shape(), a.shape(), "{d:?} {name}");
                assert_eq!(v.iter().copied().collect::<Vec<T>>(), a.to_vec::<T>().unwrap(), "{d:?} {name}");
                let strides: Vec<isize> = a.layout().strides().to_vec();
                for (k, &len) in a.shape().iter().enumerate() {
                    if len > 1 && a.size() > 0 {
                        assert_eq!(v.strides()[k], strides[k], "{d:?} {name} axis {k}");
                    }
                }
                if a.is_c_contiguous() && a.size() > 0 {
                    assert_eq!(v.as_ptr(), a.as_slice::<T>().unwrap().as_ptr(), "{d:?} {name}: a copy");
                }
            });
            n += 1;
        }
    }
    assert_eq!(n, 15 * 14);
}

#[test]
fn a_view_of_the_wrong_type_is_an_error() {
    let a = sample(DType::Float64, &[2]);
    let e = a.as_ndarray_view::<i32>().unwrap_err();
    assert!(matches!(
        e,
        Error::DTypeMismatch {
            actual: DType::Float64,
            requested: DType::Int32
        }
    ));
    assert_eq!(
        e.to_string(),
        "dtype mismatch: the array holds float64, the caller asked for int32"
    );
    let mut b = a.clone();
    assert!(b.as_ndarray_view_mut::<f32>().is_err());
    assert!(b.view_mut().unwrap().into_ndarray_view_mut::<u8>().is_err());
}

#[test]
fn mutable_views_write_through_in_every_layout() {
    for d in DType::ALL {
        dispatch_dtype!(d, T => {
            let one = numox::Array::scalar(1u8).astype(d).unwrap().item_as::<T>().unwrap();
            // a[::-1, 1::2] = 1 through ndarray
            let mut a = sample(d, &[3, 4]);
            let before = a.copy();
            {
                let mut v = a.view_mut().unwrap();
                let mut v = v.slice_axis(0, None, None, -1).unwrap();
                let v = v.slice_axis(1, Some(1), None, 2).unwrap();
                let mut nd = v.into_ndarray_view_mut::<T>().unwrap();
                assert_eq!(nd.shape(), &[3, 2]);
                nd.fill(one);
            }
            let got = a.to_vec::<T>().unwrap();
            let old = before.to_vec::<T>().unwrap();
            for k in 0..12 {
                let want = if k % 4 % 2 == 1 { one } else { old[k] };
                assert_eq!(got[k], want, "{d:?} element {k}");
            }
            // The whole array, F order and transposed.
            let mut f = sample(d, &[2, 3]).copy_order(Order::F).t();
            f.as_ndarray_view_mut::<T>().unwrap()[[2, 1]] = one;
            assert_eq!(f.get_as::<T>(&[2, 1]).unwrap(), one);
            // 0-d and empty.
            let mut z = Array::scalar(T::default());
            *z.as_ndarray_view_mut::<T>().unwrap().first_mut().unwrap() = one;
            assert_eq!(z.item_as::<T>().unwrap(), one);
            let mut e = sample(d, &[0, 2]);
            assert_eq!(e.as_ndarray_view_mut::<T>().unwrap().shape(), &[0, 2]);
        });
    }
}

#[test]
fn mutable_views_copy_a_shared_buffer_and_refuse_read_only_arrays() {
    let a = sample(DType::Int32, &[4]);
    let mut b = a.clone();
    b.as_ndarray_view_mut::<i32>().unwrap().fill(0);
    assert_eq!(a.to_vec::<i32>().unwrap(), vec![1, 2, 3, 4]);
    assert_eq!(b.to_vec::<i32>().unwrap(), vec![0; 4]);
    let mut r = a.broadcast_to(&[2, 4]).unwrap();
    let e = r.as_ndarray_view_mut::<i32>().unwrap_err();
    assert_eq!(e.to_string(), "assignment destination is read-only");
}

#[test]
fn from_ndarray_takes_the_allocation_in_every_layout() {
    for d in DType::ALL {
        dispatch_dtype!(d, T => {
            let src = sample(d, &[3, 4]);
            let vals = src.to_vec::<T>().unwrap();
            // C order, no copy.
            let nd = ArrayD::from_shape_vec(IxDyn(&[3, 4]), vals.clone()).unwrap();
            let ptr = nd.as_ptr();
            let a = Array::from_ndarray(nd);
            assert_eq!(a.dtype(), d);
            assert_eq!(a.as_slice::<T>().unwrap().as_ptr(), ptr, "{d:?}: a copy");
            assert_eq!(a.to_vec::<T>().unwrap(), vals);
            assert!(a.flags().owndata && a.is_writeable());
            // F order.
            let f = ArrayD::from_shape_vec(IxDyn(&[3, 4]).f(), vals.clone()).unwrap();
            let want_f: Vec<T> = f.iter().copied().collect();
            let a = Array::from_ndarray(f);
            assert!(a.is_f_contiguous() && !a.is_c_contiguous());
            assert_eq!(a.to_vec::<T>().unwrap(), want_f);
            // Negative steps and an offset.
            let nd = ArrayD::from_shape_vec(IxDyn(&[3, 4]), vals.clone()).unwrap();
            let sl = nd.slice_move(s![1..;-1, ..;-3]).into_dyn();
            let want: Vec<T> = sl.iter().copied().collect();
            let a = Array::from_ndarray(sl);
            assert_eq!(a.shape(), &[2, 2]);
            assert_eq!(a.layout().strides(), &[-4, -3]);
            assert_eq!(a.to_vec::<T>().unwrap(), want);
            // 0-d, empty, and the copy back.
            let z = Array::from_ndarray(ndarray::arr0(vals[5]).into_dyn());
            assert_eq!(z.shape(), &[] as &[usize]);
            assert_eq!(z.item_as::<T>().unwrap(), vals[5]);
            let e = Array::from_ndarray(ArrayD::<T>::from_shape_vec(IxDyn(&[0, 3]), vec![]).unwrap());
            assert_eq!(e.shape(), &[0, 3]);
            let back = src.t().to_ndarray::<T>().unwrap();
            assert!(back.is_standard_layout());
            assert_eq!(back.shape(), &[4, 3]);
            assert_eq!(back.iter().copied().collect::<Vec<T>>(), src.t().to_vec::<T>().unwrap());
        });
    }
}

#[test]
fn a_taken_allocation_outlives_the_views_of_it() {
    let nd = ArrayD::from_shape_vec(IxDyn(&[2, 3]), vec![1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
    let a = Array::from_ndarray(nd);
    let col = a.index_axis(1, 2).unwrap();
    drop(a);
    assert_eq!(col.to_vec::<f32>().unwrap(), vec![3.0, 6.0]);
    let mut b = col.copy();
    b.set_as::<f32>(&[0], 9.0).unwrap();
    assert_eq!(col.to_vec::<f32>().unwrap(), vec![3.0, 6.0]);
}

#[test]
fn to_ndarray_errors_and_fixed_dimensions() {
    let a = sample(DType::UInt16, &[2, 3]);
    assert!(matches!(
        a.to_ndarray::<i16>(),
        Err(Error::DTypeMismatch { .. })
    ));
    let two = a
        .as_ndarray_view::<u16>()
        .unwrap()
        .into_dimensionality::<Ix2>()
        .unwrap();
    assert_eq!(two[[1, 2]], 6);
    assert!(a
        .as_ndarray_view::<u16>()
        .unwrap()
        .into_dimensionality::<Ix1>()
        .is_err());
    let one = a
        .index_axis(0, 0)
        .unwrap()
        .to_ndarray::<u16>()
        .unwrap()
        .into_dimensionality::<Ix1>()
        .unwrap();
    assert_eq!(one.to_vec(), vec![1, 2, 3]);
    let back = Array::from_ndarray(ndarray::Array2::<u16>::zeros((2, 2)).into_dyn());
    assert_eq!(back.to_vec::<u16>().unwrap(), vec![0; 4]);
}
