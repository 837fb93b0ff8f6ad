//! Manipulation: the Array API's `broadcast_arrays` ... `unstack`, indexing functions (`take`,
//! `take_along_axis`), and NumPy's joins, splits and views (`concatenate`, `transpose`,
//! `swapaxes`, `vstack`, `hstack`, `split`, `ravel`, `atleast_*d`).

use crate::args::tuple_arrs;
use crate::args::{arr, arr_list, arr_tuple, int_list, opt_axes, opt_dtype, refs, shape_arg};
use crate::array::Out;
use crate::errors::{value_error, IntoPyResult};
use numox::manip::Sections;
use numox::{Array, Order, TakeMode};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

fn cast_all(v: Vec<Array>, dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Array>> {
    match opt_dtype(dtype)? {
        Some(d) => v.into_iter().map(|a| a.astype(d).py()).collect(),
        None => Ok(v),
    }
}

/// `broadcast_arrays(*arrays)`: a tuple of read-only broadcast views.
#[pyfunction]
#[pyo3(signature = (*arrays))]
pub fn broadcast_arrays<'py>(
    py: Python<'py>,
    arrays: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyTuple>> {
    let v = tuple_arrs(arrays)?;
    arr_tuple(py, numox::broadcast_arrays(&refs(&v)).py()?)
}

/// `broadcast_to(x, /, shape)`.
#[pyfunction]
#[pyo3(signature = (x, /, shape))]
pub fn broadcast_to(x: &Bound<'_, PyAny>, shape: &Bound<'_, PyAny>) -> PyResult<Out> {
    Ok(Out(numox::broadcast_to(&arr(x)?, &shape_arg(shape)?).py()?))
}

fn join(
    arrays: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let v = cast_all(arr_list(arrays)?, dtype)?;
    Ok(Out(numox::concatenate(&refs(&v), axis).py()?))
}

/// `concat(arrays, /, *, axis=0)`; `axis=None` joins the flattened arrays.
#[pyfunction]
#[pyo3(signature = (arrays, /, *, axis=Some(0)), text_signature = "(arrays, /, *, axis=0)")]
pub fn concat(arrays: &Bound<'_, PyAny>, axis: Option<isize>) -> PyResult<Out> {
    join(arrays, axis, None)
}

/// `concatenate(arrays, /, axis=0, out=None, *, dtype=None)` (NumPy's name).
#[pyfunction]
#[pyo3(signature = (arrays, /, axis=Some(0), out=None, *, dtype=None))]
pub fn concatenate(
    arrays: &Bound<'_, PyAny>,
    axis: Option<isize>,
    out: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    if out.is_some_and(|o| !o.is_none()) {
        return Err(value_error("concatenate: out= is not supported"));
    }
    join(arrays, axis, dtype)
}

/// `stack(arrays, /, *, axis=0)`.
#[pyfunction]
#[pyo3(signature = (arrays, /, *, axis=0))]
pub fn stack(arrays: &Bound<'_, PyAny>, axis: isize) -> PyResult<Out> {
    let v = arr_list(arrays)?;
    Ok(Out(numox::stack(&refs(&v), axis).py()?))
}

/// `vstack(tup, *, dtype=None)`.
#[pyfunction]
#[pyo3(signature = (tup, *, dtype=None))]
pub fn vstack(tup: &Bound<'_, PyAny>, dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Out> {
    let v = cast_all(arr_list(tup)?, dtype)?;
    Ok(Out(numox::vstack(&refs(&v)).py()?))
}

/// `hstack(tup, *, dtype=None)`.
#[pyfunction]
#[pyo3(signature = (tup, *, dtype=None))]
pub fn hstack(tup: &Bound<'_, PyAny>, dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Out> {
    let v = cast_all(arr_list(tup)?, dtype)?;
    Ok(Out(numox::hstack(&refs(&v)).py()?))
}

/// `expand_dims(x, /, axis=0)`; `axis` may be a tuple as in NumPy.
#[pyfunction]
#[pyo3(signature = (x, /, axis))]
pub fn expand_dims(x: &Bound<'_, PyAny>, axis: &Bound<'_, PyAny>) -> PyResult<Out> {
    Ok(Out(numox::expand_dims(&arr(x)?, &int_list(axis)?).py()?))
}

/// `flip(x, /, *, axis=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=None))]
pub fn flip(x: &Bound<'_, PyAny>, axis: Option<&Bound<'_, PyAny>>) -> PyResult<Out> {
    let ax = opt_axes(axis)?;
    Ok(Out(numox::flip(&arr(x)?, ax.as_deref()).py()?))
}

/// `moveaxis(x, source, destination, /)`.
#[pyfunction]
#[pyo3(signature = (x, source, destination, /))]
pub fn moveaxis(
    x: &Bound<'_, PyAny>,
    source: &Bound<'_, PyAny>,
    destination: &Bound<'_, PyAny>,
) -> PyResult<Out> {
    let (s, d) = (int_list(source)?, int_list(destination)?);
    let a = arr(x)?;
    let nd = a.ndim() as isize;
    if let Some(&bad) = s.iter().chain(d.iter()).find(|&&ax| ax < -nd || ax >= nd) {
        return Err(numox::Error::Axis {
            axis: bad as i64,
            ndim: a.ndim(),
        })
        .py();
    }
    Ok(Out(numox::moveaxis(&a, &s, &d).py()?))
}

/// `permute_dims(x, /, axes)`.
#[pyfunction]
#[pyo3(signature = (x, /, axes))]
pub fn permute_dims(x: &Bound<'_, PyAny>, axes: &Bound<'_, PyAny>) -> PyResult<Out> {
    let ax = int_list(axes)?;
    Ok(Out(numox::transpose(&arr(x)?, Some(&ax)).py()?))
}

/// `transpose(a, axes=None)` (NumPy's name).
#[pyfunction]
#[pyo3(signature = (a, axes=None))]
pub fn transpose(a: &Bound<'_, PyAny>, axes: Option<&Bound<'_, PyAny>>) -> PyResult<Out> {
    let ax = opt_axes(axes)?;
    Ok(Out(numox::transpose(&arr(a)?, ax.as_deref()).py()?))
}

/// `swapaxes(a, axis1, axis2)`.
#[pyfunction]
pub fn swapaxes(a: &Bound<'_, PyAny>, axis1: isize, axis2: isize) -> PyResult<Out> {
    Ok(Out(numox::swapaxes(&arr(a)?, axis1, axis2).py()?))
}

/// `matrix_transpose(x, /)`: the last two axes swapped.
#[pyfunction]
#[pyo3(signature = (x, /))]
pub fn matrix_transpose(x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let a = arr(x)?;
    if a.ndim() < 2 {
        return Err(value_error("Input array must be at least 2-dimensional"));
    }
    Ok(Out(numox::swapaxes(&a, -1, -2).py()?))
}

/// `repeat(x, repeats, /, *, axis=None)`.
#[pyfunction]
#[pyo3(signature = (x, repeats, /, *, axis=None))]
pub fn repeat(
    x: &Bound<'_, PyAny>,
    repeats: &Bound<'_, PyAny>,
    axis: Option<isize>,
) -> PyResult<Out> {
    let r = int_list(repeats)?;
    Ok(Out(numox::repeat(&arr(x)?, &r, axis).py()?))
}

/// `reshape(x, /, shape, *, copy=None)` (C order); `copy=False` refuses to copy.
#[pyfunction]
#[pyo3(signature = (x, /, shape, *, copy=None))]
pub fn reshape(
    x: &Bound<'_, PyAny>,
    shape: &Bound<'_, PyAny>,
    copy: Option<bool>,
) -> PyResult<Out> {
    let a = arr(x)?;
    let o = Order::C;
    let s = int_list(shape)?;
    let r = numox::reshape(&a, &s, o).py()?;
    match copy {
        Some(true) if r.shares_buffer(&a) => Ok(Out(r.copy())),
        Some(false) if !r.shares_buffer(&a) && a.size() > 0 => Err(value_error(
            "Unable to avoid creating a copy while reshaping.",
        )),
        _ => Ok(Out(r)),
    }
}

/// `ravel(a, order='C')`.
#[pyfunction]
#[pyo3(signature = (a, order="C"))]
pub fn ravel(a: &Bound<'_, PyAny>, order: &str) -> PyResult<Out> {
    let o = match order {
        "F" => Order::F,
        _ => Order::C,
    };
    Ok(Out(numox::ravel(&arr(a)?, o)))
}

/// `roll(x, /, shift, *, axis=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, shift, *, axis=None))]
pub fn roll(
    x: &Bound<'_, PyAny>,
    shift: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let s = int_list(shift)?;
    let ax = opt_axes(axis)?;
    Ok(Out(numox::roll(&arr(x)?, &s, ax.as_deref()).py()?))
}

/// `squeeze(x, /, axis)`: `axis` an int or a tuple (`None` squeezes every length-1 axis, as
/// NumPy's default does).
#[pyfunction]
#[pyo3(signature = (x, /, axis))]
pub fn squeeze(x: &Bound<'_, PyAny>, axis: &Bound<'_, PyAny>) -> PyResult<Out> {
    let ax = opt_axes(Some(axis))?;
    Ok(Out(numox::squeeze(&arr(x)?, ax.as_deref()).py()?))
}

/// `tile(x, repetitions, /)`.
#[pyfunction]
#[pyo3(signature = (x, repetitions, /))]
pub fn tile(x: &Bound<'_, PyAny>, repetitions: &Bound<'_, PyAny>) -> PyResult<Out> {
    let r = int_list(repetitions)?;
    Ok(Out(numox::tile(&arr(x)?, &r).py()?))
}

/// `unstack(x, /, *, axis=0)`: a tuple of views along `axis`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=0))]
pub fn unstack<'py>(
    py: Python<'py>,
    x: &Bound<'py, PyAny>,
    axis: isize,
) -> PyResult<Bound<'py, PyTuple>> {
    let a = arr(x)?;
    if a.ndim() == 0 {
        return Err(value_error("Input array must be at least 1-d."));
    }
    let nd = a.ndim() as isize;
    if axis < -nd || axis >= nd {
        return Err(numox::Error::Axis {
            axis: axis as i64,
            ndim: a.ndim(),
        })
        .py();
    }
    let ax = if axis < 0 { axis + nd } else { axis };
    let n = a.shape()[ax as usize];
    let v = (0..n)
        .map(|i| a.index_axis(ax, i as isize).py())
        .collect::<PyResult<Vec<_>>>()?;
    arr_tuple(py, v)
}

/// `split(ary, indices_or_sections, axis=0)`: a list of views.
#[pyfunction]
#[pyo3(signature = (ary, indices_or_sections, axis=0))]
pub fn split(
    ary: &Bound<'_, PyAny>,
    indices_or_sections: &Bound<'_, PyAny>,
    axis: isize,
) -> PyResult<Vec<Out>> {
    let a = arr(ary)?;
    let r = if let Ok(n) = indices_or_sections.extract::<usize>() {
        numox::split(&a, Sections::Count(n), axis)
    } else {
        let idx = int_list(indices_or_sections)?;
        numox::split(&a, Sections::Indices(&idx), axis)
    };
    Ok(r.py()?.into_iter().map(Out).collect())
}

fn atleast(
    py: Python<'_>,
    arys: &Bound<'_, PyTuple>,
    f: fn(&Array) -> Array,
) -> PyResult<Py<PyAny>> {
    let v: Vec<Array> = tuple_arrs(arys)?.iter().map(f).collect();
    if v.len() == 1 {
        let a = v
            .into_iter()
            .next()
            .ok_or_else(|| value_error("no arrays"))?;
        return Ok(crate::array::wrap(py, a)?.into_any());
    }
    Ok(arr_tuple(py, v)?.into_any().unbind())
}

/// `atleast_1d(*arys)`.
#[pyfunction]
#[pyo3(signature = (*arys))]
pub fn atleast_1d(py: Python<'_>, arys: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
    atleast(py, arys, numox::atleast_1d)
}

/// `atleast_2d(*arys)`.
#[pyfunction]
#[pyo3(signature = (*arys))]
pub fn atleast_2d(py: Python<'_>, arys: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
    atleast(py, arys, numox::atleast_2d)
}

/// `atleast_3d(*arys)`.
#[pyfunction]
#[pyo3(signature = (*arys))]
pub fn atleast_3d(py: Python<'_>, arys: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
    atleast(py, arys, numox::atleast_3d)
}

/// `take(x, indices, /, *, axis=None)`: out-of-bounds indices raise IndexError.
#[pyfunction]
#[pyo3(signature = (x, indices, /, *, axis=None))]
pub fn take(
    x: &Bound<'_, PyAny>,
    indices: &Bound<'_, PyAny>,
    axis: Option<isize>,
) -> PyResult<Out> {
    let mode = TakeMode::Raise;
    let r = numox::take(&arr(x)?, &arr(indices)?, axis, mode).py()?;
    Ok(Out(r))
}

/// `take_along_axis(x, indices, /, *, axis=-1)`.
#[pyfunction]
#[pyo3(signature = (x, indices, /, *, axis=Some(-1)), text_signature = "(x, indices, /, *, axis=-1)")]
pub fn take_along_axis(
    x: &Bound<'_, PyAny>,
    indices: &Bound<'_, PyAny>,
    axis: Option<isize>,
) -> PyResult<Out> {
    let r = numox::take_along_axis(&arr(x)?, &arr(indices)?, axis).py()?;
    Ok(Out(r))
}

/// Registers the manipulation functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(broadcast_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(broadcast_to, m)?)?;
    m.add_function(wrap_pyfunction!(concat, m)?)?;
    m.add_function(wrap_pyfunction!(concatenate, m)?)?;
    m.add_function(wrap_pyfunction!(stack, m)?)?;
    m.add_function(wrap_pyfunction!(vstack, m)?)?;
    m.add_function(wrap_pyfunction!(hstack, m)?)?;
    m.add_function(wrap_pyfunction!(expand_dims, m)?)?;
    m.add_function(wrap_pyfunction!(flip, m)?)?;
    m.add_function(wrap_pyfunction!(moveaxis, m)?)?;
    m.add_function(wrap_pyfunction!(permute_dims, m)?)?;
    m.add_function(wrap_pyfunction!(transpose, m)?)?;
    m.add_function(wrap_pyfunction!(swapaxes, m)?)?;
    m.add_function(wrap_pyfunction!(matrix_transpose, m)?)?;
    m.add_function(wrap_pyfunction!(repeat, m)?)?;
    m.add_function(wrap_pyfunction!(reshape, m)?)?;
    m.add_function(wrap_pyfunction!(ravel, m)?)?;
    m.add_function(wrap_pyfunction!(roll, m)?)?;
    m.add_function(wrap_pyfunction!(squeeze, m)?)?;
    m.add_function(wrap_pyfunction!(tile, m)?)?;
    m.add_function(wrap_pyfunction!(unstack, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(atleast_1d, m)?)?;
    m.add_function(wrap_pyfunction!(atleast_2d, m)?)?;
    m.add_function(wrap_pyfunction!(atleast_3d, m)?)?;
    m.add_function(wrap_pyfunction!(take, m)?)?;
    m.add_function(wrap_pyfunction!(take_along_axis, m)?)?;
    Ok(())
}
