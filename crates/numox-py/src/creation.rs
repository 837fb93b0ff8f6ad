//! Array creation: `asarray`, `zeros`, `ones`, `empty`, `full`, their `_like` forms, `arange`,
//! `linspace`, `eye`, `meshgrid`, `tril`, `triu`, and the data type function `astype`.

use crate::args::{arr, arr_tuple, opt_dtype, scalar_arg, shape_arg, tuple_arrs};
use crate::array::{Out, PyArr};
use crate::convert::{py_scalar, scalar_array, to_array};
use crate::dtypes::to_dtype;
use crate::errors::{value_error, IntoPyResult};
use crate::info::check_device;
use numox::creation::{Indexing, LikeOpts, LinspaceOpts, MatrixOpts, MeshgridOpts};
use numox::{Array, DType, Scalar};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// `asarray(obj, /, *, dtype=None, device=None, copy=None)`: shares memory with numox and NumPy
/// arrays unless a copy is asked for or needed.
#[pyfunction]
#[pyo3(signature = (obj, /, *, dtype=None, device=None, copy=None))]
pub fn asarray(
    obj: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
    copy: Option<bool>,
) -> PyResult<Out> {
    check_device(device)?;
    let dt = match dtype {
        Some(d) if !d.is_none() => Some(to_dtype(d)?),
        _ => None,
    };
    let a = to_array(obj, dt)?;
    match copy {
        Some(true) => Ok(Out(a.copy())),
        Some(false) => {
            let shares = match obj.cast::<PyArr>() {
                Ok(src) => a.shares_buffer(&src.get().a),
                Err(_) => {
                    obj.hasattr("__array_interface__").unwrap_or(false)
                        && match (dt, obj.getattr("dtype")) {
                            (None, _) => true,
                            (Some(d), Ok(src)) => to_dtype(&src).is_ok_and(|s| s == d),
                            _ => false,
                        }
                }
            };
            if shares {
                Ok(Out(a))
            } else {
                Err(value_error(
                    "Unable to avoid copy while creating an array as requested.",
                ))
            }
        }
        None => Ok(Out(a)),
    }
}

/// A new C-contiguous array of `shape` filled with the value of the 0-d array `v` cast to `dtype`.
fn filled(shape: &[usize], v: &Array, dtype: DType) -> PyResult<Array> {
    let v = if v.dtype() == dtype {
        v.clone()
    } else {
        v.astype(dtype).py()?
    };
    Ok(numox::broadcast_to(&v, shape).py()?.copy())
}

/// The fill value as a 0-d array, checked against `dtype` as NumPy checks Python ints.
fn fill_array(v: &Bound<'_, PyAny>, dtype: Option<DType>) -> PyResult<Array> {
    if let Some(s) = py_scalar(v)? {
        return scalar_array(s, dtype);
    }
    let a = arr(v)?;
    if a.ndim() != 0 {
        return Err(value_error("fill_value must be a scalar"));
    }
    Ok(a)
}

/// `zeros(shape, *, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (shape, *, dtype=None, device=None))]
pub fn zeros(
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let d = opt_dtype(dtype)?.unwrap_or(DType::Float64);
    Ok(Out(Array::zeros(&shape_arg(shape)?, d).py()?))
}

/// `empty(shape, *, dtype=None, device=None)` (zero-filled).
#[pyfunction]
#[pyo3(signature = (shape, *, dtype=None, device=None))]
pub fn empty(
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    zeros(shape, dtype, device)
}

/// `ones(shape, *, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (shape, *, dtype=None, device=None))]
pub fn ones(
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let d = opt_dtype(dtype)?.unwrap_or(DType::Float64);
    let one = Array::from_scalar(Scalar::Bool(true));
    Ok(Out(filled(&shape_arg(shape)?, &one, d)?))
}

/// `full(shape, fill_value, *, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (shape, fill_value, *, dtype=None, device=None))]
pub fn full(
    shape: &Bound<'_, PyAny>,
    fill_value: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let d = opt_dtype(dtype)?;
    let v = fill_array(fill_value, d)?;
    let d = d.unwrap_or(v.dtype());
    Ok(Out(filled(&shape_arg(shape)?, &v, d)?))
}

fn like(x: &Bound<'_, PyAny>, dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Array> {
    let a = arr(x)?;
    let opts = LikeOpts {
        dtype: opt_dtype(dtype)?,
        ..LikeOpts::default()
    };
    numox::zeros_like_with(&a, opts).py()
}

/// `zeros_like(x, /, *, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, dtype=None, device=None))]
pub fn zeros_like(
    x: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    Ok(Out(like(x, dtype)?))
}

/// `empty_like(x, /, *, dtype=None, device=None)` (zero-filled).
#[pyfunction]
#[pyo3(signature = (x, /, *, dtype=None, device=None))]
pub fn empty_like(
    x: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    zeros_like(x, dtype, device)
}

/// `ones_like(x, /, *, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, dtype=None, device=None))]
pub fn ones_like(
    x: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let z = like(x, dtype)?;
    let one = Array::from_scalar(Scalar::Bool(true));
    crate::array::write_all(&z, &one)?;
    Ok(Out(z))
}

/// `full_like(x, /, fill_value, *, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, fill_value, *, dtype=None, device=None))]
pub fn full_like(
    x: &Bound<'_, PyAny>,
    fill_value: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let z = like(x, dtype)?;
    let v = fill_array(fill_value, Some(z.dtype()))?;
    let v = v.astype(z.dtype()).py()?;
    crate::array::write_all(&z, &v)?;
    Ok(Out(z))
}

/// `arange(start, /, stop=None, step=1, *, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (start, /, stop=None, step=None, *, dtype=None, device=None), text_signature = "(start, /, stop=None, step=1, *, dtype=None, device=None)")]
pub fn arange(
    start: &Bound<'_, PyAny>,
    stop: Option<&Bound<'_, PyAny>>,
    step: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let first = scalar_arg(start)?;
    let (lo, hi) = match stop {
        Some(s) if !s.is_none() => (first, scalar_arg(s)?),
        _ => (Scalar::Int64(0), first),
    };
    let step = match step {
        Some(s) if !s.is_none() => scalar_arg(s)?,
        _ => Scalar::Int64(1),
    };
    let r = match opt_dtype(dtype)? {
        Some(d) => numox::arange_with(lo, hi, step, d),
        None => numox::arange(lo, hi, step),
    };
    Ok(Out(r.py()?))
}

/// `linspace(start, stop, /, num, *, dtype=None, device=None, endpoint=True)`.
#[pyfunction]
#[pyo3(signature = (start, stop, /, num, *, dtype=None, device=None, endpoint=true))]
pub fn linspace(
    start: &Bound<'_, PyAny>,
    stop: &Bound<'_, PyAny>,
    num: i64,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
    endpoint: bool,
) -> PyResult<Out> {
    check_device(device)?;
    let mut opts = LinspaceOpts::new().endpoint(endpoint);
    if let Some(d) = opt_dtype(dtype)? {
        opts = opts.dtype(d);
    }
    let r = numox::linspace_with(scalar_arg(start)?, scalar_arg(stop)?, num, opts).py()?;
    Ok(Out(r))
}

/// `eye(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None)`.
#[pyfunction]
#[pyo3(signature = (n_rows, n_cols=None, /, *, k=0, dtype=None, device=None))]
pub fn eye(
    n_rows: i64,
    n_cols: Option<i64>,
    k: i64,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let opts = MatrixOpts {
        m: n_cols.map(i128::from),
        k: k.into(),
        dtype: opt_dtype(dtype)?,
        ..MatrixOpts::new()
    };
    Ok(Out(numox::eye_with(n_rows, opts).py()?))
}

/// `meshgrid(*arrays, indexing='xy')`: a tuple of arrays.
#[pyfunction]
#[pyo3(signature = (*arrays, indexing="xy"))]
pub fn meshgrid<'py>(
    py: Python<'py>,
    arrays: &Bound<'py, PyTuple>,
    indexing: &str,
) -> PyResult<Bound<'py, PyTuple>> {
    let (sparse, copy) = (false, true);
    let indexing = match indexing {
        "xy" => Indexing::Xy,
        "ij" => Indexing::Ij,
        _ => {
            return Err(value_error(
                "Valid values for `indexing` are 'xy' and 'ij'.",
            ))
        }
    };
    let xs = tuple_arrs(arrays)?;
    let xs: Vec<Array> = xs
        .into_iter()
        .map(|a| a.reshape(&[-1]).py())
        .collect::<PyResult<_>>()?;
    let opts = MeshgridOpts {
        indexing,
        sparse,
        copy,
    };
    let r = numox::meshgrid_with(&crate::args::refs(&xs), opts).py()?;
    arr_tuple(py, r)
}

/// `tril(x, /, *, k=0)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, k=0))]
pub fn tril(x: &Bound<'_, PyAny>, k: i64) -> PyResult<Out> {
    Ok(Out(numox::tril(&arr(x)?, k).py()?))
}

/// `triu(x, /, *, k=0)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, k=0))]
pub fn triu(x: &Bound<'_, PyAny>, k: i64) -> PyResult<Out> {
    Ok(Out(numox::triu(&arr(x)?, k).py()?))
}

/// `astype(x, dtype, /, *, copy=True, device=None)`.
#[pyfunction]
#[pyo3(signature = (x, dtype, /, *, copy=true, device=None))]
pub fn astype(
    x: &Bound<'_, PyAny>,
    dtype: &Bound<'_, PyAny>,
    copy: bool,
    device: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    check_device(device)?;
    let a = arr(x)?;
    let d = to_dtype(dtype)?;
    let r = if d == a.dtype() {
        if copy {
            a.copy()
        } else {
            a
        }
    } else {
        a.astype(d).py()?
    };
    Ok(Out(r))
}

/// Registers the creation functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(asarray, m)?)?;
    m.add_function(wrap_pyfunction!(zeros, m)?)?;
    m.add_function(wrap_pyfunction!(empty, m)?)?;
    m.add_function(wrap_pyfunction!(ones, m)?)?;
    m.add_function(wrap_pyfunction!(full, m)?)?;
    m.add_function(wrap_pyfunction!(zeros_like, m)?)?;
    m.add_function(wrap_pyfunction!(empty_like, m)?)?;
    m.add_function(wrap_pyfunction!(ones_like, m)?)?;
    m.add_function(wrap_pyfunction!(full_like, m)?)?;
    m.add_function(wrap_pyfunction!(arange, m)?)?;
    m.add_function(wrap_pyfunction!(linspace, m)?)?;
    m.add_function(wrap_pyfunction!(eye, m)?)?;
    m.add_function(wrap_pyfunction!(meshgrid, m)?)?;
    m.add_function(wrap_pyfunction!(tril, m)?)?;
    m.add_function(wrap_pyfunction!(triu, m)?)?;
    m.add_function(wrap_pyfunction!(astype, m)?)?;
    Ok(())
}
