//! Data type objects (`numox.float64`, ...) and the conversion of what Python code passes as a
//! dtype (`numox.int8`, `"float32"`, `float`, `numpy.float32`, `numpy.dtype("f4")`).

use crate::errors::{type_error, IntoPyResult};
use numox::DType;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyComplex, PyFloat, PyInt, PyString, PyType};

/// A data type, as NumPy's `dtype`: `numox.float64 == "float64"`, `numox.float64.itemsize == 8`.
#[pyclass(name = "dtype", module = "numox", frozen, eq, hash, from_py_object)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyDType {
    pub d: DType,
}

impl PartialEq<DType> for PyDType {
    fn eq(&self, other: &DType) -> bool {
        self.d == *other
    }
}

#[pymethods]
impl PyDType {
    #[new]
    fn new(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyDType { d: to_dtype(obj)? })
    }

    /// The dtype's name (`"float64"`).
    #[getter]
    fn name(&self) -> &'static str {
        self.d.name()
    }

    /// Bytes per element.
    #[getter]
    fn itemsize(&self) -> usize {
        self.d.itemsize()
    }

    /// NumPy's kind character: `b`, `i`, `u`, `f`, `c` (bfloat16 is `V` in NumPy; `f` here).
    #[getter]
    fn kind(&self) -> char {
        self.d.kind().char()
    }

    /// The array-interface type string (`"<f8"`).
    #[getter]
    fn str(&self) -> String {
        typestr(self.d)
    }

    fn __repr__(&self) -> String {
        format!("dtype('{}')", self.d.name())
    }

    fn __str__(&self) -> &'static str {
        self.d.name()
    }

    /// NumPy's dtype of the same name, so that `numpy.dtype(numox.float32)` works.
    #[getter]
    fn dtype<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if self.d == DType::BFloat16 {
            return py
                .import("ml_dtypes")?
                .getattr("bfloat16")
                .and_then(|t| py.import("numpy")?.getattr("dtype")?.call1((t,)));
        }
        py.import("numpy")?
            .getattr("dtype")?
            .call1((self.d.name(),))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str,))> {
        Ok((py.get_type::<PyDType>().into_any(), (self.d.name(),)))
    }
}

/// The array-interface type string of a dtype (little-endian machine): `<f8`, `|b1`, `<V2` for
/// bfloat16 as ml_dtypes gives it.
pub fn typestr(d: DType) -> String {
    let size = d.itemsize();
    let kind = match d {
        DType::Bool => 'b',
        DType::BFloat16 => 'V',
        _ => d.kind().char(),
    };
    let order = if size == 1 { '|' } else { '<' };
    format!("{order}{kind}{size}")
}

/// The numox dtype of a dtype-like Python object: a numox dtype, a name or type string, a
/// Python type (`bool`, `int`, `float`, `complex`), or anything with a dtype name (NumPy's
/// dtypes and scalar types, ml_dtypes' bfloat16).
pub fn to_dtype(obj: &Bound<'_, PyAny>) -> PyResult<DType> {
    if let Ok(d) = obj.cast::<PyDType>() {
        return Ok(d.get().d);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return parse_name(s.to_str()?);
    }
    if let Ok(t) = obj.cast::<PyType>() {
        if t.is(py_type::<PyBool>(obj.py())) {
            return Ok(DType::Bool);
        }
        if t.is(py_type::<PyInt>(obj.py())) {
            return Ok(DType::Int64);
        }
        if t.is(py_type::<PyFloat>(obj.py())) {
            return Ok(DType::Float64);
        }
        if t.is(py_type::<PyComplex>(obj.py())) {
            return Ok(DType::Complex128);
        }
        // NumPy scalar types (numpy.float32) and ml_dtypes.bfloat16: by name.
        if let Ok(name) = t.getattr("__name__")
            && let Ok(n) = name.extract::<String>()
            && let Ok(d) = parse_name(&n)
        {
            return Ok(d);
        }
    }
    // numpy.dtype objects have `.name`.
    if let Ok(name) = obj.getattr("name")
        && let Ok(n) = name.extract::<String>()
    {
        return parse_name(&n);
    }
    Err(type_error(format!(
        "Cannot interpret '{}' as a data type",
        obj.repr().map(|r| r.to_string()).unwrap_or_default()
    )))
}

fn py_type<T: pyo3::PyTypeInfo>(py: Python<'_>) -> Bound<'_, PyType> {
    py.get_type::<T>()
}

/// A dtype from its name, type string or character code.
pub fn parse_name(s: &str) -> PyResult<DType> {
    let s = match s {
        "bool_" | "?" => "bool",
        "float" | "double" | "float_" => "float64",
        "int" | "int_" | "long" => "int64",
        "complex" | "cdouble" | "complex_" => "complex128",
        "single" => "float32",
        "half" => "float16",
        "csingle" => "complex64",
        other => other,
    };
    s.parse::<DType>()
        .py()
        .map_err(|_| type_error(format!("data type '{s}' not understood")))
}

/// A Python dtype object for a numox dtype.
pub fn dtype_obj(d: DType) -> PyDType {
    PyDType { d }
}

/// Registers the dtype class and the dtype constants.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDType>()?;
    for d in DType::ALL {
        m.add(d.name(), PyDType { d })?;
    }
    Ok(())
}
