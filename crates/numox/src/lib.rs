//! # numox — NumPy for Rust
//!
//! One dynamic [`Array`] type with a runtime [`DType`], any rank, strided zero-copy views with
//! negative strides, C and F order, and NumPy 2's semantics for values, shapes, dtypes and errors.
//!
//! ```
//! use numox::{array, DType};
//! let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
//! assert_eq!(a.shape(), &[2, 3]);
//! assert_eq!(a.dtype(), DType::Float64);
//! let t = a.t(); // a view, no copy
//! assert_eq!(t.shape(), &[3, 2]);
//! assert_eq!(t.to_vec::<f64>().unwrap(), vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
//! ```
//!
//! The [`guide`] walks the NumPy-for-machine-learning roadmap step by step (creation, indexing,
//! shapes, dtypes, ufuncs, aggregation, broadcasting, masks, linear algebra, random numbers,
//! memory layout, NaN, scaling, costs, gradients), NumPy and numox side by side; [`ml`] holds
//! the ML building blocks.
//!
//! ## For NumPy users
//! | NumPy | numox |
//! |---|---|
//! | `np.array([[1., 2.], [3., 4.]])` | `array![[1., 2.], [3., 4.]]` |
//! | `np.zeros((2, 3), dtype=np.int32)` | `Array::zeros(&[2, 3], DType::Int32)?` |
//! | `np.ones((2, 3), dtype=np.int8, order='F')` | `ones_with([2, 3], (DType::Int8, Order::F))?` |
//! | `np.arange(0, 1, 0.1)` | `arange(0, 1, 0.1)?` |
//! | `np.linspace(0, 1, 5, endpoint=False)` | `linspace_with(0, 1, 5, LinspaceOpts::new().endpoint(false))?` |
//! | `np.eye(3, 4, k=1)` | `eye_with(3, MatrixOpts::new().m(4).k(1))?` |
//! | `np.zeros_like(a)`, `np.asarray(a)` | `zeros_like(&a)?`, `asarray(&a)` |
//! | `a.shape`, `a.ndim`, `a.dtype`, `a.strides` | `a.shape()`, `a.ndim()`, `a.dtype()`, `a.strides()` |
//! | `a.T` | `a.t()` |
//! | `a[::-1]` | `a.slice_axis(0, None, None, -1)?` |
//! | `a[1:, 0] = 5` | `a.view_mut()?.slice_axis(0, Some(1), None, 1)?.index_axis(1, 0)?.fill(5i64)?` |
//! | `a.reshape(2, -1)` | `a.reshape(&[2, -1])?` |
//! | `a.item()` | `a.item()?` |
//! | `a.astype(np.float32)` | `a.astype(DType::Float32)?` |
//! | `a.astype(np.int32, casting="safe")` | `a.astype_with(DType::Int32, Casting::Safe)?` |
//! | `a[0, 1] = 2.7` | `a.set(&[0, 1], 2.7)?` |
//! | `np.promote_types(a, b)`, `np.can_cast(a, b, "same_kind")` | `promote::promote_types(a, b)?`, `promote::can_cast(a, b, Casting::SameKind)` |
//! | `np.result_type(a, 1.0)` | `promote::result_type(&[a.dtype()], &[ScalarKind::Float])?` |
//! | `a.reshape(3, 2, order='F')` | `a.reshape_order(&[3, 2], Order::F)?` |
//! | `np.split(a, 3)`, `np.split(a, [2, 5], axis=1)` | `split(&a, 3, 0)?`, `split(&a, &[2, 5], 1)?` |
//! | `np.pad(a, 2, mode='edge')`, `np.pad(a, ((1, 0), (0, 2)))` | `pad(&a, &[(2, 2)], PadMode::Edge)?`, `pad(&a, &[(1, 0), (0, 2)], PadMode::default())?` |
//! | `np.shares_memory(a, b)` | `shares_memory(&a, &b)` |
//! | `a[1:, ::-1]`, `a[..., np.newaxis]` | `a.index(&s![1.., ..;-1])?`, `a.index(&s![..., NewAxis])?` |
//! | `a[idx]`, `a[a > 0.5]` | `a.index(&s![&idx])?`, `a.index(&s![&a.greater(0.5)?])?` |
//! | `a[a > 5] = 0`, `a[1:, 0] = v` | `a.assign(&s![&a.greater(5)?], 0)?`, `a.assign(&s![1.., 0], &v)?` |
//! | `a.sum()`, `a.mean(axis=0)`, `a.std(axis=-1, ddof=1)` | `a.sum(None)?`, `a.mean(0)?`, `a.std(-1, 1)?` |
//! | `a.max(axis=(0, 1), keepdims=True)`, `a.argmax()` | `a.max(Axes::from([0, 1]).keepdims())?`, `a.argmax(None)?` |
//! | `np.nanmean(a)`, `np.median(a, axis=0)` | `nanmean(&a, None)?`, `median(&a, 0)?` |
//! | `np.sort(a)`, `np.argsort(a, kind='stable')` | `sort(&a, Some(-1), SortKind::QuickSort)?`, `argsort(&a, Some(-1), SortKind::Stable)?` |
//! | `np.unique(a, return_counts=True)` | `unique_with(&a, UniqueOpts { return_counts: true, ..Default::default() })?` |
//! | `a @ b`, `np.dot(a, b)`, `np.einsum("bij,bjk->bik", a, b)` | `matmul(&a, &b)?`, `dot(&a, &b)?`, `einsum("bij,bjk->bik", &[&a, &b])?` |
//! | `np.tensordot(a, b, axes=([1], [0]))`, `np.trace(a)` | `tensordot(&a, &b, ([1], [0]))?`, `trace(&a, 0, 0, 1)?` |
//! | `rng = np.random.default_rng(42); rng.normal(0, 1, (3, 2))` | `let mut rng = random::default_rng(42u64)?; rng.normal(0.0, 1.0, &[3, 2])?` |
//! | `rng.integers(0, 10, 5, dtype=np.uint8, endpoint=True)` | `rng.integers_with(0, Some(10), &[5], IntegersOpts { dtype: DType::UInt8, endpoint: true })?` |
//! | `np.random.seed(0); np.random.rand(3)` | `random::seed(0)?; random::rand(3)?` |
//! | `rs = np.random.RandomState(0); rs.randint(0, 100, 10)` | `let mut rs = RandomState::new(0)?; rs.randint(0, Some(100), 10)?` |
//! | `np.save("a.npy", a)`, `np.load("a.npy")` | `io::write_npy("a.npy", &a)?`, `io::read_npy("a.npy")?` |
//! | `np.savez("d.npz", x=x)`, `np.load("d.npz")["x"]` | `io::savez("d.npz", &[("x", &x)])?`, `io::NpzFile::open("d.npz")?.get("x")?` |
//! | `np.load("a.npy", mmap_mode="r+")` | `io::open_memmap("a.npy", MmapMode::ReadWrite)?` |
//! | `np.loadtxt("d.csv", delimiter=",")` | `io::loadtxt("d.csv", &LoadTxtOpts { delimiter: Some(",".into()), ..Default::default() })?` |
//! | `np.genfromtxt("d.csv", delimiter=",")` (missing fields: NaN) | `let (a, report) = io::genfromtxt("d.csv", &GenFromTxtOpts { delimiter: Some(",".into()), ..Default::default() })?` |
//! | `np.asarray(PIL.Image.open("p.png"))` | `io::read_image("p.png")?` |
//!
//! Every array-creation routine is listed in [`creation`].
//!
//! Views share memory as in NumPy. Writes need `&mut`: a handle whose buffer is shared with
//! another handle copies it before writing (copy-on-write), and writes meant to reach the original
//! array go through [`ArrayViewMut`]. This keeps every write free of data races.

#![warn(missing_docs)]
#![doc(test(attr(deny(warnings))))]

pub mod array;
pub mod bridge;
mod buffer;
pub mod cast;
pub mod creation;
pub mod dispatch;
pub mod dtype;
pub mod error;
pub mod guide;
pub mod index;
pub mod io;
mod iter;
mod kernels;
pub mod layout;
pub mod linalg;
pub mod manip;
pub mod ml;
pub mod print;
pub mod promote;
pub mod random;
pub mod reduce;
mod shared;
pub mod sorting;
pub mod stats;
pub mod ufunc;

pub use array::{Array, ArrayViewMut, Flags};
pub use creation::{
    arange, arange_with, array, array_with, asarray, asarray_with, diag, diagflat, empty,
    empty_like, empty_like_with, empty_with, eye, eye_with, fromfunction, fromfunction_arrays,
    full, full_like, full_like_with, full_with, geomspace, geomspace_with, identity, identity_with,
    indices, indices_with, linspace, linspace_retstep, linspace_with, logspace, logspace_with,
    meshgrid, meshgrid_with, ones, ones_like, ones_like_with, ones_with, tri, tri_with, tril, triu,
    zeros, zeros_like, zeros_like_with, zeros_with,
};
pub use dtype::{DType, Element, Scalar};
pub use error::{Error, Result};
pub use half::{bf16, f16};
pub use index::{
    argwhere, compress, count_nonzero, extract, flatnonzero, nonzero, put, put_along_axis, take,
    take_along_axis, Ellipsis, Idx, NewAxis, TakeMode,
};
pub use layout::Order;
pub use linalg::{
    cross, diagonal, dot, einsum, inner, kron, matmul, outer, tensordot, trace, vdot, CrossAxes,
    TensorAxes,
};
pub use manip::*;
pub use num_complex::{Complex32, Complex64};
pub use print::{get_printoptions, set_printoptions, PrintOptions};
pub use promote::{Casting, ScalarKind};
pub use reduce::*;
pub use sorting::*;
pub use stats::*;
pub use ufunc::*;
