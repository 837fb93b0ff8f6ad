//! Per-element kernels of the unary arithmetic ufuncs: `sign`, `reciprocal`, `cbrt`, the
//! rounding functions (`floor`, `ceil`, `trunc`, `rint`, `round(decimals)`) and `clip`, with
//! NumPy's results for every dtype.
//!
//! Where NumPy converts a float64 to an integer outside the integer's range (`reciprocal(0)` on
//! integers, `round` of integers with negative decimals), its result is what the C conversion
//! gives on x86-64; [`FromF64C`] reproduces it.

use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// float64 → integer as C's `(T)x` compiles on x86-64 (`cvttsd2si`): truncation when the value
/// fits, else the "integer indefinite" value of the 32- or 64-bit conversion, narrowed.
pub(crate) trait FromF64C: Element {
    fn from_f64_c(x: f64) -> Self;
}

/// `cvttsd2si` to 32 bits: truncation, or `i32::MIN` for NaN and out-of-range values.
#[inline(always)]
fn cvt32(x: f64) -> i32 {
    if x > -2147483649.0 && x < 2147483648.0 {
        x as i32
    } else {
        i32::MIN
    }
}

/// `cvttsd2si` to 64 bits.
#[inline(always)]
fn cvt64(x: f64) -> i64 {
    if (-9223372036854775808.0..9223372036854775808.0).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

macro_rules! from_f64_c {
    ($($t:ty => $conv:ident),*) => {$(
        impl FromF64C for $t {
            #[inline(always)]
            fn from_f64_c(x: f64) -> Self { $conv(x) as $t }
        }
    )*};
}
from_f64_c!(i8 => cvt32, i16 => cvt32, i32 => cvt32, u8 => cvt32, u16 => cvt32, i64 => cvt64);

impl FromF64C for u32 {
    /// The vectorised sequence of NumPy's contiguous cast loop: values from 2^31 up convert
    /// after subtracting 2^31.
    #[inline(always)]
    fn from_f64_c(x: f64) -> Self {
        const TWO31: f64 = 2147483648.0;
        if x >= TWO31 {
            (cvt32(x - TWO31) as u32) ^ (1 << 31)
        } else {
            cvt32(x) as u32
        }
    }
}

impl FromF64C for u64 {
    /// The compilers' sequence: values from 2^63 up convert after subtracting 2^63.
    #[inline(always)]
    fn from_f64_c(x: f64) -> Self {
        const TWO63: f64 = 9223372036854775808.0;
        if x >= TWO63 {
            (cvt64(x - TWO63) as u64) ^ (1 << 63)
        } else {
            cvt64(x) as u64
        }
    }
}

/// Unary functions defined for every dtype: `sign`, `reciprocal` and `rint`.
pub(crate) trait UnaryArith: Element {
    /// `np.sign`: -1, 0 or 1 (NaN stays NaN; complex numbers give `z / |z|`).
    fn sign_(self) -> Self;
    /// `np.reciprocal`: `1 / x` (integers: the C conversion of the float64 quotient).
    fn reciprocal_(self) -> Self;
    /// `np.rint`: round half to even (integers unchanged; complex parts separately).
    fn rint_(self) -> Self;
}

macro_rules! int_unary {
    ($($t:ty),*) => {$(
        impl UnaryArith for $t {
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn sign_(self) -> Self {
                if self > 0 { 1 } else if self < 0 { (0 as $t).wrapping_sub(1) } else { 0 }
            }
            #[inline(always)]
            fn reciprocal_(self) -> Self {
                <$t>::from_f64_c(1.0 / self as f64)
            }
            #[inline(always)]
            fn rint_(self) -> Self { self }
        }
    )*};
}
int_unary!(i8, i16, i32, i64, u8, u16, u32, u64);

impl UnaryArith for bool {
    /// Not reached (NumPy has no boolean sign).
    #[inline(always)]
    fn sign_(self) -> Self {
        self
    }
    /// Not reached (booleans take the int8 loop).
    #[inline(always)]
    fn reciprocal_(self) -> Self {
        self
    }
    #[inline(always)]
    fn rint_(self) -> Self {
        self
    }
}

macro_rules! float_unary {
    ($($t:ty),*) => {$(
        impl UnaryArith for $t {
            #[inline(always)]
            fn sign_(self) -> Self {
                if self > 0.0 { 1.0 } else if self < 0.0 { -1.0 } else if self == 0.0 { 0.0 } else { self }
            }
            #[inline(always)]
            fn reciprocal_(self) -> Self { 1.0 / self }
            #[inline(always)]
            fn rint_(self) -> Self { self.round_ties_even() }
        }
    )*};
}
float_unary!(f32, f64);

macro_rules! half_unary {
    ($($t:ty),*) => {$(
        impl UnaryArith for $t {
            /// NumPy's half loop: NaN stays, ±0 gives +0, else ±1 by the sign bit. (ml_dtypes'
            /// bfloat16 loop keeps -0.)
            #[inline(always)]
            fn sign_(self) -> Self {
                if self.is_nan() {
                    self
                } else if self.to_bits() & 0x7fff == 0 {
                    if <$t as Element>::DTYPE == crate::DType::BFloat16 { self } else { <$t>::ZERO }
                } else if self.to_bits() & 0x8000 == 0 {
                    <$t>::ONE
                } else {
                    <$t>::NEG_ONE
                }
            }
            #[inline(always)]
            fn reciprocal_(self) -> Self { <$t>::from_f32(1.0 / self.to_f32()) }
            #[inline(always)]
            fn rint_(self) -> Self { <$t>::from_f32(self.to_f32().round_ties_even()) }
        }
    )*};
}
half_unary!(f16, bf16);

macro_rules! complex_unary {
    ($($c:ty, $f:ty);*) => {$(
        impl UnaryArith for $c {
            /// NumPy 2: `z / |z|`; 0 for 0; NaN for NaN or two infinite parts; one infinite
            /// part gives ±1 on its axis.
            fn sign_(self) -> Self {
                let (r, i) = (self.re, self.im);
                let abs = r.hypot(i);
                if abs.is_nan() {
                    <$c>::new(<$f>::NAN, <$f>::NAN)
                } else if abs.is_infinite() {
                    if r.is_infinite() {
                        if i.is_infinite() {
                            <$c>::new(<$f>::NAN, <$f>::NAN)
                        } else {
                            <$c>::new(if r > 0.0 { 1.0 } else { -1.0 }, 0.0)
                        }
                    } else {
                        <$c>::new(0.0, if i > 0.0 { 1.0 } else { -1.0 })
                    }
                } else if abs == 0.0 {
                    <$c>::new(0.0, 0.0)
                } else {
                    <$c>::new(r / abs, i / abs)
                }
            }
            /// NumPy's loop: Smith's division of 1 by `z`.
            fn reciprocal_(self) -> Self {
                let (r, i) = (self.re, self.im);
                if i.abs() <= r.abs() {
                    let q = i / r;
                    let d = r + i * q;
                    <$c>::new(1.0 / d, -q / d)
                } else {
                    let q = r / i;
                    let d = r * q + i;
                    <$c>::new(q / d, -1.0 / d)
                }
            }
            #[inline(always)]
            fn rint_(self) -> Self {
                <$c>::new(self.re.round_ties_even(), self.im.round_ties_even())
            }
        }
    )*};
}
complex_unary!(Complex32, f32; Complex64, f64);

/// Unary functions of real floats: `cbrt`, `floor`, `ceil`, `trunc`.
pub(crate) trait FloatUnary: Element {
    fn cbrt_(self) -> Self;
    fn floor_(self) -> Self;
    fn ceil_(self) -> Self;
    fn trunc_(self) -> Self;
}

macro_rules! float_float_unary {
    ($($t:ty),*) => {$(
        impl FloatUnary for $t {
            #[inline(always)] fn cbrt_(self) -> Self { self.cbrt() }
            #[inline(always)] fn floor_(self) -> Self { self.floor() }
            #[inline(always)] fn ceil_(self) -> Self { self.ceil() }
            #[inline(always)] fn trunc_(self) -> Self { self.trunc() }
        }
    )*};
}
float_float_unary!(f32, f64);

macro_rules! half_float_unary {
    ($($t:ty),*) => {$(
        impl FloatUnary for $t {
            #[inline(always)] fn cbrt_(self) -> Self { <$t>::from_f32(self.to_f32().cbrt()) }
            #[inline(always)] fn floor_(self) -> Self { <$t>::from_f32(self.to_f32().floor()) }
            #[inline(always)] fn ceil_(self) -> Self { <$t>::from_f32(self.to_f32().ceil()) }
            #[inline(always)] fn trunc_(self) -> Self { <$t>::from_f32(self.to_f32().trunc()) }
        }
    )*};
}
half_float_unary!(f16, bf16);

/// NumPy's `power_of_ten`: exact table entries up to 1e8, then repeated multiplication by 10.
pub(crate) fn power_of_ten(n: u64) -> f64 {
    const P10: [f64; 9] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
    if n < 9 {
        return P10[n as usize];
    }
    let mut r: f64 = 1e9;
    let mut k = n;
    while k > 9 && r.is_finite() {
        r *= 10.0;
        k -= 1;
    }
    r
}

/// `np.round(x, decimals)` for one element: `rint(x * p) / p` for `decimals >= 0`, and
/// `rint(x / p) * p` for negative decimals, with `p = 10^|decimals|` converted to the dtype.
pub(crate) trait RoundDecimals: Element {
    /// `p` is `10^|decimals|`; `scale_up` is `decimals >= 0`.
    fn round_dec(self, p: f64, scale_up: bool) -> Self;
}

macro_rules! float_round_dec {
    ($($t:ty),*) => {$(
        impl RoundDecimals for $t {
            #[inline(always)]
            fn round_dec(self, p: f64, scale_up: bool) -> Self {
                use crate::kernels::elem::Arith;
                let p = <$t as crate::cast::CastTarget>::from_f64(p);
                if scale_up {
                    self.mul(p).rint_().div(p)
                } else {
                    self.div(p).rint_().mul(p)
                }
            }
        }
    )*};
}
float_round_dec!(f16, bf16, f32, f64);

macro_rules! int_round_dec {
    ($($t:ty),*) => {$(
        impl RoundDecimals for $t {
            /// Integers: unchanged for `decimals >= 0`; else computed in float64 and converted
            /// back as C does.
            #[inline(always)]
            fn round_dec(self, p: f64, scale_up: bool) -> Self {
                if scale_up {
                    self
                } else {
                    <$t>::from_f64_c((self as f64 / p).round_ties_even() * p)
                }
            }
        }
    )*};
}
int_round_dec!(i8, i16, i32, i64, u8, u16, u32, u64);

impl RoundDecimals for bool {
    /// Not reached (booleans round through float16 or fail).
    #[inline(always)]
    fn round_dec(self, _p: f64, _scale_up: bool) -> Self {
        self
    }
}

macro_rules! complex_round_dec {
    ($($c:ty),*) => {$(
        impl RoundDecimals for $c {
            /// The real and imaginary parts round separately.
            #[inline(always)]
            fn round_dec(self, p: f64, scale_up: bool) -> Self {
                <$c>::new(self.re.round_dec(p, scale_up), self.im.round_dec(p, scale_up))
            }
        }
    )*};
}
complex_round_dec!(Complex32, Complex64);

/// `np.clip(x, lo, hi)` for one element: `min(max(x, lo), hi)` with NaN propagating.
pub(crate) trait Clip: Element {
    /// With `keep_ties`, a value equal to a bound is kept (NumPy's loop for scalar bounds);
    /// else the bound is returned (its loop for array bounds). It matters for ±0 only.
    fn clip_(self, lo: Self, hi: Self, keep_ties: bool) -> Self;
}

macro_rules! ord_clip {
    ($($t:ty),*) => {$(
        impl Clip for $t {
            #[inline(always)]
            fn clip_(self, lo: Self, hi: Self, _keep_ties: bool) -> Self {
                let t = if self > lo { self } else { lo };
                if t < hi { t } else { hi }
            }
        }
    )*};
}
ord_clip!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! float_clip {
    ($($t:ty),*) => {$(
        impl Clip for $t {
            #[inline(always)]
            fn clip_(self, lo: Self, hi: Self, keep_ties: bool) -> Self {
                if keep_ties {
                    let t = if self >= lo || self.is_nan() { self } else { lo };
                    if t <= hi || t.is_nan() { t } else { hi }
                } else {
                    let t = if self > lo || self.is_nan() { self } else { lo };
                    if t < hi || t.is_nan() { t } else { hi }
                }
            }
        }
    )*};
}
float_clip!(f32, f64);

macro_rules! half_clip {
    ($($t:ty),*) => {$(
        impl Clip for $t {
            /// NumPy's half loop keeps a value equal to a bound.
            #[inline(always)]
            fn clip_(self, lo: Self, hi: Self, _keep_ties: bool) -> Self {
                let t = if self >= lo || self.is_nan() { self } else { lo };
                if t <= hi || t.is_nan() { t } else { hi }
            }
        }
    )*};
}
half_clip!(f16, bf16);

macro_rules! complex_clip {
    ($($c:ty),*) => {$(
        impl Clip for $c {
            /// Lexicographic order (`re`, then `im`); a NaN part in `x` (then in the clipped
            /// value) is kept, a NaN bound wins over a number.
            #[inline(always)]
            fn clip_(self, lo: Self, hi: Self, _keep_ties: bool) -> Self {
                let nan = |z: Self| z.re.is_nan() || z.im.is_nan();
                let gt = |a: Self, b: Self| if a.re == b.re { a.im > b.im } else { a.re > b.re };
                let t = if nan(self) || gt(self, lo) { self } else { lo };
                if nan(t) || gt(hi, t) { t } else { hi }
            }
        }
    )*};
}
complex_clip!(Complex32, Complex64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_conversions_match_x86() {
        assert_eq!(i8::from_f64_c(f64::INFINITY), 0);
        assert_eq!(i32::from_f64_c(f64::INFINITY), i32::MIN);
        assert_eq!(i64::from_f64_c(f64::NAN), i64::MIN);
        assert_eq!(i8::from_f64_c(130.0), -126);
        assert_eq!(u64::from_f64_c(18446744073709551616.0), 0);
        assert_eq!(u64::from_f64_c(1e19), 10000000000000000000);
        assert_eq!(u32::from_f64_c(f64::INFINITY), 0);
        assert_eq!(u32::from_f64_c(f64::NAN), 1 << 31);
        assert_eq!(u32::from_f64_c(4294967300.0), 0);
        assert_eq!(u32::from_f64_c(-1.0), u32::MAX);
    }

    #[test]
    fn sign_reciprocal_rint() {
        assert_eq!((-5i8).sign_(), -1);
        assert_eq!(7u8.sign_(), 1);
        assert!((-0.0f64).sign_().is_sign_positive());
        assert!(f32::NAN.sign_().is_nan());
        assert_eq!(Complex64::new(3.0, 4.0).sign_(), Complex64::new(0.6, 0.8));
        assert_eq!(
            Complex64::new(f64::INFINITY, f64::NAN).sign_(),
            Complex64::new(1.0, 0.0)
        );
        assert_eq!(0i32.reciprocal_(), i32::MIN);
        assert_eq!((-1i16).reciprocal_(), -1);
        assert_eq!(3u8.reciprocal_(), 0);
        assert_eq!(2.5f64.rint_(), 2.0);
        assert_eq!(f16::from_f32(-3.5).rint_().to_f32(), -4.0);
    }

    #[test]
    fn round_decimals_as_numpy() {
        assert_eq!(power_of_ten(2), 100.0);
        assert_eq!(power_of_ten(12), 1e12);
        assert!(power_of_ten(400).is_infinite());
        assert_eq!(1.25f64.round_dec(10.0, true), 1.2);
        assert_eq!(125i8.round_dec(10.0, false), 120);
        assert_eq!(127i8.round_dec(10.0, false), -126);
        // float16 cannot hold 1e5: x * inf / inf is NaN, as in NumPy.
        assert!(f16::from_f32(1.0).round_dec(1e5, true).is_nan());
    }

    #[test]
    fn clip_order_and_nan() {
        assert_eq!(5i32.clip_(1, 3, true), 3);
        assert_eq!(2i32.clip_(3, 1, true), 1);
        assert!(1.0f64.clip_(f64::NAN, 2.0, true).is_nan());
        assert!(f64::NAN.clip_(0.0, 2.0, false).is_nan());
        assert!((-0.0f64).clip_(0.0, 1.0, true).is_sign_negative());
        assert!((-0.0f64).clip_(0.0, 1.0, false).is_sign_positive());
    }
}
