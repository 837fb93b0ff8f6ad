//! Golden tests of the math ufuncs against NumPy (data: scripts/golden/ufunc_math.py): exp2,
//! expm1, log2, log10, log1p, the trigonometric and hyperbolic functions and their inverses, the
//! degree/radian conversions, logaddexp, logaddexp2, arctan2, hypot, and complex exp/log/sqrt —
//! every dtype, the dtype table of arctan2, weak scalars, broadcasting, views, 0-d and empty
//! arrays, sizes around SIMD widths, special values and the errors.

mod ufunc_golden;

use numox::DType;
use ufunc_golden::{Arg, Call, Harness, Out};

fn call(c: &Call) -> Option<numox::Result<Out>> {
    let a = |k: usize| c.operand(k);
    let r = match c.func.as_str() {
        "exp2" => numox::exp2(a(0)),
        "expm1" => numox::expm1(a(0)),
        "log2" => numox::log2(a(0)),
        "log10" => numox::log10(a(0)),
        "log1p" => numox::log1p(a(0)),
        "sin" => numox::sin(a(0)),
        "cos" => numox::cos(a(0)),
        "tan" => numox::tan(a(0)),
        "arcsin" => numox::arcsin(a(0)),
        "arccos" => numox::arccos(a(0)),
        "arctan" => numox::arctan(a(0)),
        "sinh" => numox::sinh(a(0)),
        "cosh" => numox::cosh(a(0)),
        "tanh" => numox::tanh(a(0)),
        "arcsinh" => numox::arcsinh(a(0)),
        "arccosh" => numox::arccosh(a(0)),
        "arctanh" => numox::arctanh(a(0)),
        "deg2rad" => numox::deg2rad(a(0)),
        "rad2deg" => numox::rad2deg(a(0)),
        "degrees" => numox::degrees(a(0)),
        "radians" => numox::radians(a(0)),
        "exp" => numox::exp(a(0)),
        "log" => numox::log(a(0)),
        "sqrt" => numox::sqrt(a(0)),
        "logaddexp" => numox::logaddexp(a(0), a(1)),
        "logaddexp2" => numox::logaddexp2(a(0), a(1)),
        "arctan2" => numox::arctan2(a(0), a(1)),
        "hypot" => numox::hypot(a(0), a(1)),
        _ => return None,
    };
    Some(r.map(Out::from))
}

/// ULPs numox may differ from NumPy, per function and result dtype: the largest differences
/// measured over ~10^4 arguments per function (wide magnitudes, special values) against the
/// data's NumPy 2.4 (its AVX2 loops, see scripts/golden/gen.py). Everywhere else numox gives
/// NumPy's bits:
/// - float32/float64: numox calls the platform's libm (glibc here) per element, as NumPy's
///   AVX2 build does for these functions except its own SIMD `tanh` (float32 and float64, up to
///   3 ulp) and float32 `sin`/`cos` (1 ulp); numox's `arcsinh`/`arccosh`/`arctanh` are fdlibm's
///   formulas, as glibc's, one float32 `arcsinh` case 1 ulp apart.
/// - float16: computed in float32 and rounded, as NumPy; where NumPy's float32 value differs, the
///   half can round the other way (1 ulp). bfloat16 (ml_dtypes, through float32) matches.
/// - complex: NumPy calls glibc's `cexp`, `clog`, `csin`, `casinh`, …; numox follows glibc's
///   algorithms and matches it to the bit, but for complex64 `log`/`log2`/`log10` near
///   |z| = 1 (≤ 2 ulp: glibc sums x² + y² − 1 differently in single precision).
fn tolerance(c: &Call, dt: DType) -> u64 {
    use DType::*;
    match (c.func.as_str(), dt) {
        ("tanh", Float64) => 2,
        ("tanh", Float32) => 3,
        ("sin" | "cos" | "arcsinh", Float32) => 1,
        ("sin" | "cos" | "tanh", Float16) => 1,
        ("log" | "log2" | "log10", Complex64) => 2,
        _ => 0,
    }
}

/// Cases where ml_dtypes' bfloat16 (NumPy has none) answers differently from numox, which
/// treats bfloat16 like float16 throughout.
fn skip(c: &Call) -> Option<&'static str> {
    let bf16 = c
        .args
        .iter()
        .any(|a| a.as_array().is_some_and(|a| a.dtype() == DType::BFloat16));
    if !bf16 {
        return None;
    }
    if matches!(c.func.as_str(), "degrees" | "radians") {
        return Some("ml_dtypes registers no bfloat16 degrees/radians loop: NumPy gives float32");
    }
    let py_number = c
        .args
        .iter()
        .any(|a| matches!(a, Arg::Float(_) | Arg::Int(_)));
    py_number.then_some("ml_dtypes' bfloat16 ignores NEP 50 weak scalars")
}

#[test]
fn golden_math_ufuncs() {
    let n = Harness::new("ufunc_math")
        .tolerance(tolerance)
        .skip(skip)
        .run(call);
    assert!(n > 900);
}

/// `out=` writes the result, cast under `same_kind`; a float result does not cast to an int.
#[test]
fn out_arguments() {
    let a = numox::array![0.0f32, 1.0];
    let mut out = numox::Array::zeros(&[2, 2], DType::Float64).unwrap();
    numox::sin_out(&a, &mut out).unwrap();
    let want = [0.0, 1f32.sin() as f64];
    assert_eq!(out.to_vec::<f64>().unwrap(), [want, want].concat());
    let mut ints = numox::Array::zeros(&[2], DType::Int64).unwrap();
    let e = numox::arctan2_out(&a, &a, &mut ints).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot cast ufunc 'arctan2' output from dtype('float32') to dtype('int64') with casting rule 'same_kind'"
    );
    let z = numox::array![numox::Complex64::new(-4.0, 0.0)];
    let mut zo = numox::Array::zeros(&[1], DType::Complex128).unwrap();
    numox::sqrt_out(&z, &mut zo).unwrap();
    assert_eq!(
        zo.to_vec::<numox::Complex64>().unwrap(),
        [numox::Complex64::new(0.0, 2.0)]
    );
}
