//! `partition` and `argpartition`: each kth element lands where a full sort would put it,
//! smaller-or-equal ones before it and greater-or-equal ones after.

use super::lanes::{for_lanes, Lanes};
use super::order::SortElem;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::ufunc::engine::new_contiguous;

/// The `kth=` of a partition: one index or several, negative ones counted from the end.
///
/// ```
/// use numox::Kth;
/// let one: Kth = 2.into();
/// let many: Kth = [0isize, -1].into();
/// assert_eq!(one, Kth(vec![2]));
/// assert_eq!(many, Kth(vec![0, -1]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kth(pub Vec<isize>);

impl From<isize> for Kth {
    fn from(k: isize) -> Kth {
        Kth(vec![k])
    }
}

impl From<&[isize]> for Kth {
    fn from(k: &[isize]) -> Kth {
        Kth(k.to_vec())
    }
}

impl From<Vec<isize>> for Kth {
    fn from(k: Vec<isize>) -> Kth {
        Kth(k)
    }
}

impl<const N: usize> From<[isize; N]> for Kth {
    fn from(k: [isize; N]) -> Kth {
        Kth(k.to_vec())
    }
}

/// The kth indices for lanes of `n`, sorted, each checked as NumPy does.
fn resolve(kth: &Kth, n: usize, empty: bool) -> Result<Vec<usize>> {
    if kth.0.is_empty() {
        return Err(Error::DType("Partition index must be integer".into()));
    }
    let mut out = Vec::with_capacity(kth.0.len());
    for &k in &kth.0 {
        let k = if k < 0 { k + n as isize } else { k };
        if !empty && (k < 0 || k >= n as isize) {
            return Err(Error::Value(format!("kth(={k}) out of bounds ({n})")));
        }
        out.push(k.max(0) as usize);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Partitions one lane at each of the sorted `kths`.
fn partition_lane<T: SortElem>(v: &mut [T], kths: &[usize]) {
    let mut lo = 0;
    for &k in kths {
        if k >= lo && k < v.len() {
            v[lo..].select_nth_unstable_by(k - lo, |a, b| T::cmp_np(*a, *b));
            lo = k + 1;
        }
    }
}

/// A partitioned copy of `a` (`np.partition(a, kth, axis)`): along `axis` (`None`: the
/// flattened array) each kth element is the one a sort would put there, with no greater
/// element before it and no smaller one after it (NaN counts as the greatest).
///
/// ```
/// use numox::{array, partition};
/// let a = array![7, 1, 5, 3, 9, 2];
/// let p = partition(&a, 2, Some(-1)).unwrap();
/// let v = p.to_vec::<i64>().unwrap();
/// assert_eq!(v[2], 3);
/// assert!(v[..2].iter().all(|&x| x <= 3) && v[3..].iter().all(|&x| x >= 3));
/// assert_eq!(
///     partition(&a, 6, Some(-1)).unwrap_err().to_string(),
///     "kth(=6) out of bounds (6)"
/// );
/// ```
pub fn partition(a: &Array, kth: impl Into<Kth>, axis: Option<isize>) -> Result<Array> {
    let mut lanes = Lanes::new(a, axis)?;
    let len = lanes.len();
    let kths = resolve(&kth.into(), len, lanes.work.size() == 0)?;
    crate::dispatch_dtype!(lanes.work.dtype(), T => {
        let v = lanes.work.as_slice_mut::<T>()?;
        for_lanes(v, len, |_, lane, _| partition_lane(lane, &kths));
    });
    let work = lanes.work.clone();
    lanes.restore(work)
}

/// The indices that partition `a` (`np.argpartition(a, kth, axis)`), as int64; a 0-d array
/// gives `[0]` as in NumPy.
///
/// ```
/// use numox::{array, argpartition};
/// let a = array![7.0, f64::NAN, 5.0, 3.0];
/// let i = argpartition(&a, [0isize, -1], Some(-1)).unwrap().to_vec::<i64>().unwrap();
/// assert_eq!((i[0], i[3]), (3, 1));
/// ```
pub fn argpartition(a: &Array, kth: impl Into<Kth>, axis: Option<isize>) -> Result<Array> {
    let axis = if a.ndim() == 0 { None } else { axis };
    let lanes = Lanes::new(a, axis)?;
    let len = lanes.len();
    let kths = resolve(&kth.into(), len, lanes.work.size() == 0)?;
    let mut out = new_contiguous(lanes.work.shape(), DType::Int64)?;
    if lanes.work.size() > 0 {
        let o = out.as_slice_mut::<i64>()?;
        crate::dispatch_dtype!(lanes.work.dtype(), T => {
            let v = lanes.work.as_slice::<T>()?;
            for_lanes(o, len, |i, lane, _| {
                let vals = &v[i * len..(i + 1) * len];
                for (j, x) in lane.iter_mut().enumerate() {
                    *x = j as i64;
                }
                let mut lo = 0;
                for &k in &kths {
                    lane[lo..].select_nth_unstable_by(k - lo, |&p, &q| {
                        T::cmp_np(vals[p as usize], vals[q as usize])
                    });
                    lo = k + 1;
                }
            });
        });
    }
    lanes.restore(out)
}
