//! Views that add or remove axes, or fix a memory order: `squeeze`, `expand_dims`,
//! `atleast_1d/2d/3d`, `broadcast_arrays`, `ascontiguousarray`, `asfortranarray`.

use super::normalize_axes;
use crate::array::Array;
use crate::error::{fmt_shape, Error, Result};
use crate::layout::{Dims, Layout, Order, Strides};

/// The view without length-1 axes (`np.squeeze`); with `axis`, only those axes, which must have
/// length 1.
///
/// ```
/// let a = numox::Array::zeros(&[1, 3, 1], numox::DType::Float64).unwrap();
/// assert_eq!(numox::squeeze(&a, None).unwrap().shape(), &[3]);
/// assert_eq!(numox::squeeze(&a, Some(&[-1])).unwrap().shape(), &[1, 3]);
/// assert_eq!(
///     numox::squeeze(&a, Some(&[1])).unwrap_err().to_string(),
///     "cannot select an axis to squeeze out which has size not equal to one"
/// );
/// ```
pub fn squeeze(a: &Array, axis: Option<&[isize]>) -> Result<Array> {
    let shape = a.shape();
    let drop: Vec<usize> = match axis {
        None => (0..a.ndim()).filter(|&k| shape[k] == 1).collect(),
        Some(ax) => {
            let axes = normalize_axes(ax, a.ndim(), None, "duplicate value in 'axis'")?;
            if axes.iter().any(|&k| shape[k] != 1) {
                return Err(Error::Value(
                    "cannot select an axis to squeeze out which has size not equal to one".into(),
                ));
            }
            axes
        }
    };
    let l = a.layout();
    let keep = (0..a.ndim()).filter(|k| !drop.contains(k));
    let (dims, strides): (Dims, Strides) = keep.map(|k| (shape[k], l.strides()[k])).unzip();
    Ok(a.with_layout(Layout::from_parts(&dims, &strides, l.offset())))
}

/// The view with new length-1 axes at the positions `axis` of the result (`np.expand_dims`).
///
/// ```
/// let a = numox::array![1, 2, 3];
/// assert_eq!(numox::expand_dims(&a, &[0]).unwrap().shape(), &[1, 3]);
/// assert_eq!(numox::expand_dims(&a, &[0, -1]).unwrap().shape(), &[1, 3, 1]);
/// assert_eq!(
///     numox::expand_dims(&a, &[2]).unwrap_err().to_string(),
///     "axis 2 is out of bounds for array of dimension 2"
/// );
/// ```
pub fn expand_dims(a: &Array, axis: &[isize]) -> Result<Array> {
    let out_nd = a.ndim() + axis.len();
    let mut axes = normalize_axes(axis, out_nd, None, "repeated axis")?;
    axes.sort_unstable();
    let mut l = a.layout().clone();
    for ax in axes {
        l = l.with_new_axis(ax)?;
    }
    Ok(a.with_layout(l))
}

/// The array viewed with at least one dimension (`np.atleast_1d`): a 0-d array becomes shape
/// `(1,)`.
///
/// ```
/// let s = numox::Array::scalar(2.0f64);
/// assert_eq!(numox::atleast_1d(&s).shape(), &[1]);
/// ```
pub fn atleast_1d(a: &Array) -> Array {
    pad_dims(a, &[0])
}

/// The array viewed with at least two dimensions (`np.atleast_2d`): `(N,)` becomes `(1, N)`.
///
/// ```
/// assert_eq!(numox::atleast_2d(&numox::array![1, 2]).shape(), &[1, 2]);
/// ```
pub fn atleast_2d(a: &Array) -> Array {
    pad_dims(a, &[0, 0])
}

/// The array viewed with at least three dimensions (`np.atleast_3d`): `(N,)` becomes
/// `(1, N, 1)` and `(M, N)` becomes `(M, N, 1)`.
///
/// ```
/// assert_eq!(numox::atleast_3d(&numox::array![1, 2]).shape(), &[1, 2, 1]);
/// assert_eq!(numox::atleast_3d(&numox::array![[1, 2]]).shape(), &[1, 2, 1]);
/// ```
pub fn atleast_3d(a: &Array) -> Array {
    let axes: &[usize] = match a.ndim() {
        0 => &[0, 0, 0],
        1 => &[0, 2],
        2 => &[2],
        _ => &[],
    };
    pad_dims(a, axes)
}

/// Inserts length-1 axes at the given positions in turn, skipping as many as the array already
/// has dimensions (for the 1-d and 2-d rules, which only prepend).
fn pad_dims(a: &Array, axes: &[usize]) -> Array {
    let skip = if axes.iter().all(|&x| x == 0) {
        a.ndim().min(axes.len())
    } else {
        0
    };
    let mut l = a.layout().clone();
    for &ax in &axes[skip..] {
        // The position is at most the current rank, so the insertion cannot fail.
        if let Ok(n) = l.with_new_axis(ax.min(l.ndim())) {
            l = n;
        }
    }
    a.with_layout(l)
}

/// A read-only view of `a` broadcast to `shape` (`np.broadcast_to`); the free form of
/// [`Array::broadcast_to`].
///
/// ```
/// let a = numox::array![1, 2, 3];
/// let b = numox::broadcast_to(&a, &[2, 3]).unwrap();
/// assert_eq!(b.to_vec::<i64>().unwrap(), vec![1, 2, 3, 1, 2, 3]);
/// assert!(numox::shares_memory(&a, &b) && !b.is_writeable());
/// assert!(numox::broadcast_to(&a, &[2, 4]).is_err());
/// ```
pub fn broadcast_to(a: &Array, shape: &[usize]) -> Result<Array> {
    a.broadcast_to(shape)
}

/// Views of the arrays broadcast to their common shape (`np.broadcast_arrays`). Broadcast
/// views are read-only; when every shape already matches, the arrays come back as they are.
///
/// ```
/// let a = numox::array![[1], [2]];
/// let b = numox::array![10, 20, 30];
/// let r = numox::broadcast_arrays(&[&a, &b]).unwrap();
/// assert_eq!(r[0].shape(), &[2, 3]);
/// assert!(r[1].shares_buffer(&b) && !r[1].is_writeable());
/// ```
pub fn broadcast_arrays(arrays: &[&Array]) -> Result<Vec<Array>> {
    let shape = broadcast_shape(arrays)?;
    if arrays.iter().all(|a| a.shape() == shape.as_slice()) {
        return Ok(arrays.iter().map(|a| (*a).clone()).collect());
    }
    arrays.iter().map(|a| a.broadcast_to(&shape)).collect()
}

/// The common shape by NumPy's walk (output dimension by dimension, then argument by argument),
/// so that a mismatch names the same two arguments NumPy's message does.
fn broadcast_shape(arrays: &[&Array]) -> Result<Dims> {
    let nd = arrays.iter().map(|a| a.ndim()).max().unwrap_or(0);
    let mut shape: Dims = smallvec::smallvec![1; nd];
    for (i, dim) in shape.iter_mut().enumerate() {
        let mut owner = 0usize;
        for (j, a) in arrays.iter().enumerate() {
            let Some(k) = (i + a.ndim()).checked_sub(nd) else {
                continue;
            };
            let n = a.shape()[k];
            if n == 1 || n == *dim {
                continue;
            }
            if *dim == 1 {
                (*dim, owner) = (n, j);
            } else {
                return Err(Error::Value(format!(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch \
                     is between arg {owner} with shape {} and arg {j} with shape {}.",
                    py_shape(arrays[owner].shape()),
                    py_shape(a.shape())
                )));
            }
        }
    }
    Ok(shape)
}

/// A shape as Python prints a tuple: `(2, 3)`, `(4,)`.
fn py_shape(s: &[usize]) -> String {
    fmt_shape(s).replace(',', ", ").replace(", )", ",)")
}

/// The array itself when it is C-contiguous, otherwise a C-ordered copy
/// (`np.ascontiguousarray`); a 0-d array becomes shape `(1,)` as in NumPy.
///
/// ```
/// let a = numox::array![[1, 2], [3, 4]];
/// assert!(numox::ascontiguousarray(&a).shares_buffer(&a));
/// let c = numox::ascontiguousarray(&a.t());
/// assert!(c.is_c_contiguous() && !c.shares_buffer(&a));
/// ```
pub fn ascontiguousarray(a: &Array) -> Array {
    let a = atleast_1d(a);
    if a.is_c_contiguous() {
        a
    } else {
        a.copy()
    }
}

/// The array itself when it is F-contiguous, otherwise an F-ordered copy
/// (`np.asfortranarray`); a 0-d array becomes shape `(1,)` as in NumPy.
///
/// ```
/// let a = numox::array![[1, 2], [3, 4]];
/// let f = numox::asfortranarray(&a);
/// assert!(f.is_f_contiguous() && !f.shares_buffer(&a));
/// assert!(numox::asfortranarray(&f).shares_buffer(&f));
/// ```
pub fn asfortranarray(a: &Array) -> Array {
    let a = atleast_1d(a);
    if a.is_f_contiguous() {
        a
    } else {
        a.copy_order(Order::F)
    }
}
