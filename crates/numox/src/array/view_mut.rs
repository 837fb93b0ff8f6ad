//! [`ArrayViewMut`]: a borrowed window through which writes reach the original array's elements.

use super::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::layout::{normalize_axis, Layout};
use std::marker::PhantomData;

/// A mutable view into an [`Array`], borrowed from it: what NumPy users write as `a[1:, ::2] = x`
/// becomes `a.view_mut()?.slice_axis(..)?.fill(x)`. The borrow checker keeps the source array
/// untouched while the view lives, so the writes are race-free.
///
/// ```
/// let mut a = numox::Array::zeros(&[3, 3], numox::DType::Float64).unwrap();
/// {
///     let mut v = a.view_mut().unwrap();
///     let mut row = v.index_axis(0, 1).unwrap();
///     row.set_as::<f64>(&[2], 5.0).unwrap();
/// }
/// assert_eq!(a.get_as::<f64>(&[1, 2]).unwrap(), 5.0);
/// ```
pub struct ArrayViewMut<'a> {
    ptr: *mut u8,
    dtype: DType,
    layout: Layout,
    _borrow: PhantomData<&'a mut Array>,
}

impl<'a> ArrayViewMut<'a> {
    /// # Safety
    /// `ptr` is the base of a buffer that `layout` stays inside, held uniquely for `'a`.
    pub(crate) unsafe fn new(ptr: *mut u8, dtype: DType, layout: Layout) -> ArrayViewMut<'a> {
        ArrayViewMut {
            ptr,
            dtype,
            layout,
            _borrow: PhantomData,
        }
    }

    /// The buffer base, layout and dtype, for writers in other modules.
    pub(crate) fn raw_parts(&mut self) -> (*mut u8, &Layout, DType) {
        (self.ptr, &self.layout, self.dtype)
    }

    /// Dimension lengths.
    ///
    /// ```
    /// let mut a = numox::array![[1, 2, 3]];
    /// assert_eq!(a.view_mut().unwrap().shape(), &[1, 3]);
    /// ```
    pub fn shape(&self) -> &[usize] {
        self.layout.shape()
    }

    /// The element type.
    ///
    /// ```
    /// let mut a = numox::array![1u8];
    /// assert_eq!(a.view_mut().unwrap().dtype(), numox::DType::UInt8);
    /// ```
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The view's layout.
    ///
    /// ```
    /// let mut a = numox::array![1u8, 2];
    /// assert_eq!(a.view_mut().unwrap().layout().size(), 2);
    /// ```
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// A narrower mutable view `v[start:stop:step]` along an axis; it reborrows this one.
    ///
    /// ```
    /// let mut a = numox::array![1, 2, 3, 4];
    /// a.view_mut().unwrap().slice_axis(0, None, None, 2).unwrap().fill(0i64).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![0, 2, 0, 4]);
    /// ```
    pub fn slice_axis(
        &mut self,
        axis: isize,
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    ) -> Result<ArrayViewMut<'_>> {
        let ax = normalize_axis(axis, self.layout.ndim())?;
        let l = self.layout.sliced(ax, start, stop, step)?;
        // SAFETY: the sub-layout addresses a subset of this view's elements; the reborrow of
        // `self` keeps this view unused meanwhile.
        Ok(unsafe { ArrayViewMut::new(self.ptr, self.dtype, l) })
    }

    /// The mutable view `v[..., i, ...]` at one axis.
    ///
    /// ```
    /// let mut a = numox::array![[1, 2], [3, 4]];
    /// a.view_mut().unwrap().index_axis(0, -1).unwrap().fill(9i64).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 2, 9, 9]);
    /// ```
    pub fn index_axis(&mut self, axis: isize, index: isize) -> Result<ArrayViewMut<'_>> {
        let ax = normalize_axis(axis, self.layout.ndim())?;
        let l = self.layout.indexed(ax, index)?;
        // SAFETY: as in `slice_axis`.
        Ok(unsafe { ArrayViewMut::new(self.ptr, self.dtype, l) })
    }

    /// Reads one element as `T`.
    ///
    /// ```
    /// let mut a = numox::array![5i64, 6];
    /// assert_eq!(a.view_mut().unwrap().get_as::<i64>(&[1]).unwrap(), 6);
    /// ```
    pub fn get_as<T: Element>(&self, index: &[isize]) -> Result<T> {
        self.check::<T>()?;
        let off = self.layout.checked_offset(index)?;
        // SAFETY: in-range element of dtype T in the uniquely borrowed buffer.
        Ok(unsafe { *(self.ptr as *const T).add(off) })
    }

    /// Writes one element of type `T` (the dtype).
    ///
    /// ```
    /// let mut a = numox::array![5i64, 6];
    /// a.view_mut().unwrap().set_as::<i64>(&[0], 1).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 6]);
    /// ```
    pub fn set_as<T: Element>(&mut self, index: &[isize], value: T) -> Result<()> {
        self.check::<T>()?;
        let off = self.layout.checked_offset(index)?;
        // SAFETY: as in `get_as`; the view borrows the buffer mutably.
        unsafe { *(self.ptr as *mut T).add(off) = value };
        Ok(())
    }

    /// Sets every element of the view.
    ///
    /// ```
    /// let mut a = numox::Array::zeros(&[2, 2], numox::DType::UInt8).unwrap();
    /// a.view_mut().unwrap().fill(3u8).unwrap();
    /// assert_eq!(a.to_vec::<u8>().unwrap(), vec![3; 4]);
    /// ```
    pub fn fill<T: Element>(&mut self, value: T) -> Result<()> {
        self.check::<T>()?;
        // SAFETY: the layout stays inside the uniquely borrowed buffer; dtype is T.
        unsafe { super::access::fill_runs(self.ptr, &self.layout, value) };
        Ok(())
    }

    /// Copies the viewed elements into a new owned array.
    ///
    /// ```
    /// let mut a = numox::array![[1, 2], [3, 4]];
    /// let mut v = a.view_mut().unwrap();
    /// let col = v.index_axis(1, 0).unwrap().to_owned();
    /// assert_eq!(col.to_vec::<i64>().unwrap(), vec![1, 3]);
    /// ```
    pub fn to_owned(&self) -> Array {
        let n = self.layout.size();
        let bytes = n * self.dtype.itemsize();
        let buf = match crate::buffer::Buffer::for_overwrite(bytes) {
            Ok(b) => b,
            Err(_) => std::alloc::handle_alloc_error(std::alloc::Layout::new::<u8>()),
        };
        crate::dispatch_dtype!(self.dtype, T => {
            // SAFETY: `buf` holds n elements of T; the layout stays inside the source buffer.
            unsafe { super::copy_runs::<T>(self.ptr, &self.layout, buf.as_mut_ptr() as *mut T) }
        });
        Array::from_buffer(buf, self.dtype, Layout::contiguous(self.layout.shape()))
    }

    fn check<T: Element>(&self) -> Result<()> {
        if T::DTYPE != self.dtype {
            return Err(Error::DTypeMismatch {
                actual: self.dtype,
                requested: T::DTYPE,
            });
        }
        Ok(())
    }
}
