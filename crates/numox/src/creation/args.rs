//! Argument types of the creation functions: shapes and counts given as any Rust integer, and
//! scalar arguments read as Python numbers (NumPy's `arange` and `linspace` take those).

use crate::dtype::{DType, Element, Scalar};
use crate::error::{Error, Result};
use crate::layout::Dims;

/// An integer argument (a dimension, a count, a diagonal offset) of any Rust integer type, so
/// that both literals and `usize` variables work and negative values reach NumPy's error instead
/// of a compile error or a wrap-around.
///
/// ```
/// use numox::creation::IntArg;
/// assert_eq!(5u8.to_i128(), 5);
/// assert_eq!((-2i64).to_i128(), -2);
/// ```
pub trait IntArg: Copy {
    /// The value, widened without loss.
    fn to_i128(self) -> i128;
}

macro_rules! impl_int_arg {
    ($($t:ty),*) => {$(
        impl IntArg for $t {
            #[inline]
            fn to_i128(self) -> i128 {
                self as i128
            }
        }
    )*};
}
impl_int_arg!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, usize);

/// NumPy's error for a negative entry in a shape.
pub(crate) fn negative_dims() -> Error {
    Error::Value("negative dimensions are not allowed".into())
}

/// A dimension from an integer argument: negative values are NumPy's `ValueError`.
pub(crate) fn dim(d: impl IntArg) -> Result<usize> {
    let v = d.to_i128();
    if v < 0 {
        return Err(negative_dims());
    }
    usize::try_from(v).map_err(|_| too_big())
}

/// NumPy's error for a size that does not fit in memory's index range.
pub(crate) fn too_big() -> Error {
    Error::Value(
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
            .into(),
    )
}

/// A shape argument: a single length (`5`), a Rust array (`[2, 3]`), a slice or vector of any
/// integer type, or `()` for 0-d. Negative lengths are NumPy's "negative dimensions are not
/// allowed".
///
/// ```
/// use numox::creation::IntoShape;
/// assert_eq!([2, 3].into_shape().unwrap().as_slice(), &[2, 3]);
/// assert_eq!(4usize.into_shape().unwrap().as_slice(), &[4]);
/// assert_eq!(().into_shape().unwrap().len(), 0);
/// assert_eq!(
///     [2, -1].into_shape().unwrap_err().to_string(),
///     "negative dimensions are not allowed"
/// );
/// ```
pub trait IntoShape {
    /// The checked dimension lengths.
    fn into_shape(self) -> Result<Dims>;
}

fn collect_dims<D: IntArg>(ds: impl IntoIterator<Item = D>) -> Result<Dims> {
    ds.into_iter().map(dim).collect()
}

macro_rules! impl_into_shape_scalar {
    ($($t:ty),*) => {$(
        impl IntoShape for $t {
            fn into_shape(self) -> Result<Dims> {
                collect_dims([self])
            }
        }
    )*};
}
impl_into_shape_scalar!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl<D: IntArg, const N: usize> IntoShape for [D; N] {
    fn into_shape(self) -> Result<Dims> {
        collect_dims(self)
    }
}

impl<D: IntArg, const N: usize> IntoShape for &[D; N] {
    fn into_shape(self) -> Result<Dims> {
        collect_dims(self.iter().copied())
    }
}

impl<D: IntArg> IntoShape for &[D] {
    fn into_shape(self) -> Result<Dims> {
        collect_dims(self.iter().copied())
    }
}

impl<D: IntArg> IntoShape for Vec<D> {
    fn into_shape(self) -> Result<Dims> {
        collect_dims(self)
    }
}

impl<D: IntArg> IntoShape for &Vec<D> {
    fn into_shape(self) -> Result<Dims> {
        collect_dims(self.iter().copied())
    }
}

impl IntoShape for () {
    fn into_shape(self) -> Result<Dims> {
        Ok(Dims::new())
    }
}

/// A real number as Python holds it: an exact integer or a double. `arange` computes its length
/// and first two values with these, as NumPy does with the Python objects it is given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    /// Reads a scalar argument: booleans and integers of every width become Python ints, the
    /// floating types Python floats. Complex arguments are not supported by the real-valued
    /// range functions.
    pub(crate) fn from_scalar(s: Scalar, func: &str) -> Result<Num> {
        Ok(match s {
            Scalar::Bool(b) => Num::Int(b as i128),
            Scalar::Int8(v) => Num::Int(v.into()),
            Scalar::Int16(v) => Num::Int(v.into()),
            Scalar::Int32(v) => Num::Int(v.into()),
            Scalar::Int64(v) => Num::Int(v.into()),
            Scalar::UInt8(v) => Num::Int(v.into()),
            Scalar::UInt16(v) => Num::Int(v.into()),
            Scalar::UInt32(v) => Num::Int(v.into()),
            Scalar::UInt64(v) => Num::Int(v.into()),
            Scalar::Float16(v) => Num::Float(v.to_f64()),
            Scalar::BFloat16(v) => Num::Float(v.to_f64()),
            Scalar::Float32(v) => Num::Float(v.into()),
            Scalar::Float64(v) => Num::Float(v),
            Scalar::Complex64(_) | Scalar::Complex128(_) => {
                return Err(Error::DType(format!(
                    "{func}: complex arguments are not supported"
                )))
            }
        })
    }

    pub(crate) fn is_float(self) -> bool {
        matches!(self, Num::Float(_))
    }

    /// Python's `float(x)`; an integer too large for a double is Python's `OverflowError`.
    pub(crate) fn to_f64(self) -> Result<f64> {
        match self {
            Num::Float(x) => Ok(x),
            Num::Int(i) => {
                let x = i as f64;
                if x.is_finite() {
                    Ok(x)
                } else {
                    Err(Error::Value("int too large to convert to float".into()))
                }
            }
        }
    }

    /// Python's `a + b`.
    pub(crate) fn add(self, other: Num) -> Result<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a
                .checked_add(b)
                .map(Num::Int)
                .ok_or_else(|| Error::Value("Maximum allowed size exceeded".into())),
            _ => Ok(Num::Float(self.to_f64()? + other.to_f64()?)),
        }
    }

    /// The number as a Rust scalar of the same value (an integer beyond 64 bits is NumPy's
    /// `OverflowError` for the target dtype).
    pub(crate) fn to_scalar(self, dtype: DType) -> Result<Scalar> {
        match self {
            Num::Float(x) => Ok(Scalar::Float64(x)),
            Num::Int(i) => i64::try_from(i)
                .map(Scalar::Int64)
                .or_else(|_| u64::try_from(i).map(Scalar::UInt64))
                .map_err(|_| Error::Value(format!("Python integer {i} out of bounds for {dtype}"))),
        }
    }

    /// The number stored into `dtype` as NumPy stores a Python number (`a[i] = x`).
    pub(crate) fn store<T: Element>(self) -> Result<T> {
        let s = self.to_scalar(T::DTYPE)?.coerce(T::DTYPE)?;
        crate::dispatch_scalar!(s, v => {
            let any: &dyn std::any::Any = &v;
            any.downcast_ref::<T>().copied().ok_or(Error::DTypeMismatch {
                actual: s.dtype(),
                requested: T::DTYPE,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_number_rules() {
        assert_eq!(
            Num::from_scalar(Scalar::Bool(true), "f").unwrap(),
            Num::Int(1)
        );
        assert_eq!(Num::Int(3).add(Num::Float(0.5)).unwrap(), Num::Float(3.5));
        assert_eq!(Num::Float(-0.5).store::<u8>().unwrap(), 0);
        assert!(Num::Float(f64::NAN).store::<u8>().is_err());
        assert_eq!(
            Num::Int(-1).store::<u8>().unwrap_err().to_string(),
            "Python integer -1 out of bounds for uint8"
        );
        assert!(Num::Int(1 << 70).store::<f64>().is_err());
        assert!(Num::from_scalar(Scalar::Complex128(Default::default()), "f").is_err());
    }

    #[test]
    fn shapes_from_many_integer_types() {
        let v: Vec<usize> = vec![1, 2];
        assert_eq!(v.as_slice().into_shape().unwrap().as_slice(), &[1, 2]);
        assert_eq!((&v).into_shape().unwrap().as_slice(), &[1, 2]);
        assert!((-1i64).into_shape().is_err());
        assert_eq!(dim(7u16).unwrap(), 7);
    }
}
