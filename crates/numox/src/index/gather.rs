//! Reading through advanced indices (NumPy's `a[idx]` with arrays): the flat offsets an index
//! plan selects, the gather that copies them into a new array, and the compaction behind
//! `a[mask]`.

use super::resolve::Plan;
use crate::array::Array;
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::layout::{for_each_run, Dims, Layout};
use num_traits::ToPrimitive;

use crate::ufunc::engine::new_contiguous;
use rayon::prelude::*;

/// Index counts at or above this use both cores (a gather of random positions is latency-bound,
/// so two cores keep twice as many loads in flight).
pub(crate) const PAR_MIN: usize = 1 << 16;

/// An index value as i64: uint64 values past `i64::MAX` saturate, so they fail the bounds
/// check instead of wrapping round to negative indices.
#[inline(always)]
fn index_i64<I: ToPrimitive>(x: I) -> i64 {
    x.to_i64().unwrap_or(i64::MAX)
}

/// Resolves one index value against an axis of length `n` (negative from the end).
#[inline(always)]
fn resolve(v: i64, n: usize, source: usize) -> Result<isize> {
    let j = if v < 0 { v.wrapping_add(n as i64) } else { v };
    if (j as u64) < n as u64 {
        Ok(j as isize)
    } else {
        Err(Error::Index {
            index: v,
            axis: source,
            size: n,
        })
    }
}

/// The broadcast index arrays of a plan turned into buffer offsets, one per position of the
/// broadcast shape in C order (relative to the view's offset).
pub(crate) fn plan_offsets(plan: &Plan) -> Result<Vec<isize>> {
    let nb: usize = plan.bshape.iter().product();
    let mut offs = vec![0isize; nb];
    for a in &plan.adv {
        let n = plan.view.shape()[a.axis];
        let stride = plan.view.strides()[a.axis];
        let idx = a.index.broadcast_to(&plan.bshape)?;
        crate::dispatch_int!(idx.dtype(), I => add_offsets::<I>(&idx, n, stride, a.source, &mut offs)?,
            else _ => return Err(Error::IndexOther(
                "arrays used as indices must be of integer (or boolean) type".into())))
    }
    Ok(offs)
}

fn add_offsets<I: Element + ToPrimitive>(
    idx: &Array,
    n: usize,
    stride: isize,
    source: usize,
    offs: &mut [isize],
) -> Result<()> {
    let base = idx.base_ptr() as *const I;
    let mut k = 0usize;
    let mut err = None;
    for_each_run(idx.layout(), |r| {
        if err.is_some() {
            return;
        }
        for j in 0..r.len {
            // SAFETY: the run lies inside the index array's buffer, of dtype I.
            let v = index_i64(unsafe { *base.offset(r.offset as isize + j as isize * r.stride) });
            match resolve(v, n, source) {
                Ok(p) => offs[k + j] += p * stride,
                Err(e) => {
                    err = Some(e);
                    return;
                }
            }
        }
        k += r.len;
    });
    err.map_or(Ok(()), Err)
}

/// The plan's view split around the broadcast dimensions: the absolute offsets of every position
/// of the axes before them, and the runs (relative offsets) of the axes after them.
pub(crate) struct Frame {
    /// Absolute offsets of the outer positions (one entry, the view's offset, when none).
    pub outer: Vec<isize>,
    /// Runs of the inner block: offset relative to a position, length, stride.
    pub inner: Vec<(isize, usize, isize)>,
}

pub(crate) fn frame(plan: &Plan) -> Frame {
    let rest = plan.rest_axes();
    let split = if plan.at == 0 {
        0
    } else {
        rest.iter().filter(|&&ax| ax < plan.at).count()
    };
    let part = |axes: &[usize], offset: usize| {
        let shape: Dims = axes.iter().map(|&a| plan.view.shape()[a]).collect();
        let strides: Vec<isize> = axes.iter().map(|&a| plan.view.strides()[a]).collect();
        Layout::from_parts(&shape, &strides, offset)
    };
    let mut outer = Vec::new();
    let ol = part(&rest[..split], plan.view.offset());
    for_each_run(&ol, |r| {
        for j in 0..r.len {
            outer.push(r.offset as isize + j as isize * r.stride);
        }
    });
    // The inner block at a base offset that keeps every address non-negative.
    let inner_axes = &rest[split..];
    let lift: usize = inner_axes
        .iter()
        .map(|&a| {
            let s = plan.view.strides()[a];
            if s < 0 {
                (plan.view.shape()[a].saturating_sub(1)) * s.unsigned_abs()
            } else {
                0
            }
        })
        .sum();
    let il = part(inner_axes, lift);
    let mut inner = Vec::new();
    for_each_run(&il, |r| {
        inner.push((r.offset as isize - lift as isize, r.len, r.stride))
    });
    Frame { outer, inner }
}

/// `a[idx]` for an index plan with at least one array: a new C-ordered array.
pub(crate) fn gather(a: &Array, plan: &Plan) -> Result<Array> {
    let shape = plan.result_shape();
    if let Some(r) = gather_single(a, plan, &shape) {
        return r;
    }
    let offs = plan_offsets(plan)?;
    let mut out = new_contiguous(&shape, a.dtype())?;
    if out.size() == 0 {
        return Ok(out);
    }
    let fr = frame(plan);
    let dst = out.base_ptr_mut();
    crate::dispatch_dtype!(a.dtype(), T => {
        // SAFETY: every offset is an in-bounds element of `a`'s view (checked in
        // `plan_offsets`), the frame's runs stay inside the view, and `out` holds exactly
        // outer * offsets * block elements of T, written once each.
        unsafe { gather_frame::<T>(a.base_ptr() as *const T, &fr, &offs, dst as *mut T) }
    });
    Ok(out)
}

unsafe fn gather_frame<T: Element>(src: *const T, fr: &Frame, offs: &[isize], dst: *mut T) {
    let mut k = 0usize;
    // SAFETY (for the block): guaranteed by the caller.
    unsafe {
        if let [(0, 1, _)] = fr.inner[..] {
            for &o in &fr.outer {
                for &b in offs {
                    *dst.add(k) = *src.offset(o + b);
                    k += 1;
                }
            }
            return;
        }
        for &o in &fr.outer {
            for &b in offs {
                for &(rel, len, stride) in &fr.inner {
                    let mut p = src.offset(o + b + rel);
                    if stride == 1 {
                        std::ptr::copy_nonoverlapping(p, dst.add(k), len);
                    } else {
                        for j in 0..len {
                            *dst.add(k + j) = *p;
                            p = p.offset(stride);
                        }
                    }
                    k += len;
                }
            }
        }
    }
}

/// The fast path of `a[idx]` with one contiguous index array and no other axis left: one fused
/// loop (resolve, check, load, store), on both cores for long indices.
fn gather_single(a: &Array, plan: &Plan, shape: &[usize]) -> Option<Result<Array>> {
    let [adv] = &plan.adv[..] else { return None };
    if plan.view.ndim() != 1 || !adv.index.is_c_contiguous() || !adv.index.dtype().is_integer() {
        return None;
    }
    let n = plan.view.shape()[0];
    let (stride, off) = (plan.view.strides()[0], plan.view.offset() as isize);
    let out = new_contiguous(shape, a.dtype());
    Some(out.and_then(|mut out| {
        let dst = out.base_ptr_mut() as usize;
        let idx = &adv.index;
        let ip = idx.base_ptr() as usize + idx.layout().offset() * idx.itemsize();
        let len = idx.size();
        crate::dispatch_dtype!(a.dtype(), T => crate::dispatch_int!(idx.dtype(), I => {
            let src = a.base_ptr() as usize;
            let run = |start: usize, end: usize| -> Result<()> {
                // SAFETY: the index array is C-contiguous with `len` elements of I from `ip`;
                // `dst` holds `len` elements of T; every source offset is checked against the
                // axis length before the load.
                unsafe {
                    let (s, d, ix) = (src as *const T, dst as *mut T, ip as *const I);
                    for i in start..end {
                        let v = index_i64(*ix.add(i));
                        let j = resolve(v, n, adv.source)?;
                        *d.add(i) = *s.offset(off + j * stride);
                    }
                }
                Ok(())
            };
            if len >= PAR_MIN {
                let chunk = len.div_ceil(rayon::current_num_threads().max(1) * 4).max(4096);
                let starts: Vec<usize> = (0..len).step_by(chunk).collect();
                starts.par_iter().map(|&s| run(s, (s + chunk).min(len))).collect::<Result<()>>()?;
            } else {
                run(0, len)?;
            }
        }, else _ => return Err(super::resolve::not_integer())));
        Ok(out)
    }))
}

/// `a[mask]` with a boolean mask of `a`'s shape: the selected elements in C order.
pub(crate) fn compress_mask(a: &Array, mask: &Array) -> Result<Array> {
    let a = if a.is_c_contiguous() {
        a.clone()
    } else {
        a.copy()
    };
    let m = if mask.is_c_contiguous() {
        mask.clone()
    } else {
        mask.copy()
    };
    let ms = m.as_slice::<bool>()?;
    // SAFETY: bool is one byte holding 0 or 1.
    let mb: &[u8] = unsafe { std::slice::from_raw_parts(ms.as_ptr() as *const u8, ms.len()) };
    let chunks = chunk_counts(mb);
    let total: usize = chunks.iter().map(|c| c.2).sum();
    let mut out = new_contiguous(&[total], a.dtype())?;
    let dst = out.base_ptr_mut() as usize;
    crate::dispatch_dtype!(a.dtype(), T => {
        let src = a.as_slice::<T>()?;
        let sp = src.as_ptr() as usize;
        let mut at = 0usize;
        let jobs: Vec<(usize, usize, usize, usize)> = chunks
            .iter()
            .map(|&(s, e, c)| {
                let j = (s, e, c, at);
                at += c;
                j
            })
            .collect();
        let work = |&(s, e, c, w): &(usize, usize, usize, usize)| {
            // SAFETY: the chunk [s, e) is inside the source and the mask; it writes exactly
            // its `c` selected elements at [w, w + c) of the output, disjoint from the others.
            unsafe { compact::<T>((sp as *const T).add(s), mb.as_ptr().add(s), e - s, (dst as *mut T).add(w), c) }
        };
        if mb.len() >= PAR_MIN {
            jobs.par_iter().for_each(work);
        } else {
            jobs.iter().for_each(work);
        }
    });
    Ok(out)
}

/// Splits a mask into chunks (one per thread share) with their counts of `true`.
pub(crate) fn chunk_counts(m: &[u8]) -> Vec<(usize, usize, usize)> {
    let n = m.len();
    let parts = if n >= PAR_MIN {
        rayon::current_num_threads().max(1) * 4
    } else {
        1
    };
    let size = n.div_ceil(parts).max(1);
    let bounds: Vec<(usize, usize)> = (0..n)
        .step_by(size)
        .map(|s| (s, (s + size).min(n)))
        .collect();
    let count = |&(s, e): &(usize, usize)| (s, e, count_true(&m[s..e]));
    if n >= PAR_MIN {
        bounds.par_iter().map(count).collect()
    } else {
        bounds.iter().map(count).collect()
    }
}

/// Number of nonzero bytes (each 0 or 1), summed in blocks the compiler vectorises.
fn count_true(m: &[u8]) -> usize {
    let mut total = 0usize;
    for block in m.chunks(255) {
        let s: u8 = block.iter().fold(0u8, |acc, &x| acc.wrapping_add(x));
        total += s as usize;
    }
    total
}

/// Branchless compaction: every element is stored at the next free slot, which advances only
/// when the mask is set; it stops once all `count` selected elements are stored.
///
/// # Safety
/// `src` and `m` valid for `n` reads, `dst` for `count` writes; `m` holds 0/1 bytes with exactly
/// `count` ones.
unsafe fn compact<T: Element>(src: *const T, m: *const u8, n: usize, dst: *mut T, count: usize) {
    let mut k = 0usize;
    // SAFETY: `k < count` at every store, and the loop reads i < n.
    unsafe {
        for i in 0..n {
            if k == count {
                break;
            }
            *dst.add(k) = *src.add(i);
            k += *m.add(i) as usize;
        }
    }
}
