//! Per-element classification for every dtype: truthiness (the logical ufuncs), NaN / infinity /
//! finiteness, the sign bit, and `nan_to_num`'s replacement of non-finite values. Booleans and
//! integers are never NaN or infinite and always finite; a complex number is NaN when either part
//! is, infinite when either part is (so `inf + nan j` is both), finite when both parts are, and
//! true when either part is nonzero.
//!
//! The sign bit of a complex number has no NumPy meaning: the ufunc layer reports NumPy's error
//! before any kernel runs, so the body given for it is never reached.

use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// Classification of one element.
pub(crate) trait Classify: Element {
    /// The type of the parts (`Self` for real types, the real type for complex ones).
    type Part: Element;
    /// The largest finite value of `Part` (`nan_to_num`'s default for +inf).
    const PART_MAX: Self::Part;
    /// The smallest finite value of `Part` (`nan_to_num`'s default for -inf).
    const PART_MIN: Self::Part;
    /// The element as a truth value: nonzero (NaN is true; complex: either part nonzero).
    fn truthy(self) -> bool;
    fn is_nan_(self) -> bool;
    fn is_inf_(self) -> bool;
    fn is_finite_(self) -> bool;
    /// The sign bit (negative integers have it; -0.0 and -NaN do too).
    fn signbit_(self) -> bool;
    /// NaN, +inf and -inf replaced by the given values (for complex, part by part).
    fn nan_to_num_(self, nan: Self::Part, posinf: Self::Part, neginf: Self::Part) -> Self;
}

macro_rules! int_classify {
    ($($t:ty),*) => {$(
        impl Classify for $t {
            type Part = $t;
            const PART_MAX: $t = <$t>::MAX;
            const PART_MIN: $t = <$t>::MIN;
            #[inline(always)] fn truthy(self) -> bool { self != 0 }
            #[inline(always)] fn is_nan_(self) -> bool { false }
            #[inline(always)] fn is_inf_(self) -> bool { false }
            #[inline(always)] fn is_finite_(self) -> bool { true }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn signbit_(self) -> bool { self < 0 }
            #[inline(always)] fn nan_to_num_(self, _: $t, _: $t, _: $t) -> Self { self }
        }
    )*};
}
int_classify!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Classify for bool {
    type Part = bool;
    const PART_MAX: bool = true;
    const PART_MIN: bool = false;
    #[inline(always)]
    fn truthy(self) -> bool {
        self
    }
    #[inline(always)]
    fn is_nan_(self) -> bool {
        false
    }
    #[inline(always)]
    fn is_inf_(self) -> bool {
        false
    }
    #[inline(always)]
    fn is_finite_(self) -> bool {
        true
    }
    #[inline(always)]
    fn signbit_(self) -> bool {
        false
    }
    #[inline(always)]
    fn nan_to_num_(self, _: bool, _: bool, _: bool) -> Self {
        self
    }
}

macro_rules! float_classify {
    ($($t:ty => $zero:expr),*) => {$(
        impl Classify for $t {
            type Part = $t;
            const PART_MAX: $t = <$t>::MAX;
            const PART_MIN: $t = <$t>::MIN;
            #[inline(always)] fn truthy(self) -> bool { self != $zero }
            #[inline(always)] fn is_nan_(self) -> bool { self.is_nan() }
            #[inline(always)] fn is_inf_(self) -> bool { self.is_infinite() }
            #[inline(always)] fn is_finite_(self) -> bool { self.is_finite() }
            #[inline(always)] fn signbit_(self) -> bool { self.is_sign_negative() }
            #[inline(always)]
            fn nan_to_num_(self, nan: $t, posinf: $t, neginf: $t) -> Self {
                if self.is_nan() {
                    nan
                } else if self.is_infinite() {
                    if self.is_sign_negative() { neginf } else { posinf }
                } else {
                    self
                }
            }
        }
    )*};
}
float_classify!(f16 => f16::ZERO, bf16 => bf16::ZERO, f32 => 0.0, f64 => 0.0);

macro_rules! complex_classify {
    ($($t:ty => $r:ty),*) => {$(
        impl Classify for $t {
            type Part = $r;
            const PART_MAX: $r = <$r>::MAX;
            const PART_MIN: $r = <$r>::MIN;
            #[inline(always)] fn truthy(self) -> bool { self.re != 0.0 || self.im != 0.0 }
            #[inline(always)] fn is_nan_(self) -> bool { self.re.is_nan() || self.im.is_nan() }
            #[inline(always)]
            fn is_inf_(self) -> bool { self.re.is_infinite() || self.im.is_infinite() }
            #[inline(always)]
            fn is_finite_(self) -> bool { self.re.is_finite() && self.im.is_finite() }
            /// Not reached: NumPy has no complex `signbit`.
            #[inline(always)] fn signbit_(self) -> bool { self.re.is_sign_negative() }
            #[inline(always)]
            fn nan_to_num_(self, nan: $r, posinf: $r, neginf: $r) -> Self {
                <$t>::new(
                    self.re.nan_to_num_(nan, posinf, neginf),
                    self.im.nan_to_num_(nan, posinf, neginf),
                )
            }
        }
    )*};
}
complex_classify!(Complex32 => f32, Complex64 => f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truthiness_and_classes() {
        assert!(f64::NAN.truthy() && !(-0.0f64).truthy() && !f16::NEG_ZERO.truthy());
        assert!(Complex64::new(0.0, 1e-300).truthy() && !Complex32::new(0.0, -0.0).truthy());
        assert!(Complex64::new(f64::INFINITY, f64::NAN).is_inf_());
        assert!(Complex64::new(f64::INFINITY, f64::NAN).is_nan_());
        assert!(!Complex64::new(f64::INFINITY, 0.0).is_finite_());
        assert!((-0.0f32).signbit_() && (-f64::NAN).signbit_() && !f64::NAN.signbit_());
        assert!((-3i8).signbit_() && !200u8.signbit_() && !true.signbit_());
        assert!(!i64::MIN.is_nan_() && u8::MAX.is_finite_() && !true.is_inf_());
    }

    #[test]
    fn nan_to_num_replaces_parts() {
        let z = Complex64::new(f64::NAN, f64::NEG_INFINITY).nan_to_num_(1.0, 2.0, 3.0);
        assert_eq!((z.re, z.im), (1.0, 3.0));
        assert_eq!(
            f16::INFINITY.nan_to_num_(f16::ZERO, f16::PART_MAX, f16::PART_MIN),
            f16::MAX
        );
        assert_eq!(7i8.nan_to_num_(0, 0, 0), 7);
    }
}
