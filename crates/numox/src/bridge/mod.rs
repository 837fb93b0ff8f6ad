//! Bridges to other array crates, each behind a Cargo feature of the same name.
//!
//! - `ndarray`: zero-copy views both ways between [`Array`](crate::Array) and the `ndarray`
//!   crate's `ArrayViewD` / `ArrayViewMutD`, ownership transfer from an `ArrayD` without a copy,
//!   and a copying `to_ndarray` (module `bridge::ndarray`).
//! - `arrow`: 1-D arrays to and from Apache Arrow arrays, zero-copy where the memory allows (module
//!   `bridge::arrow` tells which conversions copy and how nulls are handled).
//!
//! [`raw`] (always built) holds the unsafe primitives that language bindings build on: foreign
//! memory as an array, an array's pointer and byte strides, and writes through shared views.

#[cfg(feature = "arrow")]
pub mod arrow;
#[cfg(feature = "ndarray")]
pub mod ndarray;
pub mod raw;
