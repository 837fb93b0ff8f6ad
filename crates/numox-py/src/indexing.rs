//! `a[key]` and `a[key] = value`: Python index keys (integers, slices, `None`, `...`, integer and
//! boolean arrays, tuples of these) to numox index items.

use crate::array::{value_array, PyArr};
use crate::convert::to_array;
use crate::errors::IntoPyResult;
use numox::index::Idx;
use numox::{bridge::raw, Array, DType};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyEllipsis, PyInt, PySlice, PyTuple};

/// One index item from a Python object.
fn item(obj: &Bound<'_, PyAny>) -> PyResult<Idx> {
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        return Ok(Idx::Int(obj.extract::<isize>()?));
    }
    if let Ok(s) = obj.cast::<PySlice>() {
        return slice_item(s);
    }
    if obj.is_none() {
        return Ok(Idx::NewAxis);
    }
    if obj.is_instance_of::<PyEllipsis>() {
        return Ok(Idx::Ellipsis);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Idx::Array(Array::scalar(b.is_true())));
    }
    if let Ok(a) = obj.cast::<PyArr>() {
        let a = &a.get().a;
        if a.ndim() == 0 && a.dtype().is_integer() {
            return Ok(Idx::Int(a.item_as::<i64>().py()? as isize));
        }
        return array_item(a.clone());
    }
    if obj.hasattr("__index__")? && !obj.hasattr("__array_interface__")? {
        return Ok(Idx::Int(obj.call_method0("__index__")?.extract::<isize>()?));
    }
    let a = to_array(obj, None)?;
    if a.ndim() == 0 && a.dtype().is_integer() {
        return Ok(Idx::Int(a.item_as::<i64>().py()? as isize));
    }
    array_item(a)
}

fn array_item(a: Array) -> PyResult<Idx> {
    let d = a.dtype();
    if d == DType::Bool || d.is_integer() {
        return Ok(Idx::Array(a));
    }
    if a.size() == 0 {
        // NumPy accepts an empty list as an integer index.
        return Ok(Idx::Array(a.astype(DType::Int64).py()?));
    }
    Err(pyo3::exceptions::PyIndexError::new_err(
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
    ))
}

/// A slice's bounds as Python reads them (`__index__` of each part; `None` kept as `None`).
fn slice_item(s: &Bound<'_, PySlice>) -> PyResult<Idx> {
    let (mut start, mut stop, mut step) = (0isize, 0isize, 0isize);
    // SAFETY: `s` is a live slice object; the out-pointers are valid locals.
    let rc = unsafe { pyo3::ffi::PySlice_Unpack(s.as_ptr(), &mut start, &mut stop, &mut step) };
    if rc < 0 {
        return Err(PyErr::fetch(s.py()));
    }
    // PySlice_Unpack spells a missing bound as the extreme the step walks towards; those
    // extremes select what `None` selects, so they map back to `None`.
    let start = (!(step < 0 && start == isize::MAX)).then_some(start);
    let stop =
        (!((step > 0 && stop == isize::MAX) || (step < 0 && stop == isize::MIN))).then_some(stop);
    Ok(Idx::Slice { start, stop, step })
}

/// The index items of a key (a tuple is several items; anything else is one).
pub fn items(key: &Bound<'_, PyAny>) -> PyResult<Vec<Idx>> {
    if let Ok(t) = key.cast::<PyTuple>() {
        return t.iter().map(|k| item(&k)).collect();
    }
    Ok(vec![item(key)?])
}

/// `a[key]`.
pub fn getitem(py: Python<'_>, a: &Array, key: &Bound<'_, PyAny>) -> PyResult<Py<PyArr>> {
    // Fast path: one integer on an array with at least one axis (`a[3]`).
    if key.is_exact_instance_of::<PyInt>() && a.ndim() > 0 {
        // SAFETY: `key` is an int; an overflow sets a Python error, which `fetch` takes.
        let i = unsafe { pyo3::ffi::PyLong_AsSsize_t(key.as_ptr()) };
        if i == -1 && PyErr::occurred(py) {
            return Err(PyErr::fetch(py));
        }
        return match a.element_view(i) {
            Some(e) => crate::array::wrap(py, e),
            None => crate::array::wrap(py, a.index_axis(0, i).py()?),
        };
    }
    let it = items(key)?;
    crate::array::wrap(py, a.index(&it).py()?)
}

/// `a[key] = value`, written into `a`'s memory (and so into every view of it).
pub fn setitem(a: &Array, key: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let it = items(key)?;
    let v = value_array(value, a.dtype())?;
    // SAFETY: the GIL is held; no other thread touches numox arrays meanwhile.
    let mut view = unsafe { raw::view_mut_shared(a) }.py()?;
    view.assign(&it, &v).py()
}
