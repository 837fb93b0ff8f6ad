//! Copying the elements of one layout into another of the same shape: the kernel behind copies
//! in any order, joins and gathers of whole blocks.
//!
//! Three paths, picked from the two layouts:
//! - *transposing* (the source's fastest axis is not the destination's, and both are far apart in
//!   memory): the two axes are copied in square tiles that fit in L1, so neither side strides
//!   through memory a cache line per element;
//! - otherwise the walk of [`NdIter`] (axes ordered by stride, negative strides flipped,
//!   dimensions coalesced), each run a `memcpy` when both sides are contiguous;
//! - both split across cores from [`PAR_COPY_BYTES`] on.

use rayon::prelude::*;
use smallvec::SmallVec;

use crate::dtype::Element;
use crate::iter::NdIter;
use crate::layout::Layout;

/// Copies at or above this many bytes use both cores.
pub(crate) const PAR_COPY_BYTES: usize = 4 << 20;

/// Side of a square tile of the transposing path, in elements (32 x 32 float64 is 8 KiB).
const TILE: usize = 32;

/// A stride at least this many bytes long touches a new cache line for every element.
const LINE: usize = 64;

/// Copies the elements `src` addresses over `src_base` to the positions `dst` addresses over
/// `dst_base`, pairing elements by multi-index (the layouts have one shape).
///
/// # Safety
/// Every element `src` addresses must be readable as T from `src_base`, every element `dst`
/// addresses writable as T from `dst_base`, and the two sets must not overlap. `dst` must not
/// address one element twice (no zero strides on axes longer than 1).
pub(crate) unsafe fn copy_layout<T: Element>(
    dst_base: *mut T,
    dst: &Layout,
    src_base: *const T,
    src: &Layout,
) {
    debug_assert_eq!(dst.shape(), src.shape());
    let n = dst.size();
    if n == 0 {
        return;
    }
    let parallel = n * size_of::<T>() >= PAR_COPY_BYTES;
    // Raw pointers are not Send; the walk only ever offsets them within the caller's bounds.
    let (d, s) = (dst_base as usize, src_base as usize);
    if let Some(t) = Tiling::find::<T>(dst, src) {
        let units = t.units();
        let body = |u: usize| {
            // SAFETY: each unit copies elements of both layouts (the caller's contract); units
            // write disjoint destination elements.
            unsafe { t.copy_unit::<T>(u, d as *mut T, s as *const T) }
        };
        if parallel && units > 1 {
            (0..units).into_par_iter().for_each(body);
        } else {
            (0..units).for_each(body);
        }
        return;
    }
    let it = NdIter::new(dst.shape(), [dst, src]);
    let range = |start: usize, end: usize| {
        it.for_each_range(start, end, |off, len, st| {
            // SAFETY: the walk visits elements of both layouts only (the caller's contract).
            unsafe {
                copy_run::<T>(
                    (d as *mut T).offset(off[0]),
                    st[0],
                    (s as *const T).offset(off[1]),
                    st[1],
                    len,
                )
            }
        })
    };
    if parallel {
        let chunk = (PAR_COPY_BYTES / 2 / size_of::<T>()).max(1);
        (0..n.div_ceil(chunk))
            .into_par_iter()
            .for_each(|c| range(c * chunk, (c * chunk + chunk).min(n)));
    } else {
        range(0, n);
    }
}

/// Copies `len` elements, `ds`/`ss` apart on each side.
///
/// # Safety
/// The `len` positions on each side must be valid and the two sides must not overlap.
#[inline(always)]
unsafe fn copy_run<T: Element>(d: *mut T, ds: isize, s: *const T, ss: isize, len: usize) {
    // SAFETY (whole body): the positions are valid by the caller's contract.
    unsafe {
        if ds == 1 && ss == 1 {
            std::ptr::copy_nonoverlapping(s, d, len);
        } else if ds == 1 {
            let d = std::slice::from_raw_parts_mut(d, len);
            for (j, x) in d.iter_mut().enumerate() {
                *x = *s.offset(j as isize * ss);
            }
        } else {
            for j in 0..len as isize {
                *d.offset(j * ds) = *s.offset(j * ss);
            }
        }
    }
}

/// The transposing path: axis `a` is the destination's fastest, axis `b` the source's; every
/// other axis is walked outside them ("outer"). A unit of work is one strip of `TILE` indices
/// along `b` at one outer position, copied tile by tile along `a`.
struct Tiling {
    na: usize,
    nb: usize,
    /// Destination and source strides along `a` and `b`.
    da: isize,
    db: isize,
    sa: isize,
    sb: isize,
    /// The outer axes: lengths and both sides' strides, plus the layouts' offsets.
    outer: SmallVec<[(usize, isize, isize); 6]>,
    offsets: (isize, isize),
}

impl Tiling {
    /// The tiling of a copy between `dst` and `src`, when it pays: each side's fastest axis is
    /// a long stride on the other side (a cache line per element).
    fn find<T: Element>(dst: &Layout, src: &Layout) -> Option<Tiling> {
        let shape = dst.shape();
        let fastest = |l: &Layout| {
            (0..shape.len())
                .filter(|&k| shape[k] > 1 && l.strides()[k] != 0)
                .min_by_key(|&k| l.strides()[k].unsigned_abs())
        };
        let (a, b) = (fastest(dst)?, fastest(src)?);
        let far = |s: isize| s.unsigned_abs() * size_of::<T>() >= LINE;
        let long = |k: usize| shape[k] >= TILE / 2;
        if a == b || !far(src.strides()[a]) || !far(dst.strides()[b]) || !long(a) || !long(b) {
            return None;
        }
        let outer = (0..shape.len())
            .filter(|&k| k != a && k != b && shape[k] > 1)
            .map(|k| (shape[k], dst.strides()[k], src.strides()[k]))
            .collect();
        Some(Tiling {
            na: shape[a],
            nb: shape[b],
            da: dst.strides()[a],
            db: dst.strides()[b],
            sa: src.strides()[a],
            sb: src.strides()[b],
            outer,
            offsets: (dst.offset() as isize, src.offset() as isize),
        })
    }

    fn strips(&self) -> usize {
        self.nb.div_ceil(TILE)
    }

    fn units(&self) -> usize {
        self.outer.iter().map(|o| o.0).product::<usize>() * self.strips()
    }

    /// Copies unit `u` (see the type's doc).
    ///
    /// # Safety
    /// `d` and `s` are the bases the layouts of [`Tiling::find`] address, under
    /// [`copy_layout`]'s contract.
    unsafe fn copy_unit<T: Element>(&self, u: usize, d: *mut T, s: *const T) {
        let (mut pos, strip) = (u / self.strips(), u % self.strips());
        let (mut od, mut os) = self.offsets;
        for &(len, sd, ss) in self.outer.iter().rev() {
            let i = (pos % len) as isize;
            pos /= len;
            od += i * sd;
            os += i * ss;
        }
        let j0 = strip * TILE;
        let j1 = (j0 + TILE).min(self.nb);
        for i0 in (0..self.na).step_by(TILE) {
            let i1 = (i0 + TILE).min(self.na);
            for j in j0..j1 {
                let (j, i0) = (j as isize, i0 as isize);
                // SAFETY: indices within the shape address elements of both layouts.
                unsafe {
                    copy_run::<T>(
                        d.offset(od + j * self.db + i0 * self.da),
                        self.da,
                        s.offset(os + j * self.sb + i0 * self.sa),
                        self.sa,
                        i1 - i0 as usize,
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Copies `src` (a layout over `data`) into a fresh C-order vector through `copy_layout`.
    fn copy_c(data: &[i64], src: &Layout) -> Vec<i64> {
        let mut out = vec![-1i64; src.size()];
        let dst = Layout::contiguous(src.shape());
        // SAFETY: both layouts stay inside their vectors, which do not overlap.
        unsafe { copy_layout(out.as_mut_ptr(), &dst, data.as_ptr(), src) };
        out
    }

    /// The same elements read one by one.
    fn reference(data: &[i64], src: &Layout) -> Vec<i64> {
        let shape = src.shape().to_vec();
        let n: usize = shape.iter().product();
        (0..n)
            .map(|mut flat| {
                let mut idx = vec![0usize; shape.len()];
                for k in (0..shape.len()).rev() {
                    idx[k] = flat % shape[k];
                    flat /= shape[k];
                }
                data[src.offset_of(&idx)]
            })
            .collect()
    }

    #[test]
    fn tiled_transposes_match_elementwise_reads() {
        // Sizes around the tile, 3-D with the transposed pair inside and outside, reversed axes.
        for (shape, perm) in [
            (vec![31usize, 33], vec![1isize, 0]),
            (vec![64, 65], vec![1, 0]),
            (vec![17, 3, 40], vec![2, 1, 0]),
            (vec![40, 3, 50], vec![2, 1, 0]),
            (vec![5, 48, 48], vec![0, 2, 1]),
        ] {
            let n: usize = shape.iter().product();
            let data: Vec<i64> = (0..n as i64).collect();
            let l = Layout::contiguous(&shape).permuted(&perm).unwrap();
            assert!(Tiling::find::<i64>(&Layout::contiguous(l.shape()), &l).is_some());
            assert_eq!(
                copy_c(&data, &l),
                reference(&data, &l),
                "{shape:?} {perm:?}"
            );
            let rev = l.sliced(0, None, None, -1).unwrap();
            assert_eq!(copy_c(&data, &rev), reference(&data, &rev), "reversed");
        }
    }

    #[test]
    fn strided_and_parallel_walks_match_elementwise_reads() {
        let n = 3 * (PAR_COPY_BYTES / 8) + 5;
        let data: Vec<i64> = (0..n as i64).collect();
        let l = Layout::contiguous(&[n]);
        for step in [1isize, -1, 3, -3] {
            let s = l.sliced(0, None, None, step).unwrap();
            assert_eq!(copy_c(&data, &s), reference(&data, &s), "step {step}");
        }
        // Short axes and small strides stay on the walk.
        let small = Layout::contiguous(&[4, 6]).transposed();
        assert!(Tiling::find::<i64>(&Layout::contiguous(&[6, 4]), &small).is_none());
        let data: Vec<i64> = (0..24).collect();
        assert_eq!(copy_c(&data, &small), reference(&data, &small));
    }
}
