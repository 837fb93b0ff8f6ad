//! Bad arguments return errors worded like NumPy's, never panics.

use numox::{array, Array, DType, Error};

#[test]
fn shape_that_does_not_match_the_data() {
    let e = Array::from_shape_vec(&[2, 3], vec![0.0f64; 5]).unwrap_err();
    assert!(matches!(e, Error::Shape(_)));
    assert_eq!(
        e.to_string(),
        "cannot reshape array of size 5 into shape (2,3)"
    );
    let e = array![1.0, 2.0, 3.0].reshape(&[2, 2]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot reshape array of size 3 into shape (2,2)"
    );
}

#[test]
fn negative_dimensions() {
    // NumPy reads any negative entry of a reshape target as "infer this one".
    let e = array![1.0, 2.0].reshape(&[-2, -1]).unwrap_err();
    assert_eq!(e.to_string(), "can only specify one unknown dimension");
    assert_eq!(array![1.0, 2.0].reshape(&[-2, 1]).unwrap().shape(), &[2, 1]);
    let e = array![1.0, 2.0].reshape(&[0, -1]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot reshape array of size 2 into shape (0,newaxis)"
    );
}

#[test]
fn shape_whose_product_overflows() {
    for shape in [&[usize::MAX, 2][..], &[1 << 32, 1 << 32], &[1 << 62, 4, 0]] {
        let e = Array::zeros(shape, DType::Float64).unwrap_err();
        assert!(e.to_string().starts_with("array is too big"), "{e}");
    }
    // A product that fits in usize but whose bytes exceed isize::MAX.
    let e = Array::zeros(&[1 << 61], DType::Float64).unwrap_err();
    assert!(e.to_string().starts_with("array is too big"));
}

#[test]
fn wrong_dtype_for_typed_access() {
    let a = array![[1.0, 2.0]];
    let e = a.as_slice::<f32>().unwrap_err();
    assert_eq!(
        e,
        Error::DTypeMismatch {
            actual: DType::Float64,
            requested: DType::Float32
        }
    );
    assert_eq!(
        e.to_string(),
        "dtype mismatch: the array holds float64, the caller asked for float32"
    );
    assert!(a.to_vec::<i64>().is_err());
    assert!(a.get_as::<u8>(&[0, 0]).is_err());
    assert!(a.item_as::<f64>().is_err()); // size 2
    let mut b = a.clone();
    assert!(b.set_as::<i32>(&[0, 0], 1).is_err());
    assert!(b.fill(1u8).is_err());
}

#[test]
fn index_and_axis_errors() {
    let a = array![[1, 2, 3], [4, 5, 6]];
    assert_eq!(
        a.get_as::<i64>(&[2, 0]).unwrap_err().to_string(),
        "index 2 is out of bounds for axis 0 with size 2"
    );
    assert_eq!(
        a.get_as::<i64>(&[0, -4]).unwrap_err().to_string(),
        "index -4 is out of bounds for axis 1 with size 3"
    );
    assert!(matches!(
        a.get_as::<i64>(&[0]).unwrap_err(),
        Error::IndexOther(_)
    ));
    assert_eq!(
        a.index_axis(2, 0).unwrap_err().to_string(),
        "axis 2 is out of bounds for array of dimension 2"
    );
    assert_eq!(
        a.slice_axis(0, None, None, 0).unwrap_err().to_string(),
        "slice step cannot be zero"
    );
    assert_eq!(
        a.permute_axes(&[0, 0]).unwrap_err().to_string(),
        "repeated axis in transpose"
    );
    assert_eq!(
        a.permute_axes(&[0]).unwrap_err().to_string(),
        "axes don't match array"
    );
    assert!(a.broadcast_to(&[3]).is_err());
}

#[test]
fn non_contiguous_slices_are_refused() {
    let a = array![[1, 2], [3, 4]];
    assert!(a.t().as_slice::<i64>().is_err());
    assert!(a.t().copy().as_slice::<i64>().is_ok());
}
