//! Reading and writing arrays: NumPy's `.npy` format.

mod npy;

pub use npy::{read_npy, read_npy_from, write_npy, write_npy_to};
