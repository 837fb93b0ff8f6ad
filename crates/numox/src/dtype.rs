//! Runtime data types: the [`DType`] tag, the [`Element`] trait that links a Rust type to its tag,
//! and the dtype's names as NumPy spells them.

use crate::error::{Error, Result};
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};
use std::fmt;

/// The element type of an [`Array`](crate::Array), chosen at run time as in NumPy.
///
/// ```
/// use numox::DType;
/// assert_eq!(DType::Float64.name(), "float64");
/// assert_eq!(DType::Int16.itemsize(), 2);
/// assert_eq!("f4".parse::<DType>().unwrap(), DType::Float32);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum DType {
    /// `bool`, one byte holding 0 or 1.
    Bool,
    /// `int8`.
    Int8,
    /// `int16`.
    Int16,
    /// `int32`.
    Int32,
    /// `int64`.
    Int64,
    /// `uint8`.
    UInt8,
    /// `uint16`.
    UInt16,
    /// `uint32`.
    UInt32,
    /// `uint64`.
    UInt64,
    /// `float16` (IEEE half).
    Float16,
    /// `bfloat16` (as `ml_dtypes.bfloat16`).
    BFloat16,
    /// `float32`.
    Float32,
    /// `float64`.
    Float64,
    /// `complex64`: two `float32`.
    Complex64,
    /// `complex128`: two `float64`.
    Complex128,
}

/// The dtype's kind, NumPy's `dtype.kind` character.
///
/// ```
/// use numox::{DType, dtype::Kind};
/// assert_eq!(DType::UInt8.kind(), Kind::UInt);
/// assert_eq!(DType::Complex64.kind().char(), 'c');
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `b`: boolean.
    Bool,
    /// `i`: signed integer.
    Int,
    /// `u`: unsigned integer.
    UInt,
    /// `f`: floating point.
    Float,
    /// `c`: complex floating point.
    Complex,
}

impl Kind {
    /// NumPy's one-letter kind code.
    ///
    /// ```
    /// assert_eq!(numox::dtype::Kind::Float.char(), 'f');
    /// ```
    pub fn char(self) -> char {
        match self {
            Kind::Bool => 'b',
            Kind::Int => 'i',
            Kind::UInt => 'u',
            Kind::Float => 'f',
            Kind::Complex => 'c',
        }
    }
}

impl DType {
    /// Every dtype, in NumPy's type-number order (bf16 placed after float16).
    ///
    /// ```
    /// assert_eq!(numox::DType::ALL.len(), 15);
    /// ```
    pub const ALL: [DType; 15] = [
        DType::Bool,
        DType::Int8,
        DType::UInt8,
        DType::Int16,
        DType::UInt16,
        DType::Int32,
        DType::UInt32,
        DType::Int64,
        DType::UInt64,
        DType::Float16,
        DType::BFloat16,
        DType::Float32,
        DType::Float64,
        DType::Complex64,
        DType::Complex128,
    ];

    /// The dtype's name as NumPy prints it (`"float64"`, `"bool"`, `"bfloat16"`).
    ///
    /// ```
    /// assert_eq!(numox::DType::Complex128.name(), "complex128");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float16 => "float16",
            DType::BFloat16 => "bfloat16",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
            DType::Complex64 => "complex64",
            DType::Complex128 => "complex128",
        }
    }

    /// Bytes per element (`dtype.itemsize`).
    ///
    /// ```
    /// assert_eq!(numox::DType::Complex64.itemsize(), 8);
    /// ```
    pub fn itemsize(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 | DType::Float16 | DType::BFloat16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 | DType::Complex64 => 8,
            DType::Complex128 => 16,
        }
    }

    /// The dtype's kind.
    ///
    /// ```
    /// assert_eq!(numox::DType::Int8.kind(), numox::dtype::Kind::Int);
    /// ```
    pub fn kind(self) -> Kind {
        match self {
            DType::Bool => Kind::Bool,
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => Kind::Int,
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => Kind::UInt,
            DType::Float16 | DType::BFloat16 | DType::Float32 | DType::Float64 => Kind::Float,
            DType::Complex64 | DType::Complex128 => Kind::Complex,
        }
    }

    /// True for signed and unsigned integers (not bool).
    ///
    /// ```
    /// assert!(numox::DType::UInt16.is_integer());
    /// assert!(!numox::DType::Bool.is_integer());
    /// ```
    pub fn is_integer(self) -> bool {
        matches!(self.kind(), Kind::Int | Kind::UInt)
    }

    /// True for the real floating types (f16, bf16, f32, f64).
    ///
    /// ```
    /// assert!(numox::DType::BFloat16.is_float());
    /// ```
    pub fn is_float(self) -> bool {
        self.kind() == Kind::Float
    }

    /// True for complex64 and complex128.
    ///
    /// ```
    /// assert!(numox::DType::Complex64.is_complex());
    /// ```
    pub fn is_complex(self) -> bool {
        self.kind() == Kind::Complex
    }

    /// True for floating and complex types (the ones that can hold NaN).
    ///
    /// ```
    /// assert!(numox::DType::Complex64.is_inexact());
    /// assert!(!numox::DType::Int64.is_inexact());
    /// ```
    pub fn is_inexact(self) -> bool {
        matches!(self.kind(), Kind::Float | Kind::Complex)
    }

    /// NumPy's array-protocol type string for little-endian storage (`"<f8"`, `"|b1"`).
    /// bfloat16 has none in NumPy; numox writes `"<V2"`-free `"bfloat16"` descriptors in `.npy`
    /// files instead, so this returns `None` for it.
    ///
    /// ```
    /// assert_eq!(numox::DType::Float64.type_str(), Some("<f8"));
    /// assert_eq!(numox::DType::Bool.type_str(), Some("|b1"));
    /// ```
    pub fn type_str(self) -> Option<&'static str> {
        Some(match self {
            DType::Bool => "|b1",
            DType::Int8 => "|i1",
            DType::UInt8 => "|u1",
            DType::Int16 => "<i2",
            DType::UInt16 => "<u2",
            DType::Int32 => "<i4",
            DType::UInt32 => "<u4",
            DType::Int64 => "<i8",
            DType::UInt64 => "<u8",
            DType::Float16 => "<f2",
            DType::BFloat16 => return None,
            DType::Float32 => "<f4",
            DType::Float64 => "<f8",
            DType::Complex64 => "<c8",
            DType::Complex128 => "<c16",
        })
    }

    /// The real dtype underlying a complex one (`complex64` → `float32`); other dtypes map to
    /// themselves.
    ///
    /// ```
    /// assert_eq!(numox::DType::Complex128.real_dtype(), numox::DType::Float64);
    /// ```
    pub fn real_dtype(self) -> DType {
        match self {
            DType::Complex64 => DType::Float32,
            DType::Complex128 => DType::Float64,
            d => d,
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for DType {
    type Err = Error;

    /// Parses NumPy's dtype spellings: names (`"float32"`), Python aliases (`"float"`, `"int"`,
    /// `"complex"`, `"bool"`), single characters (`"f"`, `"d"`, `"i"`, `"?"`), and type strings
    /// with or without byte order (`"<f8"`, `"i4"`, `"|u1"`).
    fn from_str(s: &str) -> Result<DType> {
        let t = s.trim();
        let t = t.strip_prefix(['<', '=', '|']).unwrap_or(t);
        let d = match t {
            "bool" | "bool_" | "?" | "b1" => DType::Bool,
            "int8" | "i1" | "b" | "byte" => DType::Int8,
            "int16" | "i2" | "h" | "short" => DType::Int16,
            "int32" | "i4" | "i" | "intc" => DType::Int32,
            "int64" | "i8" | "int" | "l" | "q" | "long" | "longlong" | "intp" => DType::Int64,
            "uint8" | "u1" | "B" | "ubyte" => DType::UInt8,
            "uint16" | "u2" | "H" | "ushort" => DType::UInt16,
            "uint32" | "u4" | "I" | "uintc" => DType::UInt32,
            "uint64" | "u8" | "uint" | "L" | "Q" | "ulong" | "uintp" => DType::UInt64,
            "float16" | "f2" | "e" | "half" => DType::Float16,
            "bfloat16" => DType::BFloat16,
            "float32" | "f4" | "f" | "single" => DType::Float32,
            "float64" | "f8" | "float" | "d" | "double" => DType::Float64,
            "complex64" | "c8" | "F" | "csingle" => DType::Complex64,
            "complex128" | "c16" | "complex" | "D" | "cdouble" => DType::Complex128,
            _ => return Err(Error::DType(format!("data type '{s}' not understood"))),
        };
        Ok(d)
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A Rust type that can be an array element. It ties the type to its [`DType`] tag; the
/// dispatch macros turn a runtime tag back into the type.
///
/// The trait is sealed: exactly the fifteen element types implement it.
///
/// ```
/// use numox::{DType, Element};
/// assert_eq!(<f32 as Element>::DTYPE, DType::Float32);
/// assert_eq!(<bool as Element>::DTYPE, DType::Bool);
/// ```
pub trait Element:
    Copy + Send + Sync + Default + PartialEq + fmt::Debug + 'static + sealed::Sealed
{
    /// The dtype tag of this type.
    const DTYPE: DType;
    /// The value one (`true` for bool).
    fn one() -> Self;
    /// Wraps the value as a dynamic [`Scalar`].
    fn into_scalar(self) -> Scalar;
}

/// One element of any dtype, as returned by [`Array::item`](crate::Array::item) and taken by
/// [`Array::set_as`](crate::Array::set_as).
///
/// ```
/// use numox::{DType, Scalar};
/// let s = Scalar::from(2.5f32);
/// assert_eq!(s.dtype(), DType::Float32);
/// assert_eq!(s.to_string(), "2.5");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[allow(missing_docs)]
pub enum Scalar {
    Bool(bool),
    Int8(i8),
    Int16(i16),
    Int32(i32),
    Int64(i64),
    UInt8(u8),
    UInt16(u16),
    UInt32(u32),
    UInt64(u64),
    Float16(f16),
    BFloat16(bf16),
    Float32(f32),
    Float64(f64),
    Complex64(Complex32),
    Complex128(Complex64),
}

macro_rules! impl_element {
    ($($t:ty => $variant:ident, $one:expr;)*) => {$(
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$variant;
            #[inline(always)]
            fn one() -> Self { $one }
            #[inline(always)]
            fn into_scalar(self) -> Scalar { Scalar::$variant(self) }
        }
        impl From<$t> for Scalar {
            fn from(v: $t) -> Scalar { Scalar::$variant(v) }
        }
    )*};
}

impl_element! {
    bool => Bool, true;
    i8 => Int8, 1;
    i16 => Int16, 1;
    i32 => Int32, 1;
    i64 => Int64, 1;
    u8 => UInt8, 1;
    u16 => UInt16, 1;
    u32 => UInt32, 1;
    u64 => UInt64, 1;
    f16 => Float16, f16::ONE;
    bf16 => BFloat16, bf16::ONE;
    f32 => Float32, 1.0;
    f64 => Float64, 1.0;
    Complex32 => Complex64, Complex32::new(1.0, 0.0);
    Complex64 => Complex128, Complex64::new(1.0, 0.0);
}

impl Scalar {
    /// The dtype of the value.
    ///
    /// ```
    /// assert_eq!(numox::Scalar::from(3u8).dtype(), numox::DType::UInt8);
    /// ```
    pub fn dtype(&self) -> DType {
        crate::dispatch_scalar!(self, v => crate::dtype::dtype_of_val(v))
    }
}

/// The dtype of a value's type (a helper for generic code).
///
/// ```
/// assert_eq!(numox::dtype::dtype_of_val(&1i16), numox::DType::Int16);
/// ```
pub fn dtype_of_val<T: Element>(_: &T) -> DType {
    T::DTYPE
}

impl fmt::Display for Scalar {
    /// NumPy's `str()` of the scalar (`np.float64(1.0)` prints `1.0`, `np.complex64(1+2j)`
    /// prints `(1+2j)`).
    ///
    /// ```
    /// use numox::Scalar;
    /// assert_eq!(Scalar::from(1e20f64).to_string(), "1e+20");
    /// assert_eq!(Scalar::from(numox::Complex64::new(0.0, 1.0)).to_string(), "1j");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        crate::print::write_scalar(self, &mut s);
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_roundtrip_through_parse() {
        for d in DType::ALL {
            assert_eq!(d.name().parse::<DType>().unwrap(), d);
            if let Some(ts) = d.type_str() {
                assert_eq!(ts.parse::<DType>().unwrap(), d);
            }
        }
        assert!("float128".parse::<DType>().is_err());
    }

    #[test]
    fn itemsize_matches_rust_size() {
        for d in DType::ALL {
            let size = crate::dispatch_dtype!(d, T => std::mem::size_of::<T>());
            assert_eq!(size, d.itemsize(), "{d}");
        }
    }
}
