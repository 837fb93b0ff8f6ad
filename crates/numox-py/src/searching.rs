//! Searching, sorting and set functions: the Array API's `argmax`, `argmin`, `nonzero`,
//! `searchsorted`, `where`, `argsort`, `sort` and `unique_*`, and NumPy's `argwhere`,
//! `nanargmax`, `nanargmin`, `flatnonzero`.

use crate::array::{Out, PyArr};
use crate::convert::operand;
use crate::elementwise::arg_array;
use crate::errors::IntoPyResult;
use crate::statistics::{detach, finish};
use numox::{Array, Axes, Result as NxResult, Side, SortKind, UniqueOpts};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple};

/// The axes of an arg-reduction: one axis or all, with `keepdims`.
fn arg_axes(axis: Option<isize>, keepdims: bool) -> Axes {
    Axes::from(axis).with_keepdims(keepdims)
}

macro_rules! arg_reductions {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(x, /, *, axis=None, keepdims=False)`.")]
            #[pyfunction]
            #[pyo3(signature = (x, /, *, axis=None, keepdims=false))]
            pub fn $name(
                py: Python<'_>,
                x: &Bound<'_, PyAny>,
                axis: Option<isize>,
                keepdims: bool,
            ) -> PyResult<Out> {
                let a = arg_array(x)?;
                let ax = arg_axes(axis, keepdims);
                Ok(Out(detach(py, a.size(), || $f(&a, ax))?))
            }
        )*
    };
}

arg_reductions! {
    argmax => numox::argmax;
    argmin => numox::argmin;
}

macro_rules! nan_arg_reductions {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(a, axis=None, out=None, *, keepdims=False)`.")]
            #[pyfunction]
            #[pyo3(signature = (a, axis=None, out=None, *, keepdims=false))]
            pub fn $name(
                py: Python<'_>,
                a: &Bound<'_, PyAny>,
                axis: Option<isize>,
                out: Option<&Bound<'_, PyAny>>,
                keepdims: bool,
            ) -> PyResult<Py<PyAny>> {
                let x = arg_array(a)?;
                let ax = arg_axes(axis, keepdims);
                let r = detach(py, x.size(), || $f(&x, ax))?;
                finish(py, r, out)
            }
        )*
    };
}

nan_arg_reductions! {
    nanargmax => numox::nanargmax;
    nanargmin => numox::nanargmin;
}

/// `nonzero(x, /)`: a tuple of index arrays, one per dimension.
#[pyfunction]
#[pyo3(signature = (x, /))]
pub fn nonzero<'py>(py: Python<'py>, x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let a = arg_array(x)?;
    let parts = detach(py, a.size(), || numox::nonzero(&a))?;
    let items = parts
        .into_iter()
        .map(|p| crate::array::wrap(py, p))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

/// `argwhere(a)`: the indices of nonzero elements, one row each.
#[pyfunction]
#[pyo3(signature = (a))]
pub fn argwhere(py: Python<'_>, a: &Bound<'_, PyAny>) -> PyResult<Out> {
    let x = arg_array(a)?;
    Ok(Out(detach(py, x.size(), || numox::argwhere(&x))?))
}

/// `flatnonzero(a)`: the flat indices of nonzero elements.
#[pyfunction]
#[pyo3(signature = (a))]
pub fn flatnonzero(a: &Bound<'_, PyAny>) -> PyResult<Out> {
    let x = arg_array(a)?;
    Ok(Out(numox::flatnonzero(&x)))
}

/// `searchsorted(x1, x2, /, *, side='left', sorter=None)`.
#[pyfunction]
#[pyo3(signature = (x1, x2, /, *, side="left", sorter=None))]
pub fn searchsorted(
    py: Python<'_>,
    x1: &Bound<'_, PyAny>,
    x2: &Bound<'_, PyAny>,
    side: &str,
    sorter: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let a = arg_array(x1)?;
    let v = arg_array(x2)?;
    let side: Side = side.parse().py()?;
    let s = sorter.filter(|s| !s.is_none()).map(arg_array).transpose()?;
    let r = detach(py, a.size().max(v.size()), || {
        numox::searchsorted(&a, &v, side, s.as_ref())
    })?;
    Ok(Out(r))
}

/// `where(condition, x1, x2, /)`: elements of `x1` where `condition`, else of `x2`.
#[pyfunction]
#[pyo3(name = "where", signature = (condition, x1, x2, /))]
pub fn where_(
    py: Python<'_>,
    condition: &Bound<'_, PyAny>,
    x1: &Bound<'_, PyAny>,
    x2: &Bound<'_, PyAny>,
) -> PyResult<Out> {
    let (mut h0, mut h1, mut h2) = (None, None, None);
    let c = operand(condition, &mut h0)?;
    let a = operand(x1, &mut h1)?;
    let b = operand(x2, &mut h2)?;
    let n = [&c, &a, &b]
        .iter()
        .map(|o| match o {
            numox::ufunc::Operand::Array(x) => x.size(),
            numox::ufunc::Operand::Owned(x) => x.size(),
            numox::ufunc::Operand::Scalar(_) => 1,
        })
        .max()
        .unwrap_or(0);
    Ok(Out(detach(py, n, || numox::where_(c, a, b))?))
}

/// Sorts (or arg-sorts) along `axis`; a descending sort keeps equal elements in their order,
/// as the standard asks (the order of the flipped input, flipped back).
fn sort_impl(a: &Array, axis: isize, descending: bool, stable: bool, arg: bool) -> NxResult<Array> {
    let kind = if stable {
        SortKind::Stable
    } else {
        SortKind::QuickSort
    };
    if !descending {
        return if arg {
            numox::argsort(a, Some(axis), kind)
        } else {
            numox::sort(a, Some(axis), kind)
        };
    }
    let flipped = numox::flip(a, Some(&[axis]))?;
    if arg {
        let idx = numox::argsort(&flipped, Some(axis), kind)?;
        let idx = numox::flip(&idx, Some(&[axis]))?;
        let nd = a.ndim() as isize;
        let ax = if axis < 0 { axis + nd } else { axis } as usize;
        let n = a.shape().get(ax).copied().unwrap_or(0) as i64;
        numox::subtract(n - 1, &idx)
    } else {
        let s = numox::sort(&flipped, Some(axis), kind)?;
        numox::flip(&s, Some(&[axis]))
    }
}

/// `sort(x, /, *, axis=-1, descending=False, stable=True)`.
#[pyfunction]
#[pyo3(
    signature = (x, /, *, axis=-1, descending=false, stable=true),
    text_signature = "(x, /, *, axis=-1, descending=False, stable=True)"
)]
pub fn sort(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: isize,
    descending: bool,
    stable: bool,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    Ok(Out(detach(py, a.size(), || {
        sort_impl(&a, axis, descending, stable, false)
    })?))
}

/// `argsort(x, /, *, axis=-1, descending=False, stable=True)`.
#[pyfunction]
#[pyo3(
    signature = (x, /, *, axis=-1, descending=false, stable=true),
    text_signature = "(x, /, *, axis=-1, descending=False, stable=True)"
)]
pub fn argsort(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: isize,
    descending: bool,
    stable: bool,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    Ok(Out(detach(py, a.size(), || {
        sort_impl(&a, axis, descending, stable, true)
    })?))
}

static UNIQUE_ALL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static UNIQUE_COUNTS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static UNIQUE_INVERSE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A named-tuple class of the standard's set results, made once.
fn result_class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
    fields: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let cls = cell.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        let nt = py.import("collections")?.getattr("namedtuple")?;
        let kw = PyDict::new(py);
        kw.set_item("module", "numox")?;
        Ok(nt.call((name, fields.to_vec()), Some(&kw))?.unbind())
    })?;
    Ok(cls.bind(py).clone())
}

/// NumPy's unique with the standard's rules: NaNs are distinct, the inverse has `x`'s shape.
fn unique_parts(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    index: bool,
    inverse: bool,
    counts: bool,
) -> PyResult<numox::Unique> {
    let a = arg_array(x)?;
    let opts = UniqueOpts {
        return_index: index,
        return_inverse: inverse,
        return_counts: counts,
        equal_nan: false,
    };
    detach(py, a.size(), || numox::unique_with(&a, opts))
}

fn part(py: Python<'_>, a: Option<Array>) -> PyResult<Py<PyArr>> {
    let a = a.ok_or_else(|| crate::errors::value_error("unique: missing part"))?;
    crate::array::wrap(py, a)
}

/// `unique_all(x, /)`: `(values, indices, inverse_indices, counts)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
pub fn unique_all<'py>(py: Python<'py>, x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let u = unique_parts(py, x, true, true, true)?;
    let cls = result_class(
        py,
        &UNIQUE_ALL,
        "UniqueAllResult",
        &["values", "indices", "inverse_indices", "counts"],
    )?;
    cls.call1((
        crate::array::wrap(py, u.values)?,
        part(py, u.index)?,
        part(py, u.inverse)?,
        part(py, u.counts)?,
    ))
}

/// `unique_counts(x, /)`: `(values, counts)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
pub fn unique_counts<'py>(py: Python<'py>, x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let u = unique_parts(py, x, false, false, true)?;
    let cls = result_class(
        py,
        &UNIQUE_COUNTS,
        "UniqueCountsResult",
        &["values", "counts"],
    )?;
    cls.call1((crate::array::wrap(py, u.values)?, part(py, u.counts)?))
}

/// `unique_inverse(x, /)`: `(values, inverse_indices)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
pub fn unique_inverse<'py>(py: Python<'py>, x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let u = unique_parts(py, x, false, true, false)?;
    let cls = result_class(
        py,
        &UNIQUE_INVERSE,
        "UniqueInverseResult",
        &["values", "inverse_indices"],
    )?;
    cls.call1((crate::array::wrap(py, u.values)?, part(py, u.inverse)?))
}

/// `unique_values(x, /)`: the distinct values, sorted.
#[pyfunction]
#[pyo3(signature = (x, /))]
pub fn unique_values(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let u = unique_parts(py, x, false, false, false)?;
    Ok(Out(u.values))
}

/// Adds the searching, sorting and set functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(argmax, m)?)?;
    m.add_function(wrap_pyfunction!(argmin, m)?)?;
    m.add_function(wrap_pyfunction!(nanargmax, m)?)?;
    m.add_function(wrap_pyfunction!(nanargmin, m)?)?;
    m.add_function(wrap_pyfunction!(nonzero, m)?)?;
    m.add_function(wrap_pyfunction!(argwhere, m)?)?;
    m.add_function(wrap_pyfunction!(flatnonzero, m)?)?;
    m.add_function(wrap_pyfunction!(searchsorted, m)?)?;
    m.add_function(wrap_pyfunction!(where_, m)?)?;
    m.add_function(wrap_pyfunction!(sort, m)?)?;
    m.add_function(wrap_pyfunction!(argsort, m)?)?;
    m.add_function(wrap_pyfunction!(unique_all, m)?)?;
    m.add_function(wrap_pyfunction!(unique_counts, m)?)?;
    m.add_function(wrap_pyfunction!(unique_inverse, m)?)?;
    m.add_function(wrap_pyfunction!(unique_values, m)?)?;
    Ok(())
}
