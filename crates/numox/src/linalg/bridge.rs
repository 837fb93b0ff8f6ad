// The helpers of the products and decompositions use these; some are unused until then.
#![allow(dead_code, unused_macros)]

//! numox arrays as faer matrices: the dtype linear algebra computes in, strided views of the
//! matrices of a stack (no copy), and the offsets of a stack's matrices.

use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::{Complex32, Complex64};
use faer::{MatMut, MatRef, Par};

/// An element type faer computes in: f32, f64, complex64 and complex128.
pub(crate) trait LinalgElem:
    Element
    + faer::traits::ComplexField<Real: Element + num_traits::Float + faer::traits::RealField>
    + Copy
    + Send
    + Sync
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::Div<Output = Self>
    + std::ops::Neg<Output = Self>
{
}
impl LinalgElem for f32 {}
impl LinalgElem for f64 {}
impl LinalgElem for Complex32 {}
impl LinalgElem for Complex64 {}

/// Binds `$T` to the element type of a linear algebra dtype (float32, float64, complex64,
/// complex128); other dtypes take the `else` arm.
macro_rules! dispatch_linalg {
    ($dt:expr, $T:ident => $body:expr, else $other:pat => $fallback:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Float32: f32, Float64: f64, Complex64: $crate::Complex32, Complex128: $crate::Complex64;
            else $other => $fallback)
    };
}
pub(crate) use dispatch_linalg;

/// The dtype `numpy.linalg` computes an input of dtype `dt` in: bool and integers in float64,
/// float32, float64 and the complex types as they are. float16 and bfloat16 are refused as
/// NumPy refuses float16 ("array type float16 is unsupported in linalg").
pub(crate) fn linalg_dtype(dt: DType) -> Result<DType> {
    match dt {
        DType::Float32 | DType::Float64 | DType::Complex64 | DType::Complex128 => Ok(dt),
        DType::Float16 | DType::BFloat16 => Err(Error::DType(format!(
            "array type {dt} is unsupported in linalg"
        ))),
        _ => Ok(DType::Float64),
    }
}

/// `a` in its linear algebra dtype (itself, a view, when it already is).
pub(crate) fn to_linalg(a: &Array) -> Result<Array> {
    let dt = linalg_dtype(a.dtype())?;
    if dt == a.dtype() {
        Ok(a.clone())
    } else {
        a.astype(dt)
    }
}

/// The matrices of a stack: the shape of the last two axes, their strides, and the element
/// offsets of every matrix (C order over the leading axes).
pub(crate) struct Stack {
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    pub(crate) row_stride: isize,
    pub(crate) col_stride: isize,
    pub(crate) offsets: Vec<isize>,
}

impl Stack {
    /// The stack of `a` (at least 2-D; the caller checks).
    pub(crate) fn of(a: &Array) -> Stack {
        let nd = a.ndim();
        let shape = a.shape();
        let strides = a.layout().strides();
        let lead = &shape[..nd.saturating_sub(2)];
        let count: usize = lead.iter().product();
        let mut offsets = Vec::with_capacity(count);
        let base = a.layout().offset() as isize;
        let mut idx = vec![0usize; lead.len()];
        for _ in 0..count {
            let off: isize = idx.iter().zip(strides).map(|(&i, &s)| i as isize * s).sum();
            offsets.push(base + off);
            for ax in (0..lead.len()).rev() {
                idx[ax] += 1;
                if idx[ax] < lead[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
        Stack {
            rows: shape[nd - 2],
            cols: shape[nd - 1],
            row_stride: strides[nd - 2],
            col_stride: strides[nd - 1],
            offsets,
        }
    }
}

/// A faer view of the matrix of `a` at element offset `off` with the stack's shape and strides.
///
/// # Safety
/// `a` holds elements of type `T`, and `off`, with the stack's shape and strides, addresses
/// elements inside its buffer (as [`Stack::of`] gives them for `a`).
pub(crate) unsafe fn mat_ref<'a, T: LinalgElem>(
    a: &'a Array,
    s: &Stack,
    off: isize,
) -> MatRef<'a, T> {
    // SAFETY: the caller's promise; faer reads only inside the described matrix.
    unsafe {
        let p = (a.base_ptr() as *const T).offset(off);
        MatRef::from_raw_parts(p, s.rows, s.cols, s.row_stride, s.col_stride)
    }
}

/// A mutable faer view of the matrix of `a` at element offset `off`.
///
/// # Safety
/// As [`mat_ref`]; `a` holds its buffer alone (a fresh result) and the views handed out at one
/// time do not overlap.
pub(crate) unsafe fn mat_mut<'a, T: LinalgElem>(
    a: &'a mut Array,
    s: &Stack,
    off: isize,
) -> MatMut<'a, T> {
    // SAFETY: the caller's promise.
    unsafe {
        let p = (a.base_ptr_mut() as *mut T).offset(off);
        MatMut::from_raw_parts_mut(p, s.rows, s.cols, s.row_stride, s.col_stride)
    }
}

/// NumPy's check that `a` is a stack of matrices: at least two dimensions.
pub(crate) fn check_2d(a: &Array) -> Result<()> {
    if a.ndim() < 2 {
        return Err(Error::LinAlg(format!(
            "{}-dimensional array given. Array must be at least two-dimensional",
            a.ndim()
        )));
    }
    Ok(())
}

/// NumPy's check that the matrices of `a` are square (after [`check_2d`]).
pub(crate) fn check_square(a: &Array) -> Result<()> {
    check_2d(a)?;
    let s = a.shape();
    if s[s.len() - 1] != s[s.len() - 2] {
        return Err(Error::LinAlg(
            "Last 2 dimensions of the array must be square".into(),
        ));
    }
    Ok(())
}

/// faer's parallelism for a problem of about `flops` operations: both cores above a threshold.
pub(crate) fn par_for(flops: f64) -> Par {
    if flops >= 2e6 {
        Par::rayon(0)
    } else {
        Par::Seq
    }
}
