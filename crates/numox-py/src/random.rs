//! Random numbers (`numox.random`, over the `_random` submodule): NumPy's `Generator`
//! (`default_rng`, PCG64) and the legacy `RandomState` (MT19937), whose streams equal NumPy's
//! bit for bit for the same seed. `python/numox/random.py` adds the legacy module functions over
//! a global `RandomState`, as NumPy's `mtrand` does.

use crate::args::{arr, shape_arg};
use crate::array::{scalar_to_py, write_all, Out};
use crate::dtypes::to_dtype;
use crate::errors::{value_error, IntoPyResult};
use numox::random::{self as rnd, ChoiceOpts, IntegersOpts, Pcg64, Seed};
use numox::{Array, DType};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyTuple};
use std::sync::{Mutex, MutexGuard};

fn lock<T>(m: &Mutex<T>) -> PyResult<MutexGuard<'_, T>> {
    m.lock()
        .map_err(|_| PyRuntimeError::new_err("random state lock poisoned"))
}

/// `size`: `None` (one value, returned as a Python scalar) or a shape.
fn size_arg(size: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<usize>>> {
    match size {
        Some(s) if !s.is_none() => Ok(Some(shape_arg(s)?)),
        _ => Ok(None),
    }
}

/// The result: a Python scalar when no size was given, else an array.
fn out(py: Python<'_>, a: Array, scalar: bool) -> PyResult<Py<PyAny>> {
    if scalar && a.ndim() == 0 {
        return Ok(scalar_to_py(py, a.item().py()?)?.unbind());
    }
    Ok(crate::array::wrap(py, a)?.into_any())
}

/// An integer bound, as NumPy reads `low`/`high`.
fn int_bound(obj: &Bound<'_, PyAny>) -> PyResult<i128> {
    if let Ok(v) = obj.extract::<i128>() {
        return Ok(v);
    }
    let a = arr(obj)?;
    if a.ndim() != 0 {
        return Err(value_error("array bounds are not supported; pass scalars"));
    }
    a.astype(DType::Int64)
        .py()?
        .item_as::<i64>()
        .py()
        .map(i128::from)
}

fn probs(p: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<f64>>> {
    match p {
        Some(p) if !p.is_none() => {
            let a = arr(p)?.astype(DType::Float64).py()?;
            if a.ndim() != 1 {
                return Err(value_error("p must be 1-dimensional"));
            }
            Ok(Some(a.to_vec::<f64>().py()?))
        }
        _ => Ok(None),
    }
}

fn seed_of(seed: Option<&Bound<'_, PyAny>>) -> PyResult<Seed> {
    let Some(s) = seed.filter(|s| !s.is_none()) else {
        return Ok(Seed::None);
    };
    if s.is_instance_of::<PyInt>() {
        if let Ok(v) = s.extract::<i128>() {
            return Ok(Seed::Int(v));
        }
        return Err(value_error("seed is too large"));
    }
    if let Ok(v) = s.extract::<i128>() {
        return Ok(Seed::Int(v));
    }
    let a = arr(s)?.astype(DType::Int64).py()?;
    let v: Vec<i128> = a
        .to_vec::<i64>()
        .py()?
        .into_iter()
        .map(i128::from)
        .collect();
    if a.ndim() == 0 {
        return Ok(Seed::Int(v.first().copied().unwrap_or(0)));
    }
    Ok(Seed::Array(v))
}

/// NumPy's `Generator` over a PCG64 bit generator (`default_rng(seed)`).
#[pyclass(name = "Generator", module = "numox.random", frozen)]
pub struct PyGenerator {
    g: Mutex<rnd::Generator<Pcg64>>,
}

/// `default_rng(seed=None)`: a `Generator` seeded as NumPy's is (an existing `Generator` is
/// returned as is).
#[pyfunction]
#[pyo3(signature = (seed=None))]
fn default_rng(py: Python<'_>, seed: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyGenerator>> {
    if let Some(g) = seed.and_then(|s| s.cast::<PyGenerator>().ok()) {
        return Ok(g.clone().unbind());
    }
    let g = rnd::default_rng(seed_of(seed)?).py()?;
    Py::new(py, PyGenerator { g: Mutex::new(g) })
}

fn gen_dtype(dtype: Option<&Bound<'_, PyAny>>, default: DType) -> PyResult<DType> {
    match dtype {
        Some(d) if !d.is_none() => to_dtype(d),
        _ => Ok(default),
    }
}

impl PyGenerator {
    /// Samples of `size` (a 0-d draw comes back as a Python scalar, as NumPy's).
    fn draw(
        &self,
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
        f: impl FnOnce(&mut rnd::Generator<Pcg64>, &[usize]) -> numox::Result<Array>,
    ) -> PyResult<Py<PyAny>> {
        let s = size_arg(size)?;
        let a = f(&mut *lock(&self.g)?, s.as_deref().unwrap_or(&[])).py()?;
        out(py, a, s.is_none())
    }
}

#[pymethods]
impl PyGenerator {
    #[new]
    #[pyo3(signature = (seed=None))]
    fn new(seed: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Ok(PyGenerator {
            g: Mutex::new(rnd::default_rng(seed_of(seed)?).py()?),
        })
    }

    fn __repr__(&self) -> &'static str {
        "Generator(PCG64)"
    }

    /// Floats uniform on [0, 1).
    #[pyo3(signature = (size=None, dtype=None))]
    fn random(
        &self,
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let d = gen_dtype(dtype, DType::Float64)?;
        self.draw(py, size, |g, s| g.random_with(s, d))
    }

    /// Standard normal samples (ziggurat).
    #[pyo3(signature = (size=None, dtype=None))]
    fn standard_normal(
        &self,
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let d = gen_dtype(dtype, DType::Float64)?;
        self.draw(py, size, |g, s| g.standard_normal_with(s, d))
    }

    /// Normal samples with mean `loc` and standard deviation `scale`.
    #[pyo3(signature = (loc=0.0, scale=1.0, size=None))]
    fn normal(
        &self,
        py: Python<'_>,
        loc: f64,
        scale: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |g, s| g.normal(loc, scale, s))
    }

    /// Uniform samples on [low, high).
    #[pyo3(signature = (low=0.0, high=1.0, size=None))]
    fn uniform(
        &self,
        py: Python<'_>,
        low: f64,
        high: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |g, s| g.uniform(low, high, s))
    }

    /// Exponential samples with mean `scale`.
    #[pyo3(signature = (scale=1.0, size=None))]
    fn exponential(
        &self,
        py: Python<'_>,
        scale: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |g, s| g.exponential(scale, s))
    }

    /// Standard exponential samples.
    #[pyo3(signature = (size=None, dtype=None))]
    fn standard_exponential(
        &self,
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let d = gen_dtype(dtype, DType::Float64)?;
        self.draw(py, size, |g, s| g.standard_exponential_with(s, d))
    }

    /// Integers from [low, high) (or [low, high] with `endpoint=True`; `high=None`: [0, low)).
    #[pyo3(signature = (low, high=None, size=None, dtype=None, endpoint=false))]
    fn integers(
        &self,
        py: Python<'_>,
        low: &Bound<'_, PyAny>,
        high: Option<&Bound<'_, PyAny>>,
        size: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        endpoint: bool,
    ) -> PyResult<Py<PyAny>> {
        let high = match high {
            Some(h) if !h.is_none() => Some(int_bound(h)?),
            _ => None,
        };
        let opts = IntegersOpts {
            dtype: gen_dtype(dtype, DType::Int64)?,
            endpoint,
        };
        let low = int_bound(low)?;
        self.draw(py, size, |g, s| g.integers_with(low, high, s, opts))
    }

    /// Binomial samples.
    #[pyo3(signature = (n, p, size=None))]
    fn binomial(
        &self,
        py: Python<'_>,
        n: i64,
        p: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |g, s| g.binomial(n, p, s))
    }

    /// Poisson samples.
    #[pyo3(signature = (lam=1.0, size=None))]
    fn poisson(
        &self,
        py: Python<'_>,
        lam: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |g, s| g.poisson(lam, s))
    }

    /// A random sample from `a` (an int `n` means `arange(n)`).
    #[pyo3(signature = (a, size=None, replace=true, p=None, axis=0, shuffle=true))]
    #[allow(clippy::too_many_arguments)]
    fn choice(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        size: Option<&Bound<'_, PyAny>>,
        replace: bool,
        p: Option<&Bound<'_, PyAny>>,
        axis: isize,
        shuffle: bool,
    ) -> PyResult<Py<PyAny>> {
        let s = size_arg(size)?;
        let p = probs(p)?;
        let opts = ChoiceOpts {
            replace,
            p: p.as_deref(),
            axis,
            shuffle,
        };
        let r = if a.is_instance_of::<PyInt>() {
            lock(&self.g)?.choice_int(a.extract()?, s.as_deref(), opts)
        } else {
            lock(&self.g)?.choice(&arr(a)?, s.as_deref(), opts)
        }
        .py()?;
        out(py, r, s.is_none())
    }

    /// A permuted copy of `x` along `axis` (an int `n` means `arange(n)`).
    #[pyo3(signature = (x, axis=0))]
    fn permutation(&self, x: &Bound<'_, PyAny>, axis: isize) -> PyResult<Out> {
        let r = if x.is_instance_of::<PyInt>() {
            lock(&self.g)?.permutation(x.extract()?)
        } else {
            lock(&self.g)?.permutation_array(&arr(x)?, axis)
        };
        Ok(Out(r.py()?))
    }

    /// Shuffles `x` in place along `axis`.
    #[pyo3(signature = (x, axis=0))]
    fn shuffle(&self, x: &Bound<'_, PyAny>, axis: isize) -> PyResult<()> {
        let a = arr(x)?;
        if a.ndim() == 0 {
            return Err(value_error(
                "shuffle: x must be an array of at least 1 dimension",
            ));
        }
        let p = lock(&self.g)?.permutation_array(&a, axis).py()?;
        write_all(&a, &p)
    }

    /// A copy of `x` with each slice along `axis` shuffled independently.
    #[pyo3(signature = (x, axis=None))]
    fn permuted(&self, x: &Bound<'_, PyAny>, axis: Option<isize>) -> PyResult<Out> {
        Ok(Out(lock(&self.g)?.permuted(&arr(x)?, axis).py()?))
    }

    /// `n_children` independent generators.
    fn spawn(&self, py: Python<'_>, n_children: usize) -> PyResult<Vec<Py<PyGenerator>>> {
        let kids = lock(&self.g)?.spawn(n_children).py()?;
        kids.into_iter()
            .map(|g| Py::new(py, PyGenerator { g: Mutex::new(g) }))
            .collect()
    }
}

/// NumPy's legacy `RandomState` over MT19937.
#[pyclass(name = "RandomState", module = "numox.random", frozen)]
pub struct PyRandomState {
    r: Mutex<rnd::RandomState>,
}

fn legacy_seeded(seed: Option<&Bound<'_, PyAny>>) -> PyResult<rnd::RandomState> {
    match seed.filter(|s| !s.is_none()) {
        None => {
            let py_rand = seed.map(|s| s.py());
            let words: Vec<i64> = match py_rand {
                Some(py) => entropy(py)?,
                None => Python::attach(entropy)?,
            };
            rnd::RandomState::from_array(&words).py()
        }
        Some(s) => {
            if let Ok(v) = s.extract::<i64>() {
                return rnd::RandomState::new(v).py();
            }
            let v = arr(s)?.astype(DType::Int64).py()?.to_vec::<i64>().py()?;
            rnd::RandomState::from_array(&v).py()
        }
    }
}

/// Four 32-bit words of OS entropy.
fn entropy(py: Python<'_>) -> PyResult<Vec<i64>> {
    let secrets = py.import("secrets")?;
    (0..4)
        .map(|_| secrets.call_method1("randbits", (32,))?.extract::<i64>())
        .collect()
}

/// Positional dimensions (`rand(2, 3)`) as a size.
fn dims_of(args: &Bound<'_, PyTuple>) -> PyResult<Option<Vec<usize>>> {
    if args.is_empty() {
        return Ok(None);
    }
    Ok(Some(shape_arg(args.as_any())?))
}

impl PyRandomState {
    /// Samples of `size` (a 0-d draw comes back as a Python scalar, as NumPy's).
    fn draw(
        &self,
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
        f: impl FnOnce(&mut rnd::RandomState, &[usize]) -> numox::Result<Array>,
    ) -> PyResult<Py<PyAny>> {
        let s = size_arg(size)?;
        let a = f(&mut *lock(&self.r)?, s.as_deref().unwrap_or(&[])).py()?;
        out(py, a, s.is_none())
    }
}

#[pymethods]
impl PyRandomState {
    #[new]
    #[pyo3(signature = (seed=None))]
    fn new(seed: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Ok(PyRandomState {
            r: Mutex::new(legacy_seeded(seed)?),
        })
    }

    fn __repr__(&self) -> &'static str {
        "RandomState(MT19937)"
    }

    /// Reseeds (`None`: from OS entropy).
    #[pyo3(signature = (seed=None))]
    fn seed(&self, seed: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        *lock(&self.r)? = legacy_seeded(seed)?;
        Ok(())
    }

    /// Floats uniform on [0, 1).
    #[pyo3(signature = (size=None))]
    fn random_sample(
        &self,
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |r, s| r.random_sample(s.to_vec()))
    }

    /// Floats uniform on [0, 1).
    #[pyo3(signature = (size=None))]
    fn random(&self, py: Python<'_>, size: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        self.random_sample(py, size)
    }

    /// `rand(d0, d1, ...)`: floats uniform on [0, 1).
    #[pyo3(signature = (*args))]
    fn rand(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        let s = dims_of(args)?;
        let a = lock(&self.r)?.rand(s.clone().unwrap_or_default()).py()?;
        out(py, a, s.is_none())
    }

    /// `randn(d0, d1, ...)`: standard normal samples.
    #[pyo3(signature = (*args))]
    fn randn(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        let s = dims_of(args)?;
        let a = lock(&self.r)?.randn(s.clone().unwrap_or_default()).py()?;
        out(py, a, s.is_none())
    }

    /// Standard normal samples.
    #[pyo3(signature = (size=None))]
    fn standard_normal(
        &self,
        py: Python<'_>,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |r, s| r.standard_normal(s.to_vec()))
    }

    /// Normal samples.
    #[pyo3(signature = (loc=0.0, scale=1.0, size=None))]
    fn normal(
        &self,
        py: Python<'_>,
        loc: f64,
        scale: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |r, s| r.normal(loc, scale, s.to_vec()))
    }

    /// Uniform samples on [low, high).
    #[pyo3(signature = (low=0.0, high=1.0, size=None))]
    fn uniform(
        &self,
        py: Python<'_>,
        low: f64,
        high: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |r, s| r.uniform(low, high, s.to_vec()))
    }

    /// Exponential samples.
    #[pyo3(signature = (scale=1.0, size=None))]
    fn exponential(
        &self,
        py: Python<'_>,
        scale: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |r, s| r.exponential(scale, s.to_vec()))
    }

    /// Binomial samples.
    #[pyo3(signature = (n, p, size=None))]
    fn binomial(
        &self,
        py: Python<'_>,
        n: i64,
        p: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |r, s| r.binomial(n, p, s.to_vec()))
    }

    /// Poisson samples.
    #[pyo3(signature = (lam=1.0, size=None))]
    fn poisson(
        &self,
        py: Python<'_>,
        lam: f64,
        size: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.draw(py, size, |r, s| r.poisson(lam, s.to_vec()))
    }

    /// Integers from [low, high) (`high=None`: [0, low)).
    #[pyo3(signature = (low, high=None, size=None, dtype=None))]
    fn randint(
        &self,
        py: Python<'_>,
        low: &Bound<'_, PyAny>,
        high: Option<&Bound<'_, PyAny>>,
        size: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let high = match high {
            Some(h) if !h.is_none() => Some(int_bound(h)?),
            _ => None,
        };
        let d = gen_dtype(dtype, DType::Int64)?;
        let low = int_bound(low)?;
        self.draw(py, size, |r, s| r.randint_dtype(low, high, s.to_vec(), d))
    }

    /// A random sample from `a` (an int `n` means `arange(n)`).
    #[pyo3(signature = (a, size=None, replace=true, p=None))]
    fn choice(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        size: Option<&Bound<'_, PyAny>>,
        replace: bool,
        p: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let s = size_arg(size)?;
        let p = probs(p)?;
        let shape = s.clone().unwrap_or_default();
        let r = if a.is_instance_of::<PyInt>() {
            lock(&self.r)?.choice(a.extract()?, shape, replace, p.as_deref())
        } else {
            lock(&self.r)?.choice_array(&arr(a)?, shape, replace, p.as_deref())
        }
        .py()?;
        out(py, r, s.is_none())
    }

    /// A permuted copy of `x` along its first axis (an int `n` means `arange(n)`).
    fn permutation(&self, x: &Bound<'_, PyAny>) -> PyResult<Out> {
        let r = if x.is_instance_of::<PyInt>() {
            lock(&self.r)?.permutation(x.extract()?)
        } else {
            lock(&self.r)?.permutation_array(&arr(x)?)
        };
        Ok(Out(r.py()?))
    }

    /// Shuffles `x` in place along its first axis.
    fn shuffle(&self, x: &Bound<'_, PyAny>) -> PyResult<()> {
        let a = arr(x)?;
        if a.ndim() == 0 {
            return Err(value_error(
                "shuffle: x must be an array of at least 1 dimension",
            ));
        }
        let p = lock(&self.r)?.permutation_array(&a).py()?;
        write_all(&a, &p)
    }
}

/// Registers `_random`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let sub = PyModule::new(m.py(), "_random")?;
    sub.add_class::<PyGenerator>()?;
    sub.add_class::<PyRandomState>()?;
    sub.add_function(wrap_pyfunction!(default_rng, &sub)?)?;
    m.add_submodule(&sub)?;
    Ok(())
}
