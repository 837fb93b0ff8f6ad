//! The dispatch macros: the one place where a runtime [`DType`](crate::DType) becomes a Rust
//! type parameter. A kernel is written once, generic over `T: Element`, and called as
//! `dispatch_dtype!(a.dtype(), T => kernel::<T>(...))`.
//!
//! Subset macros (`dispatch_float!`, `dispatch_int!`, ...) take an `else` arm for the dtypes they
//! exclude, so the caller returns a NumPy-worded error instead of panicking.

/// Binds `$T` to the Rust element type of a dtype and evaluates the body once per arm.
///
/// ```
/// use numox::{dispatch_dtype, DType};
/// let size = dispatch_dtype!(DType::Float32, T => std::mem::size_of::<T>());
/// assert_eq!(size, 4);
/// ```
#[macro_export]
macro_rules! dispatch_dtype {
    ($dt:expr, $T:ident => $body:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Bool: bool, Int8: i8, Int16: i16, Int32: i32, Int64: i64,
            UInt8: u8, UInt16: u16, UInt32: u32, UInt64: u64,
            Float16: $crate::f16, BFloat16: $crate::bf16, Float32: f32, Float64: f64,
            Complex64: $crate::Complex32, Complex128: $crate::Complex64;)
    };
}

/// Like [`dispatch_dtype!`] for the real floating dtypes; other dtypes take the `else` arm.
///
/// ```
/// use numox::{dispatch_float, DType};
/// let eps = |d: DType| dispatch_float!(d, T => Some(std::mem::size_of::<T>()), else _ => None);
/// assert_eq!(eps(DType::Float64), Some(8));
/// assert_eq!(eps(DType::Int8), None);
/// ```
#[macro_export]
macro_rules! dispatch_float {
    ($dt:expr, $T:ident => $body:expr, else $other:pat => $fallback:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Float16: $crate::f16, BFloat16: $crate::bf16, Float32: f32, Float64: f64;
            else $other => $fallback)
    };
}

/// Like [`dispatch_dtype!`] for the inexact dtypes: the real floating and the complex ones.
///
/// ```
/// use numox::{dispatch_inexact, DType};
/// let ok = |d: DType| dispatch_inexact!(d, T => std::mem::size_of::<T>(), else _ => 0);
/// assert_eq!(ok(DType::Complex64), 8);
/// assert_eq!(ok(DType::Int64), 0);
/// ```
#[macro_export]
macro_rules! dispatch_inexact {
    ($dt:expr, $T:ident => $body:expr, else $other:pat => $fallback:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Float16: $crate::f16, BFloat16: $crate::bf16, Float32: f32, Float64: f64,
            Complex64: $crate::Complex32, Complex128: $crate::Complex64;
            else $other => $fallback)
    };
}

/// Like [`dispatch_dtype!`] for the signed and unsigned integer dtypes.
///
/// ```
/// use numox::{dispatch_int, DType};
/// let bits = dispatch_int!(DType::UInt16, T => T::BITS, else _ => 0);
/// assert_eq!(bits, 16);
/// ```
#[macro_export]
macro_rules! dispatch_int {
    ($dt:expr, $T:ident => $body:expr, else $other:pat => $fallback:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Int8: i8, Int16: i16, Int32: i32, Int64: i64,
            UInt8: u8, UInt16: u16, UInt32: u32, UInt64: u64;
            else $other => $fallback)
    };
}

/// Like [`dispatch_dtype!`] for every dtype except the complex ones.
///
/// ```
/// use numox::{dispatch_real, DType};
/// let ok = |d: DType| dispatch_real!(d, T => true, else _ => false);
/// assert!(ok(DType::Bool));
/// assert!(!ok(DType::Complex64));
/// ```
#[macro_export]
macro_rules! dispatch_real {
    ($dt:expr, $T:ident => $body:expr, else $other:pat => $fallback:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Bool: bool, Int8: i8, Int16: i16, Int32: i32, Int64: i64,
            UInt8: u8, UInt16: u16, UInt32: u32, UInt64: u64,
            Float16: $crate::f16, BFloat16: $crate::bf16, Float32: f32, Float64: f64;
            else $other => $fallback)
    };
}

/// Binds `$v` to the value inside a [`Scalar`](crate::Scalar), whatever its dtype.
///
/// ```
/// use numox::{dispatch_scalar, Scalar, Element};
/// fn dt<T: Element>(_: &T) -> numox::DType { T::DTYPE }
/// assert_eq!(dispatch_scalar!(Scalar::from(1u8), v => dt(&v)), numox::DType::UInt8);
/// ```
#[macro_export]
macro_rules! dispatch_scalar {
    ($s:expr, $v:ident => $body:expr) => {
        match $s {
            $crate::Scalar::Bool($v) => $body,
            $crate::Scalar::Int8($v) => $body,
            $crate::Scalar::Int16($v) => $body,
            $crate::Scalar::Int32($v) => $body,
            $crate::Scalar::Int64($v) => $body,
            $crate::Scalar::UInt8($v) => $body,
            $crate::Scalar::UInt16($v) => $body,
            $crate::Scalar::UInt32($v) => $body,
            $crate::Scalar::UInt64($v) => $body,
            $crate::Scalar::Float16($v) => $body,
            $crate::Scalar::BFloat16($v) => $body,
            $crate::Scalar::Float32($v) => $body,
            $crate::Scalar::Float64($v) => $body,
            $crate::Scalar::Complex64($v) => $body,
            $crate::Scalar::Complex128($v) => $body,
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __dispatch_arms {
    ($dt:expr, $T:ident => $body:expr; $($variant:ident : $ty:ty),* $(,)?;) => {
        match $dt {
            $($crate::DType::$variant => {
                #[allow(dead_code)]
                type $T = $ty;
                $body
            })*
        }
    };
    ($dt:expr, $T:ident => $body:expr; $($variant:ident : $ty:ty),* $(,)?; else $other:pat => $fallback:expr) => {
        match $dt {
            $($crate::DType::$variant => {
                #[allow(dead_code)]
                type $T = $ty;
                $body
            })*
            #[allow(unreachable_patterns)]
            $other => $fallback,
        }
    };
}
