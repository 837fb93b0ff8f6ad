//! Element conversions with NumPy's `astype` semantics, written once per source family and once
//! per destination family: a source widens itself losslessly (signed ints to `i64`, unsigned to
//! `u64`, float16/bfloat16/float32 to `f32`, float64, complex) and hands the wide value to the
//! destination's `from_*` constructor. Inlining removes the widening, so `i32 → f32` compiles to
//! one conversion instruction.

use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// The destination side of a conversion: builds `Self` from each family's wide form.
///
/// Implemented for the fifteen element types; used through [`CastElement::cast_to`].
///
/// ```
/// use numox::cast::CastTarget;
/// assert_eq!(<i8 as CastTarget>::from_i64(300), 44); // wraps, as NumPy's astype
/// assert!(!<u8 as CastTarget>::fits_f64(-1.0));
/// ```
pub trait CastTarget: Element {
    /// From a bool: 0 or 1.
    fn from_bool(v: bool) -> Self;
    /// From a signed integer: wraps into integer types, rounds to nearest into floats.
    fn from_i64(v: i64) -> Self;
    /// From an unsigned integer: wraps into integer types, rounds to nearest into floats.
    fn from_u64(v: u64) -> Self;
    /// From a float32 (also the exact image of float16 and bfloat16): rounds to nearest into
    /// floats, truncates toward zero into integers, nonzero (or NaN) into `true`.
    fn from_f32(v: f32) -> Self;
    /// From a float64, as [`CastTarget::from_f32`].
    fn from_f64(v: f64) -> Self;
    /// From a complex64: real types take the real part; bool is `re != 0 || im != 0`.
    fn from_c32(v: Complex32) -> Self;
    /// From a complex128, as [`CastTarget::from_c32`].
    fn from_c64(v: Complex64) -> Self;
    /// Whether NumPy defines converting the float32 `v` to `Self`: false only for integer
    /// targets when `v` is NaN, infinite, or truncates to a value outside the type.
    fn fits_f32(v: f32) -> bool;
    /// As [`CastTarget::fits_f32`] for a float64.
    fn fits_f64(v: f64) -> bool;
}

/// An element type that converts to every element type with NumPy's `astype` semantics:
/// integers wrap, floats round to nearest-even, float → integer truncates toward zero, anything
/// nonzero (and NaN) becomes `true`, complex → real takes the real part.
///
/// ```
/// use numox::cast::CastElement;
/// assert_eq!((-1i64).cast_to::<u8>(), 255);
/// assert_eq!((-2.7f64).cast_to::<i32>(), -2);
/// assert!(f64::NAN.cast_to::<bool>());
/// assert!(!f64::NAN.cast_defined::<i32>());
/// assert_eq!(1.0009765625f64.cast_to::<numox::f16>().to_f32(), 1.0009765625);
/// ```
pub trait CastElement: CastTarget {
    /// The value converted to `D`. For float → integer conversions the result is only
    /// meaningful where [`CastElement::cast_defined`] holds (otherwise it saturates).
    fn cast_to<D: CastTarget>(self) -> D;
    /// Whether NumPy defines the conversion of this value to `D` (false for NaN, ±inf and
    /// out-of-range values converted to an integer type, where NumPy's result depends on the
    /// platform).
    fn cast_defined<D: CastTarget>(self) -> bool;
    /// The value (its real part for complex) as float64, for error messages.
    fn real_f64(self) -> f64;
}

/// Float64 → float32 rounding toward zero with the lowest bit set when inexact ("round to odd").
/// Rounding that result to a narrower float gives the correctly rounded narrow value, which a
/// plain float64 → float32 → float16 double rounding does not.
#[inline]
fn f64_to_f32_odd(x: f64) -> f32 {
    let f = x as f32;
    let back = f as f64;
    if back == x || !f.is_finite() || x.is_nan() {
        return f;
    }
    let mut bits = f.to_bits();
    if back.abs() > x.abs() {
        // `f` was rounded away from zero: its neighbour toward zero is the truncation.
        bits -= 1;
    }
    f32::from_bits(bits | 1)
}

macro_rules! target_int {
    ($($t:ty),*) => {$(
        impl CastTarget for $t {
            #[inline(always)]
            fn from_bool(v: bool) -> Self { v as $t }
            #[inline(always)]
            fn from_i64(v: i64) -> Self { v as $t }
            #[inline(always)]
            fn from_u64(v: u64) -> Self { v as $t }
            #[inline(always)]
            fn from_f32(v: f32) -> Self { v as $t }
            #[inline(always)]
            fn from_f64(v: f64) -> Self { v as $t }
            #[inline(always)]
            fn from_c32(v: Complex32) -> Self { v.re as $t }
            #[inline(always)]
            fn from_c64(v: Complex64) -> Self { v.re as $t }
            #[inline(always)]
            fn fits_f32(v: f32) -> bool {
                int_range_check!($t, f32, v)
            }
            #[inline(always)]
            fn fits_f64(v: f64) -> bool {
                int_range_check!($t, f64, v)
            }
        }
    )*};
}

/// Whether `trunc(v)` lies in the integer type's range, without calling `trunc` (which is a
/// library call, not a vector instruction, on baseline x86-64). With `LO` and `HI` the type's
/// bounds (powers of two or zero, exact in every float type): `trunc(v) < HI` iff `v < HI`, and
/// `trunc(v) >= LO` iff `v > LO - 1`, which reads `v >= LO` when `LO - 1` rounds back to `LO`
/// (no float lies strictly between them then). NaN fails both comparisons.
macro_rules! int_range_check {
    ($t:ty, $f:ty, $v:expr) => {{
        const LO: $f = <$t>::MIN as $f;
        const HI: $f = (<$t>::MAX as f64 + 1.0) as $f;
        let below = LO - 1.0;
        let v: $f = $v;
        let above_lo = if below == LO { v >= LO } else { v > below };
        above_lo && v < HI
    }};
}

target_int!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! target_float {
    ($($t:ty),*) => {$(
        impl CastTarget for $t {
            #[inline(always)]
            fn from_bool(v: bool) -> Self { v as u8 as $t }
            #[inline(always)]
            fn from_i64(v: i64) -> Self { v as $t }
            #[inline(always)]
            fn from_u64(v: u64) -> Self { v as $t }
            #[inline(always)]
            fn from_f32(v: f32) -> Self { v as $t }
            #[inline(always)]
            fn from_f64(v: f64) -> Self { v as $t }
            #[inline(always)]
            fn from_c32(v: Complex32) -> Self { v.re as $t }
            #[inline(always)]
            fn from_c64(v: Complex64) -> Self { v.re as $t }
            #[inline(always)]
            fn fits_f32(_: f32) -> bool { true }
            #[inline(always)]
            fn fits_f64(_: f64) -> bool { true }
        }
    )*};
}
target_float!(f32, f64);

macro_rules! target_complex {
    ($($t:ty => $f:ty),*) => {$(
        impl CastTarget for $t {
            #[inline(always)]
            fn from_bool(v: bool) -> Self { <$t>::new(v as u8 as $f, 0.0) }
            #[inline(always)]
            fn from_i64(v: i64) -> Self { <$t>::new(v as $f, 0.0) }
            #[inline(always)]
            fn from_u64(v: u64) -> Self { <$t>::new(v as $f, 0.0) }
            #[inline(always)]
            fn from_f32(v: f32) -> Self { <$t>::new(v as $f, 0.0) }
            #[inline(always)]
            fn from_f64(v: f64) -> Self { <$t>::new(v as $f, 0.0) }
            #[inline(always)]
            fn from_c32(v: Complex32) -> Self { <$t>::new(v.re as $f, v.im as $f) }
            #[inline(always)]
            fn from_c64(v: Complex64) -> Self { <$t>::new(v.re as $f, v.im as $f) }
            #[inline(always)]
            fn fits_f32(_: f32) -> bool { true }
            #[inline(always)]
            fn fits_f64(_: f64) -> bool { true }
        }
    )*};
}
target_complex!(Complex32 => f32, Complex64 => f64);

impl CastTarget for bool {
    #[inline(always)]
    fn from_bool(v: bool) -> Self {
        v
    }
    #[inline(always)]
    fn from_i64(v: i64) -> Self {
        v != 0
    }
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        v != 0
    }
    #[inline(always)]
    fn from_f32(v: f32) -> Self {
        v != 0.0
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
    #[inline(always)]
    fn from_c32(v: Complex32) -> Self {
        v.re != 0.0 || v.im != 0.0
    }
    #[inline(always)]
    fn from_c64(v: Complex64) -> Self {
        v.re != 0.0 || v.im != 0.0
    }
    #[inline(always)]
    fn fits_f32(_: f32) -> bool {
        true
    }
    #[inline(always)]
    fn fits_f64(_: f64) -> bool {
        true
    }
}

impl CastTarget for f16 {
    #[inline(always)]
    fn from_bool(v: bool) -> Self {
        if v {
            f16::ONE
        } else {
            f16::ZERO
        }
    }
    /// Integers go through float32 as in NumPy; every integer that does not overflow float16
    /// is exact in float32, so this rounds once.
    #[inline(always)]
    fn from_i64(v: i64) -> Self {
        f16::from_f32(v as f32)
    }
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        f16::from_f32(v as f32)
    }
    #[inline(always)]
    fn from_f32(v: f32) -> Self {
        f16::from_f32(v)
    }
    /// Correctly rounded, as NumPy's `npy_double_to_half` (not through a float32 rounding).
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        f16::from_f32(f64_to_f32_odd(v))
    }
    #[inline(always)]
    fn from_c32(v: Complex32) -> Self {
        <Self as CastTarget>::from_f32(v.re)
    }
    #[inline(always)]
    fn from_c64(v: Complex64) -> Self {
        <Self as CastTarget>::from_f64(v.re)
    }
    #[inline(always)]
    fn fits_f32(_: f32) -> bool {
        true
    }
    #[inline(always)]
    fn fits_f64(_: f64) -> bool {
        true
    }
}

/// bfloat16 follows ml_dtypes, which converts every source through float32 (so float64 and
/// 64-bit integer sources round twice).
impl CastTarget for bf16 {
    #[inline(always)]
    fn from_bool(v: bool) -> Self {
        if v {
            bf16::ONE
        } else {
            bf16::ZERO
        }
    }
    #[inline(always)]
    fn from_i64(v: i64) -> Self {
        bf16::from_f32(v as f32)
    }
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        bf16::from_f32(v as f32)
    }
    #[inline(always)]
    fn from_f32(v: f32) -> Self {
        bf16::from_f32(v)
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        bf16::from_f32(v as f32)
    }
    #[inline(always)]
    fn from_c32(v: Complex32) -> Self {
        <Self as CastTarget>::from_f32(v.re)
    }
    #[inline(always)]
    fn from_c64(v: Complex64) -> Self {
        <Self as CastTarget>::from_f64(v.re)
    }
    #[inline(always)]
    fn fits_f32(_: f32) -> bool {
        true
    }
    #[inline(always)]
    fn fits_f64(_: f64) -> bool {
        true
    }
}

macro_rules! source {
    ($($t:ty: |$v:ident| $to:ident($wide:expr), defined $def:expr, real $real:expr;)*) => {$(
        impl CastElement for $t {
            #[inline(always)]
            fn cast_to<D: CastTarget>(self) -> D {
                let $v = self;
                D::$to($wide)
            }
            #[inline(always)]
            fn cast_defined<D: CastTarget>(self) -> bool {
                #[allow(unused_variables)]
                let $v = self;
                $def
            }
            #[inline(always)]
            fn real_f64(self) -> f64 {
                let $v = self;
                $real
            }
        }
    )*};
}

source! {
    bool: |v| from_bool(v), defined true, real v as u8 as f64;
    i8: |v| from_i64(v as i64), defined true, real v as f64;
    i16: |v| from_i64(v as i64), defined true, real v as f64;
    i32: |v| from_i64(v as i64), defined true, real v as f64;
    i64: |v| from_i64(v), defined true, real v as f64;
    u8: |v| from_u64(v as u64), defined true, real v as f64;
    u16: |v| from_u64(v as u64), defined true, real v as f64;
    u32: |v| from_u64(v as u64), defined true, real v as f64;
    u64: |v| from_u64(v), defined true, real v as f64;
    f16: |v| from_f32(v.to_f32()), defined D::fits_f32(v.to_f32()), real v.to_f64();
    bf16: |v| from_f32(v.to_f32()), defined D::fits_f32(v.to_f32()), real v.to_f64();
    f32: |v| from_f32(v), defined D::fits_f32(v), real v as f64;
    f64: |v| from_f64(v), defined D::fits_f64(v), real v;
    Complex32: |v| from_c32(v), defined D::fits_f32(v.re), real v.re as f64;
    Complex64: |v| from_c64(v), defined D::fits_f64(v.re), real v.re;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_to_odd_gives_correct_half_rounding() {
        // 1 + 2^-11 + 2^-40 lies just above the tie between 1 and 1 + 2^-10.
        let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
        assert_eq!(<f16 as CastTarget>::from_f64(x).to_bits(), 0x3C01);
        assert_eq!(
            <f16 as CastTarget>::from_f64(1.0 + 2f64.powi(-11)).to_bits(),
            0x3C00
        );
        assert_eq!(<f16 as CastTarget>::from_f64(-1e-300).to_bits(), 0x8000);
        assert_eq!(<f16 as CastTarget>::from_f64(1e300).to_bits(), 0x7C00);
        assert!(<f16 as CastTarget>::from_f64(f64::NAN).is_nan());
    }

    #[test]
    fn integer_bounds() {
        assert!(<i64 as CastTarget>::fits_f64(-9223372036854775808.0));
        assert!(!<i64 as CastTarget>::fits_f64(9223372036854775808.0));
        assert!(<u8 as CastTarget>::fits_f64(-0.9));
        assert!(<u8 as CastTarget>::fits_f64(255.9));
        assert!(!<u8 as CastTarget>::fits_f32(256.0));
        assert!(!<i32 as CastTarget>::fits_f32(f32::INFINITY));
        assert!(!<u64 as CastTarget>::fits_f32(f32::NAN));
    }
}
