//! Linear algebra: NumPy's products (`dot`, `matmul`, ...) and `numpy.linalg`, computed by the
//! pure-Rust `faer` crate (its `gemm` kernels for products, its decompositions for the rest).
//!
//! Arrays reach faer as strided matrix views, without a copy: a stack of matrices (any leading
//! axes) is a sequence of views at different offsets. The products compute in the promoted dtype
//! of their operands (bool and integers in their own dtype, float16 and bfloat16 in float32). As
//! in NumPy, the decompositions compute in float64 (complex128 for complex inputs) and return
//! float32/complex64 results for single precision inputs.
//!
//! The products are also exported at the crate root, like NumPy's top-level functions:
//! [`matmul`], [`dot`], [`vdot`], [`inner`], [`outer`], [`tensordot`], [`kron`], [`trace`],
//! [`diagonal`], [`cross`], [`einsum`].

mod batch;
mod bidiag;
mod bidiag_dc;
mod bridge;
mod cholesky;
mod cross;
mod diagonal;
mod dot;
mod eig;
mod einsum;
mod lu;
mod lu_blocked;
mod matmul;
mod matrix_power;
mod matvec;
mod norm;
mod qr;
mod svd;
mod tridiag;
mod tridiag_dc;

#[allow(unused_imports)]
pub(crate) use bridge::{
    check_2d, check_square, dispatch_linalg, linalg_dtype, mat_mut, mat_ref, par_for, to_linalg,
    LinalgElem, Stack,
};
pub use cholesky::cholesky;
pub use cross::{cross, kron, CrossAxes};
pub use diagonal::{diagonal, trace};
pub use dot::{dot, inner, outer, tensordot, vdot, TensorAxes};
pub use eig::{eig, eigh, eigvals, eigvalsh, Uplo};
pub use einsum::einsum;
pub use lu::{det, inv, slogdet, solve};
pub use matmul::matmul;
pub use matrix_power::matrix_power;
pub use norm::{cond, norm, NormOrd};
pub use qr::{qr, QrMode};
pub use svd::{lstsq, matrix_rank, pinv, svd, svdvals};
