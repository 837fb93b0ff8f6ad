//! Inspection: `__array_namespace_info__()`, devices, `finfo`, `iinfo`, `isdtype`, `can_cast`,
//! `result_type`.

use crate::array::PyArr;
use crate::convert::py_scalar;
use crate::dtypes::{dtype_obj, to_dtype, PyDType};
use crate::errors::{type_error, value_error, IntoPyResult};
use numox::promote::ScalarKind;
use numox::DType;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

/// Checks a `device=` argument: `None` or `"cpu"`.
pub fn check_device(device: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
    match device {
        None => Ok(()),
        Some(d) if d.is_none() => Ok(()),
        Some(d) => match d.extract::<String>() {
            Ok(s) if s == "cpu" => Ok(()),
            _ => Err(value_error(format!("Unsupported device {}", d.repr()?))),
        },
    }
}

/// What `numox.__array_namespace_info__()` returns.
#[pyclass(name = "__array_namespace_info__", module = "numox", frozen)]
pub struct Info;

const NUMERIC: [DType; 12] = [
    DType::Int8,
    DType::Int16,
    DType::Int32,
    DType::Int64,
    DType::UInt8,
    DType::UInt16,
    DType::UInt32,
    DType::UInt64,
    DType::Float32,
    DType::Float64,
    DType::Complex64,
    DType::Complex128,
];

#[pymethods]
impl Info {
    #[new]
    fn new() -> Info {
        Info
    }

    /// Optional features: boolean indexing, data-dependent shapes, and the maximum rank.
    fn capabilities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("boolean indexing", true)?;
        d.set_item("data-dependent shapes", true)?;
        d.set_item("max dimensions", 64)?;
        Ok(d)
    }

    /// The default device: `"cpu"`.
    fn default_device(&self) -> &'static str {
        "cpu"
    }

    /// The default dtypes for real floats, complex floats, integers and indexing.
    #[pyo3(signature = (*, device=None))]
    fn default_dtypes<'py>(
        &self,
        py: Python<'py>,
        device: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        check_device(device)?;
        let d = PyDict::new(py);
        d.set_item("real floating", dtype_obj(DType::Float64))?;
        d.set_item("complex floating", dtype_obj(DType::Complex128))?;
        d.set_item("integral", dtype_obj(DType::Int64))?;
        d.set_item("indexing", dtype_obj(DType::Int64))?;
        Ok(d)
    }

    /// The supported dtypes of a kind (or all), by name.
    #[pyo3(signature = (*, device=None, kind=None))]
    fn dtypes<'py>(
        &self,
        py: Python<'py>,
        device: Option<&Bound<'py, PyAny>>,
        kind: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        check_device(device)?;
        let d = PyDict::new(py);
        let all = std::iter::once(DType::Bool).chain(NUMERIC);
        for t in all {
            let keep = match kind {
                None => true,
                Some(k) if k.is_none() => true,
                Some(k) => isdtype_kind(t, k)?,
            };
            if keep {
                d.set_item(t.name(), dtype_obj(t))?;
            }
        }
        Ok(d)
    }

    /// The devices: `["cpu"]`.
    fn devices(&self) -> Vec<&'static str> {
        vec!["cpu"]
    }
}

/// Whether `t` is of `kind` (a dtype, a kind name, or a tuple of these).
fn isdtype_kind(t: DType, kind: &Bound<'_, PyAny>) -> PyResult<bool> {
    if let Ok(tup) = kind.cast::<PyTuple>() {
        for k in tup.iter() {
            if isdtype_kind(t, &k)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Ok(s) = kind.cast::<PyString>() {
        let s = s.to_str()?;
        return Ok(match s {
            "bool" => t == DType::Bool,
            "signed integer" => t.kind() == numox::dtype::Kind::Int,
            "unsigned integer" => t.kind() == numox::dtype::Kind::UInt,
            "integral" => t.is_integer(),
            "real floating" => t.is_float(),
            "complex floating" => t.is_complex(),
            "numeric" => t != DType::Bool,
            _ => {
                return Err(value_error(format!(
                "kind argument must be comprised of NumPy dtypes or strings only, but is a '{s}'"
            )))
            }
        });
    }
    if let Ok(d) = kind.cast::<PyDType>() {
        return Ok(d.get().d == t);
    }
    Err(type_error(format!(
        "kind argument must be a dtype, a string or a tuple, not {}",
        kind.get_type().name()?
    )))
}

/// `isdtype(dtype, kind)`.
#[pyfunction]
#[pyo3(signature = (dtype, kind))]
fn isdtype(dtype: &Bound<'_, PyAny>, kind: &Bound<'_, PyAny>) -> PyResult<bool> {
    let Ok(d) = dtype.cast::<PyDType>() else {
        return Err(type_error(format!(
            "dtype argument must be a numox dtype, but it is a {}.",
            dtype.get_type().name()?
        )));
    };
    isdtype_kind(d.get().d, kind)
}

/// The dtype of an array or dtype argument.
fn dtype_arg(x: &Bound<'_, PyAny>) -> PyResult<DType> {
    if let Ok(a) = x.cast::<PyArr>() {
        return Ok(a.get().a.dtype());
    }
    to_dtype(x)
}

/// `can_cast(from_, to, /)`: under the `safe` rule.
#[pyfunction]
#[pyo3(signature = (from_, to, /))]
fn can_cast(from_: &Bound<'_, PyAny>, to: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(numox::promote::can_cast(
        dtype_arg(from_)?,
        to_dtype(to)?,
        numox::Casting::Safe,
    ))
}

/// `result_type(*arrays_and_dtypes)`: NumPy 2's promotion, Python scalars weak.
#[pyfunction]
#[pyo3(signature = (*arrays_and_dtypes))]
fn result_type(arrays_and_dtypes: &Bound<'_, PyTuple>) -> PyResult<PyDType> {
    let mut dts = Vec::new();
    let mut kinds = Vec::new();
    for x in arrays_and_dtypes.iter() {
        if let Some(s) = py_scalar(&x)? {
            kinds.push(ScalarKind::of(&s));
        } else {
            dts.push(dtype_arg(&x)?);
        }
    }
    if dts.is_empty() {
        return Err(value_error("at least one array or dtype is required"));
    }
    Ok(dtype_obj(numox::promote::result_type(&dts, &kinds).py()?))
}

/// Machine limits of a floating dtype (`finfo`).
#[pyclass(name = "finfo_object", module = "numox", frozen)]
struct FInfo {
    #[pyo3(get)]
    bits: usize,
    #[pyo3(get)]
    eps: f64,
    #[pyo3(get)]
    max: f64,
    #[pyo3(get)]
    min: f64,
    #[pyo3(get)]
    smallest_normal: f64,
    #[pyo3(get)]
    dtype: PyDType,
}

/// Limits of an integer dtype (`iinfo`).
#[pyclass(name = "iinfo_object", module = "numox", frozen)]
struct IInfo {
    #[pyo3(get)]
    bits: usize,
    #[pyo3(get)]
    max: i128,
    #[pyo3(get)]
    min: i128,
    #[pyo3(get)]
    dtype: PyDType,
}

#[pyfunction]
#[pyo3(signature = (r#type, /))]
fn finfo(r#type: &Bound<'_, PyAny>) -> PyResult<FInfo> {
    let d = dtype_arg(r#type)?;
    let (bits, eps, max, tiny, real) = match d.real_dtype() {
        DType::Float16 => (16, 0.0009765625, 65504.0, 6.103515625e-05, DType::Float16),
        DType::BFloat16 => (
            16,
            0.0078125,
            3.3895313892515355e38,
            1.1754943508222875e-38,
            DType::BFloat16,
        ),
        DType::Float32 => (
            32,
            f32::EPSILON as f64,
            f32::MAX as f64,
            f32::MIN_POSITIVE as f64,
            DType::Float32,
        ),
        DType::Float64 => (
            64,
            f64::EPSILON,
            f64::MAX,
            f64::MIN_POSITIVE,
            DType::Float64,
        ),
        _ => return Err(value_error(format!("data type {d} not inexact"))),
    };
    Ok(FInfo {
        bits,
        eps,
        max,
        min: -max,
        smallest_normal: tiny,
        dtype: dtype_obj(real),
    })
}

#[pyfunction]
#[pyo3(signature = (r#type, /))]
fn iinfo(r#type: &Bound<'_, PyAny>) -> PyResult<IInfo> {
    let d = dtype_arg(r#type)?;
    let bits = d.itemsize() * 8;
    let (min, max): (i128, i128) = match d.kind() {
        numox::dtype::Kind::Int => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
        numox::dtype::Kind::UInt => (0, (1i128 << bits) - 1),
        _ => {
            return Err(value_error(format!(
                "Invalid integer data type '{}'.",
                d.kind().char()
            )))
        }
    };
    Ok(IInfo {
        bits,
        max,
        min,
        dtype: dtype_obj(d),
    })
}

/// Registers the inspection functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Info>()?;
    m.add_class::<FInfo>()?;
    m.add_class::<IInfo>()?;
    m.add_function(wrap_pyfunction!(isdtype, m)?)?;
    m.add_function(wrap_pyfunction!(can_cast, m)?)?;
    m.add_function(wrap_pyfunction!(result_type, m)?)?;
    m.add_function(wrap_pyfunction!(finfo, m)?)?;
    m.add_function(wrap_pyfunction!(iinfo, m)?)?;
    Ok(())
}
