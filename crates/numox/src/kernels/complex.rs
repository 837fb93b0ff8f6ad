//! Per-element functions of complex numbers: the parts, the conjugate, the absolute value with
//! NumPy's own scaled formula, and the argument (`np.angle`).

use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// A complex element type and its real part type.
pub(crate) trait ComplexElem: Element {
    /// float32 for complex64, float64 for complex128.
    type Real: Element;
    /// `np.absolute`: NumPy's loops (SIMD and scalar alike) compute
    /// `larger * sqrt(fma(r, r, 1))` with `r = smaller / larger` on the parts' magnitudes, after
    /// turning any infinite part into `inf` and then any NaN part into `nan`. This differs from a
    /// correctly rounded `hypot` in the last bit for about a third of the inputs.
    fn abs_scaled(self) -> Self::Real;
    /// `np.angle`: `atan2(im, re)` in the parts' precision.
    fn angle_(self) -> Self::Real;
}

macro_rules! complex_elem {
    ($($t:ty => $r:ty),*) => {$(
        impl ComplexElem for $t {
            type Real = $r;
            #[inline(always)]
            fn abs_scaled(self) -> $r {
                let (re, im) = (self.re.abs(), self.im.abs());
                if re == <$r>::INFINITY || im == <$r>::INFINITY {
                    return <$r>::INFINITY;
                }
                if re.is_nan() || im.is_nan() {
                    return <$r>::NAN;
                }
                let (larger, smaller) = if re >= im { (re, im) } else { (im, re) };
                if larger == 0.0 {
                    return 0.0;
                }
                let ratio = smaller / larger;
                ratio.mul_add(ratio, 1.0).sqrt() * larger
            }
            #[inline(always)]
            fn angle_(self) -> $r {
                self.im.atan2(self.re)
            }
        }
    )*};
}
complex_elem!(Complex32 => f32, Complex64 => f64);

/// `np.conjugate` of one element: the identity for real types.
pub(crate) trait Conj: Element {
    fn conj_(self) -> Self;
}

macro_rules! real_conj {
    ($($t:ty),*) => {$(
        impl Conj for $t {
            #[inline(always)] fn conj_(self) -> Self { self }
        }
    )*};
}
real_conj!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, bf16, f32, f64);

impl Conj for Complex32 {
    #[inline(always)]
    fn conj_(self) -> Self {
        Complex32::new(self.re, -self.im)
    }
}

impl Conj for Complex64 {
    #[inline(always)]
    fn conj_(self) -> Self {
        Complex64::new(self.re, -self.im)
    }
}

/// Like [`crate::dispatch_dtype!`] for the complex dtypes; other dtypes take the `else` arm.
macro_rules! dispatch_complex_elem {
    ($dt:expr, $T:ident => $body:expr, else $other:pat => $fallback:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Complex64: $crate::Complex32, Complex128: $crate::Complex64;
            else $other => $fallback)
    };
}
pub(crate) use dispatch_complex_elem;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_uses_numpy_scaled_formula() {
        assert_eq!(Complex64::new(3.0, -4.0).abs_scaled(), 5.0);
        assert_eq!(Complex32::new(-0.0, 0.0).abs_scaled(), 0.0);
        assert_eq!(
            Complex64::new(f64::NAN, f64::NEG_INFINITY).abs_scaled(),
            f64::INFINITY
        );
        assert!(Complex64::new(f64::NAN, 1.0).abs_scaled().is_nan());
        assert_eq!(
            Complex64::new(1e300, 1e300).abs_scaled(),
            1e300 * 2f64.sqrt()
        );
        assert_eq!(Complex64::new(1e-320, 0.0).abs_scaled(), 1e-320);
        // np.abs(np.complex128(0.7 + 0.6j)); math.hypot gives 0.9219544457292886
        assert_eq!(Complex64::new(0.7, 0.6).abs_scaled(), 0.9219544457292888);
    }

    #[test]
    fn angle_and_conjugate() {
        assert_eq!(Complex64::new(-1.0, 0.0).angle_(), std::f64::consts::PI);
        assert_eq!(Complex64::new(-1.0, -0.0).angle_(), -std::f64::consts::PI);
        assert_eq!(
            Complex32::new(0.0, 1.0).angle_(),
            std::f32::consts::FRAC_PI_2
        );
        assert_eq!(Complex64::new(1.0, 2.0).conj_(), Complex64::new(1.0, -2.0));
        assert_eq!(5i8.conj_(), 5);
    }
}
