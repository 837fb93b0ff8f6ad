//! File I/O: `save`/`load` (`.npy`, and `.npz` archives read as a mapping), `savez`,
//! `savez_compressed`, `loadtxt`.

use crate::args::arr;
use crate::array::{Out, PyArr};
use crate::dtypes::to_dtype;
use crate::errors::{value_error, IntoPyResult};
use numox::io::{self as nio, LoadTxtOpts, Loaded, NpzFile};
use numox::{Array, DType};
use pyo3::exceptions::{PyKeyError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use std::sync::Mutex;

/// The path of a str or path-like object, or `None` for a file object.
fn path_of(file: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if file.is_instance_of::<PyString>() || file.hasattr("__fspath__")? {
        let os = file.py().import("os")?;
        return Ok(Some(os.call_method1("fspath", (file,))?.extract()?));
    }
    Ok(None)
}

fn with_suffix(p: String, suffix: &str) -> String {
    if p.ends_with(suffix) {
        p
    } else {
        p + suffix
    }
}

/// `save(file, arr, allow_pickle=True)`: one array as `.npy` (the suffix is added to paths).
#[pyfunction]
#[pyo3(signature = (file, arr, allow_pickle=true))]
fn save(file: &Bound<'_, PyAny>, arr: &Bound<'_, PyAny>, allow_pickle: bool) -> PyResult<()> {
    let _ = allow_pickle;
    let a = crate::args::arr(arr)?;
    match path_of(file)? {
        Some(p) => nio::write_npy(with_suffix(p, ".npy"), &a).py(),
        None => {
            let mut buf = Vec::new();
            nio::write_npy_to(&mut buf, &a).py()?;
            file.call_method1("write", (PyBytes::new(file.py(), &buf),))?;
            Ok(())
        }
    }
}

fn zip_args(
    args: &Bound<'_, PyTuple>,
    kwds: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<(String, Array)>> {
    let mut v = Vec::new();
    for (i, a) in args.iter().enumerate() {
        v.push((format!("arr_{i}"), arr(&a)?));
    }
    if let Some(k) = kwds {
        for (name, a) in k.iter() {
            let name: String = name.extract()?;
            if v.iter().any(|(n, _)| *n == name) {
                return Err(value_error(format!(
                    "Cannot use un-named variables and keyword {name}"
                )));
            }
            v.push((name, arr(&a)?));
        }
    }
    Ok(v)
}

fn write_zip(
    file: &Bound<'_, PyAny>,
    args: &Bound<'_, PyTuple>,
    kwds: Option<&Bound<'_, PyDict>>,
    compressed: bool,
) -> PyResult<()> {
    let items = zip_args(args, kwds)?;
    let refs: Vec<(&str, &Array)> = items.iter().map(|(n, a)| (n.as_str(), a)).collect();
    let Some(p) = path_of(file)? else {
        return Err(value_error(
            "savez: file objects are not supported; pass a path",
        ));
    };
    let p = with_suffix(p, ".npz");
    if compressed {
        nio::savez_compressed(p, &refs).py()
    } else {
        nio::savez(p, &refs).py()
    }
}

/// `savez(file, *args, **kwds)`: several arrays in an uncompressed `.npz`.
#[pyfunction]
#[pyo3(signature = (file, *args, **kwds))]
fn savez(
    file: &Bound<'_, PyAny>,
    args: &Bound<'_, PyTuple>,
    kwds: Option<&Bound<'_, PyDict>>,
) -> PyResult<()> {
    write_zip(file, args, kwds, false)
}

/// `savez_compressed(file, *args, **kwds)`: several arrays in a deflated `.npz`.
#[pyfunction]
#[pyo3(signature = (file, *args, **kwds))]
fn savez_compressed(
    file: &Bound<'_, PyAny>,
    args: &Bound<'_, PyTuple>,
    kwds: Option<&Bound<'_, PyDict>>,
) -> PyResult<()> {
    write_zip(file, args, kwds, true)
}

/// An opened `.npz` archive: `files`, `z[name]`, `name in z`, iteration over names, `len`,
/// a context manager (NumPy's `NpzFile`).
#[pyclass(name = "NpzFile", module = "numox", frozen, mapping)]
pub struct PyNpz {
    z: Mutex<Option<NpzFile>>,
}

impl PyNpz {
    fn with<T>(&self, f: impl FnOnce(&NpzFile) -> PyResult<T>) -> PyResult<T> {
        let g = self
            .z
            .lock()
            .map_err(|_| PyRuntimeError::new_err("NpzFile lock poisoned"))?;
        match g.as_ref() {
            Some(z) => f(z),
            None => Err(value_error("I/O operation on closed NpzFile")),
        }
    }
}

#[pymethods]
impl PyNpz {
    /// The array names, without `.npy`.
    #[getter]
    fn files(&self) -> PyResult<Vec<String>> {
        self.with(|z| Ok(z.files().into_iter().map(String::from).collect()))
    }

    fn keys(&self) -> PyResult<Vec<String>> {
        self.files()
    }

    fn __getitem__(&self, key: &str) -> PyResult<Out> {
        self.with(|z| {
            let name = key.strip_suffix(".npy").unwrap_or(key);
            if !z.contains(name) {
                return Err(PyKeyError::new_err(format!(
                    "{key} is not a file in the archive"
                )));
            }
            Ok(Out(z.get(name).py()?))
        })
    }

    fn __contains__(&self, key: &str) -> PyResult<bool> {
        self.with(|z| Ok(z.contains(key.strip_suffix(".npy").unwrap_or(key))))
    }

    fn __len__(&self) -> PyResult<usize> {
        self.with(|z| Ok(z.len()))
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyList::new(py, self.files()?)?
            .try_iter()
            .map(|i| i.into_any())
    }

    /// `(name, array)` pairs.
    fn items(&self) -> PyResult<Vec<(String, Out)>> {
        self.with(|z| {
            z.files()
                .into_iter()
                .map(|n| Ok((n.to_string(), Out(z.get(n).py()?))))
                .collect()
        })
    }

    fn close(&self) -> PyResult<()> {
        if let Ok(mut g) = self.z.lock() {
            *g = None;
        }
        Ok(())
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, _args: &Bound<'_, PyTuple>) -> PyResult<bool> {
        self.close()?;
        Ok(false)
    }

    fn __repr__(&self) -> String {
        format!(
            "<numox.NpzFile with {} arrays>",
            self.__len__().unwrap_or(0)
        )
    }
}

/// `load(file, mmap_mode=None, allow_pickle=False)`: an array from `.npy`, an `NpzFile` from
/// `.npz`.
#[pyfunction]
#[pyo3(signature = (file, mmap_mode=None, allow_pickle=false))]
fn load(
    py: Python<'_>,
    file: &Bound<'_, PyAny>,
    mmap_mode: Option<&Bound<'_, PyAny>>,
    allow_pickle: bool,
) -> PyResult<Py<PyAny>> {
    let _ = (mmap_mode, allow_pickle);
    match path_of(file)? {
        Some(p) => match nio::load(&p).py()? {
            Loaded::Array(a) => Ok(crate::array::wrap(py, a)?.into_any()),
            Loaded::Npz(z) => Ok(Py::new(
                py,
                PyNpz {
                    z: Mutex::new(Some(z)),
                },
            )?
            .into_any()),
        },
        None => {
            let data: Vec<u8> = file.call_method0("read")?.extract()?;
            let a = nio::read_npy_from(std::io::Cursor::new(data)).py()?;
            Ok(crate::array::wrap(py, a)?.into_any())
        }
    }
}

/// `loadtxt(fname, dtype=float, comments='#', delimiter=None, converters=None, skiprows=0,
/// usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *, quotechar=None)`.
#[pyfunction]
#[pyo3(signature = (fname, dtype=None, comments=None, delimiter=None, converters=None, skiprows=0, usecols=None, unpack=false, ndmin=0, encoding=None, max_rows=None, *, quotechar=None))]
#[allow(clippy::too_many_arguments)]
fn loadtxt(
    py: Python<'_>,
    fname: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
    comments: Option<&Bound<'_, PyAny>>,
    delimiter: Option<String>,
    converters: Option<&Bound<'_, PyAny>>,
    skiprows: usize,
    usecols: Option<&Bound<'_, PyAny>>,
    unpack: bool,
    ndmin: usize,
    encoding: Option<&Bound<'_, PyAny>>,
    max_rows: Option<usize>,
    quotechar: Option<char>,
) -> PyResult<Py<PyAny>> {
    let _ = encoding;
    if converters.is_some_and(|c| !c.is_none()) {
        return Err(value_error("loadtxt: converters are not supported"));
    }
    let mut opts = LoadTxtOpts {
        delimiter,
        skiprows,
        max_rows,
        ndmin,
        unpack: false,
        quotechar,
        ..LoadTxtOpts::default()
    };
    if let Some(d) = dtype.filter(|d| !d.is_none()) {
        opts.dtype = to_dtype(d)?;
    } else {
        opts.dtype = DType::Float64;
    }
    match comments {
        Some(c) if c.is_none() => opts.comments = Vec::new(),
        Some(c) if c.is_instance_of::<PyString>() => opts.comments = vec![c.extract()?],
        Some(c) => opts.comments = c.extract()?,
        None => {}
    }
    opts.usecols = crate::args::opt_axes(usecols)?;
    let a = match path_of(fname)? {
        Some(p) => nio::loadtxt(p, &opts),
        None => {
            let text: String = if fname.hasattr("read")? {
                let r = fname.call_method0("read")?;
                match r.cast::<PyBytes>() {
                    Ok(b) => String::from_utf8_lossy(b.as_bytes()).into_owned(),
                    Err(_) => r.extract()?,
                }
            } else {
                let lines: Vec<String> = fname.extract()?;
                lines.join("\n")
            };
            nio::loadtxt_from(std::io::Cursor::new(text.into_bytes()), &opts)
        }
    }
    .py()?;
    if unpack && a.ndim() >= 1 {
        let t = numox::transpose(&a, None).py()?;
        let parts: Vec<Py<PyArr>> = (0..t.shape()[0])
            .map(|i| crate::array::wrap(py, t.index_axis(0, i as isize).py()?))
            .collect::<PyResult<_>>()?;
        return Ok(PyTuple::new(py, parts)?.into_any().unbind());
    }
    Ok(crate::array::wrap(py, a)?.into_any())
}

/// Registers the I/O functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNpz>()?;
    m.add_function(wrap_pyfunction!(save, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(savez, m)?)?;
    m.add_function(wrap_pyfunction!(savez_compressed, m)?)?;
    m.add_function(wrap_pyfunction!(loadtxt, m)?)?;
    Ok(())
}
