//! NumPy's `str()` of scalars (`np.float64(0.1)` prints `0.1`, `np.complex128(1+2j)` prints
//! `(1+2j)`), which is also how 0-d arrays print with `str`.

use super::digits::{PrintFloat, Scratch};
use super::dragon4::Digits;
use super::elements::write_g6;
use super::float_text::{FloatText, Trim};
use crate::dtype::Scalar;
use num_complex::Complex;

/// Appends `str(x)` of a NumPy float scalar: the shortest digits, positional with at least one
/// fractional digit between `1e-4` and the type's limit, otherwise scientific.
fn float_str<F: PrintFloat>(x: F, sign: bool, trim_pos: Trim, trim_sci: Trim, out: &mut String) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if !x.is_finite() {
        out.push_str(if x.sign_negative() {
            "-inf"
        } else if sign {
            "+inf"
        } else {
            "inf"
        });
        return;
    }
    let a = x.to_f64().abs();
    let positional = a == 0.0 || (a < F::SCALAR_POSITIONAL_MAX && a >= 1e-4);
    let t = FloatText {
        scientific: !positional,
        trim: if positional { trim_pos } else { trim_sci },
        sign,
        ..FloatText::PLAIN
    };
    t.write(x, out, &mut Scratch::default(), &mut Digits::default());
}

/// Appends `str(z)` of a NumPy complex scalar.
fn complex_str<F: PrintFloat>(z: Complex<F>, out: &mut String) {
    let trim = Trim::DptZeros;
    if z.re.to_f64() == 0.0 && !z.re.sign_negative() {
        float_str(z.im, false, trim, trim, out);
        out.push('j');
        return;
    }
    out.push('(');
    float_str(z.re, false, trim, trim, out);
    if z.im.is_nan() {
        out.push_str("+nan");
    } else {
        float_str(z.im, true, trim, trim, out);
    }
    out.push_str("j)");
}

/// Appends NumPy's `str()` of the scalar.
pub(crate) fn write_scalar(s: &Scalar, out: &mut String) {
    let lo = Trim::LeaveOneZero;
    let dz = Trim::DptZeros;
    match *s {
        Scalar::Bool(v) => out.push_str(if v { "True" } else { "False" }),
        Scalar::Int8(v) => out.push_str(&v.to_string()),
        Scalar::Int16(v) => out.push_str(&v.to_string()),
        Scalar::Int32(v) => out.push_str(&v.to_string()),
        Scalar::Int64(v) => out.push_str(&v.to_string()),
        Scalar::UInt8(v) => out.push_str(&v.to_string()),
        Scalar::UInt16(v) => out.push_str(&v.to_string()),
        Scalar::UInt32(v) => out.push_str(&v.to_string()),
        Scalar::UInt64(v) => out.push_str(&v.to_string()),
        Scalar::Float16(v) => float_str(v, false, lo, dz, out),
        Scalar::BFloat16(v) => write_g6(v.to_f64(), out),
        Scalar::Float32(v) => float_str(v, false, lo, dz, out),
        Scalar::Float64(v) => float_str(v, false, lo, dz, out),
        Scalar::Complex64(z) => complex_str(z, out),
        Scalar::Complex128(z) => complex_str(z, out),
    }
}
