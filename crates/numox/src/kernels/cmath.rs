//! Complex elementary functions with the values NumPy gives on Linux, where its complex loops call
//! the C library's `cexp`, `clog`, `csqrt`, `csinh`, … (glibc): C99 Annex G special values
//! (branch cuts on the sign of zero, `log(0) = -inf + 0j`, `sqrt(-4 - 0j) = 0 - 2j`, …), scaled
//! evaluation where the naive formula overflows or cancels, and NumPy's own formulas for the
//! functions C has no complex version of (`exp2`, `expm1`, `log2`, `log10`, `log1p`).
//!
//! Every function is generic over the part type ([`CReal`]: `f32` for complex64, `f64` for
//! complex128) and computes in that precision, as the C library's `cexpf`/`cexp` do. The
//! inverse trigonometric and hyperbolic functions are in [`super::catrig`].

use num_complex::Complex;
use num_traits::{Float, FloatConst};

/// The part type of a complex dtype, with the constants of its floating format.
pub(crate) trait CReal: Float + FloatConst + Send + Sync + 'static {
    /// Significand bits (53 or 24).
    const MANT_DIG: i32;
    /// Largest `x` whose `exp(x)` is finite, rounded down to an integer (709 or 88).
    const EXP_LIMIT: i32;
    /// A constant in this precision.
    fn k(x: f64) -> Self;
    /// `x² + y² - 1` without cancellation ([`x2y2m1`]).
    fn x2y2m1(x: Self, y: Self) -> Self;
}

impl CReal for f64 {
    const MANT_DIG: i32 = 53;
    const EXP_LIMIT: i32 = 709;
    #[inline(always)]
    fn k(x: f64) -> Self {
        x
    }
    fn x2y2m1(x: Self, y: Self) -> Self {
        x2y2m1_split(x, y)
    }
}

impl CReal for f32 {
    const MANT_DIG: i32 = 24;
    const EXP_LIMIT: i32 = 88;
    #[inline(always)]
    fn k(x: f64) -> Self {
        x as f32
    }
    fn x2y2m1(x: Self, y: Self) -> Self {
        let (x, y) = (x as f64, y as f64);
        (x * x + y * y - 1.0) as f32
    }
}

/// `x · 2^n` for the small `n` used here (the power is exact).
#[inline]
pub(crate) fn scale2<T: CReal>(x: T, n: i32) -> T {
    x * T::k(2f64.powi(n))
}

/// `sin x` and `cos x`, with the exact `(x, 1)` for subnormal `x`.
#[inline]
pub(crate) fn sin_cos<T: CReal>(x: T) -> (T, T) {
    if x.abs() > T::min_positive_value() {
        x.sin_cos()
    } else {
        (x, T::one())
    }
}

/// `exp(x) · (c, s)` for `x > EXP_LIMIT`, scaled in steps so that a result that fits does not
/// overflow on the way (`half` also halves it, for `sinh`/`cosh`).
fn exp_scaled<T: CReal>(mut x: T, mut c: T, mut s: T, half: bool) -> Complex<T> {
    let t = T::k(T::EXP_LIMIT as f64);
    let exp_t = t.exp();
    x = x - t;
    let f = if half { exp_t / T::k(2.0) } else { exp_t };
    c = c * f;
    s = s * f;
    if x > t {
        x = x - t;
        c = c * exp_t;
        s = s * exp_t;
    }
    if x > t {
        Complex::new(T::max_value() * c, T::max_value() * s)
    } else {
        let e = x.exp();
        Complex::new(e * c, e * s)
    }
}

/// `np.exp` of a complex number.
pub(crate) fn cexp<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (re, im) = (z.re, z.im);
    let nan = T::nan();
    if re.is_finite() {
        if !im.is_finite() {
            return Complex::new(nan, nan);
        }
        let (s, c) = sin_cos(im);
        if re > T::k(T::EXP_LIMIT as f64) {
            return exp_scaled(re, c, s, false);
        }
        let e = re.exp();
        Complex::new(e * c, e * s)
    } else if re.is_infinite() {
        let neg = re < T::zero();
        if im.is_finite() {
            let v = if neg { T::zero() } else { T::infinity() };
            if im == T::zero() {
                return Complex::new(v, im);
            }
            let (s, c) = im.sin_cos();
            Complex::new(v.copysign(c), v.copysign(s))
        } else if !neg {
            Complex::new(T::infinity(), nan)
        } else {
            Complex::new(T::zero(), T::zero().copysign(im))
        }
    } else if im == T::zero() {
        Complex::new(nan, im)
    } else {
        Complex::new(nan, nan)
    }
}

/// `x² + y² - 1` for `0.5 ≤ x < 1`, `y ≤ x`, without the cancellation (as glibc: float32 in
/// float64, where the squares are exact; float64 with [`x2y2m1_split`]).
pub(crate) fn x2y2m1<T: CReal>(x: T, y: T) -> T {
    T::x2y2m1(x, y)
}

/// `x² + y² - 1` in float64: the squares are split into exact high and low parts (FMA) and the
/// five terms summed from the smallest up with exact (two-sum) additions.
fn x2y2m1_split<T: CReal>(x: T, y: T) -> T {
    let split = |a: T| {
        let h = a * a;
        (h, a.mul_add(a, -h))
    };
    let (xh, xl) = split(x);
    let (yh, yl) = split(y);
    let mut v = [xl, yl, xh, yh, -T::one()];
    let by_mag = |v: &mut [T]| v.sort_by(|a, b| a.abs().partial_cmp(&b.abs()).unwrap_or(std::cmp::Ordering::Equal));
    by_mag(&mut v);
    for i in 0..4 {
        // Two-sum of v[i] and v[i + 1]: the rounded sum and its exact error.
        let (a, b) = (v[i + 1], v[i]);
        let s = a + b;
        let bb = s - a;
        let err = (a - (s - bb)) + (b - bb);
        v[i + 1] = s;
        v[i] = err;
        by_mag(&mut v[i + 1..]);
    }
    v[4] + v[3] + v[2] + v[1] + v[0]
}

/// `np.log` of a complex number: `log|z| + i·arg z`, with `log|z|` accurate near `|z| = 1`.
pub(crate) fn clog<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (re, im) = (z.re, z.im);
    let (zero, one, two) = (T::zero(), T::one(), T::k(2.0));
    if re == zero && im == zero {
        let arg = if re.is_sign_negative() { T::PI() } else { zero };
        return Complex::new(T::neg_infinity(), arg.copysign(im));
    }
    if re.is_nan() || im.is_nan() {
        let r = if re.is_infinite() || im.is_infinite() {
            T::infinity()
        } else {
            T::nan()
        };
        return Complex::new(r, T::nan());
    }
    let (mut ax, mut ay) = (re.abs(), im.abs());
    if ax < ay {
        std::mem::swap(&mut ax, &mut ay);
    }
    let mut scale = 0;
    if ax > T::max_value() / two {
        scale = -1;
        ax = scale2(ax, -1);
        ay = if ay >= T::min_positive_value() * two {
            scale2(ay, -1)
        } else {
            zero
        };
    } else if ax < T::min_positive_value() && ay < T::min_positive_value() {
        scale = T::MANT_DIG;
        ax = scale2(ax, scale);
        ay = scale2(ay, scale);
    }
    let half = T::k(0.5);
    let eps = T::epsilon();
    let real = if ax == one && scale == 0 {
        (ay * ay).ln_1p() / two
    } else if ax > one && ax < two && ay < one && scale == 0 {
        let mut d2m1 = (ax - one) * (ax + one);
        if ay >= eps {
            d2m1 = d2m1 + ay * ay;
        }
        d2m1.ln_1p() / two
    } else if ax < one && ax >= half && ay < eps / two && scale == 0 {
        ((ax - one) * (ax + one)).ln_1p() / two
    } else if ax < one && ax >= half && scale == 0 && ax * ax + ay * ay >= half {
        x2y2m1(ax, ay).ln_1p() / two
    } else {
        ax.hypot(ay).ln() - T::k(scale as f64) * T::LN_2()
    };
    Complex::new(real, im.atan2(re))
}

/// `np.sqrt` of a complex number (principal branch: `re ≥ 0`, the sign of `im` kept).
pub(crate) fn csqrt<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (mut re, mut im) = (z.re, z.im);
    let (zero, two, half) = (T::zero(), T::k(2.0), T::k(0.5));
    let tiny = T::min_positive_value();
    if !re.is_finite() || !im.is_finite() {
        return if im.is_infinite() {
            Complex::new(T::infinity(), im)
        } else if re.is_infinite() {
            if re < zero {
                let r = if im.is_nan() { T::nan() } else { zero };
                Complex::new(r, T::infinity().copysign(im))
            } else {
                let i = if im.is_nan() {
                    T::nan()
                } else {
                    zero.copysign(im)
                };
                Complex::new(re, i)
            }
        } else {
            Complex::new(T::nan(), T::nan())
        };
    }
    if im == zero {
        return if re < zero {
            Complex::new(zero, (-re).sqrt().copysign(im))
        } else {
            Complex::new(re.sqrt().abs(), zero.copysign(im))
        };
    }
    if re == zero {
        let r = if im.abs() >= two * tiny {
(half * im.abs()).sqrt()
        } else {
            half * (two * im.abs()).sqrt()
        };
        return Complex::new(r, r.copysign(im));
    }
    let big = T::max_value() / T::k(4.0);
    let mut scale = 0;
    if re.abs() > big {
        scale = 1;
        re = scale2(re, -2);
        im = scale2(im, -2);
    } else if im.abs() > big {
        scale = 1;
        re = if re.abs() >= T::k(4.0) * tiny {
            scale2(re, -2)
        } else {
            zero
        };
        im = scale2(im, -2);
    } else if re.abs() < two * tiny && im.abs() < two * tiny {
        scale = -((T::MANT_DIG + 1) / 2);
        re = scale2(re, -2 * scale);
        im = scale2(im, -2 * scale);
    }
    let d = re.hypot(im);
    let (mut r, mut s);
    if re > zero {
        r = (half * (d + re)).sqrt();
        if scale == 1 && im.abs() < T::one() {
            s = im / r;
            r = scale2(r, scale);
            scale = 0;
        } else {
            s = half * (im / r);
        }
    } else {
        s = (half * (d - re)).sqrt();
        if scale == 1 && im.abs() < T::one() {
            r = (im / s).abs();
            s = scale2(s, scale);
            scale = 0;
        } else {
            r = (half * (im / s)).abs();
        }
    }
    if scale != 0 {
        r = scale2(r, scale);
        s = scale2(s, scale);
    }
    Complex::new(r, s.copysign(im))
}

/// `np.sinh` of a complex number: `sinh x cos y + i cosh x sin y`.
pub(crate) fn csinh<T: CReal>(z: Complex<T>) -> Complex<T> {
    let neg = z.re.is_sign_negative();
    let (re, im) = (z.re.abs(), z.im);
    let (zero, inf, nan) = (T::zero(), T::infinity(), T::nan());
    let sign = |v: T| if neg { -v } else { v };
    if re.is_finite() {
        if im.is_finite() {
            let (s, mut c) = sin_cos(im);
            if neg {
                c = -c;
            }
            if re > T::k(T::EXP_LIMIT as f64) {
                return exp_scaled(re, c, s, true);
            }
            Complex::new(re.sinh() * c, re.cosh() * s)
        } else if re == zero {
            Complex::new(sign(zero), im - im)
        } else {
            Complex::new(nan, nan)
        }
    } else if re.is_infinite() {
        if im.is_finite() && im != zero {
            let (s, c) = im.sin_cos();
            Complex::new(sign(inf.copysign(c)), inf.copysign(s))
        } else if im == zero {
            Complex::new(sign(inf), im)
        } else {
            Complex::new(inf, im - im)
        }
    } else {
        Complex::new(nan, if im == zero { im } else { nan })
    }
}

/// `np.cosh` of a complex number: `cosh x cos y + i sinh x sin y`.
pub(crate) fn ccosh<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (re, im) = (z.re, z.im);
    let (zero, inf, nan) = (T::zero(), T::infinity(), T::nan());
    if re.is_finite() {
        if im.is_finite() {
            let (mut s, c) = sin_cos(im);
            if re.abs() > T::k(T::EXP_LIMIT as f64) {
                if re.is_sign_negative() {
                    s = -s;
                }
                return exp_scaled(re.abs(), c, s, true);
            }
            Complex::new(re.cosh() * c, re.sinh() * s)
        } else {
            Complex::new(im - im, if re == zero { zero } else { nan })
        }
    } else if re.is_infinite() {
        let sgn = T::one().copysign(re);
        if im.is_finite() && im != zero {
            let (s, c) = im.sin_cos();
            Complex::new(inf.copysign(c), inf.copysign(s) * sgn)
        } else if im == zero {
            Complex::new(inf, im * sgn)
        } else {
            Complex::new(inf, im - im)
        }
    } else {
        Complex::new(nan, if im == zero { im } else { nan })
    }
}

/// `np.tanh` of a complex number, with the large-`|re|` limit taken without overflow.
pub(crate) fn ctanh<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (re, im) = (z.re, z.im);
    let (zero, one) = (T::zero(), T::one());
    if !re.is_finite() || !im.is_finite() {
        return if re.is_infinite() {
            let i = if im.is_finite() && im.abs() > one {
                let (s, c) = im.sin_cos();
                zero.copysign(s * c)
            } else {
                zero.copysign(im)
            };
            Complex::new(one.copysign(re), i)
        } else if im == zero {
            z
        } else if re == zero {
            Complex::new(re, T::nan())
        } else {
            Complex::new(T::nan(), T::nan())
        };
    }
    let (s, c) = sin_cos(im);
    let t = T::k((T::EXP_LIMIT / 2) as f64);
    if re.abs() > t {
        // tanh(x + iy) → sign(x) + i·4 sin y cos y · e^(-2|x|).
        let exp_2t = (T::k(2.0) * t).exp();
        let mut i = T::k(4.0) * s * c;
        let rx = re.abs() - t;
        i = i / exp_2t;
        i = if rx > t {
            i / exp_2t
        } else {
            i / (T::k(2.0) * rx).exp()
        };
        return Complex::new(one.copysign(re), i);
    }
    let (sh, ch) = if re.abs() > T::min_positive_value() {
        (re.sinh(), re.cosh())
    } else {
        (re, one)
    };
    let den = if sh.abs() > c.abs() * T::epsilon() {
        sh * sh + c * c
    } else {
        c * c
    };
    Complex::new(sh * ch / den, s * c / den)
}

/// `i·z`.
#[inline]
fn mul_i<T: CReal>(z: Complex<T>) -> Complex<T> {
    Complex::new(-z.im, z.re)
}

/// `-i·z`.
#[inline]
fn mul_neg_i<T: CReal>(z: Complex<T>) -> Complex<T> {
    Complex::new(z.im, -z.re)
}

/// `np.sin` of a complex number: `sin x cosh y + i cos x sinh y` (`-i sinh(iz)`, written out
/// because C's special values are not symmetric under the rotation).
pub(crate) fn csin<T: CReal>(z: Complex<T>) -> Complex<T> {
    let neg = z.re.is_sign_negative();
    let (re, im) = (z.re.abs(), z.im);
    let (zero, inf, nan) = (T::zero(), T::infinity(), T::nan());
    let sign = |v: T| if neg { -v } else { v };
    if im.is_finite() {
        if re.is_finite() {
            let (mut s, mut c) = sin_cos(re);
            s = sign(s);
            if im.abs() > T::k(T::EXP_LIMIT as f64) {
                if im.is_sign_negative() {
                    c = -c;
                }
                return exp_scaled(im.abs(), s, c, true);
            }
            Complex::new(im.cosh() * s, im.sinh() * c)
        } else if im == zero {
            Complex::new(re - re, im)
        } else {
            Complex::new(nan, nan)
        }
    } else if im.is_infinite() {
        if re == zero {
            Complex::new(sign(zero), im)
        } else if re.is_finite() {
            let (s, c) = re.sin_cos();
            let i = inf.copysign(c);
            Complex::new(sign(inf.copysign(s)), if im < zero { -i } else { i })
        } else {
            Complex::new(re - re, inf)
        }
    } else if re == zero {
        Complex::new(sign(zero), nan)
    } else {
        Complex::new(nan, nan)
    }
}

/// `np.cos`: `cos z = cosh(iz)`.
pub(crate) fn ccos<T: CReal>(z: Complex<T>) -> Complex<T> {
    ccosh(mul_i(z))
}

/// `np.tan`: `tan z = -i tanh(iz)`.
pub(crate) fn ctan<T: CReal>(z: Complex<T>) -> Complex<T> {
    mul_neg_i(ctanh(mul_i(z)))
}

/// `np.exp2`, NumPy's formula: `exp(z · ln 2)`.
pub(crate) fn cexp2<T: CReal>(z: Complex<T>) -> Complex<T> {
    cexp(Complex::new(z.re * T::LN_2(), z.im * T::LN_2()))
}

/// `np.expm1`, NumPy's formula: `expm1(x) cos y - 2 sin²(y/2) + i e^x sin y`.
pub(crate) fn cexpm1<T: CReal>(z: Complex<T>) -> Complex<T> {
    let a = (z.im / T::k(2.0)).sin();
    Complex::new(
        z.re.exp_m1() * z.im.cos() - T::k(2.0) * a * a,
        z.re.exp() * z.im.sin(),
    )
}

/// `np.log2`, NumPy's formula: `log(z) · log2(e)`.
pub(crate) fn clog2<T: CReal>(z: Complex<T>) -> Complex<T> {
    let w = clog(z);
    Complex::new(w.re * T::LOG2_E(), w.im * T::LOG2_E())
}

/// `np.log10`, NumPy's formula: `log(z) · log10(e)`.
pub(crate) fn clog10<T: CReal>(z: Complex<T>) -> Complex<T> {
    let w = clog(z);
    Complex::new(w.re * T::LOG10_E(), w.im * T::LOG10_E())
}

/// `np.log1p`, NumPy's formula: `log|1 + z| + i·arg(1 + z)`.
pub(crate) fn clog1p<T: CReal>(z: Complex<T>) -> Complex<T> {
    let x = z.re + T::one();
    Complex::new(x.hypot(z.im).ln(), z.im.atan2(x))
}
