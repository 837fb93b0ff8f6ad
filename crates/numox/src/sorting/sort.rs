//! `sort` and `argsort`, and the per-lane kernels the other routines share.

use super::lanes::{for_lanes, Lanes};
use super::msd::{finish, first_pass, Pair, Placed};
use super::order::SortElem;
use super::radix::{radix_sort, SendPtr};
use super::SortKind;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::Result;
use crate::ufunc::engine::new_contiguous;

/// Lanes shorter than this are sorted by comparison (the radix sort's histograms cost more).
const RADIX_MIN: usize = 64;
/// Lanes of 8-byte values at least this long take the MSD radix sort (which needs a scratch
/// buffer of the lane's size); shorter ones the LSD sort in place.
const MSD_MIN: usize = 1 << 12;

/// Sorts one lane into NumPy's order, stably (NaN last, -0.0 and 0.0 in input order).
pub(crate) fn sort_lane<T: SortElem>(v: &mut [T], parallel: bool) {
    if !T::RADIX || v.len() < RADIX_MIN {
        v.sort_by(|a, b| T::cmp_np(*a, *b));
        return;
    }
    if size_of::<T>() == 8 && v.len() >= MSD_MIN && sort_lane_msd(v, parallel) {
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

/// The 64 bits of an 8-byte element.
#[inline(always)]
fn bits8<T: SortElem>(x: T) -> u64 {
    // SAFETY: only called for 8-byte element types (plain numbers, every bit pattern valid).
    unsafe { std::mem::transmute_copy::<T, u64>(&x) }
}

/// Sorts a lane of 8-byte values in place by the MSD radix sort. Returns false (lane untouched)
/// when the scratch buffer cannot be had.
fn sort_lane_msd<T: SortElem>(v: &mut [T], parallel: bool) -> bool {
    let Some(mut m) = MsdValues::place(v, parallel) else {
        return false;
    };
    m.finish(v, parallel);
    true
}

/// A lane of 8-byte values after the MSD sort's first pass: their raw keys scattered into a
/// scratch buffer, with the NaN (left out of the sort, they go last in input order) and, when
/// both signs occur, the zeros in input order (raw keys put every -0.0 before every 0.0).
struct MsdValues<T> {
    scratch: Array,
    placed: Placed,
    nan_vals: Vec<T>,
    zero_vals: Vec<T>,
}

impl<T: SortElem> MsdValues<T> {
    /// The first pass over `src` (`None` when the scratch buffer cannot be had).
    fn place(src: &[T], parallel: bool) -> Option<Self> {
        let n = src.len();
        let mut scratch = new_contiguous(&[n], DType::UInt64).ok()?;
        let a = scratch.as_slice_mut::<u64>().ok()?;
        let flag = |x: &T| match (T::FLOAT && x.is_zero(), x.raw() == T::default().raw()) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 2,
        };
        let placed = first_pass(
            src,
            |x, _| (!x.is_nan()).then(|| x.raw()),
            flag,
            a,
            parallel,
        );
        let m = placed.bounds.last().copied().unwrap_or(0);
        let pick = |want: bool, f: fn(&T) -> bool| -> Vec<T> {
            if want {
                src.iter().copied().filter(f).collect()
            } else {
                Vec::new()
            }
        };
        Some(MsdValues {
            nan_vals: pick(m < n, |x| x.is_nan()),
            zero_vals: pick(placed.flags == 3, |x| x.is_zero()),
            scratch,
            placed,
        })
    }

    /// Writes the sorted lane into `dst` (as long as the source).
    fn finish(&mut self, dst: &mut [T], parallel: bool) {
        let n = dst.len();
        let Ok(a) = self.scratch.as_slice_mut::<u64>() else {
            return;
        };
        {
            // SAFETY: T is 8 bytes with u64's alignment or less and every bit pattern valid;
            // `dst` is not used while `b` lives.
            let b = unsafe { std::slice::from_raw_parts_mut(dst.as_mut_ptr() as *mut u64, n) };
            let p = &self.placed;
            finish(a, b, &p.bounds, p.split, parallel, |s, _| {
                for x in s.iter_mut() {
                    *x = bits8(T::from_raw(*x));
                }
            });
        }
        let m = n - self.nan_vals.len();
        dst[m..].copy_from_slice(&self.nan_vals);
        if !self.zero_vals.is_empty() {
            let zk = T::default().key();
            let lo = dst[..m].partition_point(|x| x.key() < zk);
            dst[lo..lo + self.zero_vals.len()].copy_from_slice(&self.zero_vals);
        }
    }
}

/// `sort` of a C-contiguous array of 8-byte values along its last axis (or flattened) with
/// lanes long enough for the MSD sort, read from `a` and written straight into the result
/// (no working copy). `None` when `a` is not such an array.
fn sort_direct(a: &Array, axis: Option<isize>) -> Option<Result<Array>> {
    let last = a.ndim().checked_sub(1)?;
    let len = match axis {
        None => a.size(),
        Some(ax) if ax == -1 || ax == last as isize => a.shape()[last],
        Some(_) => return None,
    };
    if !a.is_c_contiguous() || a.dtype().itemsize() != 8 || len < MSD_MIN {
        return None;
    }
    let shape = if axis.is_none() {
        vec![a.size()]
    } else {
        a.shape().to_vec()
    };
    let mut out = match new_contiguous(&shape, a.dtype()) {
        Ok(o) => o,
        Err(e) => return Some(Err(e)),
    };
    let done = crate::dispatch_dtype!(a.dtype(), T => {
        direct_lanes::<T>(a, &mut out, len)
    });
    done.then_some(Ok(out))
}

/// Sorts the lanes of `a` into `out` by the MSD sort (false: not a radix type, or no scratch).
fn direct_lanes<T: SortElem>(a: &Array, out: &mut Array, len: usize) -> bool {
    if !T::RADIX || size_of::<T>() != 8 {
        return false;
    }
    let (Ok(src), Ok(dst)) = (a.as_slice::<T>(), out.as_slice_mut::<T>()) else {
        return false;
    };
    let one = src.len() == len;
    let lane = |s: &[T], d: &mut [T]| match MsdValues::place(s, one) {
        Some(mut m) => {
            m.finish(d, one);
            true
        }
        None => false,
    };
    if one {
        lane(src, dst)
    } else {
        use rayon::prelude::*;
        src.par_chunks(len)
            .zip(dst.par_chunks_mut(len))
            .all(|(s, d)| lane(s, d))
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
    if v.len() >= MSD_MIN && argsort_lane_msd(v, out, parallel) {
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

/// The MSD radix sort of (key, index) pairs, writing the indices into `out`. Returns false
/// (nothing written) when the scratch buffers cannot be had.
fn argsort_lane_msd<T: SortElem>(v: &[T], out: &mut [i64], parallel: bool) -> bool {
    let n = v.len();
    let (Ok(mut pa), Ok(mut pb)) = (
        new_contiguous(&[2 * n], DType::UInt64),
        new_contiguous(&[2 * n], DType::UInt64),
    ) else {
        return false;
    };
    let (Ok(a), Ok(b)) = (pa.as_slice_mut::<u64>(), pb.as_slice_mut::<u64>()) else {
        return false;
    };
    // SAFETY: Pair is two u64 (repr(C)), so 2n u64 hold n pairs, aligned.
    let (a, b) = unsafe {
        (
            std::slice::from_raw_parts_mut(a.as_mut_ptr() as *mut Pair, n),
            std::slice::from_raw_parts_mut(b.as_mut_ptr() as *mut Pair, n),
        )
    };
    let make = |x: &T, i: usize| {
        Some(Pair {
            key: x.key(),
            idx: i as u64,
        })
    };
    let p = first_pass(v, make, |_| 0, a, parallel);
    let o = SendPtr(out.as_mut_ptr());
    finish(a, b, &p.bounds, p.split, parallel, |s, lo| {
        for (i, p) in s.iter().enumerate() {
            // SAFETY: the leaves cover disjoint ranges of the n positions of `out`.
            unsafe { o.get().add(lo + i).write(p.idx as i64) };
        }
    });
    true
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
    if let Some(r) = sort_direct(a, axis) {
        return r;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mix(i: u64) -> u64 {
        let mut z = i.wrapping_add(0x9E3779B97F4A7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }

    /// Floats with NaN of both signs, zeros of both signs, infinities and repeats.
    fn floats(n: usize) -> Vec<f64> {
        (0..n as u64)
            .map(|i| match mix(i) % 16 {
                0 => f64::NAN,
                1 => -f64::NAN,
                2 => 0.0,
                3 => -0.0,
                4 => f64::INFINITY,
                5 => f64::NEG_INFINITY,
                6 => (mix(i + 7) % 5) as f64,
                _ => (mix(i) >> 11) as f64 * 2f64.powi(-40) - 1e3,
            })
            .collect()
    }

    fn check_sort<T: SortElem + std::fmt::Debug>(v: Vec<T>, bits: impl Fn(T) -> u64) {
        let mut want = v.clone();
        want.sort_by(|a, b| T::cmp_np(*a, *b));
        for par in [false, true] {
            let mut got = v.clone();
            sort_lane(&mut got, par);
            let (g, w): (Vec<u64>, Vec<u64>) = (
                got.iter().map(|&x| bits(x)).collect(),
                want.iter().map(|&x| bits(x)).collect(),
            );
            assert!(g == w, "n={} par={par}", v.len());
            let mut idx = vec![0i64; v.len()];
            argsort_lane(&v, &mut idx, par);
            let mut wi: Vec<i64> = (0..v.len() as i64).collect();
            wi.sort_by(|&i, &j| T::cmp_np(v[i as usize], v[j as usize]));
            assert!(idx == wi, "argsort n={} par={par}", v.len());
        }
    }

    #[test]
    fn big_lanes_sort_stably_in_numpys_order() {
        for n in [4096, 5000, 300_000] {
            check_sort(floats(n), f64::to_bits);
            check_sort(
                floats(n).into_iter().map(|x| x as f32).collect(),
                |x: f32| x.to_bits() as u64,
            );
            let ints: Vec<i64> = (0..n as u64).map(|i| mix(i) as i64 >> (i % 50)).collect();
            check_sort(ints.clone(), |x| x as u64);
            check_sort(ints.iter().map(|&x| x as u64).collect(), |x| x);
            check_sort(ints.iter().map(|&x| x as i8).collect(), |x: i8| x as u64);
            // Every key equal, and one NaN among equal keys.
            let mut same = vec![2.5f64; n];
            check_sort(same.clone(), f64::to_bits);
            same[n / 2] = f64::NAN;
            same[n / 3] = -0.0;
            check_sort(same, f64::to_bits);
        }
    }

    #[test]
    fn direct_sort_of_contiguous_arrays_matches_the_lane_sort() {
        let v = floats(3 * 5000);
        let a = Array::from_vec(v.clone()).reshape(&[3, 5000]).unwrap();
        let mut want = v.clone();
        for lane in want.chunks_mut(5000) {
            lane.sort_by(|x, y| f64::cmp_np(*x, *y));
        }
        let bits = |x: Vec<f64>| x.iter().map(|y| y.to_bits()).collect::<Vec<_>>();
        for ax in [Some(-1), Some(1)] {
            let s = sort(&a, ax, SortKind::QuickSort).unwrap();
            assert_eq!(s.shape(), &[3, 5000]);
            assert_eq!(bits(s.to_vec::<f64>().unwrap()), bits(want.clone()));
        }
        let mut flat = v;
        flat.sort_by(|x, y| f64::cmp_np(*x, *y));
        let s = sort(&a, None, SortKind::Stable).unwrap();
        assert_eq!(s.shape(), &[15000]);
        assert_eq!(bits(s.to_vec::<f64>().unwrap()), bits(flat));
        // The source is left as it was.
        assert_eq!(bits(a.to_vec::<f64>().unwrap()), bits(floats(3 * 5000)));
        let i = Array::from_vec((0..20000i64).rev().collect::<Vec<_>>());
        let s = sort(&i, Some(0), SortKind::QuickSort).unwrap();
        assert_eq!(s.to_vec::<i64>().unwrap(), (0..20000).collect::<Vec<_>>());
    }
}
