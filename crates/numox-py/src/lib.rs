//! numox for Python: the extension module `numox._numox` behind the `numox` package.
//!
//! The array object ([`array::PyArr`], `numox.ndarray`) wraps a numox `Array`; the functions of
//! the Python Array API standard (2024.12) and NumPy's extras wrap numox's, file by file:
//! creation, elementwise, manipulation, statistics, searching and sorting, linear algebra, random
//! numbers, I/O. All PyO3 code lives in this crate; numox itself has no Python dependency.

pub mod args;
pub mod array;
pub mod convert;
pub mod creation;
pub mod dlpack;
pub mod dtypes;
pub mod elementwise;
pub mod errors;
pub mod indexing;
pub mod info;
pub mod interop;
pub mod io;
pub mod linalg;
pub mod linalg_ext;
pub mod manipulation;
pub mod methods;
pub mod ops;
pub mod random;
pub mod searching;
pub mod statistics;

use pyo3::prelude::*;

#[pymodule]
fn _numox(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<array::PyArr>()?;
    dtypes::register(m)?;
    info::register(m)?;
    creation::register(m)?;
    manipulation::register(m)?;
    linalg::register(m)?;
    random::register(m)?;
    io::register(m)?;
    elementwise::register(m)?;
    statistics::register(m)?;
    searching::register(m)?;
    m.add_function(wrap_pyfunction!(dlpack::from_dlpack, m)?)?;
    Ok(())
}
