//! Where the nonzero elements are: [`nonzero`], [`argwhere`], [`flatnonzero`].

use crate::array::Array;
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::layout::for_each_run;

/// The C-order flat positions of the nonzero elements of `a` (NaN counts as nonzero).
pub(crate) fn flat_positions(a: &Array) -> Vec<i64> {
    crate::dispatch_dtype!(a.dtype(), T => positions::<T>(a))
}

fn positions<T: Element>(a: &Array) -> Vec<i64> {
    let zero = T::default();
    let base = a.base_ptr() as *const T;
    let mut out: Vec<i64> = Vec::new();
    let mut flat = 0i64;
    for_each_run(a.layout(), |r| {
        out.reserve(r.len);
        let mut k = out.len();
        let dst = out.as_mut_ptr();
        // SAFETY: the run lies inside `a`'s buffer (its layout was checked at construction), the
        // array's dtype is T, and `out` has room for `r.len` more values: each step writes at
        // most one slot past the values kept so far, and `k` counts the kept ones.
        unsafe {
            let mut p = base.add(r.offset);
            for j in 0..r.len {
                *dst.add(k) = flat + j as i64;
                k += (*p != zero) as usize;
                p = p.offset(r.stride);
            }
            out.set_len(k);
        }
        flat += r.len as i64;
    });
    out
}

/// The flat C-order positions unravelled into one int64 array per dimension of `shape`.
pub(crate) fn unravel(flat: &[i64], shape: &[usize]) -> Vec<Array> {
    let nd = shape.len();
    let mut cols: Vec<Vec<i64>> = (0..nd).map(|_| Vec::with_capacity(flat.len())).collect();
    for &f in flat {
        let mut rem = f;
        for d in (0..nd).rev() {
            let n = shape[d] as i64;
            cols[d].push(rem % n);
            rem /= n;
        }
    }
    cols.into_iter().map(Array::from_vec).collect()
}

/// The indices of the nonzero elements, one int64 array per dimension (`np.nonzero(a)`), in C
/// order. A 0-d array is an error, as in NumPy 2.
///
/// ```
/// let a = numox::array![[0, 3], [4, 0]];
/// let nz = numox::nonzero(&a).unwrap();
/// assert_eq!(nz[0].to_vec::<i64>().unwrap(), vec![0, 1]);
/// assert_eq!(nz[1].to_vec::<i64>().unwrap(), vec![1, 0]);
/// assert!(numox::nonzero(&numox::Array::scalar(1.0)).is_err());
/// ```
pub fn nonzero(a: &Array) -> Result<Vec<Array>> {
    if a.ndim() == 0 {
        return Err(Error::Value(
            "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.".into(),
        ));
    }
    let flat = flat_positions(a);
    if a.ndim() == 1 {
        return Ok(vec![Array::from_vec(flat)]);
    }
    Ok(unravel(&flat, a.shape()))
}

/// The indices of the nonzero elements as rows of an `(N, a.ndim)` int64 array
/// (`np.argwhere(a)`).
///
/// ```
/// let a = numox::array![[0.0, 2.0], [f64::NAN, 0.0]];
/// let w = numox::argwhere(&a).unwrap();
/// assert_eq!(w.shape(), &[2, 2]);
/// assert_eq!(w.to_vec::<i64>().unwrap(), vec![0, 1, 1, 0]);
/// assert_eq!(numox::argwhere(&numox::Array::scalar(5u8)).unwrap().shape(), &[1, 0]);
/// ```
pub fn argwhere(a: &Array) -> Result<Array> {
    let flat = flat_positions(a);
    let nd = a.ndim();
    let cols = unravel(&flat, a.shape());
    let mut rows = Vec::with_capacity(flat.len() * nd);
    let vecs: Vec<Vec<i64>> = cols
        .iter()
        .map(|c| c.to_vec::<i64>())
        .collect::<Result<_>>()?;
    for i in 0..flat.len() {
        for c in &vecs {
            rows.push(c[i]);
        }
    }
    Array::from_shape_vec(&[flat.len(), nd], rows)
}

/// The flat C-order indices of the nonzero elements (`np.flatnonzero(a)`).
///
/// ```
/// let a = numox::array![[0, 3], [4, 0]];
/// assert_eq!(numox::flatnonzero(&a).to_vec::<i64>().unwrap(), vec![1, 2]);
/// ```
pub fn flatnonzero(a: &Array) -> Array {
    Array::from_vec(flat_positions(a))
}

/// The number of nonzero elements (`np.count_nonzero(a)`).
///
/// ```
/// assert_eq!(numox::count_nonzero(&numox::array![0, 1, 2, 0]), 2);
/// ```
pub fn count_nonzero(a: &Array) -> usize {
    crate::dispatch_dtype!(a.dtype(), T => count::<T>(a))
}

fn count<T: Element>(a: &Array) -> usize {
    let zero = T::default();
    let base = a.base_ptr() as *const T;
    let mut n = 0usize;
    for_each_run(a.layout(), |r| {
        // SAFETY: the run lies inside `a`'s buffer and the dtype is T.
        unsafe {
            let mut p = base.add(r.offset);
            for _ in 0..r.len {
                n += (*p != zero) as usize;
                p = p.offset(r.stride);
            }
        }
    });
    n
}

impl Array {
    /// Method form of [`nonzero`].
    ///
    /// ```
    /// let nz = numox::array![0, 5, 0, 7].nonzero().unwrap();
    /// assert_eq!(nz[0].to_vec::<i64>().unwrap(), vec![1, 3]);
    /// ```
    pub fn nonzero(&self) -> Result<Vec<Array>> {
        nonzero(self)
    }
}
