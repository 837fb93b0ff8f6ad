//! The `arrow` feature: 1-D numox arrays to and from Apache Arrow arrays.
//!
//! | from | to | copies? |
//! |---|---|---|
//! | 1-D numeric `Array` | Arrow `PrimitiveArray` of the same type ([`to_arrow`], [`to_arrow_primitive`]) | no when the array is contiguous (the numox buffer is kept alive by the Arrow buffer); a strided view is copied first |
//! | 1-D `bool` `Array` | `BooleanArray` | yes: Arrow packs booleans into bits |
//! | Arrow primitive array without nulls | read-only `Array` ([`from_arrow`]) | no: the Arrow buffer is kept alive by the numox buffer (Arrow's values are always aligned); write to a `.copy()` |
//! | Arrow array with nulls, `BooleanArray` | `Array` | yes |
//!
//! Types: int8..int64, uint8..uint64, float16, float32, float64 and bool. numox's bfloat16 and
//! complex dtypes have no Arrow type, nor do Arrow's dates, decimals, strings and the like in
//! numox: those are errors.
//!
//! **Nulls.** NumPy arrays have no missing values. Coming from Arrow, a null becomes NaN in a
//! float array (a copy); an integer or bool array with nulls is an error unless the caller gives
//! a fill value ([`from_arrow_with_fill`]), which then replaces every null, in float arrays too.
//! Going to Arrow, numox arrays have no nulls (NaN stays a value).
//!
//! ```
//! use arrow_array::{Array as _, Float64Array, Int32Array};
//! use numox::bridge::arrow::{from_arrow, from_arrow_with_fill, to_arrow};
//! let a = from_arrow(&Float64Array::from(vec![Some(1.5), None])).unwrap();
//! assert!(a.get_as::<f64>(&[1]).unwrap().is_nan());
//! let ints = Int32Array::from(vec![Some(7), None]);
//! assert!(from_arrow(&ints).is_err());
//! assert_eq!(from_arrow_with_fill(&ints, -1i32).unwrap().to_vec::<i32>().unwrap(), vec![7, -1]);
//! let back = to_arrow(&numox::array![1u16, 2, 3]).unwrap();
//! assert_eq!(back.len(), 3);
//! ```

use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{fmt_shape, Error, Result};
use crate::layout::Layout;
use arrow_array::types::{
    Float16Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type,
    UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{
    Array as ArrowArray, ArrayRef, ArrowPrimitiveType, BooleanArray, PrimitiveArray,
};
use arrow_buffer::{Buffer as ArrowBuffer, ScalarBuffer};
use std::ptr::NonNull;
use std::sync::Arc;

/// Runs `$body` with `$A` bound to the Arrow type of the numox dtype `$dt`; other dtypes take
/// the `else` arm. The one numox <-> Arrow type table.
macro_rules! with_arrow_type {
    ($dt:expr, $A:ident => $body:expr, else $other:pat => $fallback:expr) => {
        match $dt {
            DType::Int8 => {
                type $A = Int8Type;
                $body
            }
            DType::Int16 => {
                type $A = Int16Type;
                $body
            }
            DType::Int32 => {
                type $A = Int32Type;
                $body
            }
            DType::Int64 => {
                type $A = Int64Type;
                $body
            }
            DType::UInt8 => {
                type $A = UInt8Type;
                $body
            }
            DType::UInt16 => {
                type $A = UInt16Type;
                $body
            }
            DType::UInt32 => {
                type $A = UInt32Type;
                $body
            }
            DType::UInt64 => {
                type $A = UInt64Type;
                $body
            }
            DType::Float16 => {
                type $A = Float16Type;
                $body
            }
            DType::Float32 => {
                type $A = Float32Type;
                $body
            }
            DType::Float64 => {
                type $A = Float64Type;
                $body
            }
            $other => $fallback,
        }
    };
}

/// The numox dtype of an Arrow array's type, if numox has one.
fn numox_dtype(a: &dyn ArrowArray) -> Option<DType> {
    if a.as_any().is::<BooleanArray>() {
        return Some(DType::Bool);
    }
    DType::ALL.into_iter().find(|&d| {
        with_arrow_type!(d, A => a.data_type() == &<A as ArrowPrimitiveType>::DATA_TYPE, else _ => false)
    })
}

fn check_1d(a: &Array) -> Result<()> {
    if a.ndim() != 1 {
        return Err(Error::Shape(format!(
            "only 1-D arrays convert to Arrow arrays; got an array of shape {}",
            fmt_shape(a.shape())
        )));
    }
    Ok(())
}

/// A 1-D array as an Arrow `PrimitiveArray<A>`, `A::Native` being the array's element type.
/// Zero-copy for a contiguous array: the Arrow buffer holds the numox buffer alive. A strided
/// view is copied into a contiguous array first.
///
/// ```
/// use arrow_array::types::Int64Type;
/// use numox::bridge::arrow::to_arrow_primitive;
/// let a = numox::array![1i64, 2, 3, 4];
/// let p = to_arrow_primitive::<Int64Type>(&a).unwrap();
/// assert_eq!(p.values().as_ref(), &[1, 2, 3, 4]);
/// let rev = to_arrow_primitive::<Int64Type>(&a.slice_axis(0, None, None, -1).unwrap()).unwrap();
/// assert_eq!(rev.values().as_ref(), &[4, 3, 2, 1]);
/// assert!(to_arrow_primitive::<arrow_array::types::Int32Type>(&a).is_err());
/// ```
pub fn to_arrow_primitive<A>(a: &Array) -> Result<PrimitiveArray<A>>
where
    A: ArrowPrimitiveType,
    A::Native: Element,
{
    check_1d(a)?;
    if a.dtype() != <A::Native as Element>::DTYPE {
        return Err(Error::DTypeMismatch {
            actual: a.dtype(),
            requested: <A::Native as Element>::DTYPE,
        });
    }
    let n = a.size();
    let c = if n <= 1 || a.layout().strides()[0] == 1 {
        a.clone()
    } else {
        a.copy()
    };
    let item = std::mem::size_of::<A::Native>();
    let ptr = (c.base_ptr() as *mut A::Native).wrapping_add(c.layout().offset()) as *mut u8;
    let ptr = NonNull::new(ptr).unwrap_or(NonNull::<A::Native>::dangling().cast());
    if ptr.as_ptr().align_offset(std::mem::align_of::<A::Native>()) != 0 {
        return Err(Error::Value(
            "the array's data is not aligned for Arrow".into(),
        ));
    }
    let owner: Arc<dyn arrow_buffer::alloc::Allocation> = Arc::new(std::panic::AssertUnwindSafe(c));
    // SAFETY: `ptr..ptr + n * item` are the array's n contiguous, initialised elements, aligned
    // for the type (checked above); `owner` keeps their buffer alive and, held by Arrow only for
    // reading, numox never writes it (a numox write to another handle of the buffer copies it
    // first, as the owner is one more handle).
    let buf = unsafe { ArrowBuffer::from_custom_allocation(ptr, n * item, owner) };
    Ok(PrimitiveArray::<A>::new(ScalarBuffer::from(buf), None))
}

/// A 1-D array as an Arrow array: a `PrimitiveArray` of the matching type (zero-copy when
/// contiguous, see [`to_arrow_primitive`]) or, for bool, a `BooleanArray` (a copy, bit-packed).
///
/// ```
/// use arrow_array::{cast::AsArray, types::Float32Type, Array as _};
/// let p = numox::bridge::arrow::to_arrow(&numox::array![1.5f32, f32::NAN]).unwrap();
/// assert_eq!(p.null_count(), 0);
/// assert_eq!(p.as_primitive::<Float32Type>().value(0), 1.5);
/// let b = numox::bridge::arrow::to_arrow(&numox::array![true, false]).unwrap();
/// assert!(b.as_boolean().value(0));
/// assert_eq!(
///     numox::bridge::arrow::to_arrow(&numox::array![[1u8]]).unwrap_err().to_string(),
///     "only 1-D arrays convert to Arrow arrays; got an array of shape (1,1)"
/// );
/// ```
pub fn to_arrow(a: &Array) -> Result<ArrayRef> {
    check_1d(a)?;
    if a.dtype() == DType::Bool {
        return Ok(Arc::new(BooleanArray::from(a.to_vec::<bool>()?)));
    }
    with_arrow_type!(a.dtype(), A => Ok(Arc::new(to_arrow_primitive::<A>(a)?) as ArrayRef),
        else d => Err(Error::DType(format!("Arrow has no type for numox dtype {}", d.name()))))
}

/// An Arrow array as a 1-D numox array. Without nulls a primitive array is shared, not copied
/// (the result is read-only); nulls become NaN in float arrays (a copy), and are an error in
/// integer and bool arrays: use [`from_arrow_with_fill`] for those.
///
/// ```
/// use arrow_array::{Int8Array, UInt64Array};
/// let a = numox::bridge::arrow::from_arrow(&UInt64Array::from(vec![1, 2, u64::MAX])).unwrap();
/// assert_eq!(a.to_vec::<u64>().unwrap(), vec![1, 2, u64::MAX]);
/// assert!(!a.is_writeable());
/// let e = numox::bridge::arrow::from_arrow(&Int8Array::from(vec![None, Some(1)])).unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     "cannot convert an Arrow Int8 array with 1 null to numox: int8 has no missing value; pass a fill value"
/// );
/// ```
pub fn from_arrow(a: &dyn ArrowArray) -> Result<Array> {
    convert(a, None::<bool>)
}

/// Like [`from_arrow`], with every null replaced by `fill`, whose type must be the result's
/// element type (`i32` for an Arrow `Int32Array`, `f64` for `Float64Array`, ...).
///
/// ```
/// use arrow_array::{BooleanArray, Float32Array};
/// use numox::bridge::arrow::from_arrow_with_fill;
/// let b = from_arrow_with_fill(&BooleanArray::from(vec![Some(true), None]), false).unwrap();
/// assert_eq!(b.to_vec::<bool>().unwrap(), vec![true, false]);
/// let f = from_arrow_with_fill(&Float32Array::from(vec![None, Some(2.0)]), 0.0f32).unwrap();
/// assert_eq!(f.to_vec::<f32>().unwrap(), vec![0.0, 2.0]);
/// assert!(from_arrow_with_fill(&Float32Array::from(vec![1.0]), 0.0f64).is_err());
/// ```
pub fn from_arrow_with_fill<F: Element>(a: &dyn ArrowArray, fill: F) -> Result<Array> {
    convert(a, Some(fill))
}

fn convert<F: Element>(a: &dyn ArrowArray, fill: Option<F>) -> Result<Array> {
    use arrow_array::cast::AsArray;
    let dtype = numox_dtype(a).ok_or_else(|| {
        Error::DType(format!(
            "cannot convert an Arrow array of type {} to numox",
            a.data_type()
        ))
    })?;
    if fill.is_some() && F::DTYPE != dtype {
        return Err(Error::DTypeMismatch {
            actual: dtype,
            requested: F::DTYPE,
        });
    }
    let nulls = a.null_count();
    let missing = || {
        Error::Value(format!(
            "cannot convert an Arrow {} array with {nulls} null{} to numox: {} has no missing value; pass a fill value",
            a.data_type(),
            if nulls == 1 { "" } else { "s" },
            dtype.name()
        ))
    };
    if dtype == DType::Bool {
        let b = a.as_boolean();
        let f = match (nulls, fill.and_then(same::<F, bool>)) {
            (0, _) => false,
            (_, Some(f)) => f,
            (_, None) => return Err(missing()),
        };
        let v: Vec<bool> = (0..b.len())
            .map(|k| if b.is_null(k) { f } else { b.value(k) })
            .collect();
        return Ok(Array::from_vec(v));
    }
    with_arrow_type!(dtype, A => {
        let p = a.as_primitive::<A>();
        if nulls == 0 {
            return Ok(share(p.values().inner().clone(), p.len(), dtype));
        }
        let f = match fill.and_then(same::<F, <A as ArrowPrimitiveType>::Native>) {
            Some(f) => f,
            None => nan().ok_or_else(missing)?,
        };
        let v: Vec<_> = (0..p.len())
            .map(|k| if p.is_null(k) { f } else { p.value(k) })
            .collect();
        Ok(Array::from_vec(v))
    }, else d => Err(Error::DType(format!("Arrow has no type for numox dtype {}", d.name()))))
}

/// `x` as `N` when `N` is `F`'s type (the callers check the dtypes first).
fn same<F: 'static + Copy, N: 'static + Copy>(x: F) -> Option<N> {
    (&x as &dyn std::any::Any).downcast_ref::<N>().copied()
}

/// NaN as `N` when `N` is a float type, `None` otherwise.
fn nan<N: 'static + Copy>() -> Option<N> {
    same(f64::NAN)
        .or_else(|| same(f32::NAN))
        .or_else(|| same(crate::f16::NAN))
}

/// A read-only 1-D array over an Arrow buffer of `n` elements of `dtype`, kept alive inside it.
fn share(buf: ArrowBuffer, n: usize, dtype: DType) -> Array {
    let ptr = NonNull::new(buf.as_ptr() as *mut u8).unwrap_or(NonNull::<u64>::dangling().cast());
    let bytes = n * dtype.itemsize();
    // SAFETY: an Arrow ScalarBuffer's bytes are n initialised values of the type, aligned for it
    // (ScalarBuffer checks); `buf` owns them and is kept in the numox buffer; the buffer is
    // read-only so numox never writes memory Arrow shares.
    let b = unsafe { crate::buffer::Buffer::foreign(ptr, bytes, false, Box::new(buf)) };
    Array::from_buffer(b, dtype, Layout::contiguous(&[n]))
}
