//! Index math without data: shape, signed element strides and offset. Every view operation
//! (transpose, slicing, broadcasting, axis insertion) is a pure function from one [`Layout`] to
//! another, tested on its own.

mod iter;
mod shape;

pub use iter::{for_each_run, Run};
pub(crate) use shape::slice_indices;
pub use shape::{broadcast_shapes, c_strides, checked_size, f_strides, normalize_axis};

use crate::error::{fmt_shape, Error, Result};
use smallvec::SmallVec;

/// Dimension lengths; up to four live inline without allocating.
///
/// ```
/// let d: numox::layout::Dims = numox::layout::Dims::from_slice(&[2, 3]);
/// assert!(!d.spilled());
/// ```
pub type Dims = SmallVec<[usize; 4]>;
/// Signed strides, counted in elements (not bytes); up to four inline.
///
/// ```
/// let s: numox::layout::Strides = numox::layout::c_strides(&[2, 3]);
/// assert_eq!(s.as_slice(), &[3, 1]);
/// ```
pub type Strides = SmallVec<[isize; 4]>;

/// Memory order of a new array: `C` (last index varies fastest) or `F` (first index fastest).
///
/// ```
/// use numox::{Array, DType, Order};
/// let a = Array::zeros_order(&[2, 3], DType::Float64, Order::F).unwrap();
/// assert_eq!(a.strides(), vec![8, 16]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Row-major.
    #[default]
    C,
    /// Column-major.
    F,
}

/// Where the elements of an n-d view sit in its buffer: element `idx` is at
/// `offset + sum(idx[k] * strides[k])`, in units of elements.
///
/// ```
/// use numox::layout::Layout;
/// let l = Layout::contiguous(&[2, 3]);
/// assert_eq!(l.strides(), &[3, 1]);
/// let t = l.transposed();
/// assert_eq!(t.shape(), &[3, 2]);
/// assert!(t.is_f_contiguous() && !t.is_c_contiguous());
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Layout {
    shape: Dims,
    strides: Strides,
    offset: usize,
}

impl Clone for Layout {
    /// Copies the dimensions as slices (SmallVec's own `clone` goes element by element); a
    /// layout of up to four dimensions, held inline, is copied bitwise in a few wide moves.
    #[inline]
    fn clone(&self) -> Self {
        if !self.shape.spilled() && !self.strides.spilled() {
            // SAFETY: neither SmallVec owns heap memory (both are inline), so each is plain data
            // (a length and the inline elements of `Copy` integers) and a bitwise copy is an
            // independent, valid value; nothing is freed twice.
            return unsafe { std::ptr::read(self) };
        }
        self.clone_spilled()
    }
}

/// Removes element `k` by moving the later ones down one by one: a layout has a handful of
/// dimensions, where SmallVec's `remove` pays a `memmove` call per vector.
#[inline]
fn remove_at<T: Copy>(v: &mut SmallVec<[T; 4]>, k: usize) {
    let n = v.len();
    for i in k + 1..n {
        v[i - 1] = v[i];
    }
    v.truncate(n - 1);
}

impl Layout {
    #[inline(never)]
    fn clone_spilled(&self) -> Layout {
        Layout {
            shape: Dims::from_slice(&self.shape),
            strides: Strides::from_slice(&self.strides),
            offset: self.offset,
        }
    }
}

impl Layout {
    /// A C-contiguous layout at offset 0.
    ///
    /// ```
    /// assert_eq!(numox::layout::Layout::contiguous(&[4, 5]).size(), 20);
    /// ```
    pub fn contiguous(shape: &[usize]) -> Layout {
        Layout {
            shape: Dims::from_slice(shape),
            strides: c_strides(shape),
            offset: 0,
        }
    }

    /// The layout of one element (0-d) at `offset`.
    ///
    /// ```
    /// let l = numox::layout::Layout::scalar_at(7);
    /// assert_eq!((l.ndim(), l.size(), l.offset()), (0, 1, 7));
    /// ```
    #[inline]
    pub fn scalar_at(offset: usize) -> Layout {
        Layout {
            shape: Dims::new(),
            strides: Strides::new(),
            offset,
        }
    }

    /// A contiguous layout in the given memory order.
    ///
    /// ```
    /// use numox::{layout::Layout, Order};
    /// assert_eq!(Layout::with_order(&[2, 3], Order::F).strides(), &[1, 2]);
    /// ```
    pub fn with_order(shape: &[usize], order: Order) -> Layout {
        let strides = match order {
            Order::C => c_strides(shape),
            Order::F => f_strides(shape),
        };
        Layout {
            shape: Dims::from_slice(shape),
            strides,
            offset: 0,
        }
    }

    /// A layout from raw parts. The caller's buffer must cover every element it addresses
    /// (see [`Layout::span`]); `Array` checks this before using such a layout.
    ///
    /// ```
    /// let l = numox::layout::Layout::from_parts(&[3], &[-1], 2);
    /// assert_eq!(l.span(), Some((0, 3)));
    /// ```
    pub fn from_parts(shape: &[usize], strides: &[isize], offset: usize) -> Layout {
        Layout {
            shape: Dims::from_slice(shape),
            strides: Strides::from_slice(strides),
            offset,
        }
    }

    /// Dimension lengths.
    ///
    /// ```
    /// assert_eq!(numox::layout::Layout::contiguous(&[2, 3]).shape(), &[2, 3]);
    /// ```
    #[inline]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// Strides in elements.
    ///
    /// ```
    /// assert_eq!(numox::layout::Layout::contiguous(&[2, 3]).strides(), &[3, 1]);
    /// ```
    #[inline]
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// Offset of the first element, in elements.
    ///
    /// ```
    /// assert_eq!(numox::layout::Layout::contiguous(&[2]).offset(), 0);
    /// ```
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Number of dimensions.
    ///
    /// ```
    /// assert_eq!(numox::layout::Layout::contiguous(&[]).ndim(), 0);
    /// ```
    #[inline]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Number of elements (1 for a 0-d layout).
    ///
    /// ```
    /// assert_eq!(numox::layout::Layout::contiguous(&[3, 0]).size(), 0);
    /// ```
    #[inline]
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// C-contiguity by NumPy's rule: axes of length 1 are ignored and an empty layout counts as
    /// contiguous.
    ///
    /// ```
    /// use numox::layout::Layout;
    /// assert!(Layout::from_parts(&[1, 3], &[99, 1], 0).is_c_contiguous());
    /// ```
    #[inline]
    pub fn is_c_contiguous(&self) -> bool {
        if let ([n], [s]) = (self.shape.as_slice(), self.strides.as_slice()) {
            return *s == 1 || *n <= 1;
        }
        contiguous_by(
            self.shape.iter().rev().zip(self.strides.iter().rev()),
            self.size(),
        )
    }

    /// F-contiguity by NumPy's rule.
    ///
    /// ```
    /// use numox::layout::Layout;
    /// assert!(Layout::contiguous(&[5]).is_f_contiguous());
    /// ```
    pub fn is_f_contiguous(&self) -> bool {
        contiguous_by(self.shape.iter().zip(self.strides.iter()), self.size())
    }

    /// The element range `[lo, hi)` the layout touches, or `None` when it holds no element.
    ///
    /// ```
    /// use numox::layout::Layout;
    /// assert_eq!(Layout::from_parts(&[2, 2], &[-2, 1], 2).span(), Some((0, 4)));
    /// assert_eq!(Layout::contiguous(&[0]).span(), None);
    /// ```
    pub fn span(&self) -> Option<(usize, usize)> {
        if self.size() == 0 {
            return None;
        }
        let (mut lo, mut hi) = (self.offset as isize, self.offset as isize);
        for (&n, &s) in self.shape.iter().zip(self.strides.iter()) {
            let reach = (n as isize - 1) * s;
            if reach < 0 {
                lo += reach;
            } else {
                hi += reach;
            }
        }
        Some((lo.max(0) as usize, hi as usize + 1))
    }

    /// Buffer position of a multi-index given as unsigned, in-range indices.
    ///
    /// ```
    /// assert_eq!(numox::layout::Layout::contiguous(&[2, 3]).offset_of(&[1, 2]), 5);
    /// ```
    pub fn offset_of(&self, index: &[usize]) -> usize {
        let mut off = self.offset as isize;
        for (&i, &s) in index.iter().zip(self.strides.iter()) {
            off += i as isize * s;
        }
        off as usize
    }

    /// Resolves a multi-index that may hold negative (from-the-end) entries, checking bounds.
    ///
    /// ```
    /// use numox::layout::Layout;
    /// let l = Layout::contiguous(&[2, 3]);
    /// assert_eq!(l.checked_offset(&[-1, -1]).unwrap(), 5);
    /// assert_eq!(
    ///     l.checked_offset(&[0, 3]).unwrap_err().to_string(),
    ///     "index 3 is out of bounds for axis 1 with size 3"
    /// );
    /// ```
    pub fn checked_offset(&self, index: &[isize]) -> Result<usize> {
        if index.len() != self.ndim() {
            return Err(Error::IndexOther(format!(
                "expected {} indices for an array of dimension {}, got {}",
                self.ndim(),
                self.ndim(),
                index.len()
            )));
        }
        let mut off = self.offset as isize;
        for (axis, ((&i, &n), &s)) in index
            .iter()
            .zip(self.shape.iter())
            .zip(self.strides.iter())
            .enumerate()
        {
            let j = if i < 0 { i + n as isize } else { i };
            if j < 0 || j >= n as isize {
                return Err(Error::Index {
                    index: i as i64,
                    axis,
                    size: n,
                });
            }
            off += j * s;
        }
        Ok(off as usize)
    }

    /// The layout with its axes reversed (NumPy's `.T`).
    ///
    /// ```
    /// let t = numox::layout::Layout::contiguous(&[2, 3, 4]).transposed();
    /// assert_eq!(t.shape(), &[4, 3, 2]);
    /// assert_eq!(t.strides(), &[1, 4, 12]);
    /// ```
    pub fn transposed(&self) -> Layout {
        let mut l = self.clone();
        l.shape.reverse();
        l.strides.reverse();
        l
    }

    /// The layout with its axes reordered: new axis `k` is old axis `axes[k]`. Negative entries
    /// count from the end.
    ///
    /// ```
    /// let l = numox::layout::Layout::contiguous(&[2, 3, 4]).permuted(&[1, -1, 0]).unwrap();
    /// assert_eq!(l.shape(), &[3, 4, 2]);
    /// ```
    pub fn permuted(&self, axes: &[isize]) -> Result<Layout> {
        let nd = self.ndim();
        if axes.len() != nd {
            return Err(Error::Value("axes don't match array".into()));
        }
        let mut seen: Dims = smallvec::smallvec![0; nd];
        let mut l = Layout {
            shape: Dims::new(),
            strides: Strides::new(),
            offset: self.offset,
        };
        for &a in axes {
            let ax = normalize_axis(a, nd)?;
            if seen[ax] != 0 {
                return Err(Error::Value("repeated axis in transpose".into()));
            }
            seen[ax] = 1;
            l.shape.push(self.shape[ax]);
            l.strides.push(self.strides[ax]);
        }
        Ok(l)
    }

    /// The sub-layout selected by `start:stop:step` along one axis, with Python's slice rules
    /// (negative bounds count from the end, bounds are clipped, a negative step walks backwards).
    ///
    /// ```
    /// use numox::layout::Layout;
    /// let l = Layout::contiguous(&[10]);
    /// let r = l.sliced(0, None, None, -3).unwrap(); // a[::-3]
    /// assert_eq!((r.shape(), r.strides(), r.offset()), (&[4usize][..], &[-3isize][..], 9));
    /// assert!(l.sliced(0, None, None, 0).is_err());
    /// ```
    pub fn sliced(
        &self,
        axis: usize,
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    ) -> Result<Layout> {
        if axis >= self.ndim() {
            return Err(Error::Axis {
                axis: axis as i64,
                ndim: self.ndim(),
            });
        }
        let (first, len) = shape::slice_indices(self.shape[axis], start, stop, step)?;
        let mut l = self.clone();
        if len > 0 {
            l.offset = (self.offset as isize + first as isize * self.strides[axis]) as usize;
        }
        l.shape[axis] = len;
        l.strides[axis] = self.strides[axis] * step;
        Ok(l)
    }

    /// The layout of `a[..., i, ...]` at one axis: that axis is removed.
    ///
    /// ```
    /// let l = numox::layout::Layout::contiguous(&[2, 3]).indexed(1, -1).unwrap();
    /// assert_eq!((l.shape(), l.offset()), (&[2usize][..], 2));
    /// ```
    #[inline]
    pub fn indexed(&self, axis: usize, index: isize) -> Result<Layout> {
        if axis >= self.ndim() {
            return Err(Error::Axis {
                axis: axis as i64,
                ndim: self.ndim(),
            });
        }
        let n = self.shape[axis];
        let j = if index < 0 { index + n as isize } else { index };
        if j < 0 || j >= n as isize {
            return Err(Error::Index {
                index: index as i64,
                axis,
                size: n,
            });
        }
        let offset = (self.offset as isize + j * self.strides[axis]) as usize;
        if self.ndim() == 1 {
            // One element (`a[i]` of a vector): built whole, without copying and patching a
            // clone, whose narrow length writes then stall the wide moves that follow.
            return Ok(Layout::scalar_at(offset));
        }
        Ok(self.without_axis(axis, offset))
    }

    /// This layout without `axis`, at `offset` (the general case of [`Layout::indexed`]).
    #[inline(never)]
    fn without_axis(&self, axis: usize, offset: usize) -> Layout {
        let mut l = self.clone();
        l.offset = offset;
        remove_at(&mut l.shape, axis);
        remove_at(&mut l.strides, axis);
        l
    }

    /// A new axis of length 1 at position `axis` (`np.expand_dims`).
    ///
    /// ```
    /// let l = numox::layout::Layout::contiguous(&[3]).with_new_axis(0).unwrap();
    /// assert_eq!(l.shape(), &[1, 3]);
    /// ```
    pub fn with_new_axis(&self, axis: usize) -> Result<Layout> {
        if axis > self.ndim() {
            return Err(Error::Axis {
                axis: axis as i64,
                ndim: self.ndim() + 1,
            });
        }
        let mut l = self.clone();
        l.shape.insert(axis, 1);
        l.strides.insert(axis, 0);
        Ok(l)
    }

    /// The layout broadcast to `shape` (NumPy's `broadcast_to`): new leading axes and stretched
    /// length-1 axes get stride 0.
    ///
    /// ```
    /// use numox::layout::Layout;
    /// let b = Layout::contiguous(&[3]).broadcast_to(&[2, 3]).unwrap();
    /// assert_eq!(b.strides(), &[0, 1]);
    /// assert!(Layout::contiguous(&[3]).broadcast_to(&[4]).is_err());
    /// ```
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<Layout> {
        let nd = shape.len();
        let err = || {
            Error::Value(format!(
            "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
            fmt_shape(&self.shape),
            fmt_shape(shape)
        ))
        };
        if nd < self.ndim() {
            return Err(err());
        }
        let lead = nd - self.ndim();
        let mut strides: Strides = smallvec::smallvec![0; nd];
        for k in 0..self.ndim() {
            let (have, want) = (self.shape[k], shape[lead + k]);
            strides[lead + k] = if have == want {
                self.strides[k]
            } else if have == 1 {
                0
            } else {
                return Err(err());
            };
        }
        Ok(Layout {
            shape: Dims::from_slice(shape),
            strides,
            offset: self.offset,
        })
    }

    /// Reshapes without copying when the strides allow it (NumPy's `_attempt_nocopy_reshape`),
    /// reading elements in C order. Returns `None` when a copy is needed.
    ///
    /// ```
    /// use numox::layout::Layout;
    /// let l = Layout::contiguous(&[2, 6]);
    /// assert_eq!(l.reshaped(&[3, 4]).unwrap().strides(), &[4, 1]);
    /// assert!(l.transposed().reshaped(&[12]).is_none());
    /// ```
    pub fn reshaped(&self, shape: &[usize]) -> Option<Layout> {
        shape::nocopy_reshape(self, shape)
    }
}

/// Contiguity test over axes given innermost first.
fn contiguous_by<'a>(axes: impl Iterator<Item = (&'a usize, &'a isize)>, size: usize) -> bool {
    if size == 0 {
        return true;
    }
    let mut expected = 1isize;
    for (&n, &s) in axes {
        if n == 1 {
            continue;
        }
        if s != expected {
            return false;
        }
        expected *= n as isize;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguity_ignores_unit_axes_and_empty() {
        assert!(Layout::from_parts(&[3, 1], &[1, 7], 0).is_c_contiguous());
        assert!(Layout::from_parts(&[3, 1], &[1, 7], 0).is_f_contiguous());
        assert!(Layout::from_parts(&[0, 5], &[1, 100], 0).is_c_contiguous());
        assert!(!Layout::from_parts(&[2, 3], &[3, 2], 0).is_c_contiguous());
        assert!(Layout::contiguous(&[]).is_c_contiguous());
    }

    #[test]
    fn reverse_slice_then_span() {
        let l = Layout::contiguous(&[4, 5]);
        let r = l
            .sliced(1, None, None, -1)
            .unwrap()
            .sliced(0, Some(1), Some(3), 1)
            .unwrap();
        assert_eq!(r.shape(), &[2, 5]);
        assert_eq!(r.offset(), 9);
        assert_eq!(r.span(), Some((5, 15)));
    }

    #[test]
    fn empty_slice_keeps_offset_in_range() {
        let l = Layout::contiguous(&[4]);
        let r = l.sliced(0, Some(10), None, 1).unwrap();
        assert_eq!(r.shape(), &[0]);
        assert_eq!(r.offset(), 0);
    }

    #[test]
    fn permute_rejects_repeats_and_bad_axes() {
        let l = Layout::contiguous(&[2, 3]);
        assert!(l.permuted(&[0, 0]).is_err());
        assert!(l.permuted(&[0, 2]).is_err());
        assert!(l.permuted(&[0]).is_err());
    }
}
