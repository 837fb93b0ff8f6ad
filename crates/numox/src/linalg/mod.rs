//! Linear algebra: NumPy's products (`dot`, `matmul`, ...) and `numpy.linalg`, computed by the
//! pure-Rust `faer` crate (its `gemm` kernels for products, its decompositions for the rest).
//!
//! Arrays reach faer as strided matrix views, without a copy: a stack of matrices (any leading
//! axes) is a sequence of views at different offsets. Bool and integer inputs compute in
//! float64, float32 and the complex types in their own dtype, as in NumPy.

mod bridge;

#[allow(unused_imports)]
pub(crate) use bridge::{
    check_2d, check_square, dispatch_linalg, linalg_dtype, mat_mut, mat_ref, par_for, to_linalg,
    LinalgElem, Stack,
};
