//! Complex inverse trigonometric and hyperbolic functions (`np.arcsinh`, `np.arcsin`,
//! `np.arccos`, `np.arccosh`, `np.arctanh`, `np.arctan`) with the C library's special values
//! (C99 Annex G, as glibc gives them and NumPy passes them on).
//!
//! Finite arguments follow glibc's case analysis, so that the values are NumPy's on Linux to the
//! bit: `asinh z = log(z + √(z² + 1))` with, near the branch points `±i` and the axes, each part
//! rewritten so it does not cancel (`asin`, `acos`, `acosh` reduce to it by rotations); `atanh z
//! = ¼·log1p(4x / ((1 − x)² + y²)) + i·½·atan2(2y, (1 − x)(1 + x) − y²)` with the difference of
//! squares taken exactly near the unit circle.

use super::cmath::{clog, csqrt, x2y2m1, CReal};
use num_complex::Complex;

/// The core of `asinh(x + iy)` for finite `z ≠ 0`, by regions of `(|x|, |y|)` as glibc
/// computes it: near the branch points `±i` and the axes each part takes the form that does
/// not cancel; elsewhere `log(z + √(z² + 1))`. With `adj`, the imaginary part is the angle
/// `acos` needs instead of `asin`'s (`cacos z = (Im k, Re k)` for `k = kernel(iz, true)`).
fn kernel<T: CReal>(z: Complex<T>, adj: bool) -> Complex<T> {
    let (rx, ix) = (z.re.abs(), z.im.abs());
    let (one, two, half) = (T::one(), T::k(2.0), T::k(0.5));
    let (eps, eps8) = (T::epsilon(), T::epsilon() / T::k(8.0));
    // The angle from its two legs: `atan2(ix', rx')` for asinh, the complement for acos.
    let angle = |opp: T, adj_leg: T| {
        if adj {
            adj_leg.atan2(opp.copysign(z.im))
        } else {
            opp.atan2(adj_leg)
        }
    };
    let res = if rx >= one / eps || ix >= one / eps {
        // z + √(z² + 1) ≈ 2z: log(2z) without overflow.
        let y = if adj {
            Complex::new(ix.copysign(z.im), rx)
        } else {
            Complex::new(rx, ix)
        };
        let w = clog(y);
        Complex::new(w.re + T::LN_2(), w.im)
    } else if rx >= half && ix < eps8 {
        let s = one.hypot(rx);
        let im = if adj { s.atan2(z.im) } else { ix.atan2(s) };
        Complex::new((rx + s).ln(), im)
    } else if rx < eps8 && ix >= T::k(1.5) {
        let s = ((ix + one) * (ix - one)).sqrt();
        Complex::new((ix + s).ln(), angle(s, rx))
    } else if ix > one && ix < T::k(1.5) && rx < half {
        let ix2m1 = (ix + one) * (ix - one);
        if rx < eps * eps {
            let s = ix2m1.sqrt();
            Complex::new((two * (ix2m1 + ix * s)).ln_1p() / two, angle(s, rx))
        } else {
            let rx2 = rx * rx;
            let f = rx2 * (two + rx2 + two * ix * ix);
            let d = (ix2m1 * ix2m1 + f).sqrt();
            let dp = d + ix2m1;
            let dm = f / dp;
            let r1 = ((dm + rx2) / two).sqrt();
            let r2 = rx * ix / r1;
            let re = (rx2 + dp + two * (rx * r1 + ix * r2)).ln_1p() / two;
            Complex::new(re, angle(ix + r2, rx + r1))
        }
    } else if ix == one && rx < half {
        if rx < eps8 {
            let s = rx.sqrt();
            Complex::new((two * (rx + s)).ln_1p() / two, angle(one, s))
        } else {
            let d = rx * (T::k(4.0) + rx * rx).sqrt();
            let s1 = ((d + rx * rx) / two).sqrt();
            let s2 = ((d - rx * rx) / two).sqrt();
            let re = (rx * rx + d + two * (rx * s1 + s2)).ln_1p() / two;
            Complex::new(re, angle(one + s2, rx + s1))
        }
    } else if ix < one && rx < half {
        if ix >= eps {
            let onemix2 = (one + ix) * (one - ix);
            if rx < eps * eps {
                let s = onemix2.sqrt();
                let im = if adj { s.atan2(z.im) } else { ix.atan2(s) };
                Complex::new((two * rx / s).ln_1p() / two, im)
            } else {
                let rx2 = rx * rx;
                let f = rx2 * (two + rx2 + two * ix * ix);
                let d = (onemix2 * onemix2 + f).sqrt();
                let dp = d + onemix2;
                let dm = f / dp;
                let r1 = ((dp + rx2) / two).sqrt();
                let r2 = rx * ix / r1;
                let re = (rx2 + dm + two * (rx * r1 + ix * r2)).ln_1p() / two;
                Complex::new(re, angle(ix + r2, rx + r1))
            }
        } else {
            let s = one.hypot(rx);
            let im = if adj { s.atan2(z.im) } else { ix.atan2(s) };
            Complex::new((two * rx * (rx + s)).ln_1p() / two, im)
        }
    } else {
        let w = csqrt(Complex::new((rx - ix) * (rx + ix) + one, two * rx * ix));
        let (wr, wi) = (w.re + rx, w.im + ix);
        clog(if adj {
            Complex::new(wi.copysign(z.im), wr)
        } else {
            Complex::new(wr, wi)
        })
    };
    let im_sign = if adj { one } else { z.im };
    Complex::new(res.re.copysign(z.re), res.im.copysign(im_sign))
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
    kernel(z, false)
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
    let k = kernel(Complex::new(-y, x), true);
    Complex::new(k.im, k.re)
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
    let k = kernel(Complex::new(-y, x), true);
    if y.is_sign_negative() {
        Complex::new(k.re, -k.im)
    } else {
        Complex::new(-k.re, k.im)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernels::cmath::tests::check;
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

    const INF: f64 = f64::INFINITY;
    const NAN: f64 = f64::NAN;

    #[test]
    fn special_values_as_numpy() {
        // NumPy 2.4 on Linux (glibc).
        check(
            casinh,
            &[((0.0, INF), (INF, FRAC_PI_2)), ((INF, NAN), (INF, NAN))],
        );
        check(
            cacosh,
            &[((-INF, 1.0), (INF, PI)), ((0.0, NAN), (NAN, FRAC_PI_2))],
        );
        check(
            casin,
            &[((NAN, INF), (NAN, INF)), ((-0.0, NAN), (-0.0, NAN))],
        );
        check(
            cacos,
            &[((1.0, 0.0), (0.0, -0.0)), ((INF, -INF), (FRAC_PI_4, INF))],
        );
        check(
            catanh,
            &[((1.0, 0.0), (INF, 0.0)), ((NAN, INF), (0.0, FRAC_PI_2))],
        );
        check(catan, &[((0.0, 1.0), (0.0, INF))]);
    }

    #[test]
    fn large_and_small_arguments() {
        check(
            casinh,
            &[((1e300, 1e300), (691.815_248_669_053_5, FRAC_PI_4))],
        );
        check(catanh, &[((1e20, 1.0), (1e-20, FRAC_PI_2))]);
        // glibc's value (NumPy on Linux): one ulp below π/3 correctly rounded.
        check(
            cacos,
            &[(
                (0.5, 1e-20),
                (1.047_197_551_196_597_6, -1.154_700_538_379_251_5e-20),
            )],
        );
        // glibc's value (the exact one rounds to ...033_333_4e-5, ...666_668e-6).
        check(
            casinh,
            &[(
                (1e-5, 1e-5),
                (1.000_000_000_033_333_5e-5, 9.999_999_999_666_666e-6),
            )],
        );
        check(
            catanh,
            &[(
                (0.5, 0.5),
                (0.402_359_478_108_525_07, 0.553_574_358_897_045_2),
            )],
        );
    }
}
