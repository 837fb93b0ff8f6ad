//! Complex inverse trigonometric and hyperbolic functions (`np.arcsinh`, `np.arcsin`,
//! `np.arccos`, `np.arccosh`, `np.arctanh`, `np.arctan`) with the C library's special values
//! (C99 Annex G, as glibc gives them and NumPy passes them on).
//!
//! Finite arguments use the algorithm of Hull, Fairgrieve and Tang ("Implementing the complex
//! arcsine and arccosine functions using exception handling", ACM TOMS 1997) for `asinh`/`acos`:
//! with `A = (|z + i| + |z − i|) / 2` and `B = Im z / A`, `asinh z = log(A + √(A² − 1)) + i·asin B`,
//! each part computed in the form that avoids cancellation in its region. `atanh` follows the
//! textbook `¼·log1p(4x / ((1 − x)² + y²)) + i·½·atan2(2y, (1 − x)(1 + x) − y²)` with the
//! difference of squares taken exactly near the unit circle.

use super::cmath::{x2y2m1, CReal};
use num_complex::Complex;

/// `log|z|` and `arg z` for a `z` so large that `asinh`/`acos` reduce to a logarithm.
fn clog_large<T: CReal>(x: T, y: T) -> (T, T) {
    let (mut ax, mut ay) = (x.abs(), y.abs());
    if ax < ay {
        std::mem::swap(&mut ax, &mut ay);
    }
    let arg = y.atan2(x);
    if ax > T::max_value() / T::k(2.0) {
        let e = T::E();
        return ((x / e).hypot(y / e).ln() + T::one(), arg);
    }
    if ax > T::max_value().sqrt() / T::k(4.0) || ay < T::min_positive_value() {
        return (x.hypot(y).ln(), arg);
    }
    ((ax * ax + ay * ay).ln() / T::k(2.0), arg)
}

/// Hull et al.'s `f(a, b, √(a² + b²)) = (√(a² + b²) − b) / 2` without cancellation.
fn f<T: CReal>(a: T, b: T, hypot_ab: T) -> T {
    let two = T::k(2.0);
    if b < T::zero() {
        (hypot_ab - b) / two
    } else if b == T::zero() {
        a / two
    } else {
        a * a / (hypot_ab + b) / two
    }
}

/// What [`hard_work`] found: `rx = log(A + √(A² − 1))` and either `B = y / A` (usable for
/// `asin`/`acos`) or the pair `(√(A² − y²), y')` whose `atan2` gives the angle.
struct Hard<T> {
    rx: T,
    b: Option<T>,
    sqrt_a2my2: T,
    new_y: T,
}

/// The core of `asinh(x + iy)` for finite `x, y ≥ 0` (Hull et al.).
fn hard_work<T: CReal>(x: T, y: T) -> Hard<T> {
    let (one, two) = (T::one(), T::k(2.0));
    let eps = T::epsilon();
    let r = x.hypot(y + one);
    let s = x.hypot(y - one);
    let mut a = (r + s) / two;
    if a < one {
        a = one;
    }
    let rx = if a < T::k(10.0) {
        if y == one && x < eps * eps / T::k(128.0) {
            x.sqrt()
        } else if x >= eps * (y - one).abs() {
            let am1 = f(x, one + y, r) + f(x, one - y, s);
            (am1 + (am1 * (a + one)).sqrt()).ln_1p()
        } else if y < one {
            x / ((one - y) * (one + y)).sqrt()
        } else {
            ((y - one) + ((y - one) * (y + one)).sqrt()).ln_1p()
        }
    } else {
        (a + (a * a - one).sqrt()).ln()
    };
    let mut h = Hard {
        rx,
        b: None,
        sqrt_a2my2: T::zero(),
        new_y: y,
    };
    if y < T::k(4.0) * T::min_positive_value().sqrt() {
        h.sqrt_a2my2 = a * (two / eps);
        h.new_y = y * (two / eps);
        return h;
    }
    let b = y / a;
    if b <= T::k(0.6417) {
        h.b = Some(b);
        return h;
    }
    if y == one && x < eps / T::k(128.0) {
        h.sqrt_a2my2 = x.sqrt() * ((a + y) / two).sqrt();
    } else if x >= eps * (y - one).abs() {
        let amy = f(x, y + one, r) + f(x, y - one, s);
        h.sqrt_a2my2 = (amy * (a + y)).sqrt();
    } else if y > one {
        let big = T::k(4.0) / eps / eps;
        h.sqrt_a2my2 = x * big * y / ((y + one) * (y - one)).sqrt();
        h.new_y = y * big;
    } else {
        h.sqrt_a2my2 = ((one - y) * (one + y)).sqrt();
    }
    h
}

/// Below this, `asinh z = z` and `acos z = π/2 − z` to working precision.
fn tiny<T: CReal>() -> T {
    (T::k(6.0) * T::epsilon()).sqrt() / T::k(4.0)
}

/// `np.arcsinh` of a complex number.
pub(crate) fn casinh<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    let (zero, nan, inf) = (T::zero(), T::nan(), T::infinity());
    if !x.is_finite() || !y.is_finite() {
        return if y.is_infinite() {
            let i = if x.is_nan() {
                nan
            } else if x.is_finite() {
                T::FRAC_PI_2().copysign(y)
            } else {
                T::FRAC_PI_4().copysign(y)
            };
            Complex::new(inf.copysign(x), i)
        } else if !x.is_finite() {
            let i = if (x.is_infinite() && y.is_finite()) || (x.is_nan() && y == zero) {
                zero.copysign(y)
            } else {
                nan
            };
            Complex::new(x, i)
        } else {
            Complex::new(nan, nan)
        };
    }
    if x == zero && y == zero {
        return z;
    }
    let (ax, ay) = (x.abs(), y.abs());
    let recip_eps = T::one() / T::epsilon();
    if ax > recip_eps || ay > recip_eps {
        let (re, im) = if x.is_sign_negative() {
            clog_large(-x, -y)
        } else {
            clog_large(x, y)
        };
        return Complex::new((re + T::LN_2()).copysign(x), im.copysign(y));
    }
    if ax < tiny() && ay < tiny() {
        return z;
    }
    let h = hard_work(ax, ay);
    let ry = match h.b {
        Some(b) => b.asin(),
        None => h.new_y.atan2(h.sqrt_a2my2),
    };
    Complex::new(h.rx.copysign(x), ry.copysign(y))
}

/// `np.arcsin`: `asin z = -i asinh(iz)`.
pub(crate) fn casin<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if x.is_nan() || y.is_nan() {
        return if x == T::zero() {
            z
        } else if x.is_infinite() || y.is_infinite() {
            Complex::new(T::nan(), T::infinity().copysign(y))
        } else {
            Complex::new(T::nan(), T::nan())
        };
    }
    let w = casinh(Complex::new(-y, x));
    Complex::new(w.im, -w.re)
}

/// `np.arccos` of a complex number.
pub(crate) fn cacos<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    let zero = T::zero();
    if !x.is_finite() || !y.is_finite() || (x == zero && y == zero) {
        // acos z = π/2 − asin z on the special values.
        let w = casin(z);
        let mut re = T::FRAC_PI_2() - w.re;
        if re == zero {
            re = zero;
        }
        return Complex::new(re, -w.im);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let recip_eps = T::one() / T::epsilon();
    if ax > recip_eps || ay > recip_eps {
        let (re, im) = clog_large(x, y);
        let rx = im.abs();
        let ry = re + T::LN_2();
        return Complex::new(rx, if y.is_sign_negative() { ry } else { -ry });
    }
    if x == T::one() && y == zero {
        return Complex::new(zero, -y);
    }
    if ax < tiny() && ay < tiny() {
        return Complex::new(T::FRAC_PI_2() - x, -y);
    }
    let h = hard_work(ay, ax);
    let rx = match h.b {
        Some(b) => (if x.is_sign_negative() { -b } else { b }).acos(),
        None => {
            let nx = if x.is_sign_negative() {
                -h.new_y
            } else {
                h.new_y
            };
            h.sqrt_a2my2.atan2(nx)
        }
    };
    Complex::new(rx, if y.is_sign_negative() { h.rx } else { -h.rx })
}

/// `np.arccosh`: `acosh z = ±i acos z`, the sign making the real part non-negative.
pub(crate) fn cacosh<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    let (zero, nan, inf) = (T::zero(), T::nan(), T::infinity());
    if !x.is_finite() || !y.is_finite() {
        return if y.is_infinite() {
            let i = if x.is_nan() {
                nan
            } else if x.is_infinite() {
                if x < zero {
                    T::PI() - T::FRAC_PI_4()
                } else {
                    T::FRAC_PI_4()
                }
                .copysign(y)
            } else {
                T::FRAC_PI_2().copysign(y)
            };
            Complex::new(inf, i)
        } else if x.is_infinite() {
            let i = if y.is_finite() {
                (if x.is_sign_negative() { T::PI() } else { zero }).copysign(y)
            } else {
                nan
            };
            Complex::new(inf, i)
        } else if x == zero {
            Complex::new(nan, T::FRAC_PI_2())
        } else {
            Complex::new(nan, nan)
        };
    }
    if x == zero && y == zero {
        return Complex::new(zero, T::FRAC_PI_2().copysign(y));
    }
    let w = cacos(z);
    Complex::new(w.im.abs(), w.re.copysign(y))
}

/// `np.arctanh` of a complex number.
pub(crate) fn catanh<T: CReal>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    let (zero, one, nan) = (T::zero(), T::one(), T::nan());
    let (quarter, half, two) = (T::k(0.25), T::k(0.5), T::k(2.0));
    let eps = T::epsilon();
    if !x.is_finite() || !y.is_finite() {
        return if y.is_infinite() {
            Complex::new(zero.copysign(x), T::FRAC_PI_2().copysign(y))
        } else if x.is_infinite() || x == zero {
            let i = if y.is_finite() {
                T::FRAC_PI_2().copysign(y)
            } else {
                nan
            };
            Complex::new(zero.copysign(x), i)
        } else {
            Complex::new(nan, nan)
        };
    }
    if x == zero && y == zero {
        return z;
    }
    let (ax, ay) = (x.abs(), y.abs());
    let huge = T::k(16.0) / eps;
    if ax >= huge || ay >= huge {
        // atanh z → 1/z + i·π/2 for large |z|.
        let re = if ay <= one {
            one / x
        } else if ax <= one {
            x / y / y
        } else {
            let h = (x / two).hypot(y / two);
            x / h / h / T::k(4.0)
        };
        return Complex::new(re, T::FRAC_PI_2().copysign(y));
    }
    let re = if ax == one && ay < eps * eps {
        half.copysign(x) * (T::LN_2() - ay.ln())
    } else {
        let y2 = if ay >= eps * eps { y * y } else { zero };
        let num = y2 + (one + x) * (one + x);
        let den = y2 + (one - x) * (one - x);
        let q = num / den;
        if q < half {
            quarter * q.ln()
        } else {
            quarter * (T::k(4.0) * x / den).ln_1p()
        }
    };
    let (mut bx, mut by) = (ax, ay);
    if bx < by {
        std::mem::swap(&mut bx, &mut by);
    }
    let den = if by < eps / two {
        let d = (one - bx) * (one + bx);
        if d == zero {
            zero
        } else {
            d
        }
    } else if bx >= one {
        (one - bx) * (one + bx) - by * by
    } else if bx >= T::k(0.75) || by >= half {
        -x2y2m1(bx, by)
    } else {
        (one - bx) * (one + bx) - by * by
    };
    Complex::new(re, half * (two * y).atan2(den))
}

/// `np.arctan`: `atan z = -i atanh(iz)`, which is `atanh` with the parts swapped on both
/// sides (`atanh` is odd and commutes with conjugation).
pub(crate) fn catan<T: CReal>(z: Complex<T>) -> Complex<T> {
    let w = catanh(Complex::new(z.im, z.re));
    Complex::new(w.im, w.re)
}
