//! Per-element kernels of the binary arithmetic ufuncs beyond `+ - * /`: floor division and the
//! two remainders (NumPy's `npy_divmod`, Python's sign rules), powers (NumPy's `npy_cpow` for
//! complex), `fmax`/`fmin`, `copysign` and `heaviside`.
//!
//! float16 and bfloat16 compute in float32 and round back, as NumPy's half loops do. Integer
//! division and remainder by zero give 0 and `MIN // -1` wraps to `MIN`, as in NumPy.

use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// Floor division and remainders with NumPy's semantics.
pub(crate) trait DivMod: Element {
    /// `np.floor_divide`: the quotient rounded toward negative infinity.
    fn floor_div(self, o: Self) -> Self;
    /// `np.remainder`: the remainder with the sign of the divisor (Python's `%`).
    fn remainder(self, o: Self) -> Self;
    /// `np.fmod`: the remainder with the sign of the dividend (C's `fmod`, `%`).
    fn fmod_(self, o: Self) -> Self;
}

macro_rules! signed_divmod {
    ($($t:ty),*) => {$(
        impl DivMod for $t {
            #[inline(always)]
            fn floor_div(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                // `MIN / -1` wraps to MIN, as NumPy's loop gives.
                let q = self.wrapping_div(o);
                if (self.wrapping_rem(o) != 0) && ((self < 0) != (o < 0)) { q - 1 } else { q }
            }
            #[inline(always)]
            fn remainder(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                let r = self.wrapping_rem(o);
                if r != 0 && ((r < 0) != (o < 0)) { r + o } else { r }
            }
            #[inline(always)]
            fn fmod_(self, o: Self) -> Self {
                if o == 0 { 0 } else { self.wrapping_rem(o) }
            }
        }
    )*};
}
signed_divmod!(i8, i16, i32, i64);

macro_rules! unsigned_divmod {
    ($($t:ty),*) => {$(
        impl DivMod for $t {
            #[inline(always)]
            fn floor_div(self, o: Self) -> Self {
                if o == 0 { 0 } else { self / o }
            }
            #[inline(always)]
            fn remainder(self, o: Self) -> Self {
                if o == 0 { 0 } else { self % o }
            }
            #[inline(always)]
            fn fmod_(self, o: Self) -> Self {
                self.remainder(o)
            }
        }
    )*};
}
unsigned_divmod!(u8, u16, u32, u64);

macro_rules! float_divmod {
    ($($t:ident => $divmod:ident),*) => {$(
        /// NumPy's `npy_divmod` (CPython's float divmod): `(a - fmod(a, b)) / b` snapped to an
        /// integer, with the remainder moved to the divisor's sign.
        #[inline(always)]
        pub(crate) fn $divmod(a: $t, b: $t) -> ($t, $t) {
            let m = a % b;
            if b == 0.0 {
                return (a / b, m);
            }
            let mut div = (a - m) / b;
            let mut m = m;
            // NaN counts as nonzero, as in C.
            if m != 0.0 {
                if (b < 0.0) != (m < 0.0) {
                    m += b;
                    div -= 1.0;
                }
            } else {
                m = (0.0 as $t).copysign(b);
            }
            let q = if div != 0.0 {
                let f = div.floor();
                if div - f > 0.5 { f + 1.0 } else { f }
            } else {
                (0.0 as $t).copysign(a / b)
            };
            (q, m)
        }

        impl DivMod for $t {
            #[inline(always)]
            fn floor_div(self, o: Self) -> Self {
                if o == 0.0 { self / o } else { $divmod(self, o).0 }
            }
            #[inline(always)]
            fn remainder(self, o: Self) -> Self {
                if o == 0.0 { self % o } else { $divmod(self, o).1 }
            }
            #[inline(always)]
            fn fmod_(self, o: Self) -> Self {
                self % o
            }
        }
    )*};
}
float_divmod!(f32 => divmod_f32, f64 => divmod_f64);

macro_rules! half_divmod {
    ($($t:ty),*) => {$(
        impl DivMod for $t {
            #[inline(always)]
            fn floor_div(self, o: Self) -> Self {
                <$t>::from_f32(self.to_f32().floor_div(o.to_f32()))
            }
            #[inline(always)]
            fn remainder(self, o: Self) -> Self {
                <$t>::from_f32(self.to_f32().remainder(o.to_f32()))
            }
            #[inline(always)]
            fn fmod_(self, o: Self) -> Self {
                <$t>::from_f32(self.to_f32() % o.to_f32())
            }
        }
    )*};
}
half_divmod!(f16, bf16);

/// `np.power` for one element pair.
pub(crate) trait Power: Element {
    /// `self ** e`. Integers wrap; a negative integer exponent is rejected by the caller before
    /// (it gives 1 here).
    fn pow_(self, e: Self) -> Self;
    /// Whether `self`, as an exponent, is a negative integer (an error for integer powers).
    fn negative_int(self) -> bool {
        false
    }
}

macro_rules! int_power {
    ($($t:ty, $signed:expr);*) => {$(
        impl Power for $t {
            /// NumPy's loop: fast paths for 0, 1 and 2, then squaring.
            #[inline(always)]
            fn pow_(self, e: Self) -> Self {
                if e == 0 || self == 1 {
                    return 1;
                }
                if e == 1 {
                    return self;
                }
                if e == 2 {
                    return self.wrapping_mul(self);
                }
                let mut out: $t = if e & 1 != 0 { self } else { 1 };
                let (mut base, mut rest) = (self, e >> 1);
                while rest > 0 {
                    base = base.wrapping_mul(base);
                    if rest & 1 != 0 {
                        out = out.wrapping_mul(base);
                    }
                    rest >>= 1;
                }
                out
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn negative_int(self) -> bool {
                $signed && self < 0
            }
        }
    )*};
}
int_power!(i8, true; i16, true; i32, true; i64, true; u8, false; u16, false; u32, false; u64, false);

impl Power for bool {
    /// Not reached (booleans power as int8): `b ** 0` is 1, else `b`.
    #[inline(always)]
    fn pow_(self, e: Self) -> Self {
        self || !e
    }
}

impl Power for f64 {
    #[inline(always)]
    fn pow_(self, e: Self) -> Self {
        self.powf(e)
    }
}
impl Power for f32 {
    #[inline(always)]
    fn pow_(self, e: Self) -> Self {
        self.powf(e)
    }
}
impl Power for f16 {
    #[inline(always)]
    fn pow_(self, e: Self) -> Self {
        f16::from_f32(self.to_f32().powf(e.to_f32()))
    }
}
impl Power for bf16 {
    #[inline(always)]
    fn pow_(self, e: Self) -> Self {
        bf16::from_f32(self.to_f32().powf(e.to_f32()))
    }
}

macro_rules! complex_power {
    ($($c:ty, $f:ty, $sys:ident);*) => {$(
        impl Power for $c {
            /// NumPy's `npy_cpow`: `z ** 0` is 1, `0 ** w` is 0 or NaN, small integer
            /// exponents multiply out (dividing 1 by the product for negative ones), other
            /// exponents go to the C library's `cpow`.
            fn pow_(self, e: Self) -> Self {
                let (ar, ai, br, bi) = (self.re, self.im, e.re, e.im);
                if br == 0.0 && bi == 0.0 {
                    return <$c>::new(1.0, 0.0);
                }
                if ar == 0.0 && ai == 0.0 {
                    return if br > 0.0 {
                        <$c>::new(0.0, 0.0)
                    } else {
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    };
                }
                if bi == 0.0 && br > -100.0 && br < 100.0 && (br as i64) as $f == br {
                    let n = br as i64;
                    let mul = |x: $c, y: $c| <$c>::new(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re);
                    match n {
                        1 => return self,
                        2 => return mul(self, self),
                        3 => return mul(self, mul(self, self)),
                        _ => {
                            let m = n.unsigned_abs();
                            let (mut acc, mut p, mut mask) = (<$c>::new(1.0, 0.0), self, 1u64);
                            loop {
                                if m & mask != 0 {
                                    acc = mul(acc, p);
                                }
                                mask <<= 1;
                                if m < mask {
                                    break;
                                }
                                p = mul(p, p);
                            }
                            return if br < 0.0 { crate::kernels::elem::Arith::div(<$c>::new(1.0, 0.0), acc) } else { acc };
                        }
                    }
                }
                $sys(self, e)
            }
        }
    )*};
}
complex_power!(Complex32, f32, cpow_c32; Complex64, f64, cpow_c64);

#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
mod libm_cpow {
    use num_complex::{Complex32, Complex64};

    // `double complex` and `float complex` pass and return like a `#[repr(C)]` pair of their
    // real type on these targets (x86-64 System V and AAPCS64 both say so), which is what
    // `num_complex::Complex` is.
    unsafe extern "C" {
        fn cpow(x: Complex64, y: Complex64) -> Complex64;
        fn cpowf(x: Complex32, y: Complex32) -> Complex32;
    }

    #[inline]
    pub(super) fn c64(x: Complex64, y: Complex64) -> Complex64 {
        // SAFETY: a pure C99 libm function of two values; the argument and return types have
        // the C layout of `double complex` (see above).
        unsafe { cpow(x, y) }
    }

    #[inline]
    pub(super) fn c32(x: Complex32, y: Complex32) -> Complex32 {
        // SAFETY: as in `c64`.
        unsafe { cpowf(x, y) }
    }
}

/// `x ** y` for complex128 through the platform's `cpow` where NumPy uses it (glibc), else
/// `exp(y log x)`.
#[inline]
fn cpow_c64(x: Complex64, y: Complex64) -> Complex64 {
    #[cfg(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))]
    return libm_cpow::c64(x, y);
    #[cfg(not(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    )))]
    return cpow_portable(x, y);
}

/// As [`cpow_c64`] for complex64.
#[inline]
fn cpow_c32(x: Complex32, y: Complex32) -> Complex32 {
    #[cfg(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))]
    return libm_cpow::c32(x, y);
    #[cfg(not(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    )))]
    return cpow_portable(x, y);
}

/// `exp(y log x)` with a plain complex product, the formula of C libraries' `cpow`.
#[allow(dead_code)]
fn cpow_portable<T: num_traits::Float>(
    x: num_complex::Complex<T>,
    y: num_complex::Complex<T>,
) -> num_complex::Complex<T> {
    let l = x.ln();
    num_complex::Complex::new(l.re * y.re - l.im * y.im, l.re * y.im + l.im * y.re).exp()
}

/// `np.fmax` / `np.fmin`: maximum and minimum that ignore a NaN operand (NaN only when both
/// are NaN). Ties keep the first operand (NumPy's scalar loops; its SIMD loops for float32 and
/// float64 pick either zero of a ±0 tie depending on the array's length and layout).
pub(crate) trait FMinMax: Element {
    fn fmax_(self, o: Self) -> Self;
    fn fmin_(self, o: Self) -> Self;
}

macro_rules! ord_fminmax {
    ($($t:ty),*) => {$(
        impl FMinMax for $t {
            #[inline(always)]
            fn fmax_(self, o: Self) -> Self { if self >= o { self } else { o } }
            #[inline(always)]
            fn fmin_(self, o: Self) -> Self { if self <= o { self } else { o } }
        }
    )*};
}
ord_fminmax!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! float_fminmax {
    ($($t:ty),*) => {$(
        impl FMinMax for $t {
            #[inline(always)]
            fn fmax_(self, o: Self) -> Self { if self >= o || o.is_nan() { self } else { o } }
            #[inline(always)]
            fn fmin_(self, o: Self) -> Self { if self <= o || o.is_nan() { self } else { o } }
        }
    )*};
}
float_fminmax!(f16, f32, f64);

impl FMinMax for bf16 {
    /// ml_dtypes' loops (the reference for bfloat16) keep the second operand on ties.
    #[inline(always)]
    fn fmax_(self, o: Self) -> Self {
        if self > o || o.is_nan() {
            self
        } else {
            o
        }
    }
    #[inline(always)]
    fn fmin_(self, o: Self) -> Self {
        if self < o || o.is_nan() {
            self
        } else {
            o
        }
    }
}

macro_rules! complex_fminmax {
    ($($t:ty),*) => {$(
        impl FMinMax for $t {
            /// NumPy's `CGE` order; a NaN in the second operand keeps the first.
            #[inline(always)]
            fn fmax_(self, o: Self) -> Self {
                let ge = (self.re > o.re && !self.im.is_nan() && !o.im.is_nan())
                    || (self.re == o.re && self.im >= o.im);
                if o.re.is_nan() || o.im.is_nan() || ge { self } else { o }
            }
            #[inline(always)]
            fn fmin_(self, o: Self) -> Self {
                let le = (self.re < o.re && !self.im.is_nan() && !o.im.is_nan())
                    || (self.re == o.re && self.im <= o.im);
                if o.re.is_nan() || o.im.is_nan() || le { self } else { o }
            }
        }
    )*};
}
complex_fminmax!(Complex32, Complex64);

/// Binary functions of real floats: `np.copysign` and `np.heaviside`.
pub(crate) trait FloatBinary: Element {
    /// The magnitude of `self` with the sign bit of `o` (bits only, NaN payloads kept).
    fn copysign_(self, o: Self) -> Self;
    /// 0 for negative `self`, 1 for positive, `h0` at zero, NaN for NaN.
    fn heaviside_(self, h0: Self) -> Self;
}

macro_rules! float_binary {
    ($($t:ty),*) => {$(
        impl FloatBinary for $t {
            #[inline(always)]
            fn copysign_(self, o: Self) -> Self { self.copysign(o) }
            #[inline(always)]
            fn heaviside_(self, h0: Self) -> Self {
                if self.is_nan() {
                    <$t>::NAN
                } else if self == 0.0 {
                    h0
                } else if self < 0.0 {
                    0.0
                } else {
                    1.0
                }
            }
        }
    )*};
}
float_binary!(f32, f64);

macro_rules! half_binary {
    ($($t:ty),*) => {$(
        impl FloatBinary for $t {
            #[inline(always)]
            fn copysign_(self, o: Self) -> Self {
                <$t>::from_bits((self.to_bits() & 0x7fff) | (o.to_bits() & 0x8000))
            }
            #[inline(always)]
            fn heaviside_(self, h0: Self) -> Self {
                <$t>::from_f32(self.to_f32().heaviside_(h0.to_f32()))
            }
        }
    )*};
}
half_binary!(f16, bf16);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_division_follows_python_and_numpy() {
        assert_eq!((-7i8).floor_div(2), -4);
        assert_eq!((-7i8).remainder(2), 1);
        assert_eq!((7i8).remainder(-2), -1);
        assert_eq!((-7i8).fmod_(2), -1);
        assert_eq!(i64::MIN.floor_div(-1), i64::MIN);
        assert_eq!(i64::MIN.remainder(-1), 0);
        assert_eq!(5u8.floor_div(0), 0);
        assert_eq!(5i32.remainder(0), 0);
        assert_eq!(5i32.fmod_(0), 0);
    }

    #[test]
    fn float_divmod_matches_numpy() {
        // np.floor_divide / np.remainder values.
        assert_eq!(divmod_f64(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(divmod_f64(7.5, -2.0), (-4.0, -0.5));
        let (q, r) = divmod_f64(-1.5, f64::INFINITY);
        assert_eq!((q, r), (-1.0, f64::INFINITY));
        assert!(f64::INFINITY.floor_div(3.0).is_nan());
        assert_eq!(1.0f64.floor_div(0.0), f64::INFINITY);
        assert!(1.0f64.remainder(0.0).is_nan());
        // Zero results carry the right sign.
        assert!(0.0f64.remainder(-2.0).is_sign_negative());
        assert!((-0.0f64).floor_div(2.0).is_sign_negative());
        assert_eq!(
            f16::from_f32(7.0).floor_div(f16::from_f32(-2.0)).to_f32(),
            -4.0
        );
    }

    #[test]
    fn integer_power_wraps_and_flags_negative_exponents() {
        assert_eq!(3i8.pow_(5), 3i8.wrapping_pow(5));
        assert_eq!(2u64.pow_(64), 0);
        assert_eq!(0i32.pow_(0), 1);
        assert!((-1i16).negative_int());
        assert!(!200u8.negative_int());
    }

    #[test]
    fn complex_power_special_cases() {
        let z = Complex64::new(1.0, 2.0);
        assert_eq!(z.pow_(Complex64::new(2.0, 0.0)), Complex64::new(-3.0, 4.0));
        assert_eq!(z.pow_(Complex64::new(0.0, 0.0)), Complex64::new(1.0, 0.0));
        let r = Complex64::new(0.0, 0.0).pow_(Complex64::new(-1.0, 0.0));
        assert!(r.re.is_nan() && r.im.is_nan());
        let inv = z.pow_(Complex64::new(-1.0, 0.0));
        assert!((inv.re - 0.2).abs() < 1e-15 && (inv.im + 0.4).abs() < 1e-15);
        let w = Complex64::new(0.5, 0.25);
        let (p, q) = (z.pow_(w), cpow_portable(z, w));
        assert!((p - q).norm() < 1e-14 * p.norm());
    }

    #[test]
    fn fmax_ignores_nan() {
        assert_eq!(f64::NAN.fmax_(1.0), 1.0);
        assert_eq!(1.0f64.fmin_(f64::NAN), 1.0);
        assert!(f32::NAN.fmax_(f32::NAN).is_nan());
        let n = Complex64::new(f64::NAN, 0.0);
        assert_eq!(n.fmax_(Complex64::new(1.0, 0.0)), Complex64::new(1.0, 0.0));
    }

    #[test]
    fn copysign_and_heaviside() {
        assert_eq!(
            f16::from_f32(2.0).copysign_(f16::from_f32(-0.0)).to_f32(),
            -2.0
        );
        assert_eq!((-3.0f64).heaviside_(0.5), 0.0);
        assert_eq!(0.0f64.heaviside_(0.5), 0.5);
        assert!(f32::NAN.heaviside_(0.5).is_nan());
    }
}
