//! Statistical and utility functions: the Array API's `max`, `mean`, `min`, `prod`, `std`,
//! `sum`, `var`, `cumulative_sum`, `cumulative_prod`, `all`, `any`, `diff`, and NumPy's
//! `cumsum`/`cumprod`, NaN-ignoring forms, `median`, `percentile` and `quantile`.

use crate::array::{write_all, Out, PyArr};
use crate::convert::py_scalar;
use crate::dtypes::to_dtype;
use crate::elementwise::arg_array;
use crate::errors::{type_error, value_error, IntoPyResult};
use crate::ops::DETACH_SIZE;
use numox::{Array, Axes, DType, QuantileMethod, Quantiles, Result as NxResult};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Runs `f`, without the GIL when `n` elements make it worth it.
pub fn detach<T: Send>(
    py: Python<'_>,
    n: usize,
    f: impl FnOnce() -> NxResult<T> + Send,
) -> PyResult<T> {
    if n >= DETACH_SIZE {
        py.detach(f).py()
    } else {
        f().py()
    }
}

/// An `axis` argument: `None`, an int, or a tuple of ints.
pub fn parse_axis(axis: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<isize>>> {
    match axis {
        None => Ok(None),
        Some(a) if a.is_none() => Ok(None),
        Some(a) => {
            if let Ok(t) = a.cast::<PyTuple>() {
                Ok(Some(t.extract()?))
            } else {
                Ok(Some(vec![a.extract::<isize>()?]))
            }
        }
    }
}

/// An `axis` argument and `keepdims` as numox's [`Axes`].
pub fn axes(axis: Option<&Bound<'_, PyAny>>, keepdims: bool) -> PyResult<Axes> {
    let ax = match parse_axis(axis)? {
        None => Axes::all(),
        Some(v) => Axes::from(v),
    };
    Ok(ax.with_keepdims(keepdims))
}

/// A `dtype=` argument (`None` for the default).
pub fn opt_dtype(dtype: Option<&Bound<'_, PyAny>>) -> PyResult<Option<DType>> {
    match dtype {
        Some(d) if !d.is_none() => Ok(Some(to_dtype(d)?)),
        _ => Ok(None),
    }
}

/// The result, written into `out` when given (a numox array of the result's shape).
pub fn finish(py: Python<'_>, r: Array, out: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
    match out {
        Some(o) if !o.is_none() => {
            let arr = o
                .cast::<PyArr>()
                .map_err(|_| type_error("out must be a numox array"))?;
            let dst = &arr.get().a;
            if dst.shape() != r.shape() {
                return Err(value_error(format!(
                    "output parameter has the wrong shape: expected {:?}, got {:?}",
                    r.shape(),
                    dst.shape()
                )));
            }
            write_all(dst, &r)?;
            Ok(o.clone().unbind())
        }
        _ => Ok(crate::array::wrap(py, r)?.into_any()),
    }
}

/// A sum or product in `dtype`: the input cast to it, reduced, the result cast to it.
pub fn reduce_dtype(
    py: Python<'_>,
    a: &Array,
    ax: Axes,
    dtype: Option<DType>,
    f: fn(&Array, Axes) -> NxResult<Array>,
) -> PyResult<Array> {
    detach(py, a.size(), || match dtype {
        None => f(a, ax),
        Some(d) => {
            let r = if d == a.dtype() {
                f(a, ax)?
            } else {
                f(&a.astype_with(d, numox::Casting::Unsafe)?, ax)?
            };
            if r.dtype() == d {
                Ok(r)
            } else {
                r.astype_with(d, numox::Casting::Unsafe)
            }
        }
    })
}

pub fn sum_f(a: &Array, ax: Axes) -> NxResult<Array> {
    numox::sum(a, ax)
}
pub fn prod_f(a: &Array, ax: Axes) -> NxResult<Array> {
    numox::prod(a, ax)
}
fn nansum_f(a: &Array, ax: Axes) -> NxResult<Array> {
    numox::nansum(a, ax)
}
fn nanprod_f(a: &Array, ax: Axes) -> NxResult<Array> {
    numox::nanprod(a, ax)
}
pub fn mean_f(a: &Array, ax: Axes) -> NxResult<Array> {
    numox::mean(a, ax)
}
fn nanmean_f(a: &Array, ax: Axes) -> NxResult<Array> {
    numox::nanmean(a, ax)
}

/// The number of elements each output element of a reduction over `ax` combines.
fn lane_count(a: &Array, ax: &Axes) -> NxResult<usize> {
    let list = ax.resolve(a.ndim())?;
    Ok(list.iter().map(|&i| a.shape()[i]).product())
}

/// Variance or standard deviation with a `correction` (NumPy's `ddof`), possibly fractional.
pub fn moments(
    py: Python<'_>,
    a: &Array,
    ax: Axes,
    correction: f64,
    std: bool,
    nan: bool,
    dtype: Option<DType>,
) -> PyResult<Array> {
    let cast;
    let a = match dtype {
        Some(d) if d != a.dtype() => {
            cast = a.astype_with(d, numox::Casting::Unsafe).py()?;
            &cast
        }
        _ => a,
    };
    if correction >= 0.0 && correction.fract() == 0.0 {
        let c = correction as usize;
        return detach(py, a.size(), || match (std, nan) {
            (false, false) => numox::var(a, ax, c),
            (true, false) => numox::std(a, ax, c),
            (false, true) => numox::nanvar(a, ax, c),
            (true, true) => numox::nanstd(a, ax, c),
        });
    }
    detach(py, a.size(), || {
        let v = if nan {
            numox::nanvar(a, ax.clone(), 0)?
        } else {
            numox::var(a, ax.clone(), 0)?
        };
        let scaled = if nan {
            let counts = numox::count_nonzero_axis(&numox::logical_not(&numox::isnan(a)?)?, ax)?
                .astype(DType::Float64)?;
            let f = numox::divide(&counts, &numox::subtract(&counts, correction)?)?;
            numox::multiply(&v, &f.astype(v.dtype())?)?
        } else {
            let n = lane_count(a, &ax)? as f64;
            numox::multiply(&v, n / (n - correction))?
        };
        if std {
            numox::sqrt(&scaled)
        } else {
            Ok(scaled)
        }
    })
}

/// `sum(x, /, *, axis=None, dtype=None, keepdims=False)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=None, dtype=None, keepdims=false))]
pub fn sum(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    keepdims: bool,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    let r = reduce_dtype(py, &a, axes(axis, keepdims)?, opt_dtype(dtype)?, sum_f)?;
    Ok(Out(r))
}

/// `prod(x, /, *, axis=None, dtype=None, keepdims=False)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=None, dtype=None, keepdims=false))]
pub fn prod(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    keepdims: bool,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    let r = reduce_dtype(py, &a, axes(axis, keepdims)?, opt_dtype(dtype)?, prod_f)?;
    Ok(Out(r))
}

macro_rules! plain_reductions {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(x, /, *, axis=None, keepdims=False)`.")]
            #[pyfunction]
            #[pyo3(signature = (x, /, *, axis=None, keepdims=false))]
            pub fn $name(
                py: Python<'_>,
                x: &Bound<'_, PyAny>,
                axis: Option<&Bound<'_, PyAny>>,
                keepdims: bool,
            ) -> PyResult<Out> {
                let a = arg_array(x)?;
                let ax = axes(axis, keepdims)?;
                Ok(Out(detach(py, a.size(), || $f(&a, ax))?))
            }
        )*
    };
}

plain_reductions! {
    max => numox::max;
    min => numox::min;
    mean => numox::mean;
    all => numox::all;
    any => numox::any;
    count_nonzero => numox::count_nonzero_axis;
}

/// `var(x, /, *, axis=None, correction=0.0, keepdims=False)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=None, correction=0.0, keepdims=false))]
pub fn var(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    correction: f64,
    keepdims: bool,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    let ax = axes(axis, keepdims)?;
    Ok(Out(moments(py, &a, ax, correction, false, false, None)?))
}

/// `std(x, /, *, axis=None, correction=0.0, keepdims=False)`.
#[pyfunction]
#[pyo3(name = "std", signature = (x, /, *, axis=None, correction=0.0, keepdims=false))]
pub fn std_(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    correction: f64,
    keepdims: bool,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    let ax = axes(axis, keepdims)?;
    Ok(Out(moments(py, &a, ax, correction, true, false, None)?))
}

/// A cumulative sum or product along one axis, NumPy's `cumsum`/`cumprod`.
pub fn cumulative(
    py: Python<'_>,
    a: &Array,
    axis: Option<isize>,
    dtype: Option<DType>,
    prod: bool,
    nan: bool,
) -> PyResult<Array> {
    detach(py, a.size(), || {
        // NumPy casts the input to `dtype` unsafely (complex to real takes the real part).
        let cast;
        let a = match dtype {
            Some(d) if d != a.dtype() => {
                cast = a.astype_with(d, numox::Casting::Unsafe)?;
                &cast
            }
            _ => a,
        };
        match (prod, nan, dtype) {
            (false, false, None) => numox::cumsum(a, axis),
            (false, false, Some(d)) => numox::cumsum_dtype(a, axis, d),
            (true, false, None) => numox::cumprod(a, axis),
            (true, false, Some(d)) => numox::cumprod_dtype(a, axis, d),
            (false, true, _) => numox::nancumsum(a, axis),
            (true, true, _) => numox::nancumprod(a, axis),
        }
    })
}

/// The Array API's `cumulative_sum`/`cumulative_prod`.
fn cumulative_api(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
    include_initial: bool,
    prod: bool,
) -> PyResult<Out> {
    let mut a = arg_array(x)?;
    if a.ndim() == 0 {
        a = a.reshape(&[1]).py()?;
    }
    let axis = match axis {
        Some(ax) => ax,
        None if a.ndim() > 1 => {
            return Err(value_error(
                "For arrays which have more than one dimension ``axis`` argument is required.",
            ))
        }
        None => 0,
    };
    let r = cumulative(py, &a, Some(axis), opt_dtype(dtype)?, prod, false)?;
    if !include_initial {
        return Ok(Out(r));
    }
    let nd = r.ndim() as isize;
    let ax = if axis < 0 { axis + nd } else { axis };
    let mut shape = r.shape().to_vec();
    if let Some(s) = shape.get_mut(ax as usize) {
        *s = 1;
    }
    let init = if prod {
        numox::ones_with(&shape[..], r.dtype())
    } else {
        Array::zeros(&shape, r.dtype())
    }
    .py()?;
    Ok(Out(numox::concatenate(&[&init, &r], Some(ax)).py()?))
}

/// `cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=None, dtype=None, include_initial=false))]
pub fn cumulative_sum(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
    include_initial: bool,
) -> PyResult<Out> {
    cumulative_api(py, x, axis, dtype, include_initial, false)
}

/// `cumulative_prod(x, /, *, axis=None, dtype=None, include_initial=False)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, axis=None, dtype=None, include_initial=false))]
pub fn cumulative_prod(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
    include_initial: bool,
) -> PyResult<Out> {
    cumulative_api(py, x, axis, dtype, include_initial, true)
}

/// `diff(x, /, *, axis=-1, n=1, prepend=None, append=None)`.
#[pyfunction]
#[pyo3(
    signature = (x, /, *, axis=-1, n=1, prepend=None, append=None),
    text_signature = "(x, /, *, axis=-1, n=1, prepend=None, append=None)"
)]
pub fn diff(
    x: &Bound<'_, PyAny>,
    axis: isize,
    n: isize,
    prepend: Option<&Bound<'_, PyAny>>,
    append: Option<&Bound<'_, PyAny>>,
) -> PyResult<Out> {
    let a = arg_array(x)?;
    let p = prepend
        .filter(|v| !v.is_none())
        .map(arg_array)
        .transpose()?;
    let q = append.filter(|v| !v.is_none()).map(arg_array).transpose()?;
    Ok(Out(
        numox::diff_with(&a, n, axis, p.as_ref(), q.as_ref()).py()?
    ))
}

// ---- NumPy's extras ----

/// `cumsum(a, axis=None, dtype=None, out=None)`.
#[pyfunction]
#[pyo3(signature = (a, axis=None, dtype=None, out=None))]
pub fn cumsum(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
    out: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let x = arg_array(a)?;
    let r = cumulative(py, &x, axis, opt_dtype(dtype)?, false, false)?;
    finish(py, r, out)
}

/// `cumprod(a, axis=None, dtype=None, out=None)`.
#[pyfunction]
#[pyo3(signature = (a, axis=None, dtype=None, out=None))]
pub fn cumprod(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
    out: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let x = arg_array(a)?;
    let r = cumulative(py, &x, axis, opt_dtype(dtype)?, true, false)?;
    finish(py, r, out)
}

/// `nancumsum(a, axis=None, dtype=None, out=None)`.
#[pyfunction]
#[pyo3(signature = (a, axis=None, dtype=None, out=None))]
pub fn nancumsum(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
    out: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let x = arg_array(a)?;
    let r = cumulative(py, &x, axis, opt_dtype(dtype)?, false, true)?;
    finish(py, r, out)
}

/// `nancumprod(a, axis=None, dtype=None, out=None)`.
#[pyfunction]
#[pyo3(signature = (a, axis=None, dtype=None, out=None))]
pub fn nancumprod(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    axis: Option<isize>,
    dtype: Option<&Bound<'_, PyAny>>,
    out: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let x = arg_array(a)?;
    let r = cumulative(py, &x, axis, opt_dtype(dtype)?, true, true)?;
    finish(py, r, out)
}

macro_rules! nan_sums {
    ($($name:ident => $f:ident;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(a, axis=None, dtype=None, out=None, keepdims=False)`.")]
            #[pyfunction]
            #[pyo3(signature = (a, axis=None, dtype=None, out=None, keepdims=false))]
            pub fn $name(
                py: Python<'_>,
                a: &Bound<'_, PyAny>,
                axis: Option<&Bound<'_, PyAny>>,
                dtype: Option<&Bound<'_, PyAny>>,
                out: Option<&Bound<'_, PyAny>>,
                keepdims: bool,
            ) -> PyResult<Py<PyAny>> {
                let x = arg_array(a)?;
                let r = reduce_dtype(py, &x, axes(axis, keepdims)?, opt_dtype(dtype)?, $f)?;
                finish(py, r, out)
            }
        )*
    };
}

nan_sums! {
    nansum => nansum_f;
    nanprod => nanprod_f;
    nanmean => nanmean_f;
}

macro_rules! nan_moments {
    ($($name:ident => $std:expr;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False)`.")]
            #[pyfunction]
            #[pyo3(signature = (a, axis=None, dtype=None, out=None, ddof=0.0, keepdims=false))]
            #[allow(clippy::too_many_arguments)]
            pub fn $name(
                py: Python<'_>,
                a: &Bound<'_, PyAny>,
                axis: Option<&Bound<'_, PyAny>>,
                dtype: Option<&Bound<'_, PyAny>>,
                out: Option<&Bound<'_, PyAny>>,
                ddof: f64,
                keepdims: bool,
            ) -> PyResult<Py<PyAny>> {
                let x = arg_array(a)?;
                let ax = axes(axis, keepdims)?;
                let r = moments(py, &x, ax, ddof, $std, true, opt_dtype(dtype)?)?;
                finish(py, r, out)
            }
        )*
    };
}

nan_moments! {
    nanvar => false;
    nanstd => true;
}

macro_rules! nan_extrema {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(a, axis=None, out=None, keepdims=False)`.")]
            #[pyfunction]
            #[pyo3(signature = (a, axis=None, out=None, keepdims=false))]
            pub fn $name(
                py: Python<'_>,
                a: &Bound<'_, PyAny>,
                axis: Option<&Bound<'_, PyAny>>,
                out: Option<&Bound<'_, PyAny>>,
                keepdims: bool,
            ) -> PyResult<Py<PyAny>> {
                let x = arg_array(a)?;
                let ax = axes(axis, keepdims)?;
                let r = detach(py, x.size(), || $f(&x, ax))?;
                finish(py, r, out)
            }
        )*
    };
}

nan_extrema! {
    nanmin => numox::nanmin;
    nanmax => numox::nanmax;
}

macro_rules! medians {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(a, axis=None, out=None, overwrite_input=False, keepdims=False)`.")]
            #[pyfunction]
            #[pyo3(signature = (a, axis=None, out=None, overwrite_input=false, keepdims=false))]
            pub fn $name(
                py: Python<'_>,
                a: &Bound<'_, PyAny>,
                axis: Option<&Bound<'_, PyAny>>,
                out: Option<&Bound<'_, PyAny>>,
                overwrite_input: bool,
                keepdims: bool,
            ) -> PyResult<Py<PyAny>> {
                let _ = overwrite_input;
                let x = arg_array(a)?;
                let ax = axes(axis, keepdims)?;
                let r = detach(py, x.size(), || $f(&x, ax))?;
                finish(py, r, out)
            }
        )*
    };
}

medians! {
    median => numox::median;
    nanmedian => numox::nanmedian;
}

fn parse_method(m: &str) -> PyResult<QuantileMethod> {
    Ok(match m {
        "linear" => QuantileMethod::Linear,
        "lower" => QuantileMethod::Lower,
        "higher" => QuantileMethod::Higher,
        "nearest" => QuantileMethod::Nearest,
        "midpoint" => QuantileMethod::Midpoint,
        _ => {
            return Err(value_error(format!(
                "'{m}' is not a valid method. Use one of: ('linear', 'lower', 'higher', 'nearest', 'midpoint')"
            )))
        }
    })
}

type QuantFn = for<'q> fn(&Array, Quantiles<'q>, Axes, QuantileMethod) -> NxResult<Array>;

fn quantile_f(a: &Array, q: Quantiles<'_>, ax: Axes, m: QuantileMethod) -> NxResult<Array> {
    numox::quantile_with(a, q, ax, m)
}
fn percentile_f(a: &Array, q: Quantiles<'_>, ax: Axes, m: QuantileMethod) -> NxResult<Array> {
    numox::percentile_with(a, q, ax, m)
}
fn nanquantile_f(a: &Array, q: Quantiles<'_>, ax: Axes, m: QuantileMethod) -> NxResult<Array> {
    numox::nanquantile_with(a, q, ax, m)
}
fn nanpercentile_f(a: &Array, q: Quantiles<'_>, ax: Axes, m: QuantileMethod) -> NxResult<Array> {
    numox::nanpercentile_with(a, q, ax, m)
}

#[allow(clippy::too_many_arguments)]
fn quantile_call(
    py: Python<'_>,
    f: QuantFn,
    a: &Bound<'_, PyAny>,
    q: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    out: Option<&Bound<'_, PyAny>>,
    method: &str,
    keepdims: bool,
    weights: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    if weights.is_some_and(|w| !w.is_none()) {
        return Err(type_error("weights are not supported"));
    }
    let x = arg_array(a)?;
    let ax = axes(axis, keepdims)?;
    let m = parse_method(method)?;
    let r = match py_scalar(q)? {
        Some(s) if !s.dtype().is_complex() => {
            let v = Array::from_scalar(s)
                .astype(DType::Float64)
                .and_then(|v| v.item_as::<f64>())
                .py()?;
            detach(py, x.size(), || f(&x, Quantiles::Scalar(v), ax, m))?
        }
        _ => {
            let qa = arg_array(q)?;
            let qa = if qa.dtype().is_float() {
                qa
            } else {
                qa.astype(DType::Float64).py()?
            };
            detach(py, x.size(), || f(&x, Quantiles::Array(&qa), ax, m))?
        }
    };
    finish(py, r, out)
}

macro_rules! quantiles {
    ($($name:ident => $f:ident;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)`.")]
            #[pyfunction]
            #[pyo3(signature = (a, q, axis=None, out=None, overwrite_input=false, method="linear", keepdims=false, *, weights=None))]
            #[allow(clippy::too_many_arguments)]
            pub fn $name(
                py: Python<'_>,
                a: &Bound<'_, PyAny>,
                q: &Bound<'_, PyAny>,
                axis: Option<&Bound<'_, PyAny>>,
                out: Option<&Bound<'_, PyAny>>,
                overwrite_input: bool,
                method: &str,
                keepdims: bool,
                weights: Option<&Bound<'_, PyAny>>,
            ) -> PyResult<Py<PyAny>> {
                let _ = overwrite_input;
                quantile_call(py, $f, a, q, axis, out, method, keepdims, weights)
            }
        )*
    };
}

quantiles! {
    quantile => quantile_f;
    percentile => percentile_f;
    nanquantile => nanquantile_f;
    nanpercentile => nanpercentile_f;
}

/// Adds the statistical functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sum, m)?)?;
    m.add_function(wrap_pyfunction!(prod, m)?)?;
    m.add_function(wrap_pyfunction!(max, m)?)?;
    m.add_function(wrap_pyfunction!(min, m)?)?;
    m.add_function(wrap_pyfunction!(mean, m)?)?;
    m.add_function(wrap_pyfunction!(all, m)?)?;
    m.add_function(wrap_pyfunction!(any, m)?)?;
    m.add_function(wrap_pyfunction!(count_nonzero, m)?)?;
    m.add_function(wrap_pyfunction!(var, m)?)?;
    m.add_function(wrap_pyfunction!(std_, m)?)?;
    m.add_function(wrap_pyfunction!(cumulative_sum, m)?)?;
    m.add_function(wrap_pyfunction!(cumulative_prod, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(cumsum, m)?)?;
    m.add_function(wrap_pyfunction!(cumprod, m)?)?;
    m.add_function(wrap_pyfunction!(nancumsum, m)?)?;
    m.add_function(wrap_pyfunction!(nancumprod, m)?)?;
    m.add_function(wrap_pyfunction!(nansum, m)?)?;
    m.add_function(wrap_pyfunction!(nanprod, m)?)?;
    m.add_function(wrap_pyfunction!(nanmean, m)?)?;
    m.add_function(wrap_pyfunction!(nanvar, m)?)?;
    m.add_function(wrap_pyfunction!(nanstd, m)?)?;
    m.add_function(wrap_pyfunction!(nanmin, m)?)?;
    m.add_function(wrap_pyfunction!(nanmax, m)?)?;
    m.add_function(wrap_pyfunction!(median, m)?)?;
    m.add_function(wrap_pyfunction!(nanmedian, m)?)?;
    m.add_function(wrap_pyfunction!(quantile, m)?)?;
    m.add_function(wrap_pyfunction!(percentile, m)?)?;
    m.add_function(wrap_pyfunction!(nanquantile, m)?)?;
    m.add_function(wrap_pyfunction!(nanpercentile, m)?)?;
    Ok(())
}
