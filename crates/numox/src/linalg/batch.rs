//! The shared plumbing of the decompositions: an input checked and converted to its linear
//! algebra dtype with the offsets of its matrices, fresh stacked results, and owned faer copies
//! of one matrix.

use super::bridge::{check_2d, check_square, linalg_dtype, mat_mut, mat_ref, LinalgElem, Stack};
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::Result;
use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::reborrow::ReborrowMut;
use faer::{Mat, MatMut, MatRef};

/// The real type of a faer element type.
pub(crate) type Re<T> = <T as faer::traits::ComplexField>::Real;

/// NumPy's `_commonType`: linear algebra computes in float64, or complex128 when any input is
/// complex, and returns float32/complex64 when every inexact input is single precision and none
/// is an integer (or bfloat16). Returns (compute dtype, result dtype); float16 is refused.
pub(crate) fn common_type(dts: &[DType]) -> Result<(DType, DType)> {
    let mut single = true;
    let mut complex = false;
    for &dt in dts {
        // bfloat16 (ml_dtypes) is not a NumPy inexact type: NumPy computes it as it computes
        // integers, in float64.
        let l = if dt == DType::BFloat16 {
            DType::Float64
        } else {
            linalg_dtype(dt)?
        };
        complex |= l.is_complex();
        single &= dt == DType::Float32 || dt == DType::Complex64;
    }
    Ok(match (complex, single) {
        (false, true) => (DType::Float64, DType::Float32),
        (false, false) => (DType::Float64, DType::Float64),
        (true, true) => (DType::Complex128, DType::Complex64),
        (true, false) => (DType::Complex128, DType::Complex128),
    })
}

/// Binds `$T` to the compute type of a compute dtype from [`common_type`] (f64 or complex128).
macro_rules! dispatch_compute {
    ($dt:expr, $T:ident => $body:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Float64: f64, Complex128: $crate::Complex64;
            else other => Err($crate::Error::DType(format!(
                "array type {other} is unsupported in linalg"
            ))))
    };
}
pub(crate) use dispatch_compute;

/// A stack of matrices in its linear algebra dtype: the array, its matrices' offsets, and the
/// leading (stack) shape.
pub(crate) struct Input {
    pub(crate) a: Array,
    pub(crate) s: Stack,
    pub(crate) lead: Vec<usize>,
    /// The dtype NumPy returns (float32/complex64 for single precision inputs).
    pub(crate) res: DType,
}

impl Input {
    /// `a` checked to be a stack of matrices (square ones when `square`), then converted to its
    /// linear algebra dtype; NumPy checks the shape before the dtype.
    pub(crate) fn new(a: &Array, square: bool) -> Result<Input> {
        if square {
            check_square(a)?;
        } else {
            check_2d(a)?;
        }
        let (compute, res) = common_type(&[a.dtype()])?;
        Input::with(a, compute, res)
    }

    /// `a` (a checked stack of matrices) in the compute dtype `compute`.
    pub(crate) fn with(a: &Array, compute: DType, res: DType) -> Result<Input> {
        let a = if a.dtype() == compute {
            a.clone()
        } else {
            a.astype(compute)?
        };
        let s = Stack::of(&a);
        let lead = a.shape()[..a.ndim() - 2].to_vec();
        Ok(Input { a, s, lead, res })
    }

    /// The linear algebra dtype.
    pub(crate) fn dtype(&self) -> DType {
        self.a.dtype()
    }

    /// The matrix at `off` (one of `self.s.offsets`) as a faer view.
    pub(crate) fn mat<T: LinalgElem>(&self, off: isize) -> MatRef<'_, T> {
        // SAFETY: `a` holds `T` (the caller dispatched on its dtype) and `off` comes from its
        // stack.
        unsafe { mat_ref::<T>(&self.a, &self.s, off) }
    }
}

/// The shape `lead` followed by `tail`.
pub(crate) fn shape_of(lead: &[usize], tail: &[usize]) -> Vec<usize> {
    lead.iter().chain(tail).copied().collect()
}

/// A fresh C-order stack of `rows x cols` matrices of dtype `dt` with leading shape `lead`.
pub(crate) struct Output {
    pub(crate) a: Array,
    pub(crate) s: Stack,
}

impl Output {
    /// `lead + (rows, cols)` for a caller that writes every element: no clearing, and a large
    /// one reuses a map the process freed, so writing it takes no page faults.
    pub(crate) fn uninit(lead: &[usize], rows: usize, cols: usize, dt: DType) -> Result<Output> {
        let a = crate::ufunc::engine::new_contiguous(&shape_of(lead, &[rows, cols]), dt)?;
        let s = Stack::of(&a);
        Ok(Output { a, s })
    }

    /// Zero-filled `lead + (rows, cols)`.
    pub(crate) fn new(lead: &[usize], rows: usize, cols: usize, dt: DType) -> Result<Output> {
        let a = Array::zeros(&shape_of(lead, &[rows, cols]), dt)?;
        let s = Stack::of(&a);
        Ok(Output { a, s })
    }

    /// The `k`-th matrix as a mutable faer view.
    pub(crate) fn mat<T: LinalgElem>(&mut self, k: usize) -> MatMut<'_, T> {
        let off = self.s.offsets[k];
        // SAFETY: a fresh array of dtype `T` (the caller made it with `T::DTYPE`), held by this
        // struct alone; one view at a time.
        unsafe { mat_mut::<T>(&mut self.a, &self.s, off) }
    }

    /// The result, reshaped to `shape` (a fresh C-order array of the same size, so no copy).
    pub(crate) fn into_shape(self, shape: &[usize]) -> Result<Array> {
        let sh: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
        self.a.reshape(&sh)
    }
}

/// A column-major work matrix on numox's own buffers, for the large temporaries of the
/// decompositions: a large one reuses a map the process freed (no clearing and no page faults on
/// every call, as a fresh allocation from the system allocator takes). Its elements start
/// unspecified (NaN in debug builds, so tests catch a read before a write); write before reading.
pub(crate) struct Work<T> {
    buf: crate::buffer::Buffer,
    rows: usize,
    cols: usize,
    _t: std::marker::PhantomData<T>,
}

impl<T: LinalgElem> Work<T> {
    /// A `rows x cols` work matrix.
    pub(crate) fn new(rows: usize, cols: usize) -> Result<Work<T>> {
        let len = crate::layout::checked_size(&[rows, cols], std::mem::size_of::<T>())?;
        let buf = crate::buffer::Buffer::for_overwrite(len * std::mem::size_of::<T>())?;
        let mut w = Work {
            buf,
            rows,
            cols,
            _t: std::marker::PhantomData,
        };
        if cfg!(debug_assertions) {
            w.as_mut().fill(faer::traits::math_utils::nan::<T>());
        }
        Ok(w)
    }

    /// The matrix for writing.
    pub(crate) fn as_mut(&mut self) -> MatMut<'_, T> {
        // SAFETY: the buffer holds rows * cols elements of T (plain data, initialised memory per
        // `for_overwrite`), owned by `self`, which the `&mut` borrows alone.
        unsafe {
            MatMut::from_raw_parts_mut(
                self.buf.as_mut_ptr() as *mut T,
                self.rows,
                self.cols,
                1,
                self.rows as isize,
            )
        }
    }

    /// The elements, column by column, for writing.
    pub(crate) fn slice_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `as_mut`.
        unsafe {
            std::slice::from_raw_parts_mut(self.buf.as_mut_ptr() as *mut T, self.rows * self.cols)
        }
    }

    /// The matrix for reading.
    pub(crate) fn as_ref(&self) -> MatRef<'_, T> {
        // SAFETY: as in `as_mut`; shared reads only.
        unsafe {
            MatRef::from_raw_parts(
                self.buf.as_ptr() as *const T,
                self.rows,
                self.cols,
                1,
                self.rows as isize,
            )
        }
    }
}

/// Scratch memory for faer's in-place routines.
pub(crate) fn scratch(req: StackReq) -> MemBuffer {
    MemBuffer::new(req)
}

/// The stack of a scratch buffer.
pub(crate) fn stack_of(mem: &mut MemBuffer) -> &mut MemStack {
    MemStack::new(mem)
}

/// An owned column-major copy of `m`.
pub(crate) fn owned<T: LinalgElem>(m: MatRef<'_, T>) -> Mat<T> {
    let mut o = Mat::zeros(m.nrows(), m.ncols());
    o.as_mut().copy_from(m);
    o
}

/// A result from values in C order, cast to the dtype NumPy returns (`res` for a complex `T`,
/// its real counterpart for a real `T`).
pub(crate) fn from_values<T: Element>(shape: &[usize], v: Vec<T>, res: DType) -> Result<Array> {
    cast_to(Array::from_shape_vec(shape, v)?, res)
}

/// `a` (computed in float64 or complex128) in the precision of `res`: float32/complex64 results
/// narrow, keeping real results real and complex ones complex.
pub(crate) fn cast_to(a: Array, res: DType) -> Result<Array> {
    let single = matches!(res, DType::Float32 | DType::Complex64);
    let want = match (a.dtype().is_complex(), single) {
        (true, true) => DType::Complex64,
        (false, true) => DType::Float32,
        _ => return Ok(a),
    };
    a.astype(want)
}

/// Copies `src` into `dst` (same shape) in 32 x 32 tiles, so that a copy between a column-major
/// and a row-major matrix reads and writes within cache.
pub(crate) fn copy_tiled<T: LinalgElem>(mut dst: MatMut<'_, T>, src: MatRef<'_, T>) {
    const B: usize = 32;
    let (m, n) = (src.nrows(), src.ncols());
    for j in (0..n).step_by(B) {
        let w = B.min(n - j);
        for i in (0..m).step_by(B) {
            let h = B.min(m - i);
            dst.rb_mut()
                .submatrix_mut(i, j, h, w)
                .copy_from(src.submatrix(i, j, h, w));
        }
    }
}
