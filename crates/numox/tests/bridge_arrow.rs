//! The `arrow` feature: 1-D arrays to Arrow and back, zero-copy where the memory allows; nulls,
//! fill values, strided views, 0-d/empty inputs and the errors.
#![cfg(feature = "arrow")]

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int16Type, Int32Type, UInt8Type};
use arrow_array::{
    Array as _, BooleanArray, Float16Array, Float32Array, Float64Array, Int64Array, Int8Array,
    StringArray, UInt32Array,
};
use numox::bridge::arrow::{from_arrow, from_arrow_with_fill, to_arrow, to_arrow_primitive};
use numox::{dispatch_dtype, Array, DType, Error};

const ARROW_DTYPES: [DType; 11] = [
    DType::Int8,
    DType::Int16,
    DType::Int32,
    DType::Int64,
    DType::UInt8,
    DType::UInt16,
    DType::UInt32,
    DType::UInt64,
    DType::Float16,
    DType::Float32,
    DType::Float64,
];

fn sample(d: DType, n: usize) -> Array {
    let v: Vec<f64> = (0..n).map(|k| ((k * 7) % 120) as f64).collect();
    Array::from_vec(v).astype(d).unwrap()
}

#[test]
fn every_type_goes_to_arrow_and_back_without_a_copy() {
    for d in ARROW_DTYPES {
        for n in [0usize, 1, 7, 8, 9, 129] {
            let a = sample(d, n);
            let p = to_arrow(&a).unwrap();
            assert_eq!(p.len(), n);
            assert_eq!(p.null_count(), 0);
            let b = from_arrow(p.as_ref()).unwrap();
            assert_eq!(b.dtype(), d);
            assert_eq!(b.shape(), &[n]);
            assert!(!b.is_writeable());
            dispatch_dtype!(d, T => {
                assert_eq!(b.to_vec::<T>().unwrap(), a.to_vec::<T>().unwrap(), "{d:?} {n}");
                if n > 0 {
                    assert_eq!(
                        b.as_slice::<T>().unwrap().as_ptr(),
                        a.as_slice::<T>().unwrap().as_ptr(),
                        "{d:?} {n}: copied"
                    );
                }
            });
        }
    }
}

#[test]
fn strided_views_are_copied_and_the_buffer_outlives_numox() {
    let a = sample(DType::Int16, 10);
    let rev = a.slice_axis(0, None, None, -2).unwrap();
    let p = to_arrow_primitive::<Int16Type>(&rev).unwrap();
    assert_eq!(p.values().as_ref(), &rev.to_vec::<i16>().unwrap()[..]);
    let tail = a.slice_axis(0, Some(3), None, 1).unwrap();
    let q = to_arrow_primitive::<Int16Type>(&tail).unwrap();
    assert_eq!(
        q.values().as_ptr(),
        tail.as_slice::<i16>().unwrap().as_ptr()
    );
    let want = tail.to_vec::<i16>().unwrap();
    drop((a, tail, rev));
    assert_eq!(q.values().as_ref(), &want[..]);
    // Writing to a numox handle of a buffer Arrow holds copies it first.
    let mut m = sample(DType::Int32, 4);
    let p = to_arrow_primitive::<Int32Type>(&m).unwrap();
    m.set_as::<i32>(&[0], 99).unwrap();
    assert_eq!(p.values().as_ref(), &[0, 7, 14, 21]);
    assert_eq!(m.get_as::<i32>(&[0]).unwrap(), 99);
}

#[test]
fn bool_arrays_are_bit_packed_copies() {
    let a = Array::from_vec(vec![
        true, false, true, true, false, false, true, false, true,
    ]);
    let p = to_arrow(&a).unwrap();
    let b = p.as_boolean();
    assert_eq!(
        b.iter().map(|x| x.unwrap()).collect::<Vec<_>>(),
        a.to_vec::<bool>().unwrap()
    );
    let back = from_arrow(b).unwrap();
    assert_eq!(back.dtype(), DType::Bool);
    assert_eq!(back.to_vec::<bool>().unwrap(), a.to_vec::<bool>().unwrap());
    let rev = a.slice_axis(0, None, None, -1).unwrap();
    let r = to_arrow(&rev).unwrap();
    assert!(r.as_boolean().value(0));
    assert!(!r.as_boolean().value(1));
}

#[test]
fn sliced_arrow_arrays_are_shared_at_their_offset() {
    let p = UInt32Array::from((0..20u32).collect::<Vec<_>>());
    let s = p.slice(5, 4);
    let a = from_arrow(&s).unwrap();
    assert_eq!(a.to_vec::<u32>().unwrap(), vec![5, 6, 7, 8]);
    assert_eq!(a.as_slice::<u32>().unwrap().as_ptr(), s.values().as_ptr());
    drop((p, s));
    assert_eq!(a.to_vec::<u32>().unwrap(), vec![5, 6, 7, 8]);
    let mut w = a.copy();
    w.set_as::<u32>(&[0], 1).unwrap();
    let mut ro = a.clone();
    assert!(matches!(ro.set_as::<u32>(&[0], 1), Err(Error::ReadOnly)));
}

#[test]
fn nulls_become_nan_in_floats_and_need_a_fill_elsewhere() {
    let f = from_arrow(&Float64Array::from(vec![Some(1.0), None, Some(-0.0), None])).unwrap();
    let v = f.to_vec::<f64>().unwrap();
    assert_eq!(v[0], 1.0);
    assert!(v[1].is_nan() && v[3].is_nan());
    assert!(v[2] == 0.0 && v[2].is_sign_negative());
    let f32s = from_arrow(&Float32Array::from(vec![None, Some(2.5f32)])).unwrap();
    assert!(f32s.to_vec::<f32>().unwrap()[0].is_nan());
    let h = from_arrow(&Float16Array::from(vec![
        None,
        Some(numox::f16::from_f32(1.5)),
    ]))
    .unwrap();
    assert!(h.to_vec::<numox::f16>().unwrap()[0].is_nan());
    let filled = from_arrow_with_fill(&Float64Array::from(vec![None, Some(2.0)]), -1.0f64).unwrap();
    assert_eq!(filled.to_vec::<f64>().unwrap(), vec![-1.0, 2.0]);

    let ints = Int64Array::from(vec![Some(1), None, None]);
    assert_eq!(
        from_arrow(&ints).unwrap_err().to_string(),
        "cannot convert an Arrow Int64 array with 2 nulls to numox: int64 has no missing value; pass a fill value"
    );
    assert_eq!(
        from_arrow_with_fill(&ints, 0i64)
            .unwrap()
            .to_vec::<i64>()
            .unwrap(),
        vec![1, 0, 0]
    );
    assert!(matches!(
        from_arrow_with_fill(&ints, 0i32),
        Err(Error::DTypeMismatch {
            actual: DType::Int64,
            requested: DType::Int32
        })
    ));
    let bools = BooleanArray::from(vec![None, Some(false)]);
    assert_eq!(
        from_arrow(&bools).unwrap_err().to_string(),
        "cannot convert an Arrow Boolean array with 1 null to numox: bool has no missing value; pass a fill value"
    );
    assert_eq!(
        from_arrow_with_fill(&bools, true)
            .unwrap()
            .to_vec::<bool>()
            .unwrap(),
        vec![true, false]
    );
    let i8s = Int8Array::from(vec![None, Some(-128)]);
    assert_eq!(
        from_arrow_with_fill(&i8s, 127i8)
            .unwrap()
            .to_vec::<i8>()
            .unwrap(),
        vec![127, -128]
    );
}

#[test]
fn unsupported_types_and_shapes_are_errors() {
    let e = from_arrow(&StringArray::from(vec!["a"]))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "cannot convert an Arrow array of type Utf8 to numox");
    let two_d = Array::zeros(&[2, 2], DType::UInt8).unwrap();
    assert_eq!(
        to_arrow(&two_d).unwrap_err().to_string(),
        "only 1-D arrays convert to Arrow arrays; got an array of shape (2,2)"
    );
    assert_eq!(
        to_arrow(&Array::scalar(1.0f64)).unwrap_err().to_string(),
        "only 1-D arrays convert to Arrow arrays; got an array of shape ()"
    );
    for d in [DType::BFloat16, DType::Complex64, DType::Complex128] {
        assert_eq!(
            to_arrow(&sample(d, 2)).unwrap_err().to_string(),
            format!("Arrow has no type for numox dtype {}", d.name())
        );
    }
    assert!(matches!(
        to_arrow_primitive::<UInt8Type>(&sample(DType::Int8, 2)),
        Err(Error::DTypeMismatch { .. })
    ));
    let p = to_arrow_primitive::<Float64Type>(&sample(DType::Float64, 0)).unwrap();
    assert_eq!(p.len(), 0);
    assert_eq!(from_arrow(&p).unwrap().shape(), &[0]);
}
