//! `sort` and `argsort`, and the per-lane kernels the other routines share.

use super::lanes::{for_lanes, Lanes};
use super::order::SortElem;
use super::radix::radix_sort;
use super::SortKind;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::Result;
use crate::ufunc::engine::new_contiguous;

/// Lanes shorter than this are sorted by comparison (the radix sort's histograms cost more).
const RADIX_MIN: usize = 64;

/// Sorts one lane into NumPy's order, stably (NaN last, -0.0 and 0.0 in input order).
pub(crate) fn sort_lane<T: SortElem>(v: &mut [T], parallel: bool) {
    if !T::RADIX || v.len() < RADIX_MIN {
        v.sort_by(|a, b| T::cmp_np(*a, *b));
        return;
    }
    // NaN moves to the end in input order; zeros are remembered in input order, since their
    // raw keys would put every -0.0 before every 0.0.
    let (mut nans, mut zeros, mut signs) = (0usize, 0usize, false);
    for x in v.iter() {
        nans += x.is_nan() as usize;
        if x.is_zero() {
            zeros += 1;
            signs |= x.raw() != T::default().raw();
        }
    }
    let mut nan_vals = Vec::new();
    if nans > 0 {
        nan_vals.reserve(nans);
        let mut w = 0;
        for r in 0..v.len() {
            let x = v[r];
            if x.is_nan() {
                nan_vals.push(x);
            } else {
                v[w] = x;
                w += 1;
            }
        }
    }
    let m = v.len() - nans;
    let zero_vals: Vec<T> = if signs {
        v[..m].iter().copied().filter(|x| x.is_zero()).collect()
    } else {
        Vec::new()
    };
    let (head, tail) = v.split_at_mut(m);
    tail.copy_from_slice(&nan_vals);
    radix_sort(head, |x| x.raw(), parallel);
    if signs {
        let zk = T::default().key();
        let lo = head.partition_point(|x| x.key() < zk);
        head[lo..lo + zeros].copy_from_slice(&zero_vals);
    }
}

/// Writes into `out` the stable order of one lane (the indices that sort it, NaN last).
pub(crate) fn argsort_lane<T: SortElem>(v: &[T], out: &mut [i64], parallel: bool) {
    if !T::RADIX || v.len() < RADIX_MIN {
        for (i, o) in out.iter_mut().enumerate() {
            *o = i as i64;
        }
        out.sort_by(|&i, &j| T::cmp_np(v[i as usize], v[j as usize]));
        return;
    }
    let mut pairs: Vec<(u64, u64)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (x.key(), i as u64))
        .collect();
    radix_sort(&mut pairs, |p| p.0, parallel);
    for (o, p) in out.iter_mut().zip(&pairs) {
        *o = p.1 as i64;
    }
}

/// Sorts every lane of a fresh contiguous array in place.
pub(crate) fn sort_lanes(work: &mut Array, len: usize) -> Result<()> {
    crate::dispatch_dtype!(work.dtype(), T => {
        let v = work.as_slice_mut::<T>()?;
        for_lanes(v, len, |_, lane, only| sort_lane(lane, only));
    });
    Ok(())
}

/// The stable order of every lane of a contiguous array, as int64 of the same shape.
pub(crate) fn argsort_lanes(work: &Array, len: usize) -> Result<Array> {
    let mut out = new_contiguous(work.shape(), DType::Int64)?;
    if work.size() == 0 {
        return Ok(out);
    }
    let o = out.as_slice_mut::<i64>()?;
    crate::dispatch_dtype!(work.dtype(), T => {
        let v = work.as_slice::<T>()?;
        for_lanes(o, len, |i, lane, only| {
            argsort_lane(&v[i * len..(i + 1) * len], lane, only)
        });
    });
    Ok(out)
}

/// A sorted copy of `a` (`np.sort(a, axis, kind)`): `axis` `Some(-1)` is NumPy's default,
/// `None` sorts the flattened array. NaN sorts last; the sort is stable for every kind.
///
/// ```
/// use numox::{array, sort, SortKind};
/// let a = array![[3, 1, 2], [0, 5, 4]];
/// let s = sort(&a, Some(0), SortKind::QuickSort).unwrap();
/// assert_eq!(s.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3, 5, 4]);
/// let f = sort(&a, None, SortKind::Stable).unwrap();
/// assert_eq!(f.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3, 4, 5]);
/// assert_eq!(
///     sort(&a, Some(2), SortKind::QuickSort).unwrap_err().to_string(),
///     "axis 2 is out of bounds for array of dimension 2"
/// );
/// ```
pub fn sort(a: &Array, axis: Option<isize>, kind: SortKind) -> Result<Array> {
    let _ = kind;
    let mut lanes = Lanes::new(a, axis)?;
    let len = lanes.len();
    sort_lanes(&mut lanes.work, len)?;
    let work = lanes.work.clone();
    lanes.restore(work)
}

/// The indices that sort `a` along `axis` (`np.argsort(a, axis, kind)`), as int64. The order is
/// stable for every kind, so it equals NumPy's `kind="stable"` result; a 0-d array gives `[0]`
/// as in NumPy.
///
/// ```
/// use numox::{array, argsort, SortKind};
/// let a = array![2.0, f64::NAN, -0.0, 0.0, -1.0];
/// let i = argsort(&a, Some(-1), SortKind::Stable).unwrap();
/// assert_eq!(i.to_vec::<i64>().unwrap(), vec![4, 2, 3, 0, 1]);
/// ```
pub fn argsort(a: &Array, axis: Option<isize>, kind: SortKind) -> Result<Array> {
    let _ = kind;
    let axis = if a.ndim() == 0 { None } else { axis };
    let lanes = Lanes::new(a, axis)?;
    let r = argsort_lanes(&lanes.work, lanes.len())?;
    lanes.restore(r)
}

impl Array {
    /// Sorts the array in place along `axis` (`a.sort(axis)`), writing through this handle (a
    /// handle that shares its buffer takes its own copy first).
    ///
    /// ```
    /// let mut a = numox::array![[3, 1], [0, 2]];
    /// a.sort_inplace(0).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![0, 1, 3, 2]);
    /// ```
    pub fn sort_inplace(&mut self, axis: isize) -> Result<()> {
        let ax = crate::layout::normalize_axis(axis, self.ndim())?;
        if ax + 1 == self.ndim() && self.is_c_contiguous() {
            let len = self.shape()[ax];
            return sort_lanes(self, len);
        }
        let sorted = sort(self, Some(axis), SortKind::QuickSort)?;
        self.assign(&[], &sorted)
    }
}
