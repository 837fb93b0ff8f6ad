//! Raw memory access for language bindings: wrap memory that another runtime owns as an
//! [`Array`] without copying, hand an array's memory to another runtime (pointer, byte strides),
//! and write through views that share a buffer, as NumPy's views do.
//!
//! These are the primitives behind the Python bindings' buffer protocol, `__array_interface__`
//! and DLPack. Everything that can break memory safety is an `unsafe fn` whose contract says what
//! the caller guarantees.
//!
//! ```
//! use numox::{bridge::raw, DType};
//! let mut v = vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0];
//! let ptr = v.as_mut_ptr() as *mut u8;
//! let len = v.len() * 8;
//! // A (2, 3) array over `v`'s memory, transposed by its strides; `v` is moved into the owner.
//! let a = unsafe { raw::from_raw_parts(ptr, len, Box::new(v), true, DType::Float64, &[3, 2], &[8, 24], 0) }
//!     .unwrap();
//! assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
//! assert_eq!(raw::byte_strides(&a), vec![8, 24]);
//! ```

use crate::array::{Array, ArrayViewMut};
use crate::buffer::Buffer;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Layout;
use std::ptr::NonNull;

/// An array over `len` bytes at `ptr` owned by `owner` (dropped when the last view of the array
/// goes), with NumPy-style `strides` in **bytes** (negative allowed) and `offset` the byte offset
/// of element `[0, 0, ...]` from `ptr`. Returns an error when the strides or offset are not
/// multiples of the item size, or when the described elements do not lie inside the memory.
///
/// ```
/// use numox::{bridge::raw, DType};
/// let v = vec![1i32, 2, 3];
/// let ptr = v.as_ptr() as *mut u8;
/// // The reversed vector, read-only: element 0 is the last one.
/// let a = unsafe { raw::from_raw_parts(ptr, 12, Box::new(v), false, DType::Int32, &[3], &[-4], 8) }.unwrap();
/// assert_eq!(a.to_vec::<i32>().unwrap(), vec![3, 2, 1]);
/// assert!(!a.is_writeable());
/// let e = unsafe { raw::from_raw_parts(ptr, 12, Box::new(()), false, DType::Int32, &[4], &[4], 0) };
/// assert!(e.is_err());
/// ```
///
/// # Safety
/// `ptr..ptr + len` must stay valid and initialised while `owner` lives, be aligned for `dtype`,
/// and, when `writeable`, may be written by numox whenever Rust code holds the array mutably.
/// The caller keeps other writers from racing with numox's reads (a Python binding does so by
/// holding the GIL, as NumPy does).
#[allow(clippy::too_many_arguments)]
pub unsafe fn from_raw_parts(
    ptr: *mut u8,
    len: usize,
    owner: Box<dyn std::any::Any + Send + Sync>,
    writeable: bool,
    dtype: DType,
    shape: &[usize],
    strides: &[isize],
    offset: usize,
) -> Result<Array> {
    let item = dtype.itemsize();
    let bad = || Error::Value("the memory's strides or offset do not fit its dtype".into());
    if shape.len() != strides.len() {
        return Err(Error::Value(format!(
            "shape has {} dimensions but strides has {}",
            shape.len(),
            strides.len()
        )));
    }
    if !offset.is_multiple_of(item) || strides.iter().any(|s| s % item as isize != 0) {
        return Err(bad());
    }
    let align = if dtype.is_complex() { item / 2 } else { item };
    if !(ptr as usize).is_multiple_of(align) {
        return Err(Error::Value(
            "the memory is not aligned for its dtype".into(),
        ));
    }
    let el: Vec<isize> = strides.iter().map(|s| s / item as isize).collect();
    let layout = Layout::from_parts(shape, &el, offset / item);
    let (lo, hi) = byte_span(shape, strides, item);
    if (offset as isize).saturating_add(lo) < 0
        || (offset as isize).saturating_add(hi) > len as isize
    {
        return Err(Error::Value(
            "the array's elements reach outside its memory".into(),
        ));
    }
    let Some(nn) = NonNull::new(ptr) else {
        if len == 0 {
            return Array::zeros(shape, dtype);
        }
        return Err(Error::Value("null data pointer".into()));
    };
    // SAFETY: guaranteed by the caller (validity, alignment and life of the memory).
    let buf = unsafe { Buffer::foreign(nn, len, writeable, owner) };
    Ok(Array::from_buffer(buf, dtype, layout))
}

/// The bytes an array's elements reach relative to element `[0, 0, ...]`: the lowest offset and
/// one past the highest (`(0, 0)` for an empty array; saturating, so absurd strides stay caught).
fn byte_span(shape: &[usize], strides: &[isize], item: usize) -> (isize, isize) {
    if shape.contains(&0) {
        return (0, 0);
    }
    let (mut lo, mut hi) = (0isize, 0isize);
    for (&n, &s) in shape.iter().zip(strides) {
        let reach = (n as isize - 1).saturating_mul(s);
        if reach < 0 {
            lo = lo.saturating_add(reach);
        } else {
            hi = hi.saturating_add(reach);
        }
    }
    (lo, hi.saturating_add(item as isize))
}

/// [`from_raw_parts`] for memory known by the address of its element `[0, 0, ...]` (as NumPy's
/// array interface, DLPack and the buffer protocol describe it): the memory is taken to be
/// exactly the bytes the elements reach, whatever the signs of the byte `strides`.
///
/// ```
/// use numox::{bridge::raw, DType};
/// let v = vec![1i16, 2, 3, 4];
/// let last = unsafe { (v.as_ptr() as *mut u8).add(6) };
/// let a = unsafe { raw::from_first_element(last, Box::new(v), false, DType::Int16, &[4], &[-2]) }.unwrap();
/// assert_eq!(a.to_vec::<i16>().unwrap(), vec![4, 3, 2, 1]);
/// ```
///
/// # Safety
/// As [`from_raw_parts`], for the bytes the elements reach.
pub unsafe fn from_first_element(
    first: *mut u8,
    owner: Box<dyn std::any::Any + Send + Sync>,
    writeable: bool,
    dtype: DType,
    shape: &[usize],
    strides: &[isize],
) -> Result<Array> {
    let (lo, hi) = byte_span(shape, strides, dtype.itemsize());
    let base = first.wrapping_offset(lo);
    // SAFETY: the caller's guarantee covers exactly `base..base + (hi - lo)`.
    unsafe {
        from_raw_parts(
            base,
            (hi - lo) as usize,
            owner,
            writeable,
            dtype,
            shape,
            strides,
            (-lo) as usize,
        )
    }
}

/// Pointer to the array's first element (`a[0, 0, ...]`), as NumPy's `a.ctypes.data`. Valid
/// while `a`'s buffer lives; write through it only under [`view_mut_shared`]'s contract.
///
/// ```
/// let a = numox::array![1.0, 2.0, 3.0];
/// let b = a.slice_axis(0, Some(1), None, 1).unwrap();
/// let p = numox::bridge::raw::data_ptr(&b);
/// assert_eq!(unsafe { *(p as *const f64) }, 2.0);
/// ```
pub fn data_ptr(a: &Array) -> *const u8 {
    let off = a.layout().offset() * a.itemsize();
    a.base_ptr().wrapping_add(off)
}

/// The strides in bytes (NumPy's `a.strides`).
///
/// ```
/// let a = numox::Array::zeros(&[2, 3], numox::DType::Int16).unwrap();
/// assert_eq!(numox::bridge::raw::byte_strides(&a.t()), vec![2, 6]);
/// ```
pub fn byte_strides(a: &Array) -> Vec<isize> {
    a.strides()
}

/// A mutable view of `a`'s elements **in its shared buffer**: writes reach every other array that
/// views the same memory, as in NumPy, instead of copying on write. Errors with NumPy's
/// "assignment destination is read-only" when the array is not writeable.
///
/// ```
/// use numox::{array, s, bridge::raw};
/// let a = array![1, 2, 3];
/// let b = a.slice(&s![1..]).unwrap(); // shares a's buffer
/// unsafe { raw::view_mut_shared(&b) }.unwrap().fill(0i64).unwrap();
/// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 0, 0]);
/// ```
///
/// # Safety
/// While the view lives, no other thread reads or writes the elements it covers, and no
/// reference to them obtained from another handle (`as_slice`, say) is used.
pub unsafe fn view_mut_shared(a: &Array) -> Result<ArrayViewMut<'_>> {
    if !a.is_writeable() {
        return Err(Error::ReadOnly);
    }
    let ptr = a.base_ptr() as *mut u8;
    // SAFETY: the layout is the array's own (inside its buffer); exclusivity is the caller's.
    Ok(unsafe { ArrayViewMut::new(ptr, a.dtype(), a.layout().clone()) })
}
