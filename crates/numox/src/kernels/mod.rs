//! Typed 1-D kernels. They see element pointers and strides, never a `DType` or a `Result`:
//! the ufunc layer checks everything before calling them.

pub(crate) mod arith;
pub(crate) mod bits;
pub(crate) mod catrig;
pub(crate) mod classify;
pub(crate) mod cmath;
pub(crate) mod compare;
pub(crate) mod complex;
pub(crate) mod copy;
pub(crate) mod elem;
pub(crate) mod loops;
pub(crate) mod rmath;
pub(crate) mod rounding;
pub(crate) mod stream;
pub(crate) mod vmath;
