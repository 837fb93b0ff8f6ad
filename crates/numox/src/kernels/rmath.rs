//! Real elementary functions the standard library does not give with NumPy's accuracy or
//! definition: `asinh`, `acosh`, `atanh` (fdlibm's formulas, accurate near 0 and 1 where the
//! textbook ones cancel), `logaddexp`/`logaddexp2` (NumPy's `npy_logaddexp`), the degree/radian
//! conversions (a product with NumPy's constant), and [`Real2`], the two-argument counterpart of
//! [`RealFloat::map_f64`](super::elem::RealFloat::map_f64) (float16/bfloat16 through float32).

use super::cmath::CReal;
use crate::dtype::Element;
use half::{bf16, f16};

/// `2^28`: beyond it `√(x² ± 1) = |x|` to working precision (both float32 and float64).
const BIG: f64 = 268_435_456.0;
/// `2^-28`: below it `asinh x = atanh x = x`.
const SMALL: f64 = 3.725_290_298_461_914e-9;

/// `np.arcsinh` of a real number.
pub(crate) fn asinh<T: CReal>(x: T) -> T {
    let one = T::one();
    let a = x.abs();
    if !x.is_finite() || a < T::k(SMALL) {
        return x;
    }
    let w = if a > T::k(BIG) {
        a.ln() + T::LN_2()
    } else if a > T::k(2.0) {
        (T::k(2.0) * a + one / ((x * x + one).sqrt() + a)).ln()
    } else {
        let t = x * x;
        (a + t / (one + (one + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

/// `np.arccosh` of a real number (NaN below 1).
pub(crate) fn acosh<T: CReal>(x: T) -> T {
    let one = T::one();
    if x.is_nan() || x < one {
        return T::nan();
    }
    if x >= T::k(BIG) {
        return if x.is_infinite() {
            x
        } else {
            x.ln() + T::LN_2()
        };
    }
    if x == one {
        return T::zero();
    }
    if x > T::k(2.0) {
        (T::k(2.0) * x - one / (x + (x * x - one).sqrt())).ln()
    } else {
        let t = x - one;
        (t + (T::k(2.0) * t + t * t).sqrt()).ln_1p()
    }
}

/// `np.arctanh` of a real number (±inf at ±1, NaN beyond).
pub(crate) fn atanh<T: CReal>(x: T) -> T {
    let (one, half) = (T::one(), T::k(0.5));
    let a = x.abs();
    if x.is_nan() || a < T::k(SMALL) {
        return x;
    }
    if a > one {
        return T::nan();
    }
    if a == one {
        return T::infinity().copysign(x);
    }
    let t = if a < half {
        let t = a + a;
        half * (t + t * a / (one - a)).ln_1p()
    } else {
        half * ((a + a) / (one - a)).ln_1p()
    };
    t.copysign(x)
}

/// `np.logaddexp`: `log(eˣ + eʸ)` without overflow (NumPy's `npy_logaddexp`).
pub(crate) fn logaddexp<T: CReal>(x: T, y: T) -> T {
    if x == y {
        // Also equal infinities, which the difference below would turn into NaN.
        return x + T::LN_2();
    }
    let d = x - y;
    if d > T::zero() {
        x + (-d).exp().ln_1p()
    } else if d <= T::zero() {
        y + d.exp().ln_1p()
    } else {
        d
    }
}

/// `np.logaddexp2`: `log2(2ˣ + 2ʸ)` without overflow (NumPy's `npy_logaddexp2`).
pub(crate) fn logaddexp2<T: CReal>(x: T, y: T) -> T {
    if x == y {
        return x + T::one();
    }
    let d = x - y;
    if d > T::zero() {
        x + T::LOG2_E() * (-d).exp2().ln_1p()
    } else if d <= T::zero() {
        y + T::LOG2_E() * d.exp2().ln_1p()
    } else {
        d
    }
}

/// `np.deg2rad`: `x · (π / 180)`, the constant rounded in the dtype's precision as NumPy's.
pub(crate) fn deg2rad<T: CReal>(x: T) -> T {
    x * (T::PI() / T::k(180.0))
}

/// `np.rad2deg`: `x · (180 / π)`.
pub(crate) fn rad2deg<T: CReal>(x: T) -> T {
    x * (T::k(180.0) / T::PI())
}

/// A binary real function in the dtype's own precision (float16/bfloat16 through float32).
pub(crate) trait Real2: Element {
    fn map2(self, o: Self, f: fn(f64, f64) -> f64, g: fn(f32, f32) -> f32) -> Self;
}

impl Real2 for f64 {
    #[inline(always)]
    fn map2(self, o: Self, f: fn(f64, f64) -> f64, _g: fn(f32, f32) -> f32) -> Self {
        f(self, o)
    }
}

impl Real2 for f32 {
    #[inline(always)]
    fn map2(self, o: Self, _f: fn(f64, f64) -> f64, g: fn(f32, f32) -> f32) -> Self {
        g(self, o)
    }
}

impl Real2 for f16 {
    #[inline(always)]
    fn map2(self, o: Self, _f: fn(f64, f64) -> f64, g: fn(f32, f32) -> f32) -> Self {
        f16::from_f32(g(self.to_f32(), o.to_f32()))
    }
}

impl Real2 for bf16 {
    #[inline(always)]
    fn map2(self, o: Self, _f: fn(f64, f64) -> f64, g: fn(f32, f32) -> f32) -> Self {
        bf16::from_f32(g(self.to_f32(), o.to_f32()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_hyperbolics_edges() {
        // glibc's values, which NumPy's AVX2 loops give (its AVX-512 ones differ by an ulp or two).
        assert_eq!(asinh(-1e300f64), -691.468_675_078_773_6);
        assert_eq!(asinh(1e-300f64), 1e-300);
        assert_eq!(acosh(1.0 + 2f64.powi(-40)), 1.348_699_152_348_506_8e-6);
        assert!(acosh(0.999f64).is_nan() && atanh(1.5f64).is_nan());
        assert_eq!(atanh(-1.0f32), f32::NEG_INFINITY);
        assert_eq!(acosh(f64::INFINITY), f64::INFINITY);
        assert!(asinh(f64::NAN).is_nan());
    }

    #[test]
    fn logaddexp_is_stable() {
        assert_eq!(
            logaddexp(-1000.0f64, -1000.0),
            -1000.0 + std::f64::consts::LN_2
        );
        assert_eq!(logaddexp(f64::INFINITY, f64::INFINITY), f64::INFINITY);
        assert_eq!(logaddexp2(1e6f32, 0.0), 1e6);
        assert!(logaddexp2(f64::NAN, 0.0).is_nan());
        assert_eq!(deg2rad(180.0f32), std::f32::consts::PI);
        assert_eq!(rad2deg(std::f64::consts::PI), 180.0);
    }
}
