//! Views that reorder, reverse or flatten axes: `ravel`, `flatten`, `transpose`, `swapaxes`,
//! `moveaxis`, `flip`, `fliplr`, `flipud`.

use super::normalize_axes;
use crate::array::Array;
use crate::error::{Error, Result};
use crate::layout::{normalize_axis, Layout, Order};

/// The elements as a 1-D array read in `order` (`np.ravel(a, order)`): a view when the array is
/// contiguous in that order, as in NumPy, otherwise a copy.
///
/// ```
/// use numox::{array, ravel, Order};
/// let a = array![[1, 2], [3, 4]];
/// let r = ravel(&a, Order::C);
/// assert!(r.shares_buffer(&a));
/// assert_eq!(ravel(&a, Order::F).to_vec::<i64>().unwrap(), vec![1, 3, 2, 4]);
/// ```
pub fn ravel(a: &Array, order: Order) -> Array {
    let n = a.size();
    let src = match order {
        Order::C if a.is_c_contiguous() => a.clone(),
        // The transpose of an F-contiguous array is C-contiguous and holds the F-order sequence.
        Order::F if a.is_f_contiguous() => a.t(),
        _ => return flatten(a, order),
    };
    let layout = match src.layout().reshaped(&[n]) {
        Some(l) => l,
        None => return flatten(a, order),
    };
    src.with_layout(layout)
}

/// A 1-D copy of the elements read in `order` (`a.flatten(order)`).
///
/// ```
/// use numox::{array, flatten, Order};
/// let a = array![[1, 2], [3, 4]];
/// let f = flatten(&a, Order::F);
/// assert!(!f.shares_buffer(&a));
/// assert_eq!(f.to_vec::<i64>().unwrap(), vec![1, 3, 2, 4]);
/// ```
pub fn flatten(a: &Array, order: Order) -> Array {
    let c = match order {
        Order::C => a.copy(),
        Order::F => a.t().copy(),
    };
    // A fresh C-contiguous copy of n elements: any 1-D shape of length n is a view of it.
    let l = Layout::contiguous(&[a.size()]);
    c.with_owned_layout(l)
}

/// The view with axes permuted (`np.transpose(a, axes)`); `None` reverses the axes. Negative
/// axes count from the end.
///
/// ```
/// let a = numox::Array::zeros(&[2, 3, 4], numox::DType::Int8).unwrap();
/// assert_eq!(numox::transpose(&a, None).unwrap().shape(), &[4, 3, 2]);
/// assert_eq!(numox::transpose(&a, Some(&[-1, 0, 1])).unwrap().shape(), &[4, 2, 3]);
/// ```
pub fn transpose(a: &Array, axes: Option<&[isize]>) -> Result<Array> {
    match axes {
        None => Ok(a.t()),
        Some(ax) => a.permute_axes(ax),
    }
}

/// The view with two axes exchanged (`np.swapaxes`).
///
/// ```
/// let a = numox::Array::zeros(&[2, 3, 4], numox::DType::Int8).unwrap();
/// assert_eq!(numox::swapaxes(&a, 0, -1).unwrap().shape(), &[4, 3, 2]);
/// assert_eq!(
///     numox::swapaxes(&a, 0, 3).unwrap_err().to_string(),
///     "axis2: axis 3 is out of bounds for array of dimension 3"
/// );
/// ```
pub fn swapaxes(a: &Array, axis1: isize, axis2: isize) -> Result<Array> {
    let nd = a.ndim();
    let prefixed = |p: &str, e: Error| Error::IndexOther(format!("{p}: {e}"));
    let i = normalize_axis(axis1, nd).map_err(|e| prefixed("axis1", e))?;
    let j = normalize_axis(axis2, nd).map_err(|e| prefixed("axis2", e))?;
    let mut perm: Vec<isize> = (0..nd as isize).collect();
    perm.swap(i, j);
    a.permute_axes(&perm)
}

/// The view with the axes `source` moved to positions `destination`, the others keeping their
/// order (`np.moveaxis`).
///
/// ```
/// let a = numox::Array::zeros(&[2, 3, 4], numox::DType::Int8).unwrap();
/// assert_eq!(numox::moveaxis(&a, &[0], &[-1]).unwrap().shape(), &[3, 4, 2]);
/// assert_eq!(numox::moveaxis(&a, &[0, 1], &[-1, -2]).unwrap().shape(), &[4, 3, 2]);
/// ```
pub fn moveaxis(a: &Array, source: &[isize], destination: &[isize]) -> Result<Array> {
    let nd = a.ndim();
    let src = normalize_axes(
        source,
        nd,
        Some("source"),
        "repeated axis in `source` argument",
    )?;
    let dst = normalize_axes(
        destination,
        nd,
        Some("destination"),
        "repeated axis in `destination` argument",
    )?;
    if src.len() != dst.len() {
        return Err(Error::Value(
            "`source` and `destination` arguments must have the same number of elements".into(),
        ));
    }
    let mut order: Vec<isize> = (0..nd)
        .filter(|n| !src.contains(n))
        .map(|n| n as isize)
        .collect();
    let mut pairs: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
    pairs.sort_unstable();
    for (d, s) in pairs {
        order.insert(d, s as isize);
    }
    a.permute_axes(&order)
}

/// The view with the order of elements reversed along `axis` (`np.flip`); `None` reverses every
/// axis.
///
/// ```
/// let a = numox::array![[1, 2], [3, 4]];
/// let f = numox::flip(&a, Some(&[1])).unwrap();
/// assert_eq!(f.to_vec::<i64>().unwrap(), vec![2, 1, 4, 3]);
/// assert!(f.shares_buffer(&a));
/// ```
pub fn flip(a: &Array, axis: Option<&[isize]>) -> Result<Array> {
    let axes: Vec<usize> = match axis {
        None => (0..a.ndim()).collect(),
        Some(ax) => normalize_axes(ax, a.ndim(), None, "repeated axis")?,
    };
    let mut l = a.layout().clone();
    for ax in axes {
        l = l.sliced(ax, None, None, -1)?;
    }
    Ok(a.with_layout(l))
}

/// The view with the columns reversed, `a[:, ::-1]` (`np.fliplr`); needs at least 2 dimensions.
///
/// ```
/// let a = numox::array![[1, 2], [3, 4]];
/// assert_eq!(numox::fliplr(&a).unwrap().to_vec::<i64>().unwrap(), vec![2, 1, 4, 3]);
/// assert_eq!(numox::fliplr(&numox::array![1]).unwrap_err().to_string(), "Input must be >= 2-d.");
/// ```
pub fn fliplr(a: &Array) -> Result<Array> {
    if a.ndim() < 2 {
        return Err(Error::Value("Input must be >= 2-d.".into()));
    }
    flip(a, Some(&[1]))
}

/// The view with the rows reversed, `a[::-1]` (`np.flipud`); needs at least 1 dimension.
///
/// ```
/// let a = numox::array![[1, 2], [3, 4]];
/// assert_eq!(numox::flipud(&a).unwrap().to_vec::<i64>().unwrap(), vec![3, 4, 1, 2]);
/// ```
pub fn flipud(a: &Array) -> Result<Array> {
    if a.ndim() < 1 {
        return Err(Error::Value("Input must be >= 1-d.".into()));
    }
    flip(a, Some(&[0]))
}
