//! Array creation: `asarray`, `zeros`, `ones`, `empty`, `full`, their `_like` forms, `arange`,
//! `linspace`, `eye`, `meshgrid`, `tril`, `triu`.

use crate::array::PyArr;
use crate::convert::to_array;
use crate::dtypes::to_dtype;
use crate::errors::{value_error, IntoPyResult};
use crate::info::check_device;
use pyo3::prelude::*;

/// `asarray(obj, /, *, dtype=None, device=None, copy=None)`: shares memory with numox and NumPy
/// arrays unless a copy is asked for or needed.
#[pyfunction]
#[pyo3(signature = (obj, /, *, dtype=None, device=None, copy=None))]
pub fn asarray(
    obj: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    device: Option<&Bound<'_, PyAny>>,
    copy: Option<bool>,
) -> PyResult<PyArr> {
    check_device(device)?;
    let dt = match dtype {
        Some(d) if !d.is_none() => Some(to_dtype(d)?),
        _ => None,
    };
    let a = to_array(obj, dt)?;
    let shares = match obj.cast::<PyArr>() {
        Ok(src) => a.shares_buffer(&src.get().a),
        Err(_) => obj.hasattr("__array_interface__").unwrap_or(false) && a.flags().owndata == false,
    };
    match copy {
        Some(true) => Ok(PyArr::new(a.copy())),
        Some(false) if !shares && (obj.cast::<PyArr>().is_ok() || dt.is_some()) => Err(
            value_error("Unable to avoid copy while creating an array as requested."),
        ),
        _ => {
            let _ = shares;
            Ok(PyArr::new(a))
        }
    }
}

/// Registers the creation functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(asarray, m)?)?;
    let _ = IntoPyResult::py(numox::Array::zeros(&[0], numox::DType::Bool));
    Ok(())
}
