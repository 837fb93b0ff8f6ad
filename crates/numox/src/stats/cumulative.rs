//! `cumsum`, `cumprod`, `nancumsum`, `nancumprod`: sequential scans along one axis, in NumPy's
//! accumulator dtypes.

use super::select::is_nan;
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::Result;
use crate::kernels::elem::Arith;
use crate::layout::normalize_axis;
use rayon::prelude::*;

/// Elements above which independent lanes are scanned on both cores.
const PAR_MIN: usize = 1 << 17;

#[derive(Clone, Copy)]
enum Op {
    Sum,
    Prod,
}

/// NumPy's default accumulator of `add.accumulate`/`multiply.accumulate`: booleans and small
/// signed integers in int64, small unsigned integers in uint64, everything else in itself.
fn acc_dtype(d: DType) -> DType {
    match d {
        DType::Bool | DType::Int8 | DType::Int16 | DType::Int32 => DType::Int64,
        DType::UInt8 | DType::UInt16 | DType::UInt32 => DType::UInt64,
        d => d,
    }
}

/// `out[i] = op(out[i - 1], out[i])` along the middle axis of a C-ordered `(outer, n, inner)`
/// block: one sequential scan per lane, as NumPy accumulates (no pairwise summation). Rows are
/// combined as whole vectors, so axis 0 of a C array is a run of row additions.
fn scan<T: Arith>(data: &mut [T], n: usize, inner: usize, op: Op, nan_to: Option<T>) {
    let f = match op {
        Op::Sum => T::add,
        Op::Prod => T::mul,
    };
    let block = n * inner;
    if block == 0 {
        return;
    }
    let run = |b: &mut [T]| {
        if let Some(v) = nan_to {
            b.iter_mut().filter(|x| is_nan(**x)).for_each(|x| *x = v);
        }
        for i in 1..n {
            let (done, rest) = b.split_at_mut(i * inner);
            let prev = &done[(i - 1) * inner..];
            for (c, &p) in rest[..inner].iter_mut().zip(prev) {
                *c = f(p, *c);
            }
        }
    };
    if data.len() >= PAR_MIN && data.len() / block >= 2 {
        data.par_chunks_mut(block).for_each(run);
    } else {
        data.chunks_mut(block).for_each(run);
    }
}

fn accumulate(
    a: &Array,
    axis: Option<isize>,
    dtype: Option<DType>,
    op: Op,
    skip_nan: bool,
) -> Result<Array> {
    let acc = dtype.unwrap_or_else(|| acc_dtype(a.dtype()));
    let (shape, ax): (Vec<usize>, usize) = match axis {
        None => (vec![a.size()], 0),
        // A 0-d input counts as one-dimensional, as in NumPy.
        Some(ax) if a.ndim() == 0 => (vec![1], normalize_axis(ax, 1)?),
        Some(ax) => (a.shape().to_vec(), normalize_axis(ax, a.ndim())?),
    };
    let mut out = if a.dtype() == acc {
        a.copy()
    } else {
        a.astype(acc)?.copy()
    };
    out = out.reshape(&shape.iter().map(|&n| n as isize).collect::<Vec<_>>())?;
    let n = shape[ax];
    let inner: usize = shape[ax + 1..].iter().product();
    crate::dispatch_dtype!(acc, T => {
        // NumPy does not count bfloat16 as inexact: its NaN stay.
        let nan_to = (skip_nan && acc.is_inexact() && acc != DType::BFloat16).then(|| match op {
            Op::Sum => T::default(),
            Op::Prod => T::one(),
        });
        scan::<T>(out.as_slice_mut::<T>()?, n, inner, op, nan_to)
    });
    Ok(out)
}

/// `np.cumsum(a, axis)`: running sums along `axis` (`None` flattens in C order). Booleans and
/// small integers accumulate in int64 (unsigned ones in uint64) and wrap on overflow; floats keep
/// their dtype and add strictly in order, so the bits match NumPy's.
///
/// ```
/// use numox::{array, cumsum, DType};
/// let a = array![[1i8, 2, 3], [4, 5, 6]];
/// let c = cumsum(&a, Some(1)).unwrap();
/// assert_eq!(c.dtype(), DType::Int64);
/// assert_eq!(c.to_vec::<i64>().unwrap(), vec![1, 3, 6, 4, 9, 15]);
/// assert_eq!(cumsum(&a, None).unwrap().shape(), &[6]);
/// assert_eq!(
///     cumsum(&a, Some(2)).unwrap_err().to_string(),
///     "axis 2 is out of bounds for array of dimension 2"
/// );
/// ```
pub fn cumsum(a: &Array, axis: Option<isize>) -> Result<Array> {
    accumulate(a, axis, None, Op::Sum, false)
}

/// `np.cumsum(a, axis, dtype=dtype)`: the input cast to `dtype` (unsafe casting, as NumPy's
/// `astype`) and accumulated in it.
///
/// ```
/// use numox::{array, cumsum_dtype, DType};
/// let c = cumsum_dtype(&array![100i64, 100], None, DType::Int8).unwrap();
/// assert_eq!(c.to_vec::<i8>().unwrap(), vec![100, -56]);
/// ```
pub fn cumsum_dtype(a: &Array, axis: Option<isize>, dtype: DType) -> Result<Array> {
    accumulate(a, axis, Some(dtype), Op::Sum, false)
}

/// `np.cumprod(a, axis)`: running products, in the same accumulator dtypes as [`cumsum`].
///
/// ```
/// use numox::{array, cumprod};
/// let c = cumprod(&array![[1.0, 2.0], [3.0, 4.0]], Some(0)).unwrap();
/// assert_eq!(c.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0, 8.0]);
/// ```
pub fn cumprod(a: &Array, axis: Option<isize>) -> Result<Array> {
    accumulate(a, axis, None, Op::Prod, false)
}

/// `np.cumprod(a, axis, dtype=dtype)`.
///
/// ```
/// use numox::{array, cumprod_dtype, DType};
/// let c = cumprod_dtype(&array![2, 3], None, DType::Float32).unwrap();
/// assert_eq!(c.to_vec::<f32>().unwrap(), vec![2.0, 6.0]);
/// ```
pub fn cumprod_dtype(a: &Array, axis: Option<isize>, dtype: DType) -> Result<Array> {
    accumulate(a, axis, Some(dtype), Op::Prod, false)
}

/// `np.nancumsum(a, axis)`: [`cumsum`] with NaN counted as zero (integers as `cumsum`).
///
/// ```
/// use numox::{array, nancumsum};
/// let c = nancumsum(&array![1.0, f64::NAN, 2.0], None).unwrap();
/// assert_eq!(c.to_vec::<f64>().unwrap(), vec![1.0, 1.0, 3.0]);
/// ```
pub fn nancumsum(a: &Array, axis: Option<isize>) -> Result<Array> {
    accumulate(a, axis, None, Op::Sum, true)
}

/// `np.nancumprod(a, axis)`: [`cumprod`] with NaN counted as one.
///
/// ```
/// use numox::{array, nancumprod};
/// let c = nancumprod(&array![2.0, f64::NAN, 3.0], None).unwrap();
/// assert_eq!(c.to_vec::<f64>().unwrap(), vec![2.0, 2.0, 6.0]);
/// ```
pub fn nancumprod(a: &Array, axis: Option<isize>) -> Result<Array> {
    accumulate(a, axis, None, Op::Prod, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accumulator_dtypes() {
        assert_eq!(acc_dtype(DType::Bool), DType::Int64);
        assert_eq!(acc_dtype(DType::UInt16), DType::UInt64);
        assert_eq!(acc_dtype(DType::Float16), DType::Float16);
        let e = Array::zeros(&[0, 3], DType::Float32).unwrap();
        assert_eq!(cumsum(&e, Some(1)).unwrap().shape(), &[0, 3]);
    }
}
