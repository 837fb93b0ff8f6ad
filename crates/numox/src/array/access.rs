//! Typed and dynamic element access: slices, single elements, `item`, `to_vec`, `fill`.

use super::{copy_runs, Array, ArrayViewMut};
use crate::dtype::{Element, Scalar};
use crate::error::{Error, Result};
use crate::layout::for_each_run;

impl Array {
    /// The elements as a typed slice, without copying. Errors when `T` is not the dtype or the
    /// view is not C-contiguous (copy it first with [`Array::copy`]).
    ///
    /// ```
    /// let a = numox::array![[1.0, 2.0], [3.0, 4.0]];
    /// assert_eq!(a.as_slice::<f64>().unwrap(), &[1.0, 2.0, 3.0, 4.0]);
    /// assert!(a.as_slice::<f32>().is_err());
    /// assert!(a.t().as_slice::<f64>().is_err());
    /// ```
    pub fn as_slice<T: Element>(&self) -> Result<&[T]> {
        self.check_dtype::<T>()?;
        if !self.is_c_contiguous() {
            return Err(Error::Value(
                "the array is not C-contiguous; copy it to get a slice".into(),
            ));
        }
        let n = self.size();
        if n == 0 {
            return Ok(&[]);
        }
        // SAFETY: the dtype is T, the view is C-contiguous so its n elements sit at
        // offset..offset+n inside the buffer (checked at construction), and the buffer is aligned
        // for T. No writer exists while `&self` is borrowed (see `Buffer`).
        unsafe {
            let p = (self.base_ptr() as *const T).add(self.layout.offset());
            Ok(std::slice::from_raw_parts(p, n))
        }
    }

    /// The elements as a mutable typed slice. The handle first takes its own buffer if it shares
    /// one; errors as [`Array::as_slice`] does, or when the array is read-only.
    ///
    /// ```
    /// let mut a = numox::Array::from_vec(vec![1i32, 2, 3]);
    /// a.as_slice_mut::<i32>().unwrap()[0] = 10;
    /// assert_eq!(a.to_vec::<i32>().unwrap(), vec![10, 2, 3]);
    /// ```
    pub fn as_slice_mut<T: Element>(&mut self) -> Result<&mut [T]> {
        self.check_dtype::<T>()?;
        if !self.is_c_contiguous() {
            return Err(Error::Value(
                "the array is not C-contiguous; copy it to get a slice".into(),
            ));
        }
        self.make_unique()?;
        let n = self.size();
        if n == 0 {
            return Ok(&mut []);
        }
        // SAFETY: as in `as_slice`, and this handle holds the buffer uniquely (`make_unique`),
        // borrowed mutably for the slice's lifetime.
        unsafe {
            let p = (self.base_ptr_mut() as *mut T).add(self.layout.offset());
            Ok(std::slice::from_raw_parts_mut(p, n))
        }
    }

    /// One element as `T`; negative indices count from the end.
    ///
    /// ```
    /// let a = numox::array![[1u16, 2], [3, 4]];
    /// assert_eq!(a.get_as::<u16>(&[-1, 0]).unwrap(), 3);
    /// assert!(a.get_as::<u16>(&[2, 0]).is_err());
    /// ```
    pub fn get_as<T: Element>(&self, index: &[isize]) -> Result<T> {
        self.check_dtype::<T>()?;
        let off = self.layout.checked_offset(index)?;
        // SAFETY: `off` addresses an element of the view, inside the buffer; dtype is T.
        Ok(unsafe { *(self.base_ptr() as *const T).add(off) })
    }

    /// One element as a dynamic [`Scalar`].
    ///
    /// ```
    /// use numox::Scalar;
    /// let a = numox::array![[1.5f32, 2.0]];
    /// assert_eq!(a.get(&[0, 1]).unwrap(), Scalar::Float32(2.0));
    /// ```
    pub fn get(&self, index: &[isize]) -> Result<Scalar> {
        crate::dispatch_dtype!(self.dtype(), T => self.get_as::<T>(index).map(Element::into_scalar))
    }

    /// Writes one element of type `T` (the array's dtype). Copy-on-write applies when the buffer
    /// is shared.
    ///
    /// ```
    /// let mut a = numox::Array::zeros(&[2, 2], numox::DType::Int64).unwrap();
    /// a.set_as::<i64>(&[1, -1], 7).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![0, 0, 0, 7]);
    /// ```
    pub fn set_as<T: Element>(&mut self, index: &[isize], value: T) -> Result<()> {
        self.check_dtype::<T>()?;
        self.layout.checked_offset(index)?;
        // Copy-on-write may move the elements to a new layout: take the offset afterwards.
        self.make_unique()?;
        let off = self.layout.checked_offset(index)?;
        // SAFETY: unique buffer, in-range element of dtype T.
        unsafe { *(self.base_ptr_mut() as *mut T).add(off) = value };
        Ok(())
    }

    /// The only element of a size-1 array (`a.item()`).
    ///
    /// ```
    /// use numox::Scalar;
    /// assert_eq!(numox::Array::scalar(3i32).item().unwrap(), Scalar::Int32(3));
    /// assert_eq!(
    ///     numox::array![1, 2].item().unwrap_err().to_string(),
    ///     "can only convert an array of size 1 to a Python scalar"
    /// );
    /// ```
    pub fn item(&self) -> Result<Scalar> {
        if self.size() != 1 {
            return Err(Error::Value(
                "can only convert an array of size 1 to a Python scalar".into(),
            ));
        }
        let off = self.layout.offset_of(&vec![0; self.ndim()]);
        crate::dispatch_dtype!(self.dtype(), T => {
            // SAFETY: the one element of the view is at `off`, inside the buffer.
            Ok(unsafe { *(self.base_ptr() as *const T).add(off) }.into_scalar())
        })
    }

    /// The only element of a size-1 array as `T`.
    ///
    /// ```
    /// assert_eq!(numox::array![[2.5]].item_as::<f64>().unwrap(), 2.5);
    /// ```
    pub fn item_as<T: Element>(&self) -> Result<T> {
        self.check_dtype::<T>()?;
        if self.size() != 1 {
            return Err(Error::Value(
                "can only convert an array of size 1 to a Python scalar".into(),
            ));
        }
        let off = self.layout.offset_of(&vec![0; self.ndim()]);
        // SAFETY: as in `item`.
        Ok(unsafe { *(self.base_ptr() as *const T).add(off) })
    }

    /// The elements in C order as a `Vec<T>` (`a.ravel().tolist()`); `T` must be the dtype.
    ///
    /// ```
    /// let a = numox::array![[1i64, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.t().to_vec::<i64>().unwrap(), vec![1, 4, 2, 5, 3, 6]);
    /// ```
    pub fn to_vec<T: Element>(&self) -> Result<Vec<T>> {
        self.check_dtype::<T>()?;
        let n = self.size();
        let mut v: Vec<T> = Vec::with_capacity(n);
        // SAFETY: `v` has room for n elements, all written by `copy_runs` before `set_len`; the
        // layout stays inside the buffer and the dtype is T.
        unsafe {
            copy_runs::<T>(self.base_ptr(), &self.layout, v.as_mut_ptr());
            v.set_len(n);
        }
        Ok(v)
    }

    /// Sets every element to `value` (`a.fill(value)`), `T` being the dtype.
    ///
    /// ```
    /// let mut a = numox::Array::zeros(&[3], numox::DType::Float32).unwrap();
    /// a.fill(1.5f32).unwrap();
    /// assert_eq!(a.to_vec::<f32>().unwrap(), vec![1.5; 3]);
    /// ```
    pub fn fill<T: Element>(&mut self, value: T) -> Result<()> {
        self.check_dtype::<T>()?;
        self.make_unique()?;
        // SAFETY: unique buffer of dtype T; the layout stays inside it.
        unsafe { fill_runs(self.base_ptr_mut(), self.layout(), value) };
        Ok(())
    }

    /// A mutable view of the whole array: writes through it change this array's elements. The
    /// handle first takes its own buffer if it shares one.
    ///
    /// ```
    /// let mut a = numox::array![[1, 2], [3, 4]];
    /// a.view_mut().unwrap().index_axis(1, 0).unwrap().fill(0i64).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![0, 2, 0, 4]);
    /// ```
    pub fn view_mut(&mut self) -> Result<ArrayViewMut<'_>> {
        self.make_unique()?;
        let layout = self.layout.clone();
        let dtype = self.dtype();
        let ptr = self.base_ptr_mut();
        // SAFETY: the buffer is held uniquely by `self`, which stays mutably borrowed for the
        // view's lifetime; `layout` is this array's, so it stays inside the buffer.
        Ok(unsafe { ArrayViewMut::new(ptr, dtype, layout) })
    }
}

/// Writes `value` to every element of `layout` over the buffer at `base`.
///
/// # Safety
/// `base` must be writable for every element the layout addresses, with dtype `T`, and no other
/// reference may access those bytes meanwhile.
pub(crate) unsafe fn fill_runs<T: Element>(
    base: *mut u8,
    layout: &crate::layout::Layout,
    value: T,
) {
    let p = base as *mut T;
    for_each_run(layout, |r| {
        // SAFETY: guaranteed by the caller for every run.
        unsafe {
            if r.stride == 1 {
                std::slice::from_raw_parts_mut(p.add(r.offset), r.len).fill(value);
            } else {
                let mut q = p.add(r.offset);
                for _ in 0..r.len {
                    *q = value;
                    q = q.offset(r.stride);
                }
            }
        }
    });
}
