//! Free functions on shapes: strides for an order, checked sizes, axis normalisation,
//! broadcasting of shapes, Python slice resolution and copy-free reshapes.

use super::{Dims, Layout, Strides};
use crate::error::{Error, Result};

/// C-order (row-major) element strides for a shape.
///
/// ```
/// assert_eq!(numox::layout::c_strides(&[2, 3, 4]).as_slice(), &[12, 4, 1]);
/// ```
pub fn c_strides(shape: &[usize]) -> Strides {
    if shape.len() <= 4 {
        // The common case without SmallVec's general constructor (it shows on small arrays);
        // copied out by length so no wide load reads narrow stores still in flight.
        let mut buf = [0isize; 4];
        let mut acc = 1isize;
        for k in (0..shape.len()).rev() {
            buf[k] = acc;
            acc *= shape[k].max(1) as isize;
        }
        return Strides::from_slice(&buf[..shape.len()]);
    }
    let mut s: Strides = smallvec::smallvec![0; shape.len()];
    let mut acc = 1isize;
    for k in (0..shape.len()).rev() {
        s[k] = acc;
        acc *= shape[k].max(1) as isize;
    }
    s
}

/// F-order (column-major) element strides for a shape.
///
/// ```
/// assert_eq!(numox::layout::f_strides(&[2, 3, 4]).as_slice(), &[1, 2, 6]);
/// ```
pub fn f_strides(shape: &[usize]) -> Strides {
    let mut s: Strides = smallvec::smallvec![0; shape.len()];
    let mut acc = 1isize;
    for k in 0..shape.len() {
        s[k] = acc;
        acc *= shape[k].max(1) as isize;
    }
    s
}

/// The number of elements of `shape`, checking that the byte size fits in `isize` as NumPy does.
///
/// ```
/// use numox::layout::checked_size;
/// assert_eq!(checked_size(&[3, 4], 8).unwrap(), 12);
/// assert!(checked_size(&[1 << 40, 1 << 40], 8).is_err());
/// ```
pub fn checked_size(shape: &[usize], itemsize: usize) -> Result<usize> {
    let too_big = || {
        Error::Value(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
                .into(),
        )
    };
    let mut n: usize = 1;
    for &d in shape {
        n = n.checked_mul(d).ok_or_else(too_big)?;
    }
    // NumPy checks the product even with a zero dimension present; only the bytes matter here.
    let bytes = n.checked_mul(itemsize.max(1)).ok_or_else(too_big)?;
    if bytes > isize::MAX as usize {
        return Err(too_big());
    }
    Ok(n)
}

/// Maps a possibly negative axis into `0..ndim`.
///
/// ```
/// use numox::layout::normalize_axis;
/// assert_eq!(normalize_axis(-1, 3).unwrap(), 2);
/// assert_eq!(
///     normalize_axis(3, 3).unwrap_err().to_string(),
///     "axis 3 is out of bounds for array of dimension 3"
/// );
/// ```
pub fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(Error::Axis {
            axis: axis as i64,
            ndim,
        });
    }
    Ok(if axis < 0 {
        (axis + n) as usize
    } else {
        axis as usize
    })
}

/// The shape that all operand shapes broadcast to, by NumPy's rule (align on the right; each
/// dimension equal or 1).
///
/// ```
/// use numox::layout::broadcast_shapes;
/// assert_eq!(broadcast_shapes(&[&[2, 1], &[3]]).unwrap().as_slice(), &[2, 3]);
/// assert_eq!(
///     broadcast_shapes(&[&[2, 3], &[4]]).unwrap_err().to_string(),
///     "operands could not be broadcast together with shapes (2,3) (4,)"
/// );
/// ```
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Dims> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out: Dims = smallvec::smallvec![1; nd];
    for s in shapes {
        let lead = nd - s.len();
        for (k, &d) in s.iter().enumerate() {
            let o = &mut out[lead + k];
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                return Err(Error::Broadcast {
                    shapes: shapes.iter().map(|s| s.to_vec()).collect(),
                });
            }
        }
    }
    Ok(out)
}

/// Resolves Python's `start:stop:step` on an axis of length `n` into (first index, length).
pub(crate) fn slice_indices(
    n: usize,
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
) -> Result<(usize, usize)> {
    if step == 0 {
        return Err(Error::Value("slice step cannot be zero".into()));
    }
    let n = n as isize;
    let clamp = |v: isize, lo: isize, hi: isize| v.max(lo).min(hi);
    let resolve = |v: isize| if v < 0 { v + n } else { v };
    let (first, last_excl) = if step > 0 {
        let s = start.map_or(0, |v| clamp(resolve(v), 0, n));
        let e = stop.map_or(n, |v| clamp(resolve(v), 0, n));
        (s, e)
    } else {
        let s = start.map_or(n - 1, |v| clamp(resolve(v), -1, n - 1));
        let e = stop.map_or(-1, |v| clamp(resolve(v), -1, n - 1));
        (s, e)
    };
    let len = if step > 0 {
        if last_excl > first {
            (last_excl - first + step - 1) / step
        } else {
            0
        }
    } else if first > last_excl {
        (first - last_excl + (-step) - 1) / (-step)
    } else {
        0
    };
    Ok((first.max(0) as usize, len as usize))
}

/// NumPy's `_attempt_nocopy_reshape`: new strides for `new_shape` that read the same elements in C
/// order, if they exist.
pub(crate) fn nocopy_reshape(l: &Layout, new_shape: &[usize]) -> Option<Layout> {
    let size: usize = new_shape.iter().product();
    if size != l.size() {
        return None;
    }
    if size == 0 || l.is_c_contiguous() {
        return Some(Layout::from_parts(
            new_shape,
            &c_strides(new_shape),
            l.offset(),
        ));
    }
    // Drop length-1 axes of the old layout; they impose no constraint.
    let (old_dims, old_strides): (Vec<usize>, Vec<isize>) = l
        .shape()
        .iter()
        .zip(l.strides())
        .filter(|&(&n, _)| n != 1)
        .map(|(&n, &s)| (n, s))
        .unzip();
    let mut new_strides: Strides = smallvec::smallvec![0; new_shape.len()];
    let (mut oi, mut oj, mut ni, mut nj) = (0usize, 1usize, 0usize, 1usize);
    let (on, nn) = (old_dims.len(), new_shape.len());
    while ni < nn && oi < on {
        let mut np = new_shape[ni];
        let mut op = old_dims[oi];
        while np != op {
            if np < op {
                np *= new_shape[nj];
                nj += 1;
            } else {
                op *= old_dims[oj];
                oj += 1;
            }
        }
        // The old axes oi..oj must be contiguous among themselves in C order.
        for ok in oi..oj - 1 {
            if old_strides[ok] != old_dims[ok + 1] as isize * old_strides[ok + 1] {
                return None;
            }
        }
        new_strides[nj - 1] = old_strides[oj - 1];
        for nk in (ni + 1..nj).rev() {
            new_strides[nk - 1] = new_strides[nk] * new_shape[nk] as isize;
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    // Trailing length-1 axes of the new shape take any stride; use 1 like NumPy's fill-in.
    for k in ni..nn {
        new_strides[k] = 1;
    }
    Some(Layout::from_parts(new_shape, &new_strides, l.offset()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn py_slice(n: usize, start: Option<isize>, stop: Option<isize>, step: isize) -> Vec<usize> {
        let (first, len) = slice_indices(n, start, stop, step).unwrap();
        (0..len)
            .map(|k| (first as isize + k as isize * step) as usize)
            .collect()
    }

    #[test]
    fn slices_match_python() {
        assert_eq!(py_slice(5, None, None, 1), vec![0, 1, 2, 3, 4]);
        assert_eq!(py_slice(5, None, None, -1), vec![4, 3, 2, 1, 0]);
        assert_eq!(py_slice(5, Some(-2), None, 1), vec![3, 4]);
        assert_eq!(py_slice(5, Some(1), Some(-1), 2), vec![1, 3]);
        assert_eq!(py_slice(5, Some(10), Some(-10), -2), vec![4, 2, 0]);
        assert_eq!(py_slice(5, Some(3), Some(1), 1), Vec::<usize>::new());
        assert_eq!(py_slice(0, None, None, -1), Vec::<usize>::new());
        assert_eq!(py_slice(5, Some(-100), Some(100), 3), vec![0, 3]);
    }

    #[test]
    fn nocopy_reshape_of_sliced_rows() {
        // a[:, ::2] of a (4, 6) array reshaped to (2, 2, 3) keeps strides (12*2, 12, 2)
        let l = Layout::contiguous(&[4, 6])
            .sliced(1, None, None, 2)
            .unwrap();
        let r = nocopy_reshape(&l, &[2, 2, 3]).unwrap();
        assert_eq!(r.strides(), &[12, 6, 2]);
        // a[:, ::2] happens to be evenly strided, so it flattens without a copy
        assert_eq!(nocopy_reshape(&l, &[12]).unwrap().strides(), &[2]);
        // ... but a[:, :3] does not
        let h = Layout::contiguous(&[4, 6])
            .sliced(1, None, Some(3), 1)
            .unwrap();
        assert!(nocopy_reshape(&h, &[12]).is_none());
        assert_eq!(
            nocopy_reshape(&h, &[2, 2, 3]).unwrap().strides(),
            &[12, 6, 1]
        );
        // splitting with trailing unit axes
        let r = nocopy_reshape(&l, &[4, 3, 1]).unwrap();
        assert_eq!(&r.strides()[..2], &[6, 2]);
    }

    #[test]
    fn size_overflow_is_an_error() {
        assert!(checked_size(&[usize::MAX, 2], 1).is_err());
        assert_eq!(checked_size(&[], 8).unwrap(), 1);
        assert_eq!(checked_size(&[0, 5], 8).unwrap(), 0);
    }
}
