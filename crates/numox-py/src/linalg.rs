//! Linear algebra: the `linalg` extension (`numox.linalg`, a submodule) and the main
//! namespace's `matmul`, `matrix_transpose`, `tensordot`, `vecdot`, with NumPy's `dot`,
//! `einsum`, `outer`, `inner`, `trace`, `diagonal`, `cross`, `kron`, `vdot`.

use crate::args::{arr, int_list, opt_dtype, refs, tuple_arrs};
use crate::array::{Out, PyArr};
use crate::errors::{type_error, value_error, IntoPyResult};
use numox::linalg::NormOrd;
use numox::{Array, CrossAxes, DType, TensorAxes};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple};

/// Inputs above this many elements are factored with the GIL released.
const DETACH_LINALG: usize = 1 << 12;

/// Runs `f`, without the GIL when the input is large.
pub(crate) fn run<T: Send>(
    py: Python<'_>,
    size: usize,
    f: impl FnOnce() -> numox::Result<T> + Send,
) -> PyResult<T> {
    if size >= DETACH_LINALG {
        py.detach(f).py()
    } else {
        f().py()
    }
}

fn wrap1(a: Array) -> Out {
    Out(a)
}

static EIGH_RESULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static EIG_RESULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static QR_RESULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static SLOGDET_RESULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static SVD_RESULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The namedtuple class `name` with `fields`, made once (module `numox.linalg`).
fn result_type<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
    fields: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let t = cell.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        let kw = PyDict::new(py);
        kw.set_item("module", "numox.linalg")?;
        let nt = py.import("collections")?.getattr("namedtuple")?;
        Ok(nt.call((name, fields), Some(&kw))?.unbind())
    })?;
    Ok(t.bind(py).clone())
}

fn result<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
    fields: &str,
    parts: Vec<Array>,
) -> PyResult<Bound<'py, PyAny>> {
    let t = result_type(py, cell, name, fields)?;
    let items: Vec<Py<PyArr>> = parts
        .into_iter()
        .map(|a| crate::array::wrap(py, a))
        .collect::<PyResult<_>>()?;
    t.call1(PyTuple::new(py, items)?)
}

pub(crate) fn need_2d(a: &Array) -> PyResult<()> {
    if a.ndim() < 2 {
        return Err(crate::errors::to_py(numox::Error::LinAlg(format!(
            "{}-dimensional array given. Array must be at least two-dimensional",
            a.ndim()
        ))));
    }
    Ok(())
}

// === The main namespace ===

/// `matmul(x1, x2, /)`.
#[pyfunction]
#[pyo3(signature = (x1, x2, /))]
pub fn matmul(py: Python<'_>, x1: &Bound<'_, PyAny>, x2: &Bound<'_, PyAny>) -> PyResult<Out> {
    let (a, b) = (arr(x1)?, arr(x2)?);
    if a.ndim() == 0 || b.ndim() == 0 {
        return Err(value_error(
            "matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)",
        ));
    }
    let n = a.size().max(b.size());
    Ok(wrap1(run(py, n, || numox::matmul(&a, &b))?))
}

fn tensor_axes(axes: &Bound<'_, PyAny>) -> PyResult<TensorAxes> {
    if let Ok(n) = axes.extract::<isize>() {
        if n < 0 {
            return Err(value_error("axes must be a non-negative integer"));
        }
        return Ok(TensorAxes::Count(n as usize));
    }
    let parts: Vec<Bound<'_, PyAny>> = axes.try_iter()?.collect::<PyResult<_>>()?;
    if parts.len() != 2 {
        return Err(type_error(
            "axes must be an int or a pair of sequences of ints",
        ));
    }
    Ok(TensorAxes::Pairs(
        int_list(&parts[0])?,
        int_list(&parts[1])?,
    ))
}

/// `tensordot(x1, x2, /, *, axes=2)`.
#[pyfunction]
#[pyo3(signature = (x1, x2, /, *, axes=None), text_signature = "(x1, x2, /, *, axes=2)")]
pub fn tensordot(
    py: Python<'_>,
    x1: &Bound<'_, PyAny>,
    x2: &Bound<'_, PyAny>,
    axes: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let (a, b) = (arr(x1)?, arr(x2)?);
    let ax = match axes {
        Some(x) => tensor_axes(x)?,
        None => TensorAxes::Count(2),
    };
    let n = a.size().max(b.size());
    Ok(wrap1(run(py, n, || numox::tensordot(&a, &b, ax))?))
}

/// `vecdot(x1, x2, /, *, axis=-1)`: `sum(conj(x1) * x2, axis)` with the other axes broadcast.
#[pyfunction]
#[pyo3(signature = (x1, x2, /, *, axis=-1), text_signature = "(x1, x2, /, *, axis=-1)")]
pub fn vecdot(
    py: Python<'_>,
    x1: &Bound<'_, PyAny>,
    x2: &Bound<'_, PyAny>,
    axis: isize,
) -> PyResult<Out> {
    let (a, b) = (arr(x1)?, arr(x2)?);
    if a.ndim() == 0 || b.ndim() == 0 {
        return Err(value_error(
            "vecdot: Input operand does not have enough dimensions (has 0, gufunc core with signature (n),(n)->() requires 1)",
        ));
    }
    let a = numox::moveaxis(&a, &[axis], &[-1]).py()?;
    let b = numox::moveaxis(&b, &[axis], &[-1]).py()?;
    let (na, nb) = (a.shape()[a.ndim() - 1], b.shape()[b.ndim() - 1]);
    if na != nb {
        return Err(value_error(format!(
            "vecdot: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n),(n)->() (size {nb} is different from {na})"
        )));
    }
    let a = if a.dtype().is_complex() {
        numox::conj(&a).py()?
    } else {
        a
    };
    let a = numox::expand_dims(&a, &[-2]).py()?;
    let b = numox::expand_dims(&b, &[-1]).py()?;
    let n = a.size().max(b.size());
    let r = run(py, n, || numox::matmul(&a, &b))?;
    Ok(wrap1(numox::squeeze(&r, Some(&[-2isize, -1][..])).py()?))
}

/// `dot(a, b, out=None)`.
#[pyfunction]
#[pyo3(signature = (a, b, out=None))]
pub fn dot(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    out: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    if out.is_some_and(|o| !o.is_none()) {
        return Err(value_error("dot: out= is not supported"));
    }
    let (a, b) = (arr(a)?, arr(b)?);
    let n = a.size().max(b.size());
    Ok(wrap1(run(py, n, || numox::dot(&a, &b))?))
}

/// `einsum(subscripts, *operands, optimize=False)` (explicit and implicit modes).
#[pyfunction]
#[pyo3(signature = (subscripts, *operands, optimize=None))]
pub fn einsum(
    py: Python<'_>,
    subscripts: &str,
    operands: &Bound<'_, PyTuple>,
    optimize: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let _ = optimize;
    let v = tuple_arrs(operands)?;
    let n = v.iter().map(Array::size).max().unwrap_or(0);
    let r = refs(&v);
    Ok(wrap1(run(py, n, || numox::einsum(subscripts, &r))?))
}

/// `outer(a, b)`: the inputs are flattened.
#[pyfunction]
pub fn outer(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<Out> {
    Ok(wrap1(numox::outer(&arr(a)?, &arr(b)?).py()?))
}

/// `inner(a, b)`.
#[pyfunction]
pub fn inner(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<Out> {
    Ok(wrap1(numox::inner(&arr(a)?, &arr(b)?).py()?))
}

/// `vdot(a, b)`.
#[pyfunction]
pub fn vdot(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<Out> {
    Ok(wrap1(numox::vdot(&arr(a)?, &arr(b)?).py()?))
}

/// `kron(a, b)`.
#[pyfunction]
pub fn kron(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<Out> {
    Ok(wrap1(numox::kron(&arr(a)?, &arr(b)?).py()?))
}

pub(crate) fn traced(
    a: Array,
    offset: isize,
    ax1: isize,
    ax2: isize,
    dtype: Option<DType>,
) -> PyResult<Array> {
    let a = match dtype {
        Some(d) if d != a.dtype() => a.astype(d).py()?,
        _ => a,
    };
    let r = numox::trace(&a, offset, ax1, ax2).py()?;
    match dtype {
        Some(d) if d != r.dtype() => r.astype(d).py(),
        _ => Ok(r),
    }
}

/// `trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None)` (NumPy's).
#[pyfunction]
#[pyo3(signature = (a, offset=0, axis1=0, axis2=1, dtype=None, out=None))]
pub fn trace(
    a: &Bound<'_, PyAny>,
    offset: isize,
    axis1: isize,
    axis2: isize,
    dtype: Option<&Bound<'_, PyAny>>,
    out: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    if out.is_some_and(|o| !o.is_none()) {
        return Err(value_error("trace: out= is not supported"));
    }
    Ok(wrap1(traced(
        arr(a)?,
        offset,
        axis1,
        axis2,
        opt_dtype(dtype)?,
    )?))
}

/// `diagonal(a, offset=0, axis1=0, axis2=1)` (NumPy's; a read-only view).
#[pyfunction]
#[pyo3(signature = (a, offset=0, axis1=0, axis2=1))]
pub fn diagonal(a: &Bound<'_, PyAny>, offset: isize, axis1: isize, axis2: isize) -> PyResult<Out> {
    Ok(wrap1(numox::diagonal(&arr(a)?, offset, axis1, axis2).py()?))
}

/// `cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None)` (NumPy's).
#[pyfunction]
#[pyo3(signature = (a, b, axisa=-1, axisb=-1, axisc=-1, axis=None))]
pub fn cross(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    axisa: isize,
    axisb: isize,
    axisc: isize,
    axis: Option<isize>,
) -> PyResult<Out> {
    let axes = match axis {
        Some(ax) => CrossAxes::all(ax),
        None => CrossAxes {
            axisa,
            axisb,
            axisc,
        },
    };
    Ok(wrap1(numox::cross(&arr(a)?, &arr(b)?, axes).py()?))
}

/// Registers the main-namespace linear algebra functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(matmul, m)?)?;
    m.add_function(wrap_pyfunction!(tensordot, m)?)?;
    m.add_function(wrap_pyfunction!(vecdot, m)?)?;
    m.add_function(wrap_pyfunction!(dot, m)?)?;
    m.add_function(wrap_pyfunction!(einsum, m)?)?;
    m.add_function(wrap_pyfunction!(outer, m)?)?;
    m.add_function(wrap_pyfunction!(inner, m)?)?;
    m.add_function(wrap_pyfunction!(vdot, m)?)?;
    m.add_function(wrap_pyfunction!(kron, m)?)?;
    m.add_function(wrap_pyfunction!(trace, m)?)?;
    m.add_function(wrap_pyfunction!(diagonal, m)?)?;
    m.add_function(wrap_pyfunction!(cross, m)?)?;
    let sub = PyModule::new(m.py(), "_linalg")?;
    crate::linalg_ext::register(&sub)?;
    m.add_submodule(&sub)?;
    Ok(())
}

/// The result types, for the extension module to export.
pub(crate) fn result_types(py: Python<'_>) -> PyResult<Vec<(&'static str, Bound<'_, PyAny>)>> {
    Ok(vec![
        (
            "EighResult",
            result_type(py, &EIGH_RESULT, "EighResult", "eigenvalues eigenvectors")?,
        ),
        (
            "EigResult",
            result_type(py, &EIG_RESULT, "EigResult", "eigenvalues eigenvectors")?,
        ),
        ("QRResult", result_type(py, &QR_RESULT, "QRResult", "Q R")?),
        (
            "SlogdetResult",
            result_type(py, &SLOGDET_RESULT, "SlogdetResult", "sign logabsdet")?,
        ),
        (
            "SVDResult",
            result_type(py, &SVD_RESULT, "SVDResult", "U S Vh")?,
        ),
    ])
}

pub(crate) fn eigh_result<'py>(py: Python<'py>, w: Array, v: Array) -> PyResult<Bound<'py, PyAny>> {
    result(
        py,
        &EIGH_RESULT,
        "EighResult",
        "eigenvalues eigenvectors",
        vec![w, v],
    )
}
pub(crate) fn eig_result<'py>(py: Python<'py>, w: Array, v: Array) -> PyResult<Bound<'py, PyAny>> {
    result(
        py,
        &EIG_RESULT,
        "EigResult",
        "eigenvalues eigenvectors",
        vec![w, v],
    )
}
pub(crate) fn qr_result<'py>(py: Python<'py>, q: Array, r: Array) -> PyResult<Bound<'py, PyAny>> {
    result(py, &QR_RESULT, "QRResult", "Q R", vec![q, r])
}
pub(crate) fn slogdet_result<'py>(
    py: Python<'py>,
    s: Array,
    l: Array,
) -> PyResult<Bound<'py, PyAny>> {
    result(
        py,
        &SLOGDET_RESULT,
        "SlogdetResult",
        "sign logabsdet",
        vec![s, l],
    )
}
pub(crate) fn svd_result<'py>(
    py: Python<'py>,
    u: Array,
    s: Array,
    vh: Array,
) -> PyResult<Bound<'py, PyAny>> {
    result(py, &SVD_RESULT, "SVDResult", "U S Vh", vec![u, s, vh])
}

/// A norm order: `None`, a number, `'fro'` or `'nuc'`.
pub(crate) fn norm_ord(ord: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NormOrd>> {
    let Some(o) = ord.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = o.cast::<PyString>() {
        return match s.to_str()? {
            "fro" => Ok(Some(NormOrd::Fro)),
            "nuc" => Ok(Some(NormOrd::Nuc)),
            other => Err(value_error(format!(
                "Invalid norm order '{other}' for matrices"
            ))),
        };
    }
    Ok(Some(NormOrd::Num(o.extract::<f64>()?)))
}
