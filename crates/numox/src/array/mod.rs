//! The [`Array`] type: a shared buffer, a runtime dtype and a [`Layout`].
//!
//! Cloning an `Array` or taking a view (`t()`, `slice`, `broadcast_to`) shares the buffer without
//! copying. Writing needs `&mut Array`: when the buffer is shared with another handle, the write
//! first gives this handle its own copy (copy-on-write), so two handles never race. Writes that
//! must reach the original elements, as NumPy's `a[1:, 0] = 5` does, go through a borrowed
//! [`ArrayViewMut`] obtained from `view_mut`/`slice_mut`.

mod access;
mod construct;
mod convert;
mod view_mut;

pub(crate) use access::fill_runs;
#[cfg(feature = "ndarray")]
pub(crate) use construct::vec_buffer;
pub use convert::{Leaf, Nested};
pub use view_mut::ArrayViewMut;

use crate::buffer::Buffer;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::layout::{Layout, Order};
use crate::shared::Shared;

/// An n-dimensional array with a runtime dtype, as NumPy's `ndarray`.
///
/// ```
/// use numox::{array, DType};
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// assert_eq!(a.shape(), &[2, 3]);
/// assert_eq!(a.dtype(), DType::Float64);
/// assert_eq!(a.strides(), vec![24, 8]);
/// let t = a.t();
/// assert_eq!(t.get_as::<f64>(&[2, 0]).unwrap(), 3.0);
/// ```
#[derive(Clone)]
pub struct Array {
    buf: Shared<Buffer>,
    layout: Layout,
    meta: Meta,
}

/// The dtype and the two flags of an [`Array`], packed in one word: built and copied whole, so a
/// fresh array moved out of a `Result` at once does not read back narrow stores still in flight
/// (a store-forwarding stall that showed as a fifth of a small `add`).
#[derive(Clone, Copy)]
struct Meta(u32);

const OWNS: u32 = 1 << 8;
const WRITEABLE: u32 = 1 << 9;

impl Meta {
    #[inline(always)]
    fn new(dtype: DType, owns: bool, writeable: bool) -> Meta {
        let flags = if owns { OWNS } else { 0 } | if writeable { WRITEABLE } else { 0 };
        Meta(dtype as u8 as u32 | flags)
    }

    #[inline(always)]
    fn dtype(self) -> DType {
        // SAFETY: the low byte is a `DType` discriminant: `Meta::new` is the only constructor.
        unsafe { std::mem::transmute::<u8, DType>(self.0 as u8) }
    }

    /// False for arrays that view another array's data (NumPy's `OWNDATA` flag).
    #[inline(always)]
    fn owns(self) -> bool {
        self.0 & OWNS != 0
    }

    /// False for read-only views such as `broadcast_to` results.
    #[inline(always)]
    fn writeable(self) -> bool {
        self.0 & WRITEABLE != 0
    }
}

/// The flags NumPy reports in `a.flags`.
///
/// ```
/// let a = numox::Array::from_vec(vec![1i32, 2, 3]);
/// let f = a.flags();
/// assert!(f.c_contiguous && f.f_contiguous && f.owndata && f.writeable);
/// assert!(!a.t().flags().owndata);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    /// C-contiguous by NumPy's rule.
    pub c_contiguous: bool,
    /// F-contiguous by NumPy's rule.
    pub f_contiguous: bool,
    /// The array owns its memory (it is not a view of another array).
    pub owndata: bool,
    /// The elements may be written.
    pub writeable: bool,
}

impl Array {
    /// A new array over a fresh buffer; the layout is known to fit.
    #[inline]
    pub(crate) fn from_buffer(buf: Buffer, dtype: DType, layout: Layout) -> Array {
        Array::from_shared(Shared::new(buf), dtype, layout)
    }

    /// An array over a buffer already behind its `Shared` handle (held by no one else).
    #[inline]
    pub(crate) fn from_shared(buf: Shared<Buffer>, dtype: DType, layout: Layout) -> Array {
        debug_assert!(layout
            .span()
            .is_none_or(|(_, hi)| hi * dtype.itemsize() <= buf.len()));
        let writeable = buf.writeable();
        Array {
            buf,
            layout,
            meta: Meta::new(dtype, true, writeable),
        }
    }

    /// A view of the same buffer with another layout (which the caller derived from this one).
    #[inline]
    pub(crate) fn with_layout(&self, layout: Layout) -> Array {
        Array {
            buf: Shared::clone(&self.buf),
            layout,
            meta: Meta::new(self.dtype(), false, self.meta.writeable()),
        }
    }

    /// The same array (same flags) with another layout over its buffer; the caller derives the
    /// layout so that it addresses exactly the elements this array holds (a fresh copy's
    /// contiguous buffer under a new shape of the same size).
    pub(crate) fn with_owned_layout(self, layout: Layout) -> Array {
        debug_assert_eq!(layout.size(), self.size());
        Array { layout, ..self }
    }

    /// A view of the same buffer read as `dtype` through `layout`, counted in `dtype`'s elements
    /// (the real or imaginary parts of a complex array). The caller derives `layout` from this
    /// array's so that it addresses only bytes of this array's elements.
    pub(crate) fn with_dtype_layout(&self, dtype: DType, layout: Layout) -> Array {
        debug_assert!(layout
            .span()
            .is_none_or(|(_, hi)| hi * dtype.itemsize() <= self.buf.len()));
        Array {
            buf: Shared::clone(&self.buf),
            layout,
            meta: Meta::new(dtype, false, self.meta.writeable()),
        }
    }

    // ---------------------------------------------------------------- attributes

    /// Dimension lengths (`a.shape`).
    ///
    /// ```
    /// assert_eq!(numox::Array::from_vec(vec![1u8, 2]).shape(), &[2]);
    /// ```
    #[inline]
    pub fn shape(&self) -> &[usize] {
        self.layout.shape()
    }

    /// Number of dimensions (`a.ndim`).
    ///
    /// ```
    /// assert_eq!(numox::Array::scalar(1.5f64).ndim(), 0);
    /// ```
    #[inline]
    pub fn ndim(&self) -> usize {
        self.layout.ndim()
    }

    /// Number of elements (`a.size`).
    ///
    /// ```
    /// assert_eq!(numox::array![[1, 2], [3, 4]].size(), 4);
    /// ```
    #[inline]
    pub fn size(&self) -> usize {
        self.layout.size()
    }

    /// The element type (`a.dtype`).
    ///
    /// ```
    /// assert_eq!(numox::array![1i8, 2].dtype(), numox::DType::Int8);
    /// ```
    #[inline]
    pub fn dtype(&self) -> DType {
        self.meta.dtype()
    }

    /// Bytes per element (`a.itemsize`).
    ///
    /// ```
    /// assert_eq!(numox::array![1.0f32].itemsize(), 4);
    /// ```
    pub fn itemsize(&self) -> usize {
        self.dtype().itemsize()
    }

    /// Bytes of all elements (`a.nbytes`), not counting any bytes a view skips.
    ///
    /// ```
    /// assert_eq!(numox::array![[1.0, 2.0], [3.0, 4.0]].nbytes(), 32);
    /// ```
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }

    /// Strides in bytes, as NumPy reports them (`a.strides`).
    ///
    /// ```
    /// let a = numox::array![[1.0f32, 2.0, 3.0], [4.0, 5.0, 6.0]];
    /// assert_eq!(a.strides(), vec![12, 4]);
    /// assert_eq!(a.t().strides(), vec![4, 12]);
    /// ```
    pub fn strides(&self) -> Vec<isize> {
        let item = self.itemsize() as isize;
        self.layout.strides().iter().map(|s| s * item).collect()
    }

    /// The layout (shape, element strides, offset) of this view.
    ///
    /// ```
    /// assert_eq!(numox::array![1u8, 2, 3].layout().strides(), &[1]);
    /// ```
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// NumPy's flags: contiguity, data ownership, writeability.
    ///
    /// ```
    /// let a = numox::Array::zeros(&[3, 2], numox::DType::Float64).unwrap();
    /// assert!(a.flags().c_contiguous && !a.flags().f_contiguous);
    /// ```
    pub fn flags(&self) -> Flags {
        Flags {
            c_contiguous: self.layout.is_c_contiguous(),
            f_contiguous: self.layout.is_f_contiguous(),
            owndata: self.meta.owns(),
            writeable: self.meta.writeable(),
        }
    }

    /// True when the elements sit in C order without gaps.
    ///
    /// ```
    /// assert!(numox::array![[1, 2], [3, 4]].is_c_contiguous());
    /// ```
    #[inline]
    pub fn is_c_contiguous(&self) -> bool {
        self.layout.is_c_contiguous()
    }

    /// True when the elements sit in F order without gaps.
    ///
    /// ```
    /// assert!(numox::array![[1, 2], [3, 4]].t().is_f_contiguous());
    /// ```
    pub fn is_f_contiguous(&self) -> bool {
        self.layout.is_f_contiguous()
    }

    /// True when the handle may write its elements.
    ///
    /// ```
    /// assert!(numox::array![1, 2].is_writeable());
    /// ```
    pub fn is_writeable(&self) -> bool {
        self.meta.writeable()
    }

    /// True when the two arrays view the same buffer (NumPy's `np.shares_memory` on the whole
    /// buffer, a conservative answer).
    ///
    /// ```
    /// let a = numox::array![1.0, 2.0];
    /// assert!(a.t().shares_buffer(&a));
    /// assert!(!a.copy().shares_buffer(&a));
    /// ```
    pub fn shares_buffer(&self, other: &Array) -> bool {
        Shared::ptr_eq(&self.buf, &other.buf)
    }

    // ---------------------------------------------------------------- views

    /// The transposed view (NumPy's `a.T`): axes reversed, no copy.
    ///
    /// ```
    /// let a = numox::Array::zeros(&[2, 3, 4], numox::DType::Int8).unwrap();
    /// assert_eq!(a.t().shape(), &[4, 3, 2]);
    /// ```
    pub fn t(&self) -> Array {
        self.with_layout(self.layout.transposed())
    }

    /// The view with axes permuted (`np.transpose(a, axes)`).
    ///
    /// ```
    /// let a = numox::Array::zeros(&[2, 3, 4], numox::DType::Int8).unwrap();
    /// assert_eq!(a.permute_axes(&[1, 2, 0]).unwrap().shape(), &[3, 4, 2]);
    /// assert!(a.permute_axes(&[0, 1]).is_err());
    /// ```
    pub fn permute_axes(&self, axes: &[isize]) -> Result<Array> {
        Ok(self.with_layout(self.layout.permuted(axes)?))
    }

    /// The view `a[start:stop:step]` along one axis, with Python's slice rules.
    ///
    /// ```
    /// let a = numox::array![0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
    /// let r = a.slice_axis(0, None, None, -2).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![5.0, 3.0, 1.0]);
    /// ```
    pub fn slice_axis(
        &self,
        axis: isize,
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    ) -> Result<Array> {
        let ax = crate::layout::normalize_axis(axis, self.ndim())?;
        Ok(self.with_layout(self.layout.sliced(ax, start, stop, step)?))
    }

    /// The view `a[..., i, ...]` at one axis, which removes that axis.
    ///
    /// ```
    /// let a = numox::array![[1, 2], [3, 4]];
    /// assert_eq!(a.index_axis(1, -1).unwrap().to_vec::<i64>().unwrap(), vec![2, 4]);
    /// ```
    #[inline]
    pub fn index_axis(&self, axis: isize, index: isize) -> Result<Array> {
        let ax = crate::layout::normalize_axis(axis, self.ndim())?;
        Ok(self.with_layout(self.layout.indexed(ax, index)?))
    }

    /// Element `index` of a vector as a 0-d view (`a[i]` of a 1-d array; a negative `index`
    /// counts from the end), or `None` when the array is not 1-d or `index` is out of range:
    /// the per-element special case of [`Array::index_axis`]`(0, index)`, built in one piece for
    /// bindings that index element by element.
    ///
    /// ```
    /// let a = numox::array![1.0, 2.0, 3.0];
    /// assert_eq!(a.element_view(-1).unwrap().item_as::<f64>().unwrap(), 3.0);
    /// assert!(a.element_view(3).is_none());
    /// ```
    #[inline]
    pub fn element_view(&self, index: isize) -> Option<Array> {
        if self.ndim() != 1 {
            return None;
        }
        let n = self.layout.shape()[0] as isize;
        let j = if index < 0 { index + n } else { index };
        if j < 0 || j >= n {
            return None;
        }
        let offset = self.layout.offset() as isize + j * self.layout.strides()[0];
        Some(self.with_layout(Layout::scalar_at(offset as usize)))
    }

    /// A read-only view broadcast to `shape` (`np.broadcast_to`).
    ///
    /// ```
    /// let a = numox::array![1.0, 2.0, 3.0];
    /// let b = a.broadcast_to(&[2, 3]).unwrap();
    /// assert_eq!(b.strides(), vec![0, 8]);
    /// assert!(!b.is_writeable());
    /// ```
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<Array> {
        let mut v = self.with_layout(self.layout.broadcast_to(shape)?);
        v.meta = Meta::new(v.dtype(), v.meta.owns(), false);
        Ok(v)
    }

    /// The array with a new shape: a view when the strides allow it, otherwise a C-order copy
    /// (`np.reshape`). One dimension may be `-1` and is inferred.
    ///
    /// ```
    /// let a = numox::array![0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
    /// let b = a.reshape(&[2, -1]).unwrap();
    /// assert_eq!(b.shape(), &[2, 3]);
    /// assert_eq!(
    ///     a.reshape(&[4, -1]).unwrap_err().to_string(),
    ///     "cannot reshape array of size 6 into shape (4,newaxis)"
    /// );
    /// ```
    pub fn reshape(&self, shape: &[isize]) -> Result<Array> {
        let dims = construct::resolve_reshape(self.size(), shape)?;
        match self.layout.reshaped(&dims) {
            Some(l) => Ok(self.with_layout(l)),
            None => {
                let c = self.copy();
                Ok(Array {
                    layout: Layout::contiguous(&dims),
                    ..c
                })
            }
        }
    }

    // ---------------------------------------------------------------- copies

    /// A C-ordered copy that owns its data (`a.copy()`).
    ///
    /// ```
    /// let a = numox::array![[1, 2], [3, 4]];
    /// let c = a.t().copy();
    /// assert!(c.is_c_contiguous());
    /// assert_eq!(c.to_vec::<i64>().unwrap(), vec![1, 3, 2, 4]);
    /// ```
    pub fn copy(&self) -> Array {
        self.copy_order(Order::C)
    }

    /// A copy in the given memory order (`a.copy(order=...)`).
    ///
    /// ```
    /// use numox::Order;
    /// let a = numox::array![[1, 2], [3, 4]];
    /// let f = a.copy_order(Order::F);
    /// assert!(f.is_f_contiguous());
    /// assert_eq!(f.get_as::<i64>(&[0, 1]).unwrap(), 2);
    /// ```
    pub fn copy_order(&self, order: Order) -> Array {
        let n = self.size();
        // The product fits: this array already holds n elements of this dtype.
        let bytes = n * self.itemsize();
        let buf = match Buffer::for_overwrite(bytes) {
            Ok(b) => b,
            // An allocation failure here is out of memory, which Rust's allocator also aborts on.
            Err(_) => std::alloc::handle_alloc_error(
                std::alloc::Layout::from_size_align(bytes.max(1), 64)
                    .unwrap_or(std::alloc::Layout::new::<u8>()),
            ),
        };
        let (src_layout, dst_layout) = match order {
            Order::C => (self.layout.clone(), Layout::contiguous(self.shape())),
            // Copying the transposed view in C order fills the buffer in F order.
            Order::F => (
                self.layout.transposed(),
                Layout::with_order(self.shape(), Order::F),
            ),
        };
        crate::dispatch_dtype!(self.dtype(), T => {
            // SAFETY: `buf` holds n elements of T, written once each in order; the source
            // layout stays inside `self.buf` (checked at construction).
            unsafe {
                copy_runs::<T>(self.buf.as_ptr(), &src_layout, buf.as_mut_ptr() as *mut T);
            }
        });
        Array::from_buffer(buf, self.dtype(), dst_layout)
    }

    /// Gives this handle a buffer of its own when it shares one, and checks writeability: the
    /// step before any write through `&mut self`.
    pub(crate) fn make_unique(&mut self) -> Result<()> {
        if !self.meta.writeable() {
            return Err(Error::ReadOnly);
        }
        if Shared::get_mut(&mut self.buf).is_none() {
            let order = if !self.is_c_contiguous() && self.is_f_contiguous() {
                Order::F
            } else {
                Order::C
            };
            let owns = self.meta.owns();
            *self = self.copy_order(order);
            self.meta = Meta::new(self.dtype(), owns, self.meta.writeable());
        }
        Ok(())
    }

    /// The owner of the buffer's foreign memory, if it is a `T` (a file mapping, say).
    pub(crate) fn buffer_owner<T: std::any::Any>(&self) -> Option<&T> {
        self.buf.owner_as::<T>()
    }

    /// True when this handle alone holds its buffer and may write it without a copy.
    pub(crate) fn is_unique(&mut self) -> bool {
        self.meta.writeable() && Shared::get_mut(&mut self.buf).is_some()
    }

    /// Pointer to the first byte of the buffer (element 0 of the buffer, not of the view).
    pub(crate) fn base_ptr(&self) -> *const u8 {
        self.buf.as_ptr()
    }

    /// Writable pointer to the buffer; only after `make_unique`.
    pub(crate) fn base_ptr_mut(&mut self) -> *mut u8 {
        self.buf.as_mut_ptr()
    }

    /// Checks that `T` is this array's element type.
    pub(crate) fn check_dtype<T: Element>(&self) -> Result<()> {
        if T::DTYPE != self.dtype() {
            return Err(Error::DTypeMismatch {
                actual: self.dtype(),
                requested: T::DTYPE,
            });
        }
        Ok(())
    }
}

/// Copies the elements of `src_layout` over `src` (a buffer base) to `dst` in C order.
///
/// # Safety
/// `src` must be valid for every element the layout addresses and `dst` for `size` writes of T.
pub(crate) unsafe fn copy_runs<T: Element>(src: *const u8, src_layout: &Layout, dst: *mut T) {
    let dst_layout = Layout::contiguous(src_layout.shape());
    // SAFETY: the caller's contract; a fresh C-order destination addresses each element once.
    unsafe { crate::kernels::copy::copy_layout(dst, &dst_layout, src as *const T, src_layout) }
}
