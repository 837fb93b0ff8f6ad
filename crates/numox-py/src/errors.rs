//! numox's errors as the Python exceptions NumPy raises for the same mistakes.

use numox::Error;
use pyo3::exceptions::{
    PyIndexError, PyKeyError, PyOSError, PyOverflowError, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// An exception class defined in Python (`numox/exceptions.py`), imported once.
fn python_exception(cell: &'static PyOnceLock<Py<PyType>>, name: &str, msg: String) -> PyErr {
    Python::attach(|py| match cell.import(py, "numox.exceptions", name) {
        Ok(ty) => PyErr::from_type(ty.clone(), msg),
        Err(e) => e,
    })
}

static LINALG_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static AXIS_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The Python exception for a numox error.
pub fn to_py(e: Error) -> PyErr {
    let msg = e.to_string();
    match e {
        Error::Broadcast { .. } | Error::Shape(_) | Error::Value(_) | Error::ReadOnly => {
            PyValueError::new_err(msg)
        }
        Error::DType(_) | Error::DTypeMismatch { .. } | Error::Casting { .. } => {
            PyTypeError::new_err(msg)
        }
        Error::Index { .. } | Error::IndexOther(_) => PyIndexError::new_err(msg),
        Error::Axis { .. } => python_exception(&AXIS_ERROR, "AxisError", msg),
        Error::Overflow(_) => PyOverflowError::new_err(msg),
        Error::LinAlg(_) => python_exception(&LINALG_ERROR, "LinAlgError", msg),
        Error::Io(_) => PyOSError::new_err(msg),
        Error::Key(_) => PyKeyError::new_err(msg),
        #[allow(unreachable_patterns)]
        _ => PyValueError::new_err(msg),
    }
}

/// `numox::Result<T>` to `PyResult<T>`: `.py()?`.
pub trait IntoPyResult<T> {
    /// The result with numox's error turned into its Python exception.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for numox::Result<T> {
    #[inline]
    fn py(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}

/// A `ValueError` with this message.
pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyValueError::new_err(msg.into())
}

/// A `TypeError` with this message.
pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyTypeError::new_err(msg.into())
}
