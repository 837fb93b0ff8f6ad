//! NumPy's array-creation routines as free functions, re-exported at the crate root:
//! `numox::zeros`, `numox::arange`, `numox::linspace`, `numox::eye`, `numox::meshgrid`, ...
//!
//! Every function comes in two forms: a short one with NumPy's defaults
//! (`linspace(0.0, 1.0, 5)`) and a `*_with` one that takes an options struct for NumPy's
//! optional arguments (`linspace_with(0.0, 1.0, 5, LinspaceOpts::new().endpoint(false))`). Each
//! options struct has NumPy's defaults in `Default`, chainable setters, and converts from a bare
//! [`DType`] (and, where it applies, an [`Order`](crate::Order)), so the common
//! cases stay short: `zeros_with([2, 3], DType::Int32)`.
//!
//! | NumPy | numox |
//! |---|---|
//! | `np.zeros((2, 3))` | `zeros([2, 3])?` |
//! | `np.ones((2, 3), dtype=np.int8, order='F')` | `ones_with([2, 3], (DType::Int8, Order::F))?` |
//! | `np.full((2,), 7)` | `full([2], 7)?` |
//! | `np.zeros_like(a)` | `zeros_like(&a)?` |
//! | `np.arange(0, 1, 0.1)` | `arange(0, 1, 0.1)?` |
//! | `np.linspace(0, 1, 5, endpoint=False)` | `linspace_with(0, 1, 5, LinspaceOpts::new().endpoint(false))?` |
//! | `np.linspace(0, 1, 5, retstep=True)` | `linspace_retstep(0, 1, 5, LinspaceOpts::new())?` |
//! | `np.eye(3, 4, k=1)` | `eye_with(3, MatrixOpts::new().m(4).k(1))?` |
//! | `np.meshgrid(x, y, indexing='ij')` | `meshgrid_with(&[&x, &y], MeshgridOpts::new().ij())?` |
//!
//! ```
//! use numox::{arange, linspace, zeros_with, DType};
//! let a = arange(0, 5, 1.5).unwrap();
//! assert_eq!(a.to_vec::<f64>().unwrap(), vec![0.0, 1.5, 3.0, 4.5]);
//! let l = linspace(0, 1, 5).unwrap();
//! assert_eq!(l.to_vec::<f64>().unwrap(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
//! let z = zeros_with([2, 3], DType::Int32).unwrap();
//! assert_eq!(z.dtype(), DType::Int32);
//! ```

mod args;
mod fill;
mod from_array;
mod grids;
mod matrix;
mod numeric;
mod ranges;
mod spaces;

pub use args::{IntArg, IntoShape};
pub use fill::{
    empty, empty_like, empty_like_with, empty_with, full, full_like, full_like_with, full_with,
    ones, ones_like, ones_like_with, ones_with, zeros, zeros_like, zeros_like_with, zeros_with,
    FillOpts, LikeOpts, LikeOrder,
};
pub use from_array::{array, array_with, asarray, asarray_with, ArrayOpts, AsArrayOpts};
pub use grids::{
    fromfunction, fromfunction_arrays, indices, indices_with, meshgrid, meshgrid_with, Indexing,
    MeshgridOpts,
};
pub use matrix::{
    diag, diagflat, eye, eye_with, identity, identity_with, tri, tri_with, tril, triu, MatrixOpts,
};
pub use ranges::{arange, arange_with};
pub use spaces::{
    geomspace, geomspace_with, linspace, linspace_retstep, linspace_with, logspace, logspace_with,
    LinspaceOpts, LogspaceOpts,
};

use crate::array::Array;
use crate::buffer::Buffer;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::layout::{checked_size, Layout};
use rayon::prelude::*;

/// Outputs at least this long are filled by rayon's threads.
const PAR_MIN: usize = 1 << 20;
/// Elements per parallel task.
const PAR_CHUNK: usize = 1 << 16;

/// Writes `f(i)` to `out[i]` for every index; in parallel for long outputs. Each element comes
/// from its index alone, so the values do not depend on how the work is split.
///
/// `f` is `Copy` (a `move` closure over plain values): each task works on its own copy, which
/// lets the compiler keep the captured values in registers and vectorise the loop.
pub(crate) fn par_fill<T: Send, F: Fn(usize) -> T + Sync + Copy>(out: &mut [T], f: F) {
    if out.len() < PAR_MIN {
        fill_from(out, 0, f);
    } else {
        out.par_chunks_mut(PAR_CHUNK)
            .enumerate()
            .for_each(|(c, chunk)| fill_from(chunk, c * PAR_CHUNK, f));
    }
}

/// `out[j] = f(base + j)`.
#[inline(always)]
fn fill_from<T, F: Fn(usize) -> T>(out: &mut [T], base: usize, f: F) {
    for (j, x) in out.iter_mut().enumerate() {
        *x = f(base + j);
    }
}

/// A fresh zero-filled array with the given element strides, which must be a permutation of
/// contiguous strides for `shape` (C, F, or NumPy's order-'K' strides): the elements then fill the
/// buffer exactly.
pub(crate) fn alloc_strided(shape: &[usize], strides: &[isize], dtype: DType) -> Result<Array> {
    let n = checked_size(shape, dtype.itemsize())?;
    let buf = Buffer::zeroed(n * dtype.itemsize())?;
    let layout = Layout::from_parts(shape, strides, 0);
    debug_assert!(layout.span().is_none_or(|(lo, hi)| lo == 0 && hi == n));
    Ok(Array::from_buffer(buf, dtype, layout))
}

/// The elements of an array in memory order, as one mutable slice covering the whole range its
/// layout spans. Meant for arrays just built by this module, whose elements fill that range
/// exactly (C, F or order-'K' layouts from [`alloc_strided`] or [`Array::zeros_order`]).
pub(crate) fn memory_slice_mut<T: Element>(a: &mut Array) -> Result<&mut [T]> {
    if T::DTYPE != a.dtype() {
        return Err(Error::DTypeMismatch {
            actual: a.dtype(),
            requested: T::DTYPE,
        });
    }
    let Some((lo, hi)) = a.layout().span() else {
        return Ok(&mut []);
    };
    a.make_unique()?;
    // SAFETY: `lo..hi` lies inside the buffer (checked when the array was built), which is
    // aligned for T and holds initialised elements of dtype T. `make_unique` gave this handle
    // the buffer alone, and the slice borrows `a` mutably for its lifetime.
    unsafe {
        let p = (a.base_ptr_mut() as *mut T).add(lo);
        Ok(std::slice::from_raw_parts_mut(p, hi - lo))
    }
}

/// The position of a multi-index in [`memory_slice_mut`]'s slice.
pub(crate) fn memory_pos(layout: &Layout, index: &[usize]) -> usize {
    let lo = layout.span().map_or(0, |(lo, _)| lo);
    layout.offset_of(index) - lo
}

/// Replaces every element by `f(element)`; in parallel for long slices. `f` is `Copy` for the
/// reason given at [`par_fill`].
pub(crate) fn par_map<T: Copy + Send + Sync, F: Fn(T) -> T + Sync + Copy>(out: &mut [T], f: F) {
    if out.len() < PAR_MIN {
        map_in(out, f);
    } else {
        out.par_chunks_mut(PAR_CHUNK)
            .for_each(|chunk| map_in(chunk, f));
    }
}

/// `x = f(x)` for every element.
#[inline(always)]
fn map_in<T: Copy, F: Fn(T) -> T>(out: &mut [T], f: F) {
    for x in out.iter_mut() {
        *x = f(*x);
    }
}

/// The array converted to `dtype` as NumPy's `astype(dtype, copy=False)` converts it (unsafe
/// casting: complex to real keeps the real part), or unchanged for `None` or the same dtype.
pub(crate) fn cast_to(a: Array, dtype: Option<DType>) -> Result<Array> {
    match dtype {
        Some(d) if d != a.dtype() => a.astype_with(d, crate::promote::Casting::Unsafe),
        _ => Ok(a),
    }
}
