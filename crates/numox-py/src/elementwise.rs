//! The elementwise functions of the Array API standard (2024.12) and NumPy's names for them:
//! unary functions take an array (or anything `asarray` takes), binary functions take arrays or
//! Python scalars on either side (weak scalars, as NumPy 2 treats them).

use crate::array::{write_all, Out, PyArr};
use crate::convert::{operand, to_array};
use crate::errors::{type_error, IntoPyResult};
use crate::ops::{run_binary, DETACH_SIZE};
use numox::ufunc::Operand;
use numox::{Array, DType, Result as NxResult, Scalar, ScalarKind};
use pyo3::prelude::*;

type UnFn = for<'a> fn(Operand<'a>) -> NxResult<Array>;
type BinFn = for<'a> fn(Operand<'a>, Operand<'a>) -> NxResult<Array>;

/// The array behind a Python argument: numox arrays shared, anything else converted.
pub fn arg_array(x: &Bound<'_, PyAny>) -> PyResult<Array> {
    match x.cast::<PyArr>() {
        Ok(a) => Ok(a.get().a.clone()),
        Err(_) => to_array(x, None),
    }
}

/// Runs `f` on `x` (without the GIL for large arrays).
fn unary_call(py: Python<'_>, f: UnFn, x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let a = arg_array(x)?;
    let r = if a.size() >= DETACH_SIZE {
        py.detach(|| f(Operand::Array(&a))).py()?
    } else {
        f(Operand::Array(&a)).py()?
    };
    Ok(Out(r))
}

/// Runs `f` on two operands (arrays or weak Python scalars).
fn binary_call(
    py: Python<'_>,
    f: BinFn,
    x1: &Bound<'_, PyAny>,
    x2: &Bound<'_, PyAny>,
) -> PyResult<Out> {
    let (mut h1, mut h2) = (None, None);
    let a = operand(x1, &mut h1)?;
    let b = operand(x2, &mut h2)?;
    Ok(Out(run_binary(py, f, a, b)?))
}

macro_rules! unary_fns {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(x, /)`, elementwise.")]
            #[pyfunction]
            #[pyo3(signature = (x, /))]
            pub fn $name(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<Out> {
                fn g<'a>(a: Operand<'a>) -> NxResult<Array> {
                    $f(a)
                }
                unary_call(py, g as UnFn, x)
            }
        )*

        fn register_unary(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $( m.add_function(wrap_pyfunction!($name, m)?)?; )*
            Ok(())
        }
    };
}

macro_rules! binary_fns {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(x1, x2, /)`, elementwise with broadcasting.")]
            #[pyfunction]
            #[pyo3(signature = (x1, x2, /))]
            pub fn $name(
                py: Python<'_>,
                x1: &Bound<'_, PyAny>,
                x2: &Bound<'_, PyAny>,
            ) -> PyResult<Out> {
                fn g<'a>(a: Operand<'a>, b: Operand<'a>) -> NxResult<Array> {
                    $f(a, b)
                }
                binary_call(py, g as BinFn, x1, x2)
            }
        )*

        fn register_binary(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $( m.add_function(wrap_pyfunction!($name, m)?)?; )*
            Ok(())
        }
    };
}

/// NumPy's error for `-x` / `np.negative(x)` on booleans.
fn checked_negative(a: Operand<'_>) -> NxResult<Array> {
    let is_bool = match &a {
        Operand::Array(x) => x.dtype() == DType::Bool,
        Operand::Owned(x) => x.dtype() == DType::Bool,
        Operand::Scalar(s) => matches!(s, Scalar::Bool(_)),
    };
    if is_bool {
        return Err(numox::Error::DType(
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.".into(),
        ));
    }
    numox::negative(a)
}

unary_fns! {
    abs => numox::absolute;
    absolute => numox::absolute;
    acos => numox::arccos;
    arccos => numox::arccos;
    acosh => numox::arccosh;
    arccosh => numox::arccosh;
    asin => numox::arcsin;
    arcsin => numox::arcsin;
    asinh => numox::arcsinh;
    arcsinh => numox::arcsinh;
    atan => numox::arctan;
    arctan => numox::arctan;
    atanh => numox::arctanh;
    arctanh => numox::arctanh;
    bitwise_invert => numox::invert;
    invert => numox::invert;
    bitwise_not => numox::invert;
    ceil => numox::ceil;
    conj => numox::conjugate;
    conjugate => numox::conjugate;
    cos => numox::cos;
    cosh => numox::cosh;
    exp => numox::exp;
    exp2 => numox::exp2;
    expm1 => numox::expm1;
    floor => numox::floor;
    imag => numox::imag;
    isfinite => numox::isfinite;
    isinf => numox::isinf;
    isnan => numox::isnan;
    isposinf => numox::isposinf;
    isneginf => numox::isneginf;
    log => numox::log;
    log1p => numox::log1p;
    log2 => numox::log2;
    log10 => numox::log10;
    logical_not => numox::logical_not;
    negative => checked_negative;
    positive => numox::positive;
    real => numox::real;
    reciprocal => numox::reciprocal;
    sign => numox::sign;
    signbit => numox::signbit;
    sin => numox::sin;
    sinh => numox::sinh;
    square => numox::square;
    sqrt => numox::sqrt;
    cbrt => numox::cbrt;
    tan => numox::tan;
    tanh => numox::tanh;
    trunc => numox::trunc;
    fix => numox::trunc;
    rint => numox::rint;
    deg2rad => numox::deg2rad;
    rad2deg => numox::rad2deg;
    degrees => numox::degrees;
    radians => numox::radians;
}

binary_fns! {
    add => numox::add;
    atan2 => numox::arctan2;
    arctan2 => numox::arctan2;
    bitwise_and => numox::bitwise_and;
    bitwise_left_shift => numox::left_shift;
    left_shift => numox::left_shift;
    bitwise_or => numox::bitwise_or;
    bitwise_right_shift => numox::right_shift;
    right_shift => numox::right_shift;
    bitwise_xor => numox::bitwise_xor;
    copysign => numox::copysign;
    divide => numox::divide;
    true_divide => numox::divide;
    equal => numox::equal;
    floor_divide => numox::floor_divide;
    greater => numox::greater;
    greater_equal => numox::greater_equal;
    hypot => numox::hypot;
    less => numox::less;
    less_equal => numox::less_equal;
    logaddexp => numox::logaddexp;
    logaddexp2 => numox::logaddexp2;
    logical_and => numox::logical_and;
    logical_or => numox::logical_or;
    logical_xor => numox::logical_xor;
    maximum => numox::maximum;
    minimum => numox::minimum;
    fmax => numox::fmax;
    fmin => numox::fmin;
    multiply => numox::multiply;
    not_equal => numox::not_equal;
    pow => numox::power;
    power => numox::power;
    float_power => numox::float_power;
    remainder => numox::remainder;
    r#mod => numox::remainder;
    fmod => numox::fmod;
    heaviside => numox::heaviside;
    subtract => numox::subtract;
}

/// `round(x, /)`: to the nearest integer, half to even, as NumPy's (`around` takes decimals).
#[pyfunction]
#[pyo3(signature = (x, /))]
pub fn round(x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let a = arg_array(x)?;
    Ok(Out(numox::round(&a, 0).py()?))
}

/// `around(a, decimals=0)`: NumPy's other name of [`round`].
#[pyfunction]
#[pyo3(signature = (a, decimals=0))]
pub fn around(a: &Bound<'_, PyAny>, decimals: i32) -> PyResult<Out> {
    let a = arg_array(a)?;
    Ok(Out(numox::round(&a, decimals).py()?))
}

/// `clip(x, /, min=None, max=None)`: values limited to `[min, max]`; `None` leaves a side open.
#[pyfunction]
#[pyo3(signature = (x, /, min=None, max=None))]
pub fn clip(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    min: Option<&Bound<'_, PyAny>>,
    max: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    let min = min.filter(|m| !m.is_none());
    let max = max.filter(|m| !m.is_none());
    if min.is_none() && max.is_none() {
        return Ok(Out(a.copy()));
    }
    let (mut h1, mut h2) = (None, None);
    let lo = min.map(|m| operand(m, &mut h1)).transpose()?;
    let hi = max.map(|m| operand(m, &mut h2)).transpose()?;
    let r = if a.size() >= DETACH_SIZE {
        py.detach(|| numox::clip(&a, lo, hi)).py()?
    } else {
        numox::clip(&a, lo, hi).py()?
    };
    Ok(Out(r))
}

/// `isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`.
#[pyfunction]
#[pyo3(signature = (a, b, rtol=1e-05, atol=1e-08, equal_nan=false))]
pub fn isclose(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
) -> PyResult<Out> {
    let (mut h1, mut h2) = (None, None);
    let x = operand(a, &mut h1)?;
    let y = operand(b, &mut h2)?;
    let opts = numox::CloseOpts::new()
        .rtol(rtol)
        .atol(atol)
        .equal_nan(equal_nan);
    Ok(Out(numox::isclose_with(x, y, opts).py()?))
}

/// `allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`: a Python bool.
#[pyfunction]
#[pyo3(signature = (a, b, rtol=1e-05, atol=1e-08, equal_nan=false))]
pub fn allclose(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
) -> PyResult<bool> {
    let (mut h1, mut h2) = (None, None);
    let x = operand(a, &mut h1)?;
    let y = operand(b, &mut h2)?;
    let opts = numox::CloseOpts::new()
        .rtol(rtol)
        .atol(atol)
        .equal_nan(equal_nan);
    numox::allclose_with(x, y, opts).py()
}

/// `nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)`; `copy=False` writes the
/// result back into a numox array `x` and returns it.
#[pyfunction]
#[pyo3(signature = (x, copy=true, nan=0.0, posinf=None, neginf=None))]
pub fn nan_to_num(
    x: &Bound<'_, PyAny>,
    copy: bool,
    nan: f64,
    posinf: Option<f64>,
    neginf: Option<f64>,
) -> PyResult<Py<PyAny>> {
    let a = arg_array(x)?;
    let mut opts = numox::NanToNumOpts::new().nan(nan);
    if let Some(p) = posinf {
        opts = opts.posinf(p);
    }
    if let Some(n) = neginf {
        opts = opts.neginf(n);
    }
    let r = numox::nan_to_num_with(&a, opts).py()?;
    if !copy
        && let Ok(me) = x.cast::<PyArr>()
        && me.get().a.dtype() == r.dtype()
    {
        write_all(&me.get().a, &r)?;
        return Ok(me.clone().unbind().into_any());
    }
    Ok(crate::array::wrap(x.py(), r)?.into_any())
}

/// `angle(z, deg=False)`: the argument of complex numbers.
#[pyfunction]
#[pyo3(signature = (z, deg=false))]
pub fn angle(z: &Bound<'_, PyAny>, deg: bool) -> PyResult<Out> {
    let a = arg_array(z)?;
    Ok(Out(numox::angle(&a, deg).py()?))
}

/// The weak kind of a Python scalar operand.
fn scalar_kind(s: &Scalar) -> ScalarKind {
    match s {
        Scalar::Bool(_) => ScalarKind::Bool,
        Scalar::Complex64(_) | Scalar::Complex128(_) => ScalarKind::Complex,
        s if s.dtype().is_inexact() => ScalarKind::Float,
        _ => ScalarKind::Int,
    }
}

/// An operand as an array of dtype `dt`.
fn operand_as(o: Operand<'_>, dt: DType) -> NxResult<Array> {
    match o {
        Operand::Array(a) => a.astype(dt),
        Operand::Owned(a) => a.astype(dt),
        Operand::Scalar(s) => Array::from_scalar(s).astype(dt),
    }
}

/// One float type's `nextafter` on its bit pattern.
macro_rules! next_after {
    ($name:ident, $t:ty, $to:expr, $from_bits:expr, $to_bits:expr, $tiny:expr, $eq_x:expr) => {
        fn $name(x: $t, y: $t) -> $t {
            let (fx, fy): (f64, f64) = ($to(x), $to(y));
            if fx.is_nan() {
                return x;
            }
            if fy.is_nan() {
                return y;
            }
            if fx == fy {
                // C's nextafter returns y; NumPy's half-precision one returns x.
                return if $eq_x { x } else { y };
            }
            if fx == 0.0 {
                let t: $t = $from_bits($tiny);
                return if fy > 0.0 { t } else { -t };
            }
            let b = $to_bits(x);
            let up = (fy > fx) == (fx > 0.0);
            $from_bits(if up { b + 1 } else { b - 1 })
        }
    };
}

next_after!(
    next_f64,
    f64,
    |v: f64| v,
    f64::from_bits,
    f64::to_bits,
    1u64,
    false
);
next_after!(
    next_f32,
    f32,
    f64::from,
    f32::from_bits,
    f32::to_bits,
    1u32,
    false
);
next_after!(
    next_f16,
    half::f16,
    f64::from,
    half::f16::from_bits,
    half::f16::to_bits,
    1u16,
    true
);
next_after!(
    next_bf16,
    half::bf16,
    f64::from,
    half::bf16::from_bits,
    half::bf16::to_bits,
    1u16,
    true
);

fn nextafter_typed<T: numox::Element>(a: &Array, b: &Array, f: fn(T, T) -> T) -> NxResult<Array> {
    let v = numox::broadcast_arrays(&[a, b])?;
    let shape = v[0].shape().to_vec();
    let (x, y) = (v[0].to_vec::<T>()?, v[1].to_vec::<T>()?);
    let r: Vec<T> = x.into_iter().zip(y).map(|(p, q)| f(p, q)).collect();
    Array::from_shape_vec(&shape, r)
}

/// `nextafter(x1, x2, /)`: the next representable float after `x1` towards `x2`.
#[pyfunction]
#[pyo3(signature = (x1, x2, /))]
pub fn nextafter(py: Python<'_>, x1: &Bound<'_, PyAny>, x2: &Bound<'_, PyAny>) -> PyResult<Out> {
    let (mut h1, mut h2) = (None, None);
    let a = operand(x1, &mut h1)?;
    let b = operand(x2, &mut h2)?;
    // NumPy's loops are float16, float32, float64: each operand needs the first its dtype
    // casts to safely, a Python scalar taking the dtype it has next to the array (NEP 50).
    let arrays: Vec<DType> = [&a, &b]
        .iter()
        .filter_map(|o| match o {
            Operand::Array(x) => Some(x.dtype()),
            Operand::Owned(x) => Some(x.dtype()),
            Operand::Scalar(_) => None,
        })
        .collect();
    let mut dt: Option<DType> = None;
    for o in [&a, &b] {
        let d = match o {
            Operand::Array(x) => x.dtype(),
            Operand::Owned(x) => x.dtype(),
            Operand::Scalar(s) => numox::promote::result_type(&arrays, &[scalar_kind(s)]).py()?,
        };
        if d.is_complex() {
            return Err(type_error(
                "ufunc 'nextafter' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
            ));
        }
        let f = if d.is_float() {
            d
        } else {
            numox::promote::promote_types(d, DType::Float16).py()?
        };
        dt = Some(match dt {
            None => f,
            Some(p) => numox::promote::promote_types(p, f).py()?,
        });
    }
    let dt = dt.unwrap_or(DType::Float64);
    let a = operand_as(a, dt).py()?;
    let b = operand_as(b, dt).py()?;
    let run = || match dt {
        DType::Float64 => nextafter_typed(&a, &b, next_f64),
        DType::Float32 => nextafter_typed(&a, &b, next_f32),
        DType::Float16 => nextafter_typed(&a, &b, next_f16),
        _ => nextafter_typed(&a, &b, next_bf16),
    };
    let r = if a.size().max(b.size()) >= DETACH_SIZE {
        py.detach(run).py()?
    } else {
        run().py()?
    };
    Ok(Out(r))
}

/// Adds the elementwise functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    register_unary(m)?;
    register_binary(m)?;
    m.add_function(wrap_pyfunction!(round, m)?)?;
    m.add_function(wrap_pyfunction!(around, m)?)?;
    m.add_function(wrap_pyfunction!(clip, m)?)?;
    m.add_function(wrap_pyfunction!(isclose, m)?)?;
    m.add_function(wrap_pyfunction!(allclose, m)?)?;
    m.add_function(wrap_pyfunction!(nan_to_num, m)?)?;
    m.add_function(wrap_pyfunction!(angle, m)?)?;
    m.add_function(wrap_pyfunction!(nextafter, m)?)?;
    Ok(())
}
