//! The `linalg` extension of the Array API standard (`numox.linalg`) with NumPy's `norm`,
//! `lstsq`, `eig`, `eigvals`, `cond`. Singular or non-converging input raises
//! `numox.linalg.LinAlgError`.

use crate::args::{arr, opt_axes, opt_dtype};
use crate::array::Out;
use crate::errors::{value_error, IntoPyResult};
use crate::linalg::{
    eig_result, eigh_result, need_2d, norm_ord, qr_result, result_types, run, slogdet_result,
    svd_result, traced,
};
use numox::linalg::{self as la, NormOrd, QrMode, Uplo};
use numox::{Array, CrossAxes, DType};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

fn uplo(s: &str) -> PyResult<Uplo> {
    match s {
        "L" | "l" => Ok(Uplo::L),
        "U" | "u" => Ok(Uplo::U),
        _ => Err(value_error("UPLO argument must be 'L' or 'U'")),
    }
}

/// `cholesky(x, /, *, upper=False)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, upper=false))]
fn cholesky(py: Python<'_>, x: &Bound<'_, PyAny>, upper: bool) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    Ok(Out(run(py, a.size(), || la::cholesky(&a, upper))?))
}

/// `cross(x1, x2, /, *, axis=-1)`: 3-element vectors only.
#[pyfunction]
#[pyo3(signature = (x1, x2, /, *, axis=-1), text_signature = "(x1, x2, /, *, axis=-1)")]
fn cross(x1: &Bound<'_, PyAny>, x2: &Bound<'_, PyAny>, axis: isize) -> PyResult<Out> {
    let (a, b) = (arr(x1)?, arr(x2)?);
    let len = |x: &Array| -> PyResult<usize> {
        let nd = x.ndim() as isize;
        if nd == 0 || axis < -nd || axis >= nd {
            return Err(numox::Error::Axis {
                axis: axis as i64,
                ndim: x.ndim(),
            })
            .py();
        }
        Ok(x.shape()[(if axis < 0 { axis + nd } else { axis }) as usize])
    };
    let (la_, lb) = (len(&a)?, len(&b)?);
    if la_ != 3 || lb != 3 {
        return Err(value_error(format!(
            "Both input arrays must be (arrays of) 3-dimensional vectors, but they are {la_} and {lb} dimensional instead."
        )));
    }
    Ok(Out(numox::cross(&a, &b, CrossAxes::all(axis)).py()?))
}

/// `det(x, /)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
fn det(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    Ok(Out(run(py, a.size(), || la::det(&a))?))
}

/// `diagonal(x, /, *, offset=0)`: over the last two axes.
#[pyfunction]
#[pyo3(signature = (x, /, *, offset=0))]
fn diagonal(x: &Bound<'_, PyAny>, offset: isize) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    Ok(Out(numox::diagonal(&a, offset, -2, -1).py()?))
}

/// `eigh(x, /)` → `EighResult(eigenvalues, eigenvectors)` (the lower triangle is read).
#[pyfunction]
#[pyo3(signature = (x, /))]
#[allow(non_snake_case)]
fn eigh<'py>(py: Python<'py>, x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let UPLO = "L";
    let a = arr(x)?;
    need_2d(&a)?;
    let u = uplo(UPLO)?;
    let (w, v) = run(py, a.size(), || la::eigh(&a, u))?;
    eigh_result(py, w, v)
}

/// `eigvalsh(x, /)` (the lower triangle is read).
#[pyfunction]
#[pyo3(signature = (x, /))]
#[allow(non_snake_case)]
fn eigvalsh(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let UPLO = "L";
    let a = arr(x)?;
    need_2d(&a)?;
    let u = uplo(UPLO)?;
    Ok(Out(run(py, a.size(), || la::eigvalsh(&a, u))?))
}

/// `eig(a)` → `EigResult(eigenvalues, eigenvectors)` (NumPy's).
#[pyfunction]
fn eig<'py>(py: Python<'py>, a: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let a = arr(a)?;
    need_2d(&a)?;
    let (w, v) = run(py, a.size(), || la::eig(&a))?;
    eig_result(py, w, v)
}

/// `eigvals(a)` (NumPy's).
#[pyfunction]
fn eigvals(py: Python<'_>, a: &Bound<'_, PyAny>) -> PyResult<Out> {
    let a = arr(a)?;
    need_2d(&a)?;
    Ok(Out(run(py, a.size(), || la::eigvals(&a))?))
}

/// `inv(x, /)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
fn inv(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    Ok(Out(run(py, a.size(), || la::inv(&a))?))
}

/// `matrix_norm(x, /, *, keepdims=False, ord='fro')`.
#[pyfunction]
#[pyo3(signature = (x, /, *, keepdims=false, ord=None), text_signature = "(x, /, *, keepdims=False, ord='fro')")]
fn matrix_norm(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    keepdims: bool,
    ord: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    let o = norm_ord(ord)?;
    Ok(Out(run(py, a.size(), || {
        la::norm(&a, o, Some(&[-2, -1]), keepdims)
    })?))
}

/// `matrix_power(x, n, /)`.
#[pyfunction]
#[pyo3(signature = (x, n, /))]
fn matrix_power(py: Python<'_>, x: &Bound<'_, PyAny>, n: i64) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    Ok(Out(run(py, a.size(), || la::matrix_power(&a, n))?))
}

/// A scalar float from a Python number or 0-d array.
fn opt_f64(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<f64>> {
    match obj {
        Some(o) if !o.is_none() => {
            Ok(Some(o.extract::<f64>().or_else(|_| {
                arr(o)?.astype(DType::Float64).py()?.item_as::<f64>().py()
            })?))
        }
        _ => Ok(None),
    }
}

/// `matrix_rank(x, /, *, rtol=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, rtol=None))]
fn matrix_rank(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    rtol: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let (tol, hermitian): (Option<&Bound<'_, PyAny>>, bool) = (None, false);
    let a = arr(x)?;
    let tol = opt_f64(tol)?;
    let rtol = opt_f64(rtol)?;
    if tol.is_some() && rtol.is_some() {
        return Err(value_error("`tol` and `rtol` can't be both set."));
    }
    match rtol {
        Some(rt) if a.ndim() >= 2 => {
            let s = run(py, a.size(), || la::svdvals(&a))?;
            let mx = numox::max(&s, numox::Axes::from(-1isize).keepdims()).py()?;
            let thresh = numox::multiply(&mx, rt).py()?;
            let big = numox::greater(&s, &thresh).py()?;
            Ok(Out(numox::sum(&big, -1).py()?))
        }
        _ => Ok(Out(run(py, a.size(), || {
            la::matrix_rank(&a, tol, hermitian)
        })?)),
    }
}

/// `matrix_transpose(x, /)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
fn matrix_transpose(x: &Bound<'_, PyAny>) -> PyResult<Out> {
    crate::manipulation::matrix_transpose(x)
}

/// `outer(x1, x2, /)`: 1-D inputs only.
#[pyfunction]
#[pyo3(signature = (x1, x2, /))]
fn outer(x1: &Bound<'_, PyAny>, x2: &Bound<'_, PyAny>) -> PyResult<Out> {
    let (a, b) = (arr(x1)?, arr(x2)?);
    if a.ndim() != 1 || b.ndim() != 1 {
        return Err(value_error(format!(
            "Input arrays must be one-dimensional, but they are x1.ndim={} and x2.ndim={}.",
            a.ndim(),
            b.ndim()
        )));
    }
    Ok(Out(numox::outer(&a, &b).py()?))
}

/// `pinv(x, /, *, rtol=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, rtol=None))]
fn pinv(py: Python<'_>, x: &Bound<'_, PyAny>, rtol: Option<&Bound<'_, PyAny>>) -> PyResult<Out> {
    let (rcond, hermitian): (Option<&Bound<'_, PyAny>>, bool) = (None, false);
    let a = arr(x)?;
    need_2d(&a)?;
    let rc = opt_f64(rcond)?.or(opt_f64(rtol)?);
    Ok(Out(run(py, a.size(), || la::pinv(&a, rc, hermitian))?))
}

/// `qr(x, /, *, mode='reduced')` → `QRResult(Q, R)` (`mode='r'`: only R).
#[pyfunction]
#[pyo3(signature = (x, /, *, mode="reduced"))]
fn qr<'py>(py: Python<'py>, x: &Bound<'py, PyAny>, mode: &str) -> PyResult<Bound<'py, PyAny>> {
    let a = arr(x)?;
    need_2d(&a)?;
    let m: QrMode = mode.parse().py()?;
    let (q, r) = run(py, a.size(), || la::qr(&a, m))?;
    match q {
        Some(q) => qr_result(py, q, r),
        None => Ok(crate::array::wrap(py, r)?.into_bound(py).into_any()),
    }
}

/// `slogdet(x, /)` → `SlogdetResult(sign, logabsdet)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
fn slogdet<'py>(py: Python<'py>, x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let a = arr(x)?;
    need_2d(&a)?;
    let (s, l) = run(py, a.size(), || la::slogdet(&a))?;
    slogdet_result(py, s, l)
}

/// `solve(x1, x2, /)`.
#[pyfunction]
#[pyo3(signature = (x1, x2, /))]
fn solve(py: Python<'_>, x1: &Bound<'_, PyAny>, x2: &Bound<'_, PyAny>) -> PyResult<Out> {
    let (a, b) = (arr(x1)?, arr(x2)?);
    need_2d(&a)?;
    Ok(Out(run(py, a.size(), || la::solve(&a, &b))?))
}

/// `svd(x, /, *, full_matrices=True)` → `SVDResult(U, S, Vh)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, full_matrices=true))]
fn svd<'py>(
    py: Python<'py>,
    x: &Bound<'py, PyAny>,
    full_matrices: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let compute_uv = true;
    let a = arr(x)?;
    need_2d(&a)?;
    if !compute_uv {
        let s = run(py, a.size(), || la::svdvals(&a))?;
        return Ok(crate::array::wrap(py, s)?.into_bound(py).into_any());
    }
    let (u, s, vh) = run(py, a.size(), || la::svd(&a, full_matrices))?;
    svd_result(py, u, s, vh)
}

/// `svdvals(x, /)`.
#[pyfunction]
#[pyo3(signature = (x, /))]
fn svdvals(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    Ok(Out(run(py, a.size(), || la::svdvals(&a))?))
}

/// `trace(x, /, *, offset=0, dtype=None)`: over the last two axes.
#[pyfunction]
#[pyo3(signature = (x, /, *, offset=0, dtype=None))]
fn trace(x: &Bound<'_, PyAny>, offset: isize, dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    Ok(Out(traced(a, offset, -2, -1, opt_dtype(dtype)?)?))
}

/// `vector_norm(x, /, *, axis=None, keepdims=False, ord=2)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=None, keepdims=false, ord=None), text_signature = "(x, /, *, axis=None, keepdims=False, ord=2)")]
fn vector_norm(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    keepdims: bool,
    ord: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let a = arr(x)?;
    let o = match ord.filter(|o| !o.is_none()) {
        Some(o) => NormOrd::Num(o.extract::<f64>()?),
        None => NormOrd::Num(2.0),
    };
    let nd = a.ndim();
    let axes: Vec<usize> = match opt_axes(axis)? {
        None => (0..nd).collect(),
        Some(v) => {
            let mut out = Vec::with_capacity(v.len());
            for ax in v {
                let n = nd as isize;
                if ax < -n || ax >= n {
                    return Err(numox::Error::Axis {
                        axis: ax as i64,
                        ndim: nd,
                    })
                    .py();
                }
                let ax = if ax < 0 { ax + n } else { ax } as usize;
                if out.contains(&ax) {
                    return Err(value_error("repeated axis"));
                }
                out.push(ax);
            }
            out
        }
    };
    // Move the reduced axes last, merge them into one, take the norm along it.
    let rest: Vec<usize> = (0..nd).filter(|d| !axes.contains(d)).collect();
    let perm: Vec<isize> = rest
        .iter()
        .chain(axes.iter())
        .map(|&d| d as isize)
        .collect();
    let t = a.permute_axes(&perm).py()?;
    let mut shape: Vec<isize> = rest.iter().map(|&d| a.shape()[d] as isize).collect();
    shape.push(axes.iter().map(|&d| a.shape()[d]).product::<usize>() as isize);
    let flat = t.reshape(&shape).py()?;
    let r = run(py, a.size(), || {
        la::norm(&flat, Some(o), Some(&[-1]), false)
    })?;
    if keepdims {
        let kshape: Vec<isize> = (0..nd)
            .map(|d| {
                if axes.contains(&d) {
                    1
                } else {
                    a.shape()[d] as isize
                }
            })
            .collect();
        return Ok(Out(r.reshape(&kshape).py()?));
    }
    Ok(Out(r))
}

/// `norm(x, ord=None, axis=None, keepdims=False)` (NumPy's).
#[pyfunction]
#[pyo3(signature = (x, ord=None, axis=None, keepdims=false))]
fn norm(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    ord: Option<&Bound<'_, PyAny>>,
    axis: Option<&Bound<'_, PyAny>>,
    keepdims: bool,
) -> PyResult<Out> {
    let a = arr(x)?;
    let o = norm_ord(ord)?;
    let ax = opt_axes(axis)?;
    Ok(Out(run(py, a.size(), || {
        la::norm(&a, o, ax.as_deref(), keepdims)
    })?))
}

/// `cond(x, p=None)` (NumPy's).
#[pyfunction]
#[pyo3(signature = (x, p=None))]
fn cond(py: Python<'_>, x: &Bound<'_, PyAny>, p: Option<&Bound<'_, PyAny>>) -> PyResult<Out> {
    let a = arr(x)?;
    need_2d(&a)?;
    let o = norm_ord(p)?;
    Ok(Out(run(py, a.size(), || la::cond(&a, o))?))
}

/// `lstsq(a, b, rcond=None)` → `(x, residuals, rank, s)` (NumPy's).
#[pyfunction]
#[pyo3(signature = (a, b, rcond=None))]
fn lstsq<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    rcond: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let (a, b) = (arr(a)?, arr(b)?);
    let rc = opt_f64(rcond)?;
    let (x, res, rank, s) = run(py, a.size(), || la::lstsq(&a, &b, rc))?;
    PyTuple::new(
        py,
        [
            crate::array::wrap(py, x)?.into_any(),
            crate::array::wrap(py, res)?.into_any(),
            rank.into_pyobject(py)?.into_any().unbind(),
            crate::array::wrap(py, s)?.into_any(),
        ],
    )
}

/// Registers the `linalg` extension in its submodule.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(cholesky, m)?)?;
    m.add_function(wrap_pyfunction!(cross, m)?)?;
    m.add_function(wrap_pyfunction!(det, m)?)?;
    m.add_function(wrap_pyfunction!(diagonal, m)?)?;
    m.add_function(wrap_pyfunction!(eigh, m)?)?;
    m.add_function(wrap_pyfunction!(eigvalsh, m)?)?;
    m.add_function(wrap_pyfunction!(eig, m)?)?;
    m.add_function(wrap_pyfunction!(eigvals, m)?)?;
    m.add_function(wrap_pyfunction!(inv, m)?)?;
    m.add_function(wrap_pyfunction!(crate::linalg::matmul, m)?)?;
    m.add_function(wrap_pyfunction!(matrix_norm, m)?)?;
    m.add_function(wrap_pyfunction!(matrix_power, m)?)?;
    m.add_function(wrap_pyfunction!(matrix_rank, m)?)?;
    m.add_function(wrap_pyfunction!(matrix_transpose, m)?)?;
    m.add_function(wrap_pyfunction!(outer, m)?)?;
    m.add_function(wrap_pyfunction!(pinv, m)?)?;
    m.add_function(wrap_pyfunction!(qr, m)?)?;
    m.add_function(wrap_pyfunction!(slogdet, m)?)?;
    m.add_function(wrap_pyfunction!(solve, m)?)?;
    m.add_function(wrap_pyfunction!(svd, m)?)?;
    m.add_function(wrap_pyfunction!(svdvals, m)?)?;
    m.add_function(wrap_pyfunction!(crate::linalg::tensordot, m)?)?;
    m.add_function(wrap_pyfunction!(trace, m)?)?;
    m.add_function(wrap_pyfunction!(crate::linalg::vecdot, m)?)?;
    m.add_function(wrap_pyfunction!(vector_norm, m)?)?;
    m.add_function(wrap_pyfunction!(norm, m)?)?;
    m.add_function(wrap_pyfunction!(cond, m)?)?;
    m.add_function(wrap_pyfunction!(lstsq, m)?)?;
    for (name, t) in result_types(m.py())? {
        m.add(name, t)?;
    }
    Ok(())
}
