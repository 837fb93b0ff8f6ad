//! Linear algebra: NumPy's products (`dot`, `matmul`, ...) and `numpy.linalg`, computed by the
//! pure-Rust `faer` crate (its `gemm` kernels for products, its decompositions for the rest).
//!
//! Arrays reach faer as strided matrix views, without a copy: a stack of matrices (any leading
//! axes) is a sequence of views at different offsets. Bool and integer inputs compute in
//! float64, float32 and the complex types in their own dtype, as in NumPy.
//!
//! The products are also exported at the crate root, like NumPy's top-level functions:
//! [`matmul`], [`dot`], [`vdot`], [`inner`], [`outer`], [`tensordot`], [`kron`], [`trace`],
//! [`diagonal`], [`cross`], [`einsum`].

mod bridge;
mod cross;
mod diagonal;
mod dot;
mod einsum;
mod matmul;
mod matrix_power;
mod matvec;

#[allow(unused_imports)]
pub(crate) use bridge::{
    check_2d, check_square, dispatch_linalg, linalg_dtype, mat_mut, mat_ref, par_for, to_linalg,
    LinalgElem, Stack,
};
pub use cross::{cross, kron, CrossAxes};
pub use diagonal::{diagonal, trace};
pub use dot::{dot, inner, outer, tensordot, vdot, TensorAxes};
pub use einsum::einsum;
pub use matmul::matmul;
pub use matrix_power::matrix_power;
