//! `searchsorted` (binary search in a sorted 1-D array) and `lexsort` (indirect sort on several
//! keys).

use super::lanes::Lanes;
use super::order::SortElem;
use super::sort::argsort_lane;
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::promote::promote_types;
use crate::ufunc::engine::new_contiguous;
use std::str::FromStr;

/// The `side=` of [`searchsorted`].
///
/// ```
/// use numox::Side;
/// assert_eq!("right".parse::<Side>().unwrap(), Side::Right);
/// assert_eq!(
///     "up".parse::<Side>().unwrap_err().to_string(),
///     "search side must be 'left' or 'right' (got 'up')"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The first suitable position (`a[i-1] < v <= a[i]`).
    #[default]
    Left,
    /// The last suitable position (`a[i-1] <= v < a[i]`).
    Right,
}

impl FromStr for Side {
    type Err = Error;

    /// `"left"` or `"right"`; NumPy reads only the first letter.
    fn from_str(s: &str) -> Result<Side> {
        match s.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some('l') => Ok(Side::Left),
            Some('r') => Ok(Side::Right),
            _ => Err(Error::Value(format!(
                "search side must be 'left' or 'right' (got '{s}')"
            ))),
        }
    }
}

/// The elements of `a` cast to `T` (its dtype), in C order.
pub(crate) fn typed<T: Element>(a: &Array) -> Result<Vec<T>> {
    if a.dtype() == T::DTYPE {
        return a.to_vec::<T>();
    }
    a.astype(T::DTYPE)?.to_vec::<T>()
}

/// Where each `v` goes in `a` (sorted through `sorter` when given) to keep it sorted.
fn search<T: SortElem>(a: &[T], v: &[T], side: Side, sorter: Option<&[i64]>) -> Result<Vec<i64>> {
    let n = a.len();
    let mut out = Vec::with_capacity(v.len());
    for &x in v {
        // Past `lo` everything is not before x; `hi` is known to be after it.
        let (mut lo, mut hi) = (0usize, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let e = match sorter {
                None => a[mid],
                Some(s) => {
                    let k = s[mid];
                    if k < 0 || k as usize >= n {
                        return Err(Error::Value("Sorter index out of range.".into()));
                    }
                    a[k as usize]
                }
            };
            let before = match side {
                Side::Left => T::less(e, x),
                Side::Right => !T::less(x, e),
            };
            if before {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        out.push(lo as i64);
    }
    Ok(out)
}

/// The indices where the elements of `v` would be inserted into the sorted 1-D `a` to keep it
/// sorted (`np.searchsorted(a, v, side, sorter)`), as int64 of `v`'s shape. Both are compared
/// in their common dtype, NaN as the greatest value; `sorter` holds the indices that sort `a`.
/// A scalar `v` is a 0-d array.
///
/// ```
/// use numox::{array, searchsorted, Array, Side};
/// let a = array![1.0, 2.0, 2.0, f64::NAN];
/// let i = searchsorted(&a, &array![2.0, f64::NAN, 0.5], Side::Left, None).unwrap();
/// assert_eq!(i.to_vec::<i64>().unwrap(), vec![1, 3, 0]);
/// let r = searchsorted(&a, &Array::scalar(2i64), Side::Right, None).unwrap();
/// assert_eq!(r.item_as::<i64>().unwrap(), 3);
/// assert_eq!(
///     searchsorted(&array![[1, 2]], &Array::scalar(1i64), Side::Left, None)
///         .unwrap_err()
///         .to_string(),
///     "object too deep for desired array"
/// );
/// ```
pub fn searchsorted(a: &Array, v: &Array, side: Side, sorter: Option<&Array>) -> Result<Array> {
    match a.ndim() {
        0 => crate::bail!(Value, "object of too small depth for desired array"),
        1 => {}
        _ => crate::bail!(Value, "object too deep for desired array"),
    }
    let sorter = match sorter {
        None => None,
        Some(s) => {
            crate::ensure!(
                s.dtype().is_integer(),
                DType,
                "sorter must only contain integers"
            );
            crate::ensure!(s.ndim() == 1, Value, "could not parse sorter argument");
            crate::ensure!(s.size() == a.size(), Value, "sorter.size must equal a.size");
            Some(typed::<i64>(s)?)
        }
    };
    let dt = promote_types(a.dtype(), v.dtype())?;
    let found = crate::dispatch_dtype!(dt, T => {
        search::<T>(&typed::<T>(a)?, &typed::<T>(v)?, side, sorter.as_deref())?
    });
    Array::from_shape_vec(v.shape(), found)
}

/// The indirect stable sort on several keys (`np.lexsort(keys, axis)`): the last key is the
/// primary one, earlier keys break its ties. All keys have one shape; the result is int64 of
/// that shape, sorted along `axis`.
///
/// ```
/// use numox::{array, lexsort};
/// let surname = array![3, 1, 3, 1];
/// let first = array![0.5, 0.25, 0.125, 0.75];
/// let i = lexsort(&[&first, &surname], -1).unwrap();
/// assert_eq!(i.to_vec::<i64>().unwrap(), vec![1, 3, 2, 0]);
/// assert_eq!(
///     lexsort(&[&first, &array![1, 2]], -1).unwrap_err().to_string(),
///     "all keys need to be the same shape"
/// );
/// ```
pub fn lexsort(keys: &[&Array], axis: isize) -> Result<Array> {
    let Some(first) = keys.first() else {
        crate::bail!(DType, "need sequence of keys with len > 0 in lexsort");
    };
    crate::ensure!(
        keys.iter().all(|k| k.shape() == first.shape()),
        Value,
        "all keys need to be the same shape"
    );
    if first.ndim() == 0 {
        return Ok(Array::scalar(0i64));
    }
    let lanes: Vec<Lanes> = keys
        .iter()
        .map(|k| Lanes::new(k, Some(axis)))
        .collect::<Result<_>>()?;
    let len = lanes[0].len();
    let mut out = new_contiguous(lanes[0].work.shape(), DType::Int64)?;
    if len > 0 {
        let perm = out.as_slice_mut::<i64>()?;
        for lane in perm.chunks_mut(len) {
            for (j, p) in lane.iter_mut().enumerate() {
                *p = j as i64;
            }
        }
        let mut order = vec![0i64; len];
        let mut prev = vec![0i64; len];
        for l in &lanes {
            crate::dispatch_dtype!(l.work.dtype(), T => {
                let v = l.work.as_slice::<T>()?;
                let mut vals: Vec<T> = Vec::with_capacity(len);
                for (i, lane) in perm.chunks_mut(len).enumerate() {
                    let src = &v[i * len..(i + 1) * len];
                    vals.clear();
                    vals.extend(lane.iter().map(|&p| src[p as usize]));
                    argsort_lane(&vals, &mut order, false);
                    prev.copy_from_slice(lane);
                    for (p, &o) in lane.iter_mut().zip(&order) {
                        *p = prev[o as usize];
                    }
                }
            });
        }
    }
    lanes[0].restore(out)
}
