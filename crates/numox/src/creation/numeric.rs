//! Per-dtype arithmetic the range functions need, in NumPy's exact form: how a Python number is
//! stored into an element (NumPy's `setitem`), how `arange` extends its first two values (NumPy's
//! dtype `fill`), and the float arithmetic `linspace` runs in (half types round after every
//! operation, computing in `f32` as NumPy's half loops do).

use super::par_fill;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use half::{bf16, f16};
use num_complex::Complex;

/// An element type `arange` can produce.
pub(crate) trait RangeElem: Element {
    /// Given `out[0]` and `out[1]`, writes `out[2..]` as NumPy's dtype `fill` does: every element
    /// from its index, `start + i * (out[1] - out[0])` in the dtype's own arithmetic.
    fn fill(out: &mut [Self]) -> Result<()>;
}

macro_rules! range_int {
    ($($t:ty => $wide:ty),*) => {$(
        impl RangeElem for $t {
            fn fill(out: &mut [$t]) -> Result<()> {
                if out.len() <= 2 {
                    return Ok(());
                }
                // C computes `start + i*delta` in a wider type and truncates: the same as
                // wrapping arithmetic modulo 2^64, truncated to the element width.
                let start = out[0] as $wide as u64;
                let delta = out[1].wrapping_sub(out[0]) as $wide as u64;
                par_fill(&mut out[2..], move |j| {
                    start.wrapping_add(((j + 2) as u64).wrapping_mul(delta)) as $t
                });
                Ok(())
            }
        }
    )*};
}
range_int!(i8 => i64, i16 => i64, i32 => i64, i64 => i64,
           u8 => u64, u16 => u64, u32 => u64, u64 => u64);

macro_rules! range_float {
    ($($t:ty),*) => {$(
        impl RangeElem for $t {
            fn fill(out: &mut [$t]) -> Result<()> {
                if out.len() <= 2 {
                    return Ok(());
                }
                let start = out[0];
                let delta = out[1] - start;
                par_fill(&mut out[2..], move |j| start + (j + 2) as $t * delta);
                Ok(())
            }
        }
    )*};
}
range_float!(f32, f64);

macro_rules! range_half {
    ($($t:ty),*) => {$(
        impl RangeElem for $t {
            fn fill(out: &mut [$t]) -> Result<()> {
                if out.len() <= 2 {
                    return Ok(());
                }
                // NumPy (and ml_dtypes) fill half types through f32.
                let start = out[0].to_f32();
                let delta = out[1].to_f32() - start;
                par_fill(&mut out[2..], move |j| <$t>::from_f32(start + (j + 2) as f32 * delta));
                Ok(())
            }
        }
    )*};
}
range_half!(f16, bf16);

macro_rules! range_complex {
    ($($r:ty),*) => {$(
        impl RangeElem for Complex<$r> {
            fn fill(out: &mut [Complex<$r>]) -> Result<()> {
                if out.len() <= 2 {
                    return Ok(());
                }
                let start = out[0];
                let (dre, dim) = (out[1].re - start.re, out[1].im - start.im);
                par_fill(&mut out[2..], move |j| {
                    let i = (j + 2) as $r;
                    Complex::new(start.re + i * dre, start.im + i * dim)
                });
                Ok(())
            }
        }
    )*};
}
range_complex!(f32, f64);

impl RangeElem for bool {
    fn fill(out: &mut [bool]) -> Result<()> {
        if out.len() > 2 {
            return Err(Error::DType(
                "arange() is only supported for booleans when the result has at most length 2."
                    .into(),
            ));
        }
        Ok(())
    }
}

/// A real floating type `linspace`, `logspace` and `geomspace` compute in. Each operation
/// rounds to the type, as NumPy's ufunc loops do (half types compute in `f32` and round).
pub(crate) trait SpaceFloat: Element + PartialOrd {
    /// A Python float (or int, through a double) stored as this type.
    fn from_f64(x: f64) -> Self;
    /// Element `i` of `arange(0, num, dtype=Self)`.
    fn from_index(i: usize) -> Self;
    /// The value as a double (exact).
    fn to_f64(self) -> f64;
    /// `a + b`.
    fn add(self, b: Self) -> Self;
    /// `a - b`.
    fn sub(self, b: Self) -> Self;
    /// `a * b`.
    fn mul(self, b: Self) -> Self;
    /// `a / b`.
    fn div(self, b: Self) -> Self;
    /// `self ** y`, NumPy's `power` (C's `pow`/`powf`).
    fn pow(self, y: Self) -> Self;
    /// NaN.
    fn nan() -> Self;
}

macro_rules! space_native {
    ($($t:ty),*) => {$(
        impl SpaceFloat for $t {
            #[inline(always)]
            fn from_f64(x: f64) -> $t { x as $t }
            #[inline(always)]
            fn from_index(i: usize) -> $t { i as $t }
            #[inline(always)]
            fn to_f64(self) -> f64 { self as f64 }
            #[inline(always)]
            fn add(self, b: $t) -> $t { self + b }
            #[inline(always)]
            fn sub(self, b: $t) -> $t { self - b }
            #[inline(always)]
            fn mul(self, b: $t) -> $t { self * b }
            #[inline(always)]
            fn div(self, b: $t) -> $t { self / b }
            #[inline(always)]
            fn pow(self, y: $t) -> $t { self.powf(y) }
            fn nan() -> $t { <$t>::NAN }
        }
    )*};
}
space_native!(f32, f64);

macro_rules! space_half {
    ($($t:ty => $from_f64:expr),*) => {$(
        impl SpaceFloat for $t {
            fn from_f64(x: f64) -> $t { let c: fn(f64) -> $t = $from_f64; c(x) }
            fn from_index(i: usize) -> $t { <$t>::from_f32(i as f32) }
            fn to_f64(self) -> f64 { self.to_f64() }
            fn add(self, b: $t) -> $t { <$t>::from_f32(self.to_f32() + b.to_f32()) }
            fn sub(self, b: $t) -> $t { <$t>::from_f32(self.to_f32() - b.to_f32()) }
            fn mul(self, b: $t) -> $t { <$t>::from_f32(self.to_f32() * b.to_f32()) }
            fn div(self, b: $t) -> $t { <$t>::from_f32(self.to_f32() / b.to_f32()) }
            fn pow(self, y: $t) -> $t { <$t>::from_f32(self.to_f32().powf(y.to_f32())) }
            fn nan() -> $t { <$t>::NAN }
        }
    )*};
}
space_half!(f16 => f16::from_f64, bf16 => |x| bf16::from_f32(x as f32));

/// Binds `$F` to the Rust type of a real floating dtype (the types [`SpaceFloat`] covers).
macro_rules! dispatch_space {
    ($dt:expr, $F:ident => $body:expr) => {
        $crate::dispatch_float!($dt, $F => $body, else other => Err($crate::Error::DType(format!(
            "no floating computation type for {other}"
        ))))
    };
}
pub(crate) use dispatch_space;

/// The floating dtype `linspace` computes in for two arguments read as Python numbers plus their
/// Rust types: `f64` and integers are weak (Python floats and ints), `f32` and `f16` are strong
/// as NumPy scalars are, and two strong types promote to the wider one. NumPy has no promotion
/// of `bfloat16` scalars here and computes in `float64`, as does numox.
pub(crate) fn space_dtype(a: DType, b: DType) -> DType {
    let strong = |d: DType| matches!(d, DType::Float16 | DType::Float32);
    match (strong(a), strong(b)) {
        (true, true) => a.max(b),
        (true, false) => a,
        (false, true) => b,
        (false, false) => DType::Float64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_fill_wraps_like_c() {
        let mut v = [3u8, 2, 0, 0];
        u8::fill(&mut v).unwrap();
        assert_eq!(v, [3, 2, 1, 0]);
        let mut w = [0i8, 100, 0];
        i8::fill(&mut w).unwrap();
        assert_eq!(w, [0, 100, -56]);
    }

    #[test]
    fn half_ops_round_each_step() {
        let a = f16::from_f32(1.0);
        let third = a.div(f16::from_f32(3.0));
        assert_eq!(third, f16::from_f32(1.0 / 3.0));
        assert_eq!(space_dtype(DType::Float16, DType::Float64), DType::Float16);
        assert_eq!(space_dtype(DType::Float16, DType::Float32), DType::Float32);
        assert_eq!(space_dtype(DType::Int64, DType::BFloat16), DType::Float64);
    }

    #[test]
    fn bool_fill_limit() {
        assert!(bool::fill(&mut [false, true]).is_ok());
        assert!(bool::fill(&mut [false, true, true]).is_err());
    }
}
