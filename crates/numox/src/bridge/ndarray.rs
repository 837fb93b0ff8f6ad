//! The `ndarray` feature: numox [`Array`]s as `ndarray` arrays and back.
//!
//! | from | to | copies? |
//! |---|---|---|
//! | `&Array` | `ndarray::ArrayViewD<'_, T>` ([`Array::as_ndarray_view`]) | no: any strides, negative included |
//! | `&mut Array` / [`ArrayViewMut`] | `ndarray::ArrayViewMutD<'_, T>` ([`Array::as_ndarray_view_mut`], [`ArrayViewMut::into_ndarray_view_mut`]) | no (a shared buffer is first copied, as every numox write does) |
//! | `ndarray::ArrayD<T>` | `Array` ([`Array::from_ndarray`]) | no: numox keeps ndarray's allocation alive |
//! | `&Array` | `ndarray::ArrayD<T>` ([`Array::to_ndarray`]) | yes, into C order |
//!
//! `T` must be the array's element type ([`Element`]); another type is an error. Fixed-dimension
//! arrays go through `ndarray`'s `into_dimensionality` / `into_dyn`:
//!
//! ```
//! use ndarray::{Array2, Ix2};
//! let a = numox::array![[1.0, 2.0], [3.0, 4.0]];
//! let v = a.as_ndarray_view::<f64>().unwrap().into_dimensionality::<Ix2>().unwrap();
//! assert_eq!(v[[1, 0]], 3.0);
//! let b = numox::Array::from_ndarray(Array2::<i32>::eye(2).into_dyn());
//! assert_eq!(b.to_vec::<i32>().unwrap(), vec![1, 0, 0, 1]);
//! ```

use crate::array::{Array, ArrayViewMut};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::layout::Layout;
use ::ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, Axis, IxDyn, ShapeBuilder};

/// Non-negative strides, the pointer moved to the lowest-addressed element, and the axes whose
/// strides were negative (to invert after building the view). Axes of length 0 or 1 take stride 0.
fn positive_parts<T>(
    ptr: *mut T,
    shape: &[usize],
    strides: &[isize],
) -> (*mut T, Vec<usize>, Vec<usize>) {
    let mut p = ptr;
    let mut ustrides = Vec::with_capacity(shape.len());
    let mut inverted = Vec::new();
    for (k, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        if n <= 1 {
            ustrides.push(0);
        } else if s < 0 {
            // SAFETY (for the caller): the element at index n - 1 along this axis is in the view.
            p = p.wrapping_offset(s * (n as isize - 1));
            ustrides.push(s.unsigned_abs());
            inverted.push(k);
        } else {
            ustrides.push(s as usize);
        }
    }
    (p, ustrides, inverted)
}

fn element_ptr<T>(base: *const u8, layout: &Layout) -> *mut T {
    (base as *mut T).wrapping_add(layout.offset())
}

impl Array {
    /// A zero-copy `ndarray` view of this array (any strides, negative ones included); `T` must
    /// be the dtype.
    ///
    /// ```
    /// let a = numox::array![[1i64, 2, 3], [4, 5, 6]];
    /// let r = a.slice_axis(1, None, None, -1).unwrap(); // a[:, ::-1]
    /// let v = r.as_ndarray_view::<i64>().unwrap();
    /// assert_eq!(v.shape(), &[2, 3]);
    /// assert_eq!(v.iter().copied().collect::<Vec<_>>(), vec![3, 2, 1, 6, 5, 4]);
    /// assert!(a.as_ndarray_view::<f64>().is_err());
    /// ```
    pub fn as_ndarray_view<T: Element>(&self) -> Result<ArrayViewD<'_, T>> {
        self.check_dtype::<T>()?;
        let shape = self.shape();
        if self.size() == 0 {
            return ArrayViewD::from_shape(IxDyn(shape), &[])
                .map_err(|e| Error::Shape(e.to_string()));
        }
        let ptr = element_ptr::<T>(self.base_ptr(), self.layout());
        let (p, strides, inverted) = positive_parts(ptr, shape, self.layout().strides());
        // SAFETY: every element the view addresses is an element of this array, inside its
        // buffer, aligned for T and initialised; the buffer lives and is not written while `self`
        // is borrowed (numox writes need `&mut`).
        let mut v = unsafe {
            ArrayViewD::from_shape_ptr(IxDyn(shape).strides(IxDyn(&strides)), p as *const T)
        };
        for k in inverted {
            v.invert_axis(Axis(k));
        }
        Ok(v)
    }

    /// A zero-copy mutable `ndarray` view: writes through it reach this array. A buffer shared
    /// with another handle is first copied (copy-on-write), and a read-only array is an error.
    ///
    /// ```
    /// let mut a = numox::array![[1.0f32, 2.0], [3.0, 4.0]];
    /// let mut v = a.as_ndarray_view_mut::<f32>().unwrap();
    /// v.index_axis_mut(ndarray::Axis(1), 1).fill(0.0);
    /// assert_eq!(a.to_vec::<f32>().unwrap(), vec![1.0, 0.0, 3.0, 0.0]);
    /// ```
    pub fn as_ndarray_view_mut<T: Element>(&mut self) -> Result<ArrayViewMutD<'_, T>> {
        self.check_dtype::<T>()?;
        self.view_mut()?.into_ndarray_view_mut::<T>()
    }

    /// Takes an `ndarray` array without copying: its allocation becomes this array's buffer
    /// (kept alive until the last numox view of it drops). Strides, negative ones included, and
    /// offsets are kept as they are.
    ///
    /// ```
    /// use ndarray::{s, Array2};
    /// let nd = Array2::from_shape_vec((2, 3), vec![1u8, 2, 3, 4, 5, 6]).unwrap();
    /// let a = numox::Array::from_ndarray(nd.slice_move(s![.., ..;-2]).into_dyn());
    /// assert_eq!(a.shape(), &[2, 2]);
    /// assert_eq!(a.strides(), vec![3, -2]);
    /// assert_eq!(a.to_vec::<u8>().unwrap(), vec![3, 1, 6, 4]);
    /// ```
    pub fn from_ndarray<T: Element>(a: ArrayD<T>) -> Array {
        let shape = a.shape().to_vec();
        let strides = a.strides().to_vec();
        let (v, offset) = a.into_raw_vec_and_offset();
        let layout = match offset {
            Some(off) if shape.iter().all(|&n| n > 0) => Layout::from_parts(&shape, &strides, off),
            // An empty array addresses nothing: a plain layout over the (kept) allocation.
            _ => Layout::contiguous(&shape),
        };
        Array::from_buffer(crate::array::vec_buffer(v), T::DTYPE, layout)
    }

    /// A copy as an owned `ndarray` array in C order; `T` must be the dtype.
    ///
    /// ```
    /// let a = numox::array![[1u16, 2], [3, 4]];
    /// let nd = a.t().to_ndarray::<u16>().unwrap();
    /// assert_eq!(nd, ndarray::arr2(&[[1u16, 3], [2, 4]]).into_dyn());
    /// assert!(nd.is_standard_layout());
    /// ```
    pub fn to_ndarray<T: Element>(&self) -> Result<ArrayD<T>> {
        let v = self.to_vec::<T>()?;
        ArrayD::from_shape_vec(IxDyn(self.shape()), v).map_err(|e| Error::Shape(e.to_string()))
    }
}

impl<'a> ArrayViewMut<'a> {
    /// This mutable view as a mutable `ndarray` view over the same elements (no copy); `T` must
    /// be the dtype.
    ///
    /// ```
    /// let mut a = numox::Array::from_vec(vec![1i32, 2, 3, 4]);
    /// {
    ///     let mut v = a.view_mut().unwrap();
    ///     let odd = v.slice_axis(0, Some(1), None, 2).unwrap();
    ///     let mut nd = odd.into_ndarray_view_mut::<i32>().unwrap();
    ///     nd.map_inplace(|x| *x *= 10);
    /// }
    /// assert_eq!(a.to_vec::<i32>().unwrap(), vec![1, 20, 3, 40]);
    /// ```
    pub fn into_ndarray_view_mut<T: Element>(mut self) -> Result<ArrayViewMutD<'a, T>> {
        let (base, layout, dtype) = self.raw_parts();
        if dtype != T::DTYPE {
            return Err(Error::DTypeMismatch {
                actual: dtype,
                requested: T::DTYPE,
            });
        }
        let layout = layout.clone();
        let shape = layout.shape();
        if layout.size() == 0 {
            return ArrayViewMutD::from_shape(IxDyn(shape), &mut [])
                .map_err(|e| Error::Shape(e.to_string()));
        }
        if shape
            .iter()
            .zip(layout.strides())
            .any(|(&n, &s)| n > 1 && s == 0)
        {
            return Err(Error::Value(
                "cannot view an array whose elements overlap (a zero stride) as a mutable ndarray view"
                    .into(),
            ));
        }
        let ptr = element_ptr::<T>(base, &layout);
        let (p, strides, inverted) = positive_parts(ptr, shape, layout.strides());
        // SAFETY: `self` holds its elements uniquely for 'a and is consumed here, so the ndarray
        // view is the only access for 'a; every addressed element is in the buffer, aligned and
        // initialised, and no two indices share an element (no zero strides, and numox views
        // never overlap otherwise).
        let mut v =
            unsafe { ArrayViewMutD::from_shape_ptr(IxDyn(shape).strides(IxDyn(&strides)), p) };
        for k in inverted {
            v.invert_axis(Axis(k));
        }
        Ok(v)
    }
}
