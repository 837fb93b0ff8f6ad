//! Zero-copy exchange with NumPy and other Python libraries: `__array_interface__`, `__array__`
//! and the buffer protocol.

use crate::array::PyArr;
use crate::dtypes::{to_dtype, typestr};
use crate::errors::IntoPyResult;
use numox::{bridge::raw, Array, DType};
use pyo3::exceptions::{PyAttributeError, PyBufferError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::ffi::{c_int, c_void, CString};

/// NumPy's array interface (version 3) of an array. bfloat16 has no type string NumPy reads as
/// such: NumPy then falls back to `__array__`.
pub fn array_interface<'py>(slf: &Bound<'py, PyArr>) -> PyResult<Bound<'py, PyDict>> {
    let py = slf.py();
    let a = &slf.get().a;
    if a.dtype() == DType::BFloat16 {
        return Err(PyAttributeError::new_err("__array_interface__"));
    }
    let d = PyDict::new(py);
    let ts = typestr(a.dtype());
    d.set_item("version", 3)?;
    d.set_item("shape", PyTuple::new(py, a.shape())?)?;
    d.set_item("typestr", &ts)?;
    d.set_item("descr", PyList::new(py, [("", ts.as_str())])?)?;
    d.set_item("data", (raw::data_ptr(a) as usize, !a.is_writeable()))?;
    if a.is_c_contiguous() {
        d.set_item("strides", py.None())?;
    } else {
        d.set_item("strides", PyTuple::new(py, raw::byte_strides(a))?)?;
    }
    Ok(d)
}

/// The array as a NumPy array sharing its memory (or a copy with `copy=True` or another dtype).
pub fn to_numpy<'py>(
    slf: &Bound<'py, PyArr>,
    dtype: Option<&Bound<'py, PyAny>>,
    copy: Option<bool>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let np = py.import("numpy")?;
    let a = &slf.get().a;
    let base = if a.dtype() == DType::BFloat16 {
        let bits = bits_view(a)?;
        let arr = np.call_method1("asarray", (crate::array::wrap(py, bits)?,))?;
        arr.call_method1("view", (py.import("ml_dtypes")?.getattr("bfloat16")?,))?
    } else {
        let iface = array_interface(slf)?;
        let holder = InterfaceHolder {
            iface: iface.unbind(),
            base: slf.clone().into_any().unbind(),
        };
        np.call_method1("asarray", (Py::new(py, holder)?,))?
    };
    let base = match dtype {
        Some(d) if !d.is_none() => {
            let want = to_dtype(d)?;
            if want != a.dtype() {
                return base.call_method1("astype", (d,));
            }
            base
        }
        _ => base,
    };
    if copy == Some(true) {
        return base.call_method0("copy");
    }
    Ok(base)
}

/// An object NumPy reads through its `__array_interface__`; it keeps the numox array alive.
#[pyclass(frozen)]
struct InterfaceHolder {
    iface: Py<PyDict>,
    base: Py<PyAny>,
}

#[pymethods]
impl InterfaceHolder {
    #[getter]
    fn __array_interface__(&self, py: Python<'_>) -> Py<PyDict> {
        let _ = &self.base;
        self.iface.clone_ref(py)
    }
}

/// A uint16 view of a bfloat16 array's bits (same memory, same strides).
fn bits_view(a: &Array) -> PyResult<Array> {
    // SAFETY: the view covers exactly the bytes of `a`'s elements, kept alive by the clone of `a`
    // held as the owner; bf16 and u16 have the same size and alignment.
    unsafe {
        raw::from_first_element(
            raw::data_ptr(a) as *mut u8,
            Box::new(a.clone()),
            a.is_writeable(),
            DType::UInt16,
            a.shape(),
            &raw::byte_strides(a),
        )
    }
    .py()
}

/// The buffer-protocol format character of a dtype (`None` for bfloat16, which has none).
fn format_of(d: DType) -> Option<&'static str> {
    Some(match d {
        DType::Bool => "?",
        DType::Int8 => "b",
        DType::UInt8 => "B",
        DType::Int16 => "h",
        DType::UInt16 => "H",
        DType::Int32 => "i",
        DType::UInt32 => "I",
        DType::Int64 => "q",
        DType::UInt64 => "Q",
        DType::Float16 => "e",
        DType::Float32 => "f",
        DType::Float64 => "d",
        DType::Complex64 => "Zf",
        DType::Complex128 => "Zd",
        DType::BFloat16 => return None,
    })
}

/// What a buffer export keeps alive: its shape, strides and format, and the array itself.
struct Exported {
    _array: Array,
    shape: Vec<ffi::Py_ssize_t>,
    strides: Vec<ffi::Py_ssize_t>,
    format: CString,
}

#[pymethods]
impl PyArr {
    /// The buffer protocol (PEP 3118): `memoryview(x)` shares the array's memory.
    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        let a = &slf.get().a;
        let Some(fmt) = format_of(a.dtype()) else {
            return Err(PyBufferError::new_err("bfloat16 has no buffer format"));
        };
        if flags & ffi::PyBUF_WRITABLE == ffi::PyBUF_WRITABLE && !a.is_writeable() {
            return Err(PyBufferError::new_err("array is not writeable"));
        }
        let needs_strides = flags & ffi::PyBUF_STRIDES == ffi::PyBUF_STRIDES;
        if !needs_strides && !a.is_c_contiguous() {
            return Err(PyBufferError::new_err("array is not C-contiguous"));
        }
        let ex = Box::new(Exported {
            _array: a.clone(),
            shape: a.shape().iter().map(|&n| n as ffi::Py_ssize_t).collect(),
            strides: raw::byte_strides(a)
                .iter()
                .map(|&s| s as ffi::Py_ssize_t)
                .collect(),
            format: CString::new(fmt).map_err(|_| PyBufferError::new_err("format"))?,
        });
        // SAFETY: `view` is the exporter's buffer struct handed in by Python; every pointer
        // stored in it points into `ex`, which lives until `__releasebuffer__` frees it.
        unsafe {
            let v = &mut *view;
            v.buf = raw::data_ptr(a) as *mut c_void;
            v.obj = slf.clone().into_any().into_ptr();
            v.len = a.nbytes() as ffi::Py_ssize_t;
            v.readonly = (!a.is_writeable()) as c_int;
            v.itemsize = a.itemsize() as ffi::Py_ssize_t;
            v.ndim = a.ndim() as c_int;
            v.format = if flags & ffi::PyBUF_FORMAT == ffi::PyBUF_FORMAT {
                ex.format.as_ptr() as *mut _
            } else {
                std::ptr::null_mut()
            };
            v.shape = if flags & ffi::PyBUF_ND == ffi::PyBUF_ND {
                ex.shape.as_ptr() as *mut _
            } else {
                std::ptr::null_mut()
            };
            v.strides = if needs_strides {
                ex.strides.as_ptr() as *mut _
            } else {
                std::ptr::null_mut()
            };
            v.suboffsets = std::ptr::null_mut();
            v.internal = Box::into_raw(ex) as *mut c_void;
        }
        Ok(())
    }

    unsafe fn __releasebuffer__(&self, view: *mut ffi::Py_buffer) {
        // SAFETY: `internal` was set by `__getbuffer__` to a leaked `Exported`.
        unsafe {
            let p = (*view).internal as *mut Exported;
            if !p.is_null() {
                drop(Box::from_raw(p));
                (*view).internal = std::ptr::null_mut();
            }
        }
    }
}
