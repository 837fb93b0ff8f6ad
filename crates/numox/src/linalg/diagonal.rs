//! `diagonal` (a view of the diagonals over two axes) and `trace` (their sums).

use crate::array::Array;
use crate::error::{Error, Result};
use crate::layout::{normalize_axis, Layout};
use crate::reduce::sum;

/// An axis of `ndim` dimensions, with NumPy's error naming the argument (`"axis1: axis 5 is out
/// of bounds for array of dimension 2"`).
pub(crate) fn named_axis(name: &str, axis: isize, ndim: usize) -> Result<usize> {
    normalize_axis(axis, ndim).map_err(|e| Error::IndexOther(format!("{name}: {e}")))
}

/// The diagonals of `a` over `axis1` and `axis2` (`np.diagonal(a, offset, axis1, axis2)`): a
/// read-only view whose last axis runs along the diagonal, the other axes in order before it.
/// A positive `offset` starts above the main diagonal (along `axis2`), a negative one below.
///
/// ```
/// use numox::{arange, diagonal};
/// let a = arange(0i64, 9i64, 1i64).unwrap().reshape(&[3, 3]).unwrap();
/// assert_eq!(diagonal(&a, 0, 0, 1).unwrap().to_vec::<i64>().unwrap(), vec![0, 4, 8]);
/// assert_eq!(diagonal(&a, 1, 0, 1).unwrap().to_vec::<i64>().unwrap(), vec![1, 5]);
/// assert_eq!(diagonal(&a, -2, 0, 1).unwrap().to_vec::<i64>().unwrap(), vec![6]);
/// assert!(diagonal(&a, 0, 0, 1).unwrap().shares_buffer(&a));
/// assert_eq!(
///     diagonal(&a, 0, 1, -1).unwrap_err().to_string(),
///     "axis1 and axis2 cannot be the same"
/// );
/// ```
pub fn diagonal(a: &Array, offset: isize, axis1: isize, axis2: isize) -> Result<Array> {
    let nd = a.ndim();
    if nd < 2 {
        return Err(Error::Value(
            "diag requires an array of at least two dimensions".into(),
        ));
    }
    let i = named_axis("axis1", axis1, nd)?;
    let j = named_axis("axis2", axis2, nd)?;
    if i == j {
        return Err(Error::Value("axis1 and axis2 cannot be the same".into()));
    }
    let (shape, strides) = (a.shape(), a.layout().strides());
    let (n1, n2) = (shape[i] as isize, shape[j] as isize);
    let (len, start) = if offset >= 0 {
        ((n2 - offset).min(n1).max(0), offset * strides[j])
    } else {
        ((n1 + offset).min(n2).max(0), -offset * strides[i])
    };
    let mut new_shape: Vec<usize> = Vec::with_capacity(nd - 1);
    let mut new_strides: Vec<isize> = Vec::with_capacity(nd - 1);
    for ax in (0..nd).filter(|&ax| ax != i && ax != j) {
        new_shape.push(shape[ax]);
        new_strides.push(strides[ax]);
    }
    new_shape.push(len as usize);
    new_strides.push(strides[i] + strides[j]);
    let base = a.layout().offset() as isize;
    let off = if len > 0 { base + start } else { base };
    let v = a.with_layout(Layout::from_parts(&new_shape, &new_strides, off as usize));
    // NumPy's diagonal is read-only; a broadcast view to its own shape is one.
    v.broadcast_to(&new_shape)
}

/// The sum along the diagonals (`np.trace(a, offset, axis1, axis2)`): a 0-d array for a matrix,
/// otherwise the sums over the remaining axes. Booleans and integers sum in the 64-bit integer
/// of their signedness, as `np.sum` does.
///
/// ```
/// use numox::{array, trace};
/// let a = array![[1i8, 2], [3, 4]];
/// let t = trace(&a, 0, 0, 1).unwrap();
/// assert_eq!(t.dtype(), numox::DType::Int64);
/// assert_eq!(t.item_as::<i64>().unwrap(), 5);
/// assert_eq!(trace(&a, -1, 0, 1).unwrap().item_as::<i64>().unwrap(), 3);
/// ```
pub fn trace(a: &Array, offset: isize, axis1: isize, axis2: isize) -> Result<Array> {
    sum(&diagonal(a, offset, axis1, axis2)?, -1)
}
