//! `np.clip(a, a_min, a_max)` with NumPy 2's semantics: either bound may be absent, the result
//! dtype promotes the array with both bounds (NEP 50), NaN propagates, and a Python-style integer
//! bound beyond an integer array's range is ignored (NumPy's `_clip`).

use super::engine::{
    assign_cast, broadcast, check_out, new_output, operand_dtype, ternary_into, to_loop_dtype,
};
use super::operand::Operand;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::kernels::rounding::Clip;

/// `np.clip(a, a_min, a_max)`: `a` limited to `[a_min, a_max]` elementwise, i.e.
/// `minimum(maximum(a, a_min), a_max)` (where `a_min > a_max` every element is `a_max`).
/// A bound given as `None` is not applied; with both `None` the result is `positive(a)`.
/// Bounds broadcast with `a`, and the result dtype is the NEP 50 promotion of all three
/// (`clip(&int8_array, 0.5, 2)` is float64; Rust scalars are weak). NaN in `a` or in a bound
/// gives NaN. A scalar `a` becomes a 0-d array of its own type.
///
/// ```
/// use numox::{array, DType};
/// let a = array![-3.0, 0.5, 7.0, f64::NAN];
/// let r = numox::clip(&a, Some(0.0.into()), Some(1.0.into())).unwrap();
/// let v = r.to_vec::<f64>().unwrap();
/// assert_eq!(&v[..3], &[0.0, 0.5, 1.0]);
/// assert!(v[3].is_nan());
/// let hi = numox::clip(&array![1i8, 5, 9], None, Some(6.into())).unwrap();
/// assert_eq!(hi.to_vec::<i8>().unwrap(), vec![1, 5, 6]);
/// let lo = array![0i16, 4, 0];
/// let r = numox::clip(&array![1i8, 2, 3], Some((&lo).into()), Some(3.into())).unwrap();
/// assert_eq!(r.dtype(), DType::Int16);
/// assert_eq!(r.to_vec::<i16>().unwrap(), vec![1, 3, 3]);
/// ```
pub fn clip<'a>(
    a: impl Into<Operand<'a>>,
    a_min: Option<Operand<'a>>,
    a_max: Option<Operand<'a>>,
) -> Result<Array> {
    clip_impl(a.into(), a_min, a_max, None)?
        .ok_or_else(|| Error::Value("internal: no result".into()))
}

/// `np.clip(a, a_min, a_max, out=out)`: writes the clipped values into `out`, whose shape the
/// inputs must broadcast to; the result is cast to `out`'s dtype under `same_kind`.
///
/// ```
/// let a = numox::array![1.0, 5.0, 9.0];
/// let mut out = numox::Array::zeros(&[3], numox::DType::Float32).unwrap();
/// numox::clip_out(&a, Some(2.0.into()), Some(6.0.into()), &mut out).unwrap();
/// assert_eq!(out.to_vec::<f32>().unwrap(), vec![2.0, 5.0, 6.0]);
/// ```
pub fn clip_out<'a>(
    a: impl Into<Operand<'a>>,
    a_min: Option<Operand<'a>>,
    a_max: Option<Operand<'a>>,
    out: &mut Array,
) -> Result<()> {
    clip_impl(a.into(), a_min, a_max, Some(out)).map(|_| ())
}

/// Whether a bound is a Python-style integer at or beyond the end of `dt`'s range that it
/// limits (`low`: the lower end), which NumPy drops before clipping an integer array.
fn beyond_range(bound: &Option<Operand>, dt: DType, low: bool) -> bool {
    let Some(Operand::Scalar(s)) = bound else {
        return false;
    };
    let Some(v) = crate::promote::int_value(s) else {
        return false;
    };
    if !dt.is_integer() {
        return false;
    }
    let (lo, hi) = crate::promote::int_range(dt);
    if low {
        v <= lo
    } else {
        v >= hi
    }
}

fn clip_impl<'a>(
    a: Operand<'a>,
    mut lo: Option<Operand<'a>>,
    mut hi: Option<Operand<'a>>,
    out: Option<&mut Array>,
) -> Result<Option<Array>> {
    let a = match a {
        Operand::Scalar(s) => Operand::Owned(crate::dispatch_scalar!(s, v => Array::scalar(v))),
        other => other,
    };
    let dt = a.array().map_or(DType::Bool, Array::dtype);
    if beyond_range(&lo, dt, true) {
        lo = None;
    }
    if beyond_range(&hi, dt, false) {
        hi = None;
    }
    let (lo, hi) = match (lo, hi) {
        (None, None) => {
            return match out {
                None => crate::positive(a).map(Some),
                Some(o) => crate::positive_out(a, o).map(|_| None),
            }
        }
        (None, Some(h)) => {
            return match out {
                None => crate::minimum(a, h).map(Some),
                Some(o) => crate::minimum_out(a, h, o).map(|_| None),
            }
        }
        (Some(l), None) => {
            return match out {
                None => crate::maximum(a, l).map(Some),
                Some(o) => crate::maximum_out(a, l, o).map(|_| None),
            }
        }
        (Some(l), Some(h)) => (l, h),
    };
    let dt = operand_dtype(&[&a, &lo, &hi])?;
    let x = to_loop_dtype(&a, dt)?;
    let l = to_loop_dtype(&lo, dt)?;
    let h = to_loop_dtype(&hi, dt)?;
    drop((a, lo, hi));
    let shape = broadcast(&[&x, &l, &h])?;
    // NumPy's loop for bounds constant across the loop keeps a value equal to a bound; its loop
    // for array bounds returns the bound (this shows for ±0 only).
    let keep_ties = l.size() == 1 && h.size() == 1;
    let run = |r: &mut Array| crate::dispatch_dtype!(dt, T => ternary_into::<T, T>(&x, &l, &h, r, |v: T, p: T, q: T| v.clip_(p, q, keep_ties)));
    match out {
        None => {
            let mut r = new_output(&shape, dt, &[&x, &l, &h])?;
            run(&mut r)?;
            Ok(Some(r))
        }
        Some(o) => {
            if check_out("clip", o, &shape, dt)? {
                let mut r = new_output(o.shape(), dt, &[&x, &l, &h])?;
                run(&mut r)?;
                assign_cast(&r, o)?;
            } else {
                run(o)?;
            }
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{array, DType};

    #[test]
    fn out_of_range_integer_bounds_are_dropped() {
        let a = array![1u8, 2, 3];
        let r = crate::clip(&a, Some((-1).into()), Some(2.into())).unwrap();
        assert_eq!(r.dtype(), DType::UInt8);
        assert_eq!(r.to_vec::<u8>().unwrap(), vec![1, 2, 2]);
        let r = crate::clip(array![1i8, 2, 3], Some(2.into()), Some(300.into())).unwrap();
        assert_eq!(r.to_vec::<i8>().unwrap(), vec![2, 2, 3]);
    }

    #[test]
    fn promotion_nan_and_reversed_bounds() {
        let r = crate::clip(array![true, false], Some(0.into()), Some(1.into())).unwrap();
        assert_eq!(r.dtype(), DType::Int64);
        let r = crate::clip(array![1.0, 5.0], Some(f64::NAN.into()), Some(2.0.into())).unwrap();
        assert!(r.to_vec::<f64>().unwrap().iter().all(|v| v.is_nan()));
        let r = crate::clip(array![0, 5, 9], Some(6.into()), Some(2.into())).unwrap();
        assert_eq!(r.to_vec::<i64>().unwrap(), vec![2, 2, 2]);
        assert!(crate::clip(array![true], None, None).is_err());
        let both = crate::clip(array![1.5f32], None, None).unwrap();
        assert_eq!(both.to_vec::<f32>().unwrap(), vec![1.5]);
    }
}
