//! Argument parsing shared by the function modules: shapes, axes, dtypes, array lists.

use crate::array::PyArr;
use crate::convert::{py_scalar, to_array};
use crate::dtypes::to_dtype;
use crate::errors::{value_error, IntoPyResult};
use numox::{Array, DType, Scalar};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// An array from any array-like.
pub fn arr(obj: &Bound<'_, PyAny>) -> PyResult<Array> {
    to_array(obj, None)
}

/// An optional dtype argument (`None` or missing: `None`).
pub fn opt_dtype(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<DType>> {
    match obj {
        Some(d) if !d.is_none() => Ok(Some(to_dtype(d)?)),
        _ => Ok(None),
    }
}

/// An int or a sequence of ints, as a list.
pub fn int_list(obj: &Bound<'_, PyAny>) -> PyResult<Vec<isize>> {
    if let Ok(v) = obj.extract::<isize>() {
        return Ok(vec![v]);
    }
    if let Ok(a) = obj.cast::<PyArr>() {
        let a = &a.get().a;
        if a.dtype().is_integer() || a.dtype() == DType::Bool {
            return a
                .astype(DType::Int64)
                .py()?
                .to_vec::<i64>()
                .py()
                .map(|v| v.into_iter().map(|x| x as isize).collect());
        }
    }
    obj.extract::<Vec<isize>>()
}

/// An optional axis argument: `None`, an int or a tuple of ints.
pub fn opt_axes(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<isize>>> {
    match obj {
        Some(o) if !o.is_none() => Ok(Some(int_list(o)?)),
        _ => Ok(None),
    }
}

/// A shape: an int or a sequence of non-negative ints.
pub fn shape_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let v = int_list(obj)?;
    if v.iter().any(|&d| d < 0) {
        return Err(value_error("negative dimensions are not allowed"));
    }
    Ok(v.into_iter().map(|d| d as usize).collect())
}

/// A Python number or 0-d array as a scalar (NumPy scalars keep their dtype).
pub fn scalar_arg(obj: &Bound<'_, PyAny>) -> PyResult<Scalar> {
    if let Some(s) = py_scalar(obj)? {
        return Ok(s);
    }
    let a = arr(obj)?;
    if a.ndim() != 0 {
        return Err(crate::errors::type_error(
            "only 0-dimensional arrays can be used as scalars",
        ));
    }
    a.item().py()
}

/// The arrays of a sequence of array-likes.
pub fn arr_list(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Array>> {
    if obj.cast::<PyArr>().is_ok() || obj.hasattr("__array_interface__")? {
        let a = arr(obj)?;
        if a.ndim() == 0 {
            return Err(value_error(
                "zero-dimensional arrays cannot be concatenated",
            ));
        }
        return (0..a.shape()[0])
            .map(|i| a.index_axis(0, i as isize).py())
            .collect();
    }
    obj.try_iter()?.map(|o| arr(&o?)).collect()
}

/// The arrays of a tuple of array-likes (`*arrays`).
pub fn tuple_arrs(t: &Bound<'_, PyTuple>) -> PyResult<Vec<Array>> {
    t.iter().map(|o| arr(&o)).collect()
}

/// A tuple of new Python arrays.
pub fn arr_tuple(py: Python<'_>, v: Vec<Array>) -> PyResult<Bound<'_, PyTuple>> {
    let items: Vec<Py<PyArr>> = v
        .into_iter()
        .map(|a| crate::array::wrap(py, a))
        .collect::<PyResult<_>>()?;
    PyTuple::new(py, items)
}

/// References to a list of arrays.
pub fn refs(v: &[Array]) -> Vec<&Array> {
    v.iter().collect()
}
