//! Linear algebra: NumPy's products (`dot`, `matmul`, ...) and `numpy.linalg`, computed by the
//! pure-Rust `faer` crate (its `gemm` kernels for products, its decompositions for the rest).
//!
//! Arrays reach faer as strided matrix views, without a copy: a stack of matrices (any leading
//! axes) is a sequence of views at different offsets. As in NumPy, the decompositions compute in
//! float64 (complex128 for complex inputs) and return float32/complex64 results for single
//! precision inputs.

mod batch;
mod bridge;
mod cholesky;
mod eig;
mod lu;
mod norm;
mod qr;
mod svd;

#[allow(unused_imports)]
pub(crate) use bridge::{
    check_2d, check_square, dispatch_linalg, linalg_dtype, mat_mut, mat_ref, par_for, to_linalg,
    LinalgElem, Stack,
};
pub use cholesky::cholesky;
pub use eig::{eig, eigh, eigvals, eigvalsh, Uplo};
pub use lu::{det, inv, slogdet, solve};
pub use norm::{cond, norm, NormOrd};
pub use qr::{qr, QrMode};
pub use svd::{lstsq, matrix_rank, pinv, svd, svdvals};
