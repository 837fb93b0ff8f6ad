//! NumPy's reduction methods of `numox.ndarray`: `sum`, `mean`, `min`, `max`, `prod`, `std`,
//! `var`, `argmax`, `argmin`, `all`, `any`, `cumsum`, `cumprod`, with NumPy's parameters.

use crate::array::PyArr;
use crate::statistics::{
    axes, cumulative, detach, finish, mean_f, moments, opt_dtype, prod_f, reduce_dtype, sum_f,
};
use numox::Axes;
use pyo3::prelude::*;

#[pymethods]
impl PyArr {
    /// `a.sum(axis=None, dtype=None, out=None, keepdims=False)`.
    #[pyo3(signature = (axis=None, dtype=None, out=None, keepdims=false))]
    fn sum(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let r = reduce_dtype(py, &self.a, axes(axis, keepdims)?, opt_dtype(dtype)?, sum_f)?;
        finish(py, r, out)
    }

    /// `a.prod(axis=None, dtype=None, out=None, keepdims=False)`.
    #[pyo3(signature = (axis=None, dtype=None, out=None, keepdims=false))]
    fn prod(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let r = reduce_dtype(
            py,
            &self.a,
            axes(axis, keepdims)?,
            opt_dtype(dtype)?,
            prod_f,
        )?;
        finish(py, r, out)
    }

    /// `a.mean(axis=None, dtype=None, out=None, keepdims=False)`.
    #[pyo3(signature = (axis=None, dtype=None, out=None, keepdims=false))]
    fn mean(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let r = reduce_dtype(
            py,
            &self.a,
            axes(axis, keepdims)?,
            opt_dtype(dtype)?,
            mean_f,
        )?;
        finish(py, r, out)
    }

    /// `a.min(axis=None, out=None, keepdims=False)`.
    #[pyo3(signature = (axis=None, out=None, keepdims=false))]
    fn min(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = axes(axis, keepdims)?;
        let r = detach(py, self.a.size(), || numox::min(&self.a, ax))?;
        finish(py, r, out)
    }

    /// `a.max(axis=None, out=None, keepdims=False)`.
    #[pyo3(signature = (axis=None, out=None, keepdims=false))]
    fn max(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = axes(axis, keepdims)?;
        let r = detach(py, self.a.size(), || numox::max(&self.a, ax))?;
        finish(py, r, out)
    }

    /// `a.all(axis=None, out=None, keepdims=False)`.
    #[pyo3(signature = (axis=None, out=None, keepdims=false))]
    fn all(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = axes(axis, keepdims)?;
        let r = detach(py, self.a.size(), || numox::all(&self.a, ax))?;
        finish(py, r, out)
    }

    /// `a.any(axis=None, out=None, keepdims=False)`.
    #[pyo3(signature = (axis=None, out=None, keepdims=false))]
    fn any(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = axes(axis, keepdims)?;
        let r = detach(py, self.a.size(), || numox::any(&self.a, ax))?;
        finish(py, r, out)
    }

    /// `a.var(axis=None, dtype=None, out=None, ddof=0, keepdims=False)`.
    #[pyo3(signature = (axis=None, dtype=None, out=None, ddof=0.0, keepdims=false))]
    fn var(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        ddof: f64,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = axes(axis, keepdims)?;
        let r = moments(py, &self.a, ax, ddof, false, false, opt_dtype(dtype)?)?;
        finish(py, r, out)
    }

    /// `a.std(axis=None, dtype=None, out=None, ddof=0, keepdims=False)`.
    #[pyo3(signature = (axis=None, dtype=None, out=None, ddof=0.0, keepdims=false))]
    fn std(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
        ddof: f64,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = axes(axis, keepdims)?;
        let r = moments(py, &self.a, ax, ddof, true, false, opt_dtype(dtype)?)?;
        finish(py, r, out)
    }

    /// `a.argmax(axis=None, out=None, *, keepdims=False)`.
    #[pyo3(signature = (axis=None, out=None, *, keepdims=false))]
    fn argmax(
        &self,
        py: Python<'_>,
        axis: Option<isize>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = Axes::from(axis).with_keepdims(keepdims);
        let r = detach(py, self.a.size(), || numox::argmax(&self.a, ax))?;
        finish(py, r, out)
    }

    /// `a.argmin(axis=None, out=None, *, keepdims=False)`.
    #[pyo3(signature = (axis=None, out=None, *, keepdims=false))]
    fn argmin(
        &self,
        py: Python<'_>,
        axis: Option<isize>,
        out: Option<&Bound<'_, PyAny>>,
        keepdims: bool,
    ) -> PyResult<Py<PyAny>> {
        let ax = Axes::from(axis).with_keepdims(keepdims);
        let r = detach(py, self.a.size(), || numox::argmin(&self.a, ax))?;
        finish(py, r, out)
    }

    /// `a.cumsum(axis=None, dtype=None, out=None)`.
    #[pyo3(signature = (axis=None, dtype=None, out=None))]
    fn cumsum(
        &self,
        py: Python<'_>,
        axis: Option<isize>,
        dtype: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let r = cumulative(py, &self.a, axis, opt_dtype(dtype)?, false, false)?;
        finish(py, r, out)
    }

    /// `a.cumprod(axis=None, dtype=None, out=None)`.
    #[pyo3(signature = (axis=None, dtype=None, out=None))]
    fn cumprod(
        &self,
        py: Python<'_>,
        axis: Option<isize>,
        dtype: Option<&Bound<'_, PyAny>>,
        out: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let r = cumulative(py, &self.a, axis, opt_dtype(dtype)?, true, false)?;
        finish(py, r, out)
    }
}
