//! Joining arrays: `concatenate`, `stack`, `vstack`, `hstack`, `dstack`, `column_stack`. The
//! output is allocated once in C order; each input, cast to the promoted dtype when needed, is
//! copied by one strided walk into its slice of the output.

use super::dims::{atleast_1d, atleast_2d, atleast_3d, expand_dims};
use super::views::ravel;
use crate::array::Array;
use crate::error::{Error, Result};
use crate::kernels::copy::copy_layout;
use crate::layout::{normalize_axis, Dims, Order};

/// Joins arrays along an existing axis (`np.concatenate`). `axis = None` flattens every input
/// first. The result has NumPy's promoted dtype of the inputs.
///
/// ```
/// use numox::{array, concatenate, DType};
/// let a = array![[1, 2], [3, 4]];
/// let b = array![[5.5, 6.5]];
/// let c = concatenate(&[&a, &b], Some(0)).unwrap();
/// assert_eq!((c.shape(), c.dtype()), (&[3usize, 2][..], DType::Float64));
/// assert_eq!(concatenate(&[&a, &a], None).unwrap().shape(), &[8]);
/// assert_eq!(
///     concatenate(&[&a, &array![[1, 2, 3]]], Some(0)).unwrap_err().to_string(),
///     "all the input array dimensions except for the concatenation axis must match exactly, \
///      but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3"
/// );
/// ```
pub fn concatenate(arrays: &[&Array], axis: Option<isize>) -> Result<Array> {
    if arrays.is_empty() {
        return Err(Error::Value(
            "need at least one array to concatenate".into(),
        ));
    }
    let Some(axis) = axis else {
        let flat: Vec<Array> = arrays.iter().map(|a| ravel(a, Order::C)).collect();
        return join(&flat.iter().collect::<Vec<_>>(), 0);
    };
    let nd = arrays[0].ndim();
    if nd == 0 {
        return Err(Error::Value(
            "zero-dimensional arrays cannot be concatenated".into(),
        ));
    }
    let ax = normalize_axis(axis, nd)?;
    join(arrays, ax)
}

/// Concatenation along `ax` of arrays of rank at least 1 (the first one's rank, already checked
/// against `ax`).
fn join(arrays: &[&Array], ax: usize) -> Result<Array> {
    let first = arrays[0].shape();
    let nd = first.len();
    let mut shape: Dims = Dims::from_slice(first);
    shape[ax] = 0;
    for (k, a) in arrays.iter().enumerate() {
        if a.ndim() != nd {
            return Err(Error::Value(format!(
                "all the input arrays must have same number of dimensions, but the array at \
                 index 0 has {nd} dimension(s) and the array at index {k} has {} dimension(s)",
                a.ndim()
            )));
        }
        for d in (0..nd).filter(|&d| d != ax) {
            if a.shape()[d] != first[d] {
                return Err(Error::Value(format!(
                    "all the input array dimensions except for the concatenation axis must match \
                     exactly, but along dimension {d}, the array at index 0 has size {} and the \
                     array at index {k} has size {}",
                    first[d],
                    a.shape()[d]
                )));
            }
        }
        shape[ax] = shape[ax]
            .checked_add(a.shape()[ax])
            .ok_or_else(|| Error::Shape("array is too big".into()))?;
    }
    let dtypes: Vec<_> = arrays.iter().map(|a| a.dtype()).collect();
    let dtype = crate::promote::promote_all(&dtypes)?;
    // Every element is written below: no zero-filling pass first.
    let mut out = crate::ufunc::engine::new_contiguous(&shape, dtype)?;
    out.make_unique()?;
    let out_layout = out.layout().clone();
    let base = out.base_ptr_mut();
    let mut start = 0usize;
    for a in arrays {
        let len = a.shape()[ax];
        let src = if a.dtype() == dtype {
            (*a).clone()
        } else {
            a.cast_k(dtype)?
        };
        let end = start + len;
        let dst = out_layout.sliced(ax, Some(start as isize), Some(end as isize), 1)?;
        crate::dispatch_dtype!(dtype, T => {
            // SAFETY: `dst` is a slice of the fresh, uniquely held output of dtype T; `src` has
            // dtype T, the same shape as `dst`, and a layout inside its own buffer.
            unsafe {
                copy_layout::<T>(base as *mut T, &dst, src.base_ptr() as *const T, src.layout())
            }
        });
        start = end;
    }
    Ok(out)
}

/// Joins arrays of one shape along a new axis (`np.stack`).
///
/// ```
/// use numox::{array, stack};
/// let a = array![1, 2, 3];
/// assert_eq!(stack(&[&a, &a], 0).unwrap().shape(), &[2, 3]);
/// assert_eq!(stack(&[&a, &a], -1).unwrap().shape(), &[3, 2]);
/// assert_eq!(
///     stack(&[&a, &array![1]], 0).unwrap_err().to_string(),
///     "all input arrays must have the same shape"
/// );
/// ```
pub fn stack(arrays: &[&Array], axis: isize) -> Result<Array> {
    let Some(first) = arrays.first() else {
        return Err(Error::Value("need at least one array to stack".into()));
    };
    if arrays.iter().any(|a| a.shape() != first.shape()) {
        return Err(Error::Value(
            "all input arrays must have the same shape".into(),
        ));
    }
    let ax = normalize_axis(axis, first.ndim() + 1)?;
    let expanded = arrays
        .iter()
        .map(|a| expand_dims(a, &[ax as isize]))
        .collect::<Result<Vec<_>>>()?;
    join(&expanded.iter().collect::<Vec<_>>(), ax)
}

/// Joins arrays row-wise (`np.vstack`): 1-D inputs become rows.
///
/// ```
/// let a = numox::array![1, 2];
/// assert_eq!(numox::vstack(&[&a, &a]).unwrap().shape(), &[2, 2]);
/// ```
pub fn vstack(arrays: &[&Array]) -> Result<Array> {
    joined_with(arrays, atleast_2d, |_| 0)
}

/// Joins arrays column-wise (`np.hstack`): along axis 0 for 1-D inputs, else axis 1.
///
/// ```
/// let a = numox::array![1, 2];
/// assert_eq!(numox::hstack(&[&a, &a]).unwrap().shape(), &[4]);
/// ```
pub fn hstack(arrays: &[&Array]) -> Result<Array> {
    joined_with(arrays, atleast_1d, |nd| if nd == 1 { 0 } else { 1 })
}

/// Joins arrays depth-wise, along the third axis (`np.dstack`).
///
/// ```
/// let a = numox::array![1, 2];
/// assert_eq!(numox::dstack(&[&a, &a]).unwrap().shape(), &[1, 2, 2]);
/// ```
pub fn dstack(arrays: &[&Array]) -> Result<Array> {
    joined_with(arrays, atleast_3d, |_| 2)
}

/// Joins 1-D arrays as columns of a 2-D array, and 2-D arrays as they are (`np.column_stack`).
///
/// ```
/// let a = numox::array![1, 2, 3];
/// let c = numox::column_stack(&[&a, &a]).unwrap();
/// assert_eq!(c.shape(), &[3, 2]);
/// assert_eq!(c.to_vec::<i64>().unwrap(), vec![1, 1, 2, 2, 3, 3]);
/// ```
pub fn column_stack(arrays: &[&Array]) -> Result<Array> {
    let cols = |a: &Array| {
        if a.ndim() < 2 {
            atleast_2d(a).t()
        } else {
            a.clone()
        }
    };
    joined_with(arrays, cols, |_| 1)
}

/// Reshapes every input with `prep`, then concatenates along `axis(rank of the first)`.
fn joined_with(
    arrays: &[&Array],
    prep: impl Fn(&Array) -> Array,
    axis: impl Fn(usize) -> usize,
) -> Result<Array> {
    let prepped: Vec<Array> = arrays.iter().map(|a| prep(a)).collect();
    let Some(first) = prepped.first() else {
        return Err(Error::Value(
            "need at least one array to concatenate".into(),
        ));
    };
    let ax = axis(first.ndim());
    concatenate(&prepped.iter().collect::<Vec<_>>(), Some(ax as isize))
}
