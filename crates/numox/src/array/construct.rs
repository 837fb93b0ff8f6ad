//! The basic constructors: from Rust vectors and shapes, zeros, empty, 0-d scalars.

use super::Array;
use crate::buffer::Buffer;
use crate::dtype::{DType, Element};
use crate::error::{fmt_shape, Error, Result};
use crate::layout::{checked_size, Layout, Order};
use std::ptr::NonNull;

impl Array {
    /// A 1-D array that takes ownership of a vector, without copying.
    ///
    /// ```
    /// let a = numox::Array::from_vec(vec![1.0f32, 2.0, 3.0]);
    /// assert_eq!(a.shape(), &[3]);
    /// assert_eq!(a.dtype(), numox::DType::Float32);
    /// ```
    pub fn from_vec<T: Element>(v: Vec<T>) -> Array {
        let n = v.len();
        let layout = Layout::contiguous(&[n]);
        Array::from_buffer(vec_buffer(v), T::DTYPE, layout)
    }

    /// An array of the given shape over a vector in C order (`np.array(v).reshape(shape)`).
    ///
    /// ```
    /// let a = numox::Array::from_shape_vec(&[2, 2], vec![1u8, 2, 3, 4]).unwrap();
    /// assert_eq!(a.get_as::<u8>(&[1, 0]).unwrap(), 3);
    /// assert_eq!(
    ///     numox::Array::from_shape_vec(&[3], vec![1u8, 2]).unwrap_err().to_string(),
    ///     "cannot reshape array of size 2 into shape (3,)"
    /// );
    /// ```
    pub fn from_shape_vec<T: Element>(shape: &[usize], v: Vec<T>) -> Result<Array> {
        Array::from_shape_vec_order(shape, v, Order::C)
    }

    /// Like [`Array::from_shape_vec`], reading the vector in C or F order.
    ///
    /// ```
    /// use numox::{Array, Order};
    /// let a = Array::from_shape_vec_order(&[2, 2], vec![1i64, 2, 3, 4], Order::F).unwrap();
    /// assert_eq!(a.get_as::<i64>(&[0, 1]).unwrap(), 3);
    /// assert!(a.is_f_contiguous());
    /// ```
    pub fn from_shape_vec_order<T: Element>(
        shape: &[usize],
        v: Vec<T>,
        order: Order,
    ) -> Result<Array> {
        let n = checked_size(shape, T::DTYPE.itemsize())?;
        if n != v.len() {
            return Err(Error::Shape(format!(
                "cannot reshape array of size {} into shape {}",
                v.len(),
                fmt_shape(shape)
            )));
        }
        Ok(Array::from_buffer(
            vec_buffer(v),
            T::DTYPE,
            Layout::with_order(shape, order),
        ))
    }

    /// A 1-D array copied from a slice.
    ///
    /// ```
    /// let a = numox::Array::from_slice(&[1i16, 2]);
    /// assert_eq!(a.to_vec::<i16>().unwrap(), vec![1, 2]);
    /// ```
    pub fn from_slice<T: Element>(s: &[T]) -> Array {
        Array::from_vec(s.to_vec())
    }

    /// A 0-d array holding one value (`np.array(x)`).
    ///
    /// ```
    /// let a = numox::Array::scalar(7u32);
    /// assert_eq!(a.shape(), &[] as &[usize]);
    /// assert_eq!(a.item_as::<u32>().unwrap(), 7);
    /// ```
    pub fn scalar<T: Element>(value: T) -> Array {
        Array::from_buffer(vec_buffer(vec![value]), T::DTYPE, Layout::contiguous(&[]))
    }

    /// A 0-d array holding a [`Scalar`](crate::Scalar) of any dtype (`np.asarray(np.float32(2))`).
    ///
    /// ```
    /// use numox::{Array, DType, Scalar};
    /// let a = Array::from_scalar(Scalar::Float32(2.5));
    /// assert_eq!((a.ndim(), a.dtype()), (0, DType::Float32));
    /// ```
    pub fn from_scalar(value: crate::dtype::Scalar) -> Array {
        use crate::dtype::Scalar as S;
        match value {
            S::Bool(v) => Array::scalar(v),
            S::Int8(v) => Array::scalar(v),
            S::Int16(v) => Array::scalar(v),
            S::Int32(v) => Array::scalar(v),
            S::Int64(v) => Array::scalar(v),
            S::UInt8(v) => Array::scalar(v),
            S::UInt16(v) => Array::scalar(v),
            S::UInt32(v) => Array::scalar(v),
            S::UInt64(v) => Array::scalar(v),
            S::Float16(v) => Array::scalar(v),
            S::BFloat16(v) => Array::scalar(v),
            S::Float32(v) => Array::scalar(v),
            S::Float64(v) => Array::scalar(v),
            S::Complex64(v) => Array::scalar(v),
            S::Complex128(v) => Array::scalar(v),
        }
    }

    /// An array of zeros (`np.zeros(shape, dtype)`). Large arrays are mapped lazily, so this costs
    /// no pass over memory.
    ///
    /// ```
    /// let a = numox::Array::zeros(&[2, 3], numox::DType::Int32).unwrap();
    /// assert_eq!(a.to_vec::<i32>().unwrap(), vec![0; 6]);
    /// assert!(numox::Array::zeros(&[usize::MAX, 2], numox::DType::Int8).is_err());
    /// ```
    pub fn zeros(shape: &[usize], dtype: DType) -> Result<Array> {
        Array::zeros_order(shape, dtype, Order::C)
    }

    /// Zeros in the given memory order.
    ///
    /// ```
    /// use numox::{Array, DType, Order};
    /// assert!(Array::zeros_order(&[2, 3], DType::Bool, Order::F).unwrap().is_f_contiguous());
    /// ```
    pub fn zeros_order(shape: &[usize], dtype: DType, order: Order) -> Result<Array> {
        let n = checked_size(shape, dtype.itemsize())?;
        let buf = Buffer::shared(n * dtype.itemsize(), true)?;
        Ok(Array::from_shared(
            buf,
            dtype,
            Layout::with_order(shape, order),
        ))
    }

    /// `np.empty`: numox never hands out uninitialised memory, so the elements are zero.
    ///
    /// ```
    /// let a = numox::Array::empty(&[4], numox::DType::Float64).unwrap();
    /// assert_eq!(a.size(), 4);
    /// ```
    pub fn empty(shape: &[usize], dtype: DType) -> Result<Array> {
        Array::zeros(shape, dtype)
    }

    /// `np.empty` in the given memory order (zero-filled, as [`Array::empty`]).
    ///
    /// ```
    /// use numox::{Array, DType, Order};
    /// assert!(Array::empty_order(&[2, 2], DType::Int8, Order::F).unwrap().is_f_contiguous());
    /// ```
    pub fn empty_order(shape: &[usize], dtype: DType, order: Order) -> Result<Array> {
        Array::zeros_order(shape, dtype, order)
    }
}

/// Wraps a vector's allocation as a buffer without copying.
pub(crate) fn vec_buffer<T: Element>(v: Vec<T>) -> Buffer {
    let mut v = std::mem::ManuallyDrop::new(v);
    let (ptr, len, cap) = (v.as_mut_ptr(), v.len(), v.capacity());
    let bytes = len * std::mem::size_of::<T>();
    // Rebuild the vector inside the owner so it is freed exactly once, when the buffer drops.
    // SAFETY: (ptr, len, cap) come from a vector that is not used again.
    let owner: Box<dyn std::any::Any + Send + Sync> =
        Box::new(unsafe { Vec::from_raw_parts(ptr, len, cap) });
    let nn = NonNull::new(ptr as *mut u8).unwrap_or(NonNull::<u64>::dangling().cast());
    // SAFETY: the vector's elements stay valid, initialised and aligned for T while `owner`
    // lives, and moving the Vec into the Box does not move its heap allocation. It is not
    // accessed through any other path.
    unsafe { Buffer::foreign(nn, bytes, true, owner) }
}

/// Resolves a reshape target that may hold one `-1` against `size` elements.
pub(crate) fn resolve_reshape(size: usize, shape: &[isize]) -> Result<Vec<usize>> {
    // NumPy's message skips leading unknown dimensions: (-1, 4) prints as "(4)".
    let show = || {
        let lead = shape.iter().take_while(|&&d| d < 0).count();
        let parts: Vec<String> = shape[lead..]
            .iter()
            .map(|&d| {
                if d < 0 {
                    "newaxis".to_string()
                } else {
                    d.to_string()
                }
            })
            .collect();
        let close = if shape.len() == 1 { ",)" } else { ")" };
        format!("({}{close}", parts.join(","))
    };
    let mut unknown = None;
    let mut known: usize = 1;
    for (k, &d) in shape.iter().enumerate() {
        // Like NumPy, any negative entry (not only -1) asks for the dimension to be inferred.
        if d < 0 {
            if unknown.is_some() {
                return Err(Error::Value(
                    "can only specify one unknown dimension".into(),
                ));
            }
            unknown = Some(k);
        } else {
            known = known.checked_mul(d as usize).ok_or_else(|| {
                Error::Value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.".into())
            })?;
        }
    }
    let mut dims: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    match unknown {
        Some(k) => {
            if known == 0 || !size.is_multiple_of(known) {
                return Err(Error::Shape(format!(
                    "cannot reshape array of size {size} into shape {}",
                    show()
                )));
            }
            dims[k] = size / known;
        }
        None if known != size => {
            return Err(Error::Shape(format!(
                "cannot reshape array of size {size} into shape {}",
                fmt_shape(&dims)
            )));
        }
        None => {}
    }
    Ok(dims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reshape_resolution() {
        assert_eq!(resolve_reshape(12, &[3, -1]).unwrap(), vec![3, 4]);
        assert_eq!(resolve_reshape(0, &[0, 5]).unwrap(), vec![0, 5]);
        assert!(resolve_reshape(12, &[-1, -1]).is_err());
        assert_eq!(resolve_reshape(12, &[-2, 6]).unwrap(), vec![2, 6]);
        assert!(resolve_reshape(12, &[5]).is_err());
        assert!(resolve_reshape(0, &[0, -1]).is_err());
        let msg = |shape: &[isize]| resolve_reshape(6, shape).unwrap_err().to_string();
        assert_eq!(
            msg(&[-1, 4]),
            "cannot reshape array of size 6 into shape (4)"
        );
        assert_eq!(
            msg(&[-1, 4, 5]),
            "cannot reshape array of size 6 into shape (4,5)"
        );
        assert_eq!(
            msg(&[2, -1, 5]),
            "cannot reshape array of size 6 into shape (2,newaxis,5)"
        );
        assert_eq!(
            msg(&[0, -1]),
            "cannot reshape array of size 6 into shape (0,newaxis)"
        );
    }
}
