//! Repeating data: `tile` (the whole array along each axis) and `repeat` (each element, or each
//! slice along an axis). The output is allocated once in C order and written front to back: a
//! source block is gathered once (one strided walk), then its copies are whole-block
//! `copy_nonoverlapping`s from the part of the output already written.

use super::dims::atleast_1d;
use super::views::ravel;
use crate::array::{copy_runs, Array};
use crate::buffer::Buffer;
use crate::dtype::{DType, Element};
use crate::error::{fmt_shape, Error, Result};
use crate::layout::{checked_size, normalize_axis, Layout, Order};

/// The array repeated `reps[k]` times along each axis (`np.tile`). When `reps` is shorter than
/// the array's rank it is padded with leading 1s; when longer, the array gets leading length-1
/// axes. The result is always a new array.
///
/// ```
/// use numox::{array, tile};
/// let a = array![[1, 2], [3, 4]];
/// let t = tile(&a, &[2, 3]).unwrap();
/// assert_eq!(t.shape(), &[4, 6]);
/// assert_eq!(t.index_axis(0, 2).unwrap().to_vec::<i64>().unwrap(), vec![1, 2, 1, 2, 1, 2]);
/// assert_eq!(tile(&array![7], &[2, 2]).unwrap().shape(), &[2, 2]);
/// assert_eq!(
///     tile(&a, &[-1]).unwrap_err().to_string(),
///     "negative dimensions are not allowed"
/// );
/// assert!(tile(&a, &[isize::MAX, 2]).is_err());
/// ```
pub fn tile(a: &Array, reps: &[isize]) -> Result<Array> {
    let nd = a.ndim().max(reps.len());
    let mut l = a.layout().clone();
    while l.ndim() < nd {
        l = l.with_new_axis(0)?;
    }
    let mut tup = vec![1isize; nd - reps.len()];
    tup.extend_from_slice(reps);
    // NumPy repeats axis after axis: a negative count fails while the array still has elements.
    if l.size() > 0 {
        for &r in tup.iter().take_while(|&&r| r != 0) {
            if r < 0 {
                return Err(negative_dims());
            }
        }
    }
    let shape_out: Vec<isize> = l
        .shape()
        .iter()
        .zip(&tup)
        .map(|(&n, &r)| (n as isize).checked_mul(r))
        .collect::<Option<_>>()
        .ok_or_else(|| Error::Value("array is too big".into()))?;
    if shape_out.iter().any(|&n| n <= 0) {
        // Nothing to write; NumPy's final reshape gives the shape, or its error.
        return Array::empty(&[0], a.dtype())?.reshape(&shape_out);
    }
    let dims: Vec<usize> = shape_out.iter().map(|&n| n as usize).collect();
    let reps: Vec<usize> = tup.iter().map(|&r| r as usize).collect();
    new_written(&dims, a.dtype(), |dst| {
        crate::dispatch_dtype!(a.dtype(), T => {
            let t = Tiler { src: a.base_ptr(), layout: &l, reps: &reps, out_shape: &dims };
            // SAFETY: `dst` is the fresh output of dtype T and shape `dims`, each axis `reps`
            // times the source's; the source layout addresses elements of `a`'s buffer of
            // dtype T.
            unsafe { t.run::<T>(dst as *mut T) }
        });
        Ok(())
    })
}

/// The elements repeated (`np.repeat`): along `axis`, element (or slice) `j` appears
/// `repeats[j]` times; one count applies to every element. `axis = None` works on the flattened
/// array. The result is always a new array.
///
/// ```
/// use numox::{array, repeat};
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(repeat(&a, &[2], None).unwrap().to_vec::<i64>().unwrap(), vec![1, 1, 2, 2, 3, 3, 4, 4]);
/// let r = repeat(&a, &[1, 2], Some(0)).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 2, 3, 4, 3, 4]);
/// assert_eq!(
///     repeat(&a, &[1, 2, 3], Some(1)).unwrap_err().to_string(),
///     "operands could not be broadcast together with shape (2,) (3,)"
/// );
/// assert_eq!(
///     repeat(&a, &[1, -1], Some(1)).unwrap_err().to_string(),
///     "repeats may not contain negative values."
/// );
/// ```
pub fn repeat(a: &Array, repeats: &[isize], axis: Option<isize>) -> Result<Array> {
    let (src, ax) = match axis {
        None => (ravel(a, Order::C), 0),
        Some(ax) => {
            let a = atleast_1d(a);
            let ax = normalize_axis(ax, a.ndim())?;
            (a, ax)
        }
    };
    let n = src.shape()[ax];
    let counts = match repeats {
        [r] => {
            if *r < 0 && n > 0 {
                return Err(negative_dims());
            }
            Counts::Uniform((*r).max(0) as usize)
        }
        _ if repeats.len() != n => {
            return Err(Error::Value(format!(
                "operands could not be broadcast together with shape {} {}",
                fmt_shape(&[n]),
                fmt_shape(&[repeats.len()])
            )))
        }
        _ => {
            if repeats.iter().any(|&r| r < 0) {
                return Err(Error::Value(
                    "repeats may not contain negative values.".into(),
                ));
            }
            Counts::Each(repeats.iter().map(|&r| r as usize).collect())
        }
    };
    let mut shape = src.shape().to_vec();
    shape[ax] = match &counts {
        Counts::Uniform(r) => r.checked_mul(n),
        Counts::Each(v) => v.iter().try_fold(0usize, |s, &c| s.checked_add(c)),
    }
    .ok_or_else(|| Error::Value("array is too big".into()))?;
    new_written(&shape, src.dtype(), |dst| {
        crate::dispatch_dtype!(src.dtype(), T => {
            let r = Repeater { src: src.base_ptr(), layout: src.layout(), axis: ax, counts: &counts };
            // SAFETY: `dst` is the fresh output of dtype T whose axis `ax` is the sum of the
            // counts and whose other axes are the source's; the source layout addresses
            // elements of `src`'s buffer of dtype T.
            unsafe { r.run::<T>(dst as *mut T) }
        });
        Ok(())
    })
}

fn negative_dims() -> Error {
    Error::Value("negative dimensions are not allowed".into())
}

/// A new C-ordered array of `shape` and `dtype` whose elements `write` stores, each exactly
/// once, given the base of the fresh buffer (not zeroed first); an array without elements skips
/// `write`.
pub(crate) fn new_written(
    shape: &[usize],
    dtype: DType,
    write: impl FnOnce(*mut u8) -> Result<()>,
) -> Result<Array> {
    let n = checked_size(shape, dtype.itemsize())?;
    if n == 0 {
        return Array::zeros(shape, dtype);
    }
    let buf = Buffer::for_overwrite(n * dtype.itemsize())?;
    write(buf.as_mut_ptr())?;
    Ok(Array::from_buffer(buf, dtype, Layout::contiguous(shape)))
}

/// Copies the `block` elements at `p` into the `count - 1` blocks that follow them, reading
/// from a prefix already written (at most about 32 KiB, so it stays in cache, unless one block
/// is larger).
///
/// # Safety
/// `p` must be valid for `block * count` elements, the first `block` of them written.
pub(crate) unsafe fn replicate<T>(p: *mut T, block: usize, count: usize) {
    let total = block * count;
    let cap = ((32 << 10) / std::mem::size_of::<T>().max(1) / block.max(1)).max(1) * block;
    let mut filled = block;
    while filled < total {
        // A multiple of `block` already written; the pattern repeats every `block` elements.
        let n = filled.min(cap).min(total - filled);
        // SAFETY: [0, n) and [filled, filled + n) are disjoint and inside the caller's range.
        unsafe { std::ptr::copy_nonoverlapping(p, p.add(filled), n) };
        filled += n;
    }
}

/// The strided source view from axis `m` on, starting at element `off`.
fn sub_layout(l: &Layout, m: usize, off: isize) -> Layout {
    Layout::from_parts(&l.shape()[m..], &l.strides()[m..], off as usize)
}

/// Writes the tiling of one source layout into a C-ordered output.
struct Tiler<'a> {
    src: *const u8,
    layout: &'a Layout,
    reps: &'a [usize],
    out_shape: &'a [usize],
}

impl Tiler<'_> {
    /// # Safety
    /// `out` is valid for the output's size; the source layout is inside the source buffer.
    unsafe fn run<T: Element>(&self, out: *mut T) {
        // Past the last repeated axis the output block is the source block itself.
        match self.reps.iter().rposition(|&r| r > 1) {
            // SAFETY: the caller's contract.
            None => unsafe { copy_runs::<T>(self.src, self.layout, out) },
            Some(q) => unsafe { self.fill(0, q, self.layout.offset() as isize, out) },
        }
    }

    /// Fills the first tile of axes `m..` (source offset `off`) at `out`, then its copies along
    /// axis `m`.
    unsafe fn fill<T: Element>(&self, m: usize, q: usize, off: isize, out: *mut T) {
        let (shape, strides) = (self.layout.shape(), self.layout.strides());
        let inner: usize = self.out_shape[m + 1..].iter().product();
        // SAFETY (whole body): every block written lies inside this axis' slab of the output,
        // `shape[m] * reps[m] * inner` elements at `out`; source offsets are element offsets of
        // the source layout.
        unsafe {
            if m == q {
                // Axes after q are not repeated: the slab's first tile is the source sub-array.
                copy_runs::<T>(self.src, &sub_layout(self.layout, m, off), out);
            } else {
                for i in 0..shape[m] {
                    let o = off + i as isize * strides[m];
                    self.fill(m + 1, q, o, out.add(i * inner));
                }
            }
            replicate(out, shape[m] * inner, self.reps[m]);
        }
    }
}

/// Writes the repetition of one source layout along one axis into a C-ordered output.
struct Repeater<'a> {
    src: *const u8,
    layout: &'a Layout,
    axis: usize,
    counts: &'a Counts,
}

/// How often each slice along the repeated axis appears.
enum Counts {
    /// The same count for every slice.
    Uniform(usize),
    /// One count per slice.
    Each(Vec<usize>),
}

impl Counts {
    fn get(&self, j: usize) -> usize {
        match self {
            Counts::Uniform(r) => *r,
            Counts::Each(v) => v[j],
        }
    }
}

/// Writes each of `n` elements (`stride` apart from `src`) `R` times in a row at `out`.
///
/// # Safety
/// The `n` source elements are readable and `out` is valid for `n * R` writes.
#[inline(always)]
unsafe fn splat<T: Copy, const R: usize>(src: *const T, stride: isize, n: usize, out: *mut T) {
    for i in 0..n {
        // SAFETY: the caller's contract.
        unsafe {
            let v = *src.offset(i as isize * stride);
            for k in 0..R {
                out.add(i * R + k).write(v);
            }
        }
    }
}

impl Repeater<'_> {
    /// # Safety
    /// `out` is valid for the output's size; the source layout is inside the source buffer.
    unsafe fn run<T: Element>(&self, out: *mut T) {
        // SAFETY: the caller's contract.
        unsafe { self.fill(0, self.layout.offset() as isize, out) };
    }

    /// Writes the output for the source sub-array of axes `m..` at offset `off`; returns the
    /// output position after it.
    unsafe fn fill<T: Element>(&self, m: usize, off: isize, mut out: *mut T) -> *mut T {
        let (shape, strides) = (self.layout.shape(), self.layout.strides());
        // SAFETY (whole body): the output is written in C order, exactly once per element, and
        // holds the sum over source slices of their counts times their size; source offsets
        // are element offsets of the source layout.
        unsafe {
            if m < self.axis {
                for i in 0..shape[m] {
                    out = self.fill(m + 1, off + i as isize * strides[m], out);
                }
                return out;
            }
            let inner: usize = shape[m + 1..].iter().product();
            let (n, st) = (shape[m], strides[m]);
            let src = (self.src as *const T).offset(off);
            if m + 1 == shape.len() {
                // Single elements: a fixed count takes a loop the compiler unrolls.
                if let Counts::Uniform(r) = *self.counts {
                    match r {
                        1 => splat::<T, 1>(src, st, n, out),
                        2 => splat::<T, 2>(src, st, n, out),
                        3 => splat::<T, 3>(src, st, n, out),
                        4 => splat::<T, 4>(src, st, n, out),
                        _ => {
                            for j in 0..n {
                                let v = *src.offset(j as isize * st);
                                for k in 0..r {
                                    out.add(j * r + k).write(v);
                                }
                            }
                        }
                    }
                    return out.add(n * r);
                }
            }
            for j in 0..n {
                let r = self.counts.get(j);
                if r == 0 {
                    continue;
                }
                let o = off + j as isize * st;
                if m + 1 == shape.len() {
                    let v = *src.offset(j as isize * st);
                    for k in 0..r {
                        out.add(k).write(v);
                    }
                } else {
                    copy_runs::<T>(self.src, &sub_layout(self.layout, m + 1, o), out);
                    replicate(out, inner, r);
                }
                out = out.add(r * inner);
            }
            out
        }
    }
}
