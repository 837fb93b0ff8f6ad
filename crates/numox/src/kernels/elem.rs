//! Per-element arithmetic for every dtype, with NumPy's semantics: integers wrap, booleans use
//! logic (`+` is or, `*` is and), float16/bfloat16 compute in float32 and round back, complex
//! division uses NumPy's scaled (Smith) formula, `maximum`/`minimum` propagate NaN, complex
//! numbers order lexicographically.
//!
//! Some methods have no NumPy meaning for some dtypes (true division of integers, boolean
//! subtraction): the ufunc layer resolves those cases to another loop dtype or to an error before
//! any kernel runs, so the bodies given for them here are never reached.

use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// Arithmetic and comparison of two elements of one dtype.
pub(crate) trait Arith: Element {
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    /// True division (inexact dtypes only).
    fn div(self, o: Self) -> Self;
    fn neg(self) -> Self;
    /// Absolute value in the same dtype (integers wrap: `abs(i8::MIN)` is `i8::MIN`).
    fn abs_(self) -> Self;
    /// NaN-propagating maximum (`np.maximum`).
    fn max_nan(self, o: Self) -> Self;
    /// NaN-propagating minimum (`np.minimum`).
    fn min_nan(self, o: Self) -> Self;
    fn eq_(self, o: Self) -> bool;
    fn lt_(self, o: Self) -> bool;
    fn le_(self, o: Self) -> bool;
}

macro_rules! int_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            #[inline(always)] fn add(self, o: Self) -> Self { self.wrapping_add(o) }
            #[inline(always)] fn sub(self, o: Self) -> Self { self.wrapping_sub(o) }
            #[inline(always)] fn mul(self, o: Self) -> Self { self.wrapping_mul(o) }
            #[inline(always)] fn div(self, o: Self) -> Self { if o == 0 { 0 } else { self.wrapping_div(o) } }
            #[inline(always)] fn neg(self) -> Self { self.wrapping_neg() }
            #[inline(always)] fn abs_(self) -> Self { if self > 0 { self } else { self.wrapping_neg() } }
            #[inline(always)] fn max_nan(self, o: Self) -> Self { if self >= o { self } else { o } }
            #[inline(always)] fn min_nan(self, o: Self) -> Self { if self <= o { self } else { o } }
            #[inline(always)] fn eq_(self, o: Self) -> bool { self == o }
            #[inline(always)] fn lt_(self, o: Self) -> bool { self < o }
            #[inline(always)] fn le_(self, o: Self) -> bool { self <= o }
        }
    )*};
}
int_arith!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Arith for bool {
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self | o
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        self ^ o
    }
    #[inline(always)]
    fn mul(self, o: Self) -> Self {
        self & o
    }
    #[inline(always)]
    fn div(self, o: Self) -> Self {
        self & o
    }
    #[inline(always)]
    fn neg(self) -> Self {
        !self
    }
    #[inline(always)]
    fn abs_(self) -> Self {
        self
    }
    #[inline(always)]
    fn max_nan(self, o: Self) -> Self {
        self | o
    }
    #[inline(always)]
    fn min_nan(self, o: Self) -> Self {
        self & o
    }
    #[inline(always)]
    fn eq_(self, o: Self) -> bool {
        self == o
    }
    #[inline(always)]
    fn lt_(self, o: Self) -> bool {
        !self & o
    }
    #[inline(always)]
    fn le_(self, o: Self) -> bool {
        !self | o
    }
}

macro_rules! float_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            #[inline(always)] fn add(self, o: Self) -> Self { self + o }
            #[inline(always)] fn sub(self, o: Self) -> Self { self - o }
            #[inline(always)] fn mul(self, o: Self) -> Self { self * o }
            #[inline(always)] fn div(self, o: Self) -> Self { self / o }
            #[inline(always)] fn neg(self) -> Self { -self }
            #[inline(always)] fn abs_(self) -> Self { self.abs() }
            // Ties (±0) give the second operand, as NumPy's loops do.
            #[inline(always)]
            fn max_nan(self, o: Self) -> Self { if self > o || self.is_nan() { self } else { o } }
            #[inline(always)]
            fn min_nan(self, o: Self) -> Self { if self < o || self.is_nan() { self } else { o } }
            #[inline(always)] fn eq_(self, o: Self) -> bool { self == o }
            #[inline(always)] fn lt_(self, o: Self) -> bool { self < o }
            #[inline(always)] fn le_(self, o: Self) -> bool { self <= o }
        }
    )*};
}
float_arith!(f32, f64);

macro_rules! half_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            #[inline(always)] fn add(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() + o.to_f32()) }
            #[inline(always)] fn sub(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() - o.to_f32()) }
            #[inline(always)] fn mul(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() * o.to_f32()) }
            #[inline(always)] fn div(self, o: Self) -> Self { <$t>::from_f32(self.to_f32() / o.to_f32()) }
            #[inline(always)] fn neg(self) -> Self { -self }
            #[inline(always)] fn abs_(self) -> Self { <$t>::from_bits(self.to_bits() & 0x7fff) }
            // Ties (±0) give the second operand, as NumPy's loops do.
            #[inline(always)]
            fn max_nan(self, o: Self) -> Self { if self > o || self.is_nan() { self } else { o } }
            #[inline(always)]
            fn min_nan(self, o: Self) -> Self { if self < o || self.is_nan() { self } else { o } }
            #[inline(always)] fn eq_(self, o: Self) -> bool { self == o }
            #[inline(always)] fn lt_(self, o: Self) -> bool { self < o }
            #[inline(always)] fn le_(self, o: Self) -> bool { self <= o }
        }
    )*};
}
half_arith!(f16, bf16);

macro_rules! complex_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            #[inline(always)] fn add(self, o: Self) -> Self { <$t>::new(self.re + o.re, self.im + o.im) }
            #[inline(always)] fn sub(self, o: Self) -> Self { <$t>::new(self.re - o.re, self.im - o.im) }
            /// NumPy's loops (on this x86-64 baseline) fuse one product of each part:
            /// `re = fma(a.re, b.re, -(a.im * b.im))`, `im = fma(a.re, b.im, a.im * b.re)`.
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                <$t>::new(
                    self.re.mul_add(o.re, -(self.im * o.im)),
                    self.re.mul_add(o.im, self.im * o.re),
                )
            }
            /// NumPy's complex division: scale by the larger part of the divisor (Smith).
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                let (ar, ai, br, bi) = (self.re, self.im, o.re, o.im);
                let (abs_br, abs_bi) = (br.abs(), bi.abs());
                if abs_br >= abs_bi {
                    if abs_br == 0.0 && abs_bi == 0.0 {
                        <$t>::new(ar / abs_br, ai / abs_bi)
                    } else {
                        let rat = bi / br;
                        let scl = 1.0 / (br + bi * rat);
                        <$t>::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
                    }
                } else {
                    let rat = br / bi;
                    let scl = 1.0 / (bi + br * rat);
                    <$t>::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
                }
            }
            #[inline(always)] fn neg(self) -> Self { <$t>::new(-self.re, -self.im) }
            /// Not reached: complex absolute values are real and resolved elsewhere.
            #[inline(always)] fn abs_(self) -> Self { self }
            /// NumPy's `CGE` test: a NaN in either operand propagates (the first one's wins),
            /// ties keep the first operand.
            #[inline(always)]
            fn max_nan(self, o: Self) -> Self {
                let nan = |z: Self| z.re.is_nan() || z.im.is_nan();
                let ge = (self.re > o.re && !nan(self) && !nan(o)) || (self.re == o.re && self.im >= o.im);
                if nan(self) || ge { self } else { o }
            }
            #[inline(always)]
            fn min_nan(self, o: Self) -> Self {
                let nan = |z: Self| z.re.is_nan() || z.im.is_nan();
                let le = (self.re < o.re && !nan(self) && !nan(o)) || (self.re == o.re && self.im <= o.im);
                if nan(self) || le { self } else { o }
            }
            #[inline(always)] fn eq_(self, o: Self) -> bool { self.re == o.re && self.im == o.im }
            #[inline(always)]
            fn lt_(self, o: Self) -> bool {
                if self.re < o.re { self.im == self.im && o.im == o.im } else if self.re > o.re { false } else { self.re == o.re && self.im < o.im }
            }
            #[inline(always)]
            fn le_(self, o: Self) -> bool {
                if self.re < o.re { self.im == self.im && o.im == o.im } else if self.re > o.re { false } else { self.re == o.re && self.im <= o.im }
            }
        }
    )*};
}
complex_arith!(Complex32, Complex64);

/// Real floating functions computed in the dtype's own precision (f16/bf16 through f32).
pub(crate) trait RealFloat: Arith {
    fn map_f64(self, f: fn(f64) -> f64, g: fn(f32) -> f32) -> Self;
}

impl RealFloat for f64 {
    #[inline(always)]
    fn map_f64(self, f: fn(f64) -> f64, _g: fn(f32) -> f32) -> Self {
        f(self)
    }
}
impl RealFloat for f32 {
    #[inline(always)]
    fn map_f64(self, _f: fn(f64) -> f64, g: fn(f32) -> f32) -> Self {
        g(self)
    }
}
impl RealFloat for f16 {
    #[inline(always)]
    fn map_f64(self, _f: fn(f64) -> f64, g: fn(f32) -> f32) -> Self {
        f16::from_f32(g(self.to_f32()))
    }
}
impl RealFloat for bf16 {
    #[inline(always)]
    fn map_f64(self, _f: fn(f64) -> f64, g: fn(f32) -> f32) -> Self {
        bf16::from_f32(g(self.to_f32()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_integer_and_bool_semantics() {
        assert_eq!(Arith::add(127i8, 1), -128);
        assert_eq!(Arith::neg(1u8), 255);
        assert_eq!(Arith::mul(i64::MIN, -1), i64::MIN);
        assert!(Arith::add(true, true));
        assert!(!Arith::mul(true, false));
    }

    #[test]
    fn maximum_propagates_nan_and_complex_orders_lexicographically() {
        assert!(f64::NAN.max_nan(1.0).is_nan());
        assert!(1.0f64.max_nan(f64::NAN).is_nan());
        assert_eq!(2.0f32.min_nan(-1.0), -1.0);
        let (a, b) = (Complex64::new(1.0, 5.0), Complex64::new(1.0, 6.0));
        assert!(a.lt_(b) && !b.lt_(a) && a.le_(a));
        assert_eq!(a.max_nan(b), b);
    }

    #[test]
    fn complex_division_matches_smith() {
        let q = Complex64::new(1.0, 2.0).div(Complex64::new(3.0, 4.0));
        assert_eq!((q.re, q.im), (0.44, 0.08));
        let z = Complex64::new(1.0, 0.0).div(Complex64::new(0.0, 0.0));
        assert!(z.re.is_infinite() && z.im.is_nan());
    }
}
